import {
  ObjectAuthorizationV1Api,
  ObjectVersionApi
} from "./chunk-chunk-ICYYECOJ.js";
import {
  ConnectionError,
  RequestFailure,
  closeConnections,
  connect,
  makeClient,
  withRetries
} from "./chunk-chunk-6YFVM7WK.js";
import "./chunk-chunk-2DVRRGBZ.js";
import {
  rbacRules,
  rbacSecretRules
} from "./chunk-chunk-V7OLLUIR.js";
import {
  K8S_DISCOVERY_PATHS,
  K8S_RESOURCE_TYPES
} from "./chunk-chunk-CGOZUHLJ.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/k8s/doctor.js
var APPLY_RBAC = "apply the read-only ClusterRole and binding: `kubectl apply -f deploy/rbac.yaml` (bind the identity the scan runs as; `coditect-audit rbac --env <env>` renders it for your namespaces)";
function reviews(namespaces) {
  const out = [];
  for (const rule of [...rbacRules(), ...rbacSecretRules()]) {
    for (const group of rule.apiGroups) {
      for (const resource of rule.resources) {
        const namespaced = K8S_RESOURCE_TYPES.find((t) => t.group === group && t.resource === resource)?.namespaced;
        const scopes = namespaced && namespaces?.length ? namespaces : [void 0];
        for (const verb of rule.verbs) {
          for (const ns of scopes) {
            const qualified = group ? `${resource}.${group}` : resource;
            out.push({
              subject: `${verb} ${qualified} ${ns ? `in ${ns}` : "in all namespaces"}`,
              attributes: {
                resourceAttributes: { verb, group, resource, ...ns ? { namespace: ns } : {} }
              }
            });
          }
        }
      }
    }
  }
  for (const path of K8S_DISCOVERY_PATHS)
    out.push({ subject: `get ${path}`, attributes: { nonResourceAttributes: { verb: "get", path } } });
  return out;
}
async function diagnoseK8s(ctx, options = {}) {
  const config = ctx.config ?? {};
  const context = ctx.overrides.k8sContext ?? config.context;
  const kubeconfig = ctx.overrides.kubeconfig ?? config.kubeconfig;
  const checks = [];
  let conn;
  try {
    conn = connect({
      root: ctx.root,
      ...kubeconfig ? { kubeconfig } : {},
      ...context ? { context } : {},
      ...options.env ? { env: options.env } : {},
      ...options.home ? { home: options.home } : {},
      ...options.serviceAccountToken ? { serviceAccountToken: options.serviceAccountToken } : {}
    });
  } catch (e) {
    if (!(e instanceof ConnectionError))
      throw e;
    return [{ kind: "credentials", status: "fail", subject: "Kubernetes credentials", message: e.message, fix: e.fix }];
  }
  checks.push({ kind: "credentials", status: "ok", subject: "Kubernetes credentials", message: conn.source });
  try {
    return await reachAndReview(conn, ctx, options, checks);
  } finally {
    closeConnections(conn);
  }
}
async function reachAndReview(conn, ctx, options, checks) {
  const config = ctx.config ?? {};
  const timeoutMs = config.timeoutMs ?? 15e3;
  const policy = { retries: 1, timeoutMs, backoffMs: options.backoffMs ?? 250 };
  const log = ctx.log ? (m) => ctx.log?.("debug", m) : void 0;
  try {
    const version = await withRetries(() => makeClient(conn, ObjectVersionApi, timeoutMs, log).getCode(), policy);
    checks.push({
      kind: "reachable",
      status: "ok",
      subject: `API server ${conn.server}`,
      message: `answers (Kubernetes ${version.gitVersion})`
    });
  } catch (e) {
    if (!(e instanceof RequestFailure))
      throw e;
    if (e.reason !== "permission-denied") {
      checks.push({
        kind: "reachable",
        status: "fail",
        subject: `API server ${conn.server}`,
        message: `GET /version: ${e.message}`,
        fix: e.reason === "unauthenticated" ? `renew the credentials of ${conn.source} (gcloud container clusters get-credentials ...)` : `check that ${conn.server} is reachable from here (VPN, authorized networks, private endpoint), or raise layers.k8s.timeoutMs`
      });
      return checks;
    }
    checks.push({ kind: "reachable", status: "ok", subject: `API server ${conn.server}`, message: "answers" });
  }
  const auth = makeClient(conn, ObjectAuthorizationV1Api, timeoutMs, log);
  const namespaces = config.namespaces ? [...new Set(config.namespaces)].sort() : void 0;
  const results = await Promise.all(reviews(namespaces).map(async (r) => {
    try {
      const answer = await withRetries(() => auth.createSelfSubjectAccessReview({
        body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: r.attributes }
      }), policy);
      return { review: r, allowed: answer.status?.allowed === true, reason: answer.status?.reason };
    } catch (e) {
      if (!(e instanceof RequestFailure))
        throw e;
      return { review: r, allowed: false, reason: `the review itself failed: ${e.message}` };
    }
  }));
  const denied = results.filter((r) => !r.allowed);
  if (denied.length === 0)
    checks.push({
      kind: "permissions",
      status: "ok",
      subject: "RBAC (SelfSubjectAccessReview)",
      message: `all ${results.length} accesses of deploy/rbac.yaml are allowed`
    });
  for (const d of denied)
    checks.push({
      kind: "permissions",
      status: "fail",
      subject: d.review.subject,
      message: `not allowed${d.reason ? ` (${d.reason})` : ""}`,
      fix: APPLY_RBAC
    });
  return checks;
}
export {
  diagnoseK8s
};
