/**
 * Views (issue #18): what every layer shows of one resource kind, normalised, built once per evaluation
 * (memoised on the facet data) and read by rules. A view kind lists its sources; each source names the layer
 * and facets it is built from. `@coditect-audit/core/views` also carries the readers the builders share with
 * rules that do not use views yet (OpenTofu reads, manifest containers, live Kubernetes objects).
 */
import type { Expectations } from '../config.js';
import type { FacetMap, FacetName, Layer } from '../snapshot/index.js';
import { type DbUserView, dbUsersFromCluster, dbUsersFromManifests, dbUsersFromProbe } from './db-user.js';
import {
  EDGE_FACETS,
  type EdgeEntryView,
  edgeEntriesFromCluster,
  edgeEntriesFromGcp,
  edgeEntriesFromManifests,
  edgeEntriesFromTerraform,
} from './edge-entry.js';
import { type ExposureView, exposuresFromCluster, exposuresFromManifests } from './exposure.js';
import {
  type ImageView,
  imagesFromCluster,
  imagesFromDockerfiles,
  imagesFromManifests,
  imagesFromRegistry,
} from './image.js';
import { WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import { SECRET_FACETS, type SecretView, secretsFromCluster, secretsFromManifests } from './secret.js';
import { SQL_INSTANCE_SOURCES, type SqlInstanceView, type ViewSet } from './sql-instance.js';
import {
  type ContainerView,
  containersFromCluster,
  containersFromManifests,
  containersOfDeployments,
} from './workload.js';
import { type WorkloadView, workloadsFromCluster, workloadsFromManifests } from './workload-object.js';
import { type KmsKeyAccessView, kmsKeyAccessFromGcp, kmsKeyAccessFromTerraform } from './kms-key-access.js';
import { type KmsKeyView, kmsKeysFromGcp, kmsKeysFromTerraform } from './kms-key.js';
import { type GkeClusterView, gkeClustersFromGcp, gkeClustersFromTerraform } from './gke-cluster.js';
import {
  GCR_FILE_FACETS,
  type GcrReferenceView,
  gcrReferencesFromCluster,
  gcrReferencesFromFiles,
} from './gcr-reference.js';
import {
  KSA_BINDING_FACETS,
  type KsaBindingView,
  ksaBindingFromCluster,
  ksaBindingFromManifests,
} from './ksa-binding.js';
import {
  SECRET_PROVENANCE_FACETS,
  type SecretProvenanceView,
  secretProvenanceFromCluster,
  secretProvenanceFromManifests,
} from './secret-provenance.js';
import {
  type SecretManagerSecretView,
  secretManagerSecretsFromGcp,
  secretManagerSecretsFromTerraform,
} from './secret-manager-secret.js';
import {
  type RedisInstanceView,
  redisInstancesFromGcp,
  redisInstancesFromProbe,
  redisInstancesFromTerraform,
} from './redis-instance.js';
import { API_OBJECT_FACETS, type ApiObjectView, apiObjectsFromCluster, apiObjectsFromManifests } from './api-object.js';
import {
  TLS_CERTIFICATE_K8S_FACETS,
  type TlsCertificateView,
  tlsCertificatesFromCluster,
  tlsCertificatesFromGcp,
  tlsCertificatesFromProbe,
} from './tls-certificate.js';
import {
  IMAGE_PLATFORM_GCP_FACETS,
  IMAGE_PLATFORM_JOIN_FACETS,
  IMAGE_PLATFORM_K8S_FACETS,
  type ImagePlatformView,
  imagePlatformsFromCluster,
  imagePlatformsFromGcp,
  imagePlatformsFromRegistry,
  imagePlatformsJoined,
} from './image-platform.js';
import {
  APP_DEPLOYMENT_K8S_FACETS,
  type AppDeploymentView,
  appDeploymentsFromCluster,
  appDeploymentsFromManifests,
} from './app-deployment.js';

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

type Read = <K extends FacetName>(name: K) => FacetMap[K];

export interface ViewSource<V> {
  layer: Layer;
  facets: readonly FacetName[];
  /** Facets a rule may add to this source (`sources: { gcp: { facets: [...] } }`); the builder reads them when `has`. */
  optionalFacets?: readonly FacetName[];
  build(facet: Read, expectations: Expectations, has: (name: FacetName) => boolean): ViewSet<V>;
}

/**
 * Every view kind and the sources that show it (layer, facets, builder). Adding a source: one entry and one
 * builder; a kind whose module exports its own source table (`SQL_INSTANCE_SOURCES`) is listed here by name.
 */
export const VIEWS = {
  // Declared beside its builders: a source that reads one more facet is a change in that module alone.
  'sql-instance': SQL_INSTANCE_SOURCES satisfies Record<string, ViewSource<SqlInstanceView>>,
  container: {
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
  } satisfies Record<string, ViewSource<ContainerView>>,
  image: {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet) => imagesFromManifests(facet('files.kubernetes')),
    },
    k8s: {
      layer: 'k8s',
      facets: WORKLOAD_FACETS,
      build: (facet) =>
        imagesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
    },
    probe: {
      layer: 'probe',
      facets: ['probe.registry'],
      build: (facet) => imagesFromRegistry(facet('probe.registry')),
    },
    dockerfile: {
      layer: 'files',
      facets: ['files.dockerfile'],
      build: (facet) => imagesFromDockerfiles(facet('files.dockerfile')),
    },
  } satisfies Record<string, ViewSource<ImageView>>,
  secret: {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet, exp) => secretsFromManifests(facet('files.kubernetes'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: SECRET_FACETS,
      build: (facet, exp) =>
        secretsFromCluster(
          Object.fromEntries(SECRET_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof secretsFromCluster>[0],
          exp,
        ),
    },
  } satisfies Record<string, ViewSource<SecretView>>,
  workload: {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet, exp) => workloadsFromManifests(facet('files.kubernetes'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: WORKLOAD_FACETS,
      build: (facet) =>
        workloadsFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
    },
  } satisfies Record<string, ViewSource<WorkloadView>>,
  exposure: {
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
  } satisfies Record<string, ViewSource<ExposureView>>,
  'db-user': {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet, exp) => dbUsersFromManifests(facet('files.kubernetes'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: SECRET_FACETS,
      build: (facet, exp) =>
        dbUsersFromCluster(
          Object.fromEntries(SECRET_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof dbUsersFromCluster>[0],
          exp,
        ),
    },
    probe: {
      layer: 'probe',
      facets: ['probe.postgres'],
      build: (facet, exp) => dbUsersFromProbe(facet('probe.postgres'), exp),
    },
  } satisfies Record<string, ViewSource<DbUserView>>,
  'edge-entry': {
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
  } satisfies Record<string, ViewSource<EdgeEntryView>>,
  'redis-instance': {
    tf: {
      layer: 'files',
      facets: ['files.terraform'],
      build: (facet) => redisInstancesFromTerraform(facet('files.terraform')),
    },
    gcp: { layer: 'gcp', facets: ['gcp.redis'], build: (facet) => redisInstancesFromGcp(facet('gcp.redis')) },
    probe: {
      layer: 'probe',
      facets: ['probe.redis'],
      build: (facet, exp) => redisInstancesFromProbe(facet('probe.redis'), exp),
    },
  } satisfies Record<string, ViewSource<RedisInstanceView>>,
  'gke-cluster': {
    tf: {
      layer: 'files',
      facets: ['files.terraform'],
      build: (facet) => gkeClustersFromTerraform(facet('files.terraform')),
    },
    gcp: { layer: 'gcp', facets: ['gcp.gke'], build: (facet) => gkeClustersFromGcp(facet('gcp.gke')) },
  } satisfies Record<string, ViewSource<GkeClusterView>>,
  'kms-key': {
    tf: {
      layer: 'files',
      facets: ['files.terraform'],
      build: (facet, exp) => kmsKeysFromTerraform(facet('files.terraform'), exp),
    },
    gcp: { layer: 'gcp', facets: ['gcp.kms'], build: (facet, exp) => kmsKeysFromGcp(facet('gcp.kms'), exp) },
  } satisfies Record<string, ViewSource<KmsKeyView>>,
  'kms-key-access': {
    tf: {
      layer: 'files',
      facets: ['files.terraform'],
      build: (facet, exp) => kmsKeyAccessFromTerraform(facet('files.terraform'), exp),
    },
    gcp: {
      layer: 'gcp',
      facets: ['gcp.kms-iam', 'gcp.iam'],
      build: (facet, exp) => kmsKeyAccessFromGcp(facet('gcp.kms-iam'), facet('gcp.iam'), exp),
    },
  } satisfies Record<string, ViewSource<KmsKeyAccessView>>,
  'secret-manager-secret': {
    tf: {
      layer: 'files',
      facets: ['files.terraform'],
      build: (facet, exp) => secretManagerSecretsFromTerraform(facet('files.terraform'), exp),
    },
    gcp: {
      layer: 'gcp',
      facets: ['gcp.secretmanager'],
      build: (facet, exp) => secretManagerSecretsFromGcp(facet('gcp.secretmanager'), exp),
    },
  } satisfies Record<string, ViewSource<SecretManagerSecretView>>,
  'gcr-reference': {
    files: {
      layer: 'files',
      facets: GCR_FILE_FACETS,
      build: (facet) =>
        gcrReferencesFromFiles(
          Object.fromEntries(GCR_FILE_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof gcrReferencesFromFiles>[0],
        ),
    },
    k8s: {
      layer: 'k8s',
      facets: WORKLOAD_FACETS,
      build: (facet) =>
        gcrReferencesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
    },
  } satisfies Record<string, ViewSource<GcrReferenceView>>,
  'ksa-binding': {
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
          Object.fromEntries(KSA_BINDING_FACETS.map((n) => [n, facet(n)])) as Parameters<
            typeof ksaBindingFromCluster
          >[0],
          exp,
        ),
    },
  } satisfies Record<string, ViewSource<KsaBindingView>>,
  'secret-provenance': {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet, exp) => secretProvenanceFromManifests(facet('files.kubernetes'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: SECRET_PROVENANCE_FACETS,
      build: (facet, exp) =>
        secretProvenanceFromCluster(
          Object.fromEntries(SECRET_PROVENANCE_FACETS.map((n) => [n, facet(n)])) as Parameters<
            typeof secretProvenanceFromCluster
          >[0],
          exp,
        ),
    },
  } satisfies Record<string, ViewSource<SecretProvenanceView>>,
  'api-object': {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet) => apiObjectsFromManifests(facet('files.kubernetes')),
    },
    k8s: {
      layer: 'k8s',
      facets: [...API_OBJECT_FACETS, ...WORKLOAD_FACETS],
      build: (facet) =>
        apiObjectsFromCluster(
          Object.fromEntries([...API_OBJECT_FACETS, ...WORKLOAD_FACETS].map((n) => [n, facet(n)])) as Parameters<
            typeof apiObjectsFromCluster
          >[0],
        ),
    },
  } satisfies Record<string, ViewSource<ApiObjectView>>,
  'tls-certificate': {
    gcp: {
      layer: 'gcp',
      facets: ['gcp.compute-ssl'],
      build: (facet, exp) => tlsCertificatesFromGcp(facet('gcp.compute-ssl'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: TLS_CERTIFICATE_K8S_FACETS,
      build: (facet, exp) =>
        tlsCertificatesFromCluster(
          { 'k8s.managedcertificates': facet('k8s.managedcertificates'), 'k8s.ingresses': facet('k8s.ingresses') },
          exp,
        ),
    },
    probe: {
      layer: 'probe',
      facets: ['probe.http'],
      build: (facet) => tlsCertificatesFromProbe(facet('probe.http')),
    },
  } satisfies Record<string, ViewSource<TlsCertificateView>>,
  'image-platform': {
    gcp: { layer: 'gcp', facets: IMAGE_PLATFORM_GCP_FACETS, build: (facet, exp) => imagePlatformsFromGcp(facet, exp) },
    k8s: { layer: 'k8s', facets: IMAGE_PLATFORM_K8S_FACETS, build: (facet) => imagePlatformsFromCluster(facet) },
    probe: {
      layer: 'probe',
      facets: ['probe.registry'],
      build: (facet) => imagePlatformsFromRegistry(facet('probe.registry')),
    },
    // Registry, cluster, GKE and workflows together; reported on the probe layer, as the join was.
    join: { layer: 'probe', facets: IMAGE_PLATFORM_JOIN_FACETS, build: (facet) => imagePlatformsJoined(facet) },
  } satisfies Record<string, ViewSource<ImagePlatformView>>,
  'app-deployment': {
    manifest: {
      layer: 'files',
      facets: ['files.kubernetes'],
      build: (facet, exp) => appDeploymentsFromManifests(facet('files.kubernetes'), exp),
    },
    k8s: {
      layer: 'k8s',
      facets: APP_DEPLOYMENT_K8S_FACETS,
      build: (facet, exp) =>
        appDeploymentsFromCluster(
          {
            'k8s.deployments': facet('k8s.deployments'),
            'k8s.pods': facet('k8s.pods'),
            'k8s.replicasets': facet('k8s.replicasets'),
          },
          exp,
        ),
    },
  } satisfies Record<string, ViewSource<AppDeploymentView>>,
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
    key: (v) => (v.source === 'probe' ? undefined : `${v.resource.namespace ?? '-'}/${v.setting}`),
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

const memo = new WeakMap<object, WeakMap<Expectations, Map<string, ViewSet<unknown>>>>();

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
  let byExp = memo.get(anchor);
  if (!byExp) {
    byExp = new WeakMap();
    memo.set(anchor, byExp);
  }
  let byKind = byExp.get(expectations);
  if (!byKind) {
    byKind = new Map();
    byExp.set(expectations, byKind);
  }
  const extra = (spec.optionalFacets ?? []).filter(has);
  const key = `${kind}\u0000${source}\u0000${extra.join(',')}`;
  let set = byKind.get(key) as ViewSet<ViewOf[K]> | undefined;
  if (!set) {
    set = spec.build(facet, expectations, has);
    byKind.set(key, set as ViewSet<unknown>);
  }
  return set;
}
