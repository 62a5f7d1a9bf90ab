import { defineViewRule, type GcpSqlBackupRun } from '@coditect-audit/core';
import { evidenceOf, isTrue, valueSourceOf } from '@coditect-audit/core/views';

/** A backup is fresh when it finished within this many hours of the data's time (a day plus slack). */
const FRESH_HOURS = 26;

function finished(r: GcpSqlBackupRun): number | undefined {
  const t = r.endTime ?? r.startTime ?? r.enqueuedTime ?? r.windowStartTime;
  return t ? Date.parse(t) : undefined;
}

/**
 * ADR-001 Issue 10: "Cloud SQL backups enabled but not tested". Declared (OpenTofu pins backups on) and live
 * (backups on, and a backup that succeeded recently, judged against `ctx.now`: the snapshot's collection
 * time when replayed). The live source also reads the backup runs (`gcp.sql-backup-runs`).
 */
export default defineViewRule({
  id: 'backup.sql-automated',
  title: 'Cloud SQL automated backups are off or have not succeeded in the last 26 hours',
  concerns: ['backup.sql-automated'],
  view: 'sql-instance',
  sources: {
    tf: { alias: 'tf-sql-automated-backups' },
    gcp: { alias: 'gcp-sql-automated-backups', facets: ['gcp.sql-backup-runs'] },
  },
  description: `Each primary Cloud SQL instance must take automated backups. **OpenTofu** (\`google_sql_database_instance\`): \`settings.backup_configuration.enabled = true\`; \`false\`, no \`enabled\`, or no \`backup_configuration\` block (both default to off) fails. A value the repository does not settle (a variable without a default or \`.tfvars\` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an \`unknown\` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud**: \`settings.backupConfiguration.enabled\` must be true (sqladmin \`instances.list\`), and the newest backup run with status \`SUCCESSFUL\` (sqladmin \`backupRuns.list\`, newest first) must have finished within ${FRESH_HOURS} hours of the time the data was collected; enabled with only failed, skipped or no runs in that window fails, naming the newest run's status. Read replicas (\`master_instance_name\`, \`replica_configuration\`, \`instance_type = "READ_REPLICA_INSTANCE"\`; live \`instanceType\`, \`masterInstanceName\`) are skipped in both: backups are taken on their primary.`,
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups; P1 for staging, P0 for production): "Cloud SQL backups enabled but not tested"; the plan sets an RPO of one hour on hourly backups and a PITR restore drill. A configuration that does not pin backups on lets a re-created or re-applied instance lose them silently, and a daily backup that keeps failing is no recovery point at all.',
  remediation: {
    text: "Enable automated backups with a start time and a retention, then apply; on the live instance, find out why the newest runs fail (the run's error) and take an on-demand backup to confirm.",
    commands: [
      'settings {\n  backup_configuration {\n    enabled    = true\n    start_time = "03:00"\n    backup_retention_settings {\n      retained_backups = 7\n    }\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --backup-start-time=03:00 --project={{project}}',
      'gcloud sql backups list --instance={{database.instance}} --project={{project}} --limit=5',
      'gcloud sql backups create --instance={{database.instance}} --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.7',
      title: 'Ensure That Cloud SQL Database Instances Are Configured With Automated Backups',
    },
    { standard: 'Security Command Center', id: 'AUTO_BACKUP_DISABLED' },
  ],
  messages: {
    // tf
    enabled: '{{address}} has automated backups enabled.',
    disabled:
      '{{address}} {{sets}} backup_configuration.enabled = {{enabled}}{{from}}: Cloud SQL takes no automated backup.',
    notSet:
      '{{address}} does not set settings.backup_configuration.enabled (default off): Cloud SQL takes no automated backup.',
    unresolved:
      'backup_configuration.enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm automated backups are on (the gcp layer reads the live value).',
    // gcp (`disabled` was its id in gcp-sql-automated-backups)
    fresh: `Cloud SQL {{instance}} has automated backups on and a SUCCESSFUL backup within ${FRESH_HOURS} hours.`,
    liveDisabled: 'Cloud SQL {{instance}} has automated backups {{state}}.',
    stale: `Cloud SQL {{instance}} has backups on, but its newest SUCCESSFUL backup is older than ${FRESH_HOURS} hours; the newest run is {{newest}}.`,
    noSuccessfulRun:
      'Cloud SQL {{instance}} has backups on, but none of its {{count}} most recent backup runs succeeded (newest: {{newest}}).',
  },
  check(ctx) {
    const now = ctx.now.getTime();
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.replicaOf) {
        const who = v.source === 'gcp' ? `Cloud SQL ${v.label}` : v.label;
        ctx.skip(`${who} is a read replica (${v.replicaOf}); backups are taken on its primary`, resource);
        continue;
      }
      const enabled = v.backupsEnabled;
      const enabledEvidence = evidenceOf(enabled, 'true');
      if (v.source === 'tf') {
        const address = v.label;
        const location = enabled.origin.location ? { location: enabled.origin.location } : {};
        if (enabled.certainty === 'decided' && isTrue(enabled.value))
          ctx.pass({ resource, messageId: 'enabled', data: { address }, evidence: [enabledEvidence] });
        else if (enabled.certainty === 'unresolved')
          ctx.unknown({
            resource,
            messageId: 'unresolved',
            data: { address, expression: enabled.expression },
            ...location,
            evidence: [enabledEvidence],
            dependsOn: enabled.dependsOn,
          });
        else if (enabled.certainty === 'decided')
          ctx.fail({
            resource,
            messageId: 'disabled',
            data: { address, enabled: String(enabled.value), ...valueSourceOf(enabled) },
            ...location,
            evidence: [enabledEvidence],
          });
        else ctx.fail({ resource, messageId: 'notSet', data: { address }, ...location, evidence: [enabledEvidence] });
        continue;
      }
      const instance = v.label;
      if (!(enabled.certainty === 'decided' && enabled.value === true)) {
        ctx.fail({
          resource,
          messageId: 'liveDisabled',
          data: {
            instance,
            state: enabled.certainty === 'decided' && enabled.value === false ? 'off' : 'not reported (off)',
          },
          evidence: [enabledEvidence],
        });
        continue;
      }
      if (v.backupRuns.certainty !== 'decided') continue; // not read: the facet's problem is the verdict
      const runs = v.backupRuns.value;
      const newest = runs[0];
      const newestText = newest
        ? `${newest.status ?? 'of unknown status'}${newest.type ? ` (${newest.type})` : ''}`
        : 'none';
      const successful = runs
        .filter((r) => r.status === 'SUCCESSFUL')
        .map(finished)
        .filter((t): t is number => t !== undefined)
        .sort((a, b) => b - a)[0];
      const fresh = successful !== undefined && now - successful <= FRESH_HOURS * 3_600_000;
      const evidence = [
        enabledEvidence,
        { path: 'backupRuns[0].status', observed: newest?.status ?? null },
        {
          path: 'backupRuns[status=SUCCESSFUL].endTime',
          observed:
            successful === undefined ? null : fresh ? `within ${FRESH_HOURS} hours` : `older than ${FRESH_HOURS} hours`,
          expected: `within ${FRESH_HOURS} hours`,
        },
      ];
      if (fresh) ctx.pass({ resource, messageId: 'fresh', data: { instance }, evidence });
      else if (successful !== undefined)
        ctx.fail({ resource, messageId: 'stale', data: { instance, newest: newestText }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'noSuccessfulRun',
          data: { instance, count: runs.length, newest: newestText },
          evidence,
        });
    }
  },
});
