/**
 * Writes to Cloud Storage (the fleet's snapshots and merged.json through bucket.ts, `scan --upload` through
 * upload.ts) survive a connection the network closes under them, as Google's client survives it for a read:
 * the write is sent again. Before, a write was never retried (the client retries one only with a generation
 * precondition), so one EPIPE ended the fleet's merge step with exit 3.
 * And the emulator, like Google's front end, keeps an idle connection open. With Node's default it closed
 * one after 5 s idle; the merge step, its event loop busy merging the shards for longer than that on a
 * loaded machine, then wrote merged.json into the connection it still held: "write EPIPE" (reproduced every
 * time by a client that blocks its event loop for 6 s between a read and a 2 MB simple upload).
 */
import { connect } from 'node:net';
import type { ScanResult } from '@coditect-audit/core';
import { type GcsEmulator, startGcsEmulator } from '@coditect-audit/emulators/gcs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText, writeText } from '../packages/cli/src/bucket.js';
import { uploadResults } from '../packages/cli/src/upload.js';

let gcs: GcsEmulator;
beforeAll(async () => {
  gcs = await startGcsEmulator({ buckets: ['results'] });
  // Read by the client when it is made (bucket.ts makes one, on first use).
  process.env.STORAGE_EMULATOR_HOST = gcs.url;
});
afterAll(async () => {
  delete process.env.STORAGE_EMULATOR_HOST;
  await gcs.stop();
});

describe('a write whose connection is closed under it', () => {
  it('writeText (the fleet): sent again, and the object is there', async () => {
    gcs.drop('/upload/', 1);
    await writeText('gs://results/fleet/job-1/merged.json', '{"merged":true}\n');
    expect(gcs.objects('results').get('fleet/job-1/merged.json')?.data.toString('utf8')).toBe('{"merged":true}\n');
    expect(await readText('gs://results/fleet/job-1/merged.json', 'merged snapshot')).toBe('{"merged":true}\n');
    // The dropped request and the one that went through (the object name is in the multipart body).
    expect(gcs.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/upload/'))).toHaveLength(2);
  });

  it('uploadResults (scan --upload): every report and latest.json are written', async () => {
    const before = gcs.requests.filter((r) => r.method === 'POST').length;
    gcs.drop('/upload/', 2);
    const result = { environment: { name: 'staging' }, gate: { status: 'pass', exitCode: 0 } } as unknown as ScanResult;
    const done = await uploadResults({ bucket: 'results', prefix: 'audits' }, result, [
      { name: 'coditect-audit.json', contentType: 'application/json', content: '{}' },
      { name: 'coditect-audit.md', contentType: 'text/markdown; charset=utf-8', content: '# ok\n' },
    ]);
    expect(done.objects).toHaveLength(2);
    const names = [...gcs.objects('results').keys()].filter((n) => n.startsWith('audits/'));
    expect(names.sort()).toEqual([...done.objects, 'audits/staging/latest.json'].sort());
    // 3 objects, 2 of the sends dropped.
    expect(gcs.requests.filter((r) => r.method === 'POST').length - before).toBe(5);
  });

  it('a write that keeps failing still fails, naming the object (exit 3 in the CLI)', async () => {
    gcs.drop('/upload/', 100);
    await expect(writeText('gs://results/fleet/job-2/merged.json', '{}')).rejects.toThrow(
      /gs:\/\/results\/fleet\/job-2\/merged\.json: cannot be written/,
    );
  }, 120_000);
});

describe('the emulator, like Google, keeps an idle connection open', () => {
  it('answers a second request on one connection after more than 5 s idle', async () => {
    const socket = connect(Number(new URL(gcs.url).port), '127.0.0.1');
    const answers: string[] = [];
    let buffered = '';
    socket.on('data', (d) => {
      buffered += d.toString('utf8');
      for (let end = buffered.indexOf('}'); end !== -1; end = buffered.indexOf('}')) {
        answers.push(buffered.slice(0, end + 1));
        buffered = buffered.slice(end + 1);
      }
    });
    let open = true;
    const closed = new Promise<void>((r) =>
      socket.on('close', () => {
        open = false;
        r();
      }),
    );
    const get = () => socket.write('GET /storage/v1/b/results HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    const answered = async (n: number) => {
      while (answers.length < n && open) await new Promise((r) => setTimeout(r, 20));
    };
    get();
    await answered(1);
    // Node's default keepAliveTimeout is 5 s; Google's front end keeps the connection for minutes.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(open, 'the emulator closed the idle connection').toBe(true);
    get();
    await answered(2);
    expect(answers[1]).toMatch(/"storage#bucket"/);
    socket.destroy();
    await closed;
  }, 30_000);
});
