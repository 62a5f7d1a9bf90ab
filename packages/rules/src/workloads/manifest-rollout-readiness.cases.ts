import type { RuleCases } from '../cases.js';

const image = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

export default {
  pass: [
    {
      name: 'the ADR Deployment: 2 replicas with health checks, Artifact Registry image',
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
      name: 'an HPA keeps 3 replicas; image by digest; app container chosen by name beside a sidecar',
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
      name: 'namespace defaulted, minReplicas lowered by the expectations',
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
  ],
  fail: [
    {
      name: 'one replica',
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
      name: 'replicas unset (1) and no probes: three findings',
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
      name: 'the image still comes from Container Registry',
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
      name: 'an HPA lets the Deployment scale down to one replica',
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
      name: 'kind: List: the expected container name is not there',
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
  ],
} satisfies RuleCases;
