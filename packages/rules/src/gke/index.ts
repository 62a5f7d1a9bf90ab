import type { Rule } from '@coditect-audit/core';
import gcpGkeSecretsEncryption from './gcp-gke-secrets-encryption.js';
import gcpGkeWorkloadIdentity from './gcp-gke-workload-identity.js';
import tfGkeSecretsEncryption from './tf-gke-secrets-encryption.js';
import tfGkeWorkloadIdentity from './tf-gke-workload-identity.js';

/** Rules of the gke area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpGkeSecretsEncryption as Rule,
  gcpGkeWorkloadIdentity as Rule,
  tfGkeSecretsEncryption as Rule,
  tfGkeWorkloadIdentity as Rule,
];
