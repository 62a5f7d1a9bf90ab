import { defineViewRule } from '@coditect-audit/core';
import { type Attribute, evidenceOf, type RedisInstanceView, valueSourceOf } from '@coditect-audit/core/views';

type Outcome =
  | { holds: true }
  | { holds: false; how: 'disabled' | 'notSet' }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } };

/**
 * The decision, whatever the source: persistence is on when `persistence_mode` / `persistenceMode` is RDB;
 * unset is DISABLED (Memorystore does not snapshot by default, whatever the ADR assumes).
 */
function decide(v: RedisInstanceView): Outcome {
  const mode = v.persistenceMode;
  if (mode.certainty === 'unresolved') return { holds: undefined, on: mode };
  if (mode.certainty === 'absent') return { holds: false, how: 'notSet' };
  return mode.value === 'RDB' ? { holds: true } : { holds: false, how: 'disabled' };
}

/**
 * ADR-001 Issue 10: "No Redis backup strategy". The ADR assumes RDB snapshots are "enabled by default on
 * Memorystore"; they are not: `persistence_config.persistence_mode` defaults to DISABLED. As declared
 * (OpenTofu) and as configured (the Redis API).
 */
export default defineViewRule({
  id: 'backup.redis-persistence',
  title: 'Memorystore persistence (RDB snapshots) is off',
  concerns: ['backup.redis-persistence'],
  view: 'redis-instance',
  sources: {
    tf: { alias: 'tf-redis-persistence' },
    gcp: {
      alias: 'gcp-redis-persistence',
      messages: { rdb: 'Memorystore {{instance}} takes RDB snapshots ({{period}}).' },
    },
    drift: {},
  },
  description:
    'Each Memorystore instance must take RDB snapshots. **OpenTofu** (`google_redis_instance`): `persistence_config { persistence_mode = "RDB" }` (with an `rdb_snapshot_period`). `DISABLED`, or no `persistence_config` (Memorystore then keeps no snapshot), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (redis `instances.list`): `persistenceConfig.persistenceMode` `RDB` passes (with the snapshot period); `DISABLED` or not reported fails. **Drift**: a declaration of RDB snapshots while the live instance of the same name takes none (or the reverse) is a finding at the live instance.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups, P1): "No Redis backup strategy"; the ADR\'s option 1 is RDB snapshots, which it wrongly calls "enabled by default on Memorystore". Without them a restart, failover or maintenance event loses every session and seat-tracking entry.',
  remediation: {
    text: 'Turn on RDB snapshots in the instance definition, then apply (or update the live instance the same way).',
    commands: [
      'persistence_config {\n  persistence_mode    = "RDB"\n  rdb_snapshot_period = "TWELVE_HOURS"\n}',
      'gcloud redis instances update {{redis.instance}} --region={{region}} --persistence-mode=rdb --rdb-snapshot-period=12h --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    // tf (gcp words rdb its own way: see sources.gcp.messages)
    rdb: '{{address}} takes RDB snapshots (persistence_mode = RDB).',
    disabled:
      '{{address}} {{sets}} persistence_mode = {{mode}}{{from}}: Memorystore keeps no snapshot, a restart loses the cache.',
    notSet:
      '{{address}} has no persistence_config.persistence_mode: Memorystore persistence defaults to DISABLED (it is not on by default), a restart loses the cache.',
    unresolved:
      'persistence_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm RDB snapshots are on (the gcp layer reads the live value).',
    // gcp
    off: 'Memorystore {{instance}} has persistence {{mode}}: its data is lost on failover or maintenance.',
    // drift
    driftLiveWeaker:
      '{{address}} declares RDB snapshots for Memorystore {{instance}}, but the live instance takes none: it was changed outside OpenTofu or the declaration was never applied.',
    driftLiveStricter:
      'Memorystore {{instance}} takes RDB snapshots, but {{address}} declares no persistence: the next `tofu apply` would turn them off.',
    consistent: '{{address}} and the live Memorystore {{instance}} agree on RDB snapshots.',
  },
  drift: {
    holds: (v) => decide(v).holds,
    messages: { consistent: 'consistent', liveWeaker: 'driftLiveWeaker', liveStricter: 'driftLiveStricter' },
    data: (declared, live) => ({ address: declared.label, instance: live.label }),
    evidence: (declared, live) => [
      evidenceOf(declared.persistenceMode, 'RDB'),
      evidenceOf(live.persistenceMode, 'RDB'),
    ],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const mode = v.persistenceMode;
      const evidence = [evidenceOf(mode, 'RDB')];
      const location = mode.origin.location ? { location: mode.origin.location } : {};
      const o = decide(v);
      if (o.holds === undefined) {
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address: v.label, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn,
        });
      } else if (v.source === 'gcp') {
        // Message data as the per-layer rule wrote it (reports and baselines compare it).
        const period =
          v.rdbSnapshotPeriod.certainty === 'decided' ? String(v.rdbSnapshotPeriod.value) : 'default period';
        if (o.holds) ctx.pass({ resource, messageId: 'rdb', data: { instance: v.label, period }, evidence });
        else
          ctx.fail({
            resource,
            messageId: 'off',
            data: {
              instance: v.label,
              mode: mode.certainty === 'decided' ? String(mode.value) : 'not reported (DISABLED)',
            },
            evidence,
          });
      } else if (o.holds) {
        ctx.pass({ resource, messageId: 'rdb', data: { address: v.label }, evidence });
      } else {
        const data: Record<string, string> =
          o.how === 'disabled' && mode.certainty === 'decided'
            ? { address: v.label, mode: String(mode.value), ...valueSourceOf(mode) }
            : { address: v.label };
        ctx.fail({ resource, messageId: o.how, data, ...location, evidence });
      }
    }
  },
});
