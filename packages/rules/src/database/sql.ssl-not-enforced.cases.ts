import type { PostgresProbe } from '@coditect-audit/core';
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

const probe = (plaintext: PostgresProbe['plaintext']): PostgresProbe => ({
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'require',
  plaintext,
});

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: ssl_mode = ENCRYPTED_ONLY',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/coditect-cloud-infra/global/networks/coditect-vpc"
      ssl_mode        = "ENCRYPTED_ONLY"
    }`),
      },
    },
    {
      name: 'tf: TRUSTED_CLIENT_CERTIFICATE_REQUIRED takes precedence over require_ssl = false',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
      require_ssl = false
    }`),
      },
    },
    {
      name: 'tf: ENCRYPTED_ONLY with require_ssl = true',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "ENCRYPTED_ONLY"
      require_ssl = true
    }`),
      },
    },
    {
      name: 'tf: TRUSTED_CLIENT_CERTIFICATE_REQUIRED with require_ssl = true',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
      require_ssl = true
    }`),
      },
    },
    {
      name: 'tf: ENCRYPTED_ONLY decides; require_ssl from a variable does not matter',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "ENCRYPTED_ONLY"
      require_ssl = var.require_ssl
    }`),
      },
    },
    {
      name: 'tf: legacy require_ssl = true without ssl_mode',
      files: {
        'main.tf': instance(`    ip_configuration {
      require_ssl = true
    }`),
      },
    },
    {
      name: 'tf: an instance declared inside a module',
      files: {
        'opentofu/environments/staging/main.tf': `module "cloudsql" {
  source        = "../../modules/cloudsql"
  instance_name = "coditect-db"
}
`,
        'opentofu/modules/cloudsql/main.tf': `resource "google_sql_database_instance" "main" {
  name             = var.instance_name
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
`,
      },
    },
    // ---- gcp
    {
      name: 'gcp: sslMode ENCRYPTED_ONLY with requireSsl false (a valid pair)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance()) },
    },
    {
      name: 'gcp: TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: { ipConfiguration: { sslMode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED', requireSsl: true } },
          }),
        ),
      },
    },
    {
      name: 'gcp: legacy requireSsl true without sslMode',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { ipConfiguration: { sslMode: undefined, requireSsl: true } } })),
      },
    },
    // ---- probe
    {
      name: 'probe: ENCRYPTED_ONLY: the server rejects plaintext before authentication',
      facets: {
        'probe.postgres': probe({
          outcome: 'refused',
          detail:
            'pg_hba.conf rejects connection for host "10.28.0.9", user "license_api_staging", database "coditect", no encryption',
        }),
      },
    },
    // ---- drift (OpenTofu and the Admin API in one case)
    {
      name: 'drift: declared and live agree (both ENCRYPTED_ONLY)',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }`),
      },
      facets: { 'gcp.sql': sqlFacet(sqlInstance()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: ssl_mode from a variable whose default is null: not set, as Terraform reads it',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = var.ssl_mode
    }`),
        'variables.tf': 'variable "ssl_mode" {\n  type    = string\n  default = null\n}\n',
      },
      expect: [{ messageId: 'sslNotConfigured', file: 'main.tf', line: 8, column: 5 }],
    },
    {
      name: 'tf: the ADR state: private IP without SSL enforcement',
      files: {
        'main.tf': instance(`    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/coditect-cloud-infra/global/networks/coditect-vpc"
    }`),
      },
      expect: [{ messageId: 'sslNotConfigured', file: 'main.tf', line: 8, column: 5, certainty: 'high' }],
    },
    {
      name: 'tf: ssl_mode = ALLOW_UNENCRYPTED_AND_ENCRYPTED',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }`),
      },
      expect: [{ messageId: 'sslModeAllowsUnencrypted', file: 'main.tf', line: 9, column: 7 }],
    },
    {
      name: 'tf: ssl_mode ALLOW_UNENCRYPTED_AND_ENCRYPTED takes precedence over require_ssl = true',
      files: {
        'main.tf': instance(`    ip_configuration {
      require_ssl = true
      ssl_mode    = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }`),
      },
      expect: [{ messageId: 'sslModeOverridesRequireSsl', file: 'main.tf', line: 10, column: 7 }],
    },
    {
      name: 'tf: ssl_mode ALLOW_UNENCRYPTED_AND_ENCRYPTED with require_ssl = false',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
      require_ssl = false
    }`),
      },
      expect: [{ messageId: 'sslModeAllowsUnencrypted', file: 'main.tf', line: 9, certainty: 'high' }],
    },
    {
      name: 'tf: ssl_mode ALLOW_UNENCRYPTED_AND_ENCRYPTED decides even when require_ssl comes from a variable',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode    = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
      require_ssl = var.require_ssl
    }`),
      },
      expect: [{ messageId: 'sslModeAllowsUnencrypted', file: 'main.tf', line: 9, certainty: 'high' }],
    },
    {
      name: 'tf: ssl_mode from a variable takes precedence over require_ssl = true: could not decide (no value in the repository)',
      files: {
        'main.tf': instance(`    ip_configuration {
      require_ssl = true
      ssl_mode    = var.ssl_mode
    }`),
      },
      expect: [{ messageId: 'sslModeUnresolved', file: 'main.tf', line: 10, status: 'unknown' }],
    },
    {
      name: 'tf: legacy require_ssl = false without ssl_mode',
      files: {
        'main.tf': instance(`    ip_configuration {
      require_ssl = false
    }`),
      },
      expect: [{ messageId: 'requireSslFalse', file: 'main.tf', line: 9, column: 7 }],
    },
    {
      name: 'tf: no ip_configuration block: located at settings',
      files: { 'main.tf': instance('    disk_size = 20') },
      expect: [{ messageId: 'sslNotConfigured', file: 'main.tf', line: 6, column: 3 }],
    },
    {
      name: 'tf: ssl_mode from a module variable: could not decide (no value in the repository)',
      files: {
        'modules/cloudsql/main.tf': instance(`    ip_configuration {
      ssl_mode = var.ssl_mode
    }`),
      },
      expect: [{ messageId: 'sslModeUnresolved', file: 'modules/cloudsql/main.tf', line: 9, status: 'unknown' }],
    },
    {
      name: 'tf: require_ssl from a variable and no ssl_mode: could not decide (no value in the repository)',
      files: {
        'main.tf': instance(`    ip_configuration {
      require_ssl = var.require_ssl
    }`),
      },
      expect: [{ messageId: 'requireSslUnresolved', file: 'main.tf', line: 9, status: 'unknown' }],
    },
    {
      name: 'tf: ip_configuration from a dynamic block: could not decide (no value in the repository)',
      files: {
        'main.tf': instance(`    dynamic "ip_configuration" {
      for_each = var.ip_configuration
      content {
        ssl_mode = "ENCRYPTED_ONLY"
      }
    }`),
      },
      expect: [{ messageId: 'sslModeUnresolved', file: 'main.tf', line: 8, status: 'unknown' }],
    },
    {
      name: 'tf: two instances in one file: only the unenforced one fails',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_sql_database_instance" "analytics" {
  name             = "coditect-analytics"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}
`,
      },
      expect: [{ messageId: 'sslModeAllowsUnencrypted', file: 'main.tf', line: 18 }],
    },
    // ---- gcp
    {
      name: 'gcp: ALLOW_UNENCRYPTED_AND_ENCRYPTED (the ADR staging instance)',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ settings: { ipConfiguration: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' } } }),
        ),
      },
      expect: [{ messageId: 'allowsUnencrypted' }],
    },
    {
      name: 'gcp: sslMode wins over requireSsl true',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({
            settings: { ipConfiguration: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED', requireSsl: true } },
          }),
        ),
      },
      expect: [{ messageId: 'allowsUnencrypted' }],
    },
    {
      name: 'gcp: neither sslMode nor requireSsl',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ settings: { ipConfiguration: { sslMode: undefined, requireSsl: undefined } } }),
        ),
      },
      expect: [{ messageId: 'notEnforced' }],
    },
    // ---- probe
    {
      name: 'probe: the ADR as deployed: plaintext allowed, the server asks for the password',
      facets: {
        'probe.postgres': probe({
          outcome: 'auth-requested',
          detail: 'the server asked for a password over an unencrypted connection (none was sent)',
        }),
      },
      expect: [{ messageId: 'passwordOverPlaintext' }],
    },
    {
      name: 'probe: trust authentication over plaintext',
      facets: { 'probe.postgres': probe({ outcome: 'accepted', detail: 'logged in without TLS' }) },
      expect: [{ messageId: 'acceptedWithoutTls' }],
    },
    // ---- drift (OpenTofu and the Admin API in one case)
    {
      name: 'drift: the declaration enforces SSL, the live instance does not (changed by hand)',
      files: {
        'opentofu/main.tf': instance(`    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }`),
      },
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ settings: { ipConfiguration: { sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED' } } }),
        ),
      },
      expect: [
        { messageId: 'allowsUnencrypted', source: 'gcp' },
        // The live finding has no file; drift points at the declaration as a related location.
        { messageId: 'driftLiveWeaker', source: 'drift' },
        { messageId: 'driftLiveWeaker', file: 'opentofu/main.tf', line: 1, source: 'drift' },
      ],
    },
    {
      name: 'drift: the live instance enforces SSL, the declaration does not (the next apply weakens it)',
      files: {
        'main.tf': instance(`    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }`),
      },
      facets: { 'gcp.sql': sqlFacet(sqlInstance()) },
      expect: [
        { messageId: 'sslModeAllowsUnencrypted', file: 'main.tf', line: 9, source: 'tf' },
        { messageId: 'driftLiveStricter', source: 'drift' },
        { messageId: 'driftLiveStricter', file: 'main.tf', line: 1, source: 'drift' },
      ],
    },
  ],
} satisfies RuleCases;
