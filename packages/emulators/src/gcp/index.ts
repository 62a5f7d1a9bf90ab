/**
 * A local Google Cloud REST emulator that is as strict as Google's front end: it routes by the HTTP
 * bindings Google declares (`bindings.ts`, generated from the pinned clients), and serves the public REST
 * paths from a directory of recorded JSON, one file per path:
 *
 *   GET /v1/projects/p/locations/us-central1/keyRings   →  <dataDir>/v1/projects/p/locations/us-central1/keyRings.json
 *   GET /v1/.../cryptoKeys/k:getIamPolicy               →  <dataDir>/v1/.../cryptoKeys/k%3AgetIamPolicy.json
 *
 * As Google does: a verb or path no API declares (a POST to Cloud KMS `:getIamPolicy`) is answered with the
 * front end's HTML 404 page, not the API's JSON error; a query parameter the method does not declare is a
 * 400 INVALID_ARGUMENT; enums come as numbers when the request asks `$alt=json;enum-encoding=int`; an IAM
 * policy with conditional bindings read without `options.requestedPolicyVersion=3` comes back as version 1
 * (conditions dropped, roles suffixed `_withcond_…`); lists whose request declares a page token are paged
 * (`pageSize`/`maxResults`, `pageToken`), the others answered in one piece. A declared path with no file is a
 * 404 in Google's JSON error shape; a recorded file holding `{"error": {"code": 403, ...}}` is answered with
 * that status. Every request is logged; a declared method that is not a read (anything but GET and the IAM
 * policy reads and permission tests) shows up in `server.mutatingRequests()` and is refused. A
 * `:testIamPermissions` with no recorded answer holds every permission asked for but those
 * `denyPermissions` names.
 *
 * `<dataDir>/_recording.json` may hold `{"recordedAt": "<RFC 3339>"}`: timestamps in responses are then
 * shifted by (now − recordedAt), so a recording replays as if it had just been made (a backup "2 hours ago"
 * stays 2 hours ago).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { EmulatorServer, type JsonResponse } from '../http.js';
import {
  checkShape,
  enumsAsNumbers,
  findRoute,
  isReadMethod,
  listField,
  type Route,
  undeclaredQuery,
} from './bindings.js';

export {
  checkShape,
  findRoute,
  GCP_DECLARED,
  GCP_ROUTES,
  type HttpBinding,
  routesForPath,
  type ShapeIssue,
  undeclaredQuery,
} from './bindings.js';
import { listByParent } from './resource-manager.js';

/** POSTs that only read: IAM policy reads and permission tests. */
export const GCP_READ_POSTS: RegExp[] = [/:getIamPolicy$/, /:testIamPermissions$/];

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

/** What Google's front end answers for a verb or path no API declares: an HTML page, not the API's JSON. */
export function frontEndNotFound(path: string): JsonResponse {
  const escaped = path.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    status: 404,
    body: undefined,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    text: `<!DOCTYPE html>\n<html lang=en>\n<meta charset=utf-8>\n<title>Error 404 (Not Found)!!1</title>\n<p><b>404.</b> <ins>That’s an error.</ins>\n<p>The requested URL <code>${escaped}</code> was not found on this server. <ins>That’s all we know.</ins>\n`,
  };
}

/** The policy version a getIamPolicy asks for: a query parameter, or (POST with a body) `options` in it. */
function requestedPolicyVersion(route: Route, url: URL, requestBody: string): number {
  const q =
    url.searchParams.get('options.requestedPolicyVersion') ?? url.searchParams.get('options.requested_policy_version');
  if (q !== null) return Number(q);
  if (route.binding.body !== '*') return 0;
  try {
    const v = (JSON.parse(requestBody || '{}') as { options?: { requestedPolicyVersion?: unknown } }).options
      ?.requestedPolicyVersion;
    return typeof v === 'number' ? v : 0;
  } catch {
    return 0;
  }
}

/**
 * A policy read below version 3: conditional bindings lose their condition and their role gets a
 * `_withcond_<hash>` suffix, as IAM answers a version-1 read of a version-3 policy.
 */
function asVersion1(policy: Record<string, unknown>): Record<string, unknown> {
  const bindings = policy.bindings as { role?: string; condition?: unknown }[] | undefined;
  if (!Array.isArray(bindings) || !bindings.some((b) => b.condition)) return policy;
  return {
    ...policy,
    version: 1,
    bindings: bindings.map((b) => {
      if (!b.condition) return b;
      const { condition, ...rest } = b;
      const hash = createHash('sha256').update(JSON.stringify(condition)).digest('hex').slice(0, 20);
      return { ...rest, role: `${b.role}_withcond_${hash}` };
    }),
  };
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
    const route = findRoute(method, path);
    if (!route) return frontEndNotFound(path);
    const unknown = undeclaredQuery(route, url.searchParams.keys());
    if (unknown.length > 0)
      return googleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid JSON payload received. Unknown name "${unknown[0]}": Cannot bind query parameter. Field '${unknown[0]}' could not be found in request message.`,
      );
    if (!isReadMethod(route.binding))
      return googleError(405, 'METHOD_NOT_ALLOWED', `the emulator is read-only: ${method} ${path} refused`);
    if (route.binding.body === '*' && route.binding.request) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(requestBody || '{}');
      } catch {
        return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
      }
      const issue = checkShape(route.binding.request, parsed)[0];
      if (issue)
        return googleError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. ${issue.path}: ${issue.problem}`);
    }
    if (method === 'GET') {
      const listing = await listByParent(dataDir, url);
      if (listing?.kind === 'error') return googleError(listing.code, listing.status, listing.message);
      if (listing) {
        const page = paginate(listing.body, listing.field, listFieldOf(route)?.pageSizeParam, url, path);
        if (page.status === 200 && /(^|;)enum-encoding=int(;|$)/.test(url.searchParams.get('$alt') ?? ''))
          page.body = enumsAsNumbers(route.binding.response, page.body);
        return page;
      }
    }
    const file = fileFor(dataDir, path);
    if (path.endsWith(':testIamPermissions') && (!file || !existsSync(file)))
      return testIamPermissions(requestBody, denied);
    if (!file || !existsSync(file)) return googleError(404, 'NOT_FOUND', `${path} was not found`);
    let body = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    if (recordedAt !== undefined) body = shiftTimes(body, now().getTime() - recordedAt) as Record<string, unknown>;

    const recordedError = body.error as { code?: unknown } | undefined;
    if (recordedError && typeof recordedError.code === 'number') return { status: recordedError.code, body };

    if (/getIamPolicy$/i.test(route.binding.method) && requestedPolicyVersion(route, url, requestBody) < 3)
      body = asVersion1(body);
    const list = listFieldOf(route);
    const answer =
      list && Array.isArray(body[list.field])
        ? paginate(body, list.field, list.pageSizeParam, url, path)
        : { status: 200, body };
    if (answer.status === 200 && /(^|;)enum-encoding=int(;|$)/.test(url.searchParams.get('$alt') ?? ''))
      answer.body = enumsAsNumbers(route.binding.response, answer.body);
    return answer;
  }, GCP_READ_POSTS);

  function listFieldOf(route: Route) {
    return listField(route.binding);
  }

  function paginate(
    body: Record<string, unknown>,
    field: string,
    pageSizeParam: string | undefined,
    url: URL,
    path: string,
  ): JsonResponse {
    let items = body[field] as unknown[];
    // Service Usage accepts only `state:ENABLED` / `state:DISABLED` as a filter.
    const filter = /^state:(\w+)$/.exec(url.searchParams.get('filter') ?? '');
    if (filter) items = items.filter((i) => (i as { state?: unknown }).state === filter[1]);
    const asked = Number((pageSizeParam && url.searchParams.get(pageSizeParam)) ?? '0');
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
