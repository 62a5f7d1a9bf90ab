import type { Rule } from '@coditect-audit/core';
import manifestWorkloadIdentityBinding from './manifest-workload-identity-binding.js';

/** Rules of the identity area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [manifestWorkloadIdentityBinding as Rule];
