/**
 * The ids and aliases of the built-in rules, as computed at build time. In the sources they are absent and
 * `scan` loads the rules to check the rule ids a configuration names; the bundle (scripts/bundle.mjs)
 * replaces this module with this build's, so a scan checks them without loading the rules before its
 * requests (issue 19). A module of its own: only `scan` reads it (`rules` and `--help` load none of it).
 */
export const BUILT_RULE_IDS: readonly string[] | undefined = undefined;
