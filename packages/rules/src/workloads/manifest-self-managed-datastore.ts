import { defineRule } from '@coditect-audit/core';
import {
  containersOf,
  datastoreOf,
  isClientCommand,
  isWorkload,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  under,
} from '../util/k8s-app.js';

/** Kinds that keep a server running; Jobs and CronJobs that run `psql` or `redis-cli` are clients. */
const LONG_RUNNING = ['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Pod'];

/**
 * ADR-001 Decision 3 and Lesson 5: the first staging bring-up ran PostgreSQL and Redis as StatefulSets,
 * then pivoted to Cloud SQL and Memorystore and deleted them.
 */
export default defineRule({
  id: 'manifest-self-managed-datastore',
  title: 'A database or cache runs as a workload in the cluster',
  concerns: ['k8s.self-managed-datastore'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    'No StatefulSet, Deployment, DaemonSet, ReplicaSet or Pod declared in the repository (in any namespace) may run a database or cache server image: `postgres`, `postgresql` (`bitnami/postgresql`), `postgis`, `timescaledb`, `mysql`, `mariadb`, `mongo`, `redis` (`bitnami/redis`, `redis-stack`), `valkey`, `keydb`, `dragonfly`, `memcached`, matched on the last path segment of the image repository. Init containers, Jobs and containers whose `command` runs something other than the server (`sleep`, `psql`, `redis-cli`: a client pod borrowing the image for its tools) and look-alikes (`postgres-exporter`, `pgbouncer`, `cloud-sql-proxy`) are not servers.',
  rationale:
    'ADR-001 Decision 3 rejected Kubernetes StatefulSets ("manual management, no backups, not production-ready") for Cloud SQL and Memorystore, and Lesson 5 says "Managed Services Always Better Than StatefulSets ... StatefulSets appropriate for stateful apps, not databases". The ADR deleted `statefulset postgresql redis`; a manifest that still declares them brings them back on the next `kubectl apply -f k8s/`.',
  remediation: {
    text: 'Delete the datastore workload and its manifests; point the app at Cloud SQL or Memorystore. Remove the volumes it left behind.',
    commands: [
      'git rm k8s/statefulsets.yaml',
      'kubectl delete statefulset postgresql redis -n coditect-staging',
      'kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0 -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    selfManaged:
      '{{kind}} {{name}} runs {{engine}} ({{image}}) in the cluster; ADR-001 decided on {{managedService}} instead (Decision 3, Lesson 5).',
    noDatastore: '{{kind}} {{name}} runs no database or cache server.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    for (const o of manifestObjects(ctx.facet('files.kubernetes'))) {
      if (!isWorkload(o) || !LONG_RUNNING.includes(o.kind)) continue;
      const resource = k8sResource(o, exp);
      let failed = false;
      for (const c of containersOf(o)) {
        if (c.init) continue;
        const store = datastoreOf(c);
        if (!store || !c.image || isClientCommand(c.spec)) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: 'selfManaged',
          data: {
            kind: o.kind,
            name: o.name,
            engine: store.engine,
            image: c.image,
            managedService: store.managedService,
          },
          location: locationAt(o, under(c.pointer, 'image')),
          evidence: [
            {
              path: `containers[${c.name}].image`,
              observed: c.image,
              expected: `no ${store.engine} server; use ${store.managedService}`,
            },
          ],
          discriminator: c.name,
        });
      }
      if (!failed)
        ctx.pass({
          resource,
          messageId: 'noDatastore',
          data: { kind: o.kind, name: o.name },
          location: objectLocation(o),
        });
    }
  },
});
