/**
 * `pnpm bench`: generates the estates of issue 9 at 1×, 4× and 16× of a base size, measures the product
 * against honest floors (issue 19) and prints one table per figure, each with its goal, plus the growth
 * exponents and a goals table. Needs `pnpm build` (the `bench` script runs it first). Work files go to
 * .tmp/bench (ignored by git), or BENCH_WORK; the tables to results.md and the figures to results.json there.
 *
 * Floors: files against a plain read + `yaml` parse of the same files (files-floor.mjs); live layers against
 * a plain client (`fetch` + `JSON.parse`) making the same calls at the same concurrency against the same
 * emulators with the same latency (live-floor.mjs). Memory: the peak RSS of the whole CLI process (collect,
 * rules, every report), read by a preload (peak-rss.mjs) as `/usr/bin/time` would.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
import { exponents, formatMs, median, renderTable } from './table.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = process.env.BENCH_WORK ? resolve(process.env.BENCH_WORK) : join(ROOT, '.tmp', 'bench');
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const PEAK_RSS = pathToFileURL(join(ROOT, 'bench/peak-rss.mjs')).href;
// BENCH_SCALES=1,2 gives a quick trial run; the figures in docs/performance.md are 1×, 4×, 16×.
const SCALES = process.env.BENCH_SCALES ? process.env.BENCH_SCALES.split(',').map(Number) : [1, 4, 16];
/** Timed runs per files scan and floor (the median counts); BENCH_RUNS=1 in the smoke test. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LATENCY_MS = 50;
const CONCURRENCY = 16;
/** Largest page the emulated Google APIs serve (most Google list calls cap at 500). */
const GCP_MAX_PAGE = 500;
const K8S_PAGE = 500;
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 20);
/** Every report format: the memory figures are for a run that writes them all. */
const EVERY_FORMAT = 'console,sarif,junit,markdown,json,html';

/** The goals of issue 19, shown beside each figure. */
const GOALS = {
  filesRatio: 1.3,
  gcpRatio: 2,
  k8sRatio: 1.5,
  peakRssMb: 512,
  exponent: 1.1,
  startupRatio: 2.5,
};

/**
 * Runs a command asynchronously (the emulators are served by this process's event loop). With `rss`, the
 * command is node and gets the peak-RSS preload; the result then has `rssMb`.
 */
function run(cmd, args, options = {}) {
  const { rss, discardStdout, ...spawnOptions } = options;
  const rssFile = rss ? join(WORK, `rss-${process.pid}-${runCount++}.txt`) : undefined;
  const fullArgs = rss ? ['--import', PEAK_RSS, ...args] : args;
  const env = rssFile ? { ...(spawnOptions.env ?? process.env), BENCH_PEAK_RSS_FILE: rssFile } : spawnOptions.env;
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(cmd, fullArgs, {
      ...spawnOptions,
      ...(env ? { env } : {}),
      stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssMb;
      if (rssFile && existsSync(rssFile)) {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile);
      }
      resolvePromise({ code, stdout, stderr, ms, rssMb });
    });
  });
}
let runCount = 0;

/** The CLI, its peak RSS measured. */
async function cli(args, options = {}) {
  const result = await run(process.execPath, [BIN, ...args], { rss: true, ...options });
  // 0 pass, 1 gate failed (findings): both are completed scans; anything else is a broken run.
  if (result.code !== 0 && result.code !== 1)
    throw new Error(`coditect-audit ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return result;
}

/**
 * A floor's bench script in a child process; its stdout is one JSON line. Started as the CLI is (with the peak
 * RSS preload, `rss`), so that what measuring costs a process, its start included, is the same on both sides.
 */
async function child(script, args) {
  const result = await run(process.execPath, [join(ROOT, 'bench', script), ...args], { rss: true });
  if (result.code !== 0) throw new Error(`${script} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return { ...result, out: JSON.parse(result.stdout) };
}

function writeConfig(dir, layers) {
  writeFileSync(
    join(dir, 'coditect-audit.yaml'),
    `version: 1\nenvironments:\n  bench:\n    tier: staging\n    failOn: P0\n    layers:\n${layers}`,
  );
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const results = { machine: '', scales: SCALES, files: [], gcp: [], k8s: [], memory: [], startup: [], fleet: [] };
// BENCH_ONLY=fleet runs the fleet section alone (issue 20), without the rest of the bench.
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

/** `scan` arguments for the bench environment of `dir`; reports go beside it, never into the tree. */
function scanArgs(dir, format, extra = []) {
  return ['scan', '--env', 'bench', '--dir', dir, '--format', format, '--output-dir', `${dir}.out`, '-q', ...extra];
}

/** A full CLI run writing every report, for the memory table. */
async function memoryRun(estate, scale, size, args, options = {}) {
  const out = await cli(args, { discardStdout: true, ...options });
  const row = { estate, scale, size, ms: out.ms, rssMb: out.rssMb };
  results.memory.push(row);
  log(`memory ${estate} ${scale}×: ${size}, ${formatMs(out.ms)}, peak RSS ${Math.round(out.rssMb)} MB`);
}

// ------------------------------------------------------------------ files layer
async function benchFiles(scale) {
  const dir = join(WORK, `repo-${scale}`);
  const files = repositoryFiles(scale);
  writeTree(dir, files);
  writeConfig(dir, '      files: true\n');
  const scans = [];
  const floors = [];
  let floorOut;
  for (let i = 0; i < RUNS; i++) {
    scans.push(await cli(scanArgs(dir, 'json')));
    const floor = await child('files-floor.mjs', [dir]);
    floors.push(floor.ms);
    floorOut = floor.out;
  }
  const docs = Object.entries(files).filter(([p]) => p.includes('/k8s/')).length * FULL.k8sDocsPerFile;
  const row = {
    scale,
    files: Object.keys(files).length,
    docs,
    yamlDocuments: floorOut.documents,
    scanMs: median(scans.map((s) => s.ms)),
    floorMs: median(floors),
    scanRssMb: median(scans.map((s) => s.rssMb)),
  };
  results.files.push(row);
  log(`files ${scale}×: ${row.files} files, scan ${formatMs(row.scanMs)}, floor ${formatMs(row.floorMs)}`);
  await memoryRun('files', scale, docs, scanArgs(dir, EVERY_FORMAT));
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

/**
 * The plain client's plan: every distinct first-page call of the scan (same method, path, query without
 * the page token, body), to be repeated by live-floor.mjs against the same emulator.
 */
function floorPlan(base, requests, pageParam, headers) {
  const calls = new Map();
  for (const r of requests) {
    const query = new URLSearchParams(r.query);
    if (query.has(pageParam)) continue;
    const key = `${r.method} ${r.path}?${query} ${r.body ?? ''}`;
    if (!calls.has(key))
      calls.set(key, { method: r.method, path: r.path, query: query.toString(), ...(r.body ? { body: r.body } : {}) });
  }
  return { base, concurrency: CONCURRENCY, pageParam, headers, calls: [...calls.values()] };
}

/**
 * A live scan and its plain client, measured alike and interleaved (scan, plain client, scan, …, plain client):
 * `RUNS` runs of each, so that a machine whose speed drifts while they are measured (a shared VM's does, by
 * tenths of a second) slows both alike; the start-up table is interleaved for the same reason. Each figure is the
 * median of its runs; the scan's peak RSS the highest. The first scan's request log is the one the counts and
 * the plain client's plan (`planOf`) are taken from; the emulator's log is cleared before every later run, and
 * writes are counted over every scan.
 */
async function liveScansAndClient(name, args, options, server, firstRequests, planOf) {
  const runs = [await cli(args, options)];
  const first = firstRequests();
  let mutating = server.mutatingRequests().length;
  const planFile = join(WORK, `${name}-plan.json`);
  writeFileSync(planFile, JSON.stringify(planOf(first)));
  const floorTimes = [];
  let floorCalls = 0;
  for (let i = 0; i < RUNS; i++) {
    server.requests.length = 0;
    const floor = await child('live-floor.mjs', [planFile]);
    floorTimes.push(floor.ms);
    floorCalls = floor.out.calls;
    if (i === RUNS - 1) break;
    server.requests.length = 0;
    runs.push(await cli(args, options));
    mutating += server.mutatingRequests().length;
  }
  return {
    scanMs: median(runs.map((r) => r.ms)),
    scanRssMb: Math.max(...runs.map((r) => r.rssMb)),
    first,
    mutating,
    floorMs: median(floorTimes),
    floorCalls,
  };
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
    const scans = await liveScansAndClient(
      `gcp-${scale}`,
      scanArgs(repo, 'json', ['--layers', 'gcp']),
      { env: { ...process.env, CODITECT_AUDIT_GCP_ENDPOINT: emulator.url } },
      emulator.server,
      () => [...emulator.server.requests],
      (requests) => floorPlan(emulator.url, requests, 'pageToken', { authorization: 'Bearer bench' }),
    );
    const requests = scans.first;
    const minimum = gcpMinimum(dataDir, requests);
    const row = {
      scale,
      size: projects.length,
      scanMs: scans.scanMs,
      scanRssMb: scans.scanRssMb,
      calls: requests.length,
      minCalls: minimum.calls,
      depth: minimum.depth,
      repeated: repeatedRequests(requests),
      mutating: scans.mutating,
      floorMs: scans.floorMs,
      floorCalls: scans.floorCalls,
    };
    results.gcp.push(row);
    log(
      `gcp ${scale}×: ${row.size} projects, ${row.calls} calls (min ${row.minCalls}, plain client ${row.floorCalls}), scan ${formatMs(row.scanMs)}, plain client ${formatMs(row.floorMs)}`,
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
    const options = { env: { ...process.env, KUBECONFIG: kubeconfig } };
    const scans = await liveScansAndClient(
      `k8s-${scale}`,
      scanArgs(repo, 'json', ['--layers', 'k8s']),
      options,
      emulator.server,
      () => ({ requests: emulator.requests(), raw: [...emulator.server.requests] }),
      ({ raw }) => floorPlan(emulator.url, raw, 'continue', { authorization: 'Bearer emulator-token-not-a-secret' }),
    );
    const { requests } = scans.first;
    const minimum = k8sMinimum(counts, requests);
    const row = {
      scale,
      size: objects,
      scanMs: scans.scanMs,
      scanRssMb: scans.scanRssMb,
      calls: requests.length,
      minCalls: minimum.calls,
      depth: minimum.depth,
      repeated: repeatedRequests(requests),
      mutating: scans.mutating,
      floorMs: scans.floorMs,
      floorCalls: scans.floorCalls,
    };
    results.k8s.push(row);
    log(
      `k8s ${scale}×: ${objects} objects, ${row.calls} calls (min ${row.minCalls}, plain client ${row.floorCalls}), scan ${formatMs(row.scanMs)}, plain client ${formatMs(row.floorMs)}`,
    );
    await memoryRun('live k8s', scale, objects, scanArgs(repo, EVERY_FORMAT, ['--layers', 'k8s']), options);
  } finally {
    await emulator.stop();
  }
}

// ------------------------------------------------------------------ snapshot replay
/** Estate (c): ~50,000 resources at 16× collected once, then replayed by `scan --snapshot` with every report. */
async function benchReplay(scale) {
  const resources = sized('snapshotResources', scale);
  const dir = join(WORK, `snapshot-${scale}`);
  writeTree(dir, snapshotRepositoryFiles(resources));
  writeConfig(dir, '      files: true\n');
  const snapshotFile = join(WORK, `snapshot-${scale}.json`);
  const collected = await cli(['collect', '--env', 'bench', '--dir', dir, '-o', snapshotFile, '-q']);
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
  const count = (facet, per) => (snapshot.facets[facet]?.data?.files ?? []).reduce((sum, f) => sum + per(f), 0);
  const counted =
    count('files.kubernetes', (f) => f.objects.length) +
    count('files.dockerfile', () => 1) +
    count('files.workflows', () => 1) +
    count('files.terraform', (f) => f.blocks?.length ?? 1);
  results.memory.push({ estate: 'collect', scale, size: counted, ms: collected.ms, rssMb: collected.rssMb });
  await memoryRun('snapshot replay', scale, counted, scanArgs(dir, EVERY_FORMAT, ['--snapshot', snapshotFile]));
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
const within = (value, goal) => (value <= goal ? 'met' : 'MISSED');
const scaleLabel = (scale) => `${scale}×`;

/** Every growth series: the scans' time and the full runs' peak RSS, by estate. */
function growthSeries() {
  const memory = (estate) => results.memory.filter((r) => r.estate === estate);
  const series = [
    ['files scan time', results.files, (r) => r.docs, (r) => r.scanMs],
    ['live gcp scan time', results.gcp, (r) => r.size, (r) => r.scanMs],
    ['live k8s scan time', results.k8s, (r) => r.size, (r) => r.scanMs],
  ];
  for (const estate of ['files', 'live k8s', 'snapshot replay']) {
    series.push([`${estate} run time`, memory(estate), (r) => r.size, (r) => r.ms]);
    series.push([`${estate} peak RSS`, memory(estate), (r) => r.size, (r) => r.rssMb]);
  }
  return series.map(([name, rows, size, value]) => ({ name, steps: exponents(rows, size, value) }));
}

function report(totalMs) {
  const out = [];
  const largest = scaleLabel(SCALES.at(-1));
  out.push(`Machine: ${results.machine}`, '');
  out.push(
    `Files layer: CLI scan (collect + rules + JSON report) vs a plain read + \`yaml\` parse of the same files (median of ${RUNS})`,
    '',
  );
  out.push(
    renderTable(
      ['scale', 'files', 'k8s docs', 'scan', 'plain parse', 'ratio', 'goal', 'scan peak RSS (MB)'],
      results.files.map((r) => [
        scaleLabel(r.scale),
        r.files,
        r.docs,
        formatMs(r.scanMs),
        formatMs(r.floorMs),
        ratio(r.scanMs, r.floorMs),
        `≤ ${GOALS.filesRatio}`,
        Math.round(r.scanRssMb),
      ]),
    ),
  );
  for (const [name, rows, unit, goal] of [
    ['GCP (200 projects at 16×, full service set)', results.gcp, 'projects', GOALS.gcpRatio],
    ['Kubernetes (20,000 objects at 16×)', results.k8s, 'objects', GOALS.k8sRatio],
  ]) {
    out.push(
      '',
      `Live ${name}: CLI scan (JSON report) vs a plain client (fetch + JSON.parse of the same calls); ${LATENCY_MS} ms per call, concurrency ${CONCURRENCY} for both (each the median of ${RUNS})`,
      '',
    );
    out.push(
      renderTable(
        [
          'scale',
          unit,
          'scan',
          'plain client',
          'ratio',
          'goal',
          'calls',
          'plain calls',
          'min calls',
          'chain',
          'repeated',
          'writes',
          'scan peak RSS (MB)',
        ],
        rows.map((r) => [
          scaleLabel(r.scale),
          r.size,
          formatMs(r.scanMs),
          formatMs(r.floorMs),
          ratio(r.scanMs, r.floorMs),
          `≤ ${goal}`,
          r.calls,
          r.floorCalls,
          r.minCalls,
          r.depth,
          r.repeated,
          r.mutating,
          Math.round(r.scanRssMb),
        ]),
      ),
    );
  }
  out.push(
    '',
    `Memory: peak RSS of the whole CLI process (collect + rules + every report: ${EVERY_FORMAT}); (c) is ~50,000 resources at 16×`,
    '',
  );
  out.push(
    renderTable(
      ['run', 'scale', 'size', 'wall', 'peak RSS (MB)', 'goal'],
      results.memory.map((r) => [
        r.estate,
        scaleLabel(r.scale),
        r.size,
        formatMs(r.ms),
        Math.round(r.rssMb),
        r.estate === 'collect' ? '' : `≤ ${GOALS.peakRssMb} at 16×`,
      ]),
    ),
  );
  if (results.fleet.length > 0) out.push(fleetTable());
  out.push('', `CLI start-up (median of ${STARTUP_RUNS})`, '');
  const bare = results.startup[0].ms;
  out.push(
    renderTable(
      ['command', 'median', '× node -e 0', 'goal'],
      results.startup.map((r) => [r.name, formatMs(r.ms), ratio(r.ms, bare), r.goal ? `≤ ${GOALS.startupRatio}` : '']),
    ),
  );

  const growth = growthSeries();
  const steps = growth[0]?.steps.map((s) => `${scaleLabel(s.from)} → ${scaleLabel(s.to)}`) ?? [];
  out.push('', 'Growth exponents: log-log slope between consecutive scales (1 = linear, 2 = quadratic)', '');
  out.push(
    renderTable(
      ['figure', ...steps, 'goal'],
      growth.map((g) => [g.name, ...g.steps.map((s) => s.exponent.toFixed(2)), `≤ ${GOALS.exponent}`]),
    ),
  );

  const last = (rows) => rows.at(-1);
  const f = last(results.files);
  const g = last(results.gcp);
  const k = last(results.k8s);
  const peak = Math.max(...results.memory.filter((r) => r.scale === SCALES.at(-1)).map((r) => r.rssMb));
  // The three start-up figures: --help, rules and a scan of an empty directory (bench/startup.mjs).
  const startupWorst = Math.max(...results.startup.filter((r) => r.goal).map((r) => r.ms / bare));
  const repeated = [...results.gcp, ...results.k8s].reduce((s, r) => s + r.repeated, 0);
  const writes = [...results.gcp, ...results.k8s].reduce((s, r) => s + r.mutating, 0);
  const lastExponents = growth.map((x) => x.steps.at(-1)?.exponent ?? Number.NaN);
  const worstExponent = Math.max(...lastExponents);
  // The issue sets the files goal at 4,000 and at 20,000 documents: judged at 4× (5,000) and 16× (20,000),
  // at the largest scale when the run has neither (a trial at small scales).
  const filesJudged = results.files.filter((r) => r.scale >= 4);
  const goals = [
    ...(filesJudged.length ? filesJudged : [f]).map((r) => [
      `files scan ÷ plain parse (${scaleLabel(r.scale)})`,
      ratio(r.scanMs, r.floorMs),
      `≤ ${GOALS.filesRatio}`,
      within(r.scanMs / r.floorMs, GOALS.filesRatio),
    ]),
    [
      `live gcp scan ÷ plain client (${largest})`,
      ratio(g.scanMs, g.floorMs),
      `≤ ${GOALS.gcpRatio}`,
      within(g.scanMs / g.floorMs, GOALS.gcpRatio),
    ],
    [
      `live k8s scan ÷ plain client (${largest})`,
      ratio(k.scanMs, k.floorMs),
      `≤ ${GOALS.k8sRatio}`,
      within(k.scanMs / k.floorMs, GOALS.k8sRatio),
    ],
    [
      `peak RSS of any full run (${largest})`,
      `${Math.round(peak)} MB`,
      `≤ ${GOALS.peakRssMb} MB`,
      within(peak, GOALS.peakRssMb),
    ],
    [
      'start-up, worst of --version/--help/rules/empty scan',
      `${startupWorst.toFixed(2)}× node -e 0`,
      `≤ ${GOALS.startupRatio}×`,
      within(startupWorst, GOALS.startupRatio),
    ],
    [
      'growth exponent, worst of the last step',
      worstExponent.toFixed(2),
      `≤ ${GOALS.exponent}`,
      within(worstExponent, GOALS.exponent),
    ],
    ['API calls repeated', String(repeated), '0', within(repeated, 0)],
    ['writes', String(writes), '0', within(writes, 0)],
  ];
  out.push('', 'Goals (issue 19)', '');
  out.push(renderTable(['measure', 'measured', 'goal', 'result'], goals));
  results.goals = goals.map(([measure, measured, goal, result]) => ({ measure, measured, goal, result }));
  results.growth = growth;
  out.push('', `Bench wall time: ${formatMs(totalMs)}`);
  return out.join('\n');
}

const started = performance.now();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
results.machine = machine();
log(results.machine);
if (ONLY === 'fleet') {
  await benchFleets();
  const text = `${results.machine}\n${fleetTable()}\n\nBench wall time: ${formatMs(performance.now() - started)}`;
  process.stdout.write(`${text}\n`);
  writeFileSync(join(WORK, 'fleet.md'), `${text}\n`);
  writeFileSync(join(WORK, 'fleet.json'), `${JSON.stringify(results.fleet, null, 2)}\n`);
  process.exit(0);
}
for (const scale of SCALES) await benchFiles(scale);
for (const scale of SCALES) await benchGcp(scale);
for (const scale of SCALES) await benchK8s(scale);
for (const scale of SCALES) await benchReplay(scale);
await benchStartup();
// BENCH_FLEET_SHARDS=none leaves the fleet section out (the smoke test runs it apart).
if (process.env.BENCH_FLEET_SHARDS !== 'none') await benchFleets();
const text = report(performance.now() - started);
process.stdout.write(`${text}\n`);
writeFileSync(join(WORK, 'results.md'), `${text}\n`);
writeFileSync(join(WORK, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
