import type { RuleCases } from '../cases.js';
import type { K8sNode } from '@coditect-audit/core';
import { APP_IMAGE, deployment, list, live } from '../util/k8s-live-cases.js';

// ---- manifest
/** The backend Deployment running as `coditect-cloud-backend` (12 lines). */
const deploymentYaml = `apiVersion: apps/v1
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

// ---- k8s
const node = (name: string, labels: Record<string, string> = {}): K8sNode => ({
  name,
  labels: { 'cloud.google.com/gke-nodepool': 'coditect-cluster-pool', 'kubernetes.io/arch': 'amd64', ...labels },
  architecture: 'amd64',
  operatingSystem: 'linux',
  taints: [],
  ready: true,
});
const app = list(
  deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], {
    pod: { serviceAccountName: 'coditect-cloud-backend' },
  }),
);

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: the ADR fix: the KSA is annotated with the backend GSA and the Deployment runs as it',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
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
      name: 'manifest: flow-style ServiceAccount, namespace defaulted, no Deployment in the repository',
      files: {
        'k8s/sa.yaml': `apiVersion: v1
kind: ServiceAccount
metadata: { name: coditect-cloud-backend, annotations: { iam.gke.io/gcp-service-account: backend-runtime@coditect-cloud-infra.iam.gserviceaccount.com } }
`,
      },
    },
    {
      name: 'manifest: kind: List with the deprecated serviceAccount field',
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

    // ---- k8s
    {
      name: 'k8s: the remediated cluster: annotated KSA, the Deployment runs as it, metadata server on the pool',
      facets: {
        'k8s.serviceaccounts': list(
          live('ServiceAccount', 'coditect-cloud-backend', {
            metadata: {
              annotations: {
                'iam.gke.io/gcp-service-account': 'coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com',
              },
            },
          }),
        ),
        'k8s.deployments': app,
        'k8s.nodes': { items: [node('gke-a', { 'iam.gke.io/gke-metadata-server-enabled': 'true' })] },
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: the ServiceAccount has no Workload Identity annotation',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
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
      name: 'manifest: the Deployment sets no serviceAccountName and runs as default',
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
      name: 'manifest: the annotation is not a service account email',
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
      name: 'manifest: serviceAccountName: default written out, ServiceAccount not in the repository',
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
      name: 'manifest: the Deployment runs as another ServiceAccount',
      files: {
        'k8s/deployment.yaml': deploymentYaml.replace(
          'serviceAccountName: coditect-cloud-backend',
          'serviceAccountName: backend-legacy',
        ),
      },
      expect: [{ messageId: 'otherServiceAccount', file: 'k8s/deployment.yaml', line: 9, column: 7 }],
    },

    // ---- k8s
    {
      name: 'k8s: the ADR staging cluster: KSA without the annotation, node pool without the metadata server',
      facets: {
        'k8s.serviceaccounts': list(live('ServiceAccount', 'coditect-cloud-backend')),
        'k8s.deployments': app,
        'k8s.nodes': { items: [node('gke-a'), node('gke-b')] },
      },
      expect: [{ messageId: 'missingAnnotation' }, { messageId: 'metadataServerDisabled' }],
    },
    {
      name: 'k8s: the KSA does not exist and the Deployment runs as default',
      facets: {
        'k8s.serviceaccounts': { namespaces: ['coditect-staging'], items: [] },
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.nodes': { items: [] },
      },
      expect: [{ messageId: 'noServiceAccount' }, { messageId: 'otherServiceAccount' }],
    },
    {
      name: 'k8s: the annotation names something that is not a service account email',
      facets: {
        'k8s.serviceaccounts': list(
          live('ServiceAccount', 'coditect-cloud-backend', {
            metadata: { annotations: { 'iam.gke.io/gcp-service-account': 'coditect-cloud-backend' } },
          }),
        ),
        'k8s.deployments': app,
        'k8s.nodes': { items: [] },
      },
      expect: [{ messageId: 'invalidAnnotation' }],
    },
  ],
} satisfies RuleCases;
