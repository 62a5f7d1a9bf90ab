import { defineRule } from '@coditect-audit/core';
import { engineOf } from '../util/cloudsql.js';
import { gcpResource, replicaOf } from '../util/gcp.js';

/** ADR-001 Issue 10, live: "Test Point-in-Time Recovery (PITR)" presumes it is on. */
export default defineRule({
  id: 'gcp-sql-pitr',
  title: 'Cloud SQL point-in-time recovery is off',
  concerns: ['backup.sql-pitr'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description:
    'For every primary Cloud SQL instance: PostgreSQL needs `settings.backupConfiguration.pointInTimeRecoveryEnabled` true, MySQL `binaryLogEnabled` true (its PITR). Off or not reported fails. Read replicas and engines without this setting (SQL Server) are skipped.',
  rationale:
    'ADR-001 Issue 10 sets a one-hour RPO; daily backups alone lose up to a day of licenses. Point-in-time recovery replays the write-ahead log to any second within the retention window.',
  remediation: {
    text: 'Turn point-in-time recovery on (it needs automated backups) and keep at least 7 days of logs.',
    commands: [
      'gcloud sql instances patch {{database.instance}} --enable-point-in-time-recovery --retained-transaction-log-days=7 --project={{project}}',
    ],
  },
  messages: {
    enabled: 'Cloud SQL {{instance}} has point-in-time recovery on ({{field}}).',
    disabled: 'Cloud SQL {{instance}} has point-in-time recovery off ({{field}} = {{value}}).',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const replica = replicaOf(i);
      if (replica) {
        ctx.skip(`Cloud SQL ${i.name} is a read replica (${replica}); recovery is configured on its primary`, resource);
        continue;
      }
      const engine = engineOf(i.databaseVersion);
      if (engine !== 'postgres' && engine !== 'mysql') {
        ctx.skip(
          `Cloud SQL ${i.name} runs ${i.databaseVersion ?? 'an unknown engine'}, which has no PITR switch here`,
          resource,
        );
        continue;
      }
      const field = engine === 'postgres' ? 'pointInTimeRecoveryEnabled' : 'binaryLogEnabled';
      const value = i.settings.backupConfiguration[field];
      const evidence = [{ path: `settings.backupConfiguration.${field}`, observed: value ?? null, expected: 'true' }];
      if (value === true) ctx.pass({ resource, messageId: 'enabled', data: { instance: i.name, field }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'disabled',
          data: { instance: i.name, field, value: String(value ?? 'unset') },
          evidence,
        });
    }
  },
});
