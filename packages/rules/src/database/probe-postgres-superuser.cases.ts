import type { PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const app: PostgresProbe = {
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'verify-full',
  server: { version: '16.4', versionNum: 160004, major: 16 },
  session: { ssl: true, sslVersion: 'TLSv1.3', readOnly: true },
  plaintext: { outcome: 'refused', detail: 'pg_hba.conf rejects connection, no encryption' },
  role: {
    name: 'license_api_staging',
    exists: true,
    superuser: false,
    createRole: false,
    createDb: false,
    bypassRls: false,
    replication: false,
    memberOf: [],
  },
};
const as = (name: string, role: Partial<NonNullable<PostgresProbe['role']>>): PostgresProbe => ({
  ...app,
  login: name,
  appRole: name,
  role: { ...app.role!, name, ...role },
});

export default {
  pass: [
    { name: 'the ADR fix: a dedicated DML-only role', facets: { 'probe.postgres': app } },
    { name: 'a member of an ordinary group role', facets: { 'probe.postgres': as('api', { memberOf: ['app_rw'] }) } },
  ],
  fail: [
    {
      name: 'the ADR as deployed: the app logs in as a superuser',
      facets: { 'probe.postgres': as('postgres', { superuser: true }) },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'Cloud SQL postgres: not rolsuper, but a cloudsqlsuperuser member',
      facets: {
        'probe.postgres': as('coditect_admin', { createRole: true, createDb: true, memberOf: ['cloudsqlsuperuser'] }),
      },
      expect: [{ messageId: 'cloudsqlsuperuser' }],
    },
    {
      name: 'an administrator account by name',
      facets: { 'probe.postgres': as('admin', {}) },
      expect: [{ messageId: 'superuserName' }],
    },
    {
      name: 'the configured role does not exist',
      facets: { 'probe.postgres': as('ghost', { exists: false }) },
      expect: [{ messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
