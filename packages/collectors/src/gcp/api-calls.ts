/**
 * Every Google Cloud API method the gcp collector calls: all reads (list, get, getIamPolicy). The table
 * names the IAM permission each needs and a predefined role that holds it; problem messages quote it and
 * `docs/gcp-permissions.md` is generated from it.
 */
import type { FacetName, GcpService } from '@coditect-audit/core';

export interface GcpApiCall {
  service: GcpService;
  /** REST method, e.g. `instances.list`. */
  method: string;
  http: 'GET' | 'POST';
  /** REST path template. */
  path: string;
  permission: string;
  /** A predefined role that grants the permission without any write access. */
  role: string;
  /** Facets filled from the call's answer. */
  facets: FacetName[];
}

export const GCP_API_CALLS = {
  'sqladmin.instances.list': {
    service: 'sqladmin',
    method: 'instances.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances',
    permission: 'cloudsql.instances.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql'],
  },
  'sqladmin.databases.list': {
    service: 'sqladmin',
    method: 'databases.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/databases',
    permission: 'cloudsql.databases.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-databases'],
  },
  'sqladmin.users.list': {
    service: 'sqladmin',
    method: 'users.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/users',
    permission: 'cloudsql.users.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-users'],
  },
  'sqladmin.backupRuns.list': {
    service: 'sqladmin',
    method: 'backupRuns.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/backupRuns',
    permission: 'cloudsql.backupRuns.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-backup-runs'],
  },
  'redis.instances.list': {
    service: 'redis',
    method: 'projects.locations.instances.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/instances',
    permission: 'redis.instances.list',
    role: 'roles/redis.viewer',
    facets: ['gcp.redis'],
  },
  'cloudkms.keyRings.list': {
    service: 'cloudkms',
    method: 'keyRings.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings',
    permission: 'cloudkms.keyRings.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.list': {
    service: 'cloudkms',
    method: 'cryptoKeys.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys',
    permission: 'cloudkms.cryptoKeys.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeyVersions.list': {
    service: 'cloudkms',
    method: 'cryptoKeyVersions.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}/cryptoKeyVersions',
    permission: 'cloudkms.cryptoKeyVersions.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.getIamPolicy': {
    service: 'cloudkms',
    method: 'cryptoKeys.getIamPolicy',
    http: 'POST',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}:getIamPolicy',
    permission: 'cloudkms.cryptoKeys.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.kms-iam'],
  },
  'secretmanager.secrets.list': {
    service: 'secretmanager',
    method: 'secrets.list',
    http: 'GET',
    path: '/v1/projects/{project}/secrets',
    permission: 'secretmanager.secrets.list',
    role: 'roles/secretmanager.viewer',
    facets: ['gcp.secretmanager'],
  },
  'artifactregistry.repositories.list': {
    service: 'artifactregistry',
    method: 'repositories.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories',
    permission: 'artifactregistry.repositories.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry'],
  },
  'artifactregistry.repositories.getIamPolicy': {
    service: 'artifactregistry',
    method: 'repositories.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}:getIamPolicy',
    permission: 'artifactregistry.repositories.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.artifactregistry-iam'],
  },
  'artifactregistry.dockerImages.list': {
    service: 'artifactregistry',
    method: 'dockerImages.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}/dockerImages',
    permission: 'artifactregistry.dockerimages.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry-images'],
  },
  'serviceusage.services.list': {
    service: 'serviceusage',
    method: 'services.list',
    http: 'GET',
    path: '/v1/projects/{project}/services?filter=state:ENABLED',
    permission: 'serviceusage.services.list',
    role: 'roles/serviceusage.serviceUsageViewer',
    facets: ['gcp.services'],
  },
  'container.clusters.list': {
    service: 'container',
    method: 'projects.locations.clusters.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/clusters',
    permission: 'container.clusters.list',
    role: 'roles/container.clusterViewer',
    facets: ['gcp.gke'],
  },
  'monitoring.alertPolicies.list': {
    service: 'monitoring',
    method: 'alertPolicies.list',
    http: 'GET',
    path: '/v3/projects/{project}/alertPolicies',
    permission: 'monitoring.alertPolicies.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring'],
  },
  'monitoring.uptimeCheckConfigs.list': {
    service: 'monitoring',
    method: 'uptimeCheckConfigs.list',
    http: 'GET',
    path: '/v3/projects/{project}/uptimeCheckConfigs',
    permission: 'monitoring.uptimeCheckConfigs.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring-uptime'],
  },
  'compute.sslCertificates.list': {
    service: 'compute',
    method: 'sslCertificates.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/sslCertificates',
    permission: 'compute.sslCertificates.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-ssl'],
  },
  'compute.securityPolicies.list': {
    service: 'compute',
    method: 'securityPolicies.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/securityPolicies',
    permission: 'compute.securityPolicies.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
  'compute.backendServices.list': {
    service: 'compute',
    method: 'backendServices.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/backendServices',
    permission: 'compute.backendServices.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
  'cloudresourcemanager.projects.get': {
    service: 'cloudresourcemanager',
    method: 'projects.get',
    http: 'GET',
    path: '/v3/projects/{project}',
    permission: 'resourcemanager.projects.get',
    role: 'roles/browser',
    facets: ['gcp.iam'],
  },
  'cloudresourcemanager.projects.getIamPolicy': {
    service: 'cloudresourcemanager',
    method: 'projects.getIamPolicy',
    http: 'POST',
    path: '/v3/projects/{project}:getIamPolicy',
    permission: 'resourcemanager.projects.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam'],
  },
  'iam.serviceAccounts.getIamPolicy': {
    service: 'iam',
    method: 'projects.serviceAccounts.getIamPolicy',
    http: 'POST',
    path: '/v1/projects/{project}/serviceAccounts/{email}:getIamPolicy',
    permission: 'iam.serviceAccounts.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam-service-accounts'],
  },
  'identitytoolkit.projects.getConfig': {
    service: 'identitytoolkit',
    method: 'projects.getConfig',
    http: 'GET',
    path: '/v2/projects/{project}/config',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
  'identitytoolkit.defaultSupportedIdpConfigs.list': {
    service: 'identitytoolkit',
    method: 'projects.defaultSupportedIdpConfigs.list',
    http: 'GET',
    path: '/v2/projects/{project}/defaultSupportedIdpConfigs',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
} as const satisfies Record<string, GcpApiCall>;

export type GcpApiCallId = keyof typeof GCP_API_CALLS;

/** The facets each API fills, so a service left out of `layers.gcp.services` marks exactly those absent. */
export function facetsOfService(service: GcpService): FacetName[] {
  const out = new Set<FacetName>();
  for (const c of Object.values(GCP_API_CALLS) as GcpApiCall[])
    if (c.service === service) for (const f of c.facets) out.add(f);
  return [...out];
}
