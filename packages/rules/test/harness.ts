/**
 * Runs one rule alone on a case: files go through the real files collector, then the core engine.
 */
import { collectFilesFromMemory } from '@coditect-audit/collectors';
import {
  FACET_NAMES,
  type FacetName,
  layerOfFacet,
  type Rule,
  resolveExpectations,
  runRules,
  type Snapshot,
  type Verdict,
} from '@coditect-audit/core';
import type { RuleCase } from '../src/cases.js';

export function runCase(rule: Rule, c: RuleCase): Verdict[] {
  const facets: Snapshot['facets'] = {};
  if (c.files) Object.assign(facets, collectFilesFromMemory(c.files));
  for (const [name, data] of Object.entries(c.facets ?? {})) {
    (facets as Record<string, unknown>)[name] = { status: 'ok', data, problems: [] };
  }
  for (const name of c.absentFacets ?? []) {
    (facets as Record<string, unknown>)[name] = {
      status: 'absent',
      reason: `${name} is not installed in this cluster`,
    };
  }
  // The layers the case shows: the rule's own, or (a rule judged per source) those of the facets it gives.
  const layers = new Set<string>(
    rule.sources ? Object.keys(facets).map((n) => layerOfFacet(n as FacetName)) : [rule.layer],
  );
  // Facets of those layers that the case does not mention are collected-and-empty, not absent.
  for (const name of FACET_NAMES as FacetName[]) {
    if (
      !facets[name] &&
      rule.facets.includes(name) &&
      (layerOfFacet(name) === 'files' ? layers.has('files') : !rule.sources && layers.has(layerOfFacet(name)))
    ) {
      (facets as Record<string, unknown>)[name] = { status: 'ok', data: { files: [] }, problems: [] };
    }
  }
  const snapshot: Snapshot = {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: c.environment ?? 'staging',
    root: '.',
    layers: Object.fromEntries([...layers].map((l) => [l, { status: 'collected' }])),
    facets,
  };
  return runRules(snapshot, [rule], {
    environment: c.environment ?? 'staging',
    expectations: resolveExpectations(c.expectations),
    ...(c.now ? { now: c.now } : {}),
  });
}
