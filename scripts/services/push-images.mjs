#!/usr/bin/env node
/**
 * Pushes the probe tests' images into the local registry with plain fetch (no docker, no skopeo):
 * single-platform images for amd64 and arm64, an OCI index (with a build attestation entry), a Docker
 * manifest list, root and non-root configs, and the ADR-001 blocker (User django, PATH under /root).
 * Idempotent: a tag that already resolves is left as it is. Prints { name: { reference, digest } } as JSON.
 * Usage: node scripts/services/push-images.mjs http://127.0.0.1:PORT
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const base = process.argv[2];
if (!base) {
  console.error('usage: push-images.mjs <registry base URL>');
  process.exit(2);
}
const host = new URL(base).host;

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
const ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

const sha256 = (buf) => `sha256:${createHash('sha256').update(buf).digest('hex')}`;

/** A one-file ustar archive: 512-byte header, the content padded to 512, two zero blocks. */
function tarOf(name, content) {
  const data = Buffer.from(content);
  const header = Buffer.alloc(512);
  const field = (text, offset, length) => header.write(text, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  field('00000000000\0', 136, 12);
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const b of header) sum += b;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}

async function request(method, path, init = {}) {
  const url = path.startsWith('http') ? path : `${base}${path}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { method, ...init, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      // The registry may still be starting: retry connection errors for a few seconds.
      if (attempt >= 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function pushBlob(repo, bytes) {
  const digest = sha256(bytes);
  if ((await request('HEAD', `/v2/${repo}/blobs/${digest}`)).status === 200) return digest;
  const start = await request('POST', `/v2/${repo}/blobs/uploads/`);
  if (start.status !== 202) throw new Error(`POST blob upload for ${repo}: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location'), base);
  location.searchParams.set('digest', digest);
  const put = await request('PUT', location.toString(), {
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  if (put.status !== 201) throw new Error(`PUT blob ${digest} to ${repo}: ${put.status} ${await put.text()}`);
  return digest;
}

async function pushManifest(repo, ref, mediaType, manifest) {
  const body = Buffer.from(JSON.stringify(manifest));
  const res = await request('PUT', `/v2/${repo}/manifests/${ref}`, { headers: { 'content-type': mediaType }, body });
  if (res.status !== 201) throw new Error(`PUT manifest ${repo}:${ref}: ${res.status} ${await res.text()}`);
  return { digest: sha256(body), size: body.length, mediaType };
}

/** An image for one platform; `docker` selects the Docker v2 media types instead of OCI. */
async function pushImage(repo, { architecture, variant, user, env, docker = false, label }) {
  const tar = tarOf(
    'etc/coditect-test-image',
    `${repo} ${architecture}${variant ? `/${variant}` : ''} ${label ?? ''}\n`,
  );
  const layer = gzipSync(tar, { level: 9 });
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      ...(variant ? { variant } : {}),
      os: 'linux',
      config: { User: user, Env: env, WorkingDir: '/app', Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  );
  const layerDigest = await pushBlob(repo, layer);
  const configDigest = await pushBlob(repo, config);
  const mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: { mediaType: docker ? DOCKER_CONFIG : OCI_CONFIG, digest: configDigest, size: config.length },
    layers: [{ mediaType: docker ? DOCKER_LAYER : OCI_LAYER, digest: layerDigest, size: layer.length }],
  };
  const body = Buffer.from(JSON.stringify(manifest));
  return pushManifest(repo, sha256(body), mediaType, manifest);
}

/** A BuildKit-style provenance attestation: an index entry with platform unknown/unknown. */
async function pushAttestation(repo, subject) {
  const statement = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', subject: [] }));
  const config = Buffer.from(
    JSON.stringify({ architecture: 'unknown', os: 'unknown', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const layerDigest = await pushBlob(repo, statement);
  const configDigest = await pushBlob(repo, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.in-toto+json', digest: layerDigest, size: statement.length }],
  };
  const body = Buffer.from(JSON.stringify(manifest));
  const pushed = await pushManifest(repo, sha256(body), OCI_MANIFEST, manifest);
  return {
    ...pushed,
    platform: { architecture: 'unknown', os: 'unknown' },
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': subject },
  };
}

async function tagIndex(repo, tag, mediaType, entries) {
  return pushManifest(repo, tag, mediaType, { schemaVersion: 2, mediaType, manifests: entries });
}

async function tagManifest(repo, tag, image) {
  const res = await request('GET', `/v2/${repo}/manifests/${image.digest}`, { headers: { accept: ACCEPT } });
  const body = Buffer.from(await res.arrayBuffer());
  return pushManifest(repo, tag, image.mediaType, JSON.parse(body.toString('utf8')));
}

const PATH_HOME = 'PATH=/home/django/.local/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';
const PATH_ROOT = 'PATH=/root/.local/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';
const PATH_SYSTEM = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';
// Image environments can hold secrets: the probe keeps PATH only, and the tests check this one never shows.
const ENV_CANARY = 'DJANGO_SECRET_KEY=image-env-canary-5d41402abc4b2a76';

const IMAGES = {
  'amd64-only': {
    repo: 'test/amd64-only',
    tags: ['v1.0.0', 'latest'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: 'django', env: [PATH_HOME, ENV_CANARY] }),
  },
  'arm64-only': {
    repo: 'test/arm64-only',
    tags: ['v1.0.0'],
    build: (r) => pushImage(r, { architecture: 'arm64', variant: 'v8', user: 'django', env: [PATH_HOME] }),
  },
  'multi-arch': {
    repo: 'test/multi-arch',
    tags: ['v1.0.0'],
    index: async (r) => {
      const amd = await pushImage(r, { architecture: 'amd64', user: 'django', env: [PATH_HOME] });
      const arm = await pushImage(r, { architecture: 'arm64', variant: 'v8', user: 'django', env: [PATH_HOME] });
      return [
        OCI_INDEX,
        [
          { ...amd, platform: { architecture: 'amd64', os: 'linux' } },
          { ...arm, platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
          await pushAttestation(r, amd.digest),
        ],
      ];
    },
  },
  'docker-list': {
    repo: 'test/docker-list',
    tags: ['v1.0.0'],
    index: async (r) => {
      const amd = await pushImage(r, { architecture: 'amd64', user: '1000:1000', env: [PATH_SYSTEM], docker: true });
      const arm = await pushImage(r, {
        architecture: 'arm64',
        variant: 'v8',
        user: '1000:1000',
        env: [PATH_SYSTEM],
        docker: true,
      });
      return [
        DOCKER_LIST,
        [
          { ...amd, platform: { architecture: 'amd64', os: 'linux' } },
          { ...arm, platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
        ],
      ];
    },
  },
  'root-user': {
    repo: 'test/root-user',
    tags: ['v1.0.0'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: '', env: [PATH_SYSTEM] }),
  },
  nonroot: {
    repo: 'test/nonroot',
    tags: ['v1.0.0'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: 'django', env: [PATH_HOME] }),
  },
  'root-local-path': {
    repo: 'test/root-local-path',
    tags: ['v1.0.0'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: 'django', env: [PATH_ROOT] }),
  },
  // The Docker Hub images the ADR's StatefulSets ran, for scans that send every pull here (`url`).
  'hub-postgres': {
    repo: 'library/postgres',
    tags: ['16'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: '', env: [PATH_SYSTEM], label: 'postgres' }),
  },
  'hub-redis': {
    repo: 'library/redis',
    tags: ['7'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: '', env: [PATH_SYSTEM], label: 'redis' }),
  },
  // ADR-001 as deployed: built for amd64, runs as django, PATH under /root (Decision 4).
  'adr-backend': {
    repo: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
    tags: ['v1.0.0-staging'],
    build: (r) => pushImage(r, { architecture: 'amd64', user: 'django', env: [PATH_ROOT], label: 'adr-001' }),
  },
};

async function existing(repo, tag) {
  const res = await request('HEAD', `/v2/${repo}/manifests/${tag}`, { headers: { accept: ACCEPT } });
  return res.status === 200 ? res.headers.get('docker-content-digest') : undefined;
}

const out = {};
for (const [name, spec] of Object.entries(IMAGES)) {
  const [first, ...more] = spec.tags;
  let digest = await existing(spec.repo, first);
  if (!digest) {
    if (spec.index) {
      const [mediaType, entries] = await spec.index(spec.repo);
      digest = (await tagIndex(spec.repo, first, mediaType, entries)).digest;
    } else {
      const image = await spec.build(spec.repo);
      digest = (await tagManifest(spec.repo, first, image)).digest;
    }
  }
  for (const tag of more) {
    if (!(await existing(spec.repo, tag))) {
      const res = await request('GET', `/v2/${spec.repo}/manifests/${first}`, { headers: { accept: ACCEPT } });
      const mediaType = res.headers.get('content-type');
      await pushManifest(spec.repo, tag, mediaType, JSON.parse(await res.text()));
    }
  }
  out[name] = { repository: `${host}/${spec.repo}`, tags: spec.tags, digest };
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
