import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const ENFORCING = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'];

/**
 * ADR-001 Issue 3, live: the instance itself must refuse plaintext. `sslMode` is the current setting and
 * wins over the legacy `requireSsl` (the false positive other scanners had: reading only one of them).
 */
export default defineRule({
  id: 'gcp-sql-ssl-mode',
  title: 'Cloud SQL accepts unencrypted connections',
  concerns: ['sql.ssl-not-enforced'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description:
    'Reads `settings.ipConfiguration` of every Cloud SQL instance (sqladmin `instances.list`). `sslMode` decides when Google reports it: `ENCRYPTED_ONLY` and `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` pass, `ALLOW_UNENCRYPTED_AND_ENCRYPTED` fails even when `requireSsl` is true. Without `sslMode`, `requireSsl: true` passes (legacy) and anything else fails: the instance accepts plaintext connections.',
  rationale:
    'ADR-001 Issue 3 (P1): "Current connection to Cloud SQL uses private IP without SSL enforcement", so license data crosses the VPC unencrypted. The live setting is what protects the data, whatever the repository declares.',
  remediation: {
    text: 'Require encrypted connections on the instance, then make the application connect with `sslmode=require` or stricter.',
    commands: ['gcloud sql instances patch coditect-db --ssl-mode=ENCRYPTED_ONLY --project=coditect-cloud-infra'],
  },
  benchmarks: [
    { standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0', id: '6.4' },
    { standard: 'Security Command Center', id: 'SSL_NOT_ENFORCED' },
  ],
  messages: {
    enforced: 'Cloud SQL {{instance}} refuses unencrypted connections: sslMode = {{sslMode}}.',
    legacyRequireSsl:
      'Cloud SQL {{instance}} refuses unencrypted connections through the legacy requireSsl = true (Google reports no sslMode).',
    allowsUnencrypted:
      'Cloud SQL {{instance}} has sslMode = {{sslMode}}: it accepts unencrypted connections{{legacy}}. Set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED.',
    notEnforced:
      'Cloud SQL {{instance}} reports no sslMode and requireSsl = {{requireSsl}}: it accepts unencrypted connections.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const { sslMode, requireSsl } = i.settings.ipConfiguration;
      const evidence = [
        { path: 'settings.ipConfiguration.sslMode', observed: sslMode ?? null, expected: ENFORCING.join(' or ') },
        { path: 'settings.ipConfiguration.requireSsl', observed: requireSsl ?? null },
      ];
      const instance = i.name;
      if (sslMode && ENFORCING.includes(sslMode))
        ctx.pass({ resource, messageId: 'enforced', data: { instance, sslMode }, evidence });
      else if (sslMode)
        ctx.fail({
          resource,
          messageId: 'allowsUnencrypted',
          data: { instance, sslMode, legacy: requireSsl ? ' (sslMode takes precedence over requireSsl = true)' : '' },
          evidence,
        });
      else if (requireSsl === true) ctx.pass({ resource, messageId: 'legacyRequireSsl', data: { instance }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'notEnforced',
          data: { instance, requireSsl: String(requireSsl ?? 'unset') },
          evidence,
        });
    }
  },
});
