/**
 * The fault matrix: every collector (each Google Cloud API group, Kubernetes, PostgreSQL, Redis, the
 * registry, HTTP) meets every fault the issue names, and each cell records what the scan did — an `error`
 * verdict, a finding, a pass, a crash (the scan threw: the binary would exit 4) or a hang (no result within
 * the bound). Cells run the scan in-process through the CLI's own `scan()` (the binary's code path minus
 * argv parsing; `result.gate.exitCode` is the binary's exit code) so 150-odd cells stay fast.
 *
 * Faults come from `EmulatorServer.inject` (GCP, Kubernetes, and HTTP fakes for the registry and HTTP
 * probes), from small TCP fakes (a server that resets, one that never answers, one that speaks garbage or
 * stops mid-message, one that answers with the protocol's own error) and from the real services of
 * scripts/services.sh (a refused password). Every cell asserts: no crash, no hang, no pass, every error
 * message names the cause (the column's pattern) and a fix, the exit code matches the outcome, and no
 * canary (the probe passwords, an environment variable) reaches the result or the diagnostics log.
 *
 * The observed matrix is `docs/reliability.md`: `UPDATE_RELIABILITY=1` rewrites it; otherwise the test
 * fails when the committed file differs from what it observed.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { GCP_SERVICES, type GcpService, type ScanResult } from '@coditect-audit/core';
import { EmulatorServer, type Fault } from '../packages/emulators/src/http.js';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServices, type Services } from '../packages/collectors/test/probe-services.js';
import { scan } from '../packages/cli/src/scan.js';
import { repoRoot, tempDir } from './support/cli.js';

const FAULTS = [
  '429 + Retry-After',
  '429',
  '500',
  '503',
  'timeout',
  'reset',
  'unresolvable host',
  '401',
  '403',
  'malformed body',
  'truncated body',
  'pagination loop',
] as const;
type FaultName = (typeof FAULTS)[number];

type Outcome = 'error' | 'finding' | 'pass' | 'crash' | 'hang';
interface Observed {
  outcome: Outcome;
  exitCode?: number;
  /** The exit code docs/exit-codes.md gives these verdicts. */
  expectedExit?: number;
  /** The error verdicts' and findings' messages (or the crash). */
  messages: string[];
  errorMessages?: string[];
  leaked: string[];
}

/** A cell that cannot be injected for this collector, and why. */
interface NotApplicable {
  na: string;
}

// A hang guard, not a speed limit: many times what the slowest cell takes on a loaded 2-core machine (the
// configs' per-call timeouts are 0.5-1 s with one retry), so a cell is a hang only when nothing would end it.
const HANG_MS = 60_000;
/** A row's test outlasts all of its cells' guards. */
const ROW_TIMEOUT_MS = (FAULTS.length + 1) * HANG_MS;
const UNRESOLVABLE = 'coditect-audit-unresolvable.invalid';
const CANARY_PG = 'cnry-matrix-pg-7d1e0c9a55b24f3b';
const CANARY_REDIS = 'cnry-matrix-redis-40c2aa1f9e6b';
const CANARY_ENV = 'cnry-matrix-env-b83f0e2d6a71';
const CANARIES = [CANARY_PG, CANARY_REDIS, CANARY_ENV];

/**
 * What each cell's messages must name, by collector family: the cause (an `error` verdict's message also
 * carries `Fix: …`, asserted separately). For the HTTP probe an answered status is itself the observation,
 * so its cells may end in a finding that names the status (a failed health check is the right verdict).
 */
const CAUSES: Record<'gcp' | 'k8s' | 'postgres' | 'redis' | 'registry' | 'http', Partial<Record<FaultName, RegExp>>> = {
  gcp: {
    '429 + Retry-After': /still rate-limited after 2 attempts \(HTTP 429/,
    '429': /still rate-limited after 2 attempts \(HTTP 429/,
    '500': /failed after 2 attempts \(HTTP 500/,
    '503': /failed after 2 attempts \(HTTP 503/,
    timeout: /did not answer in time after 2 attempts/,
    reset: /connection failed \(ECONNRESET\)/,
    'unresolvable host': /connection failed \(ENOTFOUND\)/,
    '401': /refused as unauthenticated \(HTTP 401/,
    '403': /was denied \(HTTP 403/,
    'malformed body': /unreadable answer: the response is not valid JSON/,
    'truncated body': /connection failed \(ECONNRESET\)|not valid JSON/,
    'pagination loop': /returned the page token "[^"]+" twice/,
  },
  k8s: {
    '429 + Retry-After': /answered 429 \(HTTP 429\) 2 times/,
    '429': /answered 429 \(HTTP 429\) 2 times/,
    '500': /answered 500 \(HTTP 500\) 2 times/,
    '503': /answered 503 \(HTTP 503\) 2 times/,
    timeout: /no answer within 500 ms, 2 times/,
    reset: /socket hang up \(2 attempts\)/,
    'unresolvable host': /ENOTFOUND coditect-audit-unresolvable\.invalid/,
    '401': /HTTP 401/,
    '403': /refused: HTTP 403/,
    'malformed body': /JSON/,
    'truncated body': /socket hang up|terminated|closed/,
    'pagination loop': /same continue token twice/,
  },
  postgres: {
    '429': /too many clients/,
    '500': /internal error/,
    '503': /the database system is starting up/,
    timeout: /timeout/,
    reset: /closed the connection/,
    'unresolvable host': /does not resolve/,
    '401': /password authentication failed/,
    '403': /no pg_hba\.conf entry/,
    'malformed body': /terminated unexpectedly/,
    'truncated body': /terminated unexpectedly/,
  },
  redis: {
    '429': /max number of clients reached/,
    '500': /ERR internal error/,
    '503': /LOADING/,
    timeout: /no answer to PING: .*(timed out|did not finish)/i,
    reset: /no answer to PING: .*closed/i,
    'unresolvable host': /no answer to PING/,
    '401': /AUTH string in MATRIX_REDIS_PASSWORD was refused/,
    '403': /NOPERM/,
    'malformed body': /no answer to PING: .*Protocol error/,
    'truncated body': /no answer to PING: .*closed/i,
  },
  registry: {
    '429 + Retry-After': /failed \(429\)/,
    '429': /failed \(429\)/,
    '500': /failed \(500\)/,
    '503': /failed \(503\)/,
    timeout: /did not finish within 1000 ms/,
    reset: /closed the connection/,
    'unresolvable host': /does not resolve/,
    '401': /refused \(401\): the registry needs credentials/,
    '403': /forbidden \(403\)/,
    'malformed body': /is not JSON/,
    'truncated body': /closed the connection/,
  },
  http: {
    '429 + Retry-After': /answered HTTP 429/,
    '429': /answered HTTP 429/,
    '500': /answered HTTP 500/,
    '503': /answered HTTP 503/,
    timeout: /did not finish within 1000 ms/,
    reset: /closed the connection/,
    'unresolvable host': /does not resolve/,
    '401': /answered HTTP 401/,
    '403': /answered HTTP 403/,
    // The fake's status is 200 whatever the body: the protected path is served to anyone, a finding.
    'malformed body': /answered 200 without a token/,
    'truncated body': /closed the connection|terminated/,
  },
};

/** Families where a finding (not only an error verdict) is a right outcome: the fault is what the probe observes. */
const FINDING_OK = new Set<string>(['http', 'redis']);

// ---------------------------------------------------------------- harness

const ORIGINAL_ENV = { ...process.env };
let services: Services;
const emulators: { server: EmulatorServer; stop(): Promise<void> }[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(() => {
  services = loadServices();
  delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
  delete process.env.KUBECONFIG;
  process.env.MATRIX_PG_PASSWORD = CANARY_PG;
  process.env.MATRIX_REDIS_PASSWORD = CANARY_REDIS;
  process.env.MATRIX_UNRELATED_SECRET = CANARY_ENV;
});

afterAll(async () => {
  for (const e of emulators) expect(e.server.mutatingRequests(), 'a request that could change something').toEqual([]);
  await Promise.all([...emulators.map((e) => e.stop()), ...closers.map((c) => c())]);
  for (const k of ['MATRIX_PG_PASSWORD', 'MATRIX_REDIS_PASSWORD', 'MATRIX_UNRELATED_SECRET'])
    if (ORIGINAL_ENV[k] === undefined) delete process.env[k];
});

const remediated = join(repoRoot, 'fixtures/adr-001-remediated');

/** A copy of the remediated fixture whose `staging` environment configures only `layerBlock`. */
function fixture(layerBlock: string): string {
  const dir = tempDir('coditect-audit-matrix-');
  cpSync(remediated, dir, { recursive: true });
  const file = join(dir, 'coditect-audit.yaml');
  const text = readFileSync(file, 'utf8');
  const layers = /^ {4}layers:\n(?: {6}.*\n| *#.*\n)*/m.exec(text);
  if (!layers) throw new Error('the remediated fixture config has no layers block: update this test');
  writeFileSync(file, text.replace(layers[0], `    layers:\n${layerBlock}`));
  return dir;
}

/** One scan of one layer, classified. The scan throwing is a crash; no result within HANG_MS is a hang. */
async function observe(dir: string, layer: 'gcp' | 'k8s' | 'probe'): Promise<Observed> {
  const log: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_MS);
  });
  let result: ScanResult | 'hang';
  try {
    result = await Promise.race([
      // The matrix writes its own configs (kubeconfig, credentials, clear-text hosts): trusted on purpose.
      scan({
        dir,
        env: 'staging',
        layers: [layer],
        trustRepoConfig: true,
        log: (level, m) => log.push(`${level} ${m}`),
      }),
      hang,
    ]);
  } catch (e) {
    return { outcome: 'crash', messages: [String((e as Error).stack ?? e)], leaked: [] };
  } finally {
    clearTimeout(timer);
  }
  if (result === 'hang') return { outcome: 'hang', messages: [], leaked: [] };
  const text = JSON.stringify(result) + log.join('\n');
  const leaked = CANARIES.filter((c) => text.includes(c));
  const errors = result.verdicts.filter((v) => v.status === 'error');
  const fails = result.verdicts.filter((v) => v.status === 'fail');
  const outcome: Outcome = errors.length > 0 ? 'error' : fails.length > 0 ? 'finding' : 'pass';
  const messages = [...errors, ...fails].map((v) => v.message);
  // The gate as docs/exit-codes.md states it, for the fixture's failOn P0.
  const gating = (v: { priority: string }) => v.priority === 'P0';
  const expectedExit = fails.some(gating) ? 1 : errors.some(gating) ? 2 : 0;
  return {
    outcome,
    exitCode: result.gate.exitCode,
    expectedExit,
    messages: [...new Set(messages)],
    errorMessages: [...new Set(errors.map((v) => v.message))],
    leaked,
  };
}

/** Faults every HTTP-speaking collector meets through `EmulatorServer.inject`. */
const HTTP_FAULTS: Partial<Record<FaultName, Fault>> = {
  '429 + Retry-After': { kind: 'status', status: 429, retryAfterSeconds: 1 },
  '429': { kind: 'status', status: 429 },
  '500': { kind: 'status', status: 500 },
  '503': { kind: 'status', status: 503 },
  timeout: { kind: 'delay', ms: 5_000 },
  reset: { kind: 'reset' },
  '401': { kind: 'status', status: 401 },
  '403': { kind: 'status', status: 403 },
  'malformed body': { kind: 'malformed' },
  'truncated body': { kind: 'truncated' },
};

// ---------------------------------------------------------------- rows

interface Row {
  name: string;
  family: keyof typeof CAUSES;
  cell(fault: FaultName): Promise<Observed> | NotApplicable;
}

/** API groups none of whose calls page, and why. */
const GCP_NO_PAGING: Partial<Record<GcpService, string>> = {
  container: 'GKE answers the cluster list in one piece, with no page token',
  cloudresourcemanager: 'the calls are projects.get and getIamPolicy: nothing pages',
  iam: 'the calls are serviceAccounts.get and getIamPolicy: nothing pages',
};

/**
 * API groups no rule reads alone: the row also reads the others the rules need, and the fault hits only
 * this group's paths (Resource Manager is the v3 API; the project IAM policy feeds the registry reader rule).
 */
const GCP_COMPANIONS: Partial<Record<GcpService, { services: GcpService[]; path: string }>> = {
  cloudresourcemanager: { services: ['artifactregistry', 'container'], path: '/v3/projects/' },
};

function gcpRow(service: GcpService): Row {
  const companions = GCP_COMPANIONS[service];
  const services = [service, ...(companions?.services ?? [])];
  let dir: string | undefined;
  const configure = (endpoint: string) => {
    dir ??= fixture('');
    const file = join(dir, 'coditect-audit.yaml');
    const text = readFileSync(file, 'utf8').replace(/ {4}layers:\n(?: {6}.*\n)*/, '');
    writeFileSync(
      file,
      text.replace(
        '    expectations: &adr001',
        `    layers:\n      gcp:\n        projects: [coditect-cloud-infra]\n        locations: [us-central1]\n        endpoint: ${endpoint}\n        services: [${services.join(', ')}]\n        timeoutMs: 500\n        retries: 1\n        retryBudgetMs: 3000\n    expectations: &adr001`,
      ),
    );
    return dir;
  };
  return {
    name: `GCP ${service}`,
    family: 'gcp',
    cell(fault) {
      if (fault === 'pagination loop' && GCP_NO_PAGING[service]) return { na: GCP_NO_PAGING[service] };
      return (async () => {
        if (fault === 'unresolvable host' && !companions) return observe(configure(`http://${UNRESOLVABLE}`), 'gcp');
        const e: GcpEmulator = await startGcpEmulator({ dataDir: join(remediated, 'gcp'), maxPageSize: 1 });
        emulators.push(e);
        if (fault === 'pagination loop') e.repeatPageToken('/');
        else if (fault !== 'unresolvable host')
          e.server.inject({ path: companions?.path ?? '/', fault: HTTP_FAULTS[fault]! });
        // One config file per row: cells of a row run one after the other.
        const dir = configure(e.url);
        if (fault === 'unresolvable host') {
          // Only this group's endpoint does not resolve (`endpoints` overrides `endpoint` per API).
          const file = join(dir, 'coditect-audit.yaml');
          const text = readFileSync(file, 'utf8');
          writeFileSync(
            file,
            text.replace(
              '        timeoutMs: 500\n',
              `        endpoints:\n          ${service}: http://${UNRESOLVABLE}\n        timeoutMs: 500\n`,
            ),
          );
        }
        return observe(dir, 'gcp');
      })();
    },
  };
}

// ---------------------------------------------------------------- Kubernetes

/**
 * A proxy in front of the k8s emulator that makes every list answer the same `continue` token forever
 * (and drops the token from what it forwards, so the emulator serves the first page again).
 */
async function continueLoopProxy(target: string): Promise<string> {
  const server: HttpServer = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    url.searchParams.delete('continue');
    void fetch(url).then(async (r) => {
      const body = (await r.json()) as { items?: unknown; metadata?: Record<string, unknown> };
      if (Array.isArray(body.items)) body.metadata = { ...body.metadata, continue: 'coditect-loop' };
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy not listening');
  return `http://127.0.0.1:${address.port}`;
}

function k8sRow(): Row {
  return {
    name: 'Kubernetes',
    family: 'k8s',
    cell: (fault) =>
      (async () => {
        const dir = fixture(
          '      k8s:\n        context: matrix\n        kubeconfig: kubeconfig.yaml\n        namespaces: [coditect-staging]\n        timeoutMs: 500\n        retries: 1\n',
        );
        let url = `http://${UNRESOLVABLE}:6443`;
        if (fault !== 'unresolvable host') {
          const e: K8sEmulator = await startK8sEmulator({ dataDir: join(remediated, 'k8s/api') });
          emulators.push(e);
          url = e.url;
          if (fault === 'pagination loop') url = await continueLoopProxy(e.url);
          else e.server.inject({ path: '/', fault: HTTP_FAULTS[fault]! });
        }
        writeKubeconfig(join(dir, 'kubeconfig.yaml'), [{ context: 'matrix', url }]);
        return observe(dir, 'k8s');
      })(),
  };
}

// ---------------------------------------------------------------- probes

type TcpBehaviour = 'silent' | 'reset' | ((socket: Socket, chunk: Buffer) => void);

/** A TCP server on 127.0.0.1 that meets every connection with `behaviour`; resolves to its port. */
async function tcpFake(behaviour: TcpBehaviour): Promise<number> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (behaviour === 'reset') socket.resetAndDestroy();
    else if (behaviour !== 'silent') socket.on('data', (chunk) => behaviour(socket, chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as { port: number }).port;
}

/** A PostgreSQL ErrorResponse message (FATAL, the SQLSTATE, the text). */
function pgError(sqlstate: string, text: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${sqlstate}\0M${text}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** PostgreSQL's own answers to the faults HTTP names by status (what a server says in that situation). */
const PG_REPLIES: Partial<Record<FaultName, Buffer>> = {
  '429': pgError('53300', 'sorry, too many clients already'),
  '500': pgError('XX000', 'internal error'),
  '503': pgError('57P03', 'the database system is starting up'),
  '403': pgError('28000', 'no pg_hba.conf entry for host "127.0.0.1", user "postgres", database "coditect"'),
};

function postgresRow(): Row {
  const block = (port: number | string, host = '127.0.0.1', real = false) =>
    `      probe:\n        timeoutMs: 1000\n        postgres:\n          host: ${host}\n          port: ${port}\n          user: ${real ? services.PG_B_SUPERUSER : 'postgres'}\n          passwordEnv: MATRIX_PG_PASSWORD\n          database: coditect\n` +
    (real
      ? `          sslmode: verify-ca\n          caFile: ${services.CA_FILE}\n`
      : '          sslmode: disable\n          allowPlaintextCredentials: true\n');
  return {
    name: 'PostgreSQL probe',
    family: 'postgres',
    cell(fault) {
      if (fault === '429 + Retry-After')
        return { na: 'the PostgreSQL protocol has no Retry-After; 429 is its "too many clients"' };
      if (fault === 'pagination loop') return { na: 'the probe runs single-row catalog queries; nothing is paged' };
      return (async () => {
        if (fault === 'unresolvable host') return observe(fixture(block(5432, UNRESOLVABLE)), 'probe');
        // 401: the real server refuses the (canary) password.
        if (fault === '401') return observe(fixture(block(services.PG_B_PORT, services.PG_HOST, true)), 'probe');
        const reply = PG_REPLIES[fault];
        const port = await tcpFake(
          fault === 'timeout'
            ? 'silent'
            : fault === 'reset'
              ? 'reset'
              : reply
                ? (s) => s.end(reply)
                : fault === 'malformed body'
                  ? (s) => s.end('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n<html>not postgres</html>')
                  : (s) => s.end(Buffer.from([0x52, 0x00, 0x00, 0x00])), // 'R' and half a length: truncated
        );
        return observe(fixture(block(port)), 'probe');
      })();
    },
  };
}

/** Redis's own answers to the faults HTTP names by status. */
const REDIS_REPLIES: Partial<Record<FaultName, string>> = {
  '429': '-ERR max number of clients reached\r\n',
  '500': '-ERR internal error\r\n',
  '503': '-LOADING Redis is loading the dataset in memory\r\n',
  '403': "-NOPERM this user has no permissions to run the 'info' command\r\n",
};

function redisRow(): Row {
  const block = (port: number | string, host = '127.0.0.1') =>
    `      probe:\n        timeoutMs: 1000\n        redis:\n          host: ${host}\n          port: ${port}\n          tls: false\n          passwordEnv: MATRIX_REDIS_PASSWORD\n          allowPlaintextCredentials: true\n`;
  return {
    name: 'Redis probe',
    family: 'redis',
    cell(fault) {
      if (fault === '429 + Retry-After')
        return { na: 'the Redis protocol has no Retry-After; 429 is its "max number of clients"' };
      if (fault === 'pagination loop') return { na: 'the probe sends PING, AUTH and INFO; nothing is paged' };
      return (async () => {
        if (fault === 'unresolvable host') return observe(fixture(block(6379, UNRESOLVABLE)), 'probe');
        // 401: the real server refuses the (canary) AUTH string.
        if (fault === '401') return observe(fixture(block(services.REDIS_AUTH_PORT, services.REDIS_HOST)), 'probe');
        const reply = REDIS_REPLIES[fault];
        const port = await tcpFake(
          fault === 'timeout'
            ? 'silent'
            : fault === 'reset'
              ? 'reset'
              : reply
                ? (s) => s.write(reply)
                : fault === 'malformed body'
                  ? (s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n')
                  : (s) => s.end('$40\r\nredis_version:7'), // a bulk reply cut short
        );
        return observe(fixture(block(port)), 'probe');
      })();
    },
  };
}

/** An HTTP fake whose every answer carries the fault (the handler's own answer is a plausible JSON body). */
async function httpFake(fault: Fault, body: unknown): Promise<EmulatorServer> {
  const server = new EmulatorServer(() => ({ status: 200, body }));
  await server.start();
  server.inject({ path: '/', fault });
  emulators.push({ server, stop: () => server.stop() });
  return server;
}

function registryRow(): Row {
  const block = (host: string) =>
    `      probe:\n        timeoutMs: 1000\n        registry:\n          images: [${host}/coditect/backend:v1]\n          plainHttpHosts: ["${host}"]\n`;
  return {
    name: 'Registry probe',
    family: 'registry',
    cell(fault) {
      if (fault === 'pagination loop') return { na: 'the probe resolves named tags and digests; it lists nothing' };
      return (async () => {
        if (fault === 'unresolvable host') return observe(fixture(block(`${UNRESOLVABLE}:5000`)), 'probe');
        const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] };
        const server = await httpFake(HTTP_FAULTS[fault]!, manifest);
        return observe(fixture(block(new URL(server.url).host)), 'probe');
      })();
    },
  };
}

function httpRow(): Row {
  const block = (base: string) => `      probe:\n        timeoutMs: 1000\n        http:\n          baseUrl: ${base}\n`;
  return {
    name: 'HTTP probe',
    family: 'http',
    cell(fault) {
      if (fault === 'pagination loop') return { na: 'the probe requests fixed paths; nothing is paged' };
      return (async () => {
        if (fault === 'unresolvable host') return observe(fixture(block(`http://${UNRESOLVABLE}`)), 'probe');
        const server = await httpFake(HTTP_FAULTS[fault]!, { status: 'ok' });
        return observe(fixture(block(server.url)), 'probe');
      })();
    },
  };
}

const ROWS: Row[] = [...GCP_SERVICES.map(gcpRow), k8sRow(), postgresRow(), redisRow(), registryRow(), httpRow()];

// ---------------------------------------------------------------- the matrix

const observed = new Map<string, Map<FaultName, Observed | NotApplicable>>();

describe('the fault matrix', { timeout: ROW_TIMEOUT_MS }, () => {
  for (const row of ROWS) {
    it(`${row.name}: every fault ends in an error verdict naming the cause and the fix, in bounded time`, async () => {
      const cells = new Map<FaultName, Observed | NotApplicable>();
      observed.set(row.name, cells);
      for (const fault of FAULTS) cells.set(fault, await row.cell(fault));
      for (const [fault, c] of cells) {
        if ('na' in c) continue;
        const where = `${row.name} × ${fault}`;
        const allowed: Outcome[] = FINDING_OK.has(row.family) ? ['error', 'finding'] : ['error'];
        expect(allowed, `${where}: ${c.outcome}\n${c.messages.join('\n')}`).toContain(c.outcome);
        expect(c.leaked, `${where}: a canary leaked`).toEqual([]);
        expect(c.exitCode, where).toBe(c.expectedExit);
        for (const m of c.errorMessages ?? []) expect(m, where).toMatch(/ Fix: \S/);
        const cause = CAUSES[row.family][fault];
        expect(cause, `${where}: no cause pattern`).toBeDefined();
        expect(
          c.messages.some((m) => cause!.test(m)),
          `${where}: no message names the cause ${cause}\n${c.messages.join('\n')}`,
        ).toBe(true);
      }
    });
  }

  it('docs/reliability.md is the matrix observed (UPDATE_RELIABILITY=1 rewrites it)', () => {
    expect(observed.size, 'every row ran').toBe(ROWS.length);
    const doc = renderMatrix(observed);
    const file = join(repoRoot, 'docs/reliability.md');
    if (process.env.UPDATE_RELIABILITY === '1') writeFileSync(file, doc);
    expect(existsSync(file), 'docs/reliability.md is missing: run with UPDATE_RELIABILITY=1').toBe(true);
    expect(
      readFileSync(file, 'utf8'),
      'docs/reliability.md differs from the observed matrix: run with UPDATE_RELIABILITY=1',
    ).toBe(doc);
  });
});

function renderMatrix(rows: Map<string, Map<FaultName, Observed | NotApplicable>>): string {
  const notes: string[] = [];
  const cell = (c: Observed | NotApplicable | undefined): string => {
    if (!c) return 'not run';
    if ('na' in c) {
      let i = notes.indexOf(c.na);
      if (i < 0) i = notes.push(c.na) - 1;
      return `n/a[^${i + 1}]`;
    }
    const mark =
      c.outcome === 'error' ? 'error' : c.outcome === 'finding' ? 'finding' : `**${c.outcome.toUpperCase()}**`;
    return `${mark} · exit ${c.exitCode ?? '–'}${c.leaked.length ? ' · **LEAK**' : ''}`;
  };
  const out: string[] = [
    '# Reliability: the fault matrix',
    '',
    '<!-- Generated by test/reliability-matrix.test.ts from the outcomes it observed; do not edit.',
    '     Regenerate: UPDATE_RELIABILITY=1 pnpm exec vitest run test/reliability-matrix.test.ts -->',
    '',
    'Every collector meets every fault; each cell is what the scan did. `error` is an `error` verdict for the',
    'rules that needed the data, whose message names the cause and the fix; `finding` is a failed check',
    'naming what was observed (the HTTP probe checks the answer itself, so a 503 from the health endpoint is',
    'a failed health check, and a Redis server replying with an error in plaintext speaks plaintext). The exit',
    'code is the one docs/exit-codes.md gives those verdicts with `failOn: P0` (an error on a rule below P0',
    'leaves the gate at 0). A cell ending in a crash, a hang (no result within',
    `${HANG_MS / 1000} s), a pass or a leaked canary fails the test that writes this file.`,
    '',
    'How the faults are made: Google Cloud and Kubernetes through the emulators (`EmulatorServer.inject`,',
    "`repeatPageToken`, and a proxy repeating Kubernetes' `continue` token); the registry and HTTP probes",
    'through an HTTP fake with the same injection; PostgreSQL and Redis through TCP fakes (a server that',
    'resets, one that never answers, one that speaks HTTP, one that stops mid-message, one answering with the',
    "protocol's own error for the HTTP status: too many clients, internal error, starting up / loading, no",
    'pg_hba entry / NOPERM) and the real services for a refused password. An unresolvable host is',
    '`coditect-audit-unresolvable.invalid`. Each scan runs with short limits (timeout 500–1000 ms, one retry).',
    '',
    `| collector | ${FAULTS.join(' | ')} |`,
    `|---|${FAULTS.map(() => '---').join('|')}|`,
  ];
  for (const [name, cells] of rows) out.push(`| ${name} | ${FAULTS.map((f) => cell(cells.get(f))).join(' | ')} |`);
  const counts = new Map<string, number>();
  for (const cells of rows.values())
    for (const c of cells.values()) {
      const k = 'na' in c ? 'n/a' : c.outcome;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  out.push(
    '',
    `Totals: ${[...counts]
      .sort()
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    '',
  );
  out.push(
    '## What each message must name',
    '',
    'Asserted on every cell (besides ` Fix: …` on every error verdict):',
    '',
  );
  out.push(`| family | ${FAULTS.join(' | ')} |`, `|---|${FAULTS.map(() => '---').join('|')}|`);
  for (const [family, causes] of Object.entries(CAUSES))
    out.push(
      `| ${family} | ${FAULTS.map((f) => (causes[f] ? `\`${causes[f]!.source.replaceAll('|', '\\|')}\`` : '–')).join(' | ')} |`,
    );
  out.push('');
  for (const [i, n] of notes.entries()) out.push(`[^${i + 1}]: ${n}`);
  return `${out.join('\n')}\n`;
}
