/**
 * What every probe shares: deadlines, a redactor that scrubs credentials from any text before it is
 * kept, CA files, and plain descriptions of network errors.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Problem } from '@coditect-audit/core';

/**
 * Scrubs every credential the probes hold from a text. Each probe registers what it reads (passwords,
 * tokens) the moment it reads them; every message, detail and problem goes through `scrub` before it
 * is stored, so a server or library that echoes a credential cannot leak it into the snapshot.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 3) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[REDACTED]');
    // URL user-info (`scheme://user:pass@host`) never survives, whatever its origin.
    return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1[REDACTED]@');
  }

  problem(p: Problem): Problem {
    return {
      ...p,
      subject: this.scrub(p.subject),
      message: this.scrub(p.message),
      ...(p.fix ? { fix: this.scrub(p.fix) } : {}),
    };
  }
}

export class ProbeTimeout extends Error {
  override name = 'ProbeTimeout';
}

/** Rejects with `ProbeTimeout` after `ms`, running `onTimeout` (to destroy a socket) first. */
export async function withTimeout<T>(what: string, ms: number, work: Promise<T>, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new ProbeTimeout(`${what} did not finish within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a PEM file named in the config, relative to the directory of the config file. */
async function readCaFile(root: string, file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  const path = isAbsolute(file) ? file : resolve(root, file);
  return readFile(path, 'utf8');
}

/**
 * The CA file a probe's config names (`layers.probe.<service>.caFile`), or the `error` facet saying it
 * cannot be read: without the CA the probe cannot judge the certificate, so it does not run.
 */
export async function caFileOrError(
  root: string,
  file: string | undefined,
  service: string,
  fix: string,
): Promise<{ ca: string | undefined } | { error: { status: 'error'; problems: Problem[] } }> {
  try {
    return { ca: await readCaFile(root, file) };
  } catch (e) {
    return {
      error: {
        status: 'error',
        problems: [
          {
            subject: `layers.probe.${service}.caFile ${file}`,
            message: `cannot be read (${(e as Error).message})`,
            fix,
          },
        ],
      },
    };
  }
}

/** `code` of a Node system error (ECONNREFUSED, ETIMEDOUT, ...), if any. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A network failure in words, with the address; never a library's full error object. */
export function describeNetworkError(e: unknown, address: string): string {
  if (e instanceof ProbeTimeout) return e.message;
  switch (errorCode(e)) {
    case 'ECONNREFUSED':
      return `connection to ${address} refused (nothing listens there)`;
    case 'ECONNRESET':
      return `${address} closed the connection`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${address} does not resolve`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${address} is unreachable from here`;
    case 'ETIMEDOUT':
      return `connecting to ${address} timed out`;
    default:
      return `${address}: ${errorMessage(e)}`;
  }
}

/** Whole days from now to `date` (negative once past). */
export function daysUntil(date: Date, now = Date.now()): number {
  return Math.floor((date.getTime() - now) / 86_400_000);
}

/** Keeps the first line of a server's message, shortened: enough to explain, never a dump. */
export function firstLine(text: string, max = 200): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
