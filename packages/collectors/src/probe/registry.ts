/**
 * The OCI distribution API, read-only (GET only): resolve each image's tag to its index or manifest
 * with the full Accept list, read the platforms and each platform's image config (`User`, and `PATH`
 * from `Env`, nothing else of it).
 *
 * Authentication follows the registry's challenge: anonymous first; on `401 WWW-Authenticate: Bearer`
 * a token from the realm (Docker Hub's anonymous pull token; Artifact Registry and gcr.io with the
 * Application Default Credentials' access token as `oauth2accesstoken`; other registries with
 * usernameEnv/passwordEnv); on `Basic`, the same credentials directly. Credentials go only to HTTPS
 * endpoints (plain HTTP only with `allowPlaintextCredentials` from a trusted configuration), and never along
 * a redirect to another host.
 */
import type { Facet, ImagePlatform, ImageProbe, RegistryProbe, RegistryProbeConfig } from '@coditect-audit/core';
import { imageTargets, type ImageRef, type ImageTarget } from './images.js';
import { header, type HttpResult, httpGet } from './net.js';
import { describeNetworkError, firstLine, type Redactor, caFileOrError } from './util.js';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/**
 * distribution 2.8 answers an OCI index with 404 unless its type is accepted, and down-converts to
 * schema 1 (no config) unless the Docker v2 types are: always send all four.
 */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Platforms of one index whose configs are read. */
const MAX_PLATFORMS = 8;
const IMAGE_CONCURRENCY = 4;

export interface RegistryDeps {
  /** An OAuth access token of the Application Default Credentials (injected in tests). */
  googleAccessToken?: () => Promise<string | undefined>;
}

export interface RegistryProbeContext {
  root: string;
  /** Directory of the config file, which caFile is relative to; default root. */
  configDir?: string;
  namespace: string;
  kube: { kubeconfig?: string; context?: string };
  timeoutMs: number;
  redactor: Redactor;
  deps: RegistryDeps;
}

interface Credentials {
  username: string;
  password: string;
  source: string;
}

/** Thrown with a message and fix that become the image's problem. */
class RegistryError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"`. */
export function parseChallenge(
  value: string | undefined,
): { scheme: string; params: Record<string, string> } | undefined {
  if (!value) return undefined;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(value);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2] ?? ''); p; p = re.exec(m[2] ?? '')) {
    params[(p[1] as string).toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: (m[1] as string).toLowerCase(), params };
}

export function isGoogleRegistry(host: string): boolean {
  return /(^|\.)gcr\.io$/.test(host) || /-docker\.pkg\.dev$/.test(host);
}

async function defaultGoogleAccessToken(): Promise<string | undefined> {
  const { GoogleAuth } = await import('google-auth-library');
  const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
  return (await auth.getAccessToken()) ?? undefined;
}

class RegistryClient {
  private readonly auth = new Map<string, string>();

  constructor(
    private readonly config: RegistryProbeConfig,
    private readonly ca: string | undefined,
    private readonly ctx: RegistryProbeContext,
  ) {}

  base(registry: string): URL {
    if (this.config.url) return new URL(this.config.url);
    const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
    const plain = this.config.plainHttpHosts?.includes(registry) ?? false;
    return new URL(`${plain ? 'http' : 'https'}://${host}`);
  }

  private async credentials(registry: string): Promise<Credentials | undefined> {
    if (isGoogleRegistry(registry)) {
      let token: string | undefined;
      try {
        token = await (this.ctx.deps.googleAccessToken ?? defaultGoogleAccessToken)();
      } catch (e) {
        throw new RegistryError(
          `no access token from the Application Default Credentials (${firstLine(this.ctx.redactor.scrub((e as Error).message))})`,
          'run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS / run with a service account that holds roles/artifactregistry.reader',
        );
      }
      if (!token) return undefined;
      this.ctx.redactor.add(token);
      return { username: 'oauth2accesstoken', password: token, source: 'Application Default Credentials' };
    }
    const { usernameEnv, passwordEnv } = this.config;
    const password = passwordEnv ? process.env[passwordEnv] : undefined;
    if (!password) return undefined;
    this.ctx.redactor.add(password);
    const username = (usernameEnv ? process.env[usernameEnv] : undefined) ?? 'oauth2accesstoken';
    return { username, password, source: `env ${passwordEnv}` };
  }

  /** Answers a 401 challenge; returns the Authorization header value to retry with, if any. */
  private async authorize(
    registry: string,
    repository: string,
    res: HttpResult,
    origin: URL,
  ): Promise<string | undefined> {
    const challenge = parseChallenge(header(res.headers, 'www-authenticate'));
    const creds = await this.credentials(registry);
    const basic = creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined;
    // Plain HTTP never carries a credential, loopback included, unless a trusted configuration allows it.
    const safe = (u: URL) => u.protocol === 'https:' || this.config.allowPlaintextCredentials === true;
    if (challenge?.scheme === 'basic') return basic && safe(origin) ? basic : undefined;
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) return undefined;
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new RegistryError(
        `the registry's token realm "${challenge.params.realm}" is not a URL`,
        'check the registry address',
      );
    }
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${repository}:pull`);
    const tokenRes = await httpGet(realm, {
      headers: basic && safe(realm) ? { authorization: basic } : {},
      ...(this.ca ? { ca: this.ca } : {}),
      verify: true,
      timeoutMs: this.ctx.timeoutMs,
      maxBytes: 256 * 1024,
    });
    if (tokenRes.status !== 200)
      throw new RegistryError(
        `the token endpoint ${realm.origin}${realm.pathname} answered ${tokenRes.status}${creds ? ` to the ${creds.source}` : ' to an anonymous request'}`,
        creds
          ? `check that the ${creds.source} may pull ${repository} (Artifact Registry: roles/artifactregistry.reader on the repository)`
          : 'the image is not public: configure credentials (Artifact Registry: Application Default Credentials; others: usernameEnv/passwordEnv)',
      );
    let token: unknown;
    try {
      const body = JSON.parse(tokenRes.body.toString('utf8')) as { token?: unknown; access_token?: unknown };
      token = body.token ?? body.access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || !token)
      throw new RegistryError(
        `the token endpoint ${realm.origin}${realm.pathname} returned no token`,
        'check the registry address',
      );
    this.ctx.redactor.add(token);
    return `Bearer ${token}`;
  }

  /** GET a path of the repository, answering one auth challenge and following up to 3 redirects. */
  async get(ref: ImageRef, path: string, accept: string): Promise<HttpResult> {
    const origin = this.base(ref.registry);
    const key = `${ref.registry}/${ref.repository}`;
    let url = new URL(`/v2/${ref.repository}/${path}`, origin);
    let challenged = false;
    for (let hop = 0; hop < 8; hop++) {
      const auth = this.auth.get(key);
      const sameHost = url.host === origin.host;
      const res = await httpGet(url, {
        headers: { accept, ...(auth && sameHost ? { authorization: auth } : {}) },
        ...(this.ca ? { ca: this.ca } : {}),
        verify: true,
        timeoutMs: this.ctx.timeoutMs,
        maxBytes: MAX_MANIFEST_BYTES,
      });
      if (res.status === 401 && sameHost && !challenged) {
        challenged = true;
        const next = await this.authorize(ref.registry, ref.repository, res, origin);
        if (!next) return res;
        this.auth.set(key, next);
        continue;
      }
      if ([301, 302, 303, 307, 308].includes(res.status) && hop < 3) {
        const location = header(res.headers, 'location');
        if (!location) return res;
        // Blob downloads redirect to storage; the Authorization header stays with the registry's host.
        url = new URL(location, url);
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && hop < 2) {
        const wait = Math.min(5, Number(header(res.headers, 'retry-after')) || 2 ** hop) * 1000;
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      return res;
    }
    throw new RegistryError(
      `too many redirects or retries for ${url.origin}${url.pathname}`,
      'check the registry address',
    );
  }
}

function failure(res: HttpResult, what: string, ref: ImageRef): RegistryError {
  let code = '';
  try {
    const body = JSON.parse(res.body.toString('utf8')) as { errors?: { code?: string }[] };
    code = body.errors?.[0]?.code ?? '';
  } catch {
    // not a registry error body
  }
  const detail = `${res.status}${code ? ` ${code}` : ''}`;
  if (res.status === 401)
    return new RegistryError(
      `${what} was refused (${detail}): the registry needs credentials`,
      isGoogleRegistry(ref.registry)
        ? 'run the scan with Application Default Credentials (gcloud auth application-default login) of an identity holding roles/artifactregistry.reader'
        : 'configure usernameEnv/passwordEnv for this registry',
    );
  if (res.status === 403)
    return new RegistryError(
      `${what} is forbidden (${detail})`,
      isGoogleRegistry(ref.registry)
        ? `grant roles/artifactregistry.reader on the repository to the identity running the scan`
        : 'grant the scanning identity pull access to the repository',
    );
  if (res.status === 404)
    return new RegistryError(
      `${what} was not found (${detail})`,
      'push the image, or correct the reference the workload uses',
    );
  return new RegistryError(`${what} failed (${detail})`, 'retry later; check the registry status');
}

interface ManifestDoc {
  mediaType?: string;
  manifests?: {
    digest?: string;
    mediaType?: string;
    platform?: Partial<ImagePlatform>;
    annotations?: Record<string, string>;
  }[];
  config?: { digest?: string; mediaType?: string };
  schemaVersion?: number;
}

function parseJson<T>(res: HttpResult, what: string): T {
  try {
    return JSON.parse(res.body.toString('utf8')) as T;
  } catch {
    throw new RegistryError(
      `${what} is not JSON${res.truncated ? ' (larger than 4 MiB)' : ''}`,
      'check the registry address',
    );
  }
}

function isAttestation(entry: NonNullable<ManifestDoc['manifests']>[number]): boolean {
  return (
    entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (entry.platform?.os === 'unknown' && entry.platform?.architecture === 'unknown')
  );
}

function platformText(p: ImagePlatform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

async function readConfig(
  client: RegistryClient,
  ref: ImageRef,
  manifestDigest: string,
  preloaded?: { res: HttpResult },
): Promise<{ platform: ImagePlatform; user: string; path?: string }> {
  const res = preloaded?.res ?? (await client.get(ref, `manifests/${manifestDigest}`, MANIFEST_ACCEPT));
  if (res.status !== 200) throw failure(res, `manifest ${manifestDigest} of ${ref.reference}`, ref);
  const manifest = parseJson<ManifestDoc>(res, `manifest ${manifestDigest}`);
  const configDigest = manifest.config?.digest;
  if (!configDigest)
    throw new RegistryError(
      `${ref.reference} has a manifest without an image config (schema ${manifest.schemaVersion ?? '?'})`,
      'push the image again with a current builder (OCI or Docker v2 schema 2)',
    );
  const blob = await client.get(ref, `blobs/${configDigest}`, 'application/json, */*');
  if (blob.status !== 200) throw failure(blob, `image config ${configDigest} of ${ref.reference}`, ref);
  const config = parseJson<{
    os?: string;
    architecture?: string;
    variant?: string;
    config?: { User?: unknown; Env?: unknown };
  }>(blob, `image config ${configDigest}`);
  const env = Array.isArray(config.config?.Env) ? (config.config.Env as unknown[]) : [];
  // Only PATH is kept: image environments can hold secrets.
  const pathEntry = env.find((e): e is string => typeof e === 'string' && e.startsWith('PATH='));
  return {
    platform: {
      os: config.os ?? 'unknown',
      architecture: config.architecture ?? 'unknown',
      ...(config.variant ? { variant: config.variant } : {}),
    },
    user: typeof config.config?.User === 'string' ? config.config.User : '',
    ...(pathEntry ? { path: pathEntry.slice('PATH='.length) } : {}),
  };
}

async function resolveImage(client: RegistryClient, target: ImageTarget): Promise<ImageProbe> {
  const { ref } = target;
  const res = await client.get(ref, `manifests/${ref.digest ?? ref.tag ?? 'latest'}`, MANIFEST_ACCEPT);
  if (res.status !== 200) throw failure(res, `manifest ${ref.digest ?? ref.tag} of ${ref.reference}`, ref);
  const doc = parseJson<ManifestDoc>(res, `manifest of ${ref.reference}`);
  const mediaType = (header(res.headers, 'content-type') ?? doc.mediaType ?? '').split(';')[0]?.trim() ?? '';
  const resolvedDigest =
    header(res.headers, 'docker-content-digest') ??
    `sha256:${(await import('node:crypto')).createHash('sha256').update(res.body).digest('hex')}`;
  const base = {
    reference: ref.reference,
    registry: ref.registry,
    repository: ref.repository,
    ...(ref.tag ? { tag: ref.tag } : {}),
    ...(ref.digest ? { digest: ref.digest } : {}),
    resolvedDigest,
    mediaType,
    usedBy: target.usedBy,
  };
  if (Array.isArray(doc.manifests)) {
    const entries = doc.manifests.filter((e) => !isAttestation(e));
    const platforms: ImagePlatform[] = entries.map((e) => ({
      os: e.platform?.os ?? 'unknown',
      architecture: e.platform?.architecture ?? 'unknown',
      ...(e.platform?.variant ? { variant: e.platform.variant } : {}),
    }));
    const configs: ImageProbe['configs'] = [];
    for (const [i, e] of entries.slice(0, MAX_PLATFORMS).entries()) {
      if (!e.digest) continue;
      const c = await readConfig(client, ref, e.digest);
      configs.push({
        platform: platformText(platforms[i] as ImagePlatform),
        user: c.user,
        ...(c.path !== undefined ? { path: c.path } : {}),
      });
    }
    return {
      ...base,
      kind: 'index',
      platforms,
      attestationsIgnored: doc.manifests.length - entries.length,
      configs,
    };
  }
  const c = await readConfig(client, ref, resolvedDigest, { res });
  return {
    ...base,
    kind: 'manifest',
    platforms: [c.platform],
    attestationsIgnored: 0,
    configs: [{ platform: platformText(c.platform), user: c.user, ...(c.path !== undefined ? { path: c.path } : {}) }],
  };
}

export async function probeRegistry(
  config: RegistryProbeConfig,
  ctx: RegistryProbeContext,
): Promise<Facet<RegistryProbe>> {
  const caRead = await caFileOrError(
    ctx.configDir ?? ctx.root,
    config.caFile,
    'registry',
    'give the path of the CA PEM file, relative to the config file',
  );
  if ('error' in caRead) return caRead.error;
  const ca = caRead.ca;
  const { targets, problems } = await imageTargets({
    root: ctx.root,
    ...(config.images ? { images: config.images } : {}),
    ...(config.imagesFrom ? { imagesFrom: config.imagesFrom } : {}),
    namespace: ctx.namespace,
    kube: ctx.kube,
    timeoutMs: ctx.timeoutMs,
    redactor: ctx.redactor,
  });
  const client = new RegistryClient(config, ca, ctx);
  const images: ImageProbe[] = [];
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      try {
        images.push(await resolveImage(client, t));
      } catch (e) {
        const where = client.base(t.ref.registry);
        problems.push(
          e instanceof RegistryError
            ? { subject: `image ${t.ref.reference}`, message: e.message, fix: e.fix }
            : {
                subject: `image ${t.ref.reference}`,
                message: describeNetworkError(e, where.origin),
                fix: 'check that the registry is reachable from where the scan runs (and url / plainHttpHosts for a local registry)',
              },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));
  images.sort((a, b) => a.reference.localeCompare(b.reference));
  if (targets.length > 0 && images.length === 0 && problems.length > 0)
    return { status: 'error', problems: problems.map((p) => ctx.redactor.problem(p)) };
  return { status: 'ok', data: { images }, problems: problems.map((p) => ctx.redactor.problem(p)) };
}
