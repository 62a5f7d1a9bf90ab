import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
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
    // ---- tf
    {
      name: 'tf: REGIONAL',
      files: { 'main.tf': instance('    availability_type = "REGIONAL"') },
    },
    {
      name: 'tf: a ZONAL read replica is skipped, its REGIONAL primary passes',
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
    {
      name: 'tf: from a variable whose default is REGIONAL (evaluated as Terraform would)',
      files: {
        'main.tf': instance('    availability_type = var.availability_type'),
        'variables.tf': 'variable "availability_type" {\n  default = "REGIONAL"\n}\n',
      },
    },
    {
      name: 'tf: from terraform.tfvars',
      files: {
        'main.tf': instance('    availability_type = var.availability_type'),
        'variables.tf': 'variable "availability_type" {\n  default = "ZONAL"\n}\n',
        'terraform.tfvars': 'availability_type = "REGIONAL"\n',
      },
    },
    {
      name: 'tf: from the input of a local module call, through a local',
      files: {
        'modules/cloudsql/main.tf': instance('    availability_type = local.availability'),
        'modules/cloudsql/variables.tf':
          'variable "ha" {}\nlocals {\n  availability = var.ha ? "REGIONAL" : "ZONAL"\n}\n',
        'environments/staging/main.tf':
          'module "cloudsql" {\n  source = "../../modules/cloudsql"\n  ha     = true\n}\n',
      },
    },
    // ---- gcp
    { name: 'gcp: REGIONAL', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'gcp: a zonal read replica is skipped, its regional primary passes',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance(),
          sqlInstance({
            name: 'coditect-db-replica',
            instanceType: 'READ_REPLICA_INSTANCE',
            masterInstanceName: 'coditect-cloud-infra:coditect-db',
            settings: { availabilityType: 'ZONAL' },
          }),
        ),
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: an override file makes it ZONAL: the finding is at the override',
      files: {
        'main.tf': instance('    availability_type = "REGIONAL"'),
        'zonal_override.tf':
          'resource "google_sql_database_instance" "main" {\n  settings {\n    tier              = "db-custom-2-7680"\n    availability_type = "ZONAL"\n  }\n}\n',
      },
      expect: [{ messageId: 'zonal', file: 'zonal_override.tf', line: 4, column: 5 }],
    },
    {
      name: 'tf: a variable default of ZONAL is a finding, not an undecided check',
      files: {
        'main.tf': instance('    availability_type = var.availability_type'),
        'variables.tf': 'variable "availability_type" {\n  default = "ZONAL"\n}\n',
      },
      expect: [{ messageId: 'zonal', file: 'main.tf', line: 7, column: 5 }],
    },
    {
      name: 'tf: two module calls disagree: could not decide, naming the input',
      files: {
        'modules/cloudsql/main.tf': instance('    availability_type = var.availability_type'),
        'modules/cloudsql/variables.tf': 'variable "availability_type" {}\n',
        'main.tf':
          'module "a" {\n  source            = "./modules/cloudsql"\n  availability_type = "REGIONAL"\n}\nmodule "b" {\n  source            = "./modules/cloudsql"\n  availability_type = "ZONAL"\n}\n',
      },
      expect: [
        {
          messageId: 'unresolved',
          file: 'modules/cloudsql/main.tf',
          line: 7,
          status: 'unknown',
          dependsOn: ['var.availability_type (differs between instances)'],
        },
      ],
    },
    {
      name: 'tf: the ADR fixture: ZONAL',
      files: { 'main.tf': instance('    availability_type = "ZONAL"') },
      expect: [{ messageId: 'zonal', file: 'main.tf', line: 7, column: 5 }],
    },
    {
      name: 'tf: not set: ZONAL by default, located at settings',
      files: { 'main.tf': instance('    disk_size = 20') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 5, column: 3 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: { 'modules/cloudsql/main.tf': instance('    availability_type = var.availability_type') },
      expect: [
        {
          messageId: 'unresolved',
          file: 'modules/cloudsql/main.tf',
          line: 7,
          status: 'unknown',
          dependsOn: ['var.availability_type'],
        },
      ],
    },
    {
      name: 'tf: a replica_configuration block marks a replica; the primary without HA still fails',
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
    // ---- gcp
    {
      name: 'gcp: ZONAL (the ADR staging instance)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { availabilityType: 'ZONAL' } })) },
      expect: [{ messageId: 'liveZonal' }],
    },
  ],
} satisfies RuleCases;
