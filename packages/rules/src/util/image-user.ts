/**
 * Which user a workload's image runs as, as far as the files layer can tell: from the Dockerfile this
 * repository builds it from (the image → Dockerfile join, `files.dockerfile` `builds`), or because the image
 * is published to run as non-root. Anything else is the image's configured user, which only the registry
 * (probe layer) reads.
 */
import type { FacetMap, ImageBuild, Location } from '@coditect-audit/core';
import { type DockerfileUser, dockerfileUser, nonRootBaseImageUser } from './dockerfile.js';
import type { ImageRef } from './images.js';

export interface BuiltFrom {
  build: ImageBuild;
  user: DockerfileUser;
  /** The Dockerfile line that decides (its USER, or the final FROM when there is none). */
  location: Location;
}

export type ImageUser =
  | { kind: 'built'; status: DockerfileUser['status']; from: BuiltFrom[] }
  | { kind: 'publishedNonRoot'; user: string }
  | { kind: 'notBuiltHere' };

/**
 * `registry/repository` without tag or digest, Docker Hub's spelled out (`app` → `docker.io/library/app`), a
 * variable written one way (`${PROJECT_ID}` → `$PROJECT_ID`: Cloud Build's and envsubst's spellings of one name).
 */
export function imageRepositoryKey(ref: ImageRef | undefined): string | undefined {
  if (!ref) return undefined;
  const registry = ref.registry ?? 'docker.io';
  const repository =
    registry === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  const key = `${registry === 'index.docker.io' ? 'docker.io' : registry}/${repository}`;
  return key.includes('$') ? key.replace(/\$\{(\w+)\}/g, '$$$1') : key;
}

/**
 * `manifest` is the file that runs the image: a bare name (`cart`, as skaffold and kustomize name images)
 * is only this repository's build in the folder of the file that declares it, since another folder's `cart`
 * or `redis` may well be Docker Hub's.
 */
export function imageUser(
  reference: ImageRef | undefined,
  dockerfiles: FacetMap['files.dockerfile'],
  manifest: string,
): ImageUser {
  const key = imageRepositoryKey(reference);
  const from: BuiltFrom[] = [];
  if (key) {
    for (const build of dockerfiles.builds ?? []) {
      if (imageRepositoryKey(build.imageRef) !== key || from.some((f) => f.build.dockerfile === build.dockerfile))
        continue;
      if (!build.image.includes('/') && !inFolderOf(build.file, manifest)) continue;
      const df = dockerfiles.files.find((d) => d.file === build.dockerfile);
      if (!df) continue;
      const user = dockerfileUser(df);
      from.push({ build, user, location: { file: df.file, startLine: user.line, startColumn: user.column } });
    }
  }
  if (from.length > 0) {
    const statuses = new Set(from.map((f) => f.user.status));
    // Two Dockerfiles build the same repository and disagree: which one this tag is cannot be told.
    const status = statuses.size === 1 ? from[0]!.user.status : 'undecided';
    return { kind: 'built', status, from };
  }
  const published = nonRootBaseImageUser(reference);
  if (published) return { kind: 'publishedNonRoot', user: published };
  return { kind: 'notBuiltHere' };
}

function inFolderOf(declaring: string, file: string): boolean {
  const slash = declaring.lastIndexOf('/');
  return slash < 0 || file.startsWith(declaring.slice(0, slash + 1));
}

/** `Dockerfile:41 (USER app), built by .github/workflows/release.yml:95 (workflow)` */
export function describeBuilds(from: readonly BuiltFrom[]): string {
  return from
    .map(
      (f) =>
        `${f.build.dockerfile} ${f.user.text} (line ${f.user.line}; built by ${f.build.file}:${f.build.line}, ${f.build.via})`,
    )
    .join('; ');
}
