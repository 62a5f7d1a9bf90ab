import type { Rule } from '@coditect-audit/core';
import gcpSqlAppUser from './gcp-sql-app-user.js';
import gcpSqlDeletionProtection from './gcp-sql-deletion-protection.js';
import gcpSqlEolVersion from './gcp-sql-eol-version.js';
import gcpSqlHighAvailability from './gcp-sql-high-availability.js';
import gcpSqlInstanceReady from './gcp-sql-instance-ready.js';
import gcpSqlPublicExposure from './gcp-sql-public-exposure.js';
import gcpSqlSslMode from './gcp-sql-ssl-mode.js';
import joinSecretDatabaseRole from './join-secret-database-role.js';
import probePostgresPrivileges from './probe-postgres-privileges.js';
import probePostgresSslEnforced from './probe-postgres-ssl-enforced.js';
import probePostgresSuperuser from './probe-postgres-superuser.js';
import tfSqlDeletionProtection from './tf-sql-deletion-protection.js';
import tfSqlEolVersion from './tf-sql-eol-version.js';
import tfSqlHighAvailability from './tf-sql-high-availability.js';
import tfSqlPublicExposure from './tf-sql-public-exposure.js';
import tfSqlSslMode from './tf-sql-ssl-mode.js';

/** Rules of the database area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpSqlAppUser as Rule,
  gcpSqlDeletionProtection as Rule,
  gcpSqlEolVersion as Rule,
  gcpSqlHighAvailability as Rule,
  gcpSqlInstanceReady as Rule,
  gcpSqlPublicExposure as Rule,
  gcpSqlSslMode as Rule,
  joinSecretDatabaseRole as Rule,
  probePostgresPrivileges as Rule,
  probePostgresSslEnforced as Rule,
  probePostgresSuperuser as Rule,
  tfSqlDeletionProtection as Rule,
  tfSqlEolVersion as Rule,
  tfSqlHighAvailability as Rule,
  tfSqlPublicExposure as Rule,
  tfSqlSslMode as Rule,
];
