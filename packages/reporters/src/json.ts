/**
 * The whole scan result as JSON, for machines: `schemaVersion` first-class, valid against the published
 * schema (schemas/scan-result-v1.json, from core's `ScanResultSchema`). Stable: object keys sorted,
 * verdicts in the reporters' total order, rules by id, two-space indent, a final newline.
 *
 * Written as it goes (`jsonChunks`): the text is what `JSON.stringify` of the key-sorted result with a
 * two-space indent gives, produced a member at a time and the verdicts a rule at a time, its passes built
 * from their compact form as that rule is written. No sorted deep copy of the result is ever whole.
 */
import type { ScanResult } from '@coditect-audit/core';
import { verdictsInOrder } from './common.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A copy of a JSON value with every object's keys in code-unit order; `undefined` members dropped. */
export function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value as Json;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value as `JSON.stringify(v, null, 2)` writes it `depth` levels in (a string holds no raw line break). */
function indented(value: unknown, depth: number): string {
  const text = JSON.stringify(sortKeys(value), null, 2);
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** An array member's elements, one chunk each, at `depth`. */
function* arrayChunks(items: Iterable<unknown>, depth: number): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${pad}${indented(item, depth + 1)}`;
    first = false;
  }
  yield first ? '[]' : `\n${'  '.repeat(depth)}]`;
}

/** The JSON report in pieces, in order; joined, they are `toJson`'s text. */
export function* jsonChunks(result: ScanResult): Generator<string> {
  const { passes: _compact, ...members } = result;
  const keys = Object.keys(members)
    .filter((k) => (members as Record<string, unknown>)[k] !== undefined)
    .sort();
  yield '{';
  for (const [i, key] of keys.entries()) {
    yield `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (key === 'verdicts') yield* arrayChunks(verdictsInOrder(result), 1);
    else if (key === 'rules')
      yield* arrayChunks(
        [...result.rules].sort((a, b) => cmp(a.id, b.id)),
        1,
      );
    else yield indented((members as Record<string, unknown>)[key], 1);
  }
  yield keys.length ? '\n}\n' : '}\n';
}

export function toJson(result: ScanResult): string {
  return [...jsonChunks(result)].join('');
}
