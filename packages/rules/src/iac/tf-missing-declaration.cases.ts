import type { RuleCases } from '../cases.js';

const provider = `provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}
`;

const registry = `resource "google_artifact_registry_repository" "coditect_backend" {
  repository_id = "coditect-backend"
  location      = "us-central1"
  format        = "DOCKER"
}
`;

/** The ADR-001 layout: an environment calling local modules for Cloud SQL, Memorystore and GKE. */
const staging = {
  'opentofu/environments/staging/main.tf': `${provider}
${registry}
module "cloudsql" {
  source = "../../modules/cloudsql"
}

module "redis" {
  source = "../../modules/redis"
}

module "gke" {
  source = "../../modules/gke"
}
`,
  'opentofu/modules/cloudsql/main.tf': `resource "google_sql_database_instance" "main" {
  name             = var.instance_name
  database_version = "POSTGRES_16"
}
`,
  'opentofu/modules/redis/main.tf': `resource "google_redis_instance" "main" {
  name           = var.instance_name
  memory_size_gb = 1
}
`,
  'opentofu/modules/gke/main.tf': `resource "google_container_cluster" "primary" {
  name     = var.cluster_name
  location = var.region
}
`,
};

const kms = `resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = "projects/coditect-cloud-infra/locations/us-central1/keyRings/license-signing-keyring"
  purpose  = "ASYMMETRIC_SIGN"
}
`;

export default {
  pass: [
    {
      name: 'every managed service declared, modules included',
      files: { ...staging, 'opentofu/modules/kms/main.tf': kms },
    },
  ],
  fail: [
    {
      name: 'the ADR layout without the KMS key: reported at the google provider',
      files: staging,
      expect: [{ messageId: 'notDeclared', file: 'opentofu/environments/staging/main.tf', line: 1, column: 1 }],
    },
    {
      name: 'Cloud SQL only read through a data source; the rest missing',
      files: {
        'main.tf': `${provider}
data "google_sql_database_instance" "existing" {
  name = "coditect-db"
}
`,
      },
      expect: [
        { messageId: 'onlyRead', file: 'main.tf', line: 6 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
      ],
    },
    {
      name: 'a registry module may declare the instance: could not decide (no value in the repository)',
      files: {
        ...staging,
        'opentofu/environments/staging/main.tf': `${provider}
${registry}
module "sql" {
  source  = "GoogleCloudPlatform/sql-db/google//modules/postgresql"
  version = "~> 20.0"
}

module "redis" {
  source = "../../modules/redis"
}

module "gke" {
  source = "../../modules/gke"
}
`,
        'opentofu/modules/cloudsql/main.tf': '# moved to the registry module\n',
        'opentofu/modules/kms/main.tf': kms,
      },
      expect: [
        { messageId: 'maybeInRemoteModule', file: 'opentofu/environments/staging/main.tf', line: 1, status: 'unknown' },
      ],
    },
    {
      // A data source reading what a registry module makes is no sign of gcloud; the module named like the
      // service comes first.
      name: 'a data source reads the cluster a registry module may declare: undecided at the data source; Google modules for other services or none do not make the rest undecided',
      files: {
        'main.tf': `${provider}
${registry}`,
        'gke.tf': `module "service_accounts" {
  source = "terraform-google-modules/service-accounts/google"
}

module "gke" {
  source = "terraform-google-modules/kubernetes-engine/google"
}

data "google_container_cluster" "primary" {
  name = "primary"
}
`,
      },
      expect: [
        {
          messageId: 'maybeInRemoteModule',
          file: 'gke.tf',
          line: 9,
          status: 'unknown',
          // Google's service-accounts module declares none of the services.
          dependsOn: ['module.gke (terraform-google-modules/kubernetes-engine/google)'],
        },
        // Cloud SQL, Memorystore and the KMS key: neither module declares them; missing, at the google provider.
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
      ],
    },
    {
      name: 'a registry module for another provider (terraform-aws-modules/eks/aws) declares no Google Cloud service',
      files: {
        'main.tf': `${provider}
${registry}
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
`,
      },
      expect: [
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
        { messageId: 'notDeclared', file: 'main.tf', line: 1 },
      ],
    },
    {
      name: 'no .tf file at all: one finding, no infrastructure as code',
      files: { 'README.md': '# CODITECT license server\n' },
      expect: [{ messageId: 'noIac' }],
    },
  ],
} satisfies RuleCases;
