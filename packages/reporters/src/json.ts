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

/**
 * A value as `JSON.stringify(sortKeys(v), null, 2)` writes it `depth` levels in, written directly: no sorted
 * copy of each verdict, no second pass to indent its lines.
 */
function indented(value: unknown, depth: number): string {
  return sortedJson(value, '  '.repeat(depth)) as string;
}

/** An array index key, which an object lists first, in numeric order, whatever order it was set in. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const isArrayIndex = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && ARRAY_INDEX.test(key) && Number(key) < 4294967295;
};

/** What `JSON.stringify` writes for `sortKeys(value)` at `indent` (undefined: a member it leaves out). */
function sortedJson(value: unknown, indent: string): string | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let text = '[';
    for (let i = 0; i < value.length; i++)
      text += `${i ? ',\n' : '\n'}${inner}${sortedJson(value[i], inner) ?? 'null'}`;
    return `${text}\n${indent}]`;
  }
  let keys = Object.keys(value).sort();
  // The sorted copy is a plain object: index keys come first, and `__proto__` set on it is no member.
  if (keys.some(isArrayIndex))
    keys = [
      ...keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)),
      ...keys.filter((k) => !isArrayIndex(k)),
    ];
  let text = '';
  for (const key of keys) {
    if (key === '__proto__') continue;
    const member = sortedJson((value as Record<string, unknown>)[key], inner);
    if (member !== undefined) text += `${text ? ',\n' : '{\n'}${inner}${JSON.stringify(key)}: ${member}`;
  }
  return text ? `${text}\n${indent}}` : '{}';
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
