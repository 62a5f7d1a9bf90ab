/**
 * A fleet too big for one process: 1,000 emulated projects (listed from an organisation's folder tree by
 * Resource Manager) and 3 emulated clusters, collected in 4 shards by 4 separate `collect --shard i/4`
 * processes running at once, then merged. The merged snapshot is the one a single `collect` writes, and
 * every report of `scan --snapshot` on it (and of `scan --snapshot s1 … --snapshot s4`) is byte for byte the
 * report of the single-process snapshot.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's estate generator is plain JavaScript
import { FLEET_ORGANISATION, projectIds, writeGcpOrganisation, writeProjectTree } from '../bench/estate.mjs';
import { bin, repoRoot, tempDir } from './support/cli.js';

const PROJECTS = 1000;
const SHARDS = 4;
const CLUSTERS = ['cluster-eu', 'cluster-us', 'cluster-asia'];
const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
/** The recordings' own instant: the emulator replays them unshifted, the snapshots are dated by it. */
const RECORDED_AT = '2025-12-01T07:00:00Z';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

let gcp: GcpEmulator;
const clusters: K8sEmulator[] = [];
let work: string;
let env: Record<string, string>;

/** The binary, asynchronously: the emulators answer from this process while it runs. */
function cli(args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a multi-byte character split between two chunks stays one character.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

beforeAll(async () => {
  work = tempDir('fleet-shards-');
  const data = join(work, 'gcp');
  const ids = projectIds(PROJECTS);
  writeGcpOrganisation(data, join(staging, 'gcp'), ids);
  writeProjectTree(data, ids);
  gcp = await startGcpEmulator({ dataDir: data, maxPageSize: 500, now: () => new Date(RECORDED_AT) });
  // Three clusters: two replay the staging fixture's cluster, one the remediated one.
  for (const dir of [staging, remediated, staging])
    clusters.push(await startK8sEmulator({ dataDir: join(dir, 'k8s/api'), now: () => new Date(RECORDED_AT) }));
  const kubeconfig = writeKubeconfig(
    join(work, 'kubeconfig.yaml'),
    CLUSTERS.map((context, i) => ({ context, url: clusters[i]!.url })),
  );
  // The config lives outside the scanned tree; the files layer reads the staging fixture.
  writeFileSync(
    join(work, 'coditect-audit.yaml'),
    `version: 1
environments:
  fleet:
    tier: staging
    layers:
      files: true
      gcp:
        projects: [${FLEET_ORGANISATION}]
        services: [sqladmin, redis, container, cloudresourcemanager]
        locations: [us-central1]
        endpointOnly: true
        concurrency: 16
      k8s:
        namespaces: [coditect-staging]
        contexts:
          - ${CLUSTERS[0]}
          - { context: ${CLUSTERS[1]}, name: ${CLUSTERS[1]} }
          - { context: ${CLUSTERS[2]}, expectations: { app: { minReplicas: 3 } } }
    expectations:
      project: coditect-cloud-infra
      app: { namespace: coditect-staging, deployment: coditect-backend }
`,
  );
  env = {
    NO_COLOR: '1',
    CODITECT_AUDIT_GCP_ENDPOINT: gcp.url,
    KUBECONFIG: kubeconfig,
    SOURCE_DATE_EPOCH: String(Date.parse(RECORDED_AT) / 1000),
  };
}, 120_000);

afterAll(async () => {
  await gcp?.stop();
  for (const c of clusters) await c.stop();
});

const common = () => ['--dir', staging, '--config', join(work, 'coditect-audit.yaml'), '--env', 'fleet', '--quiet'];
const FORMATS = 'json,sarif,junit,markdown,html';

async function reports(name: string, snapshots: string[]): Promise<Record<string, string>> {
  const out = join(work, `reports-${name}`);
  const run = await cli([
    'scan',
    ...common(),
    ...snapshots.flatMap((s) => ['--snapshot', s]),
    '--format',
    `console,${FORMATS}`,
    '--output-dir',
    out,
  ]);
  expect([0, 1, 2], run.stderr).toContain(run.code);
  const files: Record<string, string> = { console: run.stdout, exit: String(run.code) };
  for (const f of readdirSync(out).sort()) files[f] = readFileSync(join(out, f), 'utf8');
  return files;
}

describe(`${PROJECTS} projects and ${CLUSTERS.length} clusters in ${SHARDS} shards`, () => {
  const single = () => join(work, 'single.json');
  const shard = (i: number) => join(work, `shard-${i}.json`);
  const merged = () => join(work, 'merged.json');
  let singleRequests = 0;
  let shardRequests = 0;

  it('collects the fleet in one process, then in 4 processes at once', async () => {
    let before = gcp.server.requests.length;
    const one = await cli(['collect', ...common(), '-o', single()]);
    expect(one.code, one.stderr).toBe(0);
    singleRequests = gcp.server.requests.length - before;
    before = gcp.server.requests.length;
    const runs = await Promise.all(
      Array.from({ length: SHARDS }, (_, i) =>
        cli(['collect', ...common(), '--shard', `${i + 1}/${SHARDS}`, '-o', shard(i + 1)]),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    shardRequests = gcp.server.requests.length - before;
    expect(gcp.server.mutatingRequests()).toEqual([]);
    for (const c of clusters) expect(c.server.mutatingRequests()).toEqual([]);
  }, 600_000);

  it('slices projects and clusters deterministically, disjoint and complete', () => {
    const whole = JSON.parse(readFileSync(single(), 'utf8')) as Snapshot;
    const parts = Array.from({ length: SHARDS }, (_, i) => JSON.parse(readFileSync(shard(i + 1), 'utf8')) as Snapshot);
    const projects = parts.flatMap((p) => p.shard!.projects);
    expect(projects).toHaveLength(PROJECTS);
    expect(new Set(projects).size).toBe(PROJECTS);
    expect(projects).toEqual([...projects].sort());
    // Every shard reads a quarter of the organisation; the deleted project is never listed.
    for (const p of parts) expect(p.shard!.projects).toHaveLength(PROJECTS / SHARDS);
    expect(projects).not.toContain('fleet-deleted-project');
    expect(parts.flatMap((p) => p.shard!.targets).sort()).toEqual(CLUSTERS.map((c) => `cluster/${c}`).sort());
    // Only shard 1 reads the repository's files.
    expect(parts.map((p) => p.shard!.owns)).toEqual([['files'], [], [], []]);
    expect(Object.keys(parts[1]!.facets).some((f) => f.startsWith('files.'))).toBe(false);
    expect(whole.targets?.map((t) => t.name)).toEqual([...CLUSTERS].sort());
    const sql = whole.facets['gcp.sql'];
    expect(sql?.status === 'ok' && sql.data.instances.length).toBe(PROJECTS);
    // Shards pay for listing the organisation again, and for nothing else.
    const listing = singleRequests - PROJECTS * 8;
    expect(listing).toBeGreaterThan(0);
    expect(shardRequests).toBe(singleRequests + (SHARDS - 1) * listing);
  });

  it('merges the shards into the snapshot a single process collects', async () => {
    const run = await cli([
      'merge',
      ...Array.from({ length: SHARDS }, (_, i) => shard(i + 1)).reverse(),
      '-o',
      merged(),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(merged(), 'utf8'))).toEqual(JSON.parse(readFileSync(single(), 'utf8')));
  });

  it('gives byte-identical reports from the merged shards and from the single process', async () => {
    const expected = await reports('single', [single()]);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining([
        'coditect-audit.json',
        'coditect-audit.sarif',
        'coditect-audit.md',
        'coditect-audit.html',
      ]),
    );
    // Every cluster verdict names its cluster; the three clusters are judged apart.
    const result = JSON.parse(expected['coditect-audit.json']!) as {
      verdicts: { ruleId: string; source?: string; targets?: string[] }[];
    };
    const k8sRule = result.verdicts.filter((v) => v.ruleId === 'container.runs-as-root' && v.source === 'k8s');
    expect(new Set(k8sRule.map((v) => v.targets?.join()))).toEqual(new Set(CLUSTERS));
    const viaMerge = await reports('merged', [merged()]);
    const viaSnapshots = await reports(
      'snapshots',
      Array.from({ length: SHARDS }, (_, i) => shard(i + 1)),
    );
    for (const [file, text] of Object.entries(expected)) {
      // Compared as strings first, so a difference shows as a diff.
      expect(viaMerge[file], `${file} from merge`).toBe(text);
      expect(viaSnapshots[file], `${file} from --snapshot ×${SHARDS}`).toBe(text);
    }
  }, 300_000);

  it('doctor checks every cluster of the fleet, naming it', async () => {
    const run = await cli(['doctor', ...common().filter((a) => a !== '--quiet'), '--layers', 'k8s']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const name of CLUSTERS) expect(run.stdout).toContain(`[${name}]`);
  }, 120_000);

  it('refuses an incomplete or mixed set of shards (exit 3)', async () => {
    const missing = await cli(['merge', shard(1), shard(2), shard(4), '-o', join(work, 'x.json')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('shard 3/4 missing');
    const twice = await cli(['merge', shard(1), shard(1), shard(2), shard(3), '-o', join(work, 'x.json')]);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toMatch(/both shard 1\/4/);
    const mixed = await cli(['merge', single(), shard(1), '-o', join(work, 'x.json')]);
    expect(mixed.code).toBe(3);
    expect(mixed.stderr).toContain('was not collected with --shard');
    const bad = await cli(['collect', ...common(), '--shard', '5/4', '-o', join(work, 'x.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--shard 5/4');
  }, 120_000);
});
