/**
 * A local Google Cloud REST emulator: serves the public REST paths the official clients call
 * (`/v1/projects/P/instances`, `/v1/projects/P/locations/L/keyRings`, `/compute/v1/...`, `/v3/...`) from a
 * directory of recorded JSON, one file per path:
 *
 *   GET /v1/projects/p/locations/us-central1/keyRings   →  <dataDir>/v1/projects/p/locations/us-central1/keyRings.json
 *   POST /v1/.../cryptoKeys/k:getIamPolicy              →  <dataDir>/v1/.../cryptoKeys/k%3AgetIamPolicy.json
 *
 * A recorded file holding `{"error": {"code": 403, ...}}` is answered with that status (a denied or disabled
 * API as Google returns it). Lists are paginated (`pageSize`/`maxResults`, `pageToken`) except the calls
 * Google does not paginate (GKE clusters, Cloud SQL users and databases). A path with no file is a 404 in
 * Google's error shape. Every request is logged; anything but GET and the declared read POSTs
 * (`:getIamPolicy`, `:testIamPermissions`) shows up in `server.mutatingRequests()` and is refused. A
 * `:testIamPermissions` with no recorded answer holds every permission asked for but those `denyPermissions`
 * names.
 *
 * `<dataDir>/_recording.json` may hold `{"recordedAt": "<RFC 3339>"}`: timestamps in responses are then
 * shifted by (now − recordedAt), so a recording replays as if it had just been made (a backup "2 hours ago"
 * stays 2 hours ago).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { EmulatorServer, type JsonResponse } from '../http.js';
import { listByParent } from './resource-manager.js';

/** POSTs that only read: IAM policy reads and permission tests. */
export const GCP_READ_POSTS: RegExp[] = [/:getIamPolicy$/, /:testIamPermissions$/];

/** List fields, by the name the REST API gives them. */
const LIST_FIELDS = [
  'items',
  'instances',
  'databases',
  'users',
  'keyRings',
  'cryptoKeys',
  'cryptoKeyVersions',
  'secrets',
  'versions',
  'repositories',
  'dockerImages',
  'services',
  'clusters',
  'alertPolicies',
  'uptimeCheckConfigs',
  'notificationChannels',
  'defaultSupportedIdpConfigs',
  'oauthIdpConfigs',
  'locations',
] as const;

/** Calls the real APIs answer in one piece, with no page token. */
const UNPAGINATED = [/\/locations\/[^/]+\/clusters$/, /\/instances\/[^/]+\/(users|databases)$/];

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface GcpEmulatorOptions {
  /** Directory of recorded responses (see the module comment for the layout). */
  dataDir: string;
  /** Largest page the emulator serves, whatever the client asks for; default 50. */
  maxPageSize?: number;
  /** The instant recordings are replayed at; default the clock at each request. */
  now?: () => Date;
  /** Port to listen on (127.0.0.1 only); default any free port. */
  port?: number;
}

export interface GcpEmulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`: the value of CODITECT_AUDIT_GCP_ENDPOINT. */
  url: string;
  /** The HTTP core: request log, `inject()` for faults, `mutatingRequests()`. */
  server: EmulatorServer;
  /** From now on, lists whose path matches answer with the same page and the same `nextPageToken` forever. */
  repeatPageToken(path: RegExp | string): void;
  /**
   * From now on, `:testIamPermissions` answers leave these permissions out (the caller does not hold
   * them). Without a recorded answer, every other permission asked for is held.
   */
  denyPermissions(permissions: string[]): void;
  stop(): Promise<void>;
}

function googleError(code: number, status: string, message: string): JsonResponse {
  return { status: code, body: { error: { code, message, status } } };
}

/** The recorded file for a request path, or undefined when the path cannot name one. */
function fileFor(dataDir: string, pathname: string): string | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\\') || seg.includes('\0')) return undefined;
    segments.push(seg.replaceAll(':', '%3A'));
  }
  if (segments.length === 0) return undefined;
  const file = resolve(dataDir, `${join(...segments)}.json`);
  return file.startsWith(resolve(dataDir) + sep) ? file : undefined;
}

function shiftTimes(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string') {
    if (!DATE_TIME.test(value)) return value;
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : new Date(t + deltaMs).toISOString();
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, deltaMs));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, deltaMs)]));
  return value;
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeToken(token: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/** `{ permissions: [...] }` asked → the ones held; Google leaves the field out when none is. */
function testIamPermissions(requestBody: string, denied: ReadonlySet<string>): JsonResponse {
  let asked: unknown;
  try {
    asked = (JSON.parse(requestBody || '{}') as { permissions?: unknown }).permissions;
  } catch {
    return googleError(400, 'INVALID_ARGUMENT', 'the request body is not JSON');
  }
  if (!Array.isArray(asked) || !asked.every((p) => typeof p === 'string'))
    return googleError(400, 'INVALID_ARGUMENT', 'permissions must be a list of strings');
  const held = (asked as string[]).filter((p) => !denied.has(p));
  return { status: 200, body: held.length ? { permissions: held } : {} };
}

export async function startGcpEmulator(options: GcpEmulatorOptions): Promise<GcpEmulator> {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(dataDir)) throw new Error(`GCP emulator: no such data directory: ${dataDir}`);
  const maxPageSize = options.maxPageSize ?? 50;
  const now = options.now ?? (() => new Date());
  const repeating: (RegExp | string)[] = [];

  let recordedAt: number | undefined;
  const meta = join(dataDir, '_recording.json');
  if (existsSync(meta)) {
    const parsed = JSON.parse(await readFile(meta, 'utf8')) as { recordedAt?: string };
    if (parsed.recordedAt) {
      recordedAt = Date.parse(parsed.recordedAt);
      if (Number.isNaN(recordedAt)) throw new Error(`GCP emulator: ${meta}: recordedAt is not an RFC 3339 time`);
    }
  }

  const denied = new Set<string>();
  const server = new EmulatorServer(async ({ method, url, body: requestBody }) => {
    const path = url.pathname;
    const isReadPost = method === 'POST' && GCP_READ_POSTS.some((re) => re.test(path));
    if (method !== 'GET' && !isReadPost)
      return googleError(405, 'METHOD_NOT_ALLOWED', `the emulator is read-only: ${method} ${path} refused`);
    if (method === 'GET') {
      const listing = await listByParent(dataDir, url);
      if (listing?.kind === 'error') return googleError(listing.code, listing.status, listing.message);
      if (listing) return paginate(listing.body, listing.field, url, path);
    }
    const file = fileFor(dataDir, path);
    if (method === 'POST' && path.endsWith(':testIamPermissions') && (!file || !existsSync(file)))
      return testIamPermissions(requestBody, denied);
    if (!file || !existsSync(file)) return googleError(404, 'NOT_FOUND', `${path} was not found`);
    let body = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    if (recordedAt !== undefined) body = shiftTimes(body, now().getTime() - recordedAt) as Record<string, unknown>;

    const recordedError = body.error as { code?: unknown } | undefined;
    if (recordedError && typeof recordedError.code === 'number') return { status: recordedError.code, body };

    const field = LIST_FIELDS.find((f) => Array.isArray(body[f]));
    if (!field || UNPAGINATED.some((re) => re.test(path))) return { status: 200, body };
    return paginate(body, field, url, path);
  }, GCP_READ_POSTS);

  function paginate(body: Record<string, unknown>, field: string, url: URL, path: string): JsonResponse {
    let items = body[field] as unknown[];
    // Service Usage accepts only `state:ENABLED` / `state:DISABLED` as a filter.
    const filter = /^state:(\w+)$/.exec(url.searchParams.get('filter') ?? '');
    if (filter) items = items.filter((i) => (i as { state?: unknown }).state === filter[1]);
    const asked = Number(url.searchParams.get('pageSize') ?? url.searchParams.get('maxResults') ?? '0');
    const size = asked > 0 ? Math.min(asked, maxPageSize) : maxPageSize;
    const token = url.searchParams.get('pageToken') ?? '';
    const repeat = repeating.some((p) => (typeof p === 'string' ? path.includes(p) : p.test(path)));
    const offset = token && !repeat ? decodeToken(token) : 0;
    if (offset === undefined) return googleError(400, 'INVALID_ARGUMENT', `invalid page token for ${path}`);
    const page = items.slice(offset, offset + size);
    const out: Record<string, unknown> = { ...body, [field]: page };
    delete out.nextPageToken;
    if (repeat) out.nextPageToken = 'repeating-page-token';
    else if (offset + size < items.length) out.nextPageToken = encodeToken(offset + size);
    return { status: 200, body: out };
  }

  const url = await server.start(options.port ?? 0);
  return {
    url,
    server,
    repeatPageToken: (path) => repeating.push(path),
    denyPermissions: (permissions) => {
      for (const p of permissions) denied.add(p);
    },
    stop: () => server.stop(),
  };
}
