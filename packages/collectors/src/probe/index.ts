/**
 * The probe layer's collector, loaded only when the layer is configured: PostgreSQL, Redis, the image
 * registry and the app's HTTP(S) endpoints, each talked to in its own protocol, read-only, with a
 * deadline on every connection and request. The services run concurrently; each gives one facet, and a
 * service the config does not name gives an `absent` facet (its rules are skipped with the reason).
 * Every credential the probes read is registered with one redactor, and every text that reaches the
 * snapshot passes through it.
 */
import {
  type CollectContext,
  type CollectResult,
  type Facet,
  type LayerCheck,
  type Problem,
  PROBE_DEFAULT_TIMEOUT_MS,
  type ProbeFacets,
  type ProbeRunConfig,
  type Snapshot,
} from '@coditect-audit/core';
import { probeHttp } from './http.js';
import { probePostgres } from './postgres.js';
import { probeRedis } from './redis.js';
import { probeRegistry, type RegistryDeps } from './registry.js';
import { Redactor } from './util.js';
import { finishCollected } from '../parsed.js';

export { parseChallenge } from './registry.js';
export { parseImageReference } from '../images.js';
export { pullReference } from './images.js';
export { Redactor } from './util.js';

/** Test seams: what would otherwise come from the machine (Application Default Credentials). */
export type ProbeDeps = RegistryDeps;

const SERVICES = ['postgres', 'redis', 'registry', 'http'] as const;
type Service = (typeof SERVICES)[number];

function absent(service: Service, environment: string): Facet<never> {
  return { status: 'absent', reason: `layers.probe.${service} is not set for ${environment}` };
}

/** A probe that throws is a bug of ours or an unexpected library error: an error facet, not a crash. */
function crashed(service: Service, e: unknown, redactor: Redactor): Facet<never> {
  const problem: Problem = {
    subject: `probe ${service}`,
    message: `the probe failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    fix: 'run again with the same configuration; report it if it persists',
  };
  return { status: 'error', problems: [redactor.problem(problem)] };
}

export async function collectProbes(ctx: CollectContext<ProbeRunConfig>, deps: ProbeDeps = {}): Promise<CollectResult> {
  const config = ctx.config ?? {};
  const timeoutMs = config.timeoutMs ?? PROBE_DEFAULT_TIMEOUT_MS;
  const redactor = new Redactor();
  // Paths in the config (caFile) are relative to the config file.
  const root = ctx.configDir ?? ctx.root;
  const kube = {
    ...(ctx.overrides.kubeconfig ? { kubeconfig: ctx.overrides.kubeconfig } : {}),
    ...(ctx.overrides.k8sContext ? { context: ctx.overrides.k8sContext } : {}),
  };
  const run = async <S extends Service>(service: S, work: () => Promise<Facet<ProbeFacets[`probe.${S}`]>>) => {
    try {
      ctx.progress(`probing ${service}`);
      return await work();
    } catch (e) {
      return crashed(service, e, redactor);
    }
  };
  const [postgres, redis, registry, http] = await Promise.all([
    config.postgres
      ? run('postgres', () =>
          probePostgres(config.postgres!, {
            root,
            expectations: ctx.expectations,
            timeoutMs,
            redactor,
            kube,
          }),
        )
      : absent('postgres', ctx.environment),
    config.redis
      ? run('redis', () => probeRedis(config.redis!, { root, timeoutMs, redactor }))
      : absent('redis', ctx.environment),
    config.registry
      ? run('registry', () =>
          probeRegistry(config.registry!, {
            root: ctx.root,
            configDir: root,
            namespace: ctx.expectations.app.namespace,
            kube,
            timeoutMs,
            redactor,
            deps,
          }),
        )
      : absent('registry', ctx.environment),
    config.http
      ? run('http', () => probeHttp(config.http!, { root, timeoutMs, redactor }))
      : absent('http', ctx.environment),
  ]);
  const facets: Snapshot['facets'] = {
    'probe.postgres': postgres,
    'probe.redis': redis,
    'probe.registry': registry,
    'probe.http': http,
  };
  const configured = SERVICES.filter((s) => config[s]);
  const failed = configured.filter((s) => facets[`probe.${s}`]?.status === 'error');
  if (configured.length === 0)
    return {
      facets,
      state: { status: 'not-configured', reason: 'layers.probe names no service (postgres, redis, registry, http)' },
    };
  if (failed.length === configured.length)
    return {
      facets,
      state: { status: 'failed', reason: `every probe failed (${failed.join(', ')}); see the error verdicts` },
    };
  return { facets, state: { status: 'collected' } };
}

export async function collect(ctx: CollectContext<ProbeRunConfig>): Promise<CollectResult> {
  return finishCollected(await collectProbes(ctx));
}

/** `coditect-audit doctor`: the probe layer's environment variables and TCP reachability, sending nothing. */
export async function diagnose(ctx: CollectContext<ProbeRunConfig>): Promise<LayerCheck[]> {
  const { diagnoseProbe } = await import('./doctor.js');
  return diagnoseProbe(ctx);
}
