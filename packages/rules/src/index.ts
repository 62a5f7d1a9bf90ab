/**
 * The built-in rule catalog: the registry generated from the area folders (`registry.generated.ts`, written
 * by scripts/generate-rule-registry.mjs before every build), merged and sorted by id. A meta-test fails when
 * the committed registry differs from the folders.
 */
import type { Rule } from '@coditect-audit/core';
import { AREAS } from './registry.generated.js';

export { AREAS };

export const builtinRules: readonly Rule[] = Object.values(AREAS)
  .flat()
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export type { ExpectedFinding, FailCase, RuleCase, RuleCases } from './cases.js';
