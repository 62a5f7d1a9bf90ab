import type { CertificateObservation, RedisProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const tf = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging-v2"
  region         = "us-central1"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

const cert: CertificateObservation = {
  subject: 'CN=10.121.0.4',
  issuer: 'CN=Google Cloud Memorystore Redis Server CA',
  altNames: ['IP Address:10.121.0.4'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2036-01-01T00:00:00.000Z',
  expiresInDays: 3300,
  trusted: true,
  hostname: '10.121.0.4',
  hostnameMatches: true,
  selfSigned: false,
  fingerprint256: 'AA:BB',
};
const redis = (over: Partial<RedisProbe>): RedisProbe => ({
  endpoint: '10.121.0.4:6378',
  host: '10.121.0.4',
  port: 6378,
  tls: true,
  certificate: cert,
  unauthenticatedPing: { outcome: 'noauth', reply: 'NOAUTH Authentication required.' },
  plaintext: { outcome: 'refused' },
  ...over,
});

function withoutCertificate(over: Partial<RedisProbe>): RedisProbe {
  const { certificate: _certificate, ...rest } = redis(over);
  return rest;
}

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: the ADR fix: SERVER_AUTHENTICATION with AUTH',
      files: {
        'main.tf': tf(`  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"`),
      },
    },
    // ---- gcp
    { name: 'gcp: SERVER_AUTHENTICATION', facets: { 'gcp.redis': redisFacet(redisInstance()) } },
    // ---- probe
    { name: 'probe: SERVER_AUTHENTICATION with the server CA', facets: { 'probe.redis': redis({}) } },
    // ---- three sources in one case
    {
      name: 'tf, gcp and probe: declared, configured and seen encrypted',
      files: { 'main.tf': tf('  transit_encryption_mode = "SERVER_AUTHENTICATION"') },
      facets: { 'gcp.redis': redisFacet(redisInstance()), 'probe.redis': redis({}) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR instance: DISABLED',
      files: { 'main.tf': tf('  transit_encryption_mode = "DISABLED"') },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 6, column: 3 }],
    },
    {
      name: 'tf: not set (default DISABLED): located at the resource',
      files: { 'main.tf': tf('  auth_enabled = true') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: { 'opentofu/modules/redis/main.tf': tf('  transit_encryption_mode = var.transit_encryption_mode') },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 6, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: DISABLED (the ADR staging instance)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ transitEncryptionMode: 'DISABLED', port: 6379 })) },
      expect: [{ messageId: 'plaintext' }],
    },
    {
      name: 'gcp: not reported',
      facets: { 'gcp.redis': redisFacet(redisInstance({ transitEncryptionMode: undefined })) },
      expect: [{ messageId: 'plaintext' }],
    },
    // ---- probe
    {
      name: 'probe: the ADR as deployed: plaintext on 6379',
      facets: {
        'probe.redis': redis({
          endpoint: '10.121.0.4:6379',
          port: 6379,
          tls: false,
          unauthenticatedPing: { outcome: 'pong', reply: 'PONG' },
          plaintext: { outcome: 'answered', reply: 'PONG' },
        }),
      },
      expect: [{ messageId: 'plaintext' }],
    },
    {
      name: 'probe: TLS configured but the port speaks plaintext (the handshake times out)',
      facets: {
        'probe.redis': withoutCertificate({
          tlsError: 'TLS handshake with 10.121.0.4:6378 did not finish within 5000 ms',
          plaintext: { outcome: 'answered', reply: 'NOAUTH Authentication required.' },
        }),
      },
      expect: [{ messageId: 'plaintext' }, { messageId: 'noTls' }],
    },
    {
      name: 'probe: a certificate the client cannot verify, for another host',
      facets: {
        'probe.redis': redis({
          certificate: {
            ...cert,
            trusted: false,
            trustError: 'SELF_SIGNED_CERT_IN_CHAIN',
            hostnameMatches: false,
            altNames: ['DNS:redis.internal'],
          },
        }),
      },
      expect: [{ messageId: 'untrusted' }, { messageId: 'wrongHost' }],
    },
    // ---- two sources in one case
    {
      name: 'tf and probe: TLS declared, but the server also answers plaintext (each source judged on its own)',
      files: { 'main.tf': tf('  transit_encryption_mode = "SERVER_AUTHENTICATION"') },
      facets: {
        'probe.redis': redis({ plaintext: { outcome: 'answered', reply: 'NOAUTH Authentication required.' } }),
      },
      expect: [{ messageId: 'plaintext', source: 'probe' }],
    },
    {
      name: 'drift: SERVER_AUTHENTICATION declared, but the live instance of that name is DISABLED',
      files: { 'main.tf': tf('  transit_encryption_mode = "SERVER_AUTHENTICATION"') },
      facets: {
        'gcp.redis': redisFacet(
          redisInstance({ name: 'coditect-redis-staging-v2', transitEncryptionMode: 'DISABLED', port: 6379 }),
        ),
      },
      expect: [
        { messageId: 'plaintext', source: 'gcp' },
        // The live finding has no file; drift points at the declaration as a related location.
        { messageId: 'driftLiveWeaker', source: 'drift' },
        { messageId: 'driftLiveWeaker', file: 'main.tf', line: 1, source: 'drift' },
      ],
    },
    {
      name: 'gcp and probe: DISABLED live, and the client gets plaintext on 6379',
      facets: {
        'gcp.redis': redisFacet(redisInstance({ transitEncryptionMode: 'DISABLED', port: 6379 })),
        'probe.redis': withoutCertificate({
          endpoint: '10.121.0.4:6379',
          port: 6379,
          tls: false,
          plaintext: { outcome: 'answered', reply: 'PONG' },
        }),
      },
      expect: [
        { messageId: 'plaintext', source: 'gcp' },
        { messageId: 'plaintext', source: 'probe' },
      ],
    },
  ],
} satisfies RuleCases;
