/**
 * The k8s collector through the real @kubernetes/client-node against the fake API server: what it reads,
 * what it keeps (never a Secret value), and how it fails (403 per resource, 410 restarts, retries,
 * timeouts, missing credentials), every time naming what to grant or fix.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@coditect-audit/collectors/k8s';
import {
  type CollectResult,
  compile,
  type Facet,
  type K8sFacets,
  resolveExpectations,
  SnapshotSchema,
  SNAPSHOT_SCHEMA_VERSION,
} from '@coditect-audit/core';
import { viewsOf } from '@coditect-audit/core/views';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiException } from '@kubernetes/client-node/dist/gen/apis/exception.js';
import { connect, K8S_MAX_RESPONSE_BYTES, limiter, listAll, RequestFailure, withRetries } from '../src/k8s/client.js';
import type { K8sLayerConfig } from '../src/k8s/collect.js';
import { K8S_RESOURCE_TYPES } from '../src/k8s/resources.js';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const STAGING = join(fixtures, 'adr-001-staging/k8s/api');
const REMEDIATED = join(fixtures, 'adr-001-remediated/k8s/api');
/** The value planted in every fixture Secret (`k8s/api/secrets.json` of both fixtures). */
const CANARY = 'cnry-k8s-5f0d3b7a91e24c68-do-not-leak';

const tmp = () => mkdtempSync(join(tmpdir(), 'k8s-collect-'));
/** A fixed clock for the emulators, so two collections of one recording are byte-identical. */
const clock = { now: () => new Date('2025-12-03T12:00:00Z') };

async function run(
  emu: K8sEmulator,
  config: K8sLayerConfig = { namespaces: ['coditect-staging'] },
  extra: {
    messages?: string[];
    overrides?: { kubeconfig?: string; k8sContext?: string };
    /** Collects the `--debug` lines. */
    debug?: string[];
  } = {},
): Promise<CollectResult> {
  const dir = tmp();
  const debug = extra.debug;
  return collect(
    {
      root: dir,
      environment: 'staging',
      expectations: resolveExpectations(undefined),
      config,
      overrides: extra.overrides ?? { kubeconfig: emu.kubeconfigPath(dir) },
      progress: (m) => extra.messages?.push(m),
      ...(debug ? { log: (level: string, m: string) => void (level === 'debug' && debug.push(m)) } : {}),
    },
    { backoffMs: 5, env: {}, home: dir },
  );
}

/** A kubeconfig in `dir` whose user's credentials come from an exec plugin: `command` with `args`. */
function execKubeconfig(dir: string, server: string, command: string, args?: string[]): string {
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: '${server}', insecure-skip-tls-verify: true } }]`,
      'users:',
      '  - name: u',
      '    user:',
      '      exec:',
      '        apiVersion: client.authentication.k8s.io/v1beta1',
      `        command: ${JSON.stringify(command)}`,
      ...(args ? [`        args: [${args.map((a) => JSON.stringify(a)).join(', ')}]`] : []),
      '        interactiveMode: Never',
      'contexts: [{ name: c, context: { cluster: c, user: u } }]',
      'current-context: c',
      '',
    ].join('\n'),
  );
  return kubeconfig;
}

function ok<K extends keyof K8sFacets>(r: CollectResult, name: K): K8sFacets[K] {
  const f = r.facets[name] as Facet<K8sFacets[K]> | undefined;
  expect(f?.status, `${name}: ${JSON.stringify(f)}`).toBe('ok');
  return (f as { data: K8sFacets[K] }).data;
}

/** Every Secret value of a recording, decoded: none may appear in a snapshot. */
function secretValues(dataDir: string): string[] {
  const doc = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
    items: { data: Record<string, string> }[];
  };
  return doc.items.flatMap((s) =>
    Object.values(s.data).flatMap((b64) => {
      const plain = Buffer.from(b64, 'base64').toString('utf8');
      // Short public values (`5432`, `coditect`, `true`) legitimately appear elsewhere; long ones are secrets.
      return plain.length >= 12 ? [plain, b64] : [];
    }),
  );
}

describe('the ADR staging namespace', () => {
  let emu: K8sEmulator;
  let result: CollectResult;
  const messages: string[] = [];
  beforeAll(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
    result = await run(emu, { namespaces: ['coditect-staging'] }, { messages });
  });
  afterAll(() => emu.stop());

  it('is collected, and the snapshot it makes is valid against the snapshot schema', () => {
    expect(result.state).toEqual({ status: 'collected' });
    const validate = compile(SnapshotSchema);
    const snapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'coditect-audit', version: 'test' },
      environment: 'staging',
      root: '.',
      layers: { k8s: result.state },
      facets: result.facets,
    };
    expect(validate(snapshot), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('reads the live state the ADR describes', () => {
    const deployment = ok(result, 'k8s.deployments').items[0]!;
    expect(deployment.name).toBe('coditect-backend');
    expect(deployment.appliedApiVersion).toBe('apps/v1');
    expect(JSON.stringify(deployment.object)).toContain(':v1.0.0-staging');
    expect(ok(result, 'k8s.pods').items.map((p) => p.name)).toContain('coditect-backend-7c9d5b8f4d-h2x9q');
    expect(ok(result, 'k8s.jobs').items.map((j) => j.name)).toEqual(['django-migrate']);
    expect(ok(result, 'k8s.nodes').items.map((n) => n.architecture)).toEqual(['amd64', 'amd64', 'amd64']);
    expect(ok(result, 'k8s.apis').serverVersion?.gitVersion).toBe('v1.30.5-gke.1014001');
    expect(ok(result, 'k8s.apis').groupVersions).toContain('networking.gke.io/v1');
    expect(ok(result, 'k8s.services').namespaces).toEqual(['coditect-staging']);
  });

  it('keeps Secret key names and classes, never a value', () => {
    const secret = ok(result, 'k8s.secrets').items.find((s) => s.name === 'backend-secrets')!;
    const byKey = Object.fromEntries(secret.keys.map((k) => [k.key, k]));
    expect(byKey['db-user']).toEqual({ key: 'db-user', class: 'superuser-name', publicValue: 'postgres' });
    expect(byKey['django-secret-key']?.class).toBe('placeholder');
    expect(byKey['db-password']?.class).toBe('placeholder');
    expect(byKey['db-host']?.class).toBe('placeholder');
    expect(byKey['redis-host']).toEqual({ key: 'redis-host', class: 'example-host', publicValue: 'localhost' });
    expect(byKey['audit-canary']).toEqual({ key: 'audit-canary', class: 'set' });
    const text = JSON.stringify(result);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(Buffer.from(CANARY).toString('base64'));
    // kubectl's last-applied annotation copies the whole Secret, stringData included: it is dropped.
    expect(text).not.toContain('last-applied-configuration');
    for (const value of secretValues(STAGING)) expect(text).not.toContain(value);
    for (const m of messages) expect(m).not.toContain(CANARY);
  });

  it('keeps ConfigMap keys only, and drops terminated containers’ messages (application output)', () => {
    const cm = ok(result, 'k8s.configmaps').items[0]!;
    expect(cm.keys).toEqual(['ca.crt']);
    expect(JSON.stringify(cm)).not.toContain('BEGIN CERTIFICATE');
    const text = JSON.stringify(result.facets['k8s.pods']);
    expect(text).toContain('CrashLoopBackOff');
    expect(text).not.toContain('ModuleNotFoundError');
  });

  it('reports which pods mount each claim: the leftover datastore claims are mounted by none', () => {
    const pvcs = ok(result, 'k8s.pvcs').items;
    expect(pvcs.map((p) => [p.name, p.usedBy])).toEqual([
      ['postgres-storage-postgresql-0', []],
      ['redis-storage-redis-0', []],
    ]);
  });

  it('treats a custom resource the cluster does not serve as absent, not as an error', () => {
    expect(result.facets['k8s.externalsecrets']).toEqual({
      status: 'absent',
      reason: expect.stringContaining('External Secrets Operator is not installed'),
    });
    expect(ok(result, 'k8s.managedcertificates').items).toEqual([]);
  });

  it('only reads: every request is a get or a list, and is authenticated', () => {
    const requests = emu.requests();
    expect(requests.length).toBeGreaterThan(15);
    expect(requests.filter((r) => r.verb !== 'get' && r.verb !== 'list')).toEqual([]);
    expect(emu.server.requests.every((r) => r.authorized)).toBe(true);
    expect(emu.server.mutatingRequests()).toEqual([]);
  });
});

describe('scope', () => {
  let emu: K8sEmulator;
  beforeAll(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterAll(() => emu.stop());

  it('without namespaces, lists cluster-wide and leaves the system namespaces out', async () => {
    const r = await run(emu, {});
    const pods = ok(r, 'k8s.pods');
    expect(pods.namespaces).toBeUndefined();
    expect(pods.items.some((p) => p.namespace === 'kube-system')).toBe(false);
    expect(pods.items.length).toBeGreaterThan(0);
    expect(emu.requests().some((q) => q.path === '/api/v1/pods')).toBe(true);
  });

  it('keeps each facet in namespace and name order, whatever order its lists arrived in', async () => {
    // Listed per namespace: the pods of coditect-staging (first by key) arrive after those of kube-system.
    const namespaces = ['kube-system', 'coditect-staging'];
    const inOrder = await run(emu, { namespaces });
    emu.server.inject({ path: '/namespaces/coditect-staging/pods', fault: { kind: 'delay', ms: 150 } });
    try {
      const late = await run(emu, { namespaces });
      const names = (r: CollectResult) => ok(r, 'k8s.pods').items.map((p) => `${p.namespace}/${p.name}`);
      expect(names(late)).toEqual([...names(late)].sort());
      expect(names(late).at(0)).toMatch(/^coditect-staging\//);
      expect(names(late).at(-1)).toMatch(/^kube-system\//);
      expect(ok(late, 'k8s.pods')).toEqual(ok(inOrder, 'k8s.pods'));
    } finally {
      emu.server.clearFaults();
    }
  });

  it('a namespace with nothing in it is read and empty', async () => {
    const r = await run(emu, { namespaces: ['other'] });
    expect(ok(r, 'k8s.deployments')).toEqual({ namespaces: ['other'], items: [] });
  });
});

describe('paging', () => {
  let emu: K8sEmulator;
  beforeEach(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterEach(() => emu.stop());

  it('follows continue tokens to the end of every list', async () => {
    const whole = await run(emu, { namespaces: ['coditect-staging'], pageSize: 500 });
    const paged = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1 });
    expect(ok(paged, 'k8s.pods')).toEqual(ok(whole, 'k8s.pods'));
    expect(ok(paged, 'k8s.secrets')).toEqual(ok(whole, 'k8s.secrets'));
    expect(emu.requests().filter((r) => r.query.includes('continue=')).length).toBeGreaterThan(5);
  });

  it('restarts a list from the beginning when its continue token expired (410 Gone)', async () => {
    const whole = await run(emu, { namespaces: ['coditect-staging'] });
    emu.expireContinueTokens(1);
    const paged = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1, concurrency: 1 });
    expect(ok(paged, 'k8s.deployments')).toEqual(ok(whole, 'k8s.deployments'));
    expect(ok(paged, 'k8s.pods').items.length).toBe(ok(whole, 'k8s.pods').items.length);
    for (const f of Object.values(paged.facets)) if (f?.status === 'ok') expect(f.problems).toEqual([]);
  });

  it("asks for each next page before making the last one's items, and drops what a restarted list made", async () => {
    const events: string[] = [];
    let expireOnce = true;
    const pages = ['a', 'b', 'c'];
    const fetchPage = async (_limit: number, token: string | undefined) => {
      const at = token === undefined ? 0 : Number(token);
      events.push(`fetch ${at}`);
      if (at === 2 && expireOnce) {
        expireOnce = false;
        throw new RequestFailure('410 Gone: the continue token expired', 'expired-continue', 410);
      }
      return { items: [pages[at]], ...(at + 1 < pages.length ? { continueToken: String(at + 1) } : {}) };
    };
    const made = await listAll(fetchPage, 1, { retries: 0, timeoutMs: 1000, backoffMs: 0 }, (items) => {
      events.push(`keep ${items.join()}`);
      return items.map((i) => `made ${i}`);
    });
    expect(made).toEqual(['made a', 'made b', 'made c']);
    expect(events).toEqual([
      'fetch 0',
      'fetch 1',
      'keep a',
      'fetch 2',
      'keep b',
      // 410: the list starts again; what its first pages made is dropped.
      'fetch 0',
      'fetch 1',
      'keep a',
      'fetch 2',
      'keep b',
      'keep c',
    ]);
  });

  it('gives up with a problem when the token keeps expiring', async () => {
    emu.expireContinueTokens(1000);
    const r = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1 });
    const pods = r.facets['k8s.pods'];
    expect(pods?.status).toBe('error');
    const problem = pods?.status === 'error' ? pods.problems[0] : undefined;
    expect(problem?.subject).toBe('list pods in coditect-staging');
    expect(problem?.cause).toBe('expired-continue');
    expect(problem?.message).toContain('410 Gone 4 times');
  });
});

describe('permissions', () => {
  let emu: K8sEmulator;
  beforeEach(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterEach(() => emu.stop());

  it('a 403 on one resource type fails that facet only, naming the verb and the resource to grant', async () => {
    emu.forbid({ resource: 'secrets', namespace: 'coditect-staging' });
    const r = await run(emu);
    expect(r.state.status).toBe('collected');
    const secrets = r.facets['k8s.secrets'];
    expect(secrets?.status).toBe('error');
    const p = secrets?.status === 'error' ? secrets.problems[0] : undefined;
    expect(p).toMatchObject({ subject: 'list secrets in coditect-staging', cause: 'permission-denied' });
    expect(p?.fix).toContain('grant "list" on "secrets" in namespace coditect-staging');
    expect(p?.message).toContain('cannot list resource "secrets"');
    expect(ok(r, 'k8s.deployments').items).toHaveLength(1);
  });

  it('a 403 in one of two namespaces keeps the other, with a problem', async () => {
    emu.forbid({ resource: 'deployments', namespace: 'other' });
    const r = await run(emu, { namespaces: ['coditect-staging', 'other'] });
    const f = r.facets['k8s.deployments'];
    expect(f?.status).toBe('ok');
    expect(f?.status === 'ok' ? f.problems.map((p) => p.subject) : []).toEqual(['list deployments in other']);
    expect(ok(r, 'k8s.deployments').items).toHaveLength(1);
    // The denied namespace is not among those read, so no rule takes it for an empty one.
    expect(ok(r, 'k8s.deployments').namespaces).toEqual(['coditect-staging']);
    expect(ok(r, 'k8s.pods').namespaces).toEqual(['coditect-staging', 'other']);
  });

  it('custom resources name their group; cluster-wide lists ask for a ClusterRole', async () => {
    emu.forbid({ resource: 'managedcertificates' });
    emu.forbid({ resource: 'nodes' });
    const r = await run(emu, {});
    const certs = r.facets['k8s.managedcertificates'];
    const nodes = r.facets['k8s.nodes'];
    expect(certs?.status === 'error' ? certs.problems[0]?.fix : '').toContain(
      'grant "list" on "managedcertificates" (API group "networking.gke.io") cluster-wide',
    );
    expect(nodes?.status === 'error' ? nodes.problems[0]?.subject : '').toBe('list nodes');
  });

  it('without pods, claims cannot be judged: they are left out rather than shown unused', async () => {
    emu.forbid({ resource: 'pods' });
    const r = await run(emu);
    const pvcs = r.facets['k8s.pvcs'];
    expect(pvcs?.status).toBe('error');
    expect(pvcs?.status === 'error' ? pvcs.problems.map((p) => p.subject) : []).toContain(
      'list pods in coditect-staging',
    );
  });
});

describe('unreliable servers', () => {
  let emu: K8sEmulator;
  beforeEach(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterEach(() => emu.stop());

  it('retries 429 (honouring Retry-After) and 5xx, then succeeds', async () => {
    emu.server.inject({ path: '/deployments', fault: { kind: 'status', status: 429, retryAfterSeconds: 0 }, times: 1 });
    emu.server.inject({ path: '/pods', fault: { kind: 'status', status: 503 }, times: 2 });
    emu.server.inject({ path: '/services', fault: { kind: 'reset' }, times: 1 });
    emu.server.inject({ path: '/secrets', fault: { kind: 'malformed' }, times: 1 });
    const r = await run(emu);
    for (const name of ['k8s.deployments', 'k8s.pods', 'k8s.services', 'k8s.secrets'] as const) {
      const f = r.facets[name];
      expect(f?.status, name).toBe('ok');
      expect(f?.status === 'ok' ? f.problems : [], name).toEqual([]);
    }
    expect(emu.requests().filter((q) => q.path.endsWith('/pods')).length).toBe(3);
  });

  it('a server that keeps failing gives a problem after the retries', async () => {
    emu.server.inject({ path: '/jobs', fault: { kind: 'status', status: 500 } });
    const r = await run(emu, { namespaces: ['coditect-staging'], retries: 2 });
    const jobs = r.facets['k8s.jobs'];
    expect(jobs?.status === 'error' ? jobs.problems[0] : undefined).toMatchObject({
      subject: 'list jobs in coditect-staging',
      cause: 'api-error',
      message: expect.stringContaining('answered 500'),
    });
    expect(emu.requests().filter((q) => q.path.endsWith('/jobs')).length).toBe(3);
  });

  it('a request that takes too long times out with a problem', async () => {
    // The emulator's delay and the client's timeout run on this process's event loop, so the 200 ms timeout
    // fires first however loaded the machine is: `timeout` (not the late answer) and two attempts prove the
    // wait was bounded by timeoutMs and the retries, without a wall clock.
    emu.server.inject({ path: '/cronjobs', fault: { kind: 'delay', ms: 1500 } });
    const r = await run(emu, { namespaces: ['coditect-staging'], timeoutMs: 200, retries: 1 });
    expect(emu.requests().filter((q) => q.path.endsWith('/cronjobs')).length).toBe(2);
    const cron = r.facets['k8s.cronjobs'];
    expect(cron?.status === 'error' ? cron.problems[0] : undefined).toMatchObject({
      cause: 'timeout',
      message: expect.stringContaining('no answer within 200 ms'),
      fix: expect.stringContaining('layers.k8s.timeoutMs'),
    });
  });

  it('an answer announcing more than the size cap is an error of that list, not a crash or a wait', async () => {
    emu.server.inject({ path: '/cronjobs', fault: { kind: 'oversized', bytes: K8S_MAX_RESPONSE_BYTES + 1 } });
    const r = await run(emu, { namespaces: ['coditect-staging'], timeoutMs: 4000, retries: 2 });
    const cron = r.facets['k8s.cronjobs'];
    expect(cron?.status === 'error' ? cron.problems[0] : undefined).toMatchObject({
      cause: 'too-large',
      message: expect.stringContaining('over the 64 MiB cap'),
      fix: expect.stringContaining('layers.k8s.pageSize'),
    });
    // Judged once: the same oversized answer is not asked for again.
    expect(emu.requests().filter((q) => q.path.endsWith('/cronjobs')).length).toBe(1);
    expect(r.facets['k8s.deployments']?.status).toBe('ok');
  });

  it('refused credentials fail the whole layer, and every facet says why', async () => {
    emu.server.inject({
      path: '/api',
      fault: { kind: 'status', status: 401, body: { kind: 'Status', code: 401, message: 'Unauthorized' } },
    });
    const r = await run(emu);
    expect(r.state.status).toBe('failed');
    for (const f of Object.values(r.facets)) {
      expect(f?.status).toBe('error');
      expect(f?.status === 'error' ? f.problems[0]?.cause : '').toBe('unauthenticated');
    }
  });

  it('an unreachable server fails the whole layer', async () => {
    const dir = tmp();
    const kubeconfig = emu.kubeconfigPath(dir);
    await emu.stop();
    const r = await run(emu, { namespaces: ['coditect-staging'], retries: 0 }, { overrides: { kubeconfig } });
    expect(r.state.status).toBe('failed');
    expect(r.state.reason).toContain('Kubernetes API http://127.0.0.1:');
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
});

/** Timers that keep the process alive (unref'd ones, like each request's timeout, do not). */
const liveTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/**
 * An API server whose every answer the test scripts: `answer` is given each request's path (and the requests
 * seen so far) and says when and what to answer; `undefined` never answers. Nothing of it uses a timer, so
 * the timers left after a collection are the collector's.
 */
async function scriptedServer(
  answer: (
    path: string,
    seen: string[],
  ) => Promise<{ status: number; body: unknown; headers?: Record<string, string> } | undefined>,
): Promise<{ url: string; seen: string[]; kubeconfig: (dir: string) => string; stop: () => void }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push(path);
    void answer(path, seen).then((a) => {
      if (!a || res.destroyed) return;
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    seen,
    kubeconfig: (dir) => writeKubeconfig(join(dir, 'kubeconfig.yaml'), [{ context: 'scripted', url }]),
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const BUILT_IN = K8S_RESOURCE_TYPES.filter((t) => !t.crd);
const isList = (path: string) => BUILT_IN.some((t) => path.endsWith(`/${t.resource}`));
const emptyList = { status: 200, body: { kind: 'List', apiVersion: 'v1', metadata: {}, items: [] } };
/** Resolves once `check` holds, re-checked on every request the server sees. */
const once = (check: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (check() ? resolve() : setImmediate(poll));
    poll();
  });

describe('the start: the built-in lists go out with /api', () => {
  let emu: K8sEmulator;
  beforeEach(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterEach(() => emu.stop());

  it('asks for the built-in types before /api answers, and a slow /api changes nothing of what is read', async () => {
    const messages: string[] = [];
    const normal = await run(emu, { namespaces: ['coditect-staging'], concurrency: 16 }, { messages });
    emu.server.requests.length = 0;
    emu.server.inject({ path: /^\/api$/, fault: { kind: 'delay', ms: 300 } });
    const slowMessages: string[] = [];
    const slow = await run(emu, { namespaces: ['coditect-staging'], concurrency: 16 }, { messages: slowMessages });
    const paths = emu.requests().map((q) => q.path);
    // Every built-in list was sent before anything that needs /api's answer (the API groups).
    expect(paths[0]).toBe('/api');
    const groups = paths.indexOf('/apis');
    for (const t of BUILT_IN) {
      const at = paths.findIndex((p) => p.endsWith(`/${t.resource}`));
      expect(at, t.resource).toBeGreaterThan(0);
      expect(at, t.resource).toBeLessThan(groups);
    }
    expect(slow).toEqual(normal);
    // The same lines, but for the order the types finished in, the time taken and each run's directory.
    const lines = (m: string[]) =>
      m.map((l) => l.replace(/ \(\d+\/\d+ types\)$| in [\d.]+ s$|k8s-collect-\w+/, '')).sort();
    expect(lines(slowMessages)).toEqual(lines(messages));
  });

  it('asks for the pods first: with room for two requests, /api and the first page of pods go together', async () => {
    const r = await run(emu, { namespaces: ['coditect-staging'], concurrency: 2 });
    expect(r.state.status).toBe('collected');
    // The third request can only leave once one of these two has been answered.
    expect(
      emu
        .requests()
        .slice(0, 2)
        .map((q) => q.path)
        .sort(),
    ).toEqual(['/api', '/api/v1/namespaces/coditect-staging/pods']);
  });

  it('makes the credentials of an exec plugin once, though /api and the lists leave together', async () => {
    const dir = tmp();
    const calls = join(dir, 'calls');
    const plugin = join(dir, 'credentials.mjs');
    // A kubeconfig exec plugin (gke-gcloud-auth-plugin's part): counts its runs, answers a token good for a day.
    writeFileSync(
      plugin,
      [
        "import { appendFileSync } from 'node:fs';",
        "appendFileSync(process.argv[2], 'run\\n');",
        'const expirationTimestamp = new Date(Date.now() + 86_400_000).toISOString();',
        "process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 'exec-token-not-a-secret', expirationTimestamp } }));",
        '',
      ].join('\n'),
    );
    const kubeconfig = execKubeconfig(dir, emu.url, process.execPath, [plugin, calls]);
    const r = await run(emu, { namespaces: ['coditect-staging'], concurrency: 16 }, { overrides: { kubeconfig } });
    expect(r.state.status).toBe('collected');
    // Every request carried the plugin's token, and the plugin ran once.
    expect(emu.server.requests.length).toBeGreaterThan(BUILT_IN.length);
    expect(emu.server.requests.every((q) => q.authorized)).toBe(true);
    expect(readFileSync(calls, 'utf8')).toBe('run\n');
  });

  it('an exec plugin that cannot run ends the collection at /api: no list tries it, nor is retried', async () => {
    const dir = tmp();
    // A plugin that is not executable: each attempt fails to spawn it (EACCES), like a missing one (ENOENT).
    const plugin = join(dir, 'not-executable');
    writeFileSync(plugin, '', { mode: 0o644 });
    const kubeconfig = execKubeconfig(dir, emu.url, plugin);
    const debug: string[] = [];
    const r = await run(emu, { namespaces: ['coditect-staging'], retries: 2 }, { overrides: { kubeconfig }, debug });
    expect(r.state.status).toBe('failed');
    expect(r.facets['k8s.pods']).toMatchObject({
      status: 'error',
      problems: [{ subject: `Kubernetes API ${emu.url}`, cause: 'unreachable' }],
    });
    // /api's two retries, and no list's: the lists waited for credentials that were never made.
    expect(debug.filter((l) => l.includes('retry'))).toHaveLength(2);
    expect(emu.requests()).toEqual([]);
  });

  it('/api refusing the credentials (401) after the lists answered keeps nothing of them', async () => {
    const api = await scriptedServer(async (path, seen) => {
      if (path === '/api') {
        // Answers once every built-in list has been asked for and answered.
        await once(() => seen.filter(isList).length >= BUILT_IN.length);
        await new Promise((r) => setImmediate(r));
        return { status: 401, body: { kind: 'Status', code: 401, message: 'Unauthorized' } };
      }
      return isList(path) ? emptyList : { status: 404, body: {} };
    });
    try {
      const dir = tmp();
      const messages: string[] = [];
      const r = await run(
        emu,
        // Bounded, should /api wait for lists that never come: a failure, not a hang.
        { namespaces: ['coditect-staging'], concurrency: 16, timeoutMs: 10_000, retries: 0 },
        { messages, overrides: { kubeconfig: api.kubeconfig(dir) } },
      );
      expect(api.seen.filter(isList)).toHaveLength(BUILT_IN.length);
      expect(r.state).toEqual({
        status: 'failed',
        reason: `Kubernetes API ${api.url}: the API server at ${api.url} HTTP 401`,
      });
      for (const f of Object.values(r.facets)) {
        expect(f?.status).toBe('error');
        expect(f?.status === 'error' ? f.problems : []).toEqual([
          {
            subject: `Kubernetes API ${api.url}`,
            message: `the API server at ${api.url} HTTP 401`,
            cause: 'unauthenticated',
            fix: expect.stringContaining('renew the credentials of kubeconfig'),
          },
        ]);
      }
      // Only the line naming the server: no list is reported as read.
      expect(messages).toEqual([expect.stringMatching(/^reading http:\/\/127\.0\.0\.1:\d+ with kubeconfig/)]);
    } finally {
      api.stop();
    }
  });

  it('/api timing out ends the lists in flight, their retries and their waits: nothing is left pending', async () => {
    const before = liveTimers();
    const api = await scriptedServer(async (path) => {
      if (path === '/api') return undefined; // never answers: each attempt times out
      // Every list fails with a 30 s Retry-After: left alone, each would wait half a minute and ask again.
      return isList(path) ? { status: 503, body: {}, headers: { 'retry-after': '30' } } : { status: 404, body: {} };
    });
    try {
      const dir = tmp();
      const r = await run(
        emu,
        { namespaces: ['coditect-staging'], timeoutMs: 300, retries: 1 },
        { overrides: { kubeconfig: api.kubeconfig(dir) } },
      );
      expect(r.state.status).toBe('failed');
      const f = r.facets['k8s.pods'];
      expect(f?.status === 'error' ? f.problems : []).toEqual([
        {
          subject: `Kubernetes API ${api.url}`,
          message: `the API server at ${api.url} no answer within 300 ms, 2 times`,
          cause: 'timeout',
          fix: `check that ${api.url} is reachable from here, or raise layers.k8s.timeoutMs`,
        },
      ]);
      // /api twice; each list that was sent, once: none was asked again.
      expect(api.seen.filter((p) => p === '/api')).toHaveLength(2);
      const lists = api.seen.filter(isList);
      expect(lists.length).toBeGreaterThan(0);
      expect(new Set(lists).size).toBe(lists.length);
      expect(liveTimers()).toBeLessThanOrEqual(before);
    } finally {
      api.stop();
    }
    // A deadline for the wait this is about, not a measure of speed: a collection that waited out the
    // lists' Retry-After (30 s) instead of ending them fails here.
  }, 20_000);

  it('a request whose collection ended is neither retried nor waited for, nor judged', async () => {
    const abort = new AbortController();
    const policy = { retries: 3, timeoutMs: 1000, backoffMs: 5, signal: abort.signal };
    let calls = 0;
    // Answers 503 with a 30 s Retry-After: withRetries waits before the next attempt.
    const busy = withRetries(async () => {
      calls++;
      throw new ApiException(503, 'Service Unavailable', '{}', { 'retry-after': '30' });
    }, policy);
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(1);
    // The wait's timer goes with the abort (counted around it: nothing else runs in between), and the
    // rejection is the abort's, not a RequestFailure to report.
    const waiting = liveTimers();
    abort.abort();
    expect(liveTimers()).toBe(waiting - 1);
    await expect(busy).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
    // A failure that arrives after the end is not judged either.
    await expect(
      withRetries(async () => {
        abort.abort();
        throw new ApiException(403, 'Forbidden', '{}', {});
      }, policy),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an unreachable server fails the layer as before, with no retry left waiting', async () => {
    const dir = tmp();
    const kubeconfig = emu.kubeconfigPath(dir);
    const url = emu.url;
    await emu.stop();
    const before = liveTimers();
    const r = await run(emu, { namespaces: ['coditect-staging'], retries: 2 }, { overrides: { kubeconfig } });
    expect(r.state.status).toBe('failed');
    const f = r.facets['k8s.deployments'];
    expect(f?.status === 'error' ? f.problems[0] : undefined).toMatchObject({
      subject: `Kubernetes API ${url}`,
      message: expect.stringMatching(new RegExp(`^the API server at ${url} .*\\(3 attempts\\)$`)),
      cause: 'unreachable',
    });
    expect(liveTimers()).toBeLessThanOrEqual(before);
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });

  it('/api refused (403) is not fatal: the lists are kept, and the API facet says what to grant', async () => {
    emu.server.inject({
      path: /^\/api$/,
      fault: { kind: 'status', status: 403, body: { kind: 'Status', code: 403, message: 'forbidden: /api' } },
    });
    const r = await run(emu);
    expect(r.state.status).toBe('collected');
    expect(ok(r, 'k8s.pods').items.length).toBeGreaterThan(0);
    const apis = r.facets['k8s.apis'];
    expect(apis?.status).toBe('ok');
    expect(apis?.status === 'ok' ? apis.problems : []).toEqual([
      expect.objectContaining({
        subject: 'get /api',
        cause: 'permission-denied',
        message: expect.stringContaining('refused: forbidden: /api'),
      }),
    ]);
  });

  it('/api answering 5xx is retried while the lists run; after the retries it is a problem of the API facet only', async () => {
    emu.server.inject({ path: /^\/api$/, fault: { kind: 'status', status: 503 }, times: 2 });
    const recovered = await run(emu);
    expect(recovered.state.status).toBe('collected');
    expect(recovered.facets['k8s.apis']).toMatchObject({ status: 'ok', problems: [] });
    expect(emu.requests().filter((q) => q.path === '/api')).toHaveLength(3);

    emu.server.requests.length = 0;
    emu.server.clearFaults();
    emu.server.inject({ path: /^\/api$/, fault: { kind: 'status', status: 503 } });
    const r = await run(emu, { namespaces: ['coditect-staging'], retries: 2 });
    expect(r.state.status).toBe('collected');
    expect(ok(r, 'k8s.pods')).toEqual(ok(recovered, 'k8s.pods'));
    const apis = r.facets['k8s.apis'];
    expect(apis?.status === 'ok' ? apis.problems : []).toEqual([
      expect.objectContaining({
        subject: 'get /api',
        cause: 'api-error',
        message: expect.stringContaining('answered 503'),
      }),
    ]);
    expect(emu.requests().filter((q) => q.path === '/api')).toHaveLength(3);
  });
});

describe('concurrency', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    const run = limiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 20 }, () => run(task)));
    expect(peak).toBe(3);
  });

  it('a collection with concurrency 1 makes its requests one at a time', async () => {
    const emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
    try {
      emu.server.inject({ path: '/api/v1/namespaces/coditect-staging/', fault: { kind: 'delay', ms: 20 } });
      const started = Date.now();
      const r = await run(emu, { namespaces: ['coditect-staging'], concurrency: 1 });
      expect(r.state.status).toBe('collected');
      // Six namespaced core lists of 20 ms each, none overlapping.
      expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    } finally {
      await emu.stop();
    }
  });
});

describe('credentials', () => {
  let emu: K8sEmulator;
  beforeAll(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
  });
  afterAll(() => emu.stop());

  it('with none anywhere, the layer fails and says how to provide them', async () => {
    const dir = tmp();
    const r = await collect(
      {
        root: dir,
        environment: 'staging',
        expectations: resolveExpectations(undefined),
        config: {},
        overrides: {},
        progress: () => {},
      },
      { env: {}, home: dir },
    );
    expect(r.state.status).toBe('failed');
    const f = r.facets['k8s.deployments'];
    expect(f?.status === 'error' ? f.problems[0] : undefined).toMatchObject({
      subject: 'Kubernetes credentials',
      cause: 'no-credentials',
      message: expect.stringContaining('KUBECONFIG unset, no ~/.kube/config'),
      fix: expect.stringContaining('--kubeconfig'),
    });
  });

  it('a demo repository may ask to be skipped when its context is not offered, never to pass silently', async () => {
    const dir = tmp();
    const r = await collect(
      {
        root: dir,
        environment: 'staging',
        expectations: resolveExpectations(undefined),
        config: { context: 'adr-001-staging', skipWithoutContext: true },
        overrides: { kubeconfig: emu.kubeconfigPath(dir, { context: 'something-else' }) },
        progress: () => {},
      },
      { env: {}, home: dir },
    );
    expect(r.state).toEqual({
      status: 'not-configured',
      reason: 'no kubeconfig offers context adr-001-staging (layers.k8s.skipWithoutContext): the cluster was not read',
    });
    for (const f of Object.values(r.facets)) expect(f?.status).toBe('absent');
  });

  it('takes --kubeconfig over the config, KUBECONFIG, then ~/.kube/config, then the in-cluster account', () => {
    const dir = tmp();
    const fromFlag = emu.kubeconfigPath(dir, { context: 'flag' });
    mkdirSync(join(dir, 'home/.kube'), { recursive: true });
    const home = join(dir, 'home');
    writeFileSync(join(home, '.kube/config'), readFileSync(fromFlag, 'utf8').replaceAll('flag', 'home'));
    const env = { KUBECONFIG: fromFlag };
    expect(connect({ root: dir, kubeconfig: fromFlag, env: {}, home }).source).toContain('context flag');
    expect(connect({ root: dir, env, home }).source).toBe('kubeconfig from KUBECONFIG (context flag)');
    expect(connect({ root: dir, env: {}, home }).source).toBe('kubeconfig ~/.kube/config (context home)');
    const token = join(dir, 'sa/var/run/secrets/kubernetes.io/serviceaccount/token');
    mkdirSync(join(token, '..'), { recursive: true });
    writeFileSync(token, 'token');
    const inCluster = connect({
      root: dir,
      env: { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' },
      home: join(dir, 'nowhere'),
      serviceAccountToken: token,
    });
    expect(inCluster.source).toBe('in-cluster service account (context inClusterContext)');
    expect(inCluster.server).toBe('https://10.0.0.1:443');
  });

  it('honours --context over layers.k8s.context, and names the contexts there are', async () => {
    const dir = tmp();
    const kubeconfig = emu.kubeconfigPath(dir, { context: 'real' });
    const base = {
      root: dir,
      environment: 'staging',
      expectations: resolveExpectations(undefined),
      progress: () => {},
    };
    const wrong = await collect(
      { ...base, config: { context: 'real' }, overrides: { kubeconfig, k8sContext: 'typo' } },
      { env: {}, home: dir },
    );
    expect(wrong.state.status).toBe('failed');
    const f = wrong.facets['k8s.pods'];
    expect(f?.status === 'error' ? f.problems[0] : undefined).toMatchObject({
      message: expect.stringContaining('has no context "typo"'),
      fix: expect.stringContaining('choose one of: real'),
    });
    const right = await collect(
      {
        ...base,
        config: { context: 'typo', namespaces: ['coditect-staging'] },
        overrides: { kubeconfig, k8sContext: 'real' },
      },
      { env: {}, home: dir },
    );
    expect(right.state.status).toBe('collected');
  });
});

describe('the remediated namespace and External Secrets versions', () => {
  it('reads ExternalSecrets at v1 with their stores, keeping template keys but no values', async () => {
    const emu = await startK8sEmulator({ dataDir: REMEDIATED, ...clock });
    try {
      const r = await run(emu);
      const es = ok(r, 'k8s.externalsecrets');
      expect(es.apiVersion).toBe('external-secrets.io/v1');
      expect(es.items.map((i) => i.name)).toEqual(['backend-secrets']);
      expect(es.stores).toEqual([
        {
          kind: 'ClusterSecretStore',
          name: 'gcp-secret-manager',
          provider: 'gcpsm',
          projectID: 'coditect-cloud-infra',
          ready: true,
        },
      ]);
      const text = JSON.stringify(r);
      expect(text).not.toContain('license_api_staging');
      expect(text).not.toContain(CANARY);
      for (const value of secretValues(REMEDIATED)) expect(text).not.toContain(value);
      expect(ok(r, 'k8s.secrets').items[0]?.keys.find((k) => k.key === 'db-sslmode')).toEqual({
        key: 'db-sslmode',
        class: 'set',
        publicValue: 'require',
      });
    } finally {
      await emu.stop();
    }
  });

  it('falls back to external-secrets.io/v1beta1 on an operator that serves only that', async () => {
    const dir = tmp();
    for (const file of ['externalsecrets', 'secretstores', 'clustersecretstores']) {
      const text = readFileSync(join(REMEDIATED, `${file}.json`), 'utf8').replaceAll(
        'external-secrets.io/v1"',
        'external-secrets.io/v1beta1"',
      );
      writeFileSync(join(dir, `${file}.json`), text);
    }
    const emu = await startK8sEmulator({ dataDir: dir, ...clock });
    try {
      const r = await run(emu);
      expect(ok(r, 'k8s.externalsecrets').apiVersion).toBe('external-secrets.io/v1beta1');
      expect(ok(r, 'k8s.externalsecrets').items).toHaveLength(1);
      expect(emu.requests().some((q) => q.path.startsWith('/apis/external-secrets.io/v1beta1/namespaces/'))).toBe(true);
    } finally {
      await emu.stop();
    }
  });

  it('masks in objects of earlier pages a secret that an object of a later page reveals', async () => {
    const dir = tmp();
    const pod = (name: string, annotations: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'coditect-staging', annotations },
      spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
    });
    const pods = [
      pod('a-early', { note: 'rotate Tr0ub4dor-x9 next week' }),
      pod('m-middle', { note: 'nothing to see' }),
      pod('z-late', { run: 'curl -u admin:Tr0ub4dor-x9 https://api.internal/v1' }),
    ];
    writeFileSync(join(dir, 'pods.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods }));
    const emu = await startK8sEmulator({ dataDir: dir, ...clock });
    try {
      const r = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1 });
      // One pod a page: the secret is revealed two pages after the first pod was made.
      expect(emu.requests().filter((q) => q.path.endsWith('/pods')).length).toBe(3);
      const items = ok(r, 'k8s.pods').items;
      expect(items.map((p) => p.name)).toEqual(['a-early', 'm-middle', 'z-late']);
      expect(items[0]?.object.metadata.annotations).toEqual({ note: 'rotate ‹redacted:password› next week' });
      expect(items[2]?.object.metadata.annotations).toEqual({
        run: 'curl -u admin:‹redacted:password› https://api.internal/v1',
      });
      expect(JSON.stringify(r.facets)).not.toContain('Tr0ub4dor');
    } finally {
      await emu.stop();
    }
  });

  it("views of a collected cluster are made of finished objects only: a later page's secret is masked in them", async () => {
    const dir = tmp();
    // The views of each object are made as it is finished (prepareLiveObject), before later pages are read.
    const pod = (name: string, args: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'coditect-staging' },
      spec: { containers: [{ name: 'app', image: 'gcr.io/p/app:1', args }] },
    });
    const pods = [
      pod('a-early', ['--note', 'rotate Tr0ub4dor-x9 next week']),
      pod('z-late', ['sh', '-c', 'curl -u admin:Tr0ub4dor-x9 https://api.internal/v1']),
    ];
    writeFileSync(join(dir, 'pods.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods }));
    const emu = await startK8sEmulator({ dataDir: dir, ...clock });
    try {
      const r = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1 });
      const facet = ((name: string) => (r.facets[name as keyof K8sFacets] as { data?: unknown }).data) as Parameters<
        typeof viewsOf
      >[2];
      const views = (['container', 'workload', 'image', 'gcr-reference'] as const).map(
        (kind) => viewsOf(kind, 'k8s', facet, resolveExpectations(undefined)).items,
      );
      expect(views.map((v) => v.length)).toEqual([2, 2, 2, 2]);
      const workload = views[1]![0] as { containers: { spec: { args: string[] } }[] };
      expect(workload.containers[0]?.spec.args).toEqual(['--note', 'rotate ‹redacted:password› next week']);
      expect(JSON.stringify(views)).not.toContain('Tr0ub4dor');
    } finally {
      await emu.stop();
    }
  });

  it('keeps its connections to the API server alive: many requests, few connections', async () => {
    const emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
    try {
      const r = await run(emu, { namespaces: ['coditect-staging'], pageSize: 1, concurrency: 2 });
      expect(r.state.status).toBe('collected');
      const requests = emu.requests().length;
      expect(requests).toBeGreaterThan(30);
      // Without keep-alive every request opened its own connection.
      expect(emu.server.connections).toBeLessThanOrEqual(4);
    } finally {
      await emu.stop();
    }
  });

  it('replaces literal env values whose names look secret, and masks URL passwords', async () => {
    const dir = tmp();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'debug',
        namespace: 'coditect-staging',
        annotations: { note: 'postgres://app:hunter2-in-url@db:5432/x' },
      },
      spec: {
        containers: [
          {
            name: 'shell',
            image: 'busybox:1.36',
            env: [
              { name: 'DB_PASSWORD', value: 'hunter2-literal' },
              { name: 'DB_USER', value: 'license_api_staging' },
            ],
          },
        ],
      },
    };
    writeFileSync(join(dir, 'pods.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [pod] }));
    const emu = await startK8sEmulator({ dataDir: dir, ...clock });
    try {
      const r = await run(emu);
      const text = JSON.stringify(r.facets['k8s.pods']);
      expect(text).not.toContain('hunter2');
      expect(text).toContain('license_api_staging');
      expect(text).toContain('postgres://app:‹redacted:password›@db:5432/x');
    } finally {
      await emu.stop();
    }
  });
});
