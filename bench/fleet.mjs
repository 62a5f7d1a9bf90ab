/**
 * `pnpm bench`, fleet section (issue 20): the same fleet (projects listed from an organisation, clusters
 * behind kubeconfig contexts) collected by one process and by n `collect --shard i/n` processes at once,
 * then merged. Every emulated call costs `latencyMs`, as in the other live benches. Records wall times,
 * calls and the bytes of the snapshots; checks that the merged snapshot is the single process's.
 * Run alone with `BENCH_ONLY=fleet pnpm bench`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startGcpEmulator } from '../packages/emulators/dist/gcp/index.js';
import { startK8sEmulator, writeKubeconfig } from '../packages/emulators/dist/k8s/index.js';
import { FLEET_ORGANISATION, projectIds, writeGcpOrganisation, writeProjectTree } from './estate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
/** The APIs read per project: Cloud SQL (instances + databases, users, backup runs), Memorystore, GKE, Resource Manager (2). */
export const FLEET_SERVICES = ['sqladmin', 'redis', 'container', 'cloudresourcemanager'];
export const FLEET_CALLS_PER_PROJECT = 8;
const RECORDED_AT = '2025-12-01T07:00:00Z';

function run(args, env) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`coditect-audit ${args.join(' ')} exited ${code}: ${stderr.slice(-1500)}`));
      else resolvePromise(performance.now() - started);
    });
  });
}

/**
 * One fleet: `projects` projects and `clusters` clusters; `shards` processes against one. Returns the row
 * of the bench table.
 */
export async function benchFleet({
  work,
  projects = 1000,
  clusters = 3,
  shards = 4,
  latencyMs = 50,
  concurrency = 16,
}) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const ids = projectIds(projects);
  writeGcpOrganisation(join(work, 'gcp'), join(ROOT, 'fixtures/adr-001-staging/gcp'), ids);
  writeProjectTree(join(work, 'gcp'), ids);
  const gcp = await startGcpEmulator({
    dataDir: join(work, 'gcp'),
    maxPageSize: 500,
    now: () => new Date(RECORDED_AT),
  });
  gcp.server.latencyMs = latencyMs;
  const k8s = [];
  for (let i = 0; i < clusters; i++) {
    const e = await startK8sEmulator({
      dataDir: join(ROOT, 'fixtures/adr-001-staging/k8s/api'),
      now: () => new Date(RECORDED_AT),
    });
    e.server.latencyMs = latencyMs;
    k8s.push(e);
  }
  const contexts = k8s.map((_, i) => `fleet-${i + 1}`);
  const kubeconfig = writeKubeconfig(
    join(work, 'kubeconfig.yaml'),
    k8s.map((e, i) => ({ context: contexts[i], url: e.url })),
  );
  writeFileSync(
    join(work, 'coditect-audit.yaml'),
    `version: 1
environments:
  fleet:
    layers:
      files: false
      gcp:
        projects: [${FLEET_ORGANISATION}]
        services: [${FLEET_SERVICES.join(', ')}]
        locations: [us-central1]
        endpointOnly: true
        concurrency: ${concurrency}
      k8s:
        namespaces: [coditect-staging]
        concurrency: ${concurrency}
        contexts: [${contexts.join(', ')}]
`,
  );
  const env = {
    CODITECT_AUDIT_GCP_ENDPOINT: gcp.url,
    KUBECONFIG: kubeconfig,
    SOURCE_DATE_EPOCH: String(Date.parse(RECORDED_AT) / 1000),
    NO_COLOR: '1',
  };
  const common = ['--config', join(work, 'coditect-audit.yaml'), '--env', 'fleet', '--dir', work, '--quiet'];
  const calls = () => gcp.server.requests.length + k8s.reduce((n, e) => n + e.server.requests.length, 0);
  try {
    let before = calls();
    const singleMs = await run(['collect', ...common, '-o', join(work, 'single.json')], env);
    const singleCalls = calls() - before;
    before = calls();
    const shardsStarted = performance.now();
    const shardMs = await Promise.all(
      Array.from({ length: shards }, (_, i) =>
        run(['collect', ...common, '--shard', `${i + 1}/${shards}`, '-o', join(work, `shard-${i + 1}.json`)], env),
      ),
    );
    const parallelMs = performance.now() - shardsStarted;
    const shardCalls = calls() - before;
    const mergeMs = await run(
      [
        'merge',
        ...Array.from({ length: shards }, (_, i) => join(work, `shard-${i + 1}.json`)),
        '-o',
        join(work, 'merged.json'),
      ],
      env,
    );
    const same = isDeepStrictEqual(
      JSON.parse(readFileSync(join(work, 'merged.json'), 'utf8')),
      JSON.parse(readFileSync(join(work, 'single.json'), 'utf8')),
    );
    return {
      projects,
      clusters,
      shards,
      singleMs,
      slowestShardMs: Math.max(...shardMs),
      parallelMs,
      mergeMs,
      speedup: singleMs / (parallelMs + mergeMs),
      singleCalls,
      shardCalls,
      snapshotMb: statSync(join(work, 'single.json')).size / 1e6,
      same,
      writes: gcp.server.mutatingRequests().length + k8s.reduce((n, e) => n + e.server.mutatingRequests().length, 0),
    };
  } finally {
    await gcp.stop();
    for (const e of k8s) await e.stop();
  }
}
