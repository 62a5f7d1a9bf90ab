import { defineRule } from '@coditect-audit/core';
import { replicaReason } from '../util/cloudsql.js';
import { checkExpectedValue, forEachResource } from '../util/terraform.js';

/** ADR-001 Issue 10: "Automated failover for Cloud SQL HA" is part of the disaster-recovery plan. */
export default defineRule({
  id: 'tf-sql-high-availability',
  title: 'Cloud SQL instance is not highly available (OpenTofu)',
  concerns: ['sql.high-availability'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each primary `google_sql_database_instance` must set `settings.availability_type = "REGIONAL"` (a standby in a second zone with automatic failover). `ZONAL`, or no value (the default is ZONAL), fails. Read replicas (`master_instance_name`, `replica_configuration`, `instance_type = "READ_REPLICA_INSTANCE"`) are skipped: availability is the primary\'s setting. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups) plans an RTO of one hour relying on "Automated failover for Cloud SQL HA", and the Decision 3 consequences count on "High availability and disaster recovery built-in". A ZONAL instance has no failover: a zone outage stops the license API until the zone returns or a backup is restored.',
  remediation: {
    text: 'Set `availability_type = "REGIONAL"` in `settings` and apply (the instance restarts once).',
    commands: [
      'settings {\n  availability_type = "REGIONAL"\n}',
      'gcloud sql instances patch {{database.instance}} --availability-type=REGIONAL --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    regional: '{{address}} is REGIONAL: a standby in another zone takes over automatically.',
    zonal: '{{address}} sets availability_type = {{availabilityType}}: no standby, no automatic failover.',
    notSet: '{{address}} does not set settings.availability_type, so it is ZONAL: no standby, no automatic failover.',
    unresolved:
      'availability_type of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm REGIONAL (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const replica = replicaReason(r.block);
      if (replica) {
        ctx.skip(`${r.address} is a read replica (${replica}); availability is set on its primary`, resource);
        return;
      }
      checkExpectedValue(ctx, r, resource, {
        path: 'settings.availability_type',
        expected: 'REGIONAL',
        holds: (v) => v === 'REGIONAL',
        messages: { holds: 'regional', unresolved: 'unresolved', wrong: 'zonal', notSet: 'notSet' },
        valueKey: 'availabilityType',
      });
    });
  },
});
