/**
 * The path a new GCP check takes (docs/design/ARCHITECTURE.md, "Walk-through: a new GCP check that needs a
 * new API call") stays one file per step: an API call's row lives in the reader module that makes the call,
 * a view kind's sources live in that kind's module, a facet only one view reads is declared in that view's
 * module, and the rule registry is generated (test/meta.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FacetSchemas, GcpFacetSchemas } from '@coditect-audit/core';
import { VIEWS } from '@coditect-audit/core/views';
import { describe, expect, it } from 'vitest';
import { type GcpApiCall, gcpApiCalls } from '../packages/collectors/src/gcp/api-calls.js';

const root = join(import.meta.dirname, '..');
const readers = import.meta.glob<Record<string, unknown>>('../packages/collectors/src/gcp/services/*.ts', {
  eager: true,
});
const viewModules = import.meta.glob<Record<string, unknown>>(
  ['../packages/core/src/views/*.ts', '!../packages/core/src/views/index.ts'],
  { eager: true },
);

const ruleModules = import.meta.glob<string>(['../packages/rules/src/**/*.ts', '!**/*.cases.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The facets each view module declares (`<KIND>_FACET_SCHEMAS`), by module path. */
function declaredFacets(): [path: string, facets: Record<string, unknown>][] {
  return Object.entries(viewModules).flatMap(([path, mod]) =>
    Object.entries(mod)
      .filter(([name]) => name.endsWith('_FACET_SCHEMAS'))
      .map(([, facets]) => [path, facets as Record<string, unknown>] as [string, Record<string, unknown>]),
  );
}

/** The facet names a view kind's sources read, declared or optional. */
function facetsRead(sources: unknown): string[] {
  return Object.values(
    sources as Record<string, { facets: readonly string[]; optionalFacets?: readonly string[] }>,
  ).flatMap((s) => [...s.facets, ...(s.optionalFacets ?? [])]);
}

/** Each reader's `<API>_API_CALLS` rows. */
function rowsOf(mod: Record<string, unknown>): Record<string, GcpApiCall> {
  const tables = Object.entries(mod).filter(([name]) => name.endsWith('_API_CALLS'));
  return Object.assign({}, ...tables.map(([, t]) => t as Record<string, GcpApiCall>));
}

describe('a new GCP check is one file per step', () => {
  it('the API call table is exactly the rows the readers declare, in the same objects', () => {
    const table = gcpApiCalls() as Record<string, GcpApiCall>;
    const declared = Object.values(readers).map(rowsOf);
    for (const rows of declared) for (const [id, row] of Object.entries(rows)) expect(table[id], id).toBe(row);
    expect(declared.flatMap((rows) => Object.keys(rows)).sort()).toEqual(Object.keys(table).sort());
  });

  it('each reader names only the calls it declares', () => {
    const ids = new Set(Object.keys(gcpApiCalls()));
    for (const [path, mod] of Object.entries(readers)) {
      const own = new Set(Object.keys(rowsOf(mod)));
      expect(own.size, `${path} declares its calls`).toBeGreaterThan(0);
      const text = readFileSync(join(root, 'test', path), 'utf8');
      const named = [...text.matchAll(/'([a-z]+\.[A-Za-z.]+)'/g)].map((m) => m[1]!).filter((id) => ids.has(id));
      expect(
        named.filter((id) => !own.has(id)),
        `${path} makes a call another module declares`,
      ).toEqual([]);
    }
  });

  it("each view kind's sources are declared in exactly one view module", () => {
    for (const [kind, sources] of Object.entries(VIEWS)) {
      const owners = Object.entries(viewModules)
        .filter(([, mod]) => Object.values(mod).includes(sources))
        .map(([path]) => path);
      expect(owners, kind).toHaveLength(1);
    }
  });

  it("a facet only one view reads is declared in that view's module: the layer's schemas hold the same object", () => {
    const declared = declaredFacets();
    expect(declared.length, 'view modules that declare facets').toBeGreaterThanOrEqual(5);
    for (const [path, facets] of declared)
      for (const [name, schema] of Object.entries(facets)) {
        expect((GcpFacetSchemas as Record<string, unknown>)[name], `${name} (${path}) in GcpFacetSchemas`).toBe(schema);
        expect((FacetSchemas as Record<string, unknown>)[name], `${name} in the snapshot's facets`).toBe(schema);
      }
  });

  it('a facet a view module declares is read by that view kind alone, and by no rule directly', () => {
    for (const [path, facets] of declaredFacets()) {
      const owner = Object.entries(VIEWS).find(([, sources]) =>
        Object.values(viewModules[path] ?? {}).includes(sources),
      )?.[0];
      expect(owner, `${path} declares sources`).toBeDefined();
      for (const name of Object.keys(facets)) {
        const readers = Object.entries(VIEWS)
          .filter(([, sources]) => facetsRead(sources).includes(name))
          .map(([kind]) => kind);
        expect(readers, name).toEqual([owner]);
        for (const [rule, text] of Object.entries(ruleModules))
          expect(text.includes(`facet('${name}')`), `${rule} reads ${name} directly`).toBe(false);
      }
    }
  });
});
