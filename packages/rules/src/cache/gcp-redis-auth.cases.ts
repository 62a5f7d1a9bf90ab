import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'AUTH enabled', facets: { 'gcp.redis': redisFacet(redisInstance()) } }],
  fail: [
    {
      name: 'AUTH disabled (absent in the API answer)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ authEnabled: false })) },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
