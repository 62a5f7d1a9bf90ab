/**
 * A baseline is the set of fingerprints of findings accepted at some point. With a baseline, only new
 * findings gate; the result says which are new, which unchanged and which are fixed.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';
import { BaselineError } from './basics.js';
import { compile, describeAjvError } from './validate.js';
import type { Verdict } from './verdict.js';

export const BaselineSchema = lazySchema(() =>
  Type.Object(
    {
      schemaVersion: Type.Literal(1),
      tool: Type.Literal('coditect-audit'),
      findings: Type.Array(
        Type.Object({ fingerprint: Type.String({ minLength: 1 }), ruleId: Type.String(), resource: Type.String() }),
      ),
    },
    { $id: 'https://coditect.ai/schemas/coditect-audit/baseline-v1.json' },
  ),
);
export type Baseline = Static<typeof BaselineSchema>;
export type BaselineEntry = Baseline['findings'][number];

export { BaselineError } from './basics.js';

export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not valid JSON (${(e as Error).message}); write one with --write-baseline`);
  }
  const validate = compile(BaselineSchema);
  if (!validate(value)) {
    throw new BaselineError(
      `${file}: not a coditect-audit baseline: ${(validate.errors ?? []).map(describeAjvError).join('; ')}`,
    );
  }
  return value as Baseline;
}

/** The baseline of the current failing (and undecided: they gate in a strict scan) findings, sorted so the file diffs cleanly. */
export function baselineOf(verdicts: readonly Verdict[]): Baseline {
  const findings = verdicts
    .filter((v) => v.status === 'fail' || v.status === 'unknown')
    .map((v) => ({ fingerprint: v.fingerprint, ruleId: v.ruleId, resource: v.resource.id }))
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return { schemaVersion: 1, tool: 'coditect-audit', findings };
}

/** Marks each failing or undecided verdict new or unchanged; returns the baseline entries no longer found (fixed). */
export function applyBaseline(verdicts: Verdict[], baseline: Baseline): BaselineEntry[] {
  const known = new Map(baseline.findings.map((f) => [f.fingerprint, f]));
  const seen = new Set<string>();
  for (const v of verdicts) {
    if (v.status !== 'fail' && v.status !== 'unknown') continue;
    if (known.has(v.fingerprint)) {
      v.baselineState = 'unchanged';
      seen.add(v.fingerprint);
    } else v.baselineState = 'new';
  }
  return baseline.findings.filter((f) => !seen.has(f.fingerprint));
}
