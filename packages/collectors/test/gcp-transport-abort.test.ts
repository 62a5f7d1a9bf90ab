/**
 * An aborted Google API call must reject like any failed call, whenever the abort comes. node-fetch (gaxios's
 * fetch in Node), handed a signal already aborted, destroys the request body stream it made from the JSON
 * body with the abort error, and nothing listens to that stream. The signal is aborted at that point when
 * gax's retry budget is spent, or when the timeout fired while the request waited (under load, the first
 * calls of a scan waited for gaxios to import node-fetch). Before the fixes the process died of that
 * unhandled 'error' event (exit 4, "internal error: AbortError: The operation was aborted.") in the middle
 * of a scan. An abort while the request is in flight reaches only streams node-fetch is piping.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GcpSettings } from '../src/gcp/settings.js';
import { classify } from '../src/gcp/call.js';
import { GCP_MAX_RESPONSE_BYTES, GcpTransport } from '../src/gcp/transport.js';

let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.includes('silent')) return; // never answers
    if (req.url?.includes('huge')) {
      // Announces more than the cap; the body never comes.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(GCP_MAX_RESPONSE_BYTES + 1) });
      res.write('{');
      return;
    }
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Exceptions nothing caught while a test ran (vitest would also report them, after the fact). */
let uncaught: unknown[] = [];
const record = (e: unknown) => uncaught.push(e);
beforeEach(() => {
  uncaught = [];
  process.on('uncaughtException', record);
});
afterEach(() => {
  process.off('uncaughtException', record);
});
/** Lets a throw queued by an event listener (Node rethrows those on the next tick) surface. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('an aborted Google API call', () => {
  it('with a JSON body and a signal aborted before it starts: rejects, and nothing is left unhandled', async () => {
    const settings = { services: new Set(['iam']), endpoints: { iam: new URL(url) }, timeoutMs: 5000 };
    const transport = await GcpTransport.create(settings as unknown as GcpSettings);
    const client = transport.gapic('iam').authClient!;
    for (let i = 0; i < 5; i++) {
      await expect(
        client.request({
          url: `${url}/v1/x:getIamPolicy`,
          method: 'POST',
          data: { a: i },
          signal: AbortSignal.abort(),
        }),
      ).rejects.toThrow();
    }
    // A call that is not aborted still goes through the same client.
    await expect(
      client.request({ url: `${url}/v1/x:getIamPolicy`, method: 'POST', data: { a: 1 } }),
    ).resolves.toBeDefined();
  });

  it('an answer announced over the size cap is an error of the call, not a crash or a read', async () => {
    const settings = { services: new Set(['iam']), endpoints: { iam: new URL(url) }, timeoutMs: 5000 };
    const transport = await GcpTransport.create(settings as unknown as GcpSettings);
    const client = transport.gapic('iam').authClient!;
    await expect(client.request({ url: `${url}/v1/huge`, method: 'GET' })).rejects.toThrow(/over the limit/);
  });

  it('a timeout that fires after the transport took the request and before node-fetch starts: rejects as a timeout', async () => {
    const settings = { services: new Set(['iam']), endpoints: { iam: new URL(url) }, timeoutMs: 1 };
    const transport = await GcpTransport.create(settings as unknown as GcpSettings);
    const client = transport.gapic('iam').authClient!;
    // What a loaded event loop does between the transport's interceptor and the fetch, made certain: the
    // request waits until its timeout has fired.
    client.transporter.interceptors.request.add({
      resolved: async (config) => {
        const signal = config.signal as AbortSignal;
        if (!signal.aborted) await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
        return config;
      },
    });
    const err = await client.request({ url: `${url}/v1/x:getIamPolicy`, method: 'POST', data: { a: 1 } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(classify(err).kind).toBe('timeout');
    await settle();
    expect(uncaught).toEqual([]);
  });

  it('an abort while a request with a JSON body is in flight: rejects as a timeout, nothing escapes', async () => {
    const settings = { services: new Set(['iam']), endpoints: { iam: new URL(url) }, timeoutMs: 60_000 };
    const transport = await GcpTransport.create(settings as unknown as GcpSettings);
    const client = transport.gapic('iam').authClient!;
    // The caller's cancel (gax's, at its deadline) while the server has not answered.
    const caller = new AbortController();
    const pending = client.request({
      url: `${url}/v1/silent:getIamPolicy`,
      method: 'POST',
      data: { a: 1 },
      signal: caller.signal,
    });
    await new Promise((r) => setTimeout(r, 50));
    caller.abort();
    const err = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(classify(err).kind).toBe('timeout');
    await settle();
    expect(uncaught).toEqual([]);
  });
});
