/**
 * `pnpm bench`: generates the estates of issue 9 at 1×, 4× and 16× of a base size, measures the product
 * against its floors, and prints one table per figure plus pass/miss per target. Needs `pnpm build`
 * (the `bench` script runs it first). Work files go to .tmp/bench (ignored by git).
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGcpEmulator } from '../packages/emulators/dist/gcp/index.js';
import { startK8sEmulator, writeKubeconfig } from '../packages/emulators/dist/k8s/index.js';
import {
  FULL,
  projectIds,
  repositoryFiles,
  sized,
  snapshotRepositoryFiles,
  writeCluster,
  writeGcpOrganisation,
  writeTree,
} from './estate.mjs';
import { benchFleet, FLEET_CALLS_PER_PROJECT, FLEET_SERVICES } from './fleet.mjs';
import { benchStartup as measureStartup } from './startup.mjs';
import { formatMs, growthExponent, median, renderTable } from './table.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, '.tmp', 'bench');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
// BENCH_SCALES=1,2,4 gives a quick trial run; the figures in docs/performance.md are 1×, 4×, 16×.
const SCALES = process.env.BENCH_SCALES ? process.env.BENCH_SCALES.split(',').map(Number) : [1, 4, 16];
const LATENCY_MS = 50;
const CONCURRENCY = 16;
/** Largest page the emulated Google APIs serve (most Google list calls cap at 500). */
const GCP_MAX_PAGE = 500;
const K8S_PAGE = 500;
const STARTUP_RUNS = 20;

/** Runs a command asynchronously (the emulators are served by this process's event loop). */
function run(cmd, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

async function cli(args, options = {}) {
  const result = await run(process.execPath, [BIN, ...args], options);
  // 0 pass, 1 gate failed (findings): both are completed scans; anything else is a broken run.
  if (result.code !== 0 && result.code !== 1)
    throw new Error(`coditect-audit ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return result;
}

function writeConfig(dir, layers) {
  writeFileSync(
    join(dir, 'coditect-audit.yaml'),
    `version: 1\nenvironments:\n  bench:\n    tier: staging\n    failOn: P0\n    layers:\n${layers}`,
  );
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const results = { files: [], gcp: [], k8s: [], evaluate: [], startup: [], fleet: [] };
// BENCH_ONLY=fleet runs the fleet section alone (issue 20), without the hour of the full bench.
const ONLY = process.env.BENCH_ONLY;
const FLEET_PROJECTS = Number(process.env.BENCH_FLEET_PROJECTS ?? 1000);
const FLEET_SHARDS = (process.env.BENCH_FLEET_SHARDS ?? '4').split(',').map(Number);
// Calls in flight per process; a quota-bound scan runs with fewer (docs/fleet.md).
const FLEET_CONCURRENCY = Number(process.env.BENCH_FLEET_CONCURRENCY ?? CONCURRENCY);

function fleetTable() {
  return [
    '',
    `Fleet: ${FLEET_PROJECTS} projects listed from an organisation (${FLEET_SERVICES.join(', ')}: ${FLEET_CALLS_PER_PROJECT} calls per project) and 3 clusters; ${LATENCY_MS} ms per call, concurrency ${FLEET_CONCURRENCY} per process`,
    '',
    renderTable(
      [
        'shards',
        'one process',
        'n shards at once',
        'slowest shard',
        'merge',
        'speed-up',
        'calls (1 / n)',
        'snapshot',
        'merged = single',
        'writes',
      ],
      results.fleet.map((r) => [
        r.shards,
        formatMs(r.singleMs),
        formatMs(r.parallelMs),
        formatMs(r.slowestShardMs),
        formatMs(r.mergeMs),
        `${r.speedup.toFixed(2)}×`,
        `${r.singleCalls} / ${r.shardCalls}`,
        `${r.snapshotMb.toFixed(1)} MB`,
        r.same ? 'yes' : 'NO',
        r.writes,
      ]),
    ),
  ].join('\n');
}

async function benchFleets() {
  for (const shards of FLEET_SHARDS) {
    const row = await benchFleet({
      work: join(WORK, `fleet-${shards}`),
      projects: FLEET_PROJECTS,
      shards,
      latencyMs: LATENCY_MS,
      concurrency: FLEET_CONCURRENCY,
    });
    results.fleet.push(row);
    log(
      `fleet: ${row.projects} projects, ${row.shards} shards: one process ${formatMs(row.singleMs)}, shards ${formatMs(row.parallelMs)} + merge ${formatMs(row.mergeMs)}`,
    );
  }
}

// ------------------------------------------------------------------ files layer
async function benchFiles(scale) {
  const dir = join(WORK, `repo-${scale}`);
  const files = repositoryFiles(scale);
  writeTree(dir, files);
  writeConfig(dir, '      files: true\n');
  const scanArgs = [
    'scan',
    '--env',
    'bench',
    '--dir',
    dir,
    '--format',
    'json',
    '--output-dir',
    join(dir, '.out'),
    '-q',
  ];
  const scans = [];
  const floors = [];
  for (let i = 0; i < 3; i++) {
    scans.push((await cli(scanArgs)).ms);
    floors.push((await run(process.execPath, [join(ROOT, 'bench/files-floor.mjs'), dir])).ms);
  }
  const docs = Object.entries(files).filter(([p]) => p.includes('/k8s/')).length * FULL.k8sDocsPerFile;
  const row = { scale, files: Object.keys(files).length, docs, scanMs: median(scans), floorMs: median(floors) };
  results.files.push(row);
  log(`files ${scale}×: ${row.files} files, scan ${formatMs(row.scanMs)}, floor ${formatMs(row.floorMs)}`);
}

// ------------------------------------------------------------------ live layers
/** Dependent calls before this one (0 for a call needing only configuration). */
function gcpDepth(path) {
  // Resources named by configuration (projects, expected KMS key / registry repository IAM) need no list first.
  if (/:getIamPolicy$|:testIamPermissions$/.test(path)) return 0;
  const m = /\/projects\/[^/]+(?:\/(?:locations\/[^/]+|global))?(\/.*)?$/.exec(path);
  const rest = (m?.[1] ?? '').split('/').filter(Boolean).length;
  // `instances` = 1 segment: a first-level list; `instances/x/users` = 3: a child of a listed resource.
  return Math.max(0, Math.floor((rest - 1) / 2));
}

/** Items in the recorded answer of `path` (for the number of pages it needs), or 0. */
function recordedItems(dataDir, path) {
  const file = join(
    dataDir,
    `${path.split('/').filter(Boolean).map(decodeURIComponent).join('/').replaceAll(':', '%3A')}.json`,
  );
  if (!existsSync(file)) return 0;
  const body = JSON.parse(readFileSync(file, 'utf8'));
  const list = Object.values(body).find(Array.isArray);
  return list ? list.length : 0;
}

/** Requests with the same method, path and query (page tokens included): a resource read twice. */
function repeatedRequests(requests) {
  const seen = new Map();
  for (const r of requests) {
    const key = `${r.method} ${r.path}${r.query}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].reduce((sum, n) => sum + (n - 1), 0);
}

/** One list per resource type and scope plus pages; and the longest chain of dependent calls. */
function gcpMinimum(dataDir, requests) {
  const paths = new Map();
  for (const r of requests) paths.set(`${r.method} ${r.path}`, r.path);
  let calls = 0;
  let depth = 0;
  for (const path of paths.values()) {
    const pages = Math.max(1, Math.ceil(recordedItems(dataDir, path) / GCP_MAX_PAGE));
    calls += pages;
    depth = Math.max(depth, gcpDepth(path) + pages);
  }
  return { calls, depth };
}

function floorMs(minimum) {
  return Math.max(minimum.depth, Math.ceil(minimum.calls / CONCURRENCY)) * LATENCY_MS;
}

async function benchGcp(scale) {
  const projects = projectIds(sized('gcpProjects', scale));
  const dataDir = join(WORK, `gcp-${scale}`);
  rmSync(dataDir, { recursive: true, force: true });
  writeGcpOrganisation(dataDir, join(ROOT, 'fixtures/adr-001-staging/gcp'), projects);
  const repo = join(WORK, `live-gcp-${scale}`);
  mkdirSync(repo, { recursive: true });
  writeConfig(
    repo,
    `      files: false\n      gcp:\n        projects: [${projects.join(', ')}]\n        locations: [us-central1]\n        endpointOnly: true\n        concurrency: ${CONCURRENCY}\n`,
  );
  const emulator = await startGcpEmulator({ dataDir, maxPageSize: GCP_MAX_PAGE });
  emulator.server.latencyMs = LATENCY_MS;
  try {
    const out = await cli(
      [
        'scan',
        '--env',
        'bench',
        '--dir',
        repo,
        '--layers',
        'gcp',
        '--format',
        'json',
        '--output-dir',
        join(repo, '.out'),
      ],
      { env: { ...process.env, CODITECT_AUDIT_GCP_ENDPOINT: emulator.url } },
    );
    const requests = emulator.server.requests;
    const minimum = gcpMinimum(dataDir, requests);
    const row = {
      scale,
      size: projects.length,
      scanMs: out.ms,
      floorMs: floorMs(minimum),
      calls: requests.length,
      minCalls: minimum.calls,
      depth: minimum.depth,
      repeated: repeatedRequests(requests),
      mutating: emulator.server.mutatingRequests().length,
    };
    results.gcp.push(row);
    log(
      `gcp ${scale}×: ${row.size} projects, ${row.calls} calls (min ${row.minCalls}), scan ${formatMs(row.scanMs)}, floor ${formatMs(row.floorMs)}`,
    );
  } finally {
    await emulator.stop();
  }
}

function k8sMinimum(counts, requests) {
  const listed = new Map();
  for (const r of requests) {
    if (r.verb !== 'list') continue;
    const parts = r.path.split('/').filter(Boolean);
    const plural = parts.at(-1);
    const nsAt = parts.indexOf('namespaces');
    const namespace = nsAt >= 0 && nsAt < parts.length - 2 ? parts[nsAt + 1] : undefined;
    listed.set(`${r.path}`, { plural, namespace });
  }
  // Discovery and single-object reads: once per path.
  let calls = new Set(requests.filter((r) => r.verb !== 'list').map((r) => r.path)).size;
  let depth = 1;
  for (const { plural, namespace } of listed.values()) {
    const perNs = counts[plural] ?? {};
    const items = namespace ? (perNs[namespace] ?? 0) : Object.values(perNs).reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(items / K8S_PAGE));
    calls += pages;
    depth = Math.max(depth, pages);
  }
  return { calls, depth };
}

async function benchK8s(scale) {
  const objects = sized('clusterObjects', scale);
  const dataDir = join(WORK, `k8s-${scale}`);
  rmSync(dataDir, { recursive: true, force: true });
  const counts = writeCluster(dataDir, objects);
  const repo = join(WORK, `live-k8s-${scale}`);
  mkdirSync(repo, { recursive: true });
  writeConfig(
    repo,
    `      files: false\n      k8s:\n        context: bench\n        concurrency: ${CONCURRENCY}\n        pageSize: ${K8S_PAGE}\n`,
  );
  const emulator = await startK8sEmulator({ dataDir });
  emulator.server.latencyMs = LATENCY_MS;
  try {
    const kubeconfig = writeKubeconfig(join(repo, 'kubeconfig.yaml'), [{ context: 'bench', url: emulator.url }]);
    const out = await cli(
      [
        'scan',
        '--env',
        'bench',
        '--dir',
        repo,
        '--layers',
        'k8s',
        '--format',
        'json',
        '--output-dir',
        join(repo, '.out'),
      ],
      { env: { ...process.env, KUBECONFIG: kubeconfig } },
    );
    const requests = emulator.requests();
    const minimum = k8sMinimum(counts, requests);
    const row = {
      scale,
      size: objects,
      scanMs: out.ms,
      floorMs: floorMs(minimum),
      calls: requests.length,
      minCalls: minimum.calls,
      depth: minimum.depth,
      repeated: repeatedRequests(requests),
      mutating: emulator.server.mutatingRequests().length,
    };
    results.k8s.push(row);
    log(
      `k8s ${scale}×: ${objects} objects, ${row.calls} calls (min ${row.minCalls}), scan ${formatMs(row.scanMs)}, floor ${formatMs(row.floorMs)}`,
    );
  } finally {
    await emulator.stop();
  }
}

// ------------------------------------------------------------------ rule evaluation
async function benchEvaluate(scale) {
  const resources = sized('snapshotResources', scale);
  const dir = join(WORK, `snapshot-${scale}`);
  const files = snapshotRepositoryFiles(resources);
  writeTree(dir, files);
  writeConfig(dir, '      files: true\n');
  const snapshotFile = join(dir, '.snapshot.json');
  await cli(['collect', '--env', 'bench', '--dir', dir, '-o', snapshotFile, '-q']);
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
  const count = (facet, per) => (snapshot.facets[facet]?.data?.files ?? []).reduce((sum, f) => sum + per(f), 0);
  const counted =
    count('files.kubernetes', (f) => f.objects.length) +
    count('files.dockerfile', () => 1) +
    count('files.workflows', () => 1) +
    count('files.terraform', (f) => f.blocks?.length ?? 1);
  const out = await run(process.execPath, [join(ROOT, 'bench/evaluate-child.mjs'), snapshotFile]);
  if (out.code !== 0) throw new Error(`evaluate-child: ${out.stderr}`);
  const measured = JSON.parse(out.stdout);
  const row = { scale, resources: counted, ...measured };
  results.evaluate.push(row);
  log(`evaluate ${scale}×: ${counted} resources, ${formatMs(row.evaluateMs)}, peak RSS ${Math.round(row.maxRssMb)} MB`);
}

// ------------------------------------------------------------------ start-up
// bench/startup.mjs: node -e 0, --version, --help, rules, scan of an empty directory (interleaved runs).
async function benchStartup() {
  for (const row of measureStartup({ bin: BIN, runs: STARTUP_RUNS, workDir: join(WORK, 'startup') })) {
    results.startup.push(row);
    log(`start-up ${row.name}: ${formatMs(row.ms)} (${row.ratio.toFixed(2)}× node -e 0, ${row.modules} module files)`);
  }
}

// ------------------------------------------------------------------ report
function machine() {
  let model = '';
  try {
    model = /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? '';
  } catch {
    model = cpus()[0]?.model ?? 'unknown';
  }
  return `node ${process.version}, ${cpus().length} CPUs, ${model}`;
}

const ratio = (a, b) => (a / b).toFixed(2);
const exponent = (rows, size, time) => {
  const [, b, c] = rows;
  return growthExponent(size(b), time(b), size(c), time(c));
};

function report(totalMs) {
  const out = [];
  out.push(`Machine: ${machine()}`, '');
  out.push('Files layer: CLI scan (collect + rules + JSON report) vs floor (read + parse with the same parsers)', '');
  out.push(
    renderTable(
      ['scale', 'files', 'k8s docs', 'scan', 'floor', 'ratio'],
      results.files.map((r) => [
        `${r.scale}×`,
        r.files,
        r.docs,
        formatMs(r.scanMs),
        formatMs(r.floorMs),
        ratio(r.scanMs, r.floorMs),
      ]),
    ),
  );
  for (const [name, rows, unit] of [
    ['GCP (200 projects at 16×, full service set)', results.gcp, 'projects'],
    ['Kubernetes (20,000 objects at 16×)', results.k8s, 'objects'],
  ]) {
    out.push('', `Live ${name}: ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY}`, '');
    out.push(
      renderTable(
        ['scale', unit, 'scan', 'floor', 'ratio', 'calls', 'min calls', 'chain', 'repeated', 'writes'],
        rows.map((r) => [
          `${r.scale}×`,
          r.size,
          formatMs(r.scanMs),
          formatMs(r.floorMs),
          ratio(r.scanMs, r.floorMs),
          r.calls,
          r.minCalls,
          r.depth,
          r.repeated,
          r.mutating,
        ]),
      ),
    );
  }
  out.push(fleetTable());
  out.push('', 'Rule evaluation alone (child process: read snapshot, evaluate all built-in rules)', '');
  out.push(
    renderTable(
      ['scale', 'resources', 'verdicts', 'evaluate', 'peak RSS (MB)'],
      results.evaluate.map((r) => [
        `${r.scale}×`,
        r.resources,
        r.verdicts,
        formatMs(r.evaluateMs),
        Math.round(r.maxRssMb),
      ]),
    ),
  );
  out.push('', `CLI start-up (median of ${STARTUP_RUNS})`, '');
  const bare = results.startup[0].ms;
  out.push(
    renderTable(
      ['command', 'median', '× node -e 0'],
      results.startup.map((r) => [r.name, formatMs(r.ms), ratio(r.ms, bare)]),
    ),
  );

  const last = (rows) => rows.at(-1);
  const growth = [
    [
      'files scan',
      exponent(
        results.files,
        (r) => r.docs,
        (r) => r.scanMs,
      ),
    ],
    [
      'gcp scan',
      exponent(
        results.gcp,
        (r) => r.size,
        (r) => r.scanMs,
      ),
    ],
    [
      'k8s scan',
      exponent(
        results.k8s,
        (r) => r.size,
        (r) => r.scanMs,
      ),
    ],
    [
      'rule evaluation',
      exponent(
        results.evaluate,
        (r) => r.resources,
        (r) => r.evaluateMs,
      ),
    ],
    [
      'peak RSS',
      exponent(
        results.evaluate,
        (r) => r.resources,
        (r) => r.maxRssMb,
      ),
    ],
  ];
  out.push('', 'Growth exponent between 4× and 16× (1 = linear, 2 = quadratic)', '');
  out.push(
    renderTable(
      ['figure', 'exponent'],
      growth.map(([n, e]) => [n, e.toFixed(2)]),
    ),
  );

  const f = last(results.files);
  const g = last(results.gcp);
  const k = last(results.k8s);
  const e = last(results.evaluate);
  const version = results.startup[1].ms;
  const repeated = [...results.gcp, ...results.k8s].reduce((s, r) => s + r.repeated, 0);
  const targets = [
    ['files ratio ≤ 1.5 (16×)', ratio(f.scanMs, f.floorMs), f.scanMs / f.floorMs <= 1.5],
    ['live gcp ratio ≤ 1.3 (16×)', ratio(g.scanMs, g.floorMs), g.scanMs / g.floorMs <= 1.3],
    ['live k8s ratio ≤ 1.3 (16×)', ratio(k.scanMs, k.floorMs), k.scanMs / k.floorMs <= 1.3],
    ['no API call repeated', String(repeated), repeated === 0],
    ['peak RSS ≤ 512 MB on (c)', `${Math.round(e.maxRssMb)} MB`, e.maxRssMb <= 512],
    ['--version ≤ 3× node -e 0', ratio(version, bare), version / bare <= 3],
    [
      'linear growth (exponent ≤ 1.15)',
      growth.map(([, x]) => x.toFixed(2)).join(' / '),
      growth.every(([, x]) => x <= 1.15),
    ],
  ];
  out.push('', 'Targets', '');
  out.push(
    renderTable(
      ['target', 'measured', 'result'],
      targets.map(([t, m, ok]) => [t, m, ok ? 'pass' : 'MISS']),
    ),
  );
  out.push('', `Bench wall time: ${formatMs(totalMs)}`);
  return out.join('\n');
}

const started = performance.now();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
log(machine());
if (ONLY === 'fleet') {
  await benchFleets();
  const text = `${machine()}\n${fleetTable()}\n\nBench wall time: ${formatMs(performance.now() - started)}`;
  process.stdout.write(`${text}\n`);
  writeFileSync(join(WORK, 'fleet.md'), `${text}\n`);
  writeFileSync(join(WORK, 'fleet.json'), `${JSON.stringify(results.fleet, null, 2)}\n`);
  process.exit(0);
}
for (const scale of SCALES) await benchFiles(scale);
for (const scale of SCALES) await benchGcp(scale);
for (const scale of SCALES) await benchK8s(scale);
for (const scale of SCALES) await benchEvaluate(scale);
await benchStartup();
await benchFleets();
const text = report(performance.now() - started);
process.stdout.write(`${text}\n`);
writeFileSync(join(WORK, 'results.md'), `${text}\n`);
writeFileSync(join(WORK, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
