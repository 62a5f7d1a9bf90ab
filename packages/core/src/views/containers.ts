/**
 * Containers declared in Kubernetes manifests: where each workload kind keeps its pod spec, every
 * container and init container in it, stable resource ids and exact locations by JSON pointer.
 */
import type { Location } from '../location.js';
import type { K8sManifestFile, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';

/** Path from the object root to the pod spec, per workload kind. */
const POD_SPEC_PATH: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** API groups that serve the built-in workload kinds; a custom resource that reuses a kind name is not one. */
const WORKLOAD_GROUPS = new Set(['', 'apps', 'extensions', 'batch']);

export type ContainerField = 'containers' | 'initContainers';

export interface ManifestContainer {
  object: K8sObject;
  field: ContainerField;
  index: number;
  /** The container's `name`, or `#<index>` when it has none. */
  name: string;
  /** JSON pointer of the container within the object, e.g. `/spec/template/spec/containers/0`. */
  pointer: string;
  /** JSON pointer of the pod spec within the object. */
  podPointer: string;
  container: Record<string, unknown>;
  podSpec: Record<string, unknown>;
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The pod spec pointer per workload kind: one string per kind, shared by every object of it. */
const POD_SPEC_POINTER: ReadonlyMap<string, string> = new Map(
  Object.entries(POD_SPEC_PATH).map(([kind, path]) => [kind, `/${path.join('/')}`]),
);

/** The pod spec pointer of a built-in workload object, or undefined for anything else. */
export function podSpecPointer(obj: K8sObject): string | undefined {
  const pointer = POD_SPEC_POINTER.get(obj.kind);
  if (pointer === undefined || !WORKLOAD_GROUPS.has(apiGroup(obj.apiVersion))) return undefined;
  return pointer;
}

/**
 * `<pod spec>/<field>/<index>`, one string per place: every Deployment's first container is at the same
 * pointer, and the views derive a handful of paths from each container's (`attributePaths` in workload.ts).
 */
export function containerPointer(podPointer: string, field: ContainerField, index: number): string {
  let byField = CONTAINER_POINTERS.get(podPointer);
  if (!byField) {
    byField = { containers: [], initContainers: [] };
    CONTAINER_POINTERS.set(podPointer, byField);
  }
  const list = byField[field];
  let pointer = list[index];
  if (pointer === undefined) {
    pointer = `${podPointer}/${field}/${index}`;
    list[index] = pointer;
  }
  return pointer;
}
const CONTAINER_POINTERS = new Map<string, Record<ContainerField, string[]>>();

/** `<container pointer>/image`, one string per container pointer (see `containerPointer`). */
export function imagePointer(containerPointer: string): string {
  let pointer = IMAGE_POINTERS.get(containerPointer);
  if (pointer === undefined) {
    pointer = `${containerPointer}/image`;
    IMAGE_POINTERS.set(containerPointer, pointer);
  }
  return pointer;
}
const IMAGE_POINTERS = new Map<string, string>();

/** Reads a value by JSON pointer (`/a/0/b`); `~1` and `~0` are unescaped. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    // Most tokens escape nothing: skip the two replaces for them (read per container per rule).
    const key = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

/** `valueAt` of the pointer made of `path` (tokens that escape nothing), read by the tokens themselves. */
export function valueAtPath(root: unknown, path: readonly string[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

export function escapePointerToken(token: string): string {
  // Most tokens hold neither character: no copy for them.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Every container and init container of a workload object, in document order. Worked out once per object
 * (views and rules ask for the same workload's containers many times); the list is shared: only read it.
 */
export function containersOf(obj: K8sObject): ManifestContainer[] {
  let containers = containerLists.get(obj);
  if (!containers) {
    containers = listContainers(obj);
    containerLists.set(obj, containers);
  }
  return containers;
}
const containerLists = new WeakMap<K8sObject, ManifestContainer[]>();

function listContainers(obj: K8sObject): ManifestContainer[] {
  const podPointer = podSpecPointer(obj);
  if (podPointer === undefined) return [];
  // `valueAt(obj.object, podPointer)` by the kind's path, without splitting the pointer per object.
  const podSpec = valueAtPath(obj.object, POD_SPEC_PATH[obj.kind]!);
  if (!isObject(podSpec)) return [];
  const out: ManifestContainer[] = [];
  for (const field of CONTAINER_FIELDS) {
    const list = podSpec[field];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const container: unknown = list[index];
      if (!isObject(container)) continue;
      const name = typeof container.name === 'string' && container.name ? container.name : `#${index}`;
      out.push({
        object: obj,
        field,
        index,
        name,
        pointer: containerPointer(podPointer, field, index),
        podPointer,
        container,
        podSpec,
      });
    }
  }
  return out;
}
/** Init containers first: they run first. */
const CONTAINER_FIELDS = ['initContainers', 'containers'] as const;

/** Every container of every workload in the manifest files. */
export function manifestContainers(files: readonly K8sManifestFile[]): ManifestContainer[] {
  return files.flatMap((f) => f.objects.flatMap(containersOf));
}

/** `Kind/namespace/name`, or `Kind/name` for objects without a namespace. */
export function objectKey(obj: K8sObject): string {
  return obj.namespace ? `${obj.kind}/${obj.namespace}/${obj.name}` : `${obj.kind}/${obj.name}`;
}

/**
 * A manifest object as a verdict resource: `k8s/app.yaml#Deployment/coditect-staging/coditect-backend`. Its
 * members in key order (and a container's): the JSON report writes them as they are, with no sorted copy.
 */
export function objectResource(obj: K8sObject): Resource {
  return {
    file: obj.file,
    id: `${obj.file}#${objectKey(obj)}`,
    kind: obj.kind,
    name: obj.name,
    ...(obj.namespace ? { namespace: obj.namespace } : {}),
  };
}

/**
 * A container as a verdict resource: `k8s/app.yaml#Deployment/coditect-staging/coditect-backend/containers/backend`.
 * Container names are unique within a pod, so the id is stable when containers are reordered.
 */
export function containerResource(c: ManifestContainer): Resource {
  return {
    file: c.object.file,
    id: `${c.object.file}#${objectKey(c.object)}/${c.field}/${c.name}`,
    kind: c.field === 'initContainers' ? 'InitContainer' : 'Container',
    name: `${c.object.name}/${c.name}`,
    ...(c.object.namespace ? { namespace: c.object.namespace } : {}),
  };
}

/**
 * The location of the first pointer that has a recorded position; each pointer falls back to its
 * parents, and finally to the object's first line.
 */
export function locate(obj: K8sObject, ...pointers: string[]): Location {
  for (const pointer of pointers) {
    let p = pointer;
    for (;;) {
      const pos = obj.positions[p];
      if (pos) return { file: pos.file ?? obj.file, startLine: pos.line, startColumn: pos.column };
      if (p === '') break;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
  return { file: obj.file, startLine: obj.line };
}

/** Where a container is declared: its `name` key (or the item itself when it has no name). */
export function containerLocation(c: ManifestContainer): Location {
  return locate(c.object, `${c.pointer}/name`, c.pointer);
}

/** The security context of the container and of its pod. */
export function securityContexts(c: ManifestContainer): { container: JsonObject; pod: JsonObject } {
  const container = isObject(c.container.securityContext) ? c.container.securityContext : {};
  const pod = isObject(c.podSpec.securityContext) ? c.podSpec.securityContext : {};
  return { container, pod };
}
