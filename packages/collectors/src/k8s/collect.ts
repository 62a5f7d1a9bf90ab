/**
 * The k8s layer: lists the resource types of `resources.ts` read-only and turns them into facets.
 * Every call that fails becomes a problem naming the verb, the resource (and namespace) and the permission
 * to grant; a resource type whose custom resource definition is not installed is `absent`, not an error.
 */
import type {
  CollectContext,
  CollectResult,
  Facet,
  K8sApis,
  K8sClaim,
  K8sConfigMap,
  K8sFacets,
  K8sLayerConfigSchema,
  K8sLiveObject,
  K8sNode,
  K8sSecret,
  K8sSecretStore,
  Problem,
  Snapshot,
} from '@coditect-audit/core';
import { setMaxListeners } from 'node:events';
import type { Static } from '@sinclair/typebox';
import { prepareLiveObject } from '@coditect-audit/core/views';
import { SlicedWork } from '../concurrency.js';
import { finishedItem, finishItemsFacet } from '../parsed.js';
import type { DetectionCache } from '../redact.js';
import {
  type Connection,
  ConnectionError,
  closeConnections,
  connect,
  type JsonReader,
  limiter,
  listAll,
  makeJsonReader,
  type Page,
  type PageRequest,
  RequestFailure,
  type RetryPolicy,
  withRetries,
} from './client.js';
import { failed, K8S_FACETS, notScanned, skipReason } from './kubeconfig.js';
import { isSystemNamespace, K8S_RESOURCE_TYPES, type K8sResourceType, qualifiedResource } from './resources.js';
import {
  claimUsers,
  isJson,
  liveClaim,
  liveConfigMap,
  liveExternalSecret,
  liveNode,
  liveObject,
  liveSecret,
  liveSecretStore,
} from './sanitize.js';

export type K8sLayerConfig = Static<typeof K8sLayerConfigSchema>;
type Json = Record<string, unknown>;

/** Knobs for tests; the defaults are what users get. */
export interface K8sCollectOptions {
  backoffMs?: number;
  home?: string;
  env?: NodeJS.ProcessEnv;
  serviceAccountToken?: string;
}

/**
 * What the collector read, and which of its facets it already finished (redacted, with their parsed parts:
 * `finishCollected`, given `finished`, keeps those and finishes the rest).
 */
export interface K8sCollected {
  result: CollectResult;
  finished: ReadonlySet<object>;
}

const NONE_FINISHED: ReadonlySet<object> = new Set();

export async function collectK8s(
  ctx: CollectContext<K8sLayerConfig>,
  options: K8sCollectOptions = {},
): Promise<K8sCollected> {
  const config = ctx.config ?? {};
  const started = Date.now();
  let conn: Connection;
  try {
    conn = connect({
      root: ctx.root,
      ...((ctx.overrides.kubeconfig ?? config.kubeconfig)
        ? { kubeconfig: ctx.overrides.kubeconfig ?? config.kubeconfig }
        : {}),
      ...((ctx.overrides.k8sContext ?? config.context) ? { context: ctx.overrides.k8sContext ?? config.context } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.home ? { home: options.home } : {}),
      ...(options.serviceAccountToken ? { serviceAccountToken: options.serviceAccountToken } : {}),
    });
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    const context = ctx.overrides.k8sContext ?? config.context;
    if (config.skipWithoutContext && context)
      return { result: notScanned(skipReason(context)), finished: NONE_FINISHED };
    return {
      result: failed({ subject: 'Kubernetes credentials', message: e.message, cause: 'no-credentials', fix: e.fix }),
      finished: NONE_FINISHED,
    };
  }
  ctx.progress(`reading ${conn.server} with ${conn.source}`);
  try {
    return await collectFrom(conn, ctx, options, started);
  } finally {
    closeConnections(conn);
  }
}

async function collectFrom(
  conn: Connection,
  ctx: CollectContext<K8sLayerConfig>,
  options: K8sCollectOptions,
  started: number,
): Promise<K8sCollected> {
  const config = ctx.config ?? {};

  const debug = ctx.log ? (m: string) => ctx.log?.('debug', m) : undefined;
  const objectFinished = ctx.objectFinished;
  // Aborted when `/api` shows that nothing can be read: the lists already sent end, and none is retried.
  const abort = new AbortController();
  // Every request waiting for its turn or its retry listens to it: many listeners are expected, not a leak.
  setMaxListeners(0, abort.signal);
  const policy: RetryPolicy = {
    retries: config.retries ?? 3,
    timeoutMs: config.timeoutMs ?? 15_000,
    backoffMs: options.backoffMs ?? 250,
    ...(debug ? { onRetry: debug } : {}),
    signal: abort.signal,
  };
  const pageSize = config.pageSize ?? 500;
  const run = limiter(config.concurrency ?? 4, abort.signal);
  let credentialsMade = () => {};
  const credentials = new Promise<true>((resolve) => {
    credentialsMade = () => resolve(true);
  });
  const read = makeJsonReader(conn, policy.timeoutMs, debug, abort.signal, () => credentialsMade());

  // 1. Discovery: what the server serves. Its first call, `/api`, is sent first; an unreachable server or
  // refused credentials end the collection there. The rest of it (API groups, version, custom resources) is
  // read once `/api` has answered, while the types are listed.
  const discovering = discover(conn, read, policy, run);
  // The discovery of the custom resources; undefined when `/api` ended the collection.
  const discovered = discovering.then((d) => ('fatal' in d ? undefined : d.rest));
  // Awaited below; a failure is not left unhandled while the lists run.
  discovered.catch(() => undefined);
  // Whether the lists' results are wanted (`/api` did not end the collection): their progress waits for it.
  const going = discovering.then(
    (d) => !('fatal' in d),
    () => false,
  );

  // 2. Every resource type, in every namespace in scope, at most `concurrency` requests at once. The
  // built-in types are asked for in the same turn as `/api` (the version they are listed at is theirs,
  // whatever discovery says, so its answer changes nothing of theirs); the custom ones once discovery
  // shows them served.
  const namespaces = config.namespaces ? [...new Set(config.namespaces)].sort() : undefined;
  const scopeOf = (ns: string | undefined) => (ns ? `in ${ns}` : 'in all namespaces');
  const results: Results = new Map();
  // Each page's facet items are made, redacted and parsed here, in slices between the answers.
  const work = new SlicedWork();
  let listed = 0;
  // Node writes a request once every request made in the same turn is made (~0.5 ms each): the others are
  // made two turns later, after an I/O poll in which `/api` and the first list are written.
  const afterFirstWrites = new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  const types = LIST_ORDER.map(async (type, i) => {
    const entry: TypeResult = { objects: [], problems: [], failedScopes: new Set() };
    results.set(type, entry);
    // Each list starts once `/api`'s credentials are made (an exec plugin, gke-gcloud-auth-plugin, then runs
    // once and its token is cached), in the same turn for a token or a certificate; else once `/api` has
    // answered without them, as the lists followed it before; not at all when `/api` ended the collection.
    if (!(await Promise.race([credentials, going]))) return;
    if (i > 0) await afterFirstWrites;
    let served: Discovery | undefined;
    if (type.crd) {
      served = await discovered;
      if (!served) return;
    }
    const version = servedVersion(type, served);
    if (version === undefined) {
      entry.absent = `${type.kind} (${type.group}/${type.versions.join(' or ')}) is not served by the cluster: ${type.crd?.installedBy ?? 'its API'} is not installed`;
      listed++;
      return;
    }
    entry.version = version;
    const itemOf = facetItemOf(type, type.group ? `${type.group}/${version}` : version);
    const detections: DetectionCache = new Map();
    // One function for every object of the type (no closure per object). The object as the API gave it is
    // let go once its item is made: the list's later pages are still arriving, and what the item does not
    // keep (other metadata, Secret values, ConfigMap data, the last-applied copy) need not wait for them.
    const finish = itemOf
      ? (o: Listed) => {
          o.item = itemOf(o.raw as Json);
          o.raw = undefined;
          o.finished = finishedItem(o.item, detections);
          // The views' parts that depend on this object alone, made now rather than after the last page, and
          // what the scan judges of it alone (rules item by item).
          if (o.finished !== undefined) {
            prepareLiveObject(type.facet, o.finished as K8sLiveObject);
            objectFinished?.(type.facet, o.finished);
          }
        }
      : undefined;
    const scopes: (string | undefined)[] = type.namespaced && namespaces ? namespaces : [undefined];
    await Promise.all(
      scopes.map(async (ns) => {
        try {
          const listed = await listAll(
            (limit, cont, request) =>
              run(() => fetchPage(read, type, version, ns, limit, cont, request), request.signal),
            pageSize,
            policy,
            // Each page's items made while the next page is in flight (the wait is most of a large list):
            // queued, so that the next page's request is sent first, and made in slices between answers.
            (items) => {
              const kept: Listed[] = [];
              for (const raw of items) {
                if (!isJson(raw)) continue;
                const meta = isJson(raw.metadata) ? raw.metadata : undefined;
                const itemNs = meta?.namespace;
                // Without a namespace list, everything but the system namespaces is in scope.
                if (!namespaces && typeof itemNs === 'string' && isSystemNamespace(itemNs)) continue;
                const o: Listed = { namespace: itemNs, name: meta?.name, raw, item: undefined, finished: undefined };
                if (finish) work.add(finish, o);
                kept.push(o);
              }
              return kept;
            },
          );
          for (const o of listed) entry.objects.push(o);
        } catch (e) {
          // Ended with the collection (`/api` failed): nothing to judge, nothing kept.
          if (abort.signal.aborted) return;
          if (!(e instanceof RequestFailure)) throw e;
          entry.failedScopes.add(ns ?? '*');
          entry.problems.push(problemOf(e, type, ns, scopeOf(ns)));
        }
      }),
    );
    if (!(await going)) return;
    listed++;
    ctx.progress(
      `${type.resource} ${entry.objects.length} listed${entry.problems.length ? `, ${entry.problems.length} denied or failed` : ''} (${listed}/${K8S_RESOURCE_TYPES.length} types)`,
    );
  });
  const listing = Promise.all(types);
  // Awaited below, or abandoned with the collection: never left unhandled.
  listing.catch(() => undefined);
  // Once every first request is made (the types waiting for `afterFirstWrites` go first), the scan may do
  // what can wait.
  void afterFirstWrites.then(() => ctx.requestsSent?.());

  let discovery: Discovery | undefined;
  try {
    const answer = await discovering;
    if ('fatal' in answer) return { result: failed(answer.fatal), finished: NONE_FINISHED };
    await listing;
    await work.done();
    discovery = (await discovered) as Discovery;
  } finally {
    if (!discovery) {
      // Ended early (`/api` failed, or an error): nothing of the lists is kept. Each in flight ends, none is
      // retried or waits, and the collection returns only once they have (no timer or connection of theirs
      // outlives it).
      abort.abort();
      await Promise.allSettled(types);
      await work.done().catch(() => undefined);
    }
  }

  // 3. Facets. Those made of one item per object are finished here from the items finished one by one.
  const facets: Snapshot['facets'] = {};
  const finished = new Set<object>();
  const set = <K extends keyof K8sFacets>(name: K, facet: Facet<K8sFacets[K]>) => {
    (facets as Record<string, unknown>)[name] = facet;
  };
  const setFinished = (name: keyof K8sFacets, facet: Facet<K8sFacets[keyof K8sFacets]>, objects: Listed[]) => {
    const done = finishItemsFacet(
      name,
      facet,
      objects.map((o) => o.finished),
    ) as Facet<K8sFacets[keyof K8sFacets]>;
    finished.add(done);
    set(name, done);
  };
  // The namespaces a facet holds are those whose list succeeded, so rules never read a denied namespace as empty.
  const readIn = (...failed: Set<string>[]) =>
    namespaces ? { namespaces: namespaces.filter((ns) => !failed.some((f) => f.has(ns))) } : {};
  const typeOf = (resource: string) => K8S_RESOURCE_TYPES.find((t) => t.resource === resource) as K8sResourceType;

  for (const type of K8S_RESOURCE_TYPES) {
    if (type.facet === 'k8s.externalsecrets' || type.facet === 'k8s.apis') continue;
    const r = results.get(type)!;
    if (r.absent) {
      set(type.facet as keyof K8sFacets, { status: 'absent', reason: r.absent });
      continue;
    }
    const apiVersion = type.group ? `${type.group}/${r.version}` : (r.version as string);
    const allFailed =
      r.failedScopes.size > 0 && r.failedScopes.size === (type.namespaced && namespaces ? namespaces.length : 1);
    if (allFailed) {
      set(type.facet as keyof K8sFacets, { status: 'error', problems: r.problems });
      continue;
    }
    const sorted = sortObjects(r.objects);
    const scoped = readIn(r.failedScopes);
    switch (type.facet) {
      case 'k8s.secrets': {
        const facet: Facet<K8sFacets['k8s.secrets']> = {
          status: 'ok',
          data: { ...scoped, items: sorted.map((o) => o.item as K8sSecret) },
          problems: r.problems,
        };
        setFinished('k8s.secrets', facet, sorted);
        break;
      }
      case 'k8s.configmaps': {
        const facet: Facet<K8sFacets['k8s.configmaps']> = {
          status: 'ok',
          data: { ...scoped, items: sorted.map((o) => o.item as K8sConfigMap) },
          problems: r.problems,
        };
        setFinished('k8s.configmaps', facet, sorted);
        break;
      }
      case 'k8s.nodes': {
        const facet: Facet<K8sFacets['k8s.nodes']> = {
          status: 'ok',
          data: { items: sorted.map((o) => o.item as K8sNode) },
          problems: r.problems,
        };
        setFinished('k8s.nodes', facet, sorted);
        break;
      }
      case 'k8s.pvcs': {
        // Which pods mount each claim comes from the pods; where pods could not be listed, the claims
        // cannot be judged, so they are left out with a problem instead of looking unused.
        const pods = results.get(typeOf('pods'))!;
        // Read from the pods' items (their raw objects are let go once made): the same metadata, volumes and
        // phase, as making an item changes only env values and termination messages.
        const users = claimUsers(pods.objects.map((o) => (o.item as K8sLiveObject).object as Json));
        const podsFailed = (ns: string) => pods.failedScopes.has('*') || pods.failedScopes.has(ns);
        const problems = [...r.problems];
        for (const scope of pods.failedScopes) {
          problems.push({
            subject: `list pods ${scope === '*' ? 'in all namespaces' : `in ${scope}`}`,
            message: 'needed to tell which pods mount the PersistentVolumeClaims; their claims are not judged',
            cause: 'permission-denied',
            fix: grantFix(typeOf('pods'), scope === '*' ? undefined : scope),
          });
        }
        const items: K8sClaim[] = sorted
          .map(rawOf)
          .filter((o) => !podsFailed(String((o.metadata as Json | undefined)?.namespace ?? '')))
          .map((o) => {
            const m = o.metadata as Json;
            return liveClaim(type, apiVersion, o, users.get(`${m.namespace}/${m.name}`) ?? []);
          });
        if (pods.failedScopes.has('*') || namespaces?.every((ns) => podsFailed(ns)))
          set('k8s.pvcs', { status: 'error', problems });
        else set('k8s.pvcs', { status: 'ok', data: { ...readIn(r.failedScopes, pods.failedScopes), items }, problems });
        break;
      }
      default:
        setFinished(
          type.facet as keyof K8sFacets,
          {
            status: 'ok',
            data: { ...scoped, items: sorted.map((o) => o.item as K8sLiveObject) },
            problems: r.problems,
          } as Facet<K8sFacets[keyof K8sFacets]>,
          sorted,
        );
    }
  }
  set('k8s.externalsecrets', externalSecretsFacet(results, namespaces));
  set('k8s.apis', discovery.apis);

  const total = [...results.values()].reduce((n, r) => n + r.objects.length, 0);
  const denied = [...results.values()].reduce((n, r) => n + r.problems.length, 0);
  ctx.progress(
    `${total} objects of ${K8S_FACETS.length - 1} resource types in ${((Date.now() - started) / 1000).toFixed(1)} s${denied ? `, ${denied} lists failed` : ''}`,
  );
  return { result: { facets, state: { status: 'collected' } }, finished };
}

/**
 * The order the lists are asked for (their places in the `concurrency` window): the pods first. Every
 * workload's objects end in pods, so theirs is the longest list of most clusters, a chain of pages that
 * cannot be shortened, and the claims wait for it; the others in the table's order.
 */
const LIST_ORDER: readonly K8sResourceType[] = [
  ...K8S_RESOURCE_TYPES.filter((t) => t.resource === 'pods'),
  ...K8S_RESOURCE_TYPES.filter((t) => t.resource !== 'pods'),
];

// ---------------------------------------------------------------- discovery

interface Discovery {
  apis: Facet<K8sApis>;
  /** Group versions served, when discovery answered; undefined when it could not be read. */
  served?: Set<string>;
  /** `group/version` → resource plurals, for the custom resource groups. */
  resources: Map<string, Set<string>>;
}

/** The strings of a JSON array (an API answer read as plain JSON is checked, not trusted to have its shape). */
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isJson) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * Discovery, read as plain JSON like the lists (the typed clients would bring every API group's generated
 * models into the start of every scan). Its first call, `/api`, tells whether the server answers at all.
 */
async function discover(
  conn: Connection,
  read: JsonReader,
  policy: RetryPolicy,
  run: ReturnType<typeof limiter>,
): Promise<{ rest: Promise<Discovery> } | { fatal: Problem }> {
  const problems: Problem[] = [];
  const once = async <T>(subject: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await withRetries(() => run(call), policy);
    } catch (e) {
      if (!(e instanceof RequestFailure)) throw e;
      problems.push({
        subject,
        message: `the API server at ${conn.server} ${e.reason === 'permission-denied' ? `refused: ${e.message}` : e.message}`,
        cause: e.reason,
        fix:
          e.reason === 'permission-denied'
            ? `grant "get" on the non-resource URLs /api, /apis and /version (deploy/rbac.yaml)`
            : e.reason === 'unauthenticated'
              ? `renew the credentials of ${conn.source} (gcloud container clusters get-credentials ...)`
              : `check that ${conn.server} is reachable from here, or raise layers.k8s.timeoutMs`,
      });
      return undefined;
    }
  };
  const core = await once('get /api', () => read('/api', {}));
  // Nothing answers, or nobody is let in: no facet can be read, and each says why.
  const first = problems[0];
  if (
    !core &&
    first &&
    (first.cause === 'unreachable' || first.cause === 'timeout' || first.cause === 'unauthenticated')
  )
    return { fatal: { ...first, subject: `Kubernetes API ${conn.server}` } };
  return { rest: discoverGroups(isJson(core) ? core : undefined, problems, once, read) };
}

/** The rest of discovery, once `/api` has answered: the API groups, the version and the custom resources. */
async function discoverGroups(
  core: Json | undefined,
  problems: Problem[],
  once: <T>(subject: string, call: () => Promise<T>) => Promise<T | undefined>,
  read: JsonReader,
): Promise<Discovery> {
  const [groupList, versionInfo] = await Promise.all([
    once('get /apis', () => read('/apis', {})),
    once('get /version', () => read('/version', {})),
  ]);
  const groups = isJson(groupList) ? groupList : undefined;
  const version = isJson(versionInfo) ? versionInfo : undefined;

  const coreVersions = strings(core?.versions);
  const groupVersions = new Set<string>(coreVersions);
  const preferred: Record<string, string> = {};
  if (coreVersions[0]) preferred[''] = coreVersions.includes('v1') ? 'v1' : coreVersions[0];
  for (const g of objects(groups?.groups)) {
    for (const v of objects(g.versions)) {
      const groupVersion = text(v.groupVersion);
      if (groupVersion) groupVersions.add(groupVersion);
    }
    const name = text(g.name);
    const preferredVersion = isJson(g.preferredVersion) ? text(g.preferredVersion.version) : undefined;
    if (name && preferredVersion) preferred[name] = preferredVersion;
  }

  // Custom resource groups: confirm the resource itself is served in that group version.
  const resources = new Map<string, Set<string>>();
  const crdGroupVersions = new Set<string>();
  for (const t of K8S_RESOURCE_TYPES) {
    if (!t.crd) continue;
    for (const v of t.versions) if (groupVersions.has(`${t.group}/${v}`)) crdGroupVersions.add(`${t.group}/${v}`);
  }
  await Promise.all(
    [...crdGroupVersions].map(async (gv) => {
      const list = await once(`get /apis/${gv}`, () => read(`/apis/${gv}`, {}));
      if (isJson(list)) resources.set(gv, new Set(objects(list.resources).flatMap((r) => text(r.name) ?? [])));
    }),
  );

  const apis: Facet<K8sApis> =
    core || groups
      ? {
          status: 'ok',
          data: {
            ...(text(version?.gitVersion)
              ? {
                  serverVersion: {
                    gitVersion: text(version?.gitVersion) as string,
                    ...(text(version?.major) ? { major: text(version?.major) as string } : {}),
                    ...(text(version?.minor) ? { minor: text(version?.minor) as string } : {}),
                    ...(text(version?.platform) ? { platform: text(version?.platform) as string } : {}),
                  },
                }
              : {}),
            groupVersions: [...groupVersions].sort(),
            preferred,
          },
          problems,
        }
      : { status: 'error', problems };
  return { apis, ...(core && groups ? { served: groupVersions } : {}), resources };
}

/**
 * The version to list a type at: built-in types at their version (discovery failing is not a reason to
 * skip them; the list call will say what is wrong); custom types only when discovery shows them served.
 */
function servedVersion(type: K8sResourceType, d: Discovery | undefined): string | undefined {
  if (!type.crd || !d?.served) return type.versions[0];
  return type.versions.find((v) => d.resources.get(`${type.group}/${v}`)?.has(type.resource));
}

// ---------------------------------------------------------------- listing

/**
 * One page of one resource type, in one namespace or across all of them, as plain API JSON:
 * `/api/v1/[namespaces/<ns>/]<plural>` for the core group, `/apis/<group>/<version>/...` for the others.
 */
async function fetchPage(
  read: JsonReader,
  type: K8sResourceType,
  version: string,
  namespace: string | undefined,
  limit: number,
  cont: string | undefined,
  request: PageRequest,
): Promise<Page> {
  const root = type.group ? `/apis/${type.group}/${version}` : `/api/${version}`;
  const scope = type.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const body = await read(
    `${root}${scope}/${type.resource}`,
    { limit: String(limit), ...(cont ? { continue: cont } : {}) },
    request,
  );
  const list = isJson(body) ? body : {};
  const meta = isJson(list.metadata) ? list.metadata : {};
  return {
    items: Array.isArray(list.items) ? list.items : [],
    ...(typeof meta.continue === 'string' && meta.continue ? { continueToken: meta.continue } : {}),
  };
}

// ---------------------------------------------------------------- facets and problems

/**
 * A listed object: as the API gave it until its facet item is made (types whose facet is made of one item per
 * object), and its namespace and name, by which the facet is sorted.
 */
interface Listed {
  namespace: unknown;
  name: unknown;
  /** Let go once `item` is made; kept to the end for the types made at the end (`facetItemOf` undefined). */
  raw: Json | undefined;
  /** Made from `raw` in a slice of work after its page arrived, like `finished`. */
  item: unknown;
  /** `item` redacted and with its parsed parts; undefined where it taught the redactor a secret (`finishedItem`). */
  finished: unknown;
}

/**
 * How one object of a type becomes its facet's item, made as its page arrives; undefined for the types whose
 * items need other lists (claims need the pods) or are few (the ExternalSecrets facet), made at the end.
 */
function facetItemOf(type: K8sResourceType, apiVersion: string): ((raw: Json) => unknown) | undefined {
  switch (type.facet) {
    case 'k8s.secrets':
      return (raw) => liveSecret(type, apiVersion, raw);
    case 'k8s.configmaps':
      return (raw) => liveConfigMap(type, apiVersion, raw);
    case 'k8s.nodes':
      return liveNode;
    case 'k8s.pvcs':
    case 'k8s.externalsecrets':
    case 'k8s.apis':
      return undefined;
    default:
      return (raw) => liveObject(type, apiVersion, raw);
  }
}

/** The object as the API gave it, of a type whose items are made at the end (it is kept for them). */
function rawOf(o: Listed): Json {
  if (!o.raw) throw new Error('internal: the listed object was let go before its item was made');
  return o.raw;
}

function sortObjects(objects: Listed[]): Listed[] {
  // A server lists a type in its storage's key order (namespace, then name), so a list mostly arrives
  // sorted: checked first, with no key built but where the namespace changes (a stable sort of a sorted
  // list is that list), and sorted only where it is not.
  let sorted = true;
  for (let i = 1; i < objects.length; i++)
    if (!inKeyOrder(objects[i - 1]!, objects[i]!)) {
      sorted = false;
      break;
    }
  if (sorted) return objects;
  // Each key built once (20,000 objects: not a string per comparison).
  const keyed = objects.map((o) => ({ key: sortKeyOf(o), o }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.o);
}

/** What a facet is sorted by: `<namespace>/<name>`. */
function sortKeyOf(o: Listed): string {
  return `${String(o.namespace ?? '')}/${String(o.name ?? '')}`;
}

/** Whether `a` sorts before `b` or with it: by name within a namespace (their keys share `<namespace>/`). */
function inKeyOrder(a: Listed, b: Listed): boolean {
  const namespace = String(a.namespace ?? '');
  if (namespace === String(b.namespace ?? '')) return String(a.name ?? '') <= String(b.name ?? '');
  return sortKeyOf(a) <= sortKeyOf(b);
}

/** How messages name a resource type: `secrets`, `deployments`, `managedcertificates.networking.gke.io`. */
function displayName(type: K8sResourceType): string {
  return type.crd ? qualifiedResource(type) : type.resource;
}

function grantFix(type: K8sResourceType, namespace: string | undefined): string {
  const where = namespace
    ? `in namespace ${namespace} (a Role and RoleBinding there, or the ClusterRole of deploy/rbac.yaml)`
    : 'cluster-wide (the ClusterRole and ClusterRoleBinding of deploy/rbac.yaml)';
  const group = type.group ? ` (API group "${type.group}")` : '';
  return `grant "list" on "${type.resource}"${group} ${where}`;
}

function problemOf(e: RequestFailure, type: K8sResourceType, namespace: string | undefined, scope: string): Problem {
  const subject = type.namespaced ? `list ${displayName(type)} ${scope}` : `list ${displayName(type)}`;
  switch (e.reason) {
    case 'permission-denied':
      return {
        subject,
        message: `the API server refused: ${e.message}`,
        cause: e.reason,
        fix: grantFix(type, namespace),
      };
    case 'unauthenticated':
      return {
        subject,
        message: `the credentials were refused: ${e.message}`,
        cause: e.reason,
        fix: 'renew the kubeconfig credentials',
      };
    case 'not-served':
      return {
        subject,
        message: `the API server does not serve ${type.group || 'core'}/${type.versions[0]} ${type.resource}: ${e.message}`,
        cause: e.reason,
        fix: 'upgrade the cluster to a Kubernetes version that serves it',
      };
    case 'timeout':
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: 'raise layers.k8s.timeoutMs or lower layers.k8s.pageSize',
      };
    case 'expired-continue':
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: 'run the scan again, or raise layers.k8s.pageSize so fewer pages are needed',
      };
    case 'too-large':
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: 'lower layers.k8s.pageSize so each page is smaller, or check what answers for the API server',
      };
    default:
      return { subject, message: e.message, cause: e.reason, fix: 'check the API server and run the scan again' };
  }
}

/** What listing one resource type gave: its objects, or why not (`absent`: not served; `problems`: failed lists). */
interface TypeResult {
  version?: string;
  absent?: string;
  objects: Listed[];
  problems: Problem[];
  /** Namespaces whose list failed; `*` for the cluster-wide list. */
  failedScopes: Set<string>;
}
type Results = Map<K8sResourceType, TypeResult>;

/** ExternalSecrets with the SecretStores and ClusterSecretStores they read from, at one served version. */
function externalSecretsFacet(
  results: Results,
  namespaces: string[] | undefined,
): Facet<K8sFacets['k8s.externalsecrets']> {
  const of = (resource: string) => {
    const t = K8S_RESOURCE_TYPES.find((x) => x.resource === resource) as K8sResourceType;
    return { type: t, r: results.get(t)! };
  };
  const es = of('externalsecrets');
  if (es.r.absent) return { status: 'absent', reason: es.r.absent };
  const stores = of('secretstores');
  const clusterStores = of('clustersecretstores');
  const apiVersion = `${es.type.group}/${es.r.version}`;
  const scopes = es.type.namespaced && namespaces ? namespaces.length : 1;
  if (es.r.failedScopes.size >= scopes) return { status: 'error', problems: es.r.problems };
  const items: K8sLiveObject[] = sortObjects(es.r.objects).map((o) =>
    liveExternalSecret(es.type, apiVersion, rawOf(o)),
  );
  const storeItems: K8sSecretStore[] = [
    ...sortObjects(stores.r.objects).map((o) => liveSecretStore('SecretStore', rawOf(o))),
    ...sortObjects(clusterStores.r.objects).map((o) => liveSecretStore('ClusterSecretStore', rawOf(o))),
  ];
  return {
    status: 'ok',
    data: {
      apiVersion,
      ...(namespaces ? { namespaces: namespaces.filter((ns) => !es.r.failedScopes.has(ns)) } : {}),
      items,
      stores: storeItems,
    },
    problems: [...es.r.problems, ...stores.r.problems, ...clusterStores.r.problems],
  };
}
