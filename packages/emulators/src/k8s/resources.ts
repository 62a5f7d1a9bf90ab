/**
 * The resource types the fake API server knows as built in (served whether or not a recording holds
 * objects of them), and the discovery documents it derives from them and from the recorded custom
 * resources.
 */

export interface ServedResource {
  /** `""` for the core group. */
  group: string;
  version: string;
  /** Plural, as in the REST path. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Served from a CustomResourceDefinition (recorded), not built in. */
  custom: boolean;
}

const builtin = (group: string, version: string, namespaced: boolean, pairs: [string, string][]): ServedResource[] =>
  pairs.map(([resource, kind]) => ({ group, version, resource, kind, namespaced, custom: false }));

/** Built-in types of a GKE 1.30 control plane that matter here, plus a few others so discovery looks real. */
export const BUILTIN_RESOURCES: readonly ServedResource[] = [
  ...builtin('', 'v1', true, [
    ['configmaps', 'ConfigMap'],
    ['endpoints', 'Endpoints'],
    ['events', 'Event'],
    ['persistentvolumeclaims', 'PersistentVolumeClaim'],
    ['pods', 'Pod'],
    ['secrets', 'Secret'],
    ['serviceaccounts', 'ServiceAccount'],
    ['services', 'Service'],
  ]),
  ...builtin('', 'v1', false, [
    ['namespaces', 'Namespace'],
    ['nodes', 'Node'],
    ['persistentvolumes', 'PersistentVolume'],
  ]),
  ...builtin('apps', 'v1', true, [
    ['daemonsets', 'DaemonSet'],
    ['deployments', 'Deployment'],
    ['replicasets', 'ReplicaSet'],
    ['statefulsets', 'StatefulSet'],
  ]),
  ...builtin('batch', 'v1', true, [
    ['cronjobs', 'CronJob'],
    ['jobs', 'Job'],
  ]),
  ...builtin('networking.k8s.io', 'v1', true, [
    ['ingresses', 'Ingress'],
    ['networkpolicies', 'NetworkPolicy'],
  ]),
  ...builtin('networking.k8s.io', 'v1', false, [['ingressclasses', 'IngressClass']]),
  ...builtin('autoscaling', 'v2', true, [['horizontalpodautoscalers', 'HorizontalPodAutoscaler']]),
  ...builtin('policy', 'v1', true, [['poddisruptionbudgets', 'PodDisruptionBudget']]),
  ...builtin('rbac.authorization.k8s.io', 'v1', false, [
    ['clusterrolebindings', 'ClusterRoleBinding'],
    ['clusterroles', 'ClusterRole'],
  ]),
  ...builtin('rbac.authorization.k8s.io', 'v1', true, [
    ['rolebindings', 'RoleBinding'],
    ['roles', 'Role'],
  ]),
  ...builtin('storage.k8s.io', 'v1', false, [['storageclasses', 'StorageClass']]),
];

/** Custom resources that are cluster-scoped (everything else recorded is taken as namespaced). */
export const CLUSTER_SCOPED_CUSTOM = new Set(['clustersecretstores', 'clusterexternalsecrets', 'clusterissuers']);

export function groupVersion(r: Pick<ServedResource, 'group' | 'version'>): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `GET /api`. */
export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupsOf(resources: readonly ServedResource[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of resources) {
    if (!r.group) continue;
    const versions = groups.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    groups.set(r.group, versions);
  }
  return groups;
}

/** Newest first: `v1` before `v1beta1` before `v1alpha1`. */
function byPreference(a: string, b: string): number {
  const rank = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    return [Number(m[1]), m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0, Number(m[3] ?? 0)];
  };
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (y[i] as number) - (x[i] as number);
  return 0;
}

function apiGroup(name: string, versions: string[]): unknown {
  const sorted = [...versions].sort(byPreference);
  const entry = (v: string) => ({ groupVersion: `${name}/${v}`, version: v });
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name,
    versions: sorted.map(entry),
    preferredVersion: entry(sorted[0] as string),
  };
}

/** `GET /apis`. */
export function apiGroupList(resources: readonly ServedResource[]): unknown {
  const groups = [...groupsOf(resources).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(([name, versions]) => apiGroup(name, versions)) };
}

/** `GET /apis/<group>`, or undefined when the group is not served. */
export function apiGroupOf(resources: readonly ServedResource[], name: string): unknown {
  const versions = groupsOf(resources).get(name);
  return versions ? apiGroup(name, versions) : undefined;
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined when that group version is not served. */
export function apiResourceList(resources: readonly ServedResource[], gv: string): unknown {
  const served = resources.filter((r) => groupVersion(r) === gv);
  if (served.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: served.map((r) => ({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    })),
  };
}
