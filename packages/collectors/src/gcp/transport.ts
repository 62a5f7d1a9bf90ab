/**
 * Where and how each API is reached. With an endpoint (CODITECT_AUDIT_GCP_ENDPOINT, `layers.gcp.endpoint`
 * or `endpoints.<api>`) the official clients speak plain REST/JSON to that base URL with no credentials
 * (google-auth-library's PassThroughClient). Otherwise they speak REST to `<service>.<universe domain>`
 * with Application Default Credentials (key file, gcloud user, metadata server, workload identity
 * federation), one shared GoogleAuth. Every HTTP call carries the quota project when one is configured and
 * is aborted at the configured timeout.
 *
 * Where an official client calls an API other than the way Google declares it (the KMS client's REST
 * fallback sends `:getIamPolicy` as a POST, which Cloud KMS does not declare: googleapis/gax-nodejs#1462),
 * or there is no official client, `call()` sends the declared verb, path and query from the API call table.
 */
import type { GcpService } from '@coditect-audit/core';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import nodeFetch from 'node-fetch';
import {
  gcpApiCalls,
  GCP_DOCTOR_CALLS,
  type GcpApiCall,
  type GcpApiCallId,
  type GcpDoctorCallId,
} from './api-calls.js';
import { classify, GcpCallError } from './call.js';
import { type GcpSettings, UNIVERSE_DOMAIN_ENV } from './settings.js';

/** The options the official GAPIC clients take for REST mode. */
export type GapicOptions = {
  fallback: true;
  apiEndpoint?: string;
  port?: number;
  protocol?: 'http' | 'https';
  authClient?: AuthClient;
  auth?: GoogleAuth;
  universeDomain?: string;
};

/** Query values of a declared call: one value, or one per repetition. */
export type Query = Record<string, string | number | undefined>;

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

export class GcpTransport {
  private constructor(
    private readonly settings: GcpSettings,
    private readonly passThrough: AuthClient | undefined,
    private readonly adc: GoogleAuth | undefined,
    private readonly log: HttpLog | undefined,
  ) {}

  static async create(settings: GcpSettings, log?: HttpLog): Promise<GcpTransport> {
    const { GoogleAuth, PassThroughClient } = await import('google-auth-library');
    const needsEndpoint = [...settings.services].some((s) => settings.endpoints[s]);
    const needsAdc = [...settings.services].some((s) => !settings.endpoints[s]);
    const passThrough = needsEndpoint ? new PassThroughClient() : undefined;
    if (passThrough) instrument(passThrough, settings, log);
    const adc = needsAdc
      ? new GoogleAuth({
          scopes: SCOPES,
          // No universe here: the credentials say which universe they belong to (checked below).
          ...(settings.quotaProject ? { clientOptions: { quotaProjectId: settings.quotaProject } } : {}),
        })
      : undefined;
    return new GcpTransport(settings, passThrough, adc, log);
  }

  /** Whether the API is read from an endpoint (no credentials) rather than from Google. */
  emulated(service: GcpService): boolean {
    return this.settings.endpoints[service] !== undefined;
  }

  /**
   * Resolves Application Default Credentials once, before any call; undefined when they are usable (or
   * not needed). A failure here becomes one problem per API instead of one per call.
   */
  async credentialsProblem(): Promise<GcpCallError | undefined> {
    if (!this.adc) return undefined;
    try {
      await this.credentials();
      return undefined;
    } catch (e) {
      const err = classify(e);
      return err.kind === 'credentials' ? err : new GcpCallError('credentials', err.detail);
    }
  }

  private ready: Promise<AuthClient> | undefined;

  /**
   * The ADC client, once, after checking that the credentials belong to the configured universe: the
   * configuration (which may sit in the scanned tree) can confirm the universe, never send the credentials
   * to another domain.
   */
  private credentials(): Promise<AuthClient> {
    this.ready ??= (async () => {
      if (!this.adc) throw new GcpCallError('credentials', 'no API is read with credentials');
      const client = await this.adc.getClient();
      const universe = await this.adc.getUniverseDomain();
      if (universe !== this.settings.universeDomain)
        throw new GcpCallError(
          'credentials',
          `the credentials belong to the universe ${universe}, but the calls would go to ${this.settings.universeDomain} (layers.gcp.universeDomain or ${UNIVERSE_DOMAIN_ENV}); they are not sent there`,
        );
      instrument(client, this.settings, this.log);
      return client;
    })();
    return this.ready;
  }

  gapic(service: GcpService): GapicOptions {
    const url = this.settings.endpoints[service];
    if (!url) return { fallback: true, auth: this.adc!, universeDomain: this.settings.universeDomain };
    const https = url.protocol === 'https:';
    return {
      fallback: true,
      apiEndpoint: url.hostname,
      port: url.port ? Number(url.port) : https ? 443 : 80,
      protocol: https ? 'https' : 'http',
      authClient: this.passThrough!,
    };
  }

  /** Base URL of an API: the endpoint, or `https://<service>.<universe domain>`. */
  baseUrl(service: GcpService): string {
    const url = this.settings.endpoints[service];
    return url ? url.origin : `https://${service}.${this.settings.universeDomain}`;
  }

  /**
   * A declared REST read: the verb and path of the API call table, the path variables filled in (each one
   * path segment, escaped), the query as given. Answers the parsed JSON; an answer that is not JSON is an
   * error naming the call, never data.
   */
  async call(
    id: GcpApiCallId | GcpDoctorCallId,
    vars: Record<string, string>,
    query: Query = {},
    body?: unknown,
  ): Promise<unknown> {
    const declared: GcpApiCall =
      id in gcpApiCalls() ? gcpApiCalls()[id as GcpApiCallId] : GCP_DOCTOR_CALLS[id as GcpDoctorCallId];
    const path = declared.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`${id}: no value for {${name}}`);
      return encodeURIComponent(value);
    });
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
    const search = params.size > 0 ? `?${params}` : '';
    const client = this.settings.endpoints[declared.service] ? this.passThrough! : await this.credentials();
    const res = await client.request<string>({
      url: `${this.baseUrl(declared.service)}${path}${search}`,
      method: declared.http,
      ...(body === undefined ? {} : { data: body }),
      responseType: 'text',
    });
    return jsonAnswer(res.headers, res.data);
  }
}

/** A successful answer's JSON; anything else (an HTML page, another content type) is `malformed`. */
function jsonAnswer(headers: unknown, data: unknown): unknown {
  const h = headers as { get?: (k: string) => string | null } | Record<string, unknown> | undefined;
  const type = String(
    (typeof (h as { get?: unknown })?.get === 'function'
      ? (h as { get: (k: string) => string | null }).get('content-type')
      : (h as Record<string, unknown> | undefined)?.['content-type']) ?? '',
  );
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  if (text.trim() === '') return {};
  if (!/^application\/json\b/i.test(type))
    throw new GcpCallError('malformed', `the answer is ${type || 'of no content type'}, not the API's JSON`);
  return JSON.parse(text) as unknown;
}
/** Largest answer one Google API call may announce (Content-Length); a page of a list is far smaller. */
export const GCP_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Sends the quota project with every HTTP request of the client, aborts each at the timeout, and sends it
 * through `abortSafeFetch`. gaxios's own `timeout` combines signals with `AbortSignal.any`, whose timer
 * Node 20 can garbage-collect before it fires under load; this timer is held until it runs (unref'd: it
 * never keeps the process alive by itself).
 */
function instrument(client: AuthClient, settings: GcpSettings, log?: HttpLog): void {
  const ms = settings.timeoutMs;
  if (log) logExchanges(client, log);
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (settings.quotaProject) {
        const headers = new Headers(config.headers as ConstructorParameters<typeof Headers>[0]);
        headers.set('x-goog-user-project', settings.quotaProject);
        config.headers = headers;
      }
      const controller = new AbortController();
      const upstream = config.signal as AbortSignal | undefined;
      if (upstream?.aborted) controller.abort(upstream.reason);
      else upstream?.addEventListener('abort', () => controller.abort(upstream.reason), { once: true });
      const timer = setTimeout(() => controller.abort(new DOMException('the call timed out', 'TimeoutError')), ms);
      timer.unref();
      config.signal = controller.signal;
      config.fetchImplementation = abortSafeFetch as unknown as typeof config.fetchImplementation;
      // An answer announced over the cap is an error of the call (a problem in its facet), not a read of it.
      config.maxContentLength = GCP_MAX_RESPONSE_BYTES;
      return config;
    },
  });
}

/**
 * node-fetch 3, the fetch gaxios uses in Node (kept rather than Node's own fetch, which ignores the proxy
 * and mTLS agents gaxios sets), handed a signal that is already aborted destroys the request body stream it
 * made from the JSON body with the abort error, and nothing listens to that stream: an unhandled 'error'
 * event, and the process dies with exit 4 ("internal error: AbortError: The operation was aborted.") in the
 * middle of a scan. The signal is aborted at that point when gax's retry budget is spent, or when the
 * timeout fired while the request waited, which a loaded machine makes likely: the first calls of a scan
 * used to wait for gaxios to import node-fetch. So the check is made here, with nothing asynchronous
 * between it and node-fetch's own; an abort after that reaches streams node-fetch is piping, which report
 * it as the call's rejection.
 */
async function abortSafeFetch(url: string | URL, init?: RequestInit): Promise<unknown> {
  const signal = init?.signal;
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new DOMException('the call was aborted', 'AbortError');
  return nodeFetch(url, init as Parameters<typeof nodeFetch>[1]);
}

/** Receives one line per HTTP exchange (`--debug`). */
export type HttpLog = (message: string) => void;

/**
 * Logs each exchange as method, host and path (the query is left out: it only pages), status and duration.
 * Headers and bodies are never logged: they carry the access token and, for some APIs, data.
 */
function logExchanges(client: AuthClient, log: HttpLog): void {
  const started = new WeakMap<object, number>();
  const describe = (config: { method?: string; url?: string | URL } | undefined) => {
    const url = config?.url ? new URL(String(config.url)) : undefined;
    return `${(config?.method ?? 'GET').toUpperCase()} ${url ? `${url.host}${url.pathname}` : '(no url)'}`;
  };
  const took = (config: object | undefined) => {
    const at = config ? started.get(config) : undefined;
    return at === undefined ? '' : ` in ${Date.now() - at} ms`;
  };
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      started.set(config, Date.now());
      return config;
    },
  });
  client.transporter.interceptors.response.add({
    resolved: async (response) => {
      log(`${describe(response.config)} → ${response.status}${took(response.config)}`);
      return response;
    },
    rejected: async (error) => {
      const e = error as { config?: { method?: string; url?: string | URL }; status?: number; code?: unknown };
      const outcome = e.status ?? (typeof e.code === 'string' ? e.code : (error as Error).name);
      log(`${describe(e.config)} → ${outcome}${took(e.config)}`);
      throw error;
    },
  });
}
