/**
 * Every Google Cloud API method the gcp collector calls: all reads (list, get, getIamPolicy), each with the
 * verb, path and query parameters Google declares for it (a test checks them against the bindings generated
 * from the pinned clients). The calls made without an official client (`transport.call`) are sent exactly
 * from this table. It names the IAM permission each needs and a predefined role that holds it; problem
 * messages quote it and `docs/gcp-permissions.md` is generated from it.
 */
import type { FacetName, GcpService } from '@coditect-audit/core';

export interface GcpApiCall {
  service: GcpService;
  /** REST method, e.g. `instances.list`. */
  method: string;
  http: 'GET' | 'POST';
  /** REST path template; `{name}` is one path segment. */
  path: string;
  /** Query parameters the collector sends (besides paging and the clients' `$alt`). */
  query?: readonly string[];
  /** Sent through the official client, or as a declared REST call through google-auth-library. */
  via: 'client' | 'rest';
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
    via: 'client',
    permission: 'cloudsql.instances.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql'],
  },
  'sqladmin.databases.list': {
    service: 'sqladmin',
    method: 'databases.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/databases',
    via: 'client',
    permission: 'cloudsql.databases.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-databases'],
  },
  'sqladmin.users.list': {
    service: 'sqladmin',
    method: 'users.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/users',
    via: 'client',
    permission: 'cloudsql.users.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-users'],
  },
  'sqladmin.backupRuns.list': {
    service: 'sqladmin',
    method: 'backupRuns.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/backupRuns',
    via: 'client',
    permission: 'cloudsql.backupRuns.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-backup-runs'],
  },
  'redis.instances.list': {
    service: 'redis',
    method: 'projects.locations.instances.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/instances',
    via: 'client',
    permission: 'redis.instances.list',
    role: 'roles/redis.viewer',
    facets: ['gcp.redis'],
  },
  'cloudkms.keyRings.list': {
    service: 'cloudkms',
    method: 'keyRings.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings',
    via: 'client',
    permission: 'cloudkms.keyRings.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.list': {
    service: 'cloudkms',
    method: 'cryptoKeys.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys',
    via: 'client',
    permission: 'cloudkms.cryptoKeys.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeyVersions.list': {
    service: 'cloudkms',
    method: 'cryptoKeyVersions.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}/cryptoKeyVersions',
    via: 'client',
    permission: 'cloudkms.cryptoKeyVersions.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.getIamPolicy': {
    service: 'cloudkms',
    method: 'cryptoKeys.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'cloudkms.cryptoKeys.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.kms-iam'],
  },
  'cloudkms.keyRings.getIamPolicy': {
    service: 'cloudkms',
    method: 'keyRings.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'cloudkms.keyRings.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.kms-iam'],
  },
  'secretmanager.secrets.list': {
    service: 'secretmanager',
    method: 'secrets.list',
    http: 'GET',
    path: '/v1/projects/{project}/secrets',
    via: 'client',
    permission: 'secretmanager.secrets.list',
    role: 'roles/secretmanager.viewer',
    facets: ['gcp.secretmanager'],
  },
  'artifactregistry.repositories.list': {
    service: 'artifactregistry',
    method: 'repositories.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories',
    via: 'client',
    permission: 'artifactregistry.repositories.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry'],
  },
  'artifactregistry.repositories.getIamPolicy': {
    service: 'artifactregistry',
    method: 'repositories.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}:getIamPolicy',
    via: 'client',
    permission: 'artifactregistry.repositories.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.artifactregistry-iam'],
  },
  'artifactregistry.dockerImages.list': {
    service: 'artifactregistry',
    method: 'dockerImages.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}/dockerImages',
    via: 'client',
    permission: 'artifactregistry.dockerimages.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry-images'],
  },
  'serviceusage.services.list': {
    service: 'serviceusage',
    method: 'services.list',
    http: 'GET',
    path: '/v1/projects/{project}/services',
    query: ['filter'],
    via: 'client',
    permission: 'serviceusage.services.list',
    role: 'roles/serviceusage.serviceUsageViewer',
    facets: ['gcp.services'],
  },
  'container.clusters.list': {
    service: 'container',
    method: 'projects.locations.clusters.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/clusters',
    via: 'client',
    permission: 'container.clusters.list',
    role: 'roles/container.clusterViewer',
    facets: ['gcp.gke'],
  },
  'monitoring.alertPolicies.list': {
    service: 'monitoring',
    method: 'alertPolicies.list',
    http: 'GET',
    path: '/v3/projects/{project}/alertPolicies',
    via: 'client',
    permission: 'monitoring.alertPolicies.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring'],
  },
  'monitoring.uptimeCheckConfigs.list': {
    service: 'monitoring',
    method: 'uptimeCheckConfigs.list',
    http: 'GET',
    path: '/v3/projects/{project}/uptimeCheckConfigs',
    via: 'client',
    permission: 'monitoring.uptimeCheckConfigs.list',
    role: 'roles/monitoring.viewer',
    facets: ['gcp.monitoring-uptime'],
  },
  'compute.sslCertificates.list': {
    service: 'compute',
    method: 'sslCertificates.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/sslCertificates',
    via: 'rest',
    permission: 'compute.sslCertificates.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-ssl'],
  },
  'compute.securityPolicies.list': {
    service: 'compute',
    method: 'securityPolicies.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/securityPolicies',
    via: 'rest',
    permission: 'compute.securityPolicies.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
  'compute.backendServices.list': {
    service: 'compute',
    method: 'backendServices.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/backendServices',
    via: 'rest',
    permission: 'compute.backendServices.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
  'cloudresourcemanager.projects.get': {
    service: 'cloudresourcemanager',
    method: 'projects.get',
    http: 'GET',
    path: '/v3/projects/{project}',
    via: 'client',
    permission: 'resourcemanager.projects.get',
    role: 'roles/browser',
    facets: ['gcp.iam'],
  },
  'cloudresourcemanager.projects.getIamPolicy': {
    service: 'cloudresourcemanager',
    method: 'projects.getIamPolicy',
    http: 'POST',
    path: '/v3/projects/{project}:getIamPolicy',
    via: 'client',
    permission: 'resourcemanager.projects.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam'],
  },
  'iam.serviceAccounts.getIamPolicy': {
    service: 'iam',
    method: 'projects.serviceAccounts.getIamPolicy',
    http: 'POST',
    path: '/v1/projects/{project}/serviceAccounts/{email}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'iam.serviceAccounts.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam-service-accounts'],
  },
  'identitytoolkit.projects.getConfig': {
    service: 'identitytoolkit',
    method: 'projects.getConfig',
    http: 'GET',
    path: '/v2/projects/{project}/config',
    via: 'rest',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
  'identitytoolkit.defaultSupportedIdpConfigs.list': {
    service: 'identitytoolkit',
    method: 'projects.defaultSupportedIdpConfigs.list',
    http: 'GET',
    path: '/v2/projects/{project}/defaultSupportedIdpConfigs',
    via: 'rest',
    permission: 'firebaseauth.configs.get',
    role: 'roles/firebaseauth.viewer',
    facets: ['gcp.identity'],
  },
} as const satisfies Record<string, GcpApiCall>;

export type GcpApiCallId = keyof typeof GCP_API_CALLS;

/** Calls only `coditect-audit doctor` makes, besides the table above. */
export const GCP_DOCTOR_CALLS = {
  'cloudresourcemanager.projects.testIamPermissions': {
    service: 'cloudresourcemanager',
    method: 'projects.testIamPermissions',
    http: 'POST',
    path: '/v3/projects/{project}:testIamPermissions',
    via: 'rest',
    permission: '(none: it only asks which permissions the caller holds)',
    role: '(none)',
    facets: [],
  },
} as const satisfies Record<string, GcpApiCall>;

export type GcpDoctorCallId = keyof typeof GCP_DOCTOR_CALLS;

/** The facets each API fills, so a service left out of `layers.gcp.services` marks exactly those absent. */
export function facetsOfService(service: GcpService): FacetName[] {
  const out = new Set<FacetName>();
  for (const c of Object.values(GCP_API_CALLS) as GcpApiCall[])
    if (c.service === service) for (const f of c.facets) out.add(f);
  return [...out];
}
