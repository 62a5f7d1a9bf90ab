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
  isObject,
  locate,
  type ManifestContainer,
  manifestContainers,
} from './containers.js';
import { liveContainerResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import {
  containerResourceStrings,
  liveContainersOf,
  type LiveParts,
  livePartsOf,
  livePartsOfEach,
} from './live-parts.js';
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

/** The JSON pointers a container's attributes are read at: worked out once per container pointer. */
interface AttributePaths {
  allowPrivilegeEscalation: string;
  privileged: string;
  capabilitiesAdded: string;
  runAsUser: string;
  runAsNonRoot: string;
  podRunAsUser: string;
  podRunAsNonRoot: string;
}

/**
 * The paths of a container's attributes. Container pointers are shared per place (`containersOf`), so one
 * entry serves every workload's first container: 12,000 live containers make a handful of entries, not 60,000
 * strings.
 */
function attributePaths(c: ManifestContainer): AttributePaths {
  let byPod = ATTRIBUTE_PATHS.get(c.podPointer);
  if (!byPod) {
    byPod = new Map();
    ATTRIBUTE_PATHS.set(c.podPointer, byPod);
  }
  let paths = byPod.get(c.pointer);
  if (!paths) {
    const at = `${c.pointer}/securityContext`;
    const pod = `${c.podPointer}/securityContext`;
    paths = {
      allowPrivilegeEscalation: `${at}/allowPrivilegeEscalation`,
      privileged: `${at}/privileged`,
      capabilitiesAdded: `${at}/capabilities/add`,
      runAsUser: `${at}/runAsUser`,
      runAsNonRoot: `${at}/runAsNonRoot`,
      podRunAsUser: `${pod}/runAsUser`,
      podRunAsNonRoot: `${pod}/runAsNonRoot`,
    };
    byPod.set(c.pointer, paths);
  }
  return paths;
}
const ATTRIBUTE_PATHS = new Map<string, Map<string, AttributePaths>>();

const asBoolean = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** How a source makes a container's attributes at a pointer: unset there, or set to a value. */
interface AttributesAt {
  absent(pointer: string): Attribute<never>;
  decided<T>(pointer: string, value: T): Attribute<T>;
}

/** A manifest's: at the key when it is set, where the container is declared when it is not. */
function manifestAttributes(c: ManifestContainer, declared: Location | undefined): AttributesAt {
  return {
    absent: (pointer) => ({ certainty: 'absent', origin: { layer: 'files', path: pointer, location: declared } }),
    decided: (pointer, value) => ({
      certainty: 'decided',
      value,
      origin: { layer: 'files', path: pointer, location: locate(c.object, pointer) },
    }),
  };
}

/**
 * A live container's: read at a place (a pointer), with nothing of the container in them (the view's
 * `resource` says which container it is), so every container read at the same place shares them: the origin,
 * the absent attribute and a boolean's decided ones (12,000 containers of a large cluster make a few dozen,
 * not five origins and five attributes each). Frozen: views are only read.
 */
const LIVE_ATTRIBUTES: AttributesAt = {
  absent: (pointer) => livePlace(pointer).absent,
  decided<T>(pointer: string, value: T): Attribute<T> {
    const place = livePlace(pointer);
    if (typeof value === 'boolean') return (value ? place.decidedTrue : place.decidedFalse) as Attribute<T>;
    return { certainty: 'decided', value, origin: place.origin };
  },
};

interface LivePlace {
  origin: AttributeOrigin;
  absent: Attribute<never>;
  decidedTrue: Attribute<boolean>;
  decidedFalse: Attribute<boolean>;
}

function livePlace(pointer: string): LivePlace {
  let place = LIVE_PLACES.get(pointer);
  if (!place) {
    const origin: AttributeOrigin = Object.freeze({ layer: 'k8s', path: pointer });
    place = {
      origin,
      absent: Object.freeze({ certainty: 'absent', origin }),
      decidedTrue: Object.freeze({ certainty: 'decided', value: true, origin }),
      decidedFalse: Object.freeze({ certainty: 'decided', value: false, origin }),
    };
    LIVE_PLACES.set(pointer, place);
  }
  return place;
}
/** By pointer: container pointers are shared per place (`attributePaths`), so a cluster makes a handful. */
const LIVE_PLACES = new Map<string, LivePlace>();

/** The container's setting when it has one, else the pod's; absent (at the container's key) when neither. */
function effective<T>(
  own: unknown,
  pod: unknown,
  ownPath: string,
  podPath: string,
  read: (v: unknown) => T | undefined,
  at: AttributesAt,
): Attribute<T> {
  const fromContainer = read(own);
  if (fromContainer !== undefined) return at.decided(ownPath, fromContainer);
  const fromPod = read(pod);
  if (fromPod !== undefined) return at.decided(podPath, fromPod);
  return at.absent(ownPath);
}

function attribute(value: unknown, pointer: string, at: AttributesAt): Attribute<unknown> {
  return value === undefined ? at.absent(pointer) : at.decided(pointer, value);
}

/** A view's members before its attributes, in key order. */
type ViewHead = Pick<ContainerView, 'source' | 'resource' | 'container' | 'workloadKind' | 'workloadName' | 'location'>;

/**
 * The view of a container: `head`, its attributes, then `ref` (and `live`, for the live sources, which have
 * no `location`), in key order. One literal with every member (one view per container of a large cluster):
 * members assigned to an object past those its literal names are kept in a property array of their own, one
 * more heap object per view (plain-objects.ts).
 */
function containerView(head: ViewHead, c: ManifestContainer, at: AttributesAt, live?: K8sLiveObject): ContainerView {
  // The security contexts read directly (no `securityContexts` pair per attribute: one view per container).
  const sc = isObject(c.container.securityContext) ? c.container.securityContext : NO_CONTEXT;
  const pod = isObject(c.podSpec.securityContext) ? c.podSpec.securityContext : NO_CONTEXT;
  const paths = attributePaths(c);
  const caps = isObject(sc.capabilities) ? sc.capabilities.add : undefined;
  const allowPrivilegeEscalation = attribute(sc.allowPrivilegeEscalation, paths.allowPrivilegeEscalation, at);
  const privileged = attribute(sc.privileged, paths.privileged, at);
  const capabilitiesAdded = attribute(caps, paths.capabilitiesAdded, at);
  const runAsUser = effective(sc.runAsUser, pod.runAsUser, paths.runAsUser, paths.podRunAsUser, toUid, at);
  const runAsNonRoot = effective(
    sc.runAsNonRoot,
    pod.runAsNonRoot,
    paths.runAsNonRoot,
    paths.podRunAsNonRoot,
    asBoolean,
    at,
  );
  return live
    ? {
        source: head.source,
        resource: head.resource,
        container: head.container,
        workloadKind: head.workloadKind,
        workloadName: head.workloadName,
        allowPrivilegeEscalation,
        privileged,
        capabilitiesAdded,
        runAsUser,
        runAsNonRoot,
        ref: c,
        live,
      }
    : {
        source: head.source,
        resource: head.resource,
        container: head.container,
        workloadKind: head.workloadKind,
        workloadName: head.workloadName,
        location: head.location,
        allowPrivilegeEscalation,
        privileged,
        capabilitiesAdded,
        runAsUser,
        runAsNonRoot,
        ref: c,
      };
}
/** An unset security context, read only. */
const NO_CONTEXT: Readonly<Record<string, unknown>> = Object.freeze({});

const label = (c: ManifestContainer) => `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`;

export function containersFromManifests(facet: FacetMap['files.kubernetes']): ViewSet<ContainerView> {
  const items = manifestContainers(facet.files).map((c): ContainerView => {
    // Where the container is declared, looked up once: its location and that of each key it leaves unset.
    const declared = containerLocation(c);
    return containerView(
      {
        source: 'manifest',
        resource: containerResource(c),
        container: label(c),
        workloadKind: c.object.kind,
        workloadName: c.object.name,
        location: declared,
      },
      c,
      manifestAttributes(c, declared),
    );
  });
  return { items, empty: [], none: 'no workload is declared in the Kubernetes manifests' };
}

export function containersFromCluster(facets: WorkloadFacets): ViewSet<ContainerView> {
  const items: ContainerView[] = [];
  // Indexed: a for-of allocates an iterator result per item until the loop is optimized, and this runs once.
  const parts = livePartsOfEach(topLevelWorkloads(facets));
  for (let i = 0; i < parts.length; i++) {
    const views = containerViewsOfParts(parts[i]!);
    for (let k = 0; k < views.length; k++) items.push(views[k]!);
  }
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
}

/**
 * The `k8s` source's views of one live workload's containers. They depend on the workload alone: made once
 * per object (while its list's next page is in flight, `prepareLiveObject`) and shared, so only read them.
 */
export function liveContainerViews(w: K8sLiveObject): readonly ContainerView[] {
  return containerViewsOfParts(livePartsOf(w));
}

/** The same of the object of a record (live-parts.ts). */
export function containerViewsOfParts(p: LiveParts): readonly ContainerView[] {
  if (!p.containerViews) {
    const w = p.object;
    p.containerViews = liveContainersOf(p).map((c): ContainerView => {
      const resource = containerResourceStrings(p, c);
      return containerView(
        { source: 'k8s', resource, container: label(c), workloadKind: w.kind, workloadName: w.name },
        c,
        LIVE_ATTRIBUTES,
        w,
      );
    });
  }
  return p.containerViews;
}

export function containersOfDeployments(facet: FacetMap['k8s.deployments']): ViewSet<ContainerView> {
  const items: ContainerView[] = [];
  for (const w of facet.items) {
    for (const c of containersOf(viewOf(w))) {
      if (c.field !== 'containers') continue;
      const resource = liveContainerResource(w, c);
      items.push(
        containerView(
          { source: 'effective', resource, container: label(c), workloadKind: w.kind, workloadName: w.name },
          c,
          LIVE_ATTRIBUTES,
          w,
        ),
      );
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
