import { defineViewRule, type Evidence, type ViewRuleContext } from '@coditect-audit/core';
import {
  type Attribute,
  engineOf,
  evidenceOf,
  isTrue,
  type SqlInstanceView,
  valueSourceOf,
} from '@coditect-audit/core/views';

/**
 * ADR-001 Issue 10: the recovery drill restores to a point in time. PostgreSQL and SQL Server keep the
 * write-ahead log with point-in-time recovery; MySQL does it with the binary log. Declared (OpenTofu) and live
 * (the Admin API), one rule. The sources keep their own nuance: a declaration must also turn automated
 * backups on (recovery replays the log onto a backup), and the live check skips engines without the switch.
 */
export default defineViewRule({
  id: 'backup.sql-pitr',
  title: 'Cloud SQL point-in-time recovery is off',
  concerns: ['backup.sql-pitr'],
  view: 'sql-instance',
  sources: { tf: { alias: 'tf-sql-pitr' }, gcp: { alias: 'gcp-sql-pitr' } },
  description:
    '**OpenTofu**: Each primary `google_sql_database_instance` must keep the logs point-in-time recovery needs: `settings.backup_configuration.point_in_time_recovery_enabled = true` for PostgreSQL (and SQL Server), `binary_log_enabled = true` for MySQL (either one when the version is not a literal), with automated backups on, since recovery replays the log onto a backup. Read replicas are skipped. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (sqladmin `instances.list`): For every primary Cloud SQL instance: PostgreSQL needs `settings.backupConfiguration.pointInTimeRecoveryEnabled` true, MySQL `binaryLogEnabled` true (its PITR). Off or not reported fails. Read replicas and engines without this setting (SQL Server) are skipped.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups) asks to "Test Point-in-Time Recovery (PITR)" and sets an RPO of one hour; without the log, a restore can only go back to the last daily backup.',
  remediation: {
    text: 'Enable point-in-time recovery (PostgreSQL; the binary log for MySQL) together with automated backups and a log retention of at least 7 days, then apply (or patch the live instance).',
    commands: [
      'settings {\n  backup_configuration {\n    enabled                        = true\n    point_in_time_recovery_enabled = true\n    transaction_log_retention_days = 7\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --enable-point-in-time-recovery --retained-transaction-log-days=7 --project={{project}}',
    ],
  },
  messages: {
    // tf
    enabled: '{{address}} keeps the {{flag}} log for point-in-time recovery, on top of automated backups.',
    disabled:
      '{{address}} {{sets}} backup_configuration.{{flag}} = {{value}}{{from}}: no point-in-time recovery, only restores to the last backup.',
    notSet:
      '{{address}} does not set backup_configuration.{{flag}} (default off): no point-in-time recovery, only restores to the last backup.',
    backupsOff:
      '{{address}} enables {{flag}} but automated backups are not on (backup_configuration.enabled = {{backups}}): point-in-time recovery replays the log onto a backup, so there is nothing to recover from.',
    unresolved:
      '{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm point-in-time recovery is on (the gcp layer reads the live value).',
    // gcp (ids were `enabled` / `disabled` in gcp-sql-pitr)
    liveEnabled: 'Cloud SQL {{instance}} has point-in-time recovery on ({{field}}).',
    liveDisabled: 'Cloud SQL {{instance}} has point-in-time recovery off ({{field}} = {{value}}).',
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.replicaOf) {
        const who = v.source === 'gcp' ? `Cloud SQL ${v.label}` : v.label;
        ctx.skip(`${who} is a read replica (${v.replicaOf}); recovery is configured on its primary`, resource);
        continue;
      }
      const version = v.databaseVersion.certainty === 'decided' ? v.databaseVersion.value : undefined;
      const engine = engineOf(version);
      if (v.source === 'gcp') {
        if (engine !== 'postgres' && engine !== 'mysql') {
          ctx.skip(
            `Cloud SQL ${v.label} runs ${version ?? 'an unknown engine'}, which has no PITR switch here`,
            resource,
          );
          continue;
        }
        const [field, a] =
          engine === 'postgres'
            ? (['pointInTimeRecoveryEnabled', v.pointInTimeRecovery] as const)
            : (['binaryLogEnabled', v.binaryLog] as const);
        const evidence = [evidenceOf(a, 'true')];
        if (a.certainty === 'decided' && a.value === true)
          ctx.pass({ resource, messageId: 'liveEnabled', data: { instance: v.label, field }, evidence });
        else
          ctx.fail({
            resource,
            messageId: 'liveDisabled',
            data: { instance: v.label, field, value: String(a.certainty === 'decided' ? a.value : 'unset') },
            evidence,
          });
        continue;
      }
      declared(ctx, v, engine);
    }
  },
});

/** The declaration: the engine's log flag on (either when the version is not a literal), and backups on. */
function declared(
  ctx: ViewRuleContext<'sql-instance', string>,
  v: SqlInstanceView,
  engine: ReturnType<typeof engineOf>,
): void {
  const resource = v.resource;
  const address = v.label;
  const flags: { flag: string; value: Attribute<unknown> }[] =
    engine === 'mysql'
      ? [{ flag: 'binary_log_enabled', value: v.binaryLog }]
      : engine === 'postgres' || engine === 'sqlserver'
        ? [{ flag: 'point_in_time_recovery_enabled', value: v.pointInTimeRecovery }]
        : [
            { flag: 'point_in_time_recovery_enabled', value: v.pointInTimeRecovery },
            { flag: 'binary_log_enabled', value: v.binaryLog },
          ];
  const backups = v.backupsEnabled;
  const evidence: Evidence[] = [...flags.map(({ value }) => evidenceOf(value, 'true')), evidenceOf(backups, 'true')];
  const at = (a: Attribute<unknown>) => (a.origin.location ? { location: a.origin.location } : {});
  const unresolved = (field: string, a: Attribute<unknown>) => {
    if (a.certainty !== 'unresolved') return;
    ctx.unknown({
      resource,
      messageId: 'unresolved',
      data: { address, field, expression: a.expression },
      ...at(a),
      evidence,
      dependsOn: a.dependsOn,
    });
  };
  const on = flags.find(({ value }) => value.certainty === 'decided' && isTrue(value.value));
  if (on) {
    if (backups.certainty === 'decided' && isTrue(backups.value))
      ctx.pass({ resource, messageId: 'enabled', data: { address, flag: on.flag }, evidence });
    else if (backups.certainty === 'unresolved') unresolved('backup_configuration.enabled', backups);
    else
      ctx.fail({
        resource,
        messageId: 'backupsOff',
        data: {
          address,
          flag: on.flag,
          backups: backups.certainty === 'decided' ? String(backups.value) : 'not set, default off',
        },
        ...at(backups),
        evidence,
      });
    return;
  }
  const unknown = flags.find(({ value }) => value.certainty === 'unresolved');
  if (unknown) {
    unresolved(`backup_configuration.${unknown.flag}`, unknown.value);
    return;
  }
  const first = flags[0]!;
  ctx.fail({
    resource,
    messageId: first.value.certainty === 'decided' ? 'disabled' : 'notSet',
    data: {
      address,
      flag: first.flag,
      ...(first.value.certainty === 'decided'
        ? { value: String(first.value.value), ...valueSourceOf(first.value) }
        : {}),
    },
    ...at(first.value),
    evidence,
  });
}
