/**
 * coditect-audit as a library. `scan()` wires configuration, collectors, rules and the core engine and
 * returns the scan result; render it with the reporters.
 */
export * from '@coditect-audit/core';
export { builtinRules } from '@coditect-audit/rules';
export { loadPlugins, type LoadedPlugin } from './plugins.js';
export { collect, collectSnapshot, prepare, readSnapshot, scan, type ScanOptions } from './scan.js';
export { VERSION } from './version.js';
export { type ExpectedFinding, type FailCase, failCaseProblems, passCaseProblems, type RuleCase, type RuleCases, RuleTester, type RuleTesterOptions, runRuleCase, } from './testing.js';
//# sourceMappingURL=index.d.ts.map