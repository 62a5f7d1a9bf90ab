import type { Rule } from '@coditect-audit/core';
import gcpSecretManagerSecrets from './gcp-secret-manager-secrets.js';
import joinCredentialsProvenance from './join-credentials-provenance.js';
import k8sExternalSecretSync from './k8s-external-secret-sync.js';
import k8sPlaceholderSecret from './k8s-placeholder-secret.js';
import k8sSecretsNotFromSecretManager from './k8s-secrets-not-from-secret-manager.js';
import k8sSuperuserDbUser from './k8s-superuser-db-user.js';
import manifestAppDbSslmode from './manifest-app-db-sslmode.js';
import manifestPlaceholderSecret from './manifest-placeholder-secret.js';
import manifestSecretsNotFromSecretManager from './manifest-secrets-not-from-secret-manager.js';
import manifestSuperuserDbUser from './manifest-superuser-db-user.js';
import tfSecretManagerSecrets from './tf-secret-manager-secrets.js';

/** Rules of the secrets area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpSecretManagerSecrets as Rule,
  joinCredentialsProvenance as Rule,
  k8sExternalSecretSync as Rule,
  k8sPlaceholderSecret as Rule,
  k8sSecretsNotFromSecretManager as Rule,
  k8sSuperuserDbUser as Rule,
  manifestAppDbSslmode as Rule,
  manifestPlaceholderSecret as Rule,
  manifestSecretsNotFromSecretManager as Rule,
  manifestSuperuserDbUser as Rule,
  tfSecretManagerSecrets as Rule,
];
