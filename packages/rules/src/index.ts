/**
 * The built-in rule catalog: an explicit registry per area, merged and sorted by id.
 * A meta-test checks every area folder against its registry (no rule file left out, none listed twice).
 */
import type { Rule } from '@coditect-audit/core';
import { rules as backup } from './backup/index.js';
import { rules as cache } from './cache/index.js';
import { rules as cicd } from './cicd/index.js';
import { rules as containers } from './containers/index.js';
import { rules as database } from './database/index.js';
import { rules as gke } from './gke/index.js';
import { rules as iac } from './iac/index.js';
import { rules as identity } from './identity/index.js';
import { rules as images } from './images/index.js';
import { rules as kms } from './kms/index.js';
import { rules as lifecycle } from './lifecycle/index.js';
import { rules as network } from './network/index.js';
import { rules as observability } from './observability/index.js';
import { rules as registry } from './registry/index.js';
import { rules as secrets } from './secrets/index.js';
import { rules as workloads } from './workloads/index.js';

export const AREAS = {
  backup,
  cache,
  cicd,
  containers,
  database,
  gke,
  iac,
  identity,
  images,
  kms,
  lifecycle,
  network,
  observability,
  registry,
  secrets,
  workloads,
} as const;

export const builtinRules: readonly Rule[] = Object.values(AREAS)
  .flat()
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export type { ExpectedFinding, FailCase, RuleCase, RuleCases } from './cases.js';
