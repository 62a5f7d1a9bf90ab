import type { GcpIamPolicy } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, PROJECT_NUMBER } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const key = `resource "google_kms_key_ring" "license" {
  name     = "license-signing-keyring"
  location = "us-central1"
}

resource "google_kms_crypto_key" "license_signing" {
  name     = "license-signing-key"
  key_ring = google_kms_key_ring.license.id
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "RSA_SIGN_PKCS1_4096_SHA512"
  }
}
`;

const signer = `serviceAccount:coditect-cloud-backend@${PROJECT}.iam.gserviceaccount.com`;
const keyPolicy = (exists: boolean, policy?: GcpIamPolicy, keyRingPolicy?: GcpIamPolicy) => ({
  keys: [
    {
      project: PROJECT,
      location: 'us-central1',
      keyRing: 'license-signing-keyring',
      key: 'license-signing-key',
      exists,
      ...(policy ? { policy } : {}),
      ...(keyRingPolicy ? { keyRingPolicy } : {}),
    },
  ],
});
const project = (policy: GcpIamPolicy) => ({ projects: [{ project: PROJECT, projectNumber: PROJECT_NUMBER, policy }] });
const owners: GcpIamPolicy = { bindings: [{ role: 'roles/owner', members: ['user:hal@coditect.ai'] }] };

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: an iam_member on the key for the backend service account',
      files: {
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_member" "backend_signer" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.signerVerifier"
  member        = "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"
}
`,
      },
    },
    {
      name: 'tf: an iam_binding whose member is built from the declared service account',
      files: {
        'kms.tf': `${key}
resource "google_service_account" "backend" {
  account_id = "coditect-cloud-backend"
}

resource "google_kms_crypto_key_iam_binding" "signers" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.signerVerifier"
  members       = ["serviceAccount:\${google_service_account.backend.email}"]
}
`,
      },
    },
    {
      name: 'tf: a grant on the key ring, by literal id',
      files: {
        'iam.tf': `resource "google_kms_key_ring_iam_member" "backend_signer" {
  key_ring_id = "projects/coditect-cloud-infra/locations/us-central1/keyRings/license-signing-keyring"
  role        = "roles/cloudkms.signerVerifier"
  member      = "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"
}
`,
      },
    },
    {
      name: 'tf: an iam_policy read through its data "google_iam_policy" in another file',
      files: {
        'policy.tf': `data "google_iam_policy" "signing" {
  binding {
    role    = "roles/cloudkms.signerVerifier"
    members = ["serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"]
  }
}
`,
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_policy" "signing" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  policy_data   = data.google_iam_policy.signing.policy_data
}
`,
      },
    },
    // ---- gcp
    {
      name: 'gcp: signerVerifier for the backend on the key; the project owner is not counted',
      facets: {
        'gcp.kms-iam': keyPolicy(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] }),
        'gcp.iam': project(owners),
      },
    },
    {
      name: 'gcp: the backend alone signs; a viewer on the ring and a verifier-only role do not count',
      facets: {
        'gcp.kms-iam': keyPolicy(
          true,
          {
            bindings: [
              { role: 'roles/cloudkms.signerVerifier', members: [signer] },
              { role: 'roles/cloudkms.publicKeyViewer', members: ['group:licensing@coditect.ai'] },
            ],
          },
          { bindings: [{ role: 'roles/cloudkms.viewer', members: ['group:platform@coditect.ai'] }] },
        ),
        'gcp.iam': project(owners),
      },
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: the declared grant and the live policy both give the backend alone the signer role',
      files: {
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_member" "backend_signer" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.signerVerifier"
  member        = "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"
}
`,
      },
      facets: {
        'gcp.kms-iam': keyPolicy(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] }),
        'gcp.iam': project(owners),
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the backend can sign, and so can a broad group on the key and a CI account on the ring',
      files: {
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_binding" "signers" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.signerVerifier"
  members = [
    "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com",
    "group:engineering@coditect.ai",
  ]
}

resource "google_kms_key_ring_iam_member" "ci" {
  key_ring_id = google_kms_key_ring.license.id
  role        = "roles/cloudkms.signer"
  member      = "serviceAccount:ci-deployer@coditect-cloud-infra.iam.gserviceaccount.com"
}
`,
      },
      expect: [
        { messageId: 'otherSigner', file: 'kms.tf', line: 18 },
        { messageId: 'otherSigner', file: 'kms.tf', line: 27 },
      ],
    },
    {
      name: 'tf: the key is declared but nobody is granted the signer role: at the key',
      files: { 'kms.tf': key },
      expect: [{ messageId: 'missing', file: 'kms.tf', line: 6, column: 1 }],
    },
    {
      name: 'tf: the backend holds another role only',
      files: {
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_member" "backend" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.publicKeyViewer"
  member        = "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"
}
`,
      },
      expect: [{ messageId: 'missing', file: 'kms.tf', line: 6 }],
    },
    {
      name: 'tf: signer bound, but another key is granted to allUsers',
      files: {
        'kms.tf': `${key}
resource "google_kms_crypto_key_iam_member" "backend_signer" {
  crypto_key_id = google_kms_crypto_key.license_signing.id
  role          = "roles/cloudkms.signerVerifier"
  member        = "serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com"
}

resource "google_kms_crypto_key_iam_binding" "public_verify" {
  crypto_key_id = "projects/coditect-cloud-infra/locations/us-central1/keyRings/other/cryptoKeys/verify"
  role          = "roles/cloudkms.publicKeyViewer"
  members       = ["allUsers"]
}
`,
      },
      expect: [{ messageId: 'publicGrant', file: 'kms.tf', line: 24, column: 3 }],
    },
    {
      name: 'tf: the member comes from a variable: could not decide (no value in the repository)',
      files: {
        'modules/kms/iam.tf': `resource "google_kms_crypto_key_iam_member" "signer" {
  crypto_key_id = "projects/coditect-cloud-infra/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key"
  role          = "roles/cloudkms.signerVerifier"
  member        = var.signer
}
`,
      },
      expect: [{ messageId: 'grantUnresolved', file: 'modules/kms/iam.tf', line: 4, status: 'unknown' }],
    },
    {
      name: 'tf: no KMS at all in the .tf files: reported at the google provider',
      files: {
        'main.tf': `provider "google" {
  project = "coditect-cloud-infra"
}
`,
      },
      expect: [{ messageId: 'missing', file: 'main.tf', line: 1 }],
    },
    // ---- gcp
    {
      name: 'gcp: a broad group holds the signing role on the key besides the backend',
      facets: {
        'gcp.kms-iam': keyPolicy(true, {
          bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer, 'group:engineering@coditect.ai'] }],
        }),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'otherSigner' }],
    },
    {
      name: 'gcp: another service account can sign through the key ring',
      facets: {
        'gcp.kms-iam': keyPolicy(
          true,
          { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] },
          {
            bindings: [
              {
                role: 'roles/cloudkms.signer',
                members: [`serviceAccount:ci-deployer@${PROJECT}.iam.gserviceaccount.com`],
              },
            ],
          },
        ),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'otherSigner' }],
    },
    {
      name: 'gcp: the key does not exist (the ADR staging project)',
      facets: { 'gcp.kms-iam': keyPolicy(false), 'gcp.iam': project(owners) },
      expect: [{ messageId: 'keyMissing' }],
    },
    {
      name: 'gcp: granted to allUsers, not to the backend',
      facets: {
        'gcp.kms-iam': keyPolicy(true, {
          bindings: [{ role: 'roles/cloudkms.signerVerifier', members: ['allUsers'] }],
        }),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'notGranted' }, { messageId: 'public' }],
    },
    {
      name: 'gcp: a developer can sign with every key of the project',
      facets: {
        'gcp.kms-iam': keyPolicy(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] }),
        'gcp.iam': project({ bindings: [{ role: 'roles/cloudkms.signer', members: ['user:dev@coditect.ai'] }] }),
      },
      expect: [{ messageId: 'projectWide' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: no grant declared, and the live key does not exist (the ADR staging project)',
      files: { 'kms.tf': key },
      facets: { 'gcp.kms-iam': keyPolicy(false), 'gcp.iam': project(owners) },
      expect: [
        { messageId: 'missing', file: 'kms.tf', line: 6, source: 'tf' },
        { messageId: 'keyMissing', source: 'gcp' },
      ],
    },
  ],
} satisfies RuleCases;
