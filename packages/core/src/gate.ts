/**
 * The gate turns verdicts into an exit code.
 * 0 passed; 1 failed (a gating finding); 2 incomplete (an error on a gating rule, unless waived);
 * 3 usage or configuration error; 4 internal error. A failed gate wins over incomplete. `--fail-on none`
 * is report-only: no rule gates, so it never exits 1 or 2 (docs/exit-codes.md).
 * `unknown` verdicts (could not decide from what was read) gate only in a strict scan, as findings.
 * Findings on names assumed from ADR-001 (no config) never gate.
 */
import type { FailOn } from './config.js';
import { meetsThreshold } from './priority.js';
import type { Verdict } from './verdict.js';

export { EXIT } from './basics.js';

export interface GateResult {
  failOn: FailOn;
  status: 'passed' | 'failed' | 'incomplete';
  exitCode: 0 | 1 | 2;
  /** Findings that fail the gate (unsuppressed, not in the baseline, at or above the threshold). */
  failing: number;
  /** Errors on rules at or above the threshold: what could not be checked. */
  incomplete: number;
  /** Verdicts that could not be decided, at or above the threshold (they gate when `strict`). */
  unknown: number;
  allowIncomplete: boolean;
  strict: boolean;
  /** When set, only these fleet targets gate (verdicts about the environment as a whole always do). */
  targets?: string[];
}

export interface GateOptions {
  /** Undecided checks gate like findings (`--strict`, config `strict: true`). */
  strict?: boolean;
  /**
   * Fail only on findings about these fleet targets (and on those that name no target: the files, Google
   * Cloud); default every target.
   */
  targets?: readonly string[];
}

/**
 * Counts the gate, and records on each verdict what it does to it (`gate`: `failing` or `incomplete`, else
 * none), so every report says what the gate said, config overrides and targets included.
 */
export function evaluateGate(
  verdicts: readonly Verdict[],
  failOn: FailOn,
  allowIncomplete: boolean,
  options: GateOptions = {},
): GateResult {
  const strict = options.strict ?? false;
  const named = options.targets && options.targets.length > 0 ? new Set(options.targets) : undefined;
  const inScope = (v: Verdict) => !named || !v.targets || v.targets.some((t) => named.has(t));
  const gating = (v: Verdict) => failOn !== 'none' && meetsThreshold(v.priority, failOn) && inScope(v);
  const open = (v: Verdict) => !v.suppression && v.baselineState !== 'unchanged' && !v.assumed && gating(v);
  let failing = 0;
  let incomplete = 0;
  let unknown = 0;
  // Indexed: a for-of allocates an iterator result per verdict until the loop is optimized (runs once).
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    let role: Verdict['gate'];
    if (v.status === 'fail' && open(v)) role = 'failing';
    else if (v.status === 'unknown' && open(v)) {
      unknown++;
      if (strict) role = 'failing';
    } else if (v.status === 'error' && gating(v)) role = 'incomplete';
    if (role === 'failing') failing++;
    if (role === 'incomplete') incomplete++;
    if (role) v.gate = role;
    // Only where there is one: a delete is a call into the runtime per verdict even when there is nothing to delete.
    else if ('gate' in v) delete v.gate;
  }
  const scope = named ? { targets: [...named].sort() } : {};
  const base = { failOn, failing, incomplete, unknown, allowIncomplete, strict, ...scope };
  if (failing > 0) return { ...base, status: 'failed', exitCode: 1 };
  if (incomplete > 0 && !allowIncomplete) return { ...base, status: 'incomplete', exitCode: 2 };
  return { ...base, status: 'passed', exitCode: 0 };
}
