/**
 * Issue #18: one rule per concern, judged per source over shared views. What the merge must keep:
 * - a baseline written before the merge (per-layer rule ids) still matches every finding of the fixture;
 * - each source is its own unit: a layer not collected skips that source only, a failed facet is an error of
 *   that source only, and declared-vs-live disagreement is one more verdict (`drift`) of the same rule;
 * - an old per-layer id names its source only (config overrides, config and inline suppressions) and keeps
 *   its fingerprints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFilesFromMemory } from '@coditect-audit/collectors';
import {
  applyBaseline,
  applySuppressions,
  fingerprintOf,
  parseBaseline,
  resolveExpectations,
  runRules,
  type Snapshot,
  type Verdict,
} from '@coditect-audit/core';
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import { scan } from '../packages/cli/src/scan.js';
import { sqlFacet, sqlInstance } from '../packages/rules/src/util/gcp-cases.js';

const root = join(import.meta.dirname, '..');
const rule = builtinRules.find((r) => r.id === 'sql.ssl-not-enforced')!;

describe('a baseline written before issue #18', () => {
  it('matches every finding of fixtures/adr-001-staging after the merge (none new, none lost)', async () => {
    const file = join(root, 'test/data/baseline-adr-001-staging-before-18.json');
    const baseline = parseBaseline(readFileSync(file, 'utf8'), file);
    expect(baseline.findings.some((f) => f.ruleId === 'tf-sql-ssl-mode')).toBe(true);
    expect(baseline.findings.some((f) => f.ruleId === 'manifest-privilege-escalation')).toBe(true);
    const result = await scan({ dir: join(root, 'fixtures/adr-001-staging'), env: 'staging', today: '2026-11-26' });
    const verdicts = structuredClone(result.verdicts);
    const fixed = applyBaseline(verdicts, baseline);
    expect(fixed).toEqual([]);
    const findings = verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown');
    expect(findings.filter((v) => v.baselineState === 'new').map((v) => `${v.ruleId} ${v.resource.id}`)).toEqual([]);
    expect(findings.length).toBe(baseline.findings.length);
    // The merged rules' verdicts are among them, under their new id.
    expect(findings.some((v) => v.ruleId === 'sql.ssl-not-enforced' && v.source === 'tf')).toBe(true);
    expect(findings.some((v) => v.ruleId === 'container.privilege-escalation' && v.source === 'manifest')).toBe(true);
  });
});

describe('a baseline of the live layers written before issue #18', () => {
  // Both files were written by the build before the merge (commit 64fdae0): `collect` of the staging fixture
  // against the GCP and Kubernetes emulators, then `scan --snapshot … --write-baseline`.
  it('matches every finding of the replayed snapshot (files, gcp, k8s): none new, none lost', async () => {
    const data = join(root, 'test/data');
    const file = join(data, 'baseline-adr-001-staging-files-gcp-k8s-before-18.json');
    const baseline = parseBaseline(readFileSync(file, 'utf8'), file);
    for (const id of ['gcp-sql-ssl-mode', 'k8s-privilege-escalation', 'gcp-sql-automated-backups'])
      expect(baseline.findings.some((f) => f.ruleId === id)).toBe(true);
    const result = await scan({
      dir: join(root, 'fixtures/adr-001-staging'),
      env: 'staging',
      today: '2026-11-26',
      snapshot: join(data, 'snapshot-adr-001-staging-files-gcp-k8s-before-18.json'),
    });
    expect(result.layers.gcp?.status).toBe('collected');
    expect(result.layers.k8s?.status).toBe('collected');
    const verdicts = structuredClone(result.verdicts);
    expect(applyBaseline(verdicts, baseline)).toEqual([]);
    const findings = verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown');
    expect(findings.filter((v) => v.baselineState === 'new').map((v) => `${v.ruleId} ${v.resource.id}`)).toEqual([]);
    expect(findings.some((v) => v.ruleId === 'sql.ssl-not-enforced' && v.source === 'gcp')).toBe(true);
    expect(findings.some((v) => v.ruleId === 'container.privilege-escalation' && v.source === 'k8s')).toBe(true);
  });
});

const ENFORCED = 'ENCRYPTED_ONLY';
const tf = (sslMode: string) =>
  collectFilesFromMemory({
    'main.tf': `resource "google_sql_database_instance" "main" {
  name = "coditect-db"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "${sslMode}"
    }
  }
}
`,
  });

function snapshot(parts: { sslMode?: string; gcp?: 'ok' | 'error' | 'absent'; liveSslMode?: string }): Snapshot {
  const facets: Snapshot['facets'] = {};
  const layers: Snapshot['layers'] = {};
  if (parts.sslMode) {
    Object.assign(facets, tf(parts.sslMode));
    layers.files = { status: 'collected' };
  }
  if (parts.gcp === 'ok') {
    facets['gcp.sql'] = {
      status: 'ok',
      problems: [],
      data: sqlFacet(sqlInstance({ settings: { ipConfiguration: { sslMode: parts.liveSslMode ?? ENFORCED } } })),
    };
    layers.gcp = { status: 'collected' };
  } else if (parts.gcp === 'error') {
    facets['gcp.sql'] = {
      status: 'error',
      problems: [
        {
          subject: 'sqladmin instances.list',
          message: 'permission denied (cloudsql.instances.list)',
          severity: 'error',
        },
      ],
    };
    layers.gcp = { status: 'collected' };
  }
  return {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers,
    facets,
  };
}

const run = (s: Snapshot, ruleOverrides?: Record<string, 'off' | 'P0' | 'P1' | 'P2'>) =>
  runRules(s, [rule], {
    environment: 'staging',
    expectations: resolveExpectations(undefined),
    ...(ruleOverrides ? { ruleOverrides } : {}),
  });
const bySource = (vs: Verdict[]) =>
  Object.fromEntries(
    ['tf', 'gcp', 'probe', 'drift'].map((s) => [s, vs.filter((v) => v.source === s).map((v) => v.status)]),
  );

describe('a rule judged per source', () => {
  it('skips only the sources whose layer was not collected', () => {
    const vs = run(snapshot({ sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' }));
    expect(bySource(vs)).toEqual({ tf: ['fail'], gcp: ['skip'], probe: ['skip'], drift: ['skip'] });
    expect(vs.every((v) => v.ruleId === 'sql.ssl-not-enforced')).toBe(true);
    const fail = vs.find((v) => v.status === 'fail')!;
    expect(fail.location).toMatchObject({ file: 'main.tf', startLine: 6 });
    // The tf source keeps the fingerprint the per-layer rule wrote.
    expect(fail.fingerprint).toBe(fingerprintOf('tf-sql-ssl-mode', fail.resource.id));
  });

  it('a failed facet is an error of its source only (fail closed); the others still judge', () => {
    const vs = run(snapshot({ sslMode: ENFORCED, gcp: 'error' }));
    expect(bySource(vs)).toMatchObject({ tf: ['pass'], gcp: ['error'], drift: ['error'] });
  });

  it('the live instance keeps its per-layer fingerprint and points at its live identity', () => {
    const vs = run(snapshot({ gcp: 'ok', liveSslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' }));
    const fail = vs.find((v) => v.source === 'gcp' && v.status === 'fail')!;
    expect(fail.resource.id).toBe('gcp:sql/coditect-cloud-infra/coditect-db');
    expect(fail.fingerprint).toBe(fingerprintOf('gcp-sql-ssl-mode', fail.resource.id));
  });

  it('declared against live: a declaration the live instance contradicts is one more verdict of the same rule', () => {
    const vs = run(snapshot({ sslMode: ENFORCED, gcp: 'ok', liveSslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' }));
    expect(bySource(vs)).toMatchObject({ tf: ['pass'], gcp: ['fail'], drift: ['fail'] });
    const drift = vs.find((v) => v.source === 'drift')!;
    expect(drift.messageId).toBe('driftLiveWeaker');
    expect(drift.resource.id).toBe('gcp:sql/coditect-cloud-infra/coditect-db');
    expect(drift.relatedLocations?.[0]).toMatchObject({ file: 'main.tf', startLine: 1 });
    expect(drift.fingerprint).toBe(fingerprintOf('sql.ssl-not-enforced/drift', drift.resource.id));
    const agree = run(snapshot({ sslMode: ENFORCED, gcp: 'ok' }));
    expect(bySource(agree)).toMatchObject({ tf: ['pass'], gcp: ['pass'], drift: ['pass'] });
  });

  it('an override by an old id applies to its source only; by the new id, to every source', () => {
    const s = snapshot({
      sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
      gcp: 'ok',
      liveSslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
    });
    const off = run(s, { 'gcp-sql-ssl-mode': 'off' });
    expect(off.some((v) => v.source === 'gcp')).toBe(false);
    expect(off.some((v) => v.source === 'tf' && v.status === 'fail')).toBe(true);
    const p2 = run(s, { 'tf-sql-ssl-mode': 'P2' });
    expect(p2.find((v) => v.source === 'tf')!.priority).toBe('P2');
    expect(p2.find((v) => v.source === 'gcp')!.priority).not.toBe('P2');
    expect(run(s, { 'sql.ssl-not-enforced': 'off' })).toEqual([]);
  });

  it('a suppression by an old id (config or inline) suppresses its source only', () => {
    const s = snapshot({
      sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
      gcp: 'ok',
      liveSslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
    });
    const vs = run(s);
    const report = applySuppressions({
      verdicts: vs,
      rules: [rule],
      config: [{ rule: 'gcp-sql-ssl-mode', reason: 'accepted until the migration' }],
      configFile: 'coditect-audit.yaml',
      inline: [{ file: 'main.tf', line: 5, appliesToLine: 6, ruleId: 'tf-sql-ssl-mode', reason: 'patched by hand' }],
      today: '2026-11-26',
    });
    expect(report.unused).toEqual([]);
    const status = (source: string) => vs.find((v) => v.source === source && v.status === 'fail')?.suppression?.kind;
    expect(status('gcp')).toBe('config');
    expect(status('tf')).toBe('inline');
    // The new id suppresses every source; an old id of another source does not reach this one.
    const again = run(s);
    applySuppressions({
      verdicts: again,
      rules: [rule],
      config: [{ rule: 'probe-postgres-ssl-enforced', reason: 'x' }],
      configFile: 'c.yaml',
      inline: [],
      today: '2026-11-26',
    });
    expect(again.some((v) => v.suppression)).toBe(false);
  });
});

describe('a join source in a fleet', () => {
  // db.superuser-app-user's join (formerly join-secret-database-role) reads a cluster's Secret and a database's
  // role: the engine runs it once per (cluster, database). The database's facet is the same data in both runs,
  // so the view must be built per combination, not once per database.
  const superuser = builtinRules.find((r) => r.id === 'db.superuser-app-user')!;
  const ok = <T>(data: T) => ({ status: 'ok' as const, problems: [], data });
  const secrets = (user: { class: 'set' } | { class: 'superuser-name'; publicValue: string }) =>
    ok({
      items: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          name: 'backend-secrets',
          namespace: 'coditect-staging',
          object: {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'backend-secrets', namespace: 'coditect-staging' },
          },
          secretType: 'Opaque',
          keys: [{ key: 'db-user', ...user }],
        },
      ],
    });
  const role = {
    name: 'license_api_staging',
    exists: true,
    superuser: false,
    createRole: false,
    createDb: false,
    bypassRls: false,
    replication: false,
    memberOf: [],
  };
  const fleet: Snapshot = {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { gcp: { status: 'collected' }, k8s: { status: 'collected' }, probe: { status: 'collected' } },
    facets: {
      'gcp.sql-users': ok({
        read: ['coditect-cloud-infra'],
        instances: [
          {
            project: 'coditect-cloud-infra',
            instance: 'coditect-db',
            users: [
              { name: 'postgres', type: 'BUILT_IN' },
              { name: 'license_api_staging', type: 'BUILT_IN' },
            ],
          },
        ],
      }),
    },
    targets: [
      {
        kind: 'cluster',
        name: 'cluster/old',
        state: { status: 'collected' },
        facets: { 'k8s.secrets': secrets({ class: 'superuser-name', publicValue: 'postgres' }) },
      },
      {
        kind: 'cluster',
        name: 'cluster/new',
        state: { status: 'collected' },
        facets: { 'k8s.secrets': secrets({ class: 'set' }) },
      },
      {
        kind: 'postgres',
        name: 'postgres/main',
        state: { status: 'collected' },
        facets: {
          'probe.postgres': ok({
            endpoint: '10.28.0.3:5432/coditect',
            host: '10.28.0.3',
            port: 5432,
            database: 'coditect',
            login: 'license_api_staging',
            appRole: 'license_api_staging',
            credentialSource: 'env DB_PASSWORD',
            sslmode: 'verify-full',
            plaintext: { outcome: 'refused', detail: 'no encryption' },
            role,
          }),
        },
      },
    ],
  };

  it("judges each cluster's Secret against the database", () => {
    const vs = runRules(fleet, [superuser], { environment: 'staging', expectations: resolveExpectations(undefined) });
    const join = vs.filter((v) => v.source === 'join');
    expect(join.map((v) => `${v.targets?.join('+')} ${v.status} ${v.data?.user}`).sort()).toEqual([
      'cluster/new+postgres/main pass license_api_staging',
      'cluster/old+postgres/main fail postgres',
    ]);
    expect(join.every((v) => v.alias === 'join-secret-database-role')).toBe(true);
  });
});
