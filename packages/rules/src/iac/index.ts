import type { Rule } from '@coditect-audit/core';
import gcpUnmanagedResource from './gcp-unmanaged-resource.js';
import joinIacDrift from './join-iac-drift.js';
import tfMissingDeclaration from './tf-missing-declaration.js';
import tfResourceNotInState from './tf-resource-not-in-state.js';

/** Rules of the iac area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpUnmanagedResource as Rule,
  joinIacDrift as Rule,
  tfMissingDeclaration as Rule,
  tfResourceNotInState as Rule,
];
