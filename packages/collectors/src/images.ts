/**
 * Container image references: the one parser. Every layer that names an image (a Dockerfile `FROM`, a
 * container of a manifest or of a live workload, an image the registry probe resolves) reads it here, so
 * rules and the probe agree on what a reference is. Rules read the parsed form from the facets.
 */
import type { ImageReference } from '@coditect-audit/core';

/** One path component of a repository (distribution grammar): `a`, `my-app`, `my__app`, `a.b`. */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i;
/** Filled in later: `${TAG}`, `{{ .Values.tag }}`. */
const TEMPLATED = /\$\{|\{\{/;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Parses `[host[:port]/]path[:tag][@digest]` as written. Undefined when it is empty, holds whitespace, or
 * names no repository. `canonical` (what a runtime pulls) is set only when the reference is valid: a
 * well-formed digest, lower-case path components, nothing templated.
 */
export function parseImageReference(input: string): ImageReference | undefined {
  const raw = input.trim();
  if (!raw || /\s/.test(raw)) return undefined;
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const valid = !TEMPLATED.test(raw) && (digest === undefined || DIGEST.test(digest)) && REPOSITORY.test(rest);
  const hub = registry === undefined || DOCKER_HUB_ALIASES.has(registry);
  return {
    raw,
    ...(registry ? { registry } : {}),
    repository: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest ? { digest } : {}),
    ...(valid
      ? {
          canonical: {
            registry: hub ? 'docker.io' : (registry as string),
            repository: hub && !rest.includes('/') ? `library/${rest}` : rest,
            ...(tag !== undefined ? { tag } : digest ? {} : { tag: 'latest' }),
            ...(digest ? { digest } : {}),
          },
        }
      : {}),
  };
}

/** Path from the object root to the pod spec, per built-in workload kind. */
const POD_SPEC: Readonly<Record<string, string>> = {
  Pod: '/spec',
  Deployment: '/spec/template/spec',
  StatefulSet: '/spec/template/spec',
  DaemonSet: '/spec/template/spec',
  ReplicaSet: '/spec/template/spec',
  ReplicationController: '/spec/template/spec',
  Job: '/spec/template/spec',
  CronJob: '/spec/jobTemplate/spec/template/spec',
};

/** The keys of {@link POD_SPEC}'s pointers, split once. */
const POD_SPEC_KEYS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(POD_SPEC).map(([kind, pointer]) => [kind, pointer.split('/').slice(1)]),
);

/** The pod spec of a workload object, or undefined. */
function podSpecOf(kind: string, object: unknown): Record<string, unknown> | undefined {
  const keys = POD_SPEC_KEYS[kind];
  if (!keys) return undefined;
  let cur = object;
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>) : undefined;
}

/** Every container and init container of a workload, with its pointer (`/spec/template/spec/containers/0`). */
export function containersAt(kind: string, object: unknown): { pointer: string; container: Record<string, unknown> }[] {
  const spec = POD_SPEC[kind];
  if (!spec) return [];
  const podSpec = podSpecOf(kind, object);
  const out: { pointer: string; container: Record<string, unknown> }[] = [];
  for (const field of ['initContainers', 'containers']) {
    const list = podSpec?.[field];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const c: unknown = list[index];
      if (c !== null && typeof c === 'object' && !Array.isArray(c))
        out.push({ pointer: containerPointer(spec, field, index, ''), container: c as Record<string, unknown> });
    }
  }
  return out;
}

/** The pointer of a workload kind's pod spec (`/spec/template/spec`), undefined for other kinds. */
export function podSpecPointerOf(kind: string): string | undefined {
  return POD_SPEC[kind];
}

/**
 * `${spec}/${field}/${index}${suffix}`, made once: every pod of a cluster has the same few pointers, and those
 * of its images are kept as keys of its parsed parts for the whole scan.
 */
function containerPointer(spec: string, field: string, index: number, suffix: '' | '/image'): string {
  const key = suffix ? (field === 'containers' ? 'containers/image' : 'initContainers/image') : field;
  let byKey = containerPointers.get(spec);
  if (!byKey) {
    byKey = new Map();
    containerPointers.set(spec, byKey);
  }
  let list = byKey.get(key);
  if (!list) {
    list = [];
    byKey.set(key, list);
  }
  let pointer = list[index];
  if (pointer === undefined) {
    pointer = `${spec}/${field}/${index}${suffix}`;
    list[index] = pointer;
  }
  return pointer;
}
/** By pod spec pointer (a {@link POD_SPEC} value), then by field and suffix, by index. */
const containerPointers = new Map<string, Map<string, string[]>>();

/** Every `image` of a workload's init containers and containers, with the pointer of the field. */
export function containerImages(kind: string, object: unknown): { pointer: string; image: string; index: number }[] {
  const spec = POD_SPEC[kind];
  if (!spec) return [];
  const podSpec = podSpecOf(kind, object);
  const out: { pointer: string; image: string; index: number }[] = [];
  for (const field of ['initContainers', 'containers']) {
    const list = podSpec?.[field];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const image = (list[index] as { image?: unknown } | null)?.image;
      if (typeof image === 'string')
        out.push({ pointer: containerPointer(spec, field, index, '/image'), image, index });
    }
  }
  return out;
}

/** The parsed images of a workload object, by pointer of their `image` field; undefined when it names none. */
export function parsedContainerImages(kind: string, object: unknown): Record<string, ImageReference> | undefined {
  const images = containerImages(kind, object);
  if (images.length === 0) return undefined;
  const out: Record<string, ImageReference> = {};
  for (const { pointer, image } of images) {
    const ref = sharedImageReference(image);
    if (ref) out[pointer] = ref;
  }
  return out;
}

/**
 * Parsed references by image, shared by the objects that run the same image (thousands of pods run a few
 * images: one parsed form each instead of one per container, kept for the whole scan). Nothing changes a
 * parsed reference after it is made. Bounded, since a cluster may run any number of images.
 */
const parsedImages = new Map<string, ImageReference | undefined>();
const PARSED_IMAGES_MAX = 4096;

function sharedImageReference(image: string): ImageReference | undefined {
  let ref = parsedImages.get(image);
  if (ref === undefined && !parsedImages.has(image)) {
    if (parsedImages.size >= PARSED_IMAGES_MAX) parsedImages.clear();
    ref = parseImageReference(image);
    parsedImages.set(image, ref);
  }
  return ref;
}
