import { defineRule } from '@coditect-audit/core';
import { redisResource } from '../util/probe.js';

/** ADR-001 Issue 4: "Redis created without AUTH token". The server's answer to an anonymous PING is the proof. */
export default defineRule({
  id: 'probe-redis-auth',
  title: 'Redis answers clients that did not authenticate',
  concerns: ['redis.auth-disabled'],
  layer: 'probe',
  facets: ['probe.redis'],
  description:
    'Sends `PING` without `AUTH` over the configured transport. `NOAUTH Authentication required` passes (and so do `DENIED`, protected mode); `PONG` fails: any client that reaches the port can read and write the cache. When a `passwordEnv` is configured the probe then authenticates with it (only over TLS whose certificate it verified) and reads `INFO server`; a refused AUTH string is an error verdict, not a pass.',
  rationale:
    'ADR-001 Issue 4 (P0): "Unprotected cache accessible within VPC". The cache holds sessions and seat tracking; without AUTH, any pod or VM in the network can read them or flush the seat counts. Memorystore cannot add AUTH to an existing instance without a restart, so the ADR recreates it.',
  remediation: {
    text: 'Enable AUTH on Memorystore (with in-transit encryption), put the AUTH string in Secret Manager and give it to the app.',
    commands: [
      'gcloud redis instances create {{redis.instance}}-v2 --size=1 --region={{region}} --redis-version=redis_7_0 --auth-enabled --transit-encryption-mode=SERVER_AUTH --project={{project}}',
      'gcloud redis instances get-auth-string {{redis.instance}}-v2 --region={{region}}',
      'auth_enabled = true',
    ],
  },
  benchmarks: [],
  messages: {
    open: '{{endpoint}} answered {{reply}} to a PING without AUTH: anyone who reaches it can read and write the cache.',
    refused: '{{endpoint}} refused a PING without AUTH ({{reply}}).',
  },
  check(ctx) {
    const d = ctx.facet('probe.redis');
    const resource = redisResource(d, ctx.env.expectations);
    const ping = d.unauthenticatedPing;
    const data = { endpoint: d.endpoint, reply: ping.reply ?? ping.outcome };
    const evidence = [{ path: 'PING (no AUTH)', observed: ping.reply ?? ping.outcome, expected: 'NOAUTH' }];
    if (ping.outcome === 'pong') ctx.fail({ resource, messageId: 'open', data, evidence });
    else if (
      ping.outcome === 'noauth' ||
      (ping.outcome === 'error' && /^(DENIED|NOAUTH|WRONGPASS)\b/.test(ping.reply ?? ''))
    )
      ctx.pass({ resource, messageId: 'refused', data, evidence });
    else
      ctx.skip(
        `${d.endpoint} gave no usable answer to PING (${ping.reply ?? ping.outcome}); see the error verdict`,
        resource,
      );
  },
});
