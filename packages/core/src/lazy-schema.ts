/**
 * Schemas built on first use (issue 19: start-up). Every `*Schema` export is a TypeBox schema, but building
 * them all when core loads (TypeBox composes, clones and checks each) cost every command that loads core a
 * share of its start-up, while many runs (a scan without a configuration, `explain`, `rules --format json`)
 * validate nothing. `lazySchema(build)` stands for the schema `build()` returns and builds it the first time anything
 * reads it: a property, `in`, `Object.keys`, a spread, `JSON.stringify`. To every reader it is that schema
 * (same keys in the same order, same values, its symbol keys such as TypeBox's `Kind`), one object whose
 * identity does not change, so caches keyed by it (ajv's, `compile`'s) hold. Being a proxy, it is refused by
 * `structuredClone` (as positions are, `collectors/src/files/yaml-nodes.ts`): copy a schema as JSON.
 */
import type { TSchema } from '@sinclair/typebox';

export function lazySchema<T extends TSchema>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  // The proxy's own target stays an empty, extensible object: every trap answers from the built schema, and
  // reports its properties as configurable, which the proxy invariants allow for a target that lacks them.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    defineProperty: (_, key, d) => Reflect.defineProperty(schema(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
  });
}
