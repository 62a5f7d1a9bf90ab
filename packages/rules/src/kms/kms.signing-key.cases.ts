import type { GcpKmsKey } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const ring = `resource "google_kms_key_ring" "license" {
  name     = "license-signing-keyring"
  location = "us-central1"
}
`;

const kms = (...keys: GcpKmsKey[]) => ({
  read: [`projects/${PROJECT}/locations/us-central1`],
  keyRings: keys.length ? [{ project: PROJECT, location: 'us-central1', name: 'license-signing-keyring', keys }] : [],
});
const signing = (o: Partial<GcpKmsKey> = {}): GcpKmsKey => ({
  name: 'license-signing-key',
  purpose: 'ASYMMETRIC_SIGN',
  algorithm: 'RSA_SIGN_PKCS1_4096_SHA512',
  protectionLevel: 'SOFTWARE',
  labels: {},
  versions: [{ name: '1', state: 'ENABLED', algorithm: 'RSA_SIGN_PKCS1_4096_SHA512' }],
  ...o,
});

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: the ADR-002 key: ASYMMETRIC_SIGN, RSA 4096 SHA-512, ring by reference, no rotation_period',
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
      name: 'tf: a literal key ring id, in a module',
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
      name: 'tf: names and algorithm from the configuration',
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
    // ---- gcp
    {
      name: 'gcp: RSA 4096 SHA-512 signing key with an enabled version (no rotation needed)',
      facets: { 'gcp.kms': kms(signing()) },
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: the declared key and the live key are both the decided signing key',
      files: {
        'kms.tf': `${ring}
resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`,
      },
      facets: { 'gcp.kms': kms(signing()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR fixture: no key declared, reported at the google provider',
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
      name: 'tf: no provider block: reported on the environment main.tf; a same-named key in another ring does not count',
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
      name: 'tf: wrong purpose and algorithm, rotation_period not asked for',
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
      name: 'tf: a weaker signing algorithm',
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
      name: 'tf: no purpose (ENCRYPT_DECRYPT by default) and no version_template: both at the key',
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
      name: 'tf: no initial version to sign with',
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
      name: 'tf: a module key whose name and ring come from variables: could not decide (no value in the repository)',
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
    // ---- gcp
    {
      name: 'gcp: no key ring at all (the ADR staging project)',
      facets: { 'gcp.kms': kms() },
      expect: [{ messageId: 'missing' }],
    },
    {
      name: 'gcp: an encryption key under the expected name, with the wrong algorithm',
      facets: {
        'gcp.kms': kms(
          signing({
            purpose: 'ENCRYPT_DECRYPT',
            algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
            versions: undefined,
            primary: { name: '1', state: 'ENABLED' },
          }),
        ),
      },
      expect: [{ messageId: 'wrongPurpose' }, { messageId: 'wrongAlgorithm' }],
    },
    {
      name: 'gcp: the only version is destroyed',
      facets: { 'gcp.kms': kms(signing({ versions: [{ name: '1', state: 'DESTROYED' }] })) },
      expect: [{ messageId: 'noEnabledVersion' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: the key is neither declared nor created (the ADR staging project)',
      files: {
        'main.tf': `provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}
`,
      },
      facets: { 'gcp.kms': kms() },
      expect: [
        { messageId: 'missing', file: 'main.tf', line: 1, column: 1, source: 'tf' },
        { messageId: 'missing', source: 'gcp' },
      ],
    },
  ],
} satisfies RuleCases;
