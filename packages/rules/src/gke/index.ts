import type { Rule } from '@coditect-audit/core';
import gkeKsaBinding from './gke.ksa-binding.js';
import gkeSecretsEncryption from './gke.secrets-encryption.js';
import gkeWorkloadIdentity from './gke.workload-identity.js';

/** Rules of the gke area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [gkeKsaBinding, gkeSecretsEncryption, gkeWorkloadIdentity];
