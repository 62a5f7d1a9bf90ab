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
import { valueAt } from './containers.js';

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
  return {
    file: '',
    documentIndex: 0,
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.name,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    line: 1,
    object: o.object,
    positions: {},
    ...(o.images ? { images: o.images } : {}),
    ...(o.connectionUrls ? { connectionUrls: o.connectionUrls } : {}),
  };
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
  const declaredAs = declarationKey({
    layer: 'k8s',
    kind: o.kind,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    name: o.name,
  });
  return {
    id: part ? `${declaredAs}/${part.path}` : declaredAs,
    kind: part?.kind ?? o.kind,
    name: part ? `${o.name}/${part.name}` : o.name,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    declaredAs,
  };
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
  return ownersOf(o).find((r) => r.controller) ?? undefined;
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
  const unowned = (o: K8sLiveObject) => controllerOf(o) === undefined;
  return [
    ...itemsOf(facets['k8s.deployments']),
    ...itemsOf(facets['k8s.statefulsets']),
    ...itemsOf(facets['k8s.daemonsets']),
    ...itemsOf(facets['k8s.cronjobs']),
    ...itemsOf(facets['k8s.jobs']).filter(unowned),
    ...itemsOf(facets['k8s.replicasets']).filter(unowned),
    ...itemsOf(facets['k8s.pods']).filter(unowned),
  ];
}

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
    const rs = replicaSets.find((r) => r.name === owner.name && r.namespace === pod.namespace);
    const deployment = rs ? controllerOf(rs) : undefined;
    if (deployment?.kind === 'Deployment') return deployment;
    const hash = labelsOf(pod)['pod-template-hash'];
    if (!rs && hash && owner.name.endsWith(`-${hash}`))
      return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
    return owner;
  }
  if (owner.kind === 'Job') {
    const job = jobs.find((j) => j.name === owner.name && j.namespace === pod.namespace);
    const cron = job ? controllerOf(job) : undefined;
    return cron?.kind === 'CronJob' ? cron : owner;
  }
  return owner;
}

/** The pods of a top-level workload (same namespace, owned directly or through its ReplicaSet or Job). */
export function podsOf(
  w: K8sLiveObject,
  pods: K8sLiveObject[],
  replicaSets: K8sLiveObject[],
  jobs: K8sLiveObject[] = [],
): K8sLiveObject[] {
  return pods.filter((p) => {
    if (p.namespace !== w.namespace) return false;
    if (p === w) return true;
    const owner = workloadOfPod(p, replicaSets, jobs);
    return owner?.kind === w.kind && owner.name === w.name;
  });
}

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

/** `status.containerStatuses` and `status.initContainerStatuses` of a pod. */
export function containerStatuses(pod: K8sLiveObject): ContainerStatus[] {
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
