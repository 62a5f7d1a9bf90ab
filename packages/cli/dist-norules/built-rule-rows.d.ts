/**
 * The `rules` table as computed at build time. In the sources it is absent and `rules` computes it from the
 * rules; the bundle (scripts/bundle.mjs) replaces this module with the rows `ruleRows` gives for the same
 * build's built-in rules, so the listing loads no rule and no schema (issue 19).
 */
import type { RuleRow } from './rule-rows.js';
export declare const BUILT_RULE_ROWS: readonly RuleRow[] | undefined;
//# sourceMappingURL=built-rule-rows.d.ts.map