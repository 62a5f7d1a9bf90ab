import {
  REDACTED
} from "./chunk-chunk-PBD5LSHE.js";
import {
  ConnectionError,
  RequestFailure,
  closeConnections,
  connect,
  limiter,
  listAll,
  makeJsonReader,
  withRetries
} from "./chunk-chunk-6YFVM7WK.js";
import "./chunk-chunk-2DVRRGBZ.js";
import {
  classifySecretValue,
  decodeBase64,
  finishItemsFacet,
  finishedItem
} from "./chunk-chunk-D7DUI4O6.js";
import {
  K8S_FACETS,
  K8S_RESOURCE_TYPES,
  failed,
  isSystemNamespace,
  notScanned,
  qualifiedResource,
  skipReason
} from "./chunk-chunk-CGOZUHLJ.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import {
  SlicedWork
} from "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/k8s/collect.js
import { setMaxListeners } from "node:events";

// packages/collectors/dist/k8s/sanitize.js
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
var SECRET_NAME = /pass|secret|token|key|credential|auth/i;
function isJson(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function appliedApiVersion(annotations) {
  const text2 = annotations[LAST_APPLIED];
  if (!text2)
    return void 0;
  try {
    const parsed = JSON.parse(text2);
    return isJson(parsed) ? str(parsed.apiVersion) : void 0;
  } catch {
    return void 0;
  }
}
function stringMap(v) {
  if (!isJson(v))
    return {};
  if (Object.getPrototypeOf(v) === Object.prototype && !Object.hasOwn(v, "__proto__")) {
    let plain = true;
    for (const k in v)
      if (typeof v[k] !== "string") {
        plain = false;
        break;
      }
    if (plain)
      return v;
  }
  const out = {};
  for (const [k, x] of Object.entries(v))
    if (typeof x === "string")
      out[k] = x;
  return out;
}
function withoutLastApplied(annotations) {
  if (!Object.hasOwn(annotations, LAST_APPLIED))
    return annotations;
  const kept = {};
  for (const k in annotations)
    if (k !== LAST_APPLIED)
      kept[k] = annotations[k];
  return kept;
}
function metadataOf(raw) {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const annotations = stringMap(m.annotations);
  const metadata = { name: m.name };
  if (m.namespace !== void 0)
    metadata.namespace = m.namespace;
  if (m.uid !== void 0)
    metadata.uid = m.uid;
  if (m.generation !== void 0)
    metadata.generation = m.generation;
  if (m.creationTimestamp !== void 0)
    metadata.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp !== void 0)
    metadata.deletionTimestamp = m.deletionTimestamp;
  metadata.labels = stringMap(m.labels);
  metadata.annotations = withoutLastApplied(annotations);
  if (Array.isArray(m.ownerReferences)) {
    const owners = [];
    for (const o of m.ownerReferences) {
      if (!isJson(o))
        continue;
      const owner = { apiVersion: str(o.apiVersion) ?? "", kind: str(o.kind) ?? "", name: str(o.name) ?? "" };
      if (typeof o.controller === "boolean")
        owner.controller = o.controller;
      owners.push(owner);
    }
    if (owners.length)
      metadata.ownerReferences = owners;
  }
  return { metadata, annotations };
}
function scrub(value, parentKey = "") {
  if (typeof value !== "object" || value === null)
    return value;
  if (Array.isArray(value)) {
    let copy2;
    for (let i2 = 0; i2 < value.length; i2++) {
      const item = value[i2];
      let scrubbed = scrub(item, "");
      if (parentKey === "env" && isJson(item) && typeof item.name === "string" && "value" in item) {
        if (SECRET_NAME.test(item.name))
          scrubbed = { ...scrubbed, value: REDACTED };
      }
      if (scrubbed !== item && !copy2)
        copy2 = value.slice(0, i2);
      copy2?.push(scrubbed);
    }
    return copy2 ?? value;
  }
  const record = value;
  if (Object.getPrototypeOf(record) !== Object.prototype)
    return scrubRecord(record, Object.keys(record), parentKey);
  let copy;
  let i = 0;
  for (const k in record) {
    const v = record[k];
    const dropped = parentKey === "terminated" && k === "message";
    const scrubbed = dropped ? void 0 : scrub(v, k);
    if ((dropped || scrubbed !== v) && !copy) {
      copy = {};
      let j = 0;
      for (const before in record) {
        if (j++ === i)
          break;
        copy[before] = record[before];
      }
    }
    if (copy && !dropped)
      copy[k] = scrubbed;
    i++;
  }
  return copy ?? value;
}
function scrubRecord(record, keys, parentKey) {
  let copy;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = record[k];
    const dropped = parentKey === "terminated" && k === "message";
    const scrubbed = dropped ? void 0 : scrub(v, k);
    if ((dropped || scrubbed !== v) && !copy) {
      copy = {};
      for (let j = 0; j < i; j++)
        copy[keys[j]] = record[keys[j]];
    }
    if (copy && !dropped)
      copy[k] = scrubbed;
  }
  return copy ?? record;
}
function base(type, apiVersion, raw) {
  const { metadata, annotations } = metadataOf(raw);
  const applied = appliedApiVersion(annotations);
  const item = { apiVersion, kind: type.kind, name: str(metadata.name) ?? "" };
  if (type.namespaced && typeof metadata.namespace === "string")
    item.namespace = metadata.namespace;
  if (applied)
    item.appliedApiVersion = applied;
  item.object = { apiVersion, kind: type.kind, metadata };
  return item;
}
function liveObject(type, apiVersion, raw) {
  const item = base(type, apiVersion, raw);
  for (const field of ["spec", "status"]) {
    if (raw[field] !== void 0)
      item.object[field] = scrub(raw[field], field);
  }
  if (type.kind === "ServiceAccount") {
    for (const field of ["secrets", "imagePullSecrets", "automountServiceAccountToken"])
      if (raw[field] !== void 0)
        item.object[field] = scrub(raw[field], field);
  }
  return item;
}
function liveSecret(type, apiVersion, raw) {
  const item = base(type, apiVersion, raw);
  const secretType = str(raw.type) ?? "Opaque";
  item.object.type = secretType;
  if (typeof raw.immutable === "boolean")
    item.object.immutable = raw.immutable;
  const keys = [];
  const data = isJson(raw.data) ? raw.data : {};
  for (const key of Object.keys(data).sort()) {
    const encoded = data[key];
    const decoded = typeof encoded === "string" ? decodeBase64(encoded) : void 0;
    const verdict = decoded === void 0 ? { class: "invalid-base64" } : classifySecretValue(key, decoded);
    keys.push({
      key,
      class: verdict.class,
      ..."publicValue" in verdict && verdict.publicValue !== void 0 ? { publicValue: verdict.publicValue } : {},
      ..."url" in verdict && verdict.url !== void 0 ? { url: verdict.url } : {}
    });
  }
  return { ...item, secretType, keys };
}
function liveConfigMap(type, apiVersion, raw) {
  const item = base(type, apiVersion, raw);
  return {
    ...item,
    keys: isJson(raw.data) ? Object.keys(raw.data).sort() : [],
    binaryKeys: isJson(raw.binaryData) ? Object.keys(raw.binaryData).sort() : []
  };
}
function liveClaim(type, apiVersion, raw, usedBy) {
  return { ...liveObject(type, apiVersion, raw), usedBy };
}
function liveExternalSecret(type, apiVersion, raw) {
  const item = liveObject(type, apiVersion, raw);
  const spec = item.object.spec;
  const target = isJson(spec) && isJson(spec.target) ? spec.target : void 0;
  const template = target && isJson(target.template) ? target.template : void 0;
  if (template && isJson(template.data)) {
    template.data = Object.fromEntries(Object.keys(template.data).map((k) => [k, REDACTED]));
  }
  return item;
}
function liveSecretStore(kind, raw) {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const spec = isJson(raw.spec) ? raw.spec : {};
  const provider = isJson(spec.provider) ? spec.provider : {};
  const name = Object.keys(provider)[0];
  const gcpsm = isJson(provider.gcpsm) ? provider.gcpsm : void 0;
  const ready = readyCondition(raw.status);
  return {
    kind,
    name: str(m.name) ?? "",
    ...kind === "SecretStore" && typeof m.namespace === "string" ? { namespace: m.namespace } : {},
    ...name ? { provider: name } : {},
    ...gcpsm && typeof gcpsm.projectID === "string" ? { projectID: gcpsm.projectID } : {},
    ...ready !== void 0 ? { ready } : {}
  };
}
function liveNode(raw) {
  const m = isJson(raw.metadata) ? raw.metadata : {};
  const spec = isJson(raw.spec) ? raw.spec : {};
  const status = isJson(raw.status) ? raw.status : {};
  const info = isJson(status.nodeInfo) ? status.nodeInfo : {};
  const labels = stringMap(m.labels);
  const architecture = str(info.architecture) || labels["kubernetes.io/arch"];
  const operatingSystem = str(info.operatingSystem) || labels["kubernetes.io/os"];
  const ready = readyCondition(status);
  const taints = Array.isArray(spec.taints) ? spec.taints.filter(isJson).map((t) => ({
    key: str(t.key) ?? "",
    ...typeof t.value === "string" ? { value: t.value } : {},
    effect: str(t.effect) ?? ""
  })) : [];
  return {
    name: str(m.name) ?? "",
    labels,
    ...architecture ? { architecture } : {},
    ...operatingSystem ? { operatingSystem } : {},
    ...str(info.kubeletVersion) ? { kubeletVersion: str(info.kubeletVersion) } : {},
    ...str(info.osImage) ? { osImage: str(info.osImage) } : {},
    ...str(info.containerRuntimeVersion) ? { containerRuntimeVersion: str(info.containerRuntimeVersion) } : {},
    taints,
    ...ready !== void 0 ? { ready } : {},
    ...typeof spec.unschedulable === "boolean" ? { unschedulable: spec.unschedulable } : {}
  };
}
function readyCondition(status) {
  if (!isJson(status) || !Array.isArray(status.conditions))
    return void 0;
  const c = status.conditions.find((x) => isJson(x) && x.type === "Ready");
  return isJson(c) ? c.status === "True" : void 0;
}
function claimUsers(pods) {
  const out = /* @__PURE__ */ new Map();
  for (const pod of pods) {
    const m = isJson(pod.metadata) ? pod.metadata : {};
    const spec = isJson(pod.spec) ? pod.spec : {};
    const status = isJson(pod.status) ? pod.status : {};
    const ns = str(m.namespace) ?? "";
    const name = str(m.name) ?? "";
    const phase = str(status.phase);
    for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
      const claim = isJson(v) && isJson(v.persistentVolumeClaim) ? str(v.persistentVolumeClaim.claimName) : void 0;
      if (!claim)
        continue;
      const key = `${ns}/${claim}`;
      out.set(key, [...out.get(key) ?? [], { pod: name, ...phase ? { phase } : {} }]);
    }
  }
  return out;
}

// packages/collectors/dist/k8s/collect.js
var NONE_FINISHED = /* @__PURE__ */ new Set();
async function collectK8s(ctx, options = {}) {
  const config = ctx.config ?? {};
  const started = Date.now();
  let conn;
  try {
    conn = connect({
      root: ctx.root,
      ...ctx.overrides.kubeconfig ?? config.kubeconfig ? { kubeconfig: ctx.overrides.kubeconfig ?? config.kubeconfig } : {},
      ...ctx.overrides.k8sContext ?? config.context ? { context: ctx.overrides.k8sContext ?? config.context } : {},
      ...options.env ? { env: options.env } : {},
      ...options.home ? { home: options.home } : {},
      ...options.serviceAccountToken ? { serviceAccountToken: options.serviceAccountToken } : {}
    });
  } catch (e) {
    if (!(e instanceof ConnectionError))
      throw e;
    const context = ctx.overrides.k8sContext ?? config.context;
    if (config.skipWithoutContext && context)
      return { result: notScanned(skipReason(context)), finished: NONE_FINISHED };
    return {
      result: failed({ subject: "Kubernetes credentials", message: e.message, cause: "no-credentials", fix: e.fix }),
      finished: NONE_FINISHED
    };
  }
  ctx.progress(`reading ${conn.server} with ${conn.source}`);
  try {
    return await collectFrom(conn, ctx, options, started);
  } finally {
    closeConnections(conn);
  }
}
async function collectFrom(conn, ctx, options, started) {
  const config = ctx.config ?? {};
  const debug = ctx.log ? (m) => ctx.log?.("debug", m) : void 0;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const policy = {
    retries: config.retries ?? 3,
    timeoutMs: config.timeoutMs ?? 15e3,
    backoffMs: options.backoffMs ?? 250,
    ...debug ? { onRetry: debug } : {},
    signal: abort.signal
  };
  const pageSize = config.pageSize ?? 500;
  const run = limiter(config.concurrency ?? 4, abort.signal);
  const read = makeJsonReader(conn, policy.timeoutMs, debug, abort.signal);
  const discovering = discover(conn, read, policy, run);
  const discovered = discovering.then((d) => "fatal" in d ? void 0 : d.rest);
  discovered.catch(() => void 0);
  const going = discovering.then((d) => !("fatal" in d), () => false);
  const namespaces = config.namespaces ? [...new Set(config.namespaces)].sort() : void 0;
  const scopeOf = (ns) => ns ? `in ${ns}` : "in all namespaces";
  const results = /* @__PURE__ */ new Map();
  const work = new SlicedWork();
  let listed = 0;
  const types = LIST_ORDER.map(async (type) => {
    const entry = { objects: [], problems: [], failedScopes: /* @__PURE__ */ new Set() };
    results.set(type, entry);
    let served;
    if (type.crd) {
      served = await discovered;
      if (!served)
        return;
    }
    const version = servedVersion(type, served);
    if (version === void 0) {
      entry.absent = `${type.kind} (${type.group}/${type.versions.join(" or ")}) is not served by the cluster: ${type.crd?.installedBy ?? "its API"} is not installed`;
      listed++;
      return;
    }
    entry.version = version;
    const itemOf = facetItemOf(type, type.group ? `${type.group}/${version}` : version);
    const detections = /* @__PURE__ */ new Map();
    const scopes = type.namespaced && namespaces ? namespaces : [void 0];
    await Promise.all(scopes.map(async (ns) => {
      try {
        const listed2 = await listAll(
          (limit, cont) => run(() => fetchPage(read, type, version, ns, limit, cont)),
          pageSize,
          policy,
          // Each page's items made while the next page is in flight (the wait is most of a large list):
          // queued, so that the next page's request is sent first, and made in slices between answers.
          (items) => {
            const kept = [];
            for (const raw of items) {
              if (!isJson(raw))
                continue;
              const itemNs = isJson(raw.metadata) ? raw.metadata.namespace : void 0;
              if (!namespaces && typeof itemNs === "string" && isSystemNamespace(itemNs))
                continue;
              const o = { raw, item: void 0, finished: void 0 };
              if (itemOf)
                work.add(() => {
                  o.item = itemOf(raw);
                  o.finished = finishedItem(o.item, detections);
                });
              kept.push(o);
            }
            return kept;
          }
        );
        for (const o of listed2)
          entry.objects.push(o);
      } catch (e) {
        if (abort.signal.aborted)
          return;
        if (!(e instanceof RequestFailure))
          throw e;
        entry.failedScopes.add(ns ?? "*");
        entry.problems.push(problemOf(e, type, ns, scopeOf(ns)));
      }
    }));
    if (!await going)
      return;
    listed++;
    ctx.progress(`${type.resource} ${entry.objects.length} listed${entry.problems.length ? `, ${entry.problems.length} denied or failed` : ""} (${listed}/${K8S_RESOURCE_TYPES.length} types)`);
  });
  const listing = Promise.all(types);
  listing.catch(() => void 0);
  ctx.requestsSent?.();
  let discovery;
  try {
    const answer = await discovering;
    if ("fatal" in answer)
      return { result: failed(answer.fatal), finished: NONE_FINISHED };
    await listing;
    await work.done();
    discovery = await discovered;
  } finally {
    if (!discovery) {
      abort.abort();
      await Promise.allSettled(types);
      await work.done().catch(() => void 0);
    }
  }
  const facets = {};
  const finished = /* @__PURE__ */ new Set();
  const set = (name, facet) => {
    facets[name] = facet;
  };
  const setFinished = (name, facet, objects2) => {
    const done = finishItemsFacet(name, facet, objects2.map((o) => o.finished));
    finished.add(done);
    set(name, done);
  };
  const readIn = (...failed2) => namespaces ? { namespaces: namespaces.filter((ns) => !failed2.some((f) => f.has(ns))) } : {};
  const typeOf = (resource) => K8S_RESOURCE_TYPES.find((t) => t.resource === resource);
  for (const type of K8S_RESOURCE_TYPES) {
    if (type.facet === "k8s.externalsecrets" || type.facet === "k8s.apis")
      continue;
    const r = results.get(type);
    if (r.absent) {
      set(type.facet, { status: "absent", reason: r.absent });
      continue;
    }
    const apiVersion = type.group ? `${type.group}/${r.version}` : r.version;
    const allFailed = r.failedScopes.size > 0 && r.failedScopes.size === (type.namespaced && namespaces ? namespaces.length : 1);
    if (allFailed) {
      set(type.facet, { status: "error", problems: r.problems });
      continue;
    }
    const sorted = sortObjects(r.objects);
    const scoped = readIn(r.failedScopes);
    switch (type.facet) {
      case "k8s.secrets": {
        const facet = {
          status: "ok",
          data: { ...scoped, items: sorted.map((o) => o.item) },
          problems: r.problems
        };
        setFinished("k8s.secrets", facet, sorted);
        break;
      }
      case "k8s.configmaps": {
        const facet = {
          status: "ok",
          data: { ...scoped, items: sorted.map((o) => o.item) },
          problems: r.problems
        };
        setFinished("k8s.configmaps", facet, sorted);
        break;
      }
      case "k8s.nodes": {
        const facet = {
          status: "ok",
          data: { items: sorted.map((o) => o.item) },
          problems: r.problems
        };
        setFinished("k8s.nodes", facet, sorted);
        break;
      }
      case "k8s.pvcs": {
        const pods = results.get(typeOf("pods"));
        const users = claimUsers(pods.objects.map((o) => o.raw));
        const podsFailed = (ns) => pods.failedScopes.has("*") || pods.failedScopes.has(ns);
        const problems = [...r.problems];
        for (const scope of pods.failedScopes) {
          problems.push({
            subject: `list pods ${scope === "*" ? "in all namespaces" : `in ${scope}`}`,
            message: "needed to tell which pods mount the PersistentVolumeClaims; their claims are not judged",
            cause: "permission-denied",
            fix: grantFix(typeOf("pods"), scope === "*" ? void 0 : scope)
          });
        }
        const items = sorted.map((o) => o.raw).filter((o) => !podsFailed(String(o.metadata?.namespace ?? ""))).map((o) => {
          const m = o.metadata;
          return liveClaim(type, apiVersion, o, users.get(`${m.namespace}/${m.name}`) ?? []);
        });
        if (pods.failedScopes.has("*") || namespaces?.every((ns) => podsFailed(ns)))
          set("k8s.pvcs", { status: "error", problems });
        else
          set("k8s.pvcs", { status: "ok", data: { ...readIn(r.failedScopes, pods.failedScopes), items }, problems });
        break;
      }
      default:
        setFinished(type.facet, {
          status: "ok",
          data: { ...scoped, items: sorted.map((o) => o.item) },
          problems: r.problems
        }, sorted);
    }
  }
  set("k8s.externalsecrets", externalSecretsFacet(results, namespaces));
  set("k8s.apis", discovery.apis);
  const total = [...results.values()].reduce((n, r) => n + r.objects.length, 0);
  const denied = [...results.values()].reduce((n, r) => n + r.problems.length, 0);
  ctx.progress(`${total} objects of ${K8S_FACETS.length - 1} resource types in ${((Date.now() - started) / 1e3).toFixed(1)} s${denied ? `, ${denied} lists failed` : ""}`);
  return { result: { facets, state: { status: "collected" } }, finished };
}
var LIST_ORDER = [
  ...K8S_RESOURCE_TYPES.filter((t) => t.resource === "pods"),
  ...K8S_RESOURCE_TYPES.filter((t) => t.resource !== "pods")
];
var strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
var objects = (value) => Array.isArray(value) ? value.filter(isJson) : [];
var text = (value) => typeof value === "string" && value ? value : void 0;
async function discover(conn, read, policy, run) {
  const problems = [];
  const once = async (subject, call) => {
    try {
      return await withRetries(() => run(call), policy);
    } catch (e) {
      if (!(e instanceof RequestFailure))
        throw e;
      problems.push({
        subject,
        message: `the API server at ${conn.server} ${e.reason === "permission-denied" ? `refused: ${e.message}` : e.message}`,
        cause: e.reason,
        fix: e.reason === "permission-denied" ? `grant "get" on the non-resource URLs /api, /apis and /version (deploy/rbac.yaml)` : e.reason === "unauthenticated" ? `renew the credentials of ${conn.source} (gcloud container clusters get-credentials ...)` : `check that ${conn.server} is reachable from here, or raise layers.k8s.timeoutMs`
      });
      return void 0;
    }
  };
  const core = await once("get /api", () => read("/api", {}));
  const first = problems[0];
  if (!core && first && (first.cause === "unreachable" || first.cause === "timeout" || first.cause === "unauthenticated"))
    return { fatal: { ...first, subject: `Kubernetes API ${conn.server}` } };
  return { rest: discoverGroups(isJson(core) ? core : void 0, problems, once, read) };
}
async function discoverGroups(core, problems, once, read) {
  const [groupList, versionInfo] = await Promise.all([
    once("get /apis", () => read("/apis", {})),
    once("get /version", () => read("/version", {}))
  ]);
  const groups = isJson(groupList) ? groupList : void 0;
  const version = isJson(versionInfo) ? versionInfo : void 0;
  const coreVersions = strings(core?.versions);
  const groupVersions = new Set(coreVersions);
  const preferred = {};
  if (coreVersions[0])
    preferred[""] = coreVersions.includes("v1") ? "v1" : coreVersions[0];
  for (const g of objects(groups?.groups)) {
    for (const v of objects(g.versions)) {
      const groupVersion = text(v.groupVersion);
      if (groupVersion)
        groupVersions.add(groupVersion);
    }
    const name = text(g.name);
    const preferredVersion = isJson(g.preferredVersion) ? text(g.preferredVersion.version) : void 0;
    if (name && preferredVersion)
      preferred[name] = preferredVersion;
  }
  const resources = /* @__PURE__ */ new Map();
  const crdGroupVersions = /* @__PURE__ */ new Set();
  for (const t of K8S_RESOURCE_TYPES) {
    if (!t.crd)
      continue;
    for (const v of t.versions)
      if (groupVersions.has(`${t.group}/${v}`))
        crdGroupVersions.add(`${t.group}/${v}`);
  }
  await Promise.all([...crdGroupVersions].map(async (gv) => {
    const list = await once(`get /apis/${gv}`, () => read(`/apis/${gv}`, {}));
    if (isJson(list))
      resources.set(gv, new Set(objects(list.resources).flatMap((r) => text(r.name) ?? [])));
  }));
  const apis = core || groups ? {
    status: "ok",
    data: {
      ...text(version?.gitVersion) ? {
        serverVersion: {
          gitVersion: text(version?.gitVersion),
          ...text(version?.major) ? { major: text(version?.major) } : {},
          ...text(version?.minor) ? { minor: text(version?.minor) } : {},
          ...text(version?.platform) ? { platform: text(version?.platform) } : {}
        }
      } : {},
      groupVersions: [...groupVersions].sort(),
      preferred
    },
    problems
  } : { status: "error", problems };
  return { apis, ...core && groups ? { served: groupVersions } : {}, resources };
}
function servedVersion(type, d) {
  if (!type.crd || !d?.served)
    return type.versions[0];
  return type.versions.find((v) => d.resources.get(`${type.group}/${v}`)?.has(type.resource));
}
async function fetchPage(read, type, version, namespace, limit, cont) {
  const root = type.group ? `/apis/${type.group}/${version}` : `/api/${version}`;
  const scope = type.namespaced && namespace !== void 0 ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const body = await read(`${root}${scope}/${type.resource}`, {
    limit: String(limit),
    ...cont ? { continue: cont } : {}
  });
  const list = isJson(body) ? body : {};
  const meta = isJson(list.metadata) ? list.metadata : {};
  return {
    items: Array.isArray(list.items) ? list.items : [],
    ...typeof meta.continue === "string" && meta.continue ? { continueToken: meta.continue } : {}
  };
}
function facetItemOf(type, apiVersion) {
  switch (type.facet) {
    case "k8s.secrets":
      return (raw) => liveSecret(type, apiVersion, raw);
    case "k8s.configmaps":
      return (raw) => liveConfigMap(type, apiVersion, raw);
    case "k8s.nodes":
      return liveNode;
    case "k8s.pvcs":
    case "k8s.externalsecrets":
    case "k8s.apis":
      return void 0;
    default:
      return (raw) => liveObject(type, apiVersion, raw);
  }
}
function sortObjects(objects2) {
  const keyed = objects2.map((o) => {
    const m = isJson(o.raw.metadata) ? o.raw.metadata : {};
    return { key: `${String(m.namespace ?? "")}/${String(m.name ?? "")}`, o };
  });
  keyed.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return keyed.map((k) => k.o);
}
function displayName(type) {
  return type.crd ? qualifiedResource(type) : type.resource;
}
function grantFix(type, namespace) {
  const where = namespace ? `in namespace ${namespace} (a Role and RoleBinding there, or the ClusterRole of deploy/rbac.yaml)` : "cluster-wide (the ClusterRole and ClusterRoleBinding of deploy/rbac.yaml)";
  const group = type.group ? ` (API group "${type.group}")` : "";
  return `grant "list" on "${type.resource}"${group} ${where}`;
}
function problemOf(e, type, namespace, scope) {
  const subject = type.namespaced ? `list ${displayName(type)} ${scope}` : `list ${displayName(type)}`;
  switch (e.reason) {
    case "permission-denied":
      return {
        subject,
        message: `the API server refused: ${e.message}`,
        cause: e.reason,
        fix: grantFix(type, namespace)
      };
    case "unauthenticated":
      return {
        subject,
        message: `the credentials were refused: ${e.message}`,
        cause: e.reason,
        fix: "renew the kubeconfig credentials"
      };
    case "not-served":
      return {
        subject,
        message: `the API server does not serve ${type.group || "core"}/${type.versions[0]} ${type.resource}: ${e.message}`,
        cause: e.reason,
        fix: "upgrade the cluster to a Kubernetes version that serves it"
      };
    case "timeout":
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: "raise layers.k8s.timeoutMs or lower layers.k8s.pageSize"
      };
    case "expired-continue":
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: "run the scan again, or raise layers.k8s.pageSize so fewer pages are needed"
      };
    case "too-large":
      return {
        subject,
        message: e.message,
        cause: e.reason,
        fix: "lower layers.k8s.pageSize so each page is smaller, or check what answers for the API server"
      };
    default:
      return { subject, message: e.message, cause: e.reason, fix: "check the API server and run the scan again" };
  }
}
function externalSecretsFacet(results, namespaces) {
  const of = (resource) => {
    const t = K8S_RESOURCE_TYPES.find((x) => x.resource === resource);
    return { type: t, r: results.get(t) };
  };
  const es = of("externalsecrets");
  if (es.r.absent)
    return { status: "absent", reason: es.r.absent };
  const stores = of("secretstores");
  const clusterStores = of("clustersecretstores");
  const apiVersion = `${es.type.group}/${es.r.version}`;
  const scopes = es.type.namespaced && namespaces ? namespaces.length : 1;
  if (es.r.failedScopes.size >= scopes)
    return { status: "error", problems: es.r.problems };
  const items = sortObjects(es.r.objects).map((o) => liveExternalSecret(es.type, apiVersion, o.raw));
  const storeItems = [
    ...sortObjects(stores.r.objects).map((o) => liveSecretStore("SecretStore", o.raw)),
    ...sortObjects(clusterStores.r.objects).map((o) => liveSecretStore("ClusterSecretStore", o.raw))
  ];
  return {
    status: "ok",
    data: {
      apiVersion,
      ...namespaces ? { namespaces: namespaces.filter((ns) => !es.r.failedScopes.has(ns)) } : {},
      items,
      stores: storeItems
    },
    problems: [...es.r.problems, ...stores.r.problems, ...clusterStores.r.problems]
  };
}
export {
  collectK8s
};
