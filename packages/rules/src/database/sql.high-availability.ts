import { defineViewRule } from '@coditect-audit/core';
import { evidenceOf, type SqlInstanceView, valueSourceOf } from '@coditect-audit/core/views';

const regional = (v: SqlInstanceView) =>
  v.availabilityType.certainty === 'decided'
    ? v.availabilityType.value === 'REGIONAL'
    : v.availabilityType.certainty === 'absent'
      ? false
      : undefined;

/**
 * ADR-001 Issue 10: "Automated failover for Cloud SQL HA" needs a REGIONAL primary, as declared and as it
 * runs. Read replicas are skipped in every source: availability is their primary's setting.
 */
export default defineViewRule({
  id: 'sql.high-availability',
  title: 'Cloud SQL instance is not highly available',
  concerns: ['sql.high-availability'],
  view: 'sql-instance',
  sources: {
    tf: { alias: 'tf-sql-high-availability' },
    gcp: { alias: 'gcp-sql-high-availability' },
    drift: {},
  },
  description:
    'Each primary Cloud SQL instance must be `REGIONAL` (a standby in a second zone with automatic failover). **OpenTofu** (`google_sql_database_instance`): `settings.availability_type = "REGIONAL"`; `ZONAL`, or no value (the default is ZONAL), fails. Read replicas (`master_instance_name`, `replica_configuration`, `instance_type = "READ_REPLICA_INSTANCE"`) are skipped: availability is the primary\'s setting. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. **Google Cloud** (sqladmin `instances.list`): `settings.availabilityType` `REGIONAL` passes; `ZONAL` or not reported fails; replicas (`instanceType = READ_REPLICA_INSTANCE`, `masterInstanceName`) are skipped. **Drift**: a declaration and the live instance of the same name that disagree are a finding at the live instance.',
  rationale:
    'ADR-001 Issue 10 (Disaster Recovery and Backups) plans an RTO of one hour relying on "Automated failover for Cloud SQL HA", and the Decision 3 consequences count on "High availability and disaster recovery built-in". A ZONAL instance has no failover: a zone outage stops the license API until the zone returns or a backup is restored.',
  remediation: {
    text: 'Set `availability_type = "REGIONAL"` in `settings` and apply, or make the live instance regional (the instance restarts once).',
    commands: [
      'settings {\n  availability_type = "REGIONAL"\n}',
      'gcloud sql instances patch {{database.instance}} --availability-type=REGIONAL --project={{project}}',
    ],
  },
  messages: {
    // tf
    regional: '{{address}} is REGIONAL: a standby in another zone takes over automatically.',
    zonal: '{{address}} {{sets}} availability_type = {{availabilityType}}{{from}}: no standby, no automatic failover.',
    notSet: '{{address}} does not set settings.availability_type, so it is ZONAL: no standby, no automatic failover.',
    unresolved:
      'availability_type of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm REGIONAL (the gcp layer reads the live value).',
    // gcp (ids were `regional` / `zonal` in gcp-sql-high-availability)
    liveRegional: 'Cloud SQL {{instance}} is REGIONAL: it fails over to a standby in another zone.',
    liveZonal: 'Cloud SQL {{instance}} is {{availability}}: no standby, no automatic failover.',
    // drift
    driftLiveZonal:
      '{{address}} declares Cloud SQL {{instance}} REGIONAL, but the live instance is {{availability}}: it was changed outside OpenTofu or the declaration was never applied.',
    driftDeclaredZonal:
      'Cloud SQL {{instance}} is REGIONAL, but {{address}} declares it zonal: the next `tofu apply` removes its standby.',
    consistent: '{{address}} and the live Cloud SQL {{instance}} agree on availability.',
  },
  drift: {
    // A read replica's availability is its primary's: nothing to compare.
    holds: (v) => (v.replicaOf ? undefined : regional(v)),
    messages: { consistent: 'consistent', liveWeaker: 'driftLiveZonal', liveStricter: 'driftDeclaredZonal' },
    data: (declared, live) => ({
      address: declared.label,
      instance: live.label,
      availability:
        live.availabilityType.certainty === 'decided' ? String(live.availabilityType.value) : 'not reported',
    }),
    evidence: (declared, live) => [
      evidenceOf(declared.availabilityType, 'REGIONAL'),
      evidenceOf(live.availabilityType, 'REGIONAL'),
    ],
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const a = v.availabilityType;
      const evidence = [evidenceOf(a, 'REGIONAL')];
      if (v.source === 'gcp') {
        if (v.replicaOf) {
          ctx.skip(
            `Cloud SQL ${v.label} is a read replica (${v.replicaOf}); its primary's availability applies`,
            resource,
          );
          continue;
        }
        if (regional(v)) ctx.pass({ resource, messageId: 'liveRegional', data: { instance: v.label }, evidence });
        else
          ctx.fail({
            resource,
            messageId: 'liveZonal',
            data: { instance: v.label, availability: a.certainty === 'decided' ? String(a.value) : 'not reported' },
            evidence,
          });
        continue;
      }
      if (v.replicaOf) {
        ctx.skip(`${v.label} is a read replica (${v.replicaOf}); availability is set on its primary`, resource);
        continue;
      }
      const address = v.label;
      const location = a.origin.location;
      if (a.certainty === 'unresolved')
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, expression: a.expression },
          ...(location ? { location } : {}),
          evidence,
          dependsOn: a.dependsOn,
        });
      else if (regional(v)) ctx.pass({ resource, messageId: 'regional', data: { address }, evidence });
      else if (a.certainty === 'decided')
        ctx.fail({
          resource,
          messageId: 'zonal',
          data: { address, availabilityType: String(a.value), ...valueSourceOf(a) },
          ...(location ? { location } : {}),
          evidence,
        });
      else ctx.fail({ resource, messageId: 'notSet', data: { address }, ...(location ? { location } : {}), evidence });
    }
  },
});
