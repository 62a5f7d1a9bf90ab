/**
 * The Redis probe against three real servers (scripts/services.sh): without AUTH, with requirepass, and
 * TLS-only with requirepass. The server's own command statistics prove which commands the probe sent.
 */
import { connect } from 'node:net';
import type { RedisProbe, RedisProbeConfig } from '@coditect-audit/core';
import { collectProbes } from '@coditect-audit/collectors/probe';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadServices, probeContext, type Services } from './probe-services.js';

let s: Services;
beforeAll(() => {
  s = loadServices();
  process.env.PROBE_TEST_REDIS = s.REDIS_PASSWORD;
});

async function probe(redis: RedisProbeConfig, timeoutMs = 2000) {
  const { facets } = await collectProbes(probeContext({ redis, timeoutMs }));
  return facets['probe.redis']!;
}

function data(f: Awaited<ReturnType<typeof probe>>): RedisProbe {
  if (f.status !== 'ok') throw new Error(`facet ${f.status}: ${JSON.stringify(f)}`);
  expect(f.problems).toEqual([]);
  return f.data;
}

/** Raw RESP, so the statistics read is not itself made by the client under test. */
async function redisCommand(port: number, args: string[], password?: string): Promise<string> {
  const frame = (a: string[]) => `*${a.length}\r\n${a.map((x) => `$${Buffer.byteLength(x)}\r\n${x}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let out = '';
    socket.on('data', (c) => {
      out += c.toString('latin1');
      const bulk = /\$(\d+)\r\n/.exec(out.slice(password ? out.indexOf('\r\n') + 2 : 0));
      if (bulk && out.length >= out.indexOf(bulk[0]) + bulk[0].length + Number(bulk[1])) {
        socket.end();
        resolve(out);
      }
    });
    socket.on('error', reject);
    socket.write((password ? frame(['AUTH', password]) : '') + frame(args));
  });
}

function commandStats(info: string): Record<string, number> {
  const out: Record<string, number> = {};
  // Calls that ran plus calls the server rejected (a PING refused with NOAUTH counts as rejected).
  for (const m of info.matchAll(/cmdstat_([a-z|]+):calls=(\d+),.*?rejected_calls=(\d+)/g))
    out[m[1] as string] = Number(m[2]) + Number(m[3]);
  return out;
}

describe('Redis without AUTH', () => {
  it('answers PONG to an unauthenticated PING, and plaintext (no TLS configured)', async () => {
    const d = data(await probe({ host: s.REDIS_HOST, port: Number(s.REDIS_NOAUTH_PORT), tls: false }));
    expect(d.unauthenticatedPing).toEqual({ outcome: 'pong', reply: 'PONG' });
    expect(d.plaintext.outcome).toBe('answered');
    expect(d.server?.version).toMatch(/^\d+\.\d+/);
    expect(d.authenticated).toBeUndefined();
  });
});

describe('Redis with requirepass', () => {
  it('refuses the unauthenticated PING with NOAUTH and accepts the configured AUTH string', async () => {
    const d = data(
      await probe({
        host: s.REDIS_HOST,
        port: Number(s.REDIS_AUTH_PORT),
        tls: false,
        passwordEnv: 'PROBE_TEST_REDIS',
        allowPlaintextCredentials: true,
      }),
    );
    expect(d.unauthenticatedPing.outcome).toBe('noauth');
    expect(d.unauthenticatedPing.reply).toMatch(/^NOAUTH/);
    expect(d.authenticated).toEqual({ ok: true });
    expect(d.server?.version).toMatch(/^7\./);
  });

  it('reports a refused AUTH string without echoing it', async () => {
    process.env.PROBE_TEST_REDIS_WRONG = 'redis-wrong-canary-4b1f';
    const f = await probe({
      host: s.REDIS_HOST,
      port: Number(s.REDIS_AUTH_PORT),
      tls: false,
      passwordEnv: 'PROBE_TEST_REDIS_WRONG',
      allowPlaintextCredentials: true,
    });
    expect(f.status === 'ok' && f.problems[0]?.message).toMatch(/was refused \(WRONGPASS/);
    expect(JSON.stringify(f)).not.toContain('redis-wrong-canary-4b1f');
  });

  it('sends only PING, AUTH and INFO: the command statistics before and after', async () => {
    // A server no other test talks to, so the counts are the probe's alone.
    const port = Number(s.REDIS_STATS_PORT);
    const before = commandStats(await redisCommand(port, ['INFO', 'commandstats'], s.REDIS_PASSWORD));
    await probe({
      host: s.REDIS_HOST,
      port,
      tls: false,
      passwordEnv: 'PROBE_TEST_REDIS',
      allowPlaintextCredentials: true,
    });
    const after = commandStats(await redisCommand(port, ['INFO', 'commandstats'], s.REDIS_PASSWORD));
    const delta = Object.fromEntries(
      Object.entries(after)
        .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
        .filter(([, v]) => v > 0),
    );
    // The probe: one PING (refused with NOAUTH), one AUTH, one INFO server; the test's second read: AUTH, INFO.
    expect(delta).toEqual({ ping: 1, auth: 2, info: 2 });
  });
});

describe('Redis with TLS only', () => {
  it('verifies the certificate, sees plaintext refused and NOAUTH, and authenticates over TLS', async () => {
    const d = data(
      await probe({
        host: s.REDIS_HOST,
        port: Number(s.REDIS_TLS_PORT),
        tls: true,
        caFile: s.CA_FILE,
        passwordEnv: 'PROBE_TEST_REDIS',
      }),
    );
    expect(d.certificate).toMatchObject({ trusted: true, hostnameMatches: true, selfSigned: false });
    expect(d.certificate!.expiresInDays).toBeGreaterThan(7);
    expect(d.plaintext.outcome).toBe('refused');
    expect(d.unauthenticatedPing.outcome).toBe('noauth');
    expect(d.authenticated).toEqual({ ok: true });
  });

  it('never sends the AUTH string when the certificate cannot be verified', async () => {
    const d = data(
      await probe({ host: s.REDIS_HOST, port: Number(s.REDIS_TLS_PORT), tls: true, passwordEnv: 'PROBE_TEST_REDIS' }),
    );
    expect(d.certificate).toMatchObject({ trusted: false });
    expect(d.certificate!.trustError).toMatch(/UNABLE_TO_VERIFY|SELF_SIGNED|unable to get/i);
    expect(d.authenticated).toMatchObject({ ok: false });
    expect(d.authenticated!.detail).toMatch(/never sent to an unverified server/);
  });

  it('times out instead of hanging when TLS is spoken to a plaintext port', async () => {
    // What ended the handshake is in the message (the 800 ms deadline, or the server's answer), not a wall clock.
    const f = await probe({ host: s.REDIS_HOST, port: Number(s.REDIS_NOAUTH_PORT), tls: true, caFile: s.CA_FILE }, 800);
    expect(f.status).toBe('ok');
    if (f.status !== 'ok') return;
    expect(f.data.tlsError).toMatch(/did not finish within 800 ms|handshake/);
    expect(f.data.plaintext.outcome).toBe('answered');
    expect(f.problems[0]?.message).toMatch(/no answer to PING/);
  });
});
