/**
 * A fake Kubernetes API server for tests and demos: the real REST paths (core `/api/v1/...`, groups
 * `/apis/<group>/<version>/...`, namespaced and cluster-wide lists, single-object GETs, discovery),
 * `limit`/`continue` paging with tokens that can be made to expire (410 Gone), a 403 per resource type
 * (and namespace) on demand, and the `EmulatorServer` request log and fault injection underneath.
 *
 * It serves recorded objects from a directory: one `<plural>.json` per resource type, holding a list as
 * `kubectl get <plural> -A -o json` prints it. Built-in types without a file are served empty; a custom
 * resource type is served (and listed in discovery) only when its file exists, so leaving the file out
 * is how a recording says the CRD is not installed. An optional `version.json` is `GET /version`.
 *
 * `<dataDir>/_recording.json` may hold `{"recordedAt": "<RFC 3339>"}` (as for the GCP emulator): timestamps
 * in responses are then shifted by (now − recordedAt), so a recording replays as if it had just been made
 * (a certificate that expired 90 days after recording still has 90 days to go).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorServer, type JsonResponse, type RecordedRequest } from '../http.js';
import {
  apiGroupList,
  apiGroupOf,
  apiResourceList,
  apiVersions,
  BUILTIN_RESOURCES,
  CLUSTER_SCOPED_CUSTOM,
  groupVersion,
  type ServedResource,
} from './resources.js';

export type { ServedResource } from './resources.js';

type Json = Record<string, unknown>;

export interface K8sEmulatorOptions {
  /** Directory of recordings (`pods.json`, `deployments.json`, `managedcertificates.json`, `version.json`...). */
  dataDir: string;
  /** Port on 127.0.0.1; default any free port. */
  port?: number;
  /** The clock recorded timestamps are shifted to; default the real one. */
  now?: () => Date;
}

export interface ForbidRule {
  /** Plural resource name, e.g. `secrets`. */
  resource: string;
  /** Only this namespace; default every namespace and the cluster-wide list. */
  namespace?: string;
}

export interface K8sRequest {
  /** The Kubernetes verb the request amounts to: `get`, `list`, `watch`, `create`, `delete`... */
  verb: string;
  method: string;
  path: string;
  query: string;
}

export interface K8sEmulator {
  url: string;
  server: EmulatorServer;
  /** Writes a kubeconfig for this server into `dir` (context `coditect-emulator`) and returns its path. */
  kubeconfigPath(dir: string, options?: { context?: string; namespace?: string }): string;
  /** Answers 403 Forbidden to lists of that resource type (in that namespace) from now on. */
  forbid(rule: ForbidRule): void;
  /** The next `count` requests that carry a continue token get 410 Gone (the token expired). */
  expireContinueTokens(count?: number): void;
  /** Every request so far, with the Kubernetes verb it amounts to. */
  requests(): K8sRequest[];
  stop(): Promise<void>;
}

const DEFAULT_VERSION = {
  major: '1',
  minor: '30',
  gitVersion: 'v1.30.5-gke.1014001',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-10-01T00:00:00Z',
  goVersion: 'go1.22.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface Store {
  resources: ServedResource[];
  objects: Map<string, Json[]>;
  version: unknown;
  /** When the recording was made (ms since the epoch), if it says. */
  recordedAt?: number;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Every RFC 3339 timestamp in `value`, moved by `deltaMs`. */
function shiftTimes(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string') {
    if (!DATE_TIME.test(value)) return value;
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : new Date(t + deltaMs).toISOString().replace('.000Z', 'Z');
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, deltaMs));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, deltaMs)]));
  return value;
}

const keyOf = (r: Pick<ServedResource, 'group' | 'resource'>) => `${r.group}/${r.resource}`;

function loadStore(dataDir: string): Store {
  if (!existsSync(dataDir)) throw new Error(`k8s emulator: no recordings at ${dataDir}`);
  const resources: ServedResource[] = [...BUILTIN_RESOURCES];
  const objects = new Map<string, Json[]>();
  let version: unknown = DEFAULT_VERSION;
  let recordedAt: number | undefined;
  for (const file of readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const doc = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as Json;
    if (file === '_recording.json') {
      recordedAt = typeof doc.recordedAt === 'string' ? Date.parse(doc.recordedAt) : undefined;
      if (recordedAt !== undefined && Number.isNaN(recordedAt))
        throw new Error(`k8s emulator: ${file}: recordedAt is not an RFC 3339 timestamp`);
      continue;
    }
    if (file === 'version.json') {
      version = { ...DEFAULT_VERSION, ...doc };
      continue;
    }
    const plural = file.replace(/\.json$/, '');
    const items = (Array.isArray(doc.items) ? doc.items : []).filter(
      (i): i is Json => typeof i === 'object' && i !== null,
    );
    let served = resources.find((r) => r.resource === plural && !r.custom);
    if (!served) {
      const listVersion =
        typeof doc.apiVersion === 'string' && doc.apiVersion.includes('/') ? doc.apiVersion : undefined;
      const itemVersion = items.find((i) => typeof i.apiVersion === 'string')?.apiVersion as string | undefined;
      const gv = listVersion ?? itemVersion;
      if (!gv?.includes('/'))
        throw new Error(`k8s emulator: ${file}: custom resources need a group/version apiVersion`);
      const [group, ver] = (gv as string).split('/') as [string, string];
      const listKind = typeof doc.kind === 'string' ? doc.kind.replace(/List$/, '') : '';
      const kind = (items[0]?.kind as string | undefined) ?? (listKind && listKind !== '' ? listKind : plural);
      served = {
        group,
        version: ver,
        resource: plural,
        kind,
        namespaced: !CLUSTER_SCOPED_CUSTOM.has(plural),
        custom: true,
      };
      resources.push(served);
    }
    objects.set(keyOf(served), items);
  }
  // Namespaces: the recorded ones, else every namespace the objects live in, plus the system ones.
  if (!objects.has('/namespaces')) {
    const names = new Set(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const list of objects.values())
      for (const o of list) {
        const ns = meta(o).namespace;
        if (typeof ns === 'string') names.add(ns);
      }
    objects.set(
      '/namespaces',
      [...names].map((name) => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
        status: { phase: 'Active' },
      })),
    );
  }
  for (const [k, list] of objects)
    objects.set(
      k,
      [...list].sort((a, b) => {
        const x = `${meta(a).namespace ?? ''}/${meta(a).name ?? ''}`;
        const y = `${meta(b).namespace ?? ''}/${meta(b).name ?? ''}`;
        return x < y ? -1 : x > y ? 1 : 0;
      }),
    );
  return { resources, objects, version, ...(recordedAt !== undefined ? { recordedAt } : {}) };
}

function meta(o: Json): Json {
  return typeof o.metadata === 'object' && o.metadata !== null ? (o.metadata as Json) : {};
}

function status(code: number, reason: string, message: string, details?: Json): JsonResponse {
  return {
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    },
  };
}

interface Route {
  resource: ServedResource;
  namespace?: string;
  name?: string;
}

/** `/api/v1/...` or `/apis/<g>/<v>/...` → the resource addressed, or undefined. */
function route(store: Store, path: string): Route | 'discovery' | undefined {
  const parts = path.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length <= 2) return 'discovery';
    group = '';
    version = parts[1] as string;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length <= 3) return 'discovery';
    group = parts[1] as string;
    version = parts[2] as string;
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, ...more] = rest;
  if (more.length > 0) return undefined;
  const resource = store.resources.find((r) => r.group === group && r.version === version && r.resource === plural);
  if (!resource) return undefined;
  if (namespace !== undefined && !resource.namespaced) return undefined;
  return { resource, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}) };
}

function matchesLabels(o: Json, selector: string | null): boolean {
  if (!selector) return true;
  const labels = (meta(o).labels ?? {}) as Record<string, string>;
  return selector.split(',').every((term) => {
    const [k, v] = term.split(/==?/) as [string, string | undefined];
    return v === undefined ? k in labels : labels[k] === v;
  });
}

/** Items of a list response: built-in types are served without per-item `apiVersion`/`kind`, as the API server does. */
function asListItem(r: ServedResource, o: Json): Json {
  if (r.custom) return o;
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

interface ContinueToken {
  key: string;
  offset: number;
}

const encodeToken = (t: ContinueToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(text: string): ContinueToken | undefined {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ContinueToken;
    return typeof t.key === 'string' && Number.isInteger(t.offset) ? t : undefined;
  } catch {
    return undefined;
  }
}

/** The Kubernetes verb a recorded request amounts to (`get` for discovery and single objects, `list` for collections). */
export function verbOf(store: Pick<Store, 'resources'>, r: RecordedRequest): string {
  const target = route(store as Store, r.path);
  const collection = typeof target === 'object' && target.name === undefined;
  switch (r.method) {
    case 'GET':
    case 'HEAD': {
      const watch = new URLSearchParams(r.query).get('watch');
      if (watch === 'true' || watch === '1') return 'watch';
      return collection ? 'list' : 'get';
    }
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return collection ? 'deletecollection' : 'delete';
    default:
      return r.method.toLowerCase();
  }
}

export interface KubeconfigEntry {
  context: string;
  /** The emulator's base URL (`http://127.0.0.1:<port>`). */
  url: string;
  namespace?: string;
}

/**
 * Writes a kubeconfig with one context per entry (the first is current) and returns its path: several
 * emulated clusters in one file, as `KUBECONFIG` holds several real ones. The token is a dummy the
 * emulator does not check.
 */
export function writeKubeconfig(file: string, entries: KubeconfigEntry[]): string {
  if (entries.length === 0) throw new Error('writeKubeconfig: no cluster');
  const clusters = entries.map(
    (e) => `  - name: ${e.context}\n    cluster:\n      server: ${e.url}\n      insecure-skip-tls-verify: true`,
  );
  const contexts = entries.map(
    (e) =>
      `  - name: ${e.context}\n    context:\n      cluster: ${e.context}\n      user: coditect-emulator${e.namespace ? `\n      namespace: ${e.namespace}` : ''}`,
  );
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
${clusters.join('\n')}
users:
  - name: coditect-emulator
    user:
      token: emulator-token-not-a-secret
contexts:
${contexts.join('\n')}
current-context: ${entries[0]!.context}
`,
  );
  return file;
}

/** A SelfSubjectAccessReview only asks what the caller may do: a read, though it is a POST. */
const ACCESS_REVIEW = /^\/apis\/authorization\.k8s\.io\/v1\/selfsubjectaccessreviews$/;

export async function startK8sEmulator(options: K8sEmulatorOptions): Promise<K8sEmulator> {
  const store = loadStore(options.dataDir);
  const forbidden: ForbidRule[] = [];
  let expireNext = 0;
  let url = '';
  const resourceVersion = '4815162342';
  const now = options.now ?? (() => new Date());
  const replay = (o: Json): Json =>
    store.recordedAt === undefined ? o : (shiftTimes(o, now().getTime() - store.recordedAt) as Json);

  /** SelfSubjectAccessReview: what `forbid` denies is denied, everything else allowed. */
  const accessReview = (requestBody: string): JsonResponse => {
    let review: Json;
    try {
      review = JSON.parse(requestBody || '{}') as Json;
    } catch {
      return status(400, 'BadRequest', 'the SelfSubjectAccessReview is not JSON');
    }
    const spec = (review.spec ?? {}) as Json;
    const attributes = spec.resourceAttributes as Json | undefined;
    const resource = typeof attributes?.resource === 'string' ? attributes.resource : undefined;
    const namespace =
      typeof attributes?.namespace === 'string' && attributes.namespace ? attributes.namespace : undefined;
    const deny =
      resource !== undefined &&
      forbidden.some((f) => f.resource === resource && (f.namespace === undefined || f.namespace === namespace));
    return {
      status: 201,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        metadata: { creationTimestamp: null },
        spec,
        status: deny
          ? { allowed: false, reason: `the emulator forbids ${resource}${namespace ? ` in ${namespace}` : ''}` }
          : { allowed: true, reason: 'the emulator allows every read it was not told to forbid' },
      },
    };
  };

  const handler = (req: { method: string; url: URL; body: string }): JsonResponse => {
    const path = req.url.pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'POST' && ACCESS_REVIEW.test(path)) return accessReview(req.body);
    if (req.method !== 'GET') {
      return status(405, 'MethodNotAllowed', `the emulator is read-only: ${req.method} is not supported`);
    }
    if (path === '/version') return { status: 200, body: store.version };
    if (path === '/api') return { status: 200, body: apiVersions(url.replace(/^https?:\/\//, '')) };
    if (path === '/apis') return { status: 200, body: apiGroupList(store.resources) };
    const target = route(store, path);
    if (target === 'discovery') {
      const parts = path.split('/').filter(Boolean);
      const body =
        parts[0] === 'api'
          ? apiResourceList(store.resources, parts[1] ?? '')
          : parts.length === 2
            ? apiGroupOf(store.resources, parts[1] ?? '')
            : apiResourceList(store.resources, `${parts[1]}/${parts[2]}`);
      return body ? { status: 200, body } : status(404, 'NotFound', 'the server could not find the requested resource');
    }
    if (!target) return status(404, 'NotFound', 'the server could not find the requested resource');
    const q = req.url.searchParams;
    if (q.get('watch') === 'true' || q.get('watch') === '1')
      return status(400, 'BadRequest', 'the emulator does not support watch');
    const { resource, namespace, name } = target;
    const verb = name !== undefined ? 'get' : 'list';
    const deny = forbidden.find(
      (f) => f.resource === resource.resource && (f.namespace === undefined || f.namespace === namespace),
    );
    if (deny) {
      const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
      return status(
        403,
        'Forbidden',
        `${resource.resource}${resource.group ? `.${resource.group}` : ''} is forbidden: User "system:serviceaccount:coditect-audit:coditect-audit" cannot ${verb} resource "${resource.resource}" in API group "${resource.group}" ${where}`,
        { kind: resource.resource, ...(resource.group ? { group: resource.group } : {}) },
      );
    }
    const all = (store.objects.get(keyOf(resource)) ?? []).filter(
      (o) => namespace === undefined || meta(o).namespace === namespace,
    );
    if (name !== undefined) {
      const found = all.find((o) => meta(o).name === name);
      if (!found)
        return status(404, 'NotFound', `${resource.resource} "${name}" not found`, { name, kind: resource.resource });
      return {
        status: 200,
        body: { apiVersion: groupVersion(resource), kind: resource.kind, ...replay(found) },
      };
    }
    const selected = all.filter((o) => matchesLabels(o, q.get('labelSelector')));
    const listKey = `${path}?${q.get('labelSelector') ?? ''}`;
    let offset = 0;
    const cont = q.get('continue');
    if (cont) {
      if (expireNext > 0) {
        expireNext--;
        return status(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
        );
      }
      const token = decodeToken(cont);
      if (!token || token.key !== listKey)
        return status(400, 'BadRequest', 'continue key is not valid: invalid continue token');
      offset = token.offset;
    }
    const limitText = q.get('limit');
    const limit = limitText ? Number(limitText) : 0;
    const page = limit > 0 ? selected.slice(offset, offset + limit) : selected.slice(offset);
    const next = limit > 0 && offset + limit < selected.length ? offset + limit : undefined;
    return {
      status: 200,
      body: {
        apiVersion: groupVersion(resource),
        kind: `${resource.kind}List`,
        metadata: {
          resourceVersion,
          ...(next !== undefined
            ? { continue: encodeToken({ key: listKey, offset: next }), remainingItemCount: selected.length - next }
            : {}),
        },
        items: page.map((o) => asListItem(resource, replay(o))),
      },
    };
  };

  const server = new EmulatorServer(handler, [ACCESS_REVIEW]);
  url = await server.start(options.port ?? 0);
  return {
    url,
    server,
    kubeconfigPath(dir, o = {}) {
      return writeKubeconfig(join(dir, 'kubeconfig.yaml'), [
        { context: o.context ?? 'coditect-emulator', url, ...(o.namespace ? { namespace: o.namespace } : {}) },
      ]);
    },
    forbid(rule) {
      forbidden.push(rule);
    },
    expireContinueTokens(count = 1) {
      expireNext += count;
    },
    requests() {
      return server.requests.map((r) => ({ verb: verbOf(store, r), method: r.method, path: r.path, query: r.query }));
    },
    stop: () => server.stop(),
  };
}
