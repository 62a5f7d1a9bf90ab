import type { RuleCases } from '../cases.js';

const redis = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging"
  region         = "us-central1"
  tier           = "BASIC"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

export default {
  pass: [
    {
      name: 'RDB snapshots every twelve hours',
      files: {
        'main.tf': redis(`  persistence_config {
    persistence_mode    = "RDB"
    rdb_snapshot_period = "TWELVE_HOURS"
  }`),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR instance: no persistence_config (not on by default)',
      files: { 'main.tf': redis('  auth_enabled = false') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'persistence_mode = DISABLED',
      files: {
        'main.tf': redis(`  persistence_config {
    persistence_mode = "DISABLED"
  }`),
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 8, column: 5 }],
    },
    {
      name: 'from a module variable: could not decide (no value in the repository)',
      files: {
        'opentofu/modules/redis/main.tf': redis(`  persistence_config {
    persistence_mode = var.persistence_mode
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 8, status: 'unknown' }],
    },
  ],
} satisfies RuleCases;
