/**
 * One environment, one scan, a fleet of real servers (scripts/services.sh): 3 PostgreSQL, 4 Redis (one
 * ACL-only: `user default off`), 2 registries and 3 web endpoints, each a named target. Every probe verdict
 * names its target; targets carry their own expectations; the CA file is found relative to the config file
 * (which lives outside the scanned tree); the summaries per target reach the console, Markdown and HTML;
 * the gate fails on any target, or only on the named ones.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScanResult, type Snapshot, targetKindOfFacet } from '@coditect-audit/core';
import { REPORTERS } from '@coditect-audit/reporters';
import { builtinRules } from '@coditect-audit/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadServices, type Services } from '../packages/collectors/test/probe-services.js';
import { collect, scan } from '../packages/cli/src/scan.js';
import { tempDir } from './support/cli.js';

const POSTGRES = ['pg-a', 'pg-b', 'pg-c'];
const REDIS = ['redis-acl', 'redis-auth', 'redis-open', 'redis-tls'];
const REGISTRIES = ['registry-a', 'registry-b'];
const WEB = ['web-broken', 'web-good', 'web-plain'];
const TARGETS = [...POSTGRES, ...REDIS, ...REGISTRIES, ...WEB];

/** Extra fields the services env file holds for the fleet (see scripts/services.sh). */
type FleetServices = Services & Record<string, string>;

let s: FleetServices;
let repo: string;
let configFile: string;
let result: ScanResult;
let snapshot: Snapshot;

function fleetConfig(): string {
  const host = (url: string) => new URL(url).host;
  const images = (file: string) =>
    Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { repository: string; tags: string[] }>)
      .filter((i) => i.repository.endsWith('/amd64-only'))
      .map((i) => `${i.repository}:${i.tags[0]}`);
  return `version: 1
environments:
  fleet:
    tier: staging
    failOn: P0
    layers:
      files: false
      probe:
        timeoutMs: 3000
        postgres:
          - { name: pg-a, host: ${s.PG_HOST}, port: ${s.PG_A_PORT}, user: ${s.PG_A_APP_USER}, passwordEnv: FLEET_PG_A, caFile: ca.pem, sslmode: verify-ca }
          - { name: pg-b, host: ${s.PG_HOST}, port: ${s.PG_B_PORT}, user: ${s.PG_B_SUPERUSER}, passwordEnv: FLEET_PG_B, caFile: ca.pem, sslmode: verify-ca }
          - name: pg-c
            host: ${s.PG_HOST}
            port: ${s.PG_C_PORT}
            user: ${s.PG_C_APP_USER}
            passwordEnv: FLEET_PG_C
            caFile: ca.pem
            sslmode: verify-ca
            # This server's team forbids its own migration role as the app's login.
            expectations: { database: { superuserNames: [${s.PG_C_APP_USER}] } }
        redis:
          - { name: redis-open, host: ${s.REDIS_HOST}, port: ${s.REDIS_NOAUTH_PORT}, tls: false }
          - { name: redis-auth, host: ${s.REDIS_HOST}, port: ${s.REDIS_AUTH_PORT}, tls: false, passwordEnv: FLEET_REDIS, allowPlaintextCredentials: true }
          - { name: redis-tls, host: ${s.REDIS_HOST}, port: ${s.REDIS_TLS_PORT}, tls: true, caFile: ca.pem, servername: localhost, passwordEnv: FLEET_REDIS }
          - { name: redis-acl, host: ${s.REDIS_HOST}, port: ${s.REDIS_ACL_PORT}, tls: false, user: ${s.REDIS_ACL_USER}, passwordEnv: FLEET_REDIS_ACL, allowPlaintextCredentials: true }
        registry:
          - name: registry-a
            url: ${s.REGISTRY_URL}
            plainHttpHosts: [${host(s.REGISTRY_URL)}]
            images: [${images(s.REGISTRY_IMAGES).join(', ')}]
          - name: registry-b
            url: ${s.REGISTRY_B_URL}
            plainHttpHosts: [${host(s.REGISTRY_B_URL)}]
            images: [${images(s.REGISTRY_B_IMAGES).join(', ')}]
            # The arm64 node pool this registry's images run on.
            expectations: { platforms: [linux/arm64] }
        http:
          - { name: web-good, baseUrl: ${s.HTTPS_GOOD_URL}, httpUrl: ${s.HTTP_GOOD_URL}, caFile: ca.pem }
          - { name: web-broken, baseUrl: ${s.HTTPS_BROKEN_URL}, httpUrl: ${s.HTTP_BROKEN_URL}, caFile: ca.pem }
          - { name: web-plain, baseUrl: ${s.HTTP_PLAIN_URL} }
`;
}

beforeAll(async () => {
  s = loadServices() as FleetServices;
  for (const key of ['PG_C_PORT', 'REDIS_ACL_PORT', 'REGISTRY_B_URL', 'HTTP_PLAIN_URL'])
    if (!s[key]) throw new Error(`.tmp/services.env has no ${key}: run scripts/services.sh start again`);
  Object.assign(process.env, {
    FLEET_PG_A: s.PG_A_APP_PASSWORD,
    FLEET_PG_B: s.PG_B_SUPERUSER_PASSWORD,
    FLEET_PG_C: s.PG_C_APP_PASSWORD,
    FLEET_REDIS: s.REDIS_PASSWORD,
    FLEET_REDIS_ACL: s.REDIS_ACL_PASSWORD,
  });
  const dir = tempDir('fleet-');
  repo = join(dir, 'repo');
  mkdirSync(repo);
  // The config lives outside the scanned tree, beside its CA file: caFile is relative to the config.
  mkdirSync(join(dir, 'ops'));
  copyFileSync(s.CA_FILE, join(dir, 'ops', 'ca.pem'));
  configFile = join(dir, 'ops', 'coditect-audit.yaml');
  writeFileSync(configFile, fleetConfig());
  snapshot = await collect({ dir: repo, config: configFile, env: 'fleet' });
  writeFileSync(join(dir, 'fleet.json'), JSON.stringify(snapshot));
  result = await scan({
    includePasses: true,
    dir: repo,
    config: configFile,
    env: 'fleet',
    snapshot: join(dir, 'fleet.json'),
  });
});

const probeRules = builtinRules.filter((r) => r.facets.some((f) => f.startsWith('probe.')));
const facetOf = (name: string) => snapshot.targets?.find((t) => t.name === name)?.facets;
const verdictsOf = (ruleId: string, target: string) =>
  result.verdicts.filter((v) => v.ruleId === ruleId && v.targets?.includes(target));

describe('a fleet in one scan', () => {
  it('collects every target apart, in one environment', () => {
    expect(snapshot.environment).toBe('fleet');
    expect(snapshot.targets?.map((t) => t.name).sort()).toEqual([...TARGETS].sort());
    for (const t of snapshot.targets ?? []) expect(t.state, t.name).toEqual({ status: 'collected' });
    expect(snapshot.layers.probe).toEqual({ status: 'collected' });
    // caFile: ca.pem, next to the config file and not in the scanned directory, was read for every TLS target.
    expect(facetOf('pg-a')?.['probe.postgres']?.status).toBe('ok');
    const cert = facetOf('web-good')?.['probe.http'];
    expect(cert?.status === 'ok' && cert.data.tls?.certificate?.trusted).toBe(true);
  });

  it('names the target in every verdict of every probe rule', () => {
    // A rule judged per source (issue #18) is a probe rule by its probe source; its other sources judge the
    // (empty) repository and the environment, not a target.
    const probeVerdicts = result.verdicts.filter(
      (v) => probeRules.some((r) => r.id === v.ruleId) && (v.source === undefined || v.source === 'probe'),
    );
    expect(probeVerdicts.length).toBeGreaterThan(TARGETS.length);
    for (const v of probeVerdicts) {
      expect(v.targets, `${v.ruleId} ${v.resource.id}`).toHaveLength(1);
      const rule = probeRules.find((r) => r.id === v.ruleId)!;
      const kinds = new Set(rule.facets.map(targetKindOfFacet));
      const target = snapshot.targets!.find((t) => t.name === v.targets![0])!;
      expect(kinds.has(target.kind), `${v.ruleId} on ${target.name}`).toBe(true);
    }
    // Each target is judged by every rule of its kind.
    for (const t of snapshot.targets ?? []) {
      const rules = probeRules.filter((r) => r.facets.includes(`probe.${t.kind}` as never));
      for (const r of rules) expect(verdictsOf(r.id, t.name).length, `${r.id} on ${t.name}`).toBeGreaterThan(0);
    }
    // Two targets with the same resource give two findings, not one.
    expect(new Set(result.verdicts.map((v) => v.fingerprint)).size).toBe(result.verdicts.length);
  });

  it('judges each target by its own answers and expectations', () => {
    const status = (rule: string, target: string) => verdictsOf(rule, target).map((v) => v.status);
    // The probe source; the join source (the app's Secret and Cloud SQL user too) skips: no k8s or gcp layer.
    const role = (target: string) =>
      verdictsOf('db.superuser-app-user', target)
        .map((v) => `${v.source} ${v.status}`)
        .sort();
    expect(role('pg-a')).toEqual(['join skip', 'probe pass']);
    expect(role('pg-b')).toEqual(['join skip', 'probe fail']);
    // pg-c's own expectations name its login as a forbidden one; the environment's do not.
    expect(role('pg-c')).toEqual(['join skip', 'probe fail']);
    expect(status('image.platform-mismatch', 'registry-a')).toContain('pass');
    expect(status('image.platform-mismatch', 'registry-b')).toContain('fail');
    expect(status('redis.auth-disabled', 'redis-open')).toContain('fail');
    expect(status('redis.auth-disabled', 'redis-acl')).not.toContain('fail');
    expect(status('probe-http-health', 'web-good')).not.toContain('fail');
    expect(status('probe-http-health', 'web-broken')).toContain('fail');
  });

  it('logs in to the ACL-only Redis as its ACL user, and never tries TLS where tls is false', () => {
    const acl = facetOf('redis-acl')?.['probe.redis'];
    expect(acl?.status).toBe('ok');
    if (acl?.status !== 'ok') return;
    expect(acl.data.unauthenticatedPing.outcome).toBe('noauth');
    expect(acl.data.user).toBe(s.REDIS_ACL_USER);
    expect(acl.data.authenticated).toEqual({ ok: true });
    expect(acl.data.server?.version).toMatch(/^\d+\./);
    for (const name of ['redis-open', 'redis-auth', 'redis-acl']) {
      const f = facetOf(name)?.['probe.redis'];
      expect(f?.status === 'ok' && f.data.tls, name).toBe(false);
      expect(f?.status === 'ok' && f.data.tlsError, name).toBeUndefined();
    }
  });

  it('summarises per target and per environment in the console, Markdown and HTML reports', () => {
    const texts = {
      console: REPORTERS.console.render(result, { color: false }),
      markdown: REPORTERS.markdown.render(result, {}),
      html: REPORTERS.html.render(result, {}),
    };
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).toContain('By target');
      for (const name of TARGETS) expect(text, `${format} names ${name}`).toContain(name);
      expect(text, format).toContain('fleet');
    }
    expect(texts.markdown).toMatch(/\| `pg-b` \| ❌ failing \| [1-9]/);
    expect(texts.markdown).toMatch(/\| `pg-a` \| (✅ passing|⚠️ incomplete) \| 0 \|/);
    // SARIF and JUnit name the target in each result and case.
    expect(REPORTERS.sarif.render(result, {})).toContain('[pg-b] ');
    expect(REPORTERS.junit.render(result, {})).toContain('[pg-b] ');
  });

  it('fails the gate on any target by default, or only on the named ones', async () => {
    expect(result.gate.status).toBe('failed');
    const failingOn = (names: string[]) =>
      result.verdicts.filter(
        (v) =>
          v.status === 'fail' && v.priority === 'P0' && !v.suppression && v.targets?.some((t) => names.includes(t)),
      ).length;
    expect(failingOn(['pg-b'])).toBeGreaterThan(0);
    expect(failingOn(['pg-a', 'redis-tls'])).toBe(0);
    const replay = join(tempDir('fleet-gate-'), 'fleet.json');
    writeFileSync(replay, JSON.stringify(snapshot));
    const onlyGood = await scan({
      includePasses: true,
      dir: repo,
      config: configFile,
      env: 'fleet',
      snapshot: replay,
      failOnTargets: ['pg-a', 'redis-tls'],
    });
    expect(onlyGood.gate).toMatchObject({ failing: 0, targets: ['pg-a', 'redis-tls'] });
    expect(onlyGood.gate.status).not.toBe('failed');
    const onlyBad = await scan({
      includePasses: true,
      dir: repo,
      config: configFile,
      env: 'fleet',
      snapshot: replay,
      failOnTargets: ['pg-b'],
    });
    expect(onlyBad.gate).toMatchObject({ status: 'failed', failing: failingOn(['pg-b']) });
    await expect(
      scan({
        includePasses: true,
        dir: repo,
        config: configFile,
        env: 'fleet',
        snapshot: replay,
        failOnTargets: ['pg-z'],
      }),
    ).rejects.toThrow(/gate target "pg-z" is not a target of this scan/);
  });

  it('collects the servers in 3 shards, each a slice of the targets, merged into the same verdicts', async () => {
    const dir = tempDir('fleet-probe-shards-');
    const files: string[] = [];
    for (let index = 1; index <= 3; index++) {
      const part = await collect({ dir: repo, config: configFile, env: 'fleet', shard: { index, count: 3 } });
      expect(part.shard?.targets.length, `shard ${index}`).toBe(TARGETS.length / 3);
      files.push(join(dir, `shard-${index}.json`));
      writeFileSync(files.at(-1)!, JSON.stringify(part));
    }
    const shards = files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as Snapshot).shard!.targets);
    expect(shards.sort()).toEqual(snapshot.targets!.map((t) => `${t.kind}/${t.name}`).sort());
    const merged = await scan({ includePasses: true, dir: repo, config: configFile, env: 'fleet', snapshots: files });
    const key = (r: ScanResult) => r.verdicts.map((v) => `${v.fingerprint} ${v.status} ${v.messageId}`);
    expect(key(merged)).toEqual(key(result));
  });

  it('never writes a password into the snapshot or a report', () => {
    const secrets = [
      s.PG_A_APP_PASSWORD,
      s.PG_B_SUPERUSER_PASSWORD,
      s.PG_C_APP_PASSWORD,
      s.REDIS_PASSWORD,
      s.REDIS_ACL_PASSWORD,
    ];
    const texts = [
      JSON.stringify(snapshot),
      ...Object.values(REPORTERS).map((r) => r.render(result, { color: false })),
    ];
    for (const text of texts) for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  });
});
