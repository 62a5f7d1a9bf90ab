import type { GcpFacets, K8sSecret, PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

// ---- manifest
/** The backend Deployment reading `backend-secrets` through envFrom (17 lines). */
const deploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  replicas: 2
  template:
    metadata:
      labels: { app: coditect-backend }
    spec:
      containers:
        - name: backend
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.1
          envFrom:
            - secretRef:
                name: backend-secrets
`;

// ---- k8s
const secret = (keys: K8sSecret['keys']): K8sSecret => ({
  ...live('Secret', 'backend-secrets'),
  secretType: 'Opaque',
  keys,
});
const app = (extra: Record<string, unknown> = {}) =>
  workloads({
    'k8s.deployments': list(
      deployment('coditect-backend', [
        {
          name: 'backend',
          image: `${APP_IMAGE}:v1.0.1`,
          envFrom: [{ secretRef: { name: 'backend-secrets' } }],
          ...extra,
        },
      ]),
    ),
  });

/** One table for every source the rule judges; each case names its source first. */
// ---- probe
const probeApp: PostgresProbe = {
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'verify-full',
  server: { version: '16.4', versionNum: 160004, major: 16 },
  session: { ssl: true, sslVersion: 'TLSv1.3', readOnly: true },
  plaintext: { outcome: 'refused', detail: 'pg_hba.conf rejects connection, no encryption' },
  role: {
    name: 'license_api_staging',
    exists: true,
    superuser: false,
    createRole: false,
    createDb: false,
    bypassRls: false,
    replication: false,
    memberOf: [],
  },
};
const as = (name: string, role: Partial<NonNullable<PostgresProbe['role']>>): PostgresProbe => ({
  ...probeApp,
  login: name,
  appRole: name,
  role: { ...probeApp.role!, name, ...role },
});

// ---- join
/** The Cloud SQL users of the expected instance. */
const sqlUsers = (
  ...users: { name: string; type?: string; databaseRoles?: string[] }[]
): GcpFacets['gcp.sql-users'] => ({
  read: ['coditect-cloud-infra'],
  instances: [
    {
      project: 'coditect-cloud-infra',
      instance: 'coditect-db',
      users: users.map((u) => ({ type: 'BUILT_IN', ...u })),
    },
  ],
});

export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: the ADR fix: db-user is a dedicated role (value hidden in the Secret)',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  db-user: license_api_staging
  db-host: 10.28.0.3
`,
      },
    },
    {
      name: 'manifest: DB_USER in a ConfigMap read through envFrom',
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
          envFrom:
            - configMapRef:
                name: backend-config
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: backend-config
  namespace: coditect-staging
data:
  DB_USER: license_api_staging
  DB_HOST: 10.28.0.3
`,
      },
    },
    {
      name: 'manifest: remediated: the user is a literal of the ExternalSecret template',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/external-secret.yaml': `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef: { kind: ClusterSecretStore, name: gcp-secret-manager }
  target:
    name: backend-secrets
    template:
      data:
        db-user: license_api_staging
        db-password: "{{ .dbPassword }}"
`,
      },
    },
    {
      name: "manifest: a postgres StatefulSet's own POSTGRES_USER is not the app's user",
      files: {
        'k8s/workloads.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: postgresql
          image: postgres:16
          env:
            - name: POSTGRES_USER
              value: postgres
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          env:
            - name: DB_USER
              value: license_api_staging
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated Secret: db-user is license_api_staging (a value the collector does not keep)',
      facets: { ...app(), 'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'set' }])] } },
    },
    {
      name: 'k8s: a literal DB_USER env value that is not a superuser',
      facets: { ...app({ env: [{ name: 'DB_USER', value: 'license_api_staging' }] }), 'k8s.secrets': { items: [] } },
    },
    // probe
    { name: 'the ADR fix: a dedicated DML-only role', facets: { 'probe.postgres': probeApp } },
    { name: 'a member of an ordinary group role', facets: { 'probe.postgres': as('api', { memberOf: ['app_rw'] }) } },
    // ---- join
    {
      name: 'join: the ADR fix: a dedicated role, its name not recorded from the Secret, DML rights only',
      facets: {
        'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'set' }])] },
        'gcp.sql-users': sqlUsers({ name: 'postgres' }, { name: 'license_api_staging' }),
        'probe.postgres': probeApp,
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: db-user: postgres in backend-secrets',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
type: Opaque
stringData:
  db-name: "coditect"
  db-user: "postgres"
  db-password: "placeholder"
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/secrets.yaml', line: 9, column: 3 }],
    },
    {
      name: 'manifest: DATABASE_URL in base64 data connecting as postgres',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
data:
  DATABASE_URL: cG9zdGdyZXM6Ly9wb3N0Z3JlczpacTgxLXJUd0AxMC4yOC4wLjM6NTQzMi9jb2RpdGVjdD9zc2xtb2RlPWRpc2FibGU=
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/secrets.yaml', line: 7, column: 3 }],
    },
    {
      name: 'manifest: DATABASE_URL to an example host still names its superuser',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  DATABASE_URL: postgres://postgres:Zq81-rTw@localhost:5432/coditect
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/secrets.yaml', line: 7, column: 3 }],
    },
    {
      name: 'manifest: a literal env value in flow style, namespace defaulted',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: coditect-backend }
spec:
  template:
    spec:
      containers:
        - name: backend
          env: [{ name: DB_HOST, value: 10.28.0.3 }, { name: DB_USER, value: postgres }]
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/deployment.yaml', line: 9, column: 71 }],
    },
    {
      name: 'manifest: a Secret key read through secretKeyRef into DB_USER (key name not in dbUserKeys)',
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
          env:
            - name: DB_USER
              valueFrom:
                secretKeyRef:
                  name: cloudsql-credentials
                  key: username
---
apiVersion: v1
kind: Secret
metadata:
  name: cloudsql-credentials
  namespace: coditect-staging
stringData:
  username: root
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/app.yaml', line: 24, column: 3 }],
    },
    {
      name: 'manifest: a ConfigMap PGUSER, compared case-insensitively',
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
          env:
            - name: PGUSER
              valueFrom:
                configMapKeyRef: { name: db-settings, key: PGUSER }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-settings
  namespace: coditect-staging
data:
  PGUSER: Postgres
`,
      },
      expect: [{ messageId: 'superuser', file: 'k8s/app.yaml', line: 22, column: 3 }],
    },
    {
      name: 'manifest: a superuser name given in the expectations',
      files: {
        'k8s/app.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  containers:
    - name: backend
      env:
        - name: DATABASE_USER
          value: django_owner
`,
      },
      expectations: { database: { superuserNames: ['postgres', 'django_owner'] } },
      expect: [{ messageId: 'superuser', file: 'k8s/app.yaml', line: 11, column: 11 }],
    },
    // ---- k8s
    {
      name: 'k8s: the ADR staging Secret: db-user is postgres',
      facets: {
        ...app(),
        'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' }])] },
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'k8s: DATABASE_URL connects as postgres',
      facets: {
        ...app(),
        'k8s.secrets': {
          items: [
            secret([
              {
                key: 'DATABASE_URL',
                class: 'superuser-name',
                publicValue: 'postgres',
                url: { scheme: 'postgres', user: 'postgres', host: '10.28.0.3', database: 'coditect' },
              },
            ]),
          ],
        },
      },
      expect: [{ messageId: 'superuser' }],
    },
    {
      name: 'k8s: a literal DATABASE_URL env value connects as postgres',
      facets: {
        ...app({ env: [{ name: 'DATABASE_URL', value: 'postgres://postgres@10.28.0.3:5432/coditect' }] }),
        'k8s.secrets': { items: [] },
      },
      expect: [{ messageId: 'superuser' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the repository gives the app postgres, and so does the live Secret',
      files: {
        'k8s/deployment.yaml': deploymentYaml,
        'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  db-user: postgres
`,
      },
      facets: {
        ...app(),
        'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' }])] },
      },
      expect: [
        { source: 'manifest', messageId: 'superuser', file: 'k8s/secret.yaml', line: 7 },
        { source: 'k8s', messageId: 'superuser' },
      ],
    },
    // probe
    {
      name: 'the ADR as deployed: the app logs in as a superuser',
      facets: { 'probe.postgres': as('postgres', { superuser: true }) },
      expect: [{ messageId: 'superuser', source: 'probe' }],
    },
    {
      name: 'Cloud SQL postgres: not rolsuper, but a cloudsqlsuperuser member',
      facets: {
        'probe.postgres': as('coditect_admin', { createRole: true, createDb: true, memberOf: ['cloudsqlsuperuser'] }),
      },
      expect: [{ messageId: 'cloudsqlsuperuser', source: 'probe' }],
    },
    {
      name: 'an administrator account by name',
      facets: { 'probe.postgres': as('admin', {}) },
      expect: [{ messageId: 'superuserName', source: 'probe' }],
    },
    {
      name: 'the configured role does not exist',
      facets: { 'probe.postgres': as('ghost', { exists: false }) },
      expect: [{ messageId: 'missing', source: 'probe' }],
    },
    // ---- join
    {
      name: 'join: ADR-001 Issue 2: Secret db-user = postgres → Cloud SQL user postgres → a rolsuper role',
      facets: {
        'k8s.secrets': { items: [secret([{ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' }])] },
        'gcp.sql-users': sqlUsers({ name: 'postgres' }),
        'probe.postgres': as('postgres', { superuser: true }),
      },
      expect: [
        { messageId: 'superuser', source: 'join' },
        { messageId: 'superuser', source: 'probe' },
      ],
    },
    {
      name: 'join: a dedicated name that Cloud SQL reports as a cloudsqlsuperuser member (PostgreSQL alone passes it)',
      facets: {
        'k8s.secrets': { items: [secret([{ key: 'DB_USER', class: 'set' }])] },
        'gcp.sql-users': sqlUsers({ name: 'app', databaseRoles: ['cloudsqlsuperuser'] }),
        'probe.postgres': as('app', {}),
      },
      expect: [{ messageId: 'superuser', source: 'join' }],
    },
    {
      name: 'join: the DATABASE_URL user is postgres; the probe logged in with its own role',
      facets: {
        'k8s.secrets': {
          items: [
            secret([
              { key: 'DATABASE_URL', class: 'set', url: { scheme: 'postgres', user: 'postgres', host: '10.28.0.3' } },
            ]),
          ],
        },
        'gcp.sql-users': sqlUsers({ name: 'postgres' }),
        'probe.postgres': as('postgres', { memberOf: ['cloudsqlsuperuser'] }),
      },
      expect: [
        { messageId: 'superuser', source: 'join' },
        { messageId: 'cloudsqlsuperuser', source: 'probe' },
      ],
    },
  ],
} satisfies RuleCases;
