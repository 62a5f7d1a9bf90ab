import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'a client pod borrowing the postgres and redis images for psql and redis-cli (command: sleep)',
      files: {
        'k8s/clients.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: psql
spec:
  containers:
    - name: main
      image: postgres:16
      command: ["sleep", "infinity"]
---
apiVersion: v1
kind: Pod
metadata:
  name: redis-client
spec:
  containers:
    - name: cli
      image: redis:7.2
      command: ["redis-cli"]
      args: ["-h", "cache", "ping"]
`,
      },
    },
    {
      name: 'the ADR fix: only the backend runs; a Job and an init container use postgres as a client',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      initContainers:
        - name: wait-for-db
          image: postgres:16
          command: ["sh", "-c", "until pg_isready -h 10.28.0.3; do sleep 2; done"]
      containers:
        - name: backend
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.1
`,
        'k8s/db-init-job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: create-app-role
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: psql
          image: postgres:16
          command: ["psql", "-h", "10.28.0.3", "-f", "/sql/roles.sql"]
      restartPolicy: Never
`,
      },
    },
    {
      name: 'exporters, pgbouncer and the Cloud SQL proxy are not datastores',
      files: {
        'k8s/sidecars.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db-tools
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1
        - name: pgbouncer
          image: bitnami/pgbouncer:1.23.1
        - name: pg-exporter
          image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
        - name: redis-exporter
          image: oliver006/redis_exporter:v1.62.0
`,
      },
    },
  ],
  fail: [
    {
      name: 'a redis server started through a shell command is still a server',
      files: {
        'k8s/redis.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7.2
          command: ["sh", "-c", "redis-server --appendonly yes"]
`,
      },
      expect: [{ messageId: 'selfManaged', file: 'k8s/redis.yaml', line: 10, column: 11 }],
    },
    {
      name: 'the ADR fixture: PostgreSQL and Redis StatefulSets from before the pivot',
      files: {
        'k8s/statefulsets.yaml': `apiVersion: v1
kind: Service
metadata:
  name: postgresql
  namespace: coditect-staging
spec:
  clusterIP: None
  selector: { app: postgresql }
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
  namespace: coditect-staging
spec:
  serviceName: postgresql
  template:
    spec:
      containers:
        - name: postgresql
          image: postgres:16
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
  namespace: coditect-staging
spec:
  serviceName: redis
  template:
    spec:
      containers:
        - name: redis
          image: redis:7
          args: ["--appendonly", "yes"]
`,
      },
      expect: [
        { messageId: 'selfManaged', file: 'k8s/statefulsets.yaml', line: 21, column: 11 },
        { messageId: 'selfManaged', file: 'k8s/statefulsets.yaml', line: 34, column: 11 },
      ],
    },
    {
      name: 'bitnami/postgresql by registry host, tag and digest, in a Deployment',
      files: {
        'k8s/db.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: db
          image: docker.io/bitnami/postgresql:16.4.0@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
`,
      },
      expect: [{ messageId: 'selfManaged', file: 'k8s/db.yaml', line: 10, column: 11 }],
    },
    {
      name: 'a memcached DaemonSet and a flow-style valkey Pod',
      files: {
        'k8s/cache.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: memcached
  namespace: cache
spec:
  template:
    spec:
      containers:
        - name: memcached
          image: memcached:1.6
---
apiVersion: v1
kind: Pod
metadata: { name: valkey, namespace: coditect-staging }
spec: { containers: [{ name: valkey, image: "valkey/valkey:8" }] }
`,
      },
      expect: [
        { messageId: 'selfManaged', file: 'k8s/cache.yaml', line: 11, column: 11 },
        { messageId: 'selfManaged', file: 'k8s/cache.yaml', line: 16, column: 38 },
      ],
    },
    {
      name: 'a MongoDB StatefulSet inside a kind: List',
      files: {
        'k8s/list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: mongo
    spec:
      template:
        spec:
          containers:
            - name: mongo
              image: mongo:7.0
`,
      },
      expect: [{ messageId: 'selfManaged', file: 'k8s/list.yaml', line: 13, column: 15 }],
    },
  ],
} satisfies RuleCases;
