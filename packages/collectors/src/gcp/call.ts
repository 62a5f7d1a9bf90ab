/**
 * How every Google Cloud call is made: concurrency that backs off on quota answers, a timeout per call, retries with exponential
 * backoff and jitter on 429 / 5xx / UNAVAILABLE / DEADLINE_EXCEEDED / timeouts (honouring Retry-After,
 * within a time budget), pagination to the end with a guard against a repeating page token, and one
 * classification of the errors both client shapes produce (REST `GaxiosError` with the HTTP status and the
 * JSON body as message; gRPC-style `GoogleError` with a numeric code).
 */
import type { Problem } from '@coditect-audit/core';
import { AdaptiveLimiter } from '../concurrency.js';
import { gcpApiCalls, type GcpApiCallId } from './api-calls.js';
import { obj, objs, str } from './normalize.js';

export type GcpErrorKind =
  | 'permission-denied'
  | 'service-disabled'
  | 'quota-project'
  | 'not-found'
  | 'unexpected-answer'
  | 'unauthenticated'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'malformed'
  | 'invalid-request'
  | 'pagination'
  | 'credentials'
  | 'other';

const RETRYABLE: ReadonlySet<GcpErrorKind> = new Set(['rate-limited', 'unavailable', 'timeout']);

export class GcpCallError extends Error {
  override name = 'GcpCallError';
  attempts = 1;
  constructor(
    readonly kind: GcpErrorKind,
    /** What the server (or the transport) said, shortened; never a credential. */
    readonly detail: string,
    readonly httpStatus?: number,
    readonly status?: string,
    readonly retryAfterMs?: number,
  ) {
    super(detail);
  }
}

/**
 * Projects Google's own tools bill API calls to when user credentials carry no quota project (the gcloud
 * and Application Default Credentials OAuth clients): a SERVICE_DISABLED naming one of them says "set a
 * quota project", not "enable the API in your project".
 */
export const GOOGLE_OWNED_CONSUMERS = ['projects/764086051850', 'projects/32555940559'];

const GRPC_TO_HTTP: Record<number, number> = { 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 13: 500, 14: 503, 16: 401 };

function shorten(s: string, max = 300): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function retryAfterMs(headers: unknown, now: number): number | undefined {
  let value: string | undefined;
  const h = headers as { get?: (k: string) => string | null } | Record<string, unknown> | undefined;
  if (h && typeof (h as { get?: unknown }).get === 'function')
    value = (h as { get: (k: string) => string | null }).get('retry-after') ?? undefined;
  else if (h && typeof h === 'object') {
    const v = (h as Record<string, unknown>)['retry-after'];
    if (typeof v === 'string') value = v;
  }
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function contentType(headers: unknown): string {
  const h = headers as { get?: (k: string) => string | null } | Record<string, unknown> | undefined;
  if (h && typeof (h as { get?: unknown }).get === 'function')
    return (h as { get: (k: string) => string | null }).get('content-type') ?? '';
  const v = (h as Record<string, unknown> | undefined)?.['content-type'];
  return typeof v === 'string' ? v : '';
}

/** The Google error body, from a REST message (`{"error": ...}`), a response's data, or a GoogleError. */
function errorBody(e: Record<string, unknown>): Record<string, unknown> | undefined {
  const response = obj(e.response);
  const candidates: unknown[] = [response?.data, e.message];
  for (const c of candidates) {
    let parsed: unknown = c;
    if (typeof c === 'string' && c.trim().startsWith('{')) {
      try {
        parsed = JSON.parse(c);
      } catch {
        continue;
      }
    }
    const body = obj(obj(parsed)?.error);
    if (body) return body;
  }
  return undefined;
}

/** One classification for every shape a failed call takes. */
export function classify(err: unknown, now = Date.now()): GcpCallError {
  if (err instanceof GcpCallError) return err;
  const e = (obj(err) ?? { message: String(err) }) as Record<string, unknown>;
  const name = String(e.name ?? '');
  const message = typeof e.message === 'string' ? e.message : String(err);
  const cause = obj(e.cause);
  const aborted = ['AbortError', 'TimeoutError'];
  if (
    aborted.includes(name) ||
    aborted.includes(String(cause?.name)) ||
    e.code === 'ABORT_ERR' ||
    /operation was aborted|timed out/i.test(message)
  )
    return new GcpCallError('timeout', 'no answer before the timeout');
  if (name === 'SyntaxError' || (cause && cause.name === 'SyntaxError'))
    return new GcpCallError('malformed', `the response is not valid JSON (${shorten(message, 120)})`);

  const body = errorBody(e);
  const bodyCode = typeof body?.code === 'number' ? body.code : undefined;
  let http: number | undefined =
    typeof e.status === 'number' ? e.status : typeof e.code === 'number' && e.code >= 100 ? e.code : bodyCode;
  if (http === undefined && typeof e.code === 'number') http = GRPC_TO_HTTP[e.code];
  const status = str(body?.status);
  const headers = obj(e.response)?.headers;
  if (!body && http !== undefined && typeof e.status === 'number') {
    // A REST answer that is not the API's JSON error (an HTML page from Google's front end or a proxy)
    // tells nothing about the resource: an error naming the call, retried like any 5xx.
    const type = contentType(headers) || 'no content type';
    const what = `HTTP ${http} answered with ${type}, not the API's JSON error`;
    if (http >= 500 || http === 429) return new GcpCallError(http === 429 ? 'rate-limited' : 'unavailable', what, http);
    return new GcpCallError(
      'unexpected-answer',
      http === 404 ? `${what}: no API serves this verb and path (Google's front end answers so)` : what,
      http,
    );
  }
  const detail = shorten(str(body?.message) ?? message);

  if (http === undefined) {
    // An unresolvable host comes as `code: 'ENOTFOUND'` or only in the message ("getaddrinfo ENOTFOUND h").
    const code = String(e.code ?? cause?.code ?? (/\bENOTFOUND\b/.test(message) ? 'ENOTFOUND' : ''));
    if (
      /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|UND_ERR|ENETUNREACH|EHOSTUNREACH/.test(code) ||
      /socket hang up|fetch failed|network|terminated/i.test(message)
    )
      return new GcpCallError('unavailable', `connection failed (${code || shorten(message, 120)})`);
    if (/default credentials|Could not refresh access token|invalid_grant/i.test(message))
      return new GcpCallError('credentials', shorten(message));
    return new GcpCallError('other', shorten(message));
  }
  const reasons = [...objs(body?.details).map((d) => str(d.reason)), ...objs(body?.errors).map((d) => str(d.reason))];
  if (
    http === 403 &&
    (reasons.includes('SERVICE_DISABLED') || /has not been used in project|is disabled/i.test(detail))
  ) {
    const consumers = objs(body?.details).map((d) => str(obj(d.metadata)?.consumer));
    const owned = GOOGLE_OWNED_CONSUMERS.find(
      (c) => consumers.includes(c) || new RegExp(`project ${c.split('/')[1]}\\b`).test(detail),
    );
    if (owned) return new GcpCallError('quota-project', detail, http, status);
    return new GcpCallError('service-disabled', detail, http, status);
  }
  if (http === 403) return new GcpCallError('permission-denied', detail, http, status);
  // Only the API's own JSON NOT_FOUND says the resource is absent.
  // (a gRPC-style error with code 5 is one the client decoded from that JSON).
  if (http === 404 && (status === 'NOT_FOUND' || (status === undefined && bodyCode === 404) || (!body && e.code === 5)))
    return new GcpCallError('not-found', detail, http, status);
  if (http === 404) return new GcpCallError('unexpected-answer', `HTTP 404 ${status ?? ''}: ${detail}`, http, status);
  if (http === 401) return new GcpCallError('unauthenticated', detail, http, status);
  if (http === 429) return new GcpCallError('rate-limited', detail, http, status, retryAfterMs(headers, now));
  if (http >= 500) return new GcpCallError('unavailable', detail, http, status, retryAfterMs(headers, now));
  if (http === 400) return new GcpCallError('invalid-request', detail, http, status);
  return new GcpCallError('other', detail, http, status);
}

/**
 * Calls in flight to Google Cloud: at most `size` (layers.gcp.concurrency), fewer while the APIs answer
 * 429 (halved; ../concurrency.ts), widening again as calls succeed. Google's quotas are per API and
 * method: the call that got the 429 waits its Retry-After (callWithPolicy), the others are not held.
 */
export class Limiter extends AdaptiveLimiter {
  constructor(size: number) {
    super(size, (e) => (classify(e).kind === 'rate-limited' ? {} : undefined));
  }
}

export interface CallPolicy {
  timeoutMs: number;
  retries: number;
  retryBudgetMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one API call with the policy. The transport aborts a call at `timeoutMs`; the race here is a
 * backstop for anything that ignores the abort (the late result is dropped, never unhandled).
 */
export async function callWithPolicy<T>(
  limiter: Limiter,
  policy: CallPolicy,
  fn: () => Promise<T>,
  onRetry?: (error: GcpCallError, delayMs: number) => void,
): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    let error: GcpCallError;
    try {
      return await limiter.run(() => withBackstop(fn(), policy.timeoutMs + 2_000));
    } catch (e) {
      error = classify(e);
    }
    error.attempts = attempt + 1;
    if (!RETRYABLE.has(error.kind) || attempt >= policy.retries) throw error;
    const backoff = Math.min(200 * 2 ** attempt, 10_000);
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    const delay = Math.max(error.retryAfterMs ?? 0, jittered);
    if (waited + delay > policy.retryBudgetMs) throw error;
    onRetry?.(error, delay);
    await sleep(delay);
    waited += delay;
  }
}

function withBackstop<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GcpCallError('timeout', 'no answer before the timeout')), ms);
    timer.unref?.();
  });
  p.catch(() => {});
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

/**
 * Walks a paginated list to the end. `fetchPage` gets the token of the page to read (undefined first) and
 * returns the page's items and the next token. A token seen twice stops the walk with an error instead of
 * looping; so does an absurd number of pages.
 */
export async function paginate<T>(
  fetchPage: (pageToken: string | undefined) => Promise<{ items: T[]; next?: string | null }>,
  maxPages = 1_000,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { items, next } = await fetchPage(token);
    out.push(...items);
    if (!next) return out;
    if (seen.has(next))
      throw new GcpCallError(
        'pagination',
        `the API returned the page token "${shorten(next, 40)}" twice; the listing was stopped instead of looping`,
      );
    seen.add(next);
    token = next;
  }
  throw new GcpCallError('pagination', `more than ${maxPages} pages; the listing was stopped`);
}

/** The problem a failed call leaves in a facet: the API method, the resource, what happened and the fix. */
export function problemOf(api: GcpApiCallId, resource: string, err: GcpCallError, project: string): Problem {
  const call = gcpApiCalls()[api];
  const host = `${call.service}.googleapis.com`;
  const what = `${host} ${call.method} on ${resource}`;
  const tries = err.attempts > 1 ? ` after ${err.attempts} attempts` : '';
  const http = err.httpStatus ? `HTTP ${err.httpStatus}${err.status ? ` ${err.status}` : ''}` : '';
  const grant = `grant ${call.permission} to the identity the scan runs as (for example ${call.role})`;
  const byKind: Record<GcpErrorKind, { message: string; fix: string }> = {
    'permission-denied': { message: `${what} was denied (${http}): ${err.detail}`, fix: grant },
    'service-disabled': {
      message: `${what} failed: the ${host} API is not enabled in project ${project} (${http}: ${err.detail})`,
      fix: `enable it with \`gcloud services enable ${host} --project=${project}\`, or leave "${call.service}" out of layers.gcp.services`,
    },
    'quota-project': {
      message: `${what} failed: the call was billed to a Google-owned project, not yours, because the credentials carry no quota project (${http}: ${err.detail})`,
      fix: `set layers.gcp.quotaProject (or GOOGLE_CLOUD_QUOTA_PROJECT) to ${project}, or run \`gcloud auth application-default set-quota-project ${project}\`; enabling the API does not help`,
    },
    'unexpected-answer': {
      message: `${what} got an answer that is not the API's: ${err.detail}; nothing is concluded about ${resource}`,
      fix: 'check the endpoint and any proxy between the scanner and Google; if it persists, report it',
    },
    'not-found': {
      message: `${what} answered 404 NOT_FOUND (${err.detail}): the project or location does not exist, or the endpoint does not serve this API`,
      fix: 'check layers.gcp.projects and layers.gcp.locations (and the endpoint, when one is set)',
    },
    unauthenticated: {
      message: `${what} was refused as unauthenticated (${http}): ${err.detail}`,
      fix: 'refresh the credentials: `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS',
    },
    'rate-limited': {
      message: `${what} was still rate-limited${tries} (${http}): ${err.detail}`,
      fix: 'lower layers.gcp.concurrency, raise layers.gcp.retryBudgetMs, or ask for more quota',
    },
    unavailable: {
      message: `${what} failed${tries}${http ? ` (${http})` : ''}: ${err.detail}`,
      fix: 'retry later; if it persists, check the endpoint and the API status page',
    },
    timeout: {
      message: `${what} did not answer in time${tries}`,
      fix: 'raise layers.gcp.timeoutMs or retry later',
    },
    malformed: {
      message: `${what} returned an unreadable answer: ${err.detail}`,
      fix: 'retry; if it persists, report it',
    },
    'invalid-request': {
      message: `${what} was rejected (${http}): ${err.detail}`,
      fix: 'check layers.gcp (projects, locations)',
    },
    pagination: {
      message: `${what}: ${err.detail}`,
      fix: 'retry later; if it persists, report it to Google Cloud support',
    },
    credentials: {
      message: `${what} was not attempted: no Application Default Credentials (${err.detail})`,
      fix: 'run `gcloud auth application-default login`, set GOOGLE_APPLICATION_CREDENTIALS, run on a workload with a service account, or set CODITECT_AUDIT_GCP_ENDPOINT to read recordings',
    },
    other: { message: `${what} failed${http ? ` (${http})` : ''}: ${err.detail}`, fix: grant },
  };
  const { message, fix } = byKind[err.kind];
  const sentence = (t: string) => `${t.replace(/[.\s]+$/, '')}.`;
  return {
    subject: `${host} ${call.method} ${resource}`,
    message: sentence(message),
    cause: err.kind,
    fix: sentence(fix),
  };
}
