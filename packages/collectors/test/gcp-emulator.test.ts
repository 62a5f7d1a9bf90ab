/**
 * The GCP emulator itself: recorded files by REST path, Google's error shape, pagination, recorded errors,
 * time shifting, and the read-only guard that makes a mutating call visible (and refused).
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

  it("answers 404 in Google's error shape for a path with no recording, and refuses path tricks", async () => {
    emulator = await startGcpEmulator({ dataDir: dataDir({ 'v1/projects/p/secrets': {} }) });
    const missing = await get('/v1/projects/q/secrets');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    expect((await get('/v1/projects/p/..%2F..%2Fsecrets')).status).toBe(404);
  });

  it('pages a list with pageSize/maxResults and pageToken, but not the calls Google does not page', async () => {
    emulator = await startGcpEmulator({
      dataDir: dataDir({
        'v1/projects/p/instances': { kind: 'sql#instancesList', items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
        'v1/projects/p/locations/-/clusters': { clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      }),
      maxPageSize: 2,
    });
    const first = await get('/v1/projects/p/instances');
    expect(first.body.items).toEqual([{ name: 'a' }, { name: 'b' }]);
    const second = await get(`/v1/projects/p/instances?maxResults=5&pageToken=${String(first.body.nextPageToken)}`);
    expect(second.body).toEqual({ kind: 'sql#instancesList', items: [{ name: 'c' }] });
    expect((await get('/v1/projects/p/locations/-/clusters')).body.clusters).toHaveLength(3);
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
    expect((await get('/v1/projects/p/secrets', { method: 'POST', body: '{}' })).status).toBe(405);
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
