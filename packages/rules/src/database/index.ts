import type { Rule } from '@coditect-audit/core';
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
  probePostgresPrivileges as Rule,
  probePostgresSslEnforced as Rule,
  probePostgresSuperuser as Rule,
  tfSqlDeletionProtection as Rule,
  tfSqlEolVersion as Rule,
  tfSqlHighAvailability as Rule,
  tfSqlPublicExposure as Rule,
  tfSqlSslMode as Rule,
];
