import type { Rule } from '@coditect-audit/core';
import backupSqlPitr from './backup.sql-pitr.js';
import gcpRedisPersistence from './gcp-redis-persistence.js';
import gcpSqlAutomatedBackups from './gcp-sql-automated-backups.js';
import tfRedisPersistence from './tf-redis-persistence.js';
import tfSqlAutomatedBackups from './tf-sql-automated-backups.js';

/** Rules of the backup area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  backupSqlPitr,
  gcpRedisPersistence,
  gcpSqlAutomatedBackups,
  tfRedisPersistence,
  tfSqlAutomatedBackups,
];
