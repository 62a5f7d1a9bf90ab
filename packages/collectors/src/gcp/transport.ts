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
  ) {}

  static async create(settings: GcpSettings): Promise<GcpTransport> {
    const { GoogleAuth, PassThroughClient } = await import('google-auth-library');
    const transporterOptions = { timeout: settings.timeoutMs };
    const needsEndpoint = [...settings.services].some((s) => settings.endpoints[s]);
    const needsAdc = [...settings.services].some((s) => !settings.endpoints[s]);
    return new GcpTransport(
      settings,
      needsEndpoint ? new PassThroughClient({ transporterOptions }) : undefined,
      needsAdc ? new GoogleAuth({ scopes: SCOPES, clientOptions: { transporterOptions } }) : undefined,
    );
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
      await this.adc.getClient();
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
      timeout: this.settings.timeoutMs,
    });
    const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  }
}
