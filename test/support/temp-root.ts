/**
 * One temporary folder for the whole test run, removed when the run ends. Tests (and the binaries they spawn,
 * which inherit the environment) make their temporary files under `os.tmpdir()`, which reads `TMPDIR`: with it
 * pointing here, nothing a test makes outlives the run, whether or not the test removes it (a failed one
 * cannot). Before, each run left some 190 folders in /tmp, half a gigabyte of them the fleet-shards test's.
 *
 * vitest runs a global setup once per project; the first makes the folder and the others use it.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set while a run's folder is in use: the later projects' setups find it here. */
const RUN_TMP = 'CODITECT_AUDIT_TEST_TMPDIR';

export default function setup(): () => void {
  if (process.env[RUN_TMP] && process.env.TMPDIR === process.env[RUN_TMP]) return () => undefined;
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'coditect-audit-tests-'));
  // Others may pass through it but not list it: the tests that run the binary as another user (`runuser -u
  // nobody`) give it folders of their own in here, and mkdtemp's 0700 would stop it at the door.
  chmodSync(root, 0o711);
  process.env.TMPDIR = root;
  process.env[RUN_TMP] = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    delete process.env[RUN_TMP];
    rmSync(root, { recursive: true, force: true });
  };
}
