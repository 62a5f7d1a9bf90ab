import { defineRule } from '@coditect-audit/core';
import { redisResource } from '../util/probe.js';

/** ADR-001 Issue 4: "Redis created without ... TLS encryption"; the fix is `--transit-encryption-mode=SERVER_AUTH`. */
export default defineRule({
  id: 'probe-redis-transit-encryption',
  title: 'Redis speaks plaintext, or its TLS certificate is not valid',
  concerns: ['redis.transit-encryption-disabled'],
  layer: 'probe',
  facets: ['probe.redis'],
  description:
    'With `tls: true`, completes a TLS handshake (sending nothing) and checks the server certificate: it must chain to a trusted CA (`caFile`: the Memorystore server CA), cover the host name, and not be expired; then sends a `PING` over a plain TCP connection to the same port, which must not be answered. With `tls: false` (or when Redis answers in plaintext) the cache is reachable unencrypted and the rule fails.',
  rationale:
    'ADR-001 Issue 4 (P0): without in-transit encryption the AUTH string and every cached session cross the VPC in clear. A certificate the client cannot verify gives no protection against interception, because a client that accepts any certificate accepts the attacker’s.',
  remediation: {
    text: 'Recreate the instance with in-transit encryption, give the app the server CA, and connect with TLS on port 6378.',
    commands: [
      'gcloud redis instances create {{redis.instance}}-v2 --transit-encryption-mode=SERVER_AUTH --auth-enabled --size=1 --region={{region}} --redis-version=redis_7_0 --project={{project}}',
      'gcloud redis instances describe {{redis.instance}}-v2 --region={{region}} --format="value(serverCaCerts[0].cert)" > server-ca.pem',
      'transit_encryption_mode = "SERVER_AUTHENTICATION"',
    ],
  },
  benchmarks: [],
  messages: {
    plaintext: '{{endpoint}} answered a plaintext client ({{reply}}): traffic to the cache is not encrypted.',
    noTls: '{{endpoint}} did not complete a TLS handshake ({{error}}).',
    untrusted:
      'The TLS certificate of {{endpoint}} is not trusted ({{reason}}): clients cannot tell the server from an impostor.',
    wrongHost: 'The TLS certificate of {{endpoint}} does not cover {{hostname}} (it names {{names}}).',
    encrypted: '{{endpoint}} speaks TLS only, with a trusted certificate for {{hostname}} valid until {{validTo}}.',
  },
  check(ctx) {
    const d = ctx.facet('probe.redis');
    const resource = redisResource(d, ctx.env.expectations);
    const endpoint = d.endpoint;
    let failed = false;
    if (d.plaintext.outcome === 'answered') {
      failed = true;
      ctx.fail({
        resource,
        messageId: 'plaintext',
        data: { endpoint, reply: d.plaintext.reply ?? 'a Redis reply' },
        discriminator: 'plaintext',
        evidence: [
          { path: 'PING over plain TCP', observed: d.plaintext.reply ?? 'answered', expected: 'no answer (TLS only)' },
        ],
      });
    }
    if (d.tls) {
      const cert = d.certificate;
      if (!cert) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'noTls',
          data: { endpoint, error: d.tlsError ?? 'no certificate' },
          discriminator: 'tls',
          evidence: [{ path: 'TLS handshake', observed: d.tlsError ?? null, expected: 'a certificate' }],
        });
      } else {
        if (!cert.trusted) {
          failed = true;
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
        }
        if (!cert.hostnameMatches) {
          failed = true;
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
      }
    }
    if (!failed && d.tls && d.certificate)
      ctx.pass({
        resource,
        messageId: 'encrypted',
        data: { endpoint, hostname: d.certificate.hostname, validTo: d.certificate.validTo.slice(0, 10) },
      });
  },
});
