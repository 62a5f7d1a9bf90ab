/**
 * The whole scan result as JSON, for machines: `schemaVersion` first-class, valid against the published
 * schema (schemas/scan-result-v1.json, from core's `ScanResultSchema`). Stable: object keys sorted,
 * verdicts in the reporters' total order, rules by id, two-space indent, a final newline.
 *
 * Written as it goes (`jsonChunks`): the text is what `JSON.stringify` of the key-sorted result with a
 * two-space indent gives, produced a member at a time and the verdicts a batch at a time in the total order
 * (`verdictBatchesInOrder`), each pass built from its compact form when its batch is written. No sorted deep
 * copy of the result is ever whole. Array items that are plain data (every verdict a rule builds) are written
 * by native `JSON.stringify` a batch at a time, with only their out-of-order objects copied in key order
 * (`plainItems`); anything else is written by `sortedJson`, which gives the same text. What the engine and the
 * views build most (pass verdicts, Kubernetes and Terraform resources) is built in key order, so most objects
 * are written as they are.
 */
import type { ScanResult } from '@coditect-audit/core';
import { verdictBatchesInOrder } from './common.js';

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

/** What `inSortedOrder` answers for a value that is not plain data. */
const NOT_PLAIN = Symbol('not plain');

/**
 * The key lists met, as a tree by key (a node per list prefix), each list's keys sorted once: objects built
 * alike (every verdict's resource, its data) come in few key orders, so an out-of-order one is copied by its
 * list's sorted keys without sorting them again. Bounded in lists and key length: data from the scanned
 * repository may have any keys.
 */
interface KeyOrder {
  next: Map<string, KeyOrder> | undefined;
  sorted: string[] | undefined;
}
const KEY_ORDERS: KeyOrder = { next: undefined, sorted: undefined };
const KEY_ORDERS_MAX = 4096;
/** Longer keys are not kept (a list with one is sorted each time it is met). */
const KEY_ORDER_KEY_MAX = 64;
let keyOrders = 0;

/**
 * The keys of an object met out of order, sorted: looked up by its key list in `KEY_ORDERS` (only for such an
 * object: most are in order and need no list), sorted once per list kept.
 */
function sortedKeysOf(members: Record<string, unknown>): string[] {
  let order: KeyOrder | undefined = KEY_ORDERS;
  for (const key in members) {
    let next: KeyOrder | undefined = order.next?.get(key);
    if (!next) {
      if (keyOrders >= KEY_ORDERS_MAX || key.length > KEY_ORDER_KEY_MAX) {
        order = undefined;
        break;
      }
      next = { next: undefined, sorted: undefined };
      order.next ??= new Map();
      order.next.set(key, next);
      keyOrders++;
    }
    order = next;
  }
  let keys = order?.sorted;
  if (!keys) {
    keys = Object.keys(members).sort();
    if (order) order.sorted = keys;
  }
  return keys;
}

/**
 * `value` with every object's keys in code-unit order, when it is plain JSON data: strings, numbers,
 * booleans, null, arrays (no holes, no `undefined` item) and objects whose prototype is `Object.prototype` or
 * null, with no array-index key (a plain object lists those first) and no `__proto__` key (the sorted copy
 * drops it). A part already in order is returned as it is (most are: only what is out of order is copied),
 * so native `JSON.stringify` of the answer writes what `sortedJson` writes, much faster. Anything else (a
 * date, a class instance, a function, a boxed string, `toJSON`) is `NOT_PLAIN`, for `sortedJson`.
 */
function inSortedOrder(value: unknown): unknown {
  if (typeof value !== 'object')
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : NOT_PLAIN;
  if (value === null) return value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item: unknown = value[i];
      const ordered = inSortedOrder(item);
      if (ordered === NOT_PLAIN) return NOT_PLAIN;
      if (ordered !== item && !copy) copy = value.slice(0, i);
      copy?.push(ordered);
    }
    return copy ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const members = value as Record<string, unknown>;
  let inOrder = true;
  let previous = '';
  // Members that were copied in order: key, copy, key, copy...
  let changed: unknown[] | undefined;
  // Own keys only: the prototype is Object.prototype or null, which have no enumerable members.
  for (const key in members) {
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return NOT_PLAIN;
    if (key < previous) inOrder = false;
    previous = key;
    const member = members[key];
    // An `undefined` member is left out by both writers.
    if (
      member === undefined ||
      member === null ||
      typeof member === 'string' ||
      typeof member === 'number' ||
      typeof member === 'boolean'
    )
      continue;
    const ordered = inSortedOrder(member);
    if (ordered === NOT_PLAIN) return NOT_PLAIN;
    if (ordered !== member) {
      changed ??= [];
      changed.push(key, ordered);
    }
  }
  let copy: Record<string, unknown>;
  if (inOrder) {
    if (!changed) return value;
    // The same keys in the same order (a plain object's spread keeps both), then the copied members.
    copy = { ...members };
  } else {
    copy = {};
    for (const key of sortedKeysOf(members)) copy[key] = members[key];
  }
  if (changed) for (let i = 0; i < changed.length; i += 2) copy[changed[i] as string] = changed[i + 1];
  return copy;
}

/** Values written by one native `JSON.stringify` call: a few dozen verdicts, tens of kilobytes. */
const BATCH = 32;

/**
 * The text of `items` at `depth` (each on its own lines, joined by `,` and a new line, the first not
 * indented), as `sortedJson` writes each: when they are plain data, one native `JSON.stringify` of them in
 * key order, nested `depth` arrays deep so that its indent is theirs, cut out of its brackets; undefined
 * when they are not.
 */
function plainItems(items: readonly unknown[], depth: number): string | undefined {
  const ordered = items.map(inSortedOrder);
  if (ordered.includes(NOT_PLAIN)) return undefined;
  let nested: unknown = ordered;
  let head = '';
  let tail = '';
  for (let level = 0; level < depth; level++) {
    nested = [nested];
    head += `[\n${'  '.repeat(level + 1)}`;
    tail = `\n${'  '.repeat(level)}]${tail}`;
  }
  const text = JSON.stringify(nested, null, 2);
  // `[` and the first item's indent of the items' own array, and its closing line.
  head += `[\n${'  '.repeat(depth + 1)}`;
  tail = `\n${'  '.repeat(depth)}]${tail}`;
  return text.slice(head.length, text.length - tail.length);
}

/** An array member's elements, one chunk each (a batch of plain ones at a time), at `depth`. */
function arrayChunks(items: readonly unknown[], depth: number): Generator<string> {
  return batchedArrayChunks(
    (function* () {
      for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
    })(),
    depth,
  );
}

/** An array member's elements given in batches (of any size), at `depth`: one chunk per plain batch. */
function* batchedArrayChunks(batches: Iterable<readonly unknown[]>, depth: number): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  let first = true;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    const plain = plainItems(batch, depth);
    if (plain !== undefined) {
      // Apart: the batch's text is written as it is, not copied into one string with what goes before it.
      yield `${first ? '[\n' : ',\n'}${pad}`;
      yield plain;
      first = false;
    } else
      for (const item of batch) {
        yield `${first ? '[\n' : ',\n'}${pad}${indented(item, depth + 1)}`;
        first = false;
      }
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
    if (key === 'verdicts') yield* batchedArrayChunks(verdictBatchesInOrder(result, BATCH), 1);
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
