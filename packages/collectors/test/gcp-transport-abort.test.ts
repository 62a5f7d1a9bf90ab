/**
 * A call whose signal is already aborted when it starts (gax's retry budget spent, or a timer that fired
 * under load) must reject like any failed call. node-fetch destroys the request body stream it made from the
 * JSON body with the abort error, and nothing listens to that stream: before the fix the process died of an
 * unhandled 'error' event (exit 1, which CI reads as a failed gate) in the middle of a scan.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GcpSettings } from '../src/gcp/settings.js';
import { GCP_MAX_RESPONSE_BYTES, GcpTransport } from '../src/gcp/transport.js';

let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
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
  server.close();
});

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
});
