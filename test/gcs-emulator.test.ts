/**
 * The Cloud Storage emulator speaks what the official client sends: a multipart upload, a resumable one in
 * several chunks, listing with a prefix and a delimiter, metadata and downloads (the client checks the
 * crc32c and md5 the emulator reports), and Google's errors for a missing bucket or object.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32c, type GcsEmulator, startGcsEmulator } from '@coditect-audit/emulators/gcs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

// The client the CLI uploads with, from the CLI package's own dependencies.
const { Storage } = (await import(
  pathToFileURL(createRequire(join(repoRoot, 'packages/cli/package.json')).resolve('@google-cloud/storage')).href
)) as typeof import('@google-cloud/storage');

describe('the Cloud Storage emulator', () => {
  let gcs: GcsEmulator;
  let storage: InstanceType<typeof Storage>;
  beforeAll(async () => {
    gcs = await startGcsEmulator({ buckets: ['results'], maxPageSize: 2 });
    storage = new Storage({ apiEndpoint: gcs.url, projectId: 'test' });
  });
  afterAll(() => gcs.stop());

  it('computes CRC32C as Cloud Storage does', () => {
    // RFC 3720's check value for "123456789" is 0xe3069283.
    expect(Buffer.from(crc32c(Buffer.from('123456789')), 'base64').toString('hex')).toBe('e3069283');
  });

  it('stores a multipart upload with its content type and metadata, and serves it back', async () => {
    const file = storage.bucket('results').file('a/b/report.json');
    await file.save('{"ok":true}', {
      resumable: false,
      contentType: 'application/json',
      metadata: { metadata: { run: '1' } },
    });
    const [meta] = await file.getMetadata();
    expect(meta).toMatchObject({ name: 'a/b/report.json', contentType: 'application/json', size: '11' });
    expect(meta.metadata).toEqual({ run: '1' });
    expect(meta.md5Hash).toBe(createHash('md5').update('{"ok":true}').digest('base64'));
    const [data] = await file.download();
    expect(data.toString()).toBe('{"ok":true}');
    expect(gcs.requests.every((r) => !r.authorized)).toBe(true);
  });

  it('takes a resumable upload in chunks', async () => {
    const content = Buffer.alloc(600 * 1024, 7);
    const file = storage.bucket('results').file('a/big.bin');
    await file.save(content, { resumable: true, chunkSize: 256 * 1024, contentType: 'application/octet-stream' });
    expect(gcs.objects('results').get('a/big.bin')!.data.equals(content)).toBe(true);
    expect(gcs.requests.filter((r) => r.method === 'PUT').length).toBeGreaterThan(1);
    const [data] = await file.download();
    expect(data.equals(content)).toBe(true);
  });

  it('lists with a prefix and a delimiter, page by page', async () => {
    for (const n of ['p/1.txt', 'p/2.txt', 'p/3.txt', 'p/sub/4.txt'])
      await storage.bucket('results').file(n).save(n, { resumable: false });
    const bucket = storage.bucket('results');
    const [files] = await bucket.getFiles({ prefix: 'p/', delimiter: '/', autoPaginate: true });
    expect(files.map((f) => f.name)).toEqual(['p/1.txt', 'p/2.txt', 'p/3.txt']);
    const [firstPage, next, response] = await bucket.getFiles({ prefix: 'p/', delimiter: '/', autoPaginate: false });
    expect(firstPage).toHaveLength(2);
    expect(next).toMatchObject({ pageToken: '2' });
    expect((response as { prefixes?: string[] }).prefixes).toEqual(['p/sub/']);
  });

  it("answers a missing bucket or object with Google's 404", async () => {
    await expect(storage.bucket('nope').file('x').save('x', { resumable: false })).rejects.toMatchObject({ code: 404 });
    await expect(storage.bucket('results').file('missing').download()).rejects.toMatchObject({ code: 404 });
  });
});
