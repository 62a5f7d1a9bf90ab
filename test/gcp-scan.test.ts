/**
 * The gcp layer end to end through the commands (in-process), with CODITECT_AUDIT_GCP_ENDPOINT at the GCP
 * emulator replaying the fixtures' recordings (`fixtures/<fixture>/gcp/`):
 * - `scan --env staging` gives the expected verdict for every concern the gcp layer checks, and the
 *   remediated project passes them all;
 * - `collect` then `scan --snapshot` gives the same verdicts offline;
 * - every fault (429 + Retry-After, 503, timeout, 403, malformed JSON, a repeating page token) ends in the
 *   right `error` verdicts and exit 2, without a crash, and no request is sent more than its retries allow
 *   (bounded by attempts, not by a wall clock: the client's timeouts and the emulator's delays share this
 *   process's event loop, so a loaded machine slows both alike);
 * - no request the scanner sends could change anything.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCERNS, type GcpService, type ScanResult, type Verdict } from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type Run, runInProcess, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
const P = 'coditect-cloud-infra';

/** Runs the command in-process (this process serves the emulator), without the caller's endpoint. */
function cli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return runInProcess(args, { env: { CODITECT_AUDIT_GCP_ENDPOINT: undefined, ...env } });
}

async function scan(dir: string, endpoint: string | undefined, extra: string[] = []) {
  const out = tempDir();
  const run = await cli(
    ['scan', '--dir', dir, '--env', 'staging', '--format', 'json,sarif,junit,markdown', '--output-dir', out, ...extra],
    { CODITECT_AUDIT_GCP_ENDPOINT: endpoint },
  );
  const file = join(out, 'coditect-audit.json');
  if (!existsSync(file)) throw new Error(`no JSON report (exit ${run.code}): ${run.stderr}`);
  return { run, out, result: JSON.parse(readFileSync(file, 'utf8')) as ScanResult };
}

// The gcp rules' verdicts, and the gcp source of rules judged per source (issue #18).
const gcpVerdicts = (r: ScanResult) => r.verdicts.filter((v) => v.ruleId.startsWith('gcp-') || v.source === 'gcp');
const RANK: Verdict['status'][] = ['fail', 'error', 'pass', 'skip'];
/**
 * Per concern, the worst status among the gcp layer's verdicts: the gcp rules', the gcp source's, and those
 * of a rule of the gcp layer that joins others to it (join-iac-drift, the only rule of `iac.state-drift`).
 */
function byConcern(r: ScanResult): Record<string, string> {
  const out: Record<string, Verdict['status']> = {};
  const gcpJoins = new Set(r.rules.filter((x) => x.layer === 'gcp' && !x.sources).map((x) => x.id));
  for (const v of r.verdicts.filter((x) => x.ruleId.startsWith('gcp-') || x.source === 'gcp' || gcpJoins.has(x.ruleId)))
    for (const c of v.concerns) if (!out[c] || RANK.indexOf(v.status) < RANK.indexOf(out[c]!)) out[c] = v.status;
  return out;
}

const gcpConcerns = CONCERNS.filter((c) => c.layers.includes('gcp')).map((c) => c.key);

/** What the gcp layer must say about the ADR's staging project, concern by concern. */
const STAGING_EXPECTED: Record<string, string> = {
  'registry.ar-repository': 'pass',
  'registry.pull-permission': 'pass',
  'registry.legacy-api-enabled': 'fail',
  'image.platform-mismatch': 'pass',
  'sql.instance-ready': 'pass',
  'redis.instance-ready': 'fail',
  // Declared in the repository's OpenTofu: not "unmanaged" by labels; that it was never applied (no state) is
  // the cross-layer drift join's finding (join-iac-drift, iac.state-drift).
  'iac.unmanaged-resource': 'pass',
  'iac.state-drift': 'fail',
  'db.dedicated-app-user': 'fail',
  'sql.ssl-not-enforced': 'fail',
  'redis.auth-disabled': 'fail',
  'redis.transit-encryption-disabled': 'fail',
  'secrets.expected-secret-missing': 'fail',
  'gke.secrets-encryption': 'fail',
  'gke.workload-identity': 'fail',
  'gke.gsa-binding': 'fail',
  'kms.signing-key': 'fail',
  'kms.signer-binding': 'fail',
  'identity.platform-enabled': 'fail',
  'identity.sign-in-provider': 'fail',
  'network.tls-certificate': 'fail',
  'network.edge-protection': 'fail',
  'observability.workload-logging': 'fail',
  'observability.alerting': 'fail',
  'backup.sql-automated': 'fail',
  'backup.sql-pitr': 'fail',
  'backup.redis-persistence': 'fail',
  'sql.high-availability': 'fail',
  'lifecycle.eol-database-version': 'pass',
  'sql.public-exposure': 'pass',
  'sql.deletion-protection': 'fail',
};

const emulators: GcpEmulator[] = [];
async function emulate(dataDir: string, maxPageSize?: number): Promise<GcpEmulator> {
  const e = await startGcpEmulator({ dataDir, ...(maxPageSize ? { maxPageSize } : {}) });
  emulators.push(e);
  return e;
}
afterAll(async () => {
  for (const e of emulators) expect(e.server.mutatingRequests(), 'a request that could change something').toEqual([]);
  await Promise.all(emulators.map((e) => e.stop()));
});

describe('scan --env staging against the emulator', () => {
  let stagingScan: Awaited<ReturnType<typeof scan>>;
  let remediatedScan: Awaited<ReturnType<typeof scan>>;
  beforeAll(async () => {
    const [a, b] = await Promise.all([emulate(join(staging, 'gcp')), emulate(join(remediated, 'gcp'))]);
    [stagingScan, remediatedScan] = await Promise.all([scan(staging, a.url), scan(remediated, b.url)]);
  });

  it('the expected table covers every concern whose layers include gcp', () => {
    expect(Object.keys(STAGING_EXPECTED).sort()).toEqual([...gcpConcerns].sort());
  });

  it('staging: the expected verdict for every gcp concern, and the P0 gate fails (exit 1)', () => {
    expect(stagingScan.result.layers.gcp).toEqual({ status: 'collected' });
    expect(byConcern(stagingScan.result)).toEqual(STAGING_EXPECTED);
    expect(stagingScan.run.code).toBe(1);
  });

  it('staging: nothing is an error; the disabled Identity Toolkit API is the provider check failing, saying which API to enable', () => {
    const v = gcpVerdicts(stagingScan.result);
    expect(v.filter((x) => x.status === 'error').map((x) => x.ruleId)).toEqual([]);
    const providers = v.find((x) => x.ruleId === 'gcp-identity-sign-in-providers')!;
    expect(providers).toMatchObject({ status: 'fail', messageId: 'apiDisabled', priority: 'P0' });
    expect(providers.message).toContain('identitytoolkit.googleapis.com is disabled');
  });

  it('staging: the ADR findings name the live resources and point at their declarations when the repository has one', () => {
    const v = gcpVerdicts(stagingScan.result);
    const ssl = v.find((x) => x.ruleId === 'sql.ssl-not-enforced' && x.source === 'gcp')!;
    expect(ssl).toMatchObject({
      status: 'fail',
      messageId: 'allowsUnencrypted',
      resource: { id: `gcp:sql/${P}/coditect-db` },
    });
    const backups = v.find((x) => x.ruleId === 'backup.sql-automated')!;
    expect(backups.messageId).toBe('stale');
    const repo = v.find((x) => x.ruleId === 'gcp-artifact-registry-repository')!;
    expect(repo.location?.file).toBe('opentofu/environments/staging/main.tf');
    expect(v.find((x) => x.ruleId === 'kms.signing-key' && x.source === 'gcp')!.priority).toBe('P0');
  });

  it('remediated: every gcp rule passes and the gate passes (exit 0)', () => {
    const v = gcpVerdicts(remediatedScan.result);
    expect(v.filter((x) => x.status !== 'pass').map((x) => `${x.status} ${x.ruleId}: ${x.message}`)).toEqual([]);
    expect(Object.keys(byConcern(remediatedScan.result)).sort()).toEqual([...gcpConcerns].sort());
    expect(remediatedScan.run.code).toBe(0);
  });

  it('no secret the APIs return reaches a report, stdout or stderr', () => {
    for (const s of [stagingScan, remediatedScan]) {
      const texts = [
        s.run.stdout,
        s.run.stderr,
        ...readdirSync(s.out).map((f) => readFileSync(join(s.out, f), 'utf8')),
      ];
      for (const t of texts) for (const canary of ['CANARY', 'AIzaSy', 'GOCSPX']) expect(t).not.toContain(canary);
    }
  });
});

describe('collect, then scan --snapshot offline', () => {
  it('gives the same verdicts as the live scan, with the emulator stopped', async () => {
    const e = await startGcpEmulator({ dataDir: join(staging, 'gcp') });
    const snap = join(tempDir(), 'snapshot.json');
    const collected = await cli(['collect', '--dir', staging, '--env', 'staging', '-o', snap], {
      CODITECT_AUDIT_GCP_ENDPOINT: e.url,
    });
    expect(collected.code).toBe(0);
    const live = await scan(staging, e.url);
    expect(e.server.mutatingRequests()).toEqual([]);
    await e.stop();
    const replay = await scan(staging, undefined, ['--snapshot', snap]);
    expect(gcpVerdicts(replay.result).length).toBeGreaterThan(30);
    expect(replay.result.verdicts).toEqual(live.result.verdicts);
    expect(replay.run.code).toBe(live.run.code);
    const snapshot = readFileSync(snap, 'utf8');
    for (const canary of ['CANARY', 'AIzaSy', 'GOCSPX']) expect(snapshot).not.toContain(canary);
  });
});

describe('without CODITECT_AUDIT_GCP_ENDPOINT', () => {
  it('the fixture (endpointOnly) calls nothing and reports the gcp layer as not configured', async () => {
    const { result } = await scan(remediated, undefined);
    expect(result.layers.gcp).toMatchObject({ status: 'not-configured' });
    expect(result.layers.gcp?.reason).toContain('CODITECT_AUDIT_GCP_ENDPOINT');
    expect(gcpVerdicts(result).every((v) => v.status === 'skip')).toBe(true);
  });
});

/**
 * A copy of the remediated fixture (every gcp rule passes) reading only `services`, with short limits.
 * A fault on one API then shows up as `error` verdicts of exactly the rules reading it.
 */
function faultFixture(services: GcpService[]): string {
  const dir = tempDir();
  cpSync(remediated, dir, { recursive: true });
  const file = join(dir, 'coditect-audit.yaml');
  const text = readFileSync(file, 'utf8');
  const anchor = '        endpointOnly: true\n';
  if (!text.includes(anchor)) throw new Error('the remediated fixture has no layers.gcp block: update this test');
  writeFileSync(
    file,
    text.replace(
      anchor,
      `${anchor}        services: [${services.join(', ')}]\n        timeoutMs: 500\n        retries: 2\n        retryBudgetMs: 4000\n`,
    ),
  );
  return dir;
}

describe('faults through the emulator', () => {
  const sqlInstances = `/v1/projects/${P}/instances`;
  const cases: {
    name: string;
    services: GcpService[];
    inject(e: GcpEmulator): void;
    /** Rules that must end in `error`: exactly these. */
    errors: string[];
    cause: string;
  }[] = [
    {
      name: '429 with Retry-After that does not clear',
      services: ['sqladmin'],
      inject: (e) =>
        e.server.inject({ path: sqlInstances, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } }),
      errors: [
        'backup.sql-automated',
        'backup.sql-pitr',
        'gcp-sql-app-user',
        'gcp-sql-instance-ready',
        'gcp-unmanaged-resource',
        'sql.deletion-protection',
        'sql.eol-version',
        'sql.high-availability',
        'sql.public-exposure',
        'sql.ssl-not-enforced',
      ],
      cause: 'still rate-limited after 3 attempts',
    },
    {
      name: '503 on Memorystore',
      services: ['redis'],
      inject: (e) => e.server.inject({ path: '/locations/-/instances', fault: { kind: 'status', status: 503 } }),
      errors: [
        'backup.redis-persistence',
        'gcp-redis-instance-ready',
        'redis.auth-disabled',
        'redis.transit-encryption-disabled',
      ],
      cause: 'HTTP 503',
    },
    {
      name: 'a timeout on the KMS key rings',
      services: ['cloudkms'],
      inject: (e) => e.server.inject({ path: /\/keyRings$/, method: 'GET', fault: { kind: 'delay', ms: 20_000 } }),
      errors: ['kms.signing-key'],
      cause: 'did not answer in time',
    },
    {
      name: '403 on the Artifact Registry repository policy',
      services: ['artifactregistry', 'container', 'cloudresourcemanager'],
      // Artifact Registry reads IAM policies with a GET (Resource Manager with a POST, left alone here).
      inject: (e) => e.server.inject({ path: ':getIamPolicy', method: 'GET', fault: { kind: 'status', status: 403 } }),
      errors: ['gcp-artifact-registry-reader'],
      cause: 'artifactregistry.repositories.getIamPolicy',
    },
    {
      name: 'malformed JSON from Service Usage',
      services: ['serviceusage'],
      inject: (e) => e.server.inject({ path: '/services', fault: { kind: 'malformed' } }),
      errors: ['gcp-container-registry-api', 'gcp-identity-platform-enabled'],
      cause: 'unreadable answer',
    },
    {
      name: 'a repeating page token on the Memorystore list',
      services: ['redis'],
      inject: (e) => e.repeatPageToken('/locations/-/instances'),
      errors: [
        'backup.redis-persistence',
        'gcp-redis-instance-ready',
        'redis.auth-disabled',
        'redis.transit-encryption-disabled',
      ],
      cause: 'page token',
    },
  ];

  it.each(cases)('$name: error verdicts for exactly the rules that needed the data, exit 2', async (c) => {
    const e = await emulate(join(remediated, 'gcp'), 1);
    c.inject(e);
    const { run, result } = await scan(faultFixture(c.services), e.url);
    // retries: 2 in faultFixture: no request (path and query, page token included) goes out more than 3 times.
    const sent = new Map<string, number>();
    for (const q of e.server.requests)
      sent.set(`${q.method} ${q.path}${q.query}`, (sent.get(`${q.method} ${q.path}${q.query}`) ?? 0) + 1);
    expect(Math.max(...sent.values())).toBeLessThanOrEqual(3);
    expect(run.stderr).not.toMatch(/internal error|TypeError|at .+\.js:\d+/);
    const errors = gcpVerdicts(result).filter((v) => v.status === 'error');
    expect([...new Set(errors.map((v) => v.ruleId))].sort()).toEqual(c.errors);
    expect(errors.some((v) => v.message.includes(c.cause))).toBe(true);
    expect(gcpVerdicts(result).filter((v) => v.status === 'fail')).toEqual([]);
    expect(run.code).toBe(2);
  });

  it('429 with Retry-After that clears: the scan waits, reads the data and passes (exit 0)', async () => {
    const e = await emulate(join(remediated, 'gcp'));
    e.server.inject({ path: sqlInstances, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 }, times: 1 });
    const { run, result } = await scan(faultFixture(['sqladmin']), e.url);
    expect(gcpVerdicts(result).filter((v) => v.status !== 'pass' && v.status !== 'skip')).toEqual([]);
    expect(e.server.requests.filter((q) => q.path === sqlInstances)).toHaveLength(2);
    expect(run.code).toBe(0);
  });
});
