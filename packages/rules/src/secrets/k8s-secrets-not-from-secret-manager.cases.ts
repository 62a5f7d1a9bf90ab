import type { K8sSecret } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const secret = (metadata: Record<string, unknown> = {}): K8sSecret => ({
  ...live('Secret', 'backend-secrets', { metadata }),
  secretType: 'Opaque',
  keys: [{ key: 'db-password', class: 'set' }],
});
const app = workloads({
  'k8s.deployments': list(
    deployment('coditect-backend', [
      { name: 'backend', image: `${APP_IMAGE}:v1.0.1`, envFrom: [{ secretRef: { name: 'backend-secrets' } }] },
    ]),
  ),
});

export default {
  pass: [
    {
      name: 'the remediated Secret is owned by ExternalSecret backend-secrets',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret({
              labels: { 'reconcile.external-secrets.io/managed': 'true' },
              ownerReferences: [
                {
                  apiVersion: 'external-secrets.io/v1',
                  kind: 'ExternalSecret',
                  name: 'backend-secrets',
                  controller: true,
                },
              ],
            }),
          ],
        },
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging Secret was created with kubectl',
      facets: { ...app, 'k8s.secrets': { items: [secret({ labels: { app: 'coditect-backend' } })] } },
      expect: [{ messageId: 'handMade' }],
    },
    {
      name: 'the Secret the app reads does not exist',
      facets: { ...app, 'k8s.secrets': { namespaces: ['coditect-staging'], items: [] } },
      expect: [{ messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
