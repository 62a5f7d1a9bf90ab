/**
 * Where and how each API is reached. With an endpoint (CODITECT_AUDIT_GCP_ENDPOINT, `layers.gcp.endpoint`
 * or `endpoints.<api>`) the official clients speak plain REST/JSON to that base URL with no credentials
 * (google-auth-library's PassThroughClient). Otherwise they speak REST to Google with Application Default
 * Credentials (key file, gcloud user, metadata server, workload identity federation), one shared GoogleAuth.
 * Every HTTP call is aborted at the configured timeout.
 */
import type { GcpService } from '@coditect-audit/core';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { classify, GcpCallError } from './call.js';
import type { GcpSettings } from './settings.js';

/** The options the official GAPIC clients take for REST mode. */
export type GapicOptions = {
  fallback: true;
  apiEndpoint?: string;
  port?: number;
  protocol?: 'http' | 'https';
  authClient?: AuthClient;
  auth?: GoogleAuth;
};

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
    if (passThrough) abortAfter(passThrough, settings.timeoutMs, log);
    return new GcpTransport(settings, passThrough, needsAdc ? new GoogleAuth({ scopes: SCOPES }) : undefined, log);
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
      abortAfter(await this.adc.getClient(), this.settings.timeoutMs, this.log);
      return undefined;
    } catch (e) {
      const err = classify(e);
      return err.kind === 'credentials' ? err : new GcpCallError('credentials', err.detail);
    }
  }

  gapic(service: GcpService): GapicOptions {
    const url = this.settings.endpoints[service];
    if (!url) return { fallback: true, auth: this.adc! };
    const https = url.protocol === 'https:';
    return {
      fallback: true,
      apiEndpoint: url.hostname,
      port: url.port ? Number(url.port) : https ? 443 : 80,
      protocol: https ? 'https' : 'http',
      authClient: this.passThrough!,
    };
  }

  /** A REST read on a public path, for the APIs without an official Node client (IAM, Identity Toolkit). */
  async rest(service: GcpService, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = this.settings.endpoints[service];
    const base = url ? url.origin : `https://${service}.googleapis.com`;
    const client = url ? this.passThrough! : await this.adc!.getClient();
    const res = await client.request<string>({
      url: `${base}${path}`,
      method,
      ...(body === undefined ? {} : { data: body }),
      responseType: 'text',
    });
    const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  }
}

/** Largest answer one Google API call may announce (Content-Length); a page of a list is far smaller. */
export const GCP_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Aborts every HTTP request of the client at `ms`. gaxios's own `timeout` combines signals with
 * `AbortSignal.any`, whose timer Node 20 can garbage-collect before it fires under load; this timer is held
 * until it runs (unref'd: it never keeps the process alive by itself).
 */
function abortAfter(client: AuthClient, ms: number, log?: HttpLog): void {
  if (log) logExchanges(client, log);
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      const controller = new AbortController();
      const upstream = config.signal as AbortSignal | undefined;
      // Already aborted (gax's retry budget spent, a timer that fired under load): fail the call here. Handed
      // to node-fetch, the abort destroys the body stream it made, which nothing listens to, and the process
      // dies of an unhandled 'error' event.
      if (upstream?.aborted)
        throw upstream.reason instanceof Error
          ? upstream.reason
          : new DOMException('the call was aborted', 'AbortError');
      upstream?.addEventListener('abort', () => controller.abort(upstream.reason), { once: true });
      const timer = setTimeout(() => controller.abort(new DOMException('the call timed out', 'TimeoutError')), ms);
      timer.unref();
      config.signal = controller.signal;
      // An answer announced over the cap is an error of the call (a problem in its facet), not a read of it.
      config.maxContentLength = GCP_MAX_RESPONSE_BYTES;
      return config;
    },
  });
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
