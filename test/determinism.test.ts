/**
 * Two scans of the same repository give byte-identical reports, even when the files were created (and so
 * are listed by the file system) in a different order.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPORTERS } from '@coditect-audit/reporters';
import { describe, expect, it } from 'vitest';
import { scan } from '../packages/cli/src/scan.js';
import { tempDir } from './support/cli.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'adr-001-staging');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function copyInOrder(files: string[]): string {
  const dir = tempDir('order-');
  for (const f of files) {
    const to = join(dir, relative(fixture, f));
    mkdirSync(join(to, '..'), { recursive: true });
    copyFileSync(f, to);
  }
  return dir;
}

describe('determinism', () => {
  it('the same input discovered in another order gives byte-identical reports', async () => {
    const files = listFiles(fixture);
    const a = await scan({ dir: copyInOrder(files), env: 'staging', today: '2026-11-26' });
    const b = await scan({ dir: copyInOrder([...files].reverse()), env: 'staging', today: '2026-11-26' });
    for (const name of ['sarif', 'junit', 'markdown', 'json'] as const) {
      expect(REPORTERS[name].render(b, {}), name).toBe(REPORTERS[name].render(a, {}));
    }
  });
});
