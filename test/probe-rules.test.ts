/**
 * Every probe-layer rule against the real services of scripts/services.sh, with both verdicts: the real
 * collector talks to PostgreSQL, Redis, the registry and the HTTPS test server, then the rule runs alone
 * on what it collected. The table below must name every probe rule (a test checks it).
 */
import { withParsedFacets } from '@coditect-audit/collectors';
import { collectProbes } from '@coditect-audit/collectors/probe';
import {
  type ProbeLayerConfig,
  type Rule,
  resolveExpectations,
  runRules,
  type Snapshot,
  type Verdict,
  SNAPSHOT_SCHEMA_VERSION,
} from '@coditect-audit/core';
import { builtinRules } from '@coditect-audit/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadServices, probeContext, registryHost, type Services } from '../packages/collectors/test/probe-services.js';

let s: Services;
beforeAll(() => {
  s = loadServices();
  process.env.PROBE_RULES_PG_A_APP = s.PG_A_APP_PASSWORD;
  process.env.PROBE_RULES_PG_B_SUPER = s.PG_B_SUPERUSER_PASSWORD;
  process.env.PROBE_RULES_PG_B_MEMBER = s.PG_B_MEMBER_PASSWORD;
  process.env.PROBE_RULES_PG_B_OWNER = s.PG_B_OWNER_PASSWORD;
  process.env.PROBE_RULES_REDIS = s.REDIS_PASSWORD;
});

interface Scenario {
  name: string;
  config: () => ProbeLayerConfig;
  /** The fail message ids the rule must report (in any order); empty for a pass scenario. */
  fails: string[];
}

const pgA = (): ProbeLayerConfig => ({
  postgres: {
    host: s.PG_HOST,
    port: Number(s.PG_A_PORT),
    user: s.PG_A_APP_USER,
    passwordEnv: 'PROBE_RULES_PG_A_APP',
    caFile: s.CA_FILE,
  },
});
const pgB = (user: string, passwordEnv: string): ProbeLayerConfig => ({
  postgres: { host: s.PG_HOST, port: Number(s.PG_B_PORT), user, passwordEnv, sslmode: 'verify-ca', caFile: s.CA_FILE },
});
const image = (...refs: string[]): ProbeLayerConfig => ({
  registry: { images: refs.map((r) => `${registryHost(s)}/test/${r}`), plainHttpHosts: [registryHost(s)] },
});
const good = (): ProbeLayerConfig => ({
  http: { baseUrl: s.HTTPS_GOOD_URL, httpUrl: s.HTTP_GOOD_URL, caFile: s.CA_FILE },
});
const broken = (): ProbeLayerConfig => ({
  http: { baseUrl: s.HTTPS_BROKEN_URL, httpUrl: s.HTTP_BROKEN_URL, caFile: s.CA_FILE },
});

/** Probe rules with no failing real server here, and why. */
const NO_REAL_FAIL: Record<string, string> = {
  'sql.eol-version':
    'the machine’s package manager ships one PostgreSQL major (15, supported); end-of-life versions are covered by the case table',
};

const SCENARIOS: Record<string, Scenario[]> = {
  // The probe source of db.superuser-app-user (probe-postgres-superuser).
  'db.superuser-app-user': [
    { name: 'cluster A: the DML-only app role', config: pgA, fails: [] },
    {
      name: 'cluster B: the app logs in as postgres, a superuser',
      config: () => pgB(s.PG_B_SUPERUSER, 'PROBE_RULES_PG_B_SUPER'),
      fails: ['superuser'],
    },
    {
      name: 'cluster B: a cloudsqlsuperuser member',
      config: () => pgB(s.PG_B_MEMBER_USER, 'PROBE_RULES_PG_B_MEMBER'),
      fails: ['cloudsqlsuperuser'],
    },
  ],
  'probe-postgres-privileges': [
    { name: 'cluster A: the DML-only app role', config: pgA, fails: [] },
    {
      name: 'cluster B: a role that owns its schema and tables',
      config: () => pgB(s.PG_B_OWNER_USER, 'PROBE_RULES_PG_B_OWNER'),
      fails: ['ownsSchema', 'ownsTables', 'createOnSchema', 'beyondDml'],
    },
  ],
  // The probe source of a rule judged per source.
  'sql.ssl-not-enforced': [
    { name: 'cluster A: hostnossl reject', config: pgA, fails: [] },
    {
      name: 'cluster B: plaintext accepted',
      config: () => pgB(s.PG_B_SUPERUSER, 'PROBE_RULES_PG_B_SUPER'),
      fails: ['passwordOverPlaintext'],
    },
  ],
  'sql.eol-version': [{ name: 'PostgreSQL 15', config: pgA, fails: [] }],
  'redis.auth-disabled': [
    {
      name: 'requirepass',
      config: () => ({
        redis: {
          host: s.REDIS_HOST,
          port: Number(s.REDIS_AUTH_PORT),
          tls: false,
          passwordEnv: 'PROBE_RULES_REDIS',
          allowPlaintextCredentials: true,
        },
      }),
      fails: [],
    },
    {
      name: 'no AUTH',
      config: () => ({ redis: { host: s.REDIS_HOST, port: Number(s.REDIS_NOAUTH_PORT), tls: false } }),
      fails: ['open'],
    },
  ],
  'redis.transit-encryption-disabled': [
    {
      name: 'TLS only, the server CA given',
      config: () => ({
        redis: {
          host: s.REDIS_HOST,
          port: Number(s.REDIS_TLS_PORT),
          caFile: s.CA_FILE,
          passwordEnv: 'PROBE_RULES_REDIS',
        },
      }),
      fails: [],
    },
    {
      name: 'plaintext',
      config: () => ({ redis: { host: s.REDIS_HOST, port: Number(s.REDIS_NOAUTH_PORT), tls: false } }),
      fails: ['plaintext'],
    },
    {
      name: 'TLS, but a certificate the client cannot verify',
      config: () => ({ redis: { host: s.REDIS_HOST, port: Number(s.REDIS_TLS_PORT) } }),
      fails: ['untrusted'],
    },
  ],
  'image.platform-mismatch': [
    {
      name: 'amd64-only and a multi-arch index',
      config: () => image('amd64-only:v1.0.0', 'multi-arch:v1.0.0', 'docker-list:v1.0.0'),
      fails: [],
    },
    { name: 'arm64-only', config: () => image('arm64-only:v1.0.0'), fails: ['missingPlatform'] },
  ],
  'image.runs-as-root': [
    { name: 'User django', config: () => image('nonroot:v1.0.0'), fails: [] },
    { name: 'User empty', config: () => image('root-user:v1.0.0'), fails: ['root'] },
  ],
  'container.unreadable-dependencies': [
    { name: 'PATH under /home/django', config: () => image('nonroot:v1.0.0'), fails: [] },
    {
      name: 'PATH under /root with User django',
      config: () => image('root-local-path:v1.0.0'),
      fails: ['pathUnderRoot'],
    },
  ],
  'image.mutable-tag': [
    { name: 'a version tag', config: () => image('amd64-only:v1.0.0'), fails: [] },
    { name: 'latest', config: () => image('amd64-only:latest'), fails: ['moving'] },
  ],
  'probe-http-health': [
    { name: 'the good deployment', config: good, fails: [] },
    { name: 'the broken deployment', config: broken, fails: ['liveDown', 'notReady'] },
  ],
  'probe-http-auth-required': [
    { name: 'the good deployment', config: good, fails: [] },
    { name: 'the broken deployment', config: broken, fails: ['open'] },
  ],
  'network.tls-certificate': [
    { name: 'the good deployment', config: good, fails: [] },
    { name: 'the broken deployment', config: broken, fails: ['wrongHost', 'expiring'] },
  ],
  'probe-http-https-redirect': [
    { name: 'the good deployment', config: good, fails: [] },
    { name: 'the broken deployment', config: broken, fails: ['servesPlaintext', 'noHsts'] },
  ],
};

async function run(rule: Rule, config: ProbeLayerConfig): Promise<Verdict[]> {
  const { facets } = await collectProbes(probeContext({ ...config, timeoutMs: 3000 }));
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { probe: { status: 'collected' } },
    // What the layer's `collect` adds last: the parsed image references the rules read.
    facets: withParsedFacets(facets),
  };
  return runRules(snapshot, [rule], { environment: 'staging', expectations: resolveExpectations({}) });
}

// Joins whose primary layer is probe need other layers' facets too: their case tables and
// test/adr-story.test.ts cover them.
// Rules judged per source count by their probe source (the other sources skip: only probe is collected).
const probeRules = builtinRules.filter((r) =>
  r.sources ? r.sources.some((s) => s.layer === 'probe') : r.layer === 'probe' && !r.crossLayer,
);

describe('the scenario table', () => {
  it('names every probe rule, each with a pass and a fail on real servers (or a stated reason)', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(probeRules.map((r) => r.id).sort());
    for (const [id, scenarios] of Object.entries(SCENARIOS)) {
      expect(
        scenarios.some((x) => x.fails.length === 0),
        `${id}: a pass scenario`,
      ).toBe(true);
      expect(scenarios.some((x) => x.fails.length > 0) || id in NO_REAL_FAIL, `${id}: a fail scenario`).toBe(true);
    }
  });
});

for (const rule of probeRules) {
  describe(rule.id, () => {
    for (const scenario of SCENARIOS[rule.id] ?? []) {
      it(`${scenario.fails.length ? 'fails' : 'passes'}: ${scenario.name}`, async () => {
        const verdicts = await run(rule, scenario.config());
        expect(verdicts.filter((v) => v.status === 'error').map((v) => v.message)).toEqual([]);
        const fails = verdicts.filter((v) => v.status === 'fail').map((v) => v.messageId);
        expect(fails.sort()).toEqual([...scenario.fails].sort());
        if (scenario.fails.length === 0) expect(verdicts.some((v) => v.status === 'pass')).toBe(true);
      });
    }
  });
}
