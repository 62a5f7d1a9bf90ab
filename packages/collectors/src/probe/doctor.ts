/**
 * `coditect-audit doctor` for the probe layer: the environment variables the config names are set (their
 * values are never read beyond "set or not"), and each endpoint accepts a TCP connection within the
 * timeout. Nothing is sent: no login, no request.
 */
import { connect as tcpConnect } from 'node:net';
import {
  type CollectContext,
  type LayerCheck,
  PROBE_DEFAULT_TIMEOUT_MS,
  type ProbeLayerConfig,
} from '@coditect-audit/core';

interface Endpoint {
  probe: string;
  host: string;
  port: number;
}

function urlEndpoint(probe: string, value: string): Endpoint {
  const url = new URL(value);
  return {
    probe,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
  };
}

/** One server or a fleet of them (`layers.probe.<kind>` as a list). */
const each = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function endpoints(config: ProbeLayerConfig): Endpoint[] {
  const out: Endpoint[] = [];
  for (const pg of each(config.postgres)) out.push({ probe: 'postgres', host: pg.host, port: pg.port ?? 5432 });
  for (const redis of each(config.redis))
    out.push({ probe: 'redis', host: redis.host, port: redis.port ?? (redis.tls === false ? 6379 : 6378) });
  for (const registry of each(config.registry)) if (registry.url) out.push(urlEndpoint('registry', registry.url));
  for (const http of each(config.http)) {
    out.push(urlEndpoint('http', http.baseUrl));
    if (http.httpUrl) out.push(urlEndpoint('http', http.httpUrl));
  }
  return out;
}

/** Resolves to undefined when a connection opened, else the error code (ECONNREFUSED, ETIMEDOUT...). */
function tryConnect(host: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (outcome: string | undefined) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

export async function diagnoseProbe(
  ctx: CollectContext<ProbeLayerConfig>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LayerCheck[]> {
  const config = ctx.config ?? {};
  const checks: LayerCheck[] = [];
  const named: [string, string, string | undefined][] = [
    ...each(config.postgres).map(
      (c) => ['postgres', 'passwordEnv', c.passwordEnv] as [string, string, string | undefined],
    ),
    ...each(config.redis).map((c) => ['redis', 'passwordEnv', c.passwordEnv] as [string, string, string | undefined]),
    ...each(config.registry).flatMap((c) => [
      ['registry', 'usernameEnv', c.usernameEnv] as [string, string, string | undefined],
      ['registry', 'passwordEnv', c.passwordEnv] as [string, string, string | undefined],
    ]),
  ];
  const asked = new Set<string>();
  for (const [probe, field, name] of named) {
    if (!name || asked.has(`${probe}.${field}.${name}`)) continue;
    asked.add(`${probe}.${field}.${name}`);
    const set = env[name] !== undefined && env[name] !== '';
    checks.push({
      kind: 'credentials',
      status: set ? 'ok' : 'fail',
      subject: `layers.probe.${probe}.${field} (${name})`,
      message: set ? `${name} is set` : `${name} is not set (or empty)`,
      ...(set ? {} : { fix: `export ${name}=... in the scan's environment (a CI secret, or the CronJob's Secret)` }),
    });
  }
  if (each(config.postgres).some((c) => c.fromSecret))
    checks.push({
      kind: 'credentials',
      status: 'skip',
      subject: 'layers.probe.postgres.fromSecret',
      message: "read through the k8s layer's credentials when the scan runs (see the k8s checks)",
    });

  const timeoutMs = config.timeoutMs ?? PROBE_DEFAULT_TIMEOUT_MS;
  const results = await Promise.all(
    endpoints(config).map(async (e) => ({ e, outcome: await tryConnect(e.host, e.port, timeoutMs) })),
  );
  for (const { e, outcome } of results) {
    const where = `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;
    ctx.log?.('debug', `tcp ${where} (${e.probe}) → ${outcome ?? 'connected'}`);
    checks.push({
      kind: 'reachable',
      status: outcome ? 'fail' : 'ok',
      subject: `${e.probe} ${where}`,
      message: outcome ? `no TCP connection: ${outcome}` : 'accepts TCP connections',
      ...(outcome
        ? {
            fix: `run the scan where ${where} is reachable (inside the VPC, through the Cloud SQL Auth Proxy or a port-forward), check the host and port in layers.probe.${e.probe}, or raise layers.probe.timeoutMs`,
          }
        : {}),
    });
  }
  return checks;
}
