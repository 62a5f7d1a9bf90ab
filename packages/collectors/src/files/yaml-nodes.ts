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
 */
export function collectPositions(
  lineCounter: LineCounter,
  node: unknown,
  pointer = '',
  out: Record<string, Position> = {},
): Record<string, Position> {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyString(pair);
      if (key === undefined) continue;
      const child = `${pointer}/${escapePointerSegment(key)}`;
      const at = nodePosition(lineCounter, pair.key as Node);
      if (at) out[child] = at;
      collectPositions(lineCounter, pair.value, child, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const child = `${pointer}/${index}`;
      if (isAlias(item) || !item || typeof item !== 'object') return;
      const at = nodePosition(lineCounter, item as Node);
      if (at) out[child] = at;
      collectPositions(lineCounter, item, child, out);
    });
  }
  return out;
}

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
