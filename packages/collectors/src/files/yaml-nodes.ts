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
  // Most keys hold neither character: no copy for them.
  if (!segment.includes('~') && !segment.includes('/')) return segment;
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
  return positionsOf(indexNode(lineCounter, node));
}

/** A key written twice in one map (offsets in the parsed text); the last one counts, as in kubectl. */
export interface RepeatedKey {
  key: string;
  first: number;
  repeated: number;
}

/** The pointers and offsets under a node, and its repeated keys: one walk serves both. */
export interface NodeIndex extends PositionIndex {
  repeatedKeys: RepeatedKey[];
}

/**
 * Walks `node` once for the positions of its keys and items by JSON pointer (see {@link collectPositions})
 * and for the map keys written twice anywhere under it (merge keys `<<` excepted).
 */
export function indexNode(lineCounter: LineCounter, node: unknown): NodeIndex {
  const pointers: string[] = [];
  const offsets: number[] = [];
  const repeatedKeys: RepeatedKey[] = [];
  // `pointer` is undefined under a key that is not a scalar: no positions there, repeated keys still count.
  const visit = (current: unknown, pointer: string | undefined): void => {
    if (isMap(current)) {
      const seen = new Map<string, number>();
      for (const pair of current.items) {
        const key = keyString(pair);
        const offset = (pair.key as Node | null)?.range?.[0];
        if (key === undefined) {
          visit(pair.value, undefined);
          continue;
        }
        if (offset !== undefined) {
          const first = seen.get(key);
          if (first !== undefined && key !== '<<') repeatedKeys.push({ key, first, repeated: offset });
          else seen.set(key, offset);
        }
        const child = pointer === undefined ? undefined : childPointer(pointer, key);
        if (child !== undefined && offset !== undefined) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(pair.value, child);
      }
    } else if (isSeq(current)) {
      const items = current.items;
      for (let index = 0; index < items.length; index++) {
        const item = items[index];
        if (isAlias(item) || !item || typeof item !== 'object') continue;
        const child = pointer === undefined ? undefined : childPointer(pointer, index);
        const offset = (item as Node).range?.[0];
        if (child !== undefined && offset !== undefined) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(item, child);
      }
    }
  };
  visit(node, '');
  // Copied to their exact length: a growing array keeps up to half its size spare.
  return { lineCounter, pointers: pointers.slice(), offsets: offsets.slice(), repeatedKeys };
}

/** The lazy positions record over an index (see {@link collectPositions}). */
export function positionsOf(index: PositionIndex): Record<string, Position> {
  const { lineCounter, pointers, offsets } = index;
  const target = { [POSITIONS]: { lineCounter, pointers, offsets } };
  return new Proxy(target, lazyPositions) as unknown as Record<string, Position>;
}

/**
 * One copy of each pointer string for all the objects read (every Deployment has
 * `/spec/template/spec/containers/0/image`), found by parent pointer and key so that no pointer is
 * rebuilt to look it up: a bounded table, emptied when full. The keys of each parent are an object's
 * property names, which the engine stores as its own copies: a key sliced from a file's text does not keep
 * the whole text alive, as a Map key would.
 */
const CHILDREN = new Map<string, Record<string | number, string>>();
const MAX_INTERNED = 50_000;
let interned = 0;
function childPointer(parent: string, segment: string | number): string {
  if (interned >= MAX_INTERNED) {
    CHILDREN.clear();
    interned = 0;
  }
  let children = CHILDREN.get(parent);
  if (children === undefined) {
    children = Object.create(null) as Record<string | number, string>;
    CHILDREN.set(parent, children);
  }
  let child = children[segment];
  if (child === undefined) {
    child = `${parent}/${typeof segment === 'number' ? segment : escapePointerSegment(segment)}`;
    children[segment] = child;
    interned++;
  }
  return child;
}

const POSITIONS = Symbol('positions');

/** The index under a lazy positions record (what ./parse-pool.ts sends from a worker). */
export function positionIndexOf(positions: Record<string, Position>): PositionIndex {
  return (positions as unknown as PositionsTarget)[POSITIONS];
}

export interface PositionIndex {
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
