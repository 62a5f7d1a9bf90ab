import type { CertificateObservation, RedisProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

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
  pass: [{ name: 'SERVER_AUTHENTICATION with the server CA', facets: { 'probe.redis': redis({}) } }],
  fail: [
    {
      name: 'the ADR as deployed: plaintext on 6379',
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
      name: 'TLS configured but the port speaks plaintext (the handshake times out)',
      facets: {
        'probe.redis': withoutCertificate({
          tlsError: 'TLS handshake with 10.121.0.4:6378 did not finish within 5000 ms',
          plaintext: { outcome: 'answered', reply: 'NOAUTH Authentication required.' },
        }),
      },
      expect: [{ messageId: 'plaintext' }, { messageId: 'noTls' }],
    },
    {
      name: 'a certificate the client cannot verify, for another host',
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
  ],
} satisfies RuleCases;
