import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const instance = (settings: string, top = '') => `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
${top}
  settings {
    tier = "db-custom-2-7680"
${settings}
  }
}
`;

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: API-side protection on, OpenTofu guard on',
      files: {
        'main.tf': instance('    deletion_protection_enabled = true', '  deletion_protection = true'),
      },
    },
    {
      name: 'tf: API-side protection on; the OpenTofu guard is off but does not decide',
      files: {
        'main.tf': instance('    deletion_protection_enabled = true', '  deletion_protection = false'),
      },
    },
    {
      name: 'tf: from a local (evaluated as Terraform would)',
      files: {
        'main.tf': `${instance('    deletion_protection_enabled = local.protect')}
locals {
  protect = var.env != "dev"
}
variable "env" {
  default = "staging"
}
`,
      },
    },
    // ---- gcp
    { name: 'gcp: deletion protection on', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR fixture: both switches off',
      files: {
        'main.tf': instance('    deletion_protection_enabled = false', '  deletion_protection = false'),
      },
      expect: [{ messageId: 'apiProtectionOff', file: 'main.tf', line: 7, column: 5 }],
    },
    {
      name: 'tf: only the OpenTofu guard: the API can still delete the instance',
      files: { 'main.tf': instance('    disk_size = 20', '  deletion_protection = true') },
      expect: [{ messageId: 'apiProtectionNotSet', file: 'main.tf', line: 5, column: 3 }],
    },
    {
      name: 'tf: from a module variable: could not decide (no value in the repository)',
      files: { 'modules/cloudsql/main.tf': instance('    deletion_protection_enabled = var.deletion_protection') },
      expect: [{ messageId: 'unresolved', file: 'modules/cloudsql/main.tf', line: 7, status: 'unknown' }],
    },
    {
      name: 'tf: no settings block at all: located at the resource',
      files: {
        'main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
}
`,
      },
      expect: [{ messageId: 'apiProtectionNotSet', file: 'main.tf', line: 1 }],
    },
    // ---- gcp
    {
      name: 'gcp: deletion protection off (the ADR staging instance)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { deletionProtectionEnabled: false } })) },
      expect: [{ messageId: 'disabled' }],
    },
    {
      name: 'gcp: deletion protection not reported',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { deletionProtectionEnabled: undefined } })) },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
