/**
 * The workload container view: one `ContainerView` per container (and init container) of every workload,
 * per source.
 * - `manifest`: workloads in the repository's Kubernetes manifests (positions: file:line of each key);
 * - `k8s`: top-level workloads the cluster runs (no file: the verdict resource is declared as the manifest of
 *   the same kind, namespace and name, so the engine points a live finding at it);
 * - `effective`: the containers (not init containers) of the Deployments the cluster runs, for a rule that
 *   joins them with the image config and the Dockerfile (the source reads those facets too).
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
  escapePointerToken,
  isObject,
  locate,
  type ManifestContainer,
  manifestContainers,
  securityContexts,
} from './containers.js';
import { liveResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface ContainerView {
  source: 'manifest' | 'k8s' | 'effective';
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
  /**
   * The effective `securityContext.runAsUser`: the container's when it sets a UID, else the pod's (`origin.path`
   * is the key read, so it says which); absent when neither does. A quoted number reads as the UID it spells.
   */
  runAsUser: Attribute<number>;
  /** The effective `securityContext.runAsNonRoot` (a boolean), read like `runAsUser`. */
  runAsNonRoot: Attribute<boolean>;
  /** The container as the manifest helpers read it (pod spec included), for what no attribute exposes yet. */
  ref: ManifestContainer;
  live?: K8sLiveObject;
}

/** A UID as Kubernetes reads it: an integer (a quoted number is accepted, as it is unambiguous). */
function toUid(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** The container's setting when it has one, else the pod's; absent (at the container's key) when neither. */
function effective<T>(
  c: ManifestContainer,
  key: string,
  read: (v: unknown) => T | undefined,
  origin: (pointer: string, absent: boolean) => AttributeOrigin,
): Attribute<T> {
  const sc = securityContexts(c);
  const token = escapePointerToken(key);
  const own = read(sc.container[key]);
  if (own !== undefined)
    return { certainty: 'decided', value: own, origin: origin(`${c.pointer}/securityContext/${token}`, false) };
  const pod = read(sc.pod[key]);
  if (pod !== undefined)
    return { certainty: 'decided', value: pod, origin: origin(`${c.podPointer}/securityContext/${token}`, false) };
  return { certainty: 'absent', origin: origin(`${c.pointer}/securityContext/${token}`, true) };
}

function attributes(
  c: ManifestContainer,
  origin: (pointer: string, absent: boolean) => AttributeOrigin,
): Pick<ContainerView, 'allowPrivilegeEscalation' | 'privileged' | 'capabilitiesAdded' | 'runAsUser' | 'runAsNonRoot'> {
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
    runAsUser: effective(c, 'runAsUser', toUid, origin),
    runAsNonRoot: effective(c, 'runAsNonRoot', (v) => (typeof v === 'boolean' ? v : undefined), origin),
  };
}

const label = (c: ManifestContainer) => `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`;

export function containersFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ContainerView> {
  const items = manifestContainers(facet.files).map((c): ContainerView => {
    // Where the container is declared, looked up once: its location and that of each key it leaves unset.
    const declared = containerLocation(c);
    return {
      source: 'manifest',
      resource: containerResource(c),
      container: label(c),
      workloadKind: c.object.kind,
      workloadName: c.object.name,
      location: declared,
      // An unset key is located where the container is declared; a set one at the key.
      ...attributes(c, (pointer, absent) => ({
        layer: 'files',
        path: pointer,
        location: absent ? declared : locate(c.object, pointer),
      })),
      ref: c,
    };
  });
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

export function containersOfDeployments(facet: FacetMap['k8s.deployments']): ViewSet<ContainerView> {
  const items: ContainerView[] = [];
  for (const w of facet.items) {
    for (const c of containersOf(viewOf(w))) {
      if (c.field !== 'containers') continue;
      const resource = liveResource(w, { kind: 'Container', name: c.name, path: `containers/${c.name}` });
      items.push({
        source: 'effective',
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
  return { items, empty: [], none: 'the cluster runs no Deployment in the scanned namespaces' };
}

/**
 * The sources of the `container` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const CONTAINER_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    // The Dockerfiles that build a container's image, for a rule that judges what the image settles.
    optionalFacets: ['files.dockerfile'],
    build: (facet) => containersFromManifests(facet('files.kubernetes')),
  },
  k8s: {
    layer: 'k8s',
    facets: WORKLOAD_FACETS,
    build: (facet) =>
      containersFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
  },
  // The containers of the Deployments the cluster runs, with what decides their user on every layer: the
  // registry's image config and the repository's Dockerfile (a join across layers).
  effective: {
    layer: 'k8s',
    facets: ['k8s.deployments', 'probe.registry', 'files.dockerfile'],
    build: (facet) => containersOfDeployments(facet('k8s.deployments')),
  },
} as const satisfies Record<string, ViewSource<ContainerView>>;
