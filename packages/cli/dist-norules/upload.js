export class UploadError extends Error {
}
/**
 * How the Cloud Storage client retries: a transient failure (EPIPE or ECONNRESET of a connection the network
 * closed, 408, 429, 5xx) up to 4 times with backoff, writes included. The client's default retries a write
 * only with a generation precondition, and then turns retries off for everything else the client does.
 * Every write here sends a whole object (a simple upload, one request) with the same bytes on each try, and
 * the object is the last write's: repeating it changes nothing, so it is retried like a read.
 * (`RetryAlways` is IdempotencyStrategy.RetryAlways, 0, written out so the client loads only when used.)
 */
export const STORAGE_RETRY = { autoRetry: true, maxRetries: 4, idempotencyStrategy: 0 };
/** Bucket names as Cloud Storage allows them (3–63 characters; dotted names up to 222). */
const BUCKET = /^(?=.{3,222}$)[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;
/** `gs://bucket/some/prefix` → target; a usage error says what is wrong with anything else. */
export function parseUploadUrl(url) {
    const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(url);
    if (!m)
        throw new UploadError(`--upload ${url}: give a Cloud Storage URL, gs://BUCKET or gs://BUCKET/PREFIX`);
    const [, bucket, rest] = m;
    if (!BUCKET.test(bucket) || bucket.startsWith('goog') || bucket.includes('..'))
        throw new UploadError(`--upload ${url}: "${bucket}" is not a valid bucket name`);
    const prefix = rest.replace(/\/+$/, '');
    if (prefix.split('/').some((s) => s === '' || s === '.' || s === '..'))
        throw new UploadError(`--upload ${url}: the prefix has an empty, "." or ".." segment`);
    return { bucket: bucket, prefix };
}
/** `2026-12-06T20:15:00.123Z` → `20261206T201500Z`: sorts by time and needs no escaping anywhere. */
export function folderTimestamp(at) {
    return at
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/[-:]/g, '');
}
const CONTENT_TYPES = {
    json: 'application/json',
    sarif: 'application/sarif+json',
    md: 'text/markdown; charset=utf-8',
    html: 'text/html; charset=utf-8',
    xml: 'application/xml',
};
export function contentTypeOf(fileName) {
    return CONTENT_TYPES[fileName.slice(fileName.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
export async function uploadResults(target, result, files, at = new Date()) {
    const { Storage } = await import('@google-cloud/storage');
    const bucket = new Storage({ retryOptions: STORAGE_RETRY }).bucket(target.bucket);
    const envPath = [target.prefix, encodeSegment(result.environment.name)].filter(Boolean).join('/');
    const folder = `${envPath}/${folderTimestamp(at)}/`;
    const objects = [];
    try {
        for (const f of files) {
            const name = `${folder}${f.name}`;
            await bucket.file(name).save(f.content, { resumable: false, contentType: f.contentType, validation: 'crc32c' });
            objects.push(name);
        }
        const pointer = {
            folder,
            url: `gs://${target.bucket}/${folder}`,
            environment: result.environment.name,
            gate: result.gate.status,
            exitCode: result.gate.exitCode,
            uploadedAt: at.toISOString(),
            objects,
        };
        const latest = `${envPath}/latest.json`;
        await bucket.file(latest).save(`${JSON.stringify(pointer, null, 2)}\n`, {
            resumable: false,
            contentType: 'application/json',
            metadata: { cacheControl: 'no-store' },
        });
        return { folder: `gs://${target.bucket}/${folder}`, latest: `gs://${target.bucket}/${latest}`, objects };
    }
    catch (e) {
        const done = objects.length
            ? ` (${objects.length} of ${files.length} reports were uploaded; latest.json was not updated)`
            : '';
        throw new UploadError(`upload to gs://${target.bucket}/${folder} failed: ${describe(e)}${done}`);
    }
}
/** An environment name as one path segment. */
function encodeSegment(name) {
    return name.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}
/** The client's error, without anything but its code and message (never a header or a token). */
export function describe(e) {
    const err = e;
    const message = typeof err.message === 'string' ? err.message.split('\n')[0] : String(e);
    return typeof err.code === 'number' || typeof err.code === 'string' ? `${err.code} ${message}` : message;
}
//# sourceMappingURL=upload.js.map