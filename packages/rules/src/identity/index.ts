import type { Rule } from '@coditect-audit/core';
import k8sWorkloadIdentity from './k8s-workload-identity.js';
import manifestWorkloadIdentityBinding from './manifest-workload-identity-binding.js';

/** Rules of the identity area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  k8sWorkloadIdentity as Rule,
  manifestWorkloadIdentityBinding as Rule,
];
