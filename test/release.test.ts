/**
 * The release as far as it can be checked here: the workflows and the action against GitHub's schemas
 * (@action-validator/core, SchemaStore's), every action pinned to a commit, least permissions, the
 * product's own gate over the workflow, the version a tag stands for, the changelog, the pre-commit hook,
 * and the Dockerfile's stages read statically (no image builder on this machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from './support/cli.js';

const requireHere = createRequire(import.meta.url);
const validator = requireHere('@action-validator/core') as {
  validateWorkflow(src: string): { errors: unknown[] };
  validateAction(src: string): { errors: unknown[] };
};
const yaml = createRequire(join(repoRoot, 'packages/core/package.json'))('yaml') as typeof import('yaml');
const { DockerfileParser } = createRequire(join(repoRoot, 'packages/collectors/package.json'))(
  'dockerfile-ast',
) as typeof import('dockerfile-ast');

const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');
const version = (JSON.parse(read('packages/cli/package.json')) as { version: string }).version;

interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    { permissions?: Record<string, string>; steps: { uses?: string; run?: string; env?: Record<string, string> }[] }
  >;
}

describe('the workflows and the action', () => {
  const files = ['.github/workflows/release.yml', '.github/workflows/coditect-audit.yml'];

  it("validate against GitHub's workflow and action schemas", () => {
    for (const f of files) expect(validator.validateWorkflow(read(f)).errors, f).toEqual([]);
    expect(validator.validateAction(read('action.yml')).errors).toEqual([]);
    // The validator does refuse a broken workflow.
    expect(validator.validateWorkflow('on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n').errors).not.toEqual([]);
  });

  it('pin every action to a full commit SHA and read only by default', () => {
    for (const f of files) {
      const w = yaml.parse(read(f)) as Workflow;
      expect(w.permissions, f).toEqual({ contents: 'read' });
      for (const [name, job] of Object.entries(w.jobs))
        for (const s of job.steps.filter((x) => x.uses && !x.uses.startsWith('./')))
          expect(s.uses, `${f} ${name}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });

  it('release on a version tag, granting each job only what it publishes with', () => {
    const w = yaml.parse(read('.github/workflows/release.yml')) as Workflow;
    expect(w.on).toEqual({ push: { tags: ['v*'] } });
    expect(w.jobs.package!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(w.jobs.image!.permissions).toEqual({ contents: 'read', packages: 'write', 'id-token': 'write' });
    expect(w.jobs['github-release']!.permissions).toEqual({ contents: 'write' });
    const text = read('.github/workflows/release.yml');
    expect(text).toContain('platforms: linux/amd64,linux/arm64');
    expect(text).toContain('sbom: true');
    expect(text).toContain('provenance: mode=max');
    expect(text).toContain('npm publish --provenance');
    expect(text).toContain('node scripts/release-version.mjs');
    expect(text).toContain('node scripts/pack.mjs');
  });

  it('self-scan pull requests with the safe defaults: pull_request, minimal permissions, the packed release', () => {
    const w = yaml.parse(read('.github/workflows/coditect-audit.yml')) as Workflow;
    expect(Object.keys(w.on as object).sort()).toEqual(['pull_request', 'push']);
    expect(w.jobs['self-scan']!.permissions).toEqual({
      contents: 'read',
      'security-events': 'write',
      actions: 'read',
    });
    const step = w.jobs['self-scan']!.steps.find((s) => s.uses === './')!;
    expect(step.env?.CODITECT_AUDIT_PACKAGE).toBe(`\${{ steps.pack.outputs.tarball }}`);
  });
});

describe("the product's own gate over the release", () => {
  let result: ScanResult;
  beforeAll(() => {
    const out = tempDir();
    const run = runCli([
      'scan',
      '--env',
      'self',
      '--fail-on',
      'P1',
      '--layers',
      'files',
      '--format',
      'json',
      '--output-dir',
      out,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  it('passes every rule on the release workflow, the self-scan workflow, the action and the Dockerfile', () => {
    for (const f of ['.github/workflows/release.yml', '.github/workflows/coditect-audit.yml', 'Dockerfile']) {
      const of = result.verdicts.filter((v) => (v.location?.file ?? v.resource.file) === f);
      expect(of.length, f).toBeGreaterThan(0);
      expect(
        of.filter((v) => v.status === 'fail' || v.status === 'error').map((v) => `${v.ruleId}: ${v.message}`),
        f,
      ).toEqual([]);
    }
  });
});

describe('versions from tags', () => {
  const check = (tag: string) =>
    spawnSync(process.execPath, [join(repoRoot, 'scripts/release-version.mjs'), tag], { encoding: 'utf8' });

  it.each([
    [`v${version}`, 'not released yet: no changelog section', 3],
    ['v9.9.9', 'packages/cli/package.json says', 3],
    ['1.2.3', 'is not v<semantic version>', 3],
    ['vlatest', 'is not v<semantic version>', 3],
  ])('tag %s → %s', (tag, message, code) => {
    const r = check(tag);
    const hasSection = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(read('CHANGELOG.md'));
    if (tag === `v${version}` && hasSection) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(version);
      return;
    }
    expect(r.status).toBe(code);
    expect(r.stderr).toContain(tag === `v${version}` ? 'CHANGELOG.md has no' : message);
  });

  it('keeps a changelog with an Unreleased section and one per released version', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    for (const m of changelog.matchAll(/^## \[(.+?)\]/gm))
      expect(m[1], 'a section heading').toMatch(/^(Unreleased|\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)$/);
  });
});

describe('the pre-commit hook', () => {
  it('runs the files layer of the release this tag publishes', () => {
    const hooks = yaml.parse(read('.pre-commit-hooks.yaml')) as {
      id: string;
      entry: string;
      language: string;
      pass_filenames: boolean;
      additional_dependencies: string[];
    }[];
    expect(hooks.map((h) => h.id)).toEqual(['coditect-audit']);
    const [hook] = hooks;
    expect(hook!.entry).toMatch(/^coditect-audit scan --layers files\b/);
    expect(hook!.language).toBe('node');
    expect(hook!.pass_filenames).toBe(false);
    expect(hook!.additional_dependencies).toEqual([`coditect-audit@${version}`]);
    // The entry's flags are the binary's own.
    const run = runCli([
      ...hook!.entry.split(' ').slice(1),
      '--env',
      'staging',
      '--dir',
      join(repoRoot, 'fixtures/adr-001-remediated'),
    ]);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('the Dockerfile, read statically', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const froms = dockerfile.getFROMs();
  const arg = (name: string) =>
    dockerfile
      .getARGs()
      .find((a) => a.getProperty()?.getName() === name)
      ?.getProperty()
      ?.getValue();

  const lineOf = (i: { getRange(): { start: { line: number } } }) =>
    read('Dockerfile').split('\n')[i.getRange().start.line]!;

  it('builds on a base pinned by digest, the build stage on the builder’s platform', () => {
    expect(arg('NODE_IMAGE')).toMatch(/^node:[\w.-]+@sha256:[0-9a-f]{64}$/);
    expect(froms.map((f) => f.getImageName())).toEqual([`\${NODE_IMAGE}`, `\${NODE_IMAGE}`]);
    expect(froms[0]!.getBuildStage()).toBe('build');
    expect(froms[0]!.getPlatformFlag()?.getValue()).toBe('$BUILDPLATFORM');
    expect(froms[1]!.getPlatformFlag()).toBeNull();
  });

  it('installs the packed release, runs it as a non-root user and copies only from the build stage', () => {
    const text = read('Dockerfile');
    expect(text).toContain('node scripts/pack.mjs --skip-build');
    expect(text).toMatch(/npm install [^\n]*--ignore-scripts[^\n]*coditect-audit-\*\.tgz/);
    const runtime = dockerfile
      .getInstructions()
      .filter((i) => i.getRange().start.line > froms[1]!.getRange().start.line);
    const user = runtime.filter((i) => i.getKeyword() === 'USER').at(-1)!;
    expect(user.getArgumentsContent()).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    for (const copy of runtime.filter((i) => i.getKeyword() === 'COPY')) expect(lineOf(copy)).toMatch(/--from=build\b/);
    expect(runtime.find((i) => i.getKeyword() === 'ENTRYPOINT')?.getArgumentsContent()).toBe('["coditect-audit"]');
  });

  it('copies only files the build context holds (.dockerignore lets them through)', () => {
    const ignore = requireHere(join(repoRoot, 'packages/collectors/node_modules/ignore')) as () => {
      add(p: string): { ignores(p: string): boolean };
    };
    const ig = ignore().add(read('.dockerignore'));
    for (const copy of dockerfile.getInstructions().filter((i) => i.getKeyword() === 'COPY')) {
      if (/--from=/.test(lineOf(copy))) continue;
      const args = copy.getArguments().map((a) => a.getValue());
      for (const src of args.slice(0, -1)) {
        expect(existsSync(join(repoRoot, src)), src).toBe(true);
        expect(ig.ignores(src.replace(/\/$/, '')), `${src} is in .dockerignore`).toBe(false);
      }
    }
  });
});
