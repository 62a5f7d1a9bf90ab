/**
 * Everything worked out of one live object, in one record per object (`livePartsOf`): its view in the
 * manifest helpers' shape, containers, resource strings, controller, a pod's container statuses, and the view
 * items of it that depend on it alone. One weak map entry per object rather than one per part: each entry
 * costs its insertion and the garbage collector's ephemeron work, and a 20,000-object cluster made ~150,000.
 * Not exported by the views barrel: k8s-live.ts and the view modules read and fill it (their `...OfParts`
 * functions take a record); what it holds is shared, so only read it.
 */
import { declarationKey } from '../declarations.js';
import type { K8sLiveObject } from '../layers/k8s.js';
import { plainObjectMaker } from '../plain-objects.js';
import type { K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { containersOf, type ManifestContainer } from './containers.js';
import type { GcrReferenceView } from './gcr-reference.js';
import type { LiveImage } from './image.js';
import type { ContainerStatus, OwnerRef } from './k8s-live.js';
import type { ContainerView } from './workload.js';
import type { WorkloadView } from './workload-object.js';

export interface LiveParts {
  object: K8sLiveObject;
  view: K8sObject;
  /** The object's resource strings (`liveObjectResource`). */
  resource: Resource | undefined;
  /** Its containers (`containersOf(view)` of containers.ts, the same list). */
  containers: ManifestContainer[] | undefined;
  /** The owner that controls it; null when none (undefined: not worked out yet). */
  controller: OwnerRef | null | undefined;
  /** A pod's container statuses. */
  statuses: ContainerStatus[] | undefined;
  /** The image digest of each of a pod's container statuses (`digestOf` its `imageID`), by status. */
  statusDigests: (string | undefined)[] | undefined;
  /** Each container's resource strings (`liveContainerResource`), by container. */
  containerResources: { container: ManifestContainer; resource: Resource }[] | undefined;
  containerViews: readonly ContainerView[] | undefined;
  workloadView: WorkloadView | undefined;
  images: readonly LiveImage[] | undefined;
  gcrReferenceView: GcrReferenceView | undefined;
}

const parts = new WeakMap<K8sLiveObject, LiveParts>();

/** The record of `o`, made with its view on first use. */
export function livePartsOf(o: K8sLiveObject): LiveParts {
  let p = parts.get(o);
  if (!p) {
    // Every member set here, in one order: one shape for all records.
    p = {
      object: o,
      view: viewOfLive(o),
      resource: undefined,
      containers: undefined,
      controller: undefined,
      statuses: undefined,
      statusDigests: undefined,
      containerResources: undefined,
      containerViews: undefined,
      workloadView: undefined,
      images: undefined,
      gcrReferenceView: undefined,
    };
    parts.set(o, p);
  }
  return p;
}

/**
 * The records of a list of objects, in its order, made once per list: a view builder walks the shared list of
 * top-level workloads (`topLevelWorkloads`) with one look-up per list rather than one per object.
 */
export function livePartsOfEach(objects: readonly K8sLiveObject[]): readonly LiveParts[] {
  let list = partsLists.get(objects);
  if (!list || list.length !== objects.length) {
    list = objects.map(livePartsOf);
    partsLists.set(objects, list);
  }
  return list;
}
const partsLists = new WeakMap<readonly K8sLiveObject[], LiveParts[]>();

/** Records `parts` as the records of `objects` (same order), for `livePartsOfEach`. */
export function keepLivePartsOf(objects: readonly K8sLiveObject[], parts: LiveParts[]): void {
  partsLists.set(objects, parts);
}

/** The object's containers, as `containersOf(viewOf(o))` gives them (the same list), kept in its record. */
export function liveContainersOf(p: LiveParts): ManifestContainer[] {
  p.containers ??= containersOf(p.view);
  return p.containers;
}

/**
 * The object's resource (`liveResource(o)` of k8s-live.ts, made once): the resource of the live views' items
 * of it (workload, gcr-reference), shared rather than copied per view (a 16× cluster made 60,000 copies), so
 * an id read by several rules is one string, flattened and hashed once. Only read it.
 */
export function objectResourceStrings(p: LiveParts): Resource {
  if (!p.resource) {
    const o = p.object;
    // Literals, members in key order, as `liveResource` makes them.
    const declaredAs = keyString(
      declarationKey(
        o.namespace
          ? { layer: 'k8s', kind: o.kind, namespace: o.namespace, name: o.name }
          : { layer: 'k8s', kind: o.kind, name: o.name },
      ),
    );
    p.resource = o.namespace
      ? { declaredAs, id: declaredAs, kind: o.kind, name: o.name, namespace: o.namespace }
      : { declaredAs, id: declaredAs, kind: o.kind, name: o.name };
  }
  return p.resource;
}

/**
 * A container's resource (`liveContainerResource` of k8s-live.ts), made once per container. Like the
 * object's (`objectResourceStrings`) it is the very resource of the live views' items of it (container,
 * image): one object per container rather than one per view, nothing writes into a verdict's resource
 * (`locateByDeclaration` copies it), so only read it.
 */
export function containerResourceStrings(p: LiveParts, c: ManifestContainer): Resource {
  // A workload has a container or two: a search of the few made so far.
  let strings = p.containerResources?.find((e) => e.container === c)?.resource;
  if (!strings) {
    const declaredAs = objectResourceStrings(p).declaredAs!;
    const id = keyString(`${declaredAs}/${c.field}/${c.name}`);
    const kind = c.field === 'initContainers' ? 'InitContainer' : 'Container';
    const name = flatString(`${p.object.name}/${c.name}`);
    // Literals, members in key order, as `liveResource` makes them (the namespace too: views share the object).
    const namespace = p.object.namespace;
    strings = namespace ? { declaredAs, id, kind, name, namespace } : { declaredAs, id, kind, name };
    const made = { container: c, resource: strings };
    if (p.containerResources) p.containerResources.push(made);
    else p.containerResources = [made];
  }
  return strings;
}

/**
 * The string, its characters made one piece. A string built by `+` or a template literal is a tree of its
 * parts until its characters are first read, and its hash is worked out the first time a map looks it up;
 * both are then kept in the string. The engine's collapse map (`keyOf`), the sort and the reports read every
 * verdict's resource id after collection: made while the object is prepared (`prepareLiveObject`, during the
 * collection), that work is done while the next pages are awaited.
 */
function flatString(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** `flatString`, and hashed: the look-up's answer is used (`''` for `''`), so no compiler drops it. */
function keyString(text: string): string {
  return HASHED.has(flatString(text)) ? '' : text;
}
const HASHED: ReadonlySet<string> = new Set(['']);

/** The live object in the shape the manifest helpers take (`viewOf` in k8s-live.ts gives the one of its record). */
function viewOfLive(o: K8sLiveObject): K8sObject {
  // Members added in order rather than spread from temporaries (the key order is the same), to an object
  // with room for them (plain-objects.ts).
  const v = newLiveView();
  v.file = '';
  v.documentIndex = 0;
  v.apiVersion = o.apiVersion;
  v.kind = o.kind;
  v.name = o.name;
  if (o.namespace !== undefined) v.namespace = o.namespace;
  v.line = 1;
  v.object = o.object;
  v.positions = NO_POSITIONS;
  if (o.images) v.images = o.images;
  if (o.connectionUrls) v.connectionUrls = o.connectionUrls;
  return v;
}
/** file, documentIndex, apiVersion, kind, name, namespace, line, object, positions, images, connectionUrls. */
const newLiveView = plainObjectMaker<K8sObject>(11);
/** A live object has no source positions: one empty record for all of them (nothing writes positions). */
const NO_POSITIONS: K8sObject['positions'] = Object.freeze({});
