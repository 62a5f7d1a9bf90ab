import type { RuleCases } from '../cases.js';

/** The backend Deployment reading `backend-secrets` through envFrom (14 lines). */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
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
      name: 'no host setting, a Secret with the database name, and the Cloud SQL Auth Proxy as a sidecar of the app',
      files: {
        'k8s/app.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: europe-docker.pkg.dev/p/apps/web:1.0
          env:
            - name: DATABASE_NAME
              valueFrom:
                secretKeyRef: {name: db, key: name}
        - name: cloudsql-proxy
          image: gcr.io/cloudsql-docker/gce-proxy:1.33.2
          command: ["/cloud_sql_proxy", "-instances=p:europe-west1:db=tcp:5432"]
`,
      },
    },
    {
      name: 'the app reaches Cloud SQL through the Auth Proxy sidecar on 127.0.0.1',
      files: {
        'k8s/deployment.yaml': `${deployment}          env:
            - name: DATABASE_URL
              value: postgresql://app@127.0.0.1:5432/coditect
`,
      },
    },
    {
      // Google's Cloud SQL samples: the app reads INSTANCE_HOST, which points at the proxy sidecar.
      name: "INSTANCE_HOST=127.0.0.1 and DB_PORT, as Google's Cloud SQL samples name the proxy's address",
      files: {
        'k8s/deployment.yaml': `${deployment}          env:
            - name: DB_PORT
              value: "5432"
            - name: INSTANCE_HOST
              value: "127.0.0.1"
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1
          args: ["--port=5432", "coditect-cloud-infra:us-central1:coditect-db"]
`,
      },
    },
    {
      name: 'the ADR fix: DB_SSLMODE=require as a literal env value',
      files: {
        'k8s/deployment.yaml': `${deployment}          env:
            - name: DB_SSLMODE
              value: require
`,
      },
    },
    {
      name: 'DATABASE_URL with sslmode=verify-full in base64 data',
      files: {
        'k8s/deployment.yaml': deployment,
        'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
data:
  DATABASE_URL: cG9zdGdyZXM6Ly9saWNlbnNlX2FwaV9zdGFnaW5nOlpxODEtclR3QDEwLjI4LjAuMzo1NDMyL2NvZGl0ZWN0P3NzbG1vZGU9dmVyaWZ5LWZ1bGw=
`,
      },
    },
    {
      name: 'PGSSLMODE=verify-ca in a ConfigMap beside the host',
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
                name: db-settings
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db-settings
  namespace: coditect-staging
data:
  PGHOST: 10.28.0.3
  PGSSLMODE: verify-ca
`,
      },
    },
    {
      name: 'envFrom with prefix PG turns ConfigMap key SSLMODE into PGSSLMODE',
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
            - prefix: PG
              configMapRef: { name: libpq }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: libpq
  namespace: coditect-staging
data:
  HOST: 10.28.0.3
  SSLMODE: verify-full
`,
      },
    },
    {
      name: 'remediated: db-sslmode in the ExternalSecret template',
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
    template:
      data:
        db-host: 10.28.0.3
        db-sslmode: require
        db-password: "{{ .dbPassword }}"
`,
      },
    },
  ],
  fail: [
    {
      name: 'the same settings in two workloads, only one of which runs the Auth Proxy: the other connects directly',
      files: {
        'k8s/app.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  DATABASE_NAME: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: europe-docker.pkg.dev/p/apps/web:1.0
          envFrom:
            - secretRef: {name: db}
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: europe-docker.pkg.dev/p/apps/web:1.0
          envFrom:
            - secretRef: {name: db}
`,
      },
      expect: [{ messageId: 'missingMode', file: 'k8s/app.yaml', line: 6 }],
    },
    {
      name: 'the ADR fixture: host, user and port but no sslmode',
      files: {
        'k8s/deployment.yaml': deployment,
        'k8s/secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
stringData:
  db-name: "coditect"
  db-user: "postgres"
  db-host: "10.28.0.3"
  db-port: "5432"
`,
      },
      expect: [{ messageId: 'missingMode', file: 'k8s/secrets.yaml', line: 9, column: 3 }],
    },
    {
      name: 'DATABASE_URL with sslmode=disable in base64 data',
      files: {
        'k8s/deployment.yaml': deployment,
        'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
data:
  DATABASE_URL: cG9zdGdyZXM6Ly9saWNlbnNlX2FwaV9zdGFnaW5nOlpxODEtclR3QDEwLjI4LjAuMzo1NDMyL2NvZGl0ZWN0P3NzbG1vZGU9ZGlzYWJsZQ==
`,
      },
      expect: [{ messageId: 'weakMode', file: 'k8s/secret.yaml', line: 7, column: 3 }],
    },
    {
      name: 'DB_SSLMODE=prefer in flow-style env, namespace defaulted',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: coditect-backend }
spec:
  template:
    spec:
      containers:
        - name: backend
          env: [{ name: DB_HOST, value: 10.28.0.3 }, { name: DB_SSLMODE, value: prefer }]
`,
      },
      expect: [{ messageId: 'weakMode', file: 'k8s/deployment.yaml', line: 9, column: 74 }],
    },
    {
      name: 'a ConfigMap DATABASE_URL without sslmode, read through configMapKeyRef',
      files: {
        'k8s/app.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
  namespace: coditect-staging
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              env:
                - name: DATABASE_URL
                  valueFrom:
                    configMapKeyRef: { name: report-db, key: url }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: report-db
  namespace: coditect-staging
data:
  url: postgresql://reporter@10.28.0.3:5432/coditect
`,
      },
      expect: [{ messageId: 'urlWithoutMode', file: 'k8s/app.yaml', line: 25, column: 3 }],
    },
    {
      name: 'a strict URL does not excuse a weak PGSSLMODE beside it',
      files: {
        'k8s/deployment.yaml': `${deployment}          env:
            - name: PGSSLMODE
              value: allow
`,
        'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
data:
  DATABASE_URL: cG9zdGdyZXM6Ly9saWNlbnNlX2FwaV9zdGFnaW5nOlpxODEtclR3QDEwLjI4LjAuMzo1NDMyL2NvZGl0ZWN0P3NzbG1vZGU9dmVyaWZ5LWZ1bGw=
`,
      },
      expect: [{ messageId: 'weakMode', file: 'k8s/deployment.yaml', line: 17, column: 15 }],
    },
  ],
} satisfies RuleCases;
