/**
 * The app's HTTP(S) endpoints, as ADR-001's smoke tests check them: the health endpoints, the
 * protected API paths without a token, the server certificate, the plain-HTTP redirect and HSTS.
 * GET only, no credential is ever sent, a redirect is followed only on the same host (three at most),
 * and no response body is kept: only a few short health fields.
 */
import type { Facet, HttpObservation, HttpProbe, HttpProbeConfig } from '@coditect-audit/core';
import { PROBE_HTTP_DEFAULTS } from '@coditect-audit/core';
import { header, type HttpResult, httpGet } from './net.js';
import { describeNetworkError, errorCode, ProbeTimeout, type Redactor, caFileOrError } from './util.js';

export interface HttpProbeContext {
  root: string;
  timeoutMs: number;
  redactor: Redactor;
}

const MAX_BODY_BYTES = 64 * 1024;

/** A redirect target without its query or fragment (they can carry tokens). */
function describeLocation(location: URL): string {
  return `${location.protocol}//${location.host}${location.pathname}`;
}

function healthFields(body: Buffer, keys: readonly string[]): Record<string, string> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['status', ...keys]) {
    const v = (json as Record<string, unknown>)[key];
    if ((typeof v === 'string' && v.length <= 64) || typeof v === 'boolean') out[key] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function failed(e: unknown, url: URL): Pick<HttpObservation, 'outcome' | 'detail'> {
  const code = errorCode(e) ?? '';
  const detail = describeNetworkError(e, url.origin);
  if (e instanceof ProbeTimeout) return { outcome: 'timeout', detail };
  if (code === 'ECONNREFUSED') return { outcome: 'refused', detail };
  if (/^(ERR_TLS|ERR_SSL|EPROTO)|CERT|SSL/.test(code)) return { outcome: 'tls-error', detail };
  return { outcome: 'error', detail };
}

type Fetcher = (url: URL) => Promise<HttpResult>;

/** GET a path; redirects are followed on the same host only. */
async function observe(
  fetcher: Fetcher,
  base: URL,
  path: string,
  healthKeys: readonly string[],
): Promise<{ obs: HttpObservation; res?: HttpResult }> {
  let url = new URL(path, base);
  const start = url.toString();
  for (let hop = 0; ; hop++) {
    let res: HttpResult;
    try {
      res = await fetcher(url);
    } catch (e) {
      return { obs: { url: start, ...failed(e, url) } };
    }
    const location = header(res.headers, 'location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.hostname !== base.hostname)
        return {
          obs: { url: start, outcome: 'redirect-offsite', status: res.status, location: describeLocation(next) },
          res,
        };
      if (hop < 3) {
        url = next;
        continue;
      }
    }
    const health = healthFields(res.body, healthKeys);
    const hsts = header(res.headers, 'strict-transport-security');
    return {
      obs: {
        url: start,
        outcome: 'answered',
        status: res.status,
        ...(location ? { location: describeLocation(new URL(location, url)) } : {}),
        ...(health ? { health } : {}),
        ...(hsts ? { hsts } : {}),
      },
      res,
    };
  }
}

export async function probeHttp(config: HttpProbeConfig, ctx: HttpProbeContext): Promise<Facet<HttpProbe>> {
  const caRead = await caFileOrError(
    ctx.root,
    config.caFile,
    'http',
    'give the path of the CA PEM file, relative to the config file',
  );
  if ('error' in caRead) return caRead.error;
  const ca = caRead.ca;
  const base = new URL(config.baseUrl);
  const https = base.protocol === 'https:';
  const readyComponents = config.readyComponents ?? [...PROBE_HTTP_DEFAULTS.readyComponents];
  // Nothing secret is sent, so an untrusted certificate does not stop the probe: it is what it reports.
  const fetcher: Fetcher = (url) =>
    httpGet(url, { ...(ca ? { ca } : {}), verify: false, timeoutMs: ctx.timeoutMs, maxBytes: MAX_BODY_BYTES });

  const live = await observe(fetcher, base, config.livePath ?? PROBE_HTTP_DEFAULTS.livePath, []);
  const ready = await observe(fetcher, base, config.readyPath ?? PROBE_HTTP_DEFAULTS.readyPath, readyComponents);
  const guarded = [];
  for (const path of config.protectedPaths ?? PROBE_HTTP_DEFAULTS.protectedPaths) {
    const { obs } = await observe(fetcher, base, path, []);
    // Whatever a protected path returned is never kept.
    delete obs.health;
    guarded.push(obs);
  }

  let tls: HttpProbe['tls'];
  if (https) {
    const seen = live.res?.tls ?? ready.res?.tls;
    tls = seen
      ? {
          ...(seen.protocol ? { protocol: seen.protocol } : {}),
          ...(seen.certificate ? { certificate: seen.certificate } : {}),
        }
      : { error: live.obs.detail ?? 'no TLS connection could be made' };
  }
  // Nothing answered at all: the scan cannot tell a down app from an unreachable one, so it fails closed.
  const answered = (o: HttpObservation) => o.outcome === 'answered' || o.outcome === 'redirect-offsite';
  if (!answered(live.obs) && !answered(ready.obs))
    return {
      status: 'error',
      problems: [
        ctx.redactor.problem({
          subject: `GET ${base.origin}`,
          message: `the app did not answer: ${live.obs.detail ?? live.obs.outcome}`,
          fix: 'check baseUrl, DNS, and that the scan runs where the endpoint is reachable',
        }),
      ],
    };

  const httpUrl = new URL(config.httpUrl ?? `http://${base.hostname}`);
  const plainTarget = new URL(config.livePath ?? PROBE_HTTP_DEFAULTS.livePath, httpUrl);
  let plainHttp: HttpProbe['plainHttp'];
  try {
    const res = await httpGet(plainTarget, { verify: false, timeoutMs: ctx.timeoutMs, maxBytes: MAX_BODY_BYTES });
    const location = header(res.headers, 'location');
    if (res.status >= 300 && res.status < 400 && location) {
      const to = new URL(location, plainTarget);
      plainHttp = {
        url: plainTarget.toString(),
        outcome: 'redirect',
        status: res.status,
        location: describeLocation(to),
        toHttps: to.protocol === 'https:',
        sameHost: to.hostname === base.hostname,
      };
    } else plainHttp = { url: plainTarget.toString(), outcome: 'answered', status: res.status };
  } catch (e) {
    const f = failed(e, plainTarget);
    plainHttp = {
      url: plainTarget.toString(),
      outcome: f.outcome === 'timeout' || f.outcome === 'refused' ? f.outcome : 'error',
      ...(f.detail ? { detail: f.detail } : {}),
    };
  }

  const data: HttpProbe = {
    baseUrl: base.origin,
    host: base.hostname,
    https,
    live: live.obs,
    ready: ready.obs,
    readyComponents,
    protected: guarded,
    ...(tls ? { tls } : {}),
    plainHttp,
    minCertificateDays: config.minCertificateDays ?? PROBE_HTTP_DEFAULTS.minCertificateDays,
  };
  return { status: 'ok', data, problems: [] };
}
