import { defineRule, type GcpSqlBackupRun } from '@coditect-audit/core';
import { gcpResource, replicaOf } from '../util/gcp.js';

/** A backup is fresh when it finished within this many hours of the data's time (a day plus slack). */
const FRESH_HOURS = 26;

function finished(r: GcpSqlBackupRun): number | undefined {
  const t = r.endTime ?? r.startTime ?? r.enqueuedTime ?? r.windowStartTime;
  return t ? Date.parse(t) : undefined;
}

/**
 * ADR-001 Issue 10, live: "Cloud SQL backups enabled but not tested". Enabled is not enough: a backup must
 * have succeeded recently. Judged against `ctx.now` (the snapshot's collection time when replayed).
 */
export default defineRule({
  id: 'gcp-sql-automated-backups',
  title: 'Cloud SQL automated backups are off or have not succeeded in the last 26 hours',
  concerns: ['backup.sql-automated'],
  layer: 'gcp',
  facets: ['gcp.sql', 'gcp.sql-backup-runs'],
  description: `For every primary Cloud SQL instance: \`settings.backupConfiguration.enabled\` must be true (sqladmin \`instances.list\`), and the newest backup run with status \`SUCCESSFUL\` (sqladmin \`backupRuns.list\`, newest first) must have finished within ${FRESH_HOURS} hours of the time the data was collected. Enabled with only failed, skipped or no runs in that window fails, naming the newest run's status. Read replicas are skipped: backups are taken on their primary.`,
  rationale:
    'ADR-001 Issue 10 (P1 for staging, P0 for production) sets an RPO of one hour and warns that backups are "enabled but not tested": a daily backup that keeps failing is no recovery point at all.',
  remediation: {
    text: "Turn automated backups on, then find out why the newest runs fail (the run's error) and take an on-demand backup to confirm.",
    commands: [
      'gcloud sql instances patch {{database.instance}} --backup-start-time=03:00 --project={{project}}',
      'gcloud sql backups list --instance={{database.instance}} --project={{project}} --limit=5',
      'gcloud sql backups create --instance={{database.instance}} --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0', id: '6.7' },
    { standard: 'Security Command Center', id: 'AUTO_BACKUP_DISABLED' },
  ],
  messages: {
    fresh: `Cloud SQL {{instance}} has automated backups on and a SUCCESSFUL backup within ${FRESH_HOURS} hours.`,
    disabled: 'Cloud SQL {{instance}} has automated backups {{state}}.',
    stale: `Cloud SQL {{instance}} has backups on, but its newest SUCCESSFUL backup is older than ${FRESH_HOURS} hours; the newest run is {{newest}}.`,
    noSuccessfulRun:
      'Cloud SQL {{instance}} has backups on, but none of its {{count}} most recent backup runs succeeded (newest: {{newest}}).',
  },
  check(ctx) {
    const runsFacet = ctx.facet('gcp.sql-backup-runs');
    const now = ctx.now.getTime();
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const replica = replicaOf(i);
      if (replica) {
        ctx.skip(`Cloud SQL ${i.name} is a read replica (${replica}); backups are taken on its primary`, resource);
        continue;
      }
      const enabled = i.settings.backupConfiguration.enabled;
      const enabledEvidence = {
        path: 'settings.backupConfiguration.enabled',
        observed: enabled ?? null,
        expected: 'true',
      };
      if (enabled !== true) {
        ctx.fail({
          resource,
          messageId: 'disabled',
          data: { instance: i.name, state: enabled === false ? 'off' : 'not reported (off)' },
          evidence: [enabledEvidence],
        });
        continue;
      }
      const entry = runsFacet.instances.find((r) => r.project === i.project && r.instance === i.name);
      if (!entry) continue; // not read: the facet's problem is the verdict
      const newest = entry.runs[0];
      const newestText = newest
        ? `${newest.status ?? 'of unknown status'}${newest.type ? ` (${newest.type})` : ''}`
        : 'none';
      const successful = entry.runs
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
      if (fresh) ctx.pass({ resource, messageId: 'fresh', data: { instance: i.name }, evidence });
      else if (successful !== undefined)
        ctx.fail({ resource, messageId: 'stale', data: { instance: i.name, newest: newestText }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'noSuccessfulRun',
          data: { instance: i.name, count: entry.runs.length, newest: newestText },
          evidence,
        });
    }
  },
});
