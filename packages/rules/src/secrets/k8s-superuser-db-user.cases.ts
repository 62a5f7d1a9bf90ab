import type { K8sSecret } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const secret = (keys: K8sSecret['keys']): K8sSecret => ({
  ...live('Secret', 'backend-secrets'),
  secretType: 'Opaque',
  keys,
});
const app = (extra: Record<string, unknown> = {}) =>
  workloads({
    'k8s.deployments': list(
      deployment('coditect-backend', [
        {
          name: 'backend',
          image: `${APP_IMAGE}:v1.0.1`,
          envFrom: [{ secretRef: { name: 'backend-secrets' } }],
          ...extra,
        },
      ]),
    ),
  });

export default {
  pass: [
    {
      name: 'the remediated Secret: db-user is license_api_staging (a value the collector does not keep)',
      facets: { ...app(), 'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'set' }])] } },
    },
    {
      name: 'a literal DB_USER env value that is not a superuser',
      facets: { ...app({ env: [{ name: 'DB_USER', value: 'license_api_staging' }] }), 'k8s.secrets': { items: [] } },
    },
  ],
  fail: [
    {
      name: 'the ADR staging Secret: db-user is postgres',
      facets: {
        ...app(),
        'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' }])] },
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'DATABASE_URL connects as postgres',
      facets: {
        ...app(),
        'k8s.secrets': {
          items: [
            secret([
              {
                key: 'DATABASE_URL',
                class: 'superuser-name',
                publicValue: 'postgres',
                url: { scheme: 'postgres', user: 'postgres', host: '10.28.0.3', database: 'coditect' },
              },
            ]),
          ],
        },
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'a literal DATABASE_URL env value connects as postgres',
      facets: {
        ...app({ env: [{ name: 'DATABASE_URL', value: 'postgres://postgres@10.28.0.3:5432/coditect' }] }),
        'k8s.secrets': { items: [] },
      },
      expect: [{ messageId: 'superuser' }],
    },
  ],
} satisfies RuleCases;
