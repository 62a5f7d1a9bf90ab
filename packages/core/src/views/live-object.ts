/**
 * What the live workload views show of one object, made as soon as the object is final: the Kubernetes
 * collector calls `prepareLiveObject` for each item it has finished (redacted, with its parsed parts) while
 * its list's next page is in flight, so the view builders after collection only assemble (issue 19: at 16×,
 * ~150 ms of evaluation moved into the wait for the pods' last pages). Everything made here is memoised on the
 * object (its view, containers, resources, owner, container statuses, the views of it that depend on it
 * alone), exactly what the builders would make of it later; nothing here depends on another object.
 */
import type { K8sLiveObject } from '../layers/k8s.js';
import { liveGcrReferenceView } from './gcr-reference.js';
import { liveImages } from './image.js';
import { containerStatuses, isTopLevelWorkload, viewOf, WORKLOAD_FACETS, type WorkloadFacet } from './k8s-live.js';
import { liveContainerViews } from './workload.js';
import { liveWorkloadView } from './workload-object.js';

const WORKLOAD_FACET_SET: ReadonlySet<string> = new Set(WORKLOAD_FACETS);

/**
 * Makes (and memoises) the per-object parts of the live views for an object of facet `facet`. Call it only on
 * an object that will not change: one already redacted, the very object the facet will hold. Never throws:
 * what cannot be made of the object now is made again, and fails there, when a rule asks for it.
 */
export function prepareLiveObject(facet: string, o: K8sLiveObject): void {
  if (!WORKLOAD_FACET_SET.has(facet)) return;
  try {
    viewOf(o);
    if (facet === 'k8s.pods') containerStatuses(o);
    if (!isTopLevelWorkload(facet as WorkloadFacet, o)) return;
    liveContainerViews(o);
    liveWorkloadView(o);
    liveImages(o);
    liveGcrReferenceView(o);
  } catch {
    // Made again when a rule asks, where the failure is that rule's to report.
  }
}
