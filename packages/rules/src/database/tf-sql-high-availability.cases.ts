import type { RuleCases } from '../cases.js';

const instance = (settings: string, top = '') => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
${top}
  settings {
    tier = "db-custom-2-7680"
${settings}
  }
}
`;

export default {
  pass: [
    {
      name: 'REGIONAL',
      files: { 'main.tf': instance('    availability_type = "REGIONAL"') },
    },
    {
      name: 'a ZONAL read replica is skipped, its REGIONAL primary passes',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "coditect-db-replica"
  database_version     = "POSTGRES_16"
  master_instance_name = google_sql_database_instance.main.name
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "ZONAL"
  }
}
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR fixture: ZONAL',
      files: { 'main.tf': instance('    availability_type = "ZONAL"') },
      expect: [{ messageId: 'zonal', file: 'main.tf', line: 7, column: 5 }],
    },
    {
      name: 'not set: ZONAL by default, located at settings',
      files: { 'main.tf': instance('    disk_size = 20') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 5, column: 3 }],
    },
    {
      name: 'from a module variable: low certainty',
      files: { 'modules/cloudsql/main.tf': instance('    availability_type = var.availability_type') },
      expect: [{ messageId: 'unresolved', file: 'modules/cloudsql/main.tf', line: 7, status: 'unknown' }],
    },
    {
      name: 'a replica_configuration block marks a replica; the primary without HA still fails',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "external" {
  name             = "coditect-db-external"
  database_version = "POSTGRES_16"
  replica_configuration {
    failover_target = false
  }
  settings {
    tier = "db-custom-2-7680"
  }
}
`,
      },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 4 }],
    },
  ],
} satisfies RuleCases;
