import type { RedisProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const redis = (ping: RedisProbe['unauthenticatedPing']): RedisProbe => ({
  endpoint: '10.121.0.4:6378',
  host: '10.121.0.4',
  port: 6378,
  tls: true,
  unauthenticatedPing: ping,
  plaintext: { outcome: 'refused' },
});

export default {
  pass: [
    {
      name: 'AUTH enabled: NOAUTH',
      facets: { 'probe.redis': redis({ outcome: 'noauth', reply: 'NOAUTH Authentication required.' }) },
    },
    {
      name: 'protected mode refuses the anonymous client',
      facets: { 'probe.redis': redis({ outcome: 'error', reply: 'DENIED Redis is running in protected mode' }) },
    },
  ],
  fail: [
    {
      name: 'the ADR as deployed: Memorystore without AUTH answers PONG',
      facets: { 'probe.redis': redis({ outcome: 'pong', reply: 'PONG' }) },
      expect: [{ messageId: 'open' }],
    },
  ],
} satisfies RuleCases;
