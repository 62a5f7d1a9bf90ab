/**
 * The API-object view: one `ApiObjectView` per Kubernetes object with the API version it is written in, per
 * source.
 * - `manifest`: every object of the repository's Kubernetes manifests (multi-document files and `kind: List`
 *   items included), at its `apiVersion` key;
 * - `k8s`: the top-level workloads and Ingresses the cluster runs that `kubectl apply` created, with the version
 *   they were applied as (the collector reads it from the last-applied annotation and keeps nothing else of
 *   it); the API serves a stored object at its current version whatever was applied. Each carries what the
 *   cluster serves, so a rule can tell "breaks on the next upgrade" from "re-applying fails today".
 */
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { locate, objectResource } from './containers.js';
import { itemsOf, liveObjectResource, topLevelWorkloads, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface ApiServer {
  /** `gitVersion` of the API server, or `version unknown`. */
  version: string;
  /** The group versions it serves (`apps/v1`, `batch/v1beta1`...). */
  groupVersions: ReadonlySet<string>;
}

export interface ApiObjectView {
  source: 'manifest' | 'k8s';
  resource: Resource;
  kind: string;
  name: string;
  /** manifest: the declared `apiVersion`; k8s: the version `kubectl apply` was given. */
  apiVersion: string;
  /** manifest: the `apiVersion` key. */
  location?: Location;
  /** k8s: the cluster that runs the object. */
  server?: ApiServer;
}

export function apiObjectsFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ApiObjectView> {
  const items: ApiObjectView[] = [];
  for (const mf of facet.files)
    for (const obj of mf.objects)
      items.push({
        source: 'manifest',
        resource: objectResource(obj),
        kind: obj.kind,
        name: obj.name,
        apiVersion: obj.apiVersion,
        location: locate(obj, '/apiVersion'),
      });
  return { items, empty: [], none: 'no Kubernetes object is declared in the manifests' };
}

export const API_OBJECT_FACETS = ['k8s.apis', 'k8s.ingresses'] as const;

export function apiObjectsFromCluster(
  facets: WorkloadFacets & { 'k8s.apis': FacetMap['k8s.apis']; 'k8s.ingresses': FacetMap['k8s.ingresses'] },
): ViewSet<ApiObjectView> {
  const apis = facets['k8s.apis'];
  const server: ApiServer = {
    version: apis.serverVersion?.gitVersion ?? 'version unknown',
    groupVersions: new Set(apis.groupVersions),
  };
  const items: ApiObjectView[] = [];
  for (const o of [...topLevelWorkloads(facets), ...itemsOf(facets['k8s.ingresses'])])
    if (o.appliedApiVersion)
      items.push({
        source: 'k8s',
        resource: liveObjectResource(o),
        kind: o.kind,
        name: o.name,
        apiVersion: o.appliedApiVersion,
        server,
      });
  return {
    items,
    empty: [],
    none: `no live workload or Ingress on ${server.version} records the API version it was applied with (kubectl's last-applied annotation)`,
  };
}

/**
 * The sources of the `api-object` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const API_OBJECT_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet) => apiObjectsFromManifests(facet('files.kubernetes')),
  },
  k8s: {
    layer: 'k8s',
    facets: [...API_OBJECT_FACETS, ...WORKLOAD_FACETS],
    build: (facet) =>
      apiObjectsFromCluster(
        Object.fromEntries([...API_OBJECT_FACETS, ...WORKLOAD_FACETS].map((n) => [n, facet(n)])) as Parameters<
          typeof apiObjectsFromCluster
        >[0],
      ),
  },
} as const satisfies Record<string, ViewSource<ApiObjectView>>;
