/**
 * The Secret provenance view: one `SecretProvenanceView` per Kubernetes Secret the app uses (referenced by its
 * workloads, or listed in `expectations.app.secrets`), per source: what produces it.
 * - `manifest`: the ExternalSecrets and SecretProviderClasses of the repository that write it (with the store
 *   provider when the store is declared), the plain `kind: Secret` manifests of it, and the workloads that read
 *   it (where a Secret nothing declares is referenced);
 * - `k8s`: the live Secret in the app namespace, whether it exists, and the owner or label a syncer set on it.
 * Resource ids are those the per-layer rules built (fingerprints depend on them).
 */
import type { Expectations } from '../config.js';
import type { K8sSecret } from '../layers/k8s.js';
import type { Location } from '../location.js';
import type { FacetMap, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  appSecretNames,
  inAppNamespace,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  secretProducers,
} from './k8s-app.js';
import {
  inScope,
  itemsOf,
  labelsOf,
  liveResource,
  ownersOf,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  type WorkloadFacets,
} from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

/** An ExternalSecret or SecretProviderClass of the manifests that writes the Secret. */
export interface SecretProducerView {
  /** `ExternalSecret backend-secrets`. */
  label: string;
  /** The store's provider (`gcpsm`, `gcp`, `vault`, `none`), or undefined when the store is not declared. */
  provider: string | undefined;
  /** `ClusterSecretStore gcp-secret-manager`, when the ExternalSecret names one. */
  store?: string;
  /** The producer object. */
  location: Location;
  /** What holds the provider: its kind (a store, or the SecretProviderClass), name, and the provider's line. */
  providerHolder?: { kind: string; name: string; location: Location };
  /** The resource a verdict about it is given (the Secret's manifest, else the producer). */
  resource: Resource;
}

export interface SecretProvenanceView {
  source: 'manifest' | 'k8s';
  name: string;
  namespace: string;
  /** manifest: what writes it, in the manifests' order. */
  producers: SecretProducerView[];
  /** manifest: plain `kind: Secret` manifests of it. */
  manifests: { resource: Resource; location: Location }[];
  /** manifest: the workloads that read it (`Deployment coditect-backend`) and where. */
  readers: { workload: string; location: Location }[];
  /** k8s: the live Secret, when it exists, with what produces it (`ExternalSecret backend-secrets`). */
  live?: {
    resource: Resource;
    producedBy?: string;
    /** `metadata.ownerReferences` as `Kind/name`, and the External Secrets label (evidence of a hand-made one). */
    owners: string[];
    managedLabel: string | null;
  };
  /** k8s: the resource of the Secret whether or not it exists. */
  resource: Resource;
}

export function secretProvenanceFromManifests(
  facet: FacetMap['files.kubernetes'],
  exp: Expectations,
): ViewSet<SecretProvenanceView> {
  const objects = manifestObjects(facet);
  const producers = secretProducers(objects, exp);
  const ns = exp.app.namespace;
  // The app namespace's Secrets by name, once (not a pass over every object per secret name).
  const secretsByName = new Map<string, K8sObject[]>();
  for (const o of objects)
    if (o.kind === 'Secret' && inAppNamespace(o, exp)) {
      const same = secretsByName.get(o.name);
      if (same) same.push(o);
      else secretsByName.set(o.name, [o]);
    }
  const items = [...appSecretNames(objects, exp)].map(([name, refs]): SecretProvenanceView => {
    const manifests = secretsByName.get(name) ?? [];
    return {
      source: 'manifest',
      name,
      namespace: ns,
      producers: (producers.get(`${ns}/${name}`) ?? []).map((p) => {
        const holder = p.providerObject ?? p.object;
        return {
          label: `${p.object.kind} ${p.object.name}`,
          provider: p.provider,
          ...(p.storeName ? { store: p.storeName } : {}),
          location: objectLocation(p.object),
          ...(p.provider !== undefined
            ? {
                providerHolder: {
                  kind: holder.kind,
                  name: holder.name,
                  location: locationAt(
                    holder,
                    holder.kind === 'SecretProviderClass' ? '/spec/provider' : `/spec/provider/${p.provider}`,
                  ),
                },
              }
            : {}),
          resource: k8sResource(manifests[0] ?? p.object, exp),
        };
      }),
      manifests: manifests.map((m) => ({ resource: k8sResource(m, exp), location: objectLocation(m) })),
      readers: refs.map((r) => ({
        workload: `${r.workload.kind} ${r.workload.name}`,
        location: locationAt(r.workload, r.pointer),
      })),
      // No file declares this Secret: its id names it by namespace alone.
      resource: { id: `Secret/${ns}/${name}`, kind: 'Secret', name, namespace: ns },
    };
  });
  return { items, empty: [], none: 'the app uses no Secret' };
}

/** What produces a live Secret, when something does: its owning ExternalSecret, or the label a syncer sets. */
function producerOf(secret: K8sSecret): string | undefined {
  const owner = ownersOf(secret).find((o) => o.kind === 'ExternalSecret');
  if (owner) return `ExternalSecret ${owner.name}`;
  const labels = labelsOf(secret);
  if (labels['reconcile.external-secrets.io/managed'] === 'true') return 'External Secrets Operator';
  if (labels['secrets-store.csi.k8s.io/managed'] === 'true') return 'the Secrets Store CSI driver';
  return undefined;
}

export const SECRET_PROVENANCE_FACETS = ['k8s.secrets', ...WORKLOAD_FACETS] as const;

export function secretProvenanceFromCluster(
  facets: WorkloadFacets & { 'k8s.secrets': FacetMap['k8s.secrets'] },
  exp: Expectations,
): ViewSet<SecretProvenanceView> {
  const ns = exp.app.namespace;
  const facet = facets['k8s.secrets'];
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const used = appSecretNames(topLevelWorkloads(facets).map(viewOf), exp);
  const live = new Map(
    itemsOf(facet)
      .filter((s) => s.namespace === ns)
      .map((s) => [s.name, s]),
  );
  const items = [...used.keys()].sort().map((name): SecretProvenanceView => {
    const secret = live.get(name);
    const producedBy = secret ? producerOf(secret) : undefined;
    return {
      source: 'k8s',
      name,
      namespace: ns,
      producers: [],
      manifests: [],
      readers: [],
      ...(secret
        ? {
            live: {
              resource: liveResource(secret),
              ...(producedBy ? { producedBy } : {}),
              owners: ownersOf(secret).map((o) => `${o.kind}/${o.name}`),
              managedLabel: labelsOf(secret)['reconcile.external-secrets.io/managed'] ?? null,
            },
          }
        : {}),
      resource: liveResource({ kind: 'Secret', name, namespace: ns }),
    };
  });
  return { items, empty: [], none: 'the app uses no Secret' };
}

/**
 * The sources of the `secret-provenance` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const SECRET_PROVENANCE_SOURCES = {
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
} as const satisfies Record<string, ViewSource<SecretProvenanceView>>;
