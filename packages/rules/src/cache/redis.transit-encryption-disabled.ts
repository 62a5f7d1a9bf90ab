import { defineViewRule, type Evidence } from '@coditect-audit/core';
import { type Attribute, evidenceOf, type RedisInstanceView, valueSourceOf } from '@coditect-audit/core/views';

const TLS_MODE = 'SERVER_AUTHENTICATION';

/** What a client found wrong with the transport (probe). */
type Problem = 'plaintext' | 'noTls' | 'untrusted' | 'wrongHost';

type Outcome =
  | { holds: true }
  | { holds: false; how: 'disabled' | 'notSet' }
  | { holds: false; how: 'observed'; problems: Problem[] }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } }
  /** probe: neither TLS was verified nor plaintext answered (the probe's error verdict tells why). */
  | { holds: 'unobserved' };

/**
 * The decision, whatever the source: traffic is encrypted when `transit_encryption_mode` /
 * `transitEncryptionMode` is SERVER_AUTHENTICATION (unset is DISABLED), or, seen by a client, when the port
 * does not answer plaintext and its TLS certificate is trusted and names the host.
 */
function decide(v: RedisInstanceView): Outcome {
  if (v.source === 'probe') {
    const d = v.probe!;
    const problems: Problem[] = [];
    if (v.plaintextConnection.certainty === 'decided' && v.plaintextConnection.value === 'answered')
      problems.push('plaintext');
    if (d.tls && !d.certificate) problems.push('noTls');
    if (d.tls && d.certificate && !d.certificate.trusted) problems.push('untrusted');
    if (d.tls && d.certificate && !d.certificate.hostnameMatches) problems.push('wrongHost');
    if (problems.length) return { holds: false, how: 'observed', problems };
    return d.tls && d.certificate ? { holds: true } : { holds: 'unobserved' };
  }
  const mode = v.transitEncryptionMode;
  if (mode.certainty === 'unresolved') return { holds: undefined, on: mode };
  if (mode.certainty === 'absent') return { holds: false, how: 'notSet' };
  return mode.value === TLS_MODE ? { holds: true } : { holds: false, how: 'disabled' };
}

/**
 * What crosses the network in clear text: the AUTH string too where the instance has one (an instance without
 * AUTH has none to expose; `redis.auth-disabled` reports that).
 */
function inClearText(authEnabled: Attribute<unknown>): string {
  const off =
    authEnabled.certainty === 'absent' || (authEnabled.certainty === 'decided' && authEnabled.value === false);
  return off ? 'client traffic travels in clear text' : 'clients and the AUTH string travel in clear text';
}

/**
 * ADR-001 Issue 4: "Redis created without AUTH token or TLS encryption": the cache, and the AUTH string,
 * cross the VPC in clear text. TLS can only be chosen when the instance is created. As declared (OpenTofu),
 * as configured (the Redis API) and as a client finds it (the probe's TLS handshake and plaintext PING).
 */
export default defineViewRule({
  id: 'redis.transit-encryption-disabled',
  title: 'Memorystore in-transit encryption is disabled',
  concerns: ['redis.transit-encryption-disabled'],
  view: 'redis-instance',
  sources: {
    tf: { alias: 'tf-redis-transit-encryption' },
    gcp: {
      alias: 'gcp-redis-transit-encryption',
      messages: {
        encrypted: 'Memorystore {{instance}} encrypts traffic in transit (SERVER_AUTHENTICATION, port {{port}}).',
        plaintext: 'Memorystore {{instance}} has transitEncryptionMode {{mode}}: clients talk to it in plaintext.',
      },
    },
    probe: { alias: 'probe-redis-transit-encryption' },
    drift: {},
  },
  description:
    'Each Memorystore instance must encrypt client traffic. **OpenTofu** (`google_redis_instance`): `transit_encryption_mode = "SERVER_AUTHENTICATION"` (TLS); `DISABLED`, or no value (the default is DISABLED), fails. The mode cannot change on an existing instance: OpenTofu replaces the instance, so plan the migration. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `transitEncryptionMode` `SERVER_AUTHENTICATION` passes (TLS on port 6378); `DISABLED` or absent fails (plaintext on port 6379). **Probe**: with `tls: true`, completes a TLS handshake (sending nothing) and checks the server certificate: it must chain to a trusted CA (`caFile`: the Memorystore server CA), cover the host name, and not be expired; then sends a `PING` over a plain TCP connection to the same port, which must not be answered. With `tls: false` (or when Redis answers in plaintext) the cache is reachable unencrypted and the rule fails. **Drift**: a declaration of SERVER_AUTHENTICATION while the live instance of the same name is DISABLED (or the reverse) is a finding at the live instance.',
  rationale:
    'ADR-001 Issue 4 (Redis Authentication and Encryption, P0): "Redis created without AUTH token or TLS encryption"; the ADR recreates the instance (`coditect-redis-staging-v2`) because the mode "cannot modify existing instance". Without TLS the AUTH string and every cached session cross the VPC in clear text. A certificate the client cannot verify gives no protection against interception, because a client that accepts any certificate accepts the attacker’s.',
  remediation: {
    text: 'Create a replacement instance with TLS and AUTH, move the application to it (TLS on port 6378, the server CA from the instance), then delete the old one. In OpenTofu, setting the mode replaces the instance. The ADR spells the flags `--auth-enabled` and `SERVER_AUTH`; gcloud expects `--enable-auth` and `server-authentication`.',
    commands: [
      'transit_encryption_mode = "SERVER_AUTHENTICATION"\nauth_enabled            = true',
      'gcloud redis instances create {{redis.instance}}-v2 --size=1 --region={{region}} --redis-version=redis_7_0 --enable-auth --transit-encryption-mode=server-authentication --project={{project}}',
      'gcloud redis instances describe {{redis.instance}}-v2 --region={{region}} --format="value(serverCaCerts[0].cert)" > server-ca.pem',
      'gcloud redis instances delete {{redis.instance}} --region={{region}} --async --project={{project}}',
    ],
  },
  benchmarks: [{ standard: 'ScoutSuite', id: 'memorystore-redis-instance-ssl-not-required' }],
  messages: {
    // tf
    tls: '{{address}} encrypts client traffic (transit_encryption_mode = SERVER_AUTHENTICATION).',
    disabled: '{{address}} {{sets}} transit_encryption_mode = {{mode}}{{from}}: {{inClear}}.',
    notSet: '{{address}} does not set transit_encryption_mode (default DISABLED): {{inClear}}.',
    unresolved:
      'transit_encryption_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm SERVER_AUTHENTICATION (the gcp layer reads the live value).',
    // probe (gcp words encrypted/plaintext its own way: see sources.gcp.messages)
    plaintext: '{{endpoint}} answered a plaintext client ({{reply}}): traffic to the cache is not encrypted.',
    noTls: '{{endpoint}} did not complete a TLS handshake ({{error}}).',
    untrusted:
      'The TLS certificate of {{endpoint}} is not trusted ({{reason}}): clients cannot tell the server from an impostor.',
    wrongHost: 'The TLS certificate of {{endpoint}} does not cover {{hostname}} (it names {{names}}).',
    encrypted: '{{endpoint}} speaks TLS only, with a trusted certificate for {{hostname}} valid until {{validTo}}.',
    // drift
    driftLiveWeaker:
      '{{address}} declares that Memorystore {{instance}} encrypts traffic (SERVER_AUTHENTICATION), but the live instance does not: it is not the declared instance, or the declaration was never applied (the mode cannot change in place).',
    driftLiveStricter:
      'Memorystore {{instance}} encrypts traffic, but {{address}} declares transit_encryption_mode DISABLED or unset: the next `tofu apply` would replace it with a plaintext instance.',
    consistent: '{{address}} and the live Memorystore {{instance}} agree on in-transit encryption.',
  },
  drift: {
    // Drift pairs the declaration with the Admin API's instance; the probe's own states never reach it.
    holds: (v) => {
      const h = decide(v).holds;
      return typeof h === 'boolean' ? h : undefined;
    },
    messages: { consistent: 'consistent', liveWeaker: 'driftLiveWeaker', liveStricter: 'driftLiveStricter' },
    data: (declared, live) => ({ address: declared.label, instance: live.label }),
    evidence: (declared, live) => [
      evidenceOf(declared.transitEncryptionMode, TLS_MODE),
      evidenceOf(live.transitEncryptionMode, TLS_MODE),
    ],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decide(v);
      if (v.source === 'probe') {
        const d = v.probe!;
        const endpoint = v.label;
        const cert = d.certificate;
        if (o.holds === true && cert)
          ctx.pass({
            resource,
            messageId: 'encrypted',
            data: { endpoint, hostname: cert.hostname, validTo: cert.validTo.slice(0, 10) },
          });
        if (o.holds !== false || o.how !== 'observed') continue;
        for (const p of o.problems) {
          if (p === 'plaintext')
            ctx.fail({
              resource,
              messageId: 'plaintext',
              data: { endpoint, reply: v.plaintextReply ?? 'a Redis reply' },
              discriminator: 'plaintext',
              evidence: [
                {
                  path: v.plaintextConnection.origin.path,
                  observed: v.plaintextReply ?? 'answered',
                  expected: 'no answer (TLS only)',
                },
              ],
            });
          else if (p === 'noTls')
            ctx.fail({
              resource,
              messageId: 'noTls',
              data: { endpoint, error: d.tlsError ?? 'no certificate' },
              discriminator: 'tls',
              evidence: [{ path: 'TLS handshake', observed: d.tlsError ?? null, expected: 'a certificate' }],
            });
          else if (p === 'untrusted' && cert)
            ctx.fail({
              resource,
              messageId: 'untrusted',
              data: { endpoint, reason: cert.trustError ?? 'unknown reason' },
              discriminator: 'certificate:trust',
              evidence: [
                {
                  path: 'certificate',
                  observed: cert.trustError ?? 'untrusted',
                  expected: 'chains to the configured CA',
                },
              ],
            });
          else if (p === 'wrongHost' && cert)
            ctx.fail({
              resource,
              messageId: 'wrongHost',
              data: { endpoint, hostname: cert.hostname, names: cert.altNames.join(', ') || cert.subject },
              discriminator: 'certificate:host',
              evidence: [
                { path: 'certificate.subjectAltName', observed: cert.altNames.join(', '), expected: cert.hostname },
              ],
            });
        }
        continue;
      }
      const mode = v.transitEncryptionMode;
      const evidence: Evidence[] = [evidenceOf(mode, TLS_MODE)];
      const location = mode.origin.location ? { location: mode.origin.location } : {};
      if (o.holds === undefined) {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn,
        });
      } else if (v.source === 'gcp') {
        // Message data as the per-layer rule wrote it (reports and baselines compare it).
        if (o.holds === true) {
          const port = v.port.certainty === 'decided' ? v.port.value : 6378;
          ctx.pass({ resource, messageId: 'encrypted', data: { instance: v.label, port: port as number }, evidence });
        } else {
          const observed = mode.certainty === 'decided' ? String(mode.value) : 'unset (DISABLED)';
          ctx.fail({ resource, messageId: 'plaintext', data: { instance: v.label, mode: observed }, evidence });
        }
      } else if (o.holds === true) {
        ctx.pass({ resource, messageId: 'tls', data: { address: v.label }, evidence });
      } else if (o.holds === false && o.how !== 'observed') {
        const inClear = inClearText(v.authEnabled);
        const data: Record<string, string> =
          o.how === 'disabled' && mode.certainty === 'decided'
            ? { address: v.label, mode: String(mode.value), ...valueSourceOf(mode), inClear }
            : { address: v.label, inClear };
        ctx.fail({ resource, messageId: o.how, data, ...location, evidence });
      }
    }
  },
});
