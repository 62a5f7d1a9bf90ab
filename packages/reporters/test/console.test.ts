import { allVerdicts, evaluateGate, summarize } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe, toConsole, wrapLine } from '../src/console.js';
import { scanResult, SEED } from './arbitrary.js';
import { cleanResult, fullResult } from './scenario.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape sequences the reporter writes
const SGR = /\u001b\[\d+m/g;

describe('console report', () => {
  // Unwrapped, to read each line whole; the wrapping has its own tests below.
  const plain = toConsole(fullResult(), { color: false, width: 1000 });
  const lines = plain.trimEnd().split('\n');

  it('fits 100 columns by wrapping, losing no character, with or without colour', () => {
    const wide = toConsole(fullResult(), { color: false, width: 1000 });
    for (const color of [false, true]) {
      const text = toConsole(fullResult(), { color });
      const visible = text.replace(SGR, '');
      for (const line of visible.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
      const words = (t: string) => t.split(/\s+/).filter(Boolean);
      expect(words(visible)).toEqual(words(wide));
    }
    // The gate is never split: CI logs are searched for it.
    expect(toConsole(fullResult(), { color: false })).toContain('gate FAILED (fail-on P0)');
  });

  it('wraps a line at spaces, keeps ` · ` parts whole, and splits only a word longer than a line', () => {
    expect(wrapLine('  ✖ a b c d e f', 9)).toEqual(['  ✖ a b c', '    d e f']);
    expect(wrapLine('one two · gate FAILED (x)', 21)).toEqual(['one two', '    · gate FAILED (x)']);
    expect(wrapLine(`  ${'x'.repeat(25)}`, 12)).toEqual(['  xxxxxxxxxx', '      xxxxxx', '      xxxxxx', '      xxx']);
    // Colour takes no column.
    expect(wrapLine('\u001b[1mab\u001b[22m cd', 5)).toEqual(['\u001b[1mab\u001b[22m cd']);
  });

  it('groups failing findings by priority, P0 first, each led by a clickable path:line:col', () => {
    const headers = lines.filter((l) => /^P\d · /.test(l)).map((l) => l.slice(0, 2));
    expect(headers).toEqual(['P0', 'P1', 'P2']);
    expect(lines).toContain(
      '  ✖ Dockerfile:51:1  COPY puts /root/.local under /root but the final USER is django.  test-root-deps [new]',
    );
    expect(lines).toContain('      resource Dockerfile#stage:runtime');
    // A live resource with no file is led by its id.
    expect(lines).toContain(
      '  ✖ gcp:sql/coditect-cloud-infra/coditect-db  Cloud SQL instance coditect-db has automated backups off.  test-sql-backups [new]',
    );
  });

  it('marks suppressed and baseline findings and lists them after the active ones', () => {
    const p0 = lines.slice(
      lines.findIndex((l) => l.startsWith('P0 · ')),
      lines.findIndex((l) => l.startsWith('P1 · ')),
    );
    const marks = p0.filter((l) => /^ {2}[✖○]/.test(l)).map((l) => l.slice(2, 3));
    expect(marks).toEqual(['✖', '✖', '✖', '✖', '✖', '○', '○', '○']);
    expect(plain).toContain('[unchanged since baseline]');
    expect(plain).toContain('[suppressed: rotated by the platform team on deploy, until 2026-06-30]');
    expect(p0[0]).toBe('P0 · 5 failing (+3 suppressed or in baseline)');
  });

  it('lists errors and suppression housekeeping', () => {
    expect(plain).toContain('Could not check · 3 errors');
    expect(plain).toContain('  ! .github/workflows/deploy.yml:12:3  Could not check: not valid YAML');
    expect(plain).toContain('  expired coditect-audit.yaml#suppressions[1]  test-replicas (2025-12-31)');
    expect(plain).toContain('  unused  Dockerfile:40  test-root-deps: stale comment left in the file');
  });

  it('lists what was not scanned, with why, before the summary', () => {
    const text = lines.join('\n');
    expect(text).toContain(
      'Not scanned 3 paths not scanned (1 by ignore file, 1 by configuration exclude, 1 by too large)',
    );
    expect(text).toMatch(/build\/ {2}ignore file: \.gitignore: build\//);
  });

  it('lists every passed check only when asked (--include-passes), built from the compact passes', () => {
    const result = fullResult();
    const passes = [...allVerdicts(result)].filter((v) => v.status === 'pass');
    expect(result.passes?.length).toBeGreaterThan(0);
    expect(plain).not.toContain('Passed ·');
    const listed = toConsole(result, { color: false, width: 1000, includePasses: true });
    expect(listed).toContain(`Passed · ${passes.length}`);
    for (const v of passes) expect(listed).toContain(`${v.message}  ${v.ruleId} ${v.priority}`);
    // Everything else is as without the list.
    const withoutList = listed.replace(/Passed · \d+\n( {2}✔ .*\n)*\n/, '');
    expect(withoutList).toBe(plain);
  });

  it('ends with a one-line summary', () => {
    expect(lines.at(-1)).toBe(
      '✖ 5 P0, 1 P1, 2 P2 failing (2 suppressed, 1 in baseline) · 3 errors · 1 undecided · 1 passed · 2 skipped · 3 paths not scanned · gate FAILED (fail-on P0)',
    );
    expect(toConsole(cleanResult(), { color: false, width: 1000 }).trimEnd().split('\n').at(-1)).toBe(
      '✔ nothing failing · 2 passed · 1 skipped · 3 paths not scanned · gate PASSED (fail-on P0)',
    );
    const incomplete = cleanResult();
    incomplete.verdicts.push({
      ...incomplete.verdicts[0]!,
      status: 'error',
      priority: 'P0',
      message: 'Could not check: denied',
      fingerprint: 'e'.repeat(32),
    });
    incomplete.gate = evaluateGate(incomplete.verdicts, 'P0', false);
    incomplete.summary = summarize(incomplete.verdicts);
    expect(toConsole(incomplete, { color: false, width: 1000 }).trimEnd().split('\n').at(-1)).toBe(
      '✔ nothing failing · 1 error · 2 passed · 1 skipped · 3 paths not scanned · gate INCOMPLETE (fail-on P0)',
    );
  });

  it('colours only when asked, and colour adds nothing but SGR codes', () => {
    expect(plain).not.toContain('\u001b');
    const colored = toConsole(fullResult(), { color: true, width: 1000 });
    expect(colored).toMatch(SGR);
    expect(colored.replace(SGR, '')).toBe(plain);
    expect(colored).toContain('\u001b[31m✖ 5 P0, 1 P1, 2 P2 failing');
  });

  it('shows escape sequences and bidi overrides from scanned text instead of obeying them', () => {
    expect(plain).toContain('\\x07\\x1b[31mred\\u{202e}:latest');
    expect(terminalSafe('a\r\nb\u009bc\u2066')).toBe('a b\\x9bc\\u{2066}');
  });

  it('random scan results: no raw control characters, colour strips to the plain text (property-based)', () => {
    fc.assert(
      fc.property(scanResult, (result) => {
        const text = toConsole(result, { color: false });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(toConsole(result, { color: true }).replace(SGR, '')).toBe(text);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
