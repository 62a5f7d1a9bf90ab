/**
 * Packaging: `pnpm pack` gives installable tarballs of the publishable packages; the CLI tarball, installed
 * with its workspace tarballs into an empty folder by npm (third-party dependencies from the registry),
 * runs `--version`, a scan of the ADR-001 staging fixture and the library entry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/cli.js';

const PUBLISHED = ['core', 'collectors', 'rules', 'reporters', 'cli'] as const;

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  repository?: { url: string; directory: string };
  engines?: { node: string };
  files?: string[];
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/**
 * The pinned pnpm (`packageManager` in package.json): $PNPM when the bootstrap gives it, else the one the
 * bootstrap installs into .tools/, installed there the same way when missing.
 */
function pinnedPnpm(): string {
  if (process.env.PNPM && existsSync(process.env.PNPM)) return process.env.PNPM;
  const version = (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
  ).packageManager.replace(/^pnpm@/, '');
  const tools = join(repoRoot, '.tools');
  const pnpm = join(tools, 'node_modules/.bin/pnpm');
  if (existsSync(pnpm) && execFileSync(pnpm, ['--version'], { encoding: 'utf8' }).trim() === version) return pnpm;
  execFileSync(
    'npm',
    ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${version}`],
    {
      stdio: 'pipe',
    },
  );
  return pnpm;
}

function tarballManifest(tarball: string): PackageJson {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
}

function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('packaging', () => {
  const packs = tempDir('coditect-audit-packs-');
  const install = tempDir('coditect-audit-install-');
  const tarballs = new Map<string, string>();
  let installSeconds = 0;

  beforeAll(() => {
    const pnpm = pinnedPnpm();
    for (const pkg of PUBLISHED) {
      const before = new Set(readdirSync(packs));
      execFileSync(pnpm, ['pack', '--pack-destination', packs], {
        cwd: join(repoRoot, 'packages', pkg),
        stdio: 'pipe',
      });
      const made = readdirSync(packs).filter((f) => !before.has(f) && f.endsWith('.tgz'));
      expect(made, `pnpm pack in packages/${pkg}`).toHaveLength(1);
      tarballs.set(pkg, join(packs, made[0]!));
    }
    writeFileSync(join(install, 'package.json'), '{ "name": "empty", "private": true }\n');
    const started = Date.now();
    const r = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs.values()],
      { cwd: install, encoding: 'utf8', timeout: 85_000 },
    );
    installSeconds = (Date.now() - started) / 1000;
    if (r.status !== 0) throw new Error(`npm install of the tarballs failed (${r.status}): ${r.stderr}`);
  }, 100_000);

  // The install holds the collectors' cloud clients (about 300 MB): never leave it behind.
  afterAll(() => {
    rmSync(install, { recursive: true, force: true });
    rmSync(packs, { recursive: true, force: true });
  });

  it('keeps the emulators package private (test tooling, never published)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages/emulators/package.json'), 'utf8')) as PackageJson;
    expect(pkg.private).toBe(true);
  });

  it('gives each published package what the registry needs, with workspace:* rewritten to versions', () => {
    for (const [dir, tarball] of tarballs) {
      const pkg = tarballManifest(tarball);
      expect(pkg.private, pkg.name).toBeUndefined();
      expect(pkg.description, pkg.name).toBeTruthy();
      expect(pkg.license, pkg.name).toBe('Apache-2.0');
      expect(pkg.repository, pkg.name).toMatchObject({
        url: 'git+https://github.com/coditect-ai/coditect-audit.git',
        directory: `packages/${dir}`,
      });
      expect(pkg.engines?.node, pkg.name).toBe('>=20.19');
      expect(pkg.files, pkg.name).toContain('dist');
      expect(pkg.exports?.['.'], pkg.name).toBeDefined();
      for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
        expect(range, `${pkg.name} → ${dep}`).not.toMatch(/^workspace:/);
        if (dep.startsWith('@coditect-audit/')) expect(range, `${pkg.name} → ${dep}`).toBe(pkg.version);
      }
      const files = tarballFiles(tarball);
      expect(files, pkg.name).toContain('package/dist/index.js');
      expect(files, pkg.name).toContain('package/README.md');
      expect(
        files.filter((f) => /\/test\/|\.test\.|\/src\/|tsbuildinfo/.test(f)),
        pkg.name,
      ).toEqual([]);
    }
    const cli = tarballManifest(tarballs.get('cli')!);
    expect(cli.name).toBe('coditect-audit');
    expect(cli.bin).toEqual({ 'coditect-audit': './dist/bin.js' });
    expect(tarballFiles(tarballs.get('cli')!)).toContain('package/schemas/config-v1.json');
    // `explain` reads the case tables from the installed rules package.
    expect(tarballFiles(tarballs.get('rules')!).some((f) => f.endsWith('.cases.js'))).toBe(true);
  });

  it(`installs into an empty folder with npm in reasonable time`, () => {
    expect(existsSync(join(install, 'node_modules/.bin/coditect-audit'))).toBe(true);
    expect(installSeconds).toBeLessThan(85);
  });

  it('runs coditect-audit --version from the installed package', () => {
    const out = execFileSync(join(install, 'node_modules/.bin/coditect-audit'), ['--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(
      (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as PackageJson).version,
    );
  });

  it('scans the ADR-001 staging fixture from the installed package: exit 1 with P0 findings', () => {
    const out = tempDir();
    const r = spawnSync(
      join(install, 'node_modules/.bin/coditect-audit'),
      [
        'scan',
        '--dir',
        join(repoRoot, 'fixtures/adr-001-staging'),
        '--env',
        'staging',
        '--format',
        'console,json',
        '--output-dir',
        out,
      ],
      { cwd: install, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('gate FAILED (fail-on P0)');
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    const p0 = result.verdicts.filter((v) => v.status === 'fail' && v.priority === 'P0');
    expect(p0.map((v) => v.ruleId)).toContain('dockerfile-unreadable-dependencies');
    expect(result.gate.status).toBe('failed');
  });

  it('serves the library entry and rule docs from the installed package', () => {
    const script = [
      "import { scan, builtinRules } from 'coditect-audit';",
      `const r = await scan({ dir: ${JSON.stringify(join(repoRoot, 'fixtures/adr-001-remediated'))}, env: 'staging' });`,
      'console.log(JSON.stringify({ gate: r.gate.status, rules: builtinRules.length }));',
    ].join('\n');
    const lib = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: install, encoding: 'utf8' }),
    ) as { gate: string; rules: number };
    expect(lib.gate).toBe('passed');
    expect(lib.rules).toBeGreaterThan(0);
    const page = execFileSync(
      join(install, 'node_modules/.bin/coditect-audit'),
      ['explain', 'dockerfile-unreadable-dependencies'],
      { encoding: 'utf8' },
    );
    expect(page).toContain('## Examples');
  });
});
