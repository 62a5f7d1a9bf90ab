import { defineRule } from '@coditect-audit/core';
import { postgresRoleResource } from '../util/probe.js';

/** Built-in roles that reach outside the database or past its permissions. */
const PRIVILEGED_ROLES = [
  'pg_execute_server_program',
  'pg_read_server_files',
  'pg_write_server_files',
  'pg_signal_backend',
  'pg_write_all_data',
  'pg_read_all_data',
  'rds_superuser',
  'azure_pg_admin',
];

/** ADR-001 Issue 2 remediation: the app role gets SELECT, INSERT, UPDATE, DELETE and sequence use; nothing more. */
export default defineRule({
  id: 'probe-postgres-privileges',
  title: 'The app’s database role has rights beyond DML (PostgreSQL)',
  concerns: ['db.app-role-dml-only'],
  layer: 'probe',
  facets: ['probe.postgres'],
  description:
    'For an application role that is not a superuser (see db.superuser-app-user), reads what else it may do: the role attributes CREATEROLE, CREATEDB, BYPASSRLS and REPLICATION; membership of privileged built-in roles (pg_write_server_files, pg_read_all_data, ...); ownership of the database, of schemas and of tables (directly or through a role it inherits); CREATE on the database or on a schema; and TRUNCATE, REFERENCES or TRIGGER on tables. Each is a finding of its own; a role with DML only passes.',
  rationale:
    'ADR-001 Issue 2 grants the application role exactly `SELECT, INSERT, UPDATE, DELETE` on tables and `USAGE, SELECT` on sequences. An owner can drop or alter its tables, CREATE lets the app (or an attacker through it) add objects, CREATEROLE mints new roles: each turns an application bug into a schema change.',
  remediation: {
    text: 'Move ownership to a separate owner role (used by migrations only), revoke what is beyond DML, and clear the role attributes.',
    commands: [
      'ALTER ROLE license_api_staging NOCREATEROLE NOCREATEDB NOBYPASSRLS NOREPLICATION;',
      'CREATE ROLE coditect_owner NOLOGIN; ALTER SCHEMA public OWNER TO coditect_owner; REASSIGN OWNED BY license_api_staging TO coditect_owner;',
      'REVOKE CREATE ON DATABASE coditect FROM license_api_staging; REVOKE CREATE ON SCHEMA public FROM license_api_staging, PUBLIC;',
      'REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM license_api_staging;',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging;',
    ],
  },
  benchmarks: [],
  messages: {
    attribute: '{{role}} on {{endpoint}} has the role attribute {{attribute}}.',
    privilegedRole:
      '{{role}} on {{endpoint}} is a member of {{member}}, which reaches beyond the application’s tables.',
    ownsDatabase: '{{role}} owns the database {{database}} on {{endpoint}}.',
    ownsSchema: '{{role}} owns the schema {{schema}} on {{endpoint}}.',
    ownsTables: '{{role}} owns {{count}} table(s) on {{endpoint}} (e.g. {{examples}}): it can alter or drop them.',
    createOnDatabase: '{{role}} may CREATE schemas in the database {{database}} on {{endpoint}}.',
    createOnSchema: '{{role}} may CREATE objects in the schema {{schema}} on {{endpoint}}.',
    beyondDml: '{{role}} holds {{privileges}} on {{count}} table(s) on {{endpoint}} (e.g. {{examples}}).',
    dmlOnly: '{{role}} on {{endpoint}} has no rights beyond DML.',
  },
  check(ctx) {
    const d = ctx.facet('probe.postgres');
    const { role, ownership, privileges } = d;
    if (!role || !ownership || !privileges) {
      ctx.skip(`the rights of ${d.appRole} could not be read on ${d.endpoint}; see the error verdict`);
      return;
    }
    const resource = postgresRoleResource(d, ctx.env.expectations);
    if (!role.exists || role.superuser || role.memberOf.includes('cloudsqlsuperuser')) {
      ctx.skip(`${role.name} is ${role.exists ? 'an administrator' : 'missing'}: see db.superuser-app-user`, resource);
      return;
    }
    const base = { endpoint: d.endpoint, role: role.name, database: d.database };
    let failed = false;
    const fail = (
      messageId: Parameters<typeof ctx.fail>[0]['messageId'],
      discriminator: string,
      data: Record<string, string | number>,
      path: string,
      observed: string | number | boolean,
    ) => {
      failed = true;
      ctx.fail({
        resource,
        messageId,
        data: { ...base, ...data },
        discriminator,
        evidence: [{ path, observed, expected: 'DML only' }],
      });
    };
    const attributes = [
      ['CREATEROLE', role.createRole],
      ['CREATEDB', role.createDb],
      ['BYPASSRLS', role.bypassRls],
      ['REPLICATION', role.replication],
    ] as const;
    for (const [attribute, held] of attributes)
      if (held)
        fail('attribute', `attribute:${attribute}`, { attribute }, `pg_roles.rol${attribute.toLowerCase()}`, true);
    for (const member of role.memberOf.filter((m) => PRIVILEGED_ROLES.includes(m)))
      fail('privilegedRole', `member:${member}`, { member }, 'memberOf', member);
    if (ownership.database) fail('ownsDatabase', 'owns:database', {}, 'pg_database.datdba', role.name);
    for (const schema of ownership.schemas)
      fail('ownsSchema', `owns:schema:${schema}`, { schema }, `pg_namespace[${schema}].nspowner`, role.name);
    if (ownership.tableCount > 0)
      fail(
        'ownsTables',
        'owns:tables',
        { count: ownership.tableCount, examples: ownership.tables.slice(0, 3).join(', ') },
        'pg_class.relowner',
        ownership.tableCount,
      );
    if (privileges.createOnDatabase)
      fail('createOnDatabase', 'create:database', {}, 'has_database_privilege(CREATE)', true);
    for (const schema of privileges.createOnSchemas)
      fail('createOnSchema', `create:schema:${schema}`, { schema }, `has_schema_privilege(${schema}, CREATE)`, true);
    if (privileges.beyondDmlCount > 0) {
      const held = [...new Set(privileges.beyondDml.flatMap((b) => b.privileges))].sort().join(', ');
      fail(
        'beyondDml',
        'tables:beyond-dml',
        {
          privileges: held,
          count: privileges.beyondDmlCount,
          examples: privileges.beyondDml
            .slice(0, 3)
            .map((b) => b.table)
            .join(', '),
        },
        'has_table_privilege',
        held,
      );
    }
    if (!failed) ctx.pass({ resource, messageId: 'dmlOnly', data: base });
  },
});
