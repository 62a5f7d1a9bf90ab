/**
 * Meta-tests that keep the catalog honest (STYLE.md habit 7): every rule names known concerns, every
 * files-layer concern has a rule, registries match their folders, ids are unique, and the generated docs
 * (the concern catalog's tables among them) and schemas are up to date.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertUniqueIds,
  CONCERNS,
  getAdr001Section,
  getConcern,
  LAYERS,
  RETIRED_CONCERNS,
} from '@coditect-audit/core';
import { AREAS, builtinRules, type RuleCases } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../packages/cli/src/tools/generated.js';
import { RULE_REGISTRY_PATH, ruleRegistrySource } from '../scripts/generate-rule-registry.mjs';

const root = join(import.meta.dirname, '..');
const rulesSrc = join(root, 'packages/rules/src');

describe('rule catalog', () => {
  it('has unique ids and aliases', () => {
    expect(() => assertUniqueIds(builtinRules)).not.toThrow();
  });

  it('every rule names concern keys from the catalog, in one of the concern layers', () => {
    for (const r of builtinRules) {
      for (const key of r.concerns) {
        const c = getConcern(key);
        expect(c, `${r.id} names unknown concern ${key}`).toBeDefined();
      }
      expect(
        r.concerns.some((k) => getConcern(k)!.layers.includes(r.layer)),
        `${r.id}: layer ${r.layer} is not a layer of its concerns`,
      ).toBe(true);
    }
  });

  // The catalog is atomic (issue 18): a key is one verifiable statement, so one rule checks it, at every layer
  // that can show it (its sources), and a rule checks one statement. Two rules under one key would be one
  // statement judged twice, or two statements under one name.
  it('every rule names exactly one concern, and every concern key is named by exactly one rule', () => {
    for (const r of builtinRules) expect(r.concerns, `${r.id} names more than one concern`).toHaveLength(1);
    const rulesOf = new Map(CONCERNS.map((c) => [c.key, [] as string[]]));
    for (const r of builtinRules) rulesOf.get(r.concerns[0]!)?.push(r.id);
    const notOne = [...rulesOf].filter(([, ids]) => ids.length !== 1);
    expect(notOne, 'concern keys checked by no rule or by several').toEqual([]);
  });

  it("a concern's layers are exactly the layers its rule judges it at", () => {
    const layersOf = (r: (typeof builtinRules)[number]) => (r.sources ? r.sources.map((s) => s.layer) : [r.layer]);
    for (const c of CONCERNS) {
      const rule = builtinRules.find((r) => r.concerns[0] === c.key)!;
      expect([...new Set(layersOf(rule))].sort(), c.key).toEqual([...c.layers].sort());
    }
  });

  it('a split is recorded: splitFrom names a key of the catalog or a retired one, and retired keys say where they went', () => {
    const retired = new Map(RETIRED_CONCERNS.map((r) => [r.key, r]));
    for (const r of RETIRED_CONCERNS) {
      expect(getConcern(r.key), `${r.key} is retired and in the catalog`).toBeUndefined();
      for (const k of r.splitInto) expect(getConcern(k), `${r.key} went to ${k}`).toBeDefined();
      expect(getAdr001Section(r.adrSection), r.key).toBeDefined();
    }
    for (const c of CONCERNS.filter((x) => x.splitFrom)) {
      expect(getConcern(c.splitFrom!) ?? retired.get(c.splitFrom!), `${c.key} split from ${c.splitFrom}`).toBeDefined();
      if (retired.has(c.splitFrom!)) expect(retired.get(c.splitFrom!)!.splitInto).toContain(c.key);
    }
    for (const r of builtinRules) expect(retired.has(r.concerns[0]!), `${r.id} names a retired key`).toBe(false);
  });

  it("every rule's ADR section is one of ADR-001's (core's ADR_001), named by one of its concerns", () => {
    for (const r of builtinRules) {
      const ofConcerns = new Set(
        r.concerns.flatMap((k) =>
          getConcern(k)!
            .adrSection.split(',')
            .map((s) => s.trim()),
        ),
      );
      for (const part of r.adrSection.split(',').map((s) => s.trim())) {
        expect(getAdr001Section(part), `${r.id}: ${part} is not a section of ADR-001`).toBeDefined();
        expect(ofConcerns.has(part), `${r.id}: ${part} is not a section of its concerns`).toBe(true);
      }
    }
  });

  it('a rule reads facets of one layer, its own, unless it is a join (crossLayer) spanning several', () => {
    const layerOf = (f: string) => f.split('.')[0];
    for (const r of builtinRules) {
      // A rule judged per source (issue #18): each source reads its own layer; drift reads declared and live;
      // a join source (a former join-* rule) reads several, its own among them.
      if (r.sources) {
        for (const s of r.sources) {
          const read = new Set(s.facets.map(layerOf));
          if (s.name === 'drift') expect(read.size, `${r.id}/drift compares two layers`).toBe(2);
          else if (read.size > 1) {
            // A source that joins layers (container.runs-as-root's effective user) reads its own layer too,
            // and continues a join.
            expect(read.has(s.layer), `${r.id}/${s.name}: no facet of its layer ${s.layer}`).toBe(true);
            expect(s.alias, `${r.id}/${s.name}: a join source continues a join-* rule`).toMatch(/^join-/);
          } else expect([...read], `${r.id}/${s.name}`).toEqual([s.layer]);
        }
        continue;
      }
      const layers = new Set(r.facets.map(layerOf));
      const consulted = new Set([...r.facets, ...(r.optionalFacets ?? [])].map(layerOf));
      if (r.crossLayer) {
        expect(consulted.size, `${r.id} declares crossLayer but reads one layer`).toBeGreaterThan(1);
        expect(layers.has(r.layer), `${r.id}: no facet of its primary layer ${r.layer}`).toBe(true);
        // A join needs every layer it names; a rule of one layer that only consults another (so as not to
        // judge from too little, e.g. gcp-unmanaged-resource and the repository's OpenTofu) keeps its name.
        if (layers.size > 1) expect(r.id.startsWith('join-'), `${r.id}: joins are named join-*`).toBe(true);
      } else expect([...consulted], r.id).toEqual([r.layer]);
    }
  });

  it.each(LAYERS)('every concern whose layers include %s has a rule of that layer', (layer) => {
    const layersOf = (r: (typeof builtinRules)[number]) => (r.sources ? r.sources.map((s) => s.layer) : [r.layer]);
    const covered = new Set(builtinRules.filter((r) => layersOf(r).includes(layer)).flatMap((r) => r.concerns));
    const missing = CONCERNS.filter((c) => c.layers.includes(layer) && !covered.has(c.key)).map((c) => c.key);
    expect(missing).toEqual([]);
  });

  it('the generated rule registry is up to date (run `pnpm build` after adding or removing a rule)', () => {
    expect(readFileSync(join(root, RULE_REGISTRY_PATH), 'utf8')).toBe(ruleRegistrySource());
  });

  it('each area registry lists exactly the rule files of its folder, sorted, named by id', () => {
    expect(Object.keys(AREAS)).toEqual(readdirSync(rulesSrc).filter((d) => d !== 'util' && !d.includes('.')));
    for (const [area, rules] of Object.entries(AREAS)) {
      const files = readdirSync(join(rulesSrc, area))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.cases.ts'))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
      const ids = rules.map((r) => r.id);
      expect(ids, `${area}/index.ts`).toEqual(files);
      expect([...ids].sort(), `${area}/index.ts is not sorted`).toEqual(ids);
    }
  });

  it('every rule has a case table beside it', () => {
    for (const [area, rules] of Object.entries(AREAS)) {
      for (const r of rules)
        expect(existsSync(join(rulesSrc, area, `${r.id}.cases.ts`)), `${area}/${r.id}.cases.ts`).toBe(true);
    }
  });
});

describe('generated files', () => {
  it('docs/rules, schemas/ and the concern catalog are up to date (run `pnpm docs` after changing a rule or a concern)', async () => {
    const mods = import.meta.glob<{ default: RuleCases }>('../packages/rules/src/*/*.cases.ts', { eager: true });
    const cases = new Map(
      Object.entries(mods).map(([p, m]) => [
        p
          .split('/')
          .pop()!
          .replace(/\.cases\.ts$/, ''),
        m.default,
      ]),
    );
    const files = await generatedFiles(cases);
    for (const r of builtinRules) expect(files.has(`docs/rules/${r.id}.md`)).toBe(true);
    const stale = [...files].filter(
      ([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text,
    );
    expect(stale.map(([p]) => p)).toEqual([]);
  });
});
