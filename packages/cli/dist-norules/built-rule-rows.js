export const BUILT_RULE_ROWS = undefined;
//# sourceMappingURL=built-rule-rows.js.map