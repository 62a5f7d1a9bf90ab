/**
 * A list's next page asked for as soon as the start of the page before names its continue token: the
 * prefix reader (`listStart`), `listAll`'s pages asked ahead (kept only for the token the whole page names,
 * aborted when the list no longer needs them), and the JSON reader against servers that write a list's
 * metadata first, last, twice, or cut the body off.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { collect } from '@coditect-audit/collectors/k8s';
import { type CollectResult, resolveExpectations } from '@coditect-audit/core';
import { startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeConnections,
  connect,
  type Connection,
  listAll,
  makeJsonReader,
  type Page,
  type PageRequest,
  K8S_MAX_RESPONSE_BYTES,
  RequestFailure,
} from '../src/k8s/client.js';
import { listStart } from '../src/k8s/list-start.js';

const POLICY = { retries: 0, timeoutMs: 5000, backoffMs: 0 };

describe('the continue token from the start of a list body', () => {
  const body = (meta: unknown, items: unknown[] = [{ metadata: { name: 'a' } }]) =>
    `{"apiVersion":"v1","kind":"PodList","metadata":${JSON.stringify(meta)},"items":${JSON.stringify(items)}}`;

  it('reads `metadata.continue` before the items, as the API server writes it', () => {
    expect(listStart(body({ resourceVersion: '42', continue: 'eyJ2IjoibWV0YS', remainingItemCount: 7 }))).toEqual({
      continue: 'eyJ2IjoibWV0YS',
    });
    expect(listStart(body({ resourceVersion: '42' }))).toEqual({ continue: undefined });
    // An empty token is the last page, as the whole body says.
    expect(listStart(body({ continue: '' }))).toEqual({ continue: undefined });
  });

  it('decodes the token as JSON does: escapes and any character', () => {
    const token = 'a/b"c\\d\u00e9\u{1f600}\n';
    const text = `{"metadata" : { "continue" :\n${JSON.stringify(token).replace('/', '\\/')} } , "items": []}`;
    expect(JSON.parse(text).metadata.continue).toBe(token);
    expect(listStart(text)).toEqual({ continue: token });
  });

  it('says "more" for every start cut before `metadata` ends, and the token once it has', () => {
    const text = `{ "kind": "PodList", "apiVersion": "v1", "extra": [1, -2.5e3, true, null, {"x": ["}"]}], "metadata": {"selfLink": "", "remainingItemCount": 12, "continue": "tok\\u00e9n"}, "items": [{}]}`;
    const metadataEnd = text.indexOf('}, "items"') + 1;
    for (let cut = 0; cut <= text.length; cut++) {
      const seen = listStart(text.slice(0, cut));
      if (cut < metadataEnd) expect(seen, `cut at ${cut}`).toBe('more');
      else expect(seen, `cut at ${cut}`).toEqual({ continue: 'tokén' });
    }
  });

  it('cannot tell (the whole body decides) when items come first, the token is not a string, or it is not JSON', () => {
    expect(listStart('{"items":[],"metadata":{"continue":"x"}}')).toBe('unreadable');
    expect(listStart('{"metadata":{"continue":42},"items":[]}')).toBe('unreadable');
    expect(listStart('{"metadata":{"continue":"a","continue":"b"},"items":[]}')).toBe('unreadable');
    expect(listStart('{"kind":"PodList"}')).toBe('unreadable');
    expect(listStart('[{"metadata":{"continue":"x"}}]')).toBe('unreadable');
    expect(listStart('{"kind":PodList,"metadata":{"continue":"x"}}')).toBe('unreadable');
    expect(listStart('{"kind":"a\u0001","metadata":{"continue":"x"}}')).toBe('unreadable');
    expect(listStart('{"n":01,"metadata":{"continue":"x"}}')).toBe('unreadable');
    expect(listStart(`{"deep":${'['.repeat(5000)}`)).toBe('unreadable');
  });
});

/** Rejects when `signal` aborts, as a slow answer ended would; after 2 s, with a failure (never aborted). */
function heldUntilAborted(signal: AbortSignal, reject: (e: unknown) => void): void {
  const timer = setTimeout(() => reject(new Error('the page asked ahead was never aborted')), 2000);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason);
  });
}

/** A fake list of pages `a`, `b`, `c`... whose tokens are their indexes; each read can be scripted. */
function scriptedList(
  pages: string[],
  script: (at: number, request: PageRequest, attempt: number) => Promise<Page> | undefined = () => undefined,
) {
  const events: string[] = [];
  const signals: { at: number; signal: AbortSignal }[] = [];
  const attempts = new Map<number, number>();
  const fetchPage = async (_limit: number, token: string | undefined, request: PageRequest): Promise<Page> => {
    const at = token === undefined ? 0 : Number(token);
    const attempt = (attempts.get(at) ?? 0) + 1;
    attempts.set(at, attempt);
    events.push(`fetch ${at}`);
    signals.push({ at, signal: request.signal });
    const scripted = script(at, request, attempt);
    if (scripted) return scripted;
    const next = at + 1 < pages.length ? String(at + 1) : undefined;
    // The body's start names the token, then the rest arrives a turn later.
    if (next !== undefined) request.onContinue(next);
    await new Promise((r) => setImmediate(r));
    return { items: [pages[at]], ...(next !== undefined ? { continueToken: next } : {}) };
  };
  const keep = (items: unknown[]) => {
    events.push(`keep ${items.join()}`);
    return items as string[];
  };
  return { events, signals, fetchPage, keep };
}

describe('pages asked ahead', () => {
  it('asks for each next page as soon as the page before names its token, and keeps the pages in order', async () => {
    const list = scriptedList(['a', 'b', 'c', 'd']);
    expect(await listAll(list.fetchPage, 1, POLICY, list.keep)).toEqual(['a', 'b', 'c', 'd']);
    // Each page is asked for once the start of the page before names it (here at once), before the page
    // before that is kept; a page asked ahead asks for none until the page before it is read whole.
    expect(list.events).toEqual(['fetch 0', 'fetch 1', 'fetch 2', 'keep a', 'fetch 3', 'keep b', 'keep c', 'keep d']);
    expect(list.signals.every((s) => !s.signal.aborted)).toBe(true);
  });

  it('a page failing while the next is in flight ends the list and aborts the next page', async () => {
    let nextSignal: AbortSignal | undefined;
    const list = scriptedList(['a', 'b', 'c'], (at, request) => {
      if (at === 1) {
        request.onContinue('2');
        return new Promise<Page>((_, reject) =>
          setImmediate(() => reject(new RequestFailure('the connection was reset', 'unreachable'))),
        );
      }
      if (at === 2) {
        nextSignal = request.signal;
        // Held until aborted, as a slow answer would be.
        return new Promise<Page>((_, reject) => heldUntilAborted(request.signal, reject));
      }
      return undefined;
    });
    await expect(listAll(list.fetchPage, 1, POLICY, list.keep)).rejects.toMatchObject({ reason: 'unreachable' });
    expect(list.events).toEqual(['fetch 0', 'fetch 1', 'fetch 2', 'keep a']);
    expect(nextSignal?.aborted).toBe(true);
  });

  it('a 410 mid-chain drops the page asked ahead and restarts the list from its start', async () => {
    let expired = false;
    const aborted: number[] = [];
    const list = scriptedList(['a', 'b', 'c', 'd'], (at, request) => {
      request.signal.addEventListener('abort', () => aborted.push(at));
      if (at === 2 && !expired) {
        expired = true;
        request.onContinue('3');
        return new Promise<Page>((_, reject) =>
          setImmediate(() =>
            reject(new RequestFailure('410 Gone: the continue token expired', 'expired-continue', 410)),
          ),
        );
      }
      if (at === 3 && !aborted.includes(3))
        return new Promise<Page>((_, reject) => heldUntilAborted(request.signal, reject));
      return undefined;
    });
    expect(await listAll(list.fetchPage, 1, POLICY, list.keep)).toEqual(['a', 'b', 'c', 'd']);
    expect(aborted).toContain(3);
    expect(list.events).toEqual([
      'fetch 0',
      'fetch 1',
      'fetch 2',
      'keep a',
      'fetch 3',
      'keep b',
      // 410: page 3, asked ahead, is aborted; the list starts again.
      'fetch 0',
      'fetch 1',
      'fetch 2',
      'keep a',
      'fetch 3',
      'keep b',
      'keep c',
      'keep d',
    ]);
  });

  it('a retried page that names another token drops the page asked for the first one', async () => {
    const asked: { token: string; signal: AbortSignal }[] = [];
    const fetchPage = async (_limit: number, token: string | undefined, request: PageRequest): Promise<Page> => {
      if (token !== undefined) {
        asked.push({ token, signal: request.signal });
        return { items: [token] };
      }
      // The first try names `x` and is cut off (a transport error: retried); the retry names `y`.
      if (asked.length === 0) {
        request.onContinue('x');
        await new Promise((r) => setImmediate(r));
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      request.onContinue('y');
      await new Promise((r) => setImmediate(r));
      return { items: ['first'], continueToken: 'y' };
    };
    expect(await listAll(fetchPage, 1, { ...POLICY, retries: 1 }, (items) => items as string[])).toEqual([
      'first',
      'y',
    ]);
    expect(asked.map((a) => [a.token, a.signal.aborted])).toEqual([
      ['x', true],
      ['y', false],
    ]);
  });

  it('asks nothing ahead for a token the list already had: the list stops as before', async () => {
    const tokens: (string | undefined)[] = [];
    const fetchPage = async (_limit: number, token: string | undefined, request: PageRequest): Promise<Page> => {
      tokens.push(token);
      request.onContinue('same');
      await new Promise((r) => setImmediate(r));
      return { items: [], continueToken: 'same' };
    };
    await expect(listAll(fetchPage, 1, POLICY)).rejects.toMatchObject({
      reason: 'pagination',
      message: expect.stringContaining('same continue token twice'),
    });
    expect(tokens).toEqual([undefined, 'same']);
  });
});

// ---------------------------------------------------------------- over HTTP

type Order = 'metadata-first' | 'items-first' | 'two-tokens' | 'cut' | 'gzip';

/**
 * An API server of one list, `/api/v1/pods`, of `count` pods, one a page. Each page's body is written in two
 * parts; the second only once the next page is asked for or `holdMs` passed (the last page's at once), so
 * whether a next page was asked for before its page's body ended is told by the order of events, not by
 * timing.
 */
async function listServer(count: number, order: Order, holdMs = 3000) {
  const events: string[] = [];
  const waiting = new Map<number, () => void>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = url.searchParams.get('continue');
    const at = token ? Number(token) : 0;
    events.push(`ask ${at}`);
    waiting.get(at)?.();
    res.on('close', () => {
      if (!res.writableFinished) events.push(`aborted ${at}`);
    });
    const next = at + 1 < count ? String(at + 1) : undefined;
    const items = `"items":[{"metadata":{"name":"pod-${at}","namespace":"default"},"pad":"${'x'.repeat(100)}"}]`;
    const metadata = `"metadata":{"resourceVersion":"7"${next ? `,"continue":"${next}"` : ''}}`;
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(order === 'gzip' ? { 'content-encoding': 'gzip' } : {}),
    });
    // A compressed answer, as an API server sends a large list to a client that accepts gzip.
    const gzip = order === 'gzip' ? createGzip() : undefined;
    gzip?.pipe(res);
    const [first, rest] =
      order === 'items-first'
        ? [`{"kind":"PodList",${items.slice(0, 40)}`, `${items.slice(40)},${metadata}}`]
        : order === 'two-tokens'
          ? [`{"kind":"PodList",${metadata},`, `${items},"metadata":{"continue":"${at + 5}"}}`]
          : [`{"kind":"PodList",${metadata},${items.slice(0, 40)}`, `${items.slice(40)}}`];
    if (gzip) {
      gzip.write(first);
      gzip.flush();
    } else res.write(first);
    const finish = (end: ServerResponse) => {
      waiting.delete(at + 1);
      if (end.destroyed) return;
      if (order === 'cut' && at === 1) {
        events.push(`cut ${at}`);
        end.destroy();
        return;
      }
      events.push(`end ${at}`);
      if (gzip) gzip.end(rest);
      else end.end(rest);
    };
    // The last page has no next to wait for.
    const timer = setTimeout(() => finish(res), next === undefined ? 20 : holdMs);
    waiting.set(at + 1, () => {
      clearTimeout(timer);
      // The next request was asked for: finish this body a moment later (that request is then in flight).
      setTimeout(() => finish(res), 20);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ahead-'));
  const conn = connect({
    root: dir,
    kubeconfig: writeKubeconfig(join(dir, 'kubeconfig.yaml'), [{ context: 'c', url }]),
  });
  return {
    events,
    conn,
    stop: () => {
      closeConnections(conn);
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Waits (up to 5 s) for what the server sees of an abort, which reaches it a few turns later. */
async function until(seen: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !seen(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Lists `/api/v1/pods` as the collector does: through the JSON reader, asking ahead. */
function podList(conn: Connection, retries = 0) {
  const read = makeJsonReader(conn, 5000);
  return listAll(
    async (limit, cont, request) => {
      const body = (await read(
        '/api/v1/pods',
        { limit: String(limit), ...(cont ? { continue: cont } : {}) },
        request,
      )) as {
        items: { metadata: { name: string } }[];
        metadata: { continue?: string };
      };
      return { items: body.items, ...(body.metadata.continue ? { continueToken: body.metadata.continue } : {}) };
    },
    1,
    { ...POLICY, retries },
    (items) => (items as { metadata: { name: string } }[]).map((i) => i.metadata.name),
  );
}

describe('the JSON reader asking ahead over HTTP', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('asks for each next page while the page before is still arriving; the pods are the same, in order', async () => {
    const s = await listServer(4, 'metadata-first');
    stop = s.stop;
    expect(await podList(s.conn)).toEqual(['pod-0', 'pod-1', 'pod-2', 'pod-3']);
    expect(s.events).toEqual(['ask 0', 'ask 1', 'end 0', 'ask 2', 'end 1', 'ask 3', 'end 2', 'end 3']);
  });

  it('reads the start of a compressed page as it arrives, decoded', async () => {
    const s = await listServer(3, 'gzip');
    stop = s.stop;
    expect(await podList(s.conn)).toEqual(['pod-0', 'pod-1', 'pod-2']);
    expect(s.events).toEqual(['ask 0', 'ask 1', 'end 0', 'ask 2', 'end 1', 'end 2']);
  });

  it('refuses a page past the size cap as it arrives, and ends its request and the one asked ahead of it', async () => {
    const events: string[] = [];
    const server = createServer((req, res) => {
      events.push(`ask ${new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('continue') ?? 0}`);
      res.on('close', () => {
        if (!res.writableFinished) events.push('aborted');
      });
      // No Content-Length: the size is known only as the body arrives.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"metadata":{"continue":"1"},"items":["');
      const mebibyte = Buffer.alloc(1024 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (!res.destroyed && sent < K8S_MAX_RESPONSE_BYTES / mebibyte.length + 8) {
          sent++;
          if (!res.write(mebibyte)) return void res.once('drain', more);
        }
        if (!res.destroyed) res.end('"]}');
      };
      more();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = mkdtempSync(join(tmpdir(), 'k8s-ahead-'));
    const conn = connect({
      root: dir,
      kubeconfig: writeKubeconfig(join(dir, 'kubeconfig.yaml'), [{ context: 'c', url }]),
    });
    stop = () => {
      closeConnections(conn);
      server.closeAllConnections();
      server.close();
    };
    const failure = await podList(conn).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestFailure);
    expect((failure as RequestFailure).reason).toBe('too-large');
    await until(() => events.filter((e) => e === 'aborted').length === 2);
    // The page's own request and the one asked ahead of it, both ended.
    expect(events).toEqual(['ask 0', 'ask 1', 'aborted', 'aborted']);
  });

  it('with the items before the metadata, asks for each next page once the page before is read, as before', async () => {
    const s = await listServer(3, 'items-first', 50);
    stop = s.stop;
    expect(await podList(s.conn)).toEqual(['pod-0', 'pod-1', 'pod-2']);
    expect(s.events).toEqual(['ask 0', 'end 0', 'ask 1', 'end 1', 'ask 2', 'end 2']);
  });

  it('a page whose start names another token than the whole page fails the list, and the page asked ahead is aborted', async () => {
    const s = await listServer(3, 'two-tokens');
    stop = s.stop;
    const failure = await podList(s.conn).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestFailure);
    expect((failure as RequestFailure).reason).toBe('pagination');
    expect((failure as RequestFailure).message).toContain('another continue token than the whole page');
    // The token is never in the message.
    expect((failure as RequestFailure).message).not.toMatch(/"1"|"5"/);
    await until(() => s.events.includes('aborted 1'));
    expect(s.events).toEqual(['ask 0', 'ask 1', 'end 0', 'aborted 1']);
  });

  it('a page cut off while the next is in flight ends the list, and the next page is aborted, not left running', async () => {
    const s = await listServer(4, 'cut');
    stop = s.stop;
    const failure = await podList(s.conn).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RequestFailure);
    expect((failure as RequestFailure).reason).toBe('unreachable');
    await until(() => s.events.includes('aborted 2'));
    expect(s.events).toEqual(['ask 0', 'ask 1', 'end 0', 'ask 2', 'cut 1', 'aborted 1', 'aborted 2']);
  });
});

// ---------------------------------------------------------------- the collector

const STAGING = join(import.meta.dirname, '../../../fixtures/adr-001-staging/k8s/api');

/**
 * A proxy in front of the emulator that sends each pods page's start (up to its items) at once and holds
 * the rest until the next pods page is asked for (or 3 s passed): the order of its events shows
 * whether the collector asked ahead.
 */
async function holdingProxy(target: string) {
  const events: string[] = [];
  const waiting: (() => void)[] = [];
  let page = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    const pods = url.pathname.endsWith('/pods');
    const at = pods ? page++ : -1;
    if (pods) {
      events.push(`ask ${at}`);
      for (const release of waiting.splice(0)) release();
    }
    void fetch(url, { headers: { authorization: req.headers.authorization ?? '' } }).then(async (r) => {
      const text = await r.text();
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      if (!pods || !(JSON.parse(text) as { metadata?: { continue?: string } }).metadata?.continue) {
        if (pods) events.push(`end ${at}`);
        res.end(text);
        return;
      }
      // Up to the items: the list's start, with its metadata.
      const cut = text.indexOf('"items"');
      res.write(text.slice(0, cut));
      const finish = () => {
        clearTimeout(timer);
        events.push(`end ${at}`);
        res.end(text.slice(cut));
      };
      const timer = setTimeout(finish, 3000);
      waiting.push(() => setTimeout(finish, 20));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    events,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function collectFrom(url: string): Promise<CollectResult> {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ahead-collect-'));
  return collect(
    {
      root: dir,
      environment: 'staging',
      expectations: resolveExpectations(undefined),
      config: { namespaces: ['coditect-staging'], pageSize: 2 },
      overrides: { kubeconfig: writeKubeconfig(join(dir, 'kubeconfig.yaml'), [{ context: 'c', url }]) },
      progress: () => undefined,
    },
    { backoffMs: 5, env: {}, home: dir },
  );
}

describe('the collector asking ahead', () => {
  it('asks for each next pods page while the page before arrives, and collects the same facets', async () => {
    const emu = await startK8sEmulator({ dataDir: STAGING, now: () => new Date('2025-12-03T12:00:00Z') });
    const proxy = await holdingProxy(emu.url);
    try {
      const direct = await collectFrom(emu.url);
      const held = await collectFrom(proxy.url);
      expect(held.facets).toEqual(direct.facets);
      const asks = proxy.events.filter((e) => e.startsWith('ask')).length;
      expect(asks).toBeGreaterThan(2);
      // Each page after the first is asked for before the body of the page before it ended.
      for (let at = 1; at < asks; at++)
        expect(proxy.events.indexOf(`ask ${at}`), proxy.events.join()).toBeLessThan(
          proxy.events.indexOf(`end ${at - 1}`),
        );
      expect(proxy.events.filter((e) => e.startsWith('end'))).toHaveLength(asks);
    } finally {
      proxy.stop();
      await emu.stop();
    }
  });
});
