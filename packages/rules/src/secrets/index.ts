import type { Rule } from '@coditect-audit/core';
import dbSuperuserAppUser from './db.superuser-app-user.js';
import joinCredentialsProvenance from './join-credentials-provenance.js';
import k8sExternalSecretSync from './k8s-external-secret-sync.js';
import k8sPlaceholderSecret from './k8s.placeholder-secret.js';
import manifestAppDbSslmode from './manifest-app-db-sslmode.js';
import secretsExpectedSecretMissing from './secrets.expected-secret-missing.js';
import secretsNotInSecretManager from './secrets.not-in-secret-manager.js';

/** Rules of the secrets area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  dbSuperuserAppUser,
  joinCredentialsProvenance,
  k8sExternalSecretSync,
  k8sPlaceholderSecret,
  manifestAppDbSslmode,
  secretsExpectedSecretMissing,
  secretsNotInSecretManager,
];
