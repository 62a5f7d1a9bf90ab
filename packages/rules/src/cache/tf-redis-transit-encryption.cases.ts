import type { RuleCases } from '../cases.js';

const redis = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging-v2"
  region         = "us-central1"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

export default {
  pass: [
    {
      name: 'the ADR fix: SERVER_AUTHENTICATION with AUTH',
      files: {
        'main.tf': redis(`  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"`),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR instance: DISABLED',
      files: { 'main.tf': redis('  transit_encryption_mode = "DISABLED"') },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 6, column: 3 }],
    },
    {
      name: 'not set (default DISABLED): located at the resource',
      files: { 'main.tf': redis('  auth_enabled = true') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'from a module variable: could not decide (no value in the repository)',
      files: { 'opentofu/modules/redis/main.tf': redis('  transit_encryption_mode = var.transit_encryption_mode') },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 6, status: 'unknown' }],
    },
  ],
} satisfies RuleCases;
