import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: a client pod borrowing the postgres and redis images for psql and redis-cli (command: sleep)',
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
      name: 'manifest: images named like members of a plain object (constructor, __proto__, toString) are no datastore',
      files: {
        'k8s/odd-names.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: odd
spec:
  template:
    spec:
      containers:
        - name: a
          image: registry.example.com/team/constructor:1.0
        - name: b
          image: registry.example.com/team/__proto__:1.0
        - name: c
          image: registry.example.com/team/tostring:1.0
`,
      },
    },
    {
      name: 'manifest: the ADR fix: only the backend runs; a Job and an init container use postgres as a client',
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
      name: 'manifest: exporters, pgbouncer and the Cloud SQL proxy are not datastores',
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
    // ---- k8s
    {
      name: 'k8s: after the pivot: only the backend runs; a migration Job running psql is a client',
      facets: workloads({
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.jobs': list(
          live('Job', 'db-check', {
            spec: { template: { spec: { containers: [{ name: 'psql', image: 'postgres:16' }] } } },
          }),
        ),
      }),
    },
    {
      name: 'k8s: a debugging pod borrowing the redis image for redis-cli (command: sleep) is a client',
      facets: workloads({
        'k8s.pods': list(
          live('Pod', 'redis-client', {
            spec: { containers: [{ name: 'cli', image: 'redis:7.2', command: ['sleep', '3600'] }] },
          }),
        ),
      }),
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: a redis server started through a shell command is still a server',
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
      name: 'manifest: the ADR fixture: PostgreSQL and Redis StatefulSets from before the pivot',
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
      name: 'manifest: bitnami/postgresql by registry host, tag and digest, in a Deployment',
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
      name: 'manifest: a memcached DaemonSet and a flow-style valkey Pod',
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
      name: 'manifest: a MongoDB StatefulSet inside a kind: List',
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
    // ---- k8s
    {
      name: 'k8s: the pre-pivot StatefulSets postgresql and redis still run',
      facets: workloads({
        'k8s.statefulsets': list(
          live('StatefulSet', 'postgresql', {
            spec: { template: { spec: { containers: [{ name: 'postgresql', image: 'postgres:16' }] } } },
          }),
          live('StatefulSet', 'redis', {
            spec: { template: { spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } },
          }),
        ),
      }),
      expect: [{ messageId: 'selfManaged' }, { messageId: 'selfManaged' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the repository still declares the redis StatefulSet, and the cluster still runs it',
      files: {
        'k8s/statefulsets.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7
`,
      },
      facets: workloads({
        'k8s.statefulsets': list(
          live('StatefulSet', 'redis', {
            spec: { template: { spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } },
          }),
        ),
      }),
      expect: [
        { source: 'manifest', messageId: 'selfManaged', file: 'k8s/statefulsets.yaml', line: 11 },
        { source: 'k8s', messageId: 'selfManaged' },
      ],
    },
  ],
} satisfies RuleCases;
