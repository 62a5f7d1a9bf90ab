import type { GcpSqlBackupRun } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const instance = (settings: string) => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
${settings}
  }
}
`;

const NOW = '2025-12-01T07:00:00.000Z';
const run = (day: string, status: string): GcpSqlBackupRun => ({
  id: `${Date.parse(`${day}T03:00:00Z`)}`,
  status,
  type: 'AUTOMATED',
  startTime: `${day}T03:04:10.200Z`,
  endTime: `${day}T03:06:41.907Z`,
});
const runs = (...list: GcpSqlBackupRun[]) => ({
  read: [`projects/${PROJECT}/instances/coditect-db`],
  instances: [{ project: PROJECT, instance: 'coditect-db', runs: list }],
});

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: the ADR fixture: backups enabled at 03:00',
      files: {
        'main.tf': instance(`    backup_configuration {
      enabled    = true
      start_time = "03:00"
    }`),
      },
    },
    {
      name: 'tf: a read replica without backups is skipped; its primary has them',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "coditect-db-replica"
  database_version     = "POSTGRES_16"
  master_instance_name = google_sql_database_instance.main.name
  settings {
    tier = "db-custom-2-7680"
  }
}
`,
      },
    },
    // ---- gcp
    {
      name: 'gcp: enabled, last night backup succeeded',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.sql-backup-runs': runs(run('2025-12-01', 'SUCCESSFUL'), run('2025-11-30', 'SUCCESSFUL')),
      },
    },
    {
      name: 'gcp: a read replica without backups is skipped',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance(),
          sqlInstance({
            name: 'coditect-db-replica',
            instanceType: 'READ_REPLICA_INSTANCE',
            settings: { backupConfiguration: { enabled: false } },
          }),
        ),
        'gcp.sql-backup-runs': runs(run('2025-12-01', 'SUCCESSFUL')),
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: enabled = false',
      files: {
        'main.tf': instance(`    backup_configuration {
      enabled = false
    }`),
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 7, column: 7 }],
    },
    {
      name: 'tf: backup_configuration without enabled (default off): located at the block',
      files: {
        'main.tf': instance(`    backup_configuration {
      start_time = "03:00"
    }`),
      },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 6, column: 5 }],
    },
    {
      name: 'tf: no backup_configuration: located at settings',
      files: { 'main.tf': instance('    disk_size = 20') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 4, column: 3 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: {
        'opentofu/modules/cloudsql/main.tf': instance(`    backup_configuration {
      enabled = var.backups_enabled
    }`),
      },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/cloudsql/main.tf', line: 7, status: 'unknown' }],
    },
    {
      name: 'tf: instance_type READ_REPLICA_INSTANCE is skipped; two primaries without backups fail',
      files: {
        'main.tf': `resource "google_sql_database_instance" "a" {
  name             = "coditect-db-a"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "b" {
  name             = "coditect-db-b"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "c" {
  name             = "coditect-db-c"
  database_version = "POSTGRES_16"
  instance_type    = "READ_REPLICA_INSTANCE"
  settings {
    tier = "db-custom-2-7680"
  }
}
`,
      },
      expect: [
        { messageId: 'notSet', file: 'main.tf', line: 4 },
        { messageId: 'notSet', file: 'main.tf', line: 12 },
      ],
    },
    // ---- gcp
    {
      name: 'gcp: enabled, but the last two nights failed (the ADR staging instance)',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.sql-backup-runs': runs(
          run('2025-12-01', 'FAILED'),
          run('2025-11-30', 'FAILED'),
          run('2025-11-29', 'SUCCESSFUL'),
        ),
      },
      expect: [{ messageId: 'stale' }],
    },
    {
      name: 'gcp: enabled, no run ever succeeded',
      now: NOW,
      facets: { 'gcp.sql': sqlFacet(sqlInstance()), 'gcp.sql-backup-runs': runs(run('2025-12-01', 'SKIPPED')) },
      expect: [{ messageId: 'noSuccessfulRun' }],
    },
    {
      name: 'gcp: backups off',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { backupConfiguration: { enabled: false } } })),
        'gcp.sql-backup-runs': runs(),
      },
      expect: [{ messageId: 'liveDisabled' }],
    },
  ],
} satisfies RuleCases;
