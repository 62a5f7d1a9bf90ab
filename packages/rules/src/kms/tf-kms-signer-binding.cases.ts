import type { RuleCases } from '../cases.js';

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

export default {
  pass: [
    {
      name: 'an iam_member on the key for the backend service account',
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
      name: 'an iam_binding whose member is built from the declared service account',
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
      name: 'a grant on the key ring, by literal id',
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
      name: 'an iam_policy read through its data "google_iam_policy" in another file',
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
  ],
  fail: [
    {
      name: 'the backend can sign, and so can a broad group on the key and a CI account on the ring',
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
      name: 'the key is declared but nobody is granted the signer role: at the key',
      files: { 'kms.tf': key },
      expect: [{ messageId: 'missing', file: 'kms.tf', line: 6, column: 1 }],
    },
    {
      name: 'the backend holds another role only',
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
      name: 'signer bound, but another key is granted to allUsers',
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
      name: 'the member comes from a variable: could not decide (no value in the repository)',
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
      name: 'no KMS at all in the .tf files: reported at the google provider',
      files: {
        'main.tf': `provider "google" {
  project = "coditect-cloud-infra"
}
`,
      },
      expect: [{ messageId: 'missing', file: 'main.tf', line: 1 }],
    },
  ],
} satisfies RuleCases;
