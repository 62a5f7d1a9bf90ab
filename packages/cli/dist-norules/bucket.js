/**
 * Snapshots and reports in a Cloud Storage bucket (`gs://bucket/path`), for the fleet's Indexed Job: each
 * shard writes its snapshot there, the merge step reads them back. Through the official client
 * (`@google-cloud/storage`, imported only when a `gs://` path is given), with Application Default
 * Credentials (Workload Identity in a cluster); `STORAGE_EMULATOR_HOST` points it at a local emulator.
 * Any other path is a local file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '@coditect-audit/core';
import { describe, STORAGE_RETRY } from './upload.js';
export const isBucketPath = (path) => path.startsWith('gs://');
export function parseBucketPath(path) {
    const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])\/(.+)$/.exec(path);
    if (!m)
        throw new ConfigError(`${path}: not a Cloud Storage object; write gs://BUCKET/path/to/object.json`);
    return { bucket: m[1], name: m[2] };
}
let client;
async function fileAt(path) {
    const { bucket, name } = parseBucketPath(path);
    if (!client) {
        const { Storage } = await import('@google-cloud/storage');
        client = new Storage({ retryOptions: STORAGE_RETRY });
    }
    return client.bucket(bucket).file(name);
}
/** The text of a local file or a bucket object; a ConfigError (exit 3) naming it when it cannot be read. */
export async function readText(path, what) {
    try {
        if (!isBucketPath(path))
            return await readFile(path, 'utf8');
        const [data] = await (await fileAt(path)).download();
        return data.toString('utf8');
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw e;
        throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
    }
}
/** The bytes of a local file or a bucket object, as {@link readText} reads them. */
export async function readBytes(path, what) {
    try {
        if (!isBucketPath(path))
            return await readFile(path);
        const [data] = await (await fileAt(path)).download();
        return data;
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw e;
        throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
    }
}
/** The bytes of {@link readBytes} as text, failing as {@link readText} does (a text too long for a string). */
export function textOf(bytes, path, what) {
    try {
        return bytes.toString('utf8');
    }
    catch (e) {
        throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
    }
}
/** Writes a local file (creating its folder) or a bucket object (one simple upload, no resumable session). */
export async function writeText(path, text, contentType = 'application/json') {
    if (!isBucketPath(path)) {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
        return;
    }
    try {
        await (await fileAt(path)).save(text, { resumable: false, contentType, metadata: { contentType } });
    }
    catch (e) {
        throw new ConfigError(`${path}: cannot be written (${describe(e)}); the identity the scan runs as needs storage.objects.create on the bucket (roles/storage.objectCreator)`);
    }
}
async function exists(path) {
    if (!isBucketPath(path))
        return existsSync(path);
    try {
        const [found] = await (await fileAt(path)).exists();
        return found;
    }
    catch {
        return false;
    }
}
/**
 * Waits until every path exists (the shards of a fleet still running), polling every `pollMs`; a
 * ConfigError naming the missing ones after `timeoutSeconds`.
 */
export async function waitForAll(paths, timeoutSeconds, progress = () => { }, pollMs = 5000) {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
        const missing = (await Promise.all(paths.map(async (p) => ((await exists(p)) ? undefined : p)))).filter((p) => p !== undefined);
        if (missing.length === 0)
            return;
        if (Date.now() >= deadline)
            throw new ConfigError(`waited ${timeoutSeconds} s for ${missing.length} of ${paths.length} snapshots, still missing: ${missing.join(', ')}`);
        progress(`waiting for ${missing.length} of ${paths.length} snapshots`);
        await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
    }
}
//# sourceMappingURL=bucket.js.map