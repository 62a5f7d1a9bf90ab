import type { RuleCases } from '../cases.js';

const ring = `resource "google_kms_key_ring" "license" {
  name     = "license-signing-keyring"
  location = "us-central1"
}
`;

export default {
  pass: [
    {
      name: 'the ADR-002 key: ASYMMETRIC_SIGN, RSA 4096 SHA-512, ring by reference, no rotation_period',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm        = "RSA_SIGN_PKCS1_4096_SHA512"
    protection_level = "HSM"
  }
}
`,
      },
    },
    {
      name: 'a literal key ring id, in a module',
      files: {
        'opentofu/modules/kms/main.tf': `resource "google_kms_crypto_key" "signing" {
  name     = "license-signing-key"
  key_ring = "projects/coditect-cloud-infra/locations/us-central1/keyRings/license-signing-keyring"
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`,
      },
    },
    {
      name: 'names and algorithm from the configuration',
      expectations: { kms: { keyRing: 'signing', key: 'licenses', algorithm: 'EC_SIGN_P384_SHA384' } },
      files: {
        'kms.tf': `resource "google_kms_key_ring" "signing" {
  name     = "signing"
  location = "global"
}

resource "google_kms_crypto_key" "licenses" {
  name     = "licenses"
  key_ring = google_kms_key_ring.signing.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "EC_SIGN_P384_SHA384"
  }
}
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR fixture: no key declared, reported at the google provider',
      files: {
        'opentofu/environments/staging/main.tf': `terraform {
  required_version = ">= 1.6.0"
}

provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}

resource "google_artifact_registry_repository" "coditect_backend" {
  repository_id = "coditect-backend"
  location      = "us-central1"
  format        = "DOCKER"
}
`,
      },
      expect: [{ messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 5, column: 1 }],
    },
    {
      name: 'no provider block: reported on the environment main.tf; a same-named key in another ring does not count',
      files: {
        'opentofu/environments/staging/main.tf': `module "kms" {
  source = "../../modules/kms"
}
`,
        'opentofu/modules/kms/main.tf': `resource "google_kms_crypto_key" "signing" {
  name     = "license-signing-key"
  key_ring = "projects/coditect-cloud-infra/locations/us-central1/keyRings/other-ring"
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`,
      },
      expect: [{ messageId: 'missing', file: 'opentofu/environments/staging/main.tf', line: 1 }],
    },
    {
      name: 'wrong purpose and algorithm, rotation_period not asked for',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name            = "license-signing-key"
  key_ring        = google_kms_key_ring.license.id
  purpose         = "ASYMMETRIC_DECRYPT"
  rotation_period = "7776000s"
  version_template {
    algorithm = "RSA_DECRYPT_OAEP_4096_SHA512"
  }
}
`,
      },
      expect: [
        { messageId: 'wrongPurpose', file: 'kms.tf', line: 9, column: 3 },
        { messageId: 'wrongAlgorithm', file: 'kms.tf', line: 12, column: 5 },
      ],
    },
    {
      name: 'a weaker signing algorithm',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_2048_SHA256"
  }
}
`,
      },
      expect: [{ messageId: 'wrongAlgorithm', file: 'kms.tf', line: 11, column: 5 }],
    },
    {
      name: 'no purpose (ENCRYPT_DECRYPT by default) and no version_template: both at the key',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
}
`,
      },
      expect: [
        { messageId: 'wrongPurpose', file: 'kms.tf', line: 6 },
        { messageId: 'wrongAlgorithm', file: 'kms.tf', line: 6 },
      ],
    },
    {
      name: 'no initial version to sign with',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name                          = "license-signing-key"
  key_ring                      = google_kms_key_ring.license.id
  purpose                       = "ASYMMETRIC_SIGN"
  skip_initial_version_creation = true
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`,
      },
      expect: [{ messageId: 'noInitialVersion', file: 'kms.tf', line: 10 }],
    },
    {
      name: 'a module key whose name and ring come from variables: could not decide (no value in the repository)',
      files: {
        'modules/kms/main.tf': `resource "google_kms_key_ring" "this" {
  name     = var.key_ring_name
  location = var.region
}

resource "google_kms_crypto_key" "this" {
  name     = var.key_name
  key_ring = google_kms_key_ring.this.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`,
      },
      expect: [{ messageId: 'identityUnresolved', file: 'modules/kms/main.tf', line: 6, status: 'unknown' }],
    },
  ],
} satisfies RuleCases;
