/**
 * A snapshot is written in pieces (`collect`, `merge`): joined, they must be the very bytes of one
 * `JSON.stringify`, whatever the values (undefined members left out, null in arrays, `toJSON`, prototypes
 * other than Object's written as JSON.stringify writes them), at every depth the pieces split at and below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson, compactJsonChunks } from '../packages/cli/src/json-chunks.js';
import { collect } from '../packages/cli/src/scan.js';
import { repoRoot } from './support/cli.js';

const joined = (value: unknown) => [...compactJsonChunks(value)].join('');

/** Nests `value` `depth` levels down, alternating objects and arrays, so the split depth is crossed. */
const nested = (value: unknown, depth: number): unknown =>
  depth === 0
    ? value
    : depth % 2
      ? { [`k${depth}`]: nested(value, depth - 1), u: undefined }
      : [nested(value, depth - 1)];

describe('the compact JSON pieces', () => {
  it('join to JSON.stringify of any value, at any depth', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          maxDepth: 4,
        }),
        fc.integer({ min: 0, max: 9 }),
        (value, depth) => {
          const whole = nested(value, depth);
          // A top-level value JSON has no word for: no pieces, where JSON.stringify gives undefined.
          expect(joined(whole)).toBe(JSON.stringify(whole) ?? '');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('write what JSON has no word for as JSON.stringify does', () => {
    const odd = {
      gone: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      list: [undefined, () => 1, Symbol('s'), null, Number.NaN, -0, Number.POSITIVE_INFINITY],
      when: new Date(0),
      own: { toJSON: (key: string) => `as ${key}` },
      inList: [{ toJSON: (key: string) => `at ${key}` }],
      quoted: { 'a"b\u2028': '\ud800' },
    };
    for (const depth of [0, 3, 6, 9]) expect(joined(nested(odd, depth))).toBe(JSON.stringify(nested(odd, depth)));
    expect(joined(undefined)).toBe(JSON.stringify(undefined) ?? '');
  });

  it('join to the snapshot of a real collection', async () => {
    const snapshot = await collect({ dir: `${repoRoot}/fixtures/adr-001-staging`, env: 'staging', layers: ['files'] });
    expect(joined(snapshot)).toBe(JSON.stringify(snapshot));
  });
});

describe('asciiJson: the snapshot file in ASCII', () => {
  it('writes every character beyond ASCII as its escape, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const v of [value, text, { [text]: [text, value] }]) {
          const json = JSON.stringify(v);
          const ascii = asciiJson(json);
          expect(ascii).not.toMatch(/[^\x20-\x7f]/);
          expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
        }
      }),
      { numRuns: 300 },
    );
    expect(asciiJson('{"m":"‹redacted:password› 😀"}')).toBe('{"m":"\\u2039redacted:password\\u203a \\ud83d\\ude00"}');
    expect(asciiJson('{"plain":1}')).toBe('{"plain":1}');
  });
});
