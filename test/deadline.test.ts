/**
 * Break 7 of issue 14 (the live half): a Google Cloud endpoint that never answers held the scan for six
 * minutes. Each live layer has an overall deadline (`layers.<layer>.deadlineSeconds`, default 120 s); past
 * it, what was not read is `error` verdicts and the run ends (exit 2), whatever the per-call timeouts say.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseLayers } from '../packages/cli/src/commands/doctor.js';
import { scan } from '../packages/cli/src/scan.js';
import { bin, repoRoot, tempDir } from './support/cli.js';

let server: Server;
let port = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Accepts every connection and never answers a byte.
  server = createServer((s) => {
    sockets.push(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  for (const s of sockets) s.destroy();
  server.close();
});

/** The gcp layer reading everything from the silent listener, with long per-call timeouts. */
function silentGcpConfig(deadlineSeconds: number): string {
  const dir = tempDir('coditect-audit-deadline-');
  const file = join(dir, 'coditect-audit.yaml');
  writeFileSync(
    file,
    `version: 1\nenvironments:\n  staging:\n    layers:\n      files: false\n      gcp:\n        projects: [p]\n        endpoint: http://127.0.0.1:${port}\n        timeoutMs: 600000\n        retries: 4\n        deadlineSeconds: ${deadlineSeconds}\n`,
  );
  return file;
}

describe('a live layer that never answers', () => {
  it('ends at its deadline: every gcp facet an error naming the deadline, the gate incomplete', async () => {
    const started = performance.now();
    const result = await scan({
      includePasses: true,
      dir: join(repoRoot, 'fixtures/adr-001-remediated'),
      config: silentGcpConfig(2),
      env: 'staging',
    });
    const took = Math.round(performance.now() - started);
    process.stdout.write(`[deadline] silent GCP endpoint, deadlineSeconds 2: scan returned in ${took} ms\n`);
    // (Whether a call reached the listener before the deadline depends on how fast the Google clients load
    // on this machine; either way nothing answers, and the deadline is what ends the layer.)
    expect(result.layers.gcp?.status).toBe('failed');
    expect(result.layers.gcp?.reason).toMatch(/deadline of 2 s \(layers\.gcp\.deadlineSeconds\)/);
    const gcp = result.verdicts.filter((v) => v.ruleId.startsWith('gcp-'));
    expect(gcp.length).toBeGreaterThan(0);
    expect(gcp.every((v) => v.status === 'error' && /deadline/.test(v.message))).toBe(true);
    expect(result.gate.exitCode).toBe(2);
  });

  it('the binary exits 2 soon after the deadline instead of waiting on the open connections', () => {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'scan',
        '--dir',
        join(repoRoot, 'fixtures/adr-001-remediated'),
        '--config',
        silentGcpConfig(2),
        '--env',
        'staging',
        '--quiet',
      ],
      { encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    const took = Math.round(performance.now() - started);
    process.stdout.write(`[deadline] the binary, deadlineSeconds 2: exited ${r.status} in ${took} ms\n`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
  });

  it('doctor ends at the deadline too, with a failed check naming it', async () => {
    const { reports } = await diagnoseLayers({
      dir: join(repoRoot, 'fixtures/adr-001-remediated'),
      config: silentGcpConfig(2),
      env: 'staging',
      layers: 'gcp',
    });
    const gcp = reports.find((r) => r.layer === 'gcp');
    expect(gcp?.checks.some((c) => c.status === 'fail' && /deadline of 2 s/.test(c.message))).toBe(true);
  });

  it('what was read before the deadline is kept; only the unread part is an error', async () => {
    const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
    const emulator = await startGcpEmulator({ dataDir: join(remediated, 'gcp') });
    try {
      const dir = tempDir('coditect-audit-deadline-');
      const file = join(dir, 'coditect-audit.yaml');
      // Cloud SQL never answers; every other API answers from the recordings. The deadline (which the
      // scan always waits out, since Cloud SQL never answers) leaves a loaded machine ample time to read the
      // rest: 30 s, many times what reading it takes.
      writeFileSync(
        file,
        `version: 1\nenvironments:\n  staging:\n    layers:\n      files: false\n      gcp:\n        projects: [coditect-cloud-infra]\n        locations: [us-central1]\n        endpoint: ${emulator.url}\n        endpoints:\n          sqladmin: http://127.0.0.1:${port}\n        timeoutMs: 600000\n        deadlineSeconds: 30\n`,
      );
      const result = await scan({ includePasses: true, dir: remediated, config: file, env: 'staging' });
      const byRule = (id: string, source?: string) =>
        result.verdicts.filter((v) => v.ruleId === id && (source === undefined || v.source === source));
      expect(byRule('kms.signing-key', 'gcp').map((v) => v.status)).toContain('pass');
      const sql = byRule('backup.sql-automated', 'gcp');
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.every((v) => v.status === 'error' && /deadline of 30 s/.test(v.message))).toBe(true);
      expect(result.gate.exitCode).toBe(2);
    } finally {
      await emulator.stop();
    }
  });
});
