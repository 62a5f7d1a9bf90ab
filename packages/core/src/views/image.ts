/**
 * The image view: one `ImageView` per image reference a workload runs, per source.
 * - `manifest`: each container's `image` in the repository's Kubernetes manifests (file:line of the key);
 * - `k8s`: each container's `image` of the workloads the cluster runs, with the digests its pods report;
 * - `probe`: each image the registry probe resolved (used by manifests, the cluster or the configuration),
 *   with the digest its reference points at now and its image config per platform;
 * - `dockerfile`: the image each of the repository's Dockerfiles builds (its final stage), with the user it
 *   runs as. The image has no name in the Dockerfile: `reference` is the Dockerfile's path.
 * Resource ids are those the per-layer image rules built (fingerprints depend on them).
 */
import { declarationKey } from '../declarations.js';
import type { ImageProbe } from '../layers/probe.js';
import type { Location } from '../location.js';
import type { DockerStage, Dockerfile, FacetMap, ImageReference } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import type { Attribute } from './attribute.js';
import { containerResource, imagePointer, locate, type ManifestContainer, manifestContainers } from './containers.js';
import {
  type ContainerStatus,
  containerStatusesOfParts,
  itemsOf,
  podsOfEach,
  statusDigestsOfParts,
  topLevelWorkloads,
  WORKLOAD_FACETS,
  type WorkloadFacets,
} from './k8s-live.js';
import {
  containerResourceStrings,
  liveContainersOf,
  type LiveParts,
  livePartsOf,
  livePartsOfEach,
} from './live-parts.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface ImageView {
  source: 'manifest' | 'k8s' | 'probe' | 'dockerfile';
  resource: Resource;
  /** The reference as the workload (or the probe configuration) names it. */
  reference: string;
  /** `reference` as the collectors parsed it; undefined when it is not an image reference. */
  ref: ImageReference | undefined;
  /** Where the reference is read: the JSON pointer of the container's `image`, or the reference itself (probe). */
  path: string;
  /** file:line of the reference (manifest; probe when a manifest uses it). */
  location?: Location;
  /** Further manifest lines using the same image (probe). */
  relatedLocations?: Location[];
  /** The container running it (manifest, k8s): `Container backend` / `Init container migrate`, in its workload. */
  container?: { label: string; workloadKind: string; workloadName: string };
  /**
   * manifest: the deploy tool that replaces this image name with the image it built, by digest (a Skaffold
   * artifact, a Cloud Deploy `--images` name), and where the repository says so.
   */
  pinnedBy?: { tool: string; location: Location };
  /** k8s: the distinct digests the workload's pods run under this reference (`status.containerStatuses[].imageID`). */
  runningDigests: string[];
  /** manifest, k8s: the container's workload kind/namespace/name/field/container, shared by both sources. */
  pairingKey?: string;
  /** probe: the digest the reference resolves to now, and who uses it. */
  resolvedDigest?: string;
  usedBy?: string;
  /** probe: the image config of each platform it offers: its `User` and the `PATH` of its `Env`. */
  configs?: readonly { platform: string; user: string; path?: string }[];
  /**
   * dockerfile: the user the final stage runs as: its last `USER` or the one of the stage it is built on
   * (decided, at that line; `origin.path` names the stage that sets it), a `USER` naming a build argument
   * with no default (unresolved), or none (absent, at the final `FROM`).
   */
  user?: Attribute<string>;
  /**
   * dockerfile: the final stage as the collector parsed it (its base image, copies and environment), and the
   * stage whose `FROM` names the image it is all built on (the final stage itself, or the first of the stages
   * it builds on through `FROM <stage>`).
   */
  dockerfile?: { file: string; stage: DockerStage; base: DockerStage };
}

const label = (c: ManifestContainer) => `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`;
const pairingKey = (c: ManifestContainer) =>
  `${c.object.kind}/${c.object.namespace ?? '-'}/${c.object.name}/${c.field}/${c.name}`;

export function imagesFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ImageView> {
  const items: ImageView[] = [];
  const pinned = new Map<string, { tool: string; location: Location }>();
  for (const p of facet.deployPinned ?? [])
    if (!pinned.has(p.image)) pinned.set(p.image, { tool: p.tool, location: { file: p.file, startLine: p.line } });
  for (const c of manifestContainers(facet.files)) {
    const image = c.container.image;
    if (typeof image !== 'string') continue;
    const pinnedBy = pinned.size > 0 ? pinned.get(image.trim()) : undefined;
    items.push({
      ...(pinnedBy ? { pinnedBy } : {}),
      source: 'manifest',
      resource: containerResource(c),
      reference: image,
      ref: c.object.images?.[imagePointer(c.pointer)],
      path: imagePointer(c.pointer),
      location: locate(c.object, imagePointer(c.pointer)),
      container: { label: label(c), workloadKind: c.object.kind, workloadName: c.object.name },
      runningDigests: [],
      pairingKey: pairingKey(c),
    });
  }
  return { items, empty: [], none: 'no workload is declared in the Kubernetes manifests' };
}

export function imagesFromCluster(facets: WorkloadFacets): ViewSet<ImageView> {
  const pods = itemsOf(facets['k8s.pods']);
  const replicaSets = itemsOf(facets['k8s.replicasets']);
  const jobs = itemsOf(facets['k8s.jobs']);
  const items: ImageView[] = [];
  const podsOfWorkload = podsOfEach(pods, replicaSets, jobs);
  const parts = livePartsOfEach(topLevelWorkloads(facets));
  // Indexed loops: a for-of allocates an iterator result per item until the loop is optimized.
  for (let at = 0; at < parts.length; at++) {
    const part = parts[at]!;
    const w = part.object;
    const images = liveImagesOfParts(part);
    if (images.length === 0) continue;
    // The pods' container statuses and their digests (worked out per pod), looked up once per workload
    // rather than once per container.
    const workloadPods = podsOfWorkload(w);
    const running: ContainerStatus[][] = [];
    const runningDigests: (string | undefined)[][] = [];
    for (let p = 0; p < workloadPods.length; p++) {
      const pod = livePartsOf(workloadPods[p]!);
      running.push(containerStatusesOfParts(pod));
      runningDigests.push(statusDigestsOfParts(pod));
    }
    for (let n = 0; n < images.length; n++) {
      const i = images[n]!;
      let digests: string[] | undefined;
      for (let p = 0; p < running.length; p++) {
        const statuses = running[p]!;
        for (let k = 0; k < statuses.length; k++) {
          const s = statuses[k]!;
          if (s.name !== i.name || (s.image !== undefined && s.image !== i.reference)) continue;
          const digest = runningDigests[p]![k];
          if (!digest) continue;
          if (digests) digests.push(digest);
          else digests = [digest];
        }
      }
      items.push({
        source: 'k8s',
        resource: i.resource,
        reference: i.reference,
        ref: i.ref,
        path: i.path,
        container: i.container,
        // One digest (one pod, or pods that agree) needs no set and no sort.
        runningDigests: !digests ? [] : digests.length === 1 ? digests : [...new Set(digests)].sort(),
        pairingKey: i.pairingKey,
      });
    }
  }
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
}

/** What the `k8s` source shows of one container's image before the pods' digests are read. */
export interface LiveImage {
  /** The container's name, which its pods' statuses are matched by. */
  name: string;
  resource: Resource;
  reference: string;
  ref: ImageReference | undefined;
  path: string;
  container: NonNullable<ImageView['container']>;
  pairingKey: string;
}

/**
 * The images of the containers of a record's live workload (live-parts.ts), as far as they depend on the
 * workload alone: made once per object (while its list's next page is in flight, `prepareLiveObject`) and
 * shared, so only read them.
 */
export function liveImagesOfParts(p: LiveParts): readonly LiveImage[] {
  if (!p.images) {
    const w = p.object;
    const made: LiveImage[] = [];
    const containers = liveContainersOf(p);
    // The container views' labels when they are made (`prepareLiveObject` makes them first; the same list,
    // in the same order): one string per container rather than one per view.
    const views = p.containerViews;
    for (let i = 0; i < containers.length; i++) {
      const c = containers[i]!;
      const image = typeof c.container.image === 'string' ? c.container.image : undefined;
      if (!image) continue;
      made.push({
        name: c.name,
        resource: containerResourceStrings(p, c),
        reference: image,
        ref: c.object.images?.[imagePointer(c.pointer)],
        path: imagePointer(c.pointer),
        container: { label: views?.[i]?.container ?? label(c), workloadKind: w.kind, workloadName: w.name },
        pairingKey: pairingKey(c),
      });
    }
    p.images = made;
  }
  return p.images;
}

/**
 * An image as the workloads run it. With uses from manifests, the finding is located at the first
 * `image:` line and the others are related locations; a use seen only in the cluster points at the
 * declaring workload manifest.
 */
export function imageTarget(image: ImageProbe): {
  resource: Resource;
  location?: Location;
  relatedLocations?: Location[];
} {
  const located = image.usedBy
    .filter((u) => u.file && u.line)
    .map((u) => ({
      file: u.file as string,
      startLine: u.line as number,
      ...(u.column ? { startColumn: u.column } : {}),
    }));
  const workload = image.usedBy.find((u) => u.kind && u.name);
  const resource: Resource = {
    id: `image:${image.reference}`,
    kind: 'ContainerImage',
    name: image.reference,
    ...(located[0] ? { file: located[0].file } : {}),
    ...(!located[0] && workload?.kind && workload.name
      ? {
          declaredAs: declarationKey({
            layer: 'k8s',
            kind: workload.kind,
            ...(workload.namespace ? { namespace: workload.namespace } : {}),
            name: workload.name,
          }),
        }
      : {}),
  };
  return {
    resource,
    ...(located[0] ? { location: located[0] } : {}),
    ...(located.length > 1 ? { relatedLocations: located.slice(1) } : {}),
  };
}

/** Who uses a probed image: its first use, and how many more. */
export function describeUse(image: ImageProbe): string {
  const u = image.usedBy[0];
  if (!u || u.source === 'config') return 'the probe configuration';
  const where = `${u.kind ?? 'workload'} ${u.namespace ? `${u.namespace}/` : ''}${u.name ?? '?'}`;
  const more = image.usedBy.length > 1 ? ` and ${image.usedBy.length - 1} more` : '';
  return `${where}${u.container ? ` (container ${u.container})` : ''}${more}`;
}

export function imagesFromRegistry(facet: FacetMap['probe.registry']): ViewSet<ImageView> {
  const items = facet.images.map((image): ImageView => {
    const { resource, location, relatedLocations } = imageTarget(image);
    return {
      source: 'probe',
      resource,
      reference: image.reference,
      ref: image.ref,
      path: image.reference,
      ...(location ? { location } : {}),
      ...(relatedLocations ? { relatedLocations } : {}),
      runningDigests: [],
      resolvedDigest: image.resolvedDigest,
      usedBy: describeUse(image),
      configs: image.configs,
    };
  });
  return { items, empty: [], none: 'the registry probe resolved no image' };
}

/** The stage that becomes the image: the last one. */
export function finalStage(df: Dockerfile): DockerStage | undefined {
  return df.stages[df.stages.length - 1];
}

/** The user a stage runs as: its own last USER, else the one inherited through `FROM <stage>`. */
export function effectiveStageUser(df: Dockerfile, stage: DockerStage): DockerStage['user'] {
  let s: DockerStage | undefined = stage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    if (s.user) return s.user;
    seen.add(s.index);
    s = s.baseStage !== undefined ? df.stages[s.baseStage] : undefined;
  }
  return undefined;
}

/**
 * The stage whose `FROM` names the image `stage` is built on: `stage` itself, or the stage it builds on
 * (`FROM <stage>`), followed back to one that names an image. The image a stage inherits its user from.
 */
export function baseImageStage(df: Dockerfile, stage: DockerStage): DockerStage {
  let s = stage;
  const seen = new Set<number>([s.index]);
  while (s.baseStage !== undefined) {
    const next = df.stages[s.baseStage];
    if (!next || seen.has(next.index)) break;
    seen.add(next.index);
    s = next;
  }
  return s;
}

/** A Dockerfile's final stage as a verdict resource: `Dockerfile#stage:runtime`. */
export function dockerfileStageResource(df: Dockerfile, stage: DockerStage): Resource {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: 'DockerfileStage', name: stageName, file: df.file };
}

/** The user of a final stage as an attribute (the collector expanded the ARG and ENV values it knows). */
function stageUser(df: Dockerfile, stage: DockerStage): Attribute<string> {
  const user = effectiveStageUser(df, stage);
  if (!user)
    return {
      certainty: 'absent',
      origin: {
        layer: 'files',
        path: `stage[${stage.index}].USER`,
        location: { file: df.file, startLine: stage.line, startColumn: stage.column },
      },
    };
  // The USER may be inherited from the stage this one is built on.
  const owner = df.stages.find((s) => s.user === user) ?? stage;
  const origin = {
    layer: 'files' as const,
    path: `stage[${owner.index}].USER`,
    location: { file: df.file, startLine: user.line, startColumn: user.column },
  };
  // A `$` left means a build-time value the collector could not expand.
  const value = user.value.trim();
  if (/\$(?:\{?[A-Za-z_])/.test(value))
    return { certainty: 'unresolved', expression: user.value, dependsOn: [value], origin };
  return { certainty: 'decided', value: user.value, origin };
}

export function imagesFromDockerfiles(facet: FacetMap['files.dockerfile']): ViewSet<ImageView> {
  const items: ImageView[] = [];
  for (const df of facet.files) {
    const stage = finalStage(df);
    if (!stage) continue;
    items.push({
      source: 'dockerfile',
      resource: dockerfileStageResource(df, stage),
      reference: df.file,
      ref: undefined,
      path: `stage[${stage.index}]`,
      location: { file: df.file, startLine: stage.line, startColumn: stage.column },
      runningDigests: [],
      user: stageUser(df, stage),
      dockerfile: { file: df.file, stage, base: baseImageStage(df, stage) },
    });
  }
  return { items, empty: [], none: 'the repository has no Dockerfile with a FROM' };
}

/**
 * The sources of the `image` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const IMAGE_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet) => imagesFromManifests(facet('files.kubernetes')),
  },
  k8s: {
    layer: 'k8s',
    facets: WORKLOAD_FACETS,
    build: (facet) =>
      imagesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
  },
  probe: {
    layer: 'probe',
    facets: ['probe.registry'],
    build: (facet) => imagesFromRegistry(facet('probe.registry')),
  },
  dockerfile: {
    layer: 'files',
    facets: ['files.dockerfile'],
    build: (facet) => imagesFromDockerfiles(facet('files.dockerfile')),
  },
} as const satisfies Record<string, ViewSource<ImageView>>;
