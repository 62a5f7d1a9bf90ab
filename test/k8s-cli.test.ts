/**
 * The k8s layer end to end through the commands (in-process): the real @kubernetes/client-node, a generated
 * kubeconfig (one context per fixture), and the fake API server replaying each fixture's `k8s/api/`.
 * `scan --env staging` gives the ADR's verdict for every k8s concern; the remediated namespace passes;
 * no Secret value reaches any output; the collector only ever gets and lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCERNS, type ScanResult, type VerdictStatus } from '@coditect-audit/core';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { REPORTERS } from '@coditect-audit/reporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type Run, runInProcess, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
const CANARY = 'cnry-k8s-5f0d3b7a91e24c68-do-not-leak';

/** The ADR's live state, concern by concern, as the k8s rules must judge it. */
const STAGING_VERDICTS: Record<string, 'fail' | 'pass' | 'skip'> = {
  'registry.gcr-reference': 'pass',
  'image.platform-mismatch': 'pass',
  'k8s.self-managed-datastore': 'pass',
  'k8s.orphaned-volume': 'fail',
  'container.runs-as-root': 'fail',
  'container.privilege-escalation': 'fail',
  'k8s.placeholder-secret': 'fail',
  'k8s.migrations-complete': 'fail',
  'k8s.rollout-healthy': 'fail',
  'db.superuser-app-user': 'fail',
  'secrets.not-in-secret-manager': 'fail',
  // The staging cluster runs no External Secrets Operator (no CRD): nothing to judge the sync of.
  'secrets.sync-healthy': 'skip',
  'gke.ksa-binding': 'fail',
  'network.public-http': 'fail',
  'network.tls-certificate': 'fail',
  'network.edge-protection': 'fail',
  'lifecycle.removed-kubernetes-api': 'pass',
  'image.mutable-tag': 'pass',
};

/** Runs the command in-process (this process serves the fake API server), without the caller's endpoints. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return runInProcess(args, { env: { CODITECT_AUDIT_GCP_ENDPOINT: undefined, KUBECONFIG: undefined, ...env } });
}

async function scanJson(dir: string, env: Record<string, string>): Promise<{ run: Run; result: ScanResult }> {
  const out = tempDir();
  const run = await cli(['scan', '--dir', dir, '--env', 'staging', '--format', 'json', '--output-dir', out], env);
  const file = join(out, 'coditect-audit.json');
  if (!existsSync(file)) throw new Error(`no JSON report (exit ${run.code}): ${run.stderr}`);
  return { run, result: JSON.parse(readFileSync(file, 'utf8')) as ScanResult };
}

/** Worst status per concern over the k8s rules' verdicts. */
/** A verdict of the k8s layer: a k8s rule's, or the k8s source's of a rule judged per source. */
function isLive(v: ScanResult['verdicts'][number]): boolean {
  return v.ruleId.startsWith('k8s-') || v.source === 'k8s';
}

function k8sConcernStatus(result: ScanResult): Map<string, VerdictStatus> {
  const rank: VerdictStatus[] = ['fail', 'error', 'pass', 'skip'];
  const out = new Map<string, VerdictStatus>();
  for (const v of result.verdicts.filter(isLive)) {
    for (const c of v.concerns) {
      const prior = out.get(c);
      if (!prior || rank.indexOf(v.status) < rank.indexOf(prior)) out.set(c, v.status);
    }
  }
  return out;
}

/** Line of the first key of the YAML document (in a multi-document file) declaring kind/name. */
function declarationLine(file: string, kind: string, name: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== '---') continue;
    const doc = lines.slice(start, i);
    if (doc.includes(`kind: ${kind}`) && doc.includes(`  name: ${name}`))
      return start + 1 + doc.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
    start = i + 1;
  }
  throw new Error(`${kind}/${name} not declared in ${file}`);
}

describe('scan --env staging with the k8s layer', () => {
  const emulators: K8sEmulator[] = [];
  let env: Record<string, string>;
  let stagingScan: { run: Run; result: ScanResult };
  let remediatedScan: { run: Run; result: ScanResult };

  beforeAll(async () => {
    const stagingApi = await startK8sEmulator({ dataDir: join(staging, 'k8s/api') });
    const remediatedApi = await startK8sEmulator({ dataDir: join(remediated, 'k8s/api') });
    emulators.push(stagingApi, remediatedApi);
    const kubeconfig = writeKubeconfig(join(tempDir(), 'kubeconfig'), [
      { context: 'adr-001-staging', url: stagingApi.url },
      { context: 'adr-001-remediated', url: remediatedApi.url },
    ]);
    env = { KUBECONFIG: kubeconfig };
    [stagingScan, remediatedScan] = await Promise.all([scanJson(staging, env), scanJson(remediated, env)]);
  });
  afterAll(async () => {
    for (const e of emulators) await e.stop();
  });

  it('reads the cluster through the real client and the fixture’s kubeconfig context', () => {
    expect(stagingScan.result.layers.k8s).toEqual({ status: 'collected' });
    expect(remediatedScan.result.layers.k8s).toEqual({ status: 'collected' });
  });

  it('gives the ADR’s verdict for every k8s concern of the staging namespace', () => {
    const keys = CONCERNS.filter((c) => c.layers.includes('k8s')).map((c) => c.key);
    expect(Object.keys(STAGING_VERDICTS).sort()).toEqual([...keys].sort());
    const got = k8sConcernStatus(stagingScan.result);
    expect(Object.fromEntries(keys.map((k) => [k, got.get(k)]))).toEqual(STAGING_VERDICTS);
    expect(stagingScan.run.code).toBe(1);
    expect(stagingScan.result.verdicts.filter((v) => isLive(v) && v.status === 'error')).toEqual([]);
  });

  it('names the ADR’s live defects in its findings', () => {
    const messages = stagingScan.result.verdicts.filter((v) => isLive(v) && v.status === 'fail').map((v) => v.message);
    const expected = [
      'Deployment coditect-backend has 0 of 2 replica(s) available (pods: CrashLoopBackOff; progress deadline exceeded).',
      'The app connects to the database as postgres (Secret backend-secrets key db-user), a superuser; use a role with DML rights only.',
      'Service coditect-backend is a public LoadBalancer serving port 80 without TLS at 34.123.45.67; serve the app through an Ingress with a certificate.',
    ];
    for (const m of expected) expect(messages).toContain(m);
    expect(
      messages.some((m) => m.startsWith('Migration Job django-migrate') && m.includes('BackoffLimitExceeded')),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith('PersistentVolumeClaim postgres-storage-postgresql-0'))).toBe(true);
    expect(messages.some((m) => m.startsWith('PersistentVolumeClaim redis-storage-redis-0'))).toBe(true);
  });

  it('points a live finding at the manifest that declares the object', () => {
    const rollout = stagingScan.result.verdicts.find(
      (v) => v.ruleId === 'k8s.rollout-healthy' && v.source === 'k8s' && v.status === 'fail',
    );
    expect(rollout?.resource.declaredAs).toBe('k8s:Deployment/coditect-staging/coditect-backend');
    expect(rollout?.location).toEqual({
      file: 'k8s/deployment.yaml',
      startLine: declarationLine(join(staging, 'k8s/deployment.yaml'), 'Deployment', 'coditect-backend'),
    });
    // The leftover claim came from the StatefulSet the repository still declares.
    const claim = stagingScan.result.verdicts.find(
      (v) => v.ruleId === 'k8s-orphaned-volume' && v.resource.name === 'postgres-storage-postgresql-0',
    );
    expect(claim?.location).toEqual({
      file: 'k8s/statefulsets.yaml',
      startLine: declarationLine(join(staging, 'k8s/statefulsets.yaml'), 'StatefulSet', 'postgresql'),
    });
  });

  it('passes the remediated namespace: no k8s finding, no error, and the gate passes', () => {
    const bad = remediatedScan.result.verdicts
      .filter((v) => isLive(v) && (v.status === 'fail' || v.status === 'error'))
      .map((v) => `${v.ruleId}: ${v.message}`);
    expect(bad).toEqual([]);
    const got = k8sConcernStatus(remediatedScan.result);
    for (const key of Object.keys(STAGING_VERDICTS)) expect(got.get(key), key).toBe('pass');
    expect(remediatedScan.run.code).toBe(0);
  });

  it('never puts a Secret value in any report, the snapshot, or the console', async () => {
    const out = tempDir();
    const formats = Object.keys(REPORTERS);
    const run = await cli(
      ['scan', '--dir', staging, '--env', 'staging', '--format', formats.join(','), '--output-dir', out],
      env,
    );
    const snapshot = join(out, 'snapshot.json');
    const collected = await cli(['collect', '--dir', staging, '--env', 'staging', '-o', snapshot], env);
    expect(collected.code).toBe(0);
    const files = formats
      .map((f) => REPORTERS[f as keyof typeof REPORTERS].fileName)
      .filter((f): f is string => Boolean(f));
    const texts = [
      run.stdout,
      run.stderr,
      collected.stdout,
      collected.stderr,
      ...[...files, 'snapshot.json'].map((f) => readFileSync(join(out, f), 'utf8')),
    ];
    expect(JSON.parse(readFileSync(snapshot, 'utf8')).layers.k8s).toEqual({ status: 'collected' });
    const forbidden = [CANARY, Buffer.from(CANARY).toString('base64'), 'CHANGEME'];
    for (const text of texts) for (const value of forbidden) expect(text).not.toContain(value);
  });

  it('judges the workload rules item by item while listing as a replay judges them whole: the same verdicts', async () => {
    // The live scan judges the k8s sources of the item-by-item rules as each object is finished
    // (ItemJudgements); a replay of the snapshot judges them at evaluation.
    const out = tempDir();
    const snapshot = join(out, 'snapshot.json');
    expect((await cli(['collect', '--dir', staging, '--env', 'staging', '-o', snapshot], env)).code).toBe(0);
    const replayed = await cli(
      ['scan', '--dir', staging, '--snapshot', snapshot, '--format', 'json', '--output-dir', out],
      env,
    );
    const replay = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    expect(replayed.code).toBe(stagingScan.run.code);
    const itemwise = new Set([
      'container.privilege-escalation',
      'container.runs-as-root',
      'k8s.self-managed-datastore',
      'registry.gcr-reference',
    ]);
    const judged = (r: ScanResult) => r.verdicts.filter((v) => itemwise.has(v.ruleId) && v.source === 'k8s');
    expect(judged(stagingScan.result).length).toBeGreaterThan(5);
    expect(judged(stagingScan.result)).toEqual(judged(replay));
  });

  it('only gets and lists: no other verb reached either API server', () => {
    const requests = emulators.flatMap((e) => e.requests());
    expect(requests.length).toBeGreaterThan(40);
    expect(requests.filter((r) => r.verb !== 'get' && r.verb !== 'list')).toEqual([]);
  });
});

describe('a 403 on one resource type', () => {
  it('gives error verdicts to the rules that need it only, naming the verb and resource to grant', async () => {
    const api = await startK8sEmulator({ dataDir: join(staging, 'k8s/api') });
    try {
      api.forbid({ resource: 'secrets', namespace: 'coditect-staging' });
      const kubeconfig = writeKubeconfig(join(tempDir(), 'kubeconfig'), [{ context: 'adr-001-staging', url: api.url }]);
      const { run, result } = await scanJson(staging, { KUBECONFIG: kubeconfig });
      const errors = result.verdicts.filter((v) => isLive(v) && v.status === 'error');
      expect([...new Set(errors.map((v) => v.ruleId))].sort()).toEqual([
        'db.superuser-app-user',
        'k8s.placeholder-secret',
        'secrets.not-in-secret-manager',
      ]);
      for (const v of errors) {
        expect(v.resource.name).toBe('list secrets in coditect-staging');
        expect(v.message).toContain('cannot list resource "secrets"');
        expect(v.message).toContain('Fix: grant "list" on "secrets" in namespace coditect-staging');
      }
      expect(result.verdicts.find((v) => v.ruleId === 'k8s.rollout-healthy' && v.source === 'k8s')?.status).toBe(
        'fail',
      );
      expect(run.code).toBe(1);
    } finally {
      await api.stop();
    }
  });

  it('without the fixture’s context the layer is not scanned, and says so', async () => {
    const { result } = await scanJson(remediated, { KUBECONFIG: join(tempDir(), 'absent') });
    expect(result.layers.k8s?.status).toBe('not-configured');
    const k8s = result.verdicts.filter(isLive);
    expect(k8s.every((v) => v.status === 'skip' && v.message.includes('adr-001-remediated'))).toBe(true);
  });
});
