/**
 * The Secret provenance view: one `SecretProvenanceView` per Kubernetes Secret the app uses (referenced by its
 * workloads, or listed in `expectations.app.secrets`), per source: what produces it.
 * - `manifest`: the ExternalSecrets and SecretProviderClasses of the repository that write it (with the store
 *   provider when the store is declared), the plain `kind: Secret` manifests of it, and the workloads that read
 *   it (where a Secret nothing declares is referenced);
 * - `k8s`: the live Secret in the app namespace, whether it exists, and the owner or label a syncer set on it;
 * - `join`: the chain behind each live Secret the app reads (workload → Secret → ExternalSecret → store →
 *   Secret Manager keys), its links joined by name here and judged by the rule (see `SecretProvenanceChainView`).
 * Resource ids are those the per-layer rules built (fingerprints depend on them).
 */
import type { Expectations } from '../config.js';
import type { K8sLiveObject, K8sSecret, K8sSecretStore } from '../layers/k8s.js';
import type { Location } from '../location.js';
import type { FacetMap, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  appSecretNames,
  asArray,
  asRecord,
  asString,
  externalSecretTarget,
  inAppNamespace,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  secretProducers,
  type SourceRef,
} from './k8s-app.js';
import {
  inScope,
  itemsOf,
  labelsOf,
  liveResource,
  ownersOf,
  specOf,
  topLevelWorkloadViews,
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

export type SecretProvenanceView = SecretProvenanceLayerView | SecretProvenanceChainView;

export interface SecretProvenanceLayerView {
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

/**
 * `join`: one per Secret the app's live workloads read (or `expectations.app.secrets` lists), with each link
 * of the chain that produces it, found by name: the live Secret; the ExternalSecret that owns it (else, when
 * the External Secrets label is set, the one targeting it); the store that ExternalSecret names; the Secret
 * Manager keys it reads, in the store's project, and whether Secret Manager holds them.
 */
export interface SecretProvenanceChainView {
  source: 'join';
  name: string;
  namespace: string;
  /** The Secret's live resource, whether or not it exists (the finding is declared at its manifest). */
  resource: Resource;
  /** `Deployment coditect-backend (envFrom, secretKeyRef db-password)`, or `the app (expectations.app.secrets)`. */
  readBy: string;
  /** The live Secret, when it exists: the ExternalSecret of its ownerReferences, and the External Secrets label. */
  live?: { owner?: string; managed: boolean };
  /** The producer's name: the owner, else (by label) the ExternalSecret targeting the Secret, when one does. */
  producerName?: string;
  /** The producing ExternalSecret, when it exists. */
  externalSecret?: {
    name: string;
    storeKind: 'ClusterSecretStore' | 'SecretStore';
    storeName: string;
    /** The store it names, when it exists. */
    store?: K8sSecretStore;
    /** The Secret Manager project its keys are read from: the store's `projectID`, else `expectations.project`. */
    project: string;
    /** The keys it reads (`data[].remoteRef.key`, `dataFrom[].extract.key`); `read`: that project's Secret Manager was read. */
    remoteKeys: { project: string; name: string; read: boolean; exists: boolean }[];
  };
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
  return { items, empty: [], none: `the app uses no Secret in its namespace (${exp.app.namespace})` };
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
  const used = appSecretNames(topLevelWorkloadViews(facets), exp);
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
  return { items, empty: [], none: `the app uses no Secret in its namespace (${exp.app.namespace})` };
}

/** The chain's facets, the live Secrets' first; the ExternalSecrets are read when present (`facetsIfPresent`). */
export const SECRET_PROVENANCE_JOIN_FACETS = ['k8s.secrets', 'gcp.secretmanager', ...WORKLOAD_FACETS] as const;

export function secretProvenanceJoined(
  facets: WorkloadFacets & {
    'k8s.secrets': FacetMap['k8s.secrets'];
    'gcp.secretmanager': FacetMap['gcp.secretmanager'];
  },
  /** Undefined when External Secrets is not installed (the CRDs are absent): nothing can produce a Secret. */
  externalSecretsFacet: FacetMap['k8s.externalsecrets'] | undefined,
  exp: Expectations,
): ViewSet<SecretProvenanceView> {
  const ns = exp.app.namespace;
  const secretsFacet = facets['k8s.secrets'];
  if (!inScope(secretsFacet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const secretManager = facets['gcp.secretmanager'];
  const secrets = new Map<string, K8sSecret>();
  for (const s of itemsOf(secretsFacet)) if (s.namespace === ns) secrets.set(s.name, s);
  const externalSecrets = new Map<string, K8sLiveObject>();
  const externalSecretByTarget = new Map<string, K8sLiveObject>();
  for (const es of itemsOf(externalSecretsFacet)) {
    if (es.namespace !== ns) continue;
    externalSecrets.set(es.name, es);
    externalSecretByTarget.set(externalSecretTarget(viewOf(es)), es);
  }
  const stores = new Map<string, K8sSecretStore>();
  for (const s of externalSecretsFacet?.stores ?? [])
    stores.set(storeKey(s.kind, s.kind === 'SecretStore' ? s.namespace : undefined, s.name), s);
  const smSecrets = new Set(secretManager.secrets.map((s) => `${s.project}/${s.name}`));
  const smRead = (project: string) =>
    secretManager.read.some((r) => r === `projects/${project}` || `projects/${project}`.startsWith(`${r}/`));

  const used = appSecretNames(topLevelWorkloadViews(facets), exp);
  const items = [...used.keys()].sort().map((name): SecretProvenanceView => {
    const view: SecretProvenanceChainView = {
      source: 'join',
      name,
      namespace: ns,
      resource: liveResource({ kind: 'Secret', name, namespace: ns }),
      readBy: describeReaders(used.get(name) ?? []),
    };
    const secret = secrets.get(name);
    if (!secret) return view;
    const owner = ownersOf(secret).find((o) => o.kind === 'ExternalSecret')?.name;
    const managed = labelsOf(secret)['reconcile.external-secrets.io/managed'] === 'true';
    view.live = { ...(owner !== undefined ? { owner } : {}), managed };
    const producerName = owner ?? (managed ? externalSecretByTarget.get(name)?.name : undefined);
    if (producerName !== undefined) view.producerName = producerName;
    const es = producerName ? externalSecrets.get(producerName) : undefined;
    if (!es) return view;
    const ref = asRecord(specOf(es).secretStoreRef);
    const storeKind = asString(ref?.kind) === 'ClusterSecretStore' ? 'ClusterSecretStore' : 'SecretStore';
    const storeName = asString(ref?.name) ?? '';
    const store = stores.get(storeKey(storeKind, storeKind === 'SecretStore' ? ns : undefined, storeName));
    const project = store?.projectID ?? exp.project;
    view.externalSecret = {
      name: es.name,
      storeKind,
      storeName,
      ...(store ? { store } : {}),
      project,
      remoteKeys: remoteKeys(es, project).map((k) => ({
        ...k,
        read: smRead(k.project),
        exists: smSecrets.has(`${k.project}/${k.name}`),
      })),
    };
    return view;
  });
  return { items, empty: [], none: `the app uses no Secret in its namespace (${exp.app.namespace})` };
}

function storeKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? '-'}/${name}`;
}

/** `Deployment coditect-backend (envFrom, secretKeyRef db-password)`, one entry per workload. */
function describeReaders(refs: readonly SourceRef[]): string {
  const byWorkload = new Map<string, Set<string>>();
  for (const r of refs) {
    const w = `${r.workload.kind} ${r.workload.name}`;
    byWorkload.set(w, (byWorkload.get(w) ?? new Set()).add(r.via === 'keyRef' ? `secretKeyRef ${r.key}` : r.via));
  }
  const text = [...byWorkload].map(([w, via]) => `${w} (${[...via].sort().join(', ')})`);
  return text.length > 0 ? text.sort().join(', ') : 'the app (expectations.app.secrets)';
}

/** The Secret Manager secrets an ExternalSecret reads: `data[].remoteRef.key` and `dataFrom[].extract.key`. */
function remoteKeys(es: K8sLiveObject, project: string): { project: string; name: string }[] {
  const spec = specOf(es);
  const raw = [
    ...asArray(spec.data).map((d) => asString(asRecord(asRecord(d)?.remoteRef)?.key)),
    ...asArray(spec.dataFrom).map((d) => asString(asRecord(asRecord(d)?.extract)?.key)),
  ].filter((k): k is string => !!k);
  const out = new Map<string, { project: string; name: string }>();
  for (const key of raw) {
    // A key may be a full resource name: projects/<p>/secrets/<name>[/versions/<v>].
    const m = /^projects\/([^/]+)\/secrets\/([^/]+)/.exec(key);
    const k = m ? { project: m[1]!, name: m[2]! } : { project, name: key };
    out.set(`${k.project}/${k.name}`, k);
  }
  return [...out.values()];
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
  // Workload, Secret, ExternalSecret, store and Secret Manager together; reported on the k8s layer, as the join was.
  join: {
    layer: 'k8s',
    facets: SECRET_PROVENANCE_JOIN_FACETS,
    facetsIfPresent: ['k8s.externalsecrets'],
    build: (facet, exp, has) =>
      secretProvenanceJoined(
        Object.fromEntries(SECRET_PROVENANCE_JOIN_FACETS.map((n) => [n, facet(n)])) as Parameters<
          typeof secretProvenanceJoined
        >[0],
        has('k8s.externalsecrets') ? facet('k8s.externalsecrets') : undefined,
        exp,
      ),
  },
} as const satisfies Record<string, ViewSource<SecretProvenanceView>>;
