import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const OPEN_TO_ALL = ['0.0.0.0/0', '::/0'];

/** ADR-001 Issue 3, live: no public IP of the license database is open to the whole internet. */
export default defineRule({
  id: 'gcp-sql-public-exposure',
  title: 'Cloud SQL public IP open to 0.0.0.0/0',
  concerns: ['sql.public-exposure'],
  layer: 'gcp',
  facets: ['gcp.sql'],
  description:
    'Reads `settings.ipConfiguration` and `ipAddresses` of every Cloud SQL instance. An instance with a public IPv4 address (`ipv4Enabled`, or an address of type `PRIMARY`) fails when an authorized network is `0.0.0.0/0` or `::/0`. Without a public address the authorized networks do not apply and the instance passes.',
  rationale:
    'ADR-001 runs the database on a private IP (10.28.0.3). A public IP authorized for every address puts the license database one leaked password away from anyone on the internet.',
  remediation: {
    text: 'Remove the open authorized network; prefer no public IP at all and connect through the private IP or the Cloud SQL Auth Proxy.',
    commands: [
      'gcloud sql instances patch {{database.instance}} --clear-authorized-networks --project={{project}}',
      'gcloud sql instances patch {{database.instance}} --no-assign-ip --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0', id: '6.5' },
    { standard: 'Security Command Center', id: 'PUBLIC_SQL_INSTANCE' },
  ],
  messages: {
    private: 'Cloud SQL {{instance}} has no public IP address.',
    restricted: 'Cloud SQL {{instance}} has a public IP, reachable only from {{networks}}.',
    openToAll:
      'Cloud SQL {{instance}} has a public IP and authorizes {{network}}: anyone on the internet can reach it.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.sql').instances) {
      const resource = gcpResource.sqlInstance(i);
      const ip = i.settings.ipConfiguration;
      const publicIp = ip.ipv4Enabled === true || i.ipAddresses.some((a) => a.type === 'PRIMARY');
      const evidence = [
        { path: 'settings.ipConfiguration.ipv4Enabled', observed: ip.ipv4Enabled ?? null },
        {
          path: 'settings.ipConfiguration.authorizedNetworks',
          observed: ip.authorizedNetworks.map((n) => n.value).join(', ') || null,
          expected: 'no 0.0.0.0/0',
        },
      ];
      if (!publicIp) {
        ctx.pass({ resource, messageId: 'private', data: { instance: i.name }, evidence });
        continue;
      }
      const open = ip.authorizedNetworks.find((n) => OPEN_TO_ALL.includes(n.value));
      if (open)
        ctx.fail({ resource, messageId: 'openToAll', data: { instance: i.name, network: open.value }, evidence });
      else
        ctx.pass({
          resource,
          messageId: 'restricted',
          data: {
            instance: i.name,
            networks: ip.authorizedNetworks.map((n) => n.value).join(', ') || 'no authorized network',
          },
          evidence,
        });
    }
  },
});
