/**
 * Views (issue #18): what every layer shows of one resource kind, normalised, built once per evaluation
 * (memoised on the facet data) and read by rules. A view kind lists its sources; each source names the layer
 * and facets it is built from. `@coditect-audit/core/views` also carries the readers the builders share with
 * rules that do not use views yet (OpenTofu reads, manifest containers, live Kubernetes objects).
 */
import type { Expectations } from '../config.js';
import { type FacetMap, type FacetName, type Layer, layerOfFacet } from '../snapshot/index.js';
import { SQL_INSTANCE_SOURCES, type SqlInstanceView, type ViewSet } from './sql-instance.js';
import { API_OBJECT_SOURCES, type ApiObjectView } from './api-object.js';
import { APP_DEPLOYMENT_SOURCES, type AppDeploymentView } from './app-deployment.js';
import { DB_USER_SOURCES, type DbUserView } from './db-user.js';
import { EDGE_ENTRY_SOURCES, type EdgeEntryView } from './edge-entry.js';
import { EXPOSURE_SOURCES, type ExposureView } from './exposure.js';
import { GCR_REFERENCE_SOURCES, type GcrReferenceView } from './gcr-reference.js';
import { GKE_CLUSTER_SOURCES, type GkeClusterView } from './gke-cluster.js';
import { IMAGE_SOURCES, type ImageView } from './image.js';
import { IMAGE_PLATFORM_SOURCES, type ImagePlatformView } from './image-platform.js';
import { KMS_KEY_SOURCES, type KmsKeyView } from './kms-key.js';
import { KMS_KEY_ACCESS_SOURCES, type KmsKeyAccessView } from './kms-key-access.js';
import { KSA_BINDING_SOURCES, type KsaBindingView } from './ksa-binding.js';
import { REDIS_INSTANCE_SOURCES, type RedisInstanceView } from './redis-instance.js';
import { SECRET_SOURCES, type SecretView } from './secret.js';
import { SECRET_MANAGER_SECRET_SOURCES, type SecretManagerSecretView } from './secret-manager-secret.js';
import { SECRET_PROVENANCE_SOURCES, type SecretProvenanceView } from './secret-provenance.js';
import { TLS_CERTIFICATE_SOURCES, type TlsCertificateView } from './tls-certificate.js';
import { CONTAINER_SOURCES, type ContainerView } from './workload.js';
import { WORKLOAD_SOURCES, type WorkloadView } from './workload-object.js';

export * from './attribute.js';
export * from './cloudsql.js';
export * from './containers.js';
export * from './db-user.js';
export * from './edge-entry.js';
export * from './exposure.js';
export * from './image.js';
export * from './k8s-live.js';
export * from './secret.js';
export * from './sql-instance.js';
export * from './terraform.js';
export * from './workload.js';
export * from './workload-object.js';
export * from './redis-instance.js';
export * from './gke-cluster.js';
export * from './kms.js';
export * from './kms-key.js';
export * from './kms-key-access.js';
export * from './secret-manager-secret.js';
export * from './gcr-reference.js';
export * from './ksa-binding.js';
export * from './secret-provenance.js';
export * from './api-object.js';
export * from './tls-certificate.js';
export * from './image-platform.js';
export * from './app-deployment.js';
export * from './live-object.js';

type Read = <K extends FacetName>(name: K) => FacetMap[K];

export interface ViewSource<V> {
  layer: Layer;
  facets: readonly FacetName[];
  /** Facets a rule may add to this source (`sources: { gcp: { facets: [...] } }`); the builder reads them when `has`. */
  optionalFacets?: readonly FacetName[];
  /**
   * Facets this source reads when present: absent with their layer collected (a CRD that is not installed) is
   * data, "none of these exist", not a skip; the builder reads one only when `has` it.
   */
  facetsIfPresent?: readonly FacetName[];
  /** Asks `has` while it builds, never later: a set built without asking is shared by every rule of the source. */
  build(facet: Read, expectations: Expectations, has: (name: FacetName) => boolean): ViewSet<V>;
}

/**
 * Every view kind and the sources that show it (layer, facets, builder). Each kind's module declares its
 * sources beside their builders (`SQL_INSTANCE_SOURCES`, ...): a source that reads one more facet, or an
 * attribute filled from a new facet, is a change in that module alone. A new kind is listed here.
 */
export const VIEWS = {
  'sql-instance': SQL_INSTANCE_SOURCES,
  container: CONTAINER_SOURCES,
  image: IMAGE_SOURCES,
  secret: SECRET_SOURCES,
  workload: WORKLOAD_SOURCES,
  exposure: EXPOSURE_SOURCES,
  'db-user': DB_USER_SOURCES,
  'edge-entry': EDGE_ENTRY_SOURCES,
  'redis-instance': REDIS_INSTANCE_SOURCES,
  'gke-cluster': GKE_CLUSTER_SOURCES,
  'kms-key': KMS_KEY_SOURCES,
  'kms-key-access': KMS_KEY_ACCESS_SOURCES,
  'secret-manager-secret': SECRET_MANAGER_SECRET_SOURCES,
  'gcr-reference': GCR_REFERENCE_SOURCES,
  'ksa-binding': KSA_BINDING_SOURCES,
  'secret-provenance': SECRET_PROVENANCE_SOURCES,
  'api-object': API_OBJECT_SOURCES,
  'tls-certificate': TLS_CERTIFICATE_SOURCES,
  'image-platform': IMAGE_PLATFORM_SOURCES,
  'app-deployment': APP_DEPLOYMENT_SOURCES,
} as const;

export type ViewKind = keyof typeof VIEWS;
export interface ViewOf {
  'sql-instance': SqlInstanceView;
  container: ContainerView;
  image: ImageView;
  secret: SecretView;
  workload: WorkloadView;
  exposure: ExposureView;
  'db-user': DbUserView;
  'edge-entry': EdgeEntryView;
  'redis-instance': RedisInstanceView;
  'gke-cluster': GkeClusterView;
  'kms-key': KmsKeyView;
  'kms-key-access': KmsKeyAccessView;
  'secret-manager-secret': SecretManagerSecretView;
  'gcr-reference': GcrReferenceView;
  'ksa-binding': KsaBindingView;
  'secret-provenance': SecretProvenanceView;
  'api-object': ApiObjectView;
  'tls-certificate': TlsCertificateView;
  'image-platform': ImagePlatformView;
  'app-deployment': AppDeploymentView;
}
export type SourceOf<K extends ViewKind> = keyof (typeof VIEWS)[K] & string;

/**
 * How a declaration is paired with what runs, per view kind: the key both sides share (the instance name;
 * kind/namespace/name/container), or undefined when a side does not settle it.
 */
export const PAIRING: {
  [K in ViewKind]: { declared: SourceOf<K>; live: SourceOf<K>; key(v: ViewOf[K]): string | undefined };
} = {
  'sql-instance': {
    declared: 'tf',
    live: 'gcp',
    key: (v) => (v.name.certainty === 'decided' ? String(v.name.value) : undefined),
  },
  container: {
    declared: 'manifest',
    live: 'k8s',
    key: (v) => {
      const o = v.ref.object;
      return `${o.kind}/${o.namespace ?? '-'}/${o.name}/${v.ref.field}/${v.ref.name}`;
    },
  },
  image: { declared: 'manifest', live: 'k8s', key: (v) => v.pairingKey },
  secret: { declared: 'manifest', live: 'k8s', key: (v) => `${v.resource.namespace ?? '-'}/${v.name}` },
  'db-user': {
    declared: 'manifest',
    live: 'k8s',
    key: (v) =>
      v.source === 'manifest' || v.source === 'k8s' ? `${v.resource.namespace ?? '-'}/${v.setting}` : undefined,
  },
  'edge-entry': {
    declared: 'manifest',
    live: 'k8s',
    key: (v) =>
      v.kind === 'backend'
        ? `${v.ingress}/${v.service}/${v.port}`
        : v.kind === 'loadBalancer'
          ? `LoadBalancer/${v.service}`
          : undefined,
  },
  exposure: { declared: 'manifest', live: 'k8s', key: (v) => `${v.kind}/${v.resource.namespace ?? '-'}/${v.name}` },
  workload: { declared: 'manifest', live: 'k8s', key: (v) => `${v.kind}/${v.resource.namespace ?? '-'}/${v.name}` },
  'redis-instance': {
    declared: 'tf',
    live: 'gcp',
    key: (v) => (v.name.certainty === 'decided' ? String(v.name.value) : undefined),
  },
  'gke-cluster': {
    declared: 'tf',
    live: 'gcp',
    key: (v) => (v.name.certainty === 'decided' ? String(v.name.value) : undefined),
  },
  // Both sides show the one expected key (expectations.kms): a declared match pairs with the live key.
  'kms-key': {
    declared: 'tf',
    live: 'gcp',
    key: (v) => (v.identity === 'match' ? 'expected' : undefined),
  },
  // Grants are compared grant by grant within a source; nothing pairs a declaration with a live grant yet.
  'kms-key-access': { declared: 'tf', live: 'gcp', key: () => undefined },
  // Both sides show each expected secret id: `drift` is not judged (the live check already names what is missing).
  'secret-manager-secret': { declared: 'tf', live: 'gcp', key: (v) => v.name },
  // A file and a workload are different resources: nothing pairs them.
  'gcr-reference': { declared: 'files', live: 'k8s', key: () => undefined },
  // One view per source (the app's ServiceAccount): each source judges it; `drift` is not judged.
  'ksa-binding': { declared: 'manifest', live: 'k8s', key: () => 'app' },
  'secret-provenance': { declared: 'manifest', live: 'k8s', key: (v) => `${v.namespace}/${v.name}` },
  'api-object': {
    declared: 'manifest',
    live: 'k8s',
    key: (v) => `${v.kind}/${v.resource.namespace ?? '-'}/${v.name}`,
  },
  // No source declares a certificate the live ones could be paired with.
  'tls-certificate': { declared: 'k8s', live: 'gcp', key: () => undefined },
  // Every source is live; the join is the cross-layer verdict.
  'image-platform': { declared: 'gcp', live: 'k8s', key: () => undefined },
  'app-deployment': { declared: 'manifest', live: 'k8s', key: (v) => v.name },
};

type ByExpectations = WeakMap<Expectations, Map<string, ViewSet<unknown>>>;
const memo = new WeakMap<object, ByExpectations>();
/** A join's further facets, one level each (see `viewsOf`). */
const joinMemo = new WeakMap<ByExpectations, WeakMap<object, ByExpectations>>();

/**
 * The views a source shows, built once per facet data and expectations: every rule that reads the same
 * view of the same snapshot gets the same objects.
 */
export function viewsOf<K extends ViewKind>(
  kind: K,
  source: SourceOf<K>,
  facet: Read,
  expectations: Expectations,
  has: (name: FacetName) => boolean = () => false,
): ViewSet<ViewOf[K]> {
  const spec = (VIEWS[kind] as unknown as Record<string, ViewSource<ViewOf[K]>>)[source];
  if (!spec) throw new Error(`view "${kind}" has no source "${source}"`);
  const anchor = facet(spec.facets[0]!) as object;
  let byExp: ByExpectations | undefined = memo.get(anchor);
  if (!byExp) {
    byExp = new WeakMap();
    memo.set(anchor, byExp);
  }
  // A source over several layers (a join) is keyed on each of its facets: the fleet runs it once per
  // combination of targets (two clusters, one database), where the first facet alone is the same data.
  const joins = new Set(spec.facets.map(layerOfFacet)).size > 1;
  for (const name of joins ? spec.facets.slice(1) : []) {
    const data = facet(name) as object;
    let byData = joinMemo.get(byExp);
    if (!byData) {
      byData = new WeakMap();
      joinMemo.set(byExp, byData);
    }
    let next: ByExpectations | undefined = byData.get(data);
    if (!next) {
      next = new WeakMap();
      byData.set(data, next);
    }
    byExp = next;
  }
  let byKind = byExp.get(expectations);
  if (!byKind) {
    byKind = new Map();
    byExp.set(expectations, byKind);
  }
  const extra = [...(spec.optionalFacets ?? []), ...(spec.facetsIfPresent ?? [])].filter(has);
  // A set built without asking for an optional facet is the same whatever a rule adds: built once for all
  // (the container view of 17,000 manifest containers was built twice at 16×, with and without Dockerfiles).
  const shared = `${kind}\u0000${source}`;
  const key = `${shared}\u0000${extra.join(',')}`;
  let set = (byKind.get(shared) ?? byKind.get(key)) as ViewSet<ViewOf[K]> | undefined;
  if (!set) {
    let asked = false;
    set = spec.build(facet, expectations, (name) => {
      asked = true;
      return has(name);
    });
    byKind.set(asked ? key : shared, set as ViewSet<unknown>);
  }
  return set;
}
