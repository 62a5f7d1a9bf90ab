import type { RuleCases } from '../cases.js';
import { APP_DIGEST, APP_IMAGE, deployment, list, live } from '../util/k8s-live-cases.js';

// ---- manifest
const image = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

// ---- k8s
const probes = {
  livenessProbe: { httpGet: { path: '/api/v1/health/live', port: 'http' } },
  readinessProbe: { httpGet: { path: '/api/v1/health/ready', port: 'http' } },
};
const owned = {
  ownerReferences: [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
  ],
};
const crashing = (name: string) =>
  live('Pod', name, {
    metadata: { ...owned, labels: { app: 'coditect-backend', 'pod-template-hash': '7c9d5b8f4d' } },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'backend',
          ready: false,
          restartCount: 17,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=backend' },
          },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        },
      ],
    },
  });

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: the ADR Deployment: 2 replicas with health checks, Artifact Registry image',
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
      containers:
        - name: backend
          image: ${image}:v1.0.1
          livenessProbe:
            httpGet: { path: /api/v1/health/live, port: 8000 }
          readinessProbe:
            httpGet: { path: /api/v1/health/ready, port: 8000 }
`,
      },
    },
    {
      name: 'manifest: an HPA keeps 3 replicas; image by digest; app container chosen by name beside a sidecar',
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
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1
        - name: backend
          image: ${image}@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69
          livenessProbe: { tcpSocket: { port: 8000 } }
          readinessProbe: { httpGet: { path: /api/v1/health/ready, port: 8000 } }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: coditect-backend }
  minReplicas: 3
  maxReplicas: 6
`,
      },
      expectations: { app: { container: 'backend' } },
    },
    {
      name: 'manifest: namespace defaulted, minReplicas lowered by the expectations',
      files: {
        'deploy/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: coditect-backend }
spec:
  template:
    spec:
      containers:
        - { name: backend, image: "${image}:v2", livenessProbe: { exec: { command: [true] } }, readinessProbe: { exec: { command: [true] } } }
`,
      },
      expectations: { app: { minReplicas: 1 } },
    },

    // ---- k8s
    {
      name: 'k8s: the remediated Deployment: 2 of 2 available, digest-pinned app image, both probes',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}@${APP_DIGEST}`, ...probes }], {
            generation: 5,
            status: { observedGeneration: 5, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
          }),
        ),
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: one replica',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: backend
          image: ${image}:v1.0.1
          livenessProbe:
            httpGet: { path: /api/v1/health/live, port: 8000 }
          readinessProbe:
            httpGet: { path: /api/v1/health/ready, port: 8000 }
`,
      },
      expect: [{ messageId: 'tooFewReplicas', file: 'k8s/deployment.yaml', line: 7, column: 3 }],
    },
    {
      name: 'manifest: replicas unset (1) and no probes: three findings',
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
          image: ${image}:v1.0.1
`,
      },
      expect: [
        { messageId: 'tooFewReplicas', file: 'k8s/deployment.yaml', line: 6, column: 1 },
        { messageId: 'noLivenessProbe', file: 'k8s/deployment.yaml', line: 10, column: 11 },
        { messageId: 'noReadinessProbe', file: 'k8s/deployment.yaml', line: 10, column: 11 },
      ],
    },
    {
      name: 'manifest: the image still comes from Container Registry',
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
      containers:
        - name: backend
          image: gcr.io/coditect-cloud-infra/coditect-cloud-backend:v1.0.0-staging
          livenessProbe: { httpGet: { path: /api/v1/health/live, port: 8000 } }
          readinessProbe: { httpGet: { path: /api/v1/health/ready, port: 8000 } }
`,
      },
      expect: [{ messageId: 'wrongImage', file: 'k8s/deployment.yaml', line: 12, column: 11 }],
    },
    {
      name: 'manifest: an HPA lets the Deployment scale down to one replica',
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
      containers:
        - name: backend
          image: ${image}:v1.0.1
          livenessProbe: { httpGet: { path: /api/v1/health/live, port: 8000 } }
          readinessProbe: { httpGet: { path: /api/v1/health/ready, port: 8000 } }
`,
        'k8s/hpa.yaml': `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: backend
  namespace: coditect-staging
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: coditect-backend
  minReplicas: 1
  maxReplicas: 4
`,
      },
      expect: [{ messageId: 'tooFewAutoscaled', file: 'k8s/hpa.yaml', line: 11, column: 3 }],
    },
    {
      name: 'manifest: kind: List: the expected container name is not there',
      files: {
        'k8s/list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: coditect-backend
      namespace: coditect-staging
    spec:
      replicas: 2
      template:
        spec:
          containers:
            - name: web
              image: ${image}:v1.0.1
`,
      },
      expectations: { app: { container: 'backend' } },
      expect: [{ messageId: 'noAppContainer', file: 'k8s/list.yaml', line: 14, column: 15 }],
    },

    // ---- k8s
    {
      name: 'k8s: the ADR staging state: 0 of 2 available, pods in CrashLoopBackOff',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging`, ...probes }], {
            generation: 3,
            status: {
              observedGeneration: 3,
              replicas: 2,
              updatedReplicas: 2,
              unavailableReplicas: 2,
              conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
            },
          }),
        ),
        'k8s.pods': list(crashing('coditect-backend-7c9d5b8f4d-h2x9q'), crashing('coditect-backend-7c9d5b8f4d-q8m4z')),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'notAvailable' }],
    },
    {
      name: 'k8s: one replica of a Docker Hub image without probes, still rolling out',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: 'python:3.12-slim' }], {
            replicas: 1,
            generation: 4,
            status: { observedGeneration: 3, replicas: 1, updatedReplicas: 0, availableReplicas: 1 },
          }),
        ),
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [
        { messageId: 'tooFewReplicas' },
        { messageId: 'rolloutIncomplete' },
        { messageId: 'noLivenessProbe' },
        { messageId: 'noReadinessProbe' },
        { messageId: 'wrongImage' },
      ],
    },
    {
      name: 'k8s: the app Deployment is not in the namespace',
      facets: {
        'k8s.deployments': { namespaces: ['coditect-staging'], items: [] },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
