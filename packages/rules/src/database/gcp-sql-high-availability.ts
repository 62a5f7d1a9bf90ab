import { defineRule } from '@coditect-audit/core';
import { gcpResource, replicaOf } from '../util/gcp.js';

/** ADR-001 Issue 10, live: "Automated failover for Cloud SQL HA" needs a REGIONAL instance. */
export default defineRule({
  id: 'gcp-sql-high-availability',
  title: 'Cloud SQL instance is not highly available',
  concerns: ['sql.high-availability'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description:
    'Reads `settings.availabilityType` of every primary Cloud SQL instance: `REGIONAL` (a standby in a second zone with automatic failover) passes; `ZONAL` or not reported fails. Read replicas are skipped: availability is a property of their primary.',
  rationale:
    'ADR-001 Issue 10 plans for "Automated failover for Cloud SQL HA" and an RTO of one hour; a zonal instance is down for as long as its zone is.',
  remediation: {
    text: 'Make the instance regional (a restart happens during the change).',
    commands: ['gcloud sql instances patch {{database.instance}} --availability-type=REGIONAL --project={{project}}'],
  },
  messages: {
    regional: 'Cloud SQL {{instance}} is REGIONAL: it fails over to a standby in another zone.',
    zonal: 'Cloud SQL {{instance}} is {{availability}}: no standby, no automatic failover.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const replica = replicaOf(i);
      if (replica) {
        ctx.skip(`Cloud SQL ${i.name} is a read replica (${replica}); its primary's availability applies`, resource);
        continue;
      }
      const availability = i.settings.availabilityType;
      const evidence = [{ path: 'settings.availabilityType', observed: availability ?? null, expected: 'REGIONAL' }];
      if (availability === 'REGIONAL')
        ctx.pass({ resource, messageId: 'regional', data: { instance: i.name }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'zonal',
          data: { instance: i.name, availability: availability ?? 'not reported' },
          evidence,
        });
    }
  },
});
