/**
 * How the app is reached, as manifests declare it: Services (LoadBalancer, internal or not), Ingresses,
 * their TLS, their backends, and GKE BackendConfigs attached through Service annotations.
 * Its own entry point (`@coditect-audit/core/views/k8s-network`), beside `k8s-app`, which it reads.
 */
import type { Expectations } from '../config.js';
import type { K8sObject } from '../snapshot/index.js';
import {
  annotationsOf,
  apiGroup,
  asArray,
  asNumber,
  asRecord,
  asString,
  inAppNamespace,
  namespaceOf,
  pointer,
  valueAt,
} from './k8s-app.js';

/** Annotations that make a GKE LoadBalancer Service internal (VPC-only). */
export const INTERNAL_LB_ANNOTATIONS = ['networking.gke.io/load-balancer-type', 'cloud.google.com/load-balancer-type'];
/** Ingress annotations that attach certificates without a `tls` section on GKE. */
export const TLS_ANNOTATIONS = ['networking.gke.io/managed-certificates', 'ingress.gcp.kubernetes.io/pre-shared-cert'];
export const BACKEND_CONFIG_ANNOTATIONS = ['cloud.google.com/backend-config', 'beta.cloud.google.com/backend-config'];

export function isService(o: K8sObject): boolean {
  return o.kind === 'Service' && apiGroup(o) === '';
}

export function isIngress(o: K8sObject): boolean {
  return o.kind === 'Ingress' && ['networking.k8s.io', 'extensions'].includes(apiGroup(o));
}

export function serviceType(o: K8sObject): string {
  return asString(valueAt(o.object, '/spec/type')) ?? 'ClusterIP';
}

/** The annotation that makes a LoadBalancer internal, when it is set to `Internal`. */
export function internalAnnotation(o: K8sObject): string | undefined {
  const annotations = annotationsOf(o);
  return INTERNAL_LB_ANNOTATIONS.find((k) => annotations[k]?.trim().toLowerCase() === 'internal');
}

/**
 * The pod labels that name an ingress controller (or a gateway's proxy) in the charts and manifests its project
 * publishes: ingress-nginx, NGINX Inc's, Traefik, Kong, HAProxy, Contour's Envoy, Emissary, Istio's gateway.
 */
const INGRESS_CONTROLLER_LABELS: readonly (readonly [string, RegExp])[] = [
  [
    'app.kubernetes.io/name',
    /^(?:ingress-nginx|nginx-ingress|traefik|kong|haproxy-ingress|kubernetes-ingress|contour|envoy|emissary-ingress)$/,
  ],
  ['app', /^(?:ingress-nginx|nginx-ingress|traefik|kong|haproxy-ingress|istio-ingressgateway|envoy)$/],
  ['istio', /^ingressgateway$/],
];

/**
 * The selector label that makes a Service an ingress controller's own front door (it selects the controller's
 * pods), as `key: value`; undefined for any other Service.
 */
export function ingressControllerSelector(o: K8sObject): string | undefined {
  const selector = asRecord(valueAt(o.object, '/spec/selector'));
  if (!selector) return undefined;
  for (const [key, names] of INGRESS_CONTROLLER_LABELS) {
    const value = asString(selector[key]);
    if (value !== undefined && names.test(value)) return `${key}: ${value}`;
  }
  return undefined;
}

/** LoadBalancer Services of the app namespace that face the internet. */
export function publicLoadBalancers(objects: K8sObject[], exp: Expectations): K8sObject[] {
  return objects.filter(
    (o) => isService(o) && inAppNamespace(o, exp) && serviceType(o) === 'LoadBalancer' && !internalAnnotation(o),
  );
}

export function appIngresses(objects: K8sObject[], exp: Expectations): K8sObject[] {
  return objects.filter((o) => isIngress(o) && inAppNamespace(o, exp));
}

/** How an Ingress gets a certificate: `spec.tls`, or a GKE certificate annotation; undefined when it has none. */
export function ingressTls(o: K8sObject): { pointer: string; how: string } | undefined {
  if (asArray(valueAt(o.object, '/spec/tls')).length > 0) return { pointer: '/spec/tls', how: 'spec.tls' };
  const annotations = annotationsOf(o);
  const key = TLS_ANNOTATIONS.find((k) => annotations[k]?.trim());
  return key ? { pointer: pointer('metadata', 'annotations', key), how: key } : undefined;
}

export interface IngressBackend {
  service: string;
  /** `port.number` / `port.name` (v1) or `servicePort` (v1beta1). */
  port: number | string | undefined;
  /** Pointer of the backend's service name inside the Ingress. */
  pointer: string;
}

/** Every Service an Ingress routes to: its default backend and every path backend, v1 and v1beta1 shapes. */
export function ingressBackends(o: K8sObject): IngressBackend[] {
  const out: IngressBackend[] = [];
  const read = (backend: unknown, at: string) => {
    const b = asRecord(backend);
    if (!b) return;
    const v1 = asRecord(b.service);
    if (v1) {
      const name = asString(v1.name);
      const port = asRecord(v1.port);
      if (name)
        out.push({
          service: name,
          port: asNumber(port?.number) ?? asString(port?.name),
          pointer: `${at}/service/name`,
        });
      return;
    }
    const name = asString(b.serviceName);
    if (name)
      out.push({
        service: name,
        port: asNumber(b.servicePort) ?? asString(b.servicePort),
        pointer: `${at}/serviceName`,
      });
  };
  read(valueAt(o.object, '/spec/defaultBackend'), '/spec/defaultBackend');
  read(valueAt(o.object, '/spec/backend'), '/spec/backend');
  asArray(valueAt(o.object, '/spec/rules')).forEach((rule, i) => {
    asArray(valueAt(rule, '/http/paths')).forEach((path, j) => {
      read(asRecord(path)?.backend, `/spec/rules/${i}/http/paths/${j}/backend`);
    });
  });
  return out;
}

export function findService(objects: K8sObject[], exp: Expectations, namespace: string, name: string) {
  return objects.find((o) => isService(o) && o.name === name && namespaceOf(o, exp) === namespace);
}

export interface BackendConfigRef {
  /** The annotation key used. */
  annotation: string;
  /** The BackendConfig name for the port, or undefined when the annotation names none for it. */
  name: string | undefined;
  /** Set when the annotation is not the JSON GKE expects. */
  invalid?: true;
}

/**
 * The BackendConfig a Service annotation attaches for a port: `{"ports": {"8000": "cfg"}}` by port number
 * or name, else `{"default": "cfg"}`. Undefined when the Service has no such annotation.
 */
export function backendConfigFor(
  service: K8sObject,
  port: number | string | undefined,
  servicePorts: { port?: number; name?: string }[] = servicePortsOf(service),
): BackendConfigRef | undefined {
  const annotations = annotationsOf(service);
  const annotation = BACKEND_CONFIG_ANNOTATIONS.find((k) => annotations[k] !== undefined);
  if (!annotation) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotations[annotation] ?? '');
  } catch {
    return { annotation, name: undefined, invalid: true };
  }
  const config = asRecord(parsed);
  if (!config) return { annotation, name: undefined, invalid: true };
  const ports = asRecord(config.ports) ?? {};
  // A backend named by port number may be configured under the port's name, and the other way round.
  const match = servicePorts.find((p) => p.port === port || (p.name !== undefined && p.name === port));
  const keys = [port, match?.port, match?.name].filter((k) => k !== undefined).map(String);
  for (const k of keys) {
    const name = asString(ports[k]);
    if (name) return { annotation, name };
  }
  return { annotation, name: asString(config.default) };
}

export function servicePortsOf(service: K8sObject): { port?: number; name?: string }[] {
  return asArray(valueAt(service.object, '/spec/ports')).map((p) => {
    const r = asRecord(p);
    const port = asNumber(r?.port);
    const name = asString(r?.name);
    return { ...(port !== undefined ? { port } : {}), ...(name !== undefined ? { name } : {}) };
  });
}

/** A GKE BackendConfig (cloud.google.com, any version) of that name in the namespace. */
export function findBackendConfig(
  objects: K8sObject[],
  exp: Expectations,
  namespace: string,
  name: string,
): K8sObject | undefined {
  return objects.find(
    (o) =>
      o.kind === 'BackendConfig' &&
      apiGroup(o) === 'cloud.google.com' &&
      o.name === name &&
      namespaceOf(o, exp) === namespace,
  );
}
