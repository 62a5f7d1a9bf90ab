import type { Rule } from '@coditect-audit/core';
import gcpSqlAppUser from './gcp-sql-app-user.js';
import gcpSqlInstanceReady from './gcp-sql-instance-ready.js';
import joinSecretDatabaseRole from './join-secret-database-role.js';
import probePostgresPrivileges from './probe-postgres-privileges.js';
import sqlDeletionProtection from './sql.deletion-protection.js';
import sqlEolVersion from './sql.eol-version.js';
import sqlHighAvailability from './sql.high-availability.js';
import sqlPublicExposure from './sql.public-exposure.js';
import sqlSslNotEnforced from './sql.ssl-not-enforced.js';

/** Rules of the database area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpSqlAppUser,
  gcpSqlInstanceReady,
  joinSecretDatabaseRole,
  probePostgresPrivileges,
  sqlDeletionProtection,
  sqlEolVersion,
  sqlHighAvailability,
  sqlPublicExposure,
  sqlSslNotEnforced,
];
