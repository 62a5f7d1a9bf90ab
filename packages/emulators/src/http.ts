/**
 * The HTTP core both emulators share: a server on 127.0.0.1 that records every request, answers from a
 * handler, and can inject faults (status codes with or without Retry-After, delays, resets, malformed or
 * truncated bodies) for the reliability tests. Nothing here listens anywhere but loopback.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  /** Whether an Authorization header was sent (never its value). */
  authorized: boolean;
  /** The quota project the request names (`x-goog-user-project`), a project id, not a secret. */
  userProject?: string;
  /** The client's `User-Agent`: which HTTP client sent the request (the packaging test compares them). */
  userAgent?: string;
  /** Whether the request carried a non-empty body. */
  hasBody?: boolean;
  /**
   * The body of a request other than GET (read POSTs such as `:getIamPolicy` or a SelfSubjectAccessReview
   * ask a question in it), so the bench's plain client can repeat the same call.
   */
  body?: string;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'truncated' }
  /** Announces a body of `bytes` (Content-Length), sends the real answer's first bytes, then holds the line. */
  | { kind: 'oversized'; bytes: number };

export interface FaultRule {
  /** Matched against the request path (a string must be contained in it). */
  path: RegExp | string;
  method?: string;
  fault: Fault;
  /** How many requests it applies to; default every one. */
  times?: number;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of `body` as JSON (with its own content-type header): Google's HTML error pages. */
  text?: string;
}

export type Handler = (req: { method: string; url: URL; body: string }) => JsonResponse | Promise<JsonResponse>;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  /** Added before every answer, to emulate the round trip of a real API (benchmarks); default 0. */
  latencyMs = 0;
  /** Connections accepted so far: a client that keeps its connections alive opens few. */
  connections = 0;
  private faults: (FaultRule & { used: number })[] = [];
  private server: Server | undefined;
  private sockets = new Set<import('node:net').Socket>();

  constructor(
    private readonly handler: Handler,
    /** POST paths that are reads (e.g. `:getIamPolicy`, `:testIamPermissions`), allowed by `mutatingRequests`. */
    private readonly readPosts: RegExp[] = [],
  ) {}

  /** Starts on 127.0.0.1 (port 0 = any free port); resolves to the base URL. */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // Like Google's front end (610 s), not Node's 5 s: a client whose event loop was busy past 5 s would
    // otherwise send its next call into a connection the emulator had just closed (ECONNRESET, EPIPE).
    this.server.keepAliveTimeout = 610_000;
    this.server.on('connection', (s) => {
      this.connections++;
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('emulator not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, used: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Every request that could change state: any method but GET/HEAD/OPTIONS, except declared read POSTs. */
  mutatingRequests(): RecordedRequest[] {
    return this.requests.filter(
      (r) => !READ_METHODS.has(r.method) && !(r.method === 'POST' && this.readPosts.some((re) => re.test(r.path))),
    );
  }

  private faultFor(method: string, path: string): Fault | undefined {
    for (const f of this.faults) {
      if (f.method && f.method !== method) continue;
      if (typeof f.path === 'string' ? !path.includes(f.path) : !f.path.test(path)) continue;
      if (f.times !== undefined && f.used >= f.times) continue;
      f.used++;
      return f.fault;
    }
    return undefined;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      authorized: Boolean(req.headers.authorization),
    };
    const userProject = req.headers['x-goog-user-project'];
    if (typeof userProject === 'string') recorded.userProject = userProject;
    if (req.headers['user-agent'] !== undefined) recorded.userAgent = req.headers['user-agent'];
    this.requests.push(recorded);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    recorded.hasBody = body.trim() !== '';
    if (recorded.hasBody && method !== 'GET') recorded.body = body;

    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.faultFor(method, url.pathname);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      res.writeHead(fault.status, headers);
      res.end(
        JSON.stringify(
          fault.body ?? { error: { code: fault.status, message: `injected ${fault.status}`, status: 'INJECTED' } },
        ),
      );
      return;
    }
    let answer: JsonResponse;
    try {
      answer = await this.handler({ method, url, body });
    } catch (e) {
      answer = { status: 500, body: { error: { code: 500, message: `emulator error: ${(e as Error).message}` } } };
    }
    const text = answer.text ?? JSON.stringify(answer.body);
    if (fault?.kind === 'oversized') {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(fault.bytes) });
      res.write(text.slice(0, 64));
      // The rest never comes: a client that waits for it hangs; one that checks the size first does not.
      setTimeout(() => req.socket.destroy(), 5000).unref();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    if (fault?.kind === 'malformed') res.end(`${text.slice(0, Math.max(1, text.length - 1))}}}not json`);
    else if (fault?.kind === 'truncated') {
      res.write(text.slice(0, Math.floor(text.length / 2)));
      req.socket.destroy();
    } else res.end(text);
  }
}
