/**
 * What the gcp-layer rules share: stable resource identities for live Google Cloud resources (with the
 * OpenTofu declaration they would have, so findings point at the `.tf` block when the repository has one),
 * "was this scope read?" checks, IAM membership, and small facts (read replicas, node architectures).
 */
import {
  declarationKey,
  type GcpArRepository,
  type GcpGkeCluster,
  type GcpIamPolicy,
  type GcpKmsKey,
  type GcpRedisInstance,
  type GcpSqlInstance,
  type Resource,
} from '@coditect-audit/core';
import {
  gkeClusterResource,
  gkeNodePoolResource,
  kmsKeyResource,
  redisInstanceResource,
  secretManagerSecretResource,
  sqlInstanceResource,
} from '@coditect-audit/core/views';

const tf = (type: string, name: string) => declarationKey({ layer: 'tf', type, name });

export const gcpResource = {
  project: (project: string): Resource => ({ id: `gcp:project/${project}`, kind: 'GcpProject', name: project }),
  sqlInstance: (i: { project: string; name: string }): Resource => sqlInstanceResource(i),
  sqlDatabase: (project: string, instance: string, database: string): Resource => ({
    id: `gcp:sql/${project}/${instance}/databases/${database}`,
    kind: 'CloudSqlDatabase',
    name: `${instance}/${database}`,
    declaredAs: tf('google_sql_database', database),
  }),
  sqlUser: (project: string, instance: string, user: string): Resource => ({
    id: `gcp:sql/${project}/${instance}/users/${user}`,
    kind: 'CloudSqlUser',
    name: `${instance}/${user}`,
    declaredAs: tf('google_sql_user', user),
  }),
  redis: (i: { project: string; location: string; name: string }): Resource => redisInstanceResource(i),
  kmsKey: (project: string, location: string, keyRing: string, key: string): Resource =>
    kmsKeyResource(project, location, keyRing, key),
  arRepository: (project: string, location: string, name: string): Resource => ({
    id: `gcp:artifactregistry/${project}/${location}/${name}`,
    kind: 'ArtifactRegistryRepository',
    name,
    declaredAs: tf('google_artifact_registry_repository', name),
  }),
  cluster: (c: { project: string; location: string; name: string }): Resource => gkeClusterResource(c),
  nodePool: (c: { project: string; location: string; name: string }, pool: string): Resource =>
    gkeNodePoolResource(c, pool),
  secret: (project: string, name: string): Resource => secretManagerSecretResource(project, name),
  serviceAccount: (email: string): Resource => ({
    id: `gcp:serviceaccount/${email}`,
    kind: 'ServiceAccount',
    name: email,
    declaredAs: tf('google_service_account', email.split('@')[0] ?? email),
  }),
  api: (project: string, service: string): Resource => ({
    id: `gcp:service/${project}/${service}`,
    kind: 'GoogleApi',
    name: service,
    declaredAs: tf('google_project_service', service),
  }),
  certificateFor: (project: string, domain: string): Resource => ({
    id: `gcp:certificate/${project}/${domain}`,
    kind: 'TlsCertificate',
    name: domain,
  }),
  backendService: (project: string, name: string): Resource => ({
    id: `gcp:backendservice/${project}/${name}`,
    kind: 'BackendService',
    name,
  }),
  alertSignal: (project: string, signal: string): Resource => ({
    id: `gcp:alert-signal/${project}/${signal}`,
    kind: 'AlertSignal',
    name: signal,
  }),
};

/** Whether a facet read the scope completely (`projects/P` also covers its locations). */
export function wasRead(read: readonly string[], scope: string): boolean {
  return read.some((r) => r === scope || scope.startsWith(`${r}/`));
}

export { READ_REPLICA, replicaOf } from '@coditect-audit/core/views';

/** Members holding one of `roles` in the policy (conditional bindings included, with their condition). */
export function holders(policy: GcpIamPolicy | undefined, roles: readonly string[]): string[] {
  return [...new Set((policy?.bindings ?? []).filter((b) => roles.includes(b.role)).flatMap((b) => b.members))];
}

/** The roles the policy grants to `member` (case-insensitive on the member). */
export function rolesOf(policy: GcpIamPolicy | undefined, member: string): string[] {
  const wanted = member.toLowerCase();
  return (policy?.bindings ?? []).filter((b) => b.members.some((m) => m.toLowerCase() === wanted)).map((b) => b.role);
}

export const PUBLIC_PRINCIPALS = ['allUsers', 'allAuthenticatedUsers'];

/**
 * The CPU architecture of a Compute Engine machine type: Tau T2A and Axion (C4A, N4A) families are Arm;
 * every other family is x86-64.
 */
export function machineArchitecture(machineType: string | undefined): 'arm64' | 'amd64' | undefined {
  if (!machineType) return undefined;
  return /^(t2a|c4a|n4a)-/i.test(machineType) ? 'arm64' : 'amd64';
}

/**
 * The service account GKE nodes of a pool run as: `default` (or nothing) is the project's Compute Engine
 * default account, `<number>-compute@developer.gserviceaccount.com`; undefined when the number is unknown.
 */
export function nodeServiceAccount(
  reported: string | undefined,
  projectNumber: string | undefined,
): string | undefined {
  if (reported && reported !== 'default') return reported;
  return projectNumber ? `${projectNumber}-compute@developer.gserviceaccount.com` : undefined;
}

/** Labels that say a resource is managed by OpenTofu/Terraform. */
export function iacLabel(labels: Record<string, string>): string | undefined {
  if (labels['goog-terraform-provisioned'] === 'true') return 'goog-terraform-provisioned=true';
  const managedBy = labels['managed-by'] ?? labels.managed_by;
  if (managedBy && /^(opentofu|tofu|terraform)$/i.test(managedBy)) return `managed-by=${managedBy}`;
  return undefined;
}

export type LabelledResource =
  | { kind: 'sql'; item: GcpSqlInstance }
  | { kind: 'redis'; item: GcpRedisInstance }
  | { kind: 'kms'; item: GcpKmsKey; project: string; location: string; keyRing: string }
  | { kind: 'ar'; item: GcpArRepository }
  | { kind: 'gke'; item: GcpGkeCluster };
