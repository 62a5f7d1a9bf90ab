/**
 * The sample rule pack (fixtures/plugins/acme-rules) tests its rule with its own case table through the
 * public `RuleTester` of the library entry, as a pack's author would; and the tester reports a wrong table.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule, failCaseProblems, type RuleCases, RuleTester, runRuleCase } from '../packages/cli/src/index.js';

const pack = join(import.meta.dirname, '../fixtures/plugins/acme-rules');
const { rules } = (await import(join(pack, 'index.mjs'))) as { rules: Parameters<typeof defineRule>[0][] };
const { dockerfileHealthcheckCases } = (await import(join(pack, 'cases.mjs'))) as {
  dockerfileHealthcheckCases: RuleCases;
};
const healthcheck = defineRule(rules[0]!);

new RuleTester({ describe, it }).run(healthcheck, dockerfileHealthcheckCases);

describe('RuleTester reports a table that does not hold', () => {
  it('a finding at another line, and one not listed', () => {
    const c = {
      name: 'wrong line',
      files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn"]\n' },
      expect: [{ messageId: 'missing', file: 'Dockerfile', line: 2 }],
    };
    expect(failCaseProblems(c, runRuleCase(healthcheck, c))).toEqual([
      'missing: fail missing Dockerfile:2',
      'unexpected: fail missing Dockerfile:1',
    ]);
  });

  it('a pass case that fails throws with the finding', () => {
    const calls: (() => void)[] = [];
    const tester = new RuleTester({ describe: (_n, fn) => fn(), it: (_n, fn) => calls.push(fn) });
    tester.run(healthcheck, {
      pass: [{ name: 'no healthcheck', files: { Dockerfile: 'FROM alpine\n' } }],
      fail: [
        {
          name: 'x',
          files: { Dockerfile: 'FROM alpine\n' },
          expect: [{ messageId: 'missing', file: 'Dockerfile', line: 1 }],
        },
      ],
    });
    expect(calls).toHaveLength(3);
    expect(() => calls[1]!()).toThrow(/unexpected fail missing: The final stage \(0\) has no HEALTHCHECK/);
    expect(() => calls[2]!()).not.toThrow();
  });
});
