import type { RuleCases } from '../cases.js';

/** The backend Deployment reading `backend-secrets` through envFrom (17 lines). */
const deployment = `apiVersion: apps/v1
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

export default {
  pass: [
    {
      name: 'the ADR fix: db-user is a dedicated role (value hidden in the Secret)',
      files: {
        'k8s/deployment.yaml': deployment,
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
      name: 'DB_USER in a ConfigMap read through envFrom',
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
      name: 'remediated: the user is a literal of the ExternalSecret template',
      files: {
        'k8s/deployment.yaml': deployment,
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
      name: "a postgres StatefulSet's own POSTGRES_USER is not the app's user",
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
  ],
  fail: [
    {
      name: 'the ADR fixture: db-user: postgres in backend-secrets',
      files: {
        'k8s/deployment.yaml': deployment,
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
      name: 'DATABASE_URL in base64 data connecting as postgres',
      files: {
        'k8s/deployment.yaml': deployment,
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
      name: 'DATABASE_URL to an example host still names its superuser',
      files: {
        'k8s/deployment.yaml': deployment,
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
      name: 'a literal env value in flow style, namespace defaulted',
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
      name: 'a Secret key read through secretKeyRef into DB_USER (key name not in dbUserKeys)',
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
      name: 'a ConfigMap PGUSER, compared case-insensitively',
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
      name: 'a superuser name given in the expectations',
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
  ],
} satisfies RuleCases;
