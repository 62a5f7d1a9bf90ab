/**
 * Breaks 4 and 5 of issue 14: the scanned tree is what is committed. A link that resolves outside the
 * root is never followed (an `error` verdict names it, and nothing of its target is read); an ignore file
 * never hides a file git tracks (a committed k8s/.gitignore listing a committed privileged manifest does
 * not take it out of the gate); and every path left out is listed, with why, in every report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { REPORTERS } from '@coditect-audit/reporters';
import { describe, expect, it } from 'vitest';
import { scan } from '../packages/cli/src/scan.js';
import { tempDir } from './support/cli.js';

const OUTSIDE_CANARY = 'cnry-outside-root-8b3e51';

const PRIVILEGED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: miner
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: miner
          image: ghcr.io/x/miner:1.0.0
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
            runAsUser: 0
`;

const CONFIG = 'version: 1\nenvironments:\n  staging:\n    failOn: P0\n    layers:\n      files: true\n';

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'ignore' });
}

/** Every report format of a result, as text. */
function allReports(result: ScanResult): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(REPORTERS) as (keyof typeof REPORTERS)[]).map((f) => [
      f,
      REPORTERS[f].render(result, { color: false }),
    ]),
  );
}

describe('break 4: a link out of the scanned directory', () => {
  it('is not followed: an error verdict names it, and nothing of its target reaches the result', async () => {
    const outside = tempDir('coditect-audit-outside-');
    writeFileSync(join(outside, 'secret.yaml'), PRIVILEGED.replace('miner', OUTSIDE_CANARY));
    writeFileSync(join(outside, 'Dockerfile'), `FROM scratch\nENV TOKEN=${OUTSIDE_CANARY}\n`);
    const repo = tempDir('coditect-audit-links-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), CONFIG);
    mkdirSync(join(repo, 'k8s'));
    symlinkSync(join(outside, 'secret.yaml'), join(repo, 'k8s/deploy.yaml'));
    symlinkSync('../../../../../../../..' + join(outside, 'Dockerfile'), join(repo, 'Dockerfile'));
    symlinkSync(outside, join(repo, 'vendor'));
    // A link inside the root is an ordinary file of the repository.
    writeFileSync(join(repo, 'k8s/real.yaml'), PRIVILEGED);
    symlinkSync('real.yaml', join(repo, 'k8s/alias.yaml'));

    const result = await scan({ dir: repo, env: 'staging' });
    const text = JSON.stringify(result);
    expect(text).not.toContain(OUTSIDE_CANARY);
    const errors = result.verdicts.filter((v) => v.status === 'error');
    for (const link of ['k8s/deploy.yaml', 'Dockerfile'])
      expect(
        errors.some((v) => v.message.includes(`${link}: a symbolic link that resolves outside`)),
        link,
      ).toBe(true);
    expect(result.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'Dockerfile', reason: 'link-outside-root' }),
        expect.objectContaining({ path: 'k8s/deploy.yaml', reason: 'link-outside-root' }),
        expect.objectContaining({ path: 'vendor/', reason: 'directory-link' }),
      ]),
    );
    const files = result.verdicts.map((v) => v.resource.file ?? v.location?.file).filter(Boolean);
    expect(files).toContain('k8s/alias.yaml');
    expect(result.gate.exitCode).toBe(1);
  });
});

describe('break 5: an ignore file does not hide a committed file', () => {
  function hiddenManifestRepo(): string {
    const repo = tempDir('coditect-audit-hidden-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), CONFIG);
    mkdirSync(join(repo, 'k8s'));
    mkdirSync(join(repo, 'build'));
    writeFileSync(
      join(repo, 'k8s/app.yaml'),
      PRIVILEGED.replace(/miner/g, 'app').replace(/true/g, 'false').replace('runAsUser: 0', 'runAsUser: 1000'),
    );
    writeFileSync(join(repo, 'k8s/privileged.yaml'), PRIVILEGED);
    writeFileSync(join(repo, 'k8s/.gitignore'), 'privileged.yaml\nscratch.yaml\n');
    writeFileSync(join(repo, '.gitignore'), 'build/\n');
    writeFileSync(join(repo, 'build/generated.yaml'), PRIVILEGED);
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'add', '-f', 'k8s/privileged.yaml');
    git(repo, 'commit', '-qm', 'x');
    // Not committed: the ignore file rightly keeps it out, and the reports say so.
    writeFileSync(join(repo, 'k8s/scratch.yaml'), PRIVILEGED);
    return repo;
  }

  it('the committed privileged manifest is scanned and fails the gate', async () => {
    const result = await scan({ dir: hiddenManifestRepo(), env: 'staging' });
    const onIt = result.verdicts.filter((v) => (v.resource.file ?? v.location?.file) === 'k8s/privileged.yaml');
    expect(onIt.some((v) => v.status === 'fail' && v.priority === 'P0')).toBe(true);
    expect(result.gate.exitCode).toBe(1);
  });

  it('what ignore files keep out (untracked) is listed with the rule that did it', async () => {
    const result = await scan({ dir: hiddenManifestRepo(), env: 'staging' });
    expect(result.excluded).toEqual([
      { path: 'build/', reason: 'ignore-file', detail: '.gitignore: build/' },
      { path: 'k8s/scratch.yaml', reason: 'ignore-file', detail: 'k8s/.gitignore: scratch.yaml' },
    ]);
    expect(result.excluded.some((x) => x.path === 'k8s/privileged.yaml')).toBe(false);
  });

  it('every report lists every exclusion with why (JSON, SARIF, JUnit, Markdown, HTML, console)', async () => {
    const repo = hiddenManifestRepo();
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    layers:\n      files:\n        exclude: ["legacy/**"]\n',
    );
    mkdirSync(join(repo, 'legacy'));
    writeFileSync(join(repo, 'legacy/old.yaml'), PRIVILEGED);
    writeFileSync(join(repo, 'k8s/big.yaml'), `# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    const result = await scan({ dir: repo, env: 'staging' });
    expect(result.excluded.map((x) => `${x.path} ${x.reason}`)).toEqual([
      'build/ ignore-file',
      'k8s/big.yaml too-large',
      'k8s/scratch.yaml ignore-file',
      'legacy/ config-exclude',
    ]);
    const reports = allReports(result);
    for (const [format, text] of Object.entries(reports)) {
      for (const path of ['build/', 'k8s/scratch.yaml', 'legacy/', 'k8s/big.yaml'])
        expect(text, `${format} ${path}`).toContain(path);
      expect(text, format).toMatch(/config-exclude|configuration exclude/);
    }
    expect(reports.console).toMatch(/4 paths not scanned/);
    const sarif = JSON.parse(reports.sarif!) as { runs: { properties: { excluded: unknown[] } }[] };
    expect(sarif.runs[0]!.properties.excluded).toHaveLength(4);
  });

  it('the report folder is left out by real path, also through a link', async () => {
    const repo = tempDir('coditect-audit-out-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), CONFIG);
    mkdirSync(join(repo, 'reports'));
    writeFileSync(join(repo, 'reports/previous.yaml'), PRIVILEGED);
    symlinkSync(join(repo, 'reports'), join(tempDir(), 'out-link'));
    const link = join(tempDir(), 'out');
    symlinkSync(join(repo, 'reports'), link);
    const result = await scan({ dir: repo, env: 'staging', excludePaths: [link] });
    expect(result.excluded).toEqual([
      { path: 'reports/', reason: 'report-folder', detail: 'the folder this run writes its reports to' },
    ]);
    expect(JSON.stringify(result.verdicts)).not.toContain('reports/previous.yaml');
  });

  it('git runs with the repository’s fsmonitor off: a core.fsmonitor command in .git/config never runs', async () => {
    const repo = hiddenManifestRepo();
    const marker = join(tempDir(), 'FSMONITOR-RAN');
    git(repo, 'config', 'core.fsmonitor', `touch ${marker}; false`);
    const result = await scan({ dir: repo, env: 'staging' });
    expect(existsSync(marker)).toBe(false);
    // And git still answered: the committed manifest is gated.
    expect(result.gate.exitCode).toBe(1);
  });
});

describe('a kustomization does not hide a manifest (issue 15: patches are judged as kustomize renders them)', () => {
  const failuresOn = (result: ScanResult, file: string) =>
    result.verdicts
      .filter((v) => v.status === 'fail' && (v.resource.file ?? v.location?.file) === file)
      .map((v) => `${v.priority} ${v.location?.file}:${v.location?.startLine} ${v.message}`);

  it('a manifest listed as a patch with no base in the tree is judged as written and fails the gate', async () => {
    const repo = tempDir('coditect-audit-patch-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), CONFIG);
    mkdirSync(join(repo, 'k8s'));
    writeFileSync(join(repo, 'k8s/privileged.yaml'), PRIVILEGED);
    const before = await scan({ dir: repo, env: 'staging' });
    writeFileSync(join(repo, 'k8s/kustomization.yaml'), 'patches:\n  - path: privileged.yaml\n');
    const after = await scan({ dir: repo, env: 'staging' });
    expect(failuresOn(after, 'k8s/privileged.yaml')).toEqual(failuresOn(before, 'k8s/privileged.yaml'));
    expect(failuresOn(after, 'k8s/privileged.yaml').some((f) => f.startsWith('P0 '))).toBe(true);
    expect(after.gate.exitCode).toBe(1);
  });

  it('a benign base added beside it does not either: what the patch sets fails in the patch, the rest on the base', async () => {
    const repo = tempDir('coditect-audit-patch-base-');
    writeFileSync(join(repo, 'coditect-audit.yaml'), CONFIG);
    mkdirSync(join(repo, 'k8s'));
    writeFileSync(join(repo, 'k8s/privileged.yaml'), PRIVILEGED);
    const before = await scan({ dir: repo, env: 'staging' });
    writeFileSync(
      join(repo, 'k8s/base.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: miner\n  namespace: coditect-staging\nspec:\n  template:\n    spec:\n      containers:\n        - name: miner\n          image: ghcr.io/x/miner:1.0.0\n',
    );
    writeFileSync(
      join(repo, 'k8s/kustomization.yaml'),
      'resources: [base.yaml]\npatches:\n  - path: privileged.yaml\n',
    );
    const after = await scan({ dir: repo, env: 'staging' });
    // Every finding the file had alone, it has rendered: its settings are the patch's.
    expect(failuresOn(after, 'k8s/privileged.yaml')).toEqual(failuresOn(before, 'k8s/privileged.yaml'));
    expect(after.gate.exitCode).toBe(1);
    expect(
      after.verdicts.some((v) =>
        /kustomize patch \(listed in k8s\/kustomization\.yaml\): judged merged/.test(v.message),
      ),
    ).toBe(true);
  });
});
