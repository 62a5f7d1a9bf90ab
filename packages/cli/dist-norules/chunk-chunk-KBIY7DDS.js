import {
  BaselineError,
  ConfigError,
  FAIL_ON,
  LAYERS
} from "./chunk-chunk-K3HIYUOK.js";
import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument
} from "./chunk-chunk-EMT75KSU.js";
import {
  __require
} from "./chunk-chunk-IWPLMFNU.js";

// packages/core/dist/adr.js
function indexAdrSections(text) {
  const lines = text.split(/\r?\n/);
  const out = {};
  let part = "head";
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (/^Production Readiness Issues/i.test(line))
      part = "issues";
    else if (/^Lessons Learned/i.test(line))
      part = "lessons";
    else if (/Pending Completion/i.test(line))
      part = "pending";
    else if (/^(References|Next Steps)/i.test(line))
      part = "head";
    const decision = /^Decision (\d+):/.exec(line);
    if (decision)
      out[`Decision ${decision[1]}`] ??= n;
    const numbered = /^(\d+)\.\s+\S/.exec(line);
    if (numbered && part === "issues")
      out[`Issue ${numbered[1]}`] ??= n;
    if (numbered && part === "lessons")
      out[`Lesson ${numbered[1]}`] ??= n;
    if (part === "pending") {
      for (const m of line.matchAll(/(?:^|\s)-\s+([A-Z][A-Za-z]*(?: [A-Za-z]+)*?)\s+-\s/g))
        out[`Pending: ${m[1]}`] ??= n;
    }
  });
  return out;
}
function adrLineFor(sections, adrSection) {
  for (const part of adrSection.split(",").map((s) => s.trim())) {
    if (sections[part])
      return sections[part];
  }
  return void 0;
}

// coditect-on-first-use:@sinclair/typebox
var real;
function load() {
  real = __require("./typebox.cjs");
  Type = real.Type;
  return real;
}
var onFirstUse = (target, get) => new Proxy(target, {
  apply: (_, self, args) => Reflect.apply(get(), self, args),
  construct: (_, args) => Reflect.construct(get(), args),
  get: (_, key) => Reflect.get(get(), key)
});
var Type = onFirstUse({}, () => (real ?? load()).Type);

// packages/core/dist/lazy-schema.js
function lazySchema(build) {
  let built;
  const schema = () => {
    built ??= build();
    return built;
  };
  return new Proxy({}, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key)
  });
}

// packages/core/dist/validate.js
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

// packages/core/dist/precompiled.js
var PRECOMPILED = /* @__PURE__ */ new Map([
  ["b5e06989cd2422bb3f94b4710f0bc97ad5ce8fd3aac0710155be30e04911f5b5", { load: () => import("./chunk-config-b5e06989cd2422bb-LUBG5PTH.js").then((m) => m.default) }],
  ["bdb59e6f1075031565fb2cefec7c407fc92be5276939c53760a2452956aaca23", { load: () => import("./chunk-expectations-bdb59e6f10750315-QUUUQ5MS.js").then((m) => m.default) }],
  ["6019739dab551b333caf9bb73bbb90c84d2e0a6d108dbdaf74bd6f2eb509d9c2", { load: () => import("./chunk-baseline-6019739dab551b33-JJ6MKW37.js").then((m) => m.default) }],
  ["94e29f2b5929f5e2eb6691643ab6149dcdb78797bb6ff9aa1fcacedf8c308bec", { load: () => import("./chunk-snapshot-94e29f2b5929f5e2-HKNAFVHK.js").then((m) => m.default) }]
]);

// packages/core/dist/validate.js
function requireAjv() {
  const own = typeof __require === "function" ? void 0 : createRequire(import.meta.url);
  const ajvModule = own ? own("ajv") : __require("../../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/ajv.js");
  const formats = own ? own("ajv-formats") : __require("../../../node_modules/.pnpm/ajv-formats@3.0.1_ajv@8.20.0/node_modules/ajv-formats/dist/index.js");
  return { Ajv: ajvModule.Ajv, addFormats: typeof formats === "function" ? formats : formats.default };
}
var AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true };
var ajv;
function getAjv() {
  if (!ajv) {
    const { Ajv, addFormats } = requireAjv();
    ajv = new Ajv(AJV_OPTIONS);
    addFormats(ajv);
  }
  return ajv;
}
function schemaFingerprint(schema) {
  return createHash("sha256").update(JSON.stringify(schema)).digest("hex");
}
function precompiledFor(schema) {
  return PRECOMPILED.size > 0 ? PRECOMPILED.get(schemaFingerprint(schema)) : void 0;
}
var cache = /* @__PURE__ */ new WeakMap();
function compile(schema) {
  const hit = cache.get(schema);
  if (hit)
    return hit;
  const fn = precompiledFor(schema)?.validate ?? getAjv().compile(schema);
  cache.set(schema, fn);
  return fn;
}
async function compileLazily(schema) {
  const hit = cache.get(schema);
  if (hit)
    return hit;
  const pre = precompiledFor(schema);
  const fn = pre?.validate ?? (pre?.load ? await pre.load() : getAjv().compile(schema));
  cache.set(schema, fn);
  return fn;
}
async function loadValidators(...schemas) {
  await Promise.all(schemas.map((s) => compileLazily(s)));
}
function pointerToPath(pointer2) {
  if (!pointer2)
    return "(root)";
  return pointer2.split("/").slice(1).map((seg) => seg.replace(/~1/g, "/").replace(/~0/g, "~")).reduce((acc, seg) => /^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg, "");
}
function describeAjvError(e) {
  const at2 = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case "additionalProperties":
      return `${at2}: unknown key "${e.params.additionalProperty}"`;
    case "required":
      return `${at2}: missing required key "${e.params.missingProperty}"`;
    case "enum":
      return `${at2}: must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${at2}: ${e.message ?? "is invalid"}`;
  }
}

// packages/core/dist/baseline.js
var BaselineSchema = lazySchema(() => Type.Object({
  schemaVersion: Type.Literal(1),
  tool: Type.Literal("coditect-audit"),
  findings: Type.Array(Type.Object({ fingerprint: Type.String({ minLength: 1 }), ruleId: Type.String(), resource: Type.String() }))
}, { $id: "https://coditect.ai/schemas/coditect-audit/baseline-v1.json" }));
function parseBaseline(text, file) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not valid JSON (${e.message}); write one with --write-baseline`);
  }
  const validate = compile(BaselineSchema);
  if (!validate(value)) {
    throw new BaselineError(`${file}: not a coditect-audit baseline: ${(validate.errors ?? []).map(describeAjvError).join("; ")}`);
  }
  return value;
}
function baselineOf(verdicts) {
  const findings = verdicts.filter((v) => v.status === "fail" || v.status === "unknown").map((v) => ({ fingerprint: v.fingerprint, ruleId: v.ruleId, resource: v.resource.id })).sort((a, b) => a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
  return { schemaVersion: 1, tool: "coditect-audit", findings };
}
function applyBaseline(verdicts, baseline) {
  const known2 = new Map(baseline.findings.map((f) => [f.fingerprint, f]));
  const seen = /* @__PURE__ */ new Set();
  for (const v of verdicts) {
    if (v.status !== "fail" && v.status !== "unknown")
      continue;
    if (known2.has(v.fingerprint)) {
      v.baselineState = "unchanged";
      seen.add(v.fingerprint);
    } else
      v.baselineState = "new";
  }
  return baseline.findings.filter((f) => !seen.has(f.fingerprint));
}

// packages/core/dist/concerns.js
var issue = (key, title, impact) => ({
  key,
  title,
  mark: "open",
  says: `Open issue \xB7 impact ${impact}`
});
var pending = (key, title) => ({
  key: `Pending: ${key}`,
  title,
  mark: "open",
  says: "Pending"
});
var lesson = (key, title) => ({ key, title, mark: "none", says: "Lesson to apply" });
var ADR_001 = {
  status: "Implemented (95% complete)",
  sections: [
    { key: "Decision 1", title: "Migrate from GCR to Artifact Registry", mark: "done", says: "Implemented" },
    { key: "Decision 2", title: "Multi-platform Docker builds for GKE", mark: "done", says: "Implemented" },
    {
      key: "Decision 3",
      title: "Cloud SQL (existing) + Memorystore (new)",
      mark: "partial",
      says: "In progress: Cloud SQL ready, Redis creating"
    },
    {
      key: "Decision 4",
      title: "Dockerfile user permissions fix",
      mark: "partial",
      says: "Blocked: dependencies not accessible"
    },
    pending("Dockerfile Fix", "Dockerfile fix: /root/.local \u2192 /home/django/.local"),
    pending("Redis Provisioning", "Redis provisioning: Memorystore created"),
    pending("Update Secrets", "Update secrets: real Cloud SQL and Redis endpoints"),
    pending("Rebuild Image", "Rebuild image: fixed Dockerfile pushed to Artifact Registry"),
    pending("Database Migrations", "Database migrations: manage.py migrate"),
    pending("Restart Deployment", "Restart deployment: updated secrets and image"),
    pending("Smoke Tests", "Smoke tests: health endpoints respond"),
    issue("Issue 1", "Infrastructure as code gap", "Medium"),
    issue("Issue 2", "Database user and permissions", "High"),
    issue("Issue 3", "SSL/TLS for Cloud SQL connections", "Medium"),
    issue("Issue 4", "Redis authentication and encryption", "High"),
    issue("Issue 5", "Secrets management with Secret Manager", "Medium"),
    issue("Issue 6", "Cloud KMS license signing", "Critical"),
    issue("Issue 7", "Identity Platform OAuth2", "Critical"),
    issue("Issue 8", "Load balancer and SSL certificate", "High"),
    issue("Issue 9", "Monitoring and alerting", "Medium"),
    issue("Issue 10", "Disaster recovery and backups", "High"),
    issue("Issue 11", "CI/CD pipeline", "Medium"),
    lesson("Lesson 1", "Platform deprecations require proactive monitoring"),
    lesson("Lesson 2", "Multi-platform Docker builds are not optional for GKE"),
    lesson("Lesson 3", "Infrastructure as code first, not afterthought"),
    lesson("Lesson 4", "Dockerfile user permissions are critical for security"),
    lesson("Lesson 5", "Managed services over StatefulSets")
  ]
};
var ADR_001_PENDING_ORDER = ADR_001.sections.filter((s) => s.key.startsWith("Pending: ")).map((s) => s.key.slice("Pending: ".length));
var sectionByKey = new Map(ADR_001.sections.map((s) => [s.key, s]));
function getAdr001Section(key) {
  return sectionByKey.get(key);
}
var RETIRED_CONCERNS = [
  {
    key: "lifecycle.deprecated-platform",
    statement: "Nothing depends on a shut-down or end-of-life platform: GCR, removed Kubernetes API versions, end-of-life base images and database versions",
    adrSection: "Lesson 1",
    splitInto: [
      "registry.gcr-reference",
      "lifecycle.removed-kubernetes-api",
      "lifecycle.eol-base-image",
      "lifecycle.eol-database-version"
    ],
    why: "four platforms, each with its own rule; Container Registry references were already `registry.gcr-reference`"
  }
];
var CONCERNS = [
  {
    key: "registry.gcr-reference",
    statement: "No image is pulled from or pushed to Container Registry (`gcr.io`, `*.gcr.io`): manifests, live workloads, workflows, Dockerfile `FROM`, `.tf`",
    adrSection: "Decision 1",
    layers: ["files", "k8s"],
    priority: { default: "P0" }
  },
  {
    key: "docs.gcr-reference",
    statement: "Deployment guides (Markdown) no longer point at images or repositories on Container Registry (`gcr.io`, `*.gcr.io`)",
    adrSection: "Decision 1",
    layers: ["files"],
    priority: { default: "P2" },
    splitFrom: "registry.gcr-reference"
  },
  {
    key: "registry.ar-repository",
    statement: "The Artifact Registry Docker repository exists in the expected location and its API is enabled",
    adrSection: "Decision 1",
    layers: ["gcp"],
    priority: { default: "P0" }
  },
  {
    key: "registry.pull-permission",
    statement: "The identity GKE nodes pull with holds `roles/artifactregistry.reader` (project or repository)",
    adrSection: "Decision 1",
    layers: ["gcp"],
    priority: { default: "P0" }
  },
  {
    key: "registry.legacy-api-enabled",
    statement: "`containerregistry.googleapis.com` is no longer enabled",
    adrSection: "Decision 1, Lesson 1",
    layers: ["gcp"],
    priority: { default: "P2" }
  },
  {
    key: "image.platform-mismatch",
    statement: "Every image a workload runs has a manifest for every node architecture in the cluster (linux/amd64 on GKE)",
    adrSection: "Decision 2",
    layers: ["probe", "k8s", "gcp"],
    priority: { default: "P0" }
  },
  {
    key: "build.platform-flag",
    statement: "Every image build that feeds GKE targets `linux/amd64` explicitly (`--platform`, or a multi-platform list containing it)",
    adrSection: "Decision 2, Lesson 2",
    layers: ["files"],
    priority: { default: "P1" }
  },
  {
    key: "k8s.self-managed-datastore",
    statement: "No database or cache runs as a StatefulSet/Deployment in the app's namespaces (postgres, redis, mysql, mongo images)",
    adrSection: "Decision 3, Lesson 5",
    layers: ["files", "k8s"],
    priority: { default: "P1" }
  },
  {
    key: "k8s.orphaned-volume",
    statement: "No PersistentVolumeClaim is left from a deleted StatefulSet (unused by any pod)",
    adrSection: "Decision 3",
    layers: ["k8s"],
    priority: { default: "P2" }
  },
  {
    key: "sql.instance-ready",
    statement: "The Cloud SQL instance exists, is `RUNNABLE`, and the application database exists",
    adrSection: "Decision 3",
    layers: ["gcp"],
    priority: { default: "P0" }
  },
  {
    key: "redis.instance-ready",
    statement: "The Memorystore instance exists and is `READY`",
    adrSection: "Decision 3",
    layers: ["gcp"],
    priority: { default: "P0" }
  },
  {
    key: "container.runs-as-root",
    statement: "No workload container runs as root: its `securityContext` (container over pod) sets `runAsNonRoot: true` or a non-zero `runAsUser`, in the manifests and live, and the user the runtime applies (Dockerfile `USER`, image `User`, pod spec) is not root",
    adrSection: "Decision 4, Lesson 4",
    layers: ["files", "k8s"],
    priority: { default: "P0" }
  },
  {
    key: "image.runs-as-root",
    statement: "The image runs as a non-root user: the Dockerfile final stage sets a non-root `USER`, and the image config `User` the registry serves is not empty, `root` or `0`",
    adrSection: "Decision 4, Lesson 4",
    layers: ["files", "probe"],
    priority: { default: "P0" },
    splitFrom: "container.runs-as-root"
  },
  {
    key: "container.unreadable-dependencies",
    statement: "A non-root runtime user can read what it runs: no dependencies copied under `/root` (e.g. `/root/.local`) or onto a `PATH` entry under `/root` while the final `USER` is not root",
    adrSection: "Decision 4",
    layers: ["files", "probe"],
    priority: { default: "P0" }
  },
  {
    key: "container.privilege-escalation",
    statement: "Containers set `allowPrivilegeEscalation: false`, are not `privileged`, add no capabilities",
    adrSection: "Lesson 4",
    layers: ["files", "k8s"],
    priority: { default: "P1" }
  },
  {
    key: "k8s.placeholder-secret",
    statement: "No Secret the app uses holds a placeholder value (empty, `placeholder`, `changeme`, `TODO`, `xxx`, example hosts)",
    adrSection: "Pending: Update Secrets",
    layers: ["k8s", "files"],
    priority: { default: "P0" }
  },
  {
    key: "k8s.migrations-complete",
    statement: "The migration Job for the running image has succeeded",
    adrSection: "Pending: Database Migrations",
    layers: ["k8s"],
    priority: { default: "P1" }
  },
  {
    key: "k8s.rollout-healthy",
    statement: "The backend Deployment is fully available with the expected image, at least 2 replicas, and liveness + readiness probes",
    adrSection: "Pending: Restart Deployment",
    layers: ["files", "k8s"],
    priority: { default: "P0" }
  },
  {
    key: "smoke.health-endpoints",
    statement: "`/api/v1/health/live` answers healthy and `/api/v1/health/ready` reports database and redis connected",
    adrSection: "Pending: Smoke Tests",
    layers: ["probe"],
    priority: { default: "P0" }
  },
  {
    key: "smoke.auth-required",
    statement: "Protected API paths (`/api/v1/licenses/`) answer 401 without a token",
    adrSection: "Pending: Smoke Tests",
    layers: ["probe"],
    priority: { default: "P0" }
  },
  {
    key: "iac.unmanaged-resource",
    statement: "Every live managed resource (Cloud SQL, Memorystore, KMS key, AR repository, cluster) is declared in the OpenTofu files or carries an OpenTofu label; none was created by hand",
    adrSection: "Issue 1, Lesson 3",
    layers: ["gcp"],
    priority: { default: "P1" }
  },
  {
    key: "iac.declared",
    statement: "Each managed service of the ADR (Cloud SQL, Memorystore, KMS key, AR repository, GKE cluster) is declared by an OpenTofu resource in the repository",
    adrSection: "Issue 1, Lesson 3",
    layers: ["files"],
    priority: { default: "P1" },
    splitFrom: "iac.unmanaged-resource"
  },
  {
    key: "iac.in-state",
    statement: "Every managed resource declared in the `.tf` files has an entry in the repository's OpenTofu state",
    adrSection: "Issue 1, Lesson 3",
    layers: ["files"],
    priority: { default: "P1" },
    splitFrom: "iac.unmanaged-resource"
  },
  {
    key: "iac.state-drift",
    statement: "Every live managed resource is in the OpenTofu state, and every state resource exists live",
    adrSection: "Issue 1, Lesson 3",
    layers: ["gcp"],
    priority: { default: "P1" },
    splitFrom: "iac.unmanaged-resource"
  },
  {
    key: "db.superuser-app-user",
    statement: "The application does not connect as `postgres` or any superuser / `cloudsqlsuperuser` member",
    adrSection: "Issue 2",
    layers: ["files", "k8s", "probe"],
    priority: { default: "P0" }
  },
  {
    key: "db.dedicated-app-user",
    statement: "The Cloud SQL instance has a dedicated application user that is not a superuser (not `postgres`, not a `cloudsqlsuperuser` member)",
    adrSection: "Issue 2",
    layers: ["gcp"],
    priority: { default: "P0" },
    splitFrom: "db.superuser-app-user"
  },
  {
    key: "db.app-role-dml-only",
    statement: "The application's database role has DML rights only: no CREATEROLE, CREATEDB, BYPASSRLS or REPLICATION, no privileged built-in role, owns no database, schema or table, and has no CREATE, TRUNCATE, REFERENCES or TRIGGER",
    adrSection: "Issue 2",
    layers: ["probe"],
    priority: { default: "P0" },
    splitFrom: "db.superuser-app-user"
  },
  {
    key: "sql.ssl-not-enforced",
    statement: "Cloud SQL rejects unencrypted connections (`sslMode` ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or `requireSsl`)",
    adrSection: "Issue 3",
    layers: ["gcp", "probe", "files"],
    priority: { default: "P1" }
  },
  {
    key: "db.client-tls",
    statement: "The app's database connection requires TLS (`sslmode` `require`, `verify-ca` or `verify-full`), or goes to a local proxy that encrypts it",
    adrSection: "Issue 3",
    layers: ["files"],
    priority: { default: "P1" },
    splitFrom: "sql.ssl-not-enforced"
  },
  {
    key: "redis.auth-disabled",
    statement: "Memorystore has AUTH enabled; an unauthenticated client is refused",
    adrSection: "Issue 4",
    layers: ["files", "gcp", "probe"],
    priority: { default: "P0" }
  },
  {
    key: "redis.transit-encryption-disabled",
    statement: "Memorystore uses in-transit encryption (`SERVER_AUTHENTICATION`); a plaintext client is refused",
    adrSection: "Issue 4",
    layers: ["files", "gcp", "probe"],
    priority: { default: "P0" }
  },
  {
    key: "secrets.not-in-secret-manager",
    statement: "Application credentials come from Secret Manager (via External Secrets or a CSI/sidecar), not from hand-made Kubernetes Secrets",
    adrSection: "Issue 5",
    layers: ["k8s", "files"],
    priority: { default: "P1" }
  },
  {
    key: "secrets.expected-secret-missing",
    statement: "The expected Secret Manager secrets are declared in OpenTofu and exist in the project",
    adrSection: "Issue 5",
    layers: ["files", "gcp"],
    priority: { default: "P1" },
    splitFrom: "secrets.not-in-secret-manager"
  },
  {
    key: "secrets.sync-healthy",
    statement: "Every Secret the app needs is the target of a `Ready` ExternalSecret that reads a Secret Manager (`gcpsm`) store",
    adrSection: "Issue 5",
    layers: ["k8s"],
    priority: { default: "P1" },
    splitFrom: "secrets.not-in-secret-manager"
  },
  {
    key: "gke.secrets-encryption",
    statement: "GKE application-layer secrets encryption is on (`databaseEncryption.state: ENCRYPTED`)",
    adrSection: "Issue 5",
    layers: ["files", "gcp"],
    priority: { default: "P1" }
  },
  {
    key: "gke.workload-identity",
    statement: "Workload Identity is enabled on the cluster (a `*.svc.id.goog` workload pool) and its node pools run the GKE metadata server",
    adrSection: "Issue 5",
    layers: ["files", "gcp"],
    priority: { default: "P1" }
  },
  {
    key: "gke.ksa-binding",
    statement: "The backend's Kubernetes ServiceAccount names its Google service account (`iam.gke.io/gcp-service-account`) and the app's Deployment runs as it",
    adrSection: "Issue 5",
    layers: ["files", "k8s"],
    priority: { default: "P1" },
    splitFrom: "gke.workload-identity"
  },
  {
    key: "gke.gsa-binding",
    statement: "The backend's Google service account grants `roles/iam.workloadIdentityUser` to the backend's Kubernetes ServiceAccount",
    adrSection: "Issue 5",
    layers: ["gcp"],
    priority: { default: "P1" },
    splitFrom: "gke.workload-identity"
  },
  {
    key: "kms.signing-key",
    statement: "The license-signing key exists with purpose `ASYMMETRIC_SIGN`, the decided algorithm (`RSA_SIGN_PKCS1_4096_SHA512`) and an enabled primary version",
    adrSection: "Issue 6",
    layers: ["files", "gcp"],
    priority: { default: "P0" }
  },
  {
    key: "kms.signer-binding",
    statement: "The backend's service account holds `roles/cloudkms.signerVerifier` on that key, and nobody holds it broadly (allUsers, project-wide owners excepted)",
    adrSection: "Issue 6",
    layers: ["files", "gcp"],
    priority: { default: "P0" }
  },
  {
    key: "identity.platform-enabled",
    statement: "Identity Platform (`identitytoolkit.googleapis.com`) is enabled in the project",
    adrSection: "Issue 7",
    layers: ["gcp"],
    priority: { default: "P0" }
  },
  {
    key: "identity.sign-in-provider",
    statement: "Identity Platform has at least one sign-in method enabled (an identity provider with a client id, email or phone)",
    adrSection: "Issue 7",
    layers: ["gcp"],
    priority: { default: "P0" },
    splitFrom: "identity.platform-enabled"
  },
  {
    key: "network.public-http",
    statement: "The app is not exposed by a plain `LoadBalancer` Service over HTTP; public traffic enters through an Ingress with TLS",
    adrSection: "Issue 8",
    layers: ["files", "k8s"],
    priority: { default: "P1" }
  },
  {
    key: "network.tls-certificate",
    statement: "The managed certificate covers the domain and is `ACTIVE`; the live endpoint serves a valid certificate not expiring within 14 days",
    adrSection: "Issue 8",
    layers: ["k8s", "gcp", "probe"],
    priority: { default: "P1" }
  },
  {
    key: "network.https-redirect",
    statement: "Plain HTTP redirects to HTTPS on the same host (or is not served at all), and HTTPS answers carry `Strict-Transport-Security`",
    adrSection: "Issue 8",
    layers: ["probe"],
    priority: { default: "P1" },
    splitFrom: "network.tls-certificate"
  },
  {
    key: "network.edge-protection",
    statement: "A Cloud Armor security policy is attached to the public backend",
    adrSection: "Issue 8",
    layers: ["files", "gcp", "k8s"],
    priority: { default: "P2" }
  },
  {
    key: "observability.workload-logging",
    statement: "GKE logging and monitoring include workload components",
    adrSection: "Issue 9",
    layers: ["files", "gcp"],
    priority: { default: "P1" }
  },
  {
    key: "observability.alerting",
    statement: "Enabled alert policies exist for error rate, p99 latency, crash loops and database connection errors",
    adrSection: "Issue 9",
    layers: ["gcp"],
    priority: { default: "P1" }
  },
  {
    key: "backup.sql-automated",
    statement: "Cloud SQL automated backups are on, with a successful backup in the last 26 hours",
    adrSection: "Issue 10",
    layers: ["files", "gcp"],
    priority: { default: "P1", environments: { production: "P0" } }
  },
  {
    key: "backup.sql-pitr",
    statement: "Point-in-time recovery is on for Cloud SQL",
    adrSection: "Issue 10",
    layers: ["files", "gcp"],
    priority: { default: "P1" }
  },
  {
    key: "backup.redis-persistence",
    statement: "Memorystore persistence (RDB snapshots) is on",
    adrSection: "Issue 10",
    layers: ["files", "gcp"],
    priority: { default: "P1" }
  },
  {
    key: "sql.high-availability",
    statement: "Cloud SQL is `REGIONAL` (HA)",
    adrSection: "Issue 10",
    layers: ["files", "gcp"],
    priority: { default: "P2", environments: { production: "P1" } }
  },
  {
    key: "cicd.pipeline-present",
    statement: "A workflow builds, pushes and deploys the backend on push to main",
    adrSection: "Issue 11",
    layers: ["files"],
    priority: { default: "P2", environments: { production: "P0" } }
  },
  {
    key: "cicd.long-lived-key",
    statement: "CI authenticates to Google Cloud with Workload Identity Federation, not a JSON service-account key secret",
    adrSection: "Issue 11",
    layers: ["files"],
    priority: { default: "P1" }
  },
  {
    key: "cicd.smoke-test",
    statement: "The deploy workflow checks the health endpoint after rollout and fails the job when it is down",
    adrSection: "Issue 11",
    layers: ["files"],
    priority: { default: "P2" }
  },
  {
    key: "cicd.unpinned-action",
    statement: "Third-party actions are pinned to a full commit SHA",
    adrSection: "Issue 11",
    layers: ["files"],
    priority: { default: "P2" }
  },
  {
    key: "lifecycle.eol-base-image",
    statement: "No Dockerfile stage builds on a base image past its end of life",
    adrSection: "Lesson 1",
    layers: ["files"],
    priority: { default: "P1" },
    splitFrom: "lifecycle.deprecated-platform"
  },
  {
    key: "lifecycle.removed-kubernetes-api",
    statement: "No Kubernetes object is written or applied in an API version Kubernetes has removed",
    adrSection: "Lesson 1",
    layers: ["files", "k8s"],
    priority: { default: "P1" },
    splitFrom: "lifecycle.deprecated-platform"
  },
  {
    key: "lifecycle.eol-database-version",
    statement: "Cloud SQL and the running PostgreSQL server are on a database version still in regular support",
    adrSection: "Lesson 1",
    layers: ["files", "gcp", "probe"],
    priority: { default: "P1" },
    splitFrom: "lifecycle.deprecated-platform"
  },
  {
    key: "image.mutable-tag",
    statement: "Workloads run images by digest or by an immutable version tag, not `latest` or an environment tag",
    adrSection: "Lesson 2",
    layers: ["files", "k8s", "probe"],
    priority: { default: "P2", environments: { production: "P1" } }
  },
  {
    key: "sql.public-exposure",
    statement: "Cloud SQL has no public IP open to `0.0.0.0/0`",
    adrSection: "Issue 3",
    layers: ["files", "gcp"],
    priority: { default: "P0" }
  },
  {
    key: "sql.deletion-protection",
    statement: "Cloud SQL deletion protection is on",
    adrSection: "Issue 10",
    layers: ["files", "gcp"],
    priority: { default: "P2", environments: { production: "P1" } }
  }
];
var byKey = new Map(CONCERNS.map((c) => [c.key, c]));
function getConcern(key) {
  return byKey.get(key);
}

// packages/core/dist/layers/live-layer.js
var deadlineSecondsSchema = () => Type.Optional(Type.Integer({
  minimum: 1,
  maximum: 3600,
  description: "most time the whole layer may take; what is not read by then becomes error verdicts (docs/security.md); default 120"
}));

// packages/core/dist/declarations.js
function declarationKey(d) {
  return d.layer === "k8s" ? `k8s:${d.kind}/${d.namespace ?? "-"}/${d.name}` : `tf:${d.type}/${d.name}`;
}
var CLUSTER_SCOPED = /* @__PURE__ */ new Set([
  "Namespace",
  "Node",
  "ClusterRole",
  "ClusterRoleBinding",
  "PersistentVolume",
  "StorageClass",
  "ClusterSecretStore",
  "CustomResourceDefinition"
]);
function declarationIndex(snapshot, defaultNamespace = "default") {
  const index = /* @__PURE__ */ new Map();
  const k8s = snapshot.facets["files.kubernetes"];
  if (k8s?.status === "ok") {
    for (const f of k8s.data.files) {
      for (const o of f.objects) {
        const namespace = CLUSTER_SCOPED.has(o.kind) ? void 0 : o.namespace ?? defaultNamespace;
        const key = declarationKey({ layer: "k8s", kind: o.kind, namespace: namespace || void 0, name: o.name });
        if (!index.has(key))
          index.set(key, { file: o.file, startLine: o.line });
      }
    }
  }
  const tf = snapshot.facets["files.terraform"];
  if (tf?.status === "ok") {
    for (const f of tf.data.files) {
      for (const b of f.blocks) {
        if (b.type !== "resource" || b.labels.length < 2)
          continue;
        for (const name of literalNames(b)) {
          const key = declarationKey({ layer: "tf", type: b.labels[0], name: name ?? b.labels[1] });
          if (!index.has(key))
            index.set(key, { file: f.file, startLine: b.line, startColumn: b.column });
        }
      }
    }
  }
  return index;
}
function literalNames(b) {
  for (const attr of ["name", "secret_id", "repository_id", "instance_id", "account_id"]) {
    const a = b.attributes[attr];
    if (typeof a?.value === "string")
      return [a.value];
    const each = (a?.instanceValues ?? []).filter((x) => typeof x === "string");
    if (each.length)
      return each;
  }
  return [void 0];
}
function locateByDeclaration(verdicts, index) {
  for (const v of verdicts) {
    if (v.location || !v.resource.declaredAs)
      continue;
    const loc = (typeof index === "function" ? index() : index).get(v.resource.declaredAs);
    if (!loc)
      continue;
    v.location = loc;
    v.resource.file ??= loc.file;
  }
}

// packages/core/dist/views/containers.js
var POD_SPEC_PATH = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
var WORKLOAD_GROUPS = /* @__PURE__ */ new Set(["", "apps", "extensions", "batch"]);
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function apiGroup(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
var POD_SPEC_POINTER = new Map(Object.entries(POD_SPEC_PATH).map(([kind, path]) => [kind, `/${path.join("/")}`]));
function podSpecPointer(obj) {
  const pointer2 = POD_SPEC_POINTER.get(obj.kind);
  if (pointer2 === void 0 || !WORKLOAD_GROUPS.has(apiGroup(obj.apiVersion)))
    return void 0;
  return pointer2;
}
function containerPointer(podPointer, field, index) {
  let byField = CONTAINER_POINTERS.get(podPointer);
  if (!byField) {
    byField = { containers: [], initContainers: [] };
    CONTAINER_POINTERS.set(podPointer, byField);
  }
  const list = byField[field];
  let pointer2 = list[index];
  if (pointer2 === void 0) {
    pointer2 = `${podPointer}/${field}/${index}`;
    list[index] = pointer2;
  }
  return pointer2;
}
var CONTAINER_POINTERS = /* @__PURE__ */ new Map();
function imagePointer(containerPointer2) {
  let pointer2 = IMAGE_POINTERS.get(containerPointer2);
  if (pointer2 === void 0) {
    pointer2 = `${containerPointer2}/image`;
    IMAGE_POINTERS.set(containerPointer2, pointer2);
  }
  return pointer2;
}
var IMAGE_POINTERS = /* @__PURE__ */ new Map();
function valueAt(root, pointer2) {
  if (pointer2 === "")
    return root;
  let cur = root;
  for (const raw of pointer2.slice(1).split("/")) {
    const key = raw.includes("~") ? raw.replace(/~1/g, "/").replace(/~0/g, "~") : raw;
    if (Array.isArray(cur))
      cur = cur[Number(key)];
    else if (isObject(cur))
      cur = cur[key];
    else
      return void 0;
  }
  return cur;
}
function escapePointerToken(token) {
  if (!token.includes("~") && !token.includes("/"))
    return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
function containersOf(obj) {
  let containers = containerLists.get(obj);
  if (!containers) {
    containers = listContainers(obj);
    containerLists.set(obj, containers);
  }
  return containers;
}
var containerLists = /* @__PURE__ */ new WeakMap();
function listContainers(obj) {
  const podPointer = podSpecPointer(obj);
  if (podPointer === void 0)
    return [];
  const podSpec = valueAt(obj.object, podPointer);
  if (!isObject(podSpec))
    return [];
  const out = [];
  for (const field of CONTAINER_FIELDS) {
    const list = podSpec[field];
    if (!Array.isArray(list))
      continue;
    for (let index = 0; index < list.length; index++) {
      const container = list[index];
      if (!isObject(container))
        continue;
      const name = typeof container.name === "string" && container.name ? container.name : `#${index}`;
      out.push({
        object: obj,
        field,
        index,
        name,
        pointer: containerPointer(podPointer, field, index),
        podPointer,
        container,
        podSpec
      });
    }
  }
  return out;
}
var CONTAINER_FIELDS = ["initContainers", "containers"];
function manifestContainers(files) {
  return files.flatMap((f) => f.objects.flatMap(containersOf));
}
function objectKey(obj) {
  return obj.namespace ? `${obj.kind}/${obj.namespace}/${obj.name}` : `${obj.kind}/${obj.name}`;
}
function objectResource(obj) {
  return {
    file: obj.file,
    id: `${obj.file}#${objectKey(obj)}`,
    kind: obj.kind,
    name: obj.name,
    ...obj.namespace ? { namespace: obj.namespace } : {}
  };
}
function containerResource(c) {
  return {
    file: c.object.file,
    id: `${c.object.file}#${objectKey(c.object)}/${c.field}/${c.name}`,
    kind: c.field === "initContainers" ? "InitContainer" : "Container",
    name: `${c.object.name}/${c.name}`,
    ...c.object.namespace ? { namespace: c.object.namespace } : {}
  };
}
function locate(obj, ...pointers) {
  for (const pointer2 of pointers) {
    let p = pointer2;
    for (; ; ) {
      const pos = obj.positions[p];
      if (pos)
        return { file: pos.file ?? obj.file, startLine: pos.line, startColumn: pos.column };
      if (p === "")
        break;
      p = p.slice(0, p.lastIndexOf("/"));
    }
  }
  return { file: obj.file, startLine: obj.line };
}
function containerLocation(c) {
  return locate(c.object, `${c.pointer}/name`, c.pointer);
}
function securityContexts(c) {
  const container = isObject(c.container.securityContext) ? c.container.securityContext : {};
  const pod = isObject(c.podSpec.securityContext) ? c.podSpec.securityContext : {};
  return { container, pod };
}

// packages/core/dist/views/k8s-live.js
function asRecord(v) {
  return v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function asArray(v) {
  return Array.isArray(v) ? v : [];
}
function asString(v) {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : void 0;
}
var WORKLOAD_FACETS = [
  "k8s.cronjobs",
  "k8s.daemonsets",
  "k8s.deployments",
  "k8s.jobs",
  "k8s.pods",
  "k8s.replicasets",
  "k8s.statefulsets"
];
function itemsOf(facet) {
  return Array.isArray(facet?.items) ? facet.items : [];
}
function viewOf(o) {
  let view = views.get(o);
  if (!view) {
    const v = { file: "", documentIndex: 0, apiVersion: o.apiVersion, kind: o.kind, name: o.name };
    if (o.namespace !== void 0)
      v.namespace = o.namespace;
    v.line = 1;
    v.object = o.object;
    v.positions = {};
    if (o.images)
      v.images = o.images;
    if (o.connectionUrls)
      v.connectionUrls = o.connectionUrls;
    view = v;
    views.set(o, view);
  }
  return view;
}
var views = /* @__PURE__ */ new WeakMap();
function liveResource(o, part) {
  const declaredAs = declarationKey(o.namespace ? { layer: "k8s", kind: o.kind, namespace: o.namespace, name: o.name } : { layer: "k8s", kind: o.kind, name: o.name });
  const id = part ? `${declaredAs}/${part.path}` : declaredAs;
  const kind = part?.kind ?? o.kind;
  const name = part ? `${o.name}/${part.name}` : o.name;
  return o.namespace ? { declaredAs, id, kind, name, namespace: o.namespace } : { declaredAs, id, kind, name };
}
function liveObjectResource(o) {
  const { id, kind, name, declaredAs } = objectResourceOf(o);
  return o.namespace ? { declaredAs, id, kind, name, namespace: o.namespace } : { declaredAs, id, kind, name };
}
function objectResourceOf(o) {
  let r = objectResources.get(o);
  if (!r) {
    r = liveResource(o);
    objectResources.set(o, r);
  }
  return r;
}
var objectResources = /* @__PURE__ */ new WeakMap();
function liveContainerResource(w, c) {
  let strings = containerResources.get(c);
  if (!strings) {
    const declaredAs2 = objectResourceOf(w).declaredAs;
    strings = {
      declaredAs: declaredAs2,
      id: `${declaredAs2}/${c.field}/${c.name}`,
      kind: c.field === "initContainers" ? "InitContainer" : "Container",
      name: `${w.name}/${c.name}`
    };
    containerResources.set(c, strings);
  }
  const { id, kind, name, declaredAs } = strings;
  return w.namespace ? { declaredAs, id, kind, name, namespace: w.namespace } : { declaredAs, id, kind, name };
}
var containerResources = /* @__PURE__ */ new WeakMap();
function namespaceResource(namespace) {
  return liveResource({ kind: "Namespace", name: namespace });
}
function metadataOf(o) {
  return asRecord(o.object.metadata) ?? {};
}
function labelsOf(o) {
  return stringRecord(metadataOf(o).labels);
}
function annotationsOfLive(o) {
  return stringRecord(metadataOf(o).annotations);
}
function stringRecord(v) {
  const out = {};
  for (const [k, x] of Object.entries(asRecord(v) ?? {}))
    if (typeof x === "string")
      out[k] = x;
  return out;
}
function ownersOf(o) {
  return asArray(metadataOf(o).ownerReferences).flatMap((r) => {
    const rec = asRecord(r);
    const kind = asString(rec?.kind);
    const name = asString(rec?.name);
    return kind && name ? [{ kind, name, ...rec?.controller === true ? { controller: true } : {} }] : [];
  });
}
function controllerOf(o) {
  if (controllers.has(o))
    return controllers.get(o);
  const controller = ownersOf(o).find((r) => r.controller) ?? void 0;
  controllers.set(o, controller);
  return controller;
}
var controllers = /* @__PURE__ */ new WeakMap();
function specOf(o) {
  return asRecord(o.object.spec) ?? {};
}
function statusOf(o) {
  return asRecord(o.object.status) ?? {};
}
function conditionOf(o, type) {
  const c = asArray(statusOf(o).conditions).map(asRecord).find((x) => x?.type === type);
  if (!c)
    return void 0;
  const reason = asString(c.reason);
  const message = asString(c.message);
  return { status: asString(c.status) ?? "Unknown", ...reason ? { reason } : {}, ...message ? { message } : {} };
}
function topLevelWorkloads(facets) {
  const lists = TOP_LEVEL_ORDER.map((name) => itemsOf(facets[name]));
  const anchor = facets["k8s.deployments"];
  const cached = anchor && topLevel.get(anchor);
  if (cached?.lists.every((l, i) => l === lists[i] && cached.lengths[i] === l.length))
    return cached.workloads;
  const workloads = [];
  lists.forEach((list, i) => {
    const owned = i >= FIRST_OWNED;
    for (const o of list)
      if (!owned || controllerOf(o) === void 0)
        workloads.push(o);
  });
  if (anchor)
    topLevel.set(anchor, { lists, lengths: lists.map((l) => l.length), workloads });
  return workloads;
}
var TOP_LEVEL_ORDER = [
  "k8s.deployments",
  "k8s.statefulsets",
  "k8s.daemonsets",
  "k8s.cronjobs",
  "k8s.jobs",
  "k8s.replicasets",
  "k8s.pods"
];
var FIRST_OWNED = 4;
var topLevel = /* @__PURE__ */ new WeakMap();
function workloadOfPod(pod, replicaSets, jobs = []) {
  const owner = controllerOf(pod);
  if (!owner)
    return void 0;
  if (owner.kind === "ReplicaSet") {
    const rs = byNamespaceAndName(replicaSets).get(pod.namespace)?.get(owner.name);
    const deployment = rs ? controllerOf(rs) : void 0;
    if (deployment?.kind === "Deployment")
      return deployment;
    const hash2 = labelsOf(pod)["pod-template-hash"];
    if (!rs && hash2 && owner.name.endsWith(`-${hash2}`))
      return { kind: "Deployment", name: owner.name.slice(0, -hash2.length - 1) };
    return owner;
  }
  if (owner.kind === "Job") {
    const job = byNamespaceAndName(jobs).get(pod.namespace)?.get(owner.name);
    const cron = job ? controllerOf(job) : void 0;
    return cron?.kind === "CronJob" ? cron : owner;
  }
  return owner;
}
function byNamespaceAndName(list) {
  const cached = namespaceNameIndexes.get(list);
  if (cached && cached.length === list.length)
    return cached.index;
  const index = /* @__PURE__ */ new Map();
  for (const o of list) {
    let names = index.get(o.namespace);
    if (!names) {
      names = /* @__PURE__ */ new Map();
      index.set(o.namespace, names);
    }
    if (!names.has(o.name))
      names.set(o.name, o);
  }
  namespaceNameIndexes.set(list, { length: list.length, index });
  return index;
}
var namespaceNameIndexes = /* @__PURE__ */ new WeakMap();
function podsOf(w, pods, replicaSets, jobs = []) {
  const index = podsByWorkload(pods, replicaSets, jobs);
  const owned = index.owned.get(w.namespace)?.get(`${w.kind}/${w.name}`) ?? [];
  const self = index.position.get(w);
  if (self === void 0 || owned.includes(w))
    return [...owned];
  const at2 = owned.findIndex((p) => (index.position.get(p) ?? 0) > self);
  return at2 < 0 ? [...owned, w] : [...owned.slice(0, at2), w, ...owned.slice(at2)];
}
function podsByWorkload(pods, replicaSets, jobs) {
  const rsKey = replicaSets.length === 0 ? NO_OWNERS : replicaSets;
  const jobsKey = jobs.length === 0 ? NO_OWNERS : jobs;
  let byOwners = podIndexes.get(pods);
  if (!byOwners) {
    byOwners = /* @__PURE__ */ new Map();
    podIndexes.set(pods, byOwners);
  }
  const cached = byOwners.get(rsKey)?.get(jobsKey);
  if (cached && cached.pods === pods.length && cached.replicaSets === replicaSets.length && cached.jobs === jobs.length)
    return cached.index;
  const owned = /* @__PURE__ */ new Map();
  const position = /* @__PURE__ */ new Map();
  pods.forEach((p, i) => {
    position.set(p, i);
    const owner = workloadOfPod(p, replicaSets, jobs);
    if (!owner)
      return;
    let workloads = owned.get(p.namespace);
    if (!workloads) {
      workloads = /* @__PURE__ */ new Map();
      owned.set(p.namespace, workloads);
    }
    const key = `${owner.kind}/${owner.name}`;
    const list = workloads.get(key);
    if (list)
      list.push(p);
    else
      workloads.set(key, [p]);
  });
  let byJobs = byOwners.get(rsKey);
  if (!byJobs) {
    byJobs = /* @__PURE__ */ new Map();
    byOwners.set(rsKey, byJobs);
  }
  const index = { owned, position };
  byJobs.set(jobsKey, { pods: pods.length, replicaSets: replicaSets.length, jobs: jobs.length, index });
  return index;
}
var NO_OWNERS = [];
var podIndexes = /* @__PURE__ */ new WeakMap();
function containerStatuses(pod) {
  let statuses = podStatuses.get(pod);
  if (!statuses) {
    statuses = readContainerStatuses(pod);
    podStatuses.set(pod, statuses);
  }
  return statuses;
}
var podStatuses = /* @__PURE__ */ new WeakMap();
function readContainerStatuses(pod) {
  const status = statusOf(pod);
  const out = [];
  for (const [field, init] of [
    ["initContainerStatuses", true],
    ["containerStatuses", false]
  ]) {
    for (const item of asArray(status[field])) {
      const s = asRecord(item);
      const name = asString(s?.name);
      if (!s || !name)
        continue;
      const state = asRecord(s.state) ?? {};
      const waiting = asRecord(state.waiting);
      const terminated = asRecord(state.terminated);
      const last = asRecord(asRecord(s.lastState)?.terminated);
      const reason = asString(waiting?.reason) ?? asString(terminated?.reason);
      const message = asString(waiting?.message);
      const image = asString(s.image);
      const imageID = asString(s.imageID);
      const exit = typeof last?.exitCode === "number" ? last.exitCode : void 0;
      out.push({
        name,
        ...image ? { image } : {},
        ...imageID ? { imageID } : {},
        ...typeof s.ready === "boolean" ? { ready: s.ready } : {},
        restartCount: typeof s.restartCount === "number" ? s.restartCount : 0,
        ...reason ? { reason } : {},
        ...message ? { message } : {},
        ...exit !== void 0 ? { lastExitCode: exit } : {},
        init
      });
    }
  }
  return out;
}
function digestOf(imageID) {
  return imageID ? /(sha256:[0-9a-f]{64})/.exec(imageID)?.[1] : void 0;
}
function inScope(facet, namespace) {
  return !facet.namespaces || facet.namespaces.includes(namespace);
}
function podSpecOf(o) {
  switch (o.kind) {
    case "Pod":
      return asRecord(o.object.spec);
    case "CronJob":
      return asRecord(valueAt(o.object, "/spec/jobTemplate/spec/template/spec"));
    default:
      return asRecord(valueAt(o.object, "/spec/template/spec"));
  }
}
function secretView(s) {
  return { ...viewOf(s), secretKeys: s.keys.map((k) => ({ ...k, source: "data", line: 1, column: 1 })) };
}

// packages/core/dist/views/k8s-app.js
function manifestObjects(facet) {
  const objects = [];
  for (const f of facet.files)
    for (const o of f.objects)
      objects.push(o);
  return objects;
}
function namespaceOf(o, exp) {
  return o.namespace ?? exp.app.namespace;
}
function inAppNamespace(o, exp) {
  return namespaceOf(o, exp) === exp.app.namespace;
}
function k8sResource(o, exp) {
  const namespace = namespaceOf(o, exp);
  return { file: o.file, id: `${o.file}#${o.kind}/${namespace}/${o.name}`, kind: o.kind, name: o.name, namespace };
}
function pointer(...segments) {
  return segments.map((s) => `/${escapePointerToken(String(s))}`).join("");
}
function under(base, ...segments) {
  return base + pointer(...segments);
}
function valueAt2(root, ptr) {
  if (ptr === "")
    return root;
  let node = root;
  for (const raw of ptr.split("/").slice(1)) {
    const seg = raw.includes("~") ? raw.replace(/~1/g, "/").replace(/~0/g, "~") : raw;
    if (Array.isArray(node))
      node = node[Number(seg)];
    else if (node && typeof node === "object")
      node = node[seg];
    else
      return void 0;
  }
  return node;
}
function locationAt(o, ptr) {
  return locate(o, ptr);
}
function objectLocation(o) {
  return locationAt(o, "/metadata/name");
}
function asNumber(v) {
  if (typeof v === "number" && Number.isFinite(v))
    return v;
  if (typeof v === "string" && /^\d+$/.test(v.trim()))
    return Number(v.trim());
  return void 0;
}
function annotationsOf(o) {
  const out = {};
  for (const [k, v] of Object.entries(asRecord(valueAt2(o.object, "/metadata/annotations")) ?? {})) {
    const s = asString(v);
    if (s !== void 0)
      out[k] = s;
  }
  return out;
}
function annotationPointer(key) {
  return pointer("metadata", "annotations", key);
}
var WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"];
var WORKLOAD_GROUPS2 = /* @__PURE__ */ new Set(["", "apps", "batch", "extensions"]);
function apiGroup2(o) {
  const slash = o.apiVersion.indexOf("/");
  return slash < 0 ? "" : o.apiVersion.slice(0, slash);
}
var WORKLOAD_KIND_SET = new Set(WORKLOAD_KINDS);
function isWorkload(o) {
  return WORKLOAD_KIND_SET.has(o.kind) && WORKLOAD_GROUPS2.has(apiGroup2(o));
}
function podSpecPointer2(o) {
  switch (o.kind) {
    case "Pod":
      return "/spec";
    case "CronJob":
      return "/spec/jobTemplate/spec/template/spec";
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
      return "/spec/template/spec";
    default:
      return void 0;
  }
}
function containersOf2(o) {
  let containers = containerRefs.get(o);
  if (!containers) {
    containers = listContainerRefs(o);
    containerRefs.set(o, containers);
  }
  return containers;
}
var containerRefs = /* @__PURE__ */ new WeakMap();
function listContainerRefs(o) {
  const pod = podSpecPointer2(o);
  if (pod === void 0)
    return [];
  const podSpec = valueAt2(o.object, pod);
  const out = [];
  for (const field of REF_FIELDS) {
    const list = asArray(Array.isArray(podSpec) ? podSpec[Number(field)] : asRecord(podSpec)?.[field]);
    for (let i = 0; i < list.length; i++) {
      const spec = asRecord(list[i]);
      if (!spec)
        continue;
      const at2 = containerPointer(pod, field, i);
      out.push({
        name: asString(spec.name) ?? `#${i}`,
        image: asString(spec.image),
        imageRef: o.images?.[imagePointer(at2)],
        pointer: at2,
        init: field === "initContainers",
        spec
      });
    }
  }
  return out;
}
var REF_FIELDS = ["containers", "initContainers"];
function imageRepository(c) {
  const ref = c.imageRef;
  if (!ref)
    return void 0;
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
var DATASTORE_IMAGES = Object.fromEntries([
  ...["postgres", "postgresql", "postgresql-repmgr", "postgis", "timescaledb", "timescaledb-ha"].map((n) => [
    n,
    { engine: "PostgreSQL", family: "database", managedService: "Cloud SQL" }
  ]),
  ...["mysql", "mysql-server", "mariadb", "percona-server"].map((n) => [
    n,
    { engine: "MySQL", family: "database", managedService: "Cloud SQL" }
  ]),
  ...["mongo", "mongodb", "mongodb-community-server"].map((n) => [
    n,
    { engine: "MongoDB", family: "database", managedService: "Cloud SQL" }
  ]),
  ...["redis", "redis-stack", "redis-stack-server", "redis-cluster", "valkey", "keydb", "dragonfly"].map((n) => [
    n,
    { engine: "Redis", family: "cache", managedService: "Memorystore" }
  ]),
  ["memcached", { engine: "Memcached", family: "cache", managedService: "Memorystore" }]
]);
function datastoreOf(c) {
  const last = imageRepository(c)?.split("/").pop()?.toLowerCase() ?? "";
  return DATASTORE_IMAGES[last];
}
function runsDatastore(o) {
  return containersOf2(o).some((c) => !c.init && datastoreOf(c) !== void 0);
}
function appWorkloads(objects, exp) {
  return objects.filter((o) => isWorkload(o) && inAppNamespace(o, exp) && !runsDatastore(o));
}
function appDeployment(objects, exp) {
  return objects.find((o) => o.kind === "Deployment" && o.name === exp.app.deployment && inAppNamespace(o, exp));
}
function appContainer(o, exp) {
  const main = containersOf2(o).filter((c) => !c.init);
  if (exp.app.container)
    return main.find((c) => c.name === exp.app.container);
  return main.find((c) => imageRepository(c) === exp.app.image) ?? main[0];
}
function findObject(objects, exp, kind, namespace, name) {
  return objects.find((o) => o.kind === kind && o.name === name && namespaceOf(o, exp) === namespace);
}
function sourceRefsOf(o, kind) {
  const refField = kind === "secret" ? "secretRef" : "configMapRef";
  const keyRefField = kind === "secret" ? "secretKeyRef" : "configMapKeyRef";
  const out = [];
  for (const c of containersOf2(o)) {
    asArray(c.spec.envFrom).forEach((item, i) => {
      const ref = asRecord(asRecord(item)?.[refField]);
      const name = asString(ref?.name);
      if (!name)
        return;
      const prefix = asString(asRecord(item)?.prefix);
      out.push({
        name,
        via: "envFrom",
        workload: o,
        pointer: under(c.pointer, "envFrom", i, refField, "name"),
        ...prefix ? { prefix } : {}
      });
    });
    asArray(c.spec.env).forEach((item, i) => {
      const env = asRecord(item);
      const ref = asRecord(asRecord(env?.valueFrom)?.[keyRefField]);
      const name = asString(ref?.name);
      const key = asString(ref?.key);
      if (!name || !key)
        return;
      const envName = asString(env?.name);
      out.push({
        name,
        key,
        via: "keyRef",
        workload: o,
        pointer: under(c.pointer, "env", i, "valueFrom", keyRefField, "name"),
        ...envName ? { envName } : {}
      });
    });
  }
  const pod = podSpecPointer2(o);
  if (pod !== void 0) {
    asArray(valueAt2(o.object, under(pod, "volumes"))).forEach((item, i) => {
      const vol = asRecord(item);
      const direct = kind === "secret" ? asString(asRecord(vol?.secret)?.secretName) : asString(asRecord(vol?.configMap)?.name);
      if (direct) {
        out.push({
          name: direct,
          via: "volume",
          workload: o,
          pointer: under(pod, "volumes", i, kind, kind === "secret" ? "secretName" : "name")
        });
      }
      asArray(asRecord(vol?.projected)?.sources).forEach((src, j) => {
        const name = asString(asRecord(asRecord(src)?.[kind])?.name);
        if (name) {
          out.push({
            name,
            via: "volume",
            workload: o,
            pointer: under(pod, "volumes", i, "projected", "sources", j, kind, "name")
          });
        }
      });
    });
  }
  return out;
}
function appSecretNames(objects, exp) {
  const out = /* @__PURE__ */ new Map();
  for (const w of appWorkloads(objects, exp)) {
    for (const ref of sourceRefsOf(w, "secret"))
      out.set(ref.name, [...out.get(ref.name) ?? [], ref]);
  }
  for (const name of exp.app.secrets)
    if (!out.has(name))
      out.set(name, []);
  return out;
}
function appSecrets(objects, exp) {
  const names = appSecretNames(objects, exp);
  return objects.filter((o) => o.kind === "Secret" && apiGroup2(o) === "" && inAppNamespace(o, exp) && names.has(o.name));
}
function appConfigMaps(objects, exp) {
  const names = new Set(appWorkloads(objects, exp).flatMap((w) => sourceRefsOf(w, "configMap").map((r) => r.name)));
  return objects.filter((o) => o.kind === "ConfigMap" && apiGroup2(o) === "" && inAppNamespace(o, exp) && names.has(o.name));
}
var REDACTED = "<redacted>";
function readable(o, ptr, value) {
  const url = o.connectionUrls?.[ptr];
  return { value, ...url ? { url } : {} };
}
function appSettings(objects, exp) {
  const workloads = appWorkloads(objects, exp);
  const aliases = /* @__PURE__ */ new Map();
  const prefixes = /* @__PURE__ */ new Map();
  for (const w of workloads) {
    for (const kind of ["secret", "configMap"]) {
      for (const ref of sourceRefsOf(w, kind)) {
        if (ref.via === "envFrom" && ref.prefix) {
          const id2 = `${kind}/${ref.name}`;
          prefixes.set(id2, [...prefixes.get(id2) ?? [], ref.prefix]);
        }
        if (ref.via !== "keyRef" || !ref.key || !ref.envName)
          continue;
        const id = `${kind}/${ref.name}/${ref.key}`;
        aliases.set(id, [...aliases.get(id) ?? [], ref.envName]);
      }
    }
  }
  const named = (kind, source, key) => [
    key,
    ...aliases.get(`${kind}/${source}/${key}`) ?? [],
    ...(prefixes.get(`${kind}/${source}`) ?? []).map((p) => `${p}${key}`)
  ];
  const out = [];
  for (const s of appSecrets(objects, exp)) {
    for (const sk of s.secretKeys ?? []) {
      out.push({
        names: named("secret", s.name, sk.key),
        key: sk.key,
        source: "Secret",
        object: s,
        location: { file: s.file, startLine: sk.line, startColumn: sk.column },
        secretKey: sk
      });
    }
  }
  for (const cm of appConfigMaps(objects, exp)) {
    for (const [key, v] of Object.entries(asRecord(cm.object.data) ?? {})) {
      const value = asString(v);
      if (value === void 0)
        continue;
      out.push({
        names: named("configMap", cm.name, key),
        key,
        source: "ConfigMap",
        object: cm,
        location: locationAt(cm, pointer("data", key)),
        ...value !== REDACTED ? readable(cm, pointer("data", key), value) : {}
      });
    }
  }
  for (const w of workloads) {
    for (const c of containersOf2(w)) {
      asArray(c.spec.env).forEach((item, i) => {
        const env = asRecord(item);
        const name = asString(env?.name);
        const value = asString(env?.value);
        if (!name || value === void 0)
          return;
        out.push({
          names: [name],
          key: name,
          source: "env",
          object: w,
          location: locationAt(w, under(c.pointer, "env", i, "value")),
          ...value !== REDACTED ? readable(w, under(c.pointer, "env", i, "value"), value) : {}
        });
      });
    }
  }
  const used = appSecretNames(objects, exp);
  for (const es of externalSecrets(objects)) {
    const target = externalSecretTarget(es);
    if (!inAppNamespace(es, exp) || !used.has(target))
      continue;
    for (const [key, v] of Object.entries(asRecord(valueAt2(es.object, "/spec/target/template/data")) ?? {})) {
      const value = asString(v);
      if (value === void 0)
        continue;
      out.push({
        names: named("secret", target, key),
        key,
        source: "ExternalSecret",
        object: es,
        location: locationAt(es, pointer("spec", "target", "template", "data", key)),
        // `{{ .dbPassword }}` is filled from the store at sync time: not a value the repository holds.
        ...value.includes("{{") || value === REDACTED ? {} : readable(es, pointer("spec", "target", "template", "data", key), value)
      });
    }
  }
  return out;
}
function externalSecrets(objects) {
  return objects.filter((o) => o.kind === "ExternalSecret" && o.apiVersion.startsWith("external-secrets.io/"));
}
function externalSecretTarget(es) {
  return asString(valueAt2(es.object, "/spec/target/name")) ?? es.name;
}
function normalizeSettingName(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[-.\s]/g, "_").toUpperCase();
}
function settingNamed(s, names) {
  const wanted = new Set(names.map(normalizeSettingName));
  return s.names.some((n) => wanted.has(normalizeSettingName(n)));
}
function describeSetting(s) {
  if (s.source === "env")
    return `${s.object.kind} ${s.object.name} env ${s.key}`;
  if (s.source === "ExternalSecret")
    return `ExternalSecret ${s.object.name} template key ${s.key}`;
  return `${s.source} ${s.object.name} key ${s.key}`;
}
function isPostgresScheme(scheme) {
  return /^(postgres(ql)?|pgsql)(\+[a-z0-9]+)?$/i.test(scheme);
}
function secretProducers(objects, exp) {
  const out = /* @__PURE__ */ new Map();
  const add = (key, p) => out.set(key, [...out.get(key) ?? [], p]);
  for (const o of objects) {
    const group = apiGroup2(o);
    const ns = namespaceOf(o, exp);
    if (o.kind === "ExternalSecret" && group === "external-secrets.io") {
      const target = externalSecretTarget(o);
      const ref = asRecord(valueAt2(o.object, "/spec/secretStoreRef"));
      const storeName = asString(ref?.name);
      const storeKind = asString(ref?.kind) ?? "SecretStore";
      const store = storeName ? objects.find((s) => s.kind === storeKind && s.name === storeName && s.apiVersion.startsWith("external-secrets.io/") && (storeKind === "ClusterSecretStore" || namespaceOf(s, exp) === ns)) : void 0;
      const provider = store ? Object.keys(asRecord(valueAt2(store.object, "/spec/provider")) ?? {})[0] : void 0;
      add(`${ns}/${target}`, {
        object: o,
        provider: store ? provider ?? "none" : void 0,
        ...store ? { providerObject: store } : {},
        ...storeName ? { storeName: `${storeKind} ${storeName}` } : {}
      });
    } else if (group === "secrets-store.csi.x-k8s.io" && o.kind === "SecretProviderClass") {
      const provider = asString(valueAt2(o.object, "/spec/provider")) ?? "none";
      for (const item of asArray(valueAt2(o.object, "/spec/secretObjects"))) {
        const target = asString(asRecord(item)?.secretName);
        if (target)
          add(`${ns}/${target}`, { object: o, provider, providerObject: o });
      }
    }
  }
  return out;
}
var SERVER_PROGRAM = /(?:^|[\s/'"])(?:postgres|postmaster|pg_ctl|mysqld|mysqld_safe|mariadbd|mongod|redis-server|valkey-server|keydb-server|dragonfly|memcached|docker-entrypoint(?:\.sh)?|run\.sh|entrypoint\.sh)(?:\s|$|['"])/;
function isClientCommand(container) {
  const command = container.command;
  if (!Array.isArray(command) || command.length === 0)
    return false;
  const args = Array.isArray(container.args) ? container.args : [];
  return !SERVER_PROGRAM.test(` ${[...command, ...args].map(String).join(" ")} `);
}

// packages/core/dist/views/k8s-network.js
var INTERNAL_LB_ANNOTATIONS = ["networking.gke.io/load-balancer-type", "cloud.google.com/load-balancer-type"];
var TLS_ANNOTATIONS = ["networking.gke.io/managed-certificates", "ingress.gcp.kubernetes.io/pre-shared-cert"];
var BACKEND_CONFIG_ANNOTATIONS = ["cloud.google.com/backend-config", "beta.cloud.google.com/backend-config"];
function isService(o) {
  return o.kind === "Service" && apiGroup2(o) === "";
}
function isIngress(o) {
  return o.kind === "Ingress" && ["networking.k8s.io", "extensions"].includes(apiGroup2(o));
}
function serviceType(o) {
  return asString(valueAt2(o.object, "/spec/type")) ?? "ClusterIP";
}
function internalAnnotation(o) {
  const annotations = annotationsOf(o);
  return INTERNAL_LB_ANNOTATIONS.find((k) => annotations[k]?.trim().toLowerCase() === "internal");
}
function publicLoadBalancers(objects, exp) {
  return objects.filter((o) => isService(o) && inAppNamespace(o, exp) && serviceType(o) === "LoadBalancer" && !internalAnnotation(o));
}
function appIngresses(objects, exp) {
  return objects.filter((o) => isIngress(o) && inAppNamespace(o, exp));
}
function ingressTls(o) {
  if (asArray(valueAt2(o.object, "/spec/tls")).length > 0)
    return { pointer: "/spec/tls", how: "spec.tls" };
  const annotations = annotationsOf(o);
  const key = TLS_ANNOTATIONS.find((k) => annotations[k]?.trim());
  return key ? { pointer: pointer("metadata", "annotations", key), how: key } : void 0;
}
function ingressBackends(o) {
  const out = [];
  const read2 = (backend, at2) => {
    const b = asRecord(backend);
    if (!b)
      return;
    const v1 = asRecord(b.service);
    if (v1) {
      const name2 = asString(v1.name);
      const port = asRecord(v1.port);
      if (name2)
        out.push({
          service: name2,
          port: asNumber(port?.number) ?? asString(port?.name),
          pointer: `${at2}/service/name`
        });
      return;
    }
    const name = asString(b.serviceName);
    if (name)
      out.push({
        service: name,
        port: asNumber(b.servicePort) ?? asString(b.servicePort),
        pointer: `${at2}/serviceName`
      });
  };
  read2(valueAt2(o.object, "/spec/defaultBackend"), "/spec/defaultBackend");
  read2(valueAt2(o.object, "/spec/backend"), "/spec/backend");
  asArray(valueAt2(o.object, "/spec/rules")).forEach((rule, i) => {
    asArray(valueAt2(rule, "/http/paths")).forEach((path, j) => {
      read2(asRecord(path)?.backend, `/spec/rules/${i}/http/paths/${j}/backend`);
    });
  });
  return out;
}
function findService(objects, exp, namespace, name) {
  return objects.find((o) => isService(o) && o.name === name && namespaceOf(o, exp) === namespace);
}
function backendConfigFor(service, port, servicePorts = servicePortsOf(service)) {
  const annotations = annotationsOf(service);
  const annotation = BACKEND_CONFIG_ANNOTATIONS.find((k) => annotations[k] !== void 0);
  if (!annotation)
    return void 0;
  let parsed;
  try {
    parsed = JSON.parse(annotations[annotation] ?? "");
  } catch {
    return { annotation, name: void 0, invalid: true };
  }
  const config = asRecord(parsed);
  if (!config)
    return { annotation, name: void 0, invalid: true };
  const ports = asRecord(config.ports) ?? {};
  const match = servicePorts.find((p) => p.port === port || p.name !== void 0 && p.name === port);
  const keys = [port, match?.port, match?.name].filter((k) => k !== void 0).map(String);
  for (const k of keys) {
    const name = asString(ports[k]);
    if (name)
      return { annotation, name };
  }
  return { annotation, name: asString(config.default) };
}
function servicePortsOf(service) {
  return asArray(valueAt2(service.object, "/spec/ports")).map((p) => {
    const r = asRecord(p);
    const port = asNumber(r?.port);
    const name = asString(r?.name);
    return { ...port !== void 0 ? { port } : {}, ...name !== void 0 ? { name } : {} };
  });
}
function findBackendConfig(objects, exp, namespace, name) {
  return objects.find((o) => o.kind === "BackendConfig" && apiGroup2(o) === "cloud.google.com" && o.name === name && namespaceOf(o, exp) === namespace);
}

// packages/core/dist/layers/gcp-shapes.js
var Str = lazySchema(() => Type.String());
var OptStr = lazySchema(() => Type.Optional(Type.String()));
var OptBool = lazySchema(() => Type.Optional(Type.Boolean()));
var OptInt = lazySchema(() => Type.Optional(Type.Integer()));
var Labels = lazySchema(() => Type.Record(Type.String(), Type.String()));
var Read = lazySchema(() => Type.Array(Type.String()));
var GcpIamBindingSchema = lazySchema(() => Type.Object({
  role: Str,
  members: Type.Array(Str),
  condition: Type.Optional(Type.Object({ expression: Str, title: OptStr }))
}));
var GcpIamPolicySchema = lazySchema(() => Type.Object({ bindings: Type.Array(GcpIamBindingSchema) }));
var perInstance = (field, item) => Type.Object({
  read: Read,
  instances: Type.Array(Type.Object({ project: Str, instance: Str, [field]: Type.Array(item) }))
});
var PolicyOf = (ids) => Type.Object({ ...ids, exists: Type.Boolean(), policy: Type.Optional(GcpIamPolicySchema) });

// packages/core/dist/views/edge-entry.js
var GcpSecurityPolicySchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  type: OptStr,
  ruleCount: Type.Integer({ minimum: 0 }),
  adaptiveProtection: OptBool
}));
var GcpBackendServiceSchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  loadBalancingScheme: OptStr,
  protocol: OptStr,
  /** Name of the attached Cloud Armor policy. */
  securityPolicy: OptStr
}));
var EDGE_ENTRY_FACET_SCHEMAS = {
  /** compute securityPolicies.list and backendServices.list (global) */
  "gcp.compute-armor": lazySchema(() => Type.Object({
    read: Read,
    securityPolicies: Type.Array(GcpSecurityPolicySchema),
    backendServices: Type.Array(GcpBackendServiceSchema)
  }))
};
function entries(r, exp) {
  const files = r.source === "manifest";
  const items = [];
  const empty = [];
  const ingresses = appIngresses(r.objects, exp).filter((i) => ingressBackends(i).length > 0);
  if (ingresses.length === 0) {
    for (const lb of publicLoadBalancers(r.objects, exp))
      items.push({
        source: r.source,
        resource: r.resourceOf(lb),
        kind: "loadBalancer",
        service: lb.name,
        ...files ? { location: locationAt(lb, "/spec/type") } : {}
      });
    return { items, empty, none: r.none };
  }
  const seen = /* @__PURE__ */ new Set();
  for (const ing of ingresses) {
    const ns = files ? namespaceOf(ing, exp) : ing.namespace ?? "";
    for (const backend of ingressBackends(ing)) {
      const key = `${backend.service}:${backend.port ?? ""}`;
      if (seen.has(key))
        continue;
      seen.add(key);
      const base = {
        source: r.source,
        kind: "backend",
        ingress: ing.name,
        service: backend.service,
        port: backend.port ?? "default"
      };
      const svc = r.service(ns, backend.service);
      if (!svc) {
        const unread = r.unreadServices(ns);
        if (files)
          empty.push({
            reason: `Service ${backend.service} (a backend of Ingress ${ing.name}) is not declared in the manifests`,
            resource: r.resourceOf(ing)
          });
        else if (unread)
          empty.push({ reason: unread, resource: r.resourceOf(ing) });
        else
          items.push({ ...base, resource: r.resourceOf(ing) });
        continue;
      }
      const resource = r.resourceOf(svc);
      const ref = backendConfigFor(svc, backend.port);
      const refLocation = ref && files ? locationAt(svc, annotationPointer(ref.annotation)) : void 0;
      const svcNs = files ? ns : svc.namespace ?? "";
      const config = ref?.name && !ref.invalid ? r.config(svcNs, ref.name) : void 0;
      if (ref?.name && !ref.invalid && !config) {
        const unread = r.unreadConfigs(svcNs);
        if (unread) {
          empty.push({ reason: unread, resource });
          continue;
        }
      }
      const policy = config ? asString(valueAt2(config.object, "/spec/securityPolicy/name")) : void 0;
      items.push({
        ...base,
        resource,
        found: {
          ...files ? { serviceLocation: objectLocation(svc) } : {},
          ...ref ? { ref } : {},
          ...refLocation ? { refLocation } : {},
          missingPath: files ? `BackendConfig/${ref?.name}` : `backendconfigs/${svcNs}/${ref?.name}`,
          ...config ? {
            config: {
              name: config.name,
              ...policy ? { policy } : {},
              resource: files ? resource : r.resourceOf(config),
              ...files ? {
                noPolicyLocation: locationAt(config, valueAt2(config.object, "/spec") ? "/spec" : "/metadata/name"),
                policyLocation: locationAt(config, "/spec/securityPolicy/name")
              } : {},
              noPolicyPath: files ? `BackendConfig/${config.name}.spec.securityPolicy.name` : "spec.securityPolicy.name"
            }
          } : {}
        }
      });
    }
  }
  return { items, empty, none: r.none };
}
function edgeEntriesFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  return entries({
    source: "manifest",
    objects,
    resourceOf: (o) => k8sResource(o, exp),
    service: (ns, name) => findService(objects, exp, ns, name),
    config: (ns, name) => findBackendConfig(objects, exp, ns, name),
    unreadServices: () => void 0,
    unreadConfigs: () => void 0,
    none: "the manifests declare no public entry for the app (no Ingress, no public LoadBalancer)"
  }, exp);
}
var EDGE_FACETS = ["k8s.services", "k8s.ingresses", "k8s.backendconfigs"];
function edgeEntriesFromCluster(facets, exp) {
  const services = itemsOf(facets["k8s.services"]);
  const configs = itemsOf(facets["k8s.backendconfigs"]);
  const live = [...services, ...itemsOf(facets["k8s.ingresses"])];
  const byView = new Map(live.map((o) => [viewOf(o), o]));
  const configByView = new Map(configs.map((c) => [viewOf(c), c]));
  const serviceViews = new Map(services.map((s) => [s, [...byView].find(([, o]) => o === s)[0]]));
  return entries({
    source: "k8s",
    objects: [...byView.keys()],
    resourceOf: (o) => liveResource(byView.get(o) ?? configByView.get(o) ?? o),
    service: (ns, name) => {
      const s = services.find((x) => x.name === name && x.namespace === ns);
      return s ? serviceViews.get(s) : void 0;
    },
    config: (ns, name) => [...configByView.keys()].find((c) => c.name === name && c.namespace === ns),
    unreadServices: (ns) => inScope(facets["k8s.services"], ns) ? void 0 : `the Services of ${ns} were not read`,
    unreadConfigs: (ns) => inScope(facets["k8s.backendconfigs"], ns) ? void 0 : `the BackendConfigs of ${ns} were not read`,
    none: "the app has no public entry in the cluster (no Ingress, no public LoadBalancer)"
  }, exp);
}
var INTERNAL_SCHEMES = /* @__PURE__ */ new Set(["INTERNAL", "INTERNAL_MANAGED", "INTERNAL_SELF_MANAGED"]);
var literal = (a) => typeof a?.value === "string" ? a.value : void 0;
var expression = (a) => {
  const v = a?.value;
  return v && typeof v === "object" && typeof v.expression === "string" ? v.expression : void 0;
};
var at = (file, node) => ({
  file: node.file ?? file.file,
  startLine: node.line,
  startColumn: node.column
});
function edgeEntriesFromTerraform(facet) {
  const items = [];
  if (facet.files.length === 0)
    return { items, empty: [], none: "the repository has no .tf files" };
  const declared = (type) => facet.files.flatMap((file) => file.blocks.filter((b) => b.type === "resource" && b.labels[0] === type && b.labels[1]).map((block) => ({ file, block, name: block.labels[1] })));
  const resourceOf2 = (file, type, name) => ({
    id: `${file.file}#${type}.${name}`,
    kind: type,
    name,
    file: file.file
  });
  const policies = declared("google_compute_security_policy");
  if (policies.length === 0)
    items.push({
      source: "tf",
      kind: "noPolicy",
      resource: {
        id: `${facet.files.map((f) => f.file).sort()[0]}#google_compute_security_policy`,
        kind: "google_compute_security_policy",
        name: "cloud-armor",
        file: facet.files.map((f) => f.file).sort()[0]
      }
    });
  for (const p of policies)
    items.push({
      source: "tf",
      kind: "policy",
      resource: resourceOf2(p.file, "google_compute_security_policy", p.name),
      location: at(p.file, p.block),
      address: `google_compute_security_policy.${p.name}`,
      name: literal(p.block.attributes.name) ?? p.name
    });
  for (const b of declared("google_compute_backend_service")) {
    const scheme = literal(b.block.attributes.load_balancing_scheme)?.toUpperCase();
    if (scheme && INTERNAL_SCHEMES.has(scheme))
      continue;
    const attr = b.block.attributes.security_policy;
    const policy = literal(attr) ?? expression(attr);
    items.push({
      source: "tf",
      kind: "backendService",
      resource: resourceOf2(b.file, "google_compute_backend_service", b.name),
      location: attr && policy ? at(b.file, attr) : at(b.file, b.block),
      name: `google_compute_backend_service.${b.name}`,
      ...attr && policy ? { policy } : {},
      policyExists: Boolean(attr && policy)
    });
  }
  return { items, empty: [], none: "the repository has no .tf files" };
}
function edgeEntriesFromGcp(facet, exp) {
  const { project, app } = exp;
  const none = `the Compute Engine backend services of ${project} were not read`;
  if (!facet.read.includes(`projects/${project}`))
    return { items: [], empty: [], none };
  const marker = `-${app.namespace}-`;
  const backends = facet.backendServices.filter((b) => b.project === project && b.name.includes(marker));
  if (backends.length === 0)
    return {
      items: [
        {
          source: "gcp",
          kind: "noBackend",
          resource: { id: `gcp:project/${project}`, kind: "GcpProject", name: project },
          namespace: app.namespace,
          project,
          marker,
          observed: facet.backendServices.map((b) => b.name).join(", ") || null
        }
      ],
      empty: [],
      none
    };
  const policies = new Set(facet.securityPolicies.filter((p) => p.project === project).map((p) => p.name));
  return {
    items: backends.map((b) => ({
      source: "gcp",
      kind: "backendService",
      resource: { id: `gcp:backendservice/${project}/${b.name}`, kind: "BackendService", name: b.name },
      name: b.name,
      ...b.securityPolicy ? { policy: b.securityPolicy } : {},
      policyExists: b.securityPolicy !== void 0 && policies.has(b.securityPolicy)
    })),
    empty: [],
    none
  };
}
var EDGE_ENTRY_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => edgeEntriesFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: EDGE_FACETS,
    build: (facet, exp) => edgeEntriesFromCluster(Object.fromEntries(EDGE_FACETS.map((n) => [n, facet(n)])), exp)
  },
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet) => edgeEntriesFromTerraform(facet("files.terraform"))
  },
  gcp: {
    layer: "gcp",
    facets: ["gcp.compute-armor"],
    build: (facet, exp) => edgeEntriesFromGcp(facet("gcp.compute-armor"), exp)
  }
};

// packages/core/dist/views/terraform.js
function isExpression(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.expression === "string" && Object.keys(value).length === 1;
}
function sourceOf(value) {
  return isExpression(value) ? value.expression.trim() : JSON.stringify(value);
}
function evidenceValue(value) {
  if (value === void 0 || value === null)
    return null;
  if (isExpression(value))
    return value.expression.trim();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}
function isTrue(value) {
  return value === true || value === "true";
}
function isFalse(value) {
  return value === false || value === "false";
}
function childBlocks(block, name) {
  return block.blocks.filter((b) => b.type === name);
}
function childBlock(block, name) {
  return block.blocks.find((b) => b.type === name);
}
function dynamicBlock(block, name) {
  return block.blocks.find((b) => b.type === "dynamic" && b.labels[0] === name);
}
var REFERENCE = /(?<![\w.-])(?:var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?|data\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*|each\.(?:key|value)|count\.index|path\.(?:module|root|cwd)|terraform\.workspace|[a-z][a-z0-9]*_[\w-]+\.[A-Za-z_][\w-]*)/g;
function inputsOf(expression2) {
  const found = [...new Set(expression2.match(REFERENCE) ?? [])];
  return found.length ? found : [expression2.trim()];
}
function dependsOnOf(attribute2, expression2) {
  const recorded = attribute2?.dependsOn;
  return Array.isArray(recorded) && recorded.length ? recorded : inputsOf(expression2);
}
function read(block, path) {
  const segments = path.split(".");
  let current = block;
  for (let i = 0; i < segments.length - 1; i++) {
    const name2 = segments[i];
    const next = childBlock(current, name2);
    if (next) {
      current = next;
      continue;
    }
    const dynamic = dynamicBlock(current, name2);
    if (dynamic) {
      const forEach = dynamic.attributes.for_each;
      const over = forEach ? ` over ${sourceOf(forEach.value)}` : "";
      return {
        kind: "expression",
        expression: `dynamic "${name2}"${over}`,
        dependsOn: forEach ? dependsOnOf(forEach, sourceOf(forEach.value)) : [`dynamic "${name2}"`],
        line: dynamic.line,
        column: dynamic.column
      };
    }
    return { kind: "absent", parent: current, missing: segments.slice(i) };
  }
  const name = segments[segments.length - 1];
  const attribute2 = current.attributes[name];
  if (!attribute2 || attribute2.value === null)
    return { kind: "absent", parent: current, missing: [name] };
  if (isExpression(attribute2.value)) {
    return {
      kind: "expression",
      expression: attribute2.value.expression.trim(),
      dependsOn: dependsOnOf(attribute2, attribute2.value.expression),
      line: attribute2.line,
      column: attribute2.column,
      attribute: attribute2
    };
  }
  return { kind: "literal", value: attribute2.value, attribute: attribute2 };
}
function literalAt(block, path) {
  const r = read(block, path);
  return r.kind === "literal" ? r.value : void 0;
}
function blockLocation(file, block) {
  return { file: block.file ?? file, startLine: block.line, startColumn: block.column, endLine: block.endLine };
}
function attributeLocation(file, attribute2) {
  return { file: attribute2.file ?? file, startLine: attribute2.line, startColumn: attribute2.column };
}
function readLocation(file, r) {
  if (r.kind === "literal")
    return attributeLocation(file, r.attribute);
  if (r.kind === "expression")
    return { file: r.attribute?.file ?? file, startLine: r.line, startColumn: r.column };
  return blockLocation(file, r.parent);
}
function dirOf(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
function collect(files, kind, types) {
  const out = [];
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== kind)
        continue;
      const [type, name] = block.labels;
      if (!type || !name || types && !types.includes(type))
        continue;
      out.push({
        file,
        block,
        mode: kind === "resource" ? "managed" : "data",
        type,
        name,
        address: kind === "resource" ? `${type}.${name}` : `data.${type}.${name}`,
        dir: dirOf(file.file)
      });
    }
  }
  return out.sort((a, b) => cmp(a.file.file, b.file.file) || a.block.line - b.block.line);
}
function resourcesOf(files, ...types) {
  return collect(files, "resource", types.length ? types : void 0);
}
function dataSourcesOf(files, ...types) {
  return collect(files, "data", types.length ? types : void 0);
}
function findResource(files, mode, type, name, fromDir) {
  const all = (mode === "managed" ? resourcesOf(files, type) : dataSourcesOf(files, type)).filter((r) => r.name === name);
  return all.find((r) => r.dir === fromDir) ?? (all.length === 1 ? all[0] : void 0);
}
function referenceTo(expression2, type) {
  const m = new RegExp(`(^|[^\\w.])(data\\.)?${type}\\.([A-Za-z_][\\w-]*)`).exec(expression2);
  if (!m)
    return void 0;
  return { mode: m[2] ? "data" : "managed", name: m[3] };
}
function resourceOf(r) {
  return { file: r.file.file, id: `${r.file.file}#${r.address}`, kind: r.type, name: r.address };
}
function declaresNothing(block) {
  const count = block.attributes.count?.value;
  if (count === 0 || count === "0")
    return true;
  const forEach = block.attributes.for_each?.value;
  if (Array.isArray(forEach) && forEach.length === 0)
    return true;
  if (forEach && typeof forEach === "object" && !isExpression(forEach) && Object.keys(forEach).length === 0)
    return true;
  return false;
}
function moduleCalls(files) {
  const out = [];
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== "module" || !block.labels[0])
        continue;
      const dir = dirOf(file.file);
      const raw = block.attributes.source?.value;
      const source = typeof raw === "string" ? raw : void 0;
      const local = source !== void 0 && (source.startsWith("./") || source.startsWith("../"));
      out.push({
        file,
        block,
        name: block.labels[0],
        dir,
        ...source !== void 0 ? { source } : {},
        ...local ? { target: joinPath(dir, source) } : {}
      });
    }
  }
  return out.sort((a, b) => cmp(a.file.file, b.file.file) || a.block.line - b.block.line);
}
function joinPath(dir, relative2) {
  const parts = dir ? dir.split("/") : [];
  for (const seg of relative2.split("/")) {
    if (seg === "" || seg === ".")
      continue;
    if (seg === ".." && parts.length > 0 && parts[parts.length - 1] !== "..")
      parts.pop();
    else
      parts.push(seg);
  }
  return parts.join("/");
}
function rootModules(files) {
  const calls = moduleCalls(files);
  const called = new Set(calls.flatMap((c) => c.target !== void 0 ? [c.target] : []));
  const dirs = [...new Set(files.map((f) => dirOf(f.file)))].sort(cmp);
  return dirs.filter((d) => !called.has(d)).map((dir) => {
    const reach = /* @__PURE__ */ new Map();
    const walk = (at2, prefix, seen) => {
      reach.set(at2, [...reach.get(at2) ?? [], prefix]);
      for (const c of calls) {
        if (c.dir !== at2 || c.target === void 0 || seen.has(c.target))
          continue;
        walk(c.target, `${prefix}module.${c.name}.`, /* @__PURE__ */ new Set([...seen, c.target]));
      }
    };
    walk(dir, "", /* @__PURE__ */ new Set([dir]));
    return { dir, reach };
  });
}
function displayValue(files, dir, value, depth = 0) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (!isExpression(value) || depth > 5)
    return void 0;
  const expr = value.expression.trim();
  const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (variable) {
    const name = variable[1];
    const callers = moduleCalls(files).filter((c) => c.target === dir && c.block.attributes[name]);
    const fromCallers = [
      ...new Set(callers.map((c) => displayValue(files, c.dir, c.block.attributes[name].value, depth + 1)))
    ];
    if (callers.length > 0 && fromCallers.length === 1 && fromCallers[0] !== void 0)
      return fromCallers[0];
    for (const f of files) {
      if (dirOf(f.file) !== dir)
        continue;
      const decl = f.blocks.find((b) => b.type === "variable" && b.labels[0] === name);
      const dflt = decl?.attributes.default?.value;
      if (dflt !== void 0)
        return displayValue(files, dir, dflt, depth + 1);
    }
    return void 0;
  }
  const local = /^local\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (local) {
    for (const f of files) {
      if (dirOf(f.file) !== dir)
        continue;
      for (const b of f.blocks) {
        const attr = b.type === "locals" ? b.attributes[local[1]] : void 0;
        if (attr)
          return displayValue(files, dir, attr.value, depth + 1);
      }
    }
  }
  return void 0;
}
function anchorLocation(files, environment) {
  const sorted = [...files].sort((a, b) => cmp(a.file, b.file));
  for (const f of sorted) {
    const provider = f.blocks.find((b) => b.type === "provider" && (b.labels[0] === "google" || b.labels[0] === "google-beta"));
    if (provider)
      return blockLocation(f.file, provider);
  }
  const envMain = sorted.find((f) => f.file.endsWith(`environments/${environment}/main.tf`));
  const main = envMain ?? sorted.find((f) => f.file === "main.tf" || f.file.endsWith("/main.tf"));
  const first = main ?? sorted[0];
  return first ? { file: first.file, startLine: 1, startColumn: 1 } : void 0;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function valueSource(r, file) {
  if (r.kind !== "literal" || !r.attribute.expression)
    return { sets: "sets", from: "" };
  const expression2 = r.attribute.expression.trim();
  const origin = r.attribute.origin;
  if (!origin)
    return { sets: "gets", from: ` (from \`${expression2}\`)` };
  const at2 = `${origin.file}:${origin.line}`;
  const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(expression2)?.[1];
  if (variable && /\.tfvars(?:\.json)?$/.test(origin.file))
    return { sets: "gets", from: ` (from \`var.${variable}\`, set in ${at2})` };
  if (variable && dirOf(origin.file) === dirOf(r.attribute.file ?? file))
    return {
      sets: "gets",
      from: ` (the default of \`var.${variable}\`, ${at2}, which nothing in this repository overrides for this module)`
    };
  return { sets: "gets", from: ` (from \`${expression2}\`, its value written at ${at2})` };
}

// packages/core/dist/views/attribute.js
function decided(value, origin) {
  return { certainty: "decided", value, origin };
}
function liveAttribute(value, origin) {
  return value === void 0 || value === null ? { certainty: "absent", origin } : decided(value, origin);
}
function tfAttribute(file, path, r) {
  const origin = { layer: "files", path, location: readLocation(file, r) };
  if (r.kind === "literal")
    return decided(r.value, { ...origin, valueSource: valueSource(r, file) });
  if (r.kind === "expression")
    return { certainty: "unresolved", expression: r.expression, dependsOn: r.dependsOn, origin };
  return { certainty: "absent", origin };
}
function valueSourceOf(a) {
  return a.origin.valueSource ?? { sets: "sets", from: "" };
}
function evidenceOf(a, expected) {
  const observed = a.certainty === "decided" ? evidenceValue(a.value) : a.certainty === "unresolved" ? a.expression : null;
  const evidence = { path: a.origin.path, observed };
  if (expected)
    evidence.expected = expected;
  if (a.origin.location)
    evidence.location = a.origin.location;
  return evidence;
}

// packages/core/dist/views/gke-cluster.js
var GKE_CLUSTER_TF_TYPE = "google_container_cluster";
var GKE_NODE_POOL_TF_TYPE = "google_container_node_pool";
var NODE_METADATA_MODE = "node_config.workload_metadata_config.mode";
function gkeClusterResource(c) {
  return {
    id: `gcp:gke/${c.project}/${c.location}/${c.name}`,
    kind: "GkeCluster",
    name: c.name,
    declaredAs: declarationKey({ layer: "tf", type: GKE_CLUSTER_TF_TYPE, name: c.name })
  };
}
function gkeNodePoolResource(c, pool) {
  return {
    id: `gcp:gke/${c.project}/${c.location}/${c.name}/nodePools/${pool}`,
    kind: "GkeNodePool",
    name: `${c.name}/${pool}`,
    declaredAs: declarationKey({ layer: "tf", type: GKE_NODE_POOL_TF_TYPE, name: pool })
  };
}
var absentIn = (layer, path, live) => ({
  certainty: "absent",
  origin: { layer, path, ...live ? { live } : {} }
});
function gkeClustersFromTerraform(facet) {
  const files = facet.files;
  const items = [];
  const empty = [];
  const byResource = /* @__PURE__ */ new Map();
  for (const r of resourcesOf(files, GKE_CLUSTER_TF_TYPE)) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      empty.push({ reason: `${r.address} declares no instance (count = 0 or an empty for_each)`, resource });
      continue;
    }
    const file = r.file.file;
    const at2 = (path) => tfAttribute(file, `${r.address}.${path}`, read(r.block, path));
    const pool = (block, label3) => ({
      resource,
      label: label3,
      workloadMetadataMode: tfAttribute(file, `${label3}.${NODE_METADATA_MODE}`, read(block, NODE_METADATA_MODE))
    });
    const inline = childBlocks(r.block, "node_pool");
    const view = {
      source: "tf",
      resource,
      label: r.address,
      location: blockLocation(file, r.block),
      name: at2("name"),
      project: at2("project"),
      autopilot: at2("enable_autopilot"),
      workloadPool: at2("workload_identity_config.workload_pool"),
      databaseEncryptionState: at2("database_encryption.state"),
      databaseEncryptionKey: at2("database_encryption.key_name"),
      databaseEncryptionCurrentState: absentIn("files", `${r.address} (a declaration shows no current state)`),
      loggingService: at2("logging_service"),
      loggingComponents: at2("logging_config.enable_components"),
      monitoringService: at2("monitoring_service"),
      monitoringComponents: at2("monitoring_config.enable_components"),
      monitoringConfigDeclared: childBlock(r.block, "monitoring_config") !== void 0,
      managedPrometheus: at2("monitoring_config.managed_prometheus.enabled"),
      // The cluster's default node_config and its inline node pools.
      nodePools: [
        pool(r.block, r.address),
        ...inline.map((b, i) => {
          const name = b.attributes.name?.value;
          return pool(b, `${r.address}.node_pool[${typeof name === "string" ? name : i}]`);
        })
      ],
      tf: r
    };
    byResource.set(r.block, view);
    items.push(view);
  }
  for (const p of resourcesOf(files, GKE_NODE_POOL_TF_TYPE)) {
    if (declaresNothing(p.block))
      continue;
    const cluster = clusterOf(files, p, items, byResource);
    if (!cluster)
      continue;
    const file = p.file.file;
    cluster.nodePools.push({
      resource: resourceOf(p),
      label: p.address,
      workloadMetadataMode: tfAttribute(file, `${p.address}.${NODE_METADATA_MODE}`, read(p.block, NODE_METADATA_MODE))
    });
  }
  return { items, empty, none: `no ${GKE_CLUSTER_TF_TYPE} resource is declared in any .tf file` };
}
function clusterOf(files, p, items, byResource) {
  const ref = p.block.attributes.cluster?.value;
  const to = isExpression(ref) ? referenceTo(ref.expression, GKE_CLUSTER_TF_TYPE) : void 0;
  if (to) {
    const r = findResource(files, to.mode, GKE_CLUSTER_TF_TYPE, to.name, p.dir);
    const v = r ? byResource.get(r.block) : void 0;
    if (v)
      return v;
  }
  if (typeof ref === "string") {
    const named = items.filter((v) => v.name.certainty === "decided" && v.name.value === ref);
    if (named.length === 1)
      return named[0];
  }
  const sameDir = items.filter((v) => v.tf?.dir === p.dir);
  if (sameDir.length === 1)
    return sameDir[0];
  return items.length === 1 ? items[0] : void 0;
}
function gkeClustersFromGcp(facet) {
  const items = facet.clusters.map((c) => {
    const resource = gkeClusterResource(c);
    const live = resource.id;
    const at2 = (value, path) => liveAttribute(value, { layer: "gcp", path, live });
    const enc = c.databaseEncryption;
    return {
      source: "gcp",
      resource,
      label: c.name,
      name: decided(c.name, { layer: "gcp", path: "name", live }),
      project: decided(c.project, { layer: "gcp", path: "project", live }),
      autopilot: absentIn("gcp", "autopilot (not read)", live),
      workloadPool: at2(c.workloadPool, "workloadIdentityConfig.workloadPool"),
      databaseEncryptionState: at2(enc?.state, "databaseEncryption.state"),
      databaseEncryptionKey: at2(enc?.keyName, "databaseEncryption.keyName"),
      databaseEncryptionCurrentState: at2(enc?.currentState, "databaseEncryption.currentState"),
      loggingService: at2(c.loggingService, "loggingService"),
      loggingComponents: at2(c.loggingComponents, "loggingConfig.componentConfig.enableComponents"),
      monitoringService: at2(c.monitoringService, "monitoringService"),
      monitoringComponents: at2(c.monitoringComponents, "monitoringConfig.componentConfig.enableComponents"),
      monitoringConfigDeclared: true,
      managedPrometheus: at2(c.managedPrometheus, "monitoringConfig.managedPrometheusConfig.enabled"),
      nodePools: c.nodePools.map((p) => {
        const pool = gkeNodePoolResource(c, p.name);
        return {
          resource: pool,
          label: p.name,
          workloadMetadataMode: liveAttribute(p.workloadMetadataMode, {
            layer: "gcp",
            path: `nodePools[${p.name}].config.workloadMetadataConfig.mode`,
            live: pool.id
          })
        };
      }),
      gcp: c
    };
  });
  return { items, empty: [], none: "the project has no GKE cluster" };
}
var GKE_CLUSTER_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet) => gkeClustersFromTerraform(facet("files.terraform"))
  },
  gcp: { layer: "gcp", facets: ["gcp.gke"], build: (facet) => gkeClustersFromGcp(facet("gcp.gke")) }
};

// packages/core/dist/views/image-platform.js
var GcpDockerImageSchema = lazySchema(() => Type.Object({
  /** Image path inside the repository, e.g. `coditect-cloud-backend`. */
  image: Str,
  digest: Str,
  uri: OptStr,
  tags: Type.Array(Str),
  mediaType: OptStr,
  uploadTime: OptStr
}));
var IMAGE_PLATFORM_FACET_SCHEMAS = {
  /** artifactregistry dockerImages.list of the expected repository */
  "gcp.artifactregistry-images": lazySchema(() => Type.Object({
    repositories: Type.Array(Type.Object({
      project: Str,
      location: Str,
      repository: Str,
      exists: Type.Boolean(),
      images: Type.Array(GcpDockerImageSchema)
    }))
  }))
};
var IMAGE_PLATFORM_GCP_FACETS = ["gcp.gke", "gcp.artifactregistry-images"];
var IMAGE_PLATFORM_K8S_FACETS = ["k8s.nodes", ...WORKLOAD_FACETS];
var IMAGE_PLATFORM_JOIN_FACETS = [
  "probe.registry",
  ...WORKLOAD_FACETS,
  "k8s.nodes",
  "gcp.gke",
  "files.workflows"
];
var workloadsOf = (facet) => topLevelWorkloads(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])));
function imagePlatformsFromGcp(facet, exp) {
  const imagePath = exp.app.image.split("/").slice(3).join("/");
  const taggedImages = facet("gcp.artifactregistry-images").repositories.flatMap((r) => r.images).filter((i) => i.image === imagePath && i.tags.length > 0);
  const items = facet("gcp.gke").clusters.map((cluster) => ({
    source: "gcp",
    resource: gkeClusterResource(cluster),
    cluster,
    imagePath,
    taggedImages
  }));
  return { items, empty: [], none: "GKE reports no cluster" };
}
function imagePlatformsFromCluster(facet) {
  const pods = facet("k8s.pods");
  return {
    items: [
      {
        source: "k8s",
        resource: { id: "k8s:Cluster", kind: "Cluster", name: "cluster" },
        nodes: itemsOf(facet("k8s.nodes")),
        workloads: workloadsOf(facet),
        pods: itemsOf(pods),
        replicaSets: itemsOf(facet("k8s.replicasets")),
        ...pods.namespaces ? { podNamespaces: pods.namespaces } : {}
      }
    ],
    empty: [],
    none: ""
  };
}
function imagePlatformsFromRegistry(facet) {
  return {
    items: facet.images.map((image) => ({
      source: "probe",
      resource: { id: image.reference, kind: "Image", name: image.reference },
      image
    })),
    empty: [],
    none: "the registry probe read no image"
  };
}
function imagePlatformsJoined(facet) {
  return {
    items: [
      {
        source: "join",
        resource: { id: "k8s:Cluster", kind: "Cluster", name: "cluster" },
        nodes: facet("k8s.nodes").items,
        clusters: facet("gcp.gke").clusters,
        workloads: workloadsOf(facet),
        images: facet("probe.registry").images,
        workflows: facet("files.workflows").files
      }
    ],
    empty: [],
    none: ""
  };
}
var IMAGE_PLATFORM_SOURCES = {
  gcp: { layer: "gcp", facets: IMAGE_PLATFORM_GCP_FACETS, build: (facet, exp) => imagePlatformsFromGcp(facet, exp) },
  k8s: { layer: "k8s", facets: IMAGE_PLATFORM_K8S_FACETS, build: (facet) => imagePlatformsFromCluster(facet) },
  probe: {
    layer: "probe",
    facets: ["probe.registry"],
    build: (facet) => imagePlatformsFromRegistry(facet("probe.registry"))
  },
  // Registry, cluster, GKE and workflows together; reported on the probe layer, as the join was.
  join: { layer: "probe", facets: IMAGE_PLATFORM_JOIN_FACETS, build: (facet) => imagePlatformsJoined(facet) }
};

// packages/core/dist/views/kms.js
function parseKmsId(id) {
  const ring = /keyRings\/([^/]+)/.exec(id)?.[1];
  const key = /cryptoKeys\/([^/]+)/.exec(id)?.[1];
  return { ...ring ? { ring } : {}, ...key ? { key } : {} };
}
function known(value, expressionOf) {
  if (typeof value === "string" && value)
    return { known: true, value };
  return { known: false, expression: expressionOf() };
}
function ringOf(files, value, fromDir) {
  if (typeof value === "string") {
    const parsed = parseKmsId(value).ring;
    return { known: true, value: parsed ?? value.split("/").pop() ?? value };
  }
  if (!isExpression(value))
    return { known: false, expression: "not set" };
  const expression2 = value.expression.trim();
  const ref = referenceTo(expression2, "google_kms_key_ring");
  if (!ref)
    return { known: false, expression: expression2 };
  const ring = findResource(files, ref.mode, "google_kms_key_ring", ref.name, fromDir);
  if (!ring)
    return { known: false, expression: expression2 };
  const name = ring.block.attributes.name?.value;
  return known(name, () => `${ring.address}.name = ${isExpression(name) ? name.expression.trim() : "not set"}`);
}
function keyIdentity(files, key) {
  const name = key.block.attributes.name?.value;
  return {
    name: known(name, () => isExpression(name) ? name.expression.trim() : "not set"),
    ring: ringOf(files, key.block.attributes.key_ring?.value, key.dir)
  };
}
function keyOf(files, value, fromDir) {
  if (typeof value === "string") {
    const parsed = parseKmsId(value);
    return {
      name: parsed.key ? { known: true, value: parsed.key } : { known: false, expression: value },
      ring: parsed.ring ? { known: true, value: parsed.ring } : { known: false, expression: value }
    };
  }
  const expression2 = isExpression(value) ? value.expression.trim() : "not set";
  const ref = referenceTo(expression2, "google_kms_crypto_key");
  const declared = ref ? findResource(files, ref.mode, "google_kms_crypto_key", ref.name, fromDir) : void 0;
  if (!declared)
    return { name: { known: false, expression: expression2 }, ring: { known: false, expression: expression2 } };
  return { ...keyIdentity(files, declared), declared };
}
function matchKey(id, expected) {
  if (id.name.known && id.name.value !== expected.key)
    return "no";
  if (id.ring.known && id.ring.value !== expected.keyRing)
    return "no";
  return id.name.known && id.ring.known ? "yes" : "maybe";
}
function matchRing(ring, expected) {
  if (!ring.known)
    return "maybe";
  return ring.value === expected ? "yes" : "no";
}
function unknownInputs(...ks) {
  return ks.flatMap((k) => k.known ? [] : inputsOf(k.expression));
}
function describeKnown(k) {
  return k.known ? k.value : `from ${k.expression}`;
}
var KEY_IAM_TYPES = [
  "google_kms_crypto_key_iam_binding",
  "google_kms_crypto_key_iam_member",
  "google_kms_crypto_key_iam_policy"
];
var RING_IAM_TYPES = [
  "google_kms_key_ring_iam_binding",
  "google_kms_key_ring_iam_member",
  "google_kms_key_ring_iam_policy"
];
function kmsGrants(files) {
  const out = [];
  for (const iam of resourcesOf(files, ...KEY_IAM_TYPES, ...RING_IAM_TYPES)) {
    const scope = KEY_IAM_TYPES.includes(iam.type) ? "key" : "ring";
    if (iam.type.endsWith("_iam_policy")) {
      const policy = iam.block.attributes.policy_data;
      const ref = policy && isExpression(policy.value) ? referenceTo(policy.value.expression, "google_iam_policy") : void 0;
      const data = ref ? findResource(files, "data", "google_iam_policy", ref.name, iam.dir) : void 0;
      if (!data) {
        const line = policy?.line ?? iam.block.line;
        const column = policy?.column ?? iam.block.column;
        out.push({
          iam,
          scope,
          role: { known: false, expression: policy ? sourceText(policy.value) : "policy_data not set" },
          members: [],
          expression: policy ? sourceText(policy.value) : "policy_data not set",
          file: iam.file.file,
          line,
          column
        });
        continue;
      }
      for (const binding of childBlocks(data.block, "binding"))
        out.push(grantOf(iam, scope, data.file.file, binding));
      continue;
    }
    out.push(grantOf(iam, scope, iam.file.file, iam.block));
  }
  return out;
}
function sourceText(value) {
  return isExpression(value) ? value.expression.trim() : JSON.stringify(value);
}
function grantOf(iam, scope, file, holder) {
  const roleValue = literalAt(holder, "role");
  const roleAttr = holder.attributes.role;
  const role = typeof roleValue === "string" ? { known: true, value: roleValue } : { known: false, expression: roleAttr ? sourceText(roleAttr.value) : "not set" };
  const attr = holder.attributes.members ?? holder.attributes.member;
  const at2 = { file, line: attr?.line ?? holder.line, column: attr?.column ?? holder.column };
  if (!attr)
    return { iam, scope, role, members: [], ...at2 };
  const value = attr.value;
  if (typeof value === "string")
    return { iam, scope, role, members: [value], ...at2 };
  if (Array.isArray(value) && value.every((m) => typeof m === "string"))
    return { iam, scope, role, members: value, ...at2 };
  return { iam, scope, role, members: [], expression: sourceText(value), ...at2 };
}
function grantTarget(files, g) {
  if (g.scope === "ring")
    return { ring: ringOf(files, g.iam.block.attributes.key_ring_id?.value, g.iam.dir) };
  const key = keyOf(files, g.iam.block.attributes.crypto_key_id?.value, g.iam.dir);
  return { key, ring: key.ring };
}
var PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];
function publicMembers(g) {
  const found = g.members.filter((m) => PUBLIC_MEMBERS.includes(m));
  if (g.expression) {
    for (const p of PUBLIC_MEMBERS)
      if (g.expression.includes(`"${p}"`))
        found.push(p);
  }
  return [...new Set(found)];
}
function grantNames(files, g, member, project) {
  const wanted = member.toLowerCase();
  if (g.members.some((m) => m.toLowerCase() === wanted))
    return "yes";
  if (g.expression === void 0)
    return "no";
  if (g.expression.toLowerCase().includes(wanted))
    return "yes";
  const refs = [...g.expression.matchAll(/google_service_account\.([A-Za-z_][\w-]*)\.(email|member)/g)];
  if (refs.length === 0)
    return "maybe";
  let unresolved = false;
  for (const [, name] of refs) {
    const sa = findResource(files, "managed", "google_service_account", name, g.iam.dir);
    const accountId = sa ? literalAt(sa.block, "account_id") : void 0;
    if (typeof accountId !== "string") {
      unresolved = true;
      continue;
    }
    const saProject = literalAt(sa.block, "project");
    const email = `${accountId}@${typeof saProject === "string" ? saProject : project}.iam.gserviceaccount.com`;
    if (`serviceaccount:${email}` === wanted)
      return "yes";
  }
  return unresolved ? "maybe" : "no";
}

// packages/core/dist/views/kms-key.js
function kmsKeyResource(project, location, keyRing, key) {
  return {
    id: `gcp:kms/${project}/${location}/${keyRing}/${key}`,
    kind: "KmsCryptoKey",
    name: `${keyRing}/${key}`,
    declaredAs: declarationKey({ layer: "tf", type: "google_kms_crypto_key", name: key })
  };
}
function undeclaredKmsKeyResource(keyRing, key) {
  return { id: `kms-key:${keyRing}/${key}`, kind: "google_kms_crypto_key", name: `${keyRing}/${key}` };
}
var absentIn2 = (layer, path, live) => ({
  certainty: "absent",
  origin: { layer, path, ...live ? { live } : {} }
});
function kmsKeysFromTerraform(facet, exp) {
  const files = facet.files;
  const none = "no .tf file in the repository; the gcp layer checks the live key";
  if (files.length === 0)
    return { items: [], empty: [], none };
  const kms = exp.kms;
  const expected = { keyRing: kms.keyRing, key: kms.key };
  const keys = resourcesOf(files, "google_kms_crypto_key").filter((k) => !declaresNothing(k.block));
  const identified = keys.map((k) => ({ k, id: keyIdentity(files, k) }));
  const view = (k, id, identity) => {
    const file = k.file.file;
    const at2 = (path) => tfAttribute(file, `${k.address}.${path}`, read(k.block, path));
    const skip = at2("skip_initial_version_creation");
    return {
      source: "tf",
      resource: resourceOf(k),
      label: k.address,
      location: blockLocation(file, k.block),
      identity,
      declared: id,
      purpose: at2("purpose"),
      algorithm: at2("version_template.algorithm"),
      hasEnabledVersion: skip.certainty === "decided" && (skip.value === true || skip.value === "true") ? { certainty: "decided", value: false, origin: skip.origin } : { certainty: "absent", origin: skip.origin },
      skipInitialVersion: skip,
      seen: [],
      tf: k
    };
  };
  const matches = identified.filter(({ id }) => matchKey(id, expected) === "yes");
  if (matches.length)
    return { items: matches.map(({ k, id }) => view(k, id, "match")), empty: [], none };
  const maybes = identified.filter(({ k, id }) => {
    if (matchKey(id, expected) !== "maybe")
      return false;
    const purpose = read(k.block, "purpose");
    return purpose.kind === "expression" || purpose.kind === "literal" && purpose.value === kms.purpose;
  });
  if (maybes.length)
    return { items: maybes.map(({ k, id }) => view(k, id, "maybe")), empty: [], none };
  const nowhere = absentIn2("files", `google_kms_crypto_key ${kms.keyRing}/${kms.key} (not declared)`);
  return {
    items: [
      {
        source: "tf",
        resource: undeclaredKmsKeyResource(kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        identity: "missing",
        anchor: (environment) => anchorLocation(files, environment),
        purpose: nowhere,
        algorithm: nowhere,
        hasEnabledVersion: nowhere,
        seen: identified.map(({ k, id }) => ({
          path: `${k.address}.name`,
          observed: describeKnown(id.name),
          expected: kms.key,
          location: blockLocation(k.file.file, k.block)
        }))
      }
    ],
    empty: [],
    none
  };
}
function kmsKeysFromGcp(facet, exp) {
  const { project, kms } = exp;
  const resource = kmsKeyResource(project, kms.location, kms.keyRing, kms.key);
  const live = resource.id;
  const label3 = `${kms.keyRing}/${kms.key}`;
  const ring = facet.keyRings.find((r) => r.project === project && r.location === kms.location && r.name === kms.keyRing);
  const key = ring?.keys.find((k) => k.name === kms.key);
  if (!key) {
    const scope = `projects/${project}/locations/${kms.location}`;
    const read2 = facet.read.some((r) => r === scope || scope.startsWith(`${r}/`));
    const nowhere = absentIn2("gcp", `cryptoKeys/${kms.key} (missing)`, live);
    if (!read2 && !ring)
      return {
        items: [
          {
            source: "gcp",
            resource,
            label: label3,
            identity: "unread",
            purpose: nowhere,
            algorithm: nowhere,
            hasEnabledVersion: nowhere,
            seen: []
          }
        ],
        empty: [],
        none: ""
      };
    return {
      items: [
        {
          source: "gcp",
          resource,
          label: label3,
          identity: "missing",
          purpose: nowhere,
          algorithm: nowhere,
          hasEnabledVersion: nowhere,
          ringExists: ring !== void 0,
          seen: [
            {
              path: "keyRings[].name",
              observed: facet.keyRings.map((r) => r.name).join(", ") || null,
              expected: kms.keyRing
            },
            {
              path: "cryptoKeys[].name",
              observed: ring?.keys.map((k) => k.name).join(", ") || null,
              expected: kms.key
            }
          ]
        }
      ],
      empty: [],
      none: ""
    };
  }
  const enabled = (key.versions ?? []).filter((v) => v.state === "ENABLED");
  const primaryEnabled = key.primary?.state === "ENABLED";
  const enabledVersion = enabled[0]?.name ?? key.primary?.name;
  return {
    items: [
      {
        source: "gcp",
        resource,
        label: label3,
        identity: "match",
        purpose: liveAttribute(key.purpose, { layer: "gcp", path: "purpose", live }),
        algorithm: liveAttribute(key.algorithm, { layer: "gcp", path: "versionTemplate.algorithm", live }),
        hasEnabledVersion: decided(enabled.length > 0 || primaryEnabled, {
          layer: "gcp",
          path: "cryptoKeyVersions[].state",
          live
        }),
        versions: key.versions ?? [],
        ...enabledVersion !== void 0 ? { enabledVersion } : {},
        seen: [],
        gcp: key
      }
    ],
    empty: [],
    none: ""
  };
}
var KMS_KEY_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet, exp) => kmsKeysFromTerraform(facet("files.terraform"), exp)
  },
  gcp: { layer: "gcp", facets: ["gcp.kms"], build: (facet, exp) => kmsKeysFromGcp(facet("gcp.kms"), exp) }
};

// packages/core/dist/views/kms-key-access.js
var KMS_KEY_ACCESS_FACET_SCHEMAS = {
  /** cloudkms cryptoKeys.getIamPolicy of the expected signing key */
  "gcp.kms-iam": lazySchema(() => Type.Object({
    keys: Type.Array(Type.Composite([
      PolicyOf({ project: Str, location: Str, keyRing: Str, key: Str }),
      // cloudkms keyRings.getIamPolicy: grants on the ring reach every key in it.
      Type.Object({ keyRingPolicy: Type.Optional(GcpIamPolicySchema) })
    ]))
  }))
};
var KMS_SIGNER_ROLE = "roles/cloudkms.signerVerifier";
function kmsKeyAccessFromTerraform(facet, exp) {
  const files = facet.files;
  const none = "no .tf file in the repository; the gcp layer checks the live IAM policy";
  if (files.length === 0)
    return { items: [], empty: [], none };
  const { kms, project } = exp;
  const expected = { keyRing: kms.keyRing, key: kms.key };
  const grants = kmsGrants(files).map((g) => {
    const t = grantTarget(files, g);
    const target = g.scope === "key" && t.key ? matchKey(t.key, expected) : matchRing(t.ring, kms.keyRing);
    const role = g.role.known ? g.role.value === KMS_SIGNER_ROLE ? "yes" : "no" : "maybe";
    const signer = grantNames(files, g, kms.signer, project);
    return {
      grant: g,
      resource: resourceOf(g.iam),
      location: { file: g.file, startLine: g.line, startColumn: g.column },
      target,
      role,
      signer,
      dependsOn: [
        ...target === "maybe" ? unknownInputs(t.ring, ...t.key ? [t.key.name, t.key.ring] : []) : [],
        ...role === "maybe" ? unknownInputs(g.role) : [],
        ...signer === "maybe" && g.expression ? inputsOf(g.expression) : []
      ]
    };
  });
  const key = resourcesOf(files, "google_kms_crypto_key").find((k) => matchKey(keyIdentity(files, k), expected) === "yes");
  return {
    items: [
      {
        source: "tf",
        resource: undeclaredKmsKeyResource(kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        grants,
        ...key ? { keyLocation: blockLocation(key.file.file, key.block) } : {},
        anchor: (environment) => anchorLocation(files, environment),
        keyPolicies: [],
        projectPolicies: []
      }
    ],
    empty: [],
    none
  };
}
function kmsKeyAccessFromGcp(kmsIam, iam, exp) {
  const { project, kms } = exp;
  const keyPolicies = kmsIam.keys.filter((k) => k.project === project).map((k) => ({
    exists: k.exists,
    ...k.policy ? { policy: k.policy } : {},
    ...k.keyRingPolicy ? { keyRingPolicy: k.keyRingPolicy } : {}
  }));
  const projectPolicies = iam.projects.filter((p) => p.project === project).map((p) => p.policy);
  if (keyPolicies.length === 0 && projectPolicies.length === 0)
    return { items: [], empty: [], none: `no IAM policy of the license-signing key or of ${project} was read` };
  return {
    items: [
      {
        source: "gcp",
        resource: kmsKeyResource(project, kms.location, kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        grants: [],
        keyPolicies,
        projectPolicies
      }
    ],
    empty: [],
    none: ""
  };
}
var KMS_KEY_ACCESS_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet, exp) => kmsKeyAccessFromTerraform(facet("files.terraform"), exp)
  },
  gcp: {
    layer: "gcp",
    facets: ["gcp.kms-iam", "gcp.iam"],
    build: (facet, exp) => kmsKeyAccessFromGcp(facet("gcp.kms-iam"), facet("gcp.iam"), exp)
  }
};

// packages/core/dist/views/cloudsql.js
var READ_REPLICA = "READ_REPLICA_INSTANCE";
function replicaOf(i) {
  if (i.instanceType === READ_REPLICA)
    return `instanceType = ${READ_REPLICA}`;
  if (i.masterInstanceName)
    return `masterInstanceName = ${i.masterInstanceName}`;
  return void 0;
}
function replicaReason(block) {
  const master = block.attributes.master_instance_name;
  if (master && master.value !== null && master.value !== "") {
    const v = isExpression(master.value) ? master.value.expression.trim() : String(master.value);
    return `master_instance_name = ${v}`;
  }
  if (childBlock(block, "replica_configuration"))
    return "it has a replica_configuration block";
  if (block.attributes.instance_type?.value === "READ_REPLICA_INSTANCE")
    return 'instance_type = "READ_REPLICA_INSTANCE"';
  return void 0;
}
function engineOf(databaseVersion) {
  if (typeof databaseVersion !== "string")
    return void 0;
  if (databaseVersion.startsWith("POSTGRES_"))
    return "postgres";
  if (databaseVersion.startsWith("MYSQL_"))
    return "mysql";
  if (databaseVersion.startsWith("SQLSERVER_"))
    return "sqlserver";
  return void 0;
}
var POSTGRES_SOURCE = "https://cloud.google.com/sql/docs/postgres/db-versions";
var MYSQL_SOURCE = "https://cloud.google.com/sql/docs/mysql/db-versions";
var SQL_LIFECYCLE_AS_OF = "2026-11-26";
var SQL_VERSION_LIFECYCLE = [
  pg("POSTGRES_9_6", "PostgreSQL 9.6", "2025-02-01", "2028-02-01"),
  pg("POSTGRES_10", "PostgreSQL 10", "2025-02-01", "2028-02-01"),
  pg("POSTGRES_11", "PostgreSQL 11", "2025-02-01", "2028-02-01"),
  pg("POSTGRES_12", "PostgreSQL 12", "2025-02-01", "2028-02-01"),
  pg("POSTGRES_13", "PostgreSQL 13", "2026-02-01", "2029-02-01"),
  pg("POSTGRES_14", "PostgreSQL 14", "2027-02-01", "2030-02-01"),
  pg("POSTGRES_15", "PostgreSQL 15", "2028-02-01", "2031-02-01"),
  pg("POSTGRES_16", "PostgreSQL 16", "2029-02-01", "2032-02-01"),
  pg("POSTGRES_17", "PostgreSQL 17", "2030-02-01", "2033-02-01"),
  my("MYSQL_5_6", "MySQL 5.6", "2025-02-01", "2028-02-01"),
  my("MYSQL_5_7", "MySQL 5.7", "2025-02-01", "2028-02-01"),
  my("MYSQL_8_0", "MySQL 8.0", "2026-07-01", "2029-07-01")
];
function pg(version, label3, extendedSupportFrom, deprecatedFrom) {
  return { version, label: label3, extendedSupportFrom, deprecatedFrom, source: POSTGRES_SOURCE };
}
function my(version, label3, extendedSupportFrom, deprecatedFrom) {
  return { version, label: label3, extendedSupportFrom, deprecatedFrom, source: MYSQL_SOURCE };
}
function lifecycleOf(databaseVersion) {
  return SQL_VERSION_LIFECYCLE.find((v) => databaseVersion === v.version || databaseVersion.startsWith(`${v.version}_`));
}
function isEndOfLife(v) {
  return v.extendedSupportFrom <= SQL_LIFECYCLE_AS_OF;
}

// packages/core/dist/views/sql-instance.js
var GcpSqlBackupRunSchema = lazySchema(() => Type.Object({
  id: Str,
  status: OptStr,
  /** AUTOMATED | ON_DEMAND */
  type: OptStr,
  enqueuedTime: OptStr,
  startTime: OptStr,
  endTime: OptStr,
  windowStartTime: OptStr
}));
var SQL_INSTANCE_FACET_SCHEMAS = {
  /** sqladmin backupRuns.list per instance (newest first) */
  "gcp.sql-backup-runs": lazySchema(() => perInstance("runs", GcpSqlBackupRunSchema))
};
var SQL_INSTANCE_TF_TYPE = "google_sql_database_instance";
function sqlInstanceResource(i) {
  return {
    id: `gcp:sql/${i.project}/${i.name}`,
    kind: "CloudSqlInstance",
    name: i.name,
    declaredAs: declarationKey({ layer: "tf", type: SQL_INSTANCE_TF_TYPE, name: i.name })
  };
}
function postgresServerResource(d, exp) {
  return {
    id: `postgres://${d.endpoint}`,
    kind: "PostgresServer",
    name: d.endpoint,
    declaredAs: declarationKey({ layer: "tf", type: SQL_INSTANCE_TF_TYPE, name: exp.database.instance })
  };
}
function declaredNetworks(r) {
  const file = r.file.file;
  const path = `${r.address}.settings.ip_configuration.authorized_networks`;
  const ipConfig = childBlock(childBlock(r.block, "settings") ?? r.block, "ip_configuration");
  if (!ipConfig)
    return [];
  const out = [];
  for (const net of childBlocks(ipConfig, "authorized_networks")) {
    const value = net.attributes.value;
    if (!value)
      continue;
    const origin = { layer: "files", path: `${path}.value`, location: attributeLocation(file, value) };
    const observed = sourceOf(value.value).replace(/^"|"$/g, "");
    if (isExpression(value.value)) {
      const expression2 = value.value.expression.trim();
      out.push({
        key: expression2,
        observed,
        value: { certainty: "unresolved", expression: expression2, dependsOn: dependsOnOf(value, value.value.expression), origin }
      });
    } else
      out.push({ key: String(value.value), observed, value: decided(value.value, origin) });
  }
  const dynamic = dynamicBlock(ipConfig, "authorized_networks");
  if (dynamic) {
    const forEach = dynamic.attributes.for_each;
    const expression2 = `dynamic "authorized_networks"${forEach ? ` over ${sourceOf(forEach.value)}` : ""}`;
    out.push({
      key: "dynamic",
      observed: expression2,
      value: {
        certainty: "unresolved",
        expression: expression2,
        dependsOn: inputsOf(expression2),
        origin: { layer: "files", path, location: blockLocation(file, dynamic) }
      }
    });
  }
  return out;
}
var optional = (key, value) => value === void 0 ? {} : { [key]: value };
var absentIn3 = (layer, path, live) => ({
  certainty: "absent",
  origin: { layer, path, ...live ? { live } : {} }
});
function sqlInstancesFromTerraform(facet) {
  const items = [];
  const empty = [];
  for (const r of resourcesOf(facet.files, SQL_INSTANCE_TF_TYPE)) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      empty.push({ reason: `${r.address} declares no instance (count = 0 or an empty for_each)`, resource });
      continue;
    }
    const file = r.file.file;
    const at2 = (path) => tfAttribute(file, `${r.address}.${path}`, read(r.block, path));
    items.push({
      source: "tf",
      resource,
      label: r.address,
      location: blockLocation(file, r.block),
      name: at2("name"),
      sslMode: at2("settings.ip_configuration.ssl_mode"),
      requireSsl: at2("settings.ip_configuration.require_ssl"),
      deletionProtection: at2("settings.deletion_protection_enabled"),
      ...optional("replicaOf", replicaReason(r.block)),
      availabilityType: at2("settings.availability_type"),
      databaseVersion: at2("database_version"),
      backupsEnabled: at2("settings.backup_configuration.enabled"),
      pointInTimeRecovery: at2("settings.backup_configuration.point_in_time_recovery_enabled"),
      backupRuns: absentIn3("files", `${r.address} (a declaration has no backup runs)`),
      ipv4Enabled: at2("settings.ip_configuration.ipv4_enabled"),
      authorizedNetworks: declaredNetworks(r),
      binaryLog: at2("settings.backup_configuration.binary_log_enabled"),
      destroyGuard: at2("deletion_protection"),
      plaintextConnection: absentIn3("files", `${r.address} (a declaration shows no connection)`),
      tf: r
    });
  }
  return { items, empty, none: `no ${SQL_INSTANCE_TF_TYPE} resource is declared in any .tf file` };
}
function sqlInstancesFromGcp(facet, backupRuns) {
  const items = facet.instances.map((i) => {
    const resource = sqlInstanceResource(i);
    const live = resource.id;
    const ip = i.settings.ipConfiguration;
    const backup = i.settings.backupConfiguration;
    return {
      source: "gcp",
      resource,
      label: i.name,
      name: decided(i.name, { layer: "gcp", path: "name", live }),
      sslMode: liveAttribute(ip.sslMode, { layer: "gcp", path: "settings.ipConfiguration.sslMode", live }),
      requireSsl: liveAttribute(ip.requireSsl, { layer: "gcp", path: "settings.ipConfiguration.requireSsl", live }),
      deletionProtection: liveAttribute(i.settings.deletionProtectionEnabled, {
        layer: "gcp",
        path: "settings.deletionProtectionEnabled",
        live
      }),
      destroyGuard: absentIn3("gcp", "deletion_protection is an OpenTofu setting", live),
      ...optional("replicaOf", replicaOf(i)),
      availabilityType: liveAttribute(i.settings.availabilityType, {
        layer: "gcp",
        path: "settings.availabilityType",
        live
      }),
      databaseVersion: liveAttribute(i.databaseVersion, { layer: "gcp", path: "databaseVersion", live }),
      backupsEnabled: liveAttribute(backup.enabled, {
        layer: "gcp",
        path: "settings.backupConfiguration.enabled",
        live
      }),
      pointInTimeRecovery: liveAttribute(backup.pointInTimeRecoveryEnabled, {
        layer: "gcp",
        path: "settings.backupConfiguration.pointInTimeRecoveryEnabled",
        live
      }),
      binaryLog: liveAttribute(backup.binaryLogEnabled, {
        layer: "gcp",
        path: "settings.backupConfiguration.binaryLogEnabled",
        live
      }),
      ipv4Enabled: liveAttribute(ip.ipv4Enabled, { layer: "gcp", path: "settings.ipConfiguration.ipv4Enabled", live }),
      hasPublicAddress: i.ipAddresses.some((a) => a.type === "PRIMARY"),
      authorizedNetworks: ip.authorizedNetworks.map((n) => ({
        key: n.value,
        observed: n.value,
        value: decided(n.value, { layer: "gcp", path: "settings.ipConfiguration.authorizedNetworks", live })
      })),
      backupRuns: liveAttribute(backupRuns?.instances.find((r) => r.project === i.project && r.instance === i.name)?.runs, { layer: "gcp", path: "backupRuns", live }),
      plaintextConnection: absentIn3("gcp", "the Admin API shows no connection", live),
      gcp: i
    };
  });
  return { items, empty: [], none: "the project has no Cloud SQL instance" };
}
function sqlInstancesFromProbe(d, exp) {
  const resource = postgresServerResource(d, exp);
  const live = resource.id;
  const view = {
    source: "probe",
    resource,
    label: d.endpoint,
    name: absentIn3("probe", "a client does not see the instance name", live),
    sslMode: absentIn3("probe", "a client does not see ssl_mode", live),
    requireSsl: absentIn3("probe", "a client does not see require_ssl", live),
    deletionProtection: absentIn3("probe", "a client does not see deletion protection", live),
    destroyGuard: absentIn3("probe", "deletion_protection is an OpenTofu setting", live),
    availabilityType: absentIn3("probe", "a client does not see the availability type", live),
    databaseVersion: absentIn3("probe", "the probe reports the server version, not the Cloud SQL version", live),
    backupsEnabled: absentIn3("probe", "a client does not see backups", live),
    pointInTimeRecovery: absentIn3("probe", "a client does not see point-in-time recovery", live),
    binaryLog: absentIn3("probe", "a client does not see the binary log", live),
    backupRuns: absentIn3("probe", "a client does not see backup runs", live),
    ipv4Enabled: absentIn3("probe", "a client does not see the IP configuration", live),
    authorizedNetworks: [],
    plaintextConnection: decided(d.plaintext.outcome, { layer: "probe", path: "connection(sslmode=disable)", live }),
    plaintextDetail: d.plaintext.detail,
    probe: d
  };
  return { items: [view], empty: [], none: "no PostgreSQL server was probed" };
}
var SQL_INSTANCE_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet) => sqlInstancesFromTerraform(facet("files.terraform"))
  },
  gcp: {
    layer: "gcp",
    facets: ["gcp.sql"],
    optionalFacets: ["gcp.sql-backup-runs"],
    build: (facet, _exp, has) => sqlInstancesFromGcp(facet("gcp.sql"), has("gcp.sql-backup-runs") ? facet("gcp.sql-backup-runs") : void 0)
  },
  probe: {
    layer: "probe",
    facets: ["probe.postgres"],
    build: (facet, exp) => sqlInstancesFromProbe(facet("probe.postgres"), exp)
  }
};

// packages/core/dist/views/tls-certificate.js
var GcpSslCertificateSchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  /** MANAGED | SELF_MANAGED */
  type: OptStr,
  managedStatus: OptStr,
  domains: Type.Array(Str),
  domainStatus: Type.Record(Type.String(), Type.String()),
  subjectAlternativeNames: Type.Array(Str),
  expireTime: OptStr
}));
var TLS_CERTIFICATE_FACET_SCHEMAS = {
  /** compute sslCertificates.list (global) */
  "gcp.compute-ssl": lazySchema(() => Type.Object({ read: Read, certificates: Type.Array(GcpSslCertificateSchema) }))
};
var MANAGED_CERTIFICATES_ANNOTATION = "networking.gke.io/managed-certificates";
function covers(pattern, domain) {
  if (pattern === domain)
    return true;
  return pattern.startsWith("*.") && domain.endsWith(pattern.slice(1)) && !domain.slice(0, -pattern.length + 1).includes(".");
}
function tlsCertificatesFromGcp(facet, exp) {
  const { project, domain } = exp;
  if (!facet.read.includes(`projects/${project}`))
    return { items: [], empty: [], none: `the SSL certificates of project ${project} were not read` };
  const covering = facet.certificates.filter((c) => c.project === project && [...c.domains, ...c.subjectAlternativeNames].some((d) => covers(d, domain)));
  return {
    items: [
      {
        source: "gcp",
        resource: { id: `gcp:certificate/${project}/${domain}`, kind: "TlsCertificate", name: domain },
        domain,
        project,
        covering,
        listedDomains: facet.certificates.flatMap((c) => c.domains)
      }
    ],
    empty: [],
    none: ""
  };
}
var TLS_CERTIFICATE_K8S_FACETS = ["k8s.managedcertificates", "k8s.ingresses"];
function tlsCertificatesFromCluster(facets, exp) {
  const ns = exp.app.namespace;
  const facet = facets["k8s.managedcertificates"];
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const ingressFacet = facets["k8s.ingresses"];
  const ingresses = itemsOf(ingressFacet).filter((i) => i.namespace === ns);
  const named = (i) => (annotationsOfLive(i)[MANAGED_CERTIFICATES_ANNOTATION] ?? "").split(",").map((s) => s.trim());
  const certificates = itemsOf(facet).filter((c) => c.namespace === ns).map((cert) => {
    const status = statusOf(cert);
    const expireTime = asString(status.expireTime);
    return {
      name: cert.name,
      resource: liveResource(cert),
      domains: asArray(specOf(cert).domains).map((d) => asString(d) ?? ""),
      status: asString(status.certificateStatus) || "not provisioned",
      domainStatus: asArray(status.domainStatus).map((d) => ({
        domain: asString(asRecord(d)?.domain) ?? "",
        status: asString(asRecord(d)?.status) ?? "unknown"
      })),
      ...expireTime !== void 0 ? { expireTime } : {},
      usedBy: ingresses.filter((i) => named(i).includes(cert.name)).map((i) => i.name)
    };
  });
  return {
    items: [
      {
        source: "k8s",
        resource: { id: `k8s:Domain/${ns}/${exp.domain}`, kind: "Domain", name: exp.domain, namespace: ns },
        domain: exp.domain,
        namespace: ns,
        certificates,
        ingressesRead: inScope(ingressFacet, ns),
        ingressAnnotations: ingresses.map((i) => annotationsOfLive(i)[MANAGED_CERTIFICATES_ANNOTATION] ?? "").filter(Boolean)
      }
    ],
    empty: [],
    none: ""
  };
}
function tlsCertificatesFromProbe(d) {
  return {
    items: [
      {
        source: "probe",
        resource: { id: d.baseUrl, kind: "HttpService", name: d.baseUrl },
        domain: d.host,
        probe: d
      }
    ],
    empty: [],
    none: "no HTTP endpoint was probed"
  };
}
var TLS_CERTIFICATE_SOURCES = {
  gcp: {
    layer: "gcp",
    facets: ["gcp.compute-ssl"],
    build: (facet, exp) => tlsCertificatesFromGcp(facet("gcp.compute-ssl"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: TLS_CERTIFICATE_K8S_FACETS,
    build: (facet, exp) => tlsCertificatesFromCluster({ "k8s.managedcertificates": facet("k8s.managedcertificates"), "k8s.ingresses": facet("k8s.ingresses") }, exp)
  },
  probe: {
    layer: "probe",
    facets: ["probe.http"],
    build: (facet) => tlsCertificatesFromProbe(facet("probe.http"))
  }
};

// packages/core/dist/layers/gcp.js
var GCP_SERVICES = [
  "sqladmin",
  "redis",
  "cloudkms",
  "secretmanager",
  "artifactregistry",
  "serviceusage",
  "container",
  "monitoring",
  "compute",
  "cloudresourcemanager",
  "iam",
  "identitytoolkit"
];
var Url = (description = "base URL, e.g. http://127.0.0.1:8085") => Type.String({ pattern: "^https?://[^\\s/]+/?$", description });
var GcpLayerConfigSchema = lazySchema(() => Type.Object({
  projects: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    minItems: 1,
    description: "project ids to read, and/or `folders/N` or `organizations/N`: every active project under it (Resource Manager, recursively through sub-folders; needs resourcemanager.projects.list and resourcemanager.folders.list there, e.g. roles/browser); default the expected project (expectations.project)"
  })),
  locations: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    minItems: 1,
    description: "regions/locations listed for KMS key rings and Artifact Registry repositories (Memorystore and GKE are read in every location); default the expected region plus the KMS and registry locations"
  })),
  services: Type.Optional(Type.Array(Type.Union(GCP_SERVICES.map((s) => Type.Literal(s))), {
    minItems: 1,
    uniqueItems: true,
    description: "APIs to read (service names without .googleapis.com); default all of them"
  })),
  endpoint: Type.Optional(Url("send every Google Cloud call to this base URL as plain REST without credentials (an emulator or recordings); CODITECT_AUDIT_GCP_ENDPOINT overrides it")),
  endpointOnly: Type.Optional(Type.Boolean({
    description: "never call Google itself: read the layer only from an endpoint (CODITECT_AUDIT_GCP_ENDPOINT, endpoint, endpoints); without one the layer is reported as not configured. For demo and fixture repositories whose project ids are not yours"
  })),
  endpoints: Type.Optional(Type.Object(Object.fromEntries(GCP_SERVICES.map((s) => [s, Type.Optional(Url())])), {
    additionalProperties: false,
    description: "per-API base URL, overriding endpoint and CODITECT_AUDIT_GCP_ENDPOINT for that API"
  })),
  quotaProject: Type.Optional(Type.String({
    pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]$",
    description: "project billed for quota, sent as x-goog-user-project on every call (needed with user credentials that carry none: some APIs then answer 403 SERVICE_DISABLED naming a Google-owned project); GOOGLE_CLOUD_QUOTA_PROJECT overrides it"
  })),
  universeDomain: Type.Optional(Type.String({
    pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
    description: "the Google Cloud universe the APIs are reached in (`<service>.<universeDomain>`); default googleapis.com; GOOGLE_CLOUD_UNIVERSE_DOMAIN overrides it. It must be the universe the credentials belong to: they are never sent to another domain"
  })),
  concurrency: Type.Optional(Type.Integer({
    minimum: 1,
    maximum: 64,
    description: "at most this many API calls in flight at once (fewer while the API answers 429 quota errors); default 8"
  })),
  deadlineSeconds: deadlineSecondsSchema(),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 6e5, description: "timeout of one HTTP call; default 30000" })),
  retries: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: 10,
    description: "retries of a call on 429, 5xx, UNAVAILABLE, DEADLINE_EXCEEDED or a timeout; default 4"
  })),
  retryBudgetMs: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: 6e5,
    description: "most time one call may spend waiting between retries (Retry-After included); default 60000"
  }))
}, { additionalProperties: false }));
var GcpSqlInstanceSchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  region: OptStr,
  databaseVersion: OptStr,
  state: OptStr,
  /** CLOUD_SQL_INSTANCE | READ_REPLICA_INSTANCE | ON_PREMISES_INSTANCE */
  instanceType: OptStr,
  masterInstanceName: OptStr,
  ipAddresses: Type.Array(Type.Object({ type: OptStr, ipAddress: Str })),
  settings: Type.Object({
    tier: OptStr,
    edition: OptStr,
    availabilityType: OptStr,
    activationPolicy: OptStr,
    deletionProtectionEnabled: OptBool,
    userLabels: Labels,
    ipConfiguration: Type.Object({
      ipv4Enabled: OptBool,
      privateNetwork: OptStr,
      requireSsl: OptBool,
      sslMode: OptStr,
      authorizedNetworks: Type.Array(Type.Object({ name: OptStr, value: Str }))
    }),
    backupConfiguration: Type.Object({
      enabled: OptBool,
      startTime: OptStr,
      pointInTimeRecoveryEnabled: OptBool,
      binaryLogEnabled: OptBool,
      transactionLogRetentionDays: OptInt,
      retainedBackups: OptInt
    })
  }),
  createTime: OptStr
}));
var GcpSqlUserSchema = lazySchema(() => Type.Object({
  name: Str,
  /** BUILT_IN when Google omits it (the proto default). */
  type: Str,
  host: OptStr,
  /** Role memberships, when the API reports them (newer revisions); absent when it does not. */
  databaseRoles: Type.Optional(Type.Array(Str))
}));
var GcpRedisInstanceSchema = lazySchema(() => Type.Object({
  project: Str,
  location: Str,
  name: Str,
  displayName: OptStr,
  tier: OptStr,
  redisVersion: OptStr,
  state: OptStr,
  host: OptStr,
  port: OptInt,
  /** false when Google omits it (proto3 default: AUTH off). */
  authEnabled: Type.Boolean(),
  /** Absent means DISABLED. */
  transitEncryptionMode: OptStr,
  connectMode: OptStr,
  persistenceConfig: Type.Optional(Type.Object({ persistenceMode: OptStr, rdbSnapshotPeriod: OptStr })),
  labels: Labels
}));
var GcpKmsKeySchema = lazySchema(() => Type.Object({
  name: Str,
  purpose: OptStr,
  algorithm: OptStr,
  protectionLevel: OptStr,
  rotationPeriodSeconds: OptInt,
  labels: Labels,
  /** The primary version (ENCRYPT_DECRYPT keys only). */
  primary: Type.Optional(Type.Object({ name: Str, state: OptStr })),
  /** Versions, listed for keys without a primary (asymmetric and MAC keys). */
  versions: Type.Optional(Type.Array(Type.Object({ name: Str, state: OptStr, algorithm: OptStr })))
}));
var GcpKmsKeyRingSchema = lazySchema(() => Type.Object({
  project: Str,
  location: Str,
  name: Str,
  keys: Type.Array(GcpKmsKeySchema)
}));
var GcpSecretSchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  createTime: OptStr,
  labels: Labels,
  replication: Type.Optional(Type.Union([Type.Literal("automatic"), Type.Literal("user-managed")])),
  rotationPeriodSeconds: OptInt
}));
var GcpArRepositorySchema = lazySchema(() => Type.Object({
  project: Str,
  location: Str,
  name: Str,
  format: OptStr,
  mode: OptStr,
  description: OptStr,
  labels: Labels,
  immutableTags: OptBool,
  /** A gcr.io-domain repository (`gcr.io`, `us.gcr.io`, ...) serving Container Registry paths. */
  gcrDomain: Type.Boolean()
}));
var GcpGkeNodePoolSchema = lazySchema(() => Type.Object({
  name: Str,
  status: OptStr,
  version: OptStr,
  machineType: OptStr,
  imageType: OptStr,
  /** As reported; `default` is the project's Compute Engine default service account. */
  serviceAccount: OptStr,
  workloadMetadataMode: OptStr
}));
var GcpGkeClusterSchema = lazySchema(() => Type.Object({
  project: Str,
  location: Str,
  name: Str,
  status: OptStr,
  currentMasterVersion: OptStr,
  releaseChannel: OptStr,
  resourceLabels: Labels,
  workloadPool: OptStr,
  databaseEncryption: Type.Optional(Type.Object({ state: OptStr, currentState: OptStr, keyName: OptStr })),
  loggingService: OptStr,
  /** `loggingConfig.componentConfig.enableComponents`; absent when the cluster reports no logging config. */
  loggingComponents: Type.Optional(Type.Array(Str)),
  monitoringService: OptStr,
  monitoringComponents: Type.Optional(Type.Array(Str)),
  managedPrometheus: OptBool,
  nodePools: Type.Array(GcpGkeNodePoolSchema)
}));
var GcpAlertConditionSchema = lazySchema(() => Type.Object({
  displayName: OptStr,
  kind: Type.Union([
    Type.Literal("threshold"),
    Type.Literal("absent"),
    Type.Literal("matched-log"),
    Type.Literal("mql"),
    Type.Literal("promql"),
    Type.Literal("other")
  ]),
  /** The monitoring filter, log filter or query of the condition. */
  query: OptStr,
  /** Per-series aligners and cross-series reducers of a threshold condition (`ALIGN_PERCENTILE_99`, ...). */
  aggregations: Type.Optional(Type.Array(Str))
}));
var GcpAlertPolicySchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  displayName: OptStr,
  enabled: OptBool,
  conditions: Type.Array(GcpAlertConditionSchema),
  notificationChannels: Type.Array(Str)
}));
var GcpUptimeCheckSchema = lazySchema(() => Type.Object({
  project: Str,
  name: Str,
  displayName: OptStr,
  host: OptStr,
  path: OptStr,
  useSsl: OptBool,
  periodSeconds: OptInt
}));
var GcpIdentityProjectSchema = lazySchema(() => Type.Object({
  project: Str,
  /** false when Identity Platform was never initialised (the config answered 404). */
  exists: Type.Boolean(),
  /**
   * false when identitytoolkit.googleapis.com is disabled in the project (the config answered
   * SERVICE_DISABLED): that is an answer, "no sign-in provider", not a failure to read.
   */
  apiEnabled: Type.Optional(Type.Boolean()),
  subtype: OptStr,
  signIn: Type.Object({ email: OptBool, emailPasswordRequired: OptBool, phoneNumber: OptBool, anonymous: OptBool }),
  mfaState: OptStr,
  authorizedDomains: Type.Array(Str),
  /** Default IdP configs (`google.com`, ...): client id and secret are dropped at the collector. */
  idpConfigs: Type.Array(Type.Object({ idp: Str, enabled: OptBool, clientIdSet: Type.Boolean() }))
}));
var GcpFacetSchemas = {
  /** sqladmin instances.list */
  "gcp.sql": lazySchema(() => Type.Object({ read: Read, instances: Type.Array(GcpSqlInstanceSchema) })),
  /** sqladmin databases.list per instance */
  "gcp.sql-databases": lazySchema(() => perInstance("databases", Type.Object({ name: Str }))),
  /** sqladmin users.list per instance */
  "gcp.sql-users": lazySchema(() => perInstance("users", GcpSqlUserSchema)),
  ...SQL_INSTANCE_FACET_SCHEMAS,
  /** redis instances.list in every location */
  "gcp.redis": lazySchema(() => Type.Object({ read: Read, instances: Type.Array(GcpRedisInstanceSchema) })),
  /** cloudkms keyRings.list, cryptoKeys.list, cryptoKeyVersions.list */
  "gcp.kms": lazySchema(() => Type.Object({ read: Read, keyRings: Type.Array(GcpKmsKeyRingSchema) })),
  ...KMS_KEY_ACCESS_FACET_SCHEMAS,
  /** secretmanager secrets.list (metadata only) */
  "gcp.secretmanager": lazySchema(() => Type.Object({ read: Read, secrets: Type.Array(GcpSecretSchema) })),
  /** artifactregistry repositories.list */
  "gcp.artifactregistry": lazySchema(() => Type.Object({ read: Read, repositories: Type.Array(GcpArRepositorySchema) })),
  /** artifactregistry repositories.getIamPolicy of the expected repository */
  "gcp.artifactregistry-iam": lazySchema(() => Type.Object({
    repositories: Type.Array(PolicyOf({ project: Str, location: Str, repository: Str }))
  })),
  ...IMAGE_PLATFORM_FACET_SCHEMAS,
  /** serviceusage services.list (state:ENABLED) */
  "gcp.services": lazySchema(() => Type.Object({
    projects: Type.Array(Type.Object({ project: Str, projectNumber: OptStr, enabled: Type.Array(Str) }))
  })),
  /** container clusters.list in every location */
  "gcp.gke": lazySchema(() => Type.Object({ read: Read, clusters: Type.Array(GcpGkeClusterSchema) })),
  /** monitoring alertPolicies.list */
  "gcp.monitoring": lazySchema(() => Type.Object({ read: Read, alertPolicies: Type.Array(GcpAlertPolicySchema) })),
  /** monitoring uptimeCheckConfigs.list */
  "gcp.monitoring-uptime": lazySchema(() => Type.Object({ read: Read, uptimeChecks: Type.Array(GcpUptimeCheckSchema) })),
  ...TLS_CERTIFICATE_FACET_SCHEMAS,
  ...EDGE_ENTRY_FACET_SCHEMAS,
  /** cloudresourcemanager projects.get and projects.getIamPolicy */
  "gcp.iam": lazySchema(() => Type.Object({
    projects: Type.Array(Type.Object({ project: Str, projectNumber: OptStr, policy: GcpIamPolicySchema }))
  })),
  /** iam serviceAccounts.getIamPolicy of the backend's Google service account */
  "gcp.iam-service-accounts": lazySchema(() => Type.Object({
    serviceAccounts: Type.Array(PolicyOf({ project: Str, email: Str }))
  })),
  /** identitytoolkit projects.getConfig and defaultSupportedIdpConfigs.list */
  "gcp.identity": lazySchema(() => Type.Object({ projects: Type.Array(GcpIdentityProjectSchema) }))
};

// packages/core/dist/location.js
var LocationSchema = lazySchema(() => Type.Object({
  file: Type.String({ minLength: 1 }),
  startLine: Type.Integer({ minimum: 1 }),
  startColumn: Type.Optional(Type.Integer({ minimum: 1 })),
  endLine: Type.Optional(Type.Integer({ minimum: 1 })),
  endColumn: Type.Optional(Type.Integer({ minimum: 1 }))
}));
function formatLocation(loc) {
  if (!loc)
    return "";
  return loc.startColumn ? `${loc.file}:${loc.startLine}:${loc.startColumn}` : `${loc.file}:${loc.startLine}`;
}

// packages/core/dist/snapshot/common.js
var ProblemSchema = lazySchema(() => Type.Object({
  subject: Type.String(),
  message: Type.String(),
  cause: Type.Optional(Type.String({ description: "machine-readable cause, e.g. parse-error, permission-denied" })),
  fix: Type.Optional(Type.String()),
  location: Type.Optional(LocationSchema),
  /**
   * `notice`: the file was read as its own tool reads it but not as written (duplicate keys: the last one
   * counts), or deliberately not read (a Helm template); the scan is still complete. Reported once as a
   * `skip` verdict, never an error. Default: an error (something could not be read).
   */
  severity: Type.Optional(Type.Literal("notice"))
}));
var EXCLUSION_REASONS = [
  "config-exclude",
  "ignore-file",
  "too-large",
  "binary",
  "link-outside-root",
  "directory-link",
  "report-folder",
  "vendored"
];
var ExcludedPathSchema = lazySchema(() => Type.Object({
  path: Type.String({ description: "repository-relative; a folder ends with /" }),
  reason: Type.Union(EXCLUSION_REASONS.map((r) => Type.Literal(r))),
  /** What decided it: the glob, the ignore file, the size, the link. */
  detail: Type.String()
}));
var InlineIgnoreSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  line: Type.Integer({ minimum: 1 }),
  appliesToLine: Type.Integer({ minimum: 1 }),
  ruleId: Type.String(),
  reason: Type.String()
}));
var facetSchema = (data) => Type.Union([
  Type.Object({ status: Type.Literal("ok"), data, problems: Type.Array(ProblemSchema) }),
  Type.Object({ status: Type.Literal("error"), problems: Type.Array(ProblemSchema, { minItems: 1 }) }),
  Type.Object({ status: Type.Literal("absent"), reason: Type.String() })
]);

// packages/core/dist/snapshot/files.js
var Line = lazySchema(() => Type.Integer({ minimum: 1 }));
var Col = lazySchema(() => Type.Integer({ minimum: 1 }));
var ImageReferenceSchema = lazySchema(() => Type.Object({
  /** As written, trimmed. */
  raw: Type.String(),
  /** Registry host when the first path part names one (has a `.` or `:`, or is `localhost`). */
  registry: Type.Optional(Type.String()),
  /** Repository path as written, without registry, tag or digest: `python`, `library/python`, `p/app`. */
  repository: Type.String(),
  tag: Type.Optional(Type.String()),
  digest: Type.Optional(Type.String()),
  /**
   * The image a container runtime pulls (`python` → `docker.io` / `library/python` / `latest`); present only
   * when the reference is valid (lower-case path components, a well-formed digest, nothing templated).
   */
  canonical: Type.Optional(Type.Object({
    registry: Type.String(),
    repository: Type.String(),
    tag: Type.Optional(Type.String()),
    digest: Type.Optional(Type.String())
  }))
}));
var ImageReferencesSchema = lazySchema(() => Type.Record(Type.String(), ImageReferenceSchema));
var SHELL_OPERATORS = ["&&", "||", ";", "|", "&"];
var SimpleCommandSchema = lazySchema(() => Type.Object({
  /** The program and its arguments, quotes removed, after assignments and wrappers (`sudo`, `env`, `!`, `if`). */
  argv: Type.Array(Type.String()),
  /** `NAME=value` words written before the program (also those given to `env`). */
  assignments: Type.Record(Type.String(), Type.String()),
  /** The operator that joins it to what follows (`a || b` → `||`). */
  next: Type.Optional(Type.Union(SHELL_OPERATORS.map((o) => Type.Literal(o)))),
  /** The source text after `next` up to the end of the command line, e.g. `exit 1` in `curl -f u || exit 1`. */
  after: Type.String(),
  /** Inside `$( )` or backticks. */
  substituted: Type.Boolean(),
  /** The line of the command it belongs to (its first line for continued commands). */
  line: Line
}));
var ShellCommandSchema = lazySchema(() => Type.Object({
  /** The command with continuation lines joined. */
  text: Type.String(),
  /** Its words, quotes removed; operators (`|`, `||`, `>`) are words of their own. */
  argv: Type.Array(Type.String()),
  line: Line,
  /** Its simple commands, those inside `$( )` and backticks last (parsed from the redacted `text`). */
  simple: Type.Array(SimpleCommandSchema)
}));
var DockerInstructionSchema = lazySchema(() => Type.Object({
  keyword: Type.String({ description: "upper-case instruction keyword, e.g. RUN" }),
  /** The instruction's arguments after flags, with line continuations joined by a space. */
  args: Type.String(),
  flags: Type.Record(Type.String(), Type.String(), { description: "--from, --chown, --platform ..." }),
  line: Line,
  endLine: Line,
  column: Col,
  /**
   * `RUN`, `CMD` and `ENTRYPOINT`: the commands they run. Shell form is parsed as a script; exec form
   * (`["a", "b"]`) is one command whose argv is the array.
   */
  commands: Type.Optional(Type.Array(ShellCommandSchema))
}));
var DockerCopySchema = lazySchema(() => Type.Object({
  keyword: Type.Union([Type.Literal("COPY"), Type.Literal("ADD")]),
  from: Type.Optional(Type.String()),
  chown: Type.Optional(Type.String()),
  sources: Type.Array(Type.String()),
  destination: Type.String(),
  line: Line,
  column: Col
}));
var DockerStageSchema = lazySchema(() => Type.Object({
  index: Type.Integer({ minimum: 0 }),
  name: Type.Optional(Type.String()),
  /** `FROM` image as written. */
  image: Type.String(),
  /** `FROM` image with global `ARG` defaults expanded. */
  resolvedImage: Type.String(),
  /** `resolvedImage` parsed; absent when it is not an image reference (`FROM $BASE` left unexpanded with a space...). */
  imageRef: Type.Optional(ImageReferenceSchema),
  /** Index of the earlier stage this one builds on (`FROM builder`), if any. */
  baseStage: Type.Optional(Type.Integer({ minimum: 0 })),
  platform: Type.Optional(Type.String()),
  line: Line,
  column: Col,
  /** The last `USER` of the stage, if any (users inherit only through `baseStage`). */
  user: Type.Optional(Type.Object({ value: Type.String(), line: Line, column: Col })),
  env: Type.Array(Type.Object({ name: Type.String(), value: Type.String(), line: Line, column: Col })),
  copies: Type.Array(DockerCopySchema),
  instructions: Type.Array(DockerInstructionSchema)
}));
var DockerfileSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  stages: Type.Array(DockerStageSchema),
  /** Global `ARG`s declared before the first `FROM`. */
  args: Type.Array(Type.Object({ name: Type.String(), value: Type.Optional(Type.String()), line: Line })),
  ignores: Type.Array(InlineIgnoreSchema)
}));
var ImageBuildSchema = lazySchema(() => Type.Object({
  /** The image reference as the build names it (`ghcr.io/org/app:1.2.3`, `app`); no unexpanded `$`. */
  image: Type.String(),
  /** `image` parsed by the collector; absent when it is not an image reference. */
  imageRef: Type.Optional(ImageReferenceSchema),
  /** The Dockerfile it is built from, repository-relative; one the files layer read. */
  dockerfile: Type.String(),
  via: Type.Union([
    Type.Literal("workflow"),
    Type.Literal("cloudbuild"),
    Type.Literal("skaffold"),
    Type.Literal("compose"),
    Type.Literal("kustomize")
  ]),
  /** Where the evidence is written. */
  file: Type.String(),
  line: Line
}));
var SECRET_VALUE_CLASSES = [
  "empty",
  "placeholder",
  "example-host",
  "superuser-name",
  "invalid-base64",
  "set"
];
var SecretClassificationSchema = lazySchema(() => Type.Object({
  key: Type.String(),
  class: Type.Union(SECRET_VALUE_CLASSES.map((c) => Type.Literal(c))),
  /**
   * Set only when the value is a well-known public name (`postgres`, `root`, `localhost`...),
   * which is evidence, not a secret.
   */
  publicValue: Type.Optional(Type.String()),
  /**
   * For values that are connection URLs (`postgres://user:pass@host:5432/db?sslmode=require`): the parts
   * that are not secret. The user name is kept only when it is a well-known public name.
   */
  url: Type.Optional(Type.Object({
    scheme: Type.String(),
    /** The URL's user name, present only when it is a well-known superuser name (`postgres`, `root`...). */
    user: Type.Optional(Type.String()),
    host: Type.Optional(Type.String()),
    port: Type.Optional(Type.String()),
    database: Type.Optional(Type.String()),
    sslmode: Type.Optional(Type.String())
  }))
}));
var ConnectionUrlSchema = lazySchema(() => Type.Object({
  scheme: Type.String({ description: "lower-case: postgres, postgresql+psycopg, redis..." }),
  /** The user name of the URL (the value is not a secret: a Secret's keys are classified instead). */
  user: Type.Optional(Type.String()),
  /** The host name, without port (`127.0.0.1`, `10.28.0.3`, `db.internal`). */
  host: Type.Optional(Type.String()),
  sslmode: Type.Optional(Type.String())
}));
var ConnectionUrlsSchema = lazySchema(() => Type.Record(Type.String(), ConnectionUrlSchema));
var SecretKeySchema = lazySchema(() => Type.Composite([
  SecretClassificationSchema,
  Type.Object({
    source: Type.Union([Type.Literal("data"), Type.Literal("stringData")]),
    line: Line,
    column: Col
  })
]));
var K8sObjectSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  /** 0-based index of the YAML document in the file (items of a `kind: List` share their document's index). */
  documentIndex: Type.Integer({ minimum: 0 }),
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
  line: Line,
  /**
   * The object as plain JSON. For `Secret`, `data` and `stringData` values are replaced by
   * `"<redacted>"`; read `secretKeys` instead.
   */
  object: Type.Record(Type.String(), Type.Unknown()),
  /**
   * Position of every key, by JSON pointer relative to the object (`/spec/replicas`). `file` when the key is
   * in another file than the object's: a kustomize patch rendered onto its base keeps the base's positions
   * for what the patch inherits.
   */
  positions: Type.Record(Type.String(), Type.Object({ line: Line, column: Col, file: Type.Optional(Type.String({ minLength: 1 })) })),
  secretKeys: Type.Optional(Type.Array(SecretKeySchema)),
  /**
   * For a kustomize patch rendered onto its base: the base's file. What the rendered object inherits keeps
   * the base's positions, and a finding there is the base's own (the base is judged as written too).
   */
  patchedBase: Type.Optional(Type.String({ minLength: 1 })),
  /** The images of a workload's containers and init containers, parsed, by pointer of their `image` field. */
  images: Type.Optional(ImageReferencesSchema),
  /**
   * Connection URLs in its readable values (ConfigMap `data`, containers' literal `env` values, ExternalSecret
   * template literals), parsed, by pointer of the value.
   */
  connectionUrls: Type.Optional(ConnectionUrlsSchema)
}));
var K8sManifestFileSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  objects: Type.Array(K8sObjectSchema),
  /** Why the file was not read as manifests (a Helm template). */
  skipped: Type.Optional(Type.String()),
  ignores: Type.Array(InlineIgnoreSchema)
}));
var WorkflowUsesSchema = lazySchema(() => Type.Object({
  raw: Type.String(),
  /** `owner/repo` for remote actions; absent for local (`./`) and `docker://` actions. */
  repository: Type.Optional(Type.String()),
  ref: Type.Optional(Type.String()),
  kind: Type.Union([Type.Literal("remote"), Type.Literal("local"), Type.Literal("docker")]),
  line: Line,
  column: Col
}));
var WorkflowStepSchema = lazySchema(() => Type.Object({
  index: Type.Integer({ minimum: 0 }),
  name: Type.Optional(Type.String()),
  line: Line,
  uses: Type.Optional(WorkflowUsesSchema),
  with: Type.Record(Type.String(), Type.Object({ value: Type.String(), line: Line, column: Col })),
  run: Type.Optional(Type.Object({ script: Type.String(), line: Line, commands: Type.Array(ShellCommandSchema) }))
}));
var WorkflowPermissionsSchema = lazySchema(() => Type.Union([Type.String(), Type.Record(Type.String(), Type.String())]));
var WorkflowJobSchema = lazySchema(() => Type.Object({
  id: Type.String(),
  name: Type.Optional(Type.String()),
  line: Line,
  needs: Type.Array(Type.String()),
  /** The job's `permissions` as written; when set it replaces the workflow's. */
  permissions: Type.Optional(WorkflowPermissionsSchema),
  /** A job that calls a reusable workflow (`uses: owner/repo/.github/workflows/x.yml@ref`) has no steps. */
  uses: Type.Optional(WorkflowUsesSchema),
  steps: Type.Array(WorkflowStepSchema)
}));
var WorkflowSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  name: Type.Optional(Type.String()),
  line: Line,
  /** Trigger events (`push`, `workflow_dispatch`...). */
  on: Type.Array(Type.String()),
  /** Branches of the `push` trigger; empty when push has no branch filter. */
  pushBranches: Type.Array(Type.String()),
  /** The workflow's top-level `permissions` as written, the default for jobs that set none. */
  permissions: Type.Optional(WorkflowPermissionsSchema),
  jobs: Type.Array(WorkflowJobSchema),
  ignores: Type.Array(InlineIgnoreSchema)
}));
var TfValueSchema = lazySchema(() => Type.Unknown());
var TfAttributeSchema = lazySchema(() => Type.Object({
  name: Type.String(),
  /** A literal, or `{ expression }` when the collector could not evaluate it from the repository. */
  value: TfValueSchema,
  line: Line,
  column: Col,
  /** Set when the attribute was merged from an override file (`override.tf`, `*_override.tf`). */
  file: Type.Optional(Type.String()),
  /** Source text of an expression the collector evaluated to `value` (`var.tier`). */
  expression: Type.Optional(Type.String()),
  /** Where the deciding value was written (a variable default, a `.tfvars` line), when not here. */
  origin: Type.Optional(Type.Object({ file: Type.String(), line: Line })),
  /** For an expression left unevaluated: the inputs the repository does not settle (`var.tier`). */
  dependsOn: Type.Optional(Type.Array(Type.String())),
  /** Known in each instance (module call, `for_each`) but not the same: the distinct values. */
  instanceValues: Type.Optional(Type.Array(Type.Unknown()))
}));
var TfBlockSchema = lazySchema(() => Type.Recursive((Self) => Type.Object({
  type: Type.String(),
  file: Type.Optional(Type.String()),
  labels: Type.Array(Type.String()),
  line: Line,
  column: Col,
  endLine: Line,
  attributes: Type.Record(Type.String(), TfAttributeSchema),
  blocks: Type.Array(Self)
}), { $id: "TfBlock" }));
var TfFileSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  blocks: Type.Array(TfBlockSchema),
  ignores: Type.Array(InlineIgnoreSchema)
}));
var TfStateSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  version: Type.Integer(),
  terraformVersion: Type.Optional(Type.String()),
  resources: Type.Array(Type.Object({
    mode: Type.String(),
    type: Type.String(),
    name: Type.String(),
    module: Type.Optional(Type.String()),
    /** `module.x.google_sql_database_instance.main` style address. */
    address: Type.String(),
    instances: Type.Array(Type.Object({
      indexKey: Type.Optional(Type.Union([Type.String(), Type.Number()])),
      /** Identity attributes only: id, name, project, location, region, self_link... */
      identity: Type.Record(Type.String(), Type.String())
    }))
  }))
}));
var MarkdownFileSchema = lazySchema(() => Type.Object({
  file: Type.String(),
  references: Type.Array(Type.Object({ text: Type.String(), line: Line, column: Col })),
  ignores: Type.Array(InlineIgnoreSchema)
}));
var FilesFacetSchemas = {
  "files.dockerfile": lazySchema(() => Type.Object({
    files: Type.Array(DockerfileSchema),
    /** Images the repository builds from these Dockerfiles, with the evidence (see ImageBuildSchema). */
    builds: Type.Optional(Type.Array(ImageBuildSchema))
  })),
  "files.kubernetes": lazySchema(() => Type.Object({ files: Type.Array(K8sManifestFileSchema) })),
  "files.workflows": lazySchema(() => Type.Object({ files: Type.Array(WorkflowSchema) })),
  "files.terraform": lazySchema(() => Type.Object({
    files: Type.Array(TfFileSchema),
    /** `.tfvars` files read for variable values (root modules). */
    varFiles: Type.Optional(Type.Array(Type.String())),
    /** Paths not read, with why (vendored `.terraform/` directories). */
    skipped: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() })))
  })),
  "files.tfstate": lazySchema(() => Type.Object({ files: Type.Array(TfStateSchema) })),
  "files.markdown": lazySchema(() => Type.Object({ files: Type.Array(MarkdownFileSchema) }))
};

// packages/core/dist/layers/k8s.js
var K8sLayerConfigSchema = lazySchema(() => Type.Object({
  context: Type.Optional(Type.String({ minLength: 1, description: "kubeconfig context to use; default the current context" })),
  contexts: Type.Optional(Type.Array(Type.Union([
    Type.String({ minLength: 1, description: "a kubeconfig context; the cluster is named after it" }),
    Type.Object({
      context: Type.String({ minLength: 1, description: "kubeconfig context of the cluster" }),
      name: Type.Optional(Type.String({
        pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
        description: "name of the cluster in every verdict; default the context"
      })),
      namespaces: Type.Optional(Type.Array(Type.String({ pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }), { minItems: 1 })),
      expectations: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
        description: "expectations of this cluster, merged over the environment's"
      }))
    }, { additionalProperties: false })
  ]), {
    minItems: 1,
    description: "a fleet of clusters: each context is read as its own target and every verdict names its cluster (instead of `context`)"
  })),
  kubeconfig: Type.Optional(Type.String({
    minLength: 1,
    description: "kubeconfig file, relative to the scanned directory; default $KUBECONFIG, then ~/.kube/config, then the in-cluster service account"
  })),
  skipWithoutContext: Type.Optional(Type.Boolean({
    description: "when no kubeconfig offers `context`, report the layer as not scanned instead of failing it. For demo and fixture repositories whose cluster is not yours (tests provide the context); never for a real environment, where missing credentials must fail the scan"
  })),
  namespaces: Type.Optional(Type.Array(Type.String({ pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }), {
    minItems: 1,
    description: "namespaces to read (a namespaced Role suffices); default every namespace but the system ones (kube-*, gke-*, gmp-*), which needs a ClusterRole"
  })),
  concurrency: Type.Optional(Type.Integer({
    minimum: 1,
    maximum: 32,
    description: "at most this many API requests in flight at once (fewer while the API server answers 429); default 4"
  })),
  deadlineSeconds: deadlineSecondsSchema(),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 6e5, description: "timeout of one API request; default 15000" })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 5e3, description: "objects per list page (limit/continue); default 500" })),
  retries: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: 10,
    description: "retries of a request answered 429, 5xx or not at all, with backoff; default 3"
  }))
}, { additionalProperties: false }));
var K8sOwnerSchema = lazySchema(() => Type.Object({
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  controller: Type.Optional(Type.Boolean())
}));
var K8sLiveObjectSchema = lazySchema(() => Type.Object({
  apiVersion: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  /** Absent for cluster-scoped kinds. */
  namespace: Type.Optional(Type.String()),
  /** The `apiVersion` the object was last applied with (from kubectl's last-applied annotation), when known. */
  appliedApiVersion: Type.Optional(Type.String()),
  /** `metadata` (name, namespace, uid, labels, annotations, ownerReferences, timestamps), `spec`, `status`. */
  object: Type.Record(Type.String(), Type.Unknown()),
  /** The images of a workload's containers and init containers, parsed, by pointer of their `image` field. */
  images: Type.Optional(ImageReferencesSchema),
  /** Connection URLs in its containers' literal `env` values, parsed, by pointer of the value. */
  connectionUrls: Type.Optional(ConnectionUrlsSchema)
}));
var K8sObjectListSchema = lazySchema(() => Type.Object({
  namespaces: Type.Optional(Type.Array(Type.String())),
  items: Type.Array(K8sLiveObjectSchema)
}));
var K8sSecretKeySchema = SecretClassificationSchema;
var K8sSecretSchema = lazySchema(() => Type.Composite([
  K8sLiveObjectSchema,
  Type.Object({ secretType: Type.String(), keys: Type.Array(K8sSecretKeySchema) })
]));
var K8sConfigMapSchema = lazySchema(() => Type.Composite([
  K8sLiveObjectSchema,
  Type.Object({ keys: Type.Array(Type.String()), binaryKeys: Type.Array(Type.String()) })
]));
var K8sClaimSchema = lazySchema(() => Type.Composite([
  K8sLiveObjectSchema,
  Type.Object({
    usedBy: Type.Array(Type.Object({ pod: Type.String(), phase: Type.Optional(Type.String()) }))
  })
]));
var K8sNodeSchema = lazySchema(() => Type.Object({
  name: Type.String(),
  labels: Type.Record(Type.String(), Type.String()),
  /** `status.nodeInfo.architecture`, else the `kubernetes.io/arch` label (`amd64`, `arm64`). */
  architecture: Type.Optional(Type.String()),
  /** `status.nodeInfo.operatingSystem`, else the `kubernetes.io/os` label. */
  operatingSystem: Type.Optional(Type.String()),
  kubeletVersion: Type.Optional(Type.String()),
  osImage: Type.Optional(Type.String()),
  containerRuntimeVersion: Type.Optional(Type.String()),
  taints: Type.Array(Type.Object({ key: Type.String(), value: Type.Optional(Type.String()), effect: Type.String() })),
  /** The `Ready` condition; absent when the node reports none. */
  ready: Type.Optional(Type.Boolean()),
  unschedulable: Type.Optional(Type.Boolean())
}));
var K8sSecretStoreSchema = lazySchema(() => Type.Object({
  kind: Type.Union([Type.Literal("SecretStore"), Type.Literal("ClusterSecretStore")]),
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
  /** The key under `spec.provider` (`gcpsm`, `vault`, `fake`...). */
  provider: Type.Optional(Type.String()),
  /** `spec.provider.gcpsm.projectID`, for Secret Manager stores. */
  projectID: Type.Optional(Type.String()),
  /** The `Ready` condition; absent when the store reports none. */
  ready: Type.Optional(Type.Boolean())
}));
var K8sExternalSecretsSchema = lazySchema(() => Type.Object({
  apiVersion: Type.String(),
  namespaces: Type.Optional(Type.Array(Type.String())),
  items: Type.Array(K8sLiveObjectSchema),
  stores: Type.Array(K8sSecretStoreSchema)
}));
var K8sApisSchema = lazySchema(() => Type.Object({
  serverVersion: Type.Optional(Type.Object({
    gitVersion: Type.String(),
    major: Type.Optional(Type.String()),
    minor: Type.Optional(Type.String()),
    platform: Type.Optional(Type.String())
  })),
  /** `v1`, `apps/v1`, `networking.gke.io/v1`..., sorted. */
  groupVersions: Type.Array(Type.String()),
  /** The preferred version of each group (`apps` → `v1`); the core group is `""`. */
  preferred: Type.Record(Type.String(), Type.String())
}));
var K8sFacetSchemas = {
  "k8s.apis": K8sApisSchema,
  "k8s.backendconfigs": K8sObjectListSchema,
  "k8s.configmaps": lazySchema(() => Type.Object({
    namespaces: Type.Optional(Type.Array(Type.String())),
    items: Type.Array(K8sConfigMapSchema)
  })),
  "k8s.cronjobs": K8sObjectListSchema,
  "k8s.daemonsets": K8sObjectListSchema,
  "k8s.deployments": K8sObjectListSchema,
  "k8s.externalsecrets": K8sExternalSecretsSchema,
  "k8s.ingresses": K8sObjectListSchema,
  "k8s.jobs": K8sObjectListSchema,
  "k8s.managedcertificates": K8sObjectListSchema,
  "k8s.nodes": lazySchema(() => Type.Object({ items: Type.Array(K8sNodeSchema) })),
  "k8s.pods": K8sObjectListSchema,
  "k8s.pvcs": lazySchema(() => Type.Object({ namespaces: Type.Optional(Type.Array(Type.String())), items: Type.Array(K8sClaimSchema) })),
  "k8s.replicasets": K8sObjectListSchema,
  "k8s.secrets": lazySchema(() => Type.Object({
    namespaces: Type.Optional(Type.Array(Type.String())),
    items: Type.Array(K8sSecretSchema)
  })),
  "k8s.serviceaccounts": K8sObjectListSchema,
  "k8s.services": K8sObjectListSchema,
  "k8s.statefulsets": K8sObjectListSchema
};

// packages/core/dist/layers/probe.js
var Str2 = (description) => Type.String({ minLength: 1, ...description ? { description } : {} });
var Port = lazySchema(() => Type.Integer({ minimum: 1, maximum: 65535 }));
var EnvName = (what) => Type.String({
  pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
  description: `NAME of the environment variable holding ${what} (never the value itself)`
});
var UrlPath = (description) => Type.String({ pattern: "^/", description });
var File = (description) => Str2(`${description}; relative to the config file`);
var TargetFields = {
  name: lazySchema(() => Type.Optional(Type.String({
    pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
    description: "name of this target in every verdict and report (list form); default its host"
  }))),
  expectations: lazySchema(() => Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
    description: "expectations of this target, merged over the environment's (same shape as expectations)"
  })))
};
var OneOrMany = (one, what) => Type.Union([one, Type.Array(one, { minItems: 1, description: `several ${what}, each a named target` })]);
var PROBE_HTTP_DEFAULTS = {
  livePath: "/api/v1/health/live",
  readyPath: "/api/v1/health/ready",
  protectedPaths: ["/api/v1/licenses/"],
  readyComponents: ["database", "redis"],
  minCertificateDays: 14
};
var PROBE_DEFAULT_TIMEOUT_MS = 5e3;
var PostgresProbeConfigSchema = lazySchema(() => Type.Object({
  host: Str2("host name or IP address of the server"),
  port: Type.Optional(Port),
  database: Type.Optional(Str2("database to connect to; default expectations.database.name")),
  user: Type.Optional(Str2("login role; required unless fromSecret gives it")),
  passwordEnv: Type.Optional(EnvName("the login password")),
  sslmode: Type.Optional(Type.Union([Type.Literal("disable"), Type.Literal("require"), Type.Literal("verify-ca"), Type.Literal("verify-full")], { description: "as libpq; default verify-full with caFile, else require" })),
  caFile: Type.Optional(File("PEM file of the server CA (Cloud SQL: server-ca.pem)")),
  servername: Type.Optional(Str2("name verify-full checks the certificate against; default host")),
  appUser: Type.Optional(Str2("role the application connects as, when the probe logs in with its own audit role; default the login")),
  allowPlaintextCredentials: Type.Optional(Type.Boolean({
    description: "send the credential even over a connection without TLS (sslmode: disable); only from a trusted configuration (docs/security.md); default false"
  })),
  ...TargetFields,
  fromSecret: Type.Optional(Type.Object({
    namespace: Type.Optional(Str2("default expectations.app.namespace")),
    name: Type.Optional(Str2("default the first of expectations.app.secrets")),
    userKey: Type.Optional(Str2("default the first of expectations.app.dbUserKeys present")),
    passwordKey: Type.Optional(Str2("default db-password, DB_PASSWORD, DATABASE_PASSWORD, POSTGRES_PASSWORD"))
  }, {
    additionalProperties: false,
    description: "log in with the user and password of the app's Kubernetes Secret (read with the k8s layer's kubeconfig)"
  }))
}, { additionalProperties: false }));
var RedisProbeConfigSchema = lazySchema(() => Type.Object({
  host: Str2("host name or IP address (Memorystore: the instance host)"),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: "default 6378 with tls, else 6379" })),
  tls: Type.Optional(Type.Boolean({
    description: "connect with TLS (Memorystore SERVER_AUTHENTICATION); default true. With false the probe never attempts a TLS handshake"
  })),
  caFile: Type.Optional(File("PEM file of the server CA (Memorystore: server-ca.pem)")),
  servername: Type.Optional(Str2("name the certificate is checked against; default host")),
  user: Type.Optional(Str2("ACL user to AUTH as (Redis 6+, e.g. when `user default off`); default the default user")),
  passwordEnv: Type.Optional(EnvName("the AUTH string, or the ACL user\u2019s password")),
  allowPlaintextCredentials: Type.Optional(Type.Boolean({
    description: "send the credential even over a connection without TLS (tls: false); only from a trusted configuration (docs/security.md); default false"
  })),
  ...TargetFields
}, { additionalProperties: false }));
var RegistryProbeConfigSchema = lazySchema(() => Type.Object({
  images: Type.Optional(Type.Array(Str2("image reference, e.g. us-central1-docker.pkg.dev/p/r/app:v1"), {
    description: "images to resolve; default the images the workloads run (imagesFrom)"
  })),
  imagesFrom: Type.Optional(Type.Array(Type.Union([Type.Literal("manifests"), Type.Literal("cluster")]), {
    minItems: 1,
    description: "where to find the workloads' images when `images` is not given: the repository's manifests (default) and/or the live pods of the app namespace"
  })),
  url: Type.Optional(Type.String({
    pattern: "^https?://[^/]+/?$",
    description: "send every registry request to this base URL (a mirror, or a local registry in tests)"
  })),
  plainHttpHosts: Type.Optional(Type.Array(Str2(), { description: "registry hosts reached over plain HTTP (local test registries only)" })),
  caFile: Type.Optional(File("PEM file of an extra CA for the registry")),
  usernameEnv: Type.Optional(EnvName("a registry user name (registries other than Artifact Registry)")),
  passwordEnv: Type.Optional(EnvName("that user\u2019s password or access token")),
  allowPlaintextCredentials: Type.Optional(Type.Boolean({
    description: "send the credential even over a connection without TLS (plainHttpHosts); only from a trusted configuration (docs/security.md); default false"
  })),
  ...TargetFields
}, { additionalProperties: false }));
var HttpProbeConfigSchema = lazySchema(() => Type.Object({
  baseUrl: Type.String({ pattern: "^https?://[^/]+/?$", description: "e.g. https://staging-api.coditect.ai" }),
  livePath: Type.Optional(UrlPath(`default ${PROBE_HTTP_DEFAULTS.livePath}`)),
  readyPath: Type.Optional(UrlPath(`default ${PROBE_HTTP_DEFAULTS.readyPath}`)),
  protectedPaths: Type.Optional(Type.Array(UrlPath("must answer 401 without a token"), {
    description: `default ${PROBE_HTTP_DEFAULTS.protectedPaths.join(", ")}`
  })),
  readyComponents: Type.Optional(Type.Array(Str2(), {
    description: `fields of the ready answer that must say "connected"; default ${PROBE_HTTP_DEFAULTS.readyComponents.join(", ")}`
  })),
  httpUrl: Type.Optional(Type.String({
    pattern: "^http://[^/]+/?$",
    description: "plain-HTTP address whose redirect to HTTPS is checked; default http://<host of baseUrl>"
  })),
  caFile: Type.Optional(File("PEM file of an extra CA")),
  minCertificateDays: Type.Optional(Type.Integer({ minimum: 0, description: `days the certificate must stay valid; default 14` })),
  ...TargetFields
}, { additionalProperties: false }));
var ProbeLayerConfigSchema = lazySchema(() => Type.Object({
  postgres: Type.Optional(OneOrMany(PostgresProbeConfigSchema, "PostgreSQL servers")),
  redis: Type.Optional(OneOrMany(RedisProbeConfigSchema, "Redis servers")),
  registry: Type.Optional(OneOrMany(RegistryProbeConfigSchema, "registries")),
  http: Type.Optional(OneOrMany(HttpProbeConfigSchema, "web endpoints")),
  deadlineSeconds: deadlineSecondsSchema(),
  timeoutMs: Type.Optional(Type.Integer({
    minimum: 100,
    maximum: 12e4,
    description: "per connection, handshake and request; default 5000"
  }))
}, { additionalProperties: false }));
var CertificateObservationSchema = lazySchema(() => Type.Object({
  subject: Type.String(),
  issuer: Type.String(),
  altNames: Type.Array(Type.String()),
  validFrom: Type.String({ description: "ISO 8601" }),
  validTo: Type.String({ description: "ISO 8601" }),
  /** Whole days from the probe to `validTo` (negative when already expired). */
  expiresInDays: Type.Integer(),
  /** Chains to a trusted CA (the system's, plus the configured caFile). */
  trusted: Type.Boolean(),
  /** OpenSSL's reason when not trusted, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED. */
  trustError: Type.Optional(Type.String()),
  /** The name it was checked against. */
  hostname: Type.String(),
  hostnameMatches: Type.Boolean(),
  selfSigned: Type.Boolean(),
  fingerprint256: Type.String()
}));
var PostgresProbeSchema = lazySchema(() => Type.Object({
  /** `host:port/database`. */
  endpoint: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  database: Type.String(),
  /** The role the probe logged in as. */
  login: Type.String(),
  /** The role whose rights are judged (the app's). */
  appRole: Type.String(),
  /** Where the password came from, by name only: `env DB_PASSWORD`, `Secret ns/name key db-password`, `none`. */
  credentialSource: Type.String(),
  sslmode: Type.String(),
  server: Type.Optional(Type.Object({ version: Type.String(), versionNum: Type.Integer(), major: Type.Integer() })),
  /** The probe's own session: encrypted or not, and read-only as it must be. */
  session: Type.Optional(Type.Object({ ssl: Type.Boolean(), sslVersion: Type.Optional(Type.String()), readOnly: Type.Boolean() })),
  /**
   * A second connection without TLS, that never sends a password:
   * `refused` (the server rejects unencrypted connections), `auth-requested` (it asked for a password over
   * plaintext, so it accepts such connections), `accepted` (logged in without one), `error`/`timeout`.
   */
  plaintext: Type.Object({
    outcome: Type.Union([
      Type.Literal("refused"),
      Type.Literal("auth-requested"),
      Type.Literal("accepted"),
      Type.Literal("error"),
      Type.Literal("timeout")
    ]),
    detail: Type.String()
  }),
  role: Type.Optional(Type.Object({
    name: Type.String(),
    exists: Type.Boolean(),
    superuser: Type.Boolean(),
    createRole: Type.Boolean(),
    createDb: Type.Boolean(),
    bypassRls: Type.Boolean(),
    replication: Type.Boolean(),
    /** Every role it is a member of, directly or through other roles. */
    memberOf: Type.Array(Type.String())
  })),
  ownership: Type.Optional(Type.Object({
    database: Type.Boolean(),
    schemas: Type.Array(Type.String()),
    /** Up to 20 `schema.table` names; `tableCount` is the full count. */
    tables: Type.Array(Type.String()),
    tableCount: Type.Integer()
  })),
  privileges: Type.Optional(Type.Object({
    createOnDatabase: Type.Boolean(),
    createOnSchemas: Type.Array(Type.String()),
    /** Tables with TRUNCATE, REFERENCES or TRIGGER (up to 20); `beyondDmlCount` is the full count. */
    beyondDml: Type.Array(Type.Object({ table: Type.String(), privileges: Type.Array(Type.String()) })),
    beyondDmlCount: Type.Integer()
  }))
}));
var RedisProbeSchema = lazySchema(() => Type.Object({
  /** `host:port`. */
  endpoint: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  tls: Type.Boolean(),
  certificate: Type.Optional(CertificateObservationSchema),
  /** Why the TLS handshake failed, when it did. */
  tlsError: Type.Optional(Type.String()),
  /** `PING` with no AUTH, over the configured transport: `noauth` is what a protected server answers. */
  unauthenticatedPing: Type.Object({
    outcome: Type.Union([
      Type.Literal("pong"),
      Type.Literal("noauth"),
      Type.Literal("error"),
      Type.Literal("no-answer")
    ]),
    /** The server's reply (an error's first sentence); never anything the probe sent. */
    reply: Type.Optional(Type.String())
  }),
  /**
   * `PING` over a plain TCP connection to the same port: `answered` means the server speaks plaintext,
   * `refused` that it closed or answered with TLS only. With `tls: false` this is the configured transport.
   */
  plaintext: Type.Object({
    outcome: Type.Union([Type.Literal("answered"), Type.Literal("refused"), Type.Literal("no-answer")]),
    reply: Type.Optional(Type.String())
  }),
  /** The ACL user the probe AUTHs as, when the config names one (a user name, never a password). */
  user: Type.Optional(Type.String()),
  /** AUTH with the configured password: whether it was accepted (never the password). */
  authenticated: Type.Optional(Type.Object({ ok: Type.Boolean(), detail: Type.Optional(Type.String()) })),
  /** From `INFO server`. */
  server: Type.Optional(Type.Object({ version: Type.String(), mode: Type.Optional(Type.String()) }))
}));
var ImagePlatformSchema = lazySchema(() => Type.Object({
  os: Type.String(),
  architecture: Type.String(),
  variant: Type.Optional(Type.String())
}));
var ImageUseSchema = lazySchema(() => Type.Object({
  source: Type.Union([Type.Literal("config"), Type.Literal("manifest"), Type.Literal("cluster")]),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Integer({ minimum: 1 })),
  column: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Optional(Type.String()),
  namespace: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  container: Type.Optional(Type.String())
}));
var ImageProbeSchema = lazySchema(() => Type.Object({
  /** As the workload names it. */
  reference: Type.String(),
  /** `reference` parsed (the collectors' one image reference parser). */
  ref: Type.Optional(ImageReferenceSchema),
  registry: Type.String(),
  repository: Type.String(),
  tag: Type.Optional(Type.String()),
  /** The digest the reference pins, if it does. */
  digest: Type.Optional(Type.String()),
  /** What the reference resolves to now. */
  resolvedDigest: Type.String(),
  mediaType: Type.String(),
  kind: Type.Union([Type.Literal("index"), Type.Literal("manifest")]),
  /** Runnable platforms; build attestations (`unknown/unknown`) are left out and counted. */
  platforms: Type.Array(ImagePlatformSchema),
  attestationsIgnored: Type.Integer({ minimum: 0 }),
  /** The image config per platform: its `User` and the `PATH` of its `Env` (no other variable is kept). */
  configs: Type.Array(Type.Object({ platform: Type.String(), user: Type.String(), path: Type.Optional(Type.String()) })),
  usedBy: Type.Array(ImageUseSchema)
}));
var RegistryProbeSchema = lazySchema(() => Type.Object({ images: Type.Array(ImageProbeSchema) }));
var HttpObservationSchema = lazySchema(() => Type.Object({
  url: Type.String(),
  outcome: Type.Union([
    Type.Literal("answered"),
    Type.Literal("redirect-offsite"),
    Type.Literal("timeout"),
    Type.Literal("refused"),
    Type.Literal("tls-error"),
    Type.Literal("error")
  ]),
  status: Type.Optional(Type.Integer()),
  /** A redirect's target (scheme, host and path; the query is dropped). */
  location: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  /** Health fields of a JSON answer (`status` and the ready components), when they are short strings. */
  health: Type.Optional(Type.Record(Type.String(), Type.String())),
  /** The Strict-Transport-Security header, when sent. */
  hsts: Type.Optional(Type.String())
}));
var HttpProbeSchema = lazySchema(() => Type.Object({
  baseUrl: Type.String(),
  host: Type.String(),
  https: Type.Boolean(),
  live: HttpObservationSchema,
  ready: HttpObservationSchema,
  readyComponents: Type.Array(Type.String()),
  protected: Type.Array(HttpObservationSchema),
  tls: Type.Optional(Type.Object({
    protocol: Type.Optional(Type.String()),
    certificate: Type.Optional(CertificateObservationSchema),
    error: Type.Optional(Type.String())
  })),
  /** The plain-HTTP address: does it redirect to HTTPS on the same host? */
  plainHttp: Type.Object({
    url: Type.String(),
    outcome: Type.Union([
      Type.Literal("redirect"),
      Type.Literal("answered"),
      Type.Literal("refused"),
      Type.Literal("timeout"),
      Type.Literal("error")
    ]),
    status: Type.Optional(Type.Integer()),
    location: Type.Optional(Type.String()),
    toHttps: Type.Optional(Type.Boolean()),
    sameHost: Type.Optional(Type.Boolean()),
    detail: Type.Optional(Type.String())
  }),
  minCertificateDays: Type.Integer()
}));
var ProbeFacetSchemas = {
  "probe.postgres": PostgresProbeSchema,
  "probe.redis": RedisProbeSchema,
  "probe.registry": RegistryProbeSchema,
  "probe.http": HttpProbeSchema
};

// packages/core/dist/priority.js
var PRIORITIES = ["P0", "P1", "P2"];
var PrioritySchema = lazySchema(() => Type.Union(PRIORITIES.map((p) => Type.Literal(p))));
var PrioritySpecSchema = lazySchema(() => Type.Object({
  default: PrioritySchema,
  environments: Type.Optional(Type.Record(Type.String(), PrioritySchema))
}));
function priorityRank(p) {
  return PRIORITIES.indexOf(p);
}
function meetsThreshold(p, threshold) {
  return priorityRank(p) <= priorityRank(threshold);
}
function isPriority(v) {
  return typeof v === "string" && PRIORITIES.includes(v);
}
function resolvePriority(spec, environment, tier, override) {
  if (override)
    return override;
  const envs = spec.environments ?? {};
  return envs[environment] ?? (tier ? envs[tier] : void 0) ?? spec.default;
}

// packages/core/dist/yaml-budget.js
var MAX_YAML_ENTRIES = 2e5;
function overYamlBudget(source) {
  let entries2 = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 44) {
      entries2++;
      if (entries2 > MAX_YAML_ENTRIES)
        return entries2;
    }
  }
  return void 0;
}
function firstDuplicateKey(root) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = /* @__PURE__ */ new Set();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? `s:${pair.key.value === null ? "" : String(pair.key.value)}` : void 0;
        if (key !== void 0) {
          if (seen.has(key))
            return pair.key;
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items)
        stack.push(item);
    }
  }
  return void 0;
}

// packages/core/dist/config.js
var Str3 = (description) => Type.String({ minLength: 1, ...description ? { description } : {} });
var ExpectationsSchema = lazySchema(() => Type.Object({
  project: Type.Optional(Str3("Google Cloud project id")),
  region: Type.Optional(Str3()),
  platforms: Type.Optional(Type.Array(Type.String({ pattern: "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$" }), {
    minItems: 1,
    description: "platforms images must support, e.g. linux/amd64"
  })),
  app: Type.Optional(Type.Object({
    namespace: Type.Optional(Str3()),
    deployment: Type.Optional(Str3()),
    container: Type.Optional(Str3()),
    serviceAccount: Type.Optional(Str3()),
    secrets: Type.Optional(Type.Array(Str3(), { description: "Secrets holding the app credentials" })),
    image: Type.Optional(Str3("image repository the app runs, without tag")),
    minReplicas: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Keys in the app's Secret/env that name the database user. */
    dbUserKeys: Type.Optional(Type.Array(Str3()))
  }, { additionalProperties: false })),
  registry: Type.Optional(Type.Object({ location: Type.Optional(Str3()), repository: Type.Optional(Str3()), host: Type.Optional(Str3()) }, { additionalProperties: false })),
  database: Type.Optional(Type.Object({
    instance: Type.Optional(Str3()),
    name: Type.Optional(Str3()),
    superuserNames: Type.Optional(Type.Array(Str3()))
  }, { additionalProperties: false })),
  redis: Type.Optional(Type.Object({ instance: Type.Optional(Str3()) }, { additionalProperties: false })),
  kms: Type.Optional(Type.Object({
    location: Type.Optional(Str3()),
    keyRing: Type.Optional(Str3()),
    key: Type.Optional(Str3()),
    purpose: Type.Optional(Str3()),
    algorithm: Type.Optional(Str3()),
    signer: Type.Optional(Str3("IAM member that must hold roles/cloudkms.signerVerifier"))
  }, { additionalProperties: false })),
  secretManager: Type.Optional(Type.Object({ secrets: Type.Optional(Type.Array(Str3())) }, { additionalProperties: false })),
  alertPolicies: Type.Optional(Type.Object({
    errorRate: Type.Optional(Str3()),
    latencyP99: Type.Optional(Str3()),
    crashLoop: Type.Optional(Str3()),
    databaseConnectionErrors: Type.Optional(Str3())
  }, { additionalProperties: false })),
  domain: Type.Optional(Str3("public host name of the app")),
  cicd: Type.Optional(Type.Object({ branch: Type.Optional(Str3()), workflows: Type.Optional(Type.Array(Str3())) }, { additionalProperties: false }))
}, { additionalProperties: false }));
var ADR_PROJECT = "coditect-cloud-infra";
var ADR_REGION = "us-central1";
function adrDefaults(project = ADR_PROJECT, region = ADR_REGION, serviceAccount = "coditect-cloud-backend") {
  return {
    project,
    region,
    platforms: ["linux/amd64"],
    app: {
      namespace: "coditect-staging",
      deployment: "coditect-backend",
      serviceAccount,
      secrets: ["backend-secrets"],
      image: `${region}-docker.pkg.dev/${project}/coditect-backend/coditect-cloud-backend`,
      minReplicas: 2,
      dbUserKeys: ["db-user", "DB_USER", "database-user", "DATABASE_USER", "POSTGRES_USER", "PGUSER", "DATABASE_URL"]
    },
    registry: { location: region, repository: "coditect-backend", host: `${region}-docker.pkg.dev` },
    database: {
      instance: "coditect-db",
      name: "coditect",
      superuserNames: ["postgres", "cloudsqlsuperuser", "root", "admin"]
    },
    redis: { instance: "coditect-redis-staging" },
    kms: {
      location: region,
      keyRing: "license-signing-keyring",
      key: "license-signing-key",
      purpose: "ASYMMETRIC_SIGN",
      algorithm: "RSA_SIGN_PKCS1_4096_SHA512",
      signer: `serviceAccount:${serviceAccount}@${project}.iam.gserviceaccount.com`
    },
    secretManager: { secrets: ["django-secret-key", "db-password-staging", "redis-password-staging"] },
    alertPolicies: {
      errorRate: "Error rate > 1%",
      latencyP99: "Latency p99 > 500ms",
      crashLoop: "Pod crash loop",
      databaseConnectionErrors: "Database connection errors"
    },
    domain: "staging-api.coditect.ai",
    cicd: { branch: "main" }
  };
}
function givenExpectationFields(input) {
  const out = [];
  const walk = (value, prefix) => {
    for (const [key, v] of Object.entries(value)) {
      if (v === void 0)
        continue;
      const path = prefix ? `${prefix}.${key}` : key;
      out.push(path);
      if (typeof v === "object" && v !== null && !Array.isArray(v))
        walk(v, path);
    }
  };
  if (input)
    walk(input, "");
  return out;
}
function resolveExpectations(input) {
  const i = input ?? {};
  const d = adrDefaults(i.project, i.region ?? i.registry?.location, i.app?.serviceAccount);
  if (i.registry?.location && !i.registry.host)
    d.registry.host = `${i.registry.location}-docker.pkg.dev`;
  if (i.registry && !i.app?.image) {
    d.app.image = `${i.registry.host ?? d.registry.host}/${d.project}/${i.registry.repository ?? d.registry.repository}/coditect-cloud-backend`;
  }
  return {
    project: i.project ?? d.project,
    region: i.region ?? d.region,
    platforms: i.platforms ?? d.platforms,
    app: { ...d.app, ...i.app },
    registry: { ...d.registry, ...i.registry },
    database: { ...d.database, ...i.database },
    redis: { ...d.redis, ...i.redis },
    kms: { ...d.kms, ...i.kms },
    secretManager: { ...d.secretManager, ...i.secretManager },
    alertPolicies: { ...d.alertPolicies, ...i.alertPolicies },
    domain: i.domain ?? d.domain,
    cicd: { ...d.cicd, ...i.cicd }
  };
}
var FilesLayerSchema = lazySchema(() => Type.Object({
  include: Type.Optional(Type.Array(Str3(), { description: "globs, relative to the scanned directory" })),
  exclude: Type.Optional(Type.Array(Str3()))
}, { additionalProperties: false }));
var DEFAULT_FAIL_ON = "P0";
var EnvironmentSchema = lazySchema(() => Type.Object({
  tier: Type.Optional(Type.String({ description: "weighs rules like this environment kind (e.g. production)", minLength: 1 })),
  failOn: Type.Optional(Type.Union(FAIL_ON.map((f) => Type.Literal(f)))),
  strict: Type.Optional(Type.Boolean({ description: "checks that cannot be decided (unknown) gate like findings; default false" })),
  gate: Type.Optional(Type.Object({
    targets: Type.Optional(Type.Array(Str3(), {
      minItems: 1,
      description: "fail the gate only on findings about these fleet targets (servers, clusters by name); findings about the environment as a whole (files, Google Cloud) always gate. Default every target. --fail-on-target overrides it"
    }))
  }, { additionalProperties: false })),
  layers: Type.Optional(Type.Object({
    files: Type.Optional(Type.Union([Type.Boolean(), FilesLayerSchema])),
    gcp: Type.Optional(GcpLayerConfigSchema),
    k8s: Type.Optional(K8sLayerConfigSchema),
    probe: Type.Optional(ProbeLayerConfigSchema)
  }, { additionalProperties: false })),
  expectations: Type.Optional(ExpectationsSchema),
  rules: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Literal("off"), PrioritySchema]), {
    description: "per-rule override: off, or a priority"
  }))
}, { additionalProperties: false }));
var ConfigSuppressionSchema = lazySchema(() => Type.Object({
  rule: Str3("rule id (or alias), or * for every rule"),
  resource: Type.Optional(Str3("glob matched against the resource id and its file; default every resource")),
  reason: Type.String({ minLength: 3, description: "why this is accepted; required" }),
  expires: Type.Optional(Type.String({ format: "date", description: "YYYY-MM-DD; the suppression stops applying after it" }))
}, { additionalProperties: false }));
var ConfigSchema = lazySchema(() => Type.Object({
  $schema: Type.Optional(Type.String()),
  version: Type.Literal(1),
  adr: Type.Optional(Str3("path of the ADR document; live findings without a declaring file point at it")),
  plugins: Type.Optional(Type.Array(Str3("npm package name or path of a rule pack"))),
  environments: Type.Record(Type.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" }), EnvironmentSchema, {
    minProperties: 1
  }),
  suppressions: Type.Optional(Type.Array(ConfigSuppressionSchema))
}, {
  additionalProperties: false,
  $id: "https://coditect.ai/schemas/coditect-audit/config-v1.json",
  title: "coditect-audit.yaml"
}));
var FIXES = {
  additionalProperties: "remove it or check its spelling against the configuration reference (docs/configuration.md)",
  required: "add it",
  enum: "",
  format: "use the form YYYY-MM-DD",
  minLength: "give a non-empty value",
  pattern: "see docs/configuration.md for the expected form"
};
function lineAt(doc, lc, pointer2, extraKey) {
  const segs = pointer2.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extraKey)
    segs.push(extraKey);
  let node = doc.contents;
  let line = node?.range ? lc.linePos(node.range[0]).line : void 0;
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair)
        break;
      if (isScalar(pair.key) && pair.key.range)
        line = lc.linePos(pair.key.range[0]).line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!item)
        break;
      if (item.range)
        line = lc.linePos(item.range[0]).line;
      node = item;
    } else
      break;
  }
  return line;
}
function parseConfig(text, file = "coditect-audit.yaml") {
  if (overYamlBudget(text) !== void 0)
    throw new ConfigError(`${file}: more than ${MAX_YAML_ENTRIES.toLocaleString("en-US")} lines and flow entries, over the parse budget; a configuration is a few hundred lines`, file);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  const duplicate = doc.errors.length === 0 ? firstDuplicateKey(doc.contents) : void 0;
  if (duplicate) {
    const line = duplicate.range ? lc.linePos(duplicate.range[0]).line : 1;
    throw new ConfigError(`${file}:${line}: not valid YAML: Map keys must be unique. Remove the repeated key at that line.`, file, void 0, line);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lc.linePos(e.pos[0]);
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: not valid YAML: ${e.message.split("\n")[0]}. Fix the syntax at that line.`, file, void 0, pos.line);
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(`${file}: ${e.message.split("\n")[0]}. Write the values out instead of expanding aliases (&name / *name) into each other.`, file);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError(`${file}: the configuration must be a mapping with "version: 1" and "environments:"`, file);
  }
  const literal2 = findLiteralCredential(value, "");
  if (literal2) {
    throw new ConfigError(`${file}:${lineAt(doc, lc, literal2.pointer) ?? 1}: ${pointerToPath(literal2.pointer)} holds a literal credential. Name an environment variable instead (e.g. passwordEnv: DB_PASSWORD) or rely on Application Default Credentials.`, file, pointerToPath(literal2.pointer));
  }
  const validate = compile(ConfigSchema);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== "anyOf" && e.keyword !== "if");
    const seen = /* @__PURE__ */ new Set();
    const lines = [];
    let first;
    for (const e of errors) {
      const extra = e.keyword === "additionalProperties" ? e.params.additionalProperty : void 0;
      const path = pointerToPath(e.instancePath) + (extra ? `.${extra}` : "");
      if (seen.has(path))
        continue;
      seen.add(path);
      const line = lineAt(doc, lc, e.instancePath, extra);
      const fix = FIXES[e.keyword];
      lines.push(`${file}${line ? `:${line}` : ""}: ${describeAjvError(e)}${fix ? ` (fix: ${fix})` : ""}`);
      first ??= { path, line };
    }
    throw new ConfigError(`invalid configuration:
  ${lines.join("\n  ")}`, file, first?.path, first?.line);
  }
  return value;
}
function findLiteralCredential(v, pointer2) {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findLiteralCredential(v[i], `${pointer2}/${i}`);
      if (hit)
        return hit;
    }
  } else if (v && typeof v === "object") {
    for (const [k, child] of Object.entries(v)) {
      if (/^(password|passwd|secret|token|apiKey|api_key|authString|privateKey|credentials?)$/i.test(k) && typeof child === "string")
        return { pointer: `${pointer2}/${k}` };
      const hit = findLiteralCredential(child, `${pointer2}/${k}`);
      if (hit)
        return hit;
    }
  }
  return void 0;
}
function selectEnvironment(config, name, file = "coditect-audit.yaml") {
  const names = Object.keys(config.environments);
  if (name) {
    const env = config.environments[name];
    if (!env)
      throw new ConfigError(`environment "${name}" is not in ${file}; choose one of: ${names.join(", ")} (--env)`, file, `environments.${name}`);
    return [name, env];
  }
  if (names.length === 1)
    return [names[0], config.environments[names[0]]];
  throw new ConfigError(`${file} defines several environments (${names.join(", ")}): choose one with --env`, file, "environments");
}
function environmentLine(text, name) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, logLevel: "error" });
  const envs = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "environments") : void 0;
  if (!envs || !isMap(envs.value))
    return void 0;
  const pair = envs.value.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  return pair && isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : void 0;
}

// packages/core/dist/fleet.js
var TARGET_KINDS = ["cluster", "postgres", "redis", "registry", "http"];
var PROBE_TARGET_KINDS = ["postgres", "redis", "registry", "http"];
function targetKindOfFacet(name) {
  if (name.startsWith("k8s."))
    return "cluster";
  const probe = /^probe\.(postgres|redis|registry|http)$/.exec(name);
  return probe ? probe[1] : void 0;
}
var targetKey = (t) => `${t.kind}/${t.name}`;
function compareTargets(a, b) {
  return TARGET_KINDS.indexOf(a.kind) - TARGET_KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function defaultName(kind, cfg) {
  const url = (v) => {
    try {
      return new URL(String(v)).host;
    } catch {
      return void 0;
    }
  };
  if (kind === "postgres" || kind === "redis")
    return cfg.port ? `${String(cfg.host)}:${String(cfg.port)}` : String(cfg.host);
  if (kind === "http")
    return url(cfg.baseUrl) ?? "http";
  if (kind === "registry")
    return (cfg.url ? url(cfg.url) : void 0) ?? "registry";
  return "target";
}
function fleetTargets(env, environment, file = "coditect-audit.yaml") {
  const out = [];
  const layers = env.layers ?? {};
  const probe = layers.probe ?? {};
  for (const kind of PROBE_TARGET_KINDS) {
    const value = probe[kind];
    if (!Array.isArray(value))
      continue;
    value.forEach((item, i) => {
      const { name, expectations, ...config } = item;
      out.push({
        kind,
        name: typeof name === "string" ? name : defaultName(kind, config),
        config,
        ...expectations ? { expectations } : {},
        path: `environments.${environment}.layers.probe.${kind}[${i}]`
      });
    });
  }
  const k8s = layers.k8s;
  if (k8s?.contexts) {
    const { contexts, context: _single, ...shared2 } = k8s;
    contexts.forEach((entry, i) => {
      const item = typeof entry === "string" ? { context: entry } : entry;
      const { name, expectations, context, namespaces } = item;
      out.push({
        kind: "cluster",
        name: typeof name === "string" ? name : String(context),
        config: { ...shared2, context, ...namespaces ? { namespaces } : {} },
        ...expectations ? { expectations } : {},
        path: `environments.${environment}.layers.k8s.contexts[${i}]`
      });
    });
  }
  const seen = /* @__PURE__ */ new Map();
  for (const t of out) {
    const prior = seen.get(t.name);
    if (prior)
      throw new ConfigError(`${file}: ${t.path}: the target name "${t.name}" is also used by ${prior}; give each target its own \`name\``, file, t.path);
    seen.set(t.name, t.path);
  }
  return out.sort(compareTargets);
}
function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function targetExpectations(base, own) {
  if (!own)
    return base;
  const merge = (a, b) => {
    if (!isPlainObject(a) || !isPlainObject(b))
      return b === void 0 ? a : b;
    const out = { ...a };
    for (const [k, v] of Object.entries(b))
      out[k] = merge(a[k], v);
    return out;
  };
  return merge(base ?? {}, own);
}
function parseShard(value) {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 1e4)
    throw new ConfigError(`--shard ${value}: give the shard as i/n with 1 \u2264 i \u2264 n (e.g. --shard 1/4; in an Indexed Job: $((JOB_COMPLETION_INDEX + 1))/n)`);
  return { index, count };
}
function shardSlice(items, shard) {
  if (!shard)
    return [...items];
  const from = Math.floor((shard.index - 1) * items.length / shard.count);
  const to = Math.floor(shard.index * items.length / shard.count);
  return items.slice(from, to);
}
var cmp2 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function sortProblems(problems) {
  const seen = /* @__PURE__ */ new Set();
  return [...problems].sort((a, b) => cmp2(a.subject, b.subject) || cmp2(a.message, b.message)).filter((p) => {
    const k = `${p.subject}\0${p.message}`;
    if (seen.has(k))
      return false;
    seen.add(k);
    return true;
  });
}
function canonicalList(items) {
  const keyed = items.map((item) => ({
    project: isPlainObject(item) && typeof item.project === "string" ? item.project : "",
    text: JSON.stringify(item),
    item
  }));
  keyed.sort((a, b) => cmp2(a.project, b.project) || cmp2(a.text, b.text));
  return keyed.map((k) => k.item);
}
function canonicalFacet(facet) {
  if (facet.status === "absent")
    return facet;
  if (facet.status === "error")
    return { status: "error", problems: sortProblems(facet.problems) };
  const data = facet.data;
  const out = {};
  for (const [k, v] of Object.entries(data))
    out[k] = Array.isArray(v) ? canonicalList(v) : v;
  return { status: "ok", data: out, problems: sortProblems(facet.problems) };
}
function canonicalGcpFacets(facets) {
  const out = {};
  for (const [name, facet] of Object.entries(facets)) {
    out[name] = name.startsWith("gcp.") && facet ? canonicalFacet(facet) : facet;
  }
  return out;
}
function combineLayerStates(layer, parts) {
  const configured = parts.filter((s) => s.status !== "not-configured");
  if (configured.length === 0)
    return parts[0] ?? { status: "not-configured", reason: `layers.${layer} is not set` };
  if (configured.some((s) => s.status === "collected"))
    return { status: "collected" };
  const reasons = [...new Set(configured.map((s) => s.reason).filter(Boolean))];
  return { status: "failed", reason: reasons.join("; ") || `every ${layer} target failed` };
}
var MergeError = class extends ConfigError {
};
function mergeGcpFacet(parts) {
  const ok = parts.filter((f) => f.status === "ok");
  const problems = parts.flatMap((f) => f.status === "absent" ? [] : f.problems);
  if (ok.length === 0) {
    if (problems.length > 0)
      return { status: "error", problems: sortProblems(problems) };
    return parts[0];
  }
  const data = {};
  for (const f of ok)
    for (const [k, v] of Object.entries(f.data)) {
      if (Array.isArray(v))
        data[k] = [...data[k] ?? [], ...v];
      else if (!(k in data))
        data[k] = v;
    }
  return canonicalFacet({ status: "ok", data, problems });
}
function mergeSnapshots(snapshots, names = []) {
  const label3 = (i) => names[i] ?? `snapshot ${i + 1}`;
  if (snapshots.length === 0)
    throw new MergeError("merge: give the snapshots of every shard");
  const unsharded = snapshots.findIndex((s) => !s.shard);
  if (unsharded >= 0 && snapshots.length > 1)
    throw new MergeError(`merge: ${label3(unsharded)} was not collected with --shard; merge the snapshots of one \`collect --shard i/n\` run`);
  if (snapshots.length === 1 && !snapshots[0].shard)
    return snapshots[0];
  const count = snapshots[0].shard.count;
  const environment = snapshots[0].environment;
  const byIndex = /* @__PURE__ */ new Map();
  snapshots.forEach((s, i) => {
    if (s.environment !== environment)
      throw new MergeError(`merge: ${label3(i)} is of environment "${s.environment}", ${label3(0)} of "${environment}"; merge the shards of one environment`);
    if (s.shard.count !== count)
      throw new MergeError(`merge: ${label3(i)} is shard ${s.shard.index}/${s.shard.count}, ${label3(0)} is of ${count}`);
    const prior = byIndex.get(s.shard.index);
    if (prior !== void 0)
      throw new MergeError(`merge: ${label3(prior)} and ${label3(i)} are both shard ${s.shard.index}/${count}`);
    byIndex.set(s.shard.index, i);
  });
  const missing2 = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing2.length > 0)
    throw new MergeError(`merge: shard${missing2.length > 1 ? "s" : ""} ${missing2.map((i) => `${i}/${count}`).join(", ")} missing`);
  const ordered = Array.from({ length: count }, (_, i) => snapshots[byIndex.get(i + 1)]);
  const first = ordered[0];
  const facets = {};
  for (const [name, facet] of Object.entries(first.facets))
    if (!name.startsWith("gcp."))
      facets[name] = facet;
  const gcpNames = new Set(ordered.flatMap((s) => Object.keys(s.facets).filter((n) => n.startsWith("gcp."))));
  const withGcp = ordered.filter((s) => s.shard.projects.length > 0);
  for (const name of [...gcpNames].sort()) {
    const parts = withGcp.map((s) => s.facets[name]).filter(Boolean);
    if (parts.length > 0)
      facets[name] = mergeGcpFacet(parts);
  }
  const targets = ordered.flatMap((s) => s.targets ?? []).sort(compareTargets);
  const layers = { ...first.layers };
  const gcpStates = withGcp.map((s) => s.layers.gcp).filter((s) => Boolean(s));
  if (gcpStates.length > 0)
    layers.gcp = combineLayerStates("gcp", gcpStates);
  for (const [layer, kinds] of [
    ["k8s", ["cluster"]],
    ["probe", PROBE_TARGET_KINDS]
  ]) {
    const own = first.shard.owns.includes(layer) ? first.shard.ownStates?.[layer] ?? first.layers[layer] : void 0;
    const parts = [
      ...own ? [own] : [],
      ...targets.filter((t) => kinds.includes(t.kind)).map((t) => t.state)
    ];
    if (parts.length > 0)
      layers[layer] = combineLayerStates(layer, parts);
  }
  const collectedAt = ordered.map((s) => s.collectedAt).filter((t) => Boolean(t)).sort().at(-1);
  const merged = {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    environment,
    root: first.root,
    // The fleet was collected when its last shard finished.
    ...collectedAt ? { collectedAt } : {},
    layers,
    // What the files layer left out: shard 1 read the files.
    ...first.excluded ? { excluded: first.excluded } : {},
    facets,
    ...targets.length > 0 ? { targets } : {}
  };
  return merged;
}
function sortTargets(targets) {
  return [...targets].sort(compareTargets);
}

// packages/core/dist/snapshot/compact-positions.js
var COLUMN_SPAN = 2 ** 21;
var MAX_LINE = 2 ** 31;
var PLACES = /* @__PURE__ */ Symbol("places");
function compactPositions(record) {
  if (!record || typeof record !== "object" || Array.isArray(record))
    return record;
  if (Object.getPrototypeOf(record) !== Object.prototype)
    return record;
  const keys = Object.keys(record);
  const places = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key.charCodeAt(0) !== 47)
      return record;
    const place = placeOf(record[key]);
    if (place === void 0)
      return record;
    places[i] = place;
  }
  const target = { [PLACES]: { pointers: sharedPointers(keys), places, last: -1 } };
  return new Proxy(target, handler);
}
function placeOf(value) {
  if (!value || typeof value !== "object" || Array.isArray(value))
    return void 0;
  if (Object.getPrototypeOf(value) !== Object.prototype)
    return void 0;
  const keys = Object.keys(value);
  if (keys.length !== 2 || keys[0] !== "line" || keys[1] !== "column")
    return void 0;
  const { line, column } = value;
  if (!Number.isInteger(line) || !Number.isInteger(column))
    return void 0;
  const l = line;
  const c = column;
  if (l < 0 || c < 0 || l >= MAX_LINE || c >= COLUMN_SPAN || Object.is(l, -0) || Object.is(c, -0))
    return void 0;
  return l * COLUMN_SPAN + c;
}
var SHARED = /* @__PURE__ */ new Map();
var MAX_SHARED = 2e4;
var shared = 0;
function sharedPointers(keys) {
  const id = `${keys.length}\0${keys[keys.length - 1] ?? ""}`;
  let candidates = SHARED.get(id);
  if (candidates) {
    for (const candidate of candidates)
      if (sameKeys(candidate, keys))
        return candidate;
  }
  if (shared >= MAX_SHARED) {
    SHARED.clear();
    shared = 0;
    candidates = void 0;
  }
  if (!candidates) {
    candidates = [];
    SHARED.set(id, candidates);
  }
  if (candidates.length < 8) {
    candidates.push(keys);
    shared++;
  }
  return keys;
}
function sameKeys(a, b) {
  if (a.length !== b.length)
    return false;
  for (let i = a.length - 1; i >= 0; i--)
    if (a[i] !== b[i])
      return false;
  return true;
}
function indexOf(positions, pointer2) {
  const { pointers, last } = positions;
  let at2 = last;
  if (pointers[at2] !== pointer2)
    at2 = pointers[last + 1] === pointer2 ? last + 1 : pointers.indexOf(pointer2);
  if (at2 >= 0)
    positions.last = at2;
  return at2;
}
function positionOf(positions, pointer2) {
  const at2 = indexOf(positions, pointer2);
  if (at2 < 0)
    return void 0;
  const place = positions.places[at2];
  const column = place % COLUMN_SPAN;
  return { line: (place - column) / COLUMN_SPAN, column };
}
var isPointer = (key) => typeof key === "string" && key.startsWith("/");
var handler = {
  get: (target, key) => isPointer(key) ? positionOf(target[PLACES], key) : Reflect.get(target, key),
  has: (target, key) => isPointer(key) ? indexOf(target[PLACES], key) >= 0 : key !== PLACES && Reflect.has(target, key),
  ownKeys: (target) => [...target[PLACES].pointers],
  getOwnPropertyDescriptor: (target, key) => {
    const value = isPointer(key) ? positionOf(target[PLACES], key) : void 0;
    return value && { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false
};

// packages/core/dist/snapshot/index.js
var SNAPSHOT_SCHEMA_VERSION = 2;
var FacetSchemas = {
  ...FilesFacetSchemas,
  ...GcpFacetSchemas,
  ...K8sFacetSchemas,
  ...ProbeFacetSchemas
};
var FACET_NAMES = Object.keys(FacetSchemas);
function layerOfFacet(name) {
  const layer = name.split(".")[0];
  if (!LAYERS.includes(layer ?? ""))
    throw new Error(`facet "${name}" names no known layer`);
  return layer;
}
var LayerStateSchema = lazySchema(() => Type.Object({
  status: Type.Union([Type.Literal("collected"), Type.Literal("not-configured"), Type.Literal("failed")]),
  reason: Type.Optional(Type.String()),
  /** Paths the layer did not read on purpose, each with why (vendored `.terraform/` directories). */
  skipped: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() })))
}));
var FacetsSchema = lazySchema(() => Type.Object(Object.fromEntries(Object.entries(FacetSchemas).map(([k, v]) => [k, Type.Optional(facetSchema(v))]))));
var TargetSnapshotSchema = lazySchema(() => Type.Object({
  kind: Type.Union([
    Type.Literal("cluster"),
    Type.Literal("postgres"),
    Type.Literal("redis"),
    Type.Literal("registry"),
    Type.Literal("http")
  ]),
  name: Type.String({ minLength: 1 }),
  state: LayerStateSchema,
  /** Only the facets a target can hold: a cluster's k8s facets, a server's probe facet. */
  facets: Type.Object(Object.fromEntries(Object.entries({ ...K8sFacetSchemas, ...ProbeFacetSchemas }).map(([k, v]) => [
    k,
    Type.Optional(facetSchema(v))
  ])))
}));
var ShardSchema = lazySchema(() => Type.Object({
  index: Type.Integer({ minimum: 1 }),
  count: Type.Integer({ minimum: 1 }),
  /** Google Cloud projects this shard read (after folders and organisations were listed). */
  projects: Type.Array(Type.String()),
  /** Fleet targets this shard collected, `kind/name`. */
  targets: Type.Array(Type.String()),
  /** Layers whose unsharded part (the files, a single cluster or server) this shard collected. */
  owns: Type.Array(Type.String()),
  /** The state of the unsharded part of k8s and probe alone (the layer's state also counts the targets). */
  ownStates: Type.Optional(Type.Record(Type.String(), LayerStateSchema))
}));
var SnapshotSchema = lazySchema(() => Type.Object({
  schemaVersion: Type.Literal(SNAPSHOT_SCHEMA_VERSION),
  tool: Type.Object({ name: Type.String(), version: Type.String() }),
  environment: Type.String(),
  /** Display name of the scanned root (never an absolute path, so snapshots are portable). */
  root: Type.String(),
  collectedAt: Type.Optional(Type.String({ format: "date-time" })),
  layers: Type.Record(Type.String(), LayerStateSchema),
  /** What the files layer did not read, and why (absent in snapshots of earlier versions: nothing listed). */
  excluded: Type.Optional(Type.Array(ExcludedPathSchema)),
  facets: FacetsSchema,
  targets: Type.Optional(Type.Array(TargetSnapshotSchema)),
  shard: Type.Optional(ShardSchema)
}, { $id: "https://coditect.ai/schemas/coditect-audit/snapshot-v2.json", title: "coditect-audit snapshot" }));

// packages/core/dist/rule.js
var DOCS_BASE_URL = "https://github.com/coditect-ai/coditect-audit/blob/main/docs/rules/";
var RuleDefinitionError = class extends Error {
  name = "RuleDefinitionError";
};
var ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$/;
function defineRule(def) {
  const where = `rule "${String(def?.id)}"`;
  const problem = (msg) => new RuleDefinitionError(`${where}: ${msg}`);
  if (!def || typeof def !== "object")
    throw new RuleDefinitionError("a rule must be an object");
  if (typeof def.id !== "string" || !ID.test(def.id))
    throw problem("id must be kebab-case (a-z, 0-9, -), optionally family.concern");
  for (const a of def.aliases ?? [])
    if (typeof a !== "string" || !a)
      throw problem("aliases must be non-empty strings");
  for (const field of ["title", "description", "rationale"]) {
    if (typeof def[field] !== "string" || !def[field].trim())
      throw problem(`"${field}" must be a non-empty string`);
  }
  if (!Array.isArray(def.concerns) || def.concerns.length === 0 || def.concerns.some((c) => typeof c !== "string" || !c))
    throw problem('"concerns" must list at least one concern key');
  if (!LAYERS.includes(def.layer))
    throw problem(`"layer" must be one of ${LAYERS.join(", ")}`);
  if (!Array.isArray(def.facets) || def.facets.length === 0)
    throw problem('"facets" must list the facets it reads');
  for (const f of [...def.facets, ...def.optionalFacets ?? []]) {
    if (!FACET_NAMES.includes(f))
      throw problem(`unknown facet "${String(f)}" (known: ${FACET_NAMES.join(", ")})`);
    if (!def.crossLayer && layerOfFacet(f) !== def.layer)
      throw problem(`facet "${f}" is not in layer "${def.layer}" (a join across layers declares crossLayer: true)`);
  }
  if (def.crossLayer && !def.facets.some((f) => layerOfFacet(f) === def.layer))
    throw problem(`a crossLayer rule reads at least one facet of its primary layer "${def.layer}"`);
  if (!def.remediation || typeof def.remediation.text !== "string" || !def.remediation.text.trim())
    throw problem('"remediation.text" must be a non-empty string');
  const unknownPlaceholders = unknownRemediationPlaceholders(def.remediation);
  if (unknownPlaceholders.length)
    throw problem(`remediation names ${unknownPlaceholders.map((n) => `{{${n}}}`).join(", ")}, which is not a field of the expectations`);
  if (!def.messages || typeof def.messages !== "object" || Object.keys(def.messages).length === 0)
    throw problem('"messages" must hold at least one message template');
  if (typeof def.check !== "function")
    throw problem('"check" must be a function');
  const concern = getConcern(def.concerns[0]);
  let priority;
  if (def.priority === void 0) {
    if (!concern)
      throw problem(`no "priority" given and concern "${def.concerns[0]}" is not in the catalog`);
    priority = concern.priority;
  } else if (typeof def.priority === "string") {
    if (!isPriority(def.priority))
      throw problem('"priority" must be P0, P1 or P2');
    priority = { default: def.priority };
  } else {
    if (!isPriority(def.priority.default))
      throw problem('"priority.default" must be P0, P1 or P2');
    for (const [env, p] of Object.entries(def.priority.environments ?? {}))
      if (!isPriority(p))
        throw problem(`"priority.environments.${env}" must be P0, P1 or P2`);
    priority = def.priority;
  }
  const adrSection = def.adrSection ?? concern?.adrSection;
  if (!adrSection)
    throw problem(`concern "${def.concerns[0]}" is not in the catalog: give "adrSection"`);
  return {
    ...def,
    aliases: def.aliases ?? [],
    priority,
    benchmarks: def.benchmarks ?? [],
    adrSection,
    docsUrl: def.docsUrl ?? `${DOCS_BASE_URL}${def.id}.md`
  };
}
function ruleMeta(rule) {
  return {
    id: rule.id,
    aliases: rule.aliases,
    title: rule.title,
    concerns: rule.concerns,
    layer: rule.layer,
    facets: rule.facets,
    priority: rule.priority,
    description: rule.description,
    rationale: rule.rationale,
    remediation: rule.remediation,
    benchmarks: rule.benchmarks,
    adrSection: rule.adrSection,
    docsUrl: rule.docsUrl,
    ...rule.sources ? { sources: rule.sources.map((s) => ({ name: s.name, layer: s.layer, ...s.alias ? { alias: s.alias } : {} })) } : {}
  };
}
var PLACEHOLDER = /(?<!\$)\{\{\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*\}\}/g;
function expectationAt(e, path) {
  let node = e;
  for (const key of path.split("."))
    node = node && typeof node === "object" ? node[key] : void 0;
  return typeof node === "string" ? node : void 0;
}
function unknownRemediationPlaceholders(r) {
  const adr = adrDefaults();
  const names = [r.text, ...r.commands ?? []].flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return [...new Set(names.filter((n) => expectationAt(adr, n) === void 0))];
}
function fillRemediation(r, e) {
  const fill = (t) => t.replace(PLACEHOLDER, (m, path) => expectationAt(e, path) ?? m);
  return { text: fill(r.text), ...r.commands ? { commands: r.commands.map(fill) } : {} };
}
function personalizeRemediation(template, e) {
  const remediation = fillRemediation(template, e);
  const adr = adrDefaults();
  const email = (signer) => signer.replace(/^serviceAccount:/, "");
  const pairs = [
    [adr.app.image, e.app.image],
    [email(adr.kms.signer), email(e.kms.signer)],
    [
      `${adr.project}.svc.id.goog[${adr.app.namespace}/${adr.app.serviceAccount}]`,
      `${e.project}.svc.id.goog[${e.app.namespace}/${e.app.serviceAccount}]`
    ],
    [adr.registry.host, e.registry.host],
    [adr.redis.instance, e.redis.instance],
    [adr.kms.keyRing, e.kms.keyRing],
    [adr.kms.key, e.kms.key],
    [adr.domain, e.domain],
    [adr.project, e.project],
    [adr.region, e.region],
    [adr.database.instance, e.database.instance],
    [`-n ${adr.app.namespace}`, `-n ${e.app.namespace}`],
    [`deployment/${adr.app.deployment}`, `deployment/${e.app.deployment}`]
  ];
  const changed = pairs.filter(([from, to]) => from !== to).sort(([a], [b]) => b.length - a.length);
  if (changed.length === 0)
    return remediation;
  const swap = (text) => {
    let out = text;
    changed.forEach(([from], i) => {
      out = out.split(from).join(`\uE000${i}\uE001`);
    });
    return out.replace(/\uE000(\d+)\uE001/g, (_m, i) => changed[Number(i)][1]);
  };
  return {
    text: swap(remediation.text),
    ...remediation.commands ? { commands: remediation.commands.map(swap) } : {}
  };
}
function renderMessage(template, data) {
  const t = compiledTemplate(template);
  if (t.names.length === 0)
    return template;
  let out = t.texts[0];
  for (let i = 0; i < t.names.length; i++) {
    const k = t.names[i];
    out += (data && k in data ? String(data[k]) : t.placeholders[i]) + t.texts[i + 1];
  }
  return out;
}
var COMPILED = /* @__PURE__ */ new Map();
var COMPILED_MAX = 4096;
function compiledTemplate(template) {
  let t = COMPILED.get(template);
  if (t)
    return t;
  t = { texts: [], names: [], placeholders: [] };
  const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
  let from = 0;
  for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
    t.texts.push(template.slice(from, m.index));
    t.names.push(m[1]);
    t.placeholders.push(m[0]);
    from = m.index + m[0].length;
  }
  t.texts.push(template.slice(from));
  if (COMPILED.size < COMPILED_MAX)
    COMPILED.set(template, t);
  return t;
}
function assertUniqueIds(rules) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of rules) {
    for (const name of [r.id, ...r.aliases]) {
      const prior = seen.get(name);
      if (prior)
        throw new RuleDefinitionError(`rule id "${name}" of rule "${r.id}" clashes with rule "${prior}"`);
      seen.set(name, r.id);
    }
  }
}

// packages/core/dist/verdict.js
import { hash } from "node:crypto";
var VERDICT_STATUSES = ["fail", "error", "unknown", "pass", "skip"];
var ResourceSchema = lazySchema(() => Type.Object({
  id: Type.String({ minLength: 1 }),
  kind: Type.String(),
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
  /** The repository file that declares the resource, when known. */
  file: Type.Optional(Type.String()),
  /**
   * How a repository file would declare this resource (see `declarationKey`), e.g.
   * `k8s:Deployment/coditect-staging/coditect-backend` or `tf:google_sql_database_instance/coditect-db`.
   * A live finding without a location is located at the declaring manifest or `.tf` block.
   */
  declaredAs: Type.Optional(Type.String())
}));
var EvidenceSchema = lazySchema(() => Type.Object({
  path: Type.String(),
  observed: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
  expected: Type.Optional(Type.String()),
  location: Type.Optional(LocationSchema)
}));
var SuppressionSchema = lazySchema(() => Type.Object({
  kind: Type.Union([Type.Literal("config"), Type.Literal("inline")]),
  reason: Type.String(),
  expires: Type.Optional(Type.String()),
  /** Where the suppression is written: `coditect-audit.yaml` entry or the file:line of the comment. */
  source: Type.String()
}));
var VerdictSchema = lazySchema(() => Type.Object({
  ruleId: Type.String(),
  /**
   * For a rule judged per source (`tf`, `gcp`, `probe`, `manifest`, `k8s`, `drift`): the source this verdict
   * is about. Its fingerprint is the one the source's old per-layer rule (an alias) wrote.
   */
  source: Type.Optional(Type.String()),
  /**
   * The old per-layer rule id that source continues (`tf-sql-ssl-mode`): reports show it beside the rule id
   * ("formerly …") so a reader who knows the old id finds the finding; SARIF lists it as `deprecatedIds`.
   */
  alias: Type.Optional(Type.String()),
  status: Type.Union(VERDICT_STATUSES.map((s) => Type.Literal(s))),
  priority: PrioritySchema,
  concerns: Type.Array(Type.String()),
  resource: ResourceSchema,
  /**
   * The fleet targets the verdict is about (a cluster, a named server; a rule that joins two kinds names
   * one of each). Absent for what belongs to the environment as a whole (files, Google Cloud).
   */
  targets: Type.Optional(Type.Array(Type.String())),
  messageId: Type.String(),
  message: Type.String(),
  data: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  location: Type.Optional(LocationSchema),
  relatedLocations: Type.Optional(Type.Array(LocationSchema)),
  evidence: Type.Array(EvidenceSchema),
  /** `low` when the rule infers rather than observes (e.g. `runAsNonRoot` simply not set). */
  certainty: Type.Union([Type.Literal("high"), Type.Literal("low")]),
  /** For `unknown`: the inputs the verdict depends on and could not read a value of (`var.db_tier`). */
  dependsOn: Type.Optional(Type.Array(Type.String())),
  /**
   * Set when the verdict judges a name the scan assumed rather than was given (no config: ADR-001's names).
   * Such a finding is reported but does not gate; the text says which name was assumed.
   */
  assumed: Type.Optional(Type.String()),
  fingerprint: Type.String(),
  suppression: Type.Optional(SuppressionSchema),
  baselineState: Type.Optional(Type.Union([Type.Literal("new"), Type.Literal("unchanged")])),
  /**
   * What the verdict does to the gate, recorded by the gate itself (reporters read it): `failing`, a finding
   * that fails it; `incomplete`, an error on a rule at or above the threshold. Absent: it does not gate.
   */
  gate: Type.Optional(Type.Union([Type.Literal("failing"), Type.Literal("incomplete")]))
}));
function fingerprintOf(ruleId, resourceId, discriminator = "") {
  return hash("sha256", `${ruleId}\0${resourceId}\0${discriminator}`, "hex").slice(0, 32);
}
function statusRank(s) {
  return VERDICT_STATUSES.indexOf(s);
}

// packages/core/dist/passes.js
function passSetRuleId(set) {
  return set.stamp?.ruleId ?? set.ruleId;
}
function passVerdict(set, r) {
  const template = r.messageId === void 0 ? void 0 : set.messages[r.messageId];
  const own = fingerprintOf(set.ruleId, r.resource.id, r.discriminator);
  const stamp = set.stamp;
  const v = stamp?.alias ? { alias: stamp.alias } : {};
  v.certainty = "high";
  v.concerns = set.concerns;
  if (r.data)
    v.data = r.data;
  v.evidence = r.evidence ?? [];
  v.fingerprint = set.targets ? fingerprintOf(set.ruleId, `${set.targets.join("\0")}\0${own}`) : own;
  if (r.location)
    v.location = r.location;
  v.message = template === void 0 ? `${set.title}: holds.` : renderMessage(template, r.data);
  v.messageId = r.messageId ?? "pass";
  v.priority = set.priority;
  v.resource = r.resource;
  v.ruleId = stamp ? stamp.ruleId : set.ruleId;
  if (stamp)
    v.source = stamp.source;
  v.status = "pass";
  if (set.targets)
    v.targets = set.targets;
  return v;
}
function* passVerdicts(sets) {
  for (const set of sets ?? [])
    for (const r of set.passes)
      yield passVerdict(set, r);
}
function* allVerdicts(result) {
  yield* result.verdicts;
  yield* passVerdicts(result.passes);
}
function compactPassCount(result) {
  let n = 0;
  for (const set of result.passes ?? [])
    n += set.passes.length;
  return n;
}

// packages/core/dist/views/api-object.js
function apiObjectsFromManifests(facet) {
  const items = [];
  for (const mf of facet.files)
    for (const obj of mf.objects)
      items.push({
        source: "manifest",
        resource: objectResource(obj),
        kind: obj.kind,
        name: obj.name,
        apiVersion: obj.apiVersion,
        location: locate(obj, "/apiVersion")
      });
  return { items, empty: [], none: "no Kubernetes object is declared in the manifests" };
}
var API_OBJECT_FACETS = ["k8s.apis", "k8s.ingresses"];
function apiObjectsFromCluster(facets) {
  const apis = facets["k8s.apis"];
  const server = {
    version: apis.serverVersion?.gitVersion ?? "version unknown",
    groupVersions: new Set(apis.groupVersions)
  };
  const items = [];
  for (const o of [...topLevelWorkloads(facets), ...itemsOf(facets["k8s.ingresses"])])
    if (o.appliedApiVersion)
      items.push({
        source: "k8s",
        resource: liveObjectResource(o),
        kind: o.kind,
        name: o.name,
        apiVersion: o.appliedApiVersion,
        server
      });
  return {
    items,
    empty: [],
    none: `no live workload or Ingress on ${server.version} records the API version it was applied with (kubectl's last-applied annotation)`
  };
}
var API_OBJECT_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet) => apiObjectsFromManifests(facet("files.kubernetes"))
  },
  k8s: {
    layer: "k8s",
    facets: [...API_OBJECT_FACETS, ...WORKLOAD_FACETS],
    build: (facet) => apiObjectsFromCluster(Object.fromEntries([...API_OBJECT_FACETS, ...WORKLOAD_FACETS].map((n) => [n, facet(n)])))
  }
};

// packages/core/dist/views/app-deployment.js
function autoscalerOf(objects, deployment, exp) {
  const ns = namespaceOf(deployment, exp);
  for (const o of objects) {
    if (o.kind !== "HorizontalPodAutoscaler" || namespaceOf(o, exp) !== ns)
      continue;
    const target = asRecord(valueAt2(o.object, "/spec/scaleTargetRef"));
    if (asString(target?.kind) !== "Deployment" || asString(target?.name) !== deployment.name)
      continue;
    const min = asNumber(valueAt2(o.object, "/spec/minReplicas"));
    return { object: o, minReplicas: min ?? 1, declared: min !== void 0 };
  }
  return void 0;
}
function appDeploymentsFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  const deployment = appDeployment(objects, exp);
  if (!deployment)
    return {
      items: [],
      empty: [],
      none: `Deployment ${exp.app.deployment} in namespace ${exp.app.namespace} is not declared in the repository's manifests`
    };
  const autoscaler = autoscalerOf(objects, deployment, exp);
  return {
    items: [
      {
        source: "manifest",
        resource: k8sResource(deployment, exp),
        name: deployment.name,
        deployment,
        ...autoscaler ? { autoscaler } : {}
      }
    ],
    empty: [],
    none: ""
  };
}
var APP_DEPLOYMENT_K8S_FACETS = ["k8s.deployments", "k8s.pods", "k8s.replicasets"];
function appDeploymentsFromCluster(facets, exp) {
  const facet = facets["k8s.deployments"];
  const ns = exp.app.namespace;
  const name = exp.app.deployment;
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const d = itemsOf(facet).find((x) => x.name === name && x.namespace === ns);
  return {
    items: [
      {
        source: "k8s",
        resource: d ? liveResource(d) : liveResource({ kind: "Deployment", name, namespace: ns }),
        name,
        namespace: ns,
        ...d ? { deployment: d } : {},
        pods: d ? podsOf(d, itemsOf(facets["k8s.pods"]), itemsOf(facets["k8s.replicasets"])) : []
      }
    ],
    empty: [],
    none: ""
  };
}
var APP_DEPLOYMENT_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => appDeploymentsFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: APP_DEPLOYMENT_K8S_FACETS,
    build: (facet, exp) => appDeploymentsFromCluster({
      "k8s.deployments": facet("k8s.deployments"),
      "k8s.pods": facet("k8s.pods"),
      "k8s.replicasets": facet("k8s.replicasets")
    }, exp)
  }
};

// packages/core/dist/views/secret.js
var SECRET_FACETS = ["k8s.secrets", ...WORKLOAD_FACETS];
function secretsFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  const secrets = appSecrets(objects, exp);
  const items = secrets.map((secret) => ({
    source: "manifest",
    resource: k8sResource(secret, exp),
    name: secret.name,
    keys: (secret.secretKeys ?? []).map((k) => ({
      key: k.key,
      class: k.class,
      ...k.publicValue !== void 0 ? { publicValue: k.publicValue } : {},
      ...k.url?.host !== void 0 ? { urlHost: k.url.host } : {},
      path: `${k.source}.${k.key}`,
      location: { file: secret.file, startLine: k.line, startColumn: k.column }
    })),
    location: objectLocation(secret)
  }));
  const declared = new Set(secrets.map((s) => s.name));
  const producers = secretProducers(objects, exp);
  const empty = [];
  for (const name of appSecretNames(objects, exp).keys()) {
    if (declared.has(name))
      continue;
    const producer = producers.get(`${exp.app.namespace}/${name}`)?.[0];
    empty.push({
      reason: producer ? `Secret ${name} is rendered by ${producer.object.kind} ${producer.object.name} from an external store, so its values are not in the repository` : `Secret ${name} is not declared in the repository's manifests (created with kubectl or by an operator); the k8s layer checks the live Secret`,
      resource: { id: `Secret/${exp.app.namespace}/${name}`, kind: "Secret", name, namespace: exp.app.namespace }
    });
  }
  return { items, empty, none: "the app uses no Secret" };
}
function secretsFromCluster(facets, exp) {
  const facet = facets["k8s.secrets"];
  if (!inScope(facet, exp.app.namespace))
    return {
      items: [],
      empty: [],
      none: `namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`
    };
  const used = appSecretNames(topLevelWorkloads(facets).map(viewOf), exp);
  const secrets = itemsOf(facet).filter((s) => s.namespace === exp.app.namespace && used.has(s.name));
  const items = secrets.map((secret) => ({
    source: "k8s",
    resource: liveResource(secret),
    name: secret.name,
    keys: secret.keys.map((k) => ({
      key: k.key,
      class: k.class,
      ...k.publicValue !== void 0 ? { publicValue: k.publicValue } : {},
      ...k.url?.host !== void 0 ? { urlHost: k.url.host } : {},
      path: `data.${k.key}`
    }))
  }));
  const present = new Set(secrets.map((s) => s.name));
  const empty = [...used.keys()].filter((name) => !present.has(name)).map((name) => ({
    reason: `Secret ${name} does not exist in ${exp.app.namespace}; the pods that read it cannot start (see k8s.rollout-healthy)`,
    resource: liveResource({ kind: "Secret", name, namespace: exp.app.namespace })
  }));
  return { items, empty, none: "the app uses no Secret" };
}
var SECRET_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => secretsFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: SECRET_FACETS,
    build: (facet, exp) => secretsFromCluster(Object.fromEntries(SECRET_FACETS.map((n) => [n, facet(n)])), exp)
  }
};

// packages/core/dist/views/db-user.js
function dbUsersFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  const items = appSettings(objects, exp).filter((s) => settingNamed(s, exp.app.dbUserKeys)).map((s) => ({
    source: "manifest",
    resource: k8sResource(s.object, exp),
    setting: describeSetting(s),
    ref: s
  }));
  const declared = new Set(appSecrets(objects, exp).map((o) => o.name));
  const undeclared = [...appSecretNames(objects, exp).keys()].filter((n) => !declared.has(n));
  return {
    items,
    empty: [],
    none: `no database user setting (${exp.app.dbUserKeys.join(", ")}) in the app's Secrets, ConfigMaps or env` + (undeclared.length ? `; ${undeclared.join(", ")} not declared in the repository (the k8s layer reads it)` : "")
  };
}
function dbUsersFromCluster(facets, exp) {
  const facet = facets["k8s.secrets"];
  if (!inScope(facet, exp.app.namespace))
    return {
      items: [],
      empty: [],
      none: `namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`
    };
  const objects = [
    ...topLevelWorkloads(facets).map(viewOf),
    ...itemsOf(facet).filter((s) => s.namespace === exp.app.namespace).map(secretView)
  ];
  const items = appSettings(objects, exp).filter((s) => settingNamed(s, exp.app.dbUserKeys)).map((s) => ({
    source: "k8s",
    resource: liveResource({ kind: s.object.kind, name: s.object.name, namespace: s.object.namespace }),
    setting: describeSetting(s),
    ref: s
  }));
  return {
    items,
    empty: [],
    none: `no database user setting (${exp.app.dbUserKeys.join(", ")}) in the live Secrets or env the app reads`
  };
}
function postgresRoleResource(d, exp) {
  const secret = exp.app.secrets[0];
  return {
    id: `postgres://${d.endpoint}#role:${d.appRole}`,
    kind: "PostgresRole",
    name: d.appRole,
    ...secret ? { declaredAs: declarationKey({ layer: "k8s", kind: "Secret", namespace: exp.app.namespace, name: secret }) } : {}
  };
}
function dbUsersFromProbe(d, exp) {
  if (!d.role)
    return {
      items: [],
      empty: [],
      none: `the role ${d.appRole} could not be read on ${d.endpoint}; see the error verdict`
    };
  return {
    items: [{ source: "probe", resource: postgresRoleResource(d, exp), endpoint: d.endpoint, role: d.role }],
    empty: [],
    none: `the role ${d.appRole} could not be read on ${d.endpoint}`
  };
}
var DB_USER_JOIN_FACETS = ["probe.postgres", "gcp.sql-users", "k8s.secrets"];
function dbUsersJoined(pg2, sqlUsers, secrets, exp) {
  const role = pg2.role;
  if (!role)
    return {
      items: [],
      empty: [],
      none: `the role ${pg2.appRole} could not be read on ${pg2.endpoint}; see the probe's error verdict`
    };
  const secretsByName = /* @__PURE__ */ new Map();
  for (const s of secrets.items)
    if (s.namespace === exp.app.namespace)
      secretsByName.set(s.name, s);
  const secretName = exp.app.secrets[0];
  const secret = secretName ? secretsByName.get(secretName) : void 0;
  const userKey = secret?.keys.find((k) => exp.app.dbUserKeys.includes(k.key));
  const secretUser = userKey?.publicValue ?? userKey?.url?.user;
  const byName = /* @__PURE__ */ new Map();
  const instance = sqlUsers.instances.find((i) => i.project === exp.project && i.instance === exp.database.instance);
  for (const u of instance?.users ?? [])
    byName.set(u.name, u);
  const user = secretUser ?? role.name;
  const resource = secretName ? liveResource({ kind: "Secret", name: secretName, namespace: exp.app.namespace }) : { id: `postgres-role:${pg2.endpoint}/${role.name}`, kind: "PostgresRole", name: role.name };
  const view = {
    source: "join",
    resource,
    endpoint: pg2.endpoint,
    role,
    secretName,
    secret,
    userKey,
    secretUser,
    user,
    sqlUser: byName.get(user)
  };
  return { items: [view], empty: [], none: "" };
}
var DB_USER_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => dbUsersFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: SECRET_FACETS,
    build: (facet, exp) => dbUsersFromCluster(Object.fromEntries(SECRET_FACETS.map((n) => [n, facet(n)])), exp)
  },
  probe: {
    layer: "probe",
    facets: ["probe.postgres"],
    build: (facet, exp) => dbUsersFromProbe(facet("probe.postgres"), exp)
  },
  // The Secret, Cloud SQL and PostgreSQL together; reported on the probe layer, as the join was.
  join: {
    layer: "probe",
    facets: DB_USER_JOIN_FACETS,
    build: (facet, exp) => dbUsersJoined(facet("probe.postgres"), facet("gcp.sql-users"), facet("k8s.secrets"), exp)
  }
};

// packages/core/dist/views/exposure.js
function exposuresOf(objects, exp, source, resourceOf2) {
  const files = source === "manifest";
  const out = [];
  for (const svc of objects) {
    if (!isService(svc) || !inAppNamespace(svc, exp) || serviceType(svc) !== "LoadBalancer")
      continue;
    const internal = internalAnnotation(svc);
    const addresses = asArray(valueAt2(svc.object, "/status/loadBalancer/ingress")).map((i) => asString(asRecord(i)?.ip) ?? asString(asRecord(i)?.hostname)).filter((a) => Boolean(a));
    out.push({
      source,
      resource: resourceOf2(svc),
      name: svc.name,
      ...files ? { location: objectLocation(svc) } : {},
      kind: "LoadBalancer",
      ...internal ? { internal } : {},
      ports: asArray(valueAt2(svc.object, "/spec/ports")).map((p, i) => ({
        port: asNumber(asRecord(p)?.port) ?? asString(asRecord(p)?.port) ?? "?",
        ...files ? { location: locationAt(svc, `/spec/ports/${i}/port`) } : {}
      })),
      ...files ? {} : { addresses }
    });
  }
  for (const ing of appIngresses(objects, exp)) {
    const backends = [...new Set(ingressBackends(ing).map((b) => b.service))];
    if (backends.length === 0)
      continue;
    const tls = ingressTls(ing);
    out.push({
      source,
      resource: resourceOf2(ing),
      name: ing.name,
      ...files ? { location: objectLocation(ing) } : {},
      kind: "Ingress",
      backends,
      ...tls ? { tls: { how: tls.how, ...files ? { location: locationAt(ing, tls.pointer) } : {} } } : {},
      ...files ? { specLocation: locationAt(ing, "/spec") } : {}
    });
  }
  return out;
}
function exposuresFromManifests(facet, exp) {
  const items = exposuresOf(manifestObjects(facet), exp, "manifest", (o) => k8sResource(o, exp));
  return { items, empty: [], none: "the manifests declare no LoadBalancer Service or Ingress in the app namespace" };
}
function exposuresFromCluster(facets, exp) {
  const live = [...itemsOf(facets["k8s.services"]), ...itemsOf(facets["k8s.ingresses"])];
  const byView = new Map(live.map((o) => [viewOf(o), o]));
  const items = exposuresOf([...byView.keys()], exp, "k8s", (o) => liveResource(byView.get(o)));
  return { items, empty: [], none: "the cluster runs no LoadBalancer Service or Ingress in the app namespace" };
}
var EXPOSURE_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => exposuresFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: ["k8s.services", "k8s.ingresses"],
    build: (facet, exp) => exposuresFromCluster({ "k8s.services": facet("k8s.services"), "k8s.ingresses": facet("k8s.ingresses") }, exp)
  }
};

// packages/core/dist/views/gcr-reference.js
var GCR_SHUTDOWN_DATE = "March 18, 2025";
var GCR_HOST_LOCATION = {
  "gcr.io": "us",
  "us.gcr.io": "us",
  "eu.gcr.io": "europe",
  "asia.gcr.io": "asia"
};
var GOOGLE_MAINTAINED_PROJECTS = /* @__PURE__ */ new Set([
  "distroless",
  "google-containers",
  "google_containers",
  "google.com",
  "cloud-builders",
  "kaniko-project",
  "cloudsql-docker",
  "cloud-sql-connectors",
  "google-samples",
  "gke-release",
  "cloud-marketplace",
  "k8s-artifacts-prod",
  "buildpacks",
  "cloud-spanner-emulator",
  "google_samples",
  "config-management-release",
  "cloud-foundation-cicd",
  "deeplearning-platform-release",
  "cloudrun",
  "stackdriver-agents"
]);
var GOOGLE_MAINTAINED_HOSTS = /* @__PURE__ */ new Set(["mirror.gcr.io", "marketplace.gcr.io", "gke.gcr.io"]);
var KUBERNETES_HOSTS = /* @__PURE__ */ new Set(["k8s.gcr.io", "staging-k8s.gcr.io"]);
var GCR_REFERENCE = /(?<![\w./-])((?:[a-z0-9-]+\.)*gcr\.io)(?![\w.-])((?:\/[A-Za-z0-9._\-${}]+)*)(?::([A-Za-z0-9_${}][\w.\-${}]*))?(?:@(sha256:[0-9a-fA-F]{64}))?/gi;
var MENTIONS_GCR = /gcr\.io/i;
function compactExpressions(text) {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, inner) => `\${{${inner.replace(/\s+/g, "")}}}`);
}
var THIRD_PARTY_PUBLISHERS = [
  [/^k8s-staging-/, "the Kubernetes project"],
  [/^istio-(?:release|testing)$/, "Istio"],
  [/^knative-(?:releases|nightly)$/, "Knative"],
  [/^tekton-(?:releases|nightly)$/, "Tekton"],
  [/^(?:ml-pipeline|kubeflow-images-public)$/, "Kubeflow"],
  [/^spinnaker-marketplace$/, "Spinnaker"],
  [/^heptio-images$/, "Heptio"],
  [/^linkerd-io$/, "Linkerd"],
  [/^etcd-development$/, "etcd"],
  [/^projectsigstore$/, "Sigstore"]
];
function publisherOf(project) {
  return project ? THIRD_PARTY_PUBLISHERS.find(([pattern]) => pattern.test(project))?.[1] : void 0;
}
function kindOf(host, project) {
  if (KUBERNETES_HOSTS.has(host))
    return "kubernetes-frozen";
  if (GOOGLE_MAINTAINED_HOSTS.has(host))
    return "google-maintained";
  if (project && GOOGLE_MAINTAINED_PROJECTS.has(project))
    return "google-maintained";
  if (publisherOf(project))
    return "third-party";
  return "project";
}
function findGcrReferences(text, options = {}) {
  const out = [];
  if (!MENTIONS_GCR.test(text) && !text.includes("${{"))
    return out;
  for (const m of compactExpressions(text).matchAll(GCR_REFERENCE)) {
    const host = (m[1] ?? "").toLowerCase();
    let path = m[2] ?? "";
    const hadTagOrDigest = m[3] !== void 0 || m[4] !== void 0;
    if (!hadTagOrDigest)
      path = path.replace(/[.]+$/, "");
    path = path.replace(/\/+$/, "");
    if (!path && !options.hostOnly)
      continue;
    const segments = path.split("/").filter(Boolean);
    const project = segments[0];
    const image = segments.length > 1 ? segments.slice(1).join("/") : void 0;
    const kind = kindOf(host, project);
    const publisher = kind === "third-party" ? publisherOf(project) : void 0;
    out.push({
      repository: `${host}${path}`,
      text: m[0],
      host,
      kind,
      ...project ? { project } : {},
      ...image ? { image } : {},
      ...publisher ? { publisher } : {}
    });
  }
  return out;
}
function suggestedLocation(ref, expectations) {
  const { host, repository } = expectations.registry;
  if (ref.kind === "kubernetes-frozen")
    return `registry.k8s.io${ref.project ? `/${ref.project}` : ""}${ref.image ? `/${ref.image}` : ""}`;
  if (ref.kind === "google-maintained")
    return `${ref.repository} (Google-maintained)`;
  if (ref.kind === "third-party")
    return `${ref.repository} (published by ${ref.publisher})`;
  const image = ref.image ?? "<image>";
  if (ref.project === expectations.project)
    return `${host}/${expectations.project}/${repository}/${image}`;
  const location = GCR_HOST_LOCATION[ref.host] ?? "us";
  return `${location}-docker.pkg.dev/${ref.project ?? "<project>"}/${ref.host}/${image}`;
}
function gcrDomainRepository(ref) {
  const location = GCR_HOST_LOCATION[ref.host];
  return location ? `repository "${ref.host}" in location "${location}"` : `a gcr.io-domain repository for ${ref.host}`;
}
function configureDockerHosts(argv) {
  const i = argv.indexOf("configure-docker");
  if (i < 2 || argv[i - 1] !== "auth" || !argv.slice(0, i - 1).some((a) => a === "gcloud" || a.endsWith("/gcloud")))
    return void 0;
  return argv.slice(i + 1).filter((a) => !a.startsWith("-")).flatMap((a) => a.split(",")).filter(Boolean);
}
var AR_MIGRATION_SENTENCE = `Container Registry shut down on ${GCR_SHUTDOWN_DATE}: the project's own images belong in Artifact Registry (<region>-docker.pkg.dev/<project>/<repo>), and gcr.io-domain repositories in Artifact Registry are the migration path for names that must stay on gcr.io.`;
function fileOccurrence(ref, location, evidencePath) {
  return { what: "image", ref, key: ref.repository, location, evidencePath, observed: ref.text };
}
function dockerfileOccurrences(df) {
  const out = [];
  const stageNames = new Set(df.stages.flatMap((s) => [String(s.index), ...s.name ? [s.name.toLowerCase()] : []]));
  for (const stage of df.stages) {
    if (stage.baseStage === void 0) {
      const texts = /* @__PURE__ */ new Set([stage.resolvedImage, stage.image]);
      const seen = /* @__PURE__ */ new Set();
      for (const text of texts) {
        for (const ref of findGcrReferences(text)) {
          if (seen.has(ref.repository))
            continue;
          seen.add(ref.repository);
          const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
          out.push(fileOccurrence(ref, location, `stage[${stage.index}].FROM`));
        }
      }
    }
    for (const copy of stage.copies) {
      if (!copy.from || stageNames.has(copy.from.toLowerCase()))
        continue;
      for (const ref of findGcrReferences(copy.from)) {
        const location = { file: df.file, startLine: copy.line, startColumn: copy.column };
        out.push(fileOccurrence(ref, location, `stage[${stage.index}].${copy.keyword} --from`));
      }
    }
  }
  return out;
}
function manifestOccurrences(obj) {
  const out = [];
  const path = [];
  const pointer2 = (key) => `${path.map((s) => `/${typeof s === "number" ? s : escapePointerToken(s)}`).join("")}/${escapePointerToken(key)}`;
  const walk = (value) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const k of Object.keys(value)) {
        const v = value[k];
        if (k === "image" && typeof v === "string") {
          for (const ref of findGcrReferences(v)) {
            const p = pointer2(k);
            out.push(fileOccurrence(ref, locate(obj, p), p));
          }
        } else {
          path.push(k);
          walk(v);
          path.pop();
        }
      }
    }
  };
  walk(obj.object);
  return out;
}
function workflowOccurrences(wf) {
  const out = [];
  for (const job of wf.jobs) {
    for (const step of job.steps) {
      const stepPath = `jobs.${job.id}.steps[${step.index}]`;
      if (step.uses) {
        const location = { file: wf.file, startLine: step.uses.line, startColumn: step.uses.column };
        for (const ref of findGcrReferences(step.uses.raw))
          out.push(fileOccurrence(ref, location, `${stepPath}.uses`));
      }
      for (const [key, input] of Object.entries(step.with)) {
        const location = { file: wf.file, startLine: input.line, startColumn: input.column };
        const hostOnly = /registry|host/i.test(key);
        for (const ref of findGcrReferences(input.value, { hostOnly }))
          out.push(fileOccurrence(ref, location, `${stepPath}.with.${key}`));
      }
      for (const cmd of step.run?.commands ?? []) {
        const location = { file: wf.file, startLine: cmd.line };
        const seen = /* @__PURE__ */ new Set();
        const add = (ref) => {
          if (seen.has(ref.repository))
            return;
          seen.add(ref.repository);
          out.push(fileOccurrence(ref, location, `${stepPath}.run`));
        };
        for (const ref of findGcrReferences(cmd.text))
          add(ref);
        const hosts = configureDockerHosts(cmd.argv);
        if (hosts !== void 0) {
          if (hosts.length === 0) {
            out.push({
              what: "configure-docker",
              key: "configure-docker",
              location,
              evidencePath: `${stepPath}.run`,
              observed: "gcloud auth configure-docker"
            });
          }
          for (const h of hosts)
            for (const ref of findGcrReferences(h, { hostOnly: true }))
              add(ref);
        }
        if (cmd.argv[0] === "docker" && cmd.argv[1] === "login") {
          for (const a of cmd.argv.slice(2).filter((x) => !x.startsWith("-")))
            for (const ref of findGcrReferences(a, { hostOnly: true }))
              add(ref);
        }
      }
    }
  }
  return out;
}
var GCR_TF_TYPES = /* @__PURE__ */ new Set([
  "google_container_registry",
  "google_container_registry_image",
  "google_container_registry_repository"
]);
function terraformOccurrences(file, block, path) {
  const out = [];
  const here = [...path, [block.type, ...block.labels].join(".")];
  const address = here.join(".");
  if ((block.type === "resource" || block.type === "data") && GCR_TF_TYPES.has(block.labels[0] ?? "")) {
    out.push({
      what: "registry-resource",
      key: address,
      address,
      location: { file, startLine: block.line, startColumn: block.column },
      evidencePath: address,
      observed: block.labels[0] ?? block.type
    });
  }
  for (const attr of Object.values(block.attributes)) {
    const location = { file, startLine: attr.line, startColumn: attr.column };
    const seen = /* @__PURE__ */ new Set();
    for (const text of stringsOf(attr.value)) {
      for (const ref of findGcrReferences(text, { hostOnly: /registry|host/i.test(attr.name) })) {
        if (seen.has(ref.repository))
          continue;
        seen.add(ref.repository);
        out.push(fileOccurrence(ref, location, `${address}.${attr.name}`));
      }
    }
  }
  for (const child of block.blocks)
    out.push(...terraformOccurrences(file, child, here));
  return out;
}
function stringsOf(value) {
  if (typeof value === "string")
    return [value];
  if (Array.isArray(value))
    return value.flatMap(stringsOf);
  if (isObject(value)) {
    if (typeof value.expression === "string" && Object.keys(value).length === 1)
      return [value.expression];
    return Object.values(value).flatMap(stringsOf);
  }
  return [];
}
function fileView(file, found) {
  const ordered = [...found].sort((a, b) => a.location.startLine - b.location.startLine || (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0));
  return {
    source: "files",
    resource: { id: file, kind: "File", name: file, file },
    file,
    occurrences: ordered.map(({ key, ...o }) => ({
      ...o,
      resource: { id: `${file}#gcr:${key}`, kind: "ImageReference", name: key, file }
    }))
  };
}
var GCR_FILE_FACETS = ["files.dockerfile", "files.kubernetes", "files.workflows", "files.terraform"];
function gcrReferencesFromFiles(facets) {
  const items = [];
  for (const df of facets["files.dockerfile"].files)
    items.push(fileView(df.file, dockerfileOccurrences(df)));
  for (const mf of facets["files.kubernetes"].files) {
    if (mf.skipped)
      continue;
    items.push(fileView(mf.file, mf.objects.flatMap(manifestOccurrences)));
  }
  for (const wf of facets["files.workflows"].files)
    items.push(fileView(wf.file, workflowOccurrences(wf)));
  for (const tf of facets["files.terraform"].files)
    items.push(fileView(tf.file, tf.blocks.flatMap((b) => terraformOccurrences(tf.file, b, []))));
  return { items, empty: [], none: "the repository has no Dockerfile, Kubernetes manifest, workflow or .tf file" };
}
function gcrReferencesFromCluster(facets) {
  const items = topLevelWorkloads(facets).map((w) => {
    const occurrences = [];
    for (const c of containersOf(viewOf(w))) {
      const image = typeof c.container.image === "string" ? c.container.image : void 0;
      if (!image)
        continue;
      for (const ref of findGcrReferences(image))
        occurrences.push({
          what: "image",
          ref,
          resource: liveResource(w, { kind: "ImageReference", name: c.name, path: `${c.field}/${c.name}/image` }),
          container: c.name,
          evidencePath: `${c.pointer}/image`,
          observed: ref.text,
          discriminator: ref.repository
        });
    }
    return { source: "k8s", resource: liveObjectResource(w), workload: { kind: w.kind, name: w.name }, occurrences };
  });
  return { items, empty: [], none: "the cluster runs no workload in the scanned namespaces" };
}
var GCR_REFERENCE_SOURCES = {
  files: {
    layer: "files",
    facets: GCR_FILE_FACETS,
    build: (facet) => gcrReferencesFromFiles(Object.fromEntries(GCR_FILE_FACETS.map((n) => [n, facet(n)])))
  },
  k8s: {
    layer: "k8s",
    facets: WORKLOAD_FACETS,
    build: (facet) => gcrReferencesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])))
  }
};

// packages/core/dist/views/image.js
var label = (c) => `${c.field === "initContainers" ? "Init container" : "Container"} ${c.name}`;
var pairingKey = (c) => `${c.object.kind}/${c.object.namespace ?? "-"}/${c.object.name}/${c.field}/${c.name}`;
function imagesFromManifests(facet) {
  const items = [];
  for (const c of manifestContainers(facet.files)) {
    const image = c.container.image;
    if (typeof image !== "string")
      continue;
    items.push({
      source: "manifest",
      resource: containerResource(c),
      reference: image,
      ref: c.object.images?.[imagePointer(c.pointer)],
      path: imagePointer(c.pointer),
      location: locate(c.object, imagePointer(c.pointer)),
      container: { label: label(c), workloadKind: c.object.kind, workloadName: c.object.name },
      runningDigests: [],
      pairingKey: pairingKey(c)
    });
  }
  return { items, empty: [], none: "no workload is declared in the Kubernetes manifests" };
}
function imagesFromCluster(facets) {
  const pods = itemsOf(facets["k8s.pods"]);
  const replicaSets = itemsOf(facets["k8s.replicasets"]);
  const jobs = itemsOf(facets["k8s.jobs"]);
  const items = [];
  for (const w of topLevelWorkloads(facets)) {
    let running;
    for (const c of containersOf(viewOf(w))) {
      const image = typeof c.container.image === "string" ? c.container.image : void 0;
      if (!image)
        continue;
      running ??= podsOf(w, pods, replicaSets, jobs).map(containerStatuses);
      let digests;
      for (let p = 0; p < running.length; p++)
        for (const s of running[p]) {
          if (s.name !== c.name || s.image !== void 0 && s.image !== image)
            continue;
          const digest = digestOf(s.imageID);
          if (!digest)
            continue;
          if (digests)
            digests.push(digest);
          else
            digests = [digest];
        }
      items.push({
        source: "k8s",
        resource: liveContainerResource(w, c),
        reference: image,
        ref: c.object.images?.[imagePointer(c.pointer)],
        path: imagePointer(c.pointer),
        container: { label: label(c), workloadKind: w.kind, workloadName: w.name },
        runningDigests: digests ? [...new Set(digests)].sort() : [],
        pairingKey: pairingKey(c)
      });
    }
  }
  return { items, empty: [], none: "the cluster runs no workload in the scanned namespaces" };
}
function imageTarget(image) {
  const located = image.usedBy.filter((u) => u.file && u.line).map((u) => ({
    file: u.file,
    startLine: u.line,
    ...u.column ? { startColumn: u.column } : {}
  }));
  const workload = image.usedBy.find((u) => u.kind && u.name);
  const resource = {
    id: `image:${image.reference}`,
    kind: "ContainerImage",
    name: image.reference,
    ...located[0] ? { file: located[0].file } : {},
    ...!located[0] && workload?.kind && workload.name ? {
      declaredAs: declarationKey({
        layer: "k8s",
        kind: workload.kind,
        ...workload.namespace ? { namespace: workload.namespace } : {},
        name: workload.name
      })
    } : {}
  };
  return {
    resource,
    ...located[0] ? { location: located[0] } : {},
    ...located.length > 1 ? { relatedLocations: located.slice(1) } : {}
  };
}
function describeUse(image) {
  const u = image.usedBy[0];
  if (!u || u.source === "config")
    return "the probe configuration";
  const where = `${u.kind ?? "workload"} ${u.namespace ? `${u.namespace}/` : ""}${u.name ?? "?"}`;
  const more = image.usedBy.length > 1 ? ` and ${image.usedBy.length - 1} more` : "";
  return `${where}${u.container ? ` (container ${u.container})` : ""}${more}`;
}
function imagesFromRegistry(facet) {
  const items = facet.images.map((image) => {
    const { resource, location, relatedLocations } = imageTarget(image);
    return {
      source: "probe",
      resource,
      reference: image.reference,
      ref: image.ref,
      path: image.reference,
      ...location ? { location } : {},
      ...relatedLocations ? { relatedLocations } : {},
      runningDigests: [],
      resolvedDigest: image.resolvedDigest,
      usedBy: describeUse(image),
      configs: image.configs
    };
  });
  return { items, empty: [], none: "the registry probe resolved no image" };
}
function finalStage(df) {
  return df.stages[df.stages.length - 1];
}
function effectiveStageUser(df, stage) {
  let s = stage;
  const seen = /* @__PURE__ */ new Set();
  while (s && !seen.has(s.index)) {
    if (s.user)
      return s.user;
    seen.add(s.index);
    s = s.baseStage !== void 0 ? df.stages[s.baseStage] : void 0;
  }
  return void 0;
}
function dockerfileStageResource(df, stage) {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: "DockerfileStage", name: stageName, file: df.file };
}
function stageUser(df, stage) {
  const user = effectiveStageUser(df, stage);
  if (!user)
    return {
      certainty: "absent",
      origin: {
        layer: "files",
        path: `stage[${stage.index}].USER`,
        location: { file: df.file, startLine: stage.line, startColumn: stage.column }
      }
    };
  const owner = df.stages.find((s) => s.user === user) ?? stage;
  const origin = {
    layer: "files",
    path: `stage[${owner.index}].USER`,
    location: { file: df.file, startLine: user.line, startColumn: user.column }
  };
  const value = user.value.trim();
  if (/\$(?:\{?[A-Za-z_])/.test(value))
    return { certainty: "unresolved", expression: user.value, dependsOn: [value], origin };
  return { certainty: "decided", value: user.value, origin };
}
function imagesFromDockerfiles(facet) {
  const items = [];
  for (const df of facet.files) {
    const stage = finalStage(df);
    if (!stage)
      continue;
    items.push({
      source: "dockerfile",
      resource: dockerfileStageResource(df, stage),
      reference: df.file,
      ref: void 0,
      path: `stage[${stage.index}]`,
      location: { file: df.file, startLine: stage.line, startColumn: stage.column },
      runningDigests: [],
      user: stageUser(df, stage),
      dockerfile: { file: df.file, stage }
    });
  }
  return { items, empty: [], none: "the repository has no Dockerfile with a FROM" };
}
var IMAGE_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet) => imagesFromManifests(facet("files.kubernetes"))
  },
  k8s: {
    layer: "k8s",
    facets: WORKLOAD_FACETS,
    build: (facet) => imagesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])))
  },
  probe: {
    layer: "probe",
    facets: ["probe.registry"],
    build: (facet) => imagesFromRegistry(facet("probe.registry"))
  },
  dockerfile: {
    layer: "files",
    facets: ["files.dockerfile"],
    build: (facet) => imagesFromDockerfiles(facet("files.dockerfile"))
  }
};

// packages/core/dist/views/ksa-binding.js
var WORKLOAD_IDENTITY_ANNOTATION = "iam.gke.io/gcp-service-account";
var METADATA_SERVER_LABEL = "iam.gke.io/gke-metadata-server-enabled";
var GSA_EMAIL = /^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9.:-]{4,61}[a-z0-9]\.iam\.gserviceaccount\.com|\d+-compute@developer\.gserviceaccount\.com|[a-z][a-z0-9.:-]*@appspot\.gserviceaccount\.com)$/;
function ksaBindingFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  const expected = exp.app.serviceAccount;
  const ns = exp.app.namespace;
  const sa = findObject(objects, exp, "ServiceAccount", ns, expected);
  const annotation = sa ? annotationsOf(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim() : void 0;
  const deployment = appDeployment(objects, exp);
  const podSpec = "/spec/template/spec";
  const field = deployment ? ["serviceAccountName", "serviceAccount"].find((f) => asString(valueAt2(deployment.object, `${podSpec}/${f}`))) : void 0;
  const view = {
    source: "manifest",
    serviceAccount: sa ? {
      name: sa.name,
      namespace: ns,
      resource: k8sResource(sa, exp),
      found: true,
      ...annotation !== void 0 ? { annotation } : {},
      annotationIsEmail: annotation !== void 0 && GSA_EMAIL.test(annotation),
      location: objectLocation(sa),
      annotationLocation: locationAt(sa, annotationPointer(WORKLOAD_IDENTITY_ANNOTATION))
    } : {
      name: expected,
      namespace: ns,
      resource: { id: `ServiceAccount/${ns}/${expected}`, kind: "ServiceAccount", name: expected, namespace: ns },
      found: false,
      annotationIsEmail: false
    },
    ...deployment ? {
      deployment: {
        name: deployment.name,
        resource: k8sResource(deployment, exp),
        used: field ? asString(valueAt2(deployment.object, `${podSpec}/${field}`)) ?? "default" : "default",
        ...field ? { field } : {},
        location: locationAt(deployment, field ? `${podSpec}/${field}` : podSpec)
      }
    } : {},
    nodePools: []
  };
  return { items: [view], empty: [], none: "" };
}
var KSA_BINDING_FACETS = ["k8s.serviceaccounts", "k8s.deployments", "k8s.nodes"];
function ksaBindingFromCluster(facets, exp) {
  const ns = exp.app.namespace;
  const expected = exp.app.serviceAccount;
  const accounts = facets["k8s.serviceaccounts"];
  let serviceAccount;
  if (inScope(accounts, ns)) {
    const sa = itemsOf(accounts).find((s) => s.name === expected && s.namespace === ns);
    const annotation = sa ? annotationsOfLive(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim() : void 0;
    serviceAccount = {
      name: expected,
      namespace: ns,
      resource: liveResource(sa ?? { kind: "ServiceAccount", name: expected, namespace: ns }),
      found: sa !== void 0,
      ...annotation !== void 0 ? { annotation } : {},
      annotationIsEmail: annotation !== void 0 && GSA_EMAIL.test(annotation)
    };
  }
  const d = itemsOf(facets["k8s.deployments"]).find((x) => x.name === exp.app.deployment && x.namespace === ns);
  const pools = /* @__PURE__ */ new Map();
  for (const n of itemsOf(facets["k8s.nodes"])) {
    const pool = n.labels["cloud.google.com/gke-nodepool"] ?? n.name;
    pools.set(pool, [...pools.get(pool) ?? [], n]);
  }
  const view = {
    source: "k8s",
    ...serviceAccount ? { serviceAccount } : {},
    ...d ? {
      deployment: {
        name: d.name,
        resource: liveResource(d),
        used: asString(podSpecOf(d)?.serviceAccountName) ?? "default"
      }
    } : {},
    nodePools: [...pools].sort(([a], [b]) => a < b ? -1 : 1).map(([pool, nodes]) => ({
      pool,
      resource: {
        id: `k8s:NodePool/-/${pool}`,
        kind: "NodePool",
        name: pool,
        declaredAs: `tf:google_container_node_pool/${pool}`
      },
      without: nodes.filter((n) => n.labels[METADATA_SERVER_LABEL] !== "true").map((n) => ({ node: n.name, label: n.labels[METADATA_SERVER_LABEL] ?? null }))
    }))
  };
  return { items: [view], empty: [], none: "" };
}
var KSA_BINDING_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => ksaBindingFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: KSA_BINDING_FACETS,
    build: (facet, exp) => ksaBindingFromCluster(Object.fromEntries(KSA_BINDING_FACETS.map((n) => [n, facet(n)])), exp)
  }
};

// packages/core/dist/views/redis-instance.js
var REDIS_INSTANCE_TF_TYPE = "google_redis_instance";
function redisInstanceResource(i) {
  return {
    id: `gcp:redis/${i.project}/${i.location}/${i.name}`,
    kind: "MemorystoreInstance",
    name: i.name,
    declaredAs: declarationKey({ layer: "tf", type: REDIS_INSTANCE_TF_TYPE, name: i.name })
  };
}
function redisServerResource(d, exp) {
  return {
    id: `redis://${d.endpoint}`,
    kind: "RedisServer",
    name: d.endpoint,
    declaredAs: declarationKey({ layer: "tf", type: REDIS_INSTANCE_TF_TYPE, name: exp.redis.instance })
  };
}
var absentIn4 = (layer, path, live) => ({
  certainty: "absent",
  origin: { layer, path, ...live ? { live } : {} }
});
function redisInstancesFromTerraform(facet) {
  const items = [];
  const empty = [];
  for (const r of resourcesOf(facet.files, REDIS_INSTANCE_TF_TYPE)) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      empty.push({ reason: `${r.address} declares no instance (count = 0 or an empty for_each)`, resource });
      continue;
    }
    const file = r.file.file;
    const at2 = (path) => tfAttribute(file, `${r.address}.${path}`, read(r.block, path));
    items.push({
      source: "tf",
      resource,
      label: r.address,
      location: blockLocation(file, r.block),
      name: at2("name"),
      authEnabled: at2("auth_enabled"),
      transitEncryptionMode: at2("transit_encryption_mode"),
      persistenceMode: at2("persistence_config.persistence_mode"),
      rdbSnapshotPeriod: at2("persistence_config.rdb_snapshot_period"),
      port: absentIn4("files", `${r.address}.port (chosen by Memorystore)`),
      anonymousPing: absentIn4("files", `${r.address} (a declaration shows no connection)`),
      plaintextConnection: absentIn4("files", `${r.address} (a declaration shows no connection)`),
      tf: r
    });
  }
  return { items, empty, none: `no ${REDIS_INSTANCE_TF_TYPE} resource is declared in any .tf file` };
}
function redisInstancesFromGcp(facet) {
  const items = facet.instances.map((i) => {
    const resource = redisInstanceResource(i);
    const live = resource.id;
    const at2 = (value, path) => liveAttribute(value, { layer: "gcp", path, live });
    return {
      source: "gcp",
      resource,
      label: i.name,
      name: decided(i.name, { layer: "gcp", path: "name", live }),
      authEnabled: at2(i.authEnabled, "authEnabled"),
      transitEncryptionMode: at2(i.transitEncryptionMode, "transitEncryptionMode"),
      persistenceMode: at2(i.persistenceConfig?.persistenceMode, "persistenceConfig.persistenceMode"),
      rdbSnapshotPeriod: at2(i.persistenceConfig?.rdbSnapshotPeriod, "persistenceConfig.rdbSnapshotPeriod"),
      port: at2(i.port, "port"),
      anonymousPing: absentIn4("gcp", "the Redis API shows no connection", live),
      plaintextConnection: absentIn4("gcp", "the Redis API shows no connection", live),
      gcp: i
    };
  });
  return { items, empty: [], none: "the project has no Memorystore instance" };
}
function redisInstancesFromProbe(d, exp) {
  const resource = redisServerResource(d, exp);
  const live = resource.id;
  const view = {
    source: "probe",
    resource,
    label: d.endpoint,
    name: absentIn4("probe", "a client does not see the instance name", live),
    authEnabled: absentIn4("probe", "a client does not see auth_enabled (it sees how PING without AUTH is answered)", live),
    transitEncryptionMode: absentIn4("probe", "a client does not see transit_encryption_mode (it sees TLS)", live),
    persistenceMode: absentIn4("probe", "a client does not see persistence", live),
    rdbSnapshotPeriod: absentIn4("probe", "a client does not see persistence", live),
    port: decided(d.port, { layer: "probe", path: "port", live }),
    anonymousPing: decided(d.unauthenticatedPing.outcome, { layer: "probe", path: "PING (no AUTH)", live }),
    ...d.unauthenticatedPing.reply !== void 0 ? { anonymousPingReply: d.unauthenticatedPing.reply } : {},
    plaintextConnection: decided(d.plaintext.outcome, { layer: "probe", path: "PING over plain TCP", live }),
    ...d.plaintext.reply !== void 0 ? { plaintextReply: d.plaintext.reply } : {},
    probe: d
  };
  return { items: [view], empty: [], none: "no Redis server was probed" };
}
var REDIS_INSTANCE_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet) => redisInstancesFromTerraform(facet("files.terraform"))
  },
  gcp: { layer: "gcp", facets: ["gcp.redis"], build: (facet) => redisInstancesFromGcp(facet("gcp.redis")) },
  probe: {
    layer: "probe",
    facets: ["probe.redis"],
    build: (facet, exp) => redisInstancesFromProbe(facet("probe.redis"), exp)
  }
};

// packages/core/dist/views/tf-lookup.js
function resourcesOfType(facet, ...types) {
  const out = [];
  for (const file of facet.files) {
    for (const block of file.blocks) {
      const [type, name] = block.labels;
      if (block.type !== "resource" || !type || !name || !types.includes(type))
        continue;
      out.push({ file, block, type, name });
    }
  }
  return out;
}
function blockLocation2(file, block) {
  return { file: block.file ?? file.file, startLine: block.line, startColumn: block.column };
}
function attributeLocation2(file, attr) {
  return { file: attr.file ?? file.file, startLine: attr.line, startColumn: attr.column };
}
function literalString(attr) {
  return typeof attr?.value === "string" ? attr.value : void 0;
}
function expressionText(attr) {
  const v = attr?.value;
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.expression === "string")
    return v.expression;
  return void 0;
}
function forEachNames(block, of) {
  const attr = block.attributes.for_each;
  if (!attr)
    return void 0;
  const v = attr.value;
  const strings = (xs) => xs.filter((x) => typeof x === "string");
  if (Array.isArray(v))
    return strings(v);
  const expr = expressionText(attr);
  if (expr !== void 0) {
    const list = /^\s*toset\(\s*\[([^\]]*)\]\s*\)\s*$/.exec(expr);
    return list ? [...(list[1] ?? "").matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "") : void 0;
  }
  if (v && typeof v === "object")
    return of === "key" ? Object.keys(v) : strings(Object.values(v));
  return void 0;
}
function declaresGoogleProvider(file) {
  return file.blocks.find((b) => b.type === "provider" && (b.labels[0] === "google" || b.labels[0] === "google-beta"));
}
function inEnvironmentFolder(path, environment) {
  return path.split("/").slice(0, -1).includes(environment);
}
function anchorLocation2(facet, environment) {
  const files = [...facet.files].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const isMain = (f) => f.file === "main.tf" || f.file.endsWith("/main.tf");
  const env = files.filter((f) => inEnvironmentFolder(f.file, environment));
  const candidates = [
    env.find((f) => declaresGoogleProvider(f)),
    env.find(isMain),
    files.find((f) => declaresGoogleProvider(f)),
    files.find(isMain),
    files[0]
  ];
  const file = candidates.find((f) => f !== void 0);
  if (!file)
    return void 0;
  const provider = declaresGoogleProvider(file);
  return provider ? blockLocation2(file, provider) : { file: file.file, startLine: 1 };
}

// packages/core/dist/views/secret-manager-secret.js
function secretManagerSecretResource(project, name) {
  return {
    id: `gcp:secretmanager/${project}/${name}`,
    kind: "SecretManagerSecret",
    name,
    declaredAs: declarationKey({ layer: "tf", type: "google_secret_manager_secret", name })
  };
}
function secretManagerSecretsFromTerraform(facet, exp) {
  if (facet.files.length === 0)
    return { items: [], empty: [], none: "the repository has no .tf files" };
  const expected = exp.secretManager.secrets;
  if (expected.length === 0)
    return { items: [], empty: [], none: "expectations.secretManager.secrets names no secret" };
  const declared = [];
  let unresolved = 0;
  const dependsOn = [];
  for (const r of resourcesOfType(facet, "google_secret_manager_secret")) {
    const attr = r.block.attributes.secret_id;
    const literal2 = literalString(attr);
    if (literal2 !== void 0 && attr) {
      declared.push({ id: literal2, resource: r, location: attributeLocation2(r.file, attr) });
      continue;
    }
    const expr = expressionText(attr)?.trim();
    const keys = expr === "each.key" || expr === "each.value" ? forEachNames(r.block, expr === "each.key" ? "key" : "value") : void 0;
    const instances = (attr?.instanceValues ?? []).filter((x) => typeof x === "string");
    if (keys && attr) {
      const at2 = r.block.attributes.for_each ?? attr;
      for (const id of keys)
        declared.push({ id, resource: r, location: attributeLocation2(r.file, at2) });
    } else if (instances.length && attr) {
      for (const id of instances)
        declared.push({ id, resource: r, location: attributeLocation2(r.file, attr) });
    } else {
      unresolved++;
      dependsOn.push(...dependsOnOf(attr, expr ?? `${r.type}.${r.name}.secret_id`));
    }
  }
  const declaredIds = declared.map((d) => d.id);
  const items = expected.map((name) => {
    const resource = { id: `secretmanager:${name}`, kind: "google_secret_manager_secret", name };
    const hit = declared.find((d) => d.id === name);
    if (hit)
      return {
        source: "tf",
        resource: { ...resource, file: hit.resource.file.file },
        name,
        declaredBy: {
          address: `${hit.resource.type}.${hit.resource.name}`,
          file: hit.resource.file.file,
          location: hit.location
        }
      };
    return {
      source: "tf",
      resource,
      name,
      declaredIds,
      unresolved: { count: unresolved, dependsOn },
      anchor: (environment) => anchorLocation2(facet, environment)
    };
  });
  return { items, empty: [], none: "expectations.secretManager.secrets names no secret" };
}
function secretManagerSecretsFromGcp(facet, exp) {
  const { project } = exp;
  const scope = `projects/${project}`;
  if (!facet.read.some((r) => r === scope || scope.startsWith(`${r}/`)))
    return { items: [], empty: [], none: `Secret Manager of project ${project} was not read` };
  const listed = facet.secrets.filter((s) => s.project === project);
  const items = exp.secretManager.secrets.map((name) => {
    const found = listed.find((s) => s.name === name);
    return {
      source: "gcp",
      resource: secretManagerSecretResource(project, name),
      name,
      project,
      ...found ? { live: { replication: found.replication ?? "unknown" } } : {}
    };
  });
  return { items, empty: [], none: "expectations.secretManager.secrets names no secret" };
}
var SECRET_MANAGER_SECRET_SOURCES = {
  tf: {
    layer: "files",
    facets: ["files.terraform"],
    build: (facet, exp) => secretManagerSecretsFromTerraform(facet("files.terraform"), exp)
  },
  gcp: {
    layer: "gcp",
    facets: ["gcp.secretmanager"],
    build: (facet, exp) => secretManagerSecretsFromGcp(facet("gcp.secretmanager"), exp)
  }
};

// packages/core/dist/views/secret-provenance.js
function secretProvenanceFromManifests(facet, exp) {
  const objects = manifestObjects(facet);
  const producers = secretProducers(objects, exp);
  const ns = exp.app.namespace;
  const secretsByName = /* @__PURE__ */ new Map();
  for (const o of objects)
    if (o.kind === "Secret" && inAppNamespace(o, exp)) {
      const same = secretsByName.get(o.name);
      if (same)
        same.push(o);
      else
        secretsByName.set(o.name, [o]);
    }
  const items = [...appSecretNames(objects, exp)].map(([name, refs]) => {
    const manifests = secretsByName.get(name) ?? [];
    return {
      source: "manifest",
      name,
      namespace: ns,
      producers: (producers.get(`${ns}/${name}`) ?? []).map((p) => {
        const holder = p.providerObject ?? p.object;
        return {
          label: `${p.object.kind} ${p.object.name}`,
          provider: p.provider,
          ...p.storeName ? { store: p.storeName } : {},
          location: objectLocation(p.object),
          ...p.provider !== void 0 ? {
            providerHolder: {
              kind: holder.kind,
              name: holder.name,
              location: locationAt(holder, holder.kind === "SecretProviderClass" ? "/spec/provider" : `/spec/provider/${p.provider}`)
            }
          } : {},
          resource: k8sResource(manifests[0] ?? p.object, exp)
        };
      }),
      manifests: manifests.map((m) => ({ resource: k8sResource(m, exp), location: objectLocation(m) })),
      readers: refs.map((r) => ({
        workload: `${r.workload.kind} ${r.workload.name}`,
        location: locationAt(r.workload, r.pointer)
      })),
      // No file declares this Secret: its id names it by namespace alone.
      resource: { id: `Secret/${ns}/${name}`, kind: "Secret", name, namespace: ns }
    };
  });
  return { items, empty: [], none: "the app uses no Secret" };
}
function producerOf(secret) {
  const owner = ownersOf(secret).find((o) => o.kind === "ExternalSecret");
  if (owner)
    return `ExternalSecret ${owner.name}`;
  const labels = labelsOf(secret);
  if (labels["reconcile.external-secrets.io/managed"] === "true")
    return "External Secrets Operator";
  if (labels["secrets-store.csi.k8s.io/managed"] === "true")
    return "the Secrets Store CSI driver";
  return void 0;
}
var SECRET_PROVENANCE_FACETS = ["k8s.secrets", ...WORKLOAD_FACETS];
function secretProvenanceFromCluster(facets, exp) {
  const ns = exp.app.namespace;
  const facet = facets["k8s.secrets"];
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const used = appSecretNames(topLevelWorkloads(facets).map(viewOf), exp);
  const live = new Map(itemsOf(facet).filter((s) => s.namespace === ns).map((s) => [s.name, s]));
  const items = [...used.keys()].sort().map((name) => {
    const secret = live.get(name);
    const producedBy = secret ? producerOf(secret) : void 0;
    return {
      source: "k8s",
      name,
      namespace: ns,
      producers: [],
      manifests: [],
      readers: [],
      ...secret ? {
        live: {
          resource: liveResource(secret),
          ...producedBy ? { producedBy } : {},
          owners: ownersOf(secret).map((o) => `${o.kind}/${o.name}`),
          managedLabel: labelsOf(secret)["reconcile.external-secrets.io/managed"] ?? null
        }
      } : {},
      resource: liveResource({ kind: "Secret", name, namespace: ns })
    };
  });
  return { items, empty: [], none: "the app uses no Secret" };
}
var SECRET_PROVENANCE_JOIN_FACETS = ["k8s.secrets", "gcp.secretmanager", ...WORKLOAD_FACETS];
function secretProvenanceJoined(facets, externalSecretsFacet, exp) {
  const ns = exp.app.namespace;
  const secretsFacet = facets["k8s.secrets"];
  if (!inScope(secretsFacet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const secretManager = facets["gcp.secretmanager"];
  const secrets = /* @__PURE__ */ new Map();
  for (const s of itemsOf(secretsFacet))
    if (s.namespace === ns)
      secrets.set(s.name, s);
  const externalSecrets2 = /* @__PURE__ */ new Map();
  const externalSecretByTarget = /* @__PURE__ */ new Map();
  for (const es of itemsOf(externalSecretsFacet)) {
    if (es.namespace !== ns)
      continue;
    externalSecrets2.set(es.name, es);
    externalSecretByTarget.set(externalSecretTarget(viewOf(es)), es);
  }
  const stores = /* @__PURE__ */ new Map();
  for (const s of externalSecretsFacet?.stores ?? [])
    stores.set(storeKey(s.kind, s.kind === "SecretStore" ? s.namespace : void 0, s.name), s);
  const smSecrets = new Set(secretManager.secrets.map((s) => `${s.project}/${s.name}`));
  const smRead = (project) => secretManager.read.some((r) => r === `projects/${project}` || `projects/${project}`.startsWith(`${r}/`));
  const used = appSecretNames(topLevelWorkloads(facets).map(viewOf), exp);
  const items = [...used.keys()].sort().map((name) => {
    const view = {
      source: "join",
      name,
      namespace: ns,
      resource: liveResource({ kind: "Secret", name, namespace: ns }),
      readBy: describeReaders(used.get(name) ?? [])
    };
    const secret = secrets.get(name);
    if (!secret)
      return view;
    const owner = ownersOf(secret).find((o) => o.kind === "ExternalSecret")?.name;
    const managed = labelsOf(secret)["reconcile.external-secrets.io/managed"] === "true";
    view.live = { ...owner !== void 0 ? { owner } : {}, managed };
    const producerName = owner ?? (managed ? externalSecretByTarget.get(name)?.name : void 0);
    if (producerName !== void 0)
      view.producerName = producerName;
    const es = producerName ? externalSecrets2.get(producerName) : void 0;
    if (!es)
      return view;
    const ref = asRecord(specOf(es).secretStoreRef);
    const storeKind = asString(ref?.kind) === "ClusterSecretStore" ? "ClusterSecretStore" : "SecretStore";
    const storeName = asString(ref?.name) ?? "";
    const store = stores.get(storeKey(storeKind, storeKind === "SecretStore" ? ns : void 0, storeName));
    const project = store?.projectID ?? exp.project;
    view.externalSecret = {
      name: es.name,
      storeKind,
      storeName,
      ...store ? { store } : {},
      project,
      remoteKeys: remoteKeys(es, project).map((k) => ({
        ...k,
        read: smRead(k.project),
        exists: smSecrets.has(`${k.project}/${k.name}`)
      }))
    };
    return view;
  });
  return { items, empty: [], none: "the app uses no Secret" };
}
function storeKey(kind, namespace, name) {
  return `${kind}/${namespace ?? "-"}/${name}`;
}
function describeReaders(refs) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const r of refs) {
    const w = `${r.workload.kind} ${r.workload.name}`;
    byWorkload.set(w, (byWorkload.get(w) ?? /* @__PURE__ */ new Set()).add(r.via === "keyRef" ? `secretKeyRef ${r.key}` : r.via));
  }
  const text = [...byWorkload].map(([w, via]) => `${w} (${[...via].sort().join(", ")})`);
  return text.length > 0 ? text.sort().join(", ") : "the app (expectations.app.secrets)";
}
function remoteKeys(es, project) {
  const spec = specOf(es);
  const raw = [
    ...asArray(spec.data).map((d) => asString(asRecord(asRecord(d)?.remoteRef)?.key)),
    ...asArray(spec.dataFrom).map((d) => asString(asRecord(asRecord(d)?.extract)?.key))
  ].filter((k) => !!k);
  const out = /* @__PURE__ */ new Map();
  for (const key of raw) {
    const m = /^projects\/([^/]+)\/secrets\/([^/]+)/.exec(key);
    const k = m ? { project: m[1], name: m[2] } : { project, name: key };
    out.set(`${k.project}/${k.name}`, k);
  }
  return [...out.values()];
}
var SECRET_PROVENANCE_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => secretProvenanceFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: SECRET_PROVENANCE_FACETS,
    build: (facet, exp) => secretProvenanceFromCluster(Object.fromEntries(SECRET_PROVENANCE_FACETS.map((n) => [n, facet(n)])), exp)
  },
  // Workload, Secret, ExternalSecret, store and Secret Manager together; reported on the k8s layer, as the join was.
  join: {
    layer: "k8s",
    facets: SECRET_PROVENANCE_JOIN_FACETS,
    facetsIfPresent: ["k8s.externalsecrets"],
    build: (facet, exp, has) => secretProvenanceJoined(Object.fromEntries(SECRET_PROVENANCE_JOIN_FACETS.map((n) => [n, facet(n)])), has("k8s.externalsecrets") ? facet("k8s.externalsecrets") : void 0, exp)
  }
};

// packages/core/dist/views/workload.js
function toUid(v) {
  if (typeof v === "number" && Number.isInteger(v))
    return v;
  if (typeof v === "string" && /^\d+$/.test(v.trim()))
    return Number(v.trim());
  return void 0;
}
function attributePaths(c) {
  let byPod = ATTRIBUTE_PATHS.get(c.podPointer);
  if (!byPod) {
    byPod = /* @__PURE__ */ new Map();
    ATTRIBUTE_PATHS.set(c.podPointer, byPod);
  }
  let paths = byPod.get(c.pointer);
  if (!paths) {
    const at2 = `${c.pointer}/securityContext`;
    const pod = `${c.podPointer}/securityContext`;
    paths = {
      allowPrivilegeEscalation: `${at2}/allowPrivilegeEscalation`,
      privileged: `${at2}/privileged`,
      capabilitiesAdded: `${at2}/capabilities/add`,
      runAsUser: `${at2}/runAsUser`,
      runAsNonRoot: `${at2}/runAsNonRoot`,
      podRunAsUser: `${pod}/runAsUser`,
      podRunAsNonRoot: `${pod}/runAsNonRoot`
    };
    byPod.set(c.pointer, paths);
  }
  return paths;
}
var ATTRIBUTE_PATHS = /* @__PURE__ */ new Map();
var asBoolean = (v) => typeof v === "boolean" ? v : void 0;
function effective(own, pod, ownPath, podPath, read2, origin) {
  const fromContainer = read2(own);
  if (fromContainer !== void 0)
    return { certainty: "decided", value: fromContainer, origin: origin(ownPath, false) };
  const fromPod = read2(pod);
  if (fromPod !== void 0)
    return { certainty: "decided", value: fromPod, origin: origin(podPath, false) };
  return { certainty: "absent", origin: origin(ownPath, true) };
}
function attribute(value, pointer2, origin) {
  return value === void 0 ? { certainty: "absent", origin: origin(pointer2, true) } : { certainty: "decided", value, origin: origin(pointer2, false) };
}
function attributes(c, origin) {
  const sc = isObject(c.container.securityContext) ? c.container.securityContext : NO_CONTEXT;
  const pod = isObject(c.podSpec.securityContext) ? c.podSpec.securityContext : NO_CONTEXT;
  const paths = attributePaths(c);
  const caps = isObject(sc.capabilities) ? sc.capabilities.add : void 0;
  return {
    allowPrivilegeEscalation: attribute(sc.allowPrivilegeEscalation, paths.allowPrivilegeEscalation, origin),
    privileged: attribute(sc.privileged, paths.privileged, origin),
    capabilitiesAdded: attribute(caps, paths.capabilitiesAdded, origin),
    runAsUser: effective(sc.runAsUser, pod.runAsUser, paths.runAsUser, paths.podRunAsUser, toUid, origin),
    runAsNonRoot: effective(sc.runAsNonRoot, pod.runAsNonRoot, paths.runAsNonRoot, paths.podRunAsNonRoot, asBoolean, origin)
  };
}
var NO_CONTEXT = Object.freeze({});
var label2 = (c) => `${c.field === "initContainers" ? "Init container" : "Container"} ${c.name}`;
function containersFromManifests(facet) {
  const items = manifestContainers(facet.files).map((c) => {
    const declared = containerLocation(c);
    return {
      source: "manifest",
      resource: containerResource(c),
      container: label2(c),
      workloadKind: c.object.kind,
      workloadName: c.object.name,
      location: declared,
      // An unset key is located where the container is declared; a set one at the key.
      ...attributes(c, (pointer2, absent) => ({
        layer: "files",
        path: pointer2,
        location: absent ? declared : locate(c.object, pointer2)
      })),
      ref: c
    };
  });
  return { items, empty: [], none: "no workload is declared in the Kubernetes manifests" };
}
function containersFromCluster(facets) {
  const items = [];
  for (const w of topLevelWorkloads(facets)) {
    for (const c of containersOf(viewOf(w))) {
      const resource = liveContainerResource(w, c);
      items.push({
        source: "k8s",
        resource,
        container: label2(c),
        workloadKind: w.kind,
        workloadName: w.name,
        ...attributes(c, (pointer2) => ({ layer: "k8s", path: pointer2, live: resource.id })),
        ref: c,
        live: w
      });
    }
  }
  return { items, empty: [], none: "the cluster runs no workload in the scanned namespaces" };
}
function containersOfDeployments(facet) {
  const items = [];
  for (const w of facet.items) {
    for (const c of containersOf(viewOf(w))) {
      if (c.field !== "containers")
        continue;
      const resource = liveContainerResource(w, c);
      items.push({
        source: "effective",
        resource,
        container: label2(c),
        workloadKind: w.kind,
        workloadName: w.name,
        ...attributes(c, (pointer2) => ({ layer: "k8s", path: pointer2, live: resource.id })),
        ref: c,
        live: w
      });
    }
  }
  return { items, empty: [], none: "the cluster runs no Deployment in the scanned namespaces" };
}
var CONTAINER_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    // The Dockerfiles that build a container's image, for a rule that judges what the image settles.
    optionalFacets: ["files.dockerfile"],
    build: (facet) => containersFromManifests(facet("files.kubernetes"))
  },
  k8s: {
    layer: "k8s",
    facets: WORKLOAD_FACETS,
    build: (facet) => containersFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])))
  },
  // The containers of the Deployments the cluster runs, with what decides their user on every layer: the
  // registry's image config and the repository's Dockerfile (a join across layers).
  effective: {
    layer: "k8s",
    facets: ["k8s.deployments", "probe.registry", "files.dockerfile"],
    build: (facet) => containersOfDeployments(facet("k8s.deployments"))
  }
};

// packages/core/dist/views/workload-object.js
function workloadsFromManifests(facet, exp) {
  const items = manifestObjects(facet).filter(isWorkload).map((o) => ({
    source: "manifest",
    resource: k8sResource(o, exp),
    kind: o.kind,
    name: o.name,
    ...o.namespace !== void 0 ? { namespace: o.namespace } : {},
    location: objectLocation(o),
    containers: containersOf2(o).map((c) => ({
      name: c.name,
      image: c.image,
      imageRef: c.imageRef,
      init: c.init,
      spec: c.spec,
      imagePath: `containers[${c.name}].image`,
      imageLocation: locationAt(o, imagePointer(c.pointer))
    }))
  }));
  return { items, empty: [], none: "no workload is declared in the Kubernetes manifests" };
}
function workloadsFromCluster(facets) {
  const items = topLevelWorkloads(facets).map((w) => ({
    source: "k8s",
    resource: liveObjectResource(w),
    kind: w.kind,
    name: w.name,
    ...w.namespace !== void 0 ? { namespace: w.namespace } : {},
    containers: containersOf2(viewOf(w)).map((c) => ({
      name: c.name,
      image: c.image,
      imageRef: c.imageRef,
      init: c.init,
      spec: c.spec,
      imagePath: imagePointer(c.pointer)
    }))
  }));
  return { items, empty: [], none: "the cluster runs no workload in the scanned namespaces" };
}
var WORKLOAD_SOURCES = {
  manifest: {
    layer: "files",
    facets: ["files.kubernetes"],
    build: (facet, exp) => workloadsFromManifests(facet("files.kubernetes"), exp)
  },
  k8s: {
    layer: "k8s",
    facets: WORKLOAD_FACETS,
    build: (facet) => workloadsFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])))
  }
};

// packages/core/dist/views/index.js
var VIEWS = {
  "sql-instance": SQL_INSTANCE_SOURCES,
  container: CONTAINER_SOURCES,
  image: IMAGE_SOURCES,
  secret: SECRET_SOURCES,
  workload: WORKLOAD_SOURCES,
  exposure: EXPOSURE_SOURCES,
  "db-user": DB_USER_SOURCES,
  "edge-entry": EDGE_ENTRY_SOURCES,
  "redis-instance": REDIS_INSTANCE_SOURCES,
  "gke-cluster": GKE_CLUSTER_SOURCES,
  "kms-key": KMS_KEY_SOURCES,
  "kms-key-access": KMS_KEY_ACCESS_SOURCES,
  "secret-manager-secret": SECRET_MANAGER_SECRET_SOURCES,
  "gcr-reference": GCR_REFERENCE_SOURCES,
  "ksa-binding": KSA_BINDING_SOURCES,
  "secret-provenance": SECRET_PROVENANCE_SOURCES,
  "api-object": API_OBJECT_SOURCES,
  "tls-certificate": TLS_CERTIFICATE_SOURCES,
  "image-platform": IMAGE_PLATFORM_SOURCES,
  "app-deployment": APP_DEPLOYMENT_SOURCES
};
var PAIRING = {
  "sql-instance": {
    declared: "tf",
    live: "gcp",
    key: (v) => v.name.certainty === "decided" ? String(v.name.value) : void 0
  },
  container: {
    declared: "manifest",
    live: "k8s",
    key: (v) => {
      const o = v.ref.object;
      return `${o.kind}/${o.namespace ?? "-"}/${o.name}/${v.ref.field}/${v.ref.name}`;
    }
  },
  image: { declared: "manifest", live: "k8s", key: (v) => v.pairingKey },
  secret: { declared: "manifest", live: "k8s", key: (v) => `${v.resource.namespace ?? "-"}/${v.name}` },
  "db-user": {
    declared: "manifest",
    live: "k8s",
    key: (v) => v.source === "manifest" || v.source === "k8s" ? `${v.resource.namespace ?? "-"}/${v.setting}` : void 0
  },
  "edge-entry": {
    declared: "manifest",
    live: "k8s",
    key: (v) => v.kind === "backend" ? `${v.ingress}/${v.service}/${v.port}` : v.kind === "loadBalancer" ? `LoadBalancer/${v.service}` : void 0
  },
  exposure: { declared: "manifest", live: "k8s", key: (v) => `${v.kind}/${v.resource.namespace ?? "-"}/${v.name}` },
  workload: { declared: "manifest", live: "k8s", key: (v) => `${v.kind}/${v.resource.namespace ?? "-"}/${v.name}` },
  "redis-instance": {
    declared: "tf",
    live: "gcp",
    key: (v) => v.name.certainty === "decided" ? String(v.name.value) : void 0
  },
  "gke-cluster": {
    declared: "tf",
    live: "gcp",
    key: (v) => v.name.certainty === "decided" ? String(v.name.value) : void 0
  },
  // Both sides show the one expected key (expectations.kms): a declared match pairs with the live key.
  "kms-key": {
    declared: "tf",
    live: "gcp",
    key: (v) => v.identity === "match" ? "expected" : void 0
  },
  // Grants are compared grant by grant within a source; nothing pairs a declaration with a live grant yet.
  "kms-key-access": { declared: "tf", live: "gcp", key: () => void 0 },
  // Both sides show each expected secret id: `drift` is not judged (the live check already names what is missing).
  "secret-manager-secret": { declared: "tf", live: "gcp", key: (v) => v.name },
  // A file and a workload are different resources: nothing pairs them.
  "gcr-reference": { declared: "files", live: "k8s", key: () => void 0 },
  // One view per source (the app's ServiceAccount): each source judges it; `drift` is not judged.
  "ksa-binding": { declared: "manifest", live: "k8s", key: () => "app" },
  "secret-provenance": { declared: "manifest", live: "k8s", key: (v) => `${v.namespace}/${v.name}` },
  "api-object": {
    declared: "manifest",
    live: "k8s",
    key: (v) => `${v.kind}/${v.resource.namespace ?? "-"}/${v.name}`
  },
  // No source declares a certificate the live ones could be paired with.
  "tls-certificate": { declared: "k8s", live: "gcp", key: () => void 0 },
  // Every source is live; the join is the cross-layer verdict.
  "image-platform": { declared: "gcp", live: "k8s", key: () => void 0 },
  "app-deployment": { declared: "manifest", live: "k8s", key: (v) => v.name }
};
var memo = /* @__PURE__ */ new WeakMap();
var joinMemo = /* @__PURE__ */ new WeakMap();
function viewsOf(kind, source, facet, expectations, has = () => false) {
  const spec = VIEWS[kind][source];
  if (!spec)
    throw new Error(`view "${kind}" has no source "${source}"`);
  const anchor = facet(spec.facets[0]);
  let byExp = memo.get(anchor);
  if (!byExp) {
    byExp = /* @__PURE__ */ new WeakMap();
    memo.set(anchor, byExp);
  }
  const joins = new Set(spec.facets.map(layerOfFacet)).size > 1;
  for (const name of joins ? spec.facets.slice(1) : []) {
    const data = facet(name);
    let byData = joinMemo.get(byExp);
    if (!byData) {
      byData = /* @__PURE__ */ new WeakMap();
      joinMemo.set(byExp, byData);
    }
    let next = byData.get(data);
    if (!next) {
      next = /* @__PURE__ */ new WeakMap();
      byData.set(data, next);
    }
    byExp = next;
  }
  let byKind = byExp.get(expectations);
  if (!byKind) {
    byKind = /* @__PURE__ */ new Map();
    byExp.set(expectations, byKind);
  }
  const extra = [...spec.optionalFacets ?? [], ...spec.facetsIfPresent ?? []].filter(has);
  const shared2 = `${kind}\0${source}`;
  const key = `${shared2}\0${extra.join(",")}`;
  let set = byKind.get(shared2) ?? byKind.get(key);
  if (!set) {
    let asked = false;
    set = spec.build(facet, expectations, (name) => {
      asked = true;
      return has(name);
    });
    byKind.set(asked ? key : shared2, set);
  }
  return set;
}

// packages/core/dist/source.js
var DRIFT = "drift";
function judgeDrift(ctx, spec) {
  for (const { declared, live } of ctx.pairs) {
    const d = spec.holds(declared);
    const l = spec.holds(live);
    if (d === void 0 || l === void 0)
      continue;
    const data = spec.data(declared, live);
    const evidence = spec.evidence(declared, live);
    const resource = live.resource;
    if (d === l)
      ctx.pass({ resource, messageId: spec.messages.consistent, data, evidence });
    else
      ctx.fail({
        resource,
        messageId: d ? spec.messages.liveWeaker : spec.messages.liveStricter,
        data,
        ...declared.location ? { relatedLocations: [declared.location] } : {},
        evidence
      });
  }
}
function defineViewRule(def) {
  const kinds = VIEWS[def.view];
  if (!kinds)
    throw new RuleDefinitionError(`rule "${def.id}": unknown view "${String(def.view)}"`);
  const sources = [];
  for (const [name, spec] of Object.entries(def.sources ?? {})) {
    let layer;
    let facets;
    let ifPresent = [];
    if (name === DRIFT) {
      const pairing = PAIRING[def.view];
      const declared = kinds[pairing.declared];
      const live = kinds[pairing.live];
      layer = live.layer;
      facets = [...live.facets, ...declared.facets];
    } else {
      const s = kinds[name];
      if (!s)
        throw new RuleDefinitionError(`rule "${def.id}": view "${def.view}" has no source "${name}"`);
      layer = s.layer;
      for (const f of spec?.facets ?? [])
        if (!s.optionalFacets?.includes(f))
          throw new RuleDefinitionError(`rule "${def.id}": source "${name}" of view "${def.view}" does not read facet "${f}"`);
      facets = [...s.facets, ...spec?.facets ?? []];
      ifPresent = s.facetsIfPresent ?? [];
    }
    for (const id of Object.keys(spec?.messages ?? {}))
      if (!(id in def.messages))
        throw new RuleDefinitionError(`rule "${def.id}": source "${name}" words message "${id}", which "messages" does not define`);
    sources.push({
      name,
      layer,
      facets,
      ...ifPresent.length ? { optionalFacets: [...ifPresent] } : {},
      ...spec?.alias ? { alias: spec.alias } : {},
      ...spec?.messages && Object.keys(spec.messages).length ? { messages: spec.messages } : {}
    });
  }
  if (sources.length === 0)
    throw new RuleDefinitionError(`rule "${def.id}": "sources" must list at least one source`);
  if (def.drift && !sources.some((s) => s.name === DRIFT))
    throw new RuleDefinitionError(`rule "${def.id}": "drift" is given but "sources" does not list drift`);
  for (const id of Object.values(def.drift?.messages ?? {}))
    if (!(id in def.messages))
      throw new RuleDefinitionError(`rule "${def.id}": drift message "${id}" is not in "messages"`);
  const { view, sources: _s, check, drift, ...rest } = def;
  const rule = defineRule({
    ...rest,
    aliases: [...def.aliases ?? [], ...sources.flatMap((s) => s.alias ? [s.alias] : [])],
    layer: sources[0].layer,
    facets: [...new Set(sources.flatMap((s) => s.facets))],
    ...sources.some((s) => s.optionalFacets) ? { optionalFacets: [...new Set(sources.flatMap((s) => s.optionalFacets ?? []))] } : {},
    crossLayer: new Set(sources.map((s) => s.layer)).size > 1,
    // The engine runs the sources through `evaluationUnits`; this is what each unit calls.
    check: (ctx) => {
      const s = ctx.source;
      if (s === void 0)
        throw new Error(`rule "${def.id}" runs per source (engine evaluationUnits)`);
      if (s === DRIFT && drift)
        judgeDrift(ctx, drift);
      else
        check(ctx);
    }
  });
  return Object.assign(rule, { sources, view });
}
function fingerprintIdOf(rule, source) {
  return source.alias ?? `${rule.id}/${source.name}`;
}
function evaluationUnits(rule) {
  const sources = rule.sources;
  if (!sources?.length || !rule.view)
    return [{ unit: rule, rule }];
  const kind = rule.view;
  return sources.map((source) => {
    const unit = {
      ...rule,
      id: fingerprintIdOf(rule, source),
      layer: source.layer,
      facets: source.facets,
      optionalFacets: source.optionalFacets ?? [],
      // drift, and a join source (registry, cluster and workflows together), read more than their own layer.
      crossLayer: source.name === DRIFT || new Set(source.facets.map(layerOfFacet)).size > 1,
      ...source.messages ? { messages: { ...rule.messages, ...source.messages } } : {},
      check: (ctx) => {
        const viewCtx = sourceContext(kind, source, ctx);
        if (viewCtx.views.length === 0 && viewCtx.pairs.length === 0)
          return;
        rule.check(viewCtx);
      }
    };
    return { unit, rule, source };
  });
}
function sourceContext(kind, source, ctx) {
  const exp = ctx.env.expectations;
  const optional2 = source.optionalFacets ?? [];
  const read2 = ((name) => optional2.includes(name) ? ctx.optionalFacet(name) : ctx.facet(name));
  const has = (f) => source.facets.includes(f) || optional2.includes(f) && ctx.optionalFacet(f) !== void 0;
  const build = (name) => viewsOf(kind, name, read2, exp, has);
  let views2 = [];
  const pairs = [];
  if (source.name === DRIFT) {
    const pairing = PAIRING[kind];
    const declared = /* @__PURE__ */ new Map();
    for (const d of build(pairing.declared).items) {
      const key = pairing.key(d);
      if (key !== void 0)
        declared.set(key, d);
    }
    for (const l of build(pairing.live).items) {
      const key = pairing.key(l);
      const d = key === void 0 ? void 0 : declared.get(key);
      if (d)
        pairs.push({ declared: d, live: l });
    }
    if (pairs.length === 0)
      ctx.skip(`no declared ${kind} was found live under the same name`);
  } else {
    const set = build(source.name);
    for (const e of set.empty)
      ctx.skip(e.reason, e.resource);
    if (set.items.length === 0 && set.empty.length === 0)
      ctx.skip(set.none);
    views2 = set.items;
  }
  return { ...ctx, source: source.name, views: views2, pairs };
}
function stampSource(verdicts, u) {
  if (!u.source)
    return verdicts;
  for (const v of verdicts) {
    v.ruleId = u.rule.id;
    v.source = u.source.name;
    if (u.source.alias)
      v.alias = u.source.alias;
  }
  return verdicts;
}

// packages/core/dist/engine.js
function scopeResource(_rule, environment) {
  return { id: `environment:${environment}`, kind: "Environment", name: environment };
}
function problemResource(p) {
  const file = p.location?.file;
  return { id: p.subject, kind: file ? "File" : "Source", name: p.subject, ...file ? { file } : {} };
}
function overrideFor(rule, overrides, source) {
  if (!overrides)
    return void 0;
  const sourceAliases = new Set((rule.sources ?? []).flatMap((s) => s.alias ? [s.alias] : []));
  const names = [
    ...source?.alias ? [source.alias] : [],
    rule.id,
    ...rule.aliases.filter((a) => !sourceAliases.has(a))
  ];
  for (const name of names)
    if (overrides[name])
      return overrides[name];
  return void 0;
}
function runRules(snapshot, rules, options) {
  const run = evaluateRules(snapshot, rules, options);
  return sortVerdicts([...run.verdicts, ...passVerdicts(run.passes)]);
}
function evaluateRules(snapshot, rules, options) {
  const out = [];
  const passes = [];
  const enabled = [];
  for (const rule of rules) {
    for (const u of evaluationUnits(rule)) {
      const override = overrideFor(rule, options.ruleOverrides, u.source);
      if (override === "off")
        continue;
      enabled.push([u.unit, resolvePriority(rule.priority, options.environment, options.tier, override), u]);
    }
  }
  const owners = problemOwners(snapshot, enabled);
  for (const [rule, priority, unit] of enabled) {
    for (const scope of scopesOf(snapshot, rule)) {
      if (scope.targets.length === 0) {
        const said2 = runRule(snapshot, rule, priority, options, owners);
        for (const v of stampSource(said2.verdicts, unit))
          out.push(v);
        if (said2.passes)
          passes.push(stampPasses(said2.passes, unit));
        continue;
      }
      const facets = Object.assign({}, snapshot.facets, ...scope.targets.map((t) => t.facets));
      const layers = { ...snapshot.layers };
      for (const t of scope.targets)
        layers[t.kind === "cluster" ? "k8s" : "probe"] = t.state;
      let expectations = options.expectations;
      for (const t of scope.targets)
        expectations = options.targetExpectations?.[t.name] ?? expectations;
      const names = scope.targets.map((t) => t.name);
      const targetSnapshot = { ...snapshot, facets, layers };
      const said = runRule(targetSnapshot, rule, priority, { ...options, expectations }, owners);
      for (const v of said.verdicts) {
        v.targets = names;
        v.fingerprint = fingerprintOf(v.ruleId, `${names.join("\0")}\0${v.fingerprint}`);
        out.push(v);
      }
      stampSource(said.verdicts, unit);
      if (said.passes)
        passes.push(stampPasses({ ...said.passes, targets: names }, unit));
    }
  }
  const priorities = /* @__PURE__ */ new Map();
  for (const [, p, u] of enabled)
    if (!priorities.has(u.rule.id))
      priorities.set(u.rule.id, p);
  return { verdicts: sortVerdicts(out), passes, priorities };
}
function stampPasses(set, u) {
  return u.source ? {
    ...set,
    stamp: {
      ruleId: u.rule.id,
      source: u.source.name,
      ...u.source.alias ? { alias: u.source.alias } : {}
    }
  } : set;
}
function problemKey(p) {
  return `${p.subject}\0${p.message}`;
}
function problemOwners(snapshot, enabled) {
  const owners = /* @__PURE__ */ new Map();
  for (const [rule, priority] of enabled) {
    const rank = priorityRank(priority);
    for (const name of [...rule.facets, ...rule.optionalFacets ?? []]) {
      const facet = snapshot.facets[name];
      if (facet?.status !== "ok" || layerOfFacet(name) !== "files")
        continue;
      for (const p of facet.problems) {
        const key = problemKey(p);
        const prior = owners.get(key);
        if (!prior || rank < prior.rank)
          owners.set(key, { rule: rule.id, rank });
      }
    }
  }
  return new Map([...owners].map(([key, o]) => [key, o.rule]));
}
function scopesOf(snapshot, rule) {
  const all = snapshot.targets ?? [];
  if (all.length === 0)
    return [{ targets: [] }];
  const kinds = /* @__PURE__ */ new Set();
  for (const name of [...rule.facets, ...rule.optionalFacets ?? []]) {
    const kind = targetKindOfFacet(name);
    if (kind && all.some((t) => t.kind === kind))
      kinds.add(kind);
  }
  let scopes = [[]];
  for (const kind of TARGET_KINDS.filter((k) => kinds.has(k))) {
    const of = all.filter((t) => t.kind === kind);
    scopes = scopes.flatMap((prefix) => of.map((t) => [...prefix, t]));
  }
  return scopes.map((targets) => ({ targets }));
}
function runRule(snapshot, rule, priority, options, owners) {
  const make = (status, resource, messageId, message, location, discriminator = "") => {
    const v = {
      ruleId: rule.id,
      priority,
      concerns: rule.concerns,
      status,
      resource,
      messageId,
      message,
      evidence: [],
      certainty: "high",
      fingerprint: fingerprintOf(rule.id, resource.id, discriminator)
    };
    if (location)
      v.location = location;
    return v;
  };
  const partial = [];
  const said = /* @__PURE__ */ new Set();
  const optional2 = new Set(rule.optionalFacets ?? []);
  for (const name of [...rule.facets, ...rule.optionalFacets ?? []]) {
    const facet = snapshot.facets[name];
    if (optional2.has(name) && facet?.status === "absent" && snapshot.layers[layerOfFacet(name)]?.status === "collected")
      continue;
    if (!facet || facet.status === "absent") {
      const reason = facet?.status === "absent" ? facet.reason : `the ${layerOfFacet(name)} layer is not configured for this environment`;
      return {
        verdicts: [
          make("skip", scopeResource(rule, options.environment), "layer-not-scanned", `Not checked: ${reason}.`)
        ]
      };
    }
    if (facet.status === "error") {
      const verdicts2 = facet.problems.map((p) => make("error", problemResource(p), "collection-failed", `Could not check: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`, p.location));
      return { verdicts: verdicts2 };
    }
    for (const p of facet.problems) {
      const key = problemKey(p);
      const owner = owners.get(key);
      if (owner !== void 0 && (owner !== rule.id || said.has(key)))
        continue;
      said.add(key);
      partial.push(p.severity === "notice" ? make("skip", problemResource(p), "file-read-in-part", `${p.message}${p.fix ? ` ${p.fix}` : ""}`, p.location) : make("error", problemResource(p), "collection-failed", `Could not check ${p.subject}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`, p.location));
    }
  }
  const reported = new Collapsing();
  const template = (id) => {
    const t = rule.messages[id];
    if (t === void 0)
      throw new Error(`rule "${rule.id}" reported unknown message id "${id}"`);
    return t;
  };
  const finding = (status, r, certainty, dependsOn) => {
    const v = {
      ruleId: rule.id,
      priority,
      concerns: rule.concerns,
      status,
      resource: r.resource,
      messageId: r.messageId,
      message: flat(renderMessage(template(r.messageId), r.data)),
      evidence: r.evidence ?? [],
      certainty,
      fingerprint: fingerprintOf(rule.id, r.resource.id, r.discriminator)
    };
    if (r.data)
      v.data = r.data;
    if (r.location)
      v.location = r.location;
    if (r.relatedLocations?.length)
      v.relatedLocations = r.relatedLocations;
    if (dependsOn)
      v.dependsOn = dependsOn;
    return v;
  };
  const ctx = {
    optionalFacet: (name) => {
      if (!optional2.has(name))
        throw new Error(`rule "${rule.id}" read optional facet "${name}" it did not declare`);
      const f = snapshot.facets[name];
      return f?.status === "ok" ? f.data : void 0;
    },
    facet: (name) => {
      if (!rule.facets.includes(name))
        throw new Error(`rule "${rule.id}" read facet "${name}" it did not declare`);
      const f = snapshot.facets[name];
      if (f?.status !== "ok")
        throw new Error(`facet "${name}" is not available`);
      return f.data;
    },
    env: { name: options.environment, tier: options.tier, expectations: options.expectations },
    now: new Date(options.now ?? snapshot.collectedAt ?? Date.now()),
    fail: (r) => {
      if (inheritedFromBase(snapshot, r))
        return;
      reported.add(keyOf2(r), { verdict: finding("fail", r, r.certainty ?? "high") });
    },
    unknown: (r) => {
      if (!Array.isArray(r.dependsOn) || r.dependsOn.length === 0)
        throw new Error(`rule "${rule.id}" reported unknown without naming what it depends on`);
      if (inheritedFromBase(snapshot, r))
        return;
      reported.add(keyOf2(r), { verdict: finding("unknown", r, "low", [...new Set(r.dependsOn)]) });
    },
    // A pass is kept as the rule gave it: its message and fingerprint are built only if a report lists it.
    pass: (r) => {
      if (r.messageId !== void 0)
        template(r.messageId);
      reported.add(keyOf2(r), { pass: r });
    },
    skip: (reason, resource) => {
      const at2 = resource ?? scopeResource(rule, options.environment);
      reported.add(keyOf2({ resource: at2 }), {
        verdict: make("skip", at2, "not-applicable", `Not applicable: ${reason}`)
      });
    }
  };
  try {
    rule.check(ctx);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      verdicts: [
        ...partial,
        make("error", scopeResource(rule, options.environment), "rule-crashed", `The rule failed while checking: ${msg}. Please report this.`)
      ]
    };
  }
  if (reported.size === 0 && partial.length === 0) {
    const at2 = scopeResource(rule, options.environment);
    reported.add(keyOf2({ resource: at2 }), {
      verdict: make("skip", at2, "nothing-to-check", "Not applicable: nothing this rule checks was found.")
    });
  }
  const kept = reported.result();
  const verdicts = partial.length === 0 ? kept.verdicts : [...partial, ...kept.verdicts];
  const assumed = assumedIdentity(rule, options);
  if (assumed) {
    for (const v of verdicts)
      if (v.status === "fail" || v.status === "unknown")
        v.assumed = assumed;
  }
  if (kept.passes.length === 0)
    return { verdicts };
  const passes = {
    ruleId: rule.id,
    priority,
    concerns: rule.concerns,
    title: rule.title,
    messages: rule.messages,
    passes: kept.passes
  };
  return { verdicts, passes };
}
function inheritedFromBase(snapshot, r) {
  const file = r.resource.file;
  if (file === void 0 || r.location === void 0 || r.location.file === file)
    return false;
  return patchFiles(snapshot).has(file);
}
var PATCH_FILES = /* @__PURE__ */ new WeakMap();
function patchFiles(snapshot) {
  const facet = snapshot.facets["files.kubernetes"];
  if (facet?.status !== "ok" || !facet.data)
    return /* @__PURE__ */ new Set();
  let known2 = PATCH_FILES.get(facet.data);
  if (!known2) {
    known2 = /* @__PURE__ */ new Set();
    for (const f of facet.data.files)
      if (f.objects.some((o) => o.patchedBase !== void 0))
        known2.add(f.file);
    PATCH_FILES.set(facet.data, known2);
  }
  return known2;
}
function keyOf2(r) {
  const id = flat(r.resource.id);
  const discriminator = r.discriminator;
  if (discriminator === void 0 || discriminator === "")
    return id.includes("\0") ? `${id}\0` : id;
  return `${id}\0${discriminator}`;
}
function flat(text) {
  text.charCodeAt(0);
  return text;
}
function assumedIdentity(rule, options) {
  if (!rule.adrIdentity)
    return void 0;
  if (options.assumedExpectations)
    return `no config names the expectations: ADR-001's ${rule.adrIdentity} is assumed`;
  if (!rule.adrIdentityFields || !options.expectationsGiven)
    return void 0;
  const given = new Set(options.expectationsGiven);
  const missing2 = rule.adrIdentityFields.filter((f) => !f.split("|").some((alt) => given.has(alt)));
  if (missing2.length === 0)
    return void 0;
  const names = missing2.map((f) => f.split("|").map((alt) => `expectations.${alt}`).join(" or "));
  return `the config does not name ${names.join(", ")}: ADR-001's ${rule.adrIdentity} is assumed`;
}
var Collapsing = class {
  byKey = /* @__PURE__ */ new Map();
  get size() {
    return this.byKey.size;
  }
  add(key, r) {
    const prior = this.byKey.get(key);
    if (!prior) {
      this.byKey.set(key, r);
      return;
    }
    if (r.pass || prior.pass) {
      const rank = r.pass ? PASS_RANK : statusRank(r.verdict.status);
      const priorRank = prior.pass ? PASS_RANK : statusRank(prior.verdict.status);
      if (rank < priorRank)
        this.byKey.set(key, r);
      return;
    }
    const v = r.verdict;
    const was = prior.verdict;
    const [keep, drop] = statusRank(v.status) < statusRank(was.status) ? [v, was] : [was, v];
    if (drop.status === keep.status && (keep.status === "fail" || keep.status === "unknown") && drop.location) {
      keep.relatedLocations = [...keep.relatedLocations ?? [], drop.location];
      keep.evidence = [...keep.evidence, ...drop.evidence];
      if (drop.dependsOn)
        keep.dependsOn = [.../* @__PURE__ */ new Set([...keep.dependsOn ?? [], ...drop.dependsOn])];
    }
    this.byKey.set(key, { verdict: keep });
  }
  result() {
    const verdicts = [];
    const passes = [];
    for (const r of this.byKey.values()) {
      if (r.pass)
        passes.push(r.pass);
      else
        verdicts.push(r.verdict);
    }
    return { verdicts, passes };
  }
};
var PASS_RANK = statusRank("pass");
function sortVerdicts(vs) {
  return vs.sort((a, b) => cmp3(a.ruleId, b.ruleId) || cmp3(a.location?.file ?? a.resource.file ?? "", b.location?.file ?? b.resource.file ?? "") || (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || cmp3(a.resource.id, b.resource.id) || cmp3(a.targets?.join("\0") ?? "", b.targets?.join("\0") ?? "") || cmp3(a.fingerprint, b.fingerprint));
}
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/dist/gate.js
function evaluateGate(verdicts, failOn, allowIncomplete, options = {}) {
  const strict = options.strict ?? false;
  const named = options.targets && options.targets.length > 0 ? new Set(options.targets) : void 0;
  const inScope2 = (v) => !named || !v.targets || v.targets.some((t) => named.has(t));
  const gating = (v) => failOn !== "none" && meetsThreshold(v.priority, failOn) && inScope2(v);
  const open = (v) => !v.suppression && v.baselineState !== "unchanged" && !v.assumed && gating(v);
  let failing = 0;
  let incomplete = 0;
  let unknown = 0;
  for (const v of verdicts) {
    let role;
    if (v.status === "fail" && open(v))
      role = "failing";
    else if (v.status === "unknown" && open(v)) {
      unknown++;
      if (strict)
        role = "failing";
    } else if (v.status === "error" && gating(v))
      role = "incomplete";
    if (role === "failing")
      failing++;
    if (role === "incomplete")
      incomplete++;
    if (role)
      v.gate = role;
    else
      delete v.gate;
  }
  const scope = named ? { targets: [...named].sort() } : {};
  const base = { failOn, failing, incomplete, unknown, allowIncomplete, strict, ...scope };
  if (failing > 0)
    return { ...base, status: "failed", exitCode: 1 };
  if (incomplete > 0 && !allowIncomplete)
    return { ...base, status: "incomplete", exitCode: 2 };
  return { ...base, status: "passed", exitCode: 0 };
}

// coditect-on-first-use:picomatch
var real2;
function load2() {
  real2 = __require("./picomatch.cjs");
  $default = real2;
  return real2;
}
var onFirstUse2 = (target, get) => new Proxy(target, {
  apply: (_, self, args) => Reflect.apply(get(), self, args),
  construct: (_, args) => Reflect.construct(get(), args),
  get: (_, key) => Reflect.get(get(), key)
});
var $default = onFirstUse2(function() {
}, () => real2 ?? load2());

// packages/core/dist/suppressions.js
function applySuppressions(input) {
  const canonical = /* @__PURE__ */ new Map();
  for (const r of input.rules) {
    for (const n of [r.id, ...r.aliases])
      canonical.set(n, { ruleId: r.id });
    for (const s of r.sources ?? [])
      if (s.alias)
        canonical.set(s.alias, { ruleId: r.id, source: s.name });
  }
  const ruleMatches = (pattern, v) => {
    if (pattern === "*" || pattern === v.ruleId)
      return true;
    const named = canonical.get(pattern);
    return named !== void 0 && named.ruleId === v.ruleId && (named.source === void 0 || named.source === v.source);
  };
  const unused = [];
  const expired = [];
  const failing = input.verdicts.filter((v) => v.status === "fail" || v.status === "unknown");
  input.config.forEach((s, i) => {
    const entry = {
      kind: "config",
      rule: s.rule,
      ...s.resource ? { resource: s.resource } : {},
      reason: s.reason,
      ...s.expires ? { expires: s.expires } : {},
      source: `${input.configFile}#suppressions[${i}]`
    };
    if (s.expires && s.expires < input.today) {
      expired.push(entry);
      return;
    }
    const match = s.resource ? $default(s.resource, { dot: true }) : () => true;
    let used = false;
    for (const v of failing) {
      if (v.suppression || !ruleMatches(s.rule, v))
        continue;
      const file = v.location?.file ?? v.resource.file;
      if (!(match(v.resource.id) || file !== void 0 && match(file)))
        continue;
      v.suppression = {
        kind: "config",
        reason: s.reason,
        ...s.expires ? { expires: s.expires } : {},
        source: entry.source
      };
      used = true;
    }
    if (!used)
      unused.push(entry);
  });
  for (const ig of input.inline) {
    const source = `${ig.file}:${ig.line}`;
    let used = false;
    for (const v of failing) {
      if (v.suppression || !ruleMatches(ig.ruleId, v))
        continue;
      const lines = [v.location, ...v.relatedLocations ?? []].filter((l) => l && l.file === ig.file).map((l) => l.startLine);
      if (!lines.includes(ig.appliesToLine))
        continue;
      v.suppression = { kind: "inline", reason: ig.reason, source };
      used = true;
    }
    if (!used)
      unused.push({ kind: "inline", rule: ig.ruleId, reason: ig.reason, source });
  }
  return { unused, expired };
}

// packages/core/dist/result.js
var RESULT_SCHEMA_VERSION = 1;
function assumptionsOf(e) {
  const names = [
    `project ${e.project}`,
    `region ${e.region}`,
    `namespace ${e.app.namespace}`,
    `deployment ${e.app.deployment}`,
    `KMS key ${e.kms.keyRing}/${e.kms.key}`,
    `secrets ${e.secretManager.secrets.join(", ")}`,
    `Cloud SQL ${e.database.instance}`,
    `Redis ${e.redis.instance}`
  ];
  return {
    banner: `No coditect-audit.yaml: judged against ADR-001's assumed names (${names.join("; ")}). Findings about those names do not gate; run \`coditect-audit init\` to name your own.`,
    names
  };
}
function summarize(verdicts, passes = []) {
  const byStatus = { fail: 0, error: 0, unknown: 0, pass: 0, skip: 0, suppressed: 0 };
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, { fail: 0, error: 0, unknown: 0, pass: 0, skip: 0, suppressed: 0 }]));
  for (const v of verdicts) {
    const key = v.status === "fail" && v.suppression ? "suppressed" : v.status;
    byStatus[key]++;
    byPriority[v.priority][key]++;
  }
  for (const set of passes) {
    byStatus.pass += set.passes.length;
    byPriority[set.priority].pass += set.passes.length;
  }
  return { byStatus, byPriority };
}
function inlineIgnoresOf(snapshot) {
  const out = [];
  for (const facet of Object.values(snapshot.facets)) {
    if (facet?.status !== "ok")
      continue;
    const files = facet.data.files;
    if (!Array.isArray(files))
      continue;
    for (const f of files)
      out.push(...f.ignores ?? []);
  }
  const seen = /* @__PURE__ */ new Set();
  return out.filter((i) => {
    const k = `${i.file}:${i.line}:${i.ruleId}`;
    if (seen.has(k))
      return false;
    seen.add(k);
    return true;
  });
}
function evaluate(snapshot, rules, o) {
  const run = evaluateRules(snapshot, rules, {
    environment: o.environment,
    ...o.tier ? { tier: o.tier } : {},
    expectations: o.expectations,
    ...o.ruleOverrides ? { ruleOverrides: o.ruleOverrides } : {},
    ...o.now ? { now: o.now } : {},
    ...o.assumedExpectations ? { assumedExpectations: true } : {},
    ...o.expectationsGiven ? { expectationsGiven: o.expectationsGiven } : {},
    ...o.targetExpectations ? { targetExpectations: o.targetExpectations } : {}
  });
  const verdicts = o.includePasses ? [...run.verdicts, ...passVerdicts(run.passes)] : run.verdicts;
  const passes = o.includePasses ? [] : run.passes;
  let index;
  const declarations = () => index ??= declarationIndex(snapshot, o.expectations.app.namespace);
  locateByDeclaration(verdicts, declarations);
  for (const set of passes)
    locateByDeclaration(set.passes, declarations);
  const suppressions = applySuppressions({
    verdicts,
    rules,
    config: o.suppressions ?? [],
    configFile: o.configFile ?? "coditect-audit.yaml",
    inline: inlineIgnoresOf(snapshot),
    today: o.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)
  });
  const fixed = o.baseline ? applyBaseline(verdicts, o.baseline.baseline) : void 0;
  const known2 = new Set((snapshot.targets ?? []).map((t) => t.name));
  const unknownTarget = (o.gateTargets ?? []).find((t) => !known2.has(t));
  if (unknownTarget !== void 0)
    throw new ConfigError(`gate target "${unknownTarget}" is not a target of this scan; name one of: ${[...known2].sort().join(", ") || "(no fleet targets)"}`);
  const gate = evaluateGate(verdicts, o.failOn ?? DEFAULT_FAIL_ON, o.allowIncomplete, {
    strict: o.strict ?? false,
    ...o.gateTargets ? { targets: o.gateTargets } : {}
  });
  const ran = /* @__PURE__ */ new Set([...verdicts.map((v) => v.ruleId), ...passes.map(passSetRuleId)]);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: "coditect-audit", version: o.toolVersion },
    environment: {
      name: o.environment,
      ...o.tier ? { tier: o.tier } : {},
      ...o.configFile ? { configFile: o.configFile } : {},
      ...o.configLine ? { configLine: o.configLine } : {}
    },
    root: snapshot.root,
    ...o.assumedExpectations ? { assumptions: assumptionsOf(o.expectations) } : {},
    ...o.adr ? { adr: o.adr } : {},
    layers: snapshot.layers,
    excluded: snapshot.excluded ?? [],
    rules: rules.filter((r) => ran.has(r.id)).map((r) => ({
      ...ruleMeta(r),
      remediation: personalizeRemediation(r.remediation, o.expectations),
      resolvedPriority: run.priorities.get(r.id)
    })).sort((a, b) => a.id < b.id ? -1 : 1),
    verdicts,
    ...passes.length ? { passes } : {},
    suppressions,
    ...o.baseline && fixed ? { baseline: { file: o.baseline.file, fixed } } : {},
    gate,
    summary: summarize(verdicts, passes),
    ...o.timestamps ? { timestamps: o.timestamps } : {}
  };
}
var Count = lazySchema(() => Type.Integer({ minimum: 0 }));
var SuppressionEntrySchema = lazySchema(() => Type.Object({
  kind: Type.Union([Type.Literal("config"), Type.Literal("inline")]),
  rule: Type.String(),
  resource: Type.Optional(Type.String()),
  reason: Type.String(),
  expires: Type.Optional(Type.String()),
  source: Type.String()
}));
var ScanResultSchema = lazySchema(() => Type.Object({
  schemaVersion: Type.Literal(RESULT_SCHEMA_VERSION),
  tool: Type.Object({ name: Type.String(), version: Type.String() }),
  environment: Type.Object({
    name: Type.String(),
    tier: Type.Optional(Type.String()),
    configFile: Type.Optional(Type.String()),
    configLine: Type.Optional(Type.Integer({ minimum: 1 }))
  }),
  root: Type.String(),
  assumptions: Type.Optional(Type.Object({ banner: Type.String(), names: Type.Array(Type.String()) })),
  adr: Type.Optional(Type.Object({ file: Type.String(), sections: Type.Record(Type.String(), Type.Integer({ minimum: 1 })) })),
  layers: Type.Record(Type.String(), LayerStateSchema),
  excluded: Type.Array(ExcludedPathSchema),
  rules: Type.Array(Type.Object({
    id: Type.String(),
    aliases: Type.Array(Type.String()),
    title: Type.String(),
    concerns: Type.Array(Type.String()),
    layer: Type.String(),
    facets: Type.Array(Type.String()),
    priority: PrioritySpecSchema,
    description: Type.String(),
    rationale: Type.String(),
    remediation: Type.Object({ text: Type.String(), commands: Type.Optional(Type.Array(Type.String())) }),
    benchmarks: Type.Array(Type.Object({ standard: Type.String(), id: Type.String(), title: Type.Optional(Type.String()) })),
    adrSection: Type.String(),
    docsUrl: Type.String(),
    resolvedPriority: PrioritySchema
  })),
  verdicts: Type.Array(VerdictSchema),
  suppressions: Type.Object({
    unused: Type.Array(SuppressionEntrySchema),
    expired: Type.Array(SuppressionEntrySchema)
  }),
  baseline: Type.Optional(Type.Object({
    file: Type.String(),
    fixed: Type.Array(Type.Object({ fingerprint: Type.String(), ruleId: Type.String(), resource: Type.String() }))
  })),
  gate: Type.Object({
    failOn: Type.Union([PrioritySchema, Type.Literal("none")]),
    status: Type.Union([Type.Literal("passed"), Type.Literal("failed"), Type.Literal("incomplete")]),
    exitCode: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
    failing: Count,
    incomplete: Count,
    unknown: Count,
    allowIncomplete: Type.Boolean(),
    strict: Type.Boolean(),
    targets: Type.Optional(Type.Array(Type.String()))
  }),
  summary: Type.Object({
    byStatus: Type.Object(Object.fromEntries([...VERDICT_STATUSES, "suppressed"].map((s) => [s, Count]))),
    byPriority: Type.Object(Object.fromEntries(PRIORITIES.map((p) => [
      p,
      Type.Object(Object.fromEntries([...VERDICT_STATUSES, "suppressed"].map((s) => [s, Count])))
    ])))
  }),
  timestamps: Type.Optional(Type.Object({ startedAt: Type.String(), finishedAt: Type.String() }))
}, { $id: "https://coditect.ai/schemas/coditect-audit/scan-result-v1.json", title: "coditect-audit scan result" }));

// packages/core/dist/snapshot-check.js
var FIX = "collect the snapshot again with `coditect-audit collect` and replay it unmodified";
function missing(facet, why) {
  return {
    status: "error",
    problems: [{ subject: `snapshot facet ${facet}`, message: why, cause: "snapshot-incomplete", fix: FIX }]
  };
}
function checkSnapshot(snapshot, env) {
  const facets = { ...snapshot.facets };
  const layers = { ...snapshot.layers };
  let count = 0;
  for (const layer of LAYERS) {
    const state = layers[layer];
    const own = FACET_NAMES.filter((f) => layerOfFacet(f) === layer);
    if (!state) {
      layers[layer] = {
        status: "failed",
        reason: `the snapshot does not say whether the ${layer} layer was collected`
      };
      for (const f of own) {
        facets[f] = missing(f, `the snapshot does not say whether the ${layer} layer was collected, so ${f} cannot be trusted as absent`);
        count++;
      }
      continue;
    }
    if (state.status !== "collected")
      continue;
    for (const f of own) {
      if (facets[f] === void 0) {
        facets[f] = missing(f, `the snapshot says the ${layer} layer was collected but holds no ${f}`);
        count++;
      }
    }
  }
  const probe = env.layers?.probe;
  if (layers.probe?.status === "collected" && probe) {
    for (const service of ["postgres", "redis", "registry", "http"]) {
      const name = `probe.${service}`;
      const f = facets[name];
      if (probe[service] && f?.status === "absent") {
        facets[name] = missing(name, `layers.probe.${service} is configured, but the snapshot says it was not probed`);
        count++;
      }
    }
  }
  return { snapshot: { ...snapshot, layers, facets }, missing: count };
}

// packages/core/dist/trust.js
import { isAbsolute, relative, resolve } from "node:path";
var RUNS_CODE = "runs code (a kubeconfig can name an exec credential plugin) and reads credentials it names";
var NAMES_CREDENTIAL = "names a credential the CI job holds, which would then be sent";
var CHOOSES_DESTINATION = "chooses where a credential is sent";
var PLAINTEXT = "lets a credential travel unencrypted";
var READS_OUTSIDE = "reads a file outside the scanned directory";
var TRUSTED_ONLY = [
  (env) => env.layers?.k8s?.kubeconfig ? [{ at: "layers.k8s.kubeconfig", why: RUNS_CODE }] : [],
  (env) => {
    const out = [];
    for (const [at2, t] of probeTargets(env)) {
      if (t.passwordEnv)
        out.push({ at: `${at2}.passwordEnv`, why: NAMES_CREDENTIAL });
      if (t.usernameEnv)
        out.push({ at: `${at2}.usernameEnv`, why: NAMES_CREDENTIAL });
      if (t.fromSecret)
        out.push({
          at: `${at2}.fromSecret`,
          why: "sends the application's live database password to the host this file names"
        });
      if (at2.startsWith("layers.probe.registry") && t.url)
        out.push({
          at: `${at2}.url`,
          why: `${CHOOSES_DESTINATION} (the Application Default Credentials' token for Artifact Registry)`
        });
      if (t.allowPlaintextCredentials)
        out.push({ at: `${at2}.allowPlaintextCredentials`, why: PLAINTEXT });
    }
    return out;
  }
];
function pathSettings(config, env) {
  const out = [];
  if (config.adr)
    out.push({ at: "adr", value: config.adr });
  for (const [at2, t] of probeTargets(env))
    if (typeof t.caFile === "string")
      out.push({ at: `${at2}.caFile`, value: t.caFile });
  return out;
}
function probeTargets(env) {
  const p = env.layers?.probe;
  const out = [];
  for (const kind of ["postgres", "redis", "registry", "http"]) {
    const value = p?.[kind];
    if (Array.isArray(value)) {
      for (const [i, t] of value.entries())
        out.push([`layers.probe.${kind}[${i}]`, t]);
    } else if (value && typeof value === "object")
      out.push([`layers.probe.${kind}`, value]);
  }
  return out;
}
function inside(root, path) {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function trustedOnlySettings(config, environment, env, paths) {
  const out = [];
  if (config.plugins?.length)
    out.push({ path: "plugins", why: "imports and runs JavaScript as the CI job\u2019s user" });
  const prefix = `environments.${environment}.`;
  for (const check of TRUSTED_ONLY)
    for (const hit of check(env))
      out.push({ path: prefix + hit.at, why: hit.why });
  for (const { at: at2, value } of pathSettings(config, env)) {
    const base = paths.configDir;
    if (!inside(paths.root, resolve(base, value)))
      out.push({ path: at2 === "adr" ? at2 : prefix + at2, why: `${READS_OUTSIDE} (${value})` });
  }
  return out;
}
function untrustedConfigMessage(configFile, settings) {
  return [
    `${configFile} is inside the scanned directory, so it is not trusted (a pull request can change it), and it holds settings only a trusted configuration may hold:`,
    ...settings.map((s) => `  ${s.path}: ${s.why}`),
    "Fix: move these settings to a configuration file outside the scanned directory and name it with --config;",
    "for plugins, --plugin <package or path> also works; or, only when every change to this repository is trusted",
    "(never on pull requests from forks), pass --trust-repo-config. See docs/security.md."
  ].join("\n");
}

export {
  indexAdrSections,
  adrLineFor,
  AJV_OPTIONS,
  getAjv,
  schemaFingerprint,
  compile,
  compileLazily,
  loadValidators,
  pointerToPath,
  describeAjvError,
  BaselineSchema,
  parseBaseline,
  baselineOf,
  applyBaseline,
  ADR_001,
  ADR_001_PENDING_ORDER,
  getAdr001Section,
  RETIRED_CONCERNS,
  CONCERNS,
  getConcern,
  declarationKey,
  declarationIndex,
  locateByDeclaration,
  escapePointerToken,
  containersOf,
  securityContexts,
  asRecord,
  asArray,
  asString,
  itemsOf,
  viewOf,
  liveResource,
  namespaceResource,
  metadataOf,
  labelsOf,
  controllerOf,
  specOf,
  statusOf,
  conditionOf,
  workloadOfPod,
  podsOf,
  containerStatuses,
  digestOf,
  inScope,
  podSpecOf,
  manifestObjects,
  k8sResource,
  under,
  valueAt2 as valueAt,
  locationAt,
  objectLocation,
  asNumber,
  containersOf2,
  imageRepository,
  datastoreOf,
  appContainer,
  appSettings,
  externalSecretTarget,
  settingNamed,
  describeSetting,
  isPostgresScheme,
  isClientCommand,
  BACKEND_CONFIG_ANNOTATIONS,
  GcpIamBindingSchema,
  GcpIamPolicySchema,
  GcpSecurityPolicySchema,
  GcpBackendServiceSchema,
  isExpression,
  isTrue,
  isFalse,
  blockLocation,
  dirOf,
  resourcesOf,
  dataSourcesOf,
  findResource,
  referenceTo,
  resourceOf,
  declaresNothing,
  moduleCalls,
  rootModules,
  displayValue,
  anchorLocation,
  valueSourceOf,
  evidenceOf,
  gkeClusterResource,
  gkeNodePoolResource,
  GcpDockerImageSchema,
  unknownInputs,
  describeKnown,
  publicMembers,
  kmsKeyResource,
  KMS_SIGNER_ROLE,
  engineOf,
  SQL_LIFECYCLE_AS_OF,
  lifecycleOf,
  isEndOfLife,
  GcpSqlBackupRunSchema,
  sqlInstanceResource,
  GcpSslCertificateSchema,
  MANAGED_CERTIFICATES_ANNOTATION,
  GCP_SERVICES,
  GcpLayerConfigSchema,
  GcpSqlInstanceSchema,
  GcpSqlUserSchema,
  GcpRedisInstanceSchema,
  GcpKmsKeySchema,
  GcpKmsKeyRingSchema,
  GcpSecretSchema,
  GcpArRepositorySchema,
  GcpGkeNodePoolSchema,
  GcpGkeClusterSchema,
  GcpAlertConditionSchema,
  GcpAlertPolicySchema,
  GcpUptimeCheckSchema,
  GcpIdentityProjectSchema,
  GcpFacetSchemas,
  LocationSchema,
  formatLocation,
  ProblemSchema,
  EXCLUSION_REASONS,
  ExcludedPathSchema,
  InlineIgnoreSchema,
  facetSchema,
  ImageReferenceSchema,
  ImageReferencesSchema,
  SHELL_OPERATORS,
  SimpleCommandSchema,
  ShellCommandSchema,
  DockerInstructionSchema,
  DockerCopySchema,
  DockerStageSchema,
  DockerfileSchema,
  ImageBuildSchema,
  SECRET_VALUE_CLASSES,
  SecretClassificationSchema,
  ConnectionUrlSchema,
  ConnectionUrlsSchema,
  SecretKeySchema,
  K8sObjectSchema,
  K8sManifestFileSchema,
  WorkflowUsesSchema,
  WorkflowStepSchema,
  WorkflowPermissionsSchema,
  WorkflowJobSchema,
  WorkflowSchema,
  TfValueSchema,
  TfAttributeSchema,
  TfBlockSchema,
  TfFileSchema,
  TfStateSchema,
  MarkdownFileSchema,
  FilesFacetSchemas,
  K8sLayerConfigSchema,
  K8sOwnerSchema,
  K8sLiveObjectSchema,
  K8sObjectListSchema,
  K8sSecretKeySchema,
  K8sSecretSchema,
  K8sConfigMapSchema,
  K8sClaimSchema,
  K8sNodeSchema,
  K8sSecretStoreSchema,
  K8sExternalSecretsSchema,
  K8sApisSchema,
  K8sFacetSchemas,
  PROBE_HTTP_DEFAULTS,
  PROBE_DEFAULT_TIMEOUT_MS,
  PostgresProbeConfigSchema,
  RedisProbeConfigSchema,
  RegistryProbeConfigSchema,
  HttpProbeConfigSchema,
  ProbeLayerConfigSchema,
  CertificateObservationSchema,
  PostgresProbeSchema,
  RedisProbeSchema,
  ImagePlatformSchema,
  ImageUseSchema,
  ImageProbeSchema,
  RegistryProbeSchema,
  HttpObservationSchema,
  HttpProbeSchema,
  ProbeFacetSchemas,
  PRIORITIES,
  PrioritySchema,
  PrioritySpecSchema,
  priorityRank,
  meetsThreshold,
  isPriority,
  resolvePriority,
  MAX_YAML_ENTRIES,
  overYamlBudget,
  firstDuplicateKey,
  ExpectationsSchema,
  ADR_PROJECT,
  ADR_REGION,
  adrDefaults,
  givenExpectationFields,
  resolveExpectations,
  FilesLayerSchema,
  DEFAULT_FAIL_ON,
  EnvironmentSchema,
  ConfigSuppressionSchema,
  ConfigSchema,
  parseConfig,
  selectEnvironment,
  environmentLine,
  TARGET_KINDS,
  PROBE_TARGET_KINDS,
  targetKindOfFacet,
  targetKey,
  fleetTargets,
  targetExpectations,
  parseShard,
  shardSlice,
  canonicalGcpFacets,
  combineLayerStates,
  MergeError,
  mergeSnapshots,
  sortTargets,
  compactPositions,
  SNAPSHOT_SCHEMA_VERSION,
  FacetSchemas,
  FACET_NAMES,
  layerOfFacet,
  LayerStateSchema,
  TargetSnapshotSchema,
  ShardSchema,
  SnapshotSchema,
  DOCS_BASE_URL,
  RuleDefinitionError,
  defineRule,
  ruleMeta,
  unknownRemediationPlaceholders,
  fillRemediation,
  personalizeRemediation,
  renderMessage,
  assertUniqueIds,
  VERDICT_STATUSES,
  ResourceSchema,
  EvidenceSchema,
  SuppressionSchema,
  VerdictSchema,
  fingerprintOf,
  statusRank,
  passSetRuleId,
  passVerdict,
  passVerdicts,
  allVerdicts,
  compactPassCount,
  postgresRoleResource,
  findGcrReferences,
  suggestedLocation,
  gcrDomainRepository,
  AR_MIGRATION_SENTENCE,
  imageTarget,
  describeUse,
  finalStage,
  effectiveStageUser,
  WORKLOAD_IDENTITY_ANNOTATION,
  METADATA_SERVER_LABEL,
  redisInstanceResource,
  anchorLocation2,
  secretManagerSecretResource,
  DRIFT,
  judgeDrift,
  defineViewRule,
  fingerprintIdOf,
  evaluationUnits,
  stampSource,
  runRules,
  evaluateRules,
  sortVerdicts,
  evaluateGate,
  $default,
  applySuppressions,
  RESULT_SCHEMA_VERSION,
  assumptionsOf,
  summarize,
  inlineIgnoresOf,
  evaluate,
  ScanResultSchema,
  checkSnapshot,
  trustedOnlySettings,
  untrustedConfigMessage
};
