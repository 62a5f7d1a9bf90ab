/**
 * Messages whose words depend on what else the resource declares: the case tables check message ids and
 * places; these check the sentence a reader gets.
 */
import { describe, expect, it } from 'vitest';
import { runRuleCase } from '../packages/cli/src/index.js';
import redisTransit from '../packages/rules/src/cache/redis.transit-encryption-disabled.js';

const redis = (lines: string) => `resource "google_redis_instance" "cache" {
  name           = "cache"
  memory_size_gb = 1
${lines}
}
`;

function failMessages(rule: Parameters<typeof runRuleCase>[0], files: Record<string, string>): string[] {
  return runRuleCase(rule, { name: 'wording', files })
    .filter((v) => v.status === 'fail')
    .map((v) => v.message);
}

describe('redis.transit-encryption-disabled names the AUTH string only where the instance has one', () => {
  it.each([
    ['AUTH on', '  auth_enabled = true\n  transit_encryption_mode = "DISABLED"', 'clients and the AUTH string travel'],
    ['AUTH off', '  auth_enabled = false\n  transit_encryption_mode = "DISABLED"', 'client traffic travels'],
    ['AUTH not set (off by default)', '  transit_encryption_mode = "DISABLED"', 'client traffic travels'],
    ['AUTH on, mode not set', '  auth_enabled = true', 'clients and the AUTH string travel'],
    ['nothing set', '', 'client traffic travels'],
  ])('%s', (_name, lines, words) => {
    const [message] = failMessages(redisTransit, { 'main.tf': redis(lines) });
    expect(message).toContain(`${words} in clear text.`);
  });
});
