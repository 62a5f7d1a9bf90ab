/**
 * Rule evaluation alone on a snapshot (argv[2], written by `coditect-audit collect`): reads it, runs every
 * built-in rule through the engine, and prints the evaluation time and the process's peak RSS.
 */
import { builtinRules, evaluate, readSnapshot, resolveExpectations } from '../packages/cli/dist/index.js';

const snapshot = await readSnapshot(process.argv[2]);
const started = performance.now();
const result = evaluate(snapshot, builtinRules, {
  environment: 'bench',
  tier: 'staging',
  expectations: resolveExpectations(undefined),
  failOn: 'P0',
  allowIncomplete: true,
  toolVersion: 'bench',
  today: '2026-01-01',
});
const evaluateMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    evaluateMs,
    verdicts: result.verdicts.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
