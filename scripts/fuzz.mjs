#!/usr/bin/env node
/**
 * The parsers' property tests (packages/collectors/test/*-property.test.ts), run longer than in the suite
 * and with a random seed, printed first so a failure can be replayed:
 *   node scripts/fuzz.mjs [--runs N] [--seed S]      (pnpm fuzz)
 * Exit code: vitest's.
 */
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value)) {
    console.error(`${name} needs an integer\nusage: node scripts/fuzz.mjs [--runs N] [--seed S]`);
    process.exit(3);
  }
  return value;
}
const runs = option('--runs', 20_000);
const seed = option('--seed', randomInt(2 ** 31 - 1));
console.error(
  `fuzz: seed ${seed}, ${runs} runs per property (replay: node scripts/fuzz.mjs --seed ${seed} --runs ${runs})`,
);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const files = readdirSync(join(root, 'packages/collectors/test'))
  .filter((f) => f.endsWith('-property.test.ts'))
  .map((f) => `packages/collectors/test/${f}`);
const child = spawn(process.execPath, [vitest, 'run', ...files, '--testTimeout', '0'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CODITECT_FUZZ_SEED: String(seed), CODITECT_FUZZ_RUNS: String(runs) },
});
child.on('close', (code) => {
  if (code !== 0)
    console.error(`fuzz: failed with seed ${seed}; replay: node scripts/fuzz.mjs --seed ${seed} --runs ${runs}`);
  process.exit(code ?? 1);
});
