import type { Rule } from '@coditect-audit/core';
import gkeSecretsEncryption from './gke.secrets-encryption.js';
import gkeWorkloadIdentity from './gke.workload-identity.js';

/** Rules of the gke area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [gkeSecretsEncryption, gkeWorkloadIdentity];
