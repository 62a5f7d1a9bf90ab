import {
  K8S_DISCOVERY_PATHS,
  K8S_RESOURCE_TYPES,
  K8S_RESOURCE_VERBS
} from "./chunk-chunk-CGOZUHLJ.js";

// packages/collectors/dist/k8s/rbac.js
var RBAC_NAMESPACE = "coditect-audit";
var RBAC_NAME = "coditect-audit-reader";
var RBAC_SECRETS_NAME = "coditect-audit-secrets-reader";
function rulesOf(types) {
  const byGroup = /* @__PURE__ */ new Map();
  for (const t of types) {
    const set = byGroup.get(t.group) ?? /* @__PURE__ */ new Set();
    set.add(t.resource);
    byGroup.set(t.group, set);
  }
  return [...byGroup.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([group, resources]) => ({
    apiGroups: [group],
    resources: [...resources].sort(),
    verbs: [...K8S_RESOURCE_VERBS]
  }));
}
function rbacRules() {
  return rulesOf(K8S_RESOURCE_TYPES.filter((t) => !t.holdsSecretValues));
}
function rbacSecretRules() {
  return rulesOf(K8S_RESOURCE_TYPES.filter((t) => t.holdsSecretValues));
}
var quote = (s) => JSON.stringify(s);
var list = (items) => `[${items.map(quote).join(", ")}]`;
var yamlRules = (rules) => rules.map((r) => `  - apiGroups: ${list(r.apiGroups)}
    resources: ${list(r.resources)}
    verbs: ${list(r.verbs)}`).join("\n");
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
function rbacManifest(options) {
  const namespaces = [...new Set(options.secretNamespaces)].sort();
  for (const ns of namespaces)
    if (!DNS_LABEL.test(ns))
      throw new Error(`"${ns}" is not a Kubernetes namespace name (a DNS label)`);
  const perNamespace = namespaces.map((ns) => `---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${RBAC_SECRETS_NAME}
  namespace: ${ns}
rules:
${yamlRules(rbacSecretRules())}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${RBAC_SECRETS_NAME}
  namespace: ${ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${RBAC_SECRETS_NAME}
subjects:
  - kind: ServiceAccount
    name: ${RBAC_NAMESPACE}
    namespace: ${RBAC_NAMESPACE}
`).join("");
  return `# Generated from packages/collectors/src/k8s/resources.ts${options.source ? ` and ${options.source}` : ""} by \`pnpm docs\`.
# Do not edit by hand; for other namespaces: coditect-audit rbac --config FILE --env ENV.
#
# Read-only access for \`coditect-audit scan\` (the k8s layer): "list" on the resources it reads and "get" on
# the discovery endpoints, nothing else. Secrets are listed only in the scanned namespaces
# (${namespaces.join(", ") || "none"}): a Role and RoleBinding in each. Listing Secrets returns their values: the
# collector classifies each value in memory (placeholder, example host, superuser name...) and keeps only
# key names and classes. Everything else is read cluster-wide (nodes and ClusterSecretStores have no namespace).
apiVersion: v1
kind: Namespace
metadata:
  name: ${RBAC_NAMESPACE}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${RBAC_NAMESPACE}
  namespace: ${RBAC_NAMESPACE}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${RBAC_NAME}
rules:
${yamlRules(rbacRules())}
  - nonResourceURLs: ${list(K8S_DISCOVERY_PATHS)}
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${RBAC_NAME}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${RBAC_NAME}
subjects:
  - kind: ServiceAccount
    name: ${RBAC_NAMESPACE}
    namespace: ${RBAC_NAMESPACE}
${perNamespace}`;
}

export {
  rbacRules,
  rbacSecretRules,
  rbacManifest
};
