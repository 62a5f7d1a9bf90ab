import { defineRule } from '@coditect-audit/core';
import { isEndOfLife, lifecycleOf, SQL_LIFECYCLE_AS_OF } from '../util/cloudsql.js';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Lesson 1, live: the running database version, whatever the repository declares. */
export default defineRule({
  id: 'gcp-sql-eol-version',
  title: 'Cloud SQL runs an end-of-life database version',
  concerns: ['lifecycle.deprecated-platform'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description: `Looks up the \`databaseVersion\` Google reports for every Cloud SQL instance in the Cloud SQL version lifecycle (checked ${SQL_LIFECYCLE_AS_OF}, the same table as \`tf-sql-eol-version\`). A version past the end of regular support fails with the date it ended and the date Cloud SQL retires it; others pass.`,
  rationale:
    'ADR-001 Lesson 1: "maintain technology inventory with EOL dates". The live version is what runs, including instances created by hand (Cloud SQL coditect-db was) and versions changed outside OpenTofu.',
  remediation: {
    text: 'Upgrade the instance to a major version in regular support, testing on a clone first.',
    commands: [
      'gcloud sql instances clone {{database.instance}} {{database.instance}}-upgrade-test --project={{project}}',
      'gcloud sql instances patch {{database.instance}} --database-version=POSTGRES_16 --project={{project}}',
    ],
  },
  messages: {
    endOfLife:
      'Cloud SQL {{instance}} runs {{version}} ({{label}}): regular support ended on {{extendedSupportFrom}}; it runs on paid extended support and is retired on {{deprecatedFrom}} ({{source}}).',
    supported: 'Cloud SQL {{instance}} runs {{version}}, in regular support until {{extendedSupportFrom}}.',
    notInTable: 'Cloud SQL {{instance}} runs {{version}}, not past the end of regular support in the lifecycle table.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      if (!i.databaseVersion) {
        ctx.skip(`Cloud SQL ${i.name} reports no databaseVersion`, resource);
        continue;
      }
      const evidence = [
        { path: 'databaseVersion', observed: i.databaseVersion, expected: 'a version in regular support' },
      ];
      const lifecycle = lifecycleOf(i.databaseVersion);
      if (!lifecycle) {
        ctx.pass({
          resource,
          messageId: 'notInTable',
          data: { instance: i.name, version: i.databaseVersion },
          evidence,
        });
        continue;
      }
      const data = {
        instance: i.name,
        version: i.databaseVersion,
        label: lifecycle.label,
        extendedSupportFrom: lifecycle.extendedSupportFrom,
        deprecatedFrom: lifecycle.deprecatedFrom,
        source: lifecycle.source,
      };
      if (isEndOfLife(lifecycle)) ctx.fail({ resource, messageId: 'endOfLife', data, evidence });
      else ctx.pass({ resource, messageId: 'supported', data, evidence });
    }
  },
});
