/**
 * A small Cloud Storage JSON API emulator, in memory, for the fleet's bucket I/O: simple and multipart
 * uploads (`POST /upload/storage/v1/b/B/o?uploadType=media|multipart`), object metadata
 * (`GET /storage/v1/b/B/o/NAME`) and downloads (`?alt=media`). What `@google-cloud/storage` sends with
 * `STORAGE_EMULATOR_HOST` set; every request is logged, and anything else (a delete, a resumable session)
 * is refused so a test sees it.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GcsEmulator {
  /** Base URL: the value of STORAGE_EMULATOR_HOST. */
  url: string;
  /** `bucket/name` → content. */
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; query: string }[];
  stop(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, message: string): void {
  json(res, status, {
    error: { code: status, message, errors: [{ message, reason: status === 404 ? 'notFound' : 'invalid' }] },
  });
}

/** CRC32C (Castagnoli), as Cloud Storage reports it: the client checks an upload against it. */
const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32c(data: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

function metadata(bucket: string, name: string, data: Buffer): Record<string, unknown> {
  return {
    kind: 'storage#object',
    bucket,
    name,
    id: `${bucket}/${name}/1`,
    generation: '1',
    size: String(data.length),
    md5Hash: createHash('md5').update(data).digest('base64'),
    crc32c: crc32c(data),
  };
}

/** The object of a multipart/related upload body: its JSON metadata part and its media part. */
function multipart(body: Buffer, contentType: string): { meta: Record<string, unknown>; data: Buffer } | undefined {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const parts = body
    .toString('latin1')
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const at = p.indexOf('\r\n\r\n');
      return Buffer.from(p.slice(at + 4, p.endsWith('\r\n') ? -2 : undefined), 'latin1') as Buffer;
    });
  if (parts.length !== 2) return undefined;
  return { meta: JSON.parse(parts[0]!.toString('utf8')) as Record<string, unknown>, data: parts[1]! };
}

export async function startGcsEmulator(): Promise<GcsEmulator> {
  const objects = new Map<string, Buffer>();
  const requests: GcsEmulator['requests'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.search });
      const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(url.pathname);
      if (req.method === 'POST' && upload) {
        const bucket = decodeURIComponent(upload[1]!);
        const kind = url.searchParams.get('uploadType');
        const body = Buffer.concat(chunks);
        let name = url.searchParams.get('name') ?? undefined;
        let data: Buffer = body;
        if (kind === 'multipart') {
          const parsed = multipart(body, req.headers['content-type'] ?? '');
          if (!parsed) return error(res, 400, 'malformed multipart upload');
          name ??= typeof parsed.meta.name === 'string' ? parsed.meta.name : undefined;
          data = parsed.data;
        } else if (kind !== 'media') return error(res, 400, `uploadType ${kind} is not emulated`);
        if (!name) return error(res, 400, 'the object has no name');
        objects.set(`${bucket}/${name}`, data);
        return json(res, 200, metadata(bucket, name, data));
      }
      // With STORAGE_EMULATOR_HOST the client leaves out the /storage/v1 prefix.
      const object = /^(?:\/storage\/v1)?\/b\/([^/]+)\/o\/(.+)$/.exec(url.pathname);
      if (req.method === 'GET' && object) {
        const bucket = decodeURIComponent(object[1]!);
        const name = decodeURIComponent(object[2]!);
        const data = objects.get(`${bucket}/${name}`);
        if (!data) return error(res, 404, `No such object: ${bucket}/${name}`);
        if (url.searchParams.get('alt') !== 'media') return json(res, 200, metadata(bucket, name, data));
        // One request per connection: the client reuses a socket after a download it has not drained.
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(data.length),
          connection: 'close',
        });
        return res.end(data);
      }
      return error(
        res,
        405,
        `${req.method} ${url.pathname} is not emulated (the scanner only uploads and reads objects)`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
