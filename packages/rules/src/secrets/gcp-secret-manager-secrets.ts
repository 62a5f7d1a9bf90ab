import { defineRule } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

/** ADR-001 Issue 5, live: the secrets the backend reads from Secret Manager exist there. */
export default defineRule({
  id: 'gcp-secret-manager-secrets',
  title: 'An expected Secret Manager secret does not exist',
  concerns: ['secrets.not-in-secret-manager'],
  layer: 'gcp',
  facets: ['gcp.secretmanager'],
  adrIdentity: 'Secret Manager secret names (django-secret-key, db-password-staging, redis-password-staging)',
  adrIdentityFields: ['secretManager.secrets'],
  description:
    'Each name in `expectations.secretManager.secrets` (default `django-secret-key`, `db-password-staging`, `redis-password-staging`) must be a secret of the expected project (secretmanager `secrets.list`, metadata only: no version is ever accessed). A missing one fails.',
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The remediation creates these three secrets in Secret Manager and syncs them with External Secrets; without them the ExternalSecret cannot produce the app\'s Secret.',
  remediation: {
    text: 'Create the secret (automatic replication) and add its value out of band, never through a file in the repository.',
    commands: [
      'printf %s "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}',
    ],
  },
  messages: {
    present: 'Secret Manager holds {{secret}} ({{replication}} replication).',
    missing: 'Secret Manager of project {{project}} has no secret {{secret}}.',
  },
  check(ctx) {
    const { project, secretManager } = ctx.env.expectations;
    const data = ctx.facet('gcp.secretmanager');
    if (!wasRead(data.read, `projects/${project}`)) return;
    const names = data.secrets.filter((s) => s.project === project);
    for (const name of secretManager.secrets) {
      const resource = gcpResource.secret(project, name);
      const found = names.find((s) => s.name === name);
      const evidence = [{ path: 'secrets[].name', observed: found ? name : null, expected: name }];
      if (found)
        ctx.pass({
          resource,
          messageId: 'present',
          data: { secret: name, replication: found.replication ?? 'unknown' },
          evidence,
        });
      else ctx.fail({ resource, messageId: 'missing', data: { secret: name, project }, evidence });
    }
  },
});
