import type { GcpFacets, K8sSecret, PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const probe = (name: string, role: Partial<NonNullable<PostgresProbe['role']>> = {}): PostgresProbe => ({
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: name,
  appRole: name,
  credentialSource: 'Secret coditect-staging/backend-secrets key db-password',
  sslmode: 'verify-full',
  plaintext: { outcome: 'refused', detail: 'pg_hba.conf rejects connection, no encryption' },
  role: {
    name,
    exists: true,
    superuser: false,
    createRole: false,
    createDb: false,
    bypassRls: false,
    replication: false,
    memberOf: [],
    ...role,
  },
});

/** The app's Secret as the k8s layer records it: key classes, and a user name only when it is public. */
const secret = (keys: K8sSecret['keys']): { items: K8sSecret[] } => ({
  items: [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'backend-secrets',
      namespace: 'coditect-staging',
      object: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'backend-secrets', namespace: 'coditect-staging' },
      },
      secretType: 'Opaque',
      keys,
    },
  ],
});

const sqlUsers = (
  ...users: { name: string; type?: string; databaseRoles?: string[] }[]
): GcpFacets['gcp.sql-users'] => ({
  read: ['coditect-cloud-infra'],
  instances: [
    {
      project: 'coditect-cloud-infra',
      instance: 'coditect-db',
      users: users.map((u) => ({ type: 'BUILT_IN', ...u })),
    },
  ],
});

export default {
  pass: [
    {
      name: 'the ADR fix: a dedicated role, its name not recorded from the Secret, DML rights only',
      facets: {
        'k8s.secrets': secret([{ key: 'db-user', class: 'set' }]),
        'gcp.sql-users': sqlUsers({ name: 'postgres' }, { name: 'license_api_staging' }),
        'probe.postgres': probe('license_api_staging'),
      },
    },
  ],
  fail: [
    {
      name: 'ADR-001 Issue 2: Secret db-user = postgres → Cloud SQL user postgres → a rolsuper role',
      facets: {
        'k8s.secrets': secret([{ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' }]),
        'gcp.sql-users': sqlUsers({ name: 'postgres' }),
        'probe.postgres': probe('postgres', { superuser: true }),
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'a dedicated name that Cloud SQL reports as a cloudsqlsuperuser member',
      facets: {
        'k8s.secrets': secret([{ key: 'DB_USER', class: 'set' }]),
        'gcp.sql-users': sqlUsers({ name: 'app', databaseRoles: ['cloudsqlsuperuser'] }),
        'probe.postgres': probe('app'),
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'the DATABASE_URL user is postgres; the probe logged in with its own role',
      facets: {
        'k8s.secrets': secret([
          { key: 'DATABASE_URL', class: 'set', url: { scheme: 'postgres', user: 'postgres', host: '10.28.0.3' } },
        ]),
        'gcp.sql-users': sqlUsers({ name: 'postgres' }),
        'probe.postgres': probe('postgres', { memberOf: ['cloudsqlsuperuser'] }),
      },
      expect: [{ messageId: 'superuser' }],
    },
  ],
} satisfies RuleCases;
