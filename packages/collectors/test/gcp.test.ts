/**
 * The gcp collector through the real official clients (REST mode) against the GCP emulator replaying the
 * ADR-001 recordings: normalisation, read-only behaviour, pagination, and every fault the issue names
 * (429 with Retry-After, 503, timeout, 403, a disabled API, malformed JSON, a repeating page token).
 */
import { join } from 'node:path';
import {
  type CollectResult,
  type Expectations,
  type GcpLayerConfig,
  type GcpSqlInstance,
  type Problem,
  resolveExpectations,
} from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../src/gcp/index.js';
import { SQL_API_CALLS } from '../src/gcp/services/sql.js';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const STAGING = join(fixtures, 'adr-001-staging/gcp');
const REMEDIATED = join(fixtures, 'adr-001-remediated/gcp');
const P = 'coditect-cloud-infra';
/** The recordings were made at 2025-12-01T07:00:00Z; replayed exactly 31 days later. */
const REPLAY_AT = new Date('2026-01-01T07:00:00.000Z');

const expectations: Expectations = resolveExpectations({});
let emulators: GcpEmulator[] = [];

beforeAll(() => {
  // The variable would override the endpoints the tests pass in the config.
  delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
});
afterEach(async () => {
  await Promise.all(emulators.map((e) => e.stop()));
  emulators = [];
});

async function emulator(dataDir: string, maxPageSize?: number): Promise<GcpEmulator> {
  const e = await startGcpEmulator({ dataDir, now: () => REPLAY_AT, ...(maxPageSize ? { maxPageSize } : {}) });
  emulators.push(e);
  return e;
}

function run(endpoint: string, config: GcpLayerConfig = {}): Promise<CollectResult> {
  return collect({
    root: '.',
    environment: 'staging',
    expectations,
    config: { endpoint, ...config },
    overrides: {},
    progress: () => {},
  });
}

function data<T = Record<string, unknown>>(r: CollectResult, facet: string): T {
  const f = (r.facets as Record<string, { status: string; data?: unknown; problems?: Problem[] }>)[facet];
  expect(f?.status, `${facet}: ${JSON.stringify(f?.problems)}`).toBe('ok');
  return f!.data as T;
}

function problems(r: CollectResult, facet: string): Problem[] {
  return (r.facets as Record<string, { problems?: Problem[] }>)[facet]?.problems ?? [];
}

function status(r: CollectResult, facet: string): string | undefined {
  return (r.facets as Record<string, { status: string }>)[facet]?.status;
}

describe('the staging recordings through the official clients', () => {
  it('normalises every facet: wrapped booleans, absent proto3 defaults, enums, shifted timestamps', async () => {
    const e = await emulator(STAGING);
    const r = await run(e.url);
    expect(r.state).toEqual({ status: 'collected' });

    const sql = data<{ instances: GcpSqlInstance[] }>(r, 'gcp.sql').instances;
    expect(sql).toHaveLength(1);
    expect(sql[0]!.name).toBe('coditect-db');
    expect(sql[0]!.settings.ipConfiguration).toMatchObject({
      ipv4Enabled: false,
      requireSsl: false,
      sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
    });
    expect(sql[0]!.settings.deletionProtectionEnabled).toBe(false);
    expect(sql[0]!.settings.backupConfiguration).toMatchObject({ enabled: true, pointInTimeRecoveryEnabled: false });
    expect(sql[0]!.settings.userLabels).toEqual({});

    const users = data<{ instances: { users: unknown[] }[] }>(r, 'gcp.sql-users').instances[0]!.users;
    // `type` is omitted by Google for BUILT_IN (the enum's zero value).
    expect(users).toEqual([{ name: 'postgres', type: 'BUILT_IN' }]);

    const runs = data<{ instances: { runs: { status: string; endTime: string }[] }[] }>(r, 'gcp.sql-backup-runs')
      .instances[0]!.runs;
    expect(runs.map((x) => x.status)).toEqual(['FAILED', 'FAILED', 'SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL']);
    // Recorded 2025-12-01T03:05:02Z, replayed 31 days later.
    expect(runs[0]!.endTime).toBe('2026-01-01T03:05:02.000Z');

    const redis = data<{ instances: Record<string, unknown>[] }>(r, 'gcp.redis').instances;
    expect(redis).toEqual([
      expect.objectContaining({
        name: 'coditect-redis-staging',
        location: 'us-central1',
        state: 'CREATING',
        authEnabled: false, // absent in the answer: proto3 default
        transitEncryptionMode: 'DISABLED',
        persistenceConfig: { persistenceMode: 'DISABLED' },
        labels: {},
      }),
    ]);

    expect(data(r, 'gcp.kms')).toEqual({ read: [`projects/${P}/locations/us-central1`], keyRings: [] });
    expect(data<{ keys: unknown[] }>(r, 'gcp.kms-iam').keys).toEqual([
      {
        project: P,
        location: 'us-central1',
        keyRing: 'license-signing-keyring',
        key: 'license-signing-key',
        exists: false,
      },
    ]);
    const gke = data<{ clusters: Record<string, unknown>[] }>(r, 'gcp.gke').clusters[0]!;
    expect(gke).toMatchObject({
      name: 'coditect-cluster',
      databaseEncryption: { state: 'DECRYPTED', currentState: 'CURRENT_STATE_DECRYPTED' },
      loggingComponents: ['SYSTEM_COMPONENTS'],
      managedPrometheus: true,
    });
    expect(gke.workloadPool).toBeUndefined();
    expect(
      data<{ projects: { projectNumber: string; enabled: string[] }[] }>(r, 'gcp.services').projects[0],
    ).toMatchObject({
      projectNumber: '374018874256',
    });
    expect(data<{ projects: { projectNumber: string }[] }>(r, 'gcp.iam').projects[0]!.projectNumber).toBe(
      '374018874256',
    );
    expect(
      data<{ serviceAccounts: { exists: boolean }[] }>(r, 'gcp.iam-service-accounts').serviceAccounts[0]!.exists,
    ).toBe(false);
    const images = data<{ repositories: { images: { tags: string[]; mediaType: string }[] }[] }>(
      r,
      'gcp.artifactregistry-images',
    ).repositories[0]!.images;
    expect(images.find((i) => i.tags.includes('v1.0.0-staging'))?.mediaType).toBe(
      'application/vnd.oci.image.index.v1+json',
    );
  });

  it('records the disabled Identity Toolkit API as an answer (no provider), not an error', async () => {
    const e = await emulator(STAGING);
    const r = await run(e.url);
    expect(status(r, 'gcp.identity')).toBe('ok');
    expect(problems(r, 'gcp.identity')).toEqual([]);
    expect(data<{ projects: Record<string, unknown>[] }>(r, 'gcp.identity').projects).toEqual([
      { project: P, exists: false, apiEnabled: false, signIn: {}, authorizedDomains: [], idpConfigs: [] },
    ]);
    const others = Object.entries(r.facets).filter(([name, f]) => name !== 'gcp.identity' && f?.status !== 'ok');
    expect(others).toEqual([]);
  });

  it('only reads: no mutating request, no credentials sent, never the AUTH string or a secret payload', async () => {
    const e = await emulator(STAGING);
    await run(e.url);
    const log = e.server.requests;
    expect(log.length).toBeGreaterThan(15);
    expect(e.server.mutatingRequests()).toEqual([]);
    expect(log.filter((q) => q.authorized)).toEqual([]);
    expect(log.filter((q) => q.method === 'POST').every((q) => q.path.endsWith(':getIamPolicy'))).toBe(true);
    expect(log.filter((q) => /authString|:access|\/versions\/[^/]+$/.test(q.path))).toEqual([]);
  });
});

describe('the remediated recordings', () => {
  it('drops every secret the APIs return: API key, hash signer key, salt separator, IdP client secret', async () => {
    const e = await emulator(REMEDIATED);
    const r = await run(e.url);
    const text = JSON.stringify(r);
    for (const canary of ['CANARY', 'AIzaSy', 'GOCSPX', 'BEGIN CERTIFICATE', 'BwZ']) expect(text).not.toContain(canary);
    expect(data<{ projects: unknown[] }>(r, 'gcp.identity').projects[0]).toMatchObject({
      exists: true,
      subtype: 'IDENTITY_PLATFORM',
      idpConfigs: [{ idp: 'google.com', enabled: true, clientIdSet: true }],
    });
  });

  it('lists key versions of asymmetric keys, the primary of symmetric ones', async () => {
    const e = await emulator(REMEDIATED);
    const r = await run(e.url);
    const rings = data<{ keyRings: { name: string; keys: Record<string, unknown>[] }[] }>(r, 'gcp.kms').keyRings;
    const signing = rings.find((k) => k.name === 'license-signing-keyring')!.keys[0]!;
    expect(signing).toMatchObject({
      purpose: 'ASYMMETRIC_SIGN',
      algorithm: 'RSA_SIGN_PKCS1_4096_SHA512',
      versions: [{ name: '1', state: 'ENABLED', algorithm: 'RSA_SIGN_PKCS1_4096_SHA512' }],
    });
    expect(signing.rotationPeriodSeconds).toBeUndefined();
    const etcd = rings.find((k) => k.name === 'gke-secrets-keyring')!.keys[0]!;
    expect(etcd).toMatchObject({ primary: { name: '1', state: 'ENABLED' }, rotationPeriodSeconds: 7_776_000 });
    expect(etcd.versions).toBeUndefined();
  });

  it('pages through every list to the end: one item per page gives the same facets', async () => {
    const whole = await emulator(REMEDIATED);
    const paged = await emulator(REMEDIATED, 1);
    const [a, b] = await Promise.all([run(whole.url), run(paged.url)]);
    expect(b.facets).toEqual(a.facets);
    expect(paged.server.requests.length).toBeGreaterThan(whole.server.requests.length + 10);
    expect(paged.server.requests.some((q) => q.query.includes('pageToken='))).toBe(true);
  });
});

describe('faults', () => {
  const fast: GcpLayerConfig = { timeoutMs: 400, retries: 2, retryBudgetMs: 5_000 };

  it('429 with Retry-After: waits as told, retries, and reads the data', async () => {
    const e = await emulator(STAGING);
    e.server.inject({
      path: `/v1/projects/${P}/instances`,
      fault: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      times: 1,
    });
    const t = Date.now();
    const r = await run(e.url, { ...fast, services: ['sqladmin'] });
    expect(Date.now() - t).toBeGreaterThanOrEqual(1_000);
    expect(data<{ instances: unknown[] }>(r, 'gcp.sql').instances).toHaveLength(1);
    expect(e.server.requests.filter((q) => q.path === `/v1/projects/${P}/instances`)).toHaveLength(2);
  });

  it('a Retry-After beyond the retry budget gives up at once instead of waiting', async () => {
    const e = await emulator(STAGING);
    e.server.inject({
      path: `/v1/projects/${P}/instances`,
      fault: { kind: 'status', status: 429, retryAfterSeconds: 120 },
    });
    const r = await run(e.url, { ...fast, services: ['sqladmin'] });
    expect(status(r, 'gcp.sql')).toBe('error');
    expect(problems(r, 'gcp.sql')[0]).toMatchObject({ cause: 'rate-limited' });
    // Asked once, not again after the 120 s it was told (waiting them out would outlast the test's timeout).
    expect(e.server.requests.filter((q) => q.path === `/v1/projects/${P}/instances`)).toHaveLength(1);
  });

  it("503 on one API: bounded retries, an error of that API's facet, the others read", async () => {
    const e = await emulator(STAGING);
    e.server.inject({ path: '/locations/-/instances', fault: { kind: 'status', status: 503 } });
    const r = await run(e.url, { ...fast, services: ['redis', 'sqladmin'] });
    expect(status(r, 'gcp.redis')).toBe('error');
    const [p] = problems(r, 'gcp.redis');
    expect(p).toMatchObject({
      cause: 'unavailable',
      subject: `redis.googleapis.com projects.locations.instances.list projects/${P}/locations/-`,
    });
    expect(p!.message).toContain('after 3 attempts');
    expect(e.server.requests.filter((q) => q.path.endsWith('/locations/-/instances'))).toHaveLength(3);
    expect(status(r, 'gcp.sql')).toBe('ok');
  });

  it('a call that does not answer times out, bounded by timeoutMs and the retries', async () => {
    const e = await emulator(STAGING);
    e.server.inject({ path: `/v1/projects/${P}/secrets`, fault: { kind: 'delay', ms: 5_000 } });
    const r = await run(e.url, { timeoutMs: 300, retries: 1, services: ['secretmanager'] });
    expect(status(r, 'gcp.secretmanager')).toBe('error');
    // The emulator's 5 s delay and the 300 ms timeout share this process's event loop, so the timeout fires
    // first however loaded the machine is: `timeout` after two attempts, not the late answer, and no wall clock.
    expect(problems(r, 'gcp.secretmanager')[0]).toMatchObject({ cause: 'timeout' });
    expect(e.server.requests.filter((q) => q.path === `/v1/projects/${P}/secrets`)).toHaveLength(2);
    expect(problems(r, 'gcp.secretmanager')[0]!.fix).toContain('layers.gcp.timeoutMs');
  });

  it('403 on the instance list: the Cloud SQL facets fail naming the permission and a role; nothing else does', async () => {
    const e = await emulator(STAGING);
    e.server.inject({
      path: `/v1/projects/${P}/instances`,
      fault: {
        kind: 'status',
        status: 403,
        body: {
          error: {
            code: 403,
            status: 'PERMISSION_DENIED',
            message: `The client is not authorized to make this request.`,
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'IAM_PERMISSION_DENIED' }],
          },
        },
      },
    });
    const r = await run(e.url, { ...fast, services: ['sqladmin', 'redis'] });
    // Every facet the reader fills (its rows name them), the per-instance ones included: none is read.
    const sqlFacets = Object.values(SQL_API_CALLS).flatMap((row) => row.facets);
    expect(sqlFacets.length).toBeGreaterThanOrEqual(4);
    for (const f of sqlFacets) expect(status(r, f), f).toBe('error');
    const [p] = problems(r, 'gcp.sql');
    expect(p).toMatchObject({
      cause: 'permission-denied',
      subject: `sqladmin.googleapis.com instances.list projects/${P}`,
    });
    expect(p!.fix).toContain('cloudsql.instances.list');
    expect(p!.fix).toContain('roles/cloudsql.viewer');
    expect(status(r, 'gcp.redis')).toBe('ok');
    // A permission error is not retried.
    expect(e.server.requests.filter((q) => q.path === `/v1/projects/${P}/instances`)).toHaveLength(1);
  });

  it('a project without Cloud SQL instances: every per-instance facet is read, complete and empty', async () => {
    const e = await emulator(STAGING);
    e.server.inject({ path: `/v1/projects/${P}/instances`, fault: { kind: 'status', status: 200, body: {} } });
    const r = await run(e.url, { ...fast, services: ['sqladmin'] });
    for (const f of Object.values(SQL_API_CALLS).flatMap((row) => row.facets))
      expect(data<{ instances: unknown[] }>(r, f).instances, f).toEqual([]);
    expect(e.server.requests.filter((q) => q.path.includes('/instances/'))).toHaveLength(0);
  });

  it('malformed JSON is an error of that facet, not a crash', async () => {
    const e = await emulator(STAGING);
    e.server.inject({ path: `/v1/projects/${P}/services`, fault: { kind: 'malformed' } });
    const r = await run(e.url, { ...fast, services: ['serviceusage', 'container'] });
    expect(status(r, 'gcp.services')).toBe('error');
    expect(problems(r, 'gcp.services')[0]).toMatchObject({ cause: 'malformed' });
    expect(status(r, 'gcp.gke')).toBe('ok');
  });

  it('a page token that repeats stops the listing with an error instead of looping', async () => {
    const e = await emulator(REMEDIATED, 2);
    e.repeatPageToken('/alertPolicies');
    const r = await run(e.url, { ...fast, services: ['monitoring'] });
    expect(status(r, 'gcp.monitoring')).toBe('error');
    expect(problems(r, 'gcp.monitoring')[0]).toMatchObject({ cause: 'pagination' });
    expect(e.server.requests.filter((q) => q.path.endsWith('/alertPolicies'))).toHaveLength(2);
    expect(status(r, 'gcp.monitoring-uptime')).toBe('ok');
  });

  it('a dropped connection is retried like a 503', async () => {
    const e = await emulator(STAGING);
    e.server.inject({ path: '/locations/-/clusters', fault: { kind: 'reset' }, times: 1 });
    const r = await run(e.url, { ...fast, services: ['container'] });
    expect(data<{ clusters: unknown[] }>(r, 'gcp.gke').clusters).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('reads only the configured APIs; the others are absent with the reason', async () => {
    const e = await emulator(STAGING);
    const r = await run(e.url, { services: ['redis'] });
    expect(status(r, 'gcp.redis')).toBe('ok');
    expect(r.facets['gcp.sql']).toEqual({
      status: 'absent',
      reason: 'layers.gcp.services does not include sqladmin for staging',
    });
    expect(e.server.requests.every((q) => q.path.includes('/locations/-/instances'))).toBe(true);
  });

  it('endpointOnly without an endpoint calls nothing and reports the layer as not configured', async () => {
    const r = await collect({
      root: '.',
      environment: 'staging',
      expectations,
      config: { endpointOnly: true },
      overrides: {},
      progress: () => {},
    });
    expect(r.state.status).toBe('not-configured');
    expect(r.state.reason).toContain('CODITECT_AUDIT_GCP_ENDPOINT');
    expect(Object.values(r.facets).every((f) => f?.status === 'absent')).toBe(true);
  });

  it('CODITECT_AUDIT_GCP_ENDPOINT overrides layers.gcp.endpoint; a per-API endpoint overrides both', async () => {
    const staging = await emulator(STAGING);
    const remediated = await emulator(REMEDIATED);
    process.env.CODITECT_AUDIT_GCP_ENDPOINT = remediated.url;
    try {
      const r = await run('http://127.0.0.1:9', {
        services: ['redis', 'sqladmin'],
        endpoints: { sqladmin: staging.url },
      });
      expect(data<{ instances: { state: string }[] }>(r, 'gcp.redis').instances[0]!.state).toBe('READY');
      expect(
        data<{ instances: { settings: { availabilityType: string } }[] }>(r, 'gcp.sql').instances[0]!.settings
          .availabilityType,
      ).toBe('ZONAL');
    } finally {
      delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
    }
  });

  it('an endpoint that is not a base URL fails the layer with a message naming the setting', async () => {
    process.env.CODITECT_AUDIT_GCP_ENDPOINT = 'http://127.0.0.1:8085/v1/projects';
    try {
      const r = await run('http://127.0.0.1:1');
      expect(r.state.status).toBe('failed');
      expect(r.state.reason).toContain('CODITECT_AUDIT_GCP_ENDPOINT');
      expect(r.state.reason).toContain('scheme, host and port only');
    } finally {
      delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
    }
  });

  it('without Application Default Credentials every configured API is an error naming how to log in', async () => {
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = join(import.meta.dirname, 'no-such-key-file.json');
    try {
      const r = await collect({
        root: '.',
        environment: 'staging',
        expectations,
        config: { services: ['serviceusage', 'redis'] },
        overrides: {},
        progress: () => {},
      });
      expect(r.state.status).toBe('failed');
      for (const f of ['gcp.services', 'gcp.redis']) {
        expect(status(r, f)).toBe('error');
        expect(problems(r, f)[0]).toMatchObject({ cause: 'credentials' });
        expect(problems(r, f)[0]!.fix).toContain('gcloud auth application-default login');
      }
    } finally {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    }
  });
});
