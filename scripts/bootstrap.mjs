#!/usr/bin/env node
/**
 * The README's two commands start here, on a machine with only Node 20 and npm:
 *   npm run demo   install everything, build, scan the bundled ADR-001 staging repository
 *   npm test       install everything, build, lint, start the test services, run every test
 *   npm run test:fast   install, then the unit tests and rule cases only (no build, services or browser)
 * pnpm comes from the version pinned in package.json ("packageManager"), installed into .tools/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const tools = join(root, '.tools');
const pnpm = join(tools, 'node_modules', '.bin', 'pnpm');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function ensurePnpm() {
  if (existsSync(pnpm)) {
    const v = execFileSync(pnpm, ['--version'], { encoding: 'utf8' }).trim();
    if (v === pnpmVersion) return;
  }
  console.error(`› installing pnpm ${pnpmVersion} into .tools/`);
  const code = run('npm', [
    'install',
    '--prefix',
    tools,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${pnpmVersion}`,
  ]);
  if (code !== 0) process.exit(code);
}

function step(name, args) {
  console.error(`› pnpm ${args.join(' ')}`);
  const code = run(pnpm, args);
  if (code !== 0) {
    console.error(`✖ ${name} failed (exit ${code})`);
    process.exit(code);
  }
}

const task = process.argv[2];
ensurePnpm();
step('install', ['install', '--frozen-lockfile', '--reporter=append-only']);
if (task === 'fast') {
  // In-process against the sources (vitest.fast.config.ts): nothing to build.
  process.exit(run(pnpm, ['exec', 'vitest', 'run', '--config', 'vitest.fast.config.ts']));
}
step('build', ['run', 'build']);

if (task === 'demo') {
  // The whole ADR-001 story: files + recorded Google Cloud and Kubernetes state served by the bundled
  // emulators (+ the probe servers when scripts/services.sh started them); see scripts/demo.mjs.
  const { runDemo } = await import('./demo.mjs');
  const { code } = await runDemo({ fixture: 'staging', outputDir: join(root, 'out', 'demo') });
  console.error(`\nThe gate exit code was ${code} (1 = P0 findings, as ADR-001's staging deployment still has).`);
  console.error('The remediated environment: node scripts/demo.mjs remediated --fail-on P1 (exit 0).');
  process.exit(0);
} else if (task === 'test') {
  process.exit(run('bash', [join(root, 'scripts', 'test.sh')], { env: { ...process.env, PNPM: pnpm } }));
} else {
  console.error('usage: node scripts/bootstrap.mjs demo|test|fast');
  process.exit(3);
}
