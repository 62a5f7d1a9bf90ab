/**
 * The registry probe against the real Debian docker-registry (scripts/services.sh pushed the images),
 * and its authentication flows against local fakes: Docker Hub's anonymous token, Artifact Registry's
 * access-token exchange, Basic credentials, and a blob redirect to another host.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageProbe, RegistryProbeConfig } from '@coditect-audit/core';
import {
  collectProbes,
  parseChallenge,
  parseImageReference,
  type ProbeDeps,
  pullReference,
} from '@coditect-audit/collectors/probe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServices, loggedSince, logSize, probeContext, registryHost, type Services } from './probe-services.js';

let s: Services;
let host: string;
let digests: Record<string, { digest: string }>;
beforeAll(() => {
  s = loadServices();
  host = registryHost(s);
  digests = JSON.parse(readFileSync(s.REGISTRY_IMAGES, 'utf8'));
});

async function probe(registry: RegistryProbeConfig, root?: string, deps: ProbeDeps = {}) {
  const { facets } = await collectProbes(probeContext({ registry, timeoutMs: 3000 }, root), deps);
  return facets['probe.registry']!;
}

function images(f: Awaited<ReturnType<typeof probe>>): Map<string, ImageProbe> {
  if (f.status !== 'ok') throw new Error(`facet ${f.status}: ${JSON.stringify(f)}`);
  return new Map(f.data.images.map((i) => [i.reference, i]));
}

describe('image references', () => {
  it('are read the way container runtimes read them', () => {
    expect(pullReference('python')).toEqual({
      reference: 'python',
      registry: 'docker.io',
      repository: 'library/python',
      tag: 'latest',
    });
    expect(pullReference('127.0.0.1:5000/a/b:v1')).toMatchObject({
      registry: '127.0.0.1:5000',
      repository: 'a/b',
      tag: 'v1',
    });
    const pinned = pullReference(`x.io/a@sha256:${'a'.repeat(64)}`);
    expect(pinned?.digest).toBe(`sha256:${'a'.repeat(64)}`);
    expect(pinned?.tag).toBeUndefined();
    // Templates and malformed names parse as written (rules read their tags) but are not pulled.
    const templated = ['repo/$', '{TAG}'].join('');
    expect(parseImageReference(templated)).toEqual({ raw: templated, repository: templated });
    expect(pullReference(templated)).toBeUndefined();
    expect(parseImageReference('UPPER/case')?.canonical).toBeUndefined();
    expect(pullReference('UPPER/case')).toBeUndefined();
    expect(pullReference('x.io/a@sha256:short')).toBeUndefined();
  });

  it('parse authentication challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/python:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/python:pull',
      },
    });
    expect(parseChallenge('Basic realm="Registry"')).toEqual({ scheme: 'basic', params: { realm: 'Registry' } });
    expect(parseChallenge(undefined)).toBeUndefined();
  });
});

describe('the local docker-registry', () => {
  it('resolves single-platform images, indexes and Docker manifest lists, and reads User and PATH only', async () => {
    const ref = (name: string, tag = 'v1.0.0') => `${host}/test/${name}:${tag}`;
    const f = await probe({
      images: ['amd64-only', 'arm64-only', 'multi-arch', 'docker-list', 'root-user', 'nonroot', 'root-local-path'].map(
        (n) => ref(n),
      ),
      plainHttpHosts: [host],
    });
    const got = images(f);
    expect(got.get(ref('amd64-only'))).toMatchObject({
      kind: 'manifest',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      platforms: [{ os: 'linux', architecture: 'amd64' }],
      configs: [
        {
          platform: 'linux/amd64',
          user: 'django',
          path: '/home/django/.local/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin',
        },
      ],
      resolvedDigest: digests['amd64-only']!.digest,
      usedBy: [{ source: 'config' }],
    });
    expect(got.get(ref('arm64-only'))!.platforms).toEqual([{ os: 'linux', architecture: 'arm64', variant: 'v8' }]);
    const multi = got.get(ref('multi-arch'))!;
    expect(multi).toMatchObject({
      kind: 'index',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      attestationsIgnored: 1,
    });
    expect(multi.platforms).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    expect(multi.configs.map((c) => c.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    const list = got.get(ref('docker-list'))!;
    expect(list).toMatchObject({
      kind: 'index',
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
    });
    expect(list.configs.map((c) => c.user)).toEqual(['1000:1000', '1000:1000']);
    expect(got.get(ref('root-user'))!.configs[0]!.user).toBe('');
    expect(got.get(ref('root-local-path'))!.configs[0]!.path).toMatch(/^\/root\/\.local\/bin:/);
    // The image environment's other variables never reach the facet.
    expect(JSON.stringify(f)).not.toContain('image-env-canary');
  });

  it('resolves a digest-pinned reference and names a missing tag with the fix', async () => {
    const pinned = `${host}/test/amd64-only@${digests['amd64-only']!.digest}`;
    const f = await probe({ images: [pinned, `${host}/test/amd64-only:no-such-tag`], plainHttpHosts: [host] });
    expect(f.status).toBe('ok');
    if (f.status !== 'ok') return;
    expect(f.data.images.map((i) => i.reference)).toEqual([pinned]);
    expect(f.data.images[0]).toMatchObject({
      digest: digests['amd64-only']!.digest,
      resolvedDigest: digests['amd64-only']!.digest,
    });
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0]).toMatchObject({ subject: `image ${host}/test/amd64-only:no-such-tag` });
    expect(f.problems[0]!.message).toMatch(/not found \(404 MANIFEST_UNKNOWN\)/);
    expect(f.problems[0]!.fix).toMatch(/push the image/);
  });

  it("finds the workloads' images in the repository's manifests, with where each is used", async () => {
    const dir = join(tmpdir(), `probe-registry-${process.pid}`);
    mkdirSync(join(dir, 'k8s'), { recursive: true });
    writeFileSync(
      join(dir, 'k8s', 'app.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: coditect-staging }
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ${host}/test/root-user:v1.0.0
      containers:
        - name: web
          image: ${host}/test/nonroot:v1.0.0
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: sweep, namespace: coditect-staging }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: sweep
              image: ${host}/test/nonroot:v1.0.0
`,
    );
    const got = images(await probe({ plainHttpHosts: [host] }, dir));
    expect([...got.keys()]).toEqual([`${host}/test/nonroot:v1.0.0`, `${host}/test/root-user:v1.0.0`]);
    expect(got.get(`${host}/test/nonroot:v1.0.0`)!.usedBy).toEqual([
      {
        source: 'manifest',
        file: 'k8s/app.yaml',
        line: 12,
        column: 11,
        kind: 'Deployment',
        namespace: 'coditect-staging',
        name: 'web',
        container: 'web',
      },
      {
        source: 'manifest',
        file: 'k8s/app.yaml',
        line: 24,
        column: 15,
        kind: 'CronJob',
        namespace: 'coditect-staging',
        name: 'sweep',
        container: 'sweep',
      },
    ]);
  });

  it('sends every request for another registry to `url` (a mirror), keeping the image names', async () => {
    let asked = false;
    const f = await probe(
      {
        images: [
          'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
        ],
        url: s.REGISTRY_URL,
      },
      undefined,
      {
        googleAccessToken: async () => {
          asked = true;
          return 'unused';
        },
      },
    );
    const [image] = images(f).values();
    expect(image).toMatchObject({
      registry: 'us-central1-docker.pkg.dev',
      configs: [{ user: 'django', platform: 'linux/amd64' }],
    });
    // The local registry asks for no credentials, so none were fetched.
    expect(asked).toBe(false);
  });

  it('only reads: the access log shows GET and HEAD from the probe, nothing else', async () => {
    const mark = logSize(s.REGISTRY_LOG);
    await probe({
      images: [`${host}/test/multi-arch:v1.0.0`, `${host}/test/docker-list:v1.0.0`],
      plainHttpHosts: [host],
    });
    // The registry writes its access log asynchronously: wait for the probe's requests to be in it.
    const probeLines = (l: string[]) => l.filter((x) => x.includes('coditect-audit-probe'));
    const lines = probeLines(await loggedSince(s.REGISTRY_LOG, mark, (l) => probeLines(l).length >= 10));
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const l of lines) expect(l).toMatch(/"(GET|HEAD) \/v2\//);
    expect(lines.join('\n')).not.toMatch(/"(PUT|POST|PATCH|DELETE) /);
  });
});

// ---------------------------------------------------------------- authentication against local fakes

interface Seen {
  method: string;
  path: string;
  authorization?: string;
}

function fakeServer(
  handle: (
    path: string,
    headers: IncomingHttpHeaders,
  ) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const out = handle(url.pathname + url.search, req.headers);
    res.writeHead(out.status, out.headers ?? {});
    res.end(out.body ?? '');
  });
  return {
    seen,
    server,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG = JSON.stringify({
  architecture: 'amd64',
  os: 'linux',
  config: { User: 'app', Env: ['PATH=/usr/bin', 'TOKEN=env-canary-77'] },
});
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: OCI_MANIFEST,
  config: {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    digest: `sha256:${'c'.repeat(64)}`,
    size: CONFIG.length,
  },
  layers: [],
});

/** A registry that wants `Bearer <token>` and sends configs to a storage host by redirect. */
function tokenRegistry(token: string, storage: () => string, tokenCheck: (auth: string | undefined) => boolean) {
  const reg = fakeServer((path, headers) => {
    if (path.startsWith('/token')) {
      return tokenCheck(headers.authorization)
        ? { status: 200, body: JSON.stringify({ token }) }
        : { status: 403, body: '{"details":"denied"}' };
    }
    if (headers.authorization !== `Bearer ${token}`)
      return {
        status: 401,
        headers: { 'www-authenticate': `Bearer realm="${base()}/token",service="fake-registry"` },
        body: JSON.stringify({ errors: [{ code: 'UNAUTHORIZED' }] }),
      };
    if (path.includes('/manifests/')) return { status: 200, headers: { 'content-type': OCI_MANIFEST }, body: MANIFEST };
    if (path.includes('/blobs/')) return { status: 307, headers: { location: `${storage()}/blob-store/config` } };
    return { status: 404, body: JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN' }] }) };
  });
  let url = '';
  const base = () => url;
  return { ...reg, start: async () => (url = await reg.start()) };
}

describe('registry authentication (local fakes)', () => {
  const storage = fakeServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: CONFIG }));
  let storageUrl = '';
  beforeAll(async () => {
    storageUrl = await storage.start();
  });
  afterAll(() => storage.stop());

  it("Docker Hub: an anonymous pull token from the challenge's realm, never sent along the storage redirect", async () => {
    const reg = tokenRegistry(
      'anon-pull-token-canary',
      () => storageUrl,
      (auth) => auth === undefined,
    );
    const url = await reg.start();
    try {
      const f = await probe({ images: ['python:3.12-slim'], url });
      const [image] = images(f).values();
      expect(image).toMatchObject({
        registry: 'docker.io',
        repository: 'library/python',
        configs: [{ user: 'app', path: '/usr/bin' }],
      });
      const tokenCall = reg.seen.find((r) => r.path.startsWith('/token'))!;
      expect(tokenCall.path).toBe('/token?service=fake-registry&scope=repository%3Alibrary%2Fpython%3Apull');
      expect(tokenCall.authorization).toBeUndefined();
      expect(storage.seen.at(-1)).toEqual({ method: 'GET', path: '/blob-store/config' });
      expect(JSON.stringify(f)).not.toMatch(/anon-pull-token-canary|env-canary-77/);
    } finally {
      await reg.stop();
    }
  });

  it('Artifact Registry: the ADC access token as oauth2accesstoken exchanged for a registry token', async () => {
    const adc = 'ya29.adc-canary-0c4e';
    const basic = `Basic ${Buffer.from(`oauth2accesstoken:${adc}`).toString('base64')}`;
    const reg = tokenRegistry(
      'ar-registry-token-canary',
      () => storageUrl,
      (auth) => auth === basic,
    );
    const url = await reg.start();
    try {
      const f = await probe(
        { images: ['us-central1-docker.pkg.dev/p/repo/app:v1.2.3'], url, allowPlaintextCredentials: true },
        undefined,
        {
          googleAccessToken: async () => adc,
        },
      );
      const [image] = images(f).values();
      expect(image).toMatchObject({ registry: 'us-central1-docker.pkg.dev', repository: 'p/repo/app', tag: 'v1.2.3' });
      expect(reg.seen.filter((r) => r.path.startsWith('/token')).map((r) => r.authorization)).toEqual([basic]);
      expect(storage.seen.every((r) => r.authorization === undefined)).toBe(true);
      expect(JSON.stringify(f)).not.toMatch(/adc-canary|ar-registry-token-canary/);
    } finally {
      await reg.stop();
    }
  });

  it('names the role to grant when the token endpoint refuses, without the token in the message', async () => {
    const reg = tokenRegistry(
      'never',
      () => storageUrl,
      () => false,
    );
    const url = await reg.start();
    try {
      const f = await probe(
        { images: ['us-central1-docker.pkg.dev/p/repo/app:v1'], url, allowPlaintextCredentials: true },
        undefined,
        {
          googleAccessToken: async () => 'ya29.refused-canary',
        },
      );
      expect(f.status).toBe('error');
      if (f.status !== 'error') return;
      expect(f.problems[0]!.message).toMatch(/answered 403 to the Application Default Credentials/);
      expect(f.problems[0]!.fix).toMatch(/roles\/artifactregistry.reader/);
      expect(JSON.stringify(f)).not.toContain('refused-canary');
    } finally {
      await reg.stop();
    }
  });

  it('Basic credentials from usernameEnv/passwordEnv when the registry asks for Basic', async () => {
    process.env.PROBE_TEST_REG_USER = 'robot';
    process.env.PROBE_TEST_REG_PASS = 'basic-pass-canary-19';
    const expected = `Basic ${Buffer.from('robot:basic-pass-canary-19').toString('base64')}`;
    const reg = fakeServer((path, headers) => {
      if (headers.authorization !== expected)
        return { status: 401, headers: { 'www-authenticate': 'Basic realm="Registry"' } };
      if (path.includes('/manifests/'))
        return { status: 200, headers: { 'content-type': OCI_MANIFEST }, body: MANIFEST };
      return { status: 200, body: CONFIG };
    });
    const url = await reg.start();
    try {
      const f = await probe({
        images: ['registry.example.com/team/app:v2.0'],
        url,
        // The fake registry listens on loopback over plain HTTP.
        allowPlaintextCredentials: true,
        usernameEnv: 'PROBE_TEST_REG_USER',
        passwordEnv: 'PROBE_TEST_REG_PASS',
      });
      expect([...images(f).keys()]).toEqual(['registry.example.com/team/app:v2.0']);
      expect(JSON.stringify(f)).not.toContain('basic-pass-canary-19');
    } finally {
      await reg.stop();
    }
  });
});
