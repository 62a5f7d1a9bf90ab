/**
 * The image-platform view: what each source shows of "the images and the nodes that run them", for the check
 * that an image cannot run on a node of a platform it has no manifest for (ADR-001 Decision 2).
 * - `gcp`: one view per GKE cluster: its node pools (machine types) and the app image's tagged versions in
 *   Artifact Registry (whether each is a multi-platform index);
 * - `k8s`: one view of the cluster: its Nodes (platform, taints, labels), the top-level workloads that would be
 *   scheduled on them, and the pods with their container statuses;
 * - `probe`: one view per image the registry probe resolved, with the platforms it offers;
 * - `join`: one view of registry, cluster, GKE and workflows together (an image is joined to the workloads
 *   that run it and the nodes they can be scheduled on; a build to the node platforms).
 * The groupings are read once here; architectures, scheduling and the workflow builds are judged by the rule.
 */
import type { Expectations } from '../config.js';
import type { GcpGkeCluster } from '../layers/gcp.js';
import type { K8sLiveObject, K8sNode } from '../layers/k8s.js';
import type { ImageProbe } from '../layers/probe.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { gkeClusterResource } from './gke-cluster.js';
import { itemsOf, topLevelWorkloads, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';
import { type Static, Type } from '@sinclair/typebox';
import { OptStr, Str } from '../layers/gcp-shapes.js';
import { lazySchema } from '../lazy-schema.js';

// ---------------------------------------------------------------- facets only this view reads

/** One image of an Artifact Registry repository (artifactregistry `dockerImages.list`). */
export const GcpDockerImageSchema = lazySchema(() =>
  Type.Object({
    /** Image path inside the repository, e.g. `coditect-cloud-backend`. */
    image: Str,
    digest: Str,
    uri: OptStr,
    tags: Type.Array(Str),
    mediaType: OptStr,
    uploadTime: OptStr,
  }),
);
export type GcpDockerImage = Static<typeof GcpDockerImageSchema>;

/** The gcp facets only this view reads (spread into layers/gcp.ts `GcpFacetSchemas`). */
export const IMAGE_PLATFORM_FACET_SCHEMAS = {
  /** artifactregistry dockerImages.list of the expected repository */
  'gcp.artifactregistry-images': lazySchema(() =>
    Type.Object({
      repositories: Type.Array(
        Type.Object({
          project: Str,
          location: Str,
          repository: Str,
          exists: Type.Boolean(),
          images: Type.Array(GcpDockerImageSchema),
        }),
      ),
    }),
  ),
} as const;
export interface ImagePlatformFacets {
  'gcp.artifactregistry-images': {
    repositories: {
      project: string;
      location: string;
      repository: string;
      exists: boolean;
      images: GcpDockerImage[];
    }[];
  };
}

type ArtifactImage = FacetMap['gcp.artifactregistry-images']['repositories'][number]['images'][number];
type WorkflowFile = FacetMap['files.workflows']['files'][number];

export type ImagePlatformView = { resource: Resource } & (
  | {
      source: 'gcp';
      cluster: GcpGkeCluster;
      /** The app image's path inside its registry (`<project>/<repository>/<image>`). */
      imagePath: string;
      /** Its versions with at least one tag. */
      taggedImages: ArtifactImage[];
    }
  | {
      source: 'k8s';
      nodes: K8sNode[];
      workloads: K8sLiveObject[];
      pods: K8sLiveObject[];
      replicaSets: K8sLiveObject[];
      /** The namespaces the pods were read in (undefined: every namespace read). */
      podNamespaces?: string[];
    }
  | { source: 'probe'; image: ImageProbe }
  | {
      source: 'join';
      nodes: K8sNode[];
      clusters: GcpGkeCluster[];
      workloads: K8sLiveObject[];
      images: ImageProbe[];
      workflows: WorkflowFile[];
    }
);

export const IMAGE_PLATFORM_GCP_FACETS = ['gcp.gke', 'gcp.artifactregistry-images'] as const;
export const IMAGE_PLATFORM_K8S_FACETS = ['k8s.nodes', ...WORKLOAD_FACETS] as const;
/** The join's facets, the registry's first (its absence is the skip the join reports). */
export const IMAGE_PLATFORM_JOIN_FACETS = [
  'probe.registry',
  ...WORKLOAD_FACETS,
  'k8s.nodes',
  'gcp.gke',
  'files.workflows',
] as const;

type Read = <K extends keyof FacetMap>(name: K) => FacetMap[K];

const workloadsOf = (facet: Read): K8sLiveObject[] =>
  topLevelWorkloads(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets);

export function imagePlatformsFromGcp(facet: Read, exp: Expectations): ViewSet<ImagePlatformView> {
  const imagePath = exp.app.image.split('/').slice(3).join('/');
  const taggedImages = facet('gcp.artifactregistry-images')
    .repositories.flatMap((r) => r.images)
    .filter((i) => i.image === imagePath && i.tags.length > 0);
  const items = facet('gcp.gke').clusters.map(
    (cluster): ImagePlatformView => ({
      source: 'gcp',
      resource: gkeClusterResource(cluster),
      cluster,
      imagePath,
      taggedImages,
    }),
  );
  return { items, empty: [], none: 'GKE reports no cluster' };
}

export function imagePlatformsFromCluster(facet: Read): ViewSet<ImagePlatformView> {
  const pods = facet('k8s.pods');
  return {
    items: [
      {
        source: 'k8s',
        resource: { id: 'k8s:Cluster', kind: 'Cluster', name: 'cluster' },
        nodes: itemsOf(facet('k8s.nodes')),
        workloads: workloadsOf(facet),
        pods: itemsOf(pods),
        replicaSets: itemsOf(facet('k8s.replicasets')),
        ...(pods.namespaces ? { podNamespaces: pods.namespaces } : {}),
      },
    ],
    empty: [],
    none: '',
  };
}

export function imagePlatformsFromRegistry(facet: FacetMap['probe.registry']): ViewSet<ImagePlatformView> {
  return {
    items: facet.images.map(
      (image): ImagePlatformView => ({
        source: 'probe',
        resource: { id: image.reference, kind: 'Image', name: image.reference },
        image,
      }),
    ),
    empty: [],
    none: 'the registry probe read no image',
  };
}

export function imagePlatformsJoined(facet: Read): ViewSet<ImagePlatformView> {
  return {
    items: [
      {
        source: 'join',
        resource: { id: 'k8s:Cluster', kind: 'Cluster', name: 'cluster' },
        nodes: facet('k8s.nodes').items,
        clusters: facet('gcp.gke').clusters,
        workloads: workloadsOf(facet),
        images: facet('probe.registry').images,
        workflows: facet('files.workflows').files,
      },
    ],
    empty: [],
    none: '',
  };
}

/**
 * The sources of the `image-platform` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const IMAGE_PLATFORM_SOURCES = {
  gcp: { layer: 'gcp', facets: IMAGE_PLATFORM_GCP_FACETS, build: (facet, exp) => imagePlatformsFromGcp(facet, exp) },
  k8s: { layer: 'k8s', facets: IMAGE_PLATFORM_K8S_FACETS, build: (facet) => imagePlatformsFromCluster(facet) },
  probe: {
    layer: 'probe',
    facets: ['probe.registry'],
    build: (facet) => imagePlatformsFromRegistry(facet('probe.registry')),
  },
  // Registry, cluster, GKE and workflows together; reported on the probe layer, as the join was.
  join: { layer: 'probe', facets: IMAGE_PLATFORM_JOIN_FACETS, build: (facet) => imagePlatformsJoined(facet) },
} as const satisfies Record<string, ViewSource<ImagePlatformView>>;
