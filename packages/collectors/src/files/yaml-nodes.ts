/** Helpers over `yaml` nodes: source positions by JSON pointer, and typed access to map entries. */
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The start of a node (for a map or sequence, its first key or item), 1-based. */
export function nodePosition(lineCounter: LineCounter, node: Node | null | undefined): Position | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : positionAt(lineCounter, offset);
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A map key as the string `toJS` uses for it. */
export function keyString(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/**
 * The position of every key (maps) and item (sequences) under `node`, by JSON pointer relative to it:
 * `/spec/replicas`, `/spec/template/spec/containers/0`. Aliases are not followed.
 *
 * Positions are computed when asked, not kept for every node (a repository of 50,000 objects has about a
 * million keys, and rules ask for the few a finding reports): the pointers and their offsets are kept in
 * compact arrays, with the file's `LineCounter`, and the returned object answers `positions[pointer]`,
 * `in`, `Object.keys` and `JSON.stringify` (a snapshot) as the plain record it stands for. A key written
 * twice keeps its first place and its last position, as assigning to a record would. It is a Proxy, which
 * `structuredClone` refuses: copy a snapshot as JSON (what it is).
 */
export function collectPositions(lineCounter: LineCounter, node: unknown): Record<string, Position> {
  const pointers: string[] = [];
  const offsets: number[] = [];
  const visit = (current: unknown, pointer: string): void => {
    if (isMap(current)) {
      for (const pair of current.items) {
        const key = keyString(pair);
        if (key === undefined) continue;
        const child = interned(`${pointer}/${escapePointerSegment(key)}`);
        const offset = (pair.key as Node | null)?.range?.[0];
        if (offset !== undefined) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(pair.value, child);
      }
    } else if (isSeq(current)) {
      current.items.forEach((item, index) => {
        if (isAlias(item) || !item || typeof item !== 'object') return;
        const child = interned(`${pointer}/${index}`);
        const offset = (item as Node).range?.[0];
        if (offset !== undefined) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(item, child);
      });
    }
  };
  visit(node, '');
  // Copied to their exact length: a growing array keeps up to half its size spare.
  const target = { [POSITIONS]: { lineCounter, pointers: pointers.slice(), offsets: offsets.slice() } };
  return new Proxy(target, lazyPositions) as unknown as Record<string, Position>;
}

/**
 * One copy of each pointer string for all the objects read (every Deployment has
 * `/spec/template/spec/containers/0/image`): a bounded table, emptied when full.
 */
const POINTERS = new Map<string, string>();
const MAX_INTERNED = 50_000;
function interned(pointer: string): string {
  const known = POINTERS.get(pointer);
  if (known !== undefined) return known;
  if (POINTERS.size >= MAX_INTERNED) POINTERS.clear();
  POINTERS.set(pointer, pointer);
  return pointer;
}

const POSITIONS = Symbol('positions');

interface PositionIndex {
  lineCounter: LineCounter;
  /** JSON pointers in document order (a repeated key appears twice). */
  pointers: string[];
  /** Offsets of the pointers' keys or items in the parsed text, for `lineCounter`. */
  offsets: number[];
}

type PositionsTarget = { [POSITIONS]: PositionIndex };

/** The position of `pointer` (its last occurrence: the value that counts), or undefined. */
function positionOf(index: PositionIndex, pointer: string): Position | undefined {
  const at = index.pointers.lastIndexOf(pointer);
  return at < 0 ? undefined : positionAt(index.lineCounter, index.offsets[at] as number);
}

/** Every pointer is a key (they all start with `/`); anything else is the plain object's. Read-only. */
const isPointer = (key: string | symbol): key is string => typeof key === 'string' && key.startsWith('/');
const lazyPositions: ProxyHandler<PositionsTarget> = {
  get: (target, key) => (isPointer(key) ? positionOf(target[POSITIONS], key) : Reflect.get(target, key)),
  has: (target, key) =>
    isPointer(key) ? target[POSITIONS].pointers.includes(key) : key !== POSITIONS && Reflect.has(target, key),
  ownKeys: (target) => [...new Set(target[POSITIONS].pointers)],
  getOwnPropertyDescriptor: (target, key) => {
    const value = isPointer(key) ? positionOf(target[POSITIONS], key) : undefined;
    return value && { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/** The pair of `map` whose key is `key`. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap).items.find((pair) => keyString(pair) === key);
}

/** The value node of `key` in `map`. */
export function entryValue(map: unknown, key: string): unknown {
  return pairOf(map, key)?.value;
}

export { firstDuplicateKey, MAX_YAML_ENTRIES, overYamlBudget } from '@coditect-audit/core';
