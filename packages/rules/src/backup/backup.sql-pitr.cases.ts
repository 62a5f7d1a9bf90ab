import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const instance = (version: string, backup: string) => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "${version}"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
${backup}
    }
  }
}
`;

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: PostgreSQL with point_in_time_recovery_enabled and backups',
      files: {
        'main.tf': instance(
          'POSTGRES_16',
          `      enabled                        = true
      point_in_time_recovery_enabled = true`,
        ),
      },
    },
    {
      name: 'tf: MySQL keeps the binary log',
      files: {
        'main.tf': instance(
          'MYSQL_8_4',
          `      enabled            = true
      binary_log_enabled = true`,
        ),
      },
    },
    {
      name: 'tf: a read replica without PITR is skipped; its primary has it',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "coditect-db-replica"
  database_version     = "POSTGRES_16"
  master_instance_name = "coditect-db"
  settings {
    tier = "db-custom-2-7680"
  }
}
`,
      },
    },
    // ---- gcp
    { name: 'gcp: PostgreSQL with PITR', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'gcp: MySQL with binary logging',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ databaseVersion: 'MYSQL_8_4', settings: { backupConfiguration: { binaryLogEnabled: true } } }),
        ),
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR fixture: backups on, PITR false',
      files: {
        'main.tf': instance(
          'POSTGRES_16',
          `      enabled                        = true
      point_in_time_recovery_enabled = false`,
        ),
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 8, column: 7 }],
    },
    {
      name: 'tf: PITR not set: located at backup_configuration',
      files: { 'main.tf': instance('POSTGRES_16', '      enabled = true') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 6, column: 5 }],
    },
    {
      name: 'tf: MySQL: point_in_time_recovery_enabled is not the MySQL switch',
      files: {
        'main.tf': instance(
          'MYSQL_8_4',
          `      enabled                        = true
      point_in_time_recovery_enabled = true`,
        ),
      },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 6 }],
    },
    {
      name: 'tf: PITR on but automated backups off',
      files: {
        'main.tf': instance(
          'POSTGRES_16',
          `      enabled                        = false
      point_in_time_recovery_enabled = true`,
        ),
      },
      expect: [{ messageId: 'backupsOff', file: 'main.tf', line: 7 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: {
        'modules/cloudsql/main.tf': instance(
          'POSTGRES_16',
          `      enabled                        = true
      point_in_time_recovery_enabled = var.pitr`,
        ),
      },
      expect: [{ messageId: 'unresolved', file: 'modules/cloudsql/main.tf', line: 8, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: PostgreSQL without PITR (the ADR staging instance)',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { backupConfiguration: { pointInTimeRecoveryEnabled: false } } })),
      },
      expect: [{ messageId: 'liveDisabled' }],
    },
  ],
} satisfies RuleCases;
