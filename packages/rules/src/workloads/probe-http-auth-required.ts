import { defineRule } from '@coditect-audit/core';
import { httpResource } from '../util/probe.js';

/** ADR-001 "Smoke Tests": `curl /api/v1/licenses/` without a token → 401 Unauthorized. */
export default defineRule({
  id: 'probe-http-auth-required',
  title: 'A protected API path answers without a token',
  concerns: ['smoke.auth-required'],
  layer: 'probe',
  facets: ['probe.http'],
  description:
    'GETs each protected path (default `/api/v1/licenses/`) of `baseUrl` without any credential. 401 passes (403 too: access is refused either way); a 2xx answer fails (the data is served to anyone), and so does anything else the ADR does not expect: a redirect (to a login page or another host), a server error, or no answer. The answer’s body is never kept.',
  rationale:
    'ADR-001 "Smoke Tests" expects `401 Unauthorized` from `/api/v1/licenses/` without a token, and Issue 7 notes authentication was not implemented yet. A license API that answers anonymous requests leaks every license key.',
  remediation: {
    text: 'Require authentication on the API’s views (Identity Platform JWT verification, ADR-001 Issue 7) and make unauthenticated requests answer 401.',
    commands: [
      "REST_FRAMEWORK = { 'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'] }",
      'curl -s -o /dev/null -w "%{http_code}" https://staging-api.coditect.ai/api/v1/licenses/',
    ],
  },
  benchmarks: [],
  messages: {
    open: '{{url}} answered {{status}} without a token: it serves protected data to anyone.',
    unexpected: '{{url}} answered {{answer}} without a token, not 401.',
    refused: '{{url}} answered {{status}} without a token.',
  },
  check(ctx) {
    const d = ctx.facet('probe.http');
    for (const o of d.protected) {
      const resource = httpResource(d, new URL(o.url).pathname);
      const evidence = [{ path: `GET ${o.url} (no Authorization)`, observed: o.status ?? o.outcome, expected: '401' }];
      if (o.outcome === 'answered' && (o.status === 401 || o.status === 403))
        ctx.pass({ resource, messageId: 'refused', data: { url: o.url, status: o.status }, evidence });
      else if (o.outcome === 'answered' && o.status !== undefined && o.status >= 200 && o.status < 300)
        ctx.fail({ resource, messageId: 'open', data: { url: o.url, status: o.status }, evidence });
      else {
        const answer =
          o.outcome === 'answered'
            ? `${o.status}${o.location ? ` (redirect to ${o.location})` : ''}`
            : o.outcome === 'redirect-offsite'
              ? `${o.status} (redirect to ${o.location}, not followed)`
              : (o.detail ?? o.outcome);
        ctx.fail({
          resource,
          messageId: 'unexpected',
          data: { url: o.url, answer },
          evidence,
          certainty: o.outcome === 'answered' || o.outcome === 'redirect-offsite' ? 'high' : 'low',
        });
      }
    }
  },
});
