import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const instance = (ipConfiguration: string) => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  region           = "us-central1"

  settings {
    tier = "db-custom-2-7680"
${ipConfiguration}
  }
}
`;

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: the ADR instance: private IP only',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/coditect-cloud-infra/global/networks/coditect-vpc"
    }`),
      },
    },
    {
      name: 'tf: public IP restricted to an office range',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }`),
      },
    },
    {
      name: 'tf: private only: a 0.0.0.0/0 entry does not apply without a public IP',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled = false
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }`),
      },
    },
    {
      name: 'tf: no ip_configuration: public IP by default but nothing authorized',
      files: { 'main.tf': instance('    disk_size = 20') },
    },
    // ---- gcp
    { name: 'gcp: private IP only', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'gcp: public IP restricted to an office range',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: {
              ipConfiguration: {
                ipv4Enabled: true,
                authorizedNetworks: [{ name: 'office', value: '198.51.100.0/24' }],
              },
            },
          }),
        ),
      },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: a dynamic block over a variable default that includes 0.0.0.0/0 (expanded as Terraform would)',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled = true
      dynamic "authorized_networks" {
        for_each = var.networks
        content {
          name  = authorized_networks.key
          value = authorized_networks.value
        }
      }
    }`),
        'variables.tf': 'variable "networks" {\n  default = { office = "203.0.113.0/24", anyone = "0.0.0.0/0" }\n}\n',
      },
      expect: [{ messageId: 'openToInternet', file: 'main.tf', line: 14, column: 11 }],
    },
    {
      name: 'tf: public IP authorized for 0.0.0.0/0',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0"
      }
    }`),
      },
      expect: [{ messageId: 'openToInternet', file: 'main.tf', line: 12, column: 9, certainty: 'high' }],
    },
    {
      name: 'tf: ipv4_enabled not set (defaults to true) and ::/0 authorized',
      files: {
        'main.tf': instance(`    ip_configuration {
      authorized_networks {
        value = "::/0"
      }
    }`),
      },
      expect: [{ messageId: 'openToInternet', file: 'main.tf', line: 10, column: 9 }],
    },
    {
      name: 'tf: two open entries on one instance',
      files: {
        'main.tf': instance(`    ip_configuration {
      authorized_networks {
        value = "0.0.0.0/0"
      }
      authorized_networks {
        value = "::/0"
      }
    }`),
      },
      expect: [
        { messageId: 'openToInternet', file: 'main.tf', line: 10 },
        { messageId: 'openToInternet', file: 'main.tf', line: 13 },
      ],
    },
    {
      name: 'tf: public IP switch from a variable: could not decide (no value in the repository)',
      files: {
        'modules/cloudsql/main.tf': instance(`    ip_configuration {
      ipv4_enabled = var.public_ip
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }`),
      },
      expect: [{ messageId: 'openIfPublic', file: 'modules/cloudsql/main.tf', line: 11, status: 'unknown' }],
    },
    {
      name: 'tf: authorized network value from a variable: could not decide (no value in the repository)',
      files: {
        'main.tf': instance(`    ip_configuration {
      authorized_networks {
        value = var.admin_cidr
      }
    }`),
      },
      expect: [{ messageId: 'networkUnresolved', file: 'main.tf', line: 10, status: 'unknown' }],
    },
    {
      name: 'tf: authorized networks from a dynamic block: could not decide (no value in the repository)',
      files: {
        'main.tf': instance(`    ip_configuration {
      dynamic "authorized_networks" {
        for_each = var.authorized_networks
        content {
          value = authorized_networks.value
        }
      }
    }`),
      },
      expect: [{ messageId: 'networkUnresolved', file: 'main.tf', line: 9, status: 'unknown' }],
    },
    // ---- gcp
    {
      name: 'gcp: public IP open to 0.0.0.0/0',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            ipAddresses: [{ type: 'PRIMARY', ipAddress: '34.41.12.7' }],
            settings: {
              ipConfiguration: { ipv4Enabled: true, authorizedNetworks: [{ name: 'all', value: '0.0.0.0/0' }] },
            },
          }),
        ),
      },
      expect: [{ messageId: 'openToAll' }],
    },
  ],
} satisfies RuleCases;
