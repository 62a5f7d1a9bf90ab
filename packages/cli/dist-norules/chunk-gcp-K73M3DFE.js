import {
  ENDPOINT_ENV,
  GcpSettingsError,
  GcpTransport,
  resolveSettings
} from "./chunk-chunk-YV7YQZBZ.js";
import {
  finishCollected
} from "./chunk-chunk-D7DUI4O6.js";
import {
  GCP_SERVICES
} from "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import {
  GCP_DOCTOR_CALLS,
  GcpCallError,
  Limiter,
  callWithPolicy,
  classify,
  facetsOfService,
  gcpApiCalls,
  paginate,
  problemOf
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/gcp/projects.js
var PROJECT_LISTING_CALLS = [
  {
    method: "projects.list",
    http: "GET",
    path: "/v3/projects?parent={folders/N|organizations/N}",
    permission: "resourcemanager.projects.list",
    role: "roles/browser"
  },
  {
    method: "folders.list",
    http: "GET",
    path: "/v3/folders?parent={folders/N|organizations/N}",
    permission: "resourcemanager.folders.list",
    role: "roles/browser"
  }
];
var PROJECT_QUERY = /^(folders|organizations)\/\d+$/;
var ProjectListingError = class extends Error {
  fix;
  name = "ProjectListingError";
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
};
async function expandProjects(settings, transport, limiter, onCall = () => {
}) {
  const found = new Set(settings.projects);
  if (settings.projectQueries.length === 0)
    return [...found].sort();
  const { ProjectsClient, FoldersClient } = await import("../../../node_modules/.pnpm/@google-cloud+resource-manager@6.3.0/node_modules/@google-cloud/resource-manager/build/src/index.js");
  const options = transport.gapic("cloudresourcemanager");
  const projects = new ProjectsClient(options);
  const folders = new FoldersClient(options);
  const one = { autoPaginate: false, retry: null };
  const list = async (what, parent, invoke) => {
    try {
      return await paginate(async (pageToken) => {
        onCall();
        const [items, , raw] = await callWithPolicy(limiter, settings, () => invoke(pageToken));
        return { items: items ?? [], next: raw?.nextPageToken || void 0 };
      });
    } catch (e) {
      const err = classify(e);
      const call = PROJECT_LISTING_CALLS.find((c) => c.method === what);
      throw new ProjectListingError(`cloudresourcemanager.googleapis.com ${what} under ${parent} failed (${err.kind}${err.httpStatus ? `, HTTP ${err.httpStatus}` : ""}): ${err.detail}`, `grant ${call.permission} on ${parent} to the identity the scan runs as (for example ${call.role}), or list the project ids in layers.gcp.projects`);
    }
  };
  const walk = async (parent) => {
    const [inside, subfolders] = await Promise.all([
      list("projects.list", parent, (pageToken) => projects.listProjects({ parent, pageSize: 500, ...pageToken ? { pageToken } : {} }, one)),
      list("folders.list", parent, (pageToken) => folders.listFolders({ parent, pageSize: 500, ...pageToken ? { pageToken } : {} }, one))
    ]);
    for (const p of inside) {
      const state = p.state;
      if (state !== void 0 && state !== "ACTIVE" && state !== 1)
        continue;
      if (typeof p.projectId === "string" && p.projectId)
        found.add(p.projectId);
    }
    await Promise.all(subfolders.filter((f) => f.state === void 0 || f.state === "ACTIVE" || f.state === 1).map((f) => String(f.name)).filter((name) => PROJECT_QUERY.test(name)).map(walk));
  };
  try {
    for (const parent of settings.projectQueries)
      await walk(parent);
  } finally {
    await Promise.all([projects.close(), folders.close()]);
  }
  return [...found].sort();
}

// packages/collectors/dist/gcp/permissions-doc.js
var calls = () => Object.values(gcpApiCalls());
function callsOf(facets) {
  return calls().filter((c) => c.facets.some((f) => facets.includes(f)));
}
var code = (s) => `\`${s}\``;
var via = (c) => c.via === "client" ? "official client" : "REST (google-auth-library)";
var uniqueSorted = (xs) => [...new Set(xs)].sort();
function renderGcpPermissions(rules) {
  const gcpRules = rules.flatMap((r) => {
    if (!r.sources)
      return r.layer === "gcp" ? [{ id: r.id, facets: r.facets }] : [];
    const facets = [...new Set(r.sources.flatMap((s) => s.facets).filter((f) => f.startsWith("gcp.")))];
    return facets.length ? [{ id: r.id, facets }] : [];
  }).sort((a, b) => a.id < b.id ? -1 : 1);
  const permissions = uniqueSorted(calls().map((c) => c.permission));
  const roles = uniqueSorted(calls().map((c) => c.role));
  const out = [
    "<!-- Generated from packages/collectors/src/gcp/api-calls.ts and the gcp rules by `pnpm docs`. Do not edit by hand. -->",
    "# Google Cloud permissions",
    "",
    "The gcp layer only reads: `list`, `get` and `getIamPolicy` calls, each with the verb, path and query parameters",
    "Google declares for it (checked in the test suite against the bindings of the pinned clients), through the",
    "official client (REST) where the client calls it as declared, else as a REST call through google-auth-library",
    "(the Cloud KMS client sends `getIamPolicy` as a POST that Cloud KMS does not declare: googleapis/gax-nodejs#1462).",
    "It never calls a method that changes anything, never reads a Memorystore AUTH string (`getAuthString`) and never",
    "accesses a Secret Manager version (`accessSecretVersion`). It authenticates with Application Default Credentials",
    `at ${code("https://<service>.<universe domain>")} (${code("layers.gcp.universeDomain")} or ${code("GOOGLE_CLOUD_UNIVERSE_DOMAIN")}, default ${code("googleapis.com")}),`,
    `billing quota to ${code("layers.gcp.quotaProject")} or ${code("GOOGLE_CLOUD_QUOTA_PROJECT")} when set (${code("x-goog-user-project")});`,
    `with ${code(ENDPOINT_ENV)} (or ${code("layers.gcp.endpoint")}) it sends every call to that base URL without credentials.`,
    "",
    "A permission that is missing turns into an `error` verdict for exactly the rules below that need it, naming the",
    "API method, the resource and the permission; it never passes.",
    "",
    "## Minimal role set",
    "",
    `Predefined roles that grant every permission below and nothing that writes (${roles.length} roles):`,
    "",
    ...roles.map((r) => `- ${code(r)}`),
    "",
    "Or one custom role with exactly these permissions:",
    "",
    "```sh",
    `gcloud iam roles create coditectAuditReader --project=PROJECT --title="coditect-audit reader" \\`,
    `  --permissions=${permissions.join(",")}`,
    "gcloud projects add-iam-policy-binding PROJECT --role=projects/PROJECT/roles/coditectAuditReader \\",
    "  --member=serviceAccount:SCANNER@PROJECT.iam.gserviceaccount.com",
    "```",
    "",
    "## Permissions by rule",
    "",
    "| rule | facets | API methods | permissions |",
    "|---|---|---|---|"
  ];
  for (const r of gcpRules) {
    const used = callsOf(r.facets);
    out.push(`| [${r.id}](rules/${r.id}.md) | ${r.facets.map(code).join(", ")} | ${uniqueSorted(used.map((c) => `${c.service}.${c.method}`)).map(code).join(", ")} | ${uniqueSorted(used.map((c) => c.permission)).map(code).join(", ")} |`);
  }
  out.push("", "## API methods", "", "| API method | HTTP | REST path (declared) | query | via | permission | role | facets | rules |", "|---|---|---|---|---|---|---|---|---|");
  for (const c of calls()) {
    const users = gcpRules.filter((r) => r.facets.some((f) => c.facets.includes(f))).map((r) => r.id);
    out.push(`| ${code(`${c.service}.googleapis.com ${c.method}`)} | ${c.http} | ${code(c.path)} | ${(c.query ?? []).map(code).join(", ")} | ${via(c)} | ${code(c.permission)} | ${code(c.role)} | ${c.facets.map(code).join(", ")} | ${users.join(", ") || "(collected for other layers)"} |`);
  }
  for (const c of Object.values(GCP_DOCTOR_CALLS))
    out.push(`| ${code(`${c.service}.googleapis.com ${c.method}`)} | ${c.http} | ${code(c.path)} | | ${via(c)} | ${c.permission} | | | (\`coditect-audit doctor\` only) |`);
  out.push("", "`POST` is used only where Google declares a read as a POST: Resource Manager `getIamPolicy` (options in the", "JSON body), IAM `serviceAccounts.getIamPolicy` (declared without a body: the policy version goes in the query)", "and `testIamPermissions` (doctor). Cloud KMS and Artifact Registry declare `getIamPolicy` as a GET with", "`options.requestedPolicyVersion` in the query. Paging parameters (`pageSize`/`maxResults`, `pageToken`) and the", "clients' `$alt=json;enum-encoding=int` are left out of the query column.");
  return `${out.join("\n")}
`;
}

// packages/collectors/dist/gcp/index.js
function sliceFor(items, shard) {
  if (!shard)
    return [...items];
  const from = Math.floor((shard.index - 1) * items.length / shard.count);
  const to = Math.floor(shard.index * items.length / shard.count);
  return items.slice(from, to);
}
var COLLECTORS = {
  sqladmin: { title: "Cloud SQL", load: async () => (await import("./chunk-sql-XIIAG32D.js")).collectSql },
  redis: { title: "Memorystore for Redis", load: async () => (await import("./chunk-redis-NCOOUTL2.js")).collectRedis },
  cloudkms: { title: "Cloud KMS", load: async () => (await import("./chunk-kms-SIOXYI5E.js")).collectKms },
  secretmanager: {
    title: "Secret Manager",
    load: async () => (await import("./chunk-secretmanager-BFCORFBN.js")).collectSecretManager
  },
  artifactregistry: {
    title: "Artifact Registry",
    load: async () => (await import("./chunk-artifactregistry-LZVYXE53.js")).collectArtifactRegistry
  },
  serviceusage: {
    title: "Service Usage",
    load: async () => (await import("./chunk-serviceusage-MQIA6IAN.js")).collectServiceUsage
  },
  container: { title: "GKE", load: async () => (await import("./chunk-gke-SIGKOUPY.js")).collectGke },
  monitoring: {
    title: "Cloud Monitoring",
    load: async () => (await import("./chunk-monitoring-KJR3FJDB.js")).collectMonitoring
  },
  compute: { title: "Compute Engine", load: async () => (await import("./chunk-compute-OJGKVFQO.js")).collectCompute },
  cloudresourcemanager: {
    title: "Resource Manager",
    load: async () => (await import("./chunk-resourcemanager-Q3FK263Q.js")).collectResourceManager
  },
  iam: { title: "IAM", load: async () => (await import("./chunk-iam-EYUDY5CR.js")).collectIam },
  identitytoolkit: {
    title: "Identity Platform",
    load: async () => (await import("./chunk-identity-DRN45OLX.js")).collectIdentity
  }
};
function firstCall(service) {
  return Object.keys(gcpApiCalls()).find((id) => gcpApiCalls()[id].service === service);
}
function failedService(service, problems) {
  const out = {};
  for (const f of facetsOfService(service))
    out[f] = { status: "error", problems };
  return out;
}
async function collect(ctx) {
  return finishCollected(await collectGcp(ctx));
}
async function collectGcp(ctx) {
  let settings;
  try {
    settings = resolveSettings(ctx.config ?? {}, ctx.expectations);
  } catch (e) {
    if (!(e instanceof GcpSettingsError))
      throw e;
    return { facets: {}, state: { status: "failed", reason: e.message } };
  }
  const facets = ctx.partial ?? {};
  const noEndpoint = `layers.gcp.endpointOnly is set and no endpoint is given (${ENDPOINT_ENV}, layers.gcp.endpoint)`;
  for (const service of GCP_SERVICES) {
    if (settings.services.has(service))
      continue;
    const reason = settings.withoutEndpoint.includes(service) ? `${service}.googleapis.com is not read: ${noEndpoint}` : `layers.gcp.services does not include ${service} for ${ctx.environment}`;
    for (const f of facetsOfService(service))
      facets[f] = { status: "absent", reason };
  }
  if (settings.services.size === 0 && settings.withoutEndpoint.length > 0)
    return { facets, state: { status: "not-configured", reason: noEndpoint } };
  const log = ctx.log ?? (() => {
  });
  const transport = await GcpTransport.create(settings, ctx.log ? (m) => log("debug", m) : void 0);
  const credentials = await transport.credentialsProblem();
  const limiter = new Limiter(settings.concurrency);
  let listingCalls = 0;
  if (settings.projectQueries.length > 0) {
    const failAll = (reason, problem) => {
      for (const service of settings.services)
        Object.assign(facets, failedService(service, [problem]));
      return { facets, state: { status: "failed", reason } };
    };
    if (credentials && !transport.emulated("cloudresourcemanager"))
      return failAll(`no Application Default Credentials: ${credentials.detail}`, {
        subject: `cloudresourcemanager.googleapis.com projects.list under ${settings.projectQueries.join(", ")}`,
        message: `no Application Default Credentials: ${credentials.detail}`,
        fix: "run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS"
      });
    ctx.progress(`listing the projects under ${settings.projectQueries.join(", ")}`);
    try {
      settings.projects = await expandProjects(settings, transport, limiter, () => listingCalls++);
    } catch (e) {
      if (!(e instanceof ProjectListingError))
        throw e;
      return failAll(e.message, {
        subject: `cloudresourcemanager.googleapis.com projects.list under ${settings.projectQueries.join(", ")}`,
        message: e.message,
        fix: e.fix
      });
    }
    ctx.progress(`${settings.projects.length} projects with ${listingCalls} calls`);
  } else
    settings.projects = [...settings.projects].sort();
  settings.projects = sliceFor(settings.projects, ctx.shard);
  if (settings.projects.length === 0)
    return {
      facets: {},
      state: {
        status: "not-configured",
        reason: ctx.shard ? `no project falls in shard ${ctx.shard.index}/${ctx.shard.count}` : `no project under ${settings.projectQueries.join(", ")}`
      },
      projects: []
    };
  const run = {
    settings,
    expectations: ctx.expectations,
    transport,
    limiter,
    progress: ctx.progress,
    log,
    calls: { started: 0, finished: 0 }
  };
  const projects = settings.projects.join(", ");
  const projectsText = settings.projects.length > 5 ? `${settings.projects.length} projects (${settings.projects[0]} \u2026 ${settings.projects.at(-1)})` : projects;
  const started = Date.now();
  await Promise.all([...settings.services].map(async (service) => {
    const project = settings.projects[0];
    if (credentials && !transport.emulated(service)) {
      Object.assign(facets, failedService(service, [problemOf(firstCall(service), `projects/${projects}`, credentials, project)]));
      return;
    }
    let collectService;
    try {
      collectService = await COLLECTORS[service].load();
    } catch (e) {
      const err = new GcpCallError("other", `the client library could not be loaded: ${e.message}`);
      Object.assign(facets, failedService(service, [problemOf(firstCall(service), `projects/${projects}`, err, project)]));
      return;
    }
    ctx.progress(`reading ${COLLECTORS[service].title} (${service}.googleapis.com) in ${projectsText}`);
    Object.assign(facets, await collectService(run));
    ctx.progress(`${COLLECTORS[service].title} read; ${run.calls.finished}/${run.calls.started} calls`);
  }));
  const produced = Object.entries(facets);
  const failed = produced.filter(([, f]) => f.status === "error").map(([name]) => name);
  const read = produced.filter(([, f]) => f.status === "ok").length;
  ctx.progress(`read ${read} facets with ${run.calls.finished} calls in ${Date.now() - started} ms${failed.length ? `; could not read ${failed.join(", ")}` : ""}`);
  if (read === 0 && failed.length > 0)
    return {
      facets,
      state: {
        status: "failed",
        reason: credentials ? `no Application Default Credentials: ${credentials.detail}` : `no Google Cloud API could be read (${failed.length} facets failed; see their errors)`
      }
    };
  return { facets, state: { status: "collected" }, projects: settings.projects };
}
async function diagnose(ctx) {
  const { diagnoseGcp } = await import("./chunk-doctor-GFELJ5CR.js");
  return diagnoseGcp(ctx);
}
export {
  ENDPOINT_ENV,
  PROJECT_LISTING_CALLS,
  collect,
  diagnose,
  gcpApiCalls,
  renderGcpPermissions
};
