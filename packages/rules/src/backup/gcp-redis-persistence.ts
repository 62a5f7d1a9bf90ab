import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Issue 10: "No Redis backup strategy"; option 1 is RDB snapshots. */
export default defineRule({
  id: 'gcp-redis-persistence',
  title: 'Memorystore persistence (RDB snapshots) is off',
  concerns: ['backup.redis-persistence'],
  layer: 'gcp',
  facets: ['gcp.redis'],
  description:
    'Reads `persistenceConfig.persistenceMode` of every Memorystore instance: `RDB` passes (with the snapshot period); `DISABLED` or not reported fails.',
  rationale:
    'ADR-001 Issue 10 assumes RDB snapshots are "enabled by default on Memorystore"; they are not. Without persistence a failover or maintenance event loses every session and seat reservation.',
  remediation: {
    text: 'Turn RDB snapshots on.',
    commands: [
      'gcloud redis instances update {{redis.instance}} --persistence-mode=RDB --rdb-snapshot-period=1h --region={{region}} --project={{project}}',
    ],
  },
  messages: {
    rdb: 'Memorystore {{instance}} takes RDB snapshots ({{period}}).',
    off: 'Memorystore {{instance}} has persistence {{mode}}: its data is lost on failover or maintenance.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.redis').instances) {
      const resource = gcpResource.redis(i);
      const mode = i.persistenceConfig?.persistenceMode;
      const evidence = [{ path: 'persistenceConfig.persistenceMode', observed: mode ?? null, expected: 'RDB' }];
      if (mode === 'RDB')
        ctx.pass({
          resource,
          messageId: 'rdb',
          data: { instance: i.name, period: i.persistenceConfig?.rdbSnapshotPeriod ?? 'default period' },
          evidence,
        });
      else
        ctx.fail({
          resource,
          messageId: 'off',
          data: { instance: i.name, mode: mode ?? 'not reported (DISABLED)' },
          evidence,
        });
    }
  },
});
