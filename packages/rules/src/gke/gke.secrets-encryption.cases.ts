import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const cluster = (body: string) => `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
${body}
}
`;

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: ENCRYPTED with a Cloud KMS key reference',
      files: {
        'main.tf': cluster(`  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke_secrets.id
  }`),
      },
    },
    {
      name: 'tf: ENCRYPTED with a literal key name',
      files: {
        'main.tf': cluster(`  database_encryption {
    state    = "ENCRYPTED"
    key_name = "projects/coditect-cloud-infra/locations/us-central1/keyRings/coditect-gke/cryptoKeys/gke-secrets"
  }`),
      },
    },
    // ---- gcp
    { name: 'gcp: ENCRYPTED with a KMS key', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: declared and live both encrypt Secrets with a Cloud KMS key',
      files: {
        'main.tf': cluster(`  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke_secrets.id
  }`),
      },
      facets: { 'gcp.gke': gkeFacet(gkeCluster()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR cluster: no database_encryption',
      files: { 'opentofu/modules/gke/main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [{ messageId: 'notSet', file: 'opentofu/modules/gke/main.tf', line: 1, column: 1 }],
    },
    {
      // The clusters are given at apply; each one is declared without database_encryption.
      name: 'tf: a fleet of clusters from a variable that is empty by default, none encrypting Secrets',
      files: {
        'modules/clusters/clusters.tf': `resource "google_container_cluster" "fleet" {
  for_each         = var.clusters
  name             = each.key
  location         = each.value.region
  enable_autopilot = true
}
`,
        'modules/clusters/variables.tf': 'variable "clusters" {\n  default = {}\n}\n',
      },
      expect: [{ messageId: 'notSet', file: 'modules/clusters/clusters.tf', line: 1, column: 1 }],
    },
    {
      name: 'tf: state = DECRYPTED',
      files: {
        'main.tf': cluster(`  database_encryption {
    state = "DECRYPTED"
  }`),
      },
      expect: [{ messageId: 'decrypted', file: 'main.tf', line: 5, column: 5 }],
    },
    {
      name: 'tf: ENCRYPTED without a key_name: located at the block',
      files: {
        'main.tf': cluster(`  database_encryption {
    state = "ENCRYPTED"
  }`),
      },
      expect: [{ messageId: 'noKey', file: 'main.tf', line: 4, column: 3 }],
    },
    {
      name: 'tf: state from a module variable: could not decide (no value in the repository)',
      files: {
        'modules/gke/main.tf': cluster(`  database_encryption {
    state    = var.secrets_encryption_state
    key_name = var.secrets_key
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'modules/gke/main.tf', line: 5, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: DECRYPTED (the ADR staging cluster)',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({ databaseEncryption: { state: 'DECRYPTED', currentState: 'CURRENT_STATE_DECRYPTED' } }),
        ),
      },
      expect: [{ messageId: 'notEncrypted' }],
    },
    {
      name: 'gcp: encryption requested but failing',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({
            databaseEncryption: {
              state: 'ENCRYPTED',
              currentState: 'CURRENT_STATE_ENCRYPTION_ERROR',
              keyName:
                'projects/coditect-cloud-infra/locations/us-central1/keyRings/gke-secrets-keyring/cryptoKeys/gke-secrets-key',
            },
          }),
        ),
      },
      expect: [{ messageId: 'notEffective' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: no database_encryption declared, and the live cluster is DECRYPTED',
      files: { 'main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({ databaseEncryption: { state: 'DECRYPTED', currentState: 'CURRENT_STATE_DECRYPTED' } }),
        ),
      },
      expect: [
        { messageId: 'notSet', file: 'main.tf', line: 1, column: 1, source: 'tf' },
        { messageId: 'notEncrypted', source: 'gcp' },
      ],
    },
  ],
} satisfies RuleCases;
