/**
 * Cloud SQL Admin v1 (`@google-cloud/sql`): instances, then per instance its databases, users and backup
 * runs. The list calls of this API do not auto-paginate: the page token is followed here.
 */
import type { GcpSqlBackupRun, GcpSqlInstance, GcpSqlUser } from '@coditect-audit/core';
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

export async function collectSql(run: GcpRun): Promise<FacetResults> {
  const sql = await import('@google-cloud/sql');
  const options = run.transport.gapic('sqladmin');
  const instancesClient = new sql.v1.SqlInstancesServiceClient(options);
  const databasesClient = new sql.v1.SqlDatabasesServiceClient(options);
  const usersClient = new sql.v1.SqlUsersServiceClient(options);
  const backupRunsClient = new sql.v1.SqlBackupRunsServiceClient(options);

  const instancesFacet = new FacetBuilder();
  const databasesFacet = new FacetBuilder();
  const usersFacet = new FacetBuilder();
  const runsFacet = new FacetBuilder();
  const instances: GcpSqlInstance[] = [];
  const read: string[] = [];
  const databases: { project: string; instance: string; databases: { name: string }[] }[] = [];
  const users: { project: string; instance: string; users: GcpSqlUser[] }[] = [];
  const runs: { project: string; instance: string; runs: GcpSqlBackupRun[] }[] = [];
  const childRead = { databases: [] as string[], users: [] as string[], runs: [] as string[] };

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
        for (const f of [databasesFacet, usersFacet, runsFacet]) f.inherit(instancesFacet.problems);
        return;
      }
      read.push(scope);
      const mine = listed.map((i) => sqlInstance(project, i)).filter((i) => i.name !== '');
      instances.push(...mine);
      await Promise.all(
        mine.map(async (inst) => {
          const name = `projects/${project}/instances/${inst.name}`;
          const req = { project, instance: inst.name };
          const [dbs, us, brs] = await Promise.all([
            databasesFacet.unit('sqladmin.databases.list', name, project, async () => {
              const [res] = await call(run, () => databasesClient.list(req));
              return objs((res as Raw).items).map((d) => ({ name: str(d.name) ?? '' }));
            }),
            usersFacet.unit('sqladmin.users.list', name, project, async () => {
              const [res] = await call(run, () => usersClient.list(req));
              return objs((res as Raw).items).map(sqlUser);
            }),
            runsFacet.unit('sqladmin.backupRuns.list', name, project, async () => {
              // Newest first: the first pages are the ones that matter; stop once enough are kept.
              const kept: GcpSqlBackupRun[] = [];
              await paginate(async (pageToken) => {
                if (kept.length >= BACKUP_RUNS_KEPT) return { items: [], next: undefined };
                const [res] = await call(run, () =>
                  backupRunsClient.list({ ...req, maxResults: BACKUP_RUNS_KEPT, ...(pageToken ? { pageToken } : {}) }),
                );
                kept.push(...objs((res as Raw).items).map(backupRun));
                return { items: [], next: str((res as Raw).nextPageToken) };
              });
              return kept.slice(0, BACKUP_RUNS_KEPT);
            }),
          ]);
          if (dbs) {
            databases.push({ project, instance: inst.name, databases: dbs.filter((d) => d.name !== '') });
            childRead.databases.push(name);
          }
          if (us) {
            users.push({ project, instance: inst.name, users: us.filter((u) => u.name !== '') });
            childRead.users.push(name);
          }
          if (brs) {
            runs.push({ project, instance: inst.name, runs: brs });
            childRead.runs.push(name);
          }
        }),
      );
      // A project without instances has nothing more to read: its children are complete (and empty).
      if (mine.length === 0) for (const f of [databasesFacet, usersFacet, runsFacet]) f.ok();
    }),
  );
  await Promise.all([instancesClient, databasesClient, usersClient, backupRunsClient].map((c) => c.close()));
  return {
    'gcp.sql': instancesFacet.build<'gcp.sql'>({ read: read.sort(), instances: instances.sort(byName) }),
    'gcp.sql-databases': databasesFacet.build<'gcp.sql-databases'>({
      read: childRead.databases.sort(),
      instances: databases.sort(byName),
    }),
    'gcp.sql-users': usersFacet.build<'gcp.sql-users'>({ read: childRead.users.sort(), instances: users.sort(byName) }),
    'gcp.sql-backup-runs': runsFacet.build<'gcp.sql-backup-runs'>({
      read: childRead.runs.sort(),
      instances: runs.sort(byName),
    }),
  };
}
