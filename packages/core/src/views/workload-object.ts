/**
 * The workload view: one `WorkloadView` per workload object (Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * Job, CronJob, Pod) with its containers, per source.
 * - `manifest`: workloads declared in the repository's Kubernetes manifests, in any namespace (file:line);
 * - `k8s`: top-level workloads the cluster runs (a Deployment's ReplicaSets and pods are checked through it).
 * The container view (`container`) is the per-container counterpart with security attributes.
 */
import type { Expectations } from '../config.js';
import type { Location } from '../location.js';
import type { FacetMap, ImageReference } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { containersOf, isWorkload, k8sResource, locationAt, manifestObjects, objectLocation } from './k8s-app.js';
import { imagePointer } from './containers.js';
import { topLevelWorkloads, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import { type LiveParts, livePartsOfEach, objectResourceStrings } from './live-parts.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface WorkloadContainerView {
  name: string;
  image: string | undefined;
  /** `image` as the collector parsed it; undefined when it is not an image reference. */
  imageRef: ImageReference | undefined;
  init: boolean;
  /** The container's JSON (`command`, `args`...), for what no attribute exposes yet. */
  spec: Record<string, unknown>;
  /** Evidence path of the image: `containers[backend].image` (manifest) / `/spec/template/spec/containers/0/image` (k8s). */
  imagePath: string;
  /** file:line of the container's `image` (manifest). */
  imageLocation?: Location;
}

export interface WorkloadView {
  source: 'manifest' | 'k8s';
  resource: Resource;
  kind: string;
  name: string;
  namespace?: string;
  /** Where the workload is named (manifest). */
  location?: Location;
  containers: WorkloadContainerView[];
}

export function workloadsFromManifests(facet: FacetMap['files.kubernetes'], exp: Expectations): ViewSet<WorkloadView> {
  const items = manifestObjects(facet)
    .filter(isWorkload)
    .map(
      (o): WorkloadView => ({
        source: 'manifest',
        resource: k8sResource(o, exp),
        kind: o.kind,
        name: o.name,
        ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
        location: objectLocation(o),
        containers: containersOf(o).map((c) => ({
          name: c.name,
          image: c.image,
          imageRef: c.imageRef,
          init: c.init,
          spec: c.spec,
          imagePath: `containers[${c.name}].image`,
          imageLocation: locationAt(o, imagePointer(c.pointer)),
        })),
      }),
    );
  return { items, empty: [], none: 'no workload is declared in the Kubernetes manifests' };
}

export function workloadsFromCluster(facets: WorkloadFacets): ViewSet<WorkloadView> {
  const items = livePartsOfEach(topLevelWorkloads(facets)).map(workloadViewOfParts);
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
}

/**
 * The `k8s` source's view of the live workload of a record (live-parts.ts). It depends on the workload alone:
 * made once per object (while its list's next page is in flight, `prepareLiveObject`) and shared, so only
 * read it.
 */
export function workloadViewOfParts(p: LiveParts): WorkloadView {
  if (!p.workloadView) {
    const w = p.object;
    p.workloadView = {
      source: 'k8s',
      resource: objectResourceStrings(p),
      kind: w.kind,
      name: w.name,
      ...(w.namespace !== undefined ? { namespace: w.namespace } : {}),
      containers: containersOf(p.view).map((c) => ({
        name: c.name,
        image: c.image,
        imageRef: c.imageRef,
        init: c.init,
        spec: c.spec,
        imagePath: imagePointer(c.pointer),
      })),
    };
  }
  return p.workloadView;
}

/**
 * The sources of the `workload` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const WORKLOAD_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => workloadsFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: WORKLOAD_FACETS,
    build: (facet) =>
      workloadsFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
  },
} as const satisfies Record<string, ViewSource<WorkloadView>>;
