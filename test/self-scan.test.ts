/**
 * The scanner passes its own P0 and P1 gates: `coditect-audit scan --env self --fail-on P1` on this
 * repository (coditect-audit.yaml at the root) judges the scanner's image, workflows and guides. No Docker
 * engine runs here, so the Dockerfile's other promises (pinned bases, non-root user, a context that holds
 * what it copies) are checked from its text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type Run, runInProcess, tempDir } from './support/cli.js';

describe('coditect-audit on its own repository', () => {
  let run: Run;
  let result: ScanResult;
  beforeAll(async () => {
    const out = tempDir();
    run = await runInProcess([
      'scan',
      '--env',
      'self',
      '--fail-on',
      'P1',
      '--format',
      'console,json',
      '--output-dir',
      out,
    ]);
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  it('passes the P0 and P1 gates (exit 0)', () => {
    const failing = result.verdicts
      .filter((v) => v.status === 'fail' || v.status === 'error')
      .map((v) => `${v.priority} ${v.ruleId} ${v.location?.file ?? v.resource.id}: ${v.message}`);
    expect(failing, run.stdout).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    expect(result.gate).toMatchObject({ status: 'passed', failOn: 'P1' });
  });

  it("checks the scanner's own image, workflow and guides, and nothing from the fixtures or tests", () => {
    const fileOf = (v: ScanResult['verdicts'][number]) => v.location?.file ?? v.resource.file ?? v.resource.id;
    const passed = (rule: string, file: string) =>
      result.verdicts.some(
        (v) => v.ruleId === rule && v.status === 'pass' && (fileOf(v) === file || v.resource.id.startsWith(`${file}#`)),
      );
    expect(passed('image.runs-as-root', 'Dockerfile')).toBe(true);
    expect(passed('container.unreadable-dependencies', 'Dockerfile')).toBe(true);
    expect(passed('eol-base-image', 'Dockerfile')).toBe(true);
    expect(passed('registry.gcr-reference', 'Dockerfile')).toBe(true);
    expect(passed('cicd-unpinned-action', '.github/workflows/coditect-audit.yml')).toBe(true);
    expect(passed('gcr-docs-reference', 'docs/getting-started.md')).toBe(true);
    expect(passed('gcr-docs-reference', 'docs/ci.md')).toBe(true);
    const files = new Set(result.verdicts.filter((v) => v.status !== 'skip').map(fileOf));
    for (const f of files) expect(f).not.toMatch(/^(?:fixtures|test)\/|^packages\/[^/]+\/test\//);
  });
});

describe('the Dockerfile', () => {
  const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const froms = lines.filter((l) => /^FROM\s/i.test(l));
  const args = Object.fromEntries(
    lines.flatMap((l) => {
      const m = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)/.exec(l);
      return m ? [[m[1]!, m[2]!]] : [];
    }),
  );
  const stageNames = froms.flatMap((l) => /\sAS\s+(\S+)/i.exec(l)?.[1] ?? []);

  it('is multi-stage, and pins every base image by digest', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) {
      const image = from
        .replace(/^FROM\s+/i, '')
        .replace(/--platform=\S+\s+/, '')
        .replace(/\s+AS\s+\S+$/i, '')
        .replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => args[(a ?? b)!] ?? '');
      if (stageNames.includes(image)) continue;
      expect(image, from).toMatch(/^[\w.\-/:]+@sha256:[0-9a-f]{64}$/);
    }
  });

  it('ends as a numeric non-root user, and runs the CLI', () => {
    const finalStage = text.slice(text.lastIndexOf('\nFROM '));
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
    expect(users.at(-1)).toMatch(/^[1-9]\d*(?::[1-9]\d*)?$/);
    // The release as npm installs it (scripts/pack.mjs, then npm install of the tarball).
    expect(finalStage).toMatch(
      /^RUN ln -s \/opt\/coditect-audit\/node_modules\/coditect-audit\/dist\/bin\.js \/usr\/local\/bin\/coditect-audit$/m,
    );
    expect(finalStage).toMatch(/^ENTRYPOINT \["coditect-audit"\]$/m);
  });

  it('documents the multi-platform build', () => {
    expect(text).toContain('docker buildx build --platform linux/amd64,linux/arm64');
  });

  it('copies only what exists in the build context and .dockerignore keeps in', () => {
    const ignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8');
    for (const pattern of ['**/node_modules', '**/dist', '.git', 'fixtures']) expect(ignore).toContain(pattern);
    const copies = lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/.test(l));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const parts = copy.split(/\s+/).slice(1);
      for (const source of parts.slice(0, -1).filter((p) => !p.startsWith('--'))) {
        expect(existsSync(join(repoRoot, source)), `${copy}: ${source}`).toBe(true);
        expect(ignore.split('\n'), `${source} is excluded by .dockerignore`).not.toContain(source.replace(/\/$/, ''));
      }
    }
    // The pnpm it installs is the one package.json pins.
    expect(text).toContain("require('./package.json').packageManager");
  });
});
