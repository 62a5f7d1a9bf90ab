/**
 * What the live workload views show of one object, made as soon as the object is final: the Kubernetes
 * collector calls `prepareLiveObject` for each item it has finished (redacted, with its parsed parts) while
 * its list's next page is in flight, so the view builders after collection only assemble (issue 19). All of
 * it is kept in the object's record (live-parts.ts: its view, containers, resource strings, owner, container
 * statuses and their image digests, the views of it that depend on it alone), exactly what the builders
 * would make of it later; nothing here reads another object.
 */
import type { K8sLiveObject } from '../layers/k8s.js';
import { gcrReferenceViewOfParts } from './gcr-reference.js';
import { liveImagesOfParts } from './image.js';
import {
  isTopLevelWorkload,
  statusDigestsOfParts,
  TOP_LEVEL_ORDER,
  WORKLOAD_FACETS,
  type WorkloadFacet,
} from './k8s-live.js';
import { type LiveParts, livePartsOf } from './live-parts.js';
import { containerViewsOfParts } from './workload.js';
import { workloadViewOfParts } from './workload-object.js';

const WORKLOAD_FACET_SET: ReadonlySet<string> = new Set(WORKLOAD_FACETS);

/**
 * Makes (and keeps) the per-object parts of the live views for an object of facet `facet`. Call it only on
 * an object that will not change: one already redacted, as the facet will hold it. Never throws: what cannot
 * be made of the object now is made again, and fails there, when a rule asks for it.
 */
export function prepareLiveObject(facet: string, o: K8sLiveObject): void {
  if (!WORKLOAD_FACET_SET.has(facet)) return;
  try {
    const parts = livePartsOf(o);
    if (facet === 'k8s.pods') statusDigestsOfParts(parts);
    if (!isTopLevelWorkload(facet as WorkloadFacet, parts)) return;
    containerViewsOfParts(parts);
    workloadViewOfParts(parts);
    liveImagesOfParts(parts);
    gcrReferenceViewOfParts(parts);
  } catch {
    // Made again when a rule asks, where the failure is that rule's to report.
  }
}

/** The view kinds whose `k8s` items are made of one live workload alone (the builders list the same). */
const LIVE_ITEM_KINDS: ReadonlySet<string> = new Set(['container', 'workload', 'gcr-reference']);

/** Whether the `source` items of view `kind` are made per live object (`liveItemsOf` gives them). */
export function hasLiveItems(kind: string, source: string): boolean {
  return source === 'k8s' && LIVE_ITEM_KINDS.has(kind);
}

/**
 * The record of the live object `o` of facet `facet` when the live views show it as a workload of its own (a
 * top-level workload, `liveItemsOf` gives its items); undefined for any other object, or one whose record
 * cannot be made now. Call it only on an object that will not change.
 */
export function shownWorkloadParts(facet: string, o: K8sLiveObject): LiveParts | undefined {
  if (!WORKLOAD_FACET_SET.has(facet)) return undefined;
  try {
    const parts = livePartsOf(o);
    return isTopLevelWorkload(facet as WorkloadFacet, parts) ? parts : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `k8s` items of view `kind` that show the workload of a record (`shownWorkloadParts`), as the view's
 * builder lists them (the same objects, made once: `prepareLiveObject`); undefined when the kind's items are
 * not made per object or cannot be made now (a rule that asks makes them again, and fails there).
 */
export function liveItemsOf(kind: string, parts: LiveParts): readonly object[] | undefined {
  try {
    switch (kind) {
      case 'container':
        return containerViewsOfParts(parts);
      case 'workload':
        return [workloadViewOfParts(parts)];
      case 'gcr-reference':
        return [gcrReferenceViewOfParts(parts)];
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * The facets whose objects' items (`liveItemsOf`) the builders list, in the order they list them: facet after
 * facet, each in its list's order, an object's items in their order.
 */
export const LIVE_ITEM_FACETS: readonly string[] = TOP_LEVEL_ORDER;
