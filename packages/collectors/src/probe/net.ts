/**
 * One HTTP(S) request, bounded in time and size, that never follows a redirect by itself and reports
 * the TLS peer it talked to. Built on node:http(s) rather than fetch because the probes need a per-call
 * CA (`caFile`) and the server certificate, which fetch exposes neither of.
 */
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { CertificateObservation } from '@coditect-audit/core';
import { caBundle, observeCertificate, sniName } from './tls.js';
import { withTimeout } from './util.js';

export const USER_AGENT = 'coditect-audit-probe/0.1 (read-only)';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Whether the body was cut at `maxBytes`. */
  truncated: boolean;
  tls?: { certificate?: CertificateObservation; protocol?: string };
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Extra CA (PEM) on top of the system's. */
  ca?: string;
  /** Verify the certificate (true whenever a credential is sent). */
  verify: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export async function httpGet(url: URL, options: HttpOptions): Promise<HttpResult> {
  const https = url.protocol === 'https:';
  let req: ReturnType<typeof httpRequest> | undefined;
  const work = new Promise<HttpResult>((resolve, reject) => {
    const sni = sniName(url.hostname.replace(/^\[|\]$/g, ''));
    const common = {
      method: options.method ?? 'GET',
      headers: { 'user-agent': USER_AGENT, ...options.headers },
      agent: false as const,
    };
    const onResponse = (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      let tls: HttpResult['tls'];
      if (https) {
        const socket = res.socket as TLSSocket;
        const certificate = observeCertificate(socket, url.hostname.replace(/^\[|\]$/g, ''));
        const protocol = socket.getProtocol?.() ?? undefined;
        tls = { ...(certificate ? { certificate } : {}), ...(protocol ? { protocol } : {}) };
      }
      res.on('data', (c: Buffer) => {
        if (truncated) return;
        size += c.length;
        if (size > options.maxBytes) {
          truncated = true;
          chunks.push(c.subarray(0, c.length - (size - options.maxBytes)));
          res.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
            ...(tls ? { tls } : {}),
          });
          return;
        }
        chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          truncated,
          ...(tls ? { tls } : {}),
        }),
      );
      res.on('error', reject);
    };
    req = https
      ? httpsRequest(
          url,
          {
            ...common,
            rejectUnauthorized: options.verify,
            ...(options.ca ? { ca: caBundle(options.ca) } : {}),
            ...(sni ? { servername: sni } : {}),
          },
          onResponse,
        )
      : httpRequest(url, common, onResponse);
    req.on('error', reject);
    req.end();
  });
  return withTimeout(`${options.method ?? 'GET'} ${url.origin}${url.pathname}`, options.timeoutMs, work, () =>
    req?.destroy(),
  );
}
