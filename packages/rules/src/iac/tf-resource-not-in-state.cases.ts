import type { RuleCases } from '../cases.js';

/** A format-4 state holding the given managed resource addresses (identity attributes only). */
function state(...addresses: string[]): string {
  return `${JSON.stringify(
    {
      version: 4,
      terraform_version: '1.8.5',
      serial: 7,
      lineage: '6f1c2a4e-0b7d-4c1e-9a55-3f8e2d1c0b9a',
      outputs: {},
      resources: addresses.map((address) => {
        const parts = address.split('.');
        const name = parts.pop()!;
        const type = parts.pop()!;
        return {
          ...(parts.length ? { module: parts.join('.') } : {}),
          mode: 'managed',
          type,
          name,
          provider: 'provider["registry.opentofu.org/hashicorp/google"]',
          instances: [{ schema_version: 0, attributes: { id: `${type}/${name}`, name } }],
        };
      }),
    },
    null,
    2,
  )}\n`;
}

const staging = {
  'opentofu/environments/staging/main.tf': `locals {
  project_id = "coditect-cloud-infra"
  region     = "us-central1"
}

resource "google_artifact_registry_repository" "coditect_backend" {
  repository_id = "coditect-backend"
  location      = local.region
  format        = "DOCKER"
}

module "cloudsql" {
  source        = "../../modules/cloudsql"
  project_id    = local.project_id
  instance_name = "coditect-db"
}

module "redis" {
  source        = "../../modules/redis"
  project_id    = local.project_id
  region        = local.region
  instance_name = "coditect-redis-staging"
}
`,
  'opentofu/modules/cloudsql/main.tf': `resource "google_sql_database_instance" "main" {
  name             = var.instance_name
  project          = var.project_id
  database_version = "POSTGRES_16"
}

resource "google_sql_database" "coditect" {
  name     = "coditect"
  instance = google_sql_database_instance.main.name
}
`,
  'opentofu/modules/redis/main.tf': `resource "google_redis_instance" "main" {
  name           = var.instance_name
  project        = var.project_id
  region         = var.region
  memory_size_gb = 1
}
`,
};

export default {
  pass: [
    {
      name: 'after the ADR Issue 1 imports: every declared resource is in the state',
      files: {
        ...staging,
        'opentofu/environments/staging/terraform.tfstate': state(
          'google_artifact_registry_repository.coditect_backend',
          'module.cloudsql.google_sql_database_instance.main',
          'module.redis.google_redis_instance.main',
        ),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR Issue 1 gap: Cloud SQL and Redis created by gcloud, not imported',
      files: {
        ...staging,
        'opentofu/environments/staging/terraform.tfstate': state(
          'google_artifact_registry_repository.coditect_backend',
        ),
      },
      expect: [
        { messageId: 'notInState', file: 'opentofu/modules/cloudsql/main.tf', line: 1, column: 1 },
        { messageId: 'notInState', file: 'opentofu/modules/redis/main.tf', line: 1, column: 1 },
      ],
    },
    {
      name: 'a root-level resource missing; the state of another root does not count',
      files: {
        'envs/staging/main.tf': `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
}
`,
        'envs/staging/terraform.tfstate': state('google_artifact_registry_repository.coditect_backend'),
        'envs/production/main.tf': `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster-prod"
  location = "us-central1"
}
`,
        'envs/production/terraform.tfstate': state('google_container_cluster.primary'),
      },
      expect: [{ messageId: 'notInState', file: 'envs/staging/main.tf', line: 1 }],
    },
    {
      name: 'nested modules: the address chains module.platform.module.kms',
      files: {
        'main.tf': `module "platform" {
  source = "./platform"
}
`,
        'platform/main.tf': `module "kms" {
  source = "../kms"
}
`,
        'kms/main.tf': `resource "google_kms_key_ring" "license" {
  name     = "license-signing-keyring"
  location = "us-central1"
}

resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
  purpose  = "ASYMMETRIC_SIGN"
}
`,
        'terraform.tfstate': state('module.platform.module.kms.google_kms_key_ring.license'),
      },
      expect: [{ messageId: 'notInState', file: 'kms/main.tf', line: 6 }],
    },
  ],
} satisfies RuleCases;
