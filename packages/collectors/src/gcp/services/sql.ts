/**
 * Cloud SQL Admin v1 (`@google-cloud/sql`): instances, then per instance its databases, users and backup
 * runs. The list calls of this API do not auto-paginate: the page token is followed here.
 */
import type { FacetMap, GcpSqlBackupRun, GcpSqlInstance, GcpSqlUser } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { paginate } from '../call.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { bool, compact, enumStr, int, labels, obj, objs, type Raw, str, time } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const SQL_API_CALLS = {
  'sqladmin.instances.list': {
    service: 'sqladmin',
    method: 'instances.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances',
    via: 'client',
    permission: 'cloudsql.instances.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql'],
  },
  'sqladmin.databases.list': {
    service: 'sqladmin',
    method: 'databases.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/databases',
    via: 'client',
    permission: 'cloudsql.databases.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-databases'],
  },
  'sqladmin.users.list': {
    service: 'sqladmin',
    method: 'users.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/users',
    via: 'client',
    permission: 'cloudsql.users.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-users'],
  },
  'sqladmin.backupRuns.list': {
    service: 'sqladmin',
    method: 'backupRuns.list',
    http: 'GET',
    path: '/v1/projects/{project}/instances/{instance}/backupRuns',
    via: 'client',
    permission: 'cloudsql.backupRuns.list',
    role: 'roles/cloudsql.viewer',
    facets: ['gcp.sql-backup-runs'],
  },
} as const satisfies Record<string, GcpApiCall>;

/** Backup runs kept per instance (newest first): enough to judge recency without the whole history. */
const BACKUP_RUNS_KEPT = 25;

export function sqlInstance(project: string, i: Raw): GcpSqlInstance {
  const settings = obj(i.settings) ?? {};
  const ip = obj(settings.ipConfiguration) ?? {};
  const backup = obj(settings.backupConfiguration) ?? {};
  const retention = obj(backup.backupRetentionSettings);
  return compact({
    project,
    name: str(i.name) ?? '',
    region: str(i.region),
    databaseVersion: enumStr(i.databaseVersion),
    state: enumStr(i.state),
    instanceType: enumStr(i.instanceType),
    masterInstanceName: str(i.masterInstanceName),
    ipAddresses: objs(i.ipAddresses)
      .map((a) => compact({ type: enumStr(a.type), ipAddress: str(a.ipAddress) ?? '' }))
      .filter((a) => a.ipAddress !== ''),
    settings: compact({
      tier: str(settings.tier),
      edition: enumStr(settings.edition),
      availabilityType: enumStr(settings.availabilityType),
      activationPolicy: enumStr(settings.activationPolicy),
      deletionProtectionEnabled: bool(settings.deletionProtectionEnabled),
      userLabels: labels(settings.userLabels),
      ipConfiguration: compact({
        ipv4Enabled: bool(ip.ipv4Enabled),
        privateNetwork: str(ip.privateNetwork),
        requireSsl: bool(ip.requireSsl),
        sslMode: enumStr(ip.sslMode),
        authorizedNetworks: objs(ip.authorizedNetworks)
          .map((n) => compact({ name: str(n.name), value: str(n.value) ?? '' }))
          .filter((n) => n.value !== ''),
      }),
      backupConfiguration: compact({
        enabled: bool(backup.enabled),
        startTime: str(backup.startTime),
        pointInTimeRecoveryEnabled: bool(backup.pointInTimeRecoveryEnabled),
        binaryLogEnabled: bool(backup.binaryLogEnabled),
        transactionLogRetentionDays: int(backup.transactionLogRetentionDays),
        retainedBackups: int(retention?.retainedBackups),
      }),
    }),
    createTime: time(i.createTime),
  });
}

function sqlUser(u: Raw): GcpSqlUser {
  const roles = (Array.isArray(u.databaseRoles) ? u.databaseRoles : []).filter(
    (r): r is string => typeof r === 'string',
  );
  return compact({
    name: str(u.name) ?? '',
    // BUILT_IN is the enum's zero value: Google omits it.
    type: enumStr(u.type) ?? 'BUILT_IN',
    host: str(u.host),
    // An empty list is what the client fills in for "not reported": only a non-empty list says something.
    databaseRoles: roles.length > 0 ? roles : undefined,
  });
}

function backupRun(r: Raw): GcpSqlBackupRun {
  return compact({
    id: str(r.id) ?? String(int(r.id) ?? ''),
    status: enumStr(r.status),
    type: enumStr(r.type),
    enqueuedTime: time(r.enqueuedTime),
    startTime: time(r.startTime),
    endTime: time(r.endTime),
    windowStartTime: time(r.windowStartTime),
  });
}

const byName = <T extends { project: string; name?: string; instance?: string }>(a: T, b: T) =>
  `${a.project}/${a.name ?? a.instance}` < `${b.project}/${b.name ?? b.instance}` ? -1 : 1;

type SqlModule = typeof import('@google-cloud/sql');
type ClientOptions = ReturnType<GcpRun['transport']['gapic']>;
/** One instance, as the per-instance list calls name it. */
type InstanceRequest = { project: string; instance: string };

/**
 * A list call made once per listed instance, filling one `perInstance(field, item)` facet. Each entry is the
 * whole of what such a call needs here: the collector fans every entry out over the instances, gives its
 * facet the instance list's problems when a project's instances could not be listed, and marks it complete
 * for a project without instances, so a new per-instance call is one entry (and its row above).
 */
type PerInstanceFacet = 'gcp.sql-databases' | 'gcp.sql-users' | 'gcp.sql-backup-runs';
interface PerInstanceRead<C extends { close(): Promise<void> }> {
  facet: PerInstanceFacet;
  /** The facet's per-instance field (`perInstance(field, item)`). */
  field: string;
  /** Its row in `SQL_API_CALLS`. */
  method: keyof typeof SQL_API_CALLS;
  /** Opens the official client the call goes through (closed when the reader ends). */
  client(sql: SqlModule, options: ClientOptions): C;
  /** One instance's items, normalised, in the facet's shape. */
  read(run: GcpRun, client: C, req: InstanceRequest): Promise<unknown[]>;
}
const perInstanceRead = <C extends { close(): Promise<void> }>(r: PerInstanceRead<C>) =>
  r as unknown as PerInstanceRead<{ close(): Promise<void> }>;

/** A list answer's `items`, normalised, without the nameless ones (a record Google returned without a name). */
const namedItems = <T extends { name: string }>(res: unknown, normalise: (item: Raw) => T): T[] =>
  objs((res as Raw).items)
    .map(normalise)
    .filter((item) => item.name !== '');

/** What sqladmin lists per instance, in the facets' order. */
const PER_INSTANCE_READS = [
  perInstanceRead({
    facet: 'gcp.sql-databases',
    field: 'databases',
    method: 'sqladmin.databases.list',
    client: (sql, options) => new sql.v1.SqlDatabasesServiceClient(options),
    async read(run, client, req) {
      const [res] = await call(run, () => client.list(req));
      return namedItems(res, (d) => ({ name: str(d.name) ?? '' }));
    },
  }),
  perInstanceRead({
    facet: 'gcp.sql-users',
    field: 'users',
    method: 'sqladmin.users.list',
    client: (sql, options) => new sql.v1.SqlUsersServiceClient(options),
    async read(run, client, req) {
      const [res] = await call(run, () => client.list(req));
      return namedItems(res, sqlUser);
    },
  }),
  perInstanceRead({
    facet: 'gcp.sql-backup-runs',
    field: 'runs',
    method: 'sqladmin.backupRuns.list',
    client: (sql, options) => new sql.v1.SqlBackupRunsServiceClient(options),
    async read(run, client, req) {
      // Newest first: the first pages are the ones that matter; stop once enough are kept.
      const kept: GcpSqlBackupRun[] = [];
      await paginate(async (pageToken) => {
        if (kept.length >= BACKUP_RUNS_KEPT) return { items: [], next: undefined };
        const [res] = await call(run, () =>
          client.list({ ...req, maxResults: BACKUP_RUNS_KEPT, ...(pageToken ? { pageToken } : {}) }),
        );
        kept.push(...objs((res as Raw).items).map(backupRun));
        return { items: [], next: str((res as Raw).nextPageToken) };
      });
      return kept.slice(0, BACKUP_RUNS_KEPT);
    },
  }),
];

export async function collectSql(run: GcpRun): Promise<FacetResults> {
  const sql = await import('@google-cloud/sql');
  const options = run.transport.gapic('sqladmin');
  const instancesClient = new sql.v1.SqlInstancesServiceClient(options);
  const children = PER_INSTANCE_READS.map((spec) => ({
    spec,
    client: spec.client(sql, options),
    facet: new FacetBuilder(),
    read: [] as string[],
    instances: [] as (InstanceRequest & Record<string, unknown>)[],
  }));

  const instancesFacet = new FacetBuilder();
  const instances: GcpSqlInstance[] = [];
  const read: string[] = [];

  await Promise.all(
    run.settings.projects.map(async (project) => {
      const scope = `projects/${project}`;
      const listed = await instancesFacet.unit('sqladmin.instances.list', scope, project, () =>
        paginate(async (pageToken) => {
          const [res] = await call(run, () =>
            instancesClient.list({ project, maxResults: 500, ...(pageToken ? { pageToken } : {}) }),
          );
          return { items: objs((res as Raw).items), next: str((res as Raw).nextPageToken) };
        }),
      );
      if (!listed) {
        // The children of unlisted instances cannot be read: say so in their facets too.
        for (const child of children) child.facet.inherit(instancesFacet.problems);
        return;
      }
      read.push(scope);
      const mine = listed.map((i) => sqlInstance(project, i)).filter((i) => i.name !== '');
      instances.push(...mine);
      await Promise.all(
        mine.flatMap((inst) => {
          const name = `projects/${project}/instances/${inst.name}`;
          const req = { project, instance: inst.name };
          return children.map(async (child) => {
            const items = await child.facet.unit(child.spec.method, name, project, () =>
              child.spec.read(run, child.client, req),
            );
            if (!items) return;
            child.instances.push({ project, instance: inst.name, [child.spec.field]: items });
            child.read.push(name);
          });
        }),
      );
      // A project without instances has nothing more to read: its children are complete (and empty).
      if (mine.length === 0) for (const child of children) child.facet.ok();
    }),
  );
  await Promise.all([instancesClient, ...children.map((c) => c.client)].map((c) => c.close()));
  const results: FacetResults = {
    'gcp.sql': instancesFacet.build<'gcp.sql'>({ read: read.sort(), instances: instances.sort(byName) }),
  };
  for (const child of children) {
    // `read` returned the items of the facet's shape (`perInstance(field, item)`), checked by its entry's types.
    const data = {
      read: child.read.sort(),
      instances: child.instances.sort(byName),
    } as unknown as FacetMap[PerInstanceFacet];
    Object.assign(results, { [child.spec.facet]: child.facet.build<PerInstanceFacet>(data) });
  }
  return results;
}
