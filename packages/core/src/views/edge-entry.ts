/**
 * The edge entry view: how the app's traffic enters, resolved as far as a source shows it, per source.
 * One `EdgeEntryView` per distinct Ingress backend (Service and port) of the app namespace, with its Service,
 * the BackendConfig its annotation names and that config's Cloud Armor policy; with no Ingress backend, one
 * per public LoadBalancer Service (which cannot carry a BackendConfig).
 * - `manifest`: as the repository's manifests declare them (file:line; an undeclared Service is skipped);
 * - `k8s`: as the cluster runs them (a Service or BackendConfig that is missing live is a finding).
 */
import type { Expectations } from '../config.js';
import type { Location } from '../location.js';
import type { FacetMap, K8sObject, TfAttribute, TfFile } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  annotationPointer,
  asString,
  k8sResource,
  locationAt,
  manifestObjects,
  namespaceOf,
  objectLocation,
  valueAt,
} from './k8s-app.js';
import { inScope, itemsOf, liveResource, viewOf } from './k8s-live.js';
import {
  appIngresses,
  type BackendConfigRef,
  backendConfigFor,
  findBackendConfig,
  findService,
  ingressBackends,
  publicLoadBalancers,
} from './k8s-network.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';
import { type Static, Type } from '@sinclair/typebox';
import { OptBool, OptStr, Read, Str } from '../layers/gcp-shapes.js';
import { lazySchema } from '../lazy-schema.js';

// ---------------------------------------------------------------- facets only this view reads

/** One Cloud Armor security policy (compute `securityPolicies.list`). */
export const GcpSecurityPolicySchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    type: OptStr,
    ruleCount: Type.Integer({ minimum: 0 }),
    adaptiveProtection: OptBool,
  }),
);
export type GcpSecurityPolicy = Static<typeof GcpSecurityPolicySchema>;

/** One global backend service (compute `backendServices.list`). */
export const GcpBackendServiceSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    loadBalancingScheme: OptStr,
    protocol: OptStr,
    /** Name of the attached Cloud Armor policy. */
    securityPolicy: OptStr,
  }),
);
export type GcpBackendService = Static<typeof GcpBackendServiceSchema>;

/** The gcp facets only this view reads (spread into layers/gcp.ts `GcpFacetSchemas`). */
export const EDGE_ENTRY_FACET_SCHEMAS = {
  /** compute securityPolicies.list and backendServices.list (global) */
  'gcp.compute-armor': lazySchema(() =>
    Type.Object({
      read: Read,
      securityPolicies: Type.Array(GcpSecurityPolicySchema),
      backendServices: Type.Array(GcpBackendServiceSchema),
    }),
  ),
} as const;
export interface EdgeEntryFacets {
  'gcp.compute-armor': {
    read: string[];
    securityPolicies: GcpSecurityPolicy[];
    backendServices: GcpBackendService[];
  };
}

export type EdgeEntryView = EdgeArmorView | KubernetesEdgeEntryView;

/**
 * OpenTofu and Compute Engine show the same protection one step further in: the Cloud Armor policy itself
 * and the backend services that must name it.
 * - `tf`: each declared `google_compute_security_policy` (`policy`), or `noPolicy` when none is; each
 *   external `google_compute_backend_service` (`backendService`, internal schemes need no policy);
 * - `gcp`: each backend service GKE made for the app namespace (`k8s1-…-<namespace>-…`), with whether the
 *   policy it names exists; `noBackend` when there is none.
 */
export type EdgeArmorView = { source: 'tf' | 'gcp'; resource: Resource; location?: Location } & (
  | { kind: 'policy'; address: string; name: string }
  /** `resource` names the first `.tf` file; the rule re-anchors it where the environment's provider is. */
  | { kind: 'noPolicy' }
  | { kind: 'backendService'; name: string; policy?: string; policyExists: boolean }
  | { kind: 'noBackend'; namespace: string; project: string; marker: string; observed: string | null }
);

export type KubernetesEdgeEntryView = { source: 'manifest' | 'k8s'; resource: Resource } & (
  | { kind: 'loadBalancer'; service: string; location?: Location }
  | {
      kind: 'backend';
      ingress: string;
      /** The Service as the Ingress names it, and the port (`default` when the backend names none). */
      service: string;
      port: number | string;
      /** Undefined when the Service does not exist (k8s); `resource` is then the Ingress. */
      found?: {
        serviceLocation?: Location;
        ref?: BackendConfigRef;
        refLocation?: Location;
        /** The BackendConfig named, when it exists; `missingPath` is the evidence path when it does not. */
        config?: {
          name: string;
          policy?: string;
          /** The verdict resource of a config without a policy (the Service in manifests, the config live). */
          resource: Resource;
          noPolicyLocation?: Location;
          noPolicyPath: string;
          policyLocation?: Location;
        };
        missingPath: string;
      };
    }
);

interface Reader {
  source: 'manifest' | 'k8s';
  objects: K8sObject[];
  resourceOf(o: K8sObject): Resource;
  service(ns: string, name: string): K8sObject | undefined;
  config(ns: string, name: string): K8sObject | undefined;
  /** A reason to skip when the Service or config was not read at all (k8s: namespace out of scope). */
  unreadServices(ns: string): string | undefined;
  unreadConfigs(ns: string): string | undefined;
  none: string;
}

function entries(r: Reader, exp: Expectations): ViewSet<EdgeEntryView> {
  const files = r.source === 'manifest';
  const items: KubernetesEdgeEntryView[] = [];
  const empty: ViewSet<EdgeEntryView>['empty'] = [];
  const ingresses = appIngresses(r.objects, exp).filter((i) => ingressBackends(i).length > 0);
  if (ingresses.length === 0) {
    for (const lb of publicLoadBalancers(r.objects, exp))
      items.push({
        source: r.source,
        resource: r.resourceOf(lb),
        kind: 'loadBalancer',
        service: lb.name,
        ...(files ? { location: locationAt(lb, '/spec/type') } : {}),
      });
    return { items, empty, none: r.none };
  }
  const seen = new Set<string>();
  for (const ing of ingresses) {
    const ns = files ? namespaceOf(ing, exp) : (ing.namespace ?? '');
    for (const backend of ingressBackends(ing)) {
      const key = `${backend.service}:${backend.port ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const base = {
        source: r.source,
        kind: 'backend' as const,
        ingress: ing.name,
        service: backend.service,
        port: backend.port ?? 'default',
      };
      const svc = r.service(ns, backend.service);
      if (!svc) {
        const unread = r.unreadServices(ns);
        if (files)
          empty.push({
            reason: `Service ${backend.service} (a backend of Ingress ${ing.name}) is not declared in the manifests`,
            resource: r.resourceOf(ing),
          });
        else if (unread) empty.push({ reason: unread, resource: r.resourceOf(ing) });
        else items.push({ ...base, resource: r.resourceOf(ing) });
        continue;
      }
      const resource = r.resourceOf(svc);
      const ref = backendConfigFor(svc, backend.port);
      const refLocation = ref && files ? locationAt(svc, annotationPointer(ref.annotation)) : undefined;
      const svcNs = files ? ns : (svc.namespace ?? '');
      const config = ref?.name && !ref.invalid ? r.config(svcNs, ref.name) : undefined;
      if (ref?.name && !ref.invalid && !config) {
        const unread = r.unreadConfigs(svcNs);
        if (unread) {
          empty.push({ reason: unread, resource });
          continue;
        }
      }
      const policy = config ? asString(valueAt(config.object, '/spec/securityPolicy/name')) : undefined;
      items.push({
        ...base,
        resource,
        found: {
          ...(files ? { serviceLocation: objectLocation(svc) } : {}),
          ...(ref ? { ref } : {}),
          ...(refLocation ? { refLocation } : {}),
          missingPath: files ? `BackendConfig/${ref?.name}` : `backendconfigs/${svcNs}/${ref?.name}`,
          ...(config
            ? {
                config: {
                  name: config.name,
                  ...(policy ? { policy } : {}),
                  resource: files ? resource : r.resourceOf(config),
                  ...(files
                    ? {
                        noPolicyLocation: locationAt(
                          config,
                          valueAt(config.object, '/spec') ? '/spec' : '/metadata/name',
                        ),
                        policyLocation: locationAt(config, '/spec/securityPolicy/name'),
                      }
                    : {}),
                  noPolicyPath: files
                    ? `BackendConfig/${config.name}.spec.securityPolicy.name`
                    : 'spec.securityPolicy.name',
                },
              }
            : {}),
        },
      });
    }
  }
  return { items, empty, none: r.none };
}

export function edgeEntriesFromManifests(
  facet: FacetMap['files.kubernetes'],
  exp: Expectations,
): ViewSet<EdgeEntryView> {
  const objects = manifestObjects(facet);
  return entries(
    {
      source: 'manifest',
      objects,
      resourceOf: (o) => k8sResource(o, exp),
      service: (ns, name) => findService(objects, exp, ns, name),
      config: (ns, name) => findBackendConfig(objects, exp, ns, name),
      unreadServices: () => undefined,
      unreadConfigs: () => undefined,
      none: 'the manifests declare no public entry for the app (no Ingress, no public LoadBalancer)',
    },
    exp,
  );
}

export const EDGE_FACETS = ['k8s.services', 'k8s.ingresses', 'k8s.backendconfigs'] as const;

export function edgeEntriesFromCluster(
  facets: {
    'k8s.services': FacetMap['k8s.services'];
    'k8s.ingresses': FacetMap['k8s.ingresses'];
    'k8s.backendconfigs': FacetMap['k8s.backendconfigs'];
  },
  exp: Expectations,
): ViewSet<EdgeEntryView> {
  const services = itemsOf(facets['k8s.services']);
  const configs = itemsOf(facets['k8s.backendconfigs']);
  const live = [...services, ...itemsOf(facets['k8s.ingresses'])];
  const byView = new Map(live.map((o) => [viewOf(o), o]));
  const configByView = new Map(configs.map((c) => [viewOf(c), c]));
  const serviceViews = new Map(services.map((s) => [s, [...byView].find(([, o]) => o === s)![0]]));
  return entries(
    {
      source: 'k8s',
      objects: [...byView.keys()],
      resourceOf: (o) => liveResource(byView.get(o) ?? configByView.get(o) ?? o),
      service: (ns, name) => {
        const s = services.find((x) => x.name === name && x.namespace === ns);
        return s ? serviceViews.get(s) : undefined;
      },
      config: (ns, name) => [...configByView.keys()].find((c) => c.name === name && c.namespace === ns),
      unreadServices: (ns) => (inScope(facets['k8s.services'], ns) ? undefined : `the Services of ${ns} were not read`),
      unreadConfigs: (ns) =>
        inScope(facets['k8s.backendconfigs'], ns) ? undefined : `the BackendConfigs of ${ns} were not read`,
      none: 'the app has no public entry in the cluster (no Ingress, no public LoadBalancer)',
    },
    exp,
  );
}

/** Backend services that serve internal load balancers, where Cloud Armor does not apply. */
const INTERNAL_SCHEMES = new Set(['INTERNAL', 'INTERNAL_MANAGED', 'INTERNAL_SELF_MANAGED']);

const literal = (a: TfAttribute | undefined) => (typeof a?.value === 'string' ? a.value : undefined);
const expression = (a: TfAttribute | undefined) => {
  const v = a?.value as { expression?: unknown } | undefined;
  return v && typeof v === 'object' && typeof v.expression === 'string' ? v.expression : undefined;
};
const at = (file: TfFile, node: { file?: string; line: number; column: number }): Location => ({
  file: node.file ?? file.file,
  startLine: node.line,
  startColumn: node.column,
});

export function edgeEntriesFromTerraform(facet: FacetMap['files.terraform']): ViewSet<EdgeEntryView> {
  const items: EdgeArmorView[] = [];
  if (facet.files.length === 0) return { items, empty: [], none: 'the repository has no .tf files' };
  const declared = (type: string) =>
    facet.files.flatMap((file) =>
      file.blocks
        .filter((b) => b.type === 'resource' && b.labels[0] === type && b.labels[1])
        .map((block) => ({ file, block, name: block.labels[1]! })),
    );
  // `file#type.name`, as the per-layer rule named them (stable across line moves).
  const resourceOf = (file: TfFile, type: string, name: string): Resource => ({
    id: `${file.file}#${type}.${name}`,
    kind: type,
    name,
    file: file.file,
  });
  const policies = declared('google_compute_security_policy');
  if (policies.length === 0)
    items.push({
      source: 'tf',
      kind: 'noPolicy',
      resource: {
        id: `${facet.files.map((f) => f.file).sort()[0]}#google_compute_security_policy`,
        kind: 'google_compute_security_policy',
        name: 'cloud-armor',
        file: facet.files.map((f) => f.file).sort()[0]!,
      },
    });
  for (const p of policies)
    items.push({
      source: 'tf',
      kind: 'policy',
      resource: resourceOf(p.file, 'google_compute_security_policy', p.name),
      location: at(p.file, p.block),
      address: `google_compute_security_policy.${p.name}`,
      name: literal(p.block.attributes.name) ?? p.name,
    });
  for (const b of declared('google_compute_backend_service')) {
    const scheme = literal(b.block.attributes.load_balancing_scheme)?.toUpperCase();
    if (scheme && INTERNAL_SCHEMES.has(scheme)) continue;
    const attr = b.block.attributes.security_policy;
    const policy = literal(attr) ?? expression(attr);
    items.push({
      source: 'tf',
      kind: 'backendService',
      resource: resourceOf(b.file, 'google_compute_backend_service', b.name),
      location: attr && policy ? at(b.file, attr) : at(b.file, b.block),
      name: `google_compute_backend_service.${b.name}`,
      ...(attr && policy ? { policy } : {}),
      policyExists: Boolean(attr && policy),
    });
  }
  return { items, empty: [], none: 'the repository has no .tf files' };
}

export function edgeEntriesFromGcp(facet: FacetMap['gcp.compute-armor'], exp: Expectations): ViewSet<EdgeEntryView> {
  const { project, app } = exp;
  const none = `the Compute Engine backend services of ${project} were not read`;
  if (!facet.read.includes(`projects/${project}`)) return { items: [], empty: [], none };
  const marker = `-${app.namespace}-`;
  const backends = facet.backendServices.filter((b) => b.project === project && b.name.includes(marker));
  if (backends.length === 0)
    return {
      items: [
        {
          source: 'gcp',
          kind: 'noBackend',
          resource: { id: `gcp:project/${project}`, kind: 'GcpProject', name: project },
          namespace: app.namespace,
          project,
          marker,
          observed: facet.backendServices.map((b) => b.name).join(', ') || null,
        },
      ],
      empty: [],
      none,
    };
  const policies = new Set(facet.securityPolicies.filter((p) => p.project === project).map((p) => p.name));
  return {
    items: backends.map((b) => ({
      source: 'gcp' as const,
      kind: 'backendService' as const,
      resource: { id: `gcp:backendservice/${project}/${b.name}`, kind: 'BackendService', name: b.name },
      name: b.name,
      ...(b.securityPolicy ? { policy: b.securityPolicy } : {}),
      policyExists: b.securityPolicy !== undefined && policies.has(b.securityPolicy),
    })),
    empty: [],
    none,
  };
}

/**
 * The sources of the `edge-entry` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const EDGE_ENTRY_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => edgeEntriesFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: EDGE_FACETS,
    build: (facet, exp) =>
      edgeEntriesFromCluster(
        Object.fromEntries(EDGE_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof edgeEntriesFromCluster>[0],
        exp,
      ),
  },
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet) => edgeEntriesFromTerraform(facet('files.terraform')),
  },
  gcp: {
    layer: 'gcp',
    facets: ['gcp.compute-armor'],
    build: (facet, exp) => edgeEntriesFromGcp(facet('gcp.compute-armor'), exp),
  },
} as const satisfies Record<string, ViewSource<EdgeEntryView>>;
