/**
 * Live Kubernetes objects (the k8s layer's facets) as rules see them: stable resource ids that point at the
 * declaring manifest (`declaredAs`), which objects are top-level workloads, which pods belong to which
 * workload, and an adapter to the manifest helpers of `k8s-app.ts` / `k8s-network.ts` / `containers.ts`,
 * which read an object's JSON the same way whether it came from a file or from the API.
 */
import { declarationKey } from '../declarations.js';
import type { K8sLiveObject, K8sObjectList, K8sSecret } from '../layers/k8s.js';
import type { FacetMap, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { type ManifestContainer, valueAt } from './containers.js';
import {
  containerResourceStrings,
  keepLivePartsOf,
  type LiveParts,
  livePartsOf,
  livePartsOfEach,
  objectResourceStrings,
} from './live-parts.js';

type Json = Record<string, unknown>;

export function asRecord(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The facets holding workloads, in the order rules read them. */
export const WORKLOAD_FACETS = [
  'k8s.cronjobs',
  'k8s.daemonsets',
  'k8s.deployments',
  'k8s.jobs',
  'k8s.pods',
  'k8s.replicasets',
  'k8s.statefulsets',
] as const satisfies readonly (keyof FacetMap)[];
export type WorkloadFacet = (typeof WORKLOAD_FACETS)[number];

/** A list's items (an empty list when the facet holds none). */
export function itemsOf<T>(facet: { items?: T[] } | undefined): T[] {
  return Array.isArray(facet?.items) ? facet.items : [];
}

/**
 * The live object in the shape the manifest helpers take. It has no file: never pass it to a helper
 * that computes a location (`locate`, `locationAt`, `objectLocation`, `k8sResource`...).
 */
export function viewOf(o: K8sLiveObject): K8sObject {
  // One view per object: every view builder and rule asks for it again, and it is only read.
  return livePartsOf(o).view;
}

/**
 * A live object as a verdict resource: `k8s:Deployment/coditect-staging/coditect-backend`, declared as the
 * manifest of the same kind, namespace and name (the engine then points the finding at that file and line).
 * `part` names something inside it (`containers/backend`), which keeps the object's declaration.
 */
export function liveResource(
  o: { kind: string; name: string; namespace?: string | undefined },
  part?: { kind: string; name: string; path: string },
): Resource {
  // One per view item of a large cluster: literals, not spreads of temporaries (the same members in the same
  // order), members in key order: the JSON report writes them as they are, with no sorted copy (reporters' json.ts).
  const declaredAs = declarationKey(
    o.namespace
      ? { layer: 'k8s', kind: o.kind, namespace: o.namespace, name: o.name }
      : { layer: 'k8s', kind: o.kind, name: o.name },
  );
  const id = part ? `${declaredAs}/${part.path}` : declaredAs;
  const kind = part?.kind ?? o.kind;
  const name = part ? `${o.name}/${part.name}` : o.name;
  return o.namespace ? { declaredAs, id, kind, name, namespace: o.namespace } : { declaredAs, id, kind, name };
}

/**
 * A live object as a verdict resource (`liveResource(o)`). Several views give one per workload (workload,
 * gcr-reference, api-object): one object made once per live object and shared by them (an id read by several
 * rules is flattened and hashed once), so only read it (`locateByDeclaration` copies it to add a file).
 */
export function liveObjectResource(o: K8sLiveObject): Resource {
  return objectResourceStrings(livePartsOf(o));
}

/**
 * A container of a live workload as a verdict resource (`liveResource` with the container as its part),
 * shared like `liveObjectResource`'s (the container, image and effective container views each give it).
 */
export function liveContainerResource(w: K8sLiveObject, c: ManifestContainer): Resource {
  return containerResourceStrings(livePartsOf(w), c);
}

/** A namespace as the resource of a namespace-wide verdict (nothing of a kind found there). */
export function namespaceResource(namespace: string): Resource {
  return liveResource({ kind: 'Namespace', name: namespace });
}

export function metadataOf(o: K8sLiveObject): Json {
  return asRecord(o.object.metadata) ?? {};
}

export function labelsOf(o: K8sLiveObject): Record<string, string> {
  return stringRecord(metadataOf(o).labels);
}

export function annotationsOfLive(o: K8sLiveObject): Record<string, string> {
  return stringRecord(metadataOf(o).annotations);
}

function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(asRecord(v) ?? {})) if (typeof x === 'string') out[k] = x;
  return out;
}

export interface OwnerRef {
  kind: string;
  name: string;
  controller?: boolean;
}

export function ownersOf(o: K8sLiveObject): OwnerRef[] {
  return asArray(metadataOf(o).ownerReferences).flatMap((r) => {
    const rec = asRecord(r);
    const kind = asString(rec?.kind);
    const name = asString(rec?.name);
    return kind && name ? [{ kind, name, ...(rec?.controller === true ? { controller: true } : {}) }] : [];
  });
}

/** The owner that controls the object (`controller: true`), if any. */
export function controllerOf(o: K8sLiveObject): OwnerRef | undefined {
  return controllerOfParts(livePartsOf(o));
}

/** `controllerOf` of the object of a record (live-parts.ts). */
export function controllerOfParts(p: LiveParts): OwnerRef | undefined {
  // Asked for every pod, job and replica set by each rule over workloads: worked out once per object.
  if (p.controller === undefined) p.controller = ownersOf(p.object).find((r) => r.controller) ?? null;
  return p.controller ?? undefined;
}

export function specOf(o: K8sLiveObject): Json {
  return asRecord(o.object.spec) ?? {};
}

export function statusOf(o: K8sLiveObject): Json {
  return asRecord(o.object.status) ?? {};
}

/** `status.conditions[type]` as `{ status, reason, message }`. */
export function conditionOf(
  o: K8sLiveObject,
  type: string,
): { status: string; reason?: string; message?: string } | undefined {
  const c = asArray(statusOf(o).conditions)
    .map(asRecord)
    .find((x) => x?.type === type);
  if (!c) return undefined;
  const reason = asString(c.reason);
  const message = asString(c.message);
  return { status: asString(c.status) ?? 'Unknown', ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

export type WorkloadFacets = { [K in WorkloadFacet]: K8sObjectList };

/**
 * Workloads that run pods on their own account: Deployments, StatefulSets, DaemonSets, CronJobs, and the
 * ReplicaSets, Jobs and Pods no controller owns. A Deployment's ReplicaSets (its history) and pods, a
 * CronJob's Jobs and a Job's pods are checked through their owner.
 */
export function topLevelWorkloads(facets: WorkloadFacets): K8sLiveObject[] {
  // Every view builder over the cluster's workloads asks: the list is worked out once per set of facet lists
  // and shared, so only read it.
  const lists = TOP_LEVEL_ORDER.map((name) => itemsOf(facets[name]));
  const anchor = facets['k8s.deployments'] as object | undefined;
  const cached = anchor && topLevel.get(anchor);
  if (cached?.lists.every((l, i) => l === lists[i] && cached.lengths[i] === l.length)) return cached.workloads;
  const workloads: K8sLiveObject[] = [];
  // Their records (live-parts.ts) listed on the way, for the view builders that walk them (`livePartsOfEach`).
  const parts: LiveParts[] = [];
  lists.forEach((list, i) => {
    const owned = i >= FIRST_OWNED;
    // Indexed: a for-of allocates an iterator result per object until the loop is optimized.
    for (let k = 0; k < list.length; k++) {
      const o = list[k]!;
      const p = livePartsOf(o);
      if (owned && controllerOfParts(p) !== undefined) continue;
      workloads.push(o);
      parts.push(p);
    }
  });
  keepLivePartsOf(workloads, parts);
  if (anchor) topLevel.set(anchor, { lists, lengths: lists.map((l) => l.length), workloads });
  return workloads;
}
/**
 * The top-level workloads in the manifest helpers' shape (`topLevelWorkloads(facets).map(viewOf)`), made once
 * per list of them and shared (the app views ask for it over every workload): only read it.
 */
export function topLevelWorkloadViews(facets: WorkloadFacets): K8sObject[] {
  const workloads = topLevelWorkloads(facets);
  let views = topLevelViews.get(workloads);
  if (!views || views.length !== workloads.length) {
    views = livePartsOfEach(workloads).map((p) => p.view);
    topLevelViews.set(workloads, views);
  }
  return views;
}
const topLevelViews = new WeakMap<K8sLiveObject[], K8sObject[]>();

/** Top-level workloads in report order; from `FIRST_OWNED` on, a kind's objects may belong to a controller. */
export const TOP_LEVEL_ORDER = [
  'k8s.deployments',
  'k8s.statefulsets',
  'k8s.daemonsets',
  'k8s.cronjobs',
  'k8s.jobs',
  'k8s.replicasets',
  'k8s.pods',
] as const satisfies readonly WorkloadFacet[];
const FIRST_OWNED = 4;
const OWNED_FACETS: ReadonlySet<string> = new Set(TOP_LEVEL_ORDER.slice(FIRST_OWNED));

/** Whether the object of a record, of a workload facet, is one of `topLevelWorkloads` (it needs only the object). */
export function isTopLevelWorkload(facet: WorkloadFacet, p: LiveParts): boolean {
  return !OWNED_FACETS.has(facet) || controllerOfParts(p) === undefined;
}
const topLevel = new WeakMap<object, { lists: K8sLiveObject[][]; lengths: number[]; workloads: K8sLiveObject[] }>();

/** Reads every workload facet a rule declared. */
export function workloadFacets(facet: <K extends WorkloadFacet>(name: K) => FacetMap[K]): WorkloadFacets {
  return Object.fromEntries(WORKLOAD_FACETS.map((name) => [name, facet(name)])) as WorkloadFacets;
}

/**
 * The top-level workload a pod belongs to: its ReplicaSet's Deployment, its Job's CronJob, or the
 * controller itself. A ReplicaSet made by a Deployment is named `<deployment>-<pod-template-hash>`.
 */
export function workloadOfPod(
  pod: K8sLiveObject,
  replicaSets: K8sLiveObject[],
  jobs: K8sLiveObject[] = [],
): OwnerRef | undefined {
  const owner = controllerOf(pod);
  if (!owner) return undefined;
  if (owner.kind === 'ReplicaSet') {
    const rs = byNamespaceAndName(replicaSets).get(pod.namespace)?.get(owner.name);
    const deployment = rs ? controllerOf(rs) : undefined;
    if (deployment?.kind === 'Deployment') return deployment;
    const hash = labelsOf(pod)['pod-template-hash'];
    if (!rs && hash && owner.name.endsWith(`-${hash}`))
      return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
    return owner;
  }
  if (owner.kind === 'Job') {
    const job = byNamespaceAndName(jobs).get(pod.namespace)?.get(owner.name);
    const cron = job ? controllerOf(job) : undefined;
    return cron?.kind === 'CronJob' ? cron : owner;
  }
  return owner;
}

/**
 * A list's objects by namespace, then name (the first of a name wins, as `Array.find` would). Facet lists
 * are built once and only read, so the index is kept per list (weakly) and rebuilt only if its length
 * changes: without it, owner look-ups over every pod are quadratic in the cluster's size.
 */
function byNamespaceAndName(list: K8sLiveObject[]): Map<string | undefined, Map<string, K8sLiveObject>> {
  const cached = namespaceNameIndexes.get(list);
  if (cached && cached.length === list.length) return cached.index;
  const index = new Map<string | undefined, Map<string, K8sLiveObject>>();
  for (const o of list) {
    let names = index.get(o.namespace);
    if (!names) {
      names = new Map();
      index.set(o.namespace, names);
    }
    if (!names.has(o.name)) names.set(o.name, o);
  }
  namespaceNameIndexes.set(list, { length: list.length, index });
  return index;
}
const namespaceNameIndexes = new WeakMap<
  K8sLiveObject[],
  { length: number; index: Map<string | undefined, Map<string, K8sLiveObject>> }
>();

/** The pods of a top-level workload (same namespace, owned directly or through its ReplicaSet or Job). */
export function podsOf(
  w: K8sLiveObject,
  pods: K8sLiveObject[],
  replicaSets: K8sLiveObject[],
  jobs: K8sLiveObject[] = [],
): K8sLiveObject[] {
  return [...podsOfEach(pods, replicaSets, jobs)(w)];
}

/**
 * `podsOf` for every workload of one set of lists (a view asks for each workload's): the index is looked up
 * once, and the lists given are shared (the index's own where the workload is not itself a pod): only read them.
 */
export function podsOfEach(
  pods: K8sLiveObject[],
  replicaSets: K8sLiveObject[],
  jobs: K8sLiveObject[] = [],
): (w: K8sLiveObject) => readonly K8sLiveObject[] {
  const index = podsByWorkload(pods, replicaSets, jobs);
  return (w) => {
    // Looked up by its parts: no `<kind>/<name>` string made and hashed per workload asked about.
    const owned = index.owned.get(w.namespace)?.get(w.kind)?.get(w.name) ?? NO_PODS;
    // A bare pod is its own workload; it keeps its place among the pods it lists with.
    const self = index.position.get(w);
    if (self === undefined || owned.includes(w)) return owned;
    if (owned.length === 0) return [w];
    const at = owned.findIndex((p) => (index.position.get(p) ?? 0) > self);
    return at < 0 ? [...owned, w] : [...owned.slice(0, at), w, ...owned.slice(at)];
  };
}
const NO_PODS: readonly K8sLiveObject[] = Object.freeze([]);

interface PodIndex {
  /** Pods by namespace, then kind and name of the workload that owns them, in list order. */
  owned: Map<string | undefined, Map<string, Map<string, K8sLiveObject[]>>>;
  position: Map<K8sLiveObject, number>;
}

/**
 * Every pod's workload, worked out once per (pods, replica sets, jobs) lists rather than once per
 * workload asking (rules ask for every workload's pods). Empty owner lists share one entry, since rules
 * pass a fresh `[]` when they need no owner look-up.
 */
function podsByWorkload(pods: K8sLiveObject[], replicaSets: K8sLiveObject[], jobs: K8sLiveObject[]): PodIndex {
  const rsKey = replicaSets.length === 0 ? NO_OWNERS : replicaSets;
  const jobsKey = jobs.length === 0 ? NO_OWNERS : jobs;
  let byOwners = podIndexes.get(pods);
  if (!byOwners) {
    byOwners = new Map();
    podIndexes.set(pods, byOwners);
  }
  const cached = byOwners.get(rsKey)?.get(jobsKey);
  if (cached && cached.pods === pods.length && cached.replicaSets === replicaSets.length && cached.jobs === jobs.length)
    return cached.index;
  const owned: PodIndex['owned'] = new Map();
  const position: PodIndex['position'] = new Map();
  pods.forEach((p, i) => {
    position.set(p, i);
    const owner = workloadOfPod(p, replicaSets, jobs);
    if (!owner) return;
    let kinds = owned.get(p.namespace);
    if (!kinds) {
      kinds = new Map();
      owned.set(p.namespace, kinds);
    }
    let names = kinds.get(owner.kind);
    if (!names) {
      names = new Map();
      kinds.set(owner.kind, names);
    }
    const list = names.get(owner.name);
    if (list) list.push(p);
    else names.set(owner.name, [p]);
  });
  let byJobs = byOwners.get(rsKey);
  if (!byJobs) {
    byJobs = new Map();
    byOwners.set(rsKey, byJobs);
  }
  const index = { owned, position };
  byJobs.set(jobsKey, { pods: pods.length, replicaSets: replicaSets.length, jobs: jobs.length, index });
  return index;
}
const NO_OWNERS: K8sLiveObject[] = [];
const podIndexes = new WeakMap<
  K8sLiveObject[],
  Map<K8sLiveObject[], Map<K8sLiveObject[], { pods: number; replicaSets: number; jobs: number; index: PodIndex }>>
>();

export interface ContainerStatus {
  name: string;
  image?: string;
  imageID?: string;
  ready?: boolean;
  restartCount: number;
  /** `waiting.reason` (`CrashLoopBackOff`, `ImagePullBackOff`...) or `terminated.reason`. */
  reason?: string;
  /** `waiting.message` (the kubelet's own words; terminated messages are not collected). */
  message?: string;
  lastExitCode?: number;
  init: boolean;
}

/**
 * `status.containerStatuses` and `status.initContainerStatuses` of a pod. Worked out once per pod (three rules
 * read every pod's); the list is shared: only read it.
 */
export function containerStatuses(pod: K8sLiveObject): ContainerStatus[] {
  return containerStatusesOfParts(livePartsOf(pod));
}

/** `containerStatuses` of the pod of a record (live-parts.ts). */
export function containerStatusesOfParts(p: LiveParts): ContainerStatus[] {
  p.statuses ??= readContainerStatuses(p.object);
  return p.statuses;
}

/**
 * The image digest of each of a pod's container statuses (`digestOf` its `imageID`), in their order: worked
 * out with the statuses, per pod, while its list is still read (`prepareLiveObject`).
 */
export function statusDigestsOfParts(p: LiveParts): (string | undefined)[] {
  if (!p.statusDigests) {
    const statuses = containerStatusesOfParts(p);
    const digests: (string | undefined)[] = [];
    for (let i = 0; i < statuses.length; i++) digests.push(digestOf(statuses[i]!.imageID));
    p.statusDigests = digests;
  }
  return p.statusDigests;
}

function readContainerStatuses(pod: K8sLiveObject): ContainerStatus[] {
  const status = statusOf(pod);
  const out: ContainerStatus[] = [];
  for (const [field, init] of [
    ['initContainerStatuses', true],
    ['containerStatuses', false],
  ] as const) {
    for (const item of asArray(status[field])) {
      const s = asRecord(item);
      const name = asString(s?.name);
      if (!s || !name) continue;
      const state = asRecord(s.state) ?? {};
      const waiting = asRecord(state.waiting);
      const terminated = asRecord(state.terminated);
      const last = asRecord(asRecord(s.lastState)?.terminated);
      const reason = asString(waiting?.reason) ?? asString(terminated?.reason);
      const message = asString(waiting?.message);
      const image = asString(s.image);
      const imageID = asString(s.imageID);
      const exit = typeof last?.exitCode === 'number' ? last.exitCode : undefined;
      out.push({
        name,
        ...(image ? { image } : {}),
        ...(imageID ? { imageID } : {}),
        ...(typeof s.ready === 'boolean' ? { ready: s.ready } : {}),
        restartCount: typeof s.restartCount === 'number' ? s.restartCount : 0,
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
        ...(exit !== undefined ? { lastExitCode: exit } : {}),
        init,
      });
    }
  }
  return out;
}

/** `sha256:...` of a container status `imageID` (`repo@sha256:...`, `docker-pullable://repo@sha256:...`). */
export function digestOf(imageID: string | undefined): string | undefined {
  return imageID ? /(sha256:[0-9a-f]{64})/.exec(imageID)?.[1] : undefined;
}

export function inScope(facet: { namespaces?: string[] }, namespace: string): boolean {
  return !facet.namespaces || facet.namespaces.includes(namespace);
}

/** `spec.template.spec` of a workload (`spec` of a pod, the job template's of a CronJob). */
export function podSpecOf(o: K8sLiveObject): Json | undefined {
  switch (o.kind) {
    case 'Pod':
      return asRecord(o.object.spec);
    case 'CronJob':
      return asRecord(valueAt(o.object, '/spec/jobTemplate/spec/template/spec'));
    default:
      return asRecord(valueAt(o.object, '/spec/template/spec'));
  }
}

/**
 * A live Secret in the manifest helpers' shape, its classified keys as `secretKeys` (no positions: a live
 * Secret has no file), so `appSecrets` / `appSettings` of `k8s-app.ts` work on it unchanged.
 */
export function secretView(s: K8sSecret): K8sObject {
  return { ...viewOf(s), secretKeys: s.keys.map((k) => ({ ...k, source: 'data' as const, line: 1, column: 1 })) };
}
