import type { Rule } from '@coditect-audit/core';
import manifestAppDbSslmode from './manifest-app-db-sslmode.js';
import manifestPlaceholderSecret from './manifest-placeholder-secret.js';
import manifestSecretsNotFromSecretManager from './manifest-secrets-not-from-secret-manager.js';
import manifestSuperuserDbUser from './manifest-superuser-db-user.js';
import tfSecretManagerSecrets from './tf-secret-manager-secrets.js';

/** Rules of the secrets area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  manifestAppDbSslmode as Rule,
  manifestPlaceholderSecret as Rule,
  manifestSecretsNotFromSecretManager as Rule,
  manifestSuperuserDbUser as Rule,
  tfSecretManagerSecrets as Rule,
];
