import { defineViewRule, type Evidence } from '@coditect-audit/core';
import {
  type Attribute,
  evidenceOf,
  isFalse,
  isTrue,
  type SqlInstanceView,
  valueSourceOf,
} from '@coditect-audit/core/views';

const ENFORCING = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'];

type Outcome =
  | { holds: true; how: 'sslMode' | 'legacy' }
  | { holds: false; how: 'sslMode' | 'overridesLegacy' | 'legacyFalse' | 'notSet' }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } };

/**
 * The decision, whatever the source: `ssl_mode`/`sslMode` is the current setting and wins over the legacy
 * `require_ssl`/`requireSsl` in every combination; `require_ssl = true` alone still enforces SSL.
 */
function decide(v: SqlInstanceView): Outcome {
  const mode = v.sslMode;
  const legacy = v.requireSsl;
  const legacyTrue = legacy.certainty === 'decided' && isTrue(legacy.value);
  if (mode.certainty === 'decided')
    return ENFORCING.includes(String(mode.value))
      ? { holds: true, how: 'sslMode' }
      : { holds: false, how: legacyTrue ? 'overridesLegacy' : 'sslMode' };
  if (mode.certainty === 'unresolved') return { holds: undefined, on: mode };
  if (legacyTrue) return { holds: true, how: 'legacy' };
  if (legacy.certainty === 'unresolved') return { holds: undefined, on: legacy };
  return { holds: false, how: legacy.certainty === 'decided' && isFalse(legacy.value) ? 'legacyFalse' : 'notSet' };
}

/** How each source words an outcome (message ids kept from the per-layer rules this one replaces). */
const WORDING = {
  tf: {
    sslMode: ['sslModeEnforced', 'sslModeAllowsUnencrypted'],
    legacy: 'requireSslLegacy',
    overridesLegacy: 'sslModeOverridesRequireSsl',
    legacyFalse: 'requireSslFalse',
    notSet: 'sslNotConfigured',
  },
  gcp: {
    sslMode: ['enforced', 'allowsUnencrypted'],
    legacy: 'legacyRequireSsl',
    overridesLegacy: 'allowsUnencrypted',
    legacyFalse: 'notEnforced',
    notSet: 'notEnforced',
  },
} as const;

/**
 * ADR-001 Issue 3: Cloud SQL must refuse unencrypted connections, as declared (OpenTofu), as configured (the
 * Admin API) and as a plaintext client finds it (the probe); a declaration the live instance contradicts is
 * one more verdict (`drift`).
 *
 * `manifest-app-db-sslmode` stays a separate rule: it judges the client's `sslmode` in the application's
 * connection settings, a different resource (the workload) with a different fix; an instance that enforces
 * TLS makes a lax client fail to connect, and a strict client does not make the instance refuse others.
 */
export default defineViewRule({
  id: 'sql.ssl-not-enforced',
  title: 'Cloud SQL accepts unencrypted connections',
  concerns: ['sql.ssl-not-enforced'],
  view: 'sql-instance',
  sources: {
    tf: { alias: 'tf-sql-ssl-mode' },
    gcp: { alias: 'gcp-sql-ssl-mode' },
    probe: { alias: 'probe-postgres-ssl-enforced' },
    drift: {},
  },
  description:
    'Each Cloud SQL instance must refuse unencrypted connections. **OpenTofu** (`google_sql_database_instance`): `settings.ip_configuration.ssl_mode` must be `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`. `ssl_mode` takes precedence over the legacy `require_ssl`: `ALLOW_UNENCRYPTED_AND_ENCRYPTED` fails even when `require_ssl = true`. Without `ssl_mode`, `require_ssl = true` passes (legacy) and `require_ssl = false` or nothing fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): the same decision on `settings.ipConfiguration.sslMode` and `requireSsl`. **Probe**: besides its TLS session, the probe opens a second connection with `sslmode=disable` whose password callback aborts: it passes when the server refuses the unencrypted connection before authentication, and fails when the server asks for a password over plaintext or lets the client in; no password is ever sent over that connection. **Drift**: a declaration that enforces SSL while the live instance of the same name does not (or the reverse) is a finding at the live instance.',
  rationale:
    'ADR-001 Issue 3 (P1, do before production): "Current connection to Cloud SQL uses private IP without SSL enforcement", so credentials and license data travel unencrypted inside the VPC. The ADR patches the instance with `--require-ssl`; `ssl_mode` is the setting that replaced it (the google provider 6.x no longer has `require_ssl`). The live setting is what protects the data, whatever the repository declares; setting `sslmode=require` in the app does not help if the server still accepts others in plaintext.',
  remediation: {
    text: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"` when every client presents a certificate) in `settings.ip_configuration`, remove `require_ssl`, apply (or patch the live instance), and make the application connect with `sslmode=require` or stricter.',
    commands: [
      'settings {\n  ip_configuration {\n    ssl_mode = "ENCRYPTED_ONLY"\n  }\n}',
      'tofu plan && tofu apply',
      'gcloud sql instances patch {{database.instance}} --ssl-mode=ENCRYPTED_ONLY --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.4',
      title: 'Ensure That the Cloud SQL Database Instance Requires All Incoming Connections To Use SSL',
    },
    { standard: 'Security Command Center', id: 'SSL_NOT_ENFORCED' },
  ],
  messages: {
    // tf
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
    // gcp
    enforced: 'Cloud SQL {{instance}} refuses unencrypted connections: sslMode = {{sslMode}}.',
    legacyRequireSsl:
      'Cloud SQL {{instance}} refuses unencrypted connections through the legacy requireSsl = true (Google reports no sslMode).',
    allowsUnencrypted:
      'Cloud SQL {{instance}} has sslMode = {{sslMode}}: it accepts unencrypted connections{{legacy}}. Set ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED.',
    notEnforced:
      'Cloud SQL {{instance}} reports no sslMode and requireSsl = {{requireSsl}}: it accepts unencrypted connections.',
    // probe
    refused: '{{endpoint}} refuses unencrypted connections ({{detail}}).',
    passwordOverPlaintext:
      '{{endpoint}} asked for a password over an unencrypted connection: it accepts plaintext clients.',
    acceptedWithoutTls: '{{endpoint}} let a client log in without TLS and without a password.',
    // drift
    driftLiveWeaker:
      '{{address}} declares that Cloud SQL {{instance}} refuses unencrypted connections, but the live instance accepts them (sslMode = {{liveSslMode}}): it was changed outside OpenTofu or the declaration was never applied.',
    driftLiveStricter:
      'Cloud SQL {{instance}} refuses unencrypted connections, but {{address}} declares that it accepts them: the next `tofu apply` would weaken it.',
    consistent: '{{address}} and the live Cloud SQL {{instance}} agree on SSL enforcement.',
  },
  drift: {
    holds: (v) => decide(v).holds,
    messages: { consistent: 'consistent', liveWeaker: 'driftLiveWeaker', liveStricter: 'driftLiveStricter' },
    data: (declared, live) => ({
      address: declared.label,
      instance: live.label,
      liveSslMode: String(live.sslMode.certainty === 'decided' ? live.sslMode.value : 'unset'),
    }),
    evidence: (declared, live) => [
      evidenceOf(declared.sslMode, ENFORCING.join(' or ')),
      evidenceOf(live.sslMode, ENFORCING.join(' or ')),
    ],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.source === 'probe') {
        const data = { endpoint: v.label, detail: v.plaintextDetail ?? '' };
        const evidence = [evidenceOf(v.plaintextConnection, 'refused')];
        const outcome = v.plaintextConnection.certainty === 'decided' ? v.plaintextConnection.value : undefined;
        if (outcome === 'refused') ctx.pass({ resource, messageId: 'refused', data, evidence });
        else if (outcome === 'auth-requested')
          ctx.fail({ resource, messageId: 'passwordOverPlaintext', data, evidence });
        else if (outcome === 'accepted') ctx.fail({ resource, messageId: 'acceptedWithoutTls', data, evidence });
        else
          ctx.skip(
            `the plaintext attempt to ${v.label} did not complete (${data.detail}); see the error verdict`,
            resource,
          );
        continue;
      }
      const evidence: Evidence[] = [evidenceOf(v.sslMode, ENFORCING.join(' or ')), evidenceOf(v.requireSsl)];
      const sslMode = v.sslMode.certainty === 'decided' ? String(v.sslMode.value) : '';
      const words = WORDING[v.source];
      // Message data as the per-layer rules wrote it (reports and baselines compare it).
      const legacyTrue = v.requireSsl.certainty === 'decided' && v.requireSsl.value === true;
      const dataFor = (messageId: string): Record<string, string> => {
        if (v.source === 'tf') {
          if (!sslMode) return { address: v.label };
          // A failing ssl_mode says whether the resource sets it or gets it from a variable (`valueSource`).
          const failing = messageId === 'sslModeAllowsUnencrypted' || messageId === 'sslModeOverridesRequireSsl';
          return { address: v.label, sslMode, ...(failing ? valueSourceOf(v.sslMode) : {}) };
        }
        if (messageId === 'enforced') return { instance: v.label, sslMode };
        if (messageId === 'allowsUnencrypted')
          return {
            instance: v.label,
            sslMode,
            legacy: legacyTrue ? ' (sslMode takes precedence over requireSsl = true)' : '',
          };
        if (messageId === 'notEnforced')
          return {
            instance: v.label,
            requireSsl: String(v.requireSsl.certainty === 'decided' ? v.requireSsl.value : 'unset'),
          };
        return { instance: v.label };
      };
      const o = decide(v);
      if (o.holds === undefined) {
        const unresolved = o.on;
        ctx.unknown({
          resource,
          messageId: unresolved === v.sslMode ? 'sslModeUnresolved' : 'requireSslUnresolved',
          data: { address: v.label, expression: unresolved.expression },
          ...(unresolved.origin.location ? { location: unresolved.origin.location } : {}),
          evidence,
          dependsOn: unresolved.dependsOn,
        });
      } else if (o.holds) {
        const messageId = o.how === 'sslMode' ? words.sslMode[0] : words.legacy;
        ctx.pass({ resource, messageId, data: dataFor(messageId), evidence });
      } else {
        // Located at what decided it: ssl_mode when set, else require_ssl when set, else the deepest block.
        const at =
          v.sslMode.certainty !== 'absent' ? v.sslMode : v.requireSsl.certainty !== 'absent' ? v.requireSsl : v.sslMode;
        const messageId = o.how === 'sslMode' ? words.sslMode[1] : words[o.how];
        ctx.fail({
          resource,
          messageId,
          data: dataFor(messageId),
          ...(at.origin.location ? { location: at.origin.location } : {}),
          evidence,
        });
      }
    }
  },
});
