/**
 * The app's database user view: one `DbUserView` per setting that gives the app its database user (a key of
 * `expectations.app.dbUserKeys`: `db-user`, `DB_USER`, the user of `DATABASE_URL`...), per source.
 * - `manifest`: in the Secrets, ConfigMaps and env of the repository's manifests (file:line of the key);
 * - `k8s`: in the live Secrets (classified by the collector, values never kept) and env the app's workloads read.
 * - `probe`: the role PostgreSQL shows (see `ProbeDbUserView`);
 * - `join`: one user followed through three layers (see `JoinDbUserView`).
 */
import type { Expectations } from '../config.js';
import { declarationKey } from '../declarations.js';
import type { GcpSqlUser } from '../layers/gcp.js';
import type { K8sSecret } from '../layers/k8s.js';
import type { PostgresProbe } from '../layers/probe.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  type AppSetting,
  appSecretNames,
  appSecrets,
  appSettings,
  describeSetting,
  k8sResource,
  manifestObjects,
  settingNamed,
} from './k8s-app.js';
import { inScope, itemsOf, liveResource, secretView, topLevelWorkloadViews, type WorkloadFacets } from './k8s-live.js';
import { SECRET_FACETS } from './secret.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export type DbUserView = SettingDbUserView | ProbeDbUserView | JoinDbUserView;

/**
 * - `probe`: the role the probe judged inside PostgreSQL (`pg_roles`, `pg_auth_members`): the app's own
 *   login, `appUser`, or the user of the app's Secret (`fromSecret`); what that role is, not its name alone.
 */
export interface ProbeDbUserView {
  source: 'probe';
  resource: Resource;
  endpoint: string;
  role: NonNullable<PostgresProbe['role']>;
}

/**
 * - `join`: the app's database user followed through three layers, joined by name: the user key of the app's
 *   live Secret (`expectations.app.secrets[0]`, keys `expectations.app.dbUserKeys`; a name only when it is a
 *   well-known public one), the Cloud SQL user of that name on `expectations.database.instance`, and the
 *   PostgreSQL role the probe judged. The links are resolved here; what they show is judged by the rule.
 */
export interface JoinDbUserView {
  source: 'join';
  /** The app's Secret (where the finding is declared), else the role. */
  resource: Resource;
  endpoint: string;
  role: NonNullable<PostgresProbe['role']>;
  /** The Secret expected to hold the user (`expectations.app.secrets[0]`), and the live one when it exists. */
  secretName: string | undefined;
  secret: K8sSecret | undefined;
  /** Its first key among `expectations.app.dbUserKeys`. */
  userKey: K8sSecret['keys'][number] | undefined;
  /** The user that key names, when the collector kept it (a public name, or a URL's user). */
  secretUser: string | undefined;
  /** The user followed: the Secret's, else the role's. */
  user: string;
  /** The Cloud SQL user of that name on the expected instance, when listed. */
  sqlUser: GcpSqlUser | undefined;
}

export interface SettingDbUserView {
  source: 'manifest' | 'k8s';
  resource: Resource;
  /** `Secret backend-secrets key db-user`, `Deployment coditect-backend env DB_USER`. */
  setting: string;
  /** The setting as the manifest helpers read it: its value when readable, its Secret key class otherwise. */
  ref: AppSetting;
}

export function dbUsersFromManifests(facet: FacetMap['files.kubernetes'], exp: Expectations): ViewSet<DbUserView> {
  const objects = manifestObjects(facet);
  const items = appSettings(objects, exp)
    .filter((s) => settingNamed(s, exp.app.dbUserKeys))
    .map(
      (s): SettingDbUserView => ({
        source: 'manifest',
        resource: k8sResource(s.object, exp),
        setting: describeSetting(s),
        ref: s,
      }),
    );
  const declared = new Set(appSecrets(objects, exp).map((o) => o.name));
  const undeclared = [...appSecretNames(objects, exp).keys()].filter((n) => !declared.has(n));
  return {
    items,
    empty: [],
    none:
      `no database user setting (${exp.app.dbUserKeys.join(', ')}) in the app's Secrets, ConfigMaps or env` +
      (undeclared.length ? `; ${undeclared.join(', ')} not declared in the repository (the k8s layer reads it)` : ''),
  };
}

export function dbUsersFromCluster(
  facets: WorkloadFacets & { 'k8s.secrets': FacetMap['k8s.secrets'] },
  exp: Expectations,
): ViewSet<DbUserView> {
  const facet = facets['k8s.secrets'];
  if (!inScope(facet, exp.app.namespace))
    return {
      items: [],
      empty: [],
      none: `namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`,
    };
  const objects = [
    ...topLevelWorkloadViews(facets),
    ...itemsOf(facet)
      .filter((s) => s.namespace === exp.app.namespace)
      .map(secretView),
  ];
  const items = appSettings(objects, exp)
    .filter((s) => settingNamed(s, exp.app.dbUserKeys))
    .map(
      (s): SettingDbUserView => ({
        source: 'k8s',
        resource: liveResource({ kind: s.object.kind, name: s.object.name, namespace: s.object.namespace }),
        setting: describeSetting(s),
        ref: s,
      }),
    );
  return {
    items,
    empty: [],
    none: `no database user setting (${exp.app.dbUserKeys.join(', ')}) in the live Secrets or env the app reads`,
  };
}

/** The app's database role; findings point at the Secret that names it, when the repository has one. */
export function postgresRoleResource(d: PostgresProbe, exp: Expectations): Resource {
  const secret = exp.app.secrets[0];
  return {
    id: `postgres://${d.endpoint}#role:${d.appRole}`,
    kind: 'PostgresRole',
    name: d.appRole,
    ...(secret
      ? { declaredAs: declarationKey({ layer: 'k8s', kind: 'Secret', namespace: exp.app.namespace, name: secret }) }
      : {}),
  };
}

export function dbUsersFromProbe(d: PostgresProbe, exp: Expectations): ViewSet<DbUserView> {
  if (!d.role)
    return {
      items: [],
      empty: [],
      none: `the role ${d.appRole} could not be read on ${d.endpoint}; see the error verdict`,
    };
  return {
    items: [{ source: 'probe', resource: postgresRoleResource(d, exp), endpoint: d.endpoint, role: d.role }],
    empty: [],
    none: `the role ${d.appRole} could not be read on ${d.endpoint}`,
  };
}

export const DB_USER_JOIN_FACETS = ['probe.postgres', 'gcp.sql-users', 'k8s.secrets'] as const;

export function dbUsersJoined(
  pg: PostgresProbe,
  sqlUsers: FacetMap['gcp.sql-users'],
  secrets: FacetMap['k8s.secrets'],
  exp: Expectations,
): ViewSet<DbUserView> {
  const role = pg.role;
  if (!role)
    return {
      items: [],
      empty: [],
      none: `the role ${pg.appRole} could not be read on ${pg.endpoint}; see the probe's error verdict`,
    };
  const secretsByName = new Map<string, K8sSecret>();
  for (const s of secrets.items) if (s.namespace === exp.app.namespace) secretsByName.set(s.name, s);
  const secretName = exp.app.secrets[0];
  const secret = secretName ? secretsByName.get(secretName) : undefined;
  const userKey = secret?.keys.find((k) => exp.app.dbUserKeys.includes(k.key));
  const secretUser = userKey?.publicValue ?? userKey?.url?.user;
  const byName = new Map<string, GcpSqlUser>();
  const instance = sqlUsers.instances.find((i) => i.project === exp.project && i.instance === exp.database.instance);
  for (const u of instance?.users ?? []) byName.set(u.name, u);
  const user = secretUser ?? role.name;
  const resource = secretName
    ? liveResource({ kind: 'Secret', name: secretName, namespace: exp.app.namespace })
    : { id: `postgres-role:${pg.endpoint}/${role.name}`, kind: 'PostgresRole', name: role.name };
  const view: JoinDbUserView = {
    source: 'join',
    resource,
    endpoint: pg.endpoint,
    role,
    secretName,
    secret,
    userKey,
    secretUser,
    user,
    sqlUser: byName.get(user),
  };
  return { items: [view], empty: [], none: '' };
}

/**
 * The sources of the `db-user` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const DB_USER_SOURCES = {
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
  // The Secret, Cloud SQL and PostgreSQL together; reported on the probe layer, as the join was.
  join: {
    layer: 'probe',
    facets: DB_USER_JOIN_FACETS,
    build: (facet, exp) => dbUsersJoined(facet('probe.postgres'), facet('gcp.sql-users'), facet('k8s.secrets'), exp),
  },
} as const satisfies Record<string, ViewSource<DbUserView>>;
