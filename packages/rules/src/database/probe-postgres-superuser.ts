import { defineRule } from '@coditect-audit/core';
import { postgresRoleResource } from '../util/probe.js';

/** ADR-001 Issue 2: the app connected to Cloud SQL as `postgres`, found in its Secret; PostgreSQL itself says what that role is. */
export default defineRule({
  id: 'probe-postgres-superuser',
  title: 'The app’s database role is a superuser (PostgreSQL)',
  concerns: ['db.superuser-app-user'],
  layer: 'probe',
  facets: ['probe.postgres'],
  description:
    'Connects to PostgreSQL read-only and reads the application role from `pg_roles` and `pg_auth_members`: it fails when the role has `rolsuper`, is a member (directly or through other roles) of `cloudsqlsuperuser` (the Cloud SQL administrators, which is what `postgres` is on Cloud SQL), or is one of `expectations.database.superuserNames`. The role is the login of the probe, or `appUser` when the probe logs in with its own audit role, or the user in the app’s Secret with `fromSecret`.',
  rationale:
    'ADR-001 Issue 2 ("Using postgres superuser for application connection", P0): an application that holds administrator rights turns any SQL injection or leaked credential into full control of every database on the instance, and lets a bug drop tables. The Secret says which user the app uses; only the server says what that user may do.',
  remediation: {
    text: 'Create a dedicated role with DML rights only, point the app’s Secret at it, and keep `postgres` for administration.',
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)"',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_api_staging;'",
      "kubectl create secret generic backend-secrets --from-literal=db-user=license_api_staging --from-literal=db-password='...' --dry-run=client -o yaml | kubectl apply -f -",
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
    superuser: 'The app connects to {{endpoint}} as {{role}}, a PostgreSQL superuser (rolsuper).',
    cloudsqlsuperuser:
      'The app connects to {{endpoint}} as {{role}}, a member of cloudsqlsuperuser (Cloud SQL administrators).',
    superuserName: 'The app connects to {{endpoint}} as {{role}}, an administrator account by name.',
    missing: 'The role {{role}} does not exist on {{endpoint}}: the app cannot log in with it.',
    notSuperuser: '{{role}} on {{endpoint}} is neither a superuser nor a member of cloudsqlsuperuser.',
  },
  check(ctx) {
    const d = ctx.facet('probe.postgres');
    const role = d.role;
    if (!role) {
      ctx.skip(`the role ${d.appRole} could not be read on ${d.endpoint}; see the error verdict`);
      return;
    }
    const resource = postgresRoleResource(d, ctx.env.expectations);
    const data = { endpoint: d.endpoint, role: role.name };
    const evidence = [
      { path: 'pg_roles.rolsuper', observed: role.superuser, expected: 'false' },
      { path: 'memberOf', observed: role.memberOf.join(', ') || '(none)', expected: 'not cloudsqlsuperuser' },
    ];
    if (!role.exists) {
      ctx.fail({
        resource,
        messageId: 'missing',
        data,
        evidence: [{ path: 'pg_roles.rolname', observed: null, expected: role.name }],
      });
      return;
    }
    if (role.superuser) ctx.fail({ resource, messageId: 'superuser', data, evidence });
    else if (role.memberOf.includes('cloudsqlsuperuser'))
      ctx.fail({ resource, messageId: 'cloudsqlsuperuser', data, evidence });
    else if (ctx.env.expectations.database.superuserNames.includes(role.name))
      ctx.fail({ resource, messageId: 'superuserName', data, evidence });
    else ctx.pass({ resource, messageId: 'notSuperuser', data, evidence });
  },
});
