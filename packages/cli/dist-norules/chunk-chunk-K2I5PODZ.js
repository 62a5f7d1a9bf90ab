import {
  AdaptiveLimiter
} from "./chunk-chunk-DHXULYEG.js";

// packages/collectors/dist/gcp/context.js
async function call(run, fn) {
  run.calls.started++;
  try {
    return await callWithPolicy(run.limiter, run.settings, fn, (error, delayMs) => run.log("debug", `retrying after ${error.kind}${error.httpStatus ? ` (HTTP ${error.httpStatus})` : ""}, attempt ${error.attempts + 1} in ${Math.round(delayMs)} ms`));
  } finally {
    run.calls.finished++;
  }
}
var FacetBuilder = class {
  problems = [];
  succeeded = 0;
  /** Runs a unit; on failure records the problem and returns undefined. */
  async unit(api, resource, project, fn) {
    try {
      const value = await fn();
      this.succeeded++;
      return value;
    } catch (e) {
      this.fail(api, resource, project, classify(e));
      return void 0;
    }
  }
  fail(api, resource, project, err) {
    const p = problemOf(api, resource, err, project);
    if (!this.problems.some((q) => q.subject === p.subject && q.message === p.message))
      this.problems.push(p);
  }
  /** Records problems another facet's failed call left here (a child list needs its parent's list). */
  inherit(problems) {
    for (const p of problems)
      if (!this.problems.some((q) => q.subject === p.subject))
        this.problems.push(p);
  }
  ok() {
    this.succeeded++;
  }
  build(data) {
    if (this.succeeded === 0 && this.problems.length > 0)
      return { status: "error", problems: this.problems };
    return { status: "ok", data, problems: this.problems };
  }
};
function listAll(run, invoke) {
  return paginate(async (pageToken) => {
    const [items, , raw] = await call(run, () => invoke(pageToken));
    const next = raw?.nextPageToken;
    return { items: items ?? [], next: typeof next === "string" ? next : void 0 };
  });
}
var page = (pageToken) => pageToken ? { pageToken } : {};
var ONE_PAGE = { autoPaginate: false, retry: null };

// packages/collectors/dist/gcp/normalize.js
function obj(v) {
  return v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function arr(v) {
  return Array.isArray(v) ? v : [];
}
function objs(v) {
  return arr(v).map(obj).filter((x) => x !== void 0);
}
function str(v) {
  if (typeof v === "string")
    return v === "" ? void 0 : v;
  const o = obj(v);
  if (o && typeof o.value === "string")
    return o.value === "" ? void 0 : o.value;
  return void 0;
}
function strs(v) {
  return arr(v).filter((x) => typeof x === "string" && x !== "");
}
function enumStr(v) {
  if (typeof v === "number")
    return v === 0 || !Number.isInteger(v) ? void 0 : String(v);
  const s = str(v);
  if (!s || /(^|_)UNSPECIFIED$/.test(s) || s === "UNKNOWN")
    return void 0;
  return s;
}
function bool(v) {
  if (typeof v === "boolean")
    return v;
  const o = obj(v);
  if (o && typeof o.value === "boolean")
    return o.value;
  if (o && !("value" in o))
    return void 0;
  return void 0;
}
function int(v) {
  if (typeof v === "number" && Number.isFinite(v))
    return Math.trunc(v);
  if (typeof v === "string" && /^-?\d+$/.test(v))
    return Number(v);
  const o = obj(v);
  if (o && "value" in o)
    return int(o.value);
  if (o && typeof o.toString === "function" && typeof o.low === "number")
    return Number(String(o));
  return void 0;
}
function time(v) {
  if (typeof v === "string") {
    const t = Date.parse(v);
    return v && !Number.isNaN(t) ? new Date(t).toISOString() : void 0;
  }
  const o = obj(v);
  if (!o)
    return void 0;
  const seconds = int(o.seconds);
  if (seconds === void 0 || seconds === 0)
    return void 0;
  const nanos = int(o.nanos) ?? 0;
  return new Date(seconds * 1e3 + Math.floor(nanos / 1e6)).toISOString();
}
function duration(v) {
  if (typeof v === "string") {
    const m = /^(\d+)(?:\.\d+)?s$/.exec(v);
    return m ? Number(m[1]) : void 0;
  }
  const o = obj(v);
  if (!o)
    return void 0;
  const seconds = int(o.seconds);
  return seconds === void 0 || seconds === 0 ? void 0 : seconds;
}
function labels(v) {
  const o = obj(v);
  if (!o)
    return {};
  const out = {};
  for (const k of Object.keys(o).sort())
    if (typeof o[k] === "string")
      out[k] = o[k];
  return out;
}
function lastSegment(name) {
  return name.split("/").filter(Boolean).pop() ?? name;
}
function compact(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function iamPolicy(v) {
  const bindings = objs(obj(v)?.bindings).map((b) => {
    const condition2 = obj(b.condition);
    const expression = str(condition2?.expression);
    return compact({
      role: str(b.role) ?? "",
      members: strs(b.members).sort(),
      condition: expression ? compact({ expression, title: str(condition2?.title) }) : void 0
    });
  }).filter((b) => b.role !== "").sort((a, b) => a.role < b.role ? -1 : a.role > b.role ? 1 : 0);
  return { bindings };
}

// packages/collectors/dist/gcp/services/redis.js
var REDIS_API_CALLS = {
  "redis.instances.list": {
    service: "redis",
    method: "projects.locations.instances.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/-/instances",
    via: "client",
    permission: "redis.instances.list",
    role: "roles/redis.viewer",
    facets: ["gcp.redis"]
  }
};
function redisInstance(project, i) {
  const name = str(i.name) ?? "";
  const location = /\/locations\/([^/]+)\//.exec(name)?.[1] ?? str(i.locationId) ?? "";
  const persistence = obj(i.persistenceConfig);
  return compact({
    project,
    location,
    name: lastSegment(name),
    displayName: str(i.displayName),
    tier: enumStr(i.tier),
    redisVersion: str(i.redisVersion),
    state: enumStr(i.state),
    host: str(i.host),
    port: int(i.port) || void 0,
    // A proto3 bool: absent means false (AUTH off).
    authEnabled: bool(i.authEnabled) ?? false,
    transitEncryptionMode: enumStr(i.transitEncryptionMode),
    connectMode: enumStr(i.connectMode),
    persistenceConfig: persistence ? compact({
      persistenceMode: enumStr(persistence.persistenceMode),
      rdbSnapshotPeriod: enumStr(persistence.rdbSnapshotPeriod)
    }) : void 0,
    labels: labels(i.labels)
  });
}
async function collectRedis(run) {
  const { CloudRedisClient } = await import("../../../node_modules/.pnpm/@google-cloud+redis@5.3.0/node_modules/@google-cloud/redis/build/src/index.js");
  const client = new CloudRedisClient(run.transport.gapic("redis"));
  const facet = new FacetBuilder();
  const read = [];
  const instances = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const parent = `projects/${project}/locations/-`;
    const listed = await facet.unit("redis.instances.list", parent, project, () => listAll(run, (token) => client.listInstances({ parent, pageSize: 500, ...page(token) }, ONE_PAGE)));
    if (!listed)
      return;
    read.push(`projects/${project}`);
    instances.push(...listed.map((i) => redisInstance(project, i)).filter((i) => i.name !== ""));
  }));
  await client.close();
  instances.sort((a, b) => `${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1);
  return { "gcp.redis": facet.build({ read: read.sort(), instances }) };
}

// packages/collectors/dist/gcp/services/kms.js
var KMS_API_CALLS = {
  "cloudkms.keyRings.list": {
    service: "cloudkms",
    method: "keyRings.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/keyRings",
    via: "client",
    permission: "cloudkms.keyRings.list",
    role: "roles/cloudkms.viewer",
    facets: ["gcp.kms"]
  },
  "cloudkms.cryptoKeys.list": {
    service: "cloudkms",
    method: "cryptoKeys.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys",
    via: "client",
    permission: "cloudkms.cryptoKeys.list",
    role: "roles/cloudkms.viewer",
    facets: ["gcp.kms"]
  },
  "cloudkms.cryptoKeyVersions.list": {
    service: "cloudkms",
    method: "cryptoKeyVersions.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}/cryptoKeyVersions",
    via: "client",
    permission: "cloudkms.cryptoKeyVersions.list",
    role: "roles/cloudkms.viewer",
    facets: ["gcp.kms"]
  },
  "cloudkms.cryptoKeys.getIamPolicy": {
    service: "cloudkms",
    method: "cryptoKeys.getIamPolicy",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}:getIamPolicy",
    query: ["options.requestedPolicyVersion"],
    via: "rest",
    permission: "cloudkms.cryptoKeys.getIamPolicy",
    role: "roles/iam.securityReviewer",
    facets: ["gcp.kms-iam"]
  },
  "cloudkms.keyRings.getIamPolicy": {
    service: "cloudkms",
    method: "keyRings.getIamPolicy",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/keyRings/{keyRing}:getIamPolicy",
    query: ["options.requestedPolicyVersion"],
    via: "rest",
    permission: "cloudkms.keyRings.getIamPolicy",
    role: "roles/iam.securityReviewer",
    facets: ["gcp.kms-iam"]
  }
};
function kmsKey(k) {
  const template = obj(k.versionTemplate);
  const primary = obj(k.primary);
  const primaryName = str(primary?.name);
  return compact({
    name: lastSegment(str(k.name) ?? ""),
    purpose: enumStr(k.purpose),
    algorithm: enumStr(template?.algorithm) ?? enumStr(primary?.algorithm),
    protectionLevel: enumStr(template?.protectionLevel) ?? enumStr(primary?.protectionLevel),
    rotationPeriodSeconds: duration(k.rotationPeriod),
    labels: labels(k.labels),
    primary: primaryName ? compact({ name: lastSegment(primaryName), state: enumStr(primary?.state) }) : void 0
  });
}
async function collectKms(run) {
  const { KeyManagementServiceClient } = await import("../../../node_modules/.pnpm/@google-cloud+kms@5.7.0/node_modules/@google-cloud/kms/build/src/index.js");
  const client = new KeyManagementServiceClient(run.transport.gapic("cloudkms"));
  const facet = new FacetBuilder();
  const iamFacet = new FacetBuilder();
  const read = [];
  const keyRings = [];
  const policies = [];
  const { kms } = run.expectations;
  await Promise.all(run.settings.projects.flatMap((project) => [
    ...run.settings.kmsLocations.map(async (location) => {
      const parent = `projects/${project}/locations/${location}`;
      const rings = await facet.unit("cloudkms.keyRings.list", parent, project, () => listAll(run, (token) => client.listKeyRings({ parent, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
      if (!rings)
        return;
      let complete = true;
      const found = await Promise.all(rings.map(async (ring) => {
        const ringName = str(ring.name) ?? "";
        const keys = await facet.unit("cloudkms.cryptoKeys.list", ringName, project, () => listAll(run, (token) => client.listCryptoKeys({ parent: ringName, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
        if (!keys) {
          complete = false;
          return void 0;
        }
        const normalised = await Promise.all(keys.map(async (raw) => {
          const key = kmsKey(raw);
          if (key.primary)
            return key;
          const keyName = str(raw.name) ?? "";
          const versions = await facet.unit("cloudkms.cryptoKeyVersions.list", keyName, project, () => listAll(run, (token) => client.listCryptoKeyVersions({ parent: keyName, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
          if (!versions) {
            complete = false;
            return key;
          }
          return {
            ...key,
            versions: versions.map((v) => compact({
              name: lastSegment(str(v.name) ?? ""),
              state: enumStr(v.state),
              algorithm: enumStr(v.algorithm)
            }))
          };
        }));
        return {
          project,
          location,
          name: lastSegment(ringName),
          keys: normalised.sort((a, b) => a.name < b.name ? -1 : 1)
        };
      }));
      keyRings.push(...found.filter((r) => r !== void 0));
      if (complete)
        read.push(parent);
    }),
    (async () => {
      const resource = `projects/${project}/locations/${kms.location}/keyRings/${kms.keyRing}/cryptoKeys/${kms.key}`;
      const ids = { project, location: kms.location, keyRing: kms.keyRing, key: kms.key };
      try {
        const policy = await call(run, () => run.transport.call("cloudkms.cryptoKeys.getIamPolicy", ids, { "options.requestedPolicyVersion": 3 }));
        const ring = { project, location: kms.location, keyRing: kms.keyRing };
        let ringPolicy;
        try {
          ringPolicy = await call(run, () => run.transport.call("cloudkms.keyRings.getIamPolicy", ring, { "options.requestedPolicyVersion": 3 }));
        } catch (e) {
          iamFacet.fail("cloudkms.keyRings.getIamPolicy", `projects/${project}/locations/${kms.location}/keyRings/${kms.keyRing}`, project, classify(e));
          return;
        }
        policies.push({ ...ids, exists: true, policy: iamPolicy(policy), keyRingPolicy: iamPolicy(ringPolicy) });
        iamFacet.ok();
      } catch (e) {
        const err = classify(e);
        if (err.kind === "not-found") {
          policies.push({ ...ids, exists: false });
          iamFacet.ok();
        } else
          iamFacet.fail("cloudkms.cryptoKeys.getIamPolicy", resource, project, err);
      }
    })()
  ]));
  await client.close();
  keyRings.sort((a, b) => `${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1);
  return {
    "gcp.kms": facet.build({ read: read.sort(), keyRings }),
    "gcp.kms-iam": iamFacet.build({ keys: policies.sort((a, b) => a.project < b.project ? -1 : 1) })
  };
}

// packages/collectors/dist/gcp/services/secretmanager.js
var SECRET_MANAGER_API_CALLS = {
  "secretmanager.secrets.list": {
    service: "secretmanager",
    method: "secrets.list",
    http: "GET",
    path: "/v1/projects/{project}/secrets",
    via: "client",
    permission: "secretmanager.secrets.list",
    role: "roles/secretmanager.viewer",
    facets: ["gcp.secretmanager"]
  }
};
function secret(project, s) {
  const replication = obj(s.replication);
  const kind = obj(replication?.automatic) ? "automatic" : obj(replication?.userManaged) ? "user-managed" : replication?.replication === "automatic" ? "automatic" : replication?.replication === "userManaged" ? "user-managed" : void 0;
  return compact({
    project,
    name: lastSegment(str(s.name) ?? ""),
    createTime: time(s.createTime),
    labels: labels(s.labels),
    replication: kind,
    rotationPeriodSeconds: duration(obj(s.rotation)?.rotationPeriod)
  });
}
async function collectSecretManager(run) {
  const { SecretManagerServiceClient } = await import("../../../node_modules/.pnpm/@google-cloud+secret-manager@6.3.0/node_modules/@google-cloud/secret-manager/build/src/index.js");
  const client = new SecretManagerServiceClient(run.transport.gapic("secretmanager"));
  const facet = new FacetBuilder();
  const read = [];
  const secrets = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const parent = `projects/${project}`;
    const listed = await facet.unit("secretmanager.secrets.list", parent, project, () => listAll(run, (token) => client.listSecrets({ parent, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
    if (!listed)
      return;
    read.push(parent);
    secrets.push(...listed.map((s) => secret(project, s)).filter((s) => s.name !== ""));
  }));
  await client.close();
  secrets.sort((a, b) => `${a.project}/${a.name}` < `${b.project}/${b.name}` ? -1 : 1);
  return { "gcp.secretmanager": facet.build({ read: read.sort(), secrets }) };
}

// packages/collectors/dist/gcp/services/artifactregistry.js
var ARTIFACT_REGISTRY_API_CALLS = {
  "artifactregistry.repositories.list": {
    service: "artifactregistry",
    method: "repositories.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/repositories",
    via: "client",
    permission: "artifactregistry.repositories.list",
    role: "roles/artifactregistry.reader",
    facets: ["gcp.artifactregistry"]
  },
  "artifactregistry.repositories.getIamPolicy": {
    service: "artifactregistry",
    method: "repositories.getIamPolicy",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/repositories/{repository}:getIamPolicy",
    via: "client",
    permission: "artifactregistry.repositories.getIamPolicy",
    role: "roles/iam.securityReviewer",
    facets: ["gcp.artifactregistry-iam"]
  },
  "artifactregistry.dockerImages.list": {
    service: "artifactregistry",
    method: "dockerImages.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/{location}/repositories/{repository}/dockerImages",
    via: "client",
    permission: "artifactregistry.dockerimages.list",
    role: "roles/artifactregistry.reader",
    facets: ["gcp.artifactregistry-images"]
  }
};
var GCR_DOMAINS = /* @__PURE__ */ new Set(["gcr.io", "us.gcr.io", "eu.gcr.io", "asia.gcr.io"]);
function repository(project, location, r) {
  const name = lastSegment(str(r.name) ?? "");
  return compact({
    project,
    location,
    name,
    format: enumStr(r.format),
    mode: enumStr(r.mode),
    description: str(r.description),
    labels: labels(r.labels),
    immutableTags: bool(obj(r.dockerConfig)?.immutableTags),
    gcrDomain: GCR_DOMAINS.has(name)
  });
}
function dockerImage(i) {
  const last = lastSegment(str(i.name) ?? "");
  const at = last.lastIndexOf("@");
  const image = decodeURIComponent(at >= 0 ? last.slice(0, at) : last);
  return compact({
    image,
    digest: at >= 0 ? last.slice(at + 1) : "",
    uri: str(i.uri),
    tags: strs(i.tags).sort(),
    mediaType: str(i.mediaType),
    uploadTime: time(i.uploadTime)
  });
}
async function collectArtifactRegistry(run) {
  const { ArtifactRegistryClient } = await import("../../../node_modules/.pnpm/@google-cloud+artifact-registry@4.7.1/node_modules/@google-cloud/artifact-registry/build/src/index.js");
  const client = new ArtifactRegistryClient(run.transport.gapic("artifactregistry"));
  const reposFacet = new FacetBuilder();
  const iamFacet = new FacetBuilder();
  const imagesFacet = new FacetBuilder();
  const read = [];
  const repositories = [];
  const policies = [];
  const images = [];
  const { registry } = run.expectations;
  await Promise.all(run.settings.projects.flatMap((project) => {
    const expected = `projects/${project}/locations/${registry.location}/repositories/${registry.repository}`;
    const ids = { project, location: registry.location, repository: registry.repository };
    return [
      ...run.settings.registryLocations.map(async (location) => {
        const parent = `projects/${project}/locations/${location}`;
        const listed = await reposFacet.unit("artifactregistry.repositories.list", parent, project, () => listAll(run, (token) => client.listRepositories({ parent, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
        if (!listed)
          return;
        read.push(parent);
        repositories.push(...listed.map((r) => repository(project, location, r)).filter((r) => r.name !== ""));
      }),
      (async () => {
        try {
          const [policy] = await call(run, () => client.getIamPolicy({ resource: expected, options: { requestedPolicyVersion: 3 } }, { retry: null }));
          policies.push({ ...ids, exists: true, policy: iamPolicy(policy) });
          iamFacet.ok();
        } catch (e) {
          const err = classify(e);
          if (err.kind !== "not-found")
            return iamFacet.fail("artifactregistry.repositories.getIamPolicy", expected, project, err);
          policies.push({ ...ids, exists: false });
          iamFacet.ok();
        }
      })(),
      (async () => {
        try {
          const listed = await listAll(run, (token) => client.listDockerImages({ parent: expected, pageSize: 1e3, ...page(token) }, ONE_PAGE));
          images.push({ ...ids, exists: true, images: listed.map((i) => dockerImage(i)) });
          imagesFacet.ok();
        } catch (e) {
          const err = classify(e);
          if (err.kind !== "not-found")
            return imagesFacet.fail("artifactregistry.dockerImages.list", expected, project, err);
          images.push({ ...ids, exists: false, images: [] });
          imagesFacet.ok();
        }
      })()
    ];
  }));
  await client.close();
  const key = (r) => `${r.project}/${r.location}/${r.name ?? r.repository}`;
  const sorter = (a, b) => key(a) < key(b) ? -1 : 1;
  for (const r of images)
    r.images.sort((a, b) => `${a.image}@${a.digest}` < `${b.image}@${b.digest}` ? -1 : 1);
  return {
    "gcp.artifactregistry": reposFacet.build({
      read: read.sort(),
      repositories: repositories.sort(sorter)
    }),
    "gcp.artifactregistry-iam": iamFacet.build({ repositories: policies.sort(sorter) }),
    "gcp.artifactregistry-images": imagesFacet.build({
      repositories: images.sort(sorter)
    })
  };
}

// packages/collectors/dist/gcp/services/serviceusage.js
var SERVICE_USAGE_API_CALLS = {
  "serviceusage.services.list": {
    service: "serviceusage",
    method: "services.list",
    http: "GET",
    path: "/v1/projects/{project}/services",
    query: ["filter"],
    via: "client",
    permission: "serviceusage.services.list",
    role: "roles/serviceusage.serviceUsageViewer",
    facets: ["gcp.services"]
  }
};
async function collectServiceUsage(run) {
  const { ServiceUsageClient } = await import("../../../node_modules/.pnpm/@google-cloud+service-usage@4.2.2/node_modules/@google-cloud/service-usage/build/src/index.js");
  const client = new ServiceUsageClient(run.transport.gapic("serviceusage"));
  const facet = new FacetBuilder();
  const projects = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const parent = `projects/${project}`;
    const listed = await facet.unit("serviceusage.services.list", parent, project, () => listAll(run, (token) => client.listServices({ parent, filter: "state:ENABLED", pageSize: 200, ...page(token) }, ONE_PAGE)));
    if (!listed)
      return;
    let projectNumber;
    const enabled = /* @__PURE__ */ new Set();
    for (const s of listed) {
      const state = enumStr(s.state);
      if (state && state !== "ENABLED")
        continue;
      const name = str(s.name) ?? "";
      const service = str(obj(s.config)?.name) ?? name.split("/services/")[1];
      if (service)
        enabled.add(service);
      projectNumber ??= /^projects\/(\d+)\//.exec(name)?.[1];
    }
    projects.push({ project, ...projectNumber ? { projectNumber } : {}, enabled: [...enabled].sort() });
  }));
  await client.close();
  return {
    "gcp.services": facet.build({
      projects: projects.sort((a, b) => a.project < b.project ? -1 : 1)
    })
  };
}

// packages/collectors/dist/gcp/services/gke.js
var GKE_API_CALLS = {
  "container.clusters.list": {
    service: "container",
    method: "projects.locations.clusters.list",
    http: "GET",
    path: "/v1/projects/{project}/locations/-/clusters",
    via: "client",
    permission: "container.clusters.list",
    role: "roles/container.clusterViewer",
    facets: ["gcp.gke"]
  }
};
function gkeCluster(project, c) {
  const encryption = obj(c.databaseEncryption);
  const logging = obj(obj(c.loggingConfig)?.componentConfig);
  const monitoring = obj(c.monitoringConfig);
  const monitoringComponents = obj(monitoring?.componentConfig);
  return compact({
    project,
    location: str(c.location) ?? str(c.zone) ?? "",
    name: str(c.name) ?? "",
    status: enumStr(c.status),
    currentMasterVersion: str(c.currentMasterVersion),
    releaseChannel: enumStr(obj(c.releaseChannel)?.channel),
    resourceLabels: labels(c.resourceLabels),
    workloadPool: str(obj(c.workloadIdentityConfig)?.workloadPool),
    databaseEncryption: encryption ? compact({
      state: enumStr(encryption.state),
      currentState: enumStr(encryption.currentState),
      keyName: str(encryption.keyName)
    }) : void 0,
    loggingService: str(c.loggingService),
    loggingComponents: logging ? strs(logging.enableComponents) : void 0,
    monitoringService: str(c.monitoringService),
    monitoringComponents: monitoringComponents ? strs(monitoringComponents.enableComponents) : void 0,
    managedPrometheus: bool(obj(monitoring?.managedPrometheusConfig)?.enabled),
    nodePools: objs(c.nodePools).map((p) => {
      const config = obj(p.config);
      return compact({
        name: str(p.name) ?? "",
        status: enumStr(p.status),
        version: str(p.version),
        machineType: str(config?.machineType),
        imageType: str(config?.imageType),
        serviceAccount: str(config?.serviceAccount),
        workloadMetadataMode: enumStr(obj(config?.workloadMetadataConfig)?.mode)
      });
    })
  });
}
async function collectGke(run) {
  const { ClusterManagerClient } = await import("../../../node_modules/.pnpm/@google-cloud+container@6.10.0/node_modules/@google-cloud/container/build/src/index.js");
  const client = new ClusterManagerClient(run.transport.gapic("container"));
  const facet = new FacetBuilder();
  const read = [];
  const clusters = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const parent = `projects/${project}/locations/-`;
    const res = await facet.unit("container.clusters.list", parent, project, async () => {
      const [r] = await call(run, () => client.listClusters({ parent }, { retry: null }));
      return r;
    });
    if (!res)
      return;
    const missing = strs(res.missingZones);
    if (missing.length > 0)
      facet.problems.push({
        subject: `container.googleapis.com projects.locations.clusters.list ${parent}`,
        message: `the cluster list of ${parent} is incomplete: zones ${missing.join(", ")} did not answer.`,
        cause: "unavailable",
        fix: "retry later."
      });
    else
      read.push(`projects/${project}`);
    clusters.push(...objs(res.clusters).map((c) => gkeCluster(project, c)).filter((c) => c.name !== ""));
  }));
  await client.close();
  clusters.sort((a, b) => `${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1);
  return { "gcp.gke": facet.build({ read: read.sort(), clusters }) };
}

// packages/collectors/dist/gcp/services/monitoring.js
var MONITORING_API_CALLS = {
  "monitoring.alertPolicies.list": {
    service: "monitoring",
    method: "alertPolicies.list",
    http: "GET",
    path: "/v3/projects/{project}/alertPolicies",
    via: "client",
    permission: "monitoring.alertPolicies.list",
    role: "roles/monitoring.viewer",
    facets: ["gcp.monitoring"]
  },
  "monitoring.uptimeCheckConfigs.list": {
    service: "monitoring",
    method: "uptimeCheckConfigs.list",
    http: "GET",
    path: "/v3/projects/{project}/uptimeCheckConfigs",
    via: "client",
    permission: "monitoring.uptimeCheckConfigs.list",
    role: "roles/monitoring.viewer",
    facets: ["gcp.monitoring-uptime"]
  }
};
function condition(c) {
  const kinds = [
    ["threshold", "conditionThreshold", "filter"],
    ["absent", "conditionAbsent", "filter"],
    ["matched-log", "conditionMatchedLog", "filter"],
    ["mql", "conditionMonitoringQueryLanguage", "query"],
    ["promql", "conditionPrometheusQueryLanguage", "query"]
  ];
  for (const [kind, field, queryField] of kinds) {
    const body = obj(c[field]);
    if (!body)
      continue;
    const aggregations = [...objs(body.aggregations), ...objs(body.denominatorAggregations)].flatMap((a) => [enumStr(a.perSeriesAligner), enumStr(a.crossSeriesReducer)].filter((x) => x !== void 0));
    return compact({
      displayName: str(c.displayName),
      kind,
      query: str(body[queryField]),
      aggregations: aggregations.length > 0 ? [...new Set(aggregations)] : void 0
    });
  }
  return compact({ displayName: str(c.displayName), kind: "other" });
}
function alertPolicy(project, p) {
  return compact({
    project,
    name: str(p.name) ?? "",
    displayName: str(p.displayName),
    enabled: bool(p.enabled),
    conditions: objs(p.conditions).map(condition),
    notificationChannels: strs(p.notificationChannels).sort()
  });
}
function uptimeCheck(project, u) {
  const http = obj(u.httpCheck);
  const resource = obj(obj(u.monitoredResource)?.labels);
  return compact({
    project,
    name: str(u.name) ?? "",
    displayName: str(u.displayName),
    host: str(resource?.host),
    path: str(http?.path),
    useSsl: bool(http?.useSsl),
    periodSeconds: duration(u.period) ?? int(u.period)
  });
}
async function collectMonitoring(run) {
  const { AlertPolicyServiceClient, UptimeCheckServiceClient } = await import("../../../node_modules/.pnpm/@google-cloud+monitoring@5.4.0/node_modules/@google-cloud/monitoring/build/src/index.js");
  const options = run.transport.gapic("monitoring");
  const alerts = new AlertPolicyServiceClient(options);
  const uptime = new UptimeCheckServiceClient(options);
  const alertFacet = new FacetBuilder();
  const uptimeFacet = new FacetBuilder();
  const alertRead = [];
  const uptimeRead = [];
  const policies = [];
  const checks = [];
  await Promise.all(run.settings.projects.flatMap((project) => {
    const name = `projects/${project}`;
    return [
      (async () => {
        const listed = await alertFacet.unit("monitoring.alertPolicies.list", name, project, () => listAll(run, (token) => alerts.listAlertPolicies({ name, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
        if (!listed)
          return;
        alertRead.push(name);
        policies.push(...listed.map((p) => alertPolicy(project, p)));
      })(),
      (async () => {
        const listed = await uptimeFacet.unit("monitoring.uptimeCheckConfigs.list", name, project, () => listAll(run, (token) => uptime.listUptimeCheckConfigs({ parent: name, pageSize: 1e3, ...page(token) }, ONE_PAGE)));
        if (!listed)
          return;
        uptimeRead.push(name);
        checks.push(...listed.map((u) => uptimeCheck(project, u)));
      })()
    ];
  }));
  await Promise.all([alerts.close(), uptime.close()]);
  const byName2 = (a, b) => a.name < b.name ? -1 : 1;
  return {
    "gcp.monitoring": alertFacet.build({
      read: alertRead.sort(),
      alertPolicies: policies.sort(byName2)
    }),
    "gcp.monitoring-uptime": uptimeFacet.build({
      read: uptimeRead.sort(),
      uptimeChecks: checks.sort(byName2)
    })
  };
}

// packages/collectors/dist/gcp/services/compute.js
var COMPUTE_API_CALLS = {
  "compute.sslCertificates.list": {
    service: "compute",
    method: "sslCertificates.list",
    http: "GET",
    path: "/compute/v1/projects/{project}/global/sslCertificates",
    via: "rest",
    permission: "compute.sslCertificates.list",
    role: "roles/compute.viewer",
    facets: ["gcp.compute-ssl"]
  },
  "compute.securityPolicies.list": {
    service: "compute",
    method: "securityPolicies.list",
    http: "GET",
    path: "/compute/v1/projects/{project}/global/securityPolicies",
    via: "rest",
    permission: "compute.securityPolicies.list",
    role: "roles/compute.viewer",
    facets: ["gcp.compute-armor"]
  },
  "compute.backendServices.list": {
    service: "compute",
    method: "backendServices.list",
    http: "GET",
    path: "/compute/v1/projects/{project}/global/backendServices",
    via: "rest",
    permission: "compute.backendServices.list",
    role: "roles/compute.viewer",
    facets: ["gcp.compute-armor"]
  }
};
function listCompute(run, id, project) {
  return paginate(async (pageToken) => {
    const body = obj(await call(run, () => run.transport.call(id, { project }, { maxResults: 500, pageToken })));
    return { items: objs(body?.items), next: str(body?.nextPageToken) };
  });
}
function sslCertificate(project, c) {
  const managed = obj(c.managed);
  const domainStatus = {};
  const ds = obj(managed?.domainStatus);
  for (const d of Object.keys(ds ?? {}).sort()) {
    const v = enumStr(ds?.[d]);
    if (v)
      domainStatus[d] = v;
  }
  return compact({
    project,
    name: str(c.name) ?? "",
    type: enumStr(c.type),
    managedStatus: enumStr(managed?.status),
    domains: strs(managed?.domains).sort(),
    domainStatus,
    subjectAlternativeNames: strs(c.subjectAlternativeNames).sort(),
    expireTime: time(c.expireTime)
  });
}
function securityPolicy(project, p) {
  const adaptive = obj(obj(p.adaptiveProtectionConfig)?.layer7DdosDefenseConfig);
  return compact({
    project,
    name: str(p.name) ?? "",
    type: enumStr(p.type),
    ruleCount: objs(p.rules).length,
    adaptiveProtection: bool(adaptive?.enable)
  });
}
function backendService(project, b) {
  const policy = str(b.securityPolicy);
  return compact({
    project,
    name: str(b.name) ?? "",
    loadBalancingScheme: enumStr(b.loadBalancingScheme),
    protocol: enumStr(b.protocol),
    securityPolicy: policy ? lastSegment(policy) : void 0
  });
}
async function collectCompute(run) {
  const sslFacet = new FacetBuilder();
  const armorFacet = new FacetBuilder();
  const sslRead = [];
  const armorRead = [];
  const certificates = [];
  const policies = [];
  const backends = [];
  await Promise.all(run.settings.projects.flatMap((project) => {
    const scope = `projects/${project}/global`;
    return [
      (async () => {
        const listed = await sslFacet.unit("compute.sslCertificates.list", `${scope}/sslCertificates`, project, () => listCompute(run, "compute.sslCertificates.list", project));
        if (!listed)
          return;
        sslRead.push(`projects/${project}`);
        certificates.push(...listed.map((c) => sslCertificate(project, c)));
      })(),
      (async () => {
        const [ps, bs] = await Promise.all([
          armorFacet.unit("compute.securityPolicies.list", `${scope}/securityPolicies`, project, () => listCompute(run, "compute.securityPolicies.list", project)),
          armorFacet.unit("compute.backendServices.list", `${scope}/backendServices`, project, () => listCompute(run, "compute.backendServices.list", project))
        ]);
        if (ps)
          policies.push(...ps.map((p) => securityPolicy(project, p)));
        if (bs)
          backends.push(...bs.map((b) => backendService(project, b)));
        if (ps && bs)
          armorRead.push(`projects/${project}`);
      })()
    ];
  }));
  const byName2 = (a, b) => `${a.project}/${a.name}` < `${b.project}/${b.name}` ? -1 : 1;
  return {
    "gcp.compute-ssl": sslFacet.build({
      read: sslRead.sort(),
      certificates: certificates.sort(byName2)
    }),
    "gcp.compute-armor": armorFacet.build({
      read: armorRead.sort(),
      securityPolicies: policies.sort(byName2),
      backendServices: backends.sort(byName2)
    })
  };
}

// packages/collectors/dist/gcp/services/resourcemanager.js
var RESOURCE_MANAGER_API_CALLS = {
  "cloudresourcemanager.projects.get": {
    service: "cloudresourcemanager",
    method: "projects.get",
    http: "GET",
    path: "/v3/projects/{project}",
    via: "client",
    permission: "resourcemanager.projects.get",
    role: "roles/browser",
    facets: ["gcp.iam"]
  },
  "cloudresourcemanager.projects.getIamPolicy": {
    service: "cloudresourcemanager",
    method: "projects.getIamPolicy",
    http: "POST",
    path: "/v3/projects/{project}:getIamPolicy",
    via: "client",
    permission: "resourcemanager.projects.getIamPolicy",
    role: "roles/iam.securityReviewer",
    facets: ["gcp.iam"]
  }
};
async function collectResourceManager(run) {
  const { ProjectsClient } = await import("../../../node_modules/.pnpm/@google-cloud+resource-manager@6.3.0/node_modules/@google-cloud/resource-manager/build/src/index.js");
  const client = new ProjectsClient(run.transport.gapic("cloudresourcemanager"));
  const facet = new FacetBuilder();
  const projects = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const name = `projects/${project}`;
    const [info, policy] = await Promise.all([
      facet.unit("cloudresourcemanager.projects.get", name, project, async () => {
        const [p] = await call(run, () => client.getProject({ name }, { retry: null }));
        return p;
      }),
      facet.unit("cloudresourcemanager.projects.getIamPolicy", name, project, async () => {
        const [p] = await call(run, () => client.getIamPolicy({ resource: name, options: { requestedPolicyVersion: 3 } }, { retry: null }));
        return iamPolicy(p);
      })
    ]);
    if (!policy)
      return;
    const projectNumber = /^projects\/(\d+)$/.exec(str(info?.name) ?? "")?.[1];
    projects.push({ project, ...projectNumber ? { projectNumber } : {}, policy });
  }));
  await client.close();
  return { "gcp.iam": facet.build({ projects: projects.sort((a, b) => a.project < b.project ? -1 : 1) }) };
}

// packages/collectors/dist/gcp/services/iam.js
var IAM_API_CALLS = {
  "iam.serviceAccounts.getIamPolicy": {
    service: "iam",
    method: "projects.serviceAccounts.getIamPolicy",
    http: "POST",
    path: "/v1/projects/{project}/serviceAccounts/{email}:getIamPolicy",
    query: ["options.requestedPolicyVersion"],
    via: "rest",
    permission: "iam.serviceAccounts.getIamPolicy",
    role: "roles/iam.securityReviewer",
    facets: ["gcp.iam-service-accounts"]
  }
};
function backendServiceAccount(run, project) {
  const signer = /^serviceAccount:(.+)$/.exec(run.expectations.kms.signer)?.[1];
  if (signer && project === run.expectations.project)
    return signer;
  return `${run.expectations.app.serviceAccount}@${project}.iam.gserviceaccount.com`;
}
async function collectIam(run) {
  const facet = new FacetBuilder();
  const accounts = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const email = backendServiceAccount(run, project);
    const resource = `projects/${project}/serviceAccounts/${email}`;
    try {
      const body = await call(run, () => run.transport.call("iam.serviceAccounts.getIamPolicy", { project, email }, { "options.requestedPolicyVersion": 3 }));
      accounts.push({ project, email, exists: true, policy: iamPolicy(body) });
      facet.ok();
    } catch (e) {
      const err = classify(e);
      if (err.kind !== "not-found")
        return facet.fail("iam.serviceAccounts.getIamPolicy", resource, project, err);
      accounts.push({ project, email, exists: false });
      facet.ok();
    }
  }));
  return {
    "gcp.iam-service-accounts": facet.build({
      serviceAccounts: accounts.sort((a, b) => a.project < b.project ? -1 : 1)
    })
  };
}

// packages/collectors/dist/gcp/services/identity.js
var IDENTITY_API_CALLS = {
  "identitytoolkit.projects.getConfig": {
    service: "identitytoolkit",
    method: "projects.getConfig",
    http: "GET",
    path: "/v2/projects/{project}/config",
    via: "rest",
    permission: "firebaseauth.configs.get",
    role: "roles/firebaseauth.viewer",
    facets: ["gcp.identity"]
  },
  "identitytoolkit.defaultSupportedIdpConfigs.list": {
    service: "identitytoolkit",
    method: "projects.defaultSupportedIdpConfigs.list",
    http: "GET",
    path: "/v2/projects/{project}/defaultSupportedIdpConfigs",
    via: "rest",
    permission: "firebaseauth.configs.get",
    role: "roles/firebaseauth.viewer",
    facets: ["gcp.identity"]
  }
};
function identityConfig(project, c, idps) {
  const signIn = obj(c?.signIn);
  return {
    project,
    exists: c !== void 0,
    ...compact({ subtype: enumStr(c?.subtype), mfaState: enumStr(obj(c?.mfa)?.state) }),
    signIn: compact({
      email: bool(obj(signIn?.email)?.enabled),
      emailPasswordRequired: bool(obj(signIn?.email)?.passwordRequired),
      phoneNumber: bool(obj(signIn?.phoneNumber)?.enabled),
      anonymous: bool(obj(signIn?.anonymous)?.enabled)
    }),
    authorizedDomains: strs(c?.authorizedDomains).sort(),
    idpConfigs: idps.map((i) => compact({
      idp: lastSegment(str(i.name) ?? ""),
      enabled: bool(i.enabled),
      clientIdSet: Boolean(str(i.clientId))
    })).filter((i) => i.idp !== "").sort((a, b) => a.idp < b.idp ? -1 : 1)
  };
}
async function collectIdentity(run) {
  const facet = new FacetBuilder();
  const projects = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    let config;
    try {
      config = obj(await call(run, () => run.transport.call("identitytoolkit.projects.getConfig", { project })));
    } catch (e) {
      const err = classify(e);
      if (err.kind === "service-disabled") {
        projects.push({ ...identityConfig(project, void 0, []), apiEnabled: false });
        return;
      }
      if (err.kind !== "not-found")
        return facet.fail("identitytoolkit.projects.getConfig", `projects/${project}/config`, project, err);
    }
    const idps = await facet.unit("identitytoolkit.defaultSupportedIdpConfigs.list", `projects/${project}/defaultSupportedIdpConfigs`, project, () => config === void 0 ? Promise.resolve([]) : paginate(async (pageToken) => {
      const body = obj(await call(run, () => run.transport.call("identitytoolkit.defaultSupportedIdpConfigs.list", { project }, { pageSize: 100, pageToken })));
      return { items: objs(body?.defaultSupportedIdpConfigs), next: str(body?.nextPageToken) };
    }));
    if (idps)
      projects.push(identityConfig(project, config, idps));
  }));
  return {
    "gcp.identity": facet.build({
      projects: projects.sort((a, b) => a.project < b.project ? -1 : 1)
    })
  };
}

// packages/collectors/dist/gcp/api-calls.js
var table;
function gcpApiCalls() {
  table ??= {
    ...SQL_API_CALLS,
    ...REDIS_API_CALLS,
    ...KMS_API_CALLS,
    ...SECRET_MANAGER_API_CALLS,
    ...ARTIFACT_REGISTRY_API_CALLS,
    ...SERVICE_USAGE_API_CALLS,
    ...GKE_API_CALLS,
    ...MONITORING_API_CALLS,
    ...COMPUTE_API_CALLS,
    ...RESOURCE_MANAGER_API_CALLS,
    ...IAM_API_CALLS,
    ...IDENTITY_API_CALLS
  };
  return table;
}
var GCP_DOCTOR_CALLS = {
  "cloudresourcemanager.projects.testIamPermissions": {
    service: "cloudresourcemanager",
    method: "projects.testIamPermissions",
    http: "POST",
    path: "/v3/projects/{project}:testIamPermissions",
    via: "rest",
    permission: "(none: it only asks which permissions the caller holds)",
    role: "(none)",
    facets: []
  }
};
function facetsOfService(service) {
  const out = /* @__PURE__ */ new Set();
  for (const c of Object.values(gcpApiCalls()))
    if (c.service === service)
      for (const f of c.facets)
        out.add(f);
  return [...out];
}

// packages/collectors/dist/gcp/call.js
var RETRYABLE = /* @__PURE__ */ new Set(["rate-limited", "unavailable", "timeout"]);
var GcpCallError = class extends Error {
  kind;
  detail;
  httpStatus;
  status;
  retryAfterMs;
  name = "GcpCallError";
  attempts = 1;
  constructor(kind, detail, httpStatus, status, retryAfterMs2) {
    super(detail);
    this.kind = kind;
    this.detail = detail;
    this.httpStatus = httpStatus;
    this.status = status;
    this.retryAfterMs = retryAfterMs2;
  }
};
var GOOGLE_OWNED_CONSUMERS = ["projects/764086051850", "projects/32555940559"];
var GRPC_TO_HTTP = { 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };
function shorten(s, max = 300) {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}\u2026` : one;
}
function retryAfterMs(headers, now) {
  let value;
  const h = headers;
  if (h && typeof h.get === "function")
    value = h.get("retry-after") ?? void 0;
  else if (h && typeof h === "object") {
    const v = h["retry-after"];
    if (typeof v === "string")
      value = v;
  }
  if (!value)
    return void 0;
  if (/^\d+(\.\d+)?$/.test(value.trim()))
    return Math.round(Number(value) * 1e3);
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function contentType(headers) {
  const h = headers;
  if (h && typeof h.get === "function")
    return h.get("content-type") ?? "";
  const v = h?.["content-type"];
  return typeof v === "string" ? v : "";
}
function errorBody(e) {
  const response = obj(e.response);
  const candidates = [response?.data, e.message];
  for (const c of candidates) {
    let parsed = c;
    if (typeof c === "string" && c.trim().startsWith("{")) {
      try {
        parsed = JSON.parse(c);
      } catch {
        continue;
      }
    }
    const body = obj(obj(parsed)?.error);
    if (body)
      return body;
  }
  return void 0;
}
function classify(err, now = Date.now()) {
  if (err instanceof GcpCallError)
    return err;
  const e = obj(err) ?? { message: String(err) };
  const name = String(e.name ?? "");
  const message = typeof e.message === "string" ? e.message : String(err);
  const cause = obj(e.cause);
  const aborted = ["AbortError", "TimeoutError"];
  if (aborted.includes(name) || aborted.includes(String(cause?.name)) || e.code === "ABORT_ERR" || /operation was aborted|timed out/i.test(message))
    return new GcpCallError("timeout", "no answer before the timeout");
  if (name === "SyntaxError" || cause && cause.name === "SyntaxError")
    return new GcpCallError("malformed", `the response is not valid JSON (${shorten(message, 120)})`);
  const body = errorBody(e);
  const bodyCode = typeof body?.code === "number" ? body.code : void 0;
  let http = typeof e.status === "number" ? e.status : typeof e.code === "number" && e.code >= 100 ? e.code : bodyCode;
  if (http === void 0 && typeof e.code === "number")
    http = GRPC_TO_HTTP[e.code];
  const status = str(body?.status);
  const headers = obj(e.response)?.headers;
  if (!body && http !== void 0 && typeof e.status === "number") {
    const type = contentType(headers) || "no content type";
    const what = `HTTP ${http} answered with ${type}, not the API's JSON error`;
    if (http >= 500 || http === 429)
      return new GcpCallError(http === 429 ? "rate-limited" : "unavailable", what, http);
    return new GcpCallError("unexpected-answer", http === 404 ? `${what}: no API serves this verb and path (Google's front end answers so)` : what, http);
  }
  const detail = shorten(str(body?.message) ?? message);
  if (http === void 0) {
    const code = String(e.code ?? cause?.code ?? (/\bENOTFOUND\b/.test(message) ? "ENOTFOUND" : ""));
    if (/ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|UND_ERR|ENETUNREACH|EHOSTUNREACH/.test(code) || /socket hang up|fetch failed|network|terminated/i.test(message))
      return new GcpCallError("unavailable", `connection failed (${code || shorten(message, 120)})`);
    if (/default credentials|Could not refresh access token|invalid_grant/i.test(message))
      return new GcpCallError("credentials", shorten(message));
    return new GcpCallError("other", shorten(message));
  }
  const reasons = [...objs(body?.details).map((d) => str(d.reason)), ...objs(body?.errors).map((d) => str(d.reason))];
  if (http === 403 && (reasons.includes("SERVICE_DISABLED") || /has not been used in project|is disabled/i.test(detail))) {
    const consumers = objs(body?.details).map((d) => str(obj(d.metadata)?.consumer));
    const owned = GOOGLE_OWNED_CONSUMERS.find((c) => consumers.includes(c) || new RegExp(`project ${c.split("/")[1]}\\b`).test(detail));
    if (owned)
      return new GcpCallError("quota-project", detail, http, status);
    return new GcpCallError("service-disabled", detail, http, status);
  }
  if (http === 403)
    return new GcpCallError("permission-denied", detail, http, status);
  if (http === 404 && (status === "NOT_FOUND" || status === void 0 && bodyCode === 404 || !body && e.code === 5))
    return new GcpCallError("not-found", detail, http, status);
  if (http === 404)
    return new GcpCallError("unexpected-answer", `HTTP 404 ${status ?? ""}: ${detail}`, http, status);
  if (http === 401)
    return new GcpCallError("unauthenticated", detail, http, status);
  if (http === 429)
    return new GcpCallError("rate-limited", detail, http, status, retryAfterMs(headers, now));
  if (http >= 500)
    return new GcpCallError("unavailable", detail, http, status, retryAfterMs(headers, now));
  if (http === 400)
    return new GcpCallError("invalid-request", detail, http, status);
  return new GcpCallError("other", detail, http, status);
}
var Limiter = class extends AdaptiveLimiter {
  constructor(size) {
    super(size, (e) => classify(e).kind === "rate-limited" ? {} : void 0);
  }
};
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function callWithPolicy(limiter, policy, fn, onRetry) {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    let error;
    try {
      return await limiter.run(() => withBackstop(fn(), policy.timeoutMs + 2e3));
    } catch (e) {
      error = classify(e);
    }
    error.attempts = attempt + 1;
    if (!RETRYABLE.has(error.kind) || attempt >= policy.retries)
      throw error;
    const backoff = Math.min(200 * 2 ** attempt, 1e4);
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    const delay = Math.max(error.retryAfterMs ?? 0, jittered);
    if (waited + delay > policy.retryBudgetMs)
      throw error;
    onRetry?.(error, delay);
    await sleep(delay);
    waited += delay;
  }
}
function withBackstop(p, ms) {
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new GcpCallError("timeout", "no answer before the timeout")), ms);
    timer.unref?.();
  });
  p.catch(() => {
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}
async function paginate(fetchPage, maxPages = 1e3) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  let token;
  for (let page2 = 0; page2 < maxPages; page2++) {
    const { items, next } = await fetchPage(token);
    out.push(...items);
    if (!next)
      return out;
    if (seen.has(next))
      throw new GcpCallError("pagination", `the API returned the page token "${shorten(next, 40)}" twice; the listing was stopped instead of looping`);
    seen.add(next);
    token = next;
  }
  throw new GcpCallError("pagination", `more than ${maxPages} pages; the listing was stopped`);
}
function problemOf(api, resource, err, project) {
  const call2 = gcpApiCalls()[api];
  const host = `${call2.service}.googleapis.com`;
  const what = `${host} ${call2.method} on ${resource}`;
  const tries = err.attempts > 1 ? ` after ${err.attempts} attempts` : "";
  const http = err.httpStatus ? `HTTP ${err.httpStatus}${err.status ? ` ${err.status}` : ""}` : "";
  const grant = `grant ${call2.permission} to the identity the scan runs as (for example ${call2.role})`;
  const byKind = {
    "permission-denied": { message: `${what} was denied (${http}): ${err.detail}`, fix: grant },
    "service-disabled": {
      message: `${what} failed: the ${host} API is not enabled in project ${project} (${http}: ${err.detail})`,
      fix: `enable it with \`gcloud services enable ${host} --project=${project}\`, or leave "${call2.service}" out of layers.gcp.services`
    },
    "quota-project": {
      message: `${what} failed: the call was billed to a Google-owned project, not yours, because the credentials carry no quota project (${http}: ${err.detail})`,
      fix: `set layers.gcp.quotaProject (or GOOGLE_CLOUD_QUOTA_PROJECT) to ${project}, or run \`gcloud auth application-default set-quota-project ${project}\`; enabling the API does not help`
    },
    "unexpected-answer": {
      message: `${what} got an answer that is not the API's: ${err.detail}; nothing is concluded about ${resource}`,
      fix: "check the endpoint and any proxy between the scanner and Google; if it persists, report it"
    },
    "not-found": {
      message: `${what} answered 404 NOT_FOUND (${err.detail}): the project or location does not exist, or the endpoint does not serve this API`,
      fix: "check layers.gcp.projects and layers.gcp.locations (and the endpoint, when one is set)"
    },
    unauthenticated: {
      message: `${what} was refused as unauthenticated (${http}): ${err.detail}`,
      fix: "refresh the credentials: `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS"
    },
    "rate-limited": {
      message: `${what} was still rate-limited${tries} (${http}): ${err.detail}`,
      fix: "lower layers.gcp.concurrency, raise layers.gcp.retryBudgetMs, or ask for more quota"
    },
    unavailable: {
      message: `${what} failed${tries}${http ? ` (${http})` : ""}: ${err.detail}`,
      fix: "retry later; if it persists, check the endpoint and the API status page"
    },
    timeout: {
      message: `${what} did not answer in time${tries}`,
      fix: "raise layers.gcp.timeoutMs or retry later"
    },
    malformed: {
      message: `${what} returned an unreadable answer: ${err.detail}`,
      fix: "retry; if it persists, report it"
    },
    "invalid-request": {
      message: `${what} was rejected (${http}): ${err.detail}`,
      fix: "check layers.gcp (projects, locations)"
    },
    pagination: {
      message: `${what}: ${err.detail}`,
      fix: "retry later; if it persists, report it to Google Cloud support"
    },
    credentials: {
      message: `${what} was not attempted: no Application Default Credentials (${err.detail})`,
      fix: "run `gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS, run on a workload with a service account, or set CODITECT_AUDIT_GCP_ENDPOINT to read recordings"
    },
    other: { message: `${what} failed${http ? ` (${http})` : ""}: ${err.detail}`, fix: grant }
  };
  const { message, fix } = byKind[err.kind];
  const sentence = (t) => `${t.replace(/[.\s]+$/, "")}.`;
  return {
    subject: `${host} ${call2.method} ${resource}`,
    message: sentence(message),
    cause: err.kind,
    fix: sentence(fix)
  };
}

// packages/collectors/dist/gcp/services/sql.js
var SQL_API_CALLS = {
  "sqladmin.instances.list": {
    service: "sqladmin",
    method: "instances.list",
    http: "GET",
    path: "/v1/projects/{project}/instances",
    via: "client",
    permission: "cloudsql.instances.list",
    role: "roles/cloudsql.viewer",
    facets: ["gcp.sql"]
  },
  "sqladmin.databases.list": {
    service: "sqladmin",
    method: "databases.list",
    http: "GET",
    path: "/v1/projects/{project}/instances/{instance}/databases",
    via: "client",
    permission: "cloudsql.databases.list",
    role: "roles/cloudsql.viewer",
    facets: ["gcp.sql-databases"]
  },
  "sqladmin.users.list": {
    service: "sqladmin",
    method: "users.list",
    http: "GET",
    path: "/v1/projects/{project}/instances/{instance}/users",
    via: "client",
    permission: "cloudsql.users.list",
    role: "roles/cloudsql.viewer",
    facets: ["gcp.sql-users"]
  },
  "sqladmin.backupRuns.list": {
    service: "sqladmin",
    method: "backupRuns.list",
    http: "GET",
    path: "/v1/projects/{project}/instances/{instance}/backupRuns",
    via: "client",
    permission: "cloudsql.backupRuns.list",
    role: "roles/cloudsql.viewer",
    facets: ["gcp.sql-backup-runs"]
  }
};
var BACKUP_RUNS_KEPT = 25;
function sqlInstance(project, i) {
  const settings = obj(i.settings) ?? {};
  const ip = obj(settings.ipConfiguration) ?? {};
  const backup = obj(settings.backupConfiguration) ?? {};
  const retention = obj(backup.backupRetentionSettings);
  return compact({
    project,
    name: str(i.name) ?? "",
    region: str(i.region),
    databaseVersion: enumStr(i.databaseVersion),
    state: enumStr(i.state),
    instanceType: enumStr(i.instanceType),
    masterInstanceName: str(i.masterInstanceName),
    ipAddresses: objs(i.ipAddresses).map((a) => compact({ type: enumStr(a.type), ipAddress: str(a.ipAddress) ?? "" })).filter((a) => a.ipAddress !== ""),
    settings: compact({
      tier: str(settings.tier),
      edition: enumStr(settings.edition),
      availabilityType: enumStr(settings.availabilityType),
      activationPolicy: enumStr(settings.activationPolicy),
      deletionProtectionEnabled: bool(settings.deletionProtectionEnabled),
      userLabels: labels(settings.userLabels),
      ipConfiguration: compact({
        ipv4Enabled: bool(ip.ipv4Enabled),
        privateNetwork: str(ip.privateNetwork),
        requireSsl: bool(ip.requireSsl),
        sslMode: enumStr(ip.sslMode),
        authorizedNetworks: objs(ip.authorizedNetworks).map((n) => compact({ name: str(n.name), value: str(n.value) ?? "" })).filter((n) => n.value !== "")
      }),
      backupConfiguration: compact({
        enabled: bool(backup.enabled),
        startTime: str(backup.startTime),
        pointInTimeRecoveryEnabled: bool(backup.pointInTimeRecoveryEnabled),
        binaryLogEnabled: bool(backup.binaryLogEnabled),
        transactionLogRetentionDays: int(backup.transactionLogRetentionDays),
        retainedBackups: int(retention?.retainedBackups)
      })
    }),
    createTime: time(i.createTime)
  });
}
function sqlUser(u) {
  const roles = (Array.isArray(u.databaseRoles) ? u.databaseRoles : []).filter((r) => typeof r === "string");
  return compact({
    name: str(u.name) ?? "",
    // BUILT_IN is the enum's zero value: Google omits it.
    type: enumStr(u.type) ?? "BUILT_IN",
    host: str(u.host),
    // An empty list is what the client fills in for "not reported": only a non-empty list says something.
    databaseRoles: roles.length > 0 ? roles : void 0
  });
}
function backupRun(r) {
  return compact({
    id: str(r.id) ?? String(int(r.id) ?? ""),
    status: enumStr(r.status),
    type: enumStr(r.type),
    enqueuedTime: time(r.enqueuedTime),
    startTime: time(r.startTime),
    endTime: time(r.endTime),
    windowStartTime: time(r.windowStartTime)
  });
}
var byName = (a, b) => `${a.project}/${a.name ?? a.instance}` < `${b.project}/${b.name ?? b.instance}` ? -1 : 1;
var perInstanceRead = (r) => r;
var namedItems = (res, normalise) => objs(res.items).map(normalise).filter((item) => item.name !== "");
var PER_INSTANCE_READS = [
  perInstanceRead({
    facet: "gcp.sql-databases",
    field: "databases",
    method: "sqladmin.databases.list",
    client: (sql, options) => new sql.v1.SqlDatabasesServiceClient(options),
    async read(run, client, req) {
      const [res] = await call(run, () => client.list(req));
      return namedItems(res, (d) => ({ name: str(d.name) ?? "" }));
    }
  }),
  perInstanceRead({
    facet: "gcp.sql-users",
    field: "users",
    method: "sqladmin.users.list",
    client: (sql, options) => new sql.v1.SqlUsersServiceClient(options),
    async read(run, client, req) {
      const [res] = await call(run, () => client.list(req));
      return namedItems(res, sqlUser);
    }
  }),
  perInstanceRead({
    facet: "gcp.sql-backup-runs",
    field: "runs",
    method: "sqladmin.backupRuns.list",
    client: (sql, options) => new sql.v1.SqlBackupRunsServiceClient(options),
    async read(run, client, req) {
      const kept = [];
      await paginate(async (pageToken) => {
        if (kept.length >= BACKUP_RUNS_KEPT)
          return { items: [], next: void 0 };
        const [res] = await call(run, () => client.list({ ...req, maxResults: BACKUP_RUNS_KEPT, ...pageToken ? { pageToken } : {} }));
        kept.push(...objs(res.items).map(backupRun));
        return { items: [], next: str(res.nextPageToken) };
      });
      return kept.slice(0, BACKUP_RUNS_KEPT);
    }
  })
];
async function collectSql(run) {
  const sql = await import("../../../node_modules/.pnpm/@google-cloud+sql@0.25.0/node_modules/@google-cloud/sql/build/src/index.js");
  const options = run.transport.gapic("sqladmin");
  const instancesClient = new sql.v1.SqlInstancesServiceClient(options);
  const children = PER_INSTANCE_READS.map((spec) => ({
    spec,
    client: spec.client(sql, options),
    facet: new FacetBuilder(),
    read: [],
    instances: []
  }));
  const instancesFacet = new FacetBuilder();
  const instances = [];
  const read = [];
  await Promise.all(run.settings.projects.map(async (project) => {
    const scope = `projects/${project}`;
    const listed = await instancesFacet.unit("sqladmin.instances.list", scope, project, () => paginate(async (pageToken) => {
      const [res] = await call(run, () => instancesClient.list({ project, maxResults: 500, ...pageToken ? { pageToken } : {} }));
      return { items: objs(res.items), next: str(res.nextPageToken) };
    }));
    if (!listed) {
      for (const child of children)
        child.facet.inherit(instancesFacet.problems);
      return;
    }
    read.push(scope);
    const mine = listed.map((i) => sqlInstance(project, i)).filter((i) => i.name !== "");
    instances.push(...mine);
    await Promise.all(mine.flatMap((inst) => {
      const name = `projects/${project}/instances/${inst.name}`;
      const req = { project, instance: inst.name };
      return children.map(async (child) => {
        const items = await child.facet.unit(child.spec.method, name, project, () => child.spec.read(run, child.client, req));
        if (!items)
          return;
        child.instances.push({ project, instance: inst.name, [child.spec.field]: items });
        child.read.push(name);
      });
    }));
    if (mine.length === 0)
      for (const child of children)
        child.facet.ok();
  }));
  await Promise.all([instancesClient, ...children.map((c) => c.client)].map((c) => c.close()));
  const results = {
    "gcp.sql": instancesFacet.build({ read: read.sort(), instances: instances.sort(byName) })
  };
  for (const child of children) {
    const data = {
      read: child.read.sort(),
      instances: child.instances.sort(byName)
    };
    Object.assign(results, { [child.spec.facet]: child.facet.build(data) });
  }
  return results;
}

export {
  obj,
  objs,
  str,
  GcpCallError,
  classify,
  Limiter,
  callWithPolicy,
  paginate,
  problemOf,
  SQL_API_CALLS,
  sqlInstance,
  collectSql,
  REDIS_API_CALLS,
  redisInstance,
  collectRedis,
  KMS_API_CALLS,
  kmsKey,
  collectKms,
  SECRET_MANAGER_API_CALLS,
  secret,
  collectSecretManager,
  ARTIFACT_REGISTRY_API_CALLS,
  repository,
  dockerImage,
  collectArtifactRegistry,
  SERVICE_USAGE_API_CALLS,
  collectServiceUsage,
  GKE_API_CALLS,
  gkeCluster,
  collectGke,
  MONITORING_API_CALLS,
  alertPolicy,
  uptimeCheck,
  collectMonitoring,
  COMPUTE_API_CALLS,
  sslCertificate,
  securityPolicy,
  backendService,
  collectCompute,
  RESOURCE_MANAGER_API_CALLS,
  collectResourceManager,
  IAM_API_CALLS,
  backendServiceAccount,
  collectIam,
  IDENTITY_API_CALLS,
  identityConfig,
  collectIdentity,
  gcpApiCalls,
  GCP_DOCTOR_CALLS,
  facetsOfService
};
