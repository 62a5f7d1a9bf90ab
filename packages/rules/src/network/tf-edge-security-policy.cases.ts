import type { RuleCases } from '../cases.js';

const policy = `resource "google_compute_security_policy" "backend_armor" {
  name = "coditect-backend-armor"

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable = true
    }
  }
}
`;

export default {
  pass: [
    {
      name: 'the ADR fix: a Cloud Armor policy for the Ingress backend (attached by BackendConfig)',
      files: {
        'opentofu/environments/staging/main.tf': `provider "google" {
  project = "coditect-cloud-infra"
}
`,
        'opentofu/environments/staging/edge.tf': policy,
      },
    },
    {
      name: 'external backend services reference the policy; an internal one needs none',
      files: {
        'lb.tf': `${policy}
resource "google_compute_backend_service" "api" {
  name            = "coditect-api"
  security_policy = google_compute_security_policy.backend_armor.id
}

resource "google_compute_backend_service" "admin" {
  name                  = "coditect-admin"
  load_balancing_scheme = "INTERNAL_SELF_MANAGED"
}
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR state: OpenTofu declares no security policy',
      files: {
        'opentofu/environments/staging/main.tf': `terraform {
  required_version = ">= 1.6.0"
}

provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}
`,
      },
      expect: [{ messageId: 'noPolicy', file: 'opentofu/environments/staging/main.tf', line: 5, column: 1 }],
    },
    {
      name: 'a backend service without security_policy, another with null',
      files: {
        'lb.tf': `${policy}
resource "google_compute_backend_service" "api" {
  name = "coditect-api"
}

resource "google_compute_backend_service" "static" {
  name            = "coditect-static"
  security_policy = null
}
`,
      },
      expect: [
        { messageId: 'backendWithoutPolicy', file: 'lb.tf', line: 11, column: 1 },
        { messageId: 'backendWithoutPolicy', file: 'lb.tf', line: 15, column: 1 },
      ],
    },
  ],
} satisfies RuleCases;
