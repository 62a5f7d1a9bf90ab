import type { K8sSecret } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

// ---- manifest
/** The backend Deployment reading `backend-secrets` through envFrom (18 lines). */
const deploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  replicas: 2
  selector:
    matchLabels: { app: coditect-backend }
  template:
    metadata:
      labels: { app: coditect-backend }
    spec:
      containers:
        - name: backend
          envFrom:
            - secretRef:
                name: backend-secrets
`;

/** `backend-secrets` in the app namespace with these `stringData` lines (the manifest is 6 lines, then them). */
const backendSecretYaml = (stringData: string) => `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
${stringData}`;

// ---- k8s
const secret = (name: string, keys: K8sSecret['keys']): K8sSecret => ({
  ...live('Secret', name, { metadata: { labels: { app: 'coditect-backend' } } }),
  secretType: 'Opaque',
  keys,
});
const app = workloads({
  'k8s.deployments': list(
    deployment('coditect-backend', [
      { name: 'backend', image: `${APP_IMAGE}:v1.0.1`, envFrom: [{ secretRef: { name: 'backend-secrets' } }] },
    ]),
  ),
});

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: real values in stringData, read through envFrom',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret.yaml': backendSecretYaml(`  db-user: license_api_staging
  db-host: 10.28.0.3
  db-port: "5432"
  django-secret-key: k8Q2-vR7p-Xw91-Lm3z
`),
      },
    },
    {
      name: 'manifest: base64 data with real values, read through secretKeyRef, namespace defaulted',
      files: {
        'k8s/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
spec:
  template:
    spec:
      containers:
        - name: backend
          env:
            - name: DB_USER
              valueFrom:
                secretKeyRef: { name: db-credentials, key: username }
---
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
data:
  username: bGljZW5zZV9hcGlfc3RhZ2luZw==
  host: MTAuMjguMC4z
`,
      },
      expectations: { app: { secrets: [] } },
    },
    {
      name: 'manifest: a placeholder in a Secret the app does not use is not reported',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  django-secret-key: k8Q2-vR7p-Xw91-Lm3z
---
apiVersion: v1
kind: Secret
metadata:
  name: grafana-admin
  namespace: monitoring
stringData:
  password: changeme
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated Secret: every value real (classes only, never values)',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret('backend-secrets', [
              { key: 'db-host', class: 'set' },
              { key: 'db-password', class: 'set' },
              { key: 'db-sslmode', class: 'set', publicValue: 'require' },
              { key: 'db-user', class: 'set' },
            ]),
          ],
        },
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: backend-secrets created with placeholder values',
      files: {
        'k8s/secrets.yaml': `# Placeholder values so the Deployment can start.
apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
type: Opaque
stringData:
  django-secret-key: "CHANGEME"
  db-name: "coditect"
  db-user: "postgres"
  db-password: "placeholder"
  db-host: "TODO"
  db-port: "5432"
  redis-host: "localhost"
  redis-port: "6379"
`,
      },
      expect: [
        { messageId: 'placeholderValue', file: 'k8s/secrets.yaml', line: 9, column: 3 },
        { messageId: 'placeholderValue', file: 'k8s/secrets.yaml', line: 12, column: 3 },
        { messageId: 'placeholderValue', file: 'k8s/secrets.yaml', line: 13, column: 3 },
        { messageId: 'exampleHost', file: 'k8s/secrets.yaml', line: 15, column: 3 },
      ],
    },
    {
      name: 'manifest: base64 data: empty, not base64, and an encoded placeholder, mounted as a volume',
      files: {
        'k8s/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
      volumes:
        - name: creds
          secret:
            secretName: app-credentials
---
apiVersion: v1
kind: Secret
metadata:
  name: app-credentials
  namespace: coditect-staging
data:
  api-token: ""
  signing-key: not*base64
  db-password: Y2hhbmdlbWU=
  db-host: MTAuMjguMC4z
`,
      },
      expect: [
        { messageId: 'emptyValue', file: 'k8s/app.yaml', line: 22, column: 3 },
        { messageId: 'invalidBase64', file: 'k8s/app.yaml', line: 23, column: 3 },
        { messageId: 'placeholderValue', file: 'k8s/app.yaml', line: 24, column: 3 },
      ],
    },
    {
      name: 'manifest: flow-style stringData with an example host, key read through secretKeyRef',
      files: {
        'k8s/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: coditect-backend, namespace: coditect-staging }
spec:
  template:
    spec:
      containers:
        - name: backend
          env:
            - { name: DB_HOST, valueFrom: { secretKeyRef: { name: db, key: host } } }
---
apiVersion: v1
kind: Secret
metadata: { name: db, namespace: coditect-staging }
stringData: { host: db.example.com, port: "5432" }
`,
      },
      expect: [{ messageId: 'exampleHost', file: 'k8s/app.yaml', line: 15, column: 15 }],
    },
    {
      name: 'manifest: a Secret inside a kind: List, named by expectations.app.secrets',
      files: {
        'k8s/list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Secret
    metadata:
      name: redis-auth
      namespace: coditect-staging
    stringData:
      redis-password: xxxx
`,
      },
      expectations: { app: { secrets: ['redis-auth'] } },
      expect: [{ messageId: 'placeholderValue', file: 'k8s/list.yaml', line: 10, column: 7 }],
    },
    {
      // A manifest a CI step fills before applying it (`envsubst < k8s/secret.yaml | kubectl apply -f -`):
      // undecided, not failed; a real placeholder beside the variables still fails.
      name: 'manifest: values that are template syntax are undecided; a placeholder beside them fails',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret.yaml': backendSecretYaml(`  db-password: \${DB_PASSWORD}
  redis-password: $REDIS_PASSWORD
  django-secret-key: "{{ .Values.djangoSecretKey }}"
  db-host: TODO
  db-port: "5432"
`),
      },
      expect: [
        { status: 'unknown', messageId: 'templateValue', file: 'k8s/secret.yaml', line: 7, column: 3 },
        { status: 'unknown', messageId: 'templateValue', file: 'k8s/secret.yaml', line: 8, column: 3 },
        { status: 'unknown', messageId: 'templateValue', file: 'k8s/secret.yaml', line: 9, column: 3 },
        { messageId: 'placeholderValue', file: 'k8s/secret.yaml', line: 10, column: 3 },
      ],
    },
    // ---- k8s
    {
      name: 'k8s: the ADR staging Secret: CHANGEME, placeholder, TODO and localhost',
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret('backend-secrets', [
              { key: 'db-host', class: 'placeholder' },
              { key: 'db-name', class: 'set' },
              { key: 'db-password', class: 'placeholder' },
              { key: 'db-user', class: 'superuser-name', publicValue: 'postgres' },
              { key: 'django-secret-key', class: 'placeholder' },
              { key: 'redis-host', class: 'example-host', publicValue: 'localhost' },
            ]),
          ],
        },
      },
      expect: [
        { messageId: 'placeholderValue' },
        { messageId: 'placeholderValue' },
        { messageId: 'placeholderValue' },
        { messageId: 'exampleHost' },
      ],
    },
    {
      name: 'k8s: an expected Secret no workload references yet, with an empty key',
      facets: {
        ...workloads({}),
        'k8s.secrets': { items: [secret('backend-secrets', [{ key: 'django-secret-key', class: 'empty' }])] },
      },
      expect: [{ messageId: 'emptyValue' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the repository declares a placeholder; the cluster holds a real value but an example host',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret.yaml': backendSecretYaml(`  db-host: placeholder
`),
      },
      facets: {
        ...app,
        'k8s.secrets': {
          items: [
            secret('backend-secrets', [
              { key: 'db-host', class: 'set' },
              { key: 'redis-host', class: 'example-host', publicValue: 'localhost' },
            ]),
          ],
        },
      },
      expect: [
        { source: 'manifest', messageId: 'placeholderValue', file: 'k8s/secret.yaml', line: 7 },
        { source: 'k8s', messageId: 'exampleHost' },
      ],
    },
  ],
} satisfies RuleCases;
