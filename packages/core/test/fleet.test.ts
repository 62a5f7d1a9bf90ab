/**
 * Fleets in the core: targets from the config, the engine's runs per target, shard slices, the merge and
 * the gate scoped to named targets. Each table lists the cases that must hold.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  defineRule,
  defineViewRule,
  type EnvironmentConfig,
  evaluateGate,
  fingerprintOf,
  fleetTargets,
  mergeSnapshots,
  parseShard,
  type RedisProbe,
  resolveExpectations,
  runRules,
  type Snapshot,
  shardSlice,
  type TargetSnapshot,
  SNAPSHOT_SCHEMA_VERSION,
} from '../src/index.js';
import { expectations } from './helpers.js';

const redis = (endpoint: string, outcome: 'pong' | 'noauth'): TargetSnapshot['facets'] => ({
  'probe.redis': {
    status: 'ok',
    problems: [],
    data: {
      endpoint,
      host: endpoint.split(':')[0]!,
      port: Number(endpoint.split(':')[1]),
      tls: false,
      unauthenticatedPing: { outcome },
      plaintext: { outcome: 'answered' },
    } satisfies RedisProbe,
  },
});

const openRedis = defineRule({
  id: 'test-redis-open',
  title: 'Redis asks for a password',
  concerns: ['redis.auth-disabled'],
  layer: 'probe',
  facets: ['probe.redis'],
  priority: { default: 'P0' },
  description: 'test',
  rationale: 'test',
  remediation: { text: 'test' },
  messages: { open: 'answers without a password' },
  check(ctx) {
    const d = ctx.facet('probe.redis');
    const resource = { id: `redis:${d.endpoint}`, kind: 'Redis', name: d.endpoint };
    if (d.unauthenticatedPing.outcome === 'pong') ctx.fail({ resource, messageId: 'open' });
    else ctx.pass({ resource });
  },
});

function fleet(targets: TargetSnapshot[]): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'prod',
    root: '.',
    layers: { probe: { status: 'collected' } },
    facets: {},
    targets,
  };
}

describe('fleet targets from the config', () => {
  const env = (probe: Record<string, unknown>, k8s?: Record<string, unknown>): EnvironmentConfig =>
    ({ layers: { probe, ...(k8s ? { k8s } : {}) } }) as EnvironmentConfig;

  it.each([
    ['a single object is no fleet', env({ redis: { host: 'a' } }), []],
    [
      'a list names its targets, by name or host:port',
      env({ redis: [{ host: 'a' }, { host: 'b', port: 7000, name: 'queue' }] }),
      ['redis/a', 'redis/queue'],
    ],
    [
      'contexts are clusters, named after the context',
      env({}, { contexts: ['ctx-1', { context: 'ctx-2', name: 'eu' }] }),
      ['cluster/ctx-1', 'cluster/eu'],
    ],
    [
      'clusters first, then the probe kinds',
      env({ http: [{ baseUrl: 'https://x.example' }] }, { contexts: ['c'] }),
      ['cluster/c', 'http/x.example'],
    ],
  ])('%s', (_, config, keys) => {
    expect(fleetTargets(config, 'prod').map((t) => `${t.kind}/${t.name}`)).toEqual(keys);
  });

  it('refuses two targets of one name, naming both entries', () => {
    expect(() => fleetTargets(env({ redis: [{ host: 'a' }], postgres: [{ host: 'a' }] }), 'prod')).toThrow(
      /layers\.probe\.(redis|postgres)\[0\]: the target name "a" is also used by .*layers\.probe\.(postgres|redis)\[0\]/,
    );
  });
});

describe('the engine, per target', () => {
  const snapshot = fleet([
    { kind: 'redis', name: 'cache-a', state: { status: 'collected' }, facets: redis('10.0.0.1:6379', 'pong') },
    { kind: 'redis', name: 'cache-b', state: { status: 'collected' }, facets: redis('10.0.0.1:6379', 'noauth') },
  ]);

  it('runs a rule once per target and names the target in each verdict', () => {
    const vs = runRules(snapshot, [openRedis], { environment: 'prod', expectations });
    expect(vs.map((v) => [v.targets, v.status])).toEqual([
      [['cache-a'], 'fail'],
      [['cache-b'], 'pass'],
    ]);
    // The same resource on two targets is two findings.
    expect(vs[0]!.fingerprint).not.toBe(vs[1]!.fingerprint);
  });

  it('gives each target its own expectations', () => {
    const seen: string[] = [];
    const spy = defineRule({
      ...openRedis,
      id: 'test-expectations',
      check(ctx) {
        seen.push(ctx.env.expectations.redis.instance);
        ctx.skip('recorded');
      },
    });
    runRules(snapshot, [spy], {
      environment: 'prod',
      expectations,
      targetExpectations: { 'cache-b': resolveExpectations({ redis: { instance: 'queue' } }) },
    });
    expect(seen).toEqual([expectations.redis.instance, 'queue']);
  });

  it("a rule judged per source: each target's verdict carries the rule's id and the source, fingerprinted with the source's alias", () => {
    const perSource = defineViewRule({
      id: 'test.redis-open',
      title: 'Redis asks for a password',
      concerns: ['redis.auth-disabled'],
      view: 'redis-instance',
      sources: { probe: { alias: 'test-probe-redis-open' } },
      priority: { default: 'P0' },
      description: 'test',
      rationale: 'test',
      remediation: { text: 'test' },
      messages: { open: 'answers without a password', closed: 'asks for a password' },
      check(ctx) {
        for (const v of ctx.views) {
          const open = v.anonymousPing.certainty === 'decided' && v.anonymousPing.value === 'pong';
          if (open) ctx.fail({ resource: v.resource, messageId: 'open' });
          else ctx.pass({ resource: v.resource, messageId: 'closed' });
        }
      },
    });
    const vs = runRules(snapshot, [perSource], { environment: 'prod', expectations });
    expect(vs.map((v) => [v.ruleId, v.source, v.alias, v.targets, v.status])).toEqual([
      ['test.redis-open', 'probe', 'test-probe-redis-open', ['cache-a'], 'fail'],
      ['test.redis-open', 'probe', 'test-probe-redis-open', ['cache-b'], 'pass'],
    ]);
    for (const v of vs)
      expect(v.fingerprint).toBe(
        fingerprintOf(
          'test-probe-redis-open',
          `${v.targets![0]}\u0000${fingerprintOf('test-probe-redis-open', v.resource.id)}`,
        ),
      );
  });
});

describe('shards', () => {
  it.each([
    ['1/4', { index: 1, count: 4 }],
    ['4/4', { index: 4, count: 4 }],
  ])('--shard %s', (text, spec) => expect(parseShard(text)).toEqual(spec));
  it.each(['0/4', '5/4', '1/0', 'a/b', '2'])('--shard %s is a usage error', (text) =>
    expect(() => parseShard(text)).toThrow(ConfigError),
  );

  it('slices are contiguous, disjoint and complete, for any count', () => {
    for (const n of [1, 2, 3, 4, 7])
      for (const size of [0, 1, 5, 10, 1000]) {
        const items = Array.from({ length: size }, (_, i) => i);
        const parts = Array.from({ length: n }, (_, i) => shardSlice(items, { index: i + 1, count: n }));
        expect(parts.flat()).toEqual(items);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(Math.ceil(size / n));
      }
  });
});

describe('merge', () => {
  const shard = (index: number, count: number, extra: Partial<Snapshot> = {}): Snapshot => ({
    ...fleet([]),
    shard: { index, count, projects: [], targets: [], owns: index === 1 ? ['files'] : [] },
    ...extra,
  });

  it.each([
    ['a missing shard', [shard(1, 3), shard(3, 3)], 'shard 2/3 missing'],
    ['a shard twice', [shard(1, 2), shard(1, 2)], 'both shard 1/2'],
    ['another shard count', [shard(1, 2), shard(2, 3)], 'is shard 2/3'],
    ['another environment', [shard(1, 2), shard(2, 2, { environment: 'staging' })], 'environment "staging"'],
    ['an unsharded snapshot', [shard(1, 2), fleet([])], 'not collected with --shard'],
  ])('refuses %s', (_, parts, message) => {
    expect(() => mergeSnapshots(parts)).toThrow(message);
  });

  it('puts the targets of every shard back in canonical order, and the layer state with them', () => {
    const a = { kind: 'redis' as const, name: 'b', state: { status: 'collected' as const }, facets: {} };
    const b = {
      kind: 'cluster' as const,
      name: 'z',
      state: { status: 'failed' as const, reason: 'no context' },
      facets: {},
    };
    const merged = mergeSnapshots([shard(2, 2, { targets: [a] }), shard(1, 2, { targets: [b] })]);
    expect(merged.targets?.map((t) => t.name)).toEqual(['z', 'b']);
    expect(merged.layers.k8s).toEqual({ status: 'failed', reason: 'no context' });
    expect(merged.layers.probe).toEqual({ status: 'collected' });
    expect(merged.shard).toBeUndefined();
  });
});

describe('the gate, scoped to named targets', () => {
  const v = (targets: string[] | undefined) =>
    ({
      ruleId: 'r',
      status: 'fail',
      priority: 'P0',
      concerns: [],
      resource: { id: 'x', kind: 'X', name: 'x' },
      messageId: 'm',
      message: 'm',
      evidence: [],
      certainty: 'high',
      fingerprint: String(targets),
      ...(targets ? { targets } : {}),
    }) as const;

  it.each([
    ['every target by default', [v(['a'])], undefined, 'failed'],
    ['only the named ones', [v(['a'])], ['b'], 'passed'],
    ['a named one fails', [v(['a']), v(['b'])], ['b'], 'failed'],
    ['the environment as a whole always gates', [v(undefined)], ['b'], 'failed'],
  ])('%s', (_, verdicts, targets, status) => {
    expect(evaluateGate(verdicts, 'P0', false, { targets }).status).toBe(status);
  });
});
