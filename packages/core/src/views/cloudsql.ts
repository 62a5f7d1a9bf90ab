/**
 * Cloud SQL facts the Terraform rules share: read replicas, database engines, and the version lifecycle.
 */
import type { GcpSqlInstance } from '../layers/gcp.js';
import type { TfBlock } from '../snapshot/index.js';
import { childBlock, isExpression } from './terraform.js';

export const READ_REPLICA = 'READ_REPLICA_INSTANCE';

/** Why a Cloud SQL instance is a read replica (its primary holds backups and HA), or undefined. */
export function replicaOf(i: GcpSqlInstance): string | undefined {
  if (i.instanceType === READ_REPLICA) return `instanceType = ${READ_REPLICA}`;
  if (i.masterInstanceName) return `masterInstanceName = ${i.masterInstanceName}`;
  return undefined;
}

/**
 * Why a `google_sql_database_instance` is a read replica, or undefined for a primary: `master_instance_name`
 * set (to anything, a reference included), a `replica_configuration` block, or
 * `instance_type = "READ_REPLICA_INSTANCE"`. Replicas inherit backups and availability from the primary.
 */
export function replicaReason(block: TfBlock): string | undefined {
  const master = block.attributes.master_instance_name;
  if (master && master.value !== null && master.value !== '') {
    const v = isExpression(master.value) ? master.value.expression.trim() : String(master.value);
    return `master_instance_name = ${v}`;
  }
  if (childBlock(block, 'replica_configuration')) return 'it has a replica_configuration block';
  if (block.attributes.instance_type?.value === 'READ_REPLICA_INSTANCE')
    return 'instance_type = "READ_REPLICA_INSTANCE"';
  return undefined;
}

export type SqlEngine = 'postgres' | 'mysql' | 'sqlserver';

export function engineOf(databaseVersion: unknown): SqlEngine | undefined {
  if (typeof databaseVersion !== 'string') return undefined;
  if (databaseVersion.startsWith('POSTGRES_')) return 'postgres';
  if (databaseVersion.startsWith('MYSQL_')) return 'mysql';
  if (databaseVersion.startsWith('SQLSERVER_')) return 'sqlserver';
  return undefined;
}

export interface SqlVersionLifecycle {
  /** Cloud SQL `database_version` value (MySQL minor variants such as `MYSQL_8_0_31` match `MYSQL_8_0`). */
  version: string;
  label: string;
  /** Day regular support ends and paid extended support starts (YYYY-MM-DD). */
  extendedSupportFrom: string;
  /** Day the version is deprecated (no longer available) in Cloud SQL. */
  deprecatedFrom: string;
  source: string;
}

const POSTGRES_SOURCE = 'https://cloud.google.com/sql/docs/postgres/db-versions';
const MYSQL_SOURCE = 'https://cloud.google.com/sql/docs/mysql/db-versions';

/** The date the table below was checked against the Cloud SQL version pages. */
export const SQL_LIFECYCLE_AS_OF = '2026-11-26';

/**
 * Cloud SQL major-version lifecycle, from "Database versions and version policies" (the `source` pages):
 * regular support start, extended support start, deprecation date. Versions past their extended support
 * start on `SQL_LIFECYCLE_AS_OF` are end-of-life by their community and run on paid extended support.
 * The table is data, not computed from today's date, so verdicts do not change between two runs on the
 * same files; update it (and `SQL_LIFECYCLE_AS_OF`) when the pages change.
 */
export const SQL_VERSION_LIFECYCLE: readonly SqlVersionLifecycle[] = [
  pg('POSTGRES_9_6', 'PostgreSQL 9.6', '2025-02-01', '2028-02-01'),
  pg('POSTGRES_10', 'PostgreSQL 10', '2025-02-01', '2028-02-01'),
  pg('POSTGRES_11', 'PostgreSQL 11', '2025-02-01', '2028-02-01'),
  pg('POSTGRES_12', 'PostgreSQL 12', '2025-02-01', '2028-02-01'),
  pg('POSTGRES_13', 'PostgreSQL 13', '2026-02-01', '2029-02-01'),
  pg('POSTGRES_14', 'PostgreSQL 14', '2027-02-01', '2030-02-01'),
  pg('POSTGRES_15', 'PostgreSQL 15', '2028-02-01', '2031-02-01'),
  pg('POSTGRES_16', 'PostgreSQL 16', '2029-02-01', '2032-02-01'),
  pg('POSTGRES_17', 'PostgreSQL 17', '2030-02-01', '2033-02-01'),
  my('MYSQL_5_6', 'MySQL 5.6', '2025-02-01', '2028-02-01'),
  my('MYSQL_5_7', 'MySQL 5.7', '2025-02-01', '2028-02-01'),
  my('MYSQL_8_0', 'MySQL 8.0', '2026-07-01', '2029-07-01'),
];

function pg(version: string, label: string, extendedSupportFrom: string, deprecatedFrom: string) {
  return { version, label, extendedSupportFrom, deprecatedFrom, source: POSTGRES_SOURCE };
}
function my(version: string, label: string, extendedSupportFrom: string, deprecatedFrom: string) {
  return { version, label, extendedSupportFrom, deprecatedFrom, source: MYSQL_SOURCE };
}

export function lifecycleOf(databaseVersion: string): SqlVersionLifecycle | undefined {
  return SQL_VERSION_LIFECYCLE.find(
    (v) => databaseVersion === v.version || databaseVersion.startsWith(`${v.version}_`),
  );
}

/** Past the end of regular support on the table's date. */
export function isEndOfLife(v: SqlVersionLifecycle): boolean {
  return v.extendedSupportFrom <= SQL_LIFECYCLE_AS_OF;
}
