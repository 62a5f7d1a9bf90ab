import { defineViewRule, type FacetName, type RuleContext } from '@coditect-audit/core';
import type { WorkloadView } from '@coditect-audit/core/views';
import { type Datastore, datastoreOf, isClientCommand } from '../util/k8s-app.js';

/** Kinds that keep a server running; Jobs and CronJobs that run `psql` or `redis-cli` are clients. */
const LONG_RUNNING: ReadonlySet<string> = new Set(['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Pod']);

/** What a finding expects instead of the server, one string per datastore. */
function expectedOf(store: Datastore): string {
  let text = EXPECTED.get(store);
  if (text === undefined) {
    text = `no ${store.engine} server; use ${store.managedService}`;
    EXPECTED.set(store, text);
  }
  return text;
}
const EXPECTED = new Map<Datastore, string>();

/**
 * `datastoreOf(c)`, which reads the registry and repository of the container's image reference alone, kept by
 * repository: thousands of containers run a few images (bounded: a handful per cluster, not one per image).
 */
function storeOf(c: WorkloadView['containers'][number]): Datastore | undefined {
  const ref = c.imageRef;
  if (!ref) return datastoreOf(c);
  const known = STORES.get(ref.repository);
  if (known !== undefined && known.registry === ref.registry) return known.store;
  const store = datastoreOf(c);
  if (known === undefined && STORES.size < 1024) STORES.set(ref.repository, { registry: ref.registry, store });
  return store;
}
const STORES = new Map<string, { registry: string | undefined; store: Datastore | undefined }>();

/**
 * A long-running workload's containers that run a database or cache server (init containers and clients are
 * not) fail, one finding each; a workload with none passes. One report literal each, its data and evidence
 * members in key order (the order the JSON report writes them in, so it copies none): 10,000 workloads at 16×.
 */
function judge(ctx: Pick<RuleContext<FacetName, string>, 'fail' | 'pass'>, w: WorkloadView): void {
  if (!LONG_RUNNING.has(w.kind)) return;
  const resource = w.resource;
  let servers = 0;
  const containers = w.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i]!;
    if (c.init || !c.image || isClientCommand(c.spec)) continue;
    const store = storeOf(c);
    if (!store) continue;
    servers++;
    const image = c.image;
    ctx.fail({
      resource,
      messageId: 'selfManaged',
      data: { engine: store.engine, image, kind: w.kind, managedService: store.managedService, name: w.name },
      location: c.imageLocation,
      evidence: [{ expected: expectedOf(store), observed: image, path: c.imagePath }],
      discriminator: c.name,
    });
  }
  if (servers === 0)
    ctx.pass({ resource, messageId: 'noDatastore', data: { kind: w.kind, name: w.name }, location: w.location });
}

/**
 * ADR-001 Decision 3 and Lesson 5: the first staging bring-up ran PostgreSQL and Redis as StatefulSets,
 * then pivoted to Cloud SQL and Memorystore and deleted them; none may be declared or run again.
 */
export default defineViewRule({
  id: 'k8s.self-managed-datastore',
  title: 'A database or cache runs as a workload in the cluster',
  concerns: ['k8s.self-managed-datastore'],
  view: 'workload',
  sources: {
    manifest: { alias: 'manifest-self-managed-datastore' },
    k8s: { alias: 'k8s-self-managed-datastore' },
  },
  description:
    "No StatefulSet, Deployment, DaemonSet, ReplicaSet or Pod declared in the repository (in any namespace), nor any such top-level workload the cluster runs (in the namespaces read; a Deployment's ReplicaSets and pods are judged through it), may run a database or cache server image: `postgres`, `postgresql` (`bitnami/postgresql`), `postgis`, `timescaledb`, `mysql`, `mariadb`, `mongo`, `redis` (`bitnami/redis`, `redis-stack`), `valkey`, `keydb`, `dragonfly`, `memcached`, matched on the last path segment of the image repository. Init containers, Jobs and containers whose `command` runs something other than the server (`sleep`, `psql`, `redis-cli`: a client pod borrowing the image for its tools) and look-alikes (`postgres-exporter`, `pgbouncer`, `cloud-sql-proxy`) are not servers.",
  rationale:
    'ADR-001 Decision 3 rejected Kubernetes StatefulSets ("manual management, no backups, not production-ready") for Cloud SQL and Memorystore, and Lesson 5 says "Managed Services Always Better Than StatefulSets ... StatefulSets appropriate for stateful apps, not databases". The ADR deleted `statefulset postgresql redis`; a manifest that still declares them brings them back on the next `kubectl apply -f k8s/`. A datastore workload that is still (or again) running holds data outside the managed, backed-up services.',
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
  // Each workload by itself, in the manifests and live (a live one as the collector finishes it).
  judgeItem: { sources: ['manifest', 'k8s'], judge },
});
