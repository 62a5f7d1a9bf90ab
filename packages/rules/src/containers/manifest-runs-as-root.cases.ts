import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'pod-level runAsNonRoot: true covers every container',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: backend
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging
`,
      },
    },
    {
      name: 'a container runAsUser overrides a root pod runAsUser',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: worker
      image: app:1.2.3
      securityContext:
        runAsUser: 1000
`,
      },
    },
    {
      name: 'CronJob: the pod spec under spec.jobTemplate.spec.template.spec',
      files: {
        'cron.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: cleanup
              image: app:1.2.3
          restartPolicy: Never
`,
      },
    },
    {
      name: 'runAsNonRoot: false with a non-zero runAsUser still runs as that user',
      files: {
        'job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: app:1.2.3
          securityContext: {runAsNonRoot: false, runAsUser: 1000}
      restartPolicy: Never
`,
      },
    },
  ],
  fail: [
    {
      name: 'explicit runAsUser: 0 on the container, located at the key',
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
            runAsUser: 0
`,
      },
      expect: [{ messageId: 'rootUser', file: 'k8s/deployment.yaml', line: 12, column: 13, certainty: 'high' }],
    },
    {
      name: 'pod-level runAsUser: 0 applies to every container and init container',
      files: {
        'sts.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
spec:
  template:
    spec:
      securityContext:
        runAsUser: 0
      initContainers:
        - name: init-perms
          image: busybox:1.36
      containers:
        - name: postgres
          image: postgres:16
`,
      },
      expect: [
        { messageId: 'rootUser', file: 'sts.yaml', line: 9, column: 9 },
        { messageId: 'rootUser', file: 'sts.yaml', line: 9, column: 9 },
      ],
    },
    {
      name: 'neither runAsNonRoot nor runAsUser: root is not prevented, at the container name',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  replicas: 2
  template:
    spec:
      serviceAccountName: coditect-cloud-backend
      containers:
        - name: backend
          image: app:1.2.3
`,
      },
      expect: [{ messageId: 'notEnforced', file: 'k8s/deployment.yaml', line: 12, column: 11, certainty: 'high' }],
    },
    {
      name: 'explicit runAsNonRoot: false: high certainty',
      files: {
        'ds.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: false
      containers:
        - name: agent
          image: agent:2.0.1
`,
      },
      expect: [{ messageId: 'nonRootDisabled', file: 'ds.yaml', line: 9, column: 9, certainty: 'high' }],
    },
    {
      name: 'multi-document file and kind: List: every workload is checked, other kinds ignored',
      files: {
        'k8s/all.yaml': `apiVersion: v1
kind: Service
metadata:
  name: backend
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
          containers:
            - name: web
              image: web:1.0.0
              securityContext:
                runAsUser: 0
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - {name: report, image: "report:1.0.0"}
`,
      },
      expect: [
        { messageId: 'rootUser', file: 'k8s/all.yaml', line: 22, column: 17 },
        { messageId: 'notEnforced', file: 'k8s/all.yaml', line: 33, column: 20, certainty: 'high' },
      ],
    },
  ],
} satisfies RuleCases;
