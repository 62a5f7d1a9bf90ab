/**
 * Every Google Cloud API method the gcp collector calls: all reads (list, get, getIamPolicy), each with the
 * verb, path and query parameters Google declares for it (a test checks them against the bindings generated
 * from the pinned clients). The calls made without an official client (`transport.call`) are sent exactly
 * from this table. It names the IAM permission each needs and a predefined role that holds it; problem
 * messages quote it and `docs/gcp-permissions.md` is generated from it. Each reader declares its rows beside
 * its code (`services/<api>.ts`, `<API>_API_CALLS`): a new call is one module; a new API is listed here.
 */
import type { FacetName, GcpService } from '@coditect-audit/core';
import { SQL_API_CALLS } from './services/sql.js';
import { REDIS_API_CALLS } from './services/redis.js';
import { KMS_API_CALLS } from './services/kms.js';
import { SECRET_MANAGER_API_CALLS } from './services/secretmanager.js';
import { ARTIFACT_REGISTRY_API_CALLS } from './services/artifactregistry.js';
import { SERVICE_USAGE_API_CALLS } from './services/serviceusage.js';
import { GKE_API_CALLS } from './services/gke.js';
import { MONITORING_API_CALLS } from './services/monitoring.js';
import { COMPUTE_API_CALLS } from './services/compute.js';
import { RESOURCE_MANAGER_API_CALLS } from './services/resourcemanager.js';
import { IAM_API_CALLS } from './services/iam.js';
import { IDENTITY_API_CALLS } from './services/identity.js';

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

/**
 * The table, assembled from the rows each reader declares beside its code (`services/*.ts`), in this order.
 * Assembled on first use, not at load: the readers reach this module through `call.ts` and `context.ts`, so
 * whichever of them is imported first, no row is read before its module has run.
 */
type GcpApiCallTable = typeof SQL_API_CALLS &
  typeof REDIS_API_CALLS &
  typeof KMS_API_CALLS &
  typeof SECRET_MANAGER_API_CALLS &
  typeof ARTIFACT_REGISTRY_API_CALLS &
  typeof SERVICE_USAGE_API_CALLS &
  typeof GKE_API_CALLS &
  typeof MONITORING_API_CALLS &
  typeof COMPUTE_API_CALLS &
  typeof RESOURCE_MANAGER_API_CALLS &
  typeof IAM_API_CALLS &
  typeof IDENTITY_API_CALLS;

let table: GcpApiCallTable | undefined;

export function gcpApiCalls(): GcpApiCallTable {
  table ??= {
    ...SQL_API_CALLS,
    ...REDIS_API_CALLS,
    ...KMS_API_CALLS,
    ...SECRET_MANAGER_API_CALLS,
    ...ARTIFACT_REGISTRY_API_CALLS,
    ...SERVICE_USAGE_API_CALLS,
    ...GKE_API_CALLS,
    ...MONITORING_API_CALLS,
    ...COMPUTE_API_CALLS,
    ...RESOURCE_MANAGER_API_CALLS,
    ...IAM_API_CALLS,
    ...IDENTITY_API_CALLS,
  };
  return table;
}

export type GcpApiCallId = keyof GcpApiCallTable;

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
  for (const c of Object.values(gcpApiCalls()) as GcpApiCall[])
    if (c.service === service) for (const f of c.facets) out.add(f);
  return [...out];
}
