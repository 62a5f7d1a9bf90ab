import { defineRule, type Evidence } from '@coditect-audit/core';
import { engineOf, replicaReason } from '../util/cloudsql.js';
import { forEachResource, isTrue, read, readEvidence, readLocation, type TfRead } from '../util/terraform.js';

/**
 * ADR-001 Issue 10: the recovery drill restores to a point in time. PostgreSQL and SQL Server keep the
 * write-ahead log with `point_in_time_recovery_enabled`; MySQL does it with `binary_log_enabled`.
 */
export default defineRule({
  id: 'tf-sql-pitr',
  title: 'Cloud SQL point-in-time recovery is off (OpenTofu)',
  concerns: ['backup.sql-pitr'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each primary `google_sql_database_instance` must keep the logs point-in-time recovery needs: `settings.backup_configuration.point_in_time_recovery_enabled = true` for PostgreSQL (and SQL Server), `binary_log_enabled = true` for MySQL (either one when the version is not a literal), with automated backups on, since recovery replays the log onto a backup. Read replicas are skipped. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups) asks to "Test Point-in-Time Recovery (PITR)" and sets an RPO of one hour; without the log, a restore can only go back to the last daily backup.',
  remediation: {
    text: 'Enable point-in-time recovery (PostgreSQL) together with automated backups and a log retention, then apply.',
    commands: [
      'settings {\n  backup_configuration {\n    enabled                        = true\n    point_in_time_recovery_enabled = true\n    transaction_log_retention_days = 7\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --enable-point-in-time-recovery --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    enabled: '{{address}} keeps the {{flag}} log for point-in-time recovery, on top of automated backups.',
    disabled:
      '{{address}} sets backup_configuration.{{flag}} = {{value}}: no point-in-time recovery, only restores to the last backup.',
    notSet:
      '{{address}} does not set backup_configuration.{{flag}} (default off): no point-in-time recovery, only restores to the last backup.',
    backupsOff:
      '{{address}} enables {{flag}} but automated backups are not on (backup_configuration.enabled = {{backups}}): point-in-time recovery replays the log onto a backup, so there is nothing to recover from.',
    unresolved:
      '{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm point-in-time recovery is on (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const replica = replicaReason(r.block);
      if (replica) {
        ctx.skip(`${r.address} is a read replica (${replica}); recovery is configured on its primary`, resource);
        return;
      }
      const file = r.file.file;
      const address = r.address;
      const engine = engineOf(r.block.attributes.database_version?.value);
      const flags =
        engine === 'mysql'
          ? ['binary_log_enabled']
          : engine === 'postgres' || engine === 'sqlserver'
            ? ['point_in_time_recovery_enabled']
            : ['point_in_time_recovery_enabled', 'binary_log_enabled'];
      const reads = flags.map((flag) => ({ flag, value: read(r.block, `settings.backup_configuration.${flag}`) }));
      const backups = read(r.block, 'settings.backup_configuration.enabled');
      const evidence: Evidence[] = [
        ...reads.map(({ flag, value }) =>
          readEvidence(file, `${address}.settings.backup_configuration.${flag}`, value, 'true'),
        ),
        readEvidence(file, `${address}.settings.backup_configuration.enabled`, backups, 'true'),
      ];
      const unresolved = (field: string, value: TfRead) => {
        if (value.kind !== 'expression') return;
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, field, expression: value.expression },
          location: readLocation(file, value),
          evidence,
          dependsOn: value.dependsOn,
        });
      };
      const on = reads.find(({ value }) => value.kind === 'literal' && isTrue(value.value));
      if (on) {
        if (backups.kind === 'literal' && isTrue(backups.value)) {
          ctx.pass({ resource, messageId: 'enabled', data: { address, flag: on.flag }, evidence });
        } else if (backups.kind === 'expression') {
          unresolved('backup_configuration.enabled', backups);
        } else {
          ctx.fail({
            resource,
            messageId: 'backupsOff',
            data: {
              address,
              flag: on.flag,
              backups: backups.kind === 'literal' ? String(backups.value) : 'not set, default off',
            },
            location: readLocation(file, backups),
            evidence,
          });
        }
        return;
      }
      const unknown = reads.find(({ value }) => value.kind === 'expression');
      if (unknown) {
        unresolved(`backup_configuration.${unknown.flag}`, unknown.value);
        return;
      }
      const first = reads[0]!;
      ctx.fail({
        resource,
        messageId: first.value.kind === 'literal' ? 'disabled' : 'notSet',
        data: {
          address,
          flag: first.flag,
          ...(first.value.kind === 'literal' ? { value: String(first.value.value) } : {}),
        },
        location: readLocation(file, first.value),
        evidence,
      });
    });
  },
});
