/**
 * Hostile repository files: each gives a clear problem naming the file (or parses correctly), the rest of
 * the repository is still collected, and nothing hangs or exhausts memory (the test timeout bounds time;
 * heap growth is checked against a generous ceiling).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFiles } from '@coditect-audit/collectors';
import type { Problem, Snapshot } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/cli.js';

const GOOD_DOCKERFILE = 'FROM python:3.12-slim\nRUN useradd -u 1000 app\nUSER app\n';

function repoWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('hostile-');
  writeFileSync(join(dir, 'Dockerfile'), GOOD_DOCKERFILE);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function problems(facets: Snapshot['facets']): Problem[] {
  return Object.values(facets).flatMap((f) => (f && f.status !== 'absent' ? f.problems : []));
}

async function collectBounded(dir: string): Promise<Snapshot['facets']> {
  const before = process.memoryUsage().heapUsed;
  const facets = await collectFiles({ root: dir });
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
  // The good Dockerfile beside the hostile file is always still collected.
  const df = facets['files.dockerfile'];
  expect(df?.status === 'ok' && df.data.files.some((f) => f.file === 'Dockerfile')).toBe(true);
  return facets;
}

describe('hostile files', () => {
  it('a YAML alias bomb is refused with a problem naming the file', async () => {
    const lines = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: bomb }',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 0; i < 9; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    lines.push('data: { x: *j }');
    const facets = await collectBounded(repoWith({ 'k8s/bomb.yaml': lines.join('\n') }));
    expect(problems(facets).some((p) => p.subject === 'k8s/bomb.yaml')).toBe(true);
  });

  it('a 50 MB file is skipped with a problem naming the limit', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    const facets = await collectBounded(repoWith({ 'k8s/big.yaml': big }));
    const p = problems(facets).find((x) => x.subject === 'k8s/big.yaml');
    expect(p?.message).toMatch(/MB|MiB|large|size/i);
  });

  it('deeply nested YAML and HCL give a problem, not a stack overflow', async () => {
    const deepYaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\ndata: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const deepHcl = `resource "x" "y" {\n  a = ${'['.repeat(20000)}${']'.repeat(20000)}\n}\n`;
    const facets = await collectBounded(repoWith({ 'k8s/deep.yaml': deepYaml, 'infra/deep.tf': deepHcl }));
    const subjects = problems(facets).map((p) => p.subject);
    expect(subjects).toContain('infra/deep.tf');
    // YAML that deep is either refused or parsed; it must never crash the collector.
    expect(facets['files.kubernetes']?.status).toBe('ok');
  });

  it('binary content and invalid UTF-8 never crash the collector', async () => {
    const binary = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0xff, 0xfe, 0x00]);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      Buffer.from('"\n'),
    ]);
    const facets = await collectBounded(repoWith({ 'svc/Dockerfile': binary, 'k8s/latin.yaml': invalidUtf8 }));
    expect(problems(facets).some((p) => p.subject === 'svc/Dockerfile')).toBe(true);
  });

  it('Dockerfile heredocs, continuations and parser directives keep their lines', async () => {
    const dockerfile = [
      '# syntax=docker/dockerfile:1.7',
      '# escape=\\',
      'FROM python:3.12-slim AS runtime',
      'RUN <<EOF',
      'useradd -u 1000 app',
      'EOF',
      'RUN apt-get update \\',
      '    && apt-get install -y curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'USER app',
    ].join('\n');
    const facets = await collectBounded(repoWith({ 'svc/Dockerfile': dockerfile }));
    const df = facets['files.dockerfile'];
    expect(df?.status).toBe('ok');
    if (df?.status !== 'ok') return;
    const svc = df.data.files.find((f) => f.file === 'svc/Dockerfile');
    expect(svc?.stages[0]?.user).toMatchObject({ value: 'app', line: 10 });
    expect(svc?.stages[0]?.instructions.find((i) => i.keyword === 'RUN' && i.args.includes('apt-get'))?.line).toBe(7);
  });

  it('CRLF and a BOM do not move lines', async () => {
    const crlf =
      '\ufeffapiVersion: v1\r\nkind: Secret\r\nmetadata:\r\n  name: s\r\nstringData:\r\n  password: changeme\r\n';
    const facets = await collectBounded(repoWith({ 'k8s/crlf.yaml': crlf }));
    const k8s = facets['files.kubernetes'];
    if (k8s?.status !== 'ok') throw new Error('kubernetes facet not collected');
    const secret = k8s.data.files.find((f) => f.file === 'k8s/crlf.yaml')?.objects[0];
    expect(secret?.line).toBe(1);
    expect(secret?.secretKeys?.[0]).toMatchObject({ key: 'password', class: 'placeholder', line: 6 });
  });

  it('a symlink loop does not hang discovery', async () => {
    const dir = repoWith({});
    mkdirSync(join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'), 'dir');
    symlinkSync(dir, join(dir, 'root-loop'), 'dir');
    await collectBounded(dir);
  });
});

describe('no file content through process warnings', () => {
  it('a YAML key that is a collection does not make the parser print it as a warning', async () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    try {
      const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  ? [canary-7c1e9d]\n  : 1\n';
      await collectBounded(
        repoWith({ 'k8s/key.yaml': yaml, '.github/workflows/w.yml': `on: push\njobs:\n  ? [canary-7c1e9d]\n  : {}\n` }),
      );
      await new Promise((r) => setTimeout(r, 20)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listener);
    }
    expect(warnings.filter((w) => w.includes('canary-7c1e9d'))).toEqual([]);
  });
});
