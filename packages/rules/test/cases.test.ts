/**
 * Every rule against its table of cases (`<rule-id>.cases.ts` beside it), run alone.
 * Pass cases: at least one pass, no fail, no error. Fail cases: exactly the expected findings, fail or
 * unknown (could not decide).
 */
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import type { RuleCases } from '../src/cases.js';
import { runCase } from './harness.js';

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

for (const rule of builtinRules) {
  describe(rule.id, () => {
    const cases = casesById.get(rule.id);
    it('has a table of cases with at least one pass and one fail', () => {
      expect(cases, `${rule.id}.cases.ts is missing`).toBeDefined();
      expect(cases!.pass.length).toBeGreaterThan(0);
      expect(cases!.fail.length).toBeGreaterThan(0);
    });
    for (const c of cases?.pass ?? []) {
      it(`passes: ${c.name}`, () => {
        const verdicts = runCase(rule, c);
        const bad = verdicts.filter((v) => v.status === 'fail' || v.status === 'error');
        expect(bad.map((v) => `${v.status} ${v.messageId} ${v.message}`)).toEqual([]);
        expect(verdicts.some((v) => v.status === 'pass')).toBe(true);
      });
    }
    for (const c of cases?.fail ?? []) {
      it(`fails: ${c.name}`, () => {
        const verdicts = runCase(rule, c);
        expect(verdicts.filter((v) => v.status === 'error').map((v) => v.message)).toEqual([]);
        const fails = verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown');
        // One verdict per resource: extra locations of the same finding are related locations.
        const got = fails
          .flatMap((v) => [{ v, loc: v.location }, ...(v.relatedLocations ?? []).map((loc) => ({ v, loc }))])
          .map(({ v, loc }) => ({
            status: v.status,
            messageId: v.messageId,
            file: loc?.file,
            line: loc?.startLine,
            ...(c.expect.some((e) => e.column !== undefined) ? { column: loc?.startColumn } : {}),
          }));
        const want = c.expect.map((e) => ({
          status: e.status ?? 'fail',
          messageId: e.messageId,
          file: e.file,
          line: e.line,
          ...(c.expect.some((x) => x.column !== undefined) ? { column: e.column } : {}),
        }));
        const key = (x: { file?: string; line?: number; column?: number; messageId: string; status: string }) =>
          `${x.file}:${String(x.line).padStart(6, '0')}:${String(x.column ?? 0).padStart(6, '0')}:${x.messageId}:${x.status}`;
        expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          want.sort((a, b) => key(a).localeCompare(key(b))),
        );
        for (const e of c.expect.filter((x) => x.certainty)) {
          const v = fails.find((f) => f.location?.startLine === e.line && f.messageId === e.messageId);
          expect(v?.certainty).toBe(e.certainty);
        }
        for (const e of c.expect.filter((x) => x.dependsOn)) {
          const v = fails.find((f) => f.location?.startLine === e.line && f.messageId === e.messageId);
          expect(v?.dependsOn).toEqual(e.dependsOn);
        }
        // An undecided verdict always names what it depends on.
        for (const v of fails.filter((f) => f.status === 'unknown')) expect(v.dependsOn?.length).toBeGreaterThan(0);
        for (const v of fails) expect(v.concerns.length).toBeGreaterThan(0);
      });
    }
  });
}
