/**
 * `deploy/rbac.yaml`: the least-privilege, read-only ClusterRole the k8s collector needs, with its
 * ServiceAccount and binding, rendered from the collector's own table of resources (`resources.ts`).
 */
import { K8S_DISCOVERY_PATHS, K8S_RESOURCE_TYPES, K8S_RESOURCE_VERBS } from './resources.js';

export const RBAC_NAMESPACE = 'coditect-audit';
export const RBAC_NAME = 'coditect-audit-reader';

export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** One rule per API group, groups and resources sorted, so the output is stable. */
export function rbacRules(): RbacRule[] {
  const byGroup = new Map<string, Set<string>>();
  for (const t of K8S_RESOURCE_TYPES) {
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

const quote = (s: string) => JSON.stringify(s);
const list = (items: readonly string[]) => `[${items.map(quote).join(', ')}]`;

/** The manifest text of `deploy/rbac.yaml`. */
export function rbacManifest(): string {
  const rules = rbacRules()
    .map((r) => `  - apiGroups: ${list(r.apiGroups)}\n    resources: ${list(r.resources)}\n    verbs: ${list(r.verbs)}`)
    .join('\n');
  return `# Generated from packages/collectors/src/k8s/resources.ts by \`pnpm docs\`. Do not edit by hand.
#
# Read-only access for \`coditect-audit scan\` (the k8s layer): "list" on the resources it reads and "get" on
# the discovery endpoints, nothing else. Listing Secrets returns their values: the collector classifies
# each value in memory (placeholder, example host, superuser name...) and keeps only key names and classes.
# To read some namespaces only (layers.k8s.namespaces), bind the ClusterRole with a RoleBinding in each of
# them instead of the ClusterRoleBinding; nodes and ClusterSecretStores still need the cluster scope.
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
${rules}
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
`;
}
