import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'ENCRYPTED with a KMS key', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } }],
  fail: [
    {
      name: 'DECRYPTED (the ADR staging cluster)',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({ databaseEncryption: { state: 'DECRYPTED', currentState: 'CURRENT_STATE_DECRYPTED' } }),
        ),
      },
      expect: [{ messageId: 'notEncrypted' }],
    },
    {
      name: 'encryption requested but failing',
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
  ],
} satisfies RuleCases;
