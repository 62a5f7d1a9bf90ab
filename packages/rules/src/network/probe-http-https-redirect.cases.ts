import type { HttpProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const base = 'https://staging-api.coditect.ai';
const plainUrl = 'http://staging-api.coditect.ai/api/v1/health/live';
const http = (
  plainHttp: HttpProbe['plainHttp'],
  hsts: string | null = 'max-age=31536000; includeSubDomains',
): HttpProbe => ({
  baseUrl: base,
  host: 'staging-api.coditect.ai',
  https: true,
  live: { url: `${base}/api/v1/health/live`, outcome: 'answered', status: 200, ...(hsts ? { hsts } : {}) },
  ready: { url: `${base}/api/v1/health/ready`, outcome: 'answered', status: 200 },
  readyComponents: ['database', 'redis'],
  protected: [],
  plainHttp,
  minCertificateDays: 14,
});
const redirect: HttpProbe['plainHttp'] = {
  url: plainUrl,
  outcome: 'redirect',
  status: 301,
  location: 'https://staging-api.coditect.ai/api/v1/health/live',
  toHttps: true,
  sameHost: true,
};

export default {
  pass: [
    { name: 'FrontendConfig redirectToHttps and HSTS', facets: { 'probe.http': http(redirect) } },
    {
      name: 'no HTTP listener at all',
      facets: { 'probe.http': http({ url: plainUrl, outcome: 'refused', detail: 'connection refused' }) },
    },
  ],
  fail: [
    {
      name: 'the ADR as deployed: the API answers over plain HTTP, no HSTS',
      facets: { 'probe.http': http({ url: plainUrl, outcome: 'answered', status: 200 }, null) },
      expect: [{ messageId: 'servesPlaintext' }, { messageId: 'noHsts' }],
    },
    {
      name: 'a redirect to another host',
      facets: { 'probe.http': http({ ...redirect, location: 'https://coditect.ai/', sameHost: false }) },
      expect: [{ messageId: 'badRedirect' }],
    },
    {
      name: 'HSTS switched off with max-age=0',
      facets: { 'probe.http': http(redirect, 'max-age=0') },
      expect: [{ messageId: 'noHsts' }],
    },
  ],
} satisfies RuleCases;
