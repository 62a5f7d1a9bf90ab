/**
 * scripts/corpus.mjs (docs/accuracy.md) keeps working after merges: on a small corpus of our own it counts
 * by repository and rule, lists every file skipped or read in part once with why, and reports no crash.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/cli.js';

const repoRoot = join(import.meta.dirname, '..');

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('scripts/corpus.mjs', () => {
  it('counts two repositories in both modes and lists the skipped files', async () => {
    const corpus = tempDir('corpus-');
    write(join(corpus, 'app'), {
      Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
      'charts/app/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    write(join(corpus, 'manifests'), {
      'deploy/web.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: 'web-' },
        spec: {
          securityContext: { runAsNonRoot: true },
          containers: [
            {
              name: 'web',
              image: 'gcr.io/distroless/static:nonroot',
              securityContext: { allowPrivilegeEscalation: false },
            },
          ],
        },
      }),
    });
    const out = join(tempDir('corpus-out-'), 'out.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'scripts/corpus.mjs'), corpus, '--json', out],
      { cwd: repoRoot },
    );
    expect(stdout).toContain('# Corpus: 2 repositories');
    expect(stdout).toContain('Crashes: 0');
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      modes: Record<
        string,
        { perRepo: Record<string, { P0: number }>; skipped: { repo: string; file: string; why: string }[] }
      >;
    };
    for (const mode of ['no-config', 'minimal-config']) {
      const m = result.modes[mode]!;
      expect(m.perRepo.app!.P0).toBeGreaterThan(0); // the Dockerfile runs as root
      expect(m.perRepo.manifests!.P0).toBe(0); // Google's image, read from JSON, named by generateName
      expect(m.skipped.map((s) => [s.repo, s.file])).toEqual([['app', 'charts/app/templates/deployment.yaml']]);
      expect(m.skipped[0]!.why).toContain('Helm template');
    }
  });
});
