/**
 * Break 6 of issue 14: a snapshot is checked, not trusted. One that says GCP was collected but holds no
 * GCP data gives `error` verdicts and an incomplete gate (exit 2), where the honest one passes; a snapshot
 * of one environment never replays as another (exit 3).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Snapshot } from '@coditect-audit/core';
import { startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, scan } from '../packages/cli/src/scan.js';
import { repoRoot, runInProcess, tempDir } from './support/cli.js';

const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
let honest: Snapshot;
let honestFile: string;
const work = tempDir('coditect-audit-snapshot-');

beforeAll(async () => {
  const e = await startGcpEmulator({ dataDir: join(remediated, 'gcp') });
  const before = process.env.CODITECT_AUDIT_GCP_ENDPOINT;
  process.env.CODITECT_AUDIT_GCP_ENDPOINT = e.url;
  try {
    honest = await collect({ dir: remediated, env: 'staging', layers: ['files', 'gcp'] });
  } finally {
    if (before === undefined) delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
    else process.env.CODITECT_AUDIT_GCP_ENDPOINT = before;
    await e.stop();
  }
  honestFile = join(work, 'honest.json');
  writeFileSync(honestFile, JSON.stringify(honest));
});

/**
 * A copy of a snapshot, as JSON: what a snapshot is (a Kubernetes object's positions are computed when
 * asked, by an object `structuredClone` cannot copy; JSON writes them out).
 */
const copyOf = (snapshot: Snapshot): Snapshot => JSON.parse(JSON.stringify(snapshot)) as Snapshot;

/** The snapshot with every gcp facet taken out, its layer still marked collected. */
function withoutGcpData(): string {
  const doctored = copyOf(honest);
  for (const name of Object.keys(doctored.facets))
    if (name.startsWith('gcp.')) delete (doctored.facets as Record<string, unknown>)[name];
  const file = join(work, 'doctored.json');
  writeFileSync(file, JSON.stringify(doctored));
  return file;
}

describe('a doctored snapshot', () => {
  it('the honest snapshot of the remediated environment replays to a passed gate', async () => {
    expect(honest.layers.gcp).toEqual({ status: 'collected' });
    const result = await scan({ includePasses: true, dir: remediated, env: 'staging', snapshot: honestFile });
    expect(result.verdicts.filter((v) => v.ruleId.startsWith('gcp-') && v.status === 'pass').length).toBeGreaterThan(
      10,
    );
    expect(result.gate.exitCode).toBe(0);
  });

  it('gcp marked collected with no gcp facet: error verdicts naming the facet, gate incomplete', async () => {
    const result = await scan({ includePasses: true, dir: remediated, env: 'staging', snapshot: withoutGcpData() });
    const gcp = result.verdicts.filter((v) => v.ruleId.startsWith('gcp-'));
    expect(gcp.length).toBeGreaterThan(0);
    expect(gcp.filter((v) => v.status === 'skip')).toEqual([]);
    expect(gcp.every((v) => v.status === 'error')).toBe(true);
    expect(gcp[0]!.message).toMatch(/the snapshot says the gcp layer was collected but holds no gcp\./);
    expect(result.gate.exitCode).toBe(2);
  });

  it('a layer the snapshot does not mention at all is an error, not a skip', async () => {
    const doctored = copyOf(honest);
    delete doctored.layers.gcp;
    for (const name of Object.keys(doctored.facets))
      if (name.startsWith('gcp.')) delete (doctored.facets as Record<string, unknown>)[name];
    const file = join(work, 'no-layer.json');
    writeFileSync(file, JSON.stringify(doctored));
    const result = await scan({ includePasses: true, dir: remediated, env: 'staging', snapshot: file });
    expect(result.gate.exitCode).toBe(2);
    expect(result.layers.gcp?.status).toBe('failed');
  });

  it('the command exits 2 on the doctored snapshot', async () => {
    const run = await runInProcess([
      'scan',
      '--dir',
      remediated,
      '--env',
      'staging',
      '--snapshot',
      withoutGcpData(),
      '--quiet',
    ]);
    expect(run.code).toBe(2);
  });
});

describe('the environment of a snapshot', () => {
  it('--env naming another environment is a usage error (exit 3) naming both', async () => {
    const err = await scan({ includePasses: true, dir: remediated, env: 'production', snapshot: honestFile }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/collected for environment "staging", not "production"/);
    const run = await runInProcess(['scan', '--dir', remediated, '--env', 'production', '--snapshot', honestFile]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--env staging');
  });

  it('without --env the snapshot replays as its own environment', async () => {
    const result = await scan({ includePasses: true, dir: remediated, snapshot: honestFile });
    expect(result.environment.name).toBe('staging');
    expect(JSON.parse(readFileSync(honestFile, 'utf8')).environment).toBe('staging');
  });
});
