/**
 * The Workload Identity binding view, Kubernetes side (ADR-001 Issue 5, steps 1 to 3): one `KsaBindingView`
 * per source, for the app's ServiceAccount (`expectations.app.serviceAccount` in the app namespace).
 * - `manifest`: the ServiceAccount and the app's Deployment as the repository declares them (file:line);
 * - `k8s`: the live ServiceAccount and Deployment, and the node pools (whether their nodes run the GKE
 *   metadata server, without which no pod can use Workload Identity).
 * The Google side (roles/iam.workloadIdentityUser on the Google service account) is not here: it is another
 * object's policy (gcp-workload-identity-binding).
 */
import type { Expectations } from '../config.js';
import type { K8sNode } from '../layers/k8s.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  annotationPointer,
  annotationsOf,
  appDeployment,
  findObject,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  valueAt,
} from './k8s-app.js';
import { annotationsOfLive, asString, inScope, itemsOf, liveResource, podSpecOf } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export const WORKLOAD_IDENTITY_ANNOTATION = 'iam.gke.io/gcp-service-account';
/** GKE sets this node label on node pools that run the GKE metadata server (Workload Identity). */
export const METADATA_SERVER_LABEL = 'iam.gke.io/gke-metadata-server-enabled';

/**
 * A Google service account email: user-managed (`name@project.iam.gserviceaccount.com`) or one of
 * Google's default accounts (`123-compute@developer.gserviceaccount.com`, `project@appspot.gserviceaccount.com`).
 */
const GSA_EMAIL =
  /^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9.:-]{4,61}[a-z0-9]\.iam\.gserviceaccount\.com|\d+-compute@developer\.gserviceaccount\.com|[a-z][a-z0-9.:-]*@appspot\.gserviceaccount\.com)$/;

export interface KsaBindingView {
  source: 'manifest' | 'k8s';
  /** The app's ServiceAccount; undefined when the source did not read its namespace. */
  serviceAccount?: {
    name: string;
    namespace: string;
    resource: Resource;
    /** Declared (manifest) or present (k8s). */
    found: boolean;
    /** The annotation's value, trimmed; undefined when absent. */
    annotation?: string;
    /** Whether `annotation` is a Google service account email. */
    annotationIsEmail: boolean;
    /** manifest: the ServiceAccount object, and the annotation's line when there is one. */
    location?: Location;
    annotationLocation?: Location;
  };
  /** The app's Deployment, when the source shows it: the ServiceAccount its pods run as. */
  deployment?: {
    name: string;
    resource: Resource;
    /** `default` when no field sets it. */
    used: string;
    /** manifest: `serviceAccountName`, or the deprecated `serviceAccount` the API server still honours. */
    field?: string;
    location?: Location;
  };
  /** k8s: node pools, with their nodes not labelled as running the GKE metadata server. */
  nodePools: { pool: string; resource: Resource; without: { node: string; label: string | null }[] }[];
}

export function ksaBindingFromManifests(
  facet: FacetMap['files.kubernetes'],
  exp: Expectations,
): ViewSet<KsaBindingView> {
  const objects = manifestObjects(facet);
  const expected = exp.app.serviceAccount;
  const ns = exp.app.namespace;
  const sa = findObject(objects, exp, 'ServiceAccount', ns, expected);
  const annotation = sa ? annotationsOf(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim() : undefined;
  const deployment = appDeployment(objects, exp);
  const podSpec = '/spec/template/spec';
  // `serviceAccount` is the deprecated spelling; the API server still honours it when the new one is unset.
  const field = deployment
    ? ['serviceAccountName', 'serviceAccount'].find((f) => asString(valueAt(deployment.object, `${podSpec}/${f}`)))
    : undefined;
  const view: KsaBindingView = {
    source: 'manifest',
    serviceAccount: sa
      ? {
          name: sa.name,
          namespace: ns,
          resource: k8sResource(sa, exp),
          found: true,
          ...(annotation !== undefined ? { annotation } : {}),
          annotationIsEmail: annotation !== undefined && GSA_EMAIL.test(annotation),
          location: objectLocation(sa),
          annotationLocation: locationAt(sa, annotationPointer(WORKLOAD_IDENTITY_ANNOTATION)),
        }
      : {
          name: expected,
          namespace: ns,
          resource: { id: `ServiceAccount/${ns}/${expected}`, kind: 'ServiceAccount', name: expected, namespace: ns },
          found: false,
          annotationIsEmail: false,
        },
    ...(deployment
      ? {
          deployment: {
            name: deployment.name,
            resource: k8sResource(deployment, exp),
            used: field ? (asString(valueAt(deployment.object, `${podSpec}/${field}`)) ?? 'default') : 'default',
            ...(field ? { field } : {}),
            location: locationAt(deployment, field ? `${podSpec}/${field}` : podSpec),
          },
        }
      : {}),
    nodePools: [],
  };
  return { items: [view], empty: [], none: '' };
}

export const KSA_BINDING_FACETS = ['k8s.serviceaccounts', 'k8s.deployments', 'k8s.nodes'] as const;

export function ksaBindingFromCluster(
  facets: { [K in (typeof KSA_BINDING_FACETS)[number]]: FacetMap[K] },
  exp: Expectations,
): ViewSet<KsaBindingView> {
  const ns = exp.app.namespace;
  const expected = exp.app.serviceAccount;
  const accounts = facets['k8s.serviceaccounts'];
  let serviceAccount: KsaBindingView['serviceAccount'];
  if (inScope(accounts, ns)) {
    const sa = itemsOf(accounts).find((s) => s.name === expected && s.namespace === ns);
    const annotation = sa ? annotationsOfLive(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim() : undefined;
    serviceAccount = {
      name: expected,
      namespace: ns,
      resource: liveResource(sa ?? { kind: 'ServiceAccount', name: expected, namespace: ns }),
      found: sa !== undefined,
      ...(annotation !== undefined ? { annotation } : {}),
      annotationIsEmail: annotation !== undefined && GSA_EMAIL.test(annotation),
    };
  }
  const d = itemsOf(facets['k8s.deployments']).find((x) => x.name === exp.app.deployment && x.namespace === ns);
  const pools = new Map<string, K8sNode[]>();
  for (const n of itemsOf(facets['k8s.nodes'])) {
    const pool = n.labels['cloud.google.com/gke-nodepool'] ?? n.name;
    pools.set(pool, [...(pools.get(pool) ?? []), n]);
  }
  const view: KsaBindingView = {
    source: 'k8s',
    ...(serviceAccount ? { serviceAccount } : {}),
    ...(d
      ? {
          deployment: {
            name: d.name,
            resource: liveResource(d),
            used: asString(podSpecOf(d)?.serviceAccountName) ?? 'default',
          },
        }
      : {}),
    nodePools: [...pools]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pool, nodes]) => ({
        pool,
        resource: {
          id: `k8s:NodePool/-/${pool}`,
          kind: 'NodePool',
          name: pool,
          declaredAs: `tf:google_container_node_pool/${pool}`,
        },
        without: nodes
          .filter((n) => n.labels[METADATA_SERVER_LABEL] !== 'true')
          .map((n) => ({ node: n.name, label: n.labels[METADATA_SERVER_LABEL] ?? null })),
      })),
  };
  return { items: [view], empty: [], none: '' };
}

/**
 * The sources of the `ksa-binding` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const KSA_BINDING_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => ksaBindingFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: KSA_BINDING_FACETS,
    build: (facet, exp) =>
      ksaBindingFromCluster(
        Object.fromEntries(KSA_BINDING_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof ksaBindingFromCluster>[0],
        exp,
      ),
  },
} as const satisfies Record<string, ViewSource<KsaBindingView>>;
