import { defineRule } from '@coditect-audit/core';
import { isEndOfLife, lifecycleOf, SQL_LIFECYCLE_AS_OF } from '../util/cloudsql.js';
import { forEachResource, read, readEvidence, readLocation } from '../util/terraform.js';

/** ADR-001 Lesson 1: keep an inventory of platforms with their end-of-life dates and move off them in time. */
export default defineRule({
  id: 'tf-sql-eol-version',
  title: 'Cloud SQL runs an end-of-life database version (OpenTofu)',
  concerns: ['lifecycle.deprecated-platform'],
  layer: 'files',
  facets: ['files.terraform'],
  description: `Each \`google_sql_database_instance\` \`database_version\` is looked up in the Cloud SQL version lifecycle (https://cloud.google.com/sql/docs/postgres/db-versions and https://cloud.google.com/sql/docs/mysql/db-versions, checked ${SQL_LIFECYCLE_AS_OF}). A version whose regular support has ended (PostgreSQL 9.6 to 13, MySQL 5.6, 5.7 and 8.0 on that date) fails with the date it ended and the date Cloud SQL retires it; it runs on paid extended support. Versions still in regular support pass. A value the repository does not settle (a variable without a default or \`.tfvars\` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an \`unknown\` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, \`.tfvars\`, locals, local module inputs, override files, \`count\`/\`for_each\` and \`dynamic\` blocks are evaluated first.`,
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
  benchmarks: [],
  messages: {
    endOfLife:
      '{{address}} runs {{version}} ({{label}}): Cloud SQL regular support ended on {{extendedSupportFrom}}, it now runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).',
    supported: '{{address}} runs {{version}}, in Cloud SQL regular support until {{extendedSupportFrom}} ({{source}}).',
    notInTable:
      '{{address}} runs {{version}}, which is not past the end of regular support in the Cloud SQL lifecycle table.',
    unresolved:
      'database_version of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not end-of-life (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const value = read(r.block, 'database_version');
      const evidence = [readEvidence(file, `${address}.database_version`, value, 'a version in regular support')];
      if (value.kind === 'absent') {
        ctx.skip(`${address} sets no database_version (the google provider requires it)`, resource);
        return;
      }
      if (value.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, expression: value.expression },
          location: readLocation(file, value),
          evidence,
          dependsOn: value.dependsOn,
        });
        return;
      }
      const version = String(value.value);
      const lifecycle = lifecycleOf(version);
      if (!lifecycle) {
        ctx.pass({ resource, messageId: 'notInTable', data: { address, version }, evidence });
        return;
      }
      const data = {
        address,
        version,
        label: lifecycle.label,
        extendedSupportFrom: lifecycle.extendedSupportFrom,
        deprecatedFrom: lifecycle.deprecatedFrom,
        source: lifecycle.source,
      };
      if (isEndOfLife(lifecycle)) {
        ctx.fail({ resource, messageId: 'endOfLife', data, location: readLocation(file, value), evidence });
      } else {
        ctx.pass({ resource, messageId: 'supported', data, evidence });
      }
    });
  },
});
