import type { Rule } from '@coditect-audit/core';
import gcpRedisPersistence from './gcp-redis-persistence.js';
import gcpSqlAutomatedBackups from './gcp-sql-automated-backups.js';
import gcpSqlPitr from './gcp-sql-pitr.js';
import tfRedisPersistence from './tf-redis-persistence.js';
import tfSqlAutomatedBackups from './tf-sql-automated-backups.js';
import tfSqlPitr from './tf-sql-pitr.js';

/** Rules of the backup area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpRedisPersistence as Rule,
  gcpSqlAutomatedBackups as Rule,
  gcpSqlPitr as Rule,
  tfRedisPersistence as Rule,
  tfSqlAutomatedBackups as Rule,
  tfSqlPitr as Rule,
];
