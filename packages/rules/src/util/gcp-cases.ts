/**
 * Builders for the gcp rules' case tables: the ADR's staging project as the gcp collector normalises it,
 * with only the fields a case is about changed.
 */
import type { FacetMap, GcpGkeCluster, GcpRedisInstance, GcpSqlInstance } from '@coditect-audit/core';

export const PROJECT = 'coditect-cloud-infra';
export const PROJECT_NUMBER = '374018874256';
export const READ_PROJECT = [`projects/${PROJECT}`];

type SqlOverrides = Partial<Omit<GcpSqlInstance, 'settings'>> & {
  settings?: Partial<Omit<GcpSqlInstance['settings'], 'ipConfiguration' | 'backupConfiguration'>> & {
    ipConfiguration?: Partial<GcpSqlInstance['settings']['ipConfiguration']>;
    backupConfiguration?: Partial<GcpSqlInstance['settings']['backupConfiguration']>;
  };
};

export function sqlInstance(o: SqlOverrides = {}): GcpSqlInstance {
  const { settings = {}, ...rest } = o;
  const { ipConfiguration = {}, backupConfiguration = {}, ...otherSettings } = settings;
  return {
    project: PROJECT,
    name: 'coditect-db',
    region: 'us-central1',
    databaseVersion: 'POSTGRES_16',
    state: 'RUNNABLE',
    instanceType: 'CLOUD_SQL_INSTANCE',
    ipAddresses: [{ type: 'PRIVATE', ipAddress: '10.28.0.3' }],
    ...rest,
    settings: {
      tier: 'db-custom-2-7680',
      edition: 'ENTERPRISE',
      availabilityType: 'REGIONAL',
      activationPolicy: 'ALWAYS',
      deletionProtectionEnabled: true,
      userLabels: { 'managed-by': 'opentofu' },
      ...otherSettings,
      ipConfiguration: {
        ipv4Enabled: false,
        privateNetwork: `projects/${PROJECT}/global/networks/coditect-vpc`,
        requireSsl: false,
        sslMode: 'ENCRYPTED_ONLY',
        authorizedNetworks: [],
        ...ipConfiguration,
      },
      backupConfiguration: {
        enabled: true,
        startTime: '03:00',
        pointInTimeRecoveryEnabled: true,
        transactionLogRetentionDays: 7,
        retainedBackups: 14,
        ...backupConfiguration,
      },
    },
  };
}

export const sqlFacet = (...instances: GcpSqlInstance[]): FacetMap['gcp.sql'] => ({ read: READ_PROJECT, instances });

export function redisInstance(o: Partial<GcpRedisInstance> = {}): GcpRedisInstance {
  return {
    project: PROJECT,
    location: 'us-central1',
    name: 'coditect-redis-staging',
    tier: 'STANDARD_HA',
    redisVersion: 'REDIS_7_0',
    state: 'READY',
    host: '10.28.1.4',
    port: 6378,
    authEnabled: true,
    transitEncryptionMode: 'SERVER_AUTHENTICATION',
    connectMode: 'PRIVATE_SERVICE_ACCESS',
    persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: 'ONE_HOUR' },
    labels: { 'managed-by': 'opentofu' },
    ...o,
  };
}

export const redisFacet = (...instances: GcpRedisInstance[]): FacetMap['gcp.redis'] => ({
  read: READ_PROJECT,
  instances,
});

export function gkeCluster(o: Partial<GcpGkeCluster> = {}): GcpGkeCluster {
  return {
    project: PROJECT,
    location: 'us-central1',
    name: 'coditect-cluster',
    status: 'RUNNING',
    currentMasterVersion: '1.33.5-gke.1080000',
    releaseChannel: 'REGULAR',
    resourceLabels: { 'managed-by': 'opentofu' },
    workloadPool: `${PROJECT}.svc.id.goog`,
    databaseEncryption: {
      state: 'ENCRYPTED',
      currentState: 'CURRENT_STATE_ENCRYPTED',
      keyName: `projects/${PROJECT}/locations/us-central1/keyRings/gke-secrets-keyring/cryptoKeys/gke-secrets-key`,
    },
    loggingService: 'logging.googleapis.com/kubernetes',
    loggingComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS'],
    monitoringService: 'monitoring.googleapis.com/kubernetes',
    monitoringComponents: ['SYSTEM_COMPONENTS'],
    managedPrometheus: true,
    nodePools: [
      {
        name: 'coditect-cluster-pool',
        status: 'RUNNING',
        machineType: 'e2-standard-4',
        imageType: 'COS_CONTAINERD',
        serviceAccount: 'default',
        workloadMetadataMode: 'GKE_METADATA',
      },
    ],
    ...o,
  };
}

export const gkeFacet = (...clusters: GcpGkeCluster[]): FacetMap['gcp.gke'] => ({ read: READ_PROJECT, clusters });

export const servicesFacet = (...enabled: string[]): FacetMap['gcp.services'] => ({
  projects: [{ project: PROJECT, projectNumber: PROJECT_NUMBER, enabled: enabled.map((s) => `${s}.googleapis.com`) }],
});
