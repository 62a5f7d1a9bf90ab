import type { Rule } from '@coditect-audit/core';
import backupRedisPersistence from './backup.redis-persistence.js';
import backupSqlAutomated from './backup.sql-automated.js';
import backupSqlPitr from './backup.sql-pitr.js';

/** Rules of the backup area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [backupRedisPersistence, backupSqlAutomated, backupSqlPitr];
