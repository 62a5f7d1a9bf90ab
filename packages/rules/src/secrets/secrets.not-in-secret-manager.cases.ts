import type { RuleCases } from '../cases.js';
import type { FacetMap, K8sSecret, K8sSecretStore } from '@coditect-audit/core';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

// ---- manifest
/** The backend Deployment reading `backend-secrets` through envFrom (13 lines). */
const deploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          envFrom:
            - secretRef:
                name: backend-secrets
`;

const clusterStore = `apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: gcp-secret-manager
spec:
  provider:
    gcpsm:
      projectID: coditect-cloud-infra
`;

// ---- k8s
const secret = (metadata: Record<string, unknown> = {}): K8sSecret => ({
  ...live('Secret', 'backend-secrets', { metadata }),
  secretType: 'Opaque',
  keys: [{ key: 'db-password', class: 'set' }],
});
const app = workloads({
  'k8s.deployments': list(
    deployment('coditect-backend', [
      { name: 'backend', image: `${APP_IMAGE}:v1.0.1`, envFrom: [{ secretRef: { name: 'backend-secrets' } }] },
    ]),
  ),
});

// ---- join
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

const liveSecrets = (metadata: Record<string, unknown> = {}): { items: K8sSecret[] } => ({
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

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: the ADR fix: an ExternalSecret syncs backend-secrets from a gcpsm ClusterSecretStore',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret-store.yaml': clusterStore,
        'k8s/external-secret.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets-sync
  namespace: coditect-staging
spec:
  secretStoreRef:
    kind: ClusterSecretStore
    name: gcp-secret-manager
  target:
    name: backend-secrets
  data:
    - secretKey: django-secret-key
      remoteRef: { key: django-secret-key }
`,
      },
    },
    {
      name: 'manifest: v1beta1 ExternalSecret with the default target and a namespaced SecretStore',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/external-secret.yaml': `apiVersion: external-secrets.io/v1beta1
kind: SecretStore
metadata:
  name: gsm
  namespace: coditect-staging
spec:
  provider:
    gcpsm: { projectID: coditect-cloud-infra }
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef: { name: gsm }
  dataFrom:
    - extract: { key: backend-secrets }
`,
      },
    },
    {
      name: 'manifest: the Secret Manager CSI driver syncs the Secret (SecretProviderClass, provider gcp)',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/spc.yaml': `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: backend-secrets-provider
  namespace: coditect-staging
spec:
  provider: gcp
  parameters:
    secrets: |
      - resourceName: projects/coditect-cloud-infra/secrets/django-secret-key/versions/latest
        path: django-secret-key
  secretObjects:
    - secretName: backend-secrets
      type: Opaque
      data:
        - objectName: django-secret-key
          key: django-secret-key
`,
      },
    },
    {
      name: 'manifest: an ExternalSecret whose store is declared elsewhere',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/external-secret.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef: { kind: ClusterSecretStore, name: platform-gsm }
`,
      },
    },

    // ---- k8s
    {
      name: 'k8s: the remediated Secret is owned by ExternalSecret backend-secrets',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret({
              labels: { 'reconcile.external-secrets.io/managed': 'true' },
              ownerReferences: [
                {
                  apiVersion: 'external-secrets.io/v1',
                  kind: 'ExternalSecret',
                  name: 'backend-secrets',
                  controller: true,
                },
              ],
            }),
          ],
        },
      },
    },
    // ---- join
    {
      name: 'join: the ADR fix: owned by an ExternalSecret reading a gcpsm store, every remote key in Secret Manager',
      facets: {
        ...running,
        'k8s.secrets': liveSecrets(OWNED),
        'k8s.externalsecrets': externalSecrets('gcpsm', ['django-secret-key', 'db-password-staging']),
        'gcp.secretmanager': secretManager('django-secret-key', 'db-password-staging', 'redis-password-staging'),
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: backend-secrets is a hand-made Secret manifest',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secrets.yaml': `# Placeholder values so the Deployment can start.
apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  db-user: postgres
`,
      },
      expect: [{ messageId: 'handMade', file: 'k8s/secrets.yaml', line: 5, column: 3 }],
    },
    {
      name: 'manifest: referenced by the Deployment and the migration Job, declared nowhere: undecided (kubectl or a chart elsewhere)',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/migrate-job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: django-migrate
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: migrate
          envFrom:
            - secretRef:
                name: backend-secrets
      restartPolicy: Never
`,
      },
      expect: [
        { messageId: 'notDeclared', file: 'k8s/deployment.yaml', line: 13, column: 17, status: 'unknown' },
        { messageId: 'notDeclared', file: 'k8s/migrate-job.yaml', line: 13, column: 17, status: 'unknown' },
      ],
    },
    {
      name: 'manifest: an ExternalSecret synced from a Vault store, not Secret Manager',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/external-secret.yaml': `apiVersion: external-secrets.io/v1
kind: SecretStore
metadata:
  name: vault
  namespace: coditect-staging
spec:
  provider:
    vault:
      server: https://vault.internal:8200
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef: { name: vault, kind: SecretStore }
`,
      },
      expect: [{ messageId: 'otherProvider', file: 'k8s/external-secret.yaml', line: 8, column: 5 }],
    },
    {
      name: "manifest: an ExternalSecret in another namespace does not cover the app's Secret",
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret-store.yaml': clusterStore,
        'k8s/secrets.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: default
spec:
  secretStoreRef: { kind: ClusterSecretStore, name: gcp-secret-manager }
---
apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
data:
  db-user: bGljZW5zZV9hcGlfc3RhZ2luZw==
`,
      },
      expect: [{ messageId: 'handMade', file: 'k8s/secrets.yaml', line: 12, column: 3 }],
    },
    {
      name: 'manifest: a hand-made Secret in a kind: List, read through secretKeyRef',
      files: {
        'k8s/app.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: coditect-backend, namespace: coditect-staging }
    spec:
      template:
        spec:
          containers:
            - name: backend
              env:
                - name: REDIS_PASSWORD
                  valueFrom: { secretKeyRef: { name: redis-auth, key: password } }
  - apiVersion: v1
    kind: Secret
    metadata: { name: redis-auth, namespace: coditect-staging }
    stringData: { password: k8Q2-vR7p-Xw91-Lm3z }
`,
      },
      expectations: { app: { secrets: [] } },
      expect: [{ messageId: 'handMade', file: 'k8s/app.yaml', line: 17, column: 17 }],
    },

    // ---- k8s
    {
      name: 'k8s: the ADR staging Secret was created with kubectl',
      facets: { ...app, 'k8s.secrets': { items: [secret({ labels: { app: 'coditect-backend' } })] } },
      expect: [{ messageId: 'handMade' }],
    },
    {
      name: 'k8s: the Secret the app reads does not exist',
      facets: { ...app, 'k8s.secrets': { namespaces: ['coditect-staging'], items: [] } },
      expect: [{ messageId: 'missing' }],
    },
    // ---- join (the live source judges the same Secret: hand-made there too, synced where an ExternalSecret owns it)
    {
      name: 'join: ADR-001 Issue 5: a hand-made Secret (kubectl apply of k8s/secrets.yaml), nothing produces it',
      facets: {
        ...running,
        'k8s.secrets': liveSecrets(),
        'k8s.externalsecrets': { apiVersion: 'external-secrets.io/v1', items: [], stores: [] },
        'gcp.secretmanager': secretManager(),
      },
      // Located by the engine at the manifest declaring the Secret (resource.declaredAs).
      expect: [
        { messageId: 'handMade', source: 'join' },
        { messageId: 'handMade', source: 'k8s' },
      ],
    },
    {
      name: 'join: staging as the ADR leaves it: External Secrets is not installed, so every Secret is hand-made',
      facets: {
        ...running,
        'k8s.secrets': liveSecrets(),
        'gcp.secretmanager': secretManager(),
      },
      absentFacets: ['k8s.externalsecrets'],
      expect: [
        { messageId: 'handMade', source: 'join' },
        { messageId: 'handMade', source: 'k8s' },
      ],
    },
    {
      name: 'join: synced by an ExternalSecret, but from a fake store, not Secret Manager (the live source passes it)',
      facets: {
        ...running,
        'k8s.secrets': liveSecrets(OWNED),
        'k8s.externalsecrets': externalSecrets('fake', ['django-secret-key']),
        'gcp.secretmanager': secretManager('django-secret-key'),
      },
      expect: [{ messageId: 'notSecretManager', source: 'join' }],
    },
    {
      name: 'join: the ExternalSecret reads db-password-staging, which was never created in Secret Manager',
      facets: {
        ...running,
        'k8s.secrets': liveSecrets(OWNED),
        'k8s.externalsecrets': externalSecrets('gcpsm', ['django-secret-key', 'db-password-staging']),
        'gcp.secretmanager': secretManager('django-secret-key'),
      },
      expect: [{ messageId: 'remoteKeyMissing', source: 'join' }],
    },
  ],
} satisfies RuleCases;
