/**
 * Contract tests against Google's own definitions (the bindings and message types generated from the
 * pinned clients' protos and discovery packages, `@coditect-audit/emulators/gcp`):
 * - every recording under fixtures/<fixture>/gcp is a valid answer of the method its path names: no
 *   unknown field, every enum value real, int64 as strings, wrappers plain, timestamps RFC 3339;
 * - every request the collectors make is a declared verb, path and query, with no body where the method
 *   takes none, and every answer the emulator gives them is valid for the method;
 * - the API call table (docs/gcp-permissions.md) names the declared verb, path and query of each call;
 * - a copy with one field renamed, or a request with another verb, fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { resolveExpectations } from '@coditect-audit/core';
import {
  checkShape,
  findRoute,
  GCP_DECLARED,
  type GcpEmulator,
  routesForPath,
  startGcpEmulator,
  undeclaredQuery,
} from '@coditect-audit/emulators/gcp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GCP_DOCTOR_CALLS, type GcpApiCall, gcpApiCalls } from '../src/gcp/api-calls.js';
import { collect, diagnose } from '../src/gcp/index.js';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const FIXTURES = ['adr-001-staging', 'adr-001-remediated'];
/** google.rpc.Code names, the `status` of a JSON error. */
const RPC_CODES = new Set(
  'OK CANCELLED UNKNOWN INVALID_ARGUMENT DEADLINE_EXCEEDED NOT_FOUND ALREADY_EXISTS PERMISSION_DENIED RESOURCE_EXHAUSTED FAILED_PRECONDITION ABORTED OUT_OF_RANGE UNIMPLEMENTED INTERNAL UNAVAILABLE DATA_LOSS UNAUTHENTICATED'.split(
    ' ',
  ),
);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

/** The REST path a recording answers: its file path, `%3A` as `:`. */
const pathOf = (root: string, file: string) =>
  `/${relative(root, file)
    .replace(/\.json$/, '')
    .split('/')
    .map(decodeURIComponent)
    .join('/')}`;

/** The read a recording answers: the GET, or the read POST (`:getIamPolicy` of Resource Manager and IAM). */
function readRouteOf(path: string) {
  const routes = routesForPath(path);
  return routes.find((r) => r.binding.verb === 'GET') ?? routes.find((r) => /IamPolicy$/i.test(r.binding.method));
}

/** What is wrong with a recording, as `path: problem` lines; none for a valid one. */
function recordingIssues(path: string, body: Record<string, unknown>): string[] {
  const route = readRouteOf(path);
  if (!route) return [`no declared read for ${path}`];
  const error = body.error as { code?: unknown; message?: unknown; status?: unknown } | undefined;
  if (error) {
    const out: string[] = [];
    if (!Number.isInteger(error.code)) out.push('error.code: not an integer');
    if (typeof error.message !== 'string') out.push('error.message: not a string');
    if (!RPC_CODES.has(String(error.status)))
      out.push(`error.status: ${String(error.status)} is not a google.rpc.Code`);
    return out;
  }
  return checkShape(route.binding.response, body).map((i) => `${i.path}: ${i.problem}`);
}

const recordings = FIXTURES.flatMap((fixture) => {
  const root = join(fixtures, fixture, 'gcp');
  return walk(root)
    .filter((f) => !f.endsWith('_recording.json'))
    .map((file) => ({ name: `${fixture} ${pathOf(root, file)}`, path: pathOf(root, file), file }));
});

describe('recordings against the pinned clients', () => {
  it('covers every recording of both fixtures', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(40);
  });

  it.each(recordings)('$name', ({ path, file }) => {
    expect(recordingIssues(path, JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('a copy with one field renamed, an int64 as a number, a wrapper as { value } or a wrong enum fails', () => {
    const root = join(fixtures, 'adr-001-remediated/gcp');
    const file = join(root, 'compute/v1/projects/coditect-cloud-infra/global/sslCertificates.json');
    const body = JSON.parse(readFileSync(file, 'utf8')) as { items: Record<string, unknown>[] };
    const path = pathOf(root, file);
    const renamed = structuredClone(body);
    renamed.items[0]!.selfLinkk = renamed.items[0]!.selfLink;
    delete renamed.items[0]!.selfLink;
    expect(recordingIssues(path, renamed)).toEqual([
      'items[0].selfLinkk: unknown field of google.cloud.compute.v1.SslCertificate',
    ]);
    const listPath = '/compute/v1/projects/p/global/securityPolicies';
    expect(recordingIssues(listPath, { selfLink: 'https://x' })).toEqual([
      'selfLink: unknown field of google.cloud.compute.v1.SecurityPolicyList',
    ]);
    expect(recordingIssues(listPath, { items: [{ id: 3847561029 }] })).toEqual([
      'items[0].id: uint64 must be a decimal string, got number',
    ]);
    const sql = '/v1/projects/p/instances';
    expect(
      recordingIssues(sql, {
        items: [{ settings: { storageAutoResize: { value: true }, availabilityType: 'HIGHLY_AVAILABLE' } }],
      }),
    ).toEqual([
      'items[0].settings.storageAutoResize: google.protobuf.BoolValue is a plain bool in JSON, not { value }',
      'items[0].settings.availabilityType: "HIGHLY_AVAILABLE" is not a value of enum google.cloud.sql.v1.SqlAvailabilityType',
    ]);
    expect(recordingIssues('/v1/projects/p/secrets', { secrets: [{ createTime: '2025-13-01 07:00' }] })).toEqual([
      'secrets[0].createTime: Timestamp must be an RFC 3339 string, got "2025-13-01 07:00"',
    ]);
    expect(
      recordingIssues('/v1/projects/p/locations/l/keyRings/r/cryptoKeys', { cryptoKeys: [{ purpose: 1 }] }),
    ).toEqual([
      'cryptoKeys[0].purpose: enum google.cloud.kms.v1.CryptoKey.CryptoKeyPurpose as the number 1: Google answers names unless asked for enum-encoding=int',
    ]);
  });
});

describe('the API call table against the declared bindings', () => {
  const calls = Object.entries({ ...gcpApiCalls(), ...GCP_DOCTOR_CALLS }) as [string, GcpApiCall][];
  it.each(calls)('%s', (_, call) => {
    const path = call.path.replace(/\{(\w+)\}/g, (_m, v: string) =>
      v === 'email' ? 'a@p.iam.gserviceaccount.com' : `${v}-x`,
    );
    const route = findRoute(call.http, path.replace('/locations/location-x/instances', '/locations/-/instances'));
    expect(route, `${call.http} ${call.path} is not declared`).toBeDefined();
    expect(route!.service).toBe(call.service);
    expect(undeclaredQuery(route!, call.query ?? [])).toEqual([]);
  });

  it('names the KMS key policy read as Cloud KMS declares it, and a POST is not declared', () => {
    const path = '/v1/projects/p/locations/l/keyRings/r/cryptoKeys/k:getIamPolicy';
    expect(findRoute('GET', path)?.binding).toMatchObject({ query: ['options.requestedPolicyVersion'] });
    expect(findRoute('POST', path)).toBeUndefined();
    const sa = findRoute('POST', '/v1/projects/p/serviceAccounts/a@p.iam.gserviceaccount.com:getIamPolicy')!;
    expect(sa.binding.body).toBeUndefined();
    expect(sa.binding.query).toEqual(['options.requestedPolicyVersion']);
  });
});

describe('every request the collectors make, and every answer they get', () => {
  let emulators: GcpEmulator[] = [];
  beforeAll(() => {
    delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
  });
  afterEach(async () => {
    await Promise.all(emulators.map((e) => e.stop()));
    emulators = [];
  });

  it.each(FIXTURES)('%s: declared verbs, paths and queries, no undeclared body, valid answers', async (fixture) => {
    const emulator = await startGcpEmulator({ dataDir: join(fixtures, fixture, 'gcp'), maxPageSize: 1 });
    emulators.push(emulator);
    const result = await collect({
      root: '.',
      environment: 'staging',
      expectations: resolveExpectations({}),
      config: { endpoint: emulator.url },
      overrides: {},
      progress: () => {},
    });
    expect(result.state.status).toBe('collected');
    // Doctor's own calls too (Service Usage, testIamPermissions).
    const doctor = await diagnose({
      root: '.',
      environment: 'staging',
      expectations: resolveExpectations({}),
      config: { endpoint: emulator.url },
      overrides: {},
      progress: () => {},
    });
    expect(doctor.some((c) => c.kind === 'permissions' && c.status === 'ok')).toBe(true);
    const requests = [...emulator.server.requests];
    expect(requests.some((r) => r.path.endsWith(':testIamPermissions'))).toBe(true);
    expect(requests.length).toBeGreaterThan(25);
    const wrong: string[] = [];
    for (const r of requests) {
      const route = findRoute(r.method, r.path);
      if (!route) {
        wrong.push(`${r.method} ${r.path}: not declared`);
        continue;
      }
      const query = new URLSearchParams(r.query);
      const unknown = undeclaredQuery(route, query.keys());
      if (unknown.length) wrong.push(`${r.method} ${r.path}: undeclared query ${unknown.join(', ')}`);
      if (!route.binding.body && r.hasBody) wrong.push(`${r.method} ${r.path}: a body the method does not take`);
      if (r.method !== 'GET') continue;
      // The same request again: its answer must be a valid answer of the method (numbers for enums when asked).
      const res = await fetch(`${emulator.url}${r.path}${r.query}`);
      const text = await res.text();
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      if (res.status !== 200) continue;
      for (const issue of checkShape(route.binding.response, JSON.parse(text), {
        numericEnums: /enum-encoding=int/.test(decodeURIComponent(r.query)),
      }))
        wrong.push(`${r.method} ${r.path} answer ${issue.path}: ${issue.problem}`);
    }
    expect(wrong).toEqual([]);
    // The services the collectors read all went through the declared table or the official clients.
    expect(new Set(requests.map((r) => findRoute(r.method, r.path)?.service))).toEqual(
      new Set(Object.keys(GCP_DECLARED.bindings)),
    );
  });

  it('a request with another verb than declared is not declared, and the emulator answers as Google does', async () => {
    const emulator = await startGcpEmulator({ dataDir: join(fixtures, 'adr-001-remediated/gcp') });
    emulators.push(emulator);
    const path =
      '/v1/projects/coditect-cloud-infra/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key:getIamPolicy';
    expect(findRoute('POST', path)).toBeUndefined();
    const res = await fetch(`${emulator.url}${path}`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Error 404 (Not Found)');
  });
});

describe('enums as numbers through the official clients', () => {
  it('names what the pinned protos know and keeps a newer value as its number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcp-enums-'));
    const ring = 'v1/projects/p/locations/us-central1/keyRings';
    const files: Record<string, unknown> = {
      [ring]: { keyRings: [{ name: 'projects/p/locations/us-central1/keyRings/license-signing-keyring' }] },
      [`${ring}/license-signing-keyring/cryptoKeys`]: {
        cryptoKeys: [
          {
            name: 'projects/p/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key',
            purpose: 'ASYMMETRIC_SIGN',
            // A value the pinned protos do not have: Google sends its number when asked enum-encoding=int.
            versionTemplate: { algorithm: 9999, protectionLevel: 'HSM' },
            primary: {
              name: 'projects/p/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key/cryptoKeyVersions/1',
              state: 'ENABLED',
            },
          },
        ],
      },
    };
    for (const [path, body] of Object.entries(files)) {
      const file = join(dir, `${path}.json`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(body));
    }
    const emulator = await startGcpEmulator({ dataDir: dir });
    try {
      const result = await collect({
        root: '.',
        environment: 'staging',
        expectations: resolveExpectations({ project: 'p' }),
        config: { endpoint: emulator.url, services: ['cloudkms'] },
        overrides: {},
        progress: () => {},
      });
      const kms = result.facets['gcp.kms'] as { data: { keyRings: { keys: Record<string, unknown>[] }[] } };
      expect(kms.data.keyRings[0]!.keys[0]).toMatchObject({
        purpose: 'ASYMMETRIC_SIGN',
        algorithm: '9999',
        protectionLevel: 'HSM',
        primary: { state: 'ENABLED' },
      });
      // The client asked for numbers, and got them.
      const list = emulator.server.requests.find((r) => r.path.endsWith('/cryptoKeys'))!;
      expect(decodeURIComponent(list.query)).toContain('enum-encoding=int');
    } finally {
      await emulator.stop();
    }
  });
});
