/**
 * Redis, with four commands and nothing else: `PING` (without AUTH, to see whether anyone may talk to
 * it), `AUTH` (only when the server asked for it, and only over TLS whose certificate was verified when
 * TLS is on), `INFO server`, and a `PING` over plain TCP to see whether a TLS-only port also speaks
 * plaintext. None of them writes. ioredis runs with its connect-time extras off (no CLIENT SETINFO, no
 * ready check, no retries, no offline queue), so these are exactly the commands the server receives.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type { Facet, Problem, RedisProbe, RedisProbeConfig } from '@coditect-audit/core';
import type { Redis, RedisOptions } from 'ioredis';
import { caBundle, handshake, sniName } from './tls.js';
import { describeNetworkError, firstLine, ProbeTimeout, type Redactor, caFileOrError, withTimeout } from './util.js';

export interface RedisProbeContext {
  root: string;
  timeoutMs: number;
  redactor: Redactor;
}

type RedisCtor = new (options: RedisOptions) => Redis;

function clientOptions(
  config: RedisProbeConfig,
  port: number,
  timeoutMs: number,
  tls: RedisOptions['tls'] | undefined,
): RedisOptions {
  return {
    host: config.host,
    port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    disableClientInfo: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    ...(tls ? { tls } : {}),
  };
}

/** `PING` over plain TCP, read raw: a RESP reply means the port speaks plaintext. */
async function plainPing(host: string, port: number, timeoutMs: number): Promise<RedisProbe['plaintext']> {
  let socket: Socket | undefined;
  const work = new Promise<RedisProbe['plaintext']>((resolve) => {
    let received = '';
    socket = netConnect({ host, port });
    socket.setEncoding('latin1');
    socket.once('connect', () => socket?.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!received.includes('\r\n')) return;
      const line = received.split('\r\n')[0] ?? '';
      // `+PONG` or `-NOAUTH ...`: Redis answered in plaintext. Anything else is not Redis speaking RESP.
      if (/^[+-][\x20-\x7e]*$/.test(line)) resolve({ outcome: 'answered', reply: firstLine(line.slice(1), 80) });
      else resolve({ outcome: 'refused' });
      socket?.destroy();
    });
    socket.once('close', () => resolve({ outcome: 'refused' }));
    socket.once('error', () => resolve({ outcome: 'refused' }));
  });
  try {
    return await withTimeout(`plaintext PING to ${host}:${port}`, timeoutMs, work, () => socket?.destroy());
  } catch {
    return { outcome: 'no-answer' };
  } finally {
    socket?.destroy();
  }
}

/** Fields of `INFO server` the facet keeps. */
function parseInfo(text: string): RedisProbe['server'] {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  const version = fields.get('redis_version');
  if (!version) return undefined;
  const mode = fields.get('redis_mode');
  return { version, ...(mode ? { mode } : {}) };
}

async function session<T>(
  RedisClient: RedisCtor,
  options: RedisOptions,
  what: string,
  timeoutMs: number,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new RedisClient(options);
  client.on('error', () => {});
  try {
    await withTimeout(what, timeoutMs + 500, client.connect(), () => client.disconnect());
    return await withTimeout(what, timeoutMs + 500, use(client), () => client.disconnect());
  } finally {
    client.disconnect();
  }
}

export async function probeRedis(config: RedisProbeConfig, ctx: RedisProbeContext): Promise<Facet<RedisProbe>> {
  const tls = config.tls ?? true;
  const port = config.port ?? (tls ? 6378 : 6379);
  const endpoint = `${config.host}:${port}`;
  const problems: Problem[] = [];
  const caRead = await caFileOrError(
    ctx.root,
    config.caFile,
    'redis',
    'give the path of the server CA PEM file (Memorystore: gcloud redis instances get-auth-string / server-ca-certs), relative to the config file',
  );
  if ('error' in caRead) return caRead.error;
  const ca = caRead.ca;
  const RedisClient = (await import('ioredis')).default as unknown as RedisCtor;
  const hostname = config.servername ?? config.host;
  const sni = sniName(hostname);
  const data: RedisProbe = {
    endpoint,
    host: config.host,
    port,
    tls,
    ...(config.user ? { user: config.user } : {}),
    unauthenticatedPing: { outcome: 'no-answer' },
    plaintext: { outcome: 'no-answer' },
  };

  let verified = !tls;
  if (tls) {
    const seen = await handshake({ host: config.host, port, hostname, ca, timeoutMs: ctx.timeoutMs });
    if (seen.certificate) data.certificate = seen.certificate;
    if (seen.error) data.tlsError = seen.error;
    verified = seen.certificate?.trusted === true && seen.certificate.hostnameMatches;
  }
  // The unauthenticated PING carries no secret, so an unverified certificate does not stop it.
  const anyTls: RedisOptions['tls'] = {
    rejectUnauthorized: false,
    ...(sni ? { servername: sni } : {}),
  };
  let needsAuth = false;
  try {
    await session(
      RedisClient,
      clientOptions(config, port, ctx.timeoutMs, tls ? anyTls : undefined),
      `PING to ${endpoint}`,
      ctx.timeoutMs,
      async (c) => {
        try {
          const pong = await c.ping();
          data.unauthenticatedPing = { outcome: 'pong', reply: firstLine(String(pong), 80) };
          data.server = parseInfo(await c.info('server'));
        } catch (e) {
          // Only a server reply says how the server behaves; a timeout, a closed connection or a protocol
          // error is no answer at all (reported below as one), never "answered in plaintext".
          if ((e as Error).name !== 'ReplyError') throw e;
          const reply = firstLine((e as Error).message, 120);
          if (/^NOAUTH\b/.test(reply)) {
            needsAuth = true;
            data.unauthenticatedPing = { outcome: 'noauth', reply };
          } else data.unauthenticatedPing = { outcome: 'error', reply: ctx.redactor.scrub(reply) };
        }
      },
    );
  } catch (e) {
    problems.push({
      subject: `Redis ${endpoint}`,
      message: `no answer to PING: ${e instanceof ProbeTimeout ? e.message : describeNetworkError(e, endpoint)}${tls && data.tlsError ? ` (${data.tlsError})` : ''}`,
      fix: tls
        ? 'check host and port (Memorystore with in-transit encryption listens on 6378), and that the scan runs inside the VPC; set tls: false only if the server really has no TLS'
        : 'check host and port, and that the scan runs inside the VPC',
    });
  }

  data.plaintext = tls ? await plainPing(config.host, port, ctx.timeoutMs) : plaintextFromSession(data);

  if (needsAuth) {
    const password = config.passwordEnv ? process.env[config.passwordEnv] : undefined;
    if (!config.passwordEnv) {
      data.authenticated = { ok: false, detail: 'not attempted: no passwordEnv is configured' };
    } else if (!password) {
      problems.push({
        subject: `environment variable ${config.passwordEnv}`,
        message: `${config.passwordEnv} is not set (layers.probe.redis.passwordEnv names it), so the probe cannot AUTH to ${endpoint}`,
        fix: `export ${config.passwordEnv} with the AUTH string (gcloud redis instances get-auth-string INSTANCE --region REGION)`,
      });
    } else if (!tls && config.allowPlaintextCredentials !== true) {
      ctx.redactor.add(password);
      data.authenticated = {
        ok: false,
        detail: 'not attempted: without TLS the AUTH string would travel in clear text',
      };
      problems.push({
        subject: `Redis ${endpoint} AUTH`,
        message: `the AUTH string in ${config.passwordEnv} was not sent: tls is false, so it would travel in clear text, and the authenticated checks were not run`,
        fix: 'probe over TLS (tls: true, the Memorystore default with in-transit encryption), or, only for a network you trust, set layers.probe.redis.allowPlaintextCredentials: true in a configuration outside the scanned directory',
      });
    } else if (!verified) {
      data.authenticated = {
        ok: false,
        detail:
          'not attempted: the server certificate was not verified, and the AUTH string is never sent to an unverified server',
      };
    } else {
      ctx.redactor.add(password);
      const verifiedTls: RedisOptions['tls'] = {
        rejectUnauthorized: true,
        ...(ca ? { ca: caBundle(ca) } : {}),
        ...(sni ? { servername: sni } : {}),
        checkServerIdentity: (_host: string, cert: PeerCertificate) => checkServerIdentity(hostname, cert),
      };
      try {
        await session(
          RedisClient,
          clientOptions(config, port, ctx.timeoutMs, tls ? verifiedTls : undefined),
          `AUTH to ${endpoint}`,
          ctx.timeoutMs,
          async (c) => {
            try {
              // An ACL user (Redis 6+) logs in with AUTH user password; without one, the default user.
              if (config.user) await c.auth(config.user, password);
              else await c.auth(password);
            } catch (e) {
              // Only the server's reply is kept: the error object also carries the command's arguments.
              data.authenticated = { ok: false, detail: ctx.redactor.scrub(firstLine((e as Error).message, 120)) };
              return;
            }
            data.authenticated = { ok: true };
            data.server = parseInfo(await c.info('server'));
          },
        );
      } catch (e) {
        problems.push({
          subject: `Redis ${endpoint}`,
          message: `the authenticated session failed: ${ctx.redactor.scrub(describeNetworkError(e, endpoint))}`,
          fix: 'check the network path and the TLS settings (caFile, servername)',
        });
      }
      if (data.authenticated && !data.authenticated.ok)
        problems.push({
          subject: `Redis ${endpoint} AUTH`,
          message: `the ${config.user ? `password of ACL user ${config.user}` : 'AUTH string'} in ${config.passwordEnv} was refused (${data.authenticated.detail ?? 'no detail'})`,
          fix: `put the instance's current AUTH string in ${config.passwordEnv}`,
        });
    }
  }
  return { status: 'ok', data, problems: problems.map((p) => ctx.redactor.problem(p)) };
}

/** Without TLS, the configured session itself tells whether the server speaks plaintext. */
function plaintextFromSession(data: RedisProbe): RedisProbe['plaintext'] {
  const ping = data.unauthenticatedPing;
  if (ping.outcome === 'pong' || ping.outcome === 'noauth' || ping.outcome === 'error')
    return { outcome: 'answered', ...(ping.reply ? { reply: ping.reply } : {}) };
  return { outcome: 'no-answer' };
}
