/**
 * The path a new GCP check takes (docs/design/ARCHITECTURE.md, "Walk-through: a new GCP check that needs a
 * new API call") stays one file per step: an API call's row lives in the reader module that makes the call,
 * a view kind's sources live in that kind's module, and the rule registry is generated (test/meta.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
