/**
 * The table of passing and failing cases beside each rule (`<rule-id>.cases.ts`). The same cases feed
 * the rule's tests (packages/rules/test/cases.test.ts) and its generated docs page.
 */
import type { ExpectationsInput, FacetMap, FacetName } from '@coditect-audit/core';

export interface RuleCase {
  name: string;
  /**
   * Repository files (path → content) collected by the real files collector. Secrets here are
   * fixtures, never real values.
   */
  files?: Record<string, string>;
  /** Facet data given directly, for layers whose input is not a repository file. */
  facets?: { [K in FacetName]?: FacetMap[K] };
  /** Facets whose layer was collected but that are absent (e.g. a CRD that is not installed). */
  absentFacets?: FacetName[];
  expectations?: ExpectationsInput;
  environment?: string;
  /** The instant the case's data describes (RFC 3339), for rules that judge ages. */
  now?: string;
}

export interface ExpectedFinding {
  messageId: string;
  /**
   * Omit `file` and `line` together only for a finding that has no location: an absence across the whole
   * repository (no workflow at all), which reporters place at the ADR section.
   */
  file?: string;
  line?: number;
  column?: number;
  /** Expected certainty when the rule can infer (`low`); default not checked. */
  certainty?: 'high' | 'low';
  /** `unknown`: the rule could not decide from what it read (it names its inputs). Default `fail`. */
  status?: 'fail' | 'unknown';
  /** For `unknown`: the inputs it must name, exactly (`var.tier`); default not checked. */
  dependsOn?: string[];
  /** A rule judged per source: the source of the finding (`tf`, `gcp`, `drift`...); default not checked. */
  source?: string;
}

export interface FailCase extends RuleCase {
  /** Every fail and unknown verdict the case must produce, exactly (no more, no fewer). */
  expect: ExpectedFinding[];
}

export interface RuleCases {
  /** Each must produce at least one pass and no fail (an `unknown` beside the pass is allowed). */
  pass: RuleCase[];
  fail: FailCase[];
}
