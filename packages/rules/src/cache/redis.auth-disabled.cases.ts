import type { RedisProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { redisFacet, redisInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const redis = (body: string) => `resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging"
  region         = "us-central1"
  memory_size_gb = 1
  redis_version  = "REDIS_7_0"
${body}
}
`;

const probe = (ping: RedisProbe['unauthenticatedPing']): RedisProbe => ({
  endpoint: '10.121.0.4:6378',
  host: '10.121.0.4',
  port: 6378,
  tls: true,
  unauthenticatedPing: ping,
  plaintext: { outcome: 'refused' },
});

export default {
  pass: [
    // ---- tf
    { name: 'tf: the ADR fix: auth_enabled = true', files: { 'main.tf': redis('  auth_enabled = true') } },
    {
      name: 'tf: from a variable set in staging.auto.tfvars',
      files: {
        'main.tf': redis('  auth_enabled = var.redis_auth'),
        'variables.tf': 'variable "redis_auth" {\n  type = bool\n}\n',
        'staging.auto.tfvars': 'redis_auth = true\n',
      },
    },
    // ---- gcp
    { name: 'gcp: AUTH enabled', facets: { 'gcp.redis': redisFacet(redisInstance()) } },
    // ---- probe
    {
      name: 'probe: AUTH enabled: NOAUTH',
      facets: { 'probe.redis': probe({ outcome: 'noauth', reply: 'NOAUTH Authentication required.' }) },
    },
    {
      name: 'probe: protected mode refuses the anonymous client',
      facets: { 'probe.redis': probe({ outcome: 'error', reply: 'DENIED Redis is running in protected mode' }) },
    },
    // ---- tf and gcp in one case (and drift: they agree)
    {
      name: 'tf and gcp: declared and live both require AUTH',
      files: { 'main.tf': redis('  auth_enabled = true') },
      facets: { 'gcp.redis': redisFacet(redisInstance()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR instance: auth_enabled = false',
      files: { 'main.tf': redis('  auth_enabled = false') },
      expect: [{ messageId: 'disabled', file: 'main.tf', line: 6, column: 3 }],
    },
    {
      name: 'tf: not set (default false): located at the resource',
      files: { 'main.tf': redis('  tier = "BASIC"') },
      expect: [{ messageId: 'notSet', file: 'main.tf', line: 1, column: 1 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: { 'opentofu/modules/redis/main.tf': redis('  auth_enabled = var.auth_enabled') },
      expect: [{ messageId: 'unresolved', file: 'opentofu/modules/redis/main.tf', line: 6, status: 'unknown' }],
    },
    {
      name: 'tf: two instances in one file: only the one without AUTH fails',
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
    // ---- gcp
    {
      name: 'gcp: AUTH disabled (absent in the API answer)',
      facets: { 'gcp.redis': redisFacet(redisInstance({ authEnabled: false })) },
      expect: [{ messageId: 'disabled' }],
    },
    // ---- probe
    {
      name: 'probe: the ADR as deployed: Memorystore without AUTH answers PONG',
      facets: { 'probe.redis': probe({ outcome: 'pong', reply: 'PONG' }) },
      expect: [{ messageId: 'open' }],
    },
    // ---- two sources in one case
    {
      name: 'tf and gcp: AUTH declared, but the live instance has it disabled (each source judged on its own)',
      files: { 'main.tf': redis('  auth_enabled = true') },
      facets: { 'gcp.redis': redisFacet(redisInstance({ authEnabled: false })) },
      expect: [
        { messageId: 'disabled', source: 'gcp' },
        // The live finding has no file; drift points at the declaration as a related location.
        { messageId: 'driftLiveWeaker', source: 'drift' },
        { messageId: 'driftLiveWeaker', file: 'main.tf', line: 1, source: 'drift' },
      ],
    },
    {
      name: 'drift: the live instance requires AUTH, the declaration does not (the next apply turns it off)',
      files: { 'main.tf': redis('  auth_enabled = false') },
      facets: { 'gcp.redis': redisFacet(redisInstance()) },
      expect: [
        { messageId: 'disabled', file: 'main.tf', line: 6, source: 'tf' },
        { messageId: 'driftLiveStricter', source: 'drift' },
        { messageId: 'driftLiveStricter', file: 'main.tf', line: 1, source: 'drift' },
      ],
    },
    {
      name: 'tf and probe: declared without AUTH, and the server answers an anonymous PING',
      files: { 'main.tf': redis('  auth_enabled = false') },
      facets: { 'probe.redis': probe({ outcome: 'pong', reply: 'PONG' }) },
      expect: [
        { messageId: 'disabled', file: 'main.tf', line: 6, column: 3, source: 'tf' },
        { messageId: 'open', source: 'probe' },
      ],
    },
  ],
} satisfies RuleCases;
