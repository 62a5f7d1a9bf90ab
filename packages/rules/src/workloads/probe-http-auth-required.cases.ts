import type { HttpObservation, HttpProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const base = 'https://staging-api.coditect.ai';
const licenses = `${base}/api/v1/licenses/`;
const http = (...guarded: HttpObservation[]): HttpProbe => ({
  baseUrl: base,
  host: 'staging-api.coditect.ai',
  https: true,
  live: { url: `${base}/api/v1/health/live`, outcome: 'answered', status: 200 },
  ready: { url: `${base}/api/v1/health/ready`, outcome: 'answered', status: 200 },
  readyComponents: ['database', 'redis'],
  protected: guarded,
  plainHttp: {
    url: 'http://staging-api.coditect.ai/api/v1/health/live',
    outcome: 'redirect',
    status: 301,
    toHttps: true,
    sameHost: true,
  },
  minCertificateDays: 14,
});

export default {
  pass: [
    {
      name: 'the ADR’s expectation: 401',
      facets: { 'probe.http': http({ url: licenses, outcome: 'answered', status: 401 }) },
    },
    { name: 'refused with 403', facets: { 'probe.http': http({ url: licenses, outcome: 'answered', status: 403 }) } },
  ],
  fail: [
    {
      name: 'authentication not implemented yet (ADR-001 Issue 7): 200',
      facets: { 'probe.http': http({ url: licenses, outcome: 'answered', status: 200 }) },
      expect: [{ messageId: 'open' }],
    },
    {
      name: 'a redirect to a login page on another host, and a server error',
      facets: {
        'probe.http': http(
          { url: licenses, outcome: 'redirect-offsite', status: 302, location: 'https://accounts.example.com/login' },
          { url: `${base}/api/v1/seats/`, outcome: 'answered', status: 500 },
        ),
      },
      expect: [{ messageId: 'unexpected' }, { messageId: 'unexpected' }],
    },
  ],
} satisfies RuleCases;
