import { defineViewRule } from '@coditect-audit/core';
import { evidenceOf, isFalse, isTrue, type SqlInstanceView } from '@coditect-audit/core/views';

/** What OpenTofu's own guard says, as the messages show it. */
/** Deletion protection on: `true` (tf: any true-ish literal), off when unset, undecided when unresolved. */
function on(v: SqlInstanceView): boolean | undefined {
  return v.deletionProtection.certainty === 'decided'
    ? v.source === 'tf'
      ? isTrue(v.deletionProtection.value)
      : v.deletionProtection.value === true
    : v.deletionProtection.certainty === 'absent'
      ? false
      : undefined;
}

function destroyGuardText(v: SqlInstanceView): string {
  const g = v.destroyGuard;
  if (g.certainty === 'absent') return 'not set, defaults to true';
  if (g.certainty === 'unresolved') return `from ${g.expression}`;
  return isFalse(g.value) ? 'false' : String(g.value);
}

/**
 * ADR-001 Issue 10: the license database must survive a mistaken delete. Two different switches exist:
 * Google-side deletion protection (`settings.deletion_protection_enabled` / `deletionProtectionEnabled`:
 * Cloud SQL itself refuses deletion, from any client) and OpenTofu's top-level `deletion_protection` (only
 * OpenTofu refuses to destroy it). Only the first satisfies the concern; the second is reported alongside.
 */
export default defineViewRule({
  id: 'sql.deletion-protection',
  title: 'Cloud SQL deletion protection is off',
  concerns: ['sql.deletion-protection'],
  view: 'sql-instance',
  sources: {
    tf: { alias: 'tf-sql-deletion-protection' },
    gcp: { alias: 'gcp-sql-deletion-protection' },
    drift: {},
  },
  description:
    'Each Cloud SQL instance must have Google-side deletion protection on, the flag that refuses deletion from the console, gcloud, the API and OpenTofu alike. **OpenTofu** (`google_sql_database_instance`): `settings.deletion_protection_enabled = true`. The top-level `deletion_protection` argument is reported alongside: it only makes OpenTofu refuse to destroy the instance (default true) and does not satisfy the concern on its own. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): `settings.deletionProtectionEnabled` `true` passes; `false` or not reported fails. **Drift**: a declaration that turns protection on for an instance that runs without it (or the reverse) is a finding at the live instance.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups, "Data loss risk") and Decision 3 ("Production-grade infrastructure"): the instance was created by hand and will be managed by OpenTofu after import; a `gcloud sql instances delete` or a console click must not be able to remove the license database and its automated backups, which OpenTofu\'s own guard cannot prevent.',
  remediation: {
    text: 'Set `deletion_protection_enabled = true` in `settings` (and keep the top-level `deletion_protection = true`), then apply; or turn it on for the live instance.',
    commands: [
      'resource "google_sql_database_instance" "main" {\n  deletion_protection = true\n  settings {\n    deletion_protection_enabled = true\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --deletion-protection --project={{project}}',
    ],
  },
  benchmarks: [{ standard: 'CIS Google Cloud Platform Foundation Benchmark 5.0.0', id: '6.9' }],
  messages: {
    // tf
    protected:
      '{{address}} sets deletion_protection_enabled = true: Cloud SQL refuses to delete it. OpenTofu guard (deletion_protection): {{tfGuard}}.',
    apiProtectionOff:
      '{{address}} sets deletion_protection_enabled = false: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.',
    apiProtectionNotSet:
      '{{address}} does not set settings.deletion_protection_enabled: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.',
    unresolved:
      'deletion_protection_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Cloud SQL refuses deletion (the gcp layer reads the live value). OpenTofu guard (deletion_protection): {{tfGuard}}.',
    // gcp
    enabled: 'Cloud SQL {{instance}} has deletion protection on.',
    disabled:
      'Cloud SQL {{instance}} has deletion protection {{state}}: the instance and its backups can be deleted in one call.',
    // drift
    driftLiveUnprotected:
      '{{address}} turns deletion protection on, but the live Cloud SQL {{instance}} runs without it: it was changed outside OpenTofu or the declaration was never applied.',
    driftDeclaredUnprotected:
      'Cloud SQL {{instance}} has deletion protection on, but {{address}} does not declare it: the next `tofu apply` turns it off.',
    consistent: '{{address}} and the live Cloud SQL {{instance}} agree on deletion protection.',
  },
  drift: {
    holds: on,
    messages: {
      consistent: 'consistent',
      liveWeaker: 'driftLiveUnprotected',
      liveStricter: 'driftDeclaredUnprotected',
    },
    data: (declared, live) => ({ address: declared.label, instance: live.label }),
    evidence: (declared, live) => [
      evidenceOf(declared.deletionProtection, 'true'),
      evidenceOf(live.deletionProtection, 'true'),
    ],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const api = v.deletionProtection;
      if (v.source === 'gcp') {
        const data = { instance: v.label };
        const evidence = [evidenceOf(api, 'true')];
        if (on(v)) ctx.pass({ resource, messageId: 'enabled', data, evidence });
        else
          ctx.fail({
            resource,
            messageId: 'disabled',
            data: {
              ...data,
              state: api.certainty === 'decided' && api.value === false ? 'off' : 'not reported (off)',
            },
            evidence,
          });
        continue;
      }
      const address = v.label;
      const tfGuard = destroyGuardText(v);
      const evidence = [evidenceOf(api, 'true'), evidenceOf(v.destroyGuard)];
      const location = api.origin.location;
      if (api.certainty === 'unresolved')
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, expression: api.expression, tfGuard },
          ...(location ? { location } : {}),
          evidence,
          dependsOn: api.dependsOn,
        });
      else if (on(v)) ctx.pass({ resource, messageId: 'protected', data: { address, tfGuard }, evidence });
      else
        ctx.fail({
          resource,
          messageId: api.certainty === 'decided' ? 'apiProtectionOff' : 'apiProtectionNotSet',
          data: { address, tfGuard },
          ...(location ? { location } : {}),
          evidence,
        });
    }
  },
});
