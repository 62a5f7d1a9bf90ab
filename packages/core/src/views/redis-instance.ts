/**
 * The Memorystore (Redis) instance view: one `RedisInstanceView` per instance per source.
 * - `tf`: each `google_redis_instance` block (evaluated by the files collector);
 * - `gcp`: each instance redis `instances.list` returned;
 * - `probe`: the Redis server the probe connected to (what a client sees of the instance).
 * An attribute a source cannot show is `absent` with that source's origin.
 */
import type { Expectations } from '../config.js';
import { declarationKey } from '../declarations.js';
import type { GcpRedisInstance } from '../layers/gcp.js';
import type { RedisProbe } from '../layers/probe.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { type Attribute, decided, liveAttribute, tfAttribute } from './attribute.js';
import type { ViewSet } from './sql-instance.js';
import { blockLocation, declaresNothing, read, resourceOf, resourcesOf, type TfResource } from './terraform.js';
import type { ViewSource } from './index.js';

export interface RedisInstanceView {
  source: 'tf' | 'gcp' | 'probe';
  resource: Resource;
  /** How messages name it: the `.tf` address, the instance name, the probed endpoint. */
  label: string;
  /** Where the instance is declared (tf): the resource block. */
  location?: Location;
  /** The instance name: how a declaration and a live instance are paired. */
  name: Attribute<unknown>;
  /** `auth_enabled` / `authEnabled` (Google omits false; the gcp collector reports it as false). */
  authEnabled: Attribute<unknown>;
  /** `transit_encryption_mode` / `transitEncryptionMode` (unset means DISABLED). */
  transitEncryptionMode: Attribute<unknown>;
  /** `persistence_config.persistence_mode` / `persistenceConfig.persistenceMode` (unset means DISABLED). */
  persistenceMode: Attribute<unknown>;
  /** `persistenceConfig.rdbSnapshotPeriod` (gcp). */
  rdbSnapshotPeriod: Attribute<unknown>;
  /** The port clients use (gcp `port`; the probed port). */
  port: Attribute<unknown>;
  /**
   * probe: how the server answered `PING` without AUTH over the configured transport (`pong`, `noauth`,
   * `error`, `no-answer`), with its reply.
   */
  anonymousPing: Attribute<string>;
  anonymousPingReply?: string;
  /** probe: `PING` over plain TCP to the same port (`answered`, `refused`, `no-answer`), with the reply. */
  plaintextConnection: Attribute<string>;
  plaintextReply?: string;
  /** The source's own record (the probe's observations: PING without AUTH, plaintext attempt, TLS handshake). */
  tf?: TfResource;
  gcp?: GcpRedisInstance;
  probe?: RedisProbe;
}

export const REDIS_INSTANCE_TF_TYPE = 'google_redis_instance';

/** The live instance as a verdict resource, declared as the `.tf` block of the same name. */
export function redisInstanceResource(i: { project: string; location: string; name: string }): Resource {
  return {
    id: `gcp:redis/${i.project}/${i.location}/${i.name}`,
    kind: 'MemorystoreInstance',
    name: i.name,
    declaredAs: declarationKey({ layer: 'tf', type: REDIS_INSTANCE_TF_TYPE, name: i.name }),
  };
}

/** The probed Redis server as a verdict resource, declared as the expected instance's `.tf` block. */
export function redisServerResource(d: RedisProbe, exp: Expectations): Resource {
  return {
    id: `redis://${d.endpoint}`,
    kind: 'RedisServer',
    name: d.endpoint,
    declaredAs: declarationKey({ layer: 'tf', type: REDIS_INSTANCE_TF_TYPE, name: exp.redis.instance }),
  };
}

const absentIn = (layer: 'files' | 'gcp' | 'probe', path: string, live?: string): Attribute<never> => ({
  certainty: 'absent',
  origin: { layer, path, ...(live ? { live } : {}) },
});

/** Declared instances; blocks that declare nothing (`count = 0`) are left out with the reason. */
export function redisInstancesFromTerraform(facet: FacetMap['files.terraform']): ViewSet<RedisInstanceView> {
  const items: RedisInstanceView[] = [];
  const empty: { reason: string; resource: Resource }[] = [];
  for (const r of resourcesOf(facet.files, REDIS_INSTANCE_TF_TYPE)) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      empty.push({ reason: `${r.address} declares no instance (count = 0 or an empty for_each)`, resource });
      continue;
    }
    const file = r.file.file;
    const at = (path: string) => tfAttribute(file, `${r.address}.${path}`, read(r.block, path));
    items.push({
      source: 'tf',
      resource,
      label: r.address,
      location: blockLocation(file, r.block),
      name: at('name'),
      authEnabled: at('auth_enabled'),
      transitEncryptionMode: at('transit_encryption_mode'),
      persistenceMode: at('persistence_config.persistence_mode'),
      rdbSnapshotPeriod: at('persistence_config.rdb_snapshot_period'),
      port: absentIn('files', `${r.address}.port (chosen by Memorystore)`),
      anonymousPing: absentIn('files', `${r.address} (a declaration shows no connection)`),
      plaintextConnection: absentIn('files', `${r.address} (a declaration shows no connection)`),
      tf: r,
    });
  }
  return { items, empty, none: `no ${REDIS_INSTANCE_TF_TYPE} resource is declared in any .tf file` };
}

export function redisInstancesFromGcp(facet: FacetMap['gcp.redis']): ViewSet<RedisInstanceView> {
  const items = facet.instances.map((i): RedisInstanceView => {
    const resource = redisInstanceResource(i);
    const live = resource.id;
    const at = (value: unknown, path: string) => liveAttribute(value, { layer: 'gcp', path, live });
    return {
      source: 'gcp',
      resource,
      label: i.name,
      name: decided(i.name, { layer: 'gcp', path: 'name', live }),
      authEnabled: at(i.authEnabled, 'authEnabled'),
      transitEncryptionMode: at(i.transitEncryptionMode, 'transitEncryptionMode'),
      persistenceMode: at(i.persistenceConfig?.persistenceMode, 'persistenceConfig.persistenceMode'),
      rdbSnapshotPeriod: at(i.persistenceConfig?.rdbSnapshotPeriod, 'persistenceConfig.rdbSnapshotPeriod'),
      port: at(i.port, 'port'),
      anonymousPing: absentIn('gcp', 'the Redis API shows no connection', live),
      plaintextConnection: absentIn('gcp', 'the Redis API shows no connection', live),
      gcp: i,
    };
  });
  return { items, empty: [], none: 'the project has no Memorystore instance' };
}

export function redisInstancesFromProbe(d: FacetMap['probe.redis'], exp: Expectations): ViewSet<RedisInstanceView> {
  const resource = redisServerResource(d, exp);
  const live = resource.id;
  const view: RedisInstanceView = {
    source: 'probe',
    resource,
    label: d.endpoint,
    name: absentIn('probe', 'a client does not see the instance name', live),
    authEnabled: absentIn(
      'probe',
      'a client does not see auth_enabled (it sees how PING without AUTH is answered)',
      live,
    ),
    transitEncryptionMode: absentIn('probe', 'a client does not see transit_encryption_mode (it sees TLS)', live),
    persistenceMode: absentIn('probe', 'a client does not see persistence', live),
    rdbSnapshotPeriod: absentIn('probe', 'a client does not see persistence', live),
    port: decided(d.port, { layer: 'probe', path: 'port', live }),
    anonymousPing: decided(d.unauthenticatedPing.outcome, { layer: 'probe', path: 'PING (no AUTH)', live }),
    ...(d.unauthenticatedPing.reply !== undefined ? { anonymousPingReply: d.unauthenticatedPing.reply } : {}),
    plaintextConnection: decided(d.plaintext.outcome, { layer: 'probe', path: 'PING over plain TCP', live }),
    ...(d.plaintext.reply !== undefined ? { plaintextReply: d.plaintext.reply } : {}),
    probe: d,
  };
  return { items: [view], empty: [], none: 'no Redis server was probed' };
}

/**
 * The sources of the `redis-instance` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const REDIS_INSTANCE_SOURCES = {
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
} as const satisfies Record<string, ViewSource<RedisInstanceView>>;
