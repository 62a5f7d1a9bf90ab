import type { Rule } from '@coditect-audit/core';
import gcpKmsSignerBinding from './gcp-kms-signer-binding.js';
import gcpKmsSigningKey from './gcp-kms-signing-key.js';
import tfKmsSignerBinding from './tf-kms-signer-binding.js';
import tfKmsSigningKey from './tf-kms-signing-key.js';

/** Rules of the kms area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpKmsSignerBinding as Rule,
  gcpKmsSigningKey as Rule,
  tfKmsSignerBinding as Rule,
  tfKmsSigningKey as Rule,
];
