import type { RuleCases } from '../cases.js';

/** The backend Deployment running as `coditect-cloud-backend` (12 lines). */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      serviceAccountName: coditect-cloud-backend
      containers:
        - name: backend
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.1
`;

export default {
  pass: [
    {
      name: 'the ADR fix: the KSA is annotated with the backend GSA and the Deployment runs as it',
      files: {
        'k8s/deployment.yaml': deployment,
        'k8s/serviceaccount.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: coditect-cloud-backend
  namespace: coditect-staging
  annotations:
    iam.gke.io/gcp-service-account: coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com
`,
      },
    },
    {
      name: 'flow-style ServiceAccount, namespace defaulted, no Deployment in the repository',
      files: {
        'k8s/sa.yaml': `apiVersion: v1
kind: ServiceAccount
metadata: { name: coditect-cloud-backend, annotations: { iam.gke.io/gcp-service-account: backend-runtime@coditect-cloud-infra.iam.gserviceaccount.com } }
`,
      },
    },
    {
      name: 'kind: List with the deprecated serviceAccount field',
      files: {
        'k8s/list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: coditect-cloud-backend
      namespace: coditect-staging
      annotations:
        iam.gke.io/gcp-service-account: coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: coditect-backend
      namespace: coditect-staging
    spec:
      template:
        spec:
          serviceAccount: coditect-cloud-backend
          containers: [{ name: backend, image: busybox }]
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR fixture: the ServiceAccount has no Workload Identity annotation',
      files: {
        'k8s/deployment.yaml': deployment,
        'k8s/serviceaccount.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: coditect-cloud-backend
  namespace: coditect-staging
  labels:
    app: coditect-backend
`,
      },
      expect: [{ messageId: 'missingAnnotation', file: 'k8s/serviceaccount.yaml', line: 4, column: 3 }],
    },
    {
      name: 'the Deployment sets no serviceAccountName and runs as default',
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
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.1
`,
        'k8s/serviceaccount.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: coditect-cloud-backend
  namespace: coditect-staging
  annotations:
    iam.gke.io/gcp-service-account: coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com
`,
      },
      expect: [{ messageId: 'defaultServiceAccount', file: 'k8s/deployment.yaml', line: 8, column: 5 }],
    },
    {
      name: 'the annotation is not a service account email',
      files: {
        'k8s/serviceaccount.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: coditect-cloud-backend
  namespace: coditect-staging
  annotations:
    iam.gke.io/gcp-service-account: coditect-cloud-backend
`,
      },
      expect: [{ messageId: 'invalidAnnotation', file: 'k8s/serviceaccount.yaml', line: 7, column: 5 }],
    },
    {
      name: 'serviceAccountName: default written out, ServiceAccount not in the repository',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      serviceAccountName: default
      containers:
        - name: backend
`,
      },
      expect: [{ messageId: 'defaultServiceAccount', file: 'k8s/deployment.yaml', line: 9, column: 7 }],
    },
    {
      name: 'the Deployment runs as another ServiceAccount',
      files: {
        'k8s/deployment.yaml': deployment.replace(
          'serviceAccountName: coditect-cloud-backend',
          'serviceAccountName: backend-legacy',
        ),
      },
      expect: [{ messageId: 'otherServiceAccount', file: 'k8s/deployment.yaml', line: 9, column: 7 }],
    },
  ],
} satisfies RuleCases;
