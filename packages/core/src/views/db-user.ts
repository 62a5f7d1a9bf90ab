/**
 * The app's database user view: one `DbUserView` per setting that gives the app its database user (a key of
 * `expectations.app.dbUserKeys`: `db-user`, `DB_USER`, the user of `DATABASE_URL`...), per source.
 * - `manifest`: in the Secrets, ConfigMaps and env of the repository's manifests (file:line of the key);
 * - `k8s`: in the live Secrets (classified by the collector, values never kept) and env the app's workloads read.
 */
import type { Expectations } from '../config.js';
import { declarationKey } from '../declarations.js';
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
import {
  inScope,
  itemsOf,
  liveResource,
  secretView,
  topLevelWorkloads,
  viewOf,
  type WorkloadFacets,
} from './k8s-live.js';
import { SECRET_FACETS } from './secret.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export type DbUserView = SettingDbUserView | ProbeDbUserView;

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
    ...topLevelWorkloads(facets).map(viewOf),
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
} as const satisfies Record<string, ViewSource<DbUserView>>;
