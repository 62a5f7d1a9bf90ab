import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const redis = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging"
  region         = "us-central1"
  tier           = "BASIC"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

const rdb = `  persistence_config {
    persistence_mode    = "RDB"
    rdb_snapshot_period = "TWELVE_HOURS"
  }`;

export default {
  pass: [
    // ---- tf
    { name: 'tf: RDB snapshots every twelve hours', files: { 'main.tf': redis(rdb) } },
    // ---- gcp
    { name: 'gcp: RDB every hour', facets: { 'gcp.redis': redisFacet(redisInstance()) } },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: declared and live both take RDB snapshots',
      files: { 'main.tf': redis(rdb) },
      facets: { 'gcp.redis': redisFacet(redisInstance()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR instance: no persistence_config (not on by default)',
      files: { 'main.tf': redis('  auth_enabled = false') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'tf: persistence_mode = DISABLED',
      files: {
        'main.tf': redis(`  persistence_config {
    persistence_mode = "DISABLED"
  }`),
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 8, column: 5 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: {
        'opentofu/modules/redis/main.tf': redis(`  persistence_config {
    persistence_mode = var.persistence_mode
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 8, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: DISABLED (the ADR staging instance)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ persistenceConfig: { persistenceMode: 'DISABLED' } })) },
      expect: [{ messageId: 'off' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: RDB declared, but the live instance has persistence DISABLED (each source judged on its own)',
      files: { 'main.tf': redis(rdb) },
      facets: { 'gcp.redis': redisFacet(redisInstance({ persistenceConfig: { persistenceMode: 'DISABLED' } })) },
      expect: [
        { messageId: 'off', source: 'gcp' },
        // The live finding has no file; drift points at the declaration as a related location.
        { messageId: 'driftLiveWeaker', source: 'drift' },
        { messageId: 'driftLiveWeaker', file: 'main.tf', line: 1, source: 'drift' },
      ],
    },
  ],
} satisfies RuleCases;
