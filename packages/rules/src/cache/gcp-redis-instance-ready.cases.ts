import type { RuleCases } from '../cases.js';
import { READ_PROJECT, redisFacet, redisInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'coditect-redis-staging READY', facets: { 'gcp.redis': redisFacet(redisInstance()) } }],
  fail: [
    {
      name: 'still CREATING (the ADR staging instance)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ state: 'CREATING' })) },
      expect: [{ messageId: 'notReady' }],
    },
    {
      name: 'no instance',
      facets: { 'gcp.redis': { read: READ_PROJECT, instances: [] } },
      expect: [{ messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
