/**
 * The app exposure view: how the app namespace is reached from outside, per source: one `ExposureView` per
 * `type: LoadBalancer` Service and per Ingress that routes to a backend.
 * - `manifest`: as the repository's Kubernetes manifests declare them (file:line of each key);
 * - `k8s`: as the cluster runs them (`k8s.services`, `k8s.ingresses`), with the load balancer's address.
 */
import type { Expectations } from '../config.js';
import type { Location } from '../location.js';
import type { FacetMap, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  annotationsOf,
  asArray,
  asNumber,
  asRecord,
  asString,
  inAppNamespace,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  pointer,
  valueAt,
} from './k8s-app.js';

/** GKE Ingress: `"false"` removes the load balancer's HTTP frontend (only HTTPS is served). */
const ALLOW_HTTP = 'kubernetes.io/ingress.allow-http';
import { itemsOf, liveResource, viewOf } from './k8s-live.js';
import {
  appIngresses,
  ingressBackends,
  ingressControllerSelector,
  ingressTls,
  internalAnnotation,
  isService,
  serviceType,
} from './k8s-network.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface ExposurePort {
  /** The port number, or what the manifest wrote when it is not one (`?` when absent). */
  port: number | string;
  location?: Location;
}

export type ExposureView = {
  source: 'manifest' | 'k8s';
  resource: Resource;
  name: string;
  /** Where the object is named (manifest). */
  location?: Location;
} & (
  | {
      kind: 'LoadBalancer';
      /** The annotation that makes it internal (`networking.gke.io/load-balancer-type: Internal`), if any. */
      internal?: string;
      /** The selector label that makes it an ingress controller's own (`app.kubernetes.io/name: ingress-nginx`). */
      ingressController?: string;
      ports: ExposurePort[];
      /** k8s: `status.loadBalancer.ingress` IPs or host names. */
      addresses?: string[];
    }
  | {
      kind: 'Ingress';
      backends: string[];
      /** How it gets a certificate, and where (manifest); undefined without one. */
      tls?: { how: string; location?: Location };
      /** GKE's `kubernetes.io/ingress.allow-http: "false"`: the load balancer has no HTTP frontend, and where it says so. */
      httpDisabled?: { location?: Location };
      /** Where a missing `tls` would go (manifest: `spec`). */
      specLocation?: Location;
    }
);

function exposuresOf(
  objects: K8sObject[],
  exp: Expectations,
  source: 'manifest' | 'k8s',
  resourceOf: (o: K8sObject) => Resource,
): ExposureView[] {
  const files = source === 'manifest';
  const out: ExposureView[] = [];
  for (const svc of objects) {
    if (!isService(svc) || !inAppNamespace(svc, exp) || serviceType(svc) !== 'LoadBalancer') continue;
    const internal = internalAnnotation(svc);
    const ingressController = ingressControllerSelector(svc);
    const addresses = asArray(valueAt(svc.object, '/status/loadBalancer/ingress'))
      .map((i) => asString(asRecord(i)?.ip) ?? asString(asRecord(i)?.hostname))
      .filter((a): a is string => Boolean(a));
    out.push({
      source,
      resource: resourceOf(svc),
      name: svc.name,
      ...(files ? { location: objectLocation(svc) } : {}),
      kind: 'LoadBalancer',
      ...(internal ? { internal } : {}),
      ...(ingressController ? { ingressController } : {}),
      ports: asArray(valueAt(svc.object, '/spec/ports')).map((p, i) => ({
        port: asNumber(asRecord(p)?.port) ?? asString(asRecord(p)?.port) ?? '?',
        ...(files ? { location: locationAt(svc, `/spec/ports/${i}/port`) } : {}),
      })),
      ...(files ? {} : { addresses }),
    });
  }
  for (const ing of appIngresses(objects, exp)) {
    const backends = [...new Set(ingressBackends(ing).map((b) => b.service))];
    if (backends.length === 0) continue;
    const tls = ingressTls(ing);
    const httpOff = annotationsOf(ing)[ALLOW_HTTP]?.trim().toLowerCase() === 'false';
    out.push({
      source,
      resource: resourceOf(ing),
      name: ing.name,
      ...(files ? { location: objectLocation(ing) } : {}),
      kind: 'Ingress',
      backends,
      ...(tls ? { tls: { how: tls.how, ...(files ? { location: locationAt(ing, tls.pointer) } : {}) } } : {}),
      ...(httpOff
        ? {
            httpDisabled: files ? { location: locationAt(ing, pointer('metadata', 'annotations', ALLOW_HTTP)) } : {},
          }
        : {}),
      ...(files ? { specLocation: locationAt(ing, '/spec') } : {}),
    });
  }
  return out;
}

export function exposuresFromManifests(facet: FacetMap['files.kubernetes'], exp: Expectations): ViewSet<ExposureView> {
  const items = exposuresOf(manifestObjects(facet), exp, 'manifest', (o) => k8sResource(o, exp));
  return {
    items,
    empty: [],
    none: `the manifests declare no LoadBalancer Service or Ingress in the app namespace (${exp.app.namespace})`,
  };
}

export function exposuresFromCluster(
  facets: { 'k8s.services': FacetMap['k8s.services']; 'k8s.ingresses': FacetMap['k8s.ingresses'] },
  exp: Expectations,
): ViewSet<ExposureView> {
  const live = [...itemsOf(facets['k8s.services']), ...itemsOf(facets['k8s.ingresses'])];
  const byView = new Map(live.map((o) => [viewOf(o), o]));
  const items = exposuresOf([...byView.keys()], exp, 'k8s', (o) => liveResource(byView.get(o)!));
  return {
    items,
    empty: [],
    none: `the cluster runs no LoadBalancer Service or Ingress in the app namespace (${exp.app.namespace})`,
  };
}

/**
 * The sources of the `exposure` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const EXPOSURE_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => exposuresFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: ['k8s.services', 'k8s.ingresses'],
    build: (facet, exp) =>
      exposuresFromCluster({ 'k8s.services': facet('k8s.services'), 'k8s.ingresses': facet('k8s.ingresses') }, exp),
  },
} as const satisfies Record<string, ViewSource<ExposureView>>;
