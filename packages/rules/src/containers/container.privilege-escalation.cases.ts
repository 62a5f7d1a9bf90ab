import type { RuleCases } from '../cases.js';
import { deploymentManifest } from '../util/manifest-cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

/** One table for every source the rule judges; each case names its source first. */

export default {
  pass: [
    {
      name: 'manifest: a kustomize Component patch is merged onto the base of the overlay that lists the component',
      files: {
        'base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: kube-system
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.2.3
          resources:
            requests:
              cpu: 100m
          securityContext:
            allowPrivilegeEscalation: false
`,
        'base/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n',
        'components/resizer/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatchesStrategicMerge: [patch.yaml]\n',
        'components/resizer/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: kube-system
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            $patch: delete
`,
        'overlays/prod/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\ncomponents: [../../components/resizer]\n',
      },
    },
    // ---- manifest
    {
      name: 'manifest: escalation off, capabilities dropped',
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
      name: 'manifest: init container and container both locked (flow style), empty add list',
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
    {
      name: 'manifest: an ingress controller drops every capability and adds back NET_BIND_SERVICE alone (PSS Restricted)',
      files: {
        'controller.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-controller
spec:
  template:
    spec:
      containers:
        - name: controller
          image: controller:1.12.0
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE]
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated Deployment: no escalation, all capabilities dropped',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            {
              name: 'backend',
              image: `${APP_IMAGE}:v1.0.1`,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ]),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'manifest: privileged with allowPrivilegeEscalation unset: the privileged finding alone (false is refused beside it)',
      files: {
        'k8s/builder.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: builder
spec:
  template:
    spec:
      containers:
        - name: builder
          image: example.com/builder:1.2.3
          securityContext:
            privileged: true
`,
      },
      expect: [{ messageId: 'privileged', file: 'k8s/builder.yaml', line: 12 }],
    },
    // ---- manifest
    {
      name: 'manifest: no securityContext: allowPrivilegeEscalation defaults to true, located at the container name',
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
      name: 'manifest: privileged, escalation allowed and capabilities added: three findings at their keys',
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
      name: 'manifest: NET_BIND_SERVICE with another capability: the other is named',
      files: {
        'proxy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: proxy
spec:
  template:
    spec:
      containers:
        - name: proxy
          image: proxy:2.0.1
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              add: [NET_BIND_SERVICE, NET_RAW]
`,
      },
      expect: [
        {
          messageId: 'capabilitiesAdded',
          file: 'proxy.yaml',
          line: 14,
          column: 15,
        },
      ],
    },
    {
      name: 'manifest: CronJob init container adds a capability; its main container is locked',
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
      name: 'manifest: multi-document: a StatefulSet after a Service, flow-style container',
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
    // ---- k8s
    {
      // kustomize applies an overlay's patches one after the other to one Deployment: the second patch (its
      // limits) is judged on the Deployment the first (its securityContext) made, not on the bare base. The
      // base is judged as written too; the rendered Deployment is locked.
      name: 'manifest: kustomize overlay: a later patch is judged after the earlier patch that locks the container',
      files: {
        'k8s/base/deployment.yaml': deploymentManifest('web', '          image: ghcr.io/acme/web:1.4.2\n'),
        'k8s/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
        'k8s/prod/kustomization.yaml': `resources: [../base]
patches:
  - path: limits.yaml
patchesStrategicMerge:
  - security.yaml
`,
        'k8s/prod/security.yaml': deploymentManifest(
          'web',
          '          securityContext:\n            allowPrivilegeEscalation: false\n',
        ),
        'k8s/prod/limits.yaml': deploymentManifest('web', '          resources: {limits: {memory: 256Mi}}\n'),
      },
      expect: [{ messageId: 'escalationNotDisabled', file: 'k8s/base/deployment.yaml', line: 9, column: 11 }],
    },
    {
      // The tree is untrusted: a patch applied later cannot take an earlier one's setting out of the gate. Each
      // patch file is judged on what the base is when it applies, so the privileged container is found in the
      // file that makes it so, though the rendered Deployment ends unprivileged.
      name: 'manifest: kustomize overlay: a later patch that undoes an earlier one does not hide the earlier file',
      files: {
        'k8s/base/deployment.yaml': deploymentManifest(
          'web',
          '          image: ghcr.io/acme/web:1.4.2\n          securityContext: {allowPrivilegeEscalation: false}\n',
        ),
        'k8s/prod/kustomization.yaml': `resources: [../base/deployment.yaml]
patchesStrategicMerge: [debug.yaml, undo.yaml]
`,
        'k8s/prod/debug.yaml': deploymentManifest('web', '          securityContext: {privileged: true}\n'),
        'k8s/prod/undo.yaml': deploymentManifest('web', '          securityContext: {privileged: false}\n'),
      },
      expect: [{ messageId: 'privileged', file: 'k8s/prod/debug.yaml', line: 10, column: 29 }],
    },
    {
      name: 'k8s: the ADR staging Deployment leaves allowPrivilegeEscalation unset',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
      }),
      expect: [{ messageId: 'escalationNotDisabled' }],
    },
    {
      name: 'k8s: a DaemonSet running privileged with NET_ADMIN (three findings on one container)',
      facets: workloads({
        'k8s.daemonsets': list(
          live('DaemonSet', 'node-agent', {
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'agent',
                      image: 'example.org/agent:2.1.0',
                      securityContext: {
                        allowPrivilegeEscalation: true,
                        privileged: true,
                        capabilities: { add: ['NET_ADMIN'] },
                      },
                    },
                  ],
                },
              },
            },
          }),
        ),
      }),
      expect: [{ messageId: 'escalationAllowed' }, { messageId: 'privileged' }, { messageId: 'capabilitiesAdded' }],
    },
    // ---- manifest and k8s in one case: one finding per source, each at its own place
    {
      name: 'manifest and k8s: the repository locks the container, the cluster runs an older spec that does not',
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
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect/coditect-cloud-backend:v1.0.0
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
`,
      },
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
      }),
      expect: [{ messageId: 'escalationNotDisabled', source: 'k8s' }],
    },
  ],
} satisfies RuleCases;
