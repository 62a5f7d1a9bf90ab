/** Runs one rule alone on a case: the public RuleTester's runner (packages/cli/src/testing.ts). */
export { runRuleCase as runCase } from '../../cli/src/testing.js';
