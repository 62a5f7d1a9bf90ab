/**
 * CLI start-up (issue 19): the median wall time of `node -e 0` and of the commands people run without a
 * scan to speak of, each as a multiple of `node -e 0`, plus how many module files each loads.
 *
 *   node bench/startup.mjs [--runs 20] [--bin packages/cli/dist/bin.js] [--json]
 *   node bench/startup.mjs --google-clients [--runs 5]   each Google client's module-load time
 *
 * bench/run.mjs calls `benchStartup()`. The runs are interleaved (one of each command, then the next
 * round) after one warm-up round, so a machine whose load drifts during the measurement slows every command
 * alike and the ratios stay comparable; the medians are over `runs` rounds. Each command is a fresh
 * `node` process, timed from spawn to exit (spawnSync), with stdout and stderr discarded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMs, median, renderTable } from './table.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_BIN = join(ROOT, 'packages/cli/dist/bin.js');
// The lazy-loading test's tracer: every module resolved (ES) or required (CommonJS), into TRACE_FILE.
const MODULE_TRACER = join(ROOT, 'test/support/trace-imports.mjs');
/** Issue 19's goal for `--help`, `rules` and the empty scan. */
export const STARTUP_GOAL = 2.5;

/** The measured commands: name, argv after `node` (BIN is replaced by the binary), and whether a goal applies. */
function commands(bin, emptyDir) {
  return [
    { name: 'node -e 0', argv: ['-e', '0'], goal: false },
    { name: 'coditect-audit --version', argv: [bin, '--version'], goal: false },
    { name: 'coditect-audit --help', argv: [bin, '--help'], goal: true },
    { name: 'coditect-audit rules', argv: [bin, 'rules'], goal: true },
    // No coditect-audit.yaml: the files layer alone, the ADR's assumed names, console report.
    { name: 'coditect-audit scan <empty dir>', argv: [bin, 'scan', '--dir', emptyDir, '-q'], goal: true },
  ];
}

function timeOnce(argv, cwd, env = process.env) {
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: 'ignore' });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  // `scan` exits 1 when the gate fails; the empty directory passes, so anything but 0 is a broken run.
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${r.status}`);
  return ms;
}

/** The distinct module files (ES and CommonJS) one run of `argv` loads. */
function moduleCount(argv, cwd, work) {
  const list = join(work, 'modules.txt');
  writeFileSync(list, '');
  timeOnce(['--import', pathToFileURL(MODULE_TRACER).href, ...argv], cwd, { ...process.env, TRACE_FILE: list });
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((m) => m.startsWith('file:') || m.startsWith('/'))
    .map((m) => (m.startsWith('/') ? pathToFileURL(m).href : m))
    .filter((url) => !url.startsWith(pathToFileURL(join(ROOT, 'test/support')).href));
  // `node -e 0` loads no file at all.
  return new Set(files).size;
}

/**
 * Measures every command `runs` times (interleaved) and returns one row per command:
 * { name, ms (median), ratio (to node -e 0), modules, goal }.
 */
export function benchStartup({ bin = DEFAULT_BIN, runs = 20, workDir = join(ROOT, '.tmp', 'bench', 'startup') } = {}) {
  const emptyDir = join(workDir, 'empty');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(emptyDir, { recursive: true });
  const list = commands(bin, emptyDir);
  for (const c of list) timeOnce(c.argv, emptyDir); // warm-up: the file-system cache, not the measure
  const times = list.map(() => []);
  for (let round = 0; round < runs; round++)
    list.forEach((c, i) => {
      times[i].push(timeOnce(c.argv, emptyDir));
    });
  const bare = median(times[0]);
  return list.map((c, i) => ({
    name: c.name,
    ms: median(times[i]),
    ratio: median(times[i]) / bare,
    modules: moduleCount(c.argv, emptyDir, workDir),
    goal: c.goal,
  }));
}

/** The rows as the Markdown table docs/performance.md shows. */
export function startupTable(rows, runs) {
  return [
    `CLI start-up (median of ${runs} interleaved runs; goal ≤ ${STARTUP_GOAL}× node -e 0 for --help, rules, empty scan)`,
    '',
    renderTable(
      ['command', 'median', '× node -e 0', 'module files', 'goal'],
      rows.map((r) => [
        r.name,
        formatMs(r.ms),
        r.ratio.toFixed(2),
        r.modules,
        r.goal ? (r.ratio <= STARTUP_GOAL ? 'pass' : 'MISS') : '',
      ]),
    ),
  ].join('\n');
}

/**
 * What loading each Google client costs a scan that reads that service (the gcp collector imports a
 * service's client only when the service is configured): the median time of `await import(client)` in a
 * fresh process, `runs` times each, with the module files it loads. google-auth-library is what the REST
 * services (Compute Engine, IAM, Identity Platform) load instead of a client.
 */
export function benchGoogleClients({ runs = 5, workDir = join(ROOT, '.tmp', 'bench', 'startup') } = {}) {
  const collectors = JSON.parse(readFileSync(join(ROOT, 'packages/collectors/package.json'), 'utf8'));
  const fromCollectors = createRequire(join(ROOT, 'packages/collectors/package.json'));
  const names = Object.keys(collectors.dependencies).filter(
    (d) => d.startsWith('@google-cloud/') || d === 'google-auth-library',
  );
  mkdirSync(workDir, { recursive: true });
  return names.map((name) => {
    const url = pathToFileURL(fromCollectors.resolve(name)).href;
    const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
    const argv = ['--input-type=module', '-e', script];
    const times = [];
    for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, argv, { encoding: 'utf8' })));
    return { name, ms: median(times), modules: moduleCount(argv, workDir, workDir) };
  });
}

export function googleClientsTable(rows, runs) {
  return [
    `Google client module load, in a fresh process (median of ${runs})`,
    '',
    renderTable(
      ['client', 'import', 'module files'],
      rows.map((r) => [r.name, formatMs(r.ms), r.modules]),
    ),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      bin: { type: 'string' },
      json: { type: 'boolean' },
      'google-clients': { type: 'boolean' },
    },
  });
  const runs = Number(values.runs ?? 20);
  if (values['google-clients']) {
    const rows = benchGoogleClients({ runs });
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${googleClientsTable(rows, runs)}\n`);
  } else {
    const rows = benchStartup({ runs, ...(values.bin ? { bin: resolve(values.bin) } : {}) });
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${startupTable(rows, runs)}\n`);
  }
}
