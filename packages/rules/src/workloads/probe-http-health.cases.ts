import type { HttpObservation, HttpProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const base = 'https://staging-api.coditect.ai';
const liveUrl = `${base}/api/v1/health/live`;
const readyUrl = `${base}/api/v1/health/ready`;
const healthy: HttpObservation = { url: liveUrl, outcome: 'answered', status: 200, health: { status: 'healthy' } };
const ready: HttpObservation = {
  url: readyUrl,
  outcome: 'answered',
  status: 200,
  health: { status: 'ready', database: 'connected', redis: 'connected' },
};
const http = (live: HttpObservation, readiness: HttpObservation): HttpProbe => ({
  baseUrl: base,
  host: 'staging-api.coditect.ai',
  https: true,
  live,
  ready: readiness,
  readyComponents: ['database', 'redis'],
  protected: [],
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
    { name: 'the ADR’s expected answers', facets: { 'probe.http': http(healthy, ready) } },
    {
      name: 'liveness without a JSON body',
      facets: { 'probe.http': http({ url: liveUrl, outcome: 'answered', status: 200 }, ready) },
    },
  ],
  fail: [
    {
      name: 'ready, but Redis is not reachable',
      facets: {
        'probe.http': http(healthy, {
          ...ready,
          status: 503,
          health: { status: 'not ready', database: 'connected', redis: 'disconnected' },
        }),
      },
      expect: [{ messageId: 'notReady' }],
    },
    {
      name: 'the app is crash-looping: 502 from the load balancer on both',
      facets: {
        'probe.http': http(
          { url: liveUrl, outcome: 'answered', status: 502 },
          { url: readyUrl, outcome: 'answered', status: 502 },
        ),
      },
      expect: [{ messageId: 'liveDown' }, { messageId: 'notReady' }],
    },
    {
      name: 'liveness redirects to another host, which the probe does not follow',
      facets: {
        'probe.http': http(
          { url: liveUrl, outcome: 'redirect-offsite', status: 302, location: 'https://login.example.com/' },
          ready,
        ),
      },
      expect: [{ messageId: 'liveDown' }],
    },
  ],
} satisfies RuleCases;
