/**
 * The CLI raises V8's `--semi-space-growth-factor` while a live layer is collected (main.ts), at run time, from
 * `scan`'s `whileAwaitingAnswers` (the hooks' order: test/collection-hooks.test.ts). This checks the flag so set
 * takes effect in this Node: a process that keeps what it makes grows its young generation to the same most in
 * one step or two, not by doubling.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = `
  const v8 = require('node:v8');
  if (process.argv[1]) v8.setFlagsFromString('--semi-space-growth-factor=' + process.argv[1]);
  const sizes = [];
  const kept = [];
  for (let i = 0; i < 600000; i++) {
    kept.push({ i, s: 'x' + i });
    if (i % 2000 === 0) {
      const size = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      if (sizes.at(-1) !== size) sizes.push(size);
    }
  }
  process.stdout.write(JSON.stringify(sizes));
`;

/** The young generation's sizes, in the order a process keeping what it makes went through them. */
function youngSizes(factor?: number): number[] {
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, factor === undefined ? '' : String(factor)], { encoding: 'utf8' }),
  );
}

describe('the young generation grown at once, the flag set at run time', () => {
  it('reaches the same most in fewer steps than by doubling', () => {
    const doubling = youngSizes();
    const atOnce = youngSizes(16);
    expect(doubling.length).toBeGreaterThanOrEqual(5);
    expect(atOnce.length).toBeLessThanOrEqual(3);
    expect(atOnce.at(-1)).toBe(doubling.at(-1));
  });
});
