import { type Rule, type Verdict } from '@coditect-audit/core';
import type { FailCase, RuleCase, RuleCases } from '@coditect-audit/rules';
export type { ExpectedFinding, FailCase, RuleCase, RuleCases } from '@coditect-audit/rules';
/** Runs one rule alone on a case and returns its verdicts. */
export declare function runRuleCase(rule: Rule, c: RuleCase): Verdict[];
/** What is wrong with a pass case's verdicts (empty: it holds). */
export declare function passCaseProblems(verdicts: readonly Verdict[]): string[];
/** What is wrong with a fail case's verdicts: missing and unexpected findings, errors (empty: it holds). */
export declare function failCaseProblems(c: FailCase, verdicts: readonly Verdict[]): string[];
type Suite = (name: string, fn: () => void) => void;
export interface RuleTesterOptions {
    /** The test framework's `describe` and `it`; default the globals (vitest with globals, jest, mocha). */
    describe?: Suite;
    it?: Suite;
}
export declare class RuleTester {
    private readonly describe;
    private readonly it;
    constructor(options?: RuleTesterOptions);
    /** One test per case; a table must have at least one pass and one fail case. */
    run(rule: Rule, cases: RuleCases): void;
}
//# sourceMappingURL=testing.d.ts.map