/**
 * The GKE cluster view: one `GkeClusterView` per cluster per source.
 * - `tf`: each `google_container_cluster` block, with its default `node_config`, its inline `node_pool`
 *   blocks and the `google_container_node_pool` resources that name it;
 * - `gcp`: each cluster container `clusters.list` returned, with its node pools.
 * An attribute a source cannot show is `absent` with that source's origin.
 */
import { declarationKey } from '../declarations.js';
import type { GcpGkeCluster } from '../layers/gcp.js';
import type { Location } from '../location.js';
import type { FacetMap, TfBlock } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { type Attribute, decided, liveAttribute, tfAttribute } from './attribute.js';
import type { ViewSet } from './sql-instance.js';
import {
  blockLocation,
  childBlock,
  childBlocks,
  declaresNothing,
  findResource,
  isExpression,
  read,
  referenceTo,
  resourceOf,
  resourcesOf,
  type TfResource,
} from './terraform.js';
import type { ViewSource } from './index.js';

/** A node pool of the cluster (tf: also the cluster's own default `node_config`). */
export interface GkeNodePoolView {
  resource: Resource;
  /** tf: the address (`google_container_cluster.primary.node_pool[legacy]`); gcp: the pool name. */
  label: string;
  /** `node_config.workload_metadata_config.mode` / `config.workloadMetadataConfig.mode`. */
  workloadMetadataMode: Attribute<unknown>;
}

export interface GkeClusterView {
  source: 'tf' | 'gcp';
  resource: Resource;
  /** How messages name it: the `.tf` address or the cluster name. */
  label: string;
  /** Where the cluster is declared (tf): the resource block. */
  location?: Location;
  /** The cluster name: how a declaration and a live cluster are paired. */
  name: Attribute<unknown>;
  /** The project the live cluster is in (gcp); its workload pool must be `<project>.svc.id.goog`. */
  project: Attribute<unknown>;
  /** `enable_autopilot` (an Autopilot cluster always has Workload Identity). */
  autopilot: Attribute<unknown>;
  /** `workload_identity_config.workload_pool` / `workloadIdentityConfig.workloadPool`. */
  workloadPool: Attribute<unknown>;
  /** `database_encryption.state` / `databaseEncryption.state`. */
  databaseEncryptionState: Attribute<unknown>;
  /** `database_encryption.key_name` / `databaseEncryption.keyName`. */
  databaseEncryptionKey: Attribute<unknown>;
  /** `databaseEncryption.currentState` (gcp: whether the requested encryption is in effect). */
  databaseEncryptionCurrentState: Attribute<unknown>;
  /** `logging_service` / `loggingService`. */
  loggingService: Attribute<unknown>;
  /** `logging_config.enable_components` / `loggingConfig.componentConfig.enableComponents`. */
  loggingComponents: Attribute<unknown>;
  /** `monitoring_service` / `monitoringService`. */
  monitoringService: Attribute<unknown>;
  /** `monitoring_config.enable_components` / `monitoringConfig.componentConfig.enableComponents`. */
  monitoringComponents: Attribute<unknown>;
  /** tf: whether a `monitoring_config` block is declared at all (GKE's version default applies without one). */
  monitoringConfigDeclared: boolean;
  /** `monitoring_config.managed_prometheus.enabled` / `monitoringConfig.managedPrometheusConfig.enabled`. */
  managedPrometheus: Attribute<unknown>;
  nodePools: GkeNodePoolView[];
  /** The source's own record, for attributes no view exposes yet (add them here rather than reading it). */
  tf?: TfResource;
  gcp?: GcpGkeCluster;
}

export const GKE_CLUSTER_TF_TYPE = 'google_container_cluster';
export const GKE_NODE_POOL_TF_TYPE = 'google_container_node_pool';
const NODE_METADATA_MODE = 'node_config.workload_metadata_config.mode';

/** The live cluster as a verdict resource, declared as the `.tf` block of the same name. */
export function gkeClusterResource(c: { project: string; location: string; name: string }): Resource {
  return {
    id: `gcp:gke/${c.project}/${c.location}/${c.name}`,
    kind: 'GkeCluster',
    name: c.name,
    declaredAs: declarationKey({ layer: 'tf', type: GKE_CLUSTER_TF_TYPE, name: c.name }),
  };
}

/** A live node pool as a verdict resource, declared as the `.tf` node pool of the same name. */
export function gkeNodePoolResource(c: { project: string; location: string; name: string }, pool: string): Resource {
  return {
    id: `gcp:gke/${c.project}/${c.location}/${c.name}/nodePools/${pool}`,
    kind: 'GkeNodePool',
    name: `${c.name}/${pool}`,
    declaredAs: declarationKey({ layer: 'tf', type: GKE_NODE_POOL_TF_TYPE, name: pool }),
  };
}

const absentIn = (layer: 'files' | 'gcp', path: string, live?: string): Attribute<never> => ({
  certainty: 'absent',
  origin: { layer, path, ...(live ? { live } : {}) },
});

/**
 * Declared clusters; blocks that declare nothing (`count = 0`) are left out with the reason. A
 * `google_container_node_pool` joins the cluster its `cluster` refers to (`google_container_cluster.x.name`),
 * else the cluster of the same literal name, else the only cluster declared in its directory or at all.
 */
export function gkeClustersFromTerraform(facet: FacetMap['files.terraform']): ViewSet<GkeClusterView> {
  const files = facet.files;
  const items: GkeClusterView[] = [];
  const empty: { reason: string; resource: Resource }[] = [];
  const byResource = new Map<TfResource['block'], GkeClusterView>();
  for (const r of resourcesOf(files, GKE_CLUSTER_TF_TYPE)) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      empty.push({ reason: `${r.address} declares no instance (count = 0 or an empty for_each)`, resource });
      continue;
    }
    const file = r.file.file;
    const at = (path: string) => tfAttribute(file, `${r.address}.${path}`, read(r.block, path));
    const pool = (block: TfBlock, label: string): GkeNodePoolView => ({
      resource,
      label,
      workloadMetadataMode: tfAttribute(file, `${label}.${NODE_METADATA_MODE}`, read(block, NODE_METADATA_MODE)),
    });
    const inline = childBlocks(r.block, 'node_pool');
    const view: GkeClusterView = {
      source: 'tf',
      resource,
      label: r.address,
      location: blockLocation(file, r.block),
      name: at('name'),
      project: at('project'),
      autopilot: at('enable_autopilot'),
      workloadPool: at('workload_identity_config.workload_pool'),
      databaseEncryptionState: at('database_encryption.state'),
      databaseEncryptionKey: at('database_encryption.key_name'),
      databaseEncryptionCurrentState: absentIn('files', `${r.address} (a declaration shows no current state)`),
      loggingService: at('logging_service'),
      loggingComponents: at('logging_config.enable_components'),
      monitoringService: at('monitoring_service'),
      monitoringComponents: at('monitoring_config.enable_components'),
      monitoringConfigDeclared: childBlock(r.block, 'monitoring_config') !== undefined,
      managedPrometheus: at('monitoring_config.managed_prometheus.enabled'),
      // The cluster's default node_config and its inline node pools.
      nodePools: [
        pool(r.block, r.address),
        ...inline.map((b, i) => {
          const name = b.attributes.name?.value;
          return pool(b, `${r.address}.node_pool[${typeof name === 'string' ? name : i}]`);
        }),
      ],
      tf: r,
    };
    byResource.set(r.block, view);
    items.push(view);
  }
  for (const p of resourcesOf(files, GKE_NODE_POOL_TF_TYPE)) {
    if (declaresNothing(p.block)) continue;
    const cluster = clusterOf(files, p, items, byResource);
    if (!cluster) continue;
    const file = p.file.file;
    cluster.nodePools.push({
      resource: resourceOf(p),
      label: p.address,
      workloadMetadataMode: tfAttribute(file, `${p.address}.${NODE_METADATA_MODE}`, read(p.block, NODE_METADATA_MODE)),
    });
  }
  return { items, empty, none: `no ${GKE_CLUSTER_TF_TYPE} resource is declared in any .tf file` };
}

function clusterOf(
  files: FacetMap['files.terraform']['files'],
  p: TfResource,
  items: GkeClusterView[],
  byResource: Map<TfResource['block'], GkeClusterView>,
): GkeClusterView | undefined {
  const ref = p.block.attributes.cluster?.value;
  const to = isExpression(ref) ? referenceTo(ref.expression, GKE_CLUSTER_TF_TYPE) : undefined;
  if (to) {
    const r = findResource(files, to.mode, GKE_CLUSTER_TF_TYPE, to.name, p.dir);
    const v = r ? byResource.get(r.block) : undefined;
    if (v) return v;
  }
  if (typeof ref === 'string') {
    const named = items.filter((v) => v.name.certainty === 'decided' && v.name.value === ref);
    if (named.length === 1) return named[0];
  }
  const sameDir = items.filter((v) => v.tf?.dir === p.dir);
  if (sameDir.length === 1) return sameDir[0];
  return items.length === 1 ? items[0] : undefined;
}

export function gkeClustersFromGcp(facet: FacetMap['gcp.gke']): ViewSet<GkeClusterView> {
  const items = facet.clusters.map((c): GkeClusterView => {
    const resource = gkeClusterResource(c);
    const live = resource.id;
    const at = (value: unknown, path: string) => liveAttribute(value, { layer: 'gcp', path, live });
    const enc = c.databaseEncryption;
    return {
      source: 'gcp',
      resource,
      label: c.name,
      name: decided(c.name, { layer: 'gcp', path: 'name', live }),
      project: decided(c.project, { layer: 'gcp', path: 'project', live }),
      autopilot: absentIn('gcp', 'autopilot (not read)', live),
      workloadPool: at(c.workloadPool, 'workloadIdentityConfig.workloadPool'),
      databaseEncryptionState: at(enc?.state, 'databaseEncryption.state'),
      databaseEncryptionKey: at(enc?.keyName, 'databaseEncryption.keyName'),
      databaseEncryptionCurrentState: at(enc?.currentState, 'databaseEncryption.currentState'),
      loggingService: at(c.loggingService, 'loggingService'),
      loggingComponents: at(c.loggingComponents, 'loggingConfig.componentConfig.enableComponents'),
      monitoringService: at(c.monitoringService, 'monitoringService'),
      monitoringComponents: at(c.monitoringComponents, 'monitoringConfig.componentConfig.enableComponents'),
      monitoringConfigDeclared: true,
      managedPrometheus: at(c.managedPrometheus, 'monitoringConfig.managedPrometheusConfig.enabled'),
      nodePools: c.nodePools.map((p) => {
        const pool = gkeNodePoolResource(c, p.name);
        return {
          resource: pool,
          label: p.name,
          workloadMetadataMode: liveAttribute(p.workloadMetadataMode, {
            layer: 'gcp',
            path: `nodePools[${p.name}].config.workloadMetadataConfig.mode`,
            live: pool.id,
          }),
        };
      }),
      gcp: c,
    };
  });
  return { items, empty: [], none: 'the project has no GKE cluster' };
}

/**
 * The sources of the `gke-cluster` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const GKE_CLUSTER_SOURCES = {
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet) => gkeClustersFromTerraform(facet('files.terraform')),
  },
  gcp: { layer: 'gcp', facets: ['gcp.gke'], build: (facet) => gkeClustersFromGcp(facet('gcp.gke')) },
} as const satisfies Record<string, ViewSource<GkeClusterView>>;
