/**
 * The server certificate as a TLS client sees it: trusted or not (and why), the names it covers, and
 * when it ends. The handshake never fails on a bad certificate here, so the probe can report it; nothing
 * is sent over such a connection.
 */
import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, rootCertificates, type TLSSocket } from 'node:tls';
import type { CertificateObservation } from '@coditect-audit/core';
import { daysUntil, withTimeout } from './util.js';

/** The system's CAs plus an extra one (Node replaces the defaults when `ca` is given alone). */
export function caBundle(extra: string | undefined): string[] | undefined {
  return extra ? [...rootCertificates, extra] : undefined;
}

/** SNI must be a host name; an IP address is checked against the certificate's IP entries instead. */
export function sniName(host: string): string | undefined {
  return isIP(host) ? undefined : host;
}

function distinguishedName(name: Record<string, string | string[]> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

/** Reads the observation from a connected TLS socket (made with `rejectUnauthorized: false`). */
export function observeCertificate(
  socket: TLSSocket,
  hostname: string,
  now = Date.now(),
): CertificateObservation | undefined {
  const cert = socket.getPeerCertificate(true) as DetailedPeerCertificate;
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const validTo = new Date(cert.valid_to);
  const identity = checkServerIdentity(hostname, cert);
  // An https request also puts a host-name mismatch here; trust is about the chain, the name is judged apart.
  const authError = socket.authorizationError as unknown;
  const authCode =
    authError && typeof authError === 'object'
      ? String((authError as { code?: unknown }).code ?? authError)
      : authError
        ? String(authError)
        : undefined;
  const trusted = socket.authorized || authCode === 'ERR_TLS_CERT_ALTNAME_INVALID';
  return {
    subject: distinguishedName(cert.subject as unknown as Record<string, string>),
    issuer: distinguishedName(cert.issuer as unknown as Record<string, string>),
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    expiresInDays: daysUntil(validTo, now),
    trusted,
    ...(trusted || !authCode ? {} : { trustError: authCode }),
    hostname,
    hostnameMatches: identity === undefined,
    selfSigned: cert.issuerCertificate?.fingerprint256 === cert.fingerprint256,
    fingerprint256: cert.fingerprint256,
  };
}

export interface TlsObservation {
  certificate?: CertificateObservation;
  protocol?: string;
  error?: string;
}

/**
 * Completes a TLS handshake with host:port and closes without sending a byte of application data.
 * `hostname` is the name the certificate must cover (default `host`).
 */
export async function handshake(options: {
  host: string;
  port: number;
  hostname?: string;
  ca?: string;
  timeoutMs: number;
}): Promise<TlsObservation> {
  const hostname = options.hostname ?? options.host;
  const sni = sniName(hostname);
  let socket: TLSSocket | undefined;
  const work = new Promise<TlsObservation>((resolve) => {
    socket = connect({
      host: options.host,
      port: options.port,
      ...(sni ? { servername: sni } : {}),
      ...(options.ca ? { ca: caBundle(options.ca) } : {}),
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => {
      const s = socket as TLSSocket;
      const certificate = observeCertificate(s, hostname);
      const protocol = s.getProtocol() ?? undefined;
      s.end();
      resolve({ ...(certificate ? { certificate } : {}), ...(protocol ? { protocol } : {}) });
    });
    socket.once('error', (e) =>
      resolve({ error: `TLS handshake with ${options.host}:${options.port} failed: ${e.message}` }),
    );
  });
  try {
    return await withTimeout(`TLS handshake with ${options.host}:${options.port}`, options.timeoutMs, work, () =>
      socket?.destroy(),
    );
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    socket?.destroy();
  }
}
