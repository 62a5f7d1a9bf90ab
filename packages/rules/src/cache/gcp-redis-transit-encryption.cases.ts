import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'SERVER_AUTHENTICATION', facets: { 'gcp.redis': redisFacet(redisInstance()) } }],
  fail: [
    {
      name: 'DISABLED (the ADR staging instance)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ transitEncryptionMode: 'DISABLED', port: 6379 })) },
      expect: [{ messageId: 'plaintext' }],
    },
    {
      name: 'not reported',
      facets: { 'gcp.redis': redisFacet(redisInstance({ transitEncryptionMode: undefined })) },
      expect: [{ messageId: 'plaintext' }],
    },
  ],
} satisfies RuleCases;
