import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';

const secret = (name: string) => ({ project: PROJECT, name, labels: {}, replication: 'automatic' as const });

export default {
  pass: [
    {
      name: 'the three ADR secrets exist',
      facets: {
        'gcp.secretmanager': {
          read: READ_PROJECT,
          secrets: [secret('db-password-staging'), secret('django-secret-key'), secret('redis-password-staging')],
        },
      },
    },
  ],
  fail: [
    {
      name: 'only one of them exists',
      facets: { 'gcp.secretmanager': { read: READ_PROJECT, secrets: [secret('django-secret-key')] } },
      expect: [{ messageId: 'missing' }, { messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
