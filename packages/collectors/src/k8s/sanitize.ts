/**
 * Live API objects → facet items, without anything that may hold a secret:
 * - Secret values are decoded in memory only to be classified per key (the files collector's classifier);
 *   neither the value nor a hash of it is kept.
 * - ConfigMaps keep their key names only.
 * - `kubectl.kubernetes.io/last-applied-configuration` is dropped after reading its `apiVersion`: it copies
 *   the whole applied manifest, Secret `data`/`stringData` included.
 * - Literal `env` values whose names look secret are replaced and terminated-container messages (which
 *   may carry application logs) are dropped.
 * What is kept (args, commands, env values with innocent names, annotations, status and condition messages)
 * then passes the collector's secret detector with every other facet (../redact.ts, at the end of `collect`).
 */
import type {
  K8sClaim,
  K8sConfigMap,
  K8sLiveObject,
  K8sNode,
  K8sSecret,
  K8sSecretKey,
  K8sSecretStore,
} from '@coditect-audit/core';
import { REDACTED } from '../files/kubernetes.js';
import { classifySecretValue, decodeBase64 } from '../files/secrets.js';
import type { K8sResourceType } from './resources.js';

type Json = Record<string, unknown>;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Environment variable names whose literal values are treated as secrets (as the files collector does). */
const SECRET_NAME = /pass|secret|token|key|credential|auth/i;

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The `apiVersion` of the last-applied annotation, read without keeping anything else of it. */
function appliedApiVersion(annotations: Record<string, string>): string | undefined {
  const text = annotations[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isJson(parsed) ? str(parsed.apiVersion) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A map of the strings of `v`: `v` itself when it holds only strings (labels and annotations nearly always
 * do; the parsed page is not changed afterwards, so sharing it is safe), otherwise a copy without the rest.
 */
function stringMap(v: unknown): Record<string, string> {
  if (!isJson(v)) return {};
  if (Object.getPrototypeOf(v) === Object.prototype && !Object.hasOwn(v, '__proto__')) {
    let plain = true;
    for (const k in v)
      if (typeof v[k] !== 'string') {
        plain = false;
        break;
      }
    if (plain) return v as Record<string, string>;
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** The annotations without the last-applied copy; the same object when there is none (the usual case). */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  if (!Object.hasOwn(annotations, LAST_APPLIED)) return annotations;
  const kept: Record<string, string> = {};
  for (const k in annotations) if (k !== LAST_APPLIED) kept[k] = annotations[k] as string;
  return kept;
}

/** The metadata worth keeping; annotations without the last-applied copy. Keys in a fixed order. */
function metadataOf(raw: Json): { metadata: Json; annotations: Record<string, string> } {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const annotations = stringMap(m.annotations);
  const metadata: Json = { name: m.name };
  if (m.namespace !== undefined) metadata.namespace = m.namespace;
  if (m.uid !== undefined) metadata.uid = m.uid;
  if (m.generation !== undefined) metadata.generation = m.generation;
  if (m.creationTimestamp !== undefined) metadata.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp !== undefined) metadata.deletionTimestamp = m.deletionTimestamp;
  metadata.labels = stringMap(m.labels);
  metadata.annotations = withoutLastApplied(annotations);
  if (Array.isArray(m.ownerReferences)) {
    const owners: Json[] = [];
    for (const o of m.ownerReferences) {
      if (!isJson(o)) continue;
      const owner: Json = { apiVersion: str(o.apiVersion) ?? '', kind: str(o.kind) ?? '', name: str(o.name) ?? '' };
      if (typeof o.controller === 'boolean') owner.controller = o.controller;
      owners.push(owner);
    }
    if (owners.length) metadata.ownerReferences = owners;
  }
  return { metadata, annotations };
}

/**
 * Replaces secret-looking literal `env` values anywhere below `value` and drops terminated containers'
 * messages. Copies on write: what holds neither is kept as the API sent it (decoded once, never copied).
 */
function scrub(value: unknown, parentKey = ''): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      let scrubbed = scrub(item, '');
      if (parentKey === 'env' && isJson(item) && typeof item.name === 'string' && 'value' in item) {
        if (SECRET_NAME.test(item.name)) scrubbed = { ...(scrubbed as Json), value: REDACTED };
      }
      if (scrubbed !== item && !copy) copy = value.slice(0, i);
      copy?.push(scrubbed);
    }
    return copy ?? value;
  }
  const record = value as Json;
  // Parsed JSON is made of plain objects, whose own keys `for…in` enumerates in order without making an
  // array per object; anything else is enumerated by its own keys.
  if (Object.getPrototypeOf(record) !== Object.prototype) return scrubRecord(record, Object.keys(record), parentKey);
  let copy: Json | undefined;
  let i = 0;
  for (const k in record) {
    const v = record[k];
    // A terminated container's message is its termination log, possibly the application's own output.
    const dropped = parentKey === 'terminated' && k === 'message';
    const scrubbed = dropped ? undefined : scrub(v, k);
    if ((dropped || scrubbed !== v) && !copy) {
      copy = {};
      let j = 0;
      for (const before in record) {
        if (j++ === i) break;
        copy[before] = record[before];
      }
    }
    if (copy && !dropped) copy[k] = scrubbed;
    i++;
  }
  return copy ?? value;
}

/** {@link scrub} of an object by a list of its keys. */
function scrubRecord(record: Json, keys: string[], parentKey: string): Json {
  let copy: Json | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = record[k];
    const dropped = parentKey === 'terminated' && k === 'message';
    const scrubbed = dropped ? undefined : scrub(v, k);
    if ((dropped || scrubbed !== v) && !copy) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = record[keys[j] as string];
    }
    if (copy && !dropped) copy[k] = scrubbed;
  }
  return copy ?? record;
}

/** The fields every live item starts with, and the object's annotations (read here, not kept as they are). */
function base(type: K8sResourceType, apiVersion: string, raw: Json): K8sLiveObject {
  const { metadata, annotations } = metadataOf(raw);
  const applied = appliedApiVersion(annotations);
  // Assigned in the order the snapshot writes them; `object` last.
  const item = { apiVersion, kind: type.kind, name: str(metadata.name) ?? '' } as K8sLiveObject;
  if (type.namespaced && typeof metadata.namespace === 'string') item.namespace = metadata.namespace;
  if (applied) item.appliedApiVersion = applied;
  item.object = { apiVersion, kind: type.kind, metadata };
  return item;
}

/** Workloads, Pods, Services, Ingresses and the GKE custom resources: spec and status kept, scrubbed. */
export function liveObject(type: K8sResourceType, apiVersion: string, raw: Json): K8sLiveObject {
  const item = base(type, apiVersion, raw);
  for (const field of ['spec', 'status'] as const) {
    if (raw[field] !== undefined) item.object[field] = scrub(raw[field], field);
  }
  if (type.kind === 'ServiceAccount') {
    for (const field of ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'] as const)
      if (raw[field] !== undefined) item.object[field] = scrub(raw[field], field);
  }
  return item;
}

/**
 * A new item (from `base`) with more members, added after its own in the same order as `{ ...item, ...more }`.
 * Added to it rather than spread into a copy: in V8 a spread copy given further members gets a hidden class
 * of its own (a map and descriptors made at run time, per item), where added members share one.
 */
function withMembers<T extends object, M extends object>(item: T, more: M): T & M {
  return Object.assign(item, more);
}

/** A Secret: every `data` value classified in memory, then forgotten. */
export function liveSecret(type: K8sResourceType, apiVersion: string, raw: Json): K8sSecret {
  const item = base(type, apiVersion, raw);
  const secretType = str(raw.type) ?? 'Opaque';
  item.object.type = secretType;
  if (typeof raw.immutable === 'boolean') item.object.immutable = raw.immutable;
  const keys: K8sSecretKey[] = [];
  const data = isJson(raw.data) ? raw.data : {};
  for (const key of Object.keys(data).sort()) {
    const encoded = data[key];
    const decoded = typeof encoded === 'string' ? decodeBase64(encoded) : undefined;
    const verdict = decoded === undefined ? { class: 'invalid-base64' as const } : classifySecretValue(key, decoded);
    keys.push({
      key,
      class: verdict.class,
      ...('publicValue' in verdict && verdict.publicValue !== undefined ? { publicValue: verdict.publicValue } : {}),
      ...('url' in verdict && verdict.url !== undefined ? { url: verdict.url } : {}),
    });
  }
  return withMembers(item, { secretType, keys });
}

export function liveConfigMap(type: K8sResourceType, apiVersion: string, raw: Json): K8sConfigMap {
  const item = base(type, apiVersion, raw);
  return withMembers(item, {
    keys: isJson(raw.data) ? Object.keys(raw.data).sort() : [],
    binaryKeys: isJson(raw.binaryData) ? Object.keys(raw.binaryData).sort() : [],
  });
}

export function liveClaim(type: K8sResourceType, apiVersion: string, raw: Json, usedBy: K8sClaim['usedBy']): K8sClaim {
  return withMembers(liveObject(type, apiVersion, raw), { usedBy });
}

/**
 * An ExternalSecret: spec and status kept, but `spec.target.template.data` keeps its keys only (a template
 * may hold literal values next to `{{ .remoteKey }}` references).
 */
export function liveExternalSecret(type: K8sResourceType, apiVersion: string, raw: Json): K8sLiveObject {
  const item = liveObject(type, apiVersion, raw);
  const spec = item.object.spec;
  const target = isJson(spec) && isJson(spec.target) ? spec.target : undefined;
  const template = target && isJson(target.template) ? target.template : undefined;
  if (template && isJson(template.data)) {
    template.data = Object.fromEntries(Object.keys(template.data).map((k) => [k, REDACTED]));
  }
  return item;
}

/** A store: which provider it reads; its auth block (secret references, inline fake data) is not kept. */
export function liveSecretStore(kind: K8sSecretStore['kind'], raw: Json): K8sSecretStore {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const spec = isJson(raw.spec) ? raw.spec : {};
  const provider = isJson(spec.provider) ? spec.provider : {};
  const name = Object.keys(provider)[0];
  const gcpsm = isJson(provider.gcpsm) ? provider.gcpsm : undefined;
  const ready = readyCondition(raw.status);
  return {
    kind,
    name: str(m.name) ?? '',
    ...(kind === 'SecretStore' && typeof m.namespace === 'string' ? { namespace: m.namespace } : {}),
    ...(name ? { provider: name } : {}),
    ...(gcpsm && typeof gcpsm.projectID === 'string' ? { projectID: gcpsm.projectID } : {}),
    ...(ready !== undefined ? { ready } : {}),
  };
}

export function liveNode(raw: Json): K8sNode {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const spec = isJson(raw.spec) ? raw.spec : {};
  const status = isJson(raw.status) ? raw.status : {};
  const info = isJson(status.nodeInfo) ? status.nodeInfo : {};
  const labels = stringMap(m.labels);
  const architecture = str(info.architecture) || labels['kubernetes.io/arch'];
  const operatingSystem = str(info.operatingSystem) || labels['kubernetes.io/os'];
  const ready = readyCondition(status);
  const taints = Array.isArray(spec.taints)
    ? spec.taints.filter(isJson).map((t) => ({
        key: str(t.key) ?? '',
        ...(typeof t.value === 'string' ? { value: t.value } : {}),
        effect: str(t.effect) ?? '',
      }))
    : [];
  return {
    name: str(m.name) ?? '',
    labels,
    ...(architecture ? { architecture } : {}),
    ...(operatingSystem ? { operatingSystem } : {}),
    ...(str(info.kubeletVersion) ? { kubeletVersion: str(info.kubeletVersion) } : {}),
    ...(str(info.osImage) ? { osImage: str(info.osImage) } : {}),
    ...(str(info.containerRuntimeVersion) ? { containerRuntimeVersion: str(info.containerRuntimeVersion) } : {}),
    taints,
    ...(ready !== undefined ? { ready } : {}),
    ...(typeof spec.unschedulable === 'boolean' ? { unschedulable: spec.unschedulable } : {}),
  };
}

/** `status.conditions[type=Ready].status` as a boolean; undefined when there is no such condition. */
function readyCondition(status: unknown): boolean | undefined {
  if (!isJson(status) || !Array.isArray(status.conditions)) return undefined;
  const c = status.conditions.find((x) => isJson(x) && x.type === 'Ready');
  return isJson(c) ? c.status === 'True' : undefined;
}

/** Claim name → pods mounting it, from the pods' `spec.volumes[].persistentVolumeClaim.claimName`. */
export function claimUsers(pods: Json[]): Map<string, K8sClaim['usedBy']> {
  const out = new Map<string, K8sClaim['usedBy']>();
  for (const pod of pods) {
    const m = isJson(pod.metadata) ? pod.metadata : {};
    const spec = isJson(pod.spec) ? pod.spec : {};
    const status = isJson(pod.status) ? pod.status : {};
    const ns = str(m.namespace) ?? '';
    const name = str(m.name) ?? '';
    const phase = str(status.phase);
    for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
      const claim = isJson(v) && isJson(v.persistentVolumeClaim) ? str(v.persistentVolumeClaim.claimName) : undefined;
      if (!claim) continue;
      const key = `${ns}/${claim}`;
      out.set(key, [...(out.get(key) ?? []), { pod: name, ...(phase ? { phase } : {}) }]);
    }
  }
  return out;
}
