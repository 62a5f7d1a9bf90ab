import { defineRule } from '@coditect-audit/core';
import { checkExpectedValue, forEachResource } from '../util/terraform.js';

/**
 * ADR-001 Issue 10: "No Redis backup strategy". The ADR assumes RDB snapshots are "enabled by default on
 * Memorystore"; they are not: `persistence_config.persistence_mode` defaults to DISABLED.
 */
export default defineRule({
  id: 'tf-redis-persistence',
  title: 'Memorystore persistence (RDB snapshots) is off (OpenTofu)',
  concerns: ['backup.redis-persistence'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_redis_instance` must set `persistence_config { persistence_mode = "RDB" }` (with an `rdb_snapshot_period`). `DISABLED`, or no `persistence_config` (Memorystore then keeps no snapshot), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups, P1): "No Redis backup strategy"; the ADR\'s option 1 is RDB snapshots, which it wrongly calls "enabled by default on Memorystore". Without them a restart or failover loses every session and seat-tracking entry.',
  remediation: {
    text: 'Turn on RDB snapshots in the instance definition, then apply (or update the live instance the same way).',
    commands: [
      'persistence_config {\n  persistence_mode    = "RDB"\n  rdb_snapshot_period = "TWELVE_HOURS"\n}',
      'gcloud redis instances update {{redis.instance}} --region={{region}} --persistence-mode=rdb --rdb-snapshot-period=12h --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    rdb: '{{address}} takes RDB snapshots (persistence_mode = RDB).',
    disabled:
      '{{address}} {{sets}} persistence_mode = {{mode}}{{from}}: Memorystore keeps no snapshot, a restart loses the cache.',
    notSet:
      '{{address}} has no persistence_config.persistence_mode: Memorystore persistence defaults to DISABLED (it is not on by default), a restart loses the cache.',
    unresolved:
      'persistence_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm RDB snapshots are on (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_redis_instance'], (r, resource) => {
      checkExpectedValue(ctx, r, resource, {
        path: 'persistence_config.persistence_mode',
        expected: 'RDB',
        holds: (v) => v === 'RDB',
        messages: { holds: 'rdb', unresolved: 'unresolved', wrong: 'disabled', notSet: 'notSet' },
        valueKey: 'mode',
      });
    });
  },
});
