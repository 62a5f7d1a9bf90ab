import { defineRule, type Evidence, type GcpSqlUser, type K8sSecret } from '@coditect-audit/core';
import { liveResource } from '../util/k8s-live.js';

const SUPERUSER_ROLE = 'cloudsqlsuperuser';

/**
 * ADR-001 Issue 2, across layers: "Using postgres superuser for application connection (discovered in
 * secrets)". The Secret names a user, Cloud SQL knows it, PostgreSQL knows what that role may do; this rule
 * walks the chain so the finding says all three at once.
 */
export default defineRule({
  id: 'join-secret-database-role',
  title: "The database user in the app's Secret is a superuser (Secret → Cloud SQL user → PostgreSQL role)",
  concerns: ['db.superuser-app-user'],
  layer: 'probe',
  crossLayer: true,
  facets: ['probe.postgres', 'gcp.sql-users', 'k8s.secrets'],
  description:
    "Follows the application's database user through three layers: the user key of the app's Secret (`expectations.app.secrets`, keys `expectations.app.dbUserKeys`; the live Secret shows a user name only when it is a well-known public name such as `postgres`, never a secret value), the Cloud SQL user of that name on `expectations.database.instance` (its type and reported roles), and the live PostgreSQL role the probe judged (`rolsuper`, membership of `cloudsqlsuperuser`). It fails when any link shows an administrator: the role is a superuser or a member of cloudsqlsuperuser, Cloud SQL reports cloudsqlsuperuser for the user, or the name is one of `expectations.database.superuserNames`. Users are joined by name through maps. The evidence carries the chain; the finding points at the Secret's declaration.",
  rationale:
    'ADR-001 Issue 2 (P0): the app connected as `postgres`, discovered in the Secret. Each layer alone is ambiguous (a name in a Secret, a user in a list, a role flag); joined, they prove which credentials the running app holds and what they can do.',
  remediation: {
    text: "Create a dedicated role with DML rights only, and point the app's Secret (through Secret Manager) at it.",
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)" --project={{project}}',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging'",
      'gcloud secrets versions add db-user-staging --data-file=- <<< license_api_staging',
    ],
  },
  messages: {
    superuser: 'The app logs in to {{endpoint}} as {{user}}, an administrator: {{why}} ({{chain}}).',
    leastPrivilege: 'The app logs in to {{endpoint}} as {{user}}, not an administrator ({{chain}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const pg = ctx.facet('probe.postgres');
    const role = pg.role;
    if (!role) {
      ctx.skip(`the role ${pg.appRole} could not be read on ${pg.endpoint}; see the probe's error verdict`);
      return;
    }
    const secretsByName = new Map<string, K8sSecret>();
    for (const s of ctx.facet('k8s.secrets').items) if (s.namespace === exp.app.namespace) secretsByName.set(s.name, s);
    const secretName = exp.app.secrets[0];
    const secret = secretName ? secretsByName.get(secretName) : undefined;
    const userKey = secret?.keys.find((k) => exp.app.dbUserKeys.includes(k.key));
    const secretUser = userKey?.publicValue ?? userKey?.url?.user;

    const sqlUsers = new Map<string, GcpSqlUser>();
    const instance = ctx
      .facet('gcp.sql-users')
      .instances.find((i) => i.project === exp.project && i.instance === exp.database.instance);
    for (const u of instance?.users ?? []) sqlUsers.set(u.name, u);
    const user = secretUser ?? role.name;
    const sqlUser = sqlUsers.get(user);

    const evidence: Evidence[] = [
      {
        path: secret
          ? `k8s: Secret ${secret.namespace}/${secret.name} key ${userKey?.key ?? '(no user key)'}`
          : `k8s: Secret ${exp.app.namespace}/${secretName ?? '(none expected)'}`,
        observed: secretUser ?? (userKey ? '(a name that is not public: not recorded)' : null),
      },
      {
        path: `gcp: Cloud SQL ${exp.database.instance} user ${user}`,
        observed: sqlUser
          ? `${sqlUser.type}${sqlUser.databaseRoles ? ` (roles: ${sqlUser.databaseRoles.join(', ')})` : ''}`
          : null,
      },
      {
        path: `probe: PostgreSQL role ${role.name} on ${pg.endpoint}`,
        observed: role.exists
          ? `rolsuper=${role.superuser}; member of ${role.memberOf.join(', ') || '(none)'}`
          : 'does not exist',
        expected: 'rolsuper=false, not a member of cloudsqlsuperuser',
      },
    ];
    const chain = [
      `Secret ${secretName ?? '?'}${userKey ? `[${userKey.key}]` : ''} = ${secretUser ?? '(not public)'}`,
      `Cloud SQL user ${sqlUser ? `${sqlUser.name} (${sqlUser.type})` : `${user} (not listed)`}`,
      `role ${role.name}${role.exists ? '' : ' (missing)'}`,
    ].join(' → ');

    const reasons: string[] = [];
    if (role.exists && role.superuser) reasons.push(`${role.name} has rolsuper`);
    if (role.exists && role.memberOf.includes(SUPERUSER_ROLE))
      reasons.push(`${role.name} is a member of ${SUPERUSER_ROLE}`);
    if (sqlUser?.databaseRoles?.includes(SUPERUSER_ROLE))
      reasons.push(`Cloud SQL reports ${SUPERUSER_ROLE} for ${user}`);
    const superNames = new Set(exp.database.superuserNames.map((n) => n.toLowerCase()));
    if (superNames.has(user.toLowerCase())) reasons.push(`${user} is an administrator account by name`);

    const resource = secretName
      ? liveResource({ kind: 'Secret', name: secretName, namespace: exp.app.namespace })
      : { id: `postgres-role:${pg.endpoint}/${role.name}`, kind: 'PostgresRole', name: role.name };
    const data = { endpoint: pg.endpoint, user, chain };
    if (reasons.length > 0)
      ctx.fail({ resource, messageId: 'superuser', data: { ...data, why: reasons.join('; ') }, evidence });
    else ctx.pass({ resource, messageId: 'leastPrivilege', data, evidence });
  },
});
