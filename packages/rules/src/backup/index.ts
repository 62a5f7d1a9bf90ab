import type { Rule } from '@coditect-audit/core';
import backupRedisPersistence from './backup.redis-persistence.js';
import gcpSqlAutomatedBackups from './gcp-sql-automated-backups.js';
import gcpSqlPitr from './gcp-sql-pitr.js';
import tfSqlAutomatedBackups from './tf-sql-automated-backups.js';
import tfSqlPitr from './tf-sql-pitr.js';

/** Rules of the backup area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  backupRedisPersistence,
  gcpSqlAutomatedBackups as Rule,
  gcpSqlPitr as Rule,
  tfSqlAutomatedBackups as Rule,
  tfSqlPitr as Rule,
];
