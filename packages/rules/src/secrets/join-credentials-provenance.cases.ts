import type { FacetMap, K8sSecret, K8sSecretStore } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const NS = 'coditect-staging';

/** The backend reads backend-secrets whole (envFrom) and its db-password by key. */
const running = workloads({
  'k8s.deployments': list(
    deployment('coditect-backend', [
      {
        name: 'backend',
        image: `${APP_IMAGE}:v1.0.0-staging`,
        envFrom: [{ secretRef: { name: 'backend-secrets' } }],
        env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'backend-secrets', key: 'db-password' } } }],
      },
    ]),
  ),
});

const secret = (metadata: Record<string, unknown> = {}): { items: K8sSecret[] } => ({
  items: [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'backend-secrets',
      namespace: NS,
      object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'backend-secrets', namespace: NS, ...metadata } },
      secretType: 'Opaque',
      keys: [
        { key: 'db-password', class: 'set' },
        { key: 'django-secret-key', class: 'set' },
      ],
    },
  ],
});

const OWNED = {
  labels: { 'reconcile.external-secrets.io/managed': 'true' },
  ownerReferences: [
    { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: 'backend-secrets', controller: true },
  ],
};

const externalSecrets = (provider: string, keys: string[]): FacetMap['k8s.externalsecrets'] => {
  const store: K8sSecretStore = {
    kind: 'ClusterSecretStore',
    name: 'gcp-secret-manager',
    provider,
    ...(provider === 'gcpsm' ? { projectID: 'coditect-cloud-infra' } : {}),
    ready: true,
  };
  return {
    apiVersion: 'external-secrets.io/v1',
    items: [
      live('ExternalSecret', 'backend-secrets', {
        spec: {
          secretStoreRef: { kind: 'ClusterSecretStore', name: 'gcp-secret-manager' },
          target: { name: 'backend-secrets' },
          data: keys.map((key) => ({ secretKey: key, remoteRef: { key } })),
        },
      }),
    ],
    stores: [store],
  };
};

const secretManager = (...names: string[]): FacetMap['gcp.secretmanager'] => ({
  read: ['projects/coditect-cloud-infra'],
  secrets: names.map((name) => ({ project: 'coditect-cloud-infra', name, labels: {}, replication: 'automatic' })),
});

export default {
  pass: [
    {
      name: 'the ADR fix: owned by an ExternalSecret reading a gcpsm store, every remote key in Secret Manager',
      facets: {
        ...running,
        'k8s.secrets': secret(OWNED),
        'k8s.externalsecrets': externalSecrets('gcpsm', ['django-secret-key', 'db-password-staging']),
        'gcp.secretmanager': secretManager('django-secret-key', 'db-password-staging', 'redis-password-staging'),
      },
    },
  ],
  fail: [
    {
      name: 'ADR-001 Issue 5: a hand-made Secret (kubectl apply of k8s/secrets.yaml), nothing produces it',
      facets: {
        ...running,
        'k8s.secrets': secret(),
        'k8s.externalsecrets': { apiVersion: 'external-secrets.io/v1', items: [], stores: [] },
        'gcp.secretmanager': secretManager(),
      },
      // Located by the engine at the manifest declaring the Secret (resource.declaredAs).
      expect: [{ messageId: 'handMade' }],
    },
    {
      name: 'staging as the ADR leaves it: External Secrets is not installed, so every Secret is hand-made',
      facets: {
        ...running,
        'k8s.secrets': secret(),
        'gcp.secretmanager': secretManager(),
      },
      absentFacets: ['k8s.externalsecrets'],
      expect: [{ messageId: 'handMade' }],
    },
    {
      name: 'synced by an ExternalSecret, but from a fake store, not Secret Manager',
      facets: {
        ...running,
        'k8s.secrets': secret(OWNED),
        'k8s.externalsecrets': externalSecrets('fake', ['django-secret-key']),
        'gcp.secretmanager': secretManager('django-secret-key'),
      },
      expect: [{ messageId: 'notSecretManager' }],
    },
    {
      name: 'the ExternalSecret reads db-password-staging, which was never created in Secret Manager',
      facets: {
        ...running,
        'k8s.secrets': secret(OWNED),
        'k8s.externalsecrets': externalSecrets('gcpsm', ['django-secret-key', 'db-password-staging']),
        'gcp.secretmanager': secretManager('django-secret-key'),
      },
      expect: [{ messageId: 'remoteKeyMissing' }],
    },
  ],
} satisfies RuleCases;
