/**
 * Talking to the API server through @kubernetes/client-node: which credentials (flag, config, KUBECONFIG,
 * ~/.kube/config, in-cluster service account), one timeout per request, retries with backoff and jitter
 * on 429 / 5xx / no answer (honouring Retry-After), bounded concurrency, and `limit`/`continue` paging
 * that restarts the list when the server says the continue token expired (410 Gone).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIPv6 } from 'node:net';
import { dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
// The client's own modules, not its index: the index re-exports every API group's generated clients and
// models (~4 MB bundled), which the collector never uses (it reads plain JSON) and a scan would compile.
import { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import { ApiException } from '@kubernetes/client-node/dist/gen/apis/exception.js';
import { type Configuration, createConfiguration } from '@kubernetes/client-node/dist/gen/configuration.js';
import {
  type HttpLibrary,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  type RequestContext,
  type ResponseBody,
  ResponseContext,
} from '@kubernetes/client-node/dist/gen/http/http.js';
import { Observable } from '@kubernetes/client-node/dist/gen/rxjsStub.js';
import { ServerConfiguration } from '@kubernetes/client-node/dist/gen/servers.js';
import { AdaptiveLimiter, sleep } from '../concurrency.js';
import clientFetch from './client-fetch.js';
import { kubeconfigFiles } from './kubeconfig.js';
import { listStart } from './list-start.js';

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export interface Connection {
  kc: KubeConfig;
  /** How the credentials were found, for messages: `kubeconfig k8s/kubeconfig (context staging)`. */
  source: string;
  server: string;
}

export interface ConnectOptions {
  /** Directory relative kubeconfig paths are resolved against (the scanned repository). */
  root: string;
  kubeconfig?: string;
  context?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Where the in-cluster service account token lives (tests point it elsewhere). */
  serviceAccountToken?: string;
}

const GET_CREDENTIALS =
  'pass --kubeconfig or set layers.k8s.kubeconfig or KUBECONFIG, or create ~/.kube/config (gcloud container clusters get-credentials <cluster> --region <region> --project <project>), or run inside the cluster with a service account';

/** Finds and loads the credentials; throws `ConnectionError` naming what was tried and the fix. */
export function connect(o: ConnectOptions): Connection {
  const env = o.env ?? process.env;
  const kc = new KubeConfig();
  let source: string;
  const load = (path: string, how: string) => {
    if (!existsSync(path)) throw new ConnectionError(`kubeconfig ${path} (${how}) does not exist`, GET_CREDENTIALS);
    try {
      kc.loadFromFile(path);
    } catch (e) {
      throw new ConnectionError(
        `kubeconfig ${path} (${how}) cannot be read: ${(e as Error).message}`,
        'fix or regenerate the file',
      );
    }
  };
  const found = kubeconfigFiles(o);
  if (found.how === 'flag') {
    load(found.files[0], '--kubeconfig or layers.k8s.kubeconfig');
    source = `kubeconfig ${o.kubeconfig}`;
  } else if (found.how === 'KUBECONFIG') {
    // Several files merge as kubectl merges them: the first file's current context wins.
    for (const [i, f] of found.files.entries()) {
      if (i === 0) {
        load(f, 'KUBECONFIG');
        continue;
      }
      if (!existsSync(f)) throw new ConnectionError(`kubeconfig ${f} (KUBECONFIG) does not exist`, GET_CREDENTIALS);
      const more = new KubeConfig();
      try {
        more.loadFromFile(f);
      } catch (e) {
        throw new ConnectionError(
          `kubeconfig ${f} (KUBECONFIG) cannot be read: ${(e as Error).message}`,
          'fix or regenerate the file',
        );
      }
      kc.mergeConfig(more, true);
    }
    source = 'kubeconfig from KUBECONFIG';
  } else if (found.how === 'default') {
    load(found.files[0], 'default path');
    source = 'kubeconfig ~/.kube/config';
  } else if (env.KUBERNETES_SERVICE_HOST && existsSync(o.serviceAccountToken ?? SERVICE_ACCOUNT_TOKEN)) {
    loadInCluster(kc, env, o.serviceAccountToken ?? SERVICE_ACCOUNT_TOKEN);
    source = 'in-cluster service account';
  } else {
    throw new ConnectionError(
      'no Kubernetes credentials: no --kubeconfig, no layers.k8s.kubeconfig, KUBECONFIG unset, no ~/.kube/config, not running in a cluster',
      GET_CREDENTIALS,
    );
  }
  if (o.context) {
    if (!kc.getContextObject(o.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ConnectionError(
        `${source} has no context "${o.context}"`,
        `choose one of: ${known.join(', ') || '(none)'} (--context or layers.k8s.context)`,
      );
    }
    kc.setCurrentContext(o.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new ConnectionError(
      `${source}: context "${kc.getCurrentContext()}" names no cluster`,
      'set current-context or pass --context',
    );
  }
  const context = kc.getCurrentContext();
  return { kc, source: context ? `${source} (context ${context})` : source, server: cluster.server };
}

/**
 * The pod's own service account, as `KubeConfig.loadFromCluster` builds it, but reading the given
 * environment (so the choice can be tested) and the token file next to which the CA certificate lives.
 */
function loadInCluster(kc: KubeConfig, env: NodeJS.ProcessEnv, tokenFile: string): void {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  const dir = dirname(tokenFile);
  const namespaceFile = join(dir, 'namespace');
  kc.loadFromOptions({
    clusters: [
      {
        name: 'inCluster',
        server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
        caFile: join(dir, 'ca.crt'),
        skipTLSVerify: false,
      },
    ],
    users: [{ name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile } } }],
    contexts: [
      {
        name: 'inClusterContext',
        cluster: 'inCluster',
        user: 'inClusterUser',
        ...(existsSync(namespaceFile) ? { namespace: readFileSync(namespaceFile, 'utf8').trim() } : {}),
      },
    ],
    currentContext: 'inClusterContext',
  });
}

/**
 * Largest answer one Kubernetes API request may give. A page of a list (`limit`, default 500 objects) is far
 * smaller; an API server, or something in its place, that sends more is an error of that list, not a crash.
 */
export const K8S_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The answer, refused when it announces (Content-Length) or turns out to hold more than the cap. */
function capped(response: ResponseContext, what: string): ResponseContext {
  const tooLarge = (bytes: number) =>
    new RequestFailure(
      `${what} answered ${bytes.toLocaleString('en-US')} bytes, over the ${K8S_MAX_RESPONSE_BYTES / 1024 / 1024} MiB cap of one answer`,
      'too-large',
      response.httpStatusCode,
    );
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > K8S_MAX_RESPONSE_BYTES) throw tooLarge(announced);
  const body = response.body;
  const text = body.text.bind(body);
  const binary = body.binary.bind(body);
  body.text = async () => {
    const t = await text();
    if (t.length > K8S_MAX_RESPONSE_BYTES) throw tooLarge(Buffer.byteLength(t));
    return t;
  };
  body.binary = async () => {
    const b = await binary();
    if (b.length > K8S_MAX_RESPONSE_BYTES) throw tooLarge(b.length);
    return b;
  };
  return response;
}

/**
 * Keep-alive agents in place of the one `KubeConfig.applySecurityAuthentication` makes for every request.
 * Its agent is new each time and not kept alive, so every request would open a connection (a TLS handshake
 * against a real API server, a DNS lookup for a host name) and could only be written once that connection is
 * up, a turn of the event loop later, behind whatever work the collector is doing then. Requests whose
 * agent options are the same (CA, client certificate and key, TLS verification, server name: everything the
 * kubeconfig and its exec plugin put there) share one keep-alive agent built from those same options, so
 * a new client certificate from an exec plugin gets a new agent and new connections. Other agents (proxies)
 * are used as given. Options are told apart by a digest; no copy of a key is kept.
 */
class KeepAliveAgents {
  private readonly agents = new Map<string, HttpAgent>();

  /** The shared agent for the options of `agent`, or `agent` itself when it is not a plain HTTP(S) agent. */
  reuse(agent: HttpAgent | undefined): HttpAgent | undefined {
    if (!agent || (agent.constructor !== HttpAgent && agent.constructor !== HttpsAgent)) return agent;
    const options = (agent as HttpAgent & { options?: Record<string, unknown> }).options;
    if (!options) return agent;
    const key = optionsDigest(agent.constructor === HttpsAgent ? 'https' : 'http', options);
    if (key === undefined) return agent;
    let shared = this.agents.get(key);
    if (!shared) {
      const Agent = agent.constructor as typeof HttpAgent;
      shared = new Agent({ ...options, keepAlive: true });
      this.agents.set(key, shared);
    }
    return shared;
  }

  /** Closes the kept connections (they would otherwise idle until the server drops them). */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

/** A digest of agent options made of strings, numbers, booleans and buffers; undefined for anything else. */
function optionsDigest(kind: string, options: Record<string, unknown>): string | undefined {
  const hash = createHash('sha256').update(kind);
  const add = (value: unknown): boolean => {
    if (value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      const text = `${typeof value}:${String(value)}`;
      hash.update(`${text.length}:${text}`);
      return true;
    }
    if (value instanceof Uint8Array) {
      hash.update(`bytes:${value.length}:`).update(value);
      return true;
    }
    if (Array.isArray(value)) {
      hash.update(`array:${value.length}:`);
      return value.every(add);
    }
    return false;
  };
  for (const name of Object.keys(options).sort()) {
    hash.update(`${name.length}:${name}=`);
    if (!add(options[name])) return undefined;
  }
  return hash.digest('hex');
}

/** One set of kept connections per loaded kubeconfig (every client of one collection shares them). */
const keptAgents = new WeakMap<KubeConfig, KeepAliveAgents>();
function agentsOf(conn: Connection): KeepAliveAgents {
  let agents = keptAgents.get(conn.kc);
  if (!agents) {
    agents = new KeepAliveAgents();
    keptAgents.set(conn.kc, agents);
  }
  return agents;
}

/** Closes the connections kept open to the API server (the end of a collection). */
export function closeConnections(conn: Connection): void {
  keptAgents.get(conn.kc)?.close();
  keptAgents.delete(conn.kc);
}

/**
 * The fetch transport with one timeout per request (an AbortSignal set on every request), a size cap, and
 * the connections kept alive.
 */
class TimedHttpLibrary implements HttpLibrary {
  constructor(
    private readonly timeoutMs: number,
    private readonly agents: KeepAliveAgents,
    private readonly log?: (message: string) => void,
    /** The collection's: aborting it ends every request in flight at once. */
    private readonly signal?: AbortSignal,
    private readonly inner: HttpLibrary = new IsomorphicFetchHttpLibrary(),
  ) {}
  send(request: RequestContext) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    // The request's own signal, if it has one (a page asked ahead that the list may drop), ends it too.
    const signals = [timeout, this.signal, request.getSignal()].filter((s) => s !== undefined);
    request.setSignal(signals.length === 1 ? timeout : AbortSignal.any(signals));
    const agent = this.agents.reuse(request.getAgent());
    if (agent) request.setAgent(agent);
    const log = this.log;
    const url = new URL(request.getUrl());
    const path = `${request.getHttpMethod()} ${url.pathname}`;
    if (!log)
      return new Observable(
        this.inner
          .send(request)
          .toPromise()
          .then((response) => capped(response, path)),
      );
    // Method, path and the paging size only: never headers (the bearer token) or bodies (Secret data).
    const what = `${path}${url.searchParams.has('continue') ? ' (next page)' : ''}`;
    const started = Date.now();
    return new Observable(
      this.inner
        .send(request)
        .toPromise()
        .then(
          (response) => {
            log(`${what} → ${response.httpStatusCode} in ${Date.now() - started} ms`);
            return capped(response, path);
          },
          (error: unknown) => {
            log(`${what} → ${error instanceof Error ? error.name : 'failed'} in ${Date.now() - started} ms`);
            throw error;
          },
        ),
    );
  }
}

/** An answer's body, also as it arrives (`stream`): the list reader reads a page's start before its end. */
interface StreamingBody extends ResponseBody {
  stream(): NodeJS.ReadableStream | null;
}

/**
 * The client's fetch transport (`IsomorphicFetchHttpLibrary`: the same fetch, called the same way), whose
 * answers also hand over their body as it arrives.
 */
class StreamingFetchHttpLibrary implements HttpLibrary {
  send(request: RequestContext) {
    return new Observable(
      clientFetch(request.getUrl(), {
        method: request.getHttpMethod().toString(),
        body: request.getBody(),
        headers: request.getHeaders(),
        signal: request.getSignal(),
        agent: request.getAgent(),
      }).then((response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const body: StreamingBody = {
          text: () => response.text(),
          binary: () => response.buffer(),
          stream: () => response.body,
        };
        return new ResponseContext(response.status, headers, body);
      }),
    );
  }
}

/**
 * An API client of the given class (`CoreV1Api`, `CustomObjectsApi`...) whose requests time out; with
 * `log`, one line per HTTP exchange (`--debug`).
 */
export function makeClient<T>(
  conn: Connection,
  Api: new (config: Configuration) => T,
  timeoutMs: number,
  log?: (message: string) => void,
): T {
  const config = createConfiguration({
    baseServer: new ServerConfiguration(conn.server, {}),
    authMethods: { default: conn.kc },
    httpApi: new TimedHttpLibrary(timeoutMs, agentsOf(conn), log),
  });
  return new Api(config);
}

export interface ReadOptions {
  /** This read's own: aborting it ends this request alone (a page asked ahead that the list dropped). */
  signal?: AbortSignal;
  /**
   * Told a list's continue token as soon as the start of its body names it, while the rest is arriving; the
   * whole body must then name the same token, or the read fails (a pagination error). Never told twice.
   */
  onContinue?: (token: string) => void;
}

/** A GET of the API returning its JSON body as is; failures are thrown as the typed clients throw them. */
export type JsonReader = (path: string, query: Record<string, string>, options?: ReadOptions) => Promise<unknown>;

/** How much of a list body's start is read for its continue token before leaving it to the whole body. */
const LIST_START_CHARS = 64 * 1024;

/**
 * Reads API paths as plain JSON through the client's own server, credentials (`KubeConfig`: tokens, exec
 * plugins, client certificates, CA) and timed transport. List pages go through here rather than the typed
 * list calls: those turn every object into model classes (timestamps into Dates) that the collector would
 * only turn back into JSON; here each page is decoded once, and objects keep the API's own representation.
 * With `signal`, a read once it aborts is not sent, and one in flight ends.
 */
export function makeJsonReader(
  conn: Connection,
  timeoutMs: number,
  log?: (message: string) => void,
  signal?: AbortSignal,
  /** Told each time a request's credentials were made (an exec plugin's token is then cached). */
  authenticated?: () => void,
): JsonReader {
  const server = new ServerConfiguration(conn.server, {});
  const transport = new TimedHttpLibrary(timeoutMs, agentsOf(conn), log, signal, new StreamingFetchHttpLibrary());
  return async (path, query, options = {}) => {
    signal?.throwIfAborted();
    options.signal?.throwIfAborted();
    const request = server.makeRequestContext(path, HttpMethod.GET);
    request.setHeaderParam('Accept', 'application/json, */*;q=0.8');
    for (const [name, value] of Object.entries(query)) request.setQueryParam(name, value);
    await conn.kc.applySecurityAuthentication(request);
    authenticated?.();
    signal?.throwIfAborted();
    options.signal?.throwIfAborted();
    // Ends the request when its body is refused part way (over the size cap), besides the caller's signal.
    const own = options.onContinue ? new AbortController() : undefined;
    const ends = [options.signal, own?.signal].filter((s) => s !== undefined);
    if (ends.length > 0) request.setSignal(ends.length === 1 ? (ends[0] as AbortSignal) : AbortSignal.any(ends));
    const response = await transport.send(request).toPromise();
    const status = response.httpStatusCode;
    // As the generated clients answer: 401 without its body, any other non-2xx with it (withRetries reads both).
    if (status === 401) throw new ApiException(status, 'Unauthorized', undefined, response.headers);
    if (status < 200 || status > 299)
      throw new ApiException(status, 'Unknown API Status Code!', await response.getBodyAsAny(), response.headers);
    const contentType = response.headers['content-type'];
    if (!contentType || !/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim()))
      throw new Error(`the API server answered ${contentType ?? 'no content type'} where JSON was expected`);
    const stream = own ? (response.body as Partial<StreamingBody>).stream?.() : undefined;
    if (!stream || !own || !options.onContinue) return JSON.parse(await response.body.text());
    return readList(stream, options.onContinue, own, path, status);
  };
}

/** A list body that could not be read to its end (cut off, undecodable): worth another try, as any transport error. */
class BodyReadError extends Error {
  override name = 'BodyReadError';
}

/**
 * A list page's body read as it arrives: the continue token its start names is told at once (`onContinue`),
 * and the whole body, once parsed, must name the same one. Refused past the size cap, as `capped` refuses.
 */
async function readList(
  stream: NodeJS.ReadableStream,
  onContinue: (token: string) => void,
  own: AbortController,
  path: string,
  status: number,
): Promise<unknown> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  // The body's start as text, until it tells the token or is long enough to give up on.
  const decoder = new StringDecoder('utf8');
  let start: string | undefined = '';
  let told: string | undefined;
  // Each chunk as it is pushed (as node-fetch reads a body), not concatenated by `read()`.
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (own.signal.aborted) return;
      bytes += chunk.length;
      if (bytes > K8S_MAX_RESPONSE_BYTES) {
        // Refused first: ending the request then makes the body fail with an abort, which must not win.
        reject(
          new RequestFailure(
            `GET ${path} answered over ${K8S_MAX_RESPONSE_BYTES.toLocaleString('en-US')} bytes, over the ${K8S_MAX_RESPONSE_BYTES / 1024 / 1024} MiB cap of one answer`,
            'too-large',
            status,
          ),
        );
        own.abort();
        return;
      }
      chunks.push(chunk);
      if (start === undefined) return;
      start += decoder.write(chunk);
      const known = listStart(start);
      if (known === 'more' && start.length < LIST_START_CHARS) return;
      start = undefined;
      if (typeof known === 'object' && known.continue !== undefined) {
        told = known.continue;
        onContinue(told);
      }
    });
    stream.on('error', (e: unknown) => {
      if (isTimeout(e)) reject(e);
      else
        reject(new BodyReadError(`the answer's body could not be read: ${e instanceof Error ? e.message : String(e)}`));
    });
    stream.on('end', resolve);
  });
  const list = JSON.parse((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, bytes)).toString());
  if (told !== undefined) {
    const meta = list && typeof list === 'object' ? (list as { metadata?: unknown }).metadata : undefined;
    const token = meta && typeof meta === 'object' ? (meta as { continue?: unknown }).continue : undefined;
    if (token !== told)
      throw new RequestFailure(
        `GET ${path}: the start of a page named another continue token than the whole page; the list was stopped rather than mix pages`,
        'pagination',
      );
  }
  return list;
}

// ---------------------------------------------------------------- failures

export type FailureCause =
  | 'permission-denied'
  | 'unauthenticated'
  | 'not-served'
  | 'timeout'
  | 'unreachable'
  | 'expired-continue'
  | 'pagination'
  | 'too-large'
  | 'api-error';

export class RequestFailure extends Error {
  override name = 'RequestFailure';
  constructor(
    message: string,
    readonly reason: FailureCause,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The API server's own `Status.message`, when the error body is one (it is sent as a JSON string). */
function statusMessage(body: unknown): string | undefined {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() ? body.trim().slice(0, 300) : undefined;
    }
  }
  if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string')
    return (value as { message: string }).message;
  return undefined;
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/** Network-level failures: refused, reset, truncated or unparsable bodies. Worth another try. */
function isTransportError(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e.name === 'FetchError' || e instanceof BodyReadError || e instanceof SyntaxError || 'code' in e)
  );
}

export interface RetryPolicy {
  retries: number;
  timeoutMs: number;
  /** First backoff step; doubles each attempt, with up to 50% jitter, capped at 5 s. */
  backoffMs: number;
  /** Told before each retry (`--debug`). */
  onRetry?: (message: string) => void;
  /**
   * The collection's: once it aborts, a call neither tries again nor waits to, and rejects with its reason
   * (not a `RequestFailure`: nothing is judged of a call the collection no longer wants).
   */
  signal?: AbortSignal;
}

/** Runs one request with retries; throws `RequestFailure` (never a raw client error). */
export async function withRetries<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const signal = policy.signal;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await call();
    } catch (e) {
      signal?.throwIfAborted();
      // Already judged (an answer over the size cap): another try would only read it again.
      if (e instanceof RequestFailure) throw e;
      const last = attempt >= policy.retries;
      const backoff = Math.min(5000, policy.backoffMs * 2 ** attempt) * (1 + Math.random() * 0.5);
      if (e instanceof ApiException) {
        const code = e.code;
        const message = statusMessage(e.body) ?? `HTTP ${code}`;
        if (code === 429 || code >= 500) {
          if (last) throw new RequestFailure(`answered ${code} (${message}) ${attempt + 1} times`, 'api-error', code);
          const retryAfter = Number(e.headers?.['retry-after']);
          policy.onRetry?.(`answered ${code}; retry ${attempt + 1} of ${policy.retries}`);
          await sleep(
            Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter * 1000, 30_000) : backoff,
            signal,
          );
          continue;
        }
        if (code === 403) throw new RequestFailure(message, 'permission-denied', code);
        if (code === 401) throw new RequestFailure(message, 'unauthenticated', code);
        if (code === 404) throw new RequestFailure(message, 'not-served', code);
        if (code === 410) throw new RequestFailure(message, 'expired-continue', code);
        throw new RequestFailure(`answered ${code}: ${message}`, 'api-error', code);
      }
      if (isTimeout(e)) {
        if (last) throw new RequestFailure(`no answer within ${policy.timeoutMs} ms, ${attempt + 1} times`, 'timeout');
        policy.onRetry?.(`no answer within ${policy.timeoutMs} ms; retry ${attempt + 1} of ${policy.retries}`);
        await sleep(backoff, signal);
        continue;
      }
      if (isTransportError(e)) {
        if (last) throw new RequestFailure(`${(e as Error).message} (${attempt + 1} attempts)`, 'unreachable');
        policy.onRetry?.(`${(e as Error).name}; retry ${attempt + 1} of ${policy.retries}`);
        await sleep(backoff, signal);
        continue;
      }
      throw new RequestFailure(e instanceof Error ? e.message : String(e), 'api-error');
    }
  }
}

/**
 * At most `n` requests at once (the context's `concurrency`), fewer while the API server answers 429:
 * halved and held until Retry-After (../concurrency.ts), widening again as requests succeed. Once `signal`
 * aborts, a request still waiting for its turn rejects instead of starting.
 */
export function limiter(
  n: number,
  signal?: AbortSignal,
): <T>(task: () => Promise<T>, taskSignal?: AbortSignal) => Promise<T> {
  const adaptive = new AdaptiveLimiter(n, (e) => {
    if (!(e instanceof ApiException) || e.code !== 429) return undefined;
    const seconds = Number(e.headers?.['retry-after']);
    return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: Math.min(seconds * 1000, 30_000) } : {};
  });
  // A task's own signal (a page asked ahead) is the collection's and its own together.
  return (task, taskSignal) => adaptive.run(task, taskSignal ?? signal);
}

export interface Page {
  items: unknown[];
  continueToken?: string;
}

/** What `listAll` gives each page's read. */
export interface PageRequest {
  /** The page's own: aborted when the list no longer wants it (asked ahead, then not needed). */
  signal: AbortSignal;
  /** Told the page's continue token once the start of its body names it: the next page is asked for then. */
  onContinue: (token: string) => void;
}

/** A page asked for, and the page after it once this one's body named its continue token. */
interface AskedPage {
  token: string | undefined;
  abort: AbortController;
  page: Promise<Page>;
  /** Whether the page before was read whole and named this page's token (the first page is). */
  confirmed: boolean;
  /** The token this page's body named before it was confirmed: asked for once it is. */
  named?: string;
  next?: AskedPage;
}

/** Ends a page asked for, and every page asked ahead of it. */
function dropPages(asked: AskedPage | undefined): void {
  for (let a = asked; a; a = a.next) a.abort.abort();
}

/**
 * Every item of a list, page by page. A 410 (the continue token expired while paging) restarts the list
 * from the beginning, so the result is one consistent snapshot; after three restarts it gives up.
 *
 * Each next page is asked for as soon as the start of the page before names its token (`onContinue`), while
 * the rest of that page arrives; else once it is read. A page asked ahead is used only for the token the
 * whole page names (a retried page may name another: the one asked ahead is then dropped), and is aborted
 * when the list fails, restarts or ends before it: no request runs for a page the list no longer needs.
 */
export async function listAll<T = unknown>(
  fetchPage: (limit: number, continueToken: string | undefined, request: PageRequest) => Promise<Page>,
  pageSize: number,
  policy: RetryPolicy,
  /**
   * What to keep of one page's items, run once the next page is asked for, so that the work is done while
   * that page is in flight; the items of a list restarted after a 410 are dropped with what they made.
   */
  keep: (items: unknown[]) => T[] = (items) => items as T[],
): Promise<T[]> {
  for (let restart = 0; ; restart++) {
    const items: T[] = [];
    let token: string | undefined;
    // A server that hands out a continue token twice would page forever: stop with an error instead.
    const seen = new Set<string>();
    const ask = (continueToken: string | undefined): AskedPage => {
      const abort = new AbortController();
      const signal = policy.signal ? AbortSignal.any([policy.signal, abort.signal]) : abort.signal;
      const asked: AskedPage = {
        token: continueToken,
        abort,
        page: Promise.resolve({ items: [] }),
        confirmed: continueToken === undefined,
      };
      const onContinue = (next: string) => {
        // A page dropped (or whose collection ended) asks for nothing more.
        if (signal.aborted) return;
        // A page asked ahead asks for none until the page before it is read whole and names it.
        if (asked.confirmed) askAfter(asked, next);
        else asked.named = next;
      };
      asked.page = withRetries(() => fetchPage(pageSize, continueToken, { signal, onContinue }), {
        ...policy,
        signal,
      });
      // Awaited once it is the list's next page, or dropped: a failure is never left unhandled.
      asked.page.catch(() => undefined);
      return asked;
    };
    const askAfter = (asked: AskedPage, next: string) => {
      // Asked already (a retry of this page names the same token), or a token this list has had: then the
      // whole page decides (the same token twice stops the list), and nothing is asked for it.
      if (asked.next?.token === next || next === asked.token || seen.has(next)) return;
      // An earlier try of this page named another token.
      dropPages(asked.next);
      asked.next = ask(next);
    };
    let current = ask(undefined);
    try {
      for (;;) {
        const page = await current.page;
        token = page.continueToken || undefined;
        if (token !== undefined && seen.has(token))
          throw new RequestFailure(
            'the API server returned the same continue token twice; the list was stopped instead of looping',
            'pagination',
          );
        let next = current.next;
        if (token === undefined) {
          dropPages(next);
          items.push(...keep(page.items));
          return items;
        }
        seen.add(token);
        if (next?.token !== token) {
          dropPages(next);
          next = ask(token);
        }
        current = next;
        current.confirmed = true;
        if (current.named !== undefined) askAfter(current, current.named);
        items.push(...keep(page.items));
      }
    } catch (e) {
      // A failed page ends the list (or restarts it): whatever was asked after it is not wanted.
      dropPages(current);
      if (e instanceof RequestFailure && e.reason === 'expired-continue' && token !== undefined && restart < 3)
        continue;
      if (e instanceof RequestFailure && e.reason === 'expired-continue')
        throw new RequestFailure(
          `the list kept changing faster than it could be paged (410 Gone ${restart + 1} times)`,
          'expired-continue',
          410,
        );
      throw e;
    }
  }
}
