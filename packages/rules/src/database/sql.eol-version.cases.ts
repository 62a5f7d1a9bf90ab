import type { PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const instance = (version: string) => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = ${version}
  settings {
    tier = "db-custom-2-7680"
  }
}
`;

// ---- probe
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
    // ---- tf
    { name: 'the ADR instance: POSTGRES_16', files: { 'main.tf': instance('"POSTGRES_16"') } },
    { name: 'tf: POSTGRES_14, still in regular support', files: { 'main.tf': instance('"POSTGRES_14"') } },
    { name: 'tf: MYSQL_8_4 (not in the lifecycle table)', files: { 'main.tf': instance('"MYSQL_8_4"') } },
    // ---- gcp
    { name: 'gcp: POSTGRES_16', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    // ---- probe
    { name: 'probe: ADR-001: Cloud SQL POSTGRES_16', facets: { 'probe.postgres': server('16.4', 160004) } },
    {
      name: 'probe: PostgreSQL 15 from Debian 12',
      facets: { 'probe.postgres': server('15.18 (Debian 15.18-0+deb12u1)', 150018) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: POSTGRES_12: in extended support since 2025-02-01',
      files: { 'main.tf': instance('"POSTGRES_12"') },
      expect: [{ messageId: 'endOfLife', file: 'main.tf', line: 3, column: 3 }],
    },
    {
      name: 'tf: POSTGRES_9_6',
      files: { 'main.tf': instance('"POSTGRES_9_6"') },
      expect: [{ messageId: 'endOfLife', file: 'main.tf', line: 3 }],
    },
    {
      name: 'tf: POSTGRES_13: in extended support since 2026-02-01',
      files: { 'main.tf': instance('"POSTGRES_13"') },
      expect: [{ messageId: 'endOfLife', file: 'main.tf', line: 3 }],
    },
    {
      name: 'tf: MYSQL_5_7',
      files: { 'main.tf': instance('"MYSQL_5_7"') },
      expect: [{ messageId: 'endOfLife', file: 'main.tf', line: 3 }],
    },
    {
      name: 'tf: a MySQL 8.0 minor version: in extended support since 2026-07-01',
      files: { 'main.tf': instance('"MYSQL_8_0_31"') },
      expect: [{ messageId: 'endOfLife', file: 'main.tf', line: 3 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: { 'modules/cloudsql/main.tf': instance('var.database_version') },
      expect: [{ messageId: 'unresolved', file: 'modules/cloudsql/main.tf', line: 3, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: POSTGRES_12 on extended support',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ databaseVersion: 'POSTGRES_12' })) },
      expect: [{ messageId: 'liveEndOfLife' }],
    },
    // ---- probe
    {
      name: 'probe: PostgreSQL 12, past its final release',
      facets: { 'probe.postgres': server('12.22', 120022) },
      expect: [{ messageId: 'endOfLife' }],
    },
    {
      name: 'probe: PostgreSQL 9.6 (two-part major version)',
      facets: { 'probe.postgres': server('9.6.24', 90624) },
      expect: [{ messageId: 'endOfLife' }],
    },
    {
      name: 'probe: PostgreSQL 9.1, older than the table',
      facets: { 'probe.postgres': server('9.1.24', 90124) },
      expect: [{ messageId: 'endOfLife' }],
    },
  ],
} satisfies RuleCases;
