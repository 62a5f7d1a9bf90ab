import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const SUPERUSER_ROLE = 'cloudsqlsuperuser';
const GROUPS = new Set(['CLOUD_IAM_GROUP']);

/**
 * ADR-001 Issue 2, live: the instance must have a dedicated application user that is not a superuser.
 * Cloud SQL's user list names users and their type; role memberships only when Google reports them
 * (`databaseRoles`, newer API revisions). The probe layer confirms memberships inside PostgreSQL.
 */
export default defineRule({
  id: 'gcp-sql-app-user',
  title: 'Cloud SQL has no dedicated non-superuser application user',
  concerns: ['db.dedicated-app-user'],
  layer: 'gcp',
  facets: ['gcp.sql-users'],
  description:
    'Reads the users of `expectations.database.instance` (sqladmin `users.list`). Users named in `expectations.database.superuserNames` (default `postgres`, `cloudsqlsuperuser`, `root`, `admin`) and IAM groups are not application users. No other user fails: the application can only connect as a superuser. A user whose reported `databaseRoles` include `cloudsqlsuperuser` fails. Other users pass as dedicated application users; when Google does not report role memberships, the probe layer checks them inside PostgreSQL.',
  rationale:
    'ADR-001 Issue 2 (P0): "Using postgres superuser for application connection". A compromised backend with superuser rights can read, alter or drop every database on the instance.',
  remediation: {
    text: "Create a dedicated user (or an IAM database user for the backend's service account), grant it DML rights only, and point the application's secret at it.",
    commands: [
      'gcloud sql users create license_api_staging --instance={{database.instance}} --password="$(openssl rand -base64 32)" --project={{project}}',
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging'",
      "psql -h 10.28.0.3 -U postgres -d coditect -c 'REVOKE cloudsqlsuperuser FROM license_api_staging'",
    ],
  },
  messages: {
    dedicatedUser:
      'Cloud SQL {{instance}} has the application user {{user}} ({{type}}), not a superuser by name{{roles}}.',
    onlySuperusers:
      'Cloud SQL {{instance}} has no user but {{users}}: the application can only connect as a superuser. Create a dedicated user.',
    memberOfSuperuser: 'Cloud SQL user {{user}} of {{instance}} is a member of cloudsqlsuperuser.',
  },
  check(ctx) {
    const { project, database } = ctx.env.expectations;
    const entry = ctx
      .facet('gcp.sql-users')
      .instances.find((i) => i.project === project && i.instance === database.instance);
    if (!entry) return;
    const superNames = new Set(database.superuserNames.map((n) => n.toLowerCase()));
    const candidates = entry.users.filter((u) => !superNames.has(u.name.toLowerCase()) && !GROUPS.has(u.type));
    const evidence = [
      { path: 'users[].name', observed: entry.users.map((u) => `${u.name} (${u.type})`).join(', ') || null },
    ];
    if (candidates.length === 0) {
      ctx.fail({
        resource: gcpResource.sqlInstance({ project, name: database.instance }),
        messageId: 'onlySuperusers',
        data: { instance: database.instance, users: entry.users.map((u) => u.name).join(', ') || 'none' },
        evidence,
      });
      return;
    }
    for (const u of candidates) {
      const resource = gcpResource.sqlUser(project, database.instance, u.name);
      const userEvidence = [
        { path: `users[${u.name}].type`, observed: u.type },
        {
          path: `users[${u.name}].databaseRoles`,
          observed: u.databaseRoles?.join(', ') ?? null,
          expected: `no ${SUPERUSER_ROLE}`,
        },
      ];
      if (u.databaseRoles?.includes(SUPERUSER_ROLE))
        ctx.fail({
          resource,
          messageId: 'memberOfSuperuser',
          data: { instance: database.instance, user: u.name },
          evidence: userEvidence,
        });
      else
        ctx.pass({
          resource,
          messageId: 'dedicatedUser',
          data: {
            instance: database.instance,
            user: u.name,
            type: u.type,
            roles: u.databaseRoles ? ` (roles: ${u.databaseRoles.join(', ')})` : '',
          },
          evidence: userEvidence,
        });
    }
  },
});
