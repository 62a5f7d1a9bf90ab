import type { Rule } from '@coditect-audit/core';
import backupSqlAutomated from './backup.sql-automated.js';
import backupSqlPitr from './backup.sql-pitr.js';
import gcpRedisPersistence from './gcp-redis-persistence.js';
import tfRedisPersistence from './tf-redis-persistence.js';

/** Rules of the backup area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [backupSqlAutomated, backupSqlPitr, gcpRedisPersistence, tfRedisPersistence];
