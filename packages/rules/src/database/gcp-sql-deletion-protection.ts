import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Issue 10, live: Google-side deletion protection keeps the license database from a stray delete. */
export default defineRule({
  id: 'gcp-sql-deletion-protection',
  title: 'Cloud SQL deletion protection is off',
  concerns: ['sql.deletion-protection'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description:
    "Reads `settings.deletionProtectionEnabled` of every Cloud SQL instance: `true` passes; `false` or not reported fails. This is the Google-side protection, distinct from OpenTofu's `deletion_protection`, which only guards `tofu destroy`.",
  rationale:
    'ADR-001 Issue 10 names data loss as a high-impact risk. Without deletion protection one `gcloud sql instances delete` (or a console click) removes the instance and its automated backups.',
  remediation: {
    text: 'Turn deletion protection on for the instance.',
    commands: ['gcloud sql instances patch {{database.instance}} --deletion-protection --project={{project}}'],
  },
  benchmarks: [{ standard: 'CIS Google Cloud Platform Foundation Benchmark 5.0.0', id: '6.9' }],
  messages: {
    enabled: 'Cloud SQL {{instance}} has deletion protection on.',
    disabled:
      'Cloud SQL {{instance}} has deletion protection {{state}}: the instance and its backups can be deleted in one call.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const value = i.settings.deletionProtectionEnabled;
      const evidence = [{ path: 'settings.deletionProtectionEnabled', observed: value ?? null, expected: 'true' }];
      if (value === true) ctx.pass({ resource, messageId: 'enabled', data: { instance: i.name }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'disabled',
          data: { instance: i.name, state: value === false ? 'off' : 'not reported (off)' },
          evidence,
        });
    }
  },
});
