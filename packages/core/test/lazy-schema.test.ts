import { Kind, OptionalKind, type TSchema, Type } from '@sinclair/typebox';
import { describe, expect, it, vi } from 'vitest';
import { lazySchema } from '../src/lazy-schema.js';

// Counts the schemas TypeBox builds (every `Type.*` call), to show what loading core builds.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('@sinclair/typebox', async (importOriginal) => {
  const real = await importOriginal<typeof import('@sinclair/typebox')>();
  const counting = new Proxy(real.Type, {
    get: (target, key) => {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        built.count++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { ...real, Type: counting };
});

const makeEager = () =>
  Type.Object({
    name: Type.String({ minLength: 1 }),
    port: Type.Optional(Type.Integer({ minimum: 1 })),
    tags: Type.Array(Type.String()),
  });

describe('lazySchema (issue 19: schemas built on first use)', () => {
  it('builds nothing until read, then once', () => {
    const build = vi.fn(makeEager);
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(['name', 'port', 'tags']);
    expect(JSON.stringify(schema)).toBe(JSON.stringify(makeEager()));
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('reads as the schema it stands for: keys, symbols, spreads, JSON', () => {
    const eager = makeEager();
    const lazy = lazySchema(makeEager);
    expect(Reflect.ownKeys(lazy)).toEqual(Reflect.ownKeys(eager));
    expect(lazy[Kind]).toBe('Object');
    expect(Kind in lazy).toBe(true);
    expect({ ...lazy }).toEqual({ ...eager });
    expect(JSON.stringify(lazy, null, 2)).toBe(JSON.stringify(eager, null, 2));
    // TypeBox composes it as it composes the schema (Optional spreads it; Object nests it).
    const optional = Type.Optional(lazy);
    expect(optional[OptionalKind]).toBe('Optional');
    expect(JSON.stringify(Type.Object({ inner: lazy }))).toBe(JSON.stringify(Type.Object({ inner: eager })));
  });

  it('is one object: a cache keyed by it finds it again', () => {
    const lazy: TSchema = lazySchema(makeEager);
    const cache = new WeakMap<object, string>([[lazy, 'compiled']]);
    void lazy.type;
    expect(cache.get(lazy)).toBe('compiled');
  });

  it('loading core builds no schema; reading one builds it', async () => {
    // A fresh copy of core (the unit tests share a module cache), whose TypeBox is the counting one above.
    vi.resetModules();
    built.count = 0;
    const core = await import('../src/index.js');
    expect(core.FACET_NAMES.length).toBeGreaterThan(0); // core is loaded, its facet names known
    expect(built.count).toBe(0);
    expect(core.ConfigSchema.type).toBe('object');
    expect(built.count).toBeGreaterThan(0);
  });
});
