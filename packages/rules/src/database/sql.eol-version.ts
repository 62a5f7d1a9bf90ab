import { defineViewRule } from '@coditect-audit/core';
import {
  evidenceOf,
  isEndOfLife,
  lifecycleOf,
  SQL_LIFECYCLE_AS_OF,
  type SqlInstanceView,
} from '@coditect-audit/core/views';
import type { ViewRuleContext } from '@coditect-audit/core';
import { EOL_PRODUCTS } from '../util/lifecycle.js';

const postgres = EOL_PRODUCTS.find((p) => p.key === 'postgres');

/** Community end of life of a server version (`server_version_num`), or undefined while supported. */
function postgresEndOfLife(versionNum: number): { cycle: string; eol: string } | undefined {
  if (!postgres) return undefined;
  const major = Math.floor(versionNum / 10000);
  const minor = Math.floor(versionNum / 100) % 100;
  // Before 10 a major version had two parts (9.6 = 90600).
  const cycle = major >= 10 ? String(major) : `${major}.${minor}`;
  const hit = postgres.cycles.find((c) => c.cycle === cycle);
  if (hit) return { cycle, eol: hit.eol };
  const [oldMajor = 0, oldMinor = 0] = (postgres.olderThan?.cycle ?? '0').split('.').map(Number);
  const older = major < oldMajor || (major === oldMajor && minor < oldMinor);
  return older && postgres.olderThan ? { cycle, eol: postgres.olderThan.eol } : undefined;
}

/**
 * The probed server reports the version that runs (`server_version_num`), which the Cloud SQL table does not
 * name (it lists `POSTGRES_16`, the API's words): it is looked up in the PostgreSQL community table instead,
 * since a probed server need not be Cloud SQL.
 */
function checkServer(ctx: ViewRuleContext<'sql-instance', 'endOfLife' | 'supported'>, v: SqlInstanceView): void {
  const d = v.probe;
  if (!d?.server) {
    ctx.skip(`the server version of ${d?.endpoint ?? v.label} could not be read; see the error verdict`);
    return;
  }
  const resource = v.resource;
  const eol = postgresEndOfLife(d.server.versionNum);
  const data = { endpoint: d.endpoint, version: d.server.version.split(' ')[0] ?? d.server.version };
  const evidence = [
    { path: 'server_version_num', observed: d.server.versionNum, expected: 'a supported major version' },
  ];
  if (eol)
    ctx.fail({
      resource,
      messageId: 'endOfLife',
      data: { ...data, cycle: eol.cycle, eol: eol.eol, source: postgres?.source ?? '' },
      evidence,
    });
  else ctx.pass({ resource, messageId: 'supported', data, evidence });
}

/**
 * ADR-001 Lesson 1: keep an inventory of platforms with their end-of-life dates and move off them in time.
 * The Cloud SQL major version, as declared and as Google reports it, against one lifecycle table; the
 * version the probed server reports, against the PostgreSQL community table (was probe-postgres-eol-version:
 * the same question, "does the database run an end-of-life version", asked of the running server).
 */
export default defineViewRule({
  id: 'sql.eol-version',
  title: 'Cloud SQL runs an end-of-life database version',
  concerns: ['lifecycle.eol-database-version'],
  view: 'sql-instance',
  sources: {
    tf: { alias: 'tf-sql-eol-version' },
    gcp: { alias: 'gcp-sql-eol-version' },
    probe: {
      alias: 'probe-postgres-eol-version',
      messages: {
        endOfLife:
          '{{endpoint}} runs PostgreSQL {{version}}: major version {{cycle}} reached end of life on {{eol}} ({{source}}).',
        supported: '{{endpoint}} runs PostgreSQL {{version}}, a supported major version.',
      },
    },
  },
  description: `**OpenTofu**: each \`google_sql_database_instance\` \`database_version\` is looked up in the Cloud SQL version lifecycle (https://cloud.google.com/sql/docs/postgres/db-versions and https://cloud.google.com/sql/docs/mysql/db-versions, checked ${SQL_LIFECYCLE_AS_OF}). A version whose regular support has ended (PostgreSQL 9.6 to 13, MySQL 5.6, 5.7 and 8.0 on that date) fails with the date it ended and the date Cloud SQL retires it; it runs on paid extended support. Versions still in regular support pass. A value the repository does not settle (a variable without a default or \`.tfvars\` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an \`unknown\` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, \`.tfvars\`, locals, local module inputs, override files, \`count\`/\`for_each\` and \`dynamic\` blocks are evaluated first. **Google Cloud**: the same lookup for the \`databaseVersion\` sqladmin \`instances.list\` reports; an instance that reports none is skipped. **Probe**: the \`server_version_num\` the running server reports, looked up in the PostgreSQL community support table (${postgres?.source ?? 'postgresql.org'}): a major version past its final release (13 and older on the table's date) fails with the date support ended; supported versions pass. The API reports the version Cloud SQL was asked for; the server reports the one that runs. The tables are data, not the clock, so two runs on the same server agree.`,
  rationale:
    'ADR-001 Lesson 1 ("Platform Deprecations Require Proactive Monitoring"): the GCR shutdown broke the deployment because nobody tracked its end-of-life date; the action is to "maintain technology inventory with EOL dates". A community end-of-life database version receives only critical fixes under Cloud SQL extended support, is billed extra, and is eventually retired.',
  remediation: {
    text: 'Upgrade the instance to a major version in regular support (the ADR runs POSTGRES_16), test on a clone first, then set `database_version` to the new version so OpenTofu matches.',
    commands: [
      'gcloud sql instances clone {{database.instance}} {{database.instance}}-upgrade-test --project={{project}}',
      'gcloud sql instances patch {{database.instance}}-upgrade-test --database-version=POSTGRES_16 --project={{project}}',
      'gcloud sql instances patch {{database.instance}} --database-version=POSTGRES_16 --project={{project}}',
      'database_version = "POSTGRES_16"',
    ],
  },
  messages: {
    // tf
    endOfLife:
      '{{address}} runs {{version}} ({{label}}): Cloud SQL regular support ended on {{extendedSupportFrom}}, it now runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).',
    supported: '{{address}} runs {{version}}, in Cloud SQL regular support until {{extendedSupportFrom}} ({{source}}).',
    notInTable:
      '{{address}} runs {{version}}, which is not past the end of regular support in the Cloud SQL lifecycle table.',
    unresolved:
      'database_version of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not end-of-life (the gcp layer reads the live value).',
    // gcp (ids were endOfLife / supported / notInTable in gcp-sql-eol-version)
    liveEndOfLife:
      'Cloud SQL {{instance}} runs {{version}} ({{label}}): regular support ended on {{extendedSupportFrom}}; it runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).',
    liveSupported: 'Cloud SQL {{instance}} runs {{version}}, in regular support until {{extendedSupportFrom}}.',
    liveNotInTable:
      'Cloud SQL {{instance}} runs {{version}}, not past the end of regular support in the lifecycle table.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === 'probe') {
        checkServer(ctx, v);
        continue;
      }
      const resource = v.resource;
      const a = v.databaseVersion;
      const live = v.source === 'gcp';
      const who: Record<string, string> = live ? { instance: v.label } : { address: v.label };
      const evidence = [evidenceOf(a, 'a version in regular support')];
      if (a.certainty === 'absent') {
        ctx.skip(
          live
            ? `Cloud SQL ${v.label} reports no databaseVersion`
            : `${v.label} sets no database_version (the google provider requires it)`,
          resource,
        );
        continue;
      }
      if (a.certainty === 'unresolved') {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address: v.label, expression: a.expression },
          ...(a.origin.location ? { location: a.origin.location } : {}),
          evidence,
          dependsOn: a.dependsOn,
        });
        continue;
      }
      const version = String(a.value);
      const lifecycle = lifecycleOf(version);
      if (!lifecycle) {
        ctx.pass({ resource, messageId: live ? 'liveNotInTable' : 'notInTable', data: { ...who, version }, evidence });
        continue;
      }
      const data = {
        ...who,
        version,
        label: lifecycle.label,
        extendedSupportFrom: lifecycle.extendedSupportFrom,
        deprecatedFrom: lifecycle.deprecatedFrom,
        source: lifecycle.source,
      };
      if (isEndOfLife(lifecycle))
        ctx.fail({
          resource,
          messageId: live ? 'liveEndOfLife' : 'endOfLife',
          data,
          ...(a.origin.location ? { location: a.origin.location } : {}),
          evidence,
        });
      else ctx.pass({ resource, messageId: live ? 'liveSupported' : 'supported', data, evidence });
    }
  },
});
