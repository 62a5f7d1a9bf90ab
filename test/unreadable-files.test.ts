/**
 * Unreadable files through the binary. As root every file is readable, so when the suite runs as root
 * (as in CI) the scan runs as `nobody` (runuser); packages/collectors/test/discover.test.ts covers the same
 * case when the suite runs as an ordinary user.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { bin, tempDir } from './support/cli.js';

const asRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));

describe('unreadable files', () => {
  it.runIf(asRoot && runuser)('give error verdicts naming them, and the rest is scanned (scan run as nobody)', () => {
    const repo = tempDir('unreadable-');
    const out = tempDir('unreadable-out-');
    chmodSync(repo, 0o755);
    chmodSync(out, 0o777);
    writeFileSync(
      join(repo, 'Dockerfile'),
      'FROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\nUSER django\n',
    );
    mkdirSync(join(repo, 'k8s'));
    writeFileSync(
      join(repo, 'k8s/secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: changeme\n',
    );
    mkdirSync(join(repo, 'closed'));
    writeFileSync(join(repo, 'closed/Dockerfile'), 'FROM python:3.12-slim\nUSER app\n');
    chmodSync(join(repo, 'k8s/secret.yaml'), 0o000);
    chmodSync(join(repo, 'closed'), 0o000);
    chmodSync(join(repo, 'k8s'), 0o755);

    const r = spawnSync(
      runuser!,
      ['-u', 'nobody', '--', process.execPath, bin, 'scan', '--dir', repo, '--format', 'json', '--output-dir', out],
      {
        encoding: 'utf8',
        timeout: 180_000,
      },
    );
    expect(r.stderr).not.toContain('internal error');
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    const errors = result.verdicts.filter((v) => v.status === 'error');
    const subjects = new Set(errors.map((v) => v.resource.id));
    expect(subjects).toContain('k8s/secret.yaml');
    expect(subjects).toContain('closed');
    expect(errors.every((v) => /permission/i.test(v.message))).toBe(true);
    // Everything readable was still scanned: the ADR blocker in the readable Dockerfile is found.
    expect(result.verdicts.some((v) => v.ruleId === 'container.unreadable-dependencies' && v.status === 'fail')).toBe(
      true,
    );
    // A readable blocker fails the gate; the unreadable parts make it incomplete, and failing wins.
    expect(r.status).toBe(1);
  });
});
