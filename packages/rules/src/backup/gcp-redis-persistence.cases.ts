import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'RDB every hour', facets: { 'gcp.redis': redisFacet(redisInstance()) } }],
  fail: [
    {
      name: 'DISABLED (the ADR staging instance)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ persistenceConfig: { persistenceMode: 'DISABLED' } })) },
      expect: [{ messageId: 'off' }],
    },
  ],
} satisfies RuleCases;
