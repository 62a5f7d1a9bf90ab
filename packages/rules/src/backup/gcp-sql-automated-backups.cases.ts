import type { RuleCases } from '../cases.js';
import { PROJECT, sqlFacet, sqlInstance } from '../util/gcp-cases.js';
import type { GcpSqlBackupRun } from '@coditect-audit/core';

const NOW = '2025-12-01T07:00:00.000Z';
const run = (day: string, status: string): GcpSqlBackupRun => ({
  id: `${Date.parse(`${day}T03:00:00Z`)}`,
  status,
  type: 'AUTOMATED',
  startTime: `${day}T03:04:10.200Z`,
  endTime: `${day}T03:06:41.907Z`,
});
const runs = (...list: GcpSqlBackupRun[]) => ({
  read: [`projects/${PROJECT}/instances/coditect-db`],
  instances: [{ project: PROJECT, instance: 'coditect-db', runs: list }],
});

export default {
  pass: [
    {
      name: 'enabled, last night backup succeeded',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.sql-backup-runs': runs(run('2025-12-01', 'SUCCESSFUL'), run('2025-11-30', 'SUCCESSFUL')),
      },
    },
    {
      name: 'a read replica without backups is skipped',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance(),
          sqlInstance({
            name: 'coditect-db-replica',
            instanceType: 'READ_REPLICA_INSTANCE',
            settings: { backupConfiguration: { enabled: false } },
          }),
        ),
        'gcp.sql-backup-runs': runs(run('2025-12-01', 'SUCCESSFUL')),
      },
    },
  ],
  fail: [
    {
      name: 'enabled, but the last two nights failed (the ADR staging instance)',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.sql-backup-runs': runs(
          run('2025-12-01', 'FAILED'),
          run('2025-11-30', 'FAILED'),
          run('2025-11-29', 'SUCCESSFUL'),
        ),
      },
      expect: [{ messageId: 'stale' }],
    },
    {
      name: 'enabled, no run ever succeeded',
      now: NOW,
      facets: { 'gcp.sql': sqlFacet(sqlInstance()), 'gcp.sql-backup-runs': runs(run('2025-12-01', 'SKIPPED')) },
      expect: [{ messageId: 'noSuccessfulRun' }],
    },
    {
      name: 'backups off',
      now: NOW,
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { backupConfiguration: { enabled: false } } })),
        'gcp.sql-backup-runs': runs(),
      },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
