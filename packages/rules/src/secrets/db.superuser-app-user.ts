import { defineViewRule, type Evidence } from '@coditect-audit/core';
import type { JoinDbUserView, ProbeDbUserView, SettingDbUserView } from '@coditect-audit/core/views';

/** The Cloud SQL administrators' role (what `postgres` is a member of on Cloud SQL). */
const SUPERUSER_ROLE = 'cloudsqlsuperuser';

type UserOf =
  | { kind: 'readable'; name: string }
  /** A Secret value: only a well-known public name is visible. */
  | { kind: 'hidden'; name?: string; superuserClass: boolean }
  | { kind: 'unusable'; reason: string; name?: undefined };

/** The user a setting gives the app, as far as the source shows it. */
function userOf(v: SettingDbUserView): UserOf {
  const s = v.ref;
  const sk = s.secretKey;
  if (sk) {
    // The collector keeps a URL's user (and a plain value) only when it is a well-known superuser name.
    const publicName = sk.url?.user ?? (sk.class === 'superuser-name' ? sk.publicValue : undefined);
    if (publicName) return { kind: 'hidden', superuserClass: true, name: publicName };
    if (sk.class === 'superuser-name') return { kind: 'hidden', superuserClass: true };
    if (sk.class === 'set') return { kind: 'hidden', superuserClass: false };
    return { kind: 'unusable', reason: sk.class };
  }
  if (s.value === undefined)
    return {
      kind: 'unusable',
      reason: v.source === 'k8s' ? 'its value is not readable' : 'its value is not in the repository',
    };
  const value = s.value.trim();
  const url = s.url;
  if (url)
    return url.user ? { kind: 'readable', name: url.user } : { kind: 'unusable', reason: 'the URL names no user' };
  return value ? { kind: 'readable', name: value } : { kind: 'unusable', reason: 'empty' };
}

/**
 * ADR-001 Issue 2: the app connected to Cloud SQL as `postgres`, "discovered in secrets". The manifests
 * and the live Secrets show the user name the app is given; PostgreSQL (the probe) shows what that role is;
 * the `join` source (formerly join-secret-database-role) follows one user through the three layers at once
 * (the Secret's name, the Cloud SQL user's reported roles, the PostgreSQL role) and reports the chain at the
 * Secret: the same statement, an administrator when any link shows one.
 *
 * The other rules of the concern ask different questions, so they stay rules of their own:
 * - `gcp-sql-app-user` judges the instance's user inventory (does a dedicated non-superuser user exist at
 *   all?): Cloud SQL does not know which user the app logs in as, its resource is the instance or a user
 *   the app may not use, and its fix is creating a user, not repointing the app;
 * - `probe-postgres-privileges` judges a role that is *not* a superuser (rights beyond DML: ownership,
 *   CREATE, role attributes); it is skipped exactly where this rule's probe source fails.
 */
const rule = defineViewRule({
  id: 'db.superuser-app-user',
  title: 'The app connects to the database as a superuser',
  concerns: ['db.superuser-app-user'],
  view: 'db-user',
  sources: {
    manifest: { alias: 'manifest-superuser-db-user' },
    k8s: { alias: 'k8s-superuser-db-user' },
    probe: {
      alias: 'probe-postgres-superuser',
      messages: {
        superuser: 'The app connects to {{endpoint}} as {{role}}, a PostgreSQL superuser (rolsuper).',
        notSuperuser: '{{role}} on {{endpoint}} is neither a superuser nor a member of cloudsqlsuperuser.',
      },
    },
    join: {
      alias: 'join-secret-database-role',
      messages: { superuser: 'The app logs in to {{endpoint}} as {{user}}, an administrator: {{why}} ({{chain}}).' },
    },
  },
  description:
    "The database user the app is given (a key listed in `expectations.app.dbUserKeys` such as `db-user`, `DB_USER` or the user of `DATABASE_URL`, in a Secret or ConfigMap the app uses or in a literal `env` value of its workloads; a key read through `secretKeyRef` counts under the env var name too) must not be a superuser name (`expectations.database.superuserNames`, compared case-insensitively). Secret values are never read: the collector only marks well-known public names, so a Secret key that is set to anything else passes here and the live role's rights are left to the probe and GCP layers. The same holds live, for the Secrets in the app namespace that the running workloads read and their literal env values. **Probe**: connects to PostgreSQL read-only and reads the application role from `pg_roles` and `pg_auth_members`: it fails when the role has `rolsuper`, is a member (directly or through other roles) of `cloudsqlsuperuser` (the Cloud SQL administrators, which is what `postgres` is on Cloud SQL), is one of `expectations.database.superuserNames`, or does not exist (the app cannot log in with it). The role is the login of the probe, or `appUser` when the probe logs in with its own audit role, or the user in the app’s Secret with `fromSecret`. **Join** (Secret → Cloud SQL user → PostgreSQL role): follows the application's database user through three layers: the user key of the app's Secret (`expectations.app.secrets`, keys `expectations.app.dbUserKeys`; the live Secret shows a user name only when it is a well-known public name such as `postgres`, never a secret value), the Cloud SQL user of that name on `expectations.database.instance` (its type and reported roles), and the live PostgreSQL role the probe judged (`rolsuper`, membership of `cloudsqlsuperuser`). It fails when any link shows an administrator: the role is a superuser or a member of cloudsqlsuperuser, Cloud SQL reports cloudsqlsuperuser for the user, or the name is one of `expectations.database.superuserNames`. Users are joined by name; the evidence carries the chain and the finding points at the Secret's declaration.",
  rationale:
    'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection (discovered in secrets)". A superuser can drop tables, read every database and change roles; the ADR requires a dedicated role (`license_api_staging`) with only SELECT, INSERT, UPDATE and DELETE. Until the live Secret changes, the running app keeps connecting as postgres.',
  remediation: {
    text: 'Create a dedicated application role with DML rights only, give the app that user instead of postgres (in the manifests and the live Secret), and restart the app.',
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)"',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_api_staging;'",
      'kubectl create secret generic backend-secrets --namespace=coditect-staging --from-literal=db-user="license_api_staging" --from-literal=db-password="..." --dry-run=client -o yaml | kubectl apply -f -',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 2.0',
      id: '6.1.1',
      title:
        'Ensure that a MySQL database instance does not allow anyone to connect with administrative privileges (the PostgreSQL analogue)',
    },
  ],
  messages: {
    superuser:
      'The app connects to the database as {{user}} ({{setting}}), a superuser; use a role with DML rights only.',
    notSuperuser:
      'The app connects to the database as {{user}} ({{setting}}), which is not a superuser name; its live rights are checked by the probe and GCP layers.',
    notSuperuserHidden:
      "The database user in {{setting}} is not a superuser name; the live role's rights are checked by the probe and GCP layers.",
    // probe
    cloudsqlsuperuser:
      'The app connects to {{endpoint}} as {{role}}, a member of cloudsqlsuperuser (Cloud SQL administrators).',
    superuserName: 'The app connects to {{endpoint}} as {{role}}, an administrator account by name.',
    missing: 'The role {{role}} does not exist on {{endpoint}}: the app cannot log in with it.',
    // join (it words superuser its own way: see sources.join.messages)
    leastPrivilege: 'The app logs in to {{endpoint}} as {{user}}, not an administrator ({{chain}}).',
  },
  check(ctx) {
    const superusers = new Set(ctx.env.expectations.database.superuserNames.map((n) => n.toLowerCase()));
    for (const view of ctx.views) {
      if (view.source === 'probe') {
        judgeRole(ctx, view as ProbeDbUserView);
        continue;
      }
      if (view.source === 'join') {
        judgeChain(ctx, view as JoinDbUserView);
        continue;
      }
      const v = view as SettingDbUserView;
      const { resource, setting } = v;
      const s = v.ref;
      const at = v.source === 'manifest' ? { location: s.location } : {};
      const user = userOf(v);
      if (user.kind === 'unusable') {
        ctx.skip(`${setting} holds no usable user name (${user.reason})`, resource);
        continue;
      }
      const isSuperuser = user.name
        ? superusers.has(user.name.toLowerCase())
        : user.kind === 'hidden' && user.superuserClass;
      if (isSuperuser) {
        const shown = user.name ?? 'a superuser name';
        ctx.fail({
          resource,
          messageId: 'superuser',
          data: { user: shown, setting },
          ...at,
          evidence: [{ path: s.key, observed: shown, expected: 'a role that is not a superuser' }],
          discriminator: s.key,
        });
      } else if (user.name) {
        ctx.pass({
          resource,
          messageId: 'notSuperuser',
          data: { user: user.name, setting },
          ...at,
          ...(v.source === 'manifest' ? { evidence: [{ path: s.key, observed: user.name }] } : {}),
          discriminator: s.key,
        });
      } else ctx.pass({ resource, messageId: 'notSuperuserHidden', data: { setting }, ...at, discriminator: s.key });
    }
  },
});

/** PostgreSQL's own answer: the role's `rolsuper`, its `cloudsqlsuperuser` membership, its name. */
function judgeRole(ctx: Parameters<(typeof rule)['check']>[0], v: ProbeDbUserView): void {
  const { resource, role } = v;
  const data = { endpoint: v.endpoint, role: role.name };
  const evidence = [
    { path: 'pg_roles.rolsuper', observed: role.superuser, expected: 'false' },
    { path: 'memberOf', observed: role.memberOf.join(', ') || '(none)', expected: 'not cloudsqlsuperuser' },
  ];
  if (!role.exists)
    ctx.fail({
      resource,
      messageId: 'missing',
      data,
      evidence: [{ path: 'pg_roles.rolname', observed: null, expected: role.name }],
    });
  else if (role.superuser) ctx.fail({ resource, messageId: 'superuser', data, evidence });
  else if (role.memberOf.includes('cloudsqlsuperuser'))
    ctx.fail({ resource, messageId: 'cloudsqlsuperuser', data, evidence });
  else if (ctx.env.expectations.database.superuserNames.includes(role.name))
    ctx.fail({ resource, messageId: 'superuserName', data, evidence });
  else ctx.pass({ resource, messageId: 'notSuperuser', data, evidence });
}

/** The user followed from the Secret to Cloud SQL to PostgreSQL: an administrator when any link shows one. */
function judgeChain(ctx: Parameters<(typeof rule)['check']>[0], v: JoinDbUserView): void {
  const exp = ctx.env.expectations;
  const { role, secret, secretName, userKey, secretUser, user, sqlUser, resource } = v;
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
      path: `probe: PostgreSQL role ${role.name} on ${v.endpoint}`,
      observed: role.exists
        ? `rolsuper=${role.superuser}; member of ${role.memberOf.join(', ') || '(none)'}`
        : 'does not exist',
      expected: `rolsuper=false, not a member of ${SUPERUSER_ROLE}`,
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
  if (sqlUser?.databaseRoles?.includes(SUPERUSER_ROLE)) reasons.push(`Cloud SQL reports ${SUPERUSER_ROLE} for ${user}`);
  const superNames = new Set(exp.database.superuserNames.map((n) => n.toLowerCase()));
  if (superNames.has(user.toLowerCase())) reasons.push(`${user} is an administrator account by name`);

  const data = { endpoint: v.endpoint, user, chain };
  if (reasons.length > 0)
    ctx.fail({ resource, messageId: 'superuser', data: { ...data, why: reasons.join('; ') }, evidence });
  else ctx.pass({ resource, messageId: 'leastPrivilege', data, evidence });
}

export default rule;
