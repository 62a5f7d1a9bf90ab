import type { K8sSecret } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const secret = (name: string, keys: K8sSecret['keys']): K8sSecret => ({
  ...live('Secret', name, { metadata: { labels: { app: 'coditect-backend' } } }),
  secretType: 'Opaque',
  keys,
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
      name: 'the remediated Secret: every value real (classes only, never values)',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret('backend-secrets', [
              { key: 'db-host', class: 'set' },
              { key: 'db-password', class: 'set' },
              { key: 'db-sslmode', class: 'set', publicValue: 'require' },
              { key: 'db-user', class: 'set' },
            ]),
          ],
        },
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging Secret: CHANGEME, placeholder, TODO and localhost',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret('backend-secrets', [
              { key: 'db-host', class: 'placeholder' },
              { key: 'db-name', class: 'set' },
              { key: 'db-password', class: 'placeholder' },
              { key: 'db-user', class: 'superuser-name', publicValue: 'postgres' },
              { key: 'django-secret-key', class: 'placeholder' },
              { key: 'redis-host', class: 'example-host', publicValue: 'localhost' },
            ]),
          ],
        },
      },
      expect: [
        { messageId: 'placeholderValue' },
        { messageId: 'placeholderValue' },
        { messageId: 'placeholderValue' },
        { messageId: 'exampleHost' },
      ],
    },
    {
      name: 'an expected Secret no workload references yet, with an empty key',
      facets: {
        ...workloads({}),
        'k8s.secrets': { items: [secret('backend-secrets', [{ key: 'django-secret-key', class: 'empty' }])] },
      },
      expect: [{ messageId: 'emptyValue' }],
    },
  ],
} satisfies RuleCases;
