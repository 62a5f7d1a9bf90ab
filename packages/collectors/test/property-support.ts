/**
 * Shared by the parsers' property tests (`*-property.test.ts`) and scripts/fuzz.mjs, which runs the same
 * files longer: the run parameters, text arbitraries built from each grammar's own fragments, and the two
 * properties every parser must keep (only FileParseError escapes; every position lies inside the text).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { FileParseError } from '../src/index.js';

/**
 * Fixed seed and a short run in the suite; `CODITECT_FUZZ_SEED` / `CODITECT_FUZZ_RUNS` (set by
 * scripts/fuzz.mjs) make it long and random, and the seed is printed by the script for reproduction.
 */
export function propertyParameters(): fc.Parameters<unknown> {
  const seed = Number(process.env.CODITECT_FUZZ_SEED ?? 20_251_201);
  const numRuns = Number(process.env.CODITECT_FUZZ_RUNS ?? 300);
  return { seed, numRuns, endOnFailure: true };
}

/** Text made of a grammar's fragments, random strings and line breaks of every kind, in any order. */
export function textFrom(fragments: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fragments) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', ' ', '  ', '\t', '\\\n', '\uFEFF', '\0') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  return fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
}

/** The text's lines as a parser counts them (any of \r\n, \r, \n ends a line). */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every `line`/`endLine`/`column` anywhere in `value` (with the path to it, for the failure message). */
function positions(value: unknown, path = '$'): { path: string; line?: number; column?: number; endLine?: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => positions(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const here =
    typeof record.line === 'number'
      ? [
          {
            path,
            line: record.line,
            column: typeof record.column === 'number' ? record.column : undefined,
            endLine: typeof record.endLine === 'number' ? record.endLine : undefined,
          },
        ]
      : [];
  return [...here, ...Object.entries(record).flatMap(([k, v]) => positions(v, `${path}.${k}`))];
}

/** Asserts every position in `value` lies inside `text`: 1-based lines that exist, columns within them. */
export function expectPositionsInside(value: unknown, text: string): void {
  const lines = linesOf(text);
  for (const p of positions(value)) {
    const where = `${p.path} in ${JSON.stringify(text)}`;
    expect(p.line, where).toBeGreaterThanOrEqual(1);
    expect(p.line, where).toBeLessThanOrEqual(lines.length);
    if (p.endLine !== undefined) {
      expect(p.endLine, where).toBeGreaterThanOrEqual(p.line!);
      expect(p.endLine, where).toBeLessThanOrEqual(lines.length);
    }
    if (p.column !== undefined) {
      expect(p.column, where).toBeGreaterThanOrEqual(1);
      expect(p.column, where).toBeLessThanOrEqual((lines[p.line! - 1]?.length ?? 0) + 1);
    }
  }
}

/**
 * Runs a parser on `text`: its result's positions lie inside the text, and the only error it may throw is
 * a FileParseError whose own position lies inside the text.
 */
export function expectParsesOrFileParseError(parse: (text: string) => unknown, text: string): void {
  let result: unknown;
  try {
    result = parse(text);
  } catch (e) {
    if (!(e instanceof FileParseError)) throw new Error(`threw ${String(e)} on ${JSON.stringify(text)}`);
    expectPositionsInside({ line: e.line, column: e.column }, text);
    return;
  }
  expectPositionsInside(result, text);
}
