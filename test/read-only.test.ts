/**
 * Read-only proof over the whole environment: one scan of every layer (files, the Google Cloud and
 * Kubernetes emulators, the real PostgreSQL, Redis, registry and HTTPS servers of scripts/services.sh),
 * then each server's own record of what the scanner did: no emulator saw a mutating request, PostgreSQL's
 * statement log holds no write, Redis ran only read commands, the registry and the HTTPS server only saw
 * GET/HEAD.
 */
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loggedSince,
  logSince,
  logSize,
  pgStatements,
  redisCommandStats,
  SQL_WRITE,
  withoutLiterals,
} from '../packages/collectors/test/probe-services.js';
import { readFileSync } from 'node:fs';
import { type Run, tempDir } from './support/cli.js';
import { type Environment, runCliAsync, startEnvironment } from './support/environment.js';

/** Redis commands that read or only set up the connection. */
const REDIS_READS = new Set(['auth', 'hello', 'info', 'ping', 'client|setinfo', 'client|setname', 'command', 'select']);

describe('the whole environment after one scan', () => {
  let environment: Environment;
  let run: Run;
  let result: ScanResult;
  const marks: Record<string, number> = {};
  let redisBefore: Record<string, number>;

  beforeAll(async () => {
    environment = await startEnvironment();
    const s = environment.services;
    marks.pg = logSize(s.PG_B_LOG);
    marks.registry = logSize(s.REGISTRY_LOG);
    marks.http = logSize(s.HTTP_LOG);
    redisBefore = redisCommandStats(s.REDIS_NOAUTH_PORT);
    const out = tempDir('coditect-audit-read-only-');
    run = await runCliAsync(
      // The environment's config (with the probes' credentials) is written by the test harness: trusted on purpose.
      [
        'scan',
        '--dir',
        environment.dir,
        '--env',
        'staging',
        '--format',
        'json',
        '--output-dir',
        out,
        '--quiet',
        '--trust-repo-config',
      ],
      { env: environment.env },
    );
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  afterAll(async () => {
    await environment?.stop();
  });

  it('scanned every layer', () => {
    expect(run.code, run.stderr).toBe(1);
    for (const layer of ['files', 'gcp', 'k8s', 'probe'])
      expect(result.layers[layer as keyof ScanResult['layers']], layer).toEqual({ status: 'collected' });
  });

  it('sent the emulators no mutating request', () => {
    expect(environment.gcp.server.requests.length).toBeGreaterThan(10);
    expect(environment.gcp.server.mutatingRequests()).toEqual([]);
    expect(environment.k8s.server.requests.length).toBeGreaterThan(5);
    expect(environment.k8s.server.mutatingRequests()).toEqual([]);
    expect(new Set(environment.k8s.requests().map((r) => r.verb))).toEqual(new Set(['get', 'list']));
  });

  it('wrote nothing to PostgreSQL, Redis, the registry or the HTTPS server', async () => {
    const s = environment.services;
    // PostgreSQL writes its log asynchronously: wait for the sessions' statements to be in it.
    const pgLines = await loggedSince(s.PG_B_LOG, marks.pg!, (l) => pgStatements(l, 'coditect-audit').length > 5);
    const statements = pgStatements(pgLines, 'coditect-audit');
    for (const sql of statements) expect(withoutLiterals(sql), sql).not.toMatch(SQL_WRITE);

    const after = redisCommandStats(s.REDIS_NOAUTH_PORT);
    const used = Object.keys(after).filter((k) => after[k]! > (redisBefore[k] ?? 0));
    expect(used).toContain('info');
    for (const command of used) expect(REDIS_READS.has(command), `Redis ${command}`).toBe(true);

    const byProbe = (l: string[]) => l.filter((x) => x.includes('coditect-audit-probe'));
    const registry = byProbe(await loggedSince(s.REGISTRY_LOG, marks.registry!, (l) => byProbe(l).length > 0));
    for (const l of registry) expect(l).toMatch(/"(GET|HEAD) \/v2\//);

    const http = logSince(s.HTTP_LOG, marks.http!).filter((l) => l.includes('coditect-audit-probe'));
    expect(http.length).toBeGreaterThan(0);
    for (const l of http) expect(l).toMatch(/^https?-broken (GET|HEAD) \//);
  });
});
