import type { Rule } from '@coditect-audit/core';
import manifestRolloutReadiness from './manifest-rollout-readiness.js';
import manifestSelfManagedDatastore from './manifest-self-managed-datastore.js';

/** Rules of the workloads area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [manifestRolloutReadiness as Rule, manifestSelfManagedDatastore as Rule];
