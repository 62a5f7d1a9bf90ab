/**
 * The `rules` table and the built-in rules' ids and aliases, as computed at build time. In the sources they
 * are absent and `rules` and `scan` compute them from the rules; the bundle (scripts/bundle.mjs) replaces
 * this module with the rows `ruleRows` gives for the same build's built-in rules, and their ids and aliases,
 * so the listing loads no rule and no schema, and a scan checks the rule ids its configuration names
 * without loading the rules first (issue 19).
 */
import type { RuleRow } from './rule-rows.js';

export const BUILT_RULE_ROWS: readonly RuleRow[] | undefined = undefined;
export const BUILT_RULE_IDS: readonly string[] | undefined = undefined;
