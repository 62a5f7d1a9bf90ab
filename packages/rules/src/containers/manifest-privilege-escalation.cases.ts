import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'escalation off, capabilities dropped',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
spec:
  template:
    spec:
      containers:
        - name: backend
          image: app:1.2.3
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
`,
      },
    },
    {
      name: 'init container and container both locked (flow style), empty add list',
      files: {
        'job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox:1.36
          securityContext: {allowPrivilegeEscalation: false, privileged: false}
      containers:
        - name: migrate
          image: app:1.2.3
          securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [], drop: [ALL]}}
      restartPolicy: Never
`,
      },
    },
  ],
  fail: [
    {
      name: 'no securityContext: allowPrivilegeEscalation defaults to true, located at the container name',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: app:1.2.3
`,
      },
      expect: [{ messageId: 'escalationNotDisabled', file: 'k8s/deployment.yaml', line: 10, column: 11 }],
    },
    {
      name: 'privileged, escalation allowed and capabilities added: three findings at their keys',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        allowPrivilegeEscalation: true
        privileged: true
        capabilities:
          add: ["NET_ADMIN", "SYS_TIME"]
`,
      },
      expect: [
        { messageId: 'escalationAllowed', file: 'pod.yaml', line: 10, column: 9 },
        { messageId: 'privileged', file: 'pod.yaml', line: 11, column: 9 },
        { messageId: 'capabilitiesAdded', file: 'pod.yaml', line: 13, column: 11 },
      ],
    },
    {
      name: 'CronJob init container adds a capability; its main container is locked',
      files: {
        'cron.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: prepare
              image: busybox:1.36
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  add: [CHOWN]
          containers:
            - name: backup
              image: backup:3.1.0
              securityContext:
                allowPrivilegeEscalation: false
          restartPolicy: OnFailure
`,
      },
      expect: [{ messageId: 'capabilitiesAdded', file: 'cron.yaml', line: 17, column: 19 }],
    },
    {
      name: 'multi-document: a StatefulSet after a Service, flow-style container',
      files: {
        'db.yaml': `apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  ports: [{port: 6379}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  template:
    spec:
      containers: [{name: redis, image: "redis:7.4", securityContext: {privileged: true, allowPrivilegeEscalation: true}}]
`,
      },
      expect: [
        { messageId: 'privileged', file: 'db.yaml', line: 15, column: 72 },
        { messageId: 'escalationAllowed', file: 'db.yaml', line: 15, column: 90 },
      ],
    },
  ],
} satisfies RuleCases;
