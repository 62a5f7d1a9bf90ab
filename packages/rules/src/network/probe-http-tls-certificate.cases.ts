import type { CertificateObservation, HttpProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const base = 'https://staging-api.coditect.ai';
const cert: CertificateObservation = {
  subject: 'CN=staging-api.coditect.ai',
  issuer: 'C=US, O=Google Trust Services, CN=WR3',
  altNames: ['DNS:staging-api.coditect.ai'],
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2027-01-30T00:00:00.000Z',
  expiresInDays: 65,
  trusted: true,
  hostname: 'staging-api.coditect.ai',
  hostnameMatches: true,
  selfSigned: false,
  fingerprint256: 'AA:BB',
};
const http = (over: Partial<HttpProbe>): HttpProbe => ({
  baseUrl: base,
  host: 'staging-api.coditect.ai',
  https: true,
  live: { url: `${base}/api/v1/health/live`, outcome: 'answered', status: 200 },
  ready: { url: `${base}/api/v1/health/ready`, outcome: 'answered', status: 200 },
  readyComponents: ['database', 'redis'],
  protected: [],
  tls: { protocol: 'TLSv1.3', certificate: cert },
  plainHttp: {
    url: 'http://staging-api.coditect.ai/api/v1/health/live',
    outcome: 'redirect',
    status: 301,
    toHttps: true,
    sameHost: true,
  },
  minCertificateDays: 14,
  ...over,
});

const { tls: _tls, ...withoutTls } = http({});
const plainHttpOnly: HttpProbe = { ...withoutTls, baseUrl: 'http://34.41.0.10', host: '34.41.0.10', https: false };

export default {
  pass: [{ name: 'a Google-managed certificate for the domain', facets: { 'probe.http': http({}) } }],
  fail: [
    {
      name: 'the ADR as deployed: plain HTTP on the LoadBalancer IP',
      facets: { 'probe.http': plainHttpOnly },
      expect: [{ messageId: 'notHttps' }],
    },
    {
      name: 'a certificate for another domain that ends in 5 days',
      facets: {
        'probe.http': http({
          tls: {
            certificate: {
              ...cert,
              altNames: ['DNS:api.coditect.ai'],
              hostnameMatches: false,
              expiresInDays: 5,
              validTo: '2026-12-01T00:00:00.000Z',
            },
          },
        }),
      },
      expect: [{ messageId: 'wrongHost' }, { messageId: 'expiring' }],
    },
    {
      name: 'a self-signed certificate',
      facets: {
        'probe.http': http({
          tls: {
            certificate: { ...cert, trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT', selfSigned: true },
          },
        }),
      },
      expect: [{ messageId: 'untrusted' }],
    },
  ],
} satisfies RuleCases;
