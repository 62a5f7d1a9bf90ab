/**
 * `layers.gcp` resolved against the expectations and the environment: which projects, locations and APIs,
 * where each API is reached, and the limits of every call.
 */
import { type Expectations, GCP_SERVICES, type GcpLayerConfig, type GcpService } from '@coditect-audit/core';

/** Sends every Google Cloud call to this base URL, as plain REST without credentials. */
export const ENDPOINT_ENV = 'CODITECT_AUDIT_GCP_ENDPOINT';
/** The standard variables of Google's tools (gcloud, the client libraries). */
export const QUOTA_PROJECT_ENV = 'GOOGLE_CLOUD_QUOTA_PROJECT';
export const UNIVERSE_DOMAIN_ENV = 'GOOGLE_CLOUD_UNIVERSE_DOMAIN';
export const DEFAULT_UNIVERSE = 'googleapis.com';

export interface GcpSettings {
  /** Project ids: those given, and after `expandProjects` those under the folders and organisations too. */
  projects: string[];
  /** `folders/N` and `organizations/N` entries of layers.gcp.projects, listed before anything is read. */
  projectQueries: string[];
  /** Locations listed for KMS key rings. */
  kmsLocations: string[];
  /** Locations listed for Artifact Registry repositories. */
  registryLocations: string[];
  /** APIs to read: the configured ones, minus those without an endpoint when `endpointOnly` is set. */
  services: Set<GcpService>;
  /** APIs configured but not read because `endpointOnly` is set and they have no endpoint. */
  withoutEndpoint: GcpService[];
  /** Per API: the emulator/recording base URL, or absent for Google itself (with credentials). */
  endpoints: Partial<Record<GcpService, URL>>;
  /** Sent as `x-goog-user-project` on every call, when set. */
  quotaProject?: string;
  /** APIs are reached at `https://<service>.<universeDomain>`. */
  universeDomain: string;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  retryBudgetMs: number;
}

export class GcpSettingsError extends Error {
  override name = 'GcpSettingsError';
}

function parseEndpoint(value: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GcpSettingsError(`${where}: "${value}" is not a URL; use the form http://127.0.0.1:8085`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new GcpSettingsError(`${where}: "${value}" must start with http:// or https://`);
  if (url.pathname !== '/' || url.search)
    throw new GcpSettingsError(
      `${where}: "${value}" has a path or query; the clients call the public REST paths from the root, so give scheme, host and port only`,
    );
  return url;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function resolveSettings(
  config: GcpLayerConfig,
  expectations: Expectations,
  env: NodeJS.ProcessEnv = process.env,
): GcpSettings {
  const locations = config.locations ?? [expectations.region];
  const fromEnv = env[ENDPOINT_ENV]?.trim();
  const shared = fromEnv
    ? parseEndpoint(fromEnv, ENDPOINT_ENV)
    : config.endpoint
      ? parseEndpoint(config.endpoint, 'layers.gcp.endpoint')
      : undefined;
  const endpoints: Partial<Record<GcpService, URL>> = {};
  for (const service of GCP_SERVICES) {
    const own = config.endpoints?.[service];
    const url = own ? parseEndpoint(own, `layers.gcp.endpoints.${service}`) : shared;
    if (url) endpoints[service] = url;
  }
  const configured = [...(config.services ?? GCP_SERVICES)];
  const quotaProject = env[QUOTA_PROJECT_ENV]?.trim() || config.quotaProject;
  const universeDomain = env[UNIVERSE_DOMAIN_ENV]?.trim() || config.universeDomain || DEFAULT_UNIVERSE;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(universeDomain))
    throw new GcpSettingsError(
      `${env[UNIVERSE_DOMAIN_ENV]?.trim() ? UNIVERSE_DOMAIN_ENV : 'layers.gcp.universeDomain'}: "${universeDomain}" is not a domain name such as googleapis.com`,
    );
  const entries = unique(config.projects ?? [expectations.project]);
  const isQuery = (p: string) => /^(folders|organizations)\/\d+$/.test(p);
  return {
    ...(quotaProject ? { quotaProject } : {}),
    universeDomain,
    projects: entries.filter((p) => !isQuery(p)),
    projectQueries: entries.filter(isQuery),
    kmsLocations: unique([...locations, expectations.kms.location]),
    registryLocations: unique([...locations, expectations.registry.location]),
    services: new Set(configured.filter((s) => !config.endpointOnly || endpoints[s])),
    withoutEndpoint: configured.filter((s) => config.endpointOnly && !endpoints[s]),
    endpoints,
    concurrency: config.concurrency ?? 8,
    timeoutMs: config.timeoutMs ?? 30_000,
    retries: config.retries ?? 4,
    retryBudgetMs: config.retryBudgetMs ?? 60_000,
  };
}
