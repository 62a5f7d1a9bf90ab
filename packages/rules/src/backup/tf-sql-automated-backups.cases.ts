import type { RuleCases } from '../cases.js';

const instance = (settings: string) => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
${settings}
  }
}
`;

export default {
  pass: [
    {
      name: 'the ADR fixture: backups enabled at 03:00',
      files: {
        'main.tf': instance(`    backup_configuration {
      enabled    = true
      start_time = "03:00"
    }`),
      },
    },
    {
      name: 'a read replica without backups is skipped; its primary has them',
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
  ],
  fail: [
    {
      name: 'enabled = false',
      files: {
        'main.tf': instance(`    backup_configuration {
      enabled = false
    }`),
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 7, column: 7 }],
    },
    {
      name: 'backup_configuration without enabled (default off): located at the block',
      files: {
        'main.tf': instance(`    backup_configuration {
      start_time = "03:00"
    }`),
      },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 6, column: 5 }],
    },
    {
      name: 'no backup_configuration: located at settings',
      files: { 'main.tf': instance('    disk_size = 20') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 4, column: 3 }],
    },
    {
      name: 'from a module variable: could not decide (no value in the repository)',
      files: {
        'opentofu/modules/cloudsql/main.tf': instance(`    backup_configuration {
      enabled = var.backups_enabled
    }`),
      },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/cloudsql/main.tf', line: 7, status: 'unknown' }],
    },
    {
      name: 'instance_type READ_REPLICA_INSTANCE is skipped; two primaries without backups fail',
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
  ],
} satisfies RuleCases;
