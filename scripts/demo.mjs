#!/usr/bin/env node
/**
 * One command for the whole ADR-001 story, with nothing to install beyond the build:
 *   node scripts/demo.mjs [staging|remediated] [--output-dir DIR] [--fail-on P0|P1|P2|none]
 * starts the bundled Google Cloud and Kubernetes emulators replaying the fixture's recordings
 * (`fixtures/adr-001-<name>/gcp/`, `k8s/api/`), writes a throwaway kubeconfig whose context is the one the
 * fixture's coditect-audit.yaml names, and runs `coditect-audit scan --env staging` against them. When
 * scripts/services.sh has started the local PostgreSQL/Redis/registry/HTTPS servers (`.tmp/services.env`),
 * the probe layer joins, configured against them; otherwise the demo says it skipped it.
 * The emulators are stopped afterwards. Exit code: the scan's.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/dist/bin.js');
/** Where scripts/services.sh records the local servers. */
const SERVICES_ENV = join(root, '.tmp', 'services.env');
const FIXTURES = ['staging', 'remediated'];
const FORMATS = 'console,sarif,junit,markdown,json';

function usage(message) {
  console.error(
    `${message}\nusage: node scripts/demo.mjs [staging|remediated] [--output-dir DIR] [--fail-on P0|P1|P2|none]`,
  );
  process.exit(3);
}

function parseArgs(argv) {
  const opts = { fixture: 'staging', outputDir: undefined, failOn: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--output-dir' || a === '--fail-on') {
      const value = argv[++i];
      if (!value) usage(`${a} needs a value`);
      if (a === '--output-dir') opts.outputDir = resolve(value);
      else opts.failOn = value;
    } else if (FIXTURES.includes(a)) opts.fixture = a;
    else usage(`unknown argument ${a}`);
  }
  opts.outputDir ??= join(root, 'out', opts.fixture === 'staging' ? 'demo' : `demo-${opts.fixture}`);
  return opts;
}

/** KEY=value lines of scripts/services.sh's env file. */
export function readServices(file) {
  const env = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

/**
 * The probe layer against the local services, as the ADR describes each fixture: staging's app logs in as
 * a superuser, its Redis has no AUTH and the HTTPS endpoint is broken; the remediated environment uses the
 * least-privilege role, the TLS + AUTH Redis and the healthy HTTPS server. Passwords travel only as
 * environment variables named in the config, never in it.
 */
export function probeLayer(fixture, s) {
  if (fixture === 'staging')
    return {
      block: `      probe:
        timeoutMs: 10000
        postgres:
          host: ${s.PG_HOST}
          port: ${s.PG_B_PORT}
          user: ${s.PG_B_SUPERUSER}
          passwordEnv: DEMO_PG_PASSWORD
          sslmode: verify-ca
          caFile: ${s.CA_FILE}
        redis:
          host: ${s.REDIS_HOST}
          port: ${s.REDIS_NOAUTH_PORT}
          tls: false
        registry:
          url: ${s.REGISTRY_URL}
        http:
          baseUrl: ${s.HTTPS_BROKEN_URL}
          httpUrl: ${s.HTTP_BROKEN_URL}
          caFile: ${s.CA_FILE}
`,
      env: { DEMO_PG_PASSWORD: s.PG_B_SUPERUSER_PASSWORD },
    };
  return {
    block: `      probe:
        timeoutMs: 10000
        postgres:
          host: ${s.PG_HOST}
          port: ${s.PG_A_PORT}
          user: ${s.PG_A_AUDIT_USER}
          passwordEnv: DEMO_PG_PASSWORD
          appUser: ${s.PG_A_APP_USER}
          sslmode: verify-ca
          caFile: ${s.CA_FILE}
        redis:
          host: ${s.REDIS_HOST}
          port: ${s.REDIS_TLS_PORT}
          tls: true
          caFile: ${s.CA_FILE}
          servername: localhost
          passwordEnv: DEMO_REDIS_PASSWORD
        http:
          baseUrl: ${s.HTTPS_GOOD_URL}
          httpUrl: ${s.HTTP_GOOD_URL}
          caFile: ${s.CA_FILE}
`,
    env: { DEMO_PG_PASSWORD: s.PG_A_AUDIT_PASSWORD, DEMO_REDIS_PASSWORD: s.REDIS_PASSWORD },
  };
}

/** A copy of the fixture whose staging environment also configures the probe layer. */
export function fixtureWithProbes(fixtureDir, block) {
  const dir = mkdtempSync(join(tmpdir(), 'coditect-audit-demo-'));
  cpSync(fixtureDir, dir, { recursive: true });
  const file = join(dir, 'coditect-audit.yaml');
  const text = readFileSync(file, 'utf8');
  const layers = /^ {4}layers:\n(?: {6}.*\n| *#.*\n)*/m.exec(text);
  if (!layers) throw new Error(`${file}: the staging environment has no layers block`);
  writeFileSync(file, text.replace(layers[0], `${layers[0]}${block}`));
  return dir;
}

/** The binary as a child process: this process keeps serving the emulators meanwhile. */
function runScan(cwd, args, env, stdio) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

/**
 * Runs the demo for one fixture and returns the scan's exit code, the layers' states from the JSON report
 * and the lines saying what was skipped. Importable (tests, bootstrap) as well as runnable.
 * `servicesEnv`: the services file to look for (a test stands for a machine without them with a path that
 * does not exist); `quiet`: no console report and no progress lines.
 */
export async function runDemo({
  fixture = 'staging',
  outputDir,
  failOn,
  servicesEnv = SERVICES_ENV,
  quiet = false,
} = {}) {
  const log = quiet ? () => {} : console.error;
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (pnpm run build)`);
  const fixtureDir = join(root, 'fixtures', `adr-001-${fixture}`);
  const out = outputDir ?? join(root, 'out', 'demo');
  const { startGcpEmulator } = await import(pathToFileURL(join(root, 'packages/emulators/dist/gcp/index.js')).href);
  const { startK8sEmulator, writeKubeconfig } = await import(
    pathToFileURL(join(root, 'packages/emulators/dist/k8s/index.js')).href
  );
  const work = mkdtempSync(join(tmpdir(), 'coditect-audit-demo-kube-'));
  const gcp = await startGcpEmulator({ dataDir: join(fixtureDir, 'gcp') });
  const k8s = await startK8sEmulator({ dataDir: join(fixtureDir, 'k8s', 'api') });
  let scanDir = fixtureDir;
  try {
    const kubeconfig = writeKubeconfig(join(work, 'kubeconfig'), [
      { context: `adr-001-${fixture}`, url: k8s.url, namespace: 'coditect-staging' },
    ]);
    log(`› Google Cloud emulator at ${gcp.url} replaying fixtures/adr-001-${fixture}/gcp/`);
    log(
      `› Kubernetes emulator at ${k8s.url} replaying fixtures/adr-001-${fixture}/k8s/api/ (context adr-001-${fixture})`,
    );
    const { CODITECT_AUDIT_GCP_ENDPOINT: _g, KUBECONFIG: _k, ...base } = process.env;
    const env = { ...base, CODITECT_AUDIT_GCP_ENDPOINT: gcp.url, KUBECONFIG: kubeconfig };
    const skipped = [];
    if (existsSync(servicesEnv)) {
      const probe = probeLayer(fixture, readServices(servicesEnv));
      scanDir = fixtureWithProbes(fixtureDir, probe.block);
      Object.assign(env, probe.env);
      log('› probe layer: the local services of scripts/services.sh (.tmp/services.env)');
    } else skipped.push('probe layer skipped: run scripts/services.sh start to include it');
    log(`› coditect-audit scan --env staging   (in fixtures/adr-001-${fixture})\n`);
    const args = ['scan', '--env', 'staging', '--format', FORMATS, '--output-dir', out];
    if (failOn) args.push('--fail-on', failOn);
    if (quiet) args.push('--quiet');
    // The copy with probes is configured by this script (its CA files live outside it): trusted on purpose.
    if (scanDir !== fixtureDir) args.push('--trust-repo-config');
    const code = await runScan(scanDir, args, env, quiet ? 'ignore' : 'inherit');
    const reportFile = join(out, 'coditect-audit.json');
    const layers = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')).layers : {};
    for (const [name, state] of Object.entries(layers))
      if (state.status !== 'collected' && !(name === 'probe' && scanDir === fixtureDir))
        skipped.push(`${name} layer ${state.status}${state.reason ? `: ${state.reason}` : ''}`);
    log('');
    for (const line of skipped) log(`› ${line}`);
    if (skipped.length === 0) log('› every layer was scanned: files, gcp, k8s, probe');
    log(`› reports: ${out}/coditect-audit.{sarif,junit.xml,md,json}`);
    if (gcp.server.mutatingRequests().length > 0)
      throw new Error('the scan sent a request that could change something');
    return { code, layers, skipped };
  } finally {
    await Promise.all([gcp.stop(), k8s.stop()]);
    rmSync(work, { recursive: true, force: true });
    if (scanDir !== fixtureDir) rmSync(scanDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const { code } = await runDemo(opts);
  process.exit(code);
}
