import type { Rule } from '@coditect-audit/core';
import gcpIdentityPlatformEnabled from './gcp-identity-platform-enabled.js';
import gcpIdentitySignInProviders from './gcp-identity-sign-in-providers.js';
import gcpWorkloadIdentityBinding from './gcp-workload-identity-binding.js';

/** Rules of the identity area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpIdentityPlatformEnabled as Rule,
  gcpIdentitySignInProviders as Rule,
  gcpWorkloadIdentityBinding as Rule,
];
