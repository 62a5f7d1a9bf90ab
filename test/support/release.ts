/**
 * The packed release, as users get it: `scripts/pack.mjs` builds the one `coditect-audit` tarball from the
 * built workspace, and `installRelease` installs it with npm alone into an empty folder (third-party
 * dependencies from the registry, through a private npm cache so nothing is left in the user's).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './cli.js';

/** Packs the release into `dir` (built from the current dist/, no rebuild); returns the tarball's path. */
export function packRelease(dir: string): string {
  const tarball = execFileSync(process.execPath, [join(repoRoot, 'scripts/pack.mjs'), '--skip-build', '--out', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // dts-bundle-generator type-checks the workspace: ~20 s of CPU, minutes of wall time on a loaded machine.
    timeout: 400_000,
  }).trim();
  if (!existsSync(tarball)) throw new Error(`scripts/pack.mjs printed ${tarball}, which does not exist`);
  return tarball;
}

export interface Installed {
  /** The folder holding node_modules/coditect-audit. */
  dir: string;
  /** The npm cache the install used (for npx to reuse). */
  cache: string;
  seconds: number;
}

/** `npm install <tarball>` into a fresh empty folder, as a user would. */
export function installRelease(tarball: string, root = tempDir('coditect-audit-install-')): Installed {
  const dir = join(root, 'app');
  const cache = join(root, 'npm-cache');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "empty", "private": true }\n');
  const started = Date.now();
  const r = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--cache', cache, '--ignore-scripts', tarball],
    { cwd: dir, encoding: 'utf8', timeout: 170_000 },
  );
  if (r.status !== 0) throw new Error(`npm install ${tarball} failed (${r.status}): ${r.stderr}`);
  return { dir, cache, seconds: (Date.now() - started) / 1000 };
}
