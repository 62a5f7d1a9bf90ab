import type { Dockerfile } from '@coditect-audit/core';
import { baseImageStage, effectiveStageUser, finalStage } from '@coditect-audit/core/views';
import { configuredRepositoryKey, type ImageRef } from './images.js';

export { baseImageStage, effectiveStageUser, finalStage };

const BUILD_ARG = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
const argsIn = (text: string) => [...new Set(Array.from(text.matchAll(BUILD_ARG), (m) => m[1] as string))];

/**
 * The build arguments that leave the user of a base image unknown: those its name is still made of after the
 * collector expanded the defaults it knows (`FROM ${BASE_IMAGE}` after `ARG BASE_IMAGE` with no default), set
 * only at build time (`--build-arg`), so which image it is cannot be read from the repository. One in the tag
 * alone (`FROM python:${TAG}`) leaves the image known, and its user with it, unless the image is published as
 * non-root in some tags only (distroless's `nonroot`). Empty when the user can be judged.
 */
export function userUndecidingBuildArgs(resolvedImage: string): string[] {
  if (!resolvedImage.includes('$')) return [];
  const name = resolvedImage.split('@')[0] as string;
  const tagAt = name.lastIndexOf(':');
  const repository = tagAt > name.lastIndexOf('/') ? name.slice(0, tagAt) : name;
  const inRepository = argsIn(repository);
  if (inRepository.length > 0) return inRepository;
  const key = configuredRepositoryKey(repository);
  const known = NON_ROOT_BASE_IMAGES.some(
    (base) =>
      base.tag !== undefined &&
      (typeof base.repository === 'string' ? key === base.repository : base.repository.test(key)),
  );
  return known ? argsIn(name.slice(repository.length)) : [];
}

/** `root`, `0`, `root:root`, `0:0` (user part only matters). */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0' || name === '';
}

/**
 * Base images published to run as a non-root user: their image config sets `User`, so a final stage built on
 * one that sets no `USER` of its own inherits a non-root user, and so does a container that runs one as it
 * is. Each entry says where the user is set. An image not listed is judged as Docker's default, root, which
 * is what most images run as (the Docker Official Images among them).
 */
const NON_ROOT_BASE_IMAGES: readonly {
  /** `registry/repository` as the reference's canonical form names it (Docker Hub's `docker.io/...`). */
  repository: string | RegExp;
  /** When only some tags are (distroless `:nonroot`); every tag otherwise. */
  tag?: RegExp;
  /** Where the image sets its user, for the reader. */
  user: string;
}[] = [
  // distroless's `nonroot`, `debug-nonroot` and `<variant>-nonroot` tags: `User: 65532` (its BUILD files).
  { repository: /^gcr\.io\/distroless\//, tag: /(?:^|-)nonroot$/, user: '65532 (nonroot)' },
  // The Cloud SQL Auth Proxy v2 (`cloud-sql-connectors/cloud-sql-proxy`, every variant, its regional mirrors):
  // built on distroless nonroot, and its `-alpine`, `-bullseye`, `-bookworm` Dockerfiles end with `USER 65532`.
  {
    repository:
      /^(?:(?:[a-z]+\.)?gcr\.io|[a-z0-9-]+-docker\.pkg\.dev)\/cloud-sql-connectors\/cloud-sql-proxy(?:\/cloud-sql-proxy)?$/,
    user: '65532 (nonroot)',
  },
  // k6's Dockerfile ends with `USER k6` (UID 12345), in every variant (`-with-browser` too).
  { repository: 'docker.io/grafana/k6', user: '12345 (k6)' },
  // NGINX's unprivileged image: `USER $UID` (101), listening on 8080.
  { repository: 'docker.io/nginxinc/nginx-unprivileged', user: '101 (nginx)' },
  // .NET 8+'s chiseled (Ubuntu) and distroless (Azure Linux) images: `USER $APP_UID` (1654, `app`).
  { repository: /^mcr\.microsoft\.com\/dotnet\//, tag: /(?:^|-)(?:chiseled|distroless)(?:-|$)/, user: '1654 (app)' },
  // Prometheus, Alertmanager and the node exporter: their Dockerfiles end with `USER nobody`.
  {
    repository: /^(?:docker\.io\/prom|quay\.io\/prometheus)\/(?:prometheus|alertmanager|node-exporter)$/,
    user: '65534 (nobody)',
  },
  // Grafana: `USER "$GF_UID"` (472) since 5.1; 5.0 and earlier ran as root.
  {
    repository: 'docker.io/grafana/grafana',
    tag: /^(?:latest|main|(?:[6-9]|[1-9]\d)\.|5\.(?:[1-9]|\d{2})\.)/,
    user: '472 (grafana)',
  },
  // Elastic's Kibana and Logstash images (theirs and the Docker Hub ones built from the same Dockerfiles):
  // `USER kibana`, `USER logstash` (1000).
  {
    repository: /^(?:docker\.elastic\.co\/kibana\/kibana(?:-oss)?|docker\.io\/library\/kibana)$/,
    user: '1000 (kibana)',
  },
  {
    repository: /^(?:docker\.elastic\.co\/logstash\/logstash(?:-oss)?|docker\.io\/library\/logstash)$/,
    user: '1000 (logstash)',
  },
];

/** The user a base image is published to run as, when it is one of {@link NON_ROOT_BASE_IMAGES}. */
export function nonRootBaseImageUser(ref: ImageRef | undefined): string | undefined {
  const canonical = ref?.canonical;
  if (!canonical) return undefined;
  const repository = `${canonical.registry}/${canonical.repository}`;
  for (const base of NON_ROOT_BASE_IMAGES) {
    const named =
      typeof base.repository === 'string' ? repository === base.repository : base.repository.test(repository);
    // A digest alone does not say which tag it was; the listed images without a tag pattern are non-root in all.
    if (named && (!base.tag || (ref.tag !== undefined && base.tag.test(ref.tag)))) return base.user;
  }
  return undefined;
}

/**
 * A path in a dev container's folder (the Development Containers spec: `.devcontainer/`, where
 * `devcontainer.json` and what it builds live): a Dockerfile there builds the workspace an editor or Codespaces
 * opens the repository in, and a compose file there starts that workspace, not the project's services.
 */
export function inDevContainerFolder(path: string): boolean {
  return /(?:^|\/)\.devcontainer\//.test(path);
}

/** Who the image a Dockerfile builds runs as, from its final stage (what `image.runs-as-root` judges from the Dockerfile). */
export type DockerfileUser =
  | { status: 'root'; user?: string; line: number; column: number; text: string }
  | { status: 'nonRoot'; user: string; line: number; column: number; text: string }
  /** `USER ${APP_UID}` with no default, a Windows image, or no stage at all. */
  | { status: 'undecided'; line: number; column: number; text: string };

export function dockerfileUser(df: Dockerfile): DockerfileUser {
  const stage = finalStage(df);
  if (!stage) return { status: 'undecided', line: 1, column: 1, text: 'has no FROM' };
  const user = effectiveStageUser(df, stage);
  if (!user) {
    // The user comes from the image the stages are built on (`FROM runtime` after `FROM … AS runtime`).
    const base = baseImageStage(df, stage);
    const baseUser = nonRootBaseImageUser(base.imageRef);
    if (baseUser)
      return {
        status: 'nonRoot',
        user: `the user of ${base.resolvedImage}`,
        line: stage.line,
        column: stage.column,
        text: `sets no USER on ${base.resolvedImage}, published to run as non-root (${baseUser})`,
      };
    if (userUndecidingBuildArgs(base.resolvedImage).length > 0)
      return {
        status: 'undecided',
        line: stage.line,
        column: stage.column,
        text: `sets no USER and is built on ${base.resolvedImage}, a build argument with no default`,
      };
    return {
      status: 'root',
      line: stage.line,
      column: stage.column,
      text: `sets no USER (FROM ${stage.resolvedImage}), so it runs as root`,
    };
  }
  const value = user.value.trim();
  if (argsIn(value).length > 0)
    return { status: 'undecided', line: user.line, column: user.column, text: `says USER ${value}, a build argument` };
  if (isRootUser(value) || /^0+(?::|$)/.test(value))
    return { status: 'root', user: value, line: user.line, column: user.column, text: `runs as root (USER ${value})` };
  return { status: 'nonRoot', user: value, line: user.line, column: user.column, text: `runs as USER ${value}` };
}
