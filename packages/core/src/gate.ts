/**
 * The gate turns verdicts into an exit code.
 * 0 passed; 1 failed (a gating finding); 2 incomplete (an error on a gating rule, unless waived);
 * 3 usage or configuration error; 4 internal error. A failed gate wins over incomplete.
 */
import type { FailOn } from './config.js';
import { meetsThreshold } from './priority.js';
import type { Verdict } from './verdict.js';

export const EXIT = { passed: 0, failed: 1, incomplete: 2, usage: 3, internal: 4 } as const;

export interface GateResult {
  failOn: FailOn;
  status: 'passed' | 'failed' | 'incomplete';
  exitCode: 0 | 1 | 2;
  /** Findings that fail the gate (unsuppressed, not in the baseline, at or above the threshold). */
  failing: number;
  /** Errors on rules at or above the threshold: what could not be checked. */
  incomplete: number;
  allowIncomplete: boolean;
  /** When set, only these fleet targets gate (verdicts about the environment as a whole always do). */
  targets?: string[];
}

/**
 * `targets`: fail only on findings about these fleet targets (and on those that name no target: the files,
 * Google Cloud); default every target.
 */
export function evaluateGate(
  verdicts: readonly Verdict[],
  failOn: FailOn,
  allowIncomplete: boolean,
  targets?: readonly string[],
): GateResult {
  const named = targets && targets.length > 0 ? new Set(targets) : undefined;
  const inScope = (v: Verdict) => !named || !v.targets || v.targets.some((t) => named.has(t));
  const gating = (v: Verdict) => failOn !== 'none' && meetsThreshold(v.priority, failOn) && inScope(v);
  const failing = verdicts.filter(
    (v) => v.status === 'fail' && !v.suppression && v.baselineState !== 'unchanged' && gating(v),
  ).length;
  const incomplete = verdicts.filter((v) => v.status === 'error' && gating(v)).length;
  const scope = named ? { targets: [...named].sort() } : {};
  if (failing > 0) return { failOn, status: 'failed', exitCode: 1, failing, incomplete, allowIncomplete, ...scope };
  if (incomplete > 0 && !allowIncomplete)
    return { failOn, status: 'incomplete', exitCode: 2, failing, incomplete, allowIncomplete, ...scope };
  return { failOn, status: 'passed', exitCode: 0, failing, incomplete, allowIncomplete, ...scope };
}
