import { defineRule } from '@coditect-audit/core';
import { replicaReason } from '../util/cloudsql.js';
import { checkExpectedValue, forEachResource, isTrue } from '../util/terraform.js';

/** ADR-001 Issue 10: Cloud SQL backups are the recovery point of the whole license database. */
export default defineRule({
  id: 'tf-sql-automated-backups',
  title: 'Cloud SQL automated backups are off (OpenTofu)',
  concerns: ['backup.sql-automated'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each primary `google_sql_database_instance` must set `settings.backup_configuration.enabled = true`. `false`, no `enabled`, or no `backup_configuration` block (both default to off) fails. Read replicas (`master_instance_name`, `replica_configuration`, `instance_type = "READ_REPLICA_INSTANCE"`) are skipped: Cloud SQL backs up the primary. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. Whether a backup actually succeeded recently is the gcp layer\'s check.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups): "Cloud SQL backups enabled but not tested"; the plan sets an RPO of one hour on hourly backups and a PITR restore drill. A configuration that does not pin backups on lets a re-created or re-applied instance lose them silently.',
  remediation: {
    text: 'Enable automated backups with a start time and a retention, then apply.',
    commands: [
      'settings {\n  backup_configuration {\n    enabled    = true\n    start_time = "03:00"\n    backup_retention_settings {\n      retained_backups = 7\n    }\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --backup-start-time=03:00 --project={{project}}',
      'gcloud sql backups list --instance={{database.instance}} --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.7',
      title: 'Ensure That Cloud SQL Database Instances Are Configured With Automated Backups',
    },
  ],
  messages: {
    enabled: '{{address}} has automated backups enabled.',
    disabled:
      '{{address}} {{sets}} backup_configuration.enabled = {{enabled}}{{from}}: Cloud SQL takes no automated backup.',
    notSet:
      '{{address}} does not set settings.backup_configuration.enabled (default off): Cloud SQL takes no automated backup.',
    unresolved:
      'backup_configuration.enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm automated backups are on (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const replica = replicaReason(r.block);
      if (replica) {
        ctx.skip(`${r.address} is a read replica (${replica}); backups are taken on its primary`, resource);
        return;
      }
      checkExpectedValue(ctx, r, resource, {
        path: 'settings.backup_configuration.enabled',
        expected: 'true',
        holds: (v) => isTrue(v),
        messages: { holds: 'enabled', unresolved: 'unresolved', wrong: 'disabled', notSet: 'notSet' },
        valueKey: 'enabled',
      });
    });
  },
});
