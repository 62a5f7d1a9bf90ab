import { defineViewRule, type Evidence, type ViewRuleContext } from '@coditect-audit/core';
import { evidenceOf, isFalse, type SqlInstanceView } from '@coditect-audit/core/views';

const OPEN_TO_ALL = ['0.0.0.0/0', '::/0'];

/**
 * ADR-001 Issue 3 (security of Cloud SQL connections): no public IP open to the whole internet, as declared
 * and as it runs. Each open (or undecided) authorized network of a declaration is its own finding
 * (discriminator `network:<value>`), as in tf-sql-public-exposure.
 */
export default defineViewRule({
  id: 'sql.public-exposure',
  title: 'Cloud SQL public IP open to 0.0.0.0/0',
  concerns: ['sql.public-exposure'],
  view: 'sql-instance',
  sources: { tf: { alias: 'tf-sql-public-exposure' }, gcp: { alias: 'gcp-sql-public-exposure' } },
  description:
    '**OpenTofu**: A `google_sql_database_instance` with a public IPv4 address (`settings.ip_configuration.ipv4_enabled`, which defaults to true) must not list `0.0.0.0/0` or `::/0` among its `authorized_networks`. An instance with `ipv4_enabled = false` has no public address, so its authorized networks do not apply. An authorized network whose value (or a public-IP switch) the repository does not settle, or a `dynamic` block over an unsettled collection, is undecided (`unknown`, naming that input); `dynamic` blocks over a known collection are expanded first, and variable defaults, `.tfvars`, locals and local module inputs evaluated. **Google Cloud**: Reads `settings.ipConfiguration` and `ipAddresses` of every Cloud SQL instance. An instance with a public IPv4 address (`ipv4Enabled`, or an address of type `PRIMARY`) fails when an authorized network is `0.0.0.0/0` or `::/0`. Without a public address the authorized networks do not apply and the instance passes.',
  rationale:
    'ADR-001 Issue 3 runs the database on a private IP (10.28.0.3) and asks for encryption on top; a public IP authorized for 0.0.0.0/0 puts the license database one leaked password away from anyone on the internet, which no ADR decision accepts.',
  remediation: {
    text: 'Remove the 0.0.0.0/0 (or ::/0) authorized network; prefer no public IP at all (`ipv4_enabled = false` with `private_network`) and connect through the private IP or the Cloud SQL Auth Proxy.',
    commands: [
      'settings {\n  ip_configuration {\n    ipv4_enabled    = false\n    private_network = "projects/{{project}}/global/networks/coditect-vpc"\n  }\n}',
      'gcloud sql instances patch {{database.instance}} --clear-authorized-networks --project={{project}}',
      'gcloud sql instances patch {{database.instance}} --no-assign-ip --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.5',
      title: 'Ensure That Cloud SQL Database Instances Do Not Implicitly Whitelist All Public IP Addresses',
    },
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0',
      id: '6.6',
      title: 'Ensure That Cloud SQL Database Instances Do Not Have Public IPs',
    },
    { standard: 'Security Command Center', id: 'PUBLIC_SQL_INSTANCE' },
  ],
  messages: {
    // tf
    openToInternet:
      '{{address}} has a public IP ({{publicIp}}) and authorizes {{network}}: anyone on the internet can reach the database port.',
    openIfPublic:
      '{{address}} authorizes {{network}} and its public IP switch comes from `{{expression}}`, which the repository does not settle to one value: the database is open to the internet whenever that is true.',
    networkUnresolved:
      'An authorized network of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not 0.0.0.0/0 while the instance may have a public IP ({{publicIp}}).',
    privateOnly: '{{address}} has no public IP (ipv4_enabled = false): authorized networks do not apply.',
    notOpen: '{{address}} ({{publicIp}}) authorizes no network open to the whole internet.',
    // gcp
    private: 'Cloud SQL {{instance}} has no public IP address.',
    restricted: 'Cloud SQL {{instance}} has a public IP, reachable only from {{networks}}.',
    openToAll:
      'Cloud SQL {{instance}} has a public IP and authorizes {{network}}: anyone on the internet can reach it.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === 'gcp') live(ctx, v);
      else declared(ctx, v);
    }
  },
});

type Ctx = ViewRuleContext<'sql-instance', string>;

function live(ctx: Ctx, v: SqlInstanceView): void {
  const resource = v.resource;
  const instance = v.label;
  const networks = v.authorizedNetworks.map((n) => n.observed);
  const publicIp =
    (v.ipv4Enabled.certainty === 'decided' && v.ipv4Enabled.value === true) || v.hasPublicAddress === true;
  const evidence: Evidence[] = [
    evidenceOf(v.ipv4Enabled),
    {
      path: 'settings.ipConfiguration.authorizedNetworks',
      observed: networks.join(', ') || null,
      expected: 'no 0.0.0.0/0',
    },
  ];
  if (!publicIp) {
    ctx.pass({ resource, messageId: 'private', data: { instance }, evidence });
    return;
  }
  const open = networks.find((n) => OPEN_TO_ALL.includes(n));
  if (open) ctx.fail({ resource, messageId: 'openToAll', data: { instance, network: open }, evidence });
  else
    ctx.pass({
      resource,
      messageId: 'restricted',
      data: { instance, networks: networks.join(', ') || 'no authorized network' },
      evidence,
    });
}

function declared(ctx: Ctx, v: SqlInstanceView): void {
  const resource = v.resource;
  const address = v.label;
  const ipv4 = v.ipv4Enabled;
  const ipv4Evidence = evidenceOf(ipv4, 'false');
  if (ipv4.certainty === 'decided' && isFalse(ipv4.value)) {
    ctx.pass({ resource, messageId: 'privateOnly', data: { address }, evidence: [ipv4Evidence] });
    return;
  }
  const publicIp =
    ipv4.certainty === 'absent'
      ? 'ipv4_enabled not set, defaults to true'
      : ipv4.certainty === 'decided'
        ? `ipv4_enabled = ${String(ipv4.value)}`
        : `ipv4_enabled = ${ipv4.expression}`;
  let failed = false;
  for (const net of v.authorizedNetworks) {
    const a = net.value;
    const location = a.origin.location!;
    const evidence: Evidence[] = [
      { path: a.origin.path, observed: net.observed, expected: 'not 0.0.0.0/0 or ::/0', location },
      ipv4Evidence,
    ];
    if (a.certainty === 'unresolved') {
      failed = true;
      ctx.unknown({
        resource,
        messageId: 'networkUnresolved',
        data: { address, expression: a.expression, publicIp },
        location,
        evidence,
        dependsOn: a.dependsOn,
        discriminator: `network:${net.key}`,
      });
      continue;
    }
    const network = String(a.certainty === 'decided' ? a.value : '');
    if (!OPEN_TO_ALL.includes(network)) continue;
    failed = true;
    if (ipv4.certainty === 'unresolved')
      ctx.unknown({
        resource,
        messageId: 'openIfPublic',
        data: { address, network, expression: ipv4.expression },
        location,
        evidence,
        dependsOn: ipv4.dependsOn,
        discriminator: `network:${network}`,
      });
    else
      ctx.fail({
        resource,
        messageId: 'openToInternet',
        data: { address, network, publicIp },
        location,
        evidence,
        discriminator: `network:${network}`,
      });
  }
  if (!failed) ctx.pass({ resource, messageId: 'notOpen', data: { address, publicIp }, evidence: [ipv4Evidence] });
}
