/**
 * The gcp layer's collector, loaded only when the layer is configured. It reads the ADR's managed services
 * through the official clients in REST mode, read-only (list, get, getIamPolicy), each API's client
 * imported only when that API is configured, all calls under one concurrency limit, timeout and retry
 * policy. What could not be read becomes problems of exactly the facets that needed it.
 */
import {
  type CollectContext,
  type CollectResult,
  type FacetName,
  GCP_SERVICES,
  type GcpLayerConfig,
  type GcpService,
  type LayerCheck,
  type Problem,
} from '@coditect-audit/core';
import { facetsOfService, gcpApiCalls, type GcpApiCallId } from './api-calls.js';
import { GcpCallError, Limiter, problemOf } from './call.js';
import type { FacetResults, GcpRun } from './context.js';
import { ENDPOINT_ENV, GcpSettingsError, resolveSettings } from './settings.js';
import { finishCollected } from '../parsed.js';
import { expandProjects, ProjectListingError } from './projects.js';
import { GcpTransport } from './transport.js';

export { PROJECT_LISTING_CALLS } from './projects.js';

/** `collect --shard i/n`: the contiguous slice of the sorted project list this shard reads. */
function sliceFor<T>(items: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...items];
  const from = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const to = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(from, to);
}

export { gcpApiCalls, type GcpApiCall, type GcpApiCallId } from './api-calls.js';
export { ENDPOINT_ENV } from './settings.js';

const COLLECTORS: Record<GcpService, { title: string; load: () => Promise<(run: GcpRun) => Promise<FacetResults>> }> = {
  sqladmin: { title: 'Cloud SQL', load: async () => (await import('./services/sql.js')).collectSql },
  redis: { title: 'Memorystore for Redis', load: async () => (await import('./services/redis.js')).collectRedis },
  cloudkms: { title: 'Cloud KMS', load: async () => (await import('./services/kms.js')).collectKms },
  secretmanager: {
    title: 'Secret Manager',
    load: async () => (await import('./services/secretmanager.js')).collectSecretManager,
  },
  artifactregistry: {
    title: 'Artifact Registry',
    load: async () => (await import('./services/artifactregistry.js')).collectArtifactRegistry,
  },
  serviceusage: {
    title: 'Service Usage',
    load: async () => (await import('./services/serviceusage.js')).collectServiceUsage,
  },
  container: { title: 'GKE', load: async () => (await import('./services/gke.js')).collectGke },
  monitoring: {
    title: 'Cloud Monitoring',
    load: async () => (await import('./services/monitoring.js')).collectMonitoring,
  },
  compute: { title: 'Compute Engine', load: async () => (await import('./services/compute.js')).collectCompute },
  cloudresourcemanager: {
    title: 'Resource Manager',
    load: async () => (await import('./services/resourcemanager.js')).collectResourceManager,
  },
  iam: { title: 'IAM', load: async () => (await import('./services/iam.js')).collectIam },
  identitytoolkit: {
    title: 'Identity Platform',
    load: async () => (await import('./services/identity.js')).collectIdentity,
  },
};

/** The first API call of a service, to name in a problem that hits the whole service. */
function firstCall(service: GcpService): GcpApiCallId {
  return (Object.keys(gcpApiCalls()) as GcpApiCallId[]).find((id) => gcpApiCalls()[id].service === service)!;
}

/** Every facet of a service failed with the same problems (no credentials, a client that would not load). */
function failedService(service: GcpService, problems: Problem[]): FacetResults {
  const out: Record<string, unknown> = {};
  for (const f of facetsOfService(service)) out[f] = { status: 'error', problems };
  return out as FacetResults;
}

export async function collect(ctx: CollectContext<GcpLayerConfig>): Promise<CollectResult> {
  return finishCollected(await collectGcp(ctx));
}

async function collectGcp(ctx: CollectContext<GcpLayerConfig>): Promise<CollectResult> {
  let settings: ReturnType<typeof resolveSettings>;
  try {
    settings = resolveSettings(ctx.config ?? {}, ctx.expectations);
  } catch (e) {
    if (!(e instanceof GcpSettingsError)) throw e;
    return { facets: {}, state: { status: 'failed', reason: e.message } };
  }
  // Filled service by service, into the caller's sink when there is one: what is complete at the layer's
  // deadline is kept.
  const facets: FacetResults = (ctx.partial as FacetResults | undefined) ?? {};
  const noEndpoint = `layers.gcp.endpointOnly is set and no endpoint is given (${ENDPOINT_ENV}, layers.gcp.endpoint)`;
  for (const service of GCP_SERVICES) {
    if (settings.services.has(service)) continue;
    const reason = settings.withoutEndpoint.includes(service)
      ? `${service}.googleapis.com is not read: ${noEndpoint}`
      : `layers.gcp.services does not include ${service} for ${ctx.environment}`;
    for (const f of facetsOfService(service)) (facets as Record<string, unknown>)[f] = { status: 'absent', reason };
  }
  if (settings.services.size === 0 && settings.withoutEndpoint.length > 0)
    return { facets, state: { status: 'not-configured', reason: noEndpoint } };

  const log = ctx.log ?? (() => {});
  const transport = await GcpTransport.create(settings, ctx.log ? (m) => log('debug', m) : undefined);
  const credentials = await transport.credentialsProblem();
  const limiter = new Limiter(settings.concurrency);
  let listingCalls = 0;
  if (settings.projectQueries.length > 0) {
    // Folders and organisations first: which projects there are decides everything else.
    const failAll = (reason: string, problem: Problem): CollectResult => {
      for (const service of settings.services) Object.assign(facets, failedService(service, [problem]));
      return { facets, state: { status: 'failed', reason } };
    };
    if (credentials && !transport.emulated('cloudresourcemanager'))
      return failAll(`no Application Default Credentials: ${credentials.detail}`, {
        subject: `cloudresourcemanager.googleapis.com projects.list under ${settings.projectQueries.join(', ')}`,
        message: `no Application Default Credentials: ${credentials.detail}`,
        fix: 'run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS',
      });
    ctx.progress(`listing the projects under ${settings.projectQueries.join(', ')}`);
    try {
      settings.projects = await expandProjects(settings, transport, limiter, () => listingCalls++);
    } catch (e) {
      if (!(e instanceof ProjectListingError)) throw e;
      return failAll(e.message, {
        subject: `cloudresourcemanager.googleapis.com projects.list under ${settings.projectQueries.join(', ')}`,
        message: e.message,
        fix: e.fix,
      });
    }
    ctx.progress(`${settings.projects.length} projects with ${listingCalls} calls`);
  } else settings.projects = [...settings.projects].sort();
  settings.projects = sliceFor(settings.projects, ctx.shard);
  if (settings.projects.length === 0)
    return {
      facets: {},
      state: {
        status: 'not-configured',
        reason: ctx.shard
          ? `no project falls in shard ${ctx.shard.index}/${ctx.shard.count}`
          : `no project under ${settings.projectQueries.join(', ')}`,
      },
      projects: [],
    };
  const run: GcpRun = {
    settings,
    expectations: ctx.expectations,
    transport,
    limiter,
    progress: ctx.progress,
    log,
    calls: { started: 0, finished: 0 },
  };
  const projects = settings.projects.join(', ');
  // A fleet's thousand project ids would drown the progress line: count them and name the ends.
  const projectsText =
    settings.projects.length > 5
      ? `${settings.projects.length} projects (${settings.projects[0]} … ${settings.projects.at(-1)})`
      : projects;
  const started = Date.now();
  await Promise.all(
    [...settings.services].map(async (service) => {
      const project = settings.projects[0]!;
      if (credentials && !transport.emulated(service)) {
        Object.assign(
          facets,
          failedService(service, [problemOf(firstCall(service), `projects/${projects}`, credentials, project)]),
        );
        return;
      }
      let collectService: (run: GcpRun) => Promise<FacetResults>;
      try {
        collectService = await COLLECTORS[service].load();
      } catch (e) {
        const err = new GcpCallError('other', `the client library could not be loaded: ${(e as Error).message}`);
        Object.assign(
          facets,
          failedService(service, [problemOf(firstCall(service), `projects/${projects}`, err, project)]),
        );
        return;
      }
      ctx.progress(`reading ${COLLECTORS[service].title} (${service}.googleapis.com) in ${projectsText}`);
      Object.assign(facets, await collectService(run));
      ctx.progress(`${COLLECTORS[service].title} read; ${run.calls.finished}/${run.calls.started} calls`);
    }),
  );

  const produced = Object.entries(facets) as [FacetName, { status: string }][];
  const failed = produced.filter(([, f]) => f.status === 'error').map(([name]) => name);
  const read = produced.filter(([, f]) => f.status === 'ok').length;
  ctx.progress(
    `read ${read} facets with ${run.calls.finished} calls in ${Date.now() - started} ms${failed.length ? `; could not read ${failed.join(', ')}` : ''}`,
  );
  if (read === 0 && failed.length > 0)
    return {
      facets,
      state: {
        status: 'failed',
        reason: credentials
          ? `no Application Default Credentials: ${credentials.detail}`
          : `no Google Cloud API could be read (${failed.length} facets failed; see their errors)`,
      },
    };
  return { facets, state: { status: 'collected' }, projects: settings.projects };
}
export { renderGcpPermissions } from './permissions-doc.js';

/** `coditect-audit doctor`: credentials, enabled APIs and IAM permissions of the gcp layer, read-only. */
export async function diagnose(ctx: CollectContext<GcpLayerConfig>): Promise<LayerCheck[]> {
  const { diagnoseGcp } = await import('./doctor.js');
  return diagnoseGcp(ctx);
}
