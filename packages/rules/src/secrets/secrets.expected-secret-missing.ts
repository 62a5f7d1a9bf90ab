import { defineViewRule } from '@coditect-audit/core';

/**
 * ADR-001 Issue 5 names the Secret Manager secrets the app needs: `django-secret-key`,
 * `db-password-staging`, `redis-password-staging`; Lesson 3 wants them declared in OpenTofu. One check, "the
 * expected secret is there", per source: declared in the `.tf` files, and present in Secret Manager.
 */
export default defineViewRule({
  id: 'secrets.expected-secret-missing',
  title: 'An expected Secret Manager secret is not declared in OpenTofu or does not exist',
  concerns: ['secrets.expected-secret-missing'],
  view: 'secret-manager-secret',
  sources: {
    tf: { alias: 'tf-secret-manager-secrets' },
    gcp: {
      alias: 'gcp-secret-manager-secrets',
      messages: { missing: 'Secret Manager of project {{project}} has no secret {{secret}}.' },
    },
  },
  adrIdentity: 'Secret Manager secret names (django-secret-key, db-password-staging, redis-password-staging)',
  adrIdentityFields: ['secretManager.secrets'],
  description:
    'Every name in `expectations.secretManager.secrets` (default `django-secret-key`, `db-password-staging`, `redis-password-staging`) must be the `secret_id` of a `google_secret_manager_secret` resource in the `.tf` files, and a secret of the expected project in Secret Manager (secretmanager `secrets.list`, metadata only: no version is ever accessed). In the files, a literal `secret_id` is matched, and so is `each.key`/`each.value` over a literal `for_each` list, set or map; a `secret_id` the files do not settle makes a name undecided, not missing. A name missing live fails. The secret versions (the values) are not read and do not belong in the repository.',
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The remediation creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and syncs them with External Secrets; without them the ExternalSecret cannot produce the app\'s Secret. Lesson 3 ("Infrastructure as Code first") asks that what exists be declared in OpenTofu so environments can be reproduced.',
  remediation: {
    text: 'Declare each secret in OpenTofu (without its value) and import the ones that already exist; create a missing one (automatic replication) and add its value out of band, never through a file in the repository.',
    commands: [
      `resource "google_secret_manager_secret" "secrets" {
  for_each  = toset(["django-secret-key", "db-password-staging", "redis-password-staging"])
  project   = "{{project}}"
  secret_id = each.key
  replication {
    auto {}
  }
}`,
      'tofu import \'google_secret_manager_secret.secrets["django-secret-key"]\' projects/{{project}}/secrets/django-secret-key',
      'tofu plan',
      'printf %s "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    // tf (gcp words missing its own way: see sources.gcp.messages)
    missing: 'No google_secret_manager_secret declares secret_id "{{secret}}", which the app needs.',
    missingUnresolved:
      'No google_secret_manager_secret declares secret_id "{{secret}}" literally; {{unresolved}} secret_id value(s) are expressions this rule cannot evaluate.',
    declared: 'Secret Manager secret "{{secret}}" is declared by {{address}}.',
    // gcp
    present: 'Secret Manager holds {{secret}} ({{replication}} replication).',
  },
  check(ctx) {
    for (const s of ctx.views) {
      const { resource, name } = s;
      if (s.source === 'gcp') {
        const evidence = [{ path: 'secrets[].name', observed: s.live ? name : null, expected: name }];
        if (s.live)
          ctx.pass({
            resource,
            messageId: 'present',
            data: { secret: name, replication: s.live.replication },
            evidence,
          });
        else ctx.fail({ resource, messageId: 'missing', data: { secret: name, project: s.project ?? '' }, evidence });
        continue;
      }
      if (s.declaredBy) {
        ctx.pass({
          resource,
          messageId: 'declared',
          data: { secret: name, address: s.declaredBy.address },
          location: s.declaredBy.location,
          evidence: [{ path: `${s.declaredBy.address}.secret_id`, observed: name }],
        });
        continue;
      }
      const declared = s.declaredIds ?? [];
      const unresolved = s.unresolved ?? { count: 0, dependsOn: [] };
      const anchor = s.anchor?.(ctx.env.name);
      const report = {
        resource,
        data: { secret: name, unresolved: unresolved.count },
        ...(anchor ? { location: anchor } : {}),
        evidence: [
          {
            path: 'google_secret_manager_secret.secret_id',
            observed: declared.length ? declared.join(', ') : null,
            expected: name,
          },
        ],
      };
      // A secret_id the files do not settle may be this one: undecided, not missing.
      if (unresolved.count > 0)
        ctx.unknown({ ...report, messageId: 'missingUnresolved', dependsOn: unresolved.dependsOn });
      else ctx.fail({ ...report, messageId: 'missing' });
    }
  },
});
