/**
 * The probe layer end to end through the built binary, against the real services of
 * scripts/services.sh: the ADR-001 staging repository with a `layers.probe` block pointing at them.
 * - no credential the probes use (passwords, a refused AUTH canary) appears in any report, the snapshot,
 *   stdout or stderr;
 * - the servers' own logs and statistics show the scan wrote nothing;
 * - live findings land on the repository files that declare the resources.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadServices,
  loggedSince,
  logSince,
  logSize,
  pgStatements,
  redisCommandStats,
  type Services,
  SQL_WRITE,
  withoutLiterals,
} from '../packages/collectors/test/probe-services.js';
import { repoRoot, runCli, tempDir } from './support/cli.js';

const REDIS_CANARY = 'canary-redis-auth-3e9d71c0';
const FORMATS = ['coditect-audit.sarif', 'coditect-audit.junit.xml', 'coditect-audit.md', 'coditect-audit.json'];

function probeConfig(s: Services): string {
  return `      probe:
        timeoutMs: 3000
        postgres:
          host: ${s.PG_HOST}
          port: ${s.PG_B_PORT}
          user: ${s.PG_B_SUPERUSER}
          passwordEnv: PROBE_CLI_PG_PASSWORD
          sslmode: verify-ca
          caFile: ${s.CA_FILE}
        redis:
          host: ${s.REDIS_HOST}
          port: ${s.REDIS_AUTH_PORT}
          tls: false
          passwordEnv: PROBE_CLI_REDIS_PASSWORD
          allowPlaintextCredentials: true
        registry:
          url: ${s.REGISTRY_URL}
        http:
          baseUrl: ${s.HTTPS_BROKEN_URL}
          httpUrl: ${s.HTTP_BROKEN_URL}
          caFile: ${s.CA_FILE}
`;
}

/**
 * The staging fixture whose `staging` environment scans the files and probes the local services (its other
 * live layers are left out: this test is about the probes).
 */
function fixtureWithProbes(s: Services): string {
  const dir = tempDir();
  cpSync(join(repoRoot, 'fixtures/adr-001-staging'), dir, { recursive: true });
  const file = join(dir, 'coditect-audit.yaml');
  const text = readFileSync(file, 'utf8');
  const layers = /^ {4}layers:\n(?: {6}.*\n| *#.*\n)*/m.exec(text);
  if (!layers) throw new Error('the staging fixture config has no layers block: update this test');
  writeFileSync(file, text.replace(layers[0], `    layers:\n      files: true\n${probeConfig(s)}`));
  return dir;
}

describe('a scan with the probe layer, through the binary', () => {
  let s: Services;
  let out: string;
  let run: ReturnType<typeof runCli>;
  let snapshotRun: ReturnType<typeof runCli>;
  let result: ScanResult;
  const marks: Record<string, number> = {};
  let redisBefore: Record<string, number>;

  beforeAll(() => {
    s = loadServices();
    const dir = fixtureWithProbes(s);
    out = tempDir();
    marks.pg = logSize(s.PG_B_LOG);
    marks.registry = logSize(s.REGISTRY_LOG);
    marks.http = logSize(s.HTTP_LOG);
    redisBefore = redisCommandStats(s.REDIS_AUTH_PORT, s.REDIS_PASSWORD);
    const env = { PROBE_CLI_PG_PASSWORD: s.PG_B_SUPERUSER_PASSWORD, PROBE_CLI_REDIS_PASSWORD: REDIS_CANARY };
    run = runCli(
      [
        'scan',
        '--dir',
        dir,
        '--env',
        'staging',
        '--format',
        'console,sarif,junit,markdown,json',
        '--output-dir',
        out,
        '--trust-repo-config',
      ],
      { env },
    );
    snapshotRun = runCli(
      ['collect', '--dir', dir, '--env', 'staging', '-o', join(out, 'snapshot.json'), '--trust-repo-config'],
      { env },
    );
    const file = join(out, 'coditect-audit.json');
    if (!existsSync(file)) throw new Error(`no JSON report (exit ${run.code}): ${run.stderr}`);
    result = JSON.parse(readFileSync(file, 'utf8')) as ScanResult;
  }, 120_000);

  it('runs every probe rule and fails the gate on the probes’ P0 findings', () => {
    expect(run.code).toBe(1);
    expect(result.layers.probe).toEqual({ status: 'collected' });
    const failing = new Set(result.verdicts.filter((v) => v.status === 'fail').map((v) => v.ruleId));
    for (const id of [
      'db.superuser-app-user',
      'sql.ssl-not-enforced',
      'container.unreadable-dependencies',
      'image.runs-as-root',
      'probe-http-health',
      'probe-http-auth-required',
      'network.tls-certificate',
      'probe-http-https-redirect',
    ])
      expect(failing, id).toContain(id);
  });

  it('locates live findings at the files that declare them', () => {
    const superuser = result.verdicts.find(
      (v) => v.ruleId === 'db.superuser-app-user' && v.source === 'probe' && v.status === 'fail',
    );
    expect(superuser?.location?.file).toBe('k8s/secrets.yaml');
    const deps = result.verdicts.find(
      (v) => v.ruleId === 'container.unreadable-dependencies' && v.source === 'probe' && v.status === 'fail',
    );
    expect(deps?.location).toMatchObject({ file: 'k8s/deployment.yaml', startLine: 29 });
    expect(deps?.relatedLocations?.[0]?.file).toBe('k8s/migrate-job.yaml');
  });

  it('reports the refused AUTH string as an error naming the variable, never the value', () => {
    const error = result.verdicts.find(
      (v) => v.status === 'error' && v.ruleId === 'redis.auth-disabled' && v.source === 'probe',
    );
    expect(error?.message).toMatch(/PROBE_CLI_REDIS_PASSWORD was refused/);
  });

  it('writes a snapshot that validates and replays offline to the same probe verdicts', () => {
    const replay = tempDir();
    const again = runCli([
      'scan',
      '--snapshot',
      join(out, 'snapshot.json'),
      // Replayed as the environment it was collected for (a snapshot of staging never replays as another).
      '--dir',
      join(repoRoot, 'fixtures/adr-001-staging'),
      '--format',
      'json',
      '--output-dir',
      replay,
    ]);
    expect(again.stderr).not.toMatch(/not a coditect-audit snapshot/);
    expect(again.code).toBe(1);
    const replayed = JSON.parse(readFileSync(join(replay, 'coditect-audit.json'), 'utf8')) as ScanResult;
    const probeFails = (r: ScanResult) =>
      r.verdicts
        .filter((v) => v.ruleId.startsWith('probe-') && v.status === 'fail')
        .map((v) => `${v.ruleId} ${v.messageId}`)
        .sort();
    expect(probeFails(replayed)).toEqual(probeFails(result));
  });

  it('never writes a credential to any report, the snapshot, stdout or stderr', () => {
    expect(snapshotRun.code).toBe(0);
    const texts = [
      run.stdout,
      run.stderr,
      snapshotRun.stdout,
      snapshotRun.stderr,
      ...[...FORMATS, 'snapshot.json'].map((f) => readFileSync(join(out, f), 'utf8')),
    ];
    for (const canary of [s.PG_B_SUPERUSER_PASSWORD, REDIS_CANARY, s.REDIS_PASSWORD, 'image-env-canary'])
      for (const text of texts) expect(text.includes(canary), `a report contains ${canary.slice(0, 12)}…`).toBe(false);
  });

  it('writes nothing: PostgreSQL statement log, Redis command statistics, registry and HTTP access logs', async () => {
    // PostgreSQL writes its log asynchronously: wait for the sessions' statements to be in it.
    const pgLines = await loggedSince(s.PG_B_LOG, marks.pg!, (l) => pgStatements(l, 'coditect-audit').length > 10);
    const statements = pgStatements(pgLines, 'coditect-audit');
    for (const sql of statements) expect(withoutLiterals(sql), sql).not.toMatch(SQL_WRITE);

    const after = redisCommandStats(s.REDIS_AUTH_PORT, s.REDIS_PASSWORD);
    const used = Object.keys(after).filter((k) => after[k]! > (redisBefore[k] ?? 0));
    // The two scans' PING, AUTH and INFO server, and this test's own AUTH + INFO commandstats.
    expect(used.sort()).toEqual(['auth', 'info', 'ping']);

    const byProbe = (l: string[]) => l.filter((x) => x.includes('coditect-audit-probe'));
    const registry = byProbe(await loggedSince(s.REGISTRY_LOG, marks.registry!, (l) => byProbe(l).length > 0));
    for (const l of registry) expect(l).toMatch(/"(GET|HEAD) \/v2\//);

    const http = logSince(s.HTTP_LOG, marks.http!).filter((l) => l.includes('coditect-audit-probe'));
    expect(http.length).toBeGreaterThan(0);
    for (const l of http) expect(l).toMatch(/^https?-broken GET \//);
  });
});
