import { defineRule, type Evidence } from '@coditect-audit/core';
import { forEachResource, isFalse, isTrue, read, readEvidence, readLocation, valueSource } from '../util/terraform.js';

const ENFORCING = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'];

/**
 * ADR-001 Issue 3: Cloud SQL must refuse unencrypted connections. `ssl_mode` is the current setting and
 * takes precedence over the legacy `require_ssl` in every combination; `require_ssl = true` alone still
 * enforces SSL (with client certificates).
 */
export default defineRule({
  id: 'tf-sql-ssl-mode',
  title: 'Cloud SQL accepts unencrypted connections (OpenTofu)',
  concerns: ['sql.ssl-not-enforced'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_sql_database_instance` must set `settings.ip_configuration.ssl_mode` to `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`. `ssl_mode` takes precedence over the legacy `require_ssl`: `ALLOW_UNENCRYPTED_AND_ENCRYPTED` fails even when `require_ssl = true`. Without `ssl_mode`, `require_ssl = true` passes (legacy) and `require_ssl = false` or nothing fails: Cloud SQL then accepts plaintext connections. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 3 (P1, do before production): "Current connection to Cloud SQL uses private IP without SSL enforcement", so data travels unencrypted inside the VPC. The ADR patches the instance with `--require-ssl`; `ssl_mode` is the setting that replaced it (the google provider 6.x no longer has `require_ssl`).',
  remediation: {
    text: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"` when every client presents a certificate) in `settings.ip_configuration`, remove `require_ssl`, apply, and make the application connect with `sslmode=require` or stricter.',
    commands: [
      'settings {\n  ip_configuration {\n    ssl_mode = "ENCRYPTED_ONLY"\n  }\n}',
      'tofu plan && tofu apply',
      'gcloud sql instances patch coditect-db --ssl-mode=ENCRYPTED_ONLY --project=coditect-cloud-infra',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.4',
      title: 'Ensure That the Cloud SQL Database Instance Requires All Incoming Connections To Use SSL',
    },
  ],
  messages: {
    sslModeEnforced: '{{address}} refuses unencrypted connections: ssl_mode = {{sslMode}}.',
    requireSslLegacy:
      '{{address}} refuses unencrypted connections through the legacy require_ssl = true (no ssl_mode); replace it with ssl_mode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" or "ENCRYPTED_ONLY" before moving to google provider 6.x.',
    sslModeAllowsUnencrypted:
      '{{address}} {{sets}} ssl_mode = {{sslMode}}{{from}}: Cloud SQL accepts unencrypted connections. Set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED.',
    sslModeOverridesRequireSsl:
      '{{address}} {{sets}} ssl_mode = {{sslMode}}{{from}}, which takes precedence over require_ssl = true: Cloud SQL accepts unencrypted connections.',
    requireSslFalse: '{{address}} sets require_ssl = false and no ssl_mode: Cloud SQL accepts unencrypted connections.',
    sslNotConfigured:
      '{{address}} sets neither ssl_mode nor require_ssl: Cloud SQL keeps ALLOW_UNENCRYPTED_AND_ENCRYPTED and accepts unencrypted connections.',
    sslModeUnresolved:
      'ssl_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (the gcp layer reads the live value).',
    requireSslUnresolved:
      'require_ssl of {{address}} comes from `{{expression}}` and no ssl_mode is set: cannot confirm that unencrypted connections are refused (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const file = r.file.file;
      const mode = read(r.block, 'settings.ip_configuration.ssl_mode');
      const legacy = read(r.block, 'settings.ip_configuration.require_ssl');
      const evidence: Evidence[] = [
        readEvidence(file, `${r.address}.settings.ip_configuration.ssl_mode`, mode, ENFORCING.join(' or ')),
        readEvidence(file, `${r.address}.settings.ip_configuration.require_ssl`, legacy),
      ];
      const address = r.address;

      if (mode.kind === 'literal') {
        const sslMode = String(mode.value);
        if (ENFORCING.includes(sslMode)) {
          ctx.pass({ resource, messageId: 'sslModeEnforced', data: { address, sslMode }, evidence });
          return;
        }
        const overrides = legacy.kind === 'literal' && isTrue(legacy.value);
        ctx.fail({
          resource,
          messageId: overrides ? 'sslModeOverridesRequireSsl' : 'sslModeAllowsUnencrypted',
          data: { address, sslMode, ...valueSource(mode, file) },
          location: readLocation(file, mode),
          evidence,
        });
        return;
      }
      if (mode.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'sslModeUnresolved',
          data: { address, expression: mode.expression },
          location: readLocation(file, mode),
          evidence,
          dependsOn: mode.dependsOn,
        });
        return;
      }
      // No ssl_mode: the legacy flag decides.
      if (legacy.kind === 'literal' && isTrue(legacy.value)) {
        ctx.pass({ resource, messageId: 'requireSslLegacy', data: { address }, evidence });
        return;
      }
      if (legacy.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'requireSslUnresolved',
          data: { address, expression: legacy.expression },
          location: readLocation(file, legacy),
          evidence,
          dependsOn: legacy.dependsOn,
        });
        return;
      }
      ctx.fail({
        resource,
        messageId: legacy.kind === 'literal' && isFalse(legacy.value) ? 'requireSslFalse' : 'sslNotConfigured',
        data: { address },
        location: readLocation(file, legacy.kind === 'literal' ? legacy : mode),
        evidence,
      });
    });
  },
});
