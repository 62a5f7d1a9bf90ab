/**
 * The run's temporary folder (test/support/temp-root.ts): what the tests and the binaries they spawn make
 * under `os.tmpdir()` lands in one folder that the run removes, not in /tmp for good.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './support/cli.js';

it('puts every temporary folder of the run, a spawned process’s too, in the run’s own folder', () => {
  const root = process.env.CODITECT_AUDIT_TEST_TMPDIR;
  expect(root).toBeDefined();
  expect(basename(root as string)).toMatch(/^coditect-audit-tests-/);
  expect(existsSync(root as string)).toBe(true);
  expect(tmpdir()).toBe(root);
  expect(tempDir('temp-root-').startsWith(`${root}/`)).toBe(true);
  const spawned = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], {
    encoding: 'utf8',
  });
  expect(spawned).toBe(root);
});
