import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';

// ---- tf
const provider = `provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}
`;

// ---- gcp
const secret = (name: string) => ({ project: PROJECT, name, labels: {}, replication: 'automatic' as const });

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- tf
    {
      name: 'tf: the ADR fix: one resource per secret, literal secret_id',
      files: {
        'opentofu/environments/staging/main.tf': provider,
        'opentofu/environments/staging/secrets.tf': `resource "google_secret_manager_secret" "django_secret_key" {
  secret_id = "django-secret-key"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret" "db_password" {
  secret_id = "db-password-staging"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret" "redis_password" {
  secret_id = "redis-password-staging"
  replication {
    auto {}
  }
}
`,
      },
    },
    {
      name: 'tf: for_each over toset([...]) with secret_id = each.key',
      files: {
        'main.tf': `${provider}
resource "google_secret_manager_secret" "app" {
  for_each  = toset(["django-secret-key", "db-password-staging", "redis-password-staging"])
  secret_id = each.key
  replication {
    auto {}
  }
}
`,
      },
    },
    {
      name: 'tf: for_each over a map with secret_id = each.value, names from the expectations',
      files: {
        'infra/secrets.tf': `resource "google_secret_manager_secret" "app" {
  for_each = {
    django = "django-secret-key"
    api    = "api-key-staging"
  }
  secret_id = each.value
  replication {
    auto {}
  }
}
`,
      },
      expectations: { secretManager: { secrets: ['api-key-staging'] } },
    },
    {
      name: 'tf: for_each over a variable default, and a module called once per secret (evaluated as Terraform would)',
      files: {
        'main.tf': `${provider}
variable "secrets" {
  default = ["django-secret-key", "db-password-staging"]
}

resource "google_secret_manager_secret" "app" {
  for_each  = toset(var.secrets)
  secret_id = each.key
  replication {
    auto {}
  }
}

module "redis_password" {
  source = "./modules/secret"
  id     = "redis-password-staging"
}
`,
        'modules/secret/main.tf': `variable "id" {}

resource "google_secret_manager_secret" "this" {
  secret_id = var.id
  replication {
    auto {}
  }
}
`,
      },
    },

    // ---- gcp
    {
      name: 'gcp: the three ADR secrets exist',
      facets: {
        'gcp.secretmanager': {
          read: READ_PROJECT,
          secrets: [secret('db-password-staging'), secret('django-secret-key'), secret('redis-password-staging')],
        },
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR state: OpenTofu declares Cloud SQL and Redis, no secrets',
      files: {
        'opentofu/environments/staging/main.tf': `terraform {
  required_providers {
    google = { source = "hashicorp/google" }
  }
}

${provider}
module "cloudsql" {
  source = "../../modules/cloudsql"
}
`,
      },
      expect: [
        { messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 7, column: 1 },
        { messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 7, column: 1 },
        { messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 7, column: 1 },
      ],
    },
    {
      name: "tf: one name missing; the finding points at the environment's main.tf",
      files: {
        'opentofu/environments/staging/main.tf': `module "secrets" {
  source = "../../modules/secrets"
}
`,
        'opentofu/modules/secrets/main.tf': `${provider}
resource "google_secret_manager_secret" "django" {
  secret_id = "django-secret-key"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret" "db" {
  secret_id = "db-password"
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret" "redis" {
  secret_id = "redis-password-staging"
  replication {
    auto {}
  }
}
`,
      },
      expect: [{ messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 1 }],
    },
    {
      name: 'tf: secret_id from a variable cannot be matched: could not decide (no value in the repository)',
      files: {
        'main.tf': `${provider}
variable "secret_name" {
  type = string
}

resource "google_secret_manager_secret" "one" {
  secret_id = var.secret_name
  replication {
    auto {}
  }
}
`,
      },
      expectations: { secretManager: { secrets: ['django-secret-key'] } },
      expect: [{ messageId: 'missingUnresolved', file: 'main.tf', line: 1, status: 'unknown' }],
    },

    // ---- gcp
    {
      name: 'gcp: only one of them exists',
      facets: { 'gcp.secretmanager': { read: READ_PROJECT, secrets: [secret('django-secret-key')] } },
      expect: [{ messageId: 'missing' }, { messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
