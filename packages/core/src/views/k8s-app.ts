/**
 * Kubernetes manifests seen from the application's side: which objects belong to the app, which pod
 * specs and containers they hold, which Secrets and ConfigMaps the app reads, and where each key sits.
 * Pure functions over the `files.kubernetes` facet; positions come from `K8sObject.positions`.
 * Its own entry point (`@coditect-audit/core/views/k8s-app`): some names (`containersOf`, `valueAt`) differ
 * from the container helpers of the views barrel.
 */
import type { Expectations } from '../config.js';
import type { Location } from '../location.js';
import type { ConnectionUrl, FacetMap, ImageReference, K8sObject, SecretKey } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { asArray, asRecord, asString } from './k8s-live.js';
import { containerPointer, escapePointerToken, imagePointer, locate } from './containers.js';

export type KubernetesFacet = FacetMap['files.kubernetes'];
type Json = Record<string, unknown>;

/** Every object of every manifest file, in file order. */
export function manifestObjects(facet: KubernetesFacet): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const f of facet.files) for (const o of f.objects) objects.push(o);
  return objects;
}

/**
 * The namespace an object lands in. One without `metadata.namespace` is applied with
 * `kubectl apply -n <app namespace>` (as ADR-001 does), so it counts as the app's.
 */
export function namespaceOf(o: K8sObject, exp: Expectations): string {
  return o.namespace ?? exp.app.namespace;
}

export function inAppNamespace(o: K8sObject, exp: Expectations): boolean {
  return namespaceOf(o, exp) === exp.app.namespace;
}

/**
 * `k8s/secret.yaml#Secret/coditect-staging/backend-secrets`: stable across line moves. Its members in key
 * order: the JSON report writes them as they are, with no sorted copy (reporters' json.ts).
 */
export function k8sResource(o: K8sObject, exp: Expectations): Resource {
  const namespace = namespaceOf(o, exp);
  return { file: o.file, id: `${o.file}#${o.kind}/${namespace}/${o.name}`, kind: o.kind, name: o.name, namespace };
}

// ---------------------------------------------------------------- JSON pointers and positions

/** Builds a JSON pointer from path segments, escaping `~` and `/` (annotation keys hold slashes). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${escapePointerToken(String(s))}`).join('');
}

/** Appends segments to an existing pointer. */
export function under(base: string, ...segments: (string | number)[]): string {
  return base + pointer(...segments);
}

export function valueAt(root: unknown, ptr: string): unknown {
  if (ptr === '') return root;
  let node: unknown = root;
  for (const raw of ptr.split('/').slice(1)) {
    // Most segments escape nothing: skip the two replaces for them (read per container per rule).
    const seg = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (node && typeof node === 'object') node = (node as Json)[seg];
    else return undefined;
  }
  return node;
}

/** The position of the key at `ptr`, else of its nearest declared parent, else the object's first line. */
export function locationAt(o: K8sObject, ptr: string): Location {
  return locate(o, ptr);
}

/** Where an object is named: its `metadata.name` key. */
export function objectLocation(o: K8sObject): Location {
  return locationAt(o, '/metadata/name');
}

export { asArray, asRecord, asString };

/** A number; a quoted integer (`"2"`) is read as the number it spells. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function annotationsOf(o: K8sObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(valueAt(o.object, '/metadata/annotations')) ?? {})) {
    const s = asString(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function annotationPointer(key: string): string {
  return pointer('metadata', 'annotations', key);
}

// ---------------------------------------------------------------- workloads, pod specs, containers

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];

export function apiGroup(o: K8sObject): string {
  const slash = o.apiVersion.indexOf('/');
  return slash < 0 ? '' : o.apiVersion.slice(0, slash);
}

/** Asked of every object by several views: a set rather than a search of the list. */
const WORKLOAD_KIND_SET = new Set(WORKLOAD_KINDS);

/**
 * A built-in workload: a workload kind of an API group that serves them (core, `apps`, `batch`, `extensions`);
 * a custom resource reusing a kind name is not a workload.
 */
export function isWorkload(o: K8sObject): boolean {
  if (!WORKLOAD_KIND_SET.has(o.kind)) return false;
  // The group read off `apiVersion` without slicing it out (asked of every object by several views).
  const v = o.apiVersion;
  return (
    !v.includes('/') ||
    v.startsWith('/') ||
    v.startsWith('apps/') ||
    v.startsWith('batch/') ||
    v.startsWith('extensions/')
  );
}

/** Pointer of the pod spec inside a workload object. */
export function podSpecPointer(o: K8sObject): string | undefined {
  switch (o.kind) {
    case 'Pod':
      return '/spec';
    case 'CronJob':
      return '/spec/jobTemplate/spec/template/spec';
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return '/spec/template/spec';
    default:
      return undefined;
  }
}

export interface ContainerRef {
  name: string;
  image: string | undefined;
  /** `image` as the collector parsed it; undefined when it is not an image reference. */
  imageRef: ImageReference | undefined;
  /** JSON pointer of the container item (`/spec/template/spec/containers/0`). */
  pointer: string;
  init: boolean;
  spec: Json;
}

/**
 * Containers then init containers of a workload. Worked out once per object (views and rules ask for the same
 * workload's containers many times); the list is shared: only read it.
 */
export function containersOf(o: K8sObject): ContainerRef[] {
  let containers = containerRefs.get(o);
  if (!containers) {
    containers = listContainerRefs(o);
    containerRefs.set(o, containers);
  }
  return containers;
}
const containerRefs = new WeakMap<K8sObject, ContainerRef[]>();

function listContainerRefs(o: K8sObject): ContainerRef[] {
  const pod = podSpecPointer(o);
  if (pod === undefined) return [];
  // `valueAt(o.object, pod)` by the pointer's tokens, without splitting it per object.
  const podSpec = valueAtTokens(o.object, POD_SPEC_TOKENS.get(pod)!);
  const out: ContainerRef[] = [];
  for (const field of REF_FIELDS) {
    // `valueAt(o.object, <pod>/<field>)`, without building and splitting the pointer per object.
    const list = asArray(Array.isArray(podSpec) ? podSpec[Number(field)] : asRecord(podSpec)?.[field]);
    for (let i = 0; i < list.length; i++) {
      const spec = asRecord(list[i]);
      if (!spec) continue;
      // Pointers shared per place (`containerPointer`): the same strings `under(pod, field, i)` spells.
      const at = containerPointer(pod, field, i);
      out.push({
        name: asString(spec.name) ?? `#${i}`,
        image: asString(spec.image),
        imageRef: o.images?.[imagePointer(at)],
        pointer: at,
        init: field === 'initContainers',
        spec,
      });
    }
  }
  return out;
}
/** The tokens of each pod spec pointer `podSpecPointer` gives. */
const POD_SPEC_TOKENS: ReadonlyMap<string, readonly string[]> = new Map(
  ['/spec', '/spec/template/spec', '/spec/jobTemplate/spec/template/spec'].map((p) => [p, p.split('/').slice(1)]),
);

/** `valueAt` of the pointer made of `tokens` (which escape nothing), read by the tokens themselves. */
function valueAtTokens(root: unknown, tokens: readonly string[]): unknown {
  let node: unknown = root;
  for (const seg of tokens) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (node && typeof node === 'object') node = (node as Json)[seg];
    else return undefined;
  }
  return node;
}

/** Containers first, then init containers (the order this module has always listed them in). */
const REF_FIELDS = ['containers', 'initContainers'] as const;

/** A container's image repository as written, without tag or digest: `host/path/name:tag@sha256:...` → `host/path/name`. */
export function imageRepository(c: Pick<ContainerRef, 'imageRef'>): string | undefined {
  const ref = c.imageRef;
  if (!ref) return undefined;
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

export interface Datastore {
  engine: string;
  family: 'database' | 'cache';
  /**
   * The managed service ADR-001 Decision 3 chose instead; for an engine no such service runs (MongoDB: Cloud SQL is
   * PostgreSQL, MySQL and SQL Server), the managed choice on Google Cloud.
   */
  managedService: string;
}

/**
 * Database and cache server images, by the last path segment of the repository. Exact names only, so
 * `postgres-exporter`, `redis_exporter`, `pgbouncer` and `cloud-sql-proxy` are not mistaken for servers.
 */
const serving = (names: string[], d: Datastore): [string, Datastore][] => names.map((n) => [n, d]);
// A map, not an object: an image named `constructor` or `__proto__` is no datastore.
const DATASTORE_IMAGES = new Map<string, Datastore>([
  ...serving(['postgres', 'postgresql', 'postgresql-repmgr', 'postgis', 'timescaledb', 'timescaledb-ha'], {
    engine: 'PostgreSQL',
    family: 'database',
    managedService: 'Cloud SQL',
  }),
  ...serving(['mysql', 'mysql-server', 'mariadb', 'percona-server'], {
    engine: 'MySQL',
    family: 'database',
    managedService: 'Cloud SQL',
  }),
  ...serving(['mongo', 'mongodb', 'mongodb-community-server'], {
    engine: 'MongoDB',
    family: 'database',
    managedService: 'managed databases (for MongoDB: Firestore with MongoDB compatibility, or MongoDB Atlas)',
  }),
  ...serving(['redis', 'redis-stack', 'redis-stack-server', 'redis-cluster', 'valkey', 'keydb', 'dragonfly'], {
    engine: 'Redis',
    family: 'cache',
    managedService: 'Memorystore',
  }),
  ...serving(['memcached'], { engine: 'Memcached', family: 'cache', managedService: 'Memorystore' }),
]);

/** The database or cache server a container's image is, by the last part of its repository (`bitnami/postgresql`). */
export function datastoreOf(c: Pick<ContainerRef, 'imageRef'>): Datastore | undefined {
  // The last segment of `imageRepository(c)`, read off the repository without joining and splitting (asked of
  // every container of every workload): the registry only comes before it.
  const repository = c.imageRef?.repository;
  const last = repository === undefined ? '' : repository.slice(repository.lastIndexOf('/') + 1).toLowerCase();
  return DATASTORE_IMAGES.get(last);
}

/** A workload whose (non-init) containers run a database or cache server. */
export function runsDatastore(o: K8sObject): boolean {
  return containersOf(o).some((c) => !c.init && datastoreOf(c) !== undefined);
}

/**
 * The app's workloads: workloads in the app namespace that are not themselves a database or cache
 * (a pre-pivot postgres StatefulSet's own `POSTGRES_USER` is not how the app connects).
 */
export function appWorkloads(objects: K8sObject[], exp: Expectations): K8sObject[] {
  // The namespace first: a cluster's views ask this of every live workload, and most are in other namespaces.
  return objects.filter((o) => inAppNamespace(o, exp) && isWorkload(o) && !runsDatastore(o));
}

/** The app's Deployment (`expectations.app.deployment` in the app namespace), first declaration wins. */
export function appDeployment(objects: K8sObject[], exp: Expectations): K8sObject | undefined {
  return objects.find((o) => o.kind === 'Deployment' && o.name === exp.app.deployment && inAppNamespace(o, exp));
}

/**
 * The app's own container: the one named `expectations.app.container`, else the one running the app
 * image, else the first.
 */
export function appContainer(o: K8sObject, exp: Expectations): ContainerRef | undefined {
  const main = containersOf(o).filter((c) => !c.init);
  if (exp.app.container) return main.find((c) => c.name === exp.app.container);
  return main.find((c) => imageRepository(c) === exp.app.image) ?? main[0];
}

export function findObject(
  objects: K8sObject[],
  exp: Expectations,
  kind: string,
  namespace: string,
  name: string,
): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && o.name === name && namespaceOf(o, exp) === namespace);
}

// ---------------------------------------------------------------- what a workload reads

export interface SourceRef {
  /** Secret or ConfigMap name. */
  name: string;
  /** The key read, for `secretKeyRef`/`configMapKeyRef`; absent when every key is read. */
  key?: string;
  /** The environment variable the key becomes (`env[].name`); absent for `envFrom` and volumes. */
  envName?: string;
  /** `envFrom[].prefix`, when the whole source becomes environment variables. */
  prefix?: string;
  via: 'envFrom' | 'keyRef' | 'volume';
  workload: K8sObject;
  /** JSON pointer of the reference's name inside the workload. */
  pointer: string;
}

/** References from a workload to Secrets (`kind: 'secret'`) or ConfigMaps (`kind: 'configMap'`). */
export function sourceRefsOf(o: K8sObject, kind: 'secret' | 'configMap'): SourceRef[] {
  const refField = kind === 'secret' ? 'secretRef' : 'configMapRef';
  const keyRefField = kind === 'secret' ? 'secretKeyRef' : 'configMapKeyRef';
  const out: SourceRef[] = [];
  for (const c of containersOf(o)) {
    asArray(c.spec.envFrom).forEach((item, i) => {
      const ref = asRecord(asRecord(item)?.[refField]);
      const name = asString(ref?.name);
      if (!name) return;
      const prefix = asString(asRecord(item)?.prefix);
      out.push({
        name,
        via: 'envFrom',
        workload: o,
        pointer: under(c.pointer, 'envFrom', i, refField, 'name'),
        ...(prefix ? { prefix } : {}),
      });
    });
    asArray(c.spec.env).forEach((item, i) => {
      const env = asRecord(item);
      const ref = asRecord(asRecord(env?.valueFrom)?.[keyRefField]);
      const name = asString(ref?.name);
      const key = asString(ref?.key);
      if (!name || !key) return;
      const envName = asString(env?.name);
      out.push({
        name,
        key,
        via: 'keyRef',
        workload: o,
        pointer: under(c.pointer, 'env', i, 'valueFrom', keyRefField, 'name'),
        ...(envName ? { envName } : {}),
      });
    });
  }
  const pod = podSpecPointer(o);
  if (pod !== undefined) {
    asArray(valueAt(o.object, under(pod, 'volumes'))).forEach((item, i) => {
      const vol = asRecord(item);
      const direct =
        kind === 'secret' ? asString(asRecord(vol?.secret)?.secretName) : asString(asRecord(vol?.configMap)?.name);
      if (direct) {
        out.push({
          name: direct,
          via: 'volume',
          workload: o,
          pointer: under(pod, 'volumes', i, kind, kind === 'secret' ? 'secretName' : 'name'),
        });
      }
      asArray(asRecord(vol?.projected)?.sources).forEach((src, j) => {
        const name = asString(asRecord(asRecord(src)?.[kind])?.name);
        if (name) {
          out.push({
            name,
            via: 'volume',
            workload: o,
            pointer: under(pod, 'volumes', i, 'projected', 'sources', j, kind, 'name'),
          });
        }
      });
    });
  }
  return out;
}

/**
 * Secrets the app uses, by name: those its workloads reference (envFrom, secretKeyRef, secret volumes)
 * plus `expectations.app.secrets`. Each name maps to the references found (empty for expected-only names).
 */
export function appSecretNames(objects: K8sObject[], exp: Expectations): Map<string, SourceRef[]> {
  const out = new Map<string, SourceRef[]>();
  for (const w of appWorkloads(objects, exp)) {
    for (const ref of sourceRefsOf(w, 'secret')) out.set(ref.name, [...(out.get(ref.name) ?? []), ref]);
  }
  for (const name of exp.app.secrets) if (!out.has(name)) out.set(name, []);
  return out;
}

/** Declared `kind: Secret` manifests (v1) in the app namespace that the app uses. */
export function appSecrets(objects: K8sObject[], exp: Expectations): K8sObject[] {
  const names = appSecretNames(objects, exp);
  return objects.filter(
    (o) => o.kind === 'Secret' && apiGroup(o) === '' && inAppNamespace(o, exp) && names.has(o.name),
  );
}

/** ConfigMaps in the app namespace that the app's workloads reference. */
export function appConfigMaps(objects: K8sObject[], exp: Expectations): K8sObject[] {
  const names = new Set(appWorkloads(objects, exp).flatMap((w) => sourceRefsOf(w, 'configMap').map((r) => r.name)));
  return objects.filter(
    (o) => o.kind === 'ConfigMap' && apiGroup(o) === '' && inAppNamespace(o, exp) && names.has(o.name),
  );
}

// ---------------------------------------------------------------- the app's settings

/** What the collector puts in place of a value it will not keep (secret-looking ConfigMap keys and env values). */
export const REDACTED = '<redacted>';

/**
 * One setting the app receives: a Secret key, a ConfigMap key, a literal `env` value, or a literal entry
 * of an ExternalSecret's `spec.target.template.data` (the Secret it renders).
 */
export interface AppSetting {
  /** The names it is known by: its key, and the env var names that read it (`DB_USER` from `db-user`). */
  names: string[];
  /** The key as declared (Secret/ConfigMap key or env var name). */
  key: string;
  source: 'Secret' | 'ConfigMap' | 'env' | 'ExternalSecret';
  /** The object that declares it. */
  object: K8sObject;
  location: Location;
  /**
   * The value when it is readable: ConfigMap data, literal env values, literal ExternalSecret template
   * entries. Never set for Secrets, redacted values, or template entries filled from the store.
   */
  value?: string;
  /** `value` as a connection URL, when it is one (parsed by the collector; never set without `value`). */
  url?: ConnectionUrl;
  /** Classification of a Secret key. */
  secretKey?: SecretKey;
}

/** A readable value and, when it is a connection URL, its parts as the collector parsed them. */
function readable(o: K8sObject, ptr: string, value: string): { value: string; url?: ConnectionUrl } {
  const url = o.connectionUrls?.[ptr];
  return { value, ...(url ? { url } : {}) };
}

/**
 * Every setting the app receives from its Secrets, its ConfigMaps and literal `env` values of its
 * workloads, in manifest order.
 */
export function appSettings(objects: K8sObject[], exp: Expectations): AppSetting[] {
  const workloads = appWorkloads(objects, exp);
  // The names a key reaches the app under: `env[].name` of a key ref, `envFrom[].prefix` + key.
  const aliases = new Map<string, string[]>();
  const prefixes = new Map<string, string[]>();
  for (const w of workloads) {
    for (const kind of ['secret', 'configMap'] as const) {
      for (const ref of sourceRefsOf(w, kind)) {
        if (ref.via === 'envFrom' && ref.prefix) {
          const id = `${kind}/${ref.name}`;
          prefixes.set(id, [...(prefixes.get(id) ?? []), ref.prefix]);
        }
        if (ref.via !== 'keyRef' || !ref.key || !ref.envName) continue;
        const id = `${kind}/${ref.name}/${ref.key}`;
        aliases.set(id, [...(aliases.get(id) ?? []), ref.envName]);
      }
    }
  }
  const named = (kind: string, source: string, key: string) => [
    key,
    ...(aliases.get(`${kind}/${source}/${key}`) ?? []),
    ...(prefixes.get(`${kind}/${source}`) ?? []).map((p) => `${p}${key}`),
  ];
  const out: AppSetting[] = [];
  for (const s of appSecrets(objects, exp)) {
    for (const sk of s.secretKeys ?? []) {
      out.push({
        names: named('secret', s.name, sk.key),
        key: sk.key,
        source: 'Secret',
        object: s,
        location: { file: s.file, startLine: sk.line, startColumn: sk.column },
        secretKey: sk,
      });
    }
  }
  for (const cm of appConfigMaps(objects, exp)) {
    for (const [key, v] of Object.entries(asRecord(cm.object.data) ?? {})) {
      const value = asString(v);
      if (value === undefined) continue;
      out.push({
        names: named('configMap', cm.name, key),
        key,
        source: 'ConfigMap',
        object: cm,
        location: locationAt(cm, pointer('data', key)),
        ...(value !== REDACTED ? readable(cm, pointer('data', key), value) : {}),
      });
    }
  }
  for (const w of workloads) {
    for (const c of containersOf(w)) {
      asArray(c.spec.env).forEach((item, i) => {
        const env = asRecord(item);
        const name = asString(env?.name);
        const value = asString(env?.value);
        if (!name || value === undefined) return;
        out.push({
          names: [name],
          key: name,
          source: 'env',
          object: w,
          location: locationAt(w, under(c.pointer, 'env', i, 'value')),
          ...(value !== REDACTED ? readable(w, under(c.pointer, 'env', i, 'value'), value) : {}),
        });
      });
    }
  }
  const used = appSecretNames(objects, exp);
  for (const es of externalSecrets(objects)) {
    const target = externalSecretTarget(es);
    if (!inAppNamespace(es, exp) || !used.has(target)) continue;
    for (const [key, v] of Object.entries(asRecord(valueAt(es.object, '/spec/target/template/data')) ?? {})) {
      const value = asString(v);
      if (value === undefined) continue;
      out.push({
        names: named('secret', target, key),
        key,
        source: 'ExternalSecret',
        object: es,
        location: locationAt(es, pointer('spec', 'target', 'template', 'data', key)),
        // `{{ .dbPassword }}` is filled from the store at sync time: not a value the repository holds.
        ...(value.includes('{{') || value === REDACTED
          ? {}
          : readable(es, pointer('spec', 'target', 'template', 'data', key), value)),
      });
    }
  }
  return out;
}

/** ExternalSecret objects of External Secrets Operator (any served version). */
export function externalSecrets(objects: K8sObject[]): K8sObject[] {
  return objects.filter((o) => o.kind === 'ExternalSecret' && o.apiVersion.startsWith('external-secrets.io/'));
}

/** The Secret an ExternalSecret writes: `spec.target.name`, by default the ExternalSecret's own name. */
export function externalSecretTarget(es: K8sObject): string {
  return asString(valueAt(es.object, '/spec/target/name')) ?? es.name;
}

/** `db-user`, `DB_USER`, `dbUser` → `DB_USER`: one spelling for matching setting names. */
export function normalizeSettingName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-.\s]/g, '_')
    .toUpperCase();
}

export function settingNamed(s: AppSetting, names: readonly string[]): boolean {
  const wanted = new Set(names.map(normalizeSettingName));
  return s.names.some((n) => wanted.has(normalizeSettingName(n)));
}

/** Where a setting comes from, for messages: `Secret backend-secrets key db-user`. */
export function describeSetting(s: AppSetting): string {
  if (s.source === 'env') return `${s.object.kind} ${s.object.name} env ${s.key}`;
  if (s.source === 'ExternalSecret') return `ExternalSecret ${s.object.name} template key ${s.key}`;
  return `${s.source} ${s.object.name} key ${s.key}`;
}

/** `postgres`, `postgresql`, `postgresql+psycopg`, `pgsql`. */
export function isPostgresScheme(scheme: string): boolean {
  return /^(postgres(ql)?|pgsql)(\+[a-z0-9]+)?$/i.test(scheme);
}

// ---------------------------------------------------------------- what produces a Secret

/** Something in the manifests that produces a Kubernetes Secret from an external store. */
export interface SecretProducer {
  object: K8sObject;
  /** `gcpsm`, `gcp`, `vault`... or undefined when the store is not declared in the repository. */
  provider: string | undefined;
  /** The object holding the provider (the store, or the SecretProviderClass itself). */
  providerObject?: K8sObject;
  storeName?: string;
}

/** Producers of Kubernetes Secrets, keyed by `namespace/secret name`. */
export function secretProducers(objects: K8sObject[], exp: Expectations): Map<string, SecretProducer[]> {
  const out = new Map<string, SecretProducer[]>();
  const add = (key: string, p: SecretProducer) => out.set(key, [...(out.get(key) ?? []), p]);
  for (const o of objects) {
    const group = apiGroup(o);
    const ns = namespaceOf(o, exp);
    if (o.kind === 'ExternalSecret' && group === 'external-secrets.io') {
      const target = externalSecretTarget(o);
      const ref = asRecord(valueAt(o.object, '/spec/secretStoreRef'));
      const storeName = asString(ref?.name);
      const storeKind = asString(ref?.kind) ?? 'SecretStore';
      const store = storeName
        ? objects.find(
            (s) =>
              s.kind === storeKind &&
              s.name === storeName &&
              s.apiVersion.startsWith('external-secrets.io/') &&
              (storeKind === 'ClusterSecretStore' || namespaceOf(s, exp) === ns),
          )
        : undefined;
      const provider = store ? Object.keys(asRecord(valueAt(store.object, '/spec/provider')) ?? {})[0] : undefined;
      add(`${ns}/${target}`, {
        object: o,
        provider: store ? (provider ?? 'none') : undefined,
        ...(store ? { providerObject: store } : {}),
        ...(storeName ? { storeName: `${storeKind} ${storeName}` } : {}),
      });
    } else if (group === 'secrets-store.csi.x-k8s.io' && o.kind === 'SecretProviderClass') {
      const provider = asString(valueAt(o.object, '/spec/provider')) ?? 'none';
      for (const item of asArray(valueAt(o.object, '/spec/secretObjects'))) {
        const target = asString(asRecord(item)?.secretName);
        if (target) add(`${ns}/${target}`, { object: o, provider, providerObject: o });
      }
    }
  }
  return out;
}

/**
 * A server's own programs. A datastore image whose `command` starts something else (`sleep`, `psql`,
 * `redis-cli`) is a client pod that borrows the image for its tools.
 */
const SERVER_PROGRAM =
  /(?:^|[\s/'"])(?:postgres|postmaster|pg_ctl|mysqld|mysqld_safe|mariadbd|mongod|redis-server|valkey-server|keydb-server|dragonfly|memcached|docker-entrypoint(?:\.sh)?|run\.sh|entrypoint\.sh)(?:\s|$|['"])/;

export function isClientCommand(container: Json): boolean {
  const command = container.command;
  if (!Array.isArray(command) || command.length === 0) return false;
  const args = Array.isArray(container.args) ? container.args : [];
  return !SERVER_PROGRAM.test(` ${[...command, ...args].map(String).join(' ')} `);
}
