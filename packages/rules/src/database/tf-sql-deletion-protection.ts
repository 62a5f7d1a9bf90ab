import { defineRule } from '@coditect-audit/core';
import { forEachResource, isFalse, isTrue, read, readEvidence, readLocation } from '../util/terraform.js';

/**
 * ADR-001 Issue 10: the license database must survive a mistaken delete. Two different switches exist:
 * `settings.deletion_protection_enabled` (Cloud SQL itself refuses deletion, from any client) and the
 * top-level `deletion_protection` (only OpenTofu refuses to destroy it). Only the first satisfies the concern.
 */
export default defineRule({
  id: 'tf-sql-deletion-protection',
  title: 'Cloud SQL deletion protection is off (OpenTofu)',
  concerns: ['sql.deletion-protection'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_sql_database_instance` must set `settings.deletion_protection_enabled = true`, the Cloud SQL API flag that refuses deletion from the console, gcloud, the API and OpenTofu alike. The top-level `deletion_protection` argument is reported alongside: it only makes OpenTofu refuse to destroy the instance (default true) and does not satisfy the concern on its own. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups, "Data loss risk") and Decision 3 ("Production-grade infrastructure"): the instance was created by hand and will be managed by OpenTofu after import; a `gcloud sql instances delete` or a console click must not be able to remove the license database, which OpenTofu\'s own guard cannot prevent.',
  remediation: {
    text: 'Set `deletion_protection_enabled = true` in `settings` (and keep the top-level `deletion_protection = true`), then apply.',
    commands: [
      'resource "google_sql_database_instance" "main" {\n  deletion_protection = true\n  settings {\n    deletion_protection_enabled = true\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --deletion-protection --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    protected:
      '{{address}} sets deletion_protection_enabled = true: Cloud SQL refuses to delete it. OpenTofu guard (deletion_protection): {{tfGuard}}.',
    apiProtectionOff:
      '{{address}} sets deletion_protection_enabled = false: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.',
    apiProtectionNotSet:
      '{{address}} does not set settings.deletion_protection_enabled: the instance can be deleted from the console, gcloud or the API. OpenTofu guard (deletion_protection): {{tfGuard}}, which only stops OpenTofu itself.',
    unresolved:
      'deletion_protection_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Cloud SQL refuses deletion (the gcp layer reads the live value). OpenTofu guard (deletion_protection): {{tfGuard}}.',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const api = read(r.block, 'settings.deletion_protection_enabled');
      const guard = read(r.block, 'deletion_protection');
      const tfGuard =
        guard.kind === 'absent'
          ? 'not set, defaults to true'
          : guard.kind === 'expression'
            ? `from ${guard.expression}`
            : isFalse(guard.value)
              ? 'false'
              : String(guard.value);
      const evidence = [
        readEvidence(file, `${address}.settings.deletion_protection_enabled`, api, 'true'),
        readEvidence(file, `${address}.deletion_protection`, guard),
      ];
      if (api.kind === 'literal' && isTrue(api.value)) {
        ctx.pass({ resource, messageId: 'protected', data: { address, tfGuard }, evidence });
      } else if (api.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, expression: api.expression, tfGuard },
          location: readLocation(file, api),
          evidence,
          dependsOn: api.dependsOn,
        });
      } else {
        ctx.fail({
          resource,
          messageId: api.kind === 'literal' ? 'apiProtectionOff' : 'apiProtectionNotSet',
          data: { address, tfGuard },
          location: readLocation(file, api),
          evidence,
        });
      }
    });
  },
});
