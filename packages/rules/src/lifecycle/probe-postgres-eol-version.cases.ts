import type { PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const server = (version: string, versionNum: number): PostgresProbe => ({
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'require',
  server: {
    version,
    versionNum,
    major: versionNum >= 100000 ? Math.floor(versionNum / 10000) : Math.floor(versionNum / 100),
  },
  plaintext: { outcome: 'refused', detail: 'no encryption' },
});

export default {
  pass: [
    { name: 'ADR-001: Cloud SQL POSTGRES_16', facets: { 'probe.postgres': server('16.4', 160004) } },
    {
      name: 'PostgreSQL 15 from Debian 12',
      facets: { 'probe.postgres': server('15.18 (Debian 15.18-0+deb12u1)', 150018) },
    },
  ],
  fail: [
    {
      name: 'PostgreSQL 12, past its final release',
      facets: { 'probe.postgres': server('12.22', 120022) },
      expect: [{ messageId: 'endOfLife' }],
    },
    {
      name: 'PostgreSQL 9.6 (two-part major version)',
      facets: { 'probe.postgres': server('9.6.24', 90624) },
      expect: [{ messageId: 'endOfLife' }],
    },
    {
      name: 'PostgreSQL 9.1, older than the table',
      facets: { 'probe.postgres': server('9.1.24', 90124) },
      expect: [{ messageId: 'endOfLife' }],
    },
  ],
} satisfies RuleCases;
