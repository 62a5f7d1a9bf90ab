import type { K8sNode } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live } from '../util/k8s-live-cases.js';

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

export default {
  pass: [
    {
      name: 'the remediated cluster: annotated KSA, the Deployment runs as it, metadata server on the pool',
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
    {
      name: 'the ADR staging cluster: KSA without the annotation, node pool without the metadata server',
      facets: {
        'k8s.serviceaccounts': list(live('ServiceAccount', 'coditect-cloud-backend')),
        'k8s.deployments': app,
        'k8s.nodes': { items: [node('gke-a'), node('gke-b')] },
      },
      expect: [{ messageId: 'missingAnnotation' }, { messageId: 'metadataServerDisabled' }],
    },
    {
      name: 'the KSA does not exist and the Deployment runs as default',
      facets: {
        'k8s.serviceaccounts': { namespaces: ['coditect-staging'], items: [] },
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.nodes': { items: [] },
      },
      expect: [{ messageId: 'noServiceAccount' }, { messageId: 'otherServiceAccount' }],
    },
    {
      name: 'the annotation names something that is not a service account email',
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
