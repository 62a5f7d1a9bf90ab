/**
 * The GCP emulator itself: recorded files by REST path, routed by Google's declared bindings (an undeclared
 * verb or path gets the front end's HTML 404, an undeclared query parameter a 400), Google's error shape,
 * pagination where the method declares it, enums as numbers when asked, IAM policy versions, recorded
 * errors, time shifting, and the read-only guard that makes a mutating call visible (and refused).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterEach, describe, expect, it } from 'vitest';

let emulator: GcpEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function dataDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcp-emulator-'));
  for (const [path, body] of Object.entries(files)) {
    const file = join(dir, `${path}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(body));
  }
  return dir;
}

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emulator!.url}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the GCP emulator', () => {
  it("serves a recorded file by its REST path and ignores the clients' $alt parameter", async () => {
    emulator = await startGcpEmulator({ dataDir: dataDir({ 'v1/projects/p/secrets': { secrets: [{ name: 'a' }] } }) });
    expect(await get('/v1/projects/p/secrets?$alt=json%3Benum-encoding=int')).toEqual({
      status: 200,
      body: { secrets: [{ name: 'a' }] },
    });
  });

  it("answers 404 in Google's error shape for a declared path with no recording, and refuses path tricks", async () => {
    emulator = await startGcpEmulator({ dataDir: dataDir({ 'v1/projects/p/secrets': {} }) });
    const missing = await get('/v1/projects/q/secrets');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    const trick = await fetch(`${emulator.url}/v1/projects/p/..%2F..%2Fsecrets`);
    expect([trick.status, trick.headers.get('content-type')]).toEqual([404, 'text/html; charset=UTF-8']);
    await trick.text();
  });

  it("answers an undeclared verb or path with the front end's HTML 404, as Google does", async () => {
    const key = 'v1/projects/p/locations/l/keyRings/r/cryptoKeys/k';
    emulator = await startGcpEmulator({ dataDir: dataDir({ [`${key}%3AgetIamPolicy`]: { bindings: [] } }) });
    expect((await get(`/${key}:getIamPolicy?options.requestedPolicyVersion=3`)).status).toBe(200);
    for (const [method, path] of [
      ['POST', `/${key}:getIamPolicy`],
      ['GET', '/v1/projects/p/nothing-declared-here'],
    ] as const) {
      const res = await fetch(`${emulator.url}${path}`, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(await res.text()).toMatch(/^<!DOCTYPE html>[\s\S]*Error 404 \(Not Found\)/);
    }
  });

  it('rejects a query parameter the method does not declare with 400, accepting the system ones', async () => {
    emulator = await startGcpEmulator({ dataDir: dataDir({ 'v1/projects/p/secrets': { secrets: [] } }) });
    expect(
      (await get('/v1/projects/p/secrets?pageSize=2&filter=x&$alt=json%3Benum-encoding=int&prettyPrint=false')).status,
    ).toBe(200);
    const wrong = await get('/v1/projects/p/secrets?maxResults=2');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      error: { status: 'INVALID_ARGUMENT', message: expect.stringContaining('"maxResults"') },
    });
  });

  it('serves enums as numbers when the request asks enum-encoding=int, names otherwise', async () => {
    const keys = {
      cryptoKeys: [
        { name: 'k', purpose: 'ASYMMETRIC_SIGN', versionTemplate: { algorithm: 'RSA_SIGN_PKCS1_4096_SHA512' } },
      ],
    };
    emulator = await startGcpEmulator({
      dataDir: dataDir({ 'v1/projects/p/locations/l/keyRings/r/cryptoKeys': keys }),
    });
    const path = '/v1/projects/p/locations/l/keyRings/r/cryptoKeys';
    expect((await get(path)).body).toEqual(keys);
    expect((await get(`${path}?$alt=json%3Benum-encoding=int`)).body).toEqual({
      cryptoKeys: [{ name: 'k', purpose: 5, versionTemplate: { algorithm: 16 } }],
    });
  });

  it('answers a version-1 read of a conditional IAM policy as IAM does: conditions dropped, roles suffixed', async () => {
    const sa = 'v1/projects/p/serviceAccounts/a@p.iam.gserviceaccount.com';
    const policy = {
      version: 3,
      bindings: [
        { role: 'roles/iam.workloadIdentityUser', members: ['user:a@example.com'], condition: { expression: 'true' } },
      ],
    };
    emulator = await startGcpEmulator({ dataDir: dataDir({ [`${sa}%3AgetIamPolicy`]: policy }) });
    const asked = await get(`/${sa}:getIamPolicy?options.requestedPolicyVersion=3`, { method: 'POST' });
    expect(asked.body).toEqual(policy);
    // The options in a body IAM declares no body for are ignored: version 1.
    const inBody = await get(`/${sa}:getIamPolicy`, {
      method: 'POST',
      body: '{"options":{"requestedPolicyVersion":3}}',
    });
    expect(inBody.body).toMatchObject({
      version: 1,
      bindings: [{ role: expect.stringMatching(/^roles\/iam\.workloadIdentityUser_withcond_/) }],
    });
    expect((inBody.body.bindings as { condition?: unknown }[])[0]!.condition).toBeUndefined();
  });

  it('pages a list with pageSize/maxResults and pageToken, but not the calls Google does not page', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({
        'v1/projects/p/instances': { kind: 'sql#instancesList', items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
        'v1/projects/p/instances/db/users': { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
        'v1/projects/p/locations/-/clusters': { clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      }),
      maxPageSize: 2,
    });
    const first = await get('/v1/projects/p/instances');
    expect(first.body.items).toEqual([{ name: 'a' }, { name: 'b' }]);
    const second = await get(`/v1/projects/p/instances?maxResults=5&pageToken=${String(first.body.nextPageToken)}`);
    expect(second.body).toEqual({ kind: 'sql#instancesList', items: [{ name: 'c' }] });
    expect((await get('/v1/projects/p/locations/-/clusters')).body.clusters).toHaveLength(3);
    expect((await get('/v1/projects/p/instances/db/users')).body.items).toHaveLength(3);
    expect((await get('/v1/projects/p/instances?pageToken=garbage')).status).toBe(400);
  });

  it('answers a recorded error with its status (a disabled API)', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({
        'v2/projects/p/config': { error: { code: 403, status: 'PERMISSION_DENIED', message: 'disabled' } },
      }),
    });
    expect((await get('/v2/projects/p/config')).status).toBe(403);
  });

  it('allows read POSTs, and logs and refuses every other write', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({ 'v3/projects/p%3AgetIamPolicy': { bindings: [] }, 'v1/projects/p/secrets': {} }),
    });
    expect((await get('/v3/projects/p:getIamPolicy', { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await get('/v1/projects/p/secrets', { method: 'POST', body: '{"replication":{}}' })).status).toBe(405);
    expect((await get('/v1/projects/p/secrets/s', { method: 'DELETE' })).status).toBe(405);
    expect(emulator.server.mutatingRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/projects/p/secrets',
      'DELETE /v1/projects/p/secrets/s',
    ]);
  });

  it('shifts recorded times so the recording replays as of now', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({
        _recording: { recordedAt: '2025-12-01T07:00:00Z' },
        'v1/projects/p/instances/db/backupRuns': {
          items: [
            {
              id: '1',
              endTime: '2025-12-01T03:00:00.000Z',
              startTime: '2024-09-02T07:15:00.000-07:00',
              window: '03:00',
            },
          ],
        },
      }),
      now: () => new Date('2025-12-02T07:00:00Z'),
    });
    const { body } = await get('/v1/projects/p/instances/db/backupRuns');
    expect(body.items).toEqual([
      { id: '1', endTime: '2025-12-02T03:00:00.000Z', startTime: '2024-09-03T14:15:00.000Z', window: '03:00' },
    ]);
  });

  it('repeats a page token forever when asked to (the fault the collector must survive)', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({ 'v3/projects/p/alertPolicies': { alertPolicies: [{ name: 'a' }, { name: 'b' }] } }),
      maxPageSize: 1,
    });
    emulator.repeatPageToken('/alertPolicies');
    const a = await get('/v3/projects/p/alertPolicies');
    const b = await get(`/v3/projects/p/alertPolicies?pageToken=${String(a.body.nextPageToken)}`);
    expect(b.body).toEqual(a.body);
  });
});
