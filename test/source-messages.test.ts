/**
 * A rule judged per source may word a message id two sources share differently (source.ts `messages`):
 * the per-layer rules it replaces used the same id with different words, and reports keep both.
 */
import { describe, expect, it } from 'vitest';
import { defineViewRule, RuleDefinitionError } from '../packages/core/src/index.js';
import { runRuleCase } from '../packages/cli/src/index.js';
import redisAuth from '../packages/rules/src/cache/redis.auth-disabled.js';
import { redisFacet, redisInstance } from '../packages/rules/src/util/gcp-cases.js';

const tf = `resource "google_redis_instance" "main" {
  name         = "coditect-redis-staging"
  auth_enabled = true
}
`;

describe('a source words a shared message id its own way', () => {
  it('the .tf block and the live instance pass under the same id, each in its own words', () => {
    const verdicts = runRuleCase(redisAuth, {
      name: 'tf and gcp',
      files: { 'main.tf': tf },
      facets: { 'gcp.redis': redisFacet(redisInstance({ authEnabled: false })) },
    });
    const of = (source: string) => verdicts.filter((v) => v.source === source && v.status !== 'skip');
    expect(of('tf').map((v) => [v.status, v.messageId, v.message])).toEqual([
      ['pass', 'enabled', 'google_redis_instance.main requires the AUTH string (auth_enabled = true).'],
    ]);
    expect(of('gcp').map((v) => [v.status, v.messageId, v.message])).toEqual([
      [
        'fail',
        'disabled',
        'Memorystore coditect-redis-staging has AUTH disabled: any client in the VPC can use the cache.',
      ],
    ]);
  });

  it('a source may only reword an id the rule defines', () => {
    expect(() =>
      defineViewRule({
        id: 'redis.example',
        title: 'Example',
        concerns: ['redis.auth-disabled'],
        view: 'redis-instance',
        sources: { gcp: { messages: { missing: 'x' } as never } },
        description: 'x',
        rationale: 'x',
        remediation: { text: 'x' },
        messages: { enabled: 'x' },
        check() {},
      }),
    ).toThrow(RuleDefinitionError);
  });
});
