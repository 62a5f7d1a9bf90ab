/**
 * The Cloud SQL instance view: one `SqlInstanceView` per instance per source.
 * - `tf`: each `google_sql_database_instance` block (the files collector has evaluated what OpenTofu would);
 * - `gcp`: each instance sqladmin `instances.list` returned;
 * - `probe`: the PostgreSQL server the probe connected to (what a client sees of the instance).
 * An attribute a source cannot show is `absent` with that source's origin; rules read only what their
 * concern needs and word their message by `source`.
 */
import { declarationKey } from '../declarations.js';
import type { Expectations } from '../config.js';
import type { GcpSqlInstance } from '../layers/gcp.js';
import type { PostgresProbe } from '../layers/probe.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import type { ViewSource } from './index.js';
import { type Attribute, decided, liveAttribute, tfAttribute } from './attribute.js';
import { replicaOf, replicaReason } from './cloudsql.js';
import {
  attributeLocation,
  blockLocation,
  childBlock,
  childBlocks,
  declaresNothing,
  dependsOnOf,
  dynamicBlock,
  inputsOf,
  isExpression,
  read,
  resourceOf,
  resourcesOf,
  sourceOf,
  type TfResource,
} from './terraform.js';
import { type Static, Type } from '@sinclair/typebox';
import { OptStr, type PerInstance, perInstance, Str } from '../layers/gcp-shapes.js';
import { lazySchema } from '../lazy-schema.js';

// ---------------------------------------------------------------- facets only this view reads

/** One backup run of an instance (sqladmin `backupRuns.list`). */
export const GcpSqlBackupRunSchema = lazySchema(() =>
  Type.Object({
    id: Str,
    status: OptStr,
    /** AUTOMATED | ON_DEMAND */
    type: OptStr,
    enqueuedTime: OptStr,
    startTime: OptStr,
    endTime: OptStr,
    windowStartTime: OptStr,
  }),
);
export type GcpSqlBackupRun = Static<typeof GcpSqlBackupRunSchema>;

/**
 * The gcp facets only this view reads, declared beside the builder that reads them: a new facet for this view
 * is a change here and in the collector's reader that fills it (layers/gcp.ts spreads this table into the
 * layer's `GcpFacetSchemas`, so the snapshot validates it like any facet).
 */
export const SQL_INSTANCE_FACET_SCHEMAS = {
  /** sqladmin backupRuns.list per instance (newest first) */
  'gcp.sql-backup-runs': lazySchema(() => perInstance('runs', GcpSqlBackupRunSchema)),
} as const;
export interface SqlInstanceFacets {
  'gcp.sql-backup-runs': PerInstance<'runs', GcpSqlBackupRun>;
}

export interface SqlInstanceView {
  source: 'tf' | 'gcp' | 'probe';
  resource: Resource;
  /** How messages name it: the `.tf` address, the instance name, the probed endpoint. */
  label: string;
  /** Where the instance is declared (tf): the resource block. */
  location?: Location;
  /** The instance name (`name` of the block; the live name): how a declaration and a live instance are paired. */
  name: Attribute<unknown>;
  /** `settings.ip_configuration.ssl_mode` / `settings.ipConfiguration.sslMode`. */
  sslMode: Attribute<unknown>;
  /** The legacy `require_ssl` / `requireSsl`. */
  requireSsl: Attribute<unknown>;
  /** Google-side deletion protection: `settings.deletion_protection_enabled` / `settings.deletionProtectionEnabled`. */
  deletionProtection: Attribute<unknown>;
  /** tf only: OpenTofu's own `deletion_protection` (guards `tofu destroy` only; defaults to true). */
  destroyGuard: Attribute<unknown>;
  /** Why the instance is a read replica (its primary holds backups and availability), or undefined. */
  replicaOf?: string;
  /** `settings.availability_type` / `settings.availabilityType`: REGIONAL or ZONAL. */
  availabilityType: Attribute<unknown>;
  /** `database_version` / `databaseVersion` (`POSTGRES_16`). */
  databaseVersion: Attribute<unknown>;
  /** Automated backups: `settings.backup_configuration.enabled` / `settings.backupConfiguration.enabled`. */
  backupsEnabled: Attribute<unknown>;
  /** PostgreSQL / SQL Server point-in-time recovery: `point_in_time_recovery_enabled` / `pointInTimeRecoveryEnabled`. */
  pointInTimeRecovery: Attribute<unknown>;
  /** MySQL's point-in-time recovery: `binary_log_enabled` / `binaryLogEnabled`. */
  binaryLog: Attribute<unknown>;
  /**
   * gcp, when the rule's source reads `gcp.sql-backup-runs`: the instance's recent backup runs, newest first
   * (`absent` when its runs were not read: the facet's problem is then the verdict).
   */
  backupRuns: Attribute<GcpSqlBackupRun[]>;
  /** `settings.ip_configuration.ipv4_enabled` / `settings.ipConfiguration.ipv4Enabled` (OpenTofu's default is true). */
  ipv4Enabled: Attribute<unknown>;
  /** gcp: Google reports a PRIMARY (public) address. */
  hasPublicAddress?: boolean;
  /**
   * Authorized networks, each with a stable key (its value, or `dynamic` for a `dynamic` block) and what the
   * source shows as its text (`observed`). A `dynamic` block over a collection the repository does not settle
   * is one `unresolved` entry.
   */
  authorizedNetworks: { key: string; observed: string; value: Attribute<unknown> }[];
  /** probe: how the server answered a client that asked for no TLS (`refused`, `auth-requested`, `accepted`...). */
  plaintextConnection: Attribute<string>;
  /** probe: the server's words about the plaintext attempt. */
  plaintextDetail?: string;
  /** The source's own record, for attributes no view exposes yet (add them here rather than reading it). */
  tf?: TfResource;
  gcp?: GcpSqlInstance;
  probe?: PostgresProbe;
}

export const SQL_INSTANCE_TF_TYPE = 'google_sql_database_instance';

/** The live instance as a verdict resource, declared as the `.tf` block of the same name. */
export function sqlInstanceResource(i: { project: string; name: string }): Resource {
  return {
    id: `gcp:sql/${i.project}/${i.name}`,
    kind: 'CloudSqlInstance',
    name: i.name,
    declaredAs: declarationKey({ layer: 'tf', type: SQL_INSTANCE_TF_TYPE, name: i.name }),
  };
}

/** The probed PostgreSQL server as a verdict resource, declared as the expected instance's `.tf` block. */
export function postgresServerResource(d: PostgresProbe, exp: Expectations): Resource {
  return {
    id: `postgres://${d.endpoint}`,
    kind: 'PostgresServer',
    name: d.endpoint,
    declaredAs: declarationKey({ layer: 'tf', type: SQL_INSTANCE_TF_TYPE, name: exp.database.instance }),
  };
}

/** The `authorized_networks` blocks of a declared instance, and a `dynamic` one as one undecided entry. */
function declaredNetworks(r: TfResource): SqlInstanceView['authorizedNetworks'] {
  const file = r.file.file;
  const path = `${r.address}.settings.ip_configuration.authorized_networks`;
  const ipConfig = childBlock(childBlock(r.block, 'settings') ?? r.block, 'ip_configuration');
  if (!ipConfig) return [];
  const out: SqlInstanceView['authorizedNetworks'] = [];
  for (const net of childBlocks(ipConfig, 'authorized_networks')) {
    const value = net.attributes.value;
    if (!value) continue;
    const origin = { layer: 'files' as const, path: `${path}.value`, location: attributeLocation(file, value) };
    const observed = sourceOf(value.value).replace(/^"|"$/g, '');
    if (isExpression(value.value)) {
      const expression = value.value.expression.trim();
      out.push({
        key: expression,
        observed,
        value: { certainty: 'unresolved', expression, dependsOn: dependsOnOf(value, value.value.expression), origin },
      });
    } else out.push({ key: String(value.value), observed, value: decided(value.value, origin) });
  }
  const dynamic = dynamicBlock(ipConfig, 'authorized_networks');
  if (dynamic) {
    const forEach = dynamic.attributes.for_each;
    const expression = `dynamic "authorized_networks"${forEach ? ` over ${sourceOf(forEach.value)}` : ''}`;
    out.push({
      key: 'dynamic',
      observed: expression,
      value: {
        certainty: 'unresolved',
        expression,
        dependsOn: inputsOf(expression),
        origin: { layer: 'files', path, location: blockLocation(file, dynamic) },
      },
    });
  }
  return out;
}

const optional = <K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };

const absentIn = (layer: 'files' | 'gcp' | 'probe', path: string, live?: string): Attribute<never> => ({
  certainty: 'absent',
  origin: { layer, path, ...(live ? { live } : {}) },
});

/** Declared instances; blocks that declare nothing (`count = 0`) are left out with the reason. */
export function sqlInstancesFromTerraform(facet: FacetMap['files.terraform']): ViewSet<SqlInstanceView> {
  const items: SqlInstanceView[] = [];
  const empty: { reason: string; resource: Resource }[] = [];
  for (const r of resourcesOf(facet.files, SQL_INSTANCE_TF_TYPE)) {
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
      sslMode: at('settings.ip_configuration.ssl_mode'),
      requireSsl: at('settings.ip_configuration.require_ssl'),
      deletionProtection: at('settings.deletion_protection_enabled'),
      ...optional('replicaOf', replicaReason(r.block)),
      availabilityType: at('settings.availability_type'),
      databaseVersion: at('database_version'),
      backupsEnabled: at('settings.backup_configuration.enabled'),
      pointInTimeRecovery: at('settings.backup_configuration.point_in_time_recovery_enabled'),
      backupRuns: absentIn('files', `${r.address} (a declaration has no backup runs)`),
      ipv4Enabled: at('settings.ip_configuration.ipv4_enabled'),
      authorizedNetworks: declaredNetworks(r),
      binaryLog: at('settings.backup_configuration.binary_log_enabled'),
      destroyGuard: at('deletion_protection'),
      plaintextConnection: absentIn('files', `${r.address} (a declaration shows no connection)`),
      tf: r,
    });
  }
  return { items, empty, none: `no ${SQL_INSTANCE_TF_TYPE} resource is declared in any .tf file` };
}

export function sqlInstancesFromGcp(
  facet: FacetMap['gcp.sql'],
  backupRuns?: FacetMap['gcp.sql-backup-runs'],
): ViewSet<SqlInstanceView> {
  const items = facet.instances.map((i): SqlInstanceView => {
    const resource = sqlInstanceResource(i);
    const live = resource.id;
    const ip = i.settings.ipConfiguration;
    const backup = i.settings.backupConfiguration;
    return {
      source: 'gcp',
      resource,
      label: i.name,
      name: decided(i.name, { layer: 'gcp', path: 'name', live }),
      sslMode: liveAttribute(ip.sslMode, { layer: 'gcp', path: 'settings.ipConfiguration.sslMode', live }),
      requireSsl: liveAttribute(ip.requireSsl, { layer: 'gcp', path: 'settings.ipConfiguration.requireSsl', live }),
      deletionProtection: liveAttribute(i.settings.deletionProtectionEnabled, {
        layer: 'gcp',
        path: 'settings.deletionProtectionEnabled',
        live,
      }),
      destroyGuard: absentIn('gcp', 'deletion_protection is an OpenTofu setting', live),
      ...optional('replicaOf', replicaOf(i)),
      availabilityType: liveAttribute(i.settings.availabilityType, {
        layer: 'gcp',
        path: 'settings.availabilityType',
        live,
      }),
      databaseVersion: liveAttribute(i.databaseVersion, { layer: 'gcp', path: 'databaseVersion', live }),
      backupsEnabled: liveAttribute(backup.enabled, {
        layer: 'gcp',
        path: 'settings.backupConfiguration.enabled',
        live,
      }),
      pointInTimeRecovery: liveAttribute(backup.pointInTimeRecoveryEnabled, {
        layer: 'gcp',
        path: 'settings.backupConfiguration.pointInTimeRecoveryEnabled',
        live,
      }),
      binaryLog: liveAttribute(backup.binaryLogEnabled, {
        layer: 'gcp',
        path: 'settings.backupConfiguration.binaryLogEnabled',
        live,
      }),
      ipv4Enabled: liveAttribute(ip.ipv4Enabled, { layer: 'gcp', path: 'settings.ipConfiguration.ipv4Enabled', live }),
      hasPublicAddress: i.ipAddresses.some((a) => a.type === 'PRIMARY'),
      authorizedNetworks: ip.authorizedNetworks.map((n) => ({
        key: n.value,
        observed: n.value,
        value: decided(n.value, { layer: 'gcp', path: 'settings.ipConfiguration.authorizedNetworks', live }),
      })),
      backupRuns: liveAttribute(
        backupRuns?.instances.find((r) => r.project === i.project && r.instance === i.name)?.runs,
        { layer: 'gcp', path: 'backupRuns', live },
      ),
      plaintextConnection: absentIn('gcp', 'the Admin API shows no connection', live),
      gcp: i,
    };
  });
  return { items, empty: [], none: 'the project has no Cloud SQL instance' };
}

export function sqlInstancesFromProbe(d: FacetMap['probe.postgres'], exp: Expectations): ViewSet<SqlInstanceView> {
  const resource = postgresServerResource(d, exp);
  const live = resource.id;
  const view: SqlInstanceView = {
    source: 'probe',
    resource,
    label: d.endpoint,
    name: absentIn('probe', 'a client does not see the instance name', live),
    sslMode: absentIn('probe', 'a client does not see ssl_mode', live),
    requireSsl: absentIn('probe', 'a client does not see require_ssl', live),
    deletionProtection: absentIn('probe', 'a client does not see deletion protection', live),
    destroyGuard: absentIn('probe', 'deletion_protection is an OpenTofu setting', live),
    availabilityType: absentIn('probe', 'a client does not see the availability type', live),
    databaseVersion: absentIn('probe', 'the probe reports the server version, not the Cloud SQL version', live),
    backupsEnabled: absentIn('probe', 'a client does not see backups', live),
    pointInTimeRecovery: absentIn('probe', 'a client does not see point-in-time recovery', live),
    binaryLog: absentIn('probe', 'a client does not see the binary log', live),
    backupRuns: absentIn('probe', 'a client does not see backup runs', live),
    ipv4Enabled: absentIn('probe', 'a client does not see the IP configuration', live),
    authorizedNetworks: [],
    plaintextConnection: decided(d.plaintext.outcome, { layer: 'probe', path: 'connection(sslmode=disable)', live }),
    plaintextDetail: d.plaintext.detail,
    probe: d,
  };
  return { items: [view], empty: [], none: 'no PostgreSQL server was probed' };
}

/**
 * What a source shows of a resource kind. `empty` are declarations that create nothing (`count = 0`), each a
 * skip; `none` is the skip reason when the source shows no resource of the kind at all.
 */
export interface ViewSet<V> {
  items: V[];
  empty: { reason: string; resource: Resource }[];
  none: string;
}

/**
 * The sources of the `sql-instance` view, beside their builders: the layer and the facets each is built
 * from (`optionalFacets`: those a rule may add, read only when it does). views/index.ts lists this table.
 */
export const SQL_INSTANCE_SOURCES = {
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet) => sqlInstancesFromTerraform(facet('files.terraform')),
  },
  gcp: {
    layer: 'gcp',
    facets: ['gcp.sql'],
    optionalFacets: ['gcp.sql-backup-runs'],
    build: (facet, _exp, has) =>
      sqlInstancesFromGcp(facet('gcp.sql'), has('gcp.sql-backup-runs') ? facet('gcp.sql-backup-runs') : undefined),
  },
  probe: {
    layer: 'probe',
    facets: ['probe.postgres'],
    build: (facet, exp) => sqlInstancesFromProbe(facet('probe.postgres'), exp),
  },
} as const satisfies Record<string, ViewSource<SqlInstanceView>>;
