/**
 * Every rule against its table of cases (`<rule-id>.cases.ts` beside it), run alone, through the public
 * `RuleTester` that plugin packs use (packages/cli/src/testing.ts): pass cases hold, fail cases produce
 * exactly the expected findings (fail or unknown), at their positions and, when given, their source.
 */
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../cli/src/testing.js';
import type { RuleCases } from '../src/cases.js';

const caseModules = import.meta.glob<{ default: RuleCases }>('../src/*/*.cases.ts', { eager: true });
const casesById = new Map(
  Object.entries(caseModules).map(([path, mod]) => [
    path
      .split('/')
      .pop()!
      .replace(/\.cases\.ts$/, ''),
    mod.default,
  ]),
);

const tester = new RuleTester({ describe, it });
for (const rule of builtinRules) {
  const cases = casesById.get(rule.id);
  if (cases) tester.run(rule, cases);
  else
    it(`${rule.id} has a table of cases`, () => {
      expect(cases, `${rule.id}.cases.ts is missing`).toBeDefined();
    });
}
