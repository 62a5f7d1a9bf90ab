import type { Rule } from '@coditect-audit/core';
import kmsSignerBinding from './kms.signer-binding.js';
import kmsSigningKey from './kms.signing-key.js';

/** Rules of the kms area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [kmsSignerBinding, kmsSigningKey];
