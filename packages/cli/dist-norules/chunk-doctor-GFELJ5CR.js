import {
  ENDPOINT_ENV,
  GcpSettingsError,
  GcpTransport,
  resolveSettings
} from "./chunk-chunk-YV7YQZBZ.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import {
  Limiter,
  callWithPolicy,
  classify,
  gcpApiCalls,
  obj,
  objs,
  paginate,
  str
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/gcp/doctor.js
var DOCTOR_APIS = ["serviceusage", "cloudresourcemanager"];
var PERMISSIONS_PER_REQUEST = 100;
function missingQuotaProject(project, what, err) {
  return {
    kind: "credentials",
    status: "fail",
    subject: "quota project",
    message: `${what} was billed to a Google-owned project, not ${project}: the credentials carry no quota project (${err.detail})`,
    fix: `set layers.gcp.quotaProject (or GOOGLE_CLOUD_QUOTA_PROJECT) to ${project}, or run \`gcloud auth application-default set-quota-project ${project}\`; enabling the API does not help`
  };
}
function failedCall(subject, what, err, fix) {
  const kind = err.kind === "unavailable" || err.kind === "timeout" ? "reachable" : "permissions";
  return {
    kind,
    status: "fail",
    subject,
    message: `${what} failed (${err.kind}${err.httpStatus ? `, HTTP ${err.httpStatus}` : ""}): ${err.detail}`,
    fix: kind === "reachable" ? "check the network path to the endpoint (proxy, VPC Service Controls) or raise layers.gcp.timeoutMs" : fix
  };
}
async function diagnoseGcp(ctx) {
  const config = ctx.config ?? {};
  let settings;
  try {
    settings = resolveSettings(config, ctx.expectations);
  } catch (e) {
    if (!(e instanceof GcpSettingsError))
      throw e;
    return [{ kind: "credentials", status: "fail", subject: "layers.gcp", message: e.message, fix: "fix the setting" }];
  }
  if (settings.services.size === 0)
    return [
      {
        kind: "credentials",
        status: "fail",
        subject: "endpoint",
        message: "layers.gcp.endpointOnly is set and no endpoint is given: nothing would be read",
        fix: `set ${ENDPOINT_ENV} (or layers.gcp.endpoint) to the endpoint serving the recordings, or remove endpointOnly to read Google Cloud with credentials`
      }
    ];
  const scanned = [...settings.services];
  const withDoctor = resolveSettings({ ...config, services: [.../* @__PURE__ */ new Set([...scanned, ...DOCTOR_APIS])] }, ctx.expectations);
  const transport = await GcpTransport.create(withDoctor, ctx.log ? (m) => ctx.log?.("debug", m) : void 0);
  const checks = [];
  const emulated = scanned.filter((s) => transport.emulated(s));
  if (emulated.length === scanned.length) {
    const urls = [...new Set(emulated.map((s) => settings.endpoints[s].origin))];
    checks.push({
      kind: "credentials",
      status: "ok",
      subject: "endpoint",
      message: `every API is read from ${urls.join(", ")} without credentials`
    });
  } else {
    const problem = await transport.credentialsProblem();
    if (problem)
      return [
        {
          kind: "credentials",
          status: "fail",
          subject: "Application Default Credentials",
          message: `none found: ${problem.detail}`,
          fix: "run `gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS to a key file, or run on a workload whose Kubernetes service account is bound through Workload Identity"
        }
      ];
    checks.push({ kind: "credentials", status: "ok", subject: "Application Default Credentials", message: "found" });
  }
  if (settings.quotaProject)
    checks.push({
      kind: "credentials",
      status: "ok",
      subject: "quota project",
      message: `every call bills quota to ${settings.quotaProject} (x-goog-user-project)`
    });
  const limiter = new Limiter(settings.concurrency);
  const policy = { timeoutMs: settings.timeoutMs, retries: Math.min(settings.retries, 2), retryBudgetMs: 1e4 };
  const read = (fn) => callWithPolicy(limiter, policy, fn);
  for (const project of settings.projects) {
    if (!withDoctor.services.has("serviceusage")) {
      checks.push({
        kind: "apis",
        status: "skip",
        subject: `APIs of ${project}`,
        message: "Service Usage is not read (endpointOnly without an endpoint for it)"
      });
    } else {
      try {
        const enabled = new Set((await paginate(async (token) => {
          const page = obj(await read(() => transport.call("serviceusage.services.list", { project }, { filter: "state:ENABLED", pageSize: 200, pageToken: token })));
          return { items: objs(page?.services), next: str(page?.nextPageToken) ?? null };
        })).map((s) => str(obj(s.config)?.name) ?? str(s.name)?.split("/").pop()).filter((n) => Boolean(n)));
        const missing = scanned.filter((s) => !enabled.has(`${s}.googleapis.com`));
        if (missing.length === 0)
          checks.push({
            kind: "apis",
            status: "ok",
            subject: `APIs of ${project}`,
            message: `all ${scanned.length} APIs the scan reads are enabled`
          });
        for (const s of missing)
          checks.push({
            kind: "apis",
            status: "fail",
            subject: `${s}.googleapis.com in ${project}`,
            message: "not enabled: every rule reading it would give an error verdict",
            fix: `\`gcloud services enable ${s}.googleapis.com --project=${project}\`, or leave "${s}" out of layers.gcp.services`
          });
      } catch (e) {
        const err = classify(e);
        checks.push(err.kind === "quota-project" ? missingQuotaProject(project, "serviceusage.googleapis.com services.list", err) : err.kind === "service-disabled" ? {
          kind: "apis",
          status: "fail",
          subject: `serviceusage.googleapis.com in ${project}`,
          message: `Service Usage is not enabled, so the enabled APIs cannot be listed (${err.detail})`,
          fix: `\`gcloud services enable serviceusage.googleapis.com --project=${project}\``
        } : failedCall(`APIs of ${project}`, "serviceusage.googleapis.com services.list", err, "grant serviceusage.services.list (roles/serviceusage.serviceUsageViewer) to the identity the scan runs as"));
      }
    }
    const calls = Object.values(gcpApiCalls()).filter((c) => settings.services.has(c.service));
    const wanted = [...new Set(calls.map((c) => c.permission))].sort();
    if (!withDoctor.services.has("cloudresourcemanager")) {
      checks.push({
        kind: "permissions",
        status: "skip",
        subject: `IAM permissions on ${project}`,
        message: "Resource Manager is not read (endpointOnly without an endpoint for it)"
      });
      continue;
    }
    try {
      const held = /* @__PURE__ */ new Set();
      for (let i = 0; i < wanted.length; i += PERMISSIONS_PER_REQUEST) {
        const answer = obj(await read(() => transport.call("cloudresourcemanager.projects.testIamPermissions", { project }, {}, { permissions: wanted.slice(i, i + PERMISSIONS_PER_REQUEST) })));
        for (const p of Array.isArray(answer?.permissions) ? answer.permissions : [])
          if (typeof p === "string")
            held.add(p);
      }
      const missing = wanted.filter((p) => !held.has(p));
      if (missing.length === 0)
        checks.push({
          kind: "permissions",
          status: "ok",
          subject: `IAM permissions on ${project}`,
          message: `all ${wanted.length} permissions of docs/gcp-permissions.md are held`
        });
      const roles = /* @__PURE__ */ new Map();
      for (const p of missing) {
        const role = calls.find((c) => c.permission === p).role;
        roles.set(role, [...roles.get(role) ?? [], p]);
      }
      for (const [role, permissions] of [...roles].sort(([a], [b]) => a < b ? -1 : 1))
        checks.push({
          kind: "permissions",
          status: "fail",
          subject: `${permissions.join(", ")} on ${project}`,
          message: "not held: the rules needing it would give error verdicts",
          fix: `\`gcloud projects add-iam-policy-binding ${project} --role=${role} --member=<the scan's identity>\` (or a custom role with these permissions; see docs/gcp-permissions.md)`
        });
    } catch (e) {
      const err = classify(e);
      checks.push(err.kind === "quota-project" ? missingQuotaProject(project, "cloudresourcemanager.googleapis.com projects.testIamPermissions", err) : err.kind === "service-disabled" ? {
        kind: "apis",
        status: "fail",
        subject: `cloudresourcemanager.googleapis.com in ${project}`,
        message: `Resource Manager is not enabled, so permissions cannot be tested (${err.detail})`,
        fix: `\`gcloud services enable cloudresourcemanager.googleapis.com --project=${project}\``
      } : failedCall(`IAM permissions on ${project}`, "cloudresourcemanager.googleapis.com projects.testIamPermissions", err, "check layers.gcp.projects; testIamPermissions needs no permission of its own, so a denial means the project is not visible to this identity"));
    }
  }
  return checks;
}
export {
  diagnoseGcp
};
