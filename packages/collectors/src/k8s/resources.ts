/**
 * What the k8s collector reads, as data: every resource type with its API group, versions and facet.
 * The collector lists exactly these, and `deploy/rbac.yaml` (see `rbac.ts`) is generated from the same
 * table, so the permissions it asks for cannot drift from the calls it makes. Read-only: `list` on
 * resources, `get` on the discovery endpoints; nothing else.
 */
import type { FacetName } from '@coditect-audit/core';

export interface K8sResourceType {
  /** Facet the objects go to. */
  facet: FacetName;
  /** API group, `""` for the core group. */
  group: string;
  /** Versions to try, preferred first (a CRD may serve only an older one). */
  versions: readonly string[];
  /** Plural resource name, as in the REST path and in RBAC rules. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Served by a CustomResourceDefinition: absent from a cluster without it, which is not an error. */
  crd?: { installedBy: string };
  /**
   * Listing it returns secret values: the generated RBAC grants it only in the namespaces the scan is
   * configured for (a Role and RoleBinding in each), never cluster-wide.
   */
  holdsSecretValues?: true;
}

/** The only verb the collector uses on resources. */
export const K8S_RESOURCE_VERBS = ['list'] as const;

export const K8S_RESOURCE_TYPES: readonly K8sResourceType[] = [
  {
    facet: 'k8s.deployments',
    group: 'apps',
    versions: ['v1'],
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
  },
  {
    facet: 'k8s.statefulsets',
    group: 'apps',
    versions: ['v1'],
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
  },
  {
    facet: 'k8s.daemonsets',
    group: 'apps',
    versions: ['v1'],
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
  },
  {
    facet: 'k8s.replicasets',
    group: 'apps',
    versions: ['v1'],
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
  },
  { facet: 'k8s.jobs', group: 'batch', versions: ['v1'], resource: 'jobs', kind: 'Job', namespaced: true },
  { facet: 'k8s.cronjobs', group: 'batch', versions: ['v1'], resource: 'cronjobs', kind: 'CronJob', namespaced: true },
  { facet: 'k8s.pods', group: '', versions: ['v1'], resource: 'pods', kind: 'Pod', namespaced: true },
  { facet: 'k8s.services', group: '', versions: ['v1'], resource: 'services', kind: 'Service', namespaced: true },
  {
    facet: 'k8s.secrets',
    group: '',
    versions: ['v1'],
    resource: 'secrets',
    kind: 'Secret',
    namespaced: true,
    holdsSecretValues: true,
  },
  { facet: 'k8s.configmaps', group: '', versions: ['v1'], resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  {
    facet: 'k8s.pvcs',
    group: '',
    versions: ['v1'],
    resource: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
  },
  {
    facet: 'k8s.serviceaccounts',
    group: '',
    versions: ['v1'],
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    namespaced: true,
  },
  { facet: 'k8s.nodes', group: '', versions: ['v1'], resource: 'nodes', kind: 'Node', namespaced: false },
  {
    facet: 'k8s.ingresses',
    group: 'networking.k8s.io',
    versions: ['v1'],
    resource: 'ingresses',
    kind: 'Ingress',
    namespaced: true,
  },
  {
    facet: 'k8s.managedcertificates',
    group: 'networking.gke.io',
    versions: ['v1'],
    resource: 'managedcertificates',
    kind: 'ManagedCertificate',
    namespaced: true,
    crd: { installedBy: 'GKE (Google-managed certificates for Ingress)' },
  },
  {
    facet: 'k8s.backendconfigs',
    group: 'cloud.google.com',
    versions: ['v1'],
    resource: 'backendconfigs',
    kind: 'BackendConfig',
    namespaced: true,
    crd: { installedBy: 'GKE (Ingress backend configuration)' },
  },
  {
    facet: 'k8s.externalsecrets',
    group: 'external-secrets.io',
    versions: ['v1', 'v1beta1'],
    resource: 'externalsecrets',
    kind: 'ExternalSecret',
    namespaced: true,
    crd: { installedBy: 'External Secrets Operator' },
  },
  {
    facet: 'k8s.externalsecrets',
    group: 'external-secrets.io',
    versions: ['v1', 'v1beta1'],
    resource: 'secretstores',
    kind: 'SecretStore',
    namespaced: true,
    crd: { installedBy: 'External Secrets Operator' },
  },
  {
    facet: 'k8s.externalsecrets',
    group: 'external-secrets.io',
    versions: ['v1', 'v1beta1'],
    resource: 'clustersecretstores',
    kind: 'ClusterSecretStore',
    namespaced: false,
    crd: { installedBy: 'External Secrets Operator' },
  },
];

/** Discovery endpoints read with `get` (the API server's version and the group versions it serves). */
export const K8S_DISCOVERY_PATHS = ['/api', '/api/*', '/apis', '/apis/*', '/version'] as const;

/**
 * Namespaces left out when `layers.k8s.namespaces` is not set: the control plane's and GKE's own.
 * `default` is kept: applications do end up there.
 */
export function isSystemNamespace(namespace: string): boolean {
  return (
    namespace === 'kube-system' ||
    namespace === 'kube-public' ||
    namespace === 'kube-node-lease' ||
    namespace.startsWith('gke-') ||
    namespace.startsWith('gmp-')
  );
}

/** `secrets` for the core group, `managedcertificates.networking.gke.io` otherwise: how RBAC and errors name it. */
export function qualifiedResource(t: Pick<K8sResourceType, 'group' | 'resource'>): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}
