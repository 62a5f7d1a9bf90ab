import type { RuleCases } from '../cases.js';

const redis = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging"
  region         = "us-central1"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

export default {
  pass: [
    { name: 'the ADR fix: auth_enabled = true', files: { 'main.tf': redis('  auth_enabled = true') } },
    {
      name: 'from a variable set in staging.auto.tfvars',
      files: {
        'main.tf': redis('  auth_enabled = var.redis_auth'),
        'variables.tf': 'variable "redis_auth" {\n  type = bool\n}\n',
        'staging.auto.tfvars': 'redis_auth = true\n',
      },
    },
  ],
  fail: [
    {
      name: 'the ADR instance: auth_enabled = false',
      files: { 'main.tf': redis('  auth_enabled = false') },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 6, column: 3 }],
    },
    {
      name: 'not set (default false): located at the resource',
      files: { 'main.tf': redis('  tier = "BASIC"') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'from a module variable: could not decide (no value in the repository)',
      files: { 'opentofu/modules/redis/main.tf': redis('  auth_enabled = var.auth_enabled') },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 6, status: 'unknown' }],
    },
    {
      name: 'two instances in one file: only the one without AUTH fails',
      files: {
        'main.tf': `resource "google_redis_instance" "sessions" {
  name           = "coditect-sessions"
  memory_size_gb = 1
  auth_enabled   = true
}

resource "google_redis_instance" "seats" {
  name           = "coditect-seats"
  memory_size_gb = 1
  auth_enabled   = false
}
`,
      },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 10 }],
    },
  ],
} satisfies RuleCases;
