import { defineRule, type HttpObservation } from '@coditect-audit/core';
import { httpResource } from '../util/probe.js';

const HEALTHY = new Set(['healthy', 'ok', 'up', 'pass', 'ready', 'alive']);
const CONNECTED = new Set(['connected', 'ok', 'up', 'healthy', 'true']);

function describe(o: HttpObservation): string {
  if (o.outcome === 'answered') return `HTTP ${o.status}`;
  if (o.outcome === 'redirect-offsite') return `a redirect to another host (${o.location})`;
  return o.detail ?? o.outcome;
}

/** ADR-001 "Smoke Tests": `curl /api/v1/health/live` → healthy; `/ready` → database and redis connected. */
export default defineRule({
  id: 'probe-http-health',
  title: 'The health endpoints do not answer as ADR-001 expects',
  concerns: ['smoke.health-endpoints'],
  layer: 'probe',
  facets: ['probe.http'],
  description:
    'GETs the liveness path (default `/api/v1/health/live`) and the readiness path (default `/api/v1/health/ready`) of `baseUrl`, following redirects on the same host only. Liveness must answer 200 with a healthy `status` (when it gives one); readiness must answer 200 with every component in `readyComponents` (default `database` and `redis`) reported `connected`. Only those short fields of the answer are kept.',
  rationale:
    'ADR-001 leaves "Smoke Tests - Verify health endpoints responding" pending, with the expected answers: `{"status": "healthy"}` and `{"status": "ready", "database": "connected", "redis": "connected"}`. A deployment whose readiness does not reach its database or cache is not serving, whatever the rollout status says.',
  remediation: {
    text: 'Find why the app is not healthy (its logs, its Secret’s database and Redis endpoints), fix it, and repeat the smoke test.',
    commands: [
      'kubectl logs deployment/coditect-backend -n coditect-staging --tail=100',
      'curl -sS https://staging-api.coditect.ai/api/v1/health/ready',
    ],
  },
  benchmarks: [],
  messages: {
    liveDown: '{{url}} answered {{answer}}{{status}}: the app does not report itself alive.',
    notReady: '{{url}} answered {{answer}}: {{components}} not connected.',
    live: '{{url}} answered 200{{status}}.',
    ready: '{{url}} answered 200 with {{components}} connected.',
  },
  check(ctx) {
    const d = ctx.facet('probe.http');
    const live = d.live;
    const liveStatus = live.health?.status;
    const liveData = { url: live.url, answer: describe(live), status: liveStatus ? ` (status "${liveStatus}")` : '' };
    const liveResource = httpResource(d, new URL(live.url).pathname);
    if (
      live.outcome === 'answered' &&
      live.status === 200 &&
      (liveStatus === undefined || HEALTHY.has(liveStatus.toLowerCase()))
    )
      ctx.pass({ resource: liveResource, messageId: 'live', data: liveData });
    else
      ctx.fail({
        resource: liveResource,
        messageId: 'liveDown',
        data: liveData,
        evidence: [
          { path: `GET ${live.url}`, observed: live.status ?? live.outcome, expected: '200 {"status": "healthy"}' },
        ],
      });

    const ready = d.ready;
    const readyResource = httpResource(d, new URL(ready.url).pathname);
    const notConnected = d.readyComponents.filter((c) => !CONNECTED.has((ready.health?.[c] ?? '').toLowerCase()));
    const states = d.readyComponents.map((c) => `${c}: ${ready.health?.[c] ?? 'missing'}`).join(', ');
    if (ready.outcome === 'answered' && ready.status === 200 && notConnected.length === 0)
      ctx.pass({
        resource: readyResource,
        messageId: 'ready',
        data: { url: ready.url, components: d.readyComponents.join(' and ') },
      });
    else
      ctx.fail({
        resource: readyResource,
        messageId: 'notReady',
        data: {
          url: ready.url,
          answer: `${describe(ready)}${ready.health ? ` (${states})` : ''}`,
          components: (notConnected.length ? notConnected : d.readyComponents).join(' and '),
        },
        evidence: [
          {
            path: `GET ${ready.url}`,
            observed: ready.status ?? ready.outcome,
            expected: `200 with ${d.readyComponents.map((c) => `${c}: connected`).join(', ')}`,
          },
        ],
      });
  },
});
