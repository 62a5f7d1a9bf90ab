/**
 * The image view: one `ImageView` per image reference a workload runs, per source.
 * - `manifest`: each container's `image` in the repository's Kubernetes manifests (file:line of the key);
 * - `k8s`: each container's `image` of the workloads the cluster runs, with the digests its pods report;
 * - `probe`: each image the registry probe resolved (used by manifests, the cluster or the configuration),
 *   with the digest its reference points at now.
 * Resource ids are those the per-layer image rules built (fingerprints depend on them).
 */
import { declarationKey } from '../declarations.js';
import type { ImageProbe } from '../layers/probe.js';
import type { Location } from '../location.js';
import type { FacetMap, ImageReference } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { containerResource, containersOf, locate, type ManifestContainer, manifestContainers } from './containers.js';
import {
  containerStatuses,
  digestOf,
  itemsOf,
  liveResource,
  podsOf,
  topLevelWorkloads,
  viewOf,
  type WorkloadFacets,
} from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';

export interface ImageView {
  source: 'manifest' | 'k8s' | 'probe';
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
  /** k8s: the distinct digests the workload's pods run under this reference (`status.containerStatuses[].imageID`). */
  runningDigests: string[];
  /** manifest, k8s: the container's workload kind/namespace/name/field/container, shared by both sources. */
  pairingKey?: string;
  /** probe: the digest the reference resolves to now, and who uses it. */
  resolvedDigest?: string;
  usedBy?: string;
}

const label = (c: ManifestContainer) => `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`;
const pairingKey = (c: ManifestContainer) =>
  `${c.object.kind}/${c.object.namespace ?? '-'}/${c.object.name}/${c.field}/${c.name}`;

export function imagesFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ImageView> {
  const items: ImageView[] = [];
  for (const c of manifestContainers(facet.files)) {
    const image = c.container.image;
    if (typeof image !== 'string') continue;
    items.push({
      source: 'manifest',
      resource: containerResource(c),
      reference: image,
      ref: c.object.images?.[`${c.pointer}/image`],
      path: `${c.pointer}/image`,
      location: locate(c.object, `${c.pointer}/image`),
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
  for (const w of topLevelWorkloads(facets)) {
    const workloadPods = podsOf(w, pods, replicaSets, jobs);
    for (const c of containersOf(viewOf(w))) {
      const image = typeof c.container.image === 'string' ? c.container.image : undefined;
      if (!image) continue;
      const digests = workloadPods.flatMap((p) =>
        containerStatuses(p)
          .filter((s) => s.name === c.name && (s.image === undefined || s.image === image))
          .map((s) => digestOf(s.imageID))
          .filter((d): d is string => Boolean(d)),
      );
      items.push({
        source: 'k8s',
        resource: liveResource(w, {
          kind: c.field === 'initContainers' ? 'InitContainer' : 'Container',
          name: c.name,
          path: `${c.field}/${c.name}`,
        }),
        reference: image,
        ref: c.object.images?.[`${c.pointer}/image`],
        path: `${c.pointer}/image`,
        container: { label: label(c), workloadKind: w.kind, workloadName: w.name },
        runningDigests: [...new Set(digests)].sort(),
        pairingKey: pairingKey(c),
      });
    }
  }
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
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
    };
  });
  return { items, empty: [], none: 'the registry probe resolved no image' };
}
