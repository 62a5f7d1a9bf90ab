import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const ENCRYPTED = ['ENCRYPTED', 'ALL_OBJECTS_ENCRYPTION_ENABLED'];

/** ADR-001 Issue 5, live: Kubernetes Secrets are encrypted in etcd with a Cloud KMS key. */
export default defineRule({
  id: 'gcp-gke-secrets-encryption',
  title: 'GKE application-layer secrets encryption is off',
  concerns: ['gke.secrets-encryption'],
  layer: 'gcp',
  facets: ['gcp.gke'],
  description:
    'Reads `databaseEncryption` of every GKE cluster (container `clusters.list`): `state` ENCRYPTED (or ALL_OBJECTS_ENCRYPTION_ENABLED) with a `keyName` passes; DECRYPTED, UNKNOWN or absent fails; a `currentState` reporting an encryption error or a pending change fails with it.',
  rationale:
    'ADR-001 Issue 5: Kubernetes Secrets are "not encrypted at rest by default" beyond Google\'s disk encryption; application-layer encryption with a Cloud KMS key protects them in etcd and lets the key be revoked.',
  remediation: {
    text: 'Turn on application-layer secrets encryption with a key the GKE service agent may use.',
    commands: [
      'gcloud container clusters update coditect-cluster --region={{region}} --database-encryption-key=projects/{{project}}/locations/{{region}}/keyRings/gke-secrets-keyring/cryptoKeys/gke-secrets-key --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.3.1' },
    { standard: 'Security Command Center', id: 'CLUSTER_SECRETS_ENCRYPTION_DISABLED' },
  ],
  messages: {
    encrypted: 'GKE {{cluster}} encrypts Secrets with {{key}}.',
    notEncrypted:
      'GKE {{cluster}} has databaseEncryption {{state}}: Secrets are stored without application-layer encryption.',
    notEffective: 'GKE {{cluster}} asks for encryption but its current state is {{currentState}}.',
  },
  check(ctx) {
    for (const c of ctx.facet('gcp.gke').clusters) {
      const resource = gcpResource.cluster(c);
      const enc = c.databaseEncryption;
      const evidence = [
        { path: 'databaseEncryption.state', observed: enc?.state ?? null, expected: 'ENCRYPTED' },
        { path: 'databaseEncryption.currentState', observed: enc?.currentState ?? null },
      ];
      if (!enc?.state || !ENCRYPTED.includes(enc.state) || !enc.keyName) {
        ctx.fail({
          resource,
          messageId: 'notEncrypted',
          data: { cluster: c.name, state: enc?.state ?? 'not set' },
          evidence,
        });
        continue;
      }
      if (enc.currentState && /ERROR|PENDING|DECRYPTED/.test(enc.currentState))
        ctx.fail({
          resource,
          messageId: 'notEffective',
          data: { cluster: c.name, currentState: enc.currentState },
          evidence,
        });
      else ctx.pass({ resource, messageId: 'encrypted', data: { cluster: c.name, key: enc.keyName }, evidence });
    }
  },
});
