/**
 * coditect-audit as a library. `scan()` wires configuration, collectors, rules and the core engine and
 * returns the scan result; render it with the reporters.
 */
export * from '@coditect-audit/core';
export { builtinRules } from '@coditect-audit/rules';
export { loadPlugins } from './plugins.js';
export { collect, collectSnapshot, prepare, readSnapshot, scan } from './scan.js';
export { VERSION } from './version.js';
export { failCaseProblems, passCaseProblems, RuleTester, runRuleCase, } from './testing.js';
//# sourceMappingURL=index.js.map