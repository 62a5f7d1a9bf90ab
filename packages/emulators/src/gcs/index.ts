/**
 * A local Cloud Storage emulator: the JSON API calls `@google-cloud/storage` makes to write and read
 * objects, served from memory on 127.0.0.1. Point the client at it with STORAGE_EMULATOR_HOST=<url> (the
 * client then sends no credentials).
 *
 *   POST /upload/storage/v1/b/B/o?uploadType=multipart           metadata + media (multipart/related)
 *   POST /upload/storage/v1/b/B/o?uploadType=media&name=N        media only
 *   POST /upload/storage/v1/b/B/o?uploadType=resumable           starts a session: Location header
 *   PUT  <session URL>  (Content-Range chunks, 308 until the last) finishes it
 *   GET  /storage/v1/b/B/o?prefix=&delimiter=&pageToken=        lists (items, prefixes, nextPageToken)
 *   GET  /storage/v1/b/B/o/N               metadata;  ?alt=media, or /download/storage/v1/b/B/o/N: content
 *   GET  /storage/v1/b/B                   bucket metadata
 *
 * Buckets exist only when created with the emulator (`buckets`); anything else is a 404 in Google's error
 * shape. Objects carry md5Hash and crc32c as Google computes them, so the client's upload validation runs.
 * Every request is logged (never a header's value). Separate from the read-only GCP emulator (../gcp):
 * this one accepts writes, to the results bucket only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StoredObject {
  bucket: string;
  name: string;
  contentType: string;
  metadata: Record<string, string>;
  data: Buffer;
  generation: string;
  updated: string;
}

export interface GcsRequest {
  method: string;
  path: string;
  query: string;
  authorized: boolean;
}

export interface GcsEmulatorOptions {
  /** Buckets that exist (empty at start). */
  buckets: string[];
  /** Largest page of a list; default 1000, as Google's. */
  maxPageSize?: number;
  port?: number;
}

export interface GcsEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`: the value of STORAGE_EMULATOR_HOST. */
  url: string;
  readonly requests: GcsRequest[];
  /** The objects of a bucket, by name. */
  objects(bucket: string): Map<string, StoredObject>;
  /** From now on, requests whose path contains `path` answer with this status (a denied or failing bucket). */
  fail(path: string, status: number): void;
  /**
   * The next `times` requests whose path contains `path` lose their connection before any answer, the body
   * unread (a connection the network or a proxy closed): the client sees EPIPE or ECONNRESET.
   */
  drop(path: string, times?: number): void;
  stop(): Promise<void>;
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32C (Castagnoli) of the data, big-endian and base64-encoded, as Cloud Storage reports it. */
export function crc32c(data: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

function googleError(res: ServerResponse, code: number, message: string): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ error: { code, message, errors: [{ message, reason: code === 404 ? 'notFound' : 'invalid' }] } }),
  );
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The parts of a multipart/related body: each with its headers and bytes. */
function multipartParts(body: Buffer, contentType: string): { headers: Record<string, string>; data: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new Error('multipart upload without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const part = body.subarray(afterDelimiter + 2, next - 2); // past CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    for (const line of part.subarray(0, split).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, data: part.subarray(split + 4) });
    start = next;
  }
  return parts;
}

export async function startGcsEmulator(options: GcsEmulatorOptions): Promise<GcsEmulator> {
  const buckets = new Map<string, Map<string, StoredObject>>(options.buckets.map((b) => [b, new Map()]));
  const maxPageSize = options.maxPageSize ?? 1000;
  const requests: GcsRequest[] = [];
  const failures: { path: string; status: number }[] = [];
  const drops: { path: string; left: number }[] = [];
  const sessions = new Map<
    string,
    { bucket: string; name: string; contentType: string; metadata: Record<string, string>; chunks: Buffer[] }
  >();
  let generation = 1_700_000_000_000_000;
  let base = '';

  function resource(o: StoredObject) {
    return {
      kind: 'storage#object',
      id: `${o.bucket}/${o.name}/${o.generation}`,
      selfLink: `${base}/storage/v1/b/${o.bucket}/o/${encodeURIComponent(o.name)}`,
      mediaLink: `${base}/download/storage/v1/b/${o.bucket}/o/${encodeURIComponent(o.name)}?generation=${o.generation}&alt=media`,
      name: o.name,
      bucket: o.bucket,
      generation: o.generation,
      metageneration: '1',
      contentType: o.contentType,
      storageClass: 'STANDARD',
      size: String(o.data.length),
      md5Hash: createHash('md5').update(o.data).digest('base64'),
      crc32c: crc32c(o.data),
      etag: createHash('md5').update(o.generation).digest('base64'),
      timeCreated: o.updated,
      updated: o.updated,
      ...(Object.keys(o.metadata).length ? { metadata: o.metadata } : {}),
    };
  }

  function store(bucket: string, name: string, contentType: string, metadata: Record<string, string>, data: Buffer) {
    const o: StoredObject = {
      bucket,
      name,
      contentType: contentType || 'application/octet-stream',
      metadata,
      data,
      generation: String(generation++),
      updated: new Date().toISOString(),
    };
    buckets.get(bucket)!.set(name, o);
    return o;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query: url.search, authorized: Boolean(req.headers.authorization) });
    const drop = drops.find((d) => d.left > 0 && url.pathname.includes(d.path));
    if (drop) {
      drop.left--;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const failure = failures.find((f) => url.pathname.includes(f.path));
    if (failure) return googleError(res, failure.status, `injected ${failure.status}`);

    // With STORAGE_EMULATOR_HOST the client leaves out the /storage/v1 prefix on object reads.
    const m = /^\/(upload\/|download\/)?(?:storage\/v1\/)?b\/([^/]+)(?:\/o(?:\/(.+))?)?$/.exec(url.pathname);
    if (!m) return googleError(res, 404, `${url.pathname} is not a Cloud Storage JSON API path`);
    const [, kind, bucketName, rawObject] = m;
    const bucket = buckets.get(decodeURIComponent(bucketName!));
    if (!bucket) return googleError(res, 404, `The specified bucket does not exist: ${bucketName}`);
    const bucketId = decodeURIComponent(bucketName!);
    const objectName = rawObject === undefined ? undefined : decodeURIComponent(rawObject);

    if (kind === 'upload/' && objectName === undefined) {
      const uploadType = url.searchParams.get('uploadType');
      if (method === 'POST' && uploadType === 'multipart') {
        const parts = multipartParts(body, req.headers['content-type'] ?? '');
        if (parts.length !== 2) return googleError(res, 400, 'a multipart upload has a metadata part and a media part');
        const meta = JSON.parse(parts[0]!.data.toString('utf8')) as {
          name?: string;
          contentType?: string;
          metadata?: Record<string, string>;
        };
        const name = meta.name ?? url.searchParams.get('name');
        if (!name) return googleError(res, 400, 'Required: object name');
        const contentType = meta.contentType ?? parts[1]!.headers['content-type'] ?? '';
        return json(res, resource(store(bucketId, name, contentType, meta.metadata ?? {}, parts[1]!.data)));
      }
      if (method === 'POST' && uploadType === 'media') {
        const name = url.searchParams.get('name');
        if (!name) return googleError(res, 400, 'Required: object name');
        return json(res, resource(store(bucketId, name, req.headers['content-type'] ?? '', {}, body)));
      }
      if (method === 'POST' && uploadType === 'resumable') {
        const meta = (body.length ? JSON.parse(body.toString('utf8')) : {}) as {
          name?: string;
          contentType?: string;
          metadata?: Record<string, string>;
        };
        const name = meta.name ?? url.searchParams.get('name');
        if (!name) return googleError(res, 400, 'Required: object name');
        const id = randomUUID();
        const contentType = meta.contentType ?? String(req.headers['x-upload-content-type'] ?? '');
        sessions.set(id, { bucket: bucketId, name, contentType, metadata: meta.metadata ?? {}, chunks: [] });
        res.writeHead(200, {
          location: `${base}/upload/storage/v1/b/${bucketName}/o?uploadType=resumable&upload_id=${id}`,
          'content-length': '0',
        });
        return void res.end();
      }
      if (method === 'PUT' && uploadType === 'resumable') {
        const session = sessions.get(url.searchParams.get('upload_id') ?? '');
        if (!session) return googleError(res, 404, 'No such upload session');
        session.chunks.push(body);
        // `bytes a-b/total`, or `bytes */total` (a status query or the final empty chunk); `*` total: more follows.
        const range = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(String(req.headers['content-range'] ?? ''));
        const received = session.chunks.reduce((n, c) => n + c.length, 0);
        const total = range?.[3] && range[3] !== '*' ? Number(range[3]) : undefined;
        if (range && (total === undefined || received < total)) {
          res.writeHead(308, received ? { range: `bytes=0-${received - 1}` } : {});
          return void res.end();
        }
        sessions.delete(url.searchParams.get('upload_id')!);
        const o = store(
          session.bucket,
          session.name,
          session.contentType,
          session.metadata,
          Buffer.concat(session.chunks),
        );
        return json(res, resource(o));
      }
      return googleError(res, 400, `unsupported upload: ${method} uploadType=${uploadType}`);
    }

    if (method !== 'GET') return googleError(res, 405, `${method} ${url.pathname} is not served by the emulator`);
    if (objectName === undefined && !url.pathname.endsWith('/o')) {
      return json(res, { kind: 'storage#bucket', id: bucketId, name: bucketId, location: 'US-CENTRAL1' });
    }
    if (objectName === undefined) {
      const prefix = url.searchParams.get('prefix') ?? '';
      const delimiter = url.searchParams.get('delimiter') ?? '';
      const names = [...bucket.keys()].filter((n) => n.startsWith(prefix)).sort();
      const items: StoredObject[] = [];
      const prefixes = new Set<string>();
      for (const n of names) {
        const cut = delimiter ? n.indexOf(delimiter, prefix.length) : -1;
        if (cut !== -1) prefixes.add(n.slice(0, cut + delimiter.length));
        else items.push(bucket.get(n)!);
      }
      const size = Math.min(Number(url.searchParams.get('maxResults') ?? maxPageSize) || maxPageSize, maxPageSize);
      const offset = Number(url.searchParams.get('pageToken') ?? '0') || 0;
      const page = items.slice(offset, offset + size);
      return json(res, {
        kind: 'storage#objects',
        ...(page.length ? { items: page.map(resource) } : {}),
        ...(prefixes.size && offset === 0 ? { prefixes: [...prefixes] } : {}),
        ...(offset + size < items.length ? { nextPageToken: String(offset + size) } : {}),
      });
    }
    const o = bucket.get(objectName);
    if (!o) return googleError(res, 404, `No such object: ${bucketId}/${objectName}`);
    if (kind === 'download/' || url.searchParams.get('alt') === 'media') {
      res.writeHead(200, {
        'content-type': o.contentType,
        'content-length': String(o.data.length),
        'x-goog-hash': `crc32c=${crc32c(o.data)},md5=${createHash('md5').update(o.data).digest('base64')}`,
        'x-goog-generation': o.generation,
        'x-goog-stored-content-length': String(o.data.length),
      });
      return void res.end(o.data);
    }
    return json(res, resource(o));
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => googleError(res, 400, `emulator: ${(e as Error).message}`));
  });
  // Google's front end keeps an idle connection open for minutes (610 s behind its load balancers). Node's
  // default closes it after 5 s, and a client whose event loop was busy for longer (the fleet's merge step,
  // merging the shards on a loaded machine) writes its next request into the closed connection: an upload
  // failing with EPIPE that the real API would not cause.
  server.keepAliveTimeout = 610_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    objects(bucket) {
      const b = buckets.get(bucket);
      if (!b) throw new Error(`no bucket ${bucket}`);
      return b;
    },
    fail(path, status) {
      failures.push({ path, status });
    },
    drop(path, times = 1) {
      drops.push({ path, left: times });
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
