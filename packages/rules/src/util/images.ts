/**
 * How mutable the tags of container image references are. The references themselves are parsed by the
 * collectors; rules read them from the facets (`stage.imageRef`, `containerImageRef`, `image.ref`).
 */
import type { ImageReference } from '@coditect-audit/core';

/** An image reference as the collectors parsed it (`packages/collectors/src/images.ts`). */
export type ImageRef = ImageReference;

/** The parsed image of a container of a manifest or live workload (`containersOf`), if it is one. */
export function containerImageRef(c: {
  object: { images?: Record<string, ImageReference> };
  pointer: string;
}): ImageRef | undefined {
  return c.object.images?.[`${c.pointer}/image`];
}

/** `registry/repository` of a reference as written, `docker.io` when it names no registry: the key images are joined on. */
export function repositoryKeyOf(ref: ImageRef | undefined): string | undefined {
  return ref ? `${ref.registry ?? 'docker.io'}/${ref.repository}` : undefined;
}

/**
 * The join key of the configured app image (`expectations.app.image`), which the configuration gives as a
 * repository without tag: the registry host it names, `docker.io` when it names none.
 */
export function configuredRepositoryKey(repository: string): string {
  const first = repository.split('/')[0] ?? '';
  const named = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return named ? repository : `docker.io/${repository}`;
}

/** True when the reference is pinned to a content digest (`@sha256:...`). */
export function isDigestPinned(ref: ImageRef): boolean {
  return ref.digest !== undefined && /^sha256:[0-9a-f]{64}$/i.test(ref.digest);
}

/**
 * Tags that are moved on purpose: `latest`, branch and environment names, release channels.
 * A tag ending in `-latest` (`staging-latest`, the ADR's CI tag) is moving too.
 */
export const MOVING_TAGS: readonly string[] = [
  'latest',
  'staging',
  'stage',
  'prod',
  'production',
  'dev',
  'develop',
  'development',
  'main',
  'master',
  'trunk',
  'head',
  'stable',
  'edge',
  'nightly',
  'canary',
  'current',
  'test',
  'qa',
  'uat',
  'snapshot',
  'lts',
];

export type TagKind =
  | { kind: 'digest' }
  | { kind: 'none' }
  | { kind: 'moving'; tag: string }
  | { kind: 'version'; tag: string }
  | { kind: 'commit'; tag: string }
  | { kind: 'templated'; tag: string }
  | { kind: 'unknown'; tag: string };

/**
 * How an image is pinned:
 * - `digest`: `@sha256:` (immutable whatever the tag);
 * - `none`: no tag at all, which pulls `latest`;
 * - `moving`: `latest`, an environment or branch name, or `*-latest`;
 * - `version`: at least `major.minor` (`1.2`, `v1.0.0-staging`, `3.12-slim`, `2024.01.02`);
 * - `commit`: a 7 to 40 digit hex git SHA, optionally `sha-` prefixed;
 * - `templated`: the tag is filled in later (`${TAG}`, `{{ .Values.tag }}`);
 * - `unknown`: anything else (`alpine`, a major version alone such as `16`, a feature branch name).
 */
export function classifyTag(ref: ImageRef): TagKind {
  if (isDigestPinned(ref)) return { kind: 'digest' };
  const tag = ref.tag;
  if (tag === undefined || tag === '') return { kind: 'none' };
  if (/[${}]/.test(tag)) return { kind: 'templated', tag };
  const lower = tag.toLowerCase();
  if (MOVING_TAGS.includes(lower) || lower.endsWith('-latest') || lower.startsWith('latest-'))
    return { kind: 'moving', tag };
  if (/^v?\d+\.\d+(?:[.\-+_][0-9A-Za-z][0-9A-Za-z.\-_+]*)?$/.test(tag)) return { kind: 'version', tag };
  if (/^(?:sha-)?[0-9a-f]{7,40}$/.test(tag) && /\d/.test(tag)) return { kind: 'commit', tag };
  return { kind: 'unknown', tag };
}

/**
 * Docker Hub official images the rules judge by their tags. An unqualified name outside this list
 * (`app:v1`, `web:prod`) is usually a private or locally built image, not `docker.io/library/app`.
 */
export const OFFICIAL_IMAGES: ReadonlySet<string> = new Set([
  'alpine',
  'amazoncorretto',
  'busybox',
  'caddy',
  'debian',
  'eclipse-temurin',
  'elasticsearch',
  'golang',
  'haproxy',
  'httpd',
  'mariadb',
  'memcached',
  'mongo',
  'mysql',
  'nginx',
  'node',
  'openjdk',
  'php',
  'postgres',
  'python',
  'rabbitmq',
  'redis',
  'ruby',
  'rust',
  'traefik',
  'ubuntu',
]);

/**
 * `python`, `library/python`, `docker.io/library/python` (and the Docker Hub mirrors on `mirror.gcr.io`
 * and `public.ecr.aws/docker/library`) → `python`, for the official images in {@link OFFICIAL_IMAGES}.
 */
export function officialImageName(ref: ImageRef): string | undefined {
  const name = hubLibraryName(ref);
  return name !== undefined && OFFICIAL_IMAGES.has(name) ? name : undefined;
}

/** Docker Hub's hosts, and the mirrors that serve its official images under a prefix. */
const HUB_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const HUB_MIRRORS: ReadonlyMap<string, string> = new Map([
  ['mirror.gcr.io', 'library/'],
  ['public.ecr.aws', 'docker/library/'],
]);

function hubLibraryName(ref: ImageRef): string | undefined {
  const repo = ref.repository;
  if (!ref.registry || HUB_HOSTS.has(ref.registry)) {
    if (!repo.includes('/')) return repo;
    if (repo.startsWith('library/') && repo.split('/').length === 2) return repo.slice('library/'.length);
    return undefined;
  }
  const prefix = HUB_MIRRORS.get(ref.registry);
  if (prefix && repo.startsWith(prefix) && !repo.slice(prefix.length).includes('/')) return repo.slice(prefix.length);
  return undefined;
}

/**
 * Docker Hub official images re-point their short tags at every release: a major version alone
 * (`postgres:16`, `redis:7-alpine`) or an alias with no version in it (`node:lts`, `nginx:alpine`,
 * `debian:bookworm-slim`). Other publishers' short numeric tags may be build numbers, so they are not judged.
 */
export function isFloatingOfficialTag(ref: ImageRef): boolean {
  if (!officialImageName(ref) || ref.tag === undefined || isDigestPinned(ref)) return false;
  return !/\d/.test(ref.tag) || /^v?\d+(?:-[A-Za-z][\w.]*)*$/.test(ref.tag);
}
