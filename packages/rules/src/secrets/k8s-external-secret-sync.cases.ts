import type { K8sExternalSecrets } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { live } from '../util/k8s-live-cases.js';

const externalSecret = (store: { kind: string; name: string }, ready: Record<string, string>) =>
  live('ExternalSecret', 'backend-secrets', {
    spec: {
      refreshInterval: '1h',
      secretStoreRef: store,
      target: { name: 'backend-secrets', creationPolicy: 'Owner' },
      data: [{ secretKey: 'dbPassword', remoteRef: { key: 'db-password-staging' } }],
    },
    status: { conditions: [{ type: 'Ready', ...ready }] },
  });
const facet = (items: K8sExternalSecrets['items'], stores: K8sExternalSecrets['stores']): K8sExternalSecrets => ({
  apiVersion: 'external-secrets.io/v1',
  items,
  stores,
});
const gcpsm = {
  kind: 'ClusterSecretStore' as const,
  name: 'gcp-secret-manager',
  provider: 'gcpsm',
  projectID: 'coditect-cloud-infra',
  ready: true,
};

export default {
  pass: [
    {
      name: 'the remediated state: backend-secrets synced from ClusterSecretStore gcp-secret-manager (gcpsm)',
      facets: {
        'k8s.externalsecrets': facet(
          [
            externalSecret(
              { kind: 'ClusterSecretStore', name: 'gcp-secret-manager' },
              { status: 'True', reason: 'SecretSynced' },
            ),
          ],
          [gcpsm],
        ),
      },
    },
  ],
  fail: [
    {
      name: 'External Secrets is installed but nothing produces backend-secrets',
      facets: { 'k8s.externalsecrets': facet([], [gcpsm]) },
      expect: [{ messageId: 'notCovered' }],
    },
    {
      name: 'the ExternalSecret reads a Vault store and its last sync failed',
      facets: {
        'k8s.externalsecrets': facet(
          [externalSecret({ kind: 'SecretStore', name: 'vault' }, { status: 'False', reason: 'SecretSyncedError' })],
          [{ kind: 'SecretStore', name: 'vault', namespace: 'coditect-staging', provider: 'vault' }],
        ),
      },
      expect: [{ messageId: 'wrongProvider' }, { messageId: 'notReady' }],
    },
    {
      name: 'the ExternalSecret names a store that does not exist',
      facets: {
        'k8s.externalsecrets': facet(
          [
            externalSecret(
              { kind: 'ClusterSecretStore', name: 'gcp-sm' },
              { status: 'False', reason: 'SecretSyncedError' },
            ),
          ],
          [gcpsm],
        ),
      },
      expect: [{ messageId: 'storeMissing' }, { messageId: 'notReady' }],
    },
  ],
} satisfies RuleCases;
