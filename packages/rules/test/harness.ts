/**
 * Runs one rule alone on a case: files go through the real files collector, hand-written facets through
 * the collectors' parsing step, then the core engine.
 */
import { collectFilesFromMemory, withParsedFacets } from '@coditect-audit/collectors';
import {
  FACET_NAMES,
  type FacetName,
  type Rule,
  resolveExpectations,
  runRules,
  type Snapshot,
  SNAPSHOT_SCHEMA_VERSION,
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
  // Facets of the rule's layer that the case does not mention are collected-and-empty, not absent.
  for (const name of FACET_NAMES as FacetName[]) {
    if (!facets[name] && rule.facets.includes(name)) {
      (facets as Record<string, unknown>)[name] = { status: 'ok', data: { files: [] }, problems: [] };
    }
  }
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: c.environment ?? 'staging',
    root: '.',
    layers: { [rule.layer]: { status: 'collected' } },
    // Facets a case writes by hand get what the collectors parse (commands, image references), as collected ones have.
    facets: withParsedFacets(facets),
  };
  return runRules(snapshot, [rule], {
    environment: c.environment ?? 'staging',
    expectations: resolveExpectations(c.expectations),
    ...(c.now ? { now: c.now } : {}),
  });
}
