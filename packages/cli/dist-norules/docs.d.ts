import { type Rule } from '@coditect-audit/core';
import type { RuleCases } from '@coditect-audit/rules';
export declare function renderRuleDoc(rule: Rule, cases?: RuleCases): string;
/** Loads the case tables shipped with the rules (`<area>/<id>.cases.js`), by rule id. */
export declare function loadBuiltinCases(): Promise<Map<string, RuleCases>>;
//# sourceMappingURL=docs.d.ts.map