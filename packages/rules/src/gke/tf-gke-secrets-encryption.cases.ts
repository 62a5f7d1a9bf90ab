import type { RuleCases } from '../cases.js';

const cluster = (body: string) => `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
${body}
}
`;

export default {
  pass: [
    {
      name: 'ENCRYPTED with a Cloud KMS key reference',
      files: {
        'main.tf': cluster(`  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke_secrets.id
  }`),
      },
    },
    {
      name: 'ENCRYPTED with a literal key name',
      files: {
        'main.tf': cluster(`  database_encryption {
    state    = "ENCRYPTED"
    key_name = "projects/coditect-cloud-infra/locations/us-central1/keyRings/coditect-gke/cryptoKeys/gke-secrets"
  }`),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR cluster: no database_encryption',
      files: { 'opentofu/modules/gke/main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [{ messageId: 'notSet', file: 'opentofu/modules/gke/main.tf', line: 1, column: 1 }],
    },
    {
      name: 'state = DECRYPTED',
      files: {
        'main.tf': cluster(`  database_encryption {
    state = "DECRYPTED"
  }`),
      },
      expect: [{ messageId: 'decrypted', file: 'main.tf', line: 5, column: 5 }],
    },
    {
      name: 'ENCRYPTED without a key_name: located at the block',
      files: {
        'main.tf': cluster(`  database_encryption {
    state = "ENCRYPTED"
  }`),
      },
      expect: [{ messageId: 'noKey', file: 'main.tf', line: 4, column: 3 }],
    },
    {
      name: 'state from a module variable: could not decide (no value in the repository)',
      files: {
        'modules/gke/main.tf': cluster(`  database_encryption {
    state    = var.secrets_encryption_state
    key_name = var.secrets_key
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'modules/gke/main.tf', line: 5, status: 'unknown' }],
    },
  ],
} satisfies RuleCases;
