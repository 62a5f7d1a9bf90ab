import { defineRule, type Evidence } from '@coditect-audit/core';
import {
  attributeLocation,
  blockLocation,
  childBlock,
  childBlocks,
  dynamicBlock,
  forEachResource,
  isExpression,
  isFalse,
  read,
  readEvidence,
  dependsOnOf,
  inputsOf,
  sourceOf,
} from '../util/terraform.js';

const OPEN_TO_ALL = ['0.0.0.0/0', '::/0'];

/** ADR-001 Issue 3 (security of Cloud SQL connections): no public IP open to the whole internet. */
export default defineRule({
  id: 'tf-sql-public-exposure',
  title: 'Cloud SQL public IP open to 0.0.0.0/0 (OpenTofu)',
  concerns: ['sql.public-exposure'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'A `google_sql_database_instance` with a public IPv4 address (`settings.ip_configuration.ipv4_enabled`, which defaults to true) must not list `0.0.0.0/0` or `::/0` among its `authorized_networks`. An instance with `ipv4_enabled = false` has no public address, so its authorized networks do not apply. An authorized network whose value (or a public-IP switch) the repository does not settle, or a `dynamic` block over an unsettled collection, is undecided (`unknown`, naming that input); `dynamic` blocks over a known collection are expanded first, and variable defaults, `.tfvars`, locals and local module inputs evaluated.',
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
  ],
  messages: {
    openToInternet:
      '{{address}} has a public IP ({{publicIp}}) and authorizes {{network}}: anyone on the internet can reach the database port.',
    openIfPublic:
      '{{address}} authorizes {{network}} and its public IP switch comes from `{{expression}}`, which the repository does not settle to one value: the database is open to the internet whenever that is true.',
    networkUnresolved:
      'An authorized network of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm it is not 0.0.0.0/0 while the instance may have a public IP ({{publicIp}}).',
    privateOnly: '{{address}} has no public IP (ipv4_enabled = false): authorized networks do not apply.',
    notOpen: '{{address}} ({{publicIp}}) authorizes no network open to the whole internet.',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_sql_database_instance'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const ipv4 = read(r.block, 'settings.ip_configuration.ipv4_enabled');
      const ipv4Evidence = readEvidence(file, `${address}.settings.ip_configuration.ipv4_enabled`, ipv4, 'false');
      if (ipv4.kind === 'literal' && isFalse(ipv4.value)) {
        ctx.pass({ resource, messageId: 'privateOnly', data: { address }, evidence: [ipv4Evidence] });
        return;
      }
      const publicIp =
        ipv4.kind === 'absent'
          ? 'ipv4_enabled not set, defaults to true'
          : ipv4.kind === 'literal'
            ? `ipv4_enabled = ${String(ipv4.value)}`
            : `ipv4_enabled = ${ipv4.expression}`;
      const ipConfig = childBlock(childBlock(r.block, 'settings') ?? r.block, 'ip_configuration');
      let failed = false;

      for (const net of ipConfig ? childBlocks(ipConfig, 'authorized_networks') : []) {
        const value = net.attributes.value;
        if (!value) continue;
        const evidence: Evidence[] = [
          {
            path: `${address}.settings.ip_configuration.authorized_networks.value`,
            observed: sourceOf(value.value).replace(/^"|"$/g, ''),
            expected: 'not 0.0.0.0/0 or ::/0',
            location: attributeLocation(file, value),
          },
          ipv4Evidence,
        ];
        if (isExpression(value.value)) {
          failed = true;
          ctx.unknown({
            resource,
            messageId: 'networkUnresolved',
            data: { address, expression: value.value.expression.trim(), publicIp },
            location: attributeLocation(file, value),
            evidence,
            dependsOn: dependsOnOf(value, value.value.expression),
            discriminator: `network:${value.value.expression.trim()}`,
          });
          continue;
        }
        const network = String(value.value);
        if (!OPEN_TO_ALL.includes(network)) continue;
        failed = true;
        if (ipv4.kind === 'expression') {
          ctx.unknown({
            resource,
            messageId: 'openIfPublic',
            data: { address, network, expression: ipv4.expression },
            location: attributeLocation(file, value),
            evidence,
            dependsOn: ipv4.dependsOn,
            discriminator: `network:${network}`,
          });
        } else {
          ctx.fail({
            resource,
            messageId: 'openToInternet',
            data: { address, network, publicIp },
            location: attributeLocation(file, value),
            evidence,
            discriminator: `network:${network}`,
          });
        }
      }

      const dynamic = ipConfig ? dynamicBlock(ipConfig, 'authorized_networks') : undefined;
      if (dynamic) {
        failed = true;
        const forEach = dynamic.attributes.for_each;
        const expression = `dynamic "authorized_networks"${forEach ? ` over ${sourceOf(forEach.value)}` : ''}`;
        const location = blockLocation(file, dynamic);
        ctx.unknown({
          resource,
          messageId: 'networkUnresolved',
          data: { address, expression, publicIp },
          location,
          evidence: [
            {
              path: `${address}.settings.ip_configuration.authorized_networks`,
              observed: expression,
              expected: 'not 0.0.0.0/0 or ::/0',
              location,
            },
            ipv4Evidence,
          ],
          dependsOn: inputsOf(expression),
          discriminator: 'network:dynamic',
        });
      }
      if (!failed) ctx.pass({ resource, messageId: 'notOpen', data: { address, publicIp }, evidence: [ipv4Evidence] });
    });
  },
});
