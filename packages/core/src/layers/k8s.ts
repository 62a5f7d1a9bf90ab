/**
 * The k8s layer: its configuration block and the facets its collector produces.
 *
 * One facet per resource type, so a denied `list` on one type gives `error` verdicts only to the rules
 * that read it. Objects keep the API's JSON shape (`metadata`, `spec`, `status`, as `kubectl get -o json`
 * shows them) minus what may hold a secret: Secret and ConfigMap values never enter a facet (Secrets keep
 * key names and a classification of each value, ConfigMaps key names only), the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation is dropped (it copies whole manifests,
 * Secret data included), literal `env` values whose names look secret are replaced, and passwords in
 * connection URLs are masked.
 */
import { Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { deadlineSecondsSchema } from './live-layer.js';
import {
  type ConnectionUrl,
  ConnectionUrlsSchema,
  ImageReferencesSchema,
  type ImageReference,
  type SecretClassification,
  SecretClassificationSchema,
} from '../snapshot/files.js';

/** `environments.<env>.layers.k8s` in coditect-audit.yaml. */
export const K8sLayerConfigSchema = lazySchema(() =>
  Type.Object(
    {
      context: Type.Optional(
        Type.String({ minLength: 1, description: 'kubeconfig context to use; default the current context' }),
      ),
      contexts: Type.Optional(
        Type.Array(
          Type.Union([
            Type.String({ minLength: 1, description: 'a kubeconfig context; the cluster is named after it' }),
            Type.Object(
              {
                context: Type.String({ minLength: 1, description: 'kubeconfig context of the cluster' }),
                name: Type.Optional(
                  Type.String({
                    pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
                    description: 'name of the cluster in every verdict; default the context',
                  }),
                ),
                namespaces: Type.Optional(
                  Type.Array(Type.String({ pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }), { minItems: 1 }),
                ),
                expectations: Type.Optional(
                  Type.Record(Type.String(), Type.Unknown(), {
                    description: "expectations of this cluster, merged over the environment's",
                  }),
                ),
              },
              { additionalProperties: false },
            ),
          ]),
          {
            minItems: 1,
            description:
              'a fleet of clusters: each context is read as its own target and every verdict names its cluster (instead of `context`)',
          },
        ),
      ),
      kubeconfig: Type.Optional(
        Type.String({
          minLength: 1,
          description:
            'kubeconfig file, relative to the scanned directory; default $KUBECONFIG, then ~/.kube/config, then the in-cluster service account',
        }),
      ),
      skipWithoutContext: Type.Optional(
        Type.Boolean({
          description:
            'when no kubeconfig offers `context`, report the layer as not scanned instead of failing it. For demo and fixture repositories whose cluster is not yours (tests provide the context); never for a real environment, where missing credentials must fail the scan',
        }),
      ),
      namespaces: Type.Optional(
        Type.Array(Type.String({ pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }), {
          minItems: 1,
          description:
            'namespaces to read (a namespaced Role suffices); default every namespace but the system ones (kube-*, gke-*, gmp-*), which needs a ClusterRole',
        }),
      ),
      concurrency: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 32,
          description:
            'at most this many API requests in flight at once (fewer while the API server answers 429); default 4',
        }),
      ),
      deadlineSeconds: deadlineSecondsSchema(),
      timeoutMs: Type.Optional(
        Type.Integer({ minimum: 100, maximum: 600_000, description: 'timeout of one API request; default 15000' }),
      ),
      pageSize: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 5000, description: 'objects per list page (limit/continue); default 500' }),
      ),
      retries: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 10,
          description: 'retries of a request answered 429, 5xx or not at all, with backoff; default 3',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

/** `ownerReferences` entries, which tie a Pod to its ReplicaSet or Job and a Secret to its ExternalSecret. */
export const K8sOwnerSchema = lazySchema(() =>
  Type.Object({
    apiVersion: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    controller: Type.Optional(Type.Boolean()),
  }),
);
export type K8sOwner = { apiVersion: string; kind: string; name: string; controller?: boolean };

/** A live object as the API serves it, without what may hold a secret (see the module comment). */
export const K8sLiveObjectSchema = lazySchema(() =>
  Type.Object({
    apiVersion: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    /** Absent for cluster-scoped kinds. */
    namespace: Type.Optional(Type.String()),
    /** The `apiVersion` the object was last applied with (from kubectl's last-applied annotation), when known. */
    appliedApiVersion: Type.Optional(Type.String()),
    /** `metadata` (name, namespace, uid, labels, annotations, ownerReferences, timestamps), `spec`, `status`. */
    object: Type.Record(Type.String(), Type.Unknown()),
    /** The images of a workload's containers and init containers, parsed, by pointer of their `image` field. */
    images: Type.Optional(ImageReferencesSchema),
    /** Connection URLs in its containers' literal `env` values, parsed, by pointer of the value. */
    connectionUrls: Type.Optional(ConnectionUrlsSchema),
  }),
);
export interface K8sLiveObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  appliedApiVersion?: string;
  object: Record<string, unknown>;
  images?: Record<string, ImageReference>;
  connectionUrls?: Record<string, ConnectionUrl>;
}

/**
 * A list of live objects of one type. `namespaces` lists the namespaces read; it is absent when every
 * namespace but the system ones was read.
 */
export const K8sObjectListSchema = lazySchema(() =>
  Type.Object({
    namespaces: Type.Optional(Type.Array(Type.String())),
    items: Type.Array(K8sLiveObjectSchema),
  }),
);
export interface K8sObjectList {
  namespaces?: string[];
  items: K8sLiveObject[];
}

/** One key of a live Secret: the same classification as a manifest's Secret key, without a position. */
export const K8sSecretKeySchema = SecretClassificationSchema;
export type K8sSecretKey = SecretClassification;

/** A Secret: `object` holds its metadata and `type` only; its values are classified per key in `keys`. */
export const K8sSecretSchema = lazySchema(() =>
  Type.Composite([
    K8sLiveObjectSchema,
    Type.Object({ secretType: Type.String(), keys: Type.Array(K8sSecretKeySchema) }),
  ]),
);
export interface K8sSecret extends K8sLiveObject {
  secretType: string;
  keys: K8sSecretKey[];
}

/** A ConfigMap: metadata and key names only. */
export const K8sConfigMapSchema = lazySchema(() =>
  Type.Composite([
    K8sLiveObjectSchema,
    Type.Object({ keys: Type.Array(Type.String()), binaryKeys: Type.Array(Type.String()) }),
  ]),
);
export interface K8sConfigMap extends K8sLiveObject {
  keys: string[];
  binaryKeys: string[];
}

/** A PersistentVolumeClaim and the pods that mount it (from the pods' `volumes[].persistentVolumeClaim`). */
export const K8sClaimSchema = lazySchema(() =>
  Type.Composite([
    K8sLiveObjectSchema,
    Type.Object({
      usedBy: Type.Array(Type.Object({ pod: Type.String(), phase: Type.Optional(Type.String()) })),
    }),
  ]),
);
export interface K8sClaim extends K8sLiveObject {
  usedBy: { pod: string; phase?: string }[];
}

export const K8sNodeSchema = lazySchema(() =>
  Type.Object({
    name: Type.String(),
    labels: Type.Record(Type.String(), Type.String()),
    /** `status.nodeInfo.architecture`, else the `kubernetes.io/arch` label (`amd64`, `arm64`). */
    architecture: Type.Optional(Type.String()),
    /** `status.nodeInfo.operatingSystem`, else the `kubernetes.io/os` label. */
    operatingSystem: Type.Optional(Type.String()),
    kubeletVersion: Type.Optional(Type.String()),
    osImage: Type.Optional(Type.String()),
    containerRuntimeVersion: Type.Optional(Type.String()),
    taints: Type.Array(Type.Object({ key: Type.String(), value: Type.Optional(Type.String()), effect: Type.String() })),
    /** The `Ready` condition; absent when the node reports none. */
    ready: Type.Optional(Type.Boolean()),
    unschedulable: Type.Optional(Type.Boolean()),
  }),
);
export interface K8sNode {
  name: string;
  labels: Record<string, string>;
  architecture?: string;
  operatingSystem?: string;
  kubeletVersion?: string;
  osImage?: string;
  containerRuntimeVersion?: string;
  taints: { key: string; value?: string; effect: string }[];
  ready?: boolean;
  unschedulable?: boolean;
}

/** A SecretStore or ClusterSecretStore of External Secrets Operator: which provider it reads, not how it logs in. */
export const K8sSecretStoreSchema = lazySchema(() =>
  Type.Object({
    kind: Type.Union([Type.Literal('SecretStore'), Type.Literal('ClusterSecretStore')]),
    name: Type.String(),
    namespace: Type.Optional(Type.String()),
    /** The key under `spec.provider` (`gcpsm`, `vault`, `fake`...). */
    provider: Type.Optional(Type.String()),
    /** `spec.provider.gcpsm.projectID`, for Secret Manager stores. */
    projectID: Type.Optional(Type.String()),
    /** The `Ready` condition; absent when the store reports none. */
    ready: Type.Optional(Type.Boolean()),
  }),
);
export interface K8sSecretStore {
  kind: 'SecretStore' | 'ClusterSecretStore';
  name: string;
  namespace?: string;
  provider?: string;
  projectID?: string;
  ready?: boolean;
}

/**
 * ExternalSecrets (External Secrets Operator), read at `apiVersion` (`external-secrets.io/v1`, else
 * `v1beta1`). Each ExternalSecret's `spec.target.template.data` keeps its keys, not its values.
 */
export const K8sExternalSecretsSchema = lazySchema(() =>
  Type.Object({
    apiVersion: Type.String(),
    namespaces: Type.Optional(Type.Array(Type.String())),
    items: Type.Array(K8sLiveObjectSchema),
    stores: Type.Array(K8sSecretStoreSchema),
  }),
);
export interface K8sExternalSecrets {
  apiVersion: string;
  namespaces?: string[];
  items: K8sLiveObject[];
  stores: K8sSecretStore[];
}

/** What the API server serves: its version and every group version of the discovery documents. */
export const K8sApisSchema = lazySchema(() =>
  Type.Object({
    serverVersion: Type.Optional(
      Type.Object({
        gitVersion: Type.String(),
        major: Type.Optional(Type.String()),
        minor: Type.Optional(Type.String()),
        platform: Type.Optional(Type.String()),
      }),
    ),
    /** `v1`, `apps/v1`, `networking.gke.io/v1`..., sorted. */
    groupVersions: Type.Array(Type.String()),
    /** The preferred version of each group (`apps` → `v1`); the core group is `""`. */
    preferred: Type.Record(Type.String(), Type.String()),
  }),
);
export interface K8sApis {
  serverVersion?: { gitVersion: string; major?: string; minor?: string; platform?: string };
  groupVersions: string[];
  preferred: Record<string, string>;
}

export const K8sFacetSchemas = {
  'k8s.apis': K8sApisSchema,
  'k8s.backendconfigs': K8sObjectListSchema,
  'k8s.configmaps': lazySchema(() =>
    Type.Object({
      namespaces: Type.Optional(Type.Array(Type.String())),
      items: Type.Array(K8sConfigMapSchema),
    }),
  ),
  'k8s.cronjobs': K8sObjectListSchema,
  'k8s.daemonsets': K8sObjectListSchema,
  'k8s.deployments': K8sObjectListSchema,
  'k8s.externalsecrets': K8sExternalSecretsSchema,
  'k8s.ingresses': K8sObjectListSchema,
  'k8s.jobs': K8sObjectListSchema,
  'k8s.managedcertificates': K8sObjectListSchema,
  'k8s.nodes': lazySchema(() => Type.Object({ items: Type.Array(K8sNodeSchema) })),
  'k8s.pods': K8sObjectListSchema,
  'k8s.pvcs': lazySchema(() =>
    Type.Object({ namespaces: Type.Optional(Type.Array(Type.String())), items: Type.Array(K8sClaimSchema) }),
  ),
  'k8s.replicasets': K8sObjectListSchema,
  'k8s.secrets': lazySchema(() =>
    Type.Object({
      namespaces: Type.Optional(Type.Array(Type.String())),
      items: Type.Array(K8sSecretSchema),
    }),
  ),
  'k8s.serviceaccounts': K8sObjectListSchema,
  'k8s.services': K8sObjectListSchema,
  'k8s.statefulsets': K8sObjectListSchema,
} as const;

export interface K8sFacets {
  'k8s.apis': K8sApis;
  'k8s.backendconfigs': K8sObjectList;
  'k8s.configmaps': { namespaces?: string[]; items: K8sConfigMap[] };
  'k8s.cronjobs': K8sObjectList;
  'k8s.daemonsets': K8sObjectList;
  'k8s.deployments': K8sObjectList;
  'k8s.externalsecrets': K8sExternalSecrets;
  'k8s.ingresses': K8sObjectList;
  'k8s.jobs': K8sObjectList;
  'k8s.managedcertificates': K8sObjectList;
  'k8s.nodes': { items: K8sNode[] };
  'k8s.pods': K8sObjectList;
  'k8s.pvcs': { namespaces?: string[]; items: K8sClaim[] };
  'k8s.replicasets': K8sObjectList;
  'k8s.secrets': { namespaces?: string[]; items: K8sSecret[] };
  'k8s.serviceaccounts': K8sObjectList;
  'k8s.services': K8sObjectList;
  'k8s.statefulsets': K8sObjectList;
}
