/**
 * The workload container view: one `ContainerView` per container (and init container) of every workload,
 * per source.
 * - `manifest`: workloads in the repository's Kubernetes manifests (positions: file:line of each key);
 * - `k8s`: top-level workloads the cluster runs (no file: the verdict resource is declared as the manifest of
 *   the same kind, namespace and name, so the engine points a live finding at it).
 */
import type { Location } from '../location.js';
import type { K8sLiveObject } from '../layers/k8s.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import type { Attribute, AttributeOrigin } from './attribute.js';
import {
  containerLocation,
  containerResource,
  containersOf,
  isObject,
  locate,
  type ManifestContainer,
  manifestContainers,
  securityContexts,
} from './containers.js';
import { liveResource, topLevelWorkloads, viewOf, type WorkloadFacets } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';

export interface ContainerView {
  source: 'manifest' | 'k8s';
  resource: Resource;
  /** `Container backend` / `Init container migrate`. */
  container: string;
  /** The workload's kind and name. */
  workloadKind: string;
  workloadName: string;
  /** Where the container is declared (manifest): its `name` key. */
  location?: Location;
  /** `securityContext.allowPrivilegeEscalation` of the container. */
  allowPrivilegeEscalation: Attribute<unknown>;
  /** `securityContext.privileged` of the container. */
  privileged: Attribute<unknown>;
  /** `securityContext.capabilities.add` of the container. */
  capabilitiesAdded: Attribute<unknown>;
  /** The container as the manifest helpers read it (pod spec included), for what no attribute exposes yet. */
  ref: ManifestContainer;
  live?: K8sLiveObject;
}

function attributes(
  c: ManifestContainer,
  origin: (pointer: string, absent: boolean) => AttributeOrigin,
): Pick<ContainerView, 'allowPrivilegeEscalation' | 'privileged' | 'capabilitiesAdded'> {
  const sc = securityContexts(c).container;
  const at = `${c.pointer}/securityContext`;
  const attr = (value: unknown, pointer: string): Attribute<unknown> =>
    value === undefined
      ? { certainty: 'absent', origin: origin(pointer, true) }
      : { certainty: 'decided', value, origin: origin(pointer, false) };
  const caps = isObject(sc.capabilities) ? sc.capabilities.add : undefined;
  return {
    allowPrivilegeEscalation: attr(sc.allowPrivilegeEscalation, `${at}/allowPrivilegeEscalation`),
    privileged: attr(sc.privileged, `${at}/privileged`),
    capabilitiesAdded: attr(caps, `${at}/capabilities/add`),
  };
}

const label = (c: ManifestContainer) => `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`;

export function containersFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ContainerView> {
  const items = manifestContainers(facet.files).map(
    (c): ContainerView => ({
      source: 'manifest',
      resource: containerResource(c),
      container: label(c),
      workloadKind: c.object.kind,
      workloadName: c.object.name,
      location: containerLocation(c),
      // An unset key is located where the container is declared; a set one at the key.
      ...attributes(c, (pointer, absent) => ({
        layer: 'files',
        path: pointer,
        location: (absent ? containerLocation(c) : undefined) ?? locate(c.object, pointer),
      })),
      ref: c,
    }),
  );
  return { items, empty: [], none: 'no workload is declared in the Kubernetes manifests' };
}

export function containersFromCluster(facets: WorkloadFacets): ViewSet<ContainerView> {
  const items: ContainerView[] = [];
  for (const w of topLevelWorkloads(facets)) {
    for (const c of containersOf(viewOf(w))) {
      const resource = liveResource(w, {
        kind: c.field === 'initContainers' ? 'InitContainer' : 'Container',
        name: c.name,
        path: `${c.field}/${c.name}`,
      });
      items.push({
        source: 'k8s',
        resource,
        container: label(c),
        workloadKind: w.kind,
        workloadName: w.name,
        ...attributes(c, (pointer) => ({ layer: 'k8s', path: pointer, live: resource.id })),
        ref: c,
        live: w,
      });
    }
  }
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
}
