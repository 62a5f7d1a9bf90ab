import { defineRule } from '@coditect-audit/core';
import { containersOf, datastoreOf, isClientCommand } from '../util/k8s-app.js';
import { liveResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, workloadFacets } from '../util/k8s-live.js';

/** Kinds that keep a server running; Jobs and CronJobs that run `psql` or `redis-cli` are clients. */
const LONG_RUNNING = ['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Pod'];

/**
 * ADR-001 Decision 3 and Lesson 5, on what runs: after the pivot to Cloud SQL and Memorystore the
 * PostgreSQL and Redis StatefulSets were deleted; none may run again.
 */
export default defineRule({
  id: 'k8s-self-managed-datastore',
  title: 'A database or cache server runs in the cluster',
  concerns: ['k8s.self-managed-datastore'],
  layer: 'k8s',
  facets: [...WORKLOAD_FACETS],
  description:
    'No StatefulSet, Deployment, DaemonSet, or ReplicaSet or Pod no controller owns, in the namespaces read, may run a database or cache server image (`postgres`, `bitnami/postgresql`, `mysql`, `mariadb`, `mongo`, `redis`, `valkey`, `memcached`..., matched on the last path segment of the repository). Init containers, Jobs and look-alikes (`postgres-exporter`, `pgbouncer`, `cloud-sql-proxy`) are clients, not servers.',
  rationale:
    'ADR-001 Decision 3 rejected StatefulSets ("manual management, no backups, not production-ready") for Cloud SQL and Memorystore, and ran `kubectl delete statefulset postgresql redis -n coditect-staging`. Lesson 5: "StatefulSets appropriate for stateful apps, not databases". A datastore workload that is still (or again) running holds data outside the managed, backed-up services.',
  remediation: {
    text: 'Delete the datastore workload, point the app at Cloud SQL or Memorystore, and remove the volumes it leaves behind.',
    commands: [
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
    for (const w of topLevelWorkloads(workloadFacets(ctx.facet))) {
      if (!LONG_RUNNING.includes(w.kind)) continue;
      const resource = liveResource(w);
      let failed = false;
      for (const c of containersOf(viewOf(w))) {
        if (c.init || !c.image || isClientCommand(c.spec)) continue;
        const store = datastoreOf(c);
        if (!store) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: 'selfManaged',
          data: {
            kind: w.kind,
            name: w.name,
            engine: store.engine,
            image: c.image,
            managedService: store.managedService,
          },
          evidence: [
            {
              path: `${c.pointer}/image`,
              observed: c.image,
              expected: `no ${store.engine} server; use ${store.managedService}`,
            },
          ],
          discriminator: c.name,
        });
      }
      if (!failed) ctx.pass({ resource, messageId: 'noDatastore', data: { kind: w.kind, name: w.name } });
    }
  },
});
