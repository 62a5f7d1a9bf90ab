/**
 * The `rules` table: one row per rule (id, default priority, layers, title). `rules` prints the rows the
 * bundle computed at build time (built-rule-rows.ts), so listing the rules loads neither the rules nor
 * core's schemas (issue 19); without the bundle they are computed from the rules here.
 */
import type { Rule } from '@coditect-audit/core';
export type RuleRow = readonly [id: string, priority: string, layers: string, title: string];
/** A rule over a view lists the layers of its sources (`files,k8s`); any other rule its own layer. */
export declare function ruleRows(rules: readonly Rule[]): RuleRow[];
//# sourceMappingURL=rule-rows.d.ts.map