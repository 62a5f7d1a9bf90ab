/**
 * Bounds on parsing YAML that a scanned repository wrote (manifests, workflows, its own configuration):
 * a budget checked before composing, and duplicate keys found in linear time.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';

/**
 * The parse budget of one YAML file: the most entries (lines, plus commas of flow collections) it may have.
 * A composed node costs far more than its bytes, so a file under the size limit can still hold a million
 * keys; over the budget the file is an error before `yaml` composes a node. Generous for real manifests
 * (a large CRD bundle is a few tens of thousands of lines).
 */
export const MAX_YAML_ENTRIES = 200_000;

/** Entries of `source` by the budget's count, stopping as soon as it is over (one linear pass). */
export function overYamlBudget(source: string): number | undefined {
  let entries = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 44) {
      entries++;
      if (entries > MAX_YAML_ENTRIES) return entries;
    }
  }
  return undefined;
}

/**
 * The key of the first duplicate in any mapping of `root`, in one pass with a set per mapping. `yaml`'s own
 * `uniqueKeys` check compares each key with every earlier one (80,000 keys took 51 s), so parsing runs
 * with it off and this takes its place.
 */
export function firstDuplicateKey(root: unknown): Node | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of (node as YAMLMap).items) {
        const key = isScalar(pair.key) ? `s:${pair.key.value === null ? '' : String(pair.key.value)}` : undefined;
        if (key !== undefined) {
          if (seen.has(key)) return pair.key as Node;
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}
