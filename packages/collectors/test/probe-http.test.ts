/**
 * The HTTP(S) probe against the test server of scripts/services.sh: a good deployment (valid certificate,
 * HSTS, health endpoints as ADR-001 expects, 401 without a token, HTTP → HTTPS) and a broken one.
 */
import { readFileSync } from 'node:fs';
import type { HttpProbe, HttpProbeConfig } from '@coditect-audit/core';
import { collectProbes } from '@coditect-audit/collectors/probe';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadServices, logSince, logSize, probeContext, type Services } from './probe-services.js';

let s: Services;
beforeAll(() => {
  s = loadServices();
});

async function probe(http: HttpProbeConfig, timeoutMs = 3000) {
  const { facets } = await collectProbes(probeContext({ http, timeoutMs }));
  return facets['probe.http']!;
}

function data(f: Awaited<ReturnType<typeof probe>>): HttpProbe {
  if (f.status !== 'ok') throw new Error(`facet ${f.status}: ${JSON.stringify(f)}`);
  expect(f.problems).toEqual([]);
  return f.data;
}

describe('the good deployment', () => {
  it('answers the health endpoints, refuses the licenses without a token, redirects HTTP and sends HSTS', async () => {
    const d = data(await probe({ baseUrl: s.HTTPS_GOOD_URL, httpUrl: s.HTTP_GOOD_URL, caFile: s.CA_FILE }));
    expect(d.https).toBe(true);
    expect(d.live).toMatchObject({ outcome: 'answered', status: 200, health: { status: 'healthy' } });
    expect(d.live.hsts).toMatch(/max-age=31536000/);
    expect(d.ready).toMatchObject({
      outcome: 'answered',
      status: 200,
      health: { status: 'ready', database: 'connected', redis: 'connected' },
    });
    expect(d.readyComponents).toEqual(['database', 'redis']);
    expect(d.protected).toEqual([
      expect.objectContaining({ url: `${s.HTTPS_GOOD_URL}/api/v1/licenses/`, outcome: 'answered', status: 401 }),
    ]);
    expect(d.tls?.certificate).toMatchObject({ trusted: true, hostname: '127.0.0.1', hostnameMatches: true });
    expect(d.tls?.certificate?.expiresInDays).toBeGreaterThan(14);
    expect(d.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(d.plainHttp).toMatchObject({ outcome: 'redirect', status: 301, toHttps: true, sameHost: true });
    expect(d.minCertificateDays).toBe(14);
  });

  it('reports the certificate as untrusted without the CA, and still observes the endpoints', async () => {
    const d = data(await probe({ baseUrl: s.HTTPS_GOOD_URL, httpUrl: s.HTTP_GOOD_URL }));
    expect(d.tls?.certificate).toMatchObject({ trusted: false, hostnameMatches: true });
    expect(d.live.status).toBe(200);
  });
});

describe('the broken deployment', () => {
  it('sees the failures: health 503, ready without redis, licenses open, a wrong and expiring certificate, plaintext HTTP', async () => {
    const d = data(
      await probe({
        baseUrl: s.HTTPS_BROKEN_URL,
        httpUrl: s.HTTP_BROKEN_URL,
        caFile: s.CA_FILE,
        protectedPaths: ['/api/v1/licenses/', '/api/v1/health/moved'],
      }),
    );
    expect(d.live).toMatchObject({ status: 503, health: { status: 'unhealthy' } });
    expect(d.live.hsts).toBeUndefined();
    expect(d.ready.health).toEqual({ status: 'not ready', database: 'connected', redis: 'disconnected' });
    expect(d.protected[0]).toMatchObject({ status: 200 });
    // A protected path's body is never kept.
    expect(JSON.stringify(d)).not.toContain('license-visible-without-token');
    // A redirect to another host is reported, not followed.
    expect(d.protected[1]).toMatchObject({
      outcome: 'redirect-offsite',
      status: 302,
      location: 'https://elsewhere.invalid/api/v1/health/live',
    });
    expect(d.tls?.certificate).toMatchObject({ trusted: true, hostnameMatches: false });
    expect(d.tls?.certificate?.expiresInDays).toBeLessThan(6);
    expect(d.plainHttp).toMatchObject({ outcome: 'answered', status: 503 });
  });
});

describe('unreachable', () => {
  it('fails closed with a problem, within the deadline, when nothing answers', async () => {
    // Refused at once (the message says so), not left to the deadline; no wall clock.
    const f = await probe({ baseUrl: 'https://127.0.0.1:9', httpUrl: 'http://127.0.0.1:9' }, 1000);
    expect(f.status).toBe('error');
    expect(f.status === 'error' && f.problems[0]!.message).toMatch(
      /did not answer: connection to https:\/\/127.0.0.1:9 refused/,
    );
  });
});

describe('read-only', () => {
  it('sends only GET requests, without credentials', async () => {
    const mark = logSize(s.HTTP_LOG);
    await probe({ baseUrl: s.HTTPS_GOOD_URL, httpUrl: s.HTTP_GOOD_URL, caFile: s.CA_FILE });
    const lines = logSince(s.HTTP_LOG, mark).filter((l) => l.includes('coditect-audit-probe'));
    // Live, ready, licenses and the plain-HTTP check (other test files may add their own GETs).
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const l of lines) expect(l).toMatch(/^https?-(good|broken) GET \//);
    expect(readFileSync(s.HTTP_LOG, 'utf8')).not.toMatch(/coditect-audit-probe.*\b(POST|PUT|PATCH|DELETE)\b/);
  });
});
