/**
 * `deploy/rbac.yaml`: the least-privilege, read-only RBAC the k8s collector needs, rendered from the
 * collector's own table of resources (`resources.ts`): a ClusterRole to list everything but Secrets
 * cluster-wide, and, in each namespace the scan is configured for (layers.k8s.namespaces), a Role to list
 * Secrets there. Secret values are readable nowhere else.
 */
import { K8S_DISCOVERY_PATHS, K8S_RESOURCE_TYPES, K8S_RESOURCE_VERBS, type K8sResourceType } from './resources.js';

export const RBAC_NAMESPACE = 'coditect-audit';
export const RBAC_NAME = 'coditect-audit-reader';
export const RBAC_SECRETS_NAME = 'coditect-audit-secrets-reader';

export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** One rule per API group, groups and resources sorted, so the output is stable. */
function rulesOf(types: readonly K8sResourceType[]): RbacRule[] {
  const byGroup = new Map<string, Set<string>>();
  for (const t of types) {
    const set = byGroup.get(t.group) ?? new Set<string>();
    set.add(t.resource);
    byGroup.set(t.group, set);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, resources]) => ({
      apiGroups: [group],
      resources: [...resources].sort(),
      verbs: [...K8S_RESOURCE_VERBS],
    }));
}

/** The ClusterRole's rules: every resource the collector lists, but those holding secret values. */
export function rbacRules(): RbacRule[] {
  return rulesOf(K8S_RESOURCE_TYPES.filter((t) => !t.holdsSecretValues));
}

/** The per-namespace Role's rules: the resources holding secret values. */
export function rbacSecretRules(): RbacRule[] {
  return rulesOf(K8S_RESOURCE_TYPES.filter((t) => t.holdsSecretValues));
}

const quote = (s: string) => JSON.stringify(s);
const list = (items: readonly string[]) => `[${items.map(quote).join(', ')}]`;
const yamlRules = (rules: RbacRule[]) =>
  rules
    .map((r) => `  - apiGroups: ${list(r.apiGroups)}\n    resources: ${list(r.resources)}\n    verbs: ${list(r.verbs)}`)
    .join('\n');

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface RbacOptions {
  /** Where Secrets may be listed: the scan's layers.k8s.namespaces. */
  secretNamespaces: readonly string[];
  /** Where the generated text says it came from. */
  source?: string;
}

/** The manifest text of `deploy/rbac.yaml` (or of `coditect-audit rbac` for another configuration). */
export function rbacManifest(options: RbacOptions): string {
  const namespaces = [...new Set(options.secretNamespaces)].sort();
  for (const ns of namespaces)
    if (!DNS_LABEL.test(ns)) throw new Error(`"${ns}" is not a Kubernetes namespace name (a DNS label)`);
  const perNamespace = namespaces
    .map(
      (ns) => `---
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
`,
    )
    .join('');
  return `# Generated from packages/collectors/src/k8s/resources.ts${options.source ? ` and ${options.source}` : ''} by \`pnpm docs\`.
# Do not edit by hand; for other namespaces: coditect-audit rbac --config FILE --env ENV.
#
# Read-only access for \`coditect-audit scan\` (the k8s layer): "list" on the resources it reads and "get" on
# the discovery endpoints, nothing else. Secrets are listed only in the scanned namespaces
# (${namespaces.join(', ') || 'none'}): a Role and RoleBinding in each. Listing Secrets returns their values: the
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
