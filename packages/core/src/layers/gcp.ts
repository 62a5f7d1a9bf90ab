/**
 * The gcp layer: its configuration block and the facets its collector produces.
 *
 * Facets are plain, normalised data: no client types, no protobuf defaults, no `{seconds, nanos}`, no
 * `{value}` wrappers. A field that Google did not report is absent (so "absent" stays distinguishable from
 * `false`), enum zero values (`*_UNSPECIFIED`) are absent, times are RFC 3339 strings, durations are seconds.
 * Secrets never enter: no Redis AUTH string, no Secret Manager payload, no Identity Platform API key,
 * client secret or password-hash signer key, no IAM policy etag.
 *
 * Each facet lists the scopes it read completely (`read`: `projects/P` or `projects/P/locations/L`), so a
 * rule can tell "read and empty" from "not read" (a denied project is a problem of the facet, never a pass).
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { deadlineSecondsSchema } from './live-layer.js';
import { EDGE_ENTRY_FACET_SCHEMAS, type EdgeEntryFacets } from '../views/edge-entry.js';
import { IMAGE_PLATFORM_FACET_SCHEMAS, type ImagePlatformFacets } from '../views/image-platform.js';
import { KMS_KEY_ACCESS_FACET_SCHEMAS, type KmsKeyAccessFacets } from '../views/kms-key-access.js';
import { SQL_INSTANCE_FACET_SCHEMAS, type SqlInstanceFacets } from '../views/sql-instance.js';
import { TLS_CERTIFICATE_FACET_SCHEMAS, type TlsCertificateFacets } from '../views/tls-certificate.js';
import {
  type GcpIamBindingSchema,
  GcpIamPolicySchema,
  Labels,
  OptBool,
  OptInt,
  OptStr,
  type PerInstance,
  PolicyOf,
  type PolicyRecord,
  perInstance,
  Read,
  Str,
} from './gcp-shapes.js';

/** The Google APIs the layer reads, by their service name (`<name>.googleapis.com`). */
export const GCP_SERVICES = [
  'sqladmin',
  'redis',
  'cloudkms',
  'secretmanager',
  'artifactregistry',
  'serviceusage',
  'container',
  'monitoring',
  'compute',
  'cloudresourcemanager',
  'iam',
  'identitytoolkit',
] as const;
export type GcpService = (typeof GCP_SERVICES)[number];

const Url = (description = 'base URL, e.g. http://127.0.0.1:8085') =>
  Type.String({ pattern: '^https?://[^\\s/]+/?$', description });

/** `environments.<env>.layers.gcp` in coditect-audit.yaml. */
export const GcpLayerConfigSchema = lazySchema(() =>
  Type.Object(
    {
      projects: Type.Optional(
        Type.Array(Type.String({ minLength: 1 }), {
          minItems: 1,
          description:
            'project ids to read, and/or `folders/N` or `organizations/N`: every active project under it (Resource Manager, recursively through sub-folders; needs resourcemanager.projects.list and resourcemanager.folders.list there, e.g. roles/browser); default the expected project (expectations.project)',
        }),
      ),
      locations: Type.Optional(
        Type.Array(Type.String({ minLength: 1 }), {
          minItems: 1,
          description:
            'regions/locations listed for KMS key rings and Artifact Registry repositories (Memorystore and GKE are read in every location); default the expected region plus the KMS and registry locations',
        }),
      ),
      services: Type.Optional(
        Type.Array(Type.Union(GCP_SERVICES.map((s) => Type.Literal(s))), {
          minItems: 1,
          uniqueItems: true,
          description: 'APIs to read (service names without .googleapis.com); default all of them',
        }),
      ),
      endpoint: Type.Optional(
        Url(
          'send every Google Cloud call to this base URL as plain REST without credentials (an emulator or recordings); CODITECT_AUDIT_GCP_ENDPOINT overrides it',
        ),
      ),
      endpointOnly: Type.Optional(
        Type.Boolean({
          description:
            'never call Google itself: read the layer only from an endpoint (CODITECT_AUDIT_GCP_ENDPOINT, endpoint, endpoints); without one the layer is reported as not configured. For demo and fixture repositories whose project ids are not yours',
        }),
      ),
      endpoints: Type.Optional(
        Type.Object(Object.fromEntries(GCP_SERVICES.map((s) => [s, Type.Optional(Url())])), {
          additionalProperties: false,
          description: 'per-API base URL, overriding endpoint and CODITECT_AUDIT_GCP_ENDPOINT for that API',
        }),
      ),
      quotaProject: Type.Optional(
        Type.String({
          pattern: '^[a-z][a-z0-9-]{4,28}[a-z0-9]$',
          description:
            'project billed for quota, sent as x-goog-user-project on every call (needed with user credentials that carry none: some APIs then answer 403 SERVICE_DISABLED naming a Google-owned project); GOOGLE_CLOUD_QUOTA_PROJECT overrides it',
        }),
      ),
      universeDomain: Type.Optional(
        Type.String({
          pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$',
          description:
            'the Google Cloud universe the APIs are reached in (`<service>.<universeDomain>`); default googleapis.com; GOOGLE_CLOUD_UNIVERSE_DOMAIN overrides it. It must be the universe the credentials belong to: they are never sent to another domain',
        }),
      ),
      concurrency: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 64,
          description:
            'at most this many API calls in flight at once (fewer while the API answers 429 quota errors); default 8',
        }),
      ),
      deadlineSeconds: deadlineSecondsSchema(),
      timeoutMs: Type.Optional(
        Type.Integer({ minimum: 100, maximum: 600_000, description: 'timeout of one HTTP call; default 30000' }),
      ),
      retries: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 10,
          description: 'retries of a call on 429, 5xx, UNAVAILABLE, DEADLINE_EXCEEDED or a timeout; default 4',
        }),
      ),
      retryBudgetMs: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 600_000,
          description: 'most time one call may spend waiting between retries (Retry-After included); default 60000',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type GcpLayerConfig = Static<typeof GcpLayerConfigSchema>;

// ---------------------------------------------------------------- shared shapes

export { GcpIamBindingSchema, GcpIamPolicySchema, type PerInstance, type PolicyRecord } from './gcp-shapes.js';
export type GcpIamBinding = Static<typeof GcpIamBindingSchema>;
export type GcpIamPolicy = Static<typeof GcpIamPolicySchema>;
// Facets only one view reads are declared in that view's module, with their records (ARCHITECTURE.md,
// "Walk-through"); their schemas and types are part of the layer's public shapes all the same.
export { GcpSqlBackupRunSchema, type GcpSqlBackupRun } from '../views/sql-instance.js';
export { GcpDockerImageSchema, type GcpDockerImage } from '../views/image-platform.js';
export { GcpSslCertificateSchema, type GcpSslCertificate } from '../views/tls-certificate.js';
export {
  GcpBackendServiceSchema,
  type GcpBackendService,
  GcpSecurityPolicySchema,
  type GcpSecurityPolicy,
} from '../views/edge-entry.js';

// ---------------------------------------------------------------- Cloud SQL

export const GcpSqlInstanceSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    region: OptStr,
    databaseVersion: OptStr,
    state: OptStr,
    /** CLOUD_SQL_INSTANCE | READ_REPLICA_INSTANCE | ON_PREMISES_INSTANCE */
    instanceType: OptStr,
    masterInstanceName: OptStr,
    ipAddresses: Type.Array(Type.Object({ type: OptStr, ipAddress: Str })),
    settings: Type.Object({
      tier: OptStr,
      edition: OptStr,
      availabilityType: OptStr,
      activationPolicy: OptStr,
      deletionProtectionEnabled: OptBool,
      userLabels: Labels,
      ipConfiguration: Type.Object({
        ipv4Enabled: OptBool,
        privateNetwork: OptStr,
        requireSsl: OptBool,
        sslMode: OptStr,
        authorizedNetworks: Type.Array(Type.Object({ name: OptStr, value: Str })),
      }),
      backupConfiguration: Type.Object({
        enabled: OptBool,
        startTime: OptStr,
        pointInTimeRecoveryEnabled: OptBool,
        binaryLogEnabled: OptBool,
        transactionLogRetentionDays: OptInt,
        retainedBackups: OptInt,
      }),
    }),
    createTime: OptStr,
  }),
);
export type GcpSqlInstance = Static<typeof GcpSqlInstanceSchema>;

export const GcpSqlUserSchema = lazySchema(() =>
  Type.Object({
    name: Str,
    /** BUILT_IN when Google omits it (the proto default). */
    type: Str,
    host: OptStr,
    /** Role memberships, when the API reports them (newer revisions); absent when it does not. */
    databaseRoles: Type.Optional(Type.Array(Str)),
  }),
);
export type GcpSqlUser = Static<typeof GcpSqlUserSchema>;

// ---------------------------------------------------------------- Memorystore for Redis

export const GcpRedisInstanceSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    location: Str,
    name: Str,
    displayName: OptStr,
    tier: OptStr,
    redisVersion: OptStr,
    state: OptStr,
    host: OptStr,
    port: OptInt,
    /** false when Google omits it (proto3 default: AUTH off). */
    authEnabled: Type.Boolean(),
    /** Absent means DISABLED. */
    transitEncryptionMode: OptStr,
    connectMode: OptStr,
    persistenceConfig: Type.Optional(Type.Object({ persistenceMode: OptStr, rdbSnapshotPeriod: OptStr })),
    labels: Labels,
  }),
);
export type GcpRedisInstance = Static<typeof GcpRedisInstanceSchema>;

// ---------------------------------------------------------------- Cloud KMS

export const GcpKmsKeySchema = lazySchema(() =>
  Type.Object({
    name: Str,
    purpose: OptStr,
    algorithm: OptStr,
    protectionLevel: OptStr,
    rotationPeriodSeconds: OptInt,
    labels: Labels,
    /** The primary version (ENCRYPT_DECRYPT keys only). */
    primary: Type.Optional(Type.Object({ name: Str, state: OptStr })),
    /** Versions, listed for keys without a primary (asymmetric and MAC keys). */
    versions: Type.Optional(Type.Array(Type.Object({ name: Str, state: OptStr, algorithm: OptStr }))),
  }),
);
export type GcpKmsKey = Static<typeof GcpKmsKeySchema>;

export const GcpKmsKeyRingSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    location: Str,
    name: Str,
    keys: Type.Array(GcpKmsKeySchema),
  }),
);
export type GcpKmsKeyRing = Static<typeof GcpKmsKeyRingSchema>;

// ---------------------------------------------------------------- Secret Manager

export const GcpSecretSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    createTime: OptStr,
    labels: Labels,
    replication: Type.Optional(Type.Union([Type.Literal('automatic'), Type.Literal('user-managed')])),
    rotationPeriodSeconds: OptInt,
  }),
);
export type GcpSecret = Static<typeof GcpSecretSchema>;

// ---------------------------------------------------------------- Artifact Registry

export const GcpArRepositorySchema = lazySchema(() =>
  Type.Object({
    project: Str,
    location: Str,
    name: Str,
    format: OptStr,
    mode: OptStr,
    description: OptStr,
    labels: Labels,
    immutableTags: OptBool,
    /** A gcr.io-domain repository (`gcr.io`, `us.gcr.io`, ...) serving Container Registry paths. */
    gcrDomain: Type.Boolean(),
  }),
);
export type GcpArRepository = Static<typeof GcpArRepositorySchema>;

// ---------------------------------------------------------------- GKE

export const GcpGkeNodePoolSchema = lazySchema(() =>
  Type.Object({
    name: Str,
    status: OptStr,
    version: OptStr,
    machineType: OptStr,
    imageType: OptStr,
    /** As reported; `default` is the project's Compute Engine default service account. */
    serviceAccount: OptStr,
    workloadMetadataMode: OptStr,
  }),
);
export type GcpGkeNodePool = Static<typeof GcpGkeNodePoolSchema>;

export const GcpGkeClusterSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    location: Str,
    name: Str,
    status: OptStr,
    currentMasterVersion: OptStr,
    releaseChannel: OptStr,
    resourceLabels: Labels,
    workloadPool: OptStr,
    databaseEncryption: Type.Optional(Type.Object({ state: OptStr, currentState: OptStr, keyName: OptStr })),
    loggingService: OptStr,
    /** `loggingConfig.componentConfig.enableComponents`; absent when the cluster reports no logging config. */
    loggingComponents: Type.Optional(Type.Array(Str)),
    monitoringService: OptStr,
    monitoringComponents: Type.Optional(Type.Array(Str)),
    managedPrometheus: OptBool,
    nodePools: Type.Array(GcpGkeNodePoolSchema),
  }),
);
export type GcpGkeCluster = Static<typeof GcpGkeClusterSchema>;

// ---------------------------------------------------------------- Cloud Monitoring

export const GcpAlertConditionSchema = lazySchema(() =>
  Type.Object({
    displayName: OptStr,
    kind: Type.Union([
      Type.Literal('threshold'),
      Type.Literal('absent'),
      Type.Literal('matched-log'),
      Type.Literal('mql'),
      Type.Literal('promql'),
      Type.Literal('other'),
    ]),
    /** The monitoring filter, log filter or query of the condition. */
    query: OptStr,
    /** Per-series aligners and cross-series reducers of a threshold condition (`ALIGN_PERCENTILE_99`, ...). */
    aggregations: Type.Optional(Type.Array(Str)),
  }),
);
export type GcpAlertCondition = Static<typeof GcpAlertConditionSchema>;

export const GcpAlertPolicySchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    displayName: OptStr,
    enabled: OptBool,
    conditions: Type.Array(GcpAlertConditionSchema),
    notificationChannels: Type.Array(Str),
  }),
);
export type GcpAlertPolicy = Static<typeof GcpAlertPolicySchema>;

export const GcpUptimeCheckSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    name: Str,
    displayName: OptStr,
    host: OptStr,
    path: OptStr,
    useSsl: OptBool,
    periodSeconds: OptInt,
  }),
);
export type GcpUptimeCheck = Static<typeof GcpUptimeCheckSchema>;

// ---------------------------------------------------------------- Compute

// ---------------------------------------------------------------- Identity Platform

export const GcpIdentityProjectSchema = lazySchema(() =>
  Type.Object({
    project: Str,
    /** false when Identity Platform was never initialised (the config answered 404). */
    exists: Type.Boolean(),
    /**
     * false when identitytoolkit.googleapis.com is disabled in the project (the config answered
     * SERVICE_DISABLED): that is an answer, "no sign-in provider", not a failure to read.
     */
    apiEnabled: Type.Optional(Type.Boolean()),
    subtype: OptStr,
    signIn: Type.Object({ email: OptBool, emailPasswordRequired: OptBool, phoneNumber: OptBool, anonymous: OptBool }),
    mfaState: OptStr,
    authorizedDomains: Type.Array(Str),
    /** Default IdP configs (`google.com`, ...): client id and secret are dropped at the collector. */
    idpConfigs: Type.Array(Type.Object({ idp: Str, enabled: OptBool, clientIdSet: Type.Boolean() })),
  }),
);
export type GcpIdentityProject = Static<typeof GcpIdentityProjectSchema>;

// ---------------------------------------------------------------- facet data

/**
 * Every gcp facet's schema, in the snapshot's order. A facet that only one view reads is declared in that
 * view's module (`SQL_INSTANCE_FACET_SCHEMAS`...) and spread here in its place.
 */
export const GcpFacetSchemas = {
  /** sqladmin instances.list */
  'gcp.sql': lazySchema(() => Type.Object({ read: Read, instances: Type.Array(GcpSqlInstanceSchema) })),
  /** sqladmin databases.list per instance */
  'gcp.sql-databases': lazySchema(() => perInstance('databases', Type.Object({ name: Str }))),
  /** sqladmin users.list per instance */
  'gcp.sql-users': lazySchema(() => perInstance('users', GcpSqlUserSchema)),
  ...SQL_INSTANCE_FACET_SCHEMAS,
  /** redis instances.list in every location */
  'gcp.redis': lazySchema(() => Type.Object({ read: Read, instances: Type.Array(GcpRedisInstanceSchema) })),
  /** cloudkms keyRings.list, cryptoKeys.list, cryptoKeyVersions.list */
  'gcp.kms': lazySchema(() => Type.Object({ read: Read, keyRings: Type.Array(GcpKmsKeyRingSchema) })),
  ...KMS_KEY_ACCESS_FACET_SCHEMAS,
  /** secretmanager secrets.list (metadata only) */
  'gcp.secretmanager': lazySchema(() => Type.Object({ read: Read, secrets: Type.Array(GcpSecretSchema) })),
  /** artifactregistry repositories.list */
  'gcp.artifactregistry': lazySchema(() =>
    Type.Object({ read: Read, repositories: Type.Array(GcpArRepositorySchema) }),
  ),
  /** artifactregistry repositories.getIamPolicy of the expected repository */
  'gcp.artifactregistry-iam': lazySchema(() =>
    Type.Object({
      repositories: Type.Array(PolicyOf({ project: Str, location: Str, repository: Str })),
    }),
  ),
  ...IMAGE_PLATFORM_FACET_SCHEMAS,
  /** serviceusage services.list (state:ENABLED) */
  'gcp.services': lazySchema(() =>
    Type.Object({
      projects: Type.Array(Type.Object({ project: Str, projectNumber: OptStr, enabled: Type.Array(Str) })),
    }),
  ),
  /** container clusters.list in every location */
  'gcp.gke': lazySchema(() => Type.Object({ read: Read, clusters: Type.Array(GcpGkeClusterSchema) })),
  /** monitoring alertPolicies.list */
  'gcp.monitoring': lazySchema(() => Type.Object({ read: Read, alertPolicies: Type.Array(GcpAlertPolicySchema) })),
  /** monitoring uptimeCheckConfigs.list */
  'gcp.monitoring-uptime': lazySchema(() =>
    Type.Object({ read: Read, uptimeChecks: Type.Array(GcpUptimeCheckSchema) }),
  ),
  ...TLS_CERTIFICATE_FACET_SCHEMAS,
  ...EDGE_ENTRY_FACET_SCHEMAS,
  /** cloudresourcemanager projects.get and projects.getIamPolicy */
  'gcp.iam': lazySchema(() =>
    Type.Object({
      projects: Type.Array(Type.Object({ project: Str, projectNumber: OptStr, policy: GcpIamPolicySchema })),
    }),
  ),
  /** iam serviceAccounts.getIamPolicy of the backend's Google service account */
  'gcp.iam-service-accounts': lazySchema(() =>
    Type.Object({
      serviceAccounts: Type.Array(PolicyOf({ project: Str, email: Str })),
    }),
  ),
  /** identitytoolkit projects.getConfig and defaultSupportedIdpConfigs.list */
  'gcp.identity': lazySchema(() => Type.Object({ projects: Type.Array(GcpIdentityProjectSchema) })),
} as const;

/** Every gcp facet by name: the layer's own, and those declared by the one view module that reads each. */
export interface GcpFacets
  extends SqlInstanceFacets,
    KmsKeyAccessFacets,
    ImagePlatformFacets,
    TlsCertificateFacets,
    EdgeEntryFacets {
  'gcp.sql': { read: string[]; instances: GcpSqlInstance[] };
  'gcp.sql-databases': PerInstance<'databases', { name: string }>;
  'gcp.sql-users': PerInstance<'users', GcpSqlUser>;
  'gcp.redis': { read: string[]; instances: GcpRedisInstance[] };
  'gcp.kms': { read: string[]; keyRings: GcpKmsKeyRing[] };
  'gcp.secretmanager': { read: string[]; secrets: GcpSecret[] };
  'gcp.artifactregistry': { read: string[]; repositories: GcpArRepository[] };
  'gcp.artifactregistry-iam': { repositories: PolicyRecord<'project' | 'location' | 'repository'>[] };
  'gcp.services': { projects: { project: string; projectNumber?: string; enabled: string[] }[] };
  'gcp.gke': { read: string[]; clusters: GcpGkeCluster[] };
  'gcp.monitoring': { read: string[]; alertPolicies: GcpAlertPolicy[] };
  'gcp.monitoring-uptime': { read: string[]; uptimeChecks: GcpUptimeCheck[] };
  'gcp.iam': { projects: { project: string; projectNumber?: string; policy: GcpIamPolicy }[] };
  'gcp.iam-service-accounts': { serviceAccounts: PolicyRecord<'project' | 'email'>[] };
  'gcp.identity': { projects: GcpIdentityProject[] };
}
