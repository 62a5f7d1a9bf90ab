/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are HCL sources, where ${...} is HCL syntax */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TfBlock } from '@coditect-audit/core';
import { FileParseError } from '../src/files/errors.js';
import { type HclBody, isTfExpression, MAX_NESTING, parseHcl } from '../src/files/hcl.js';

// A staging configuration in the shape ADR-001 reviews: nested Cloud SQL settings, Memorystore, CMEK,
// GKE, a module, locals, a validated variable, a dynamic block, heredocs and comments of every kind.
const MAIN_TF = `# Staging database, cache, keys and cluster (ADR-001).
terraform {
  required_version = ">= 1.6.0"
  backend "gcs" {
    bucket = "coditect-tfstate" // state lives in GCS
    prefix = "staging"
  }
}

locals {
  /* Common labels,
     applied everywhere. */
  labels = {
    env   = "staging"
    owner = "platform", "cost-center": 42
  }
  region  = var.region
  zones   = [for z in ["a", "b"] : "\${var.region}-\${z}"]
  is_prod = var.env == "production" ? true : false
  escaped = "tab\\there \\"quoted\\" \\u00e9 $\${not_interpolated}"
}

variable "db_tier" {
  type        = string
  default     = "db-custom-2-7680"
  description = "Cloud SQL machine tier"

  validation {
    condition     = can(regex("^db-", var.db_tier))
    error_message = "The tier must start with \\"db-\\"."
  }
}

resource "google_sql_database_instance" "main" {
  name                = "\${var.prefix}-postgres"
  database_version    = "POSTGRES_15"
  region              = local.region
  deletion_protection = true # never drop staging data

  settings {
    tier              = var.db_tier
    availability_type = "REGIONAL"
    disk_size         = 100

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.vpc.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      backup_retention_settings { retained_backups = 14 }
    }

    database_flags {
      name  = "log_connections"
      value = "on"
    }
    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }
  }
}

resource "google_redis_instance" "cache" {
  name                    = "staging-cache"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 5
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  authorized_network      = google_compute_network.vpc.id
  labels                  = local.labels
}

resource "google_kms_crypto_key" "sql" {
  name            = "sql-cmek"
  key_ring        = google_kms_key_ring.staging.id
  rotation_period = "7776000s"
  purpose         = "ENCRYPT_DECRYPT"

  version_template {
    algorithm        = "GOOGLE_SYMMETRIC_ENCRYPTION"
    protection_level = "HSM"
  }

  lifecycle { prevent_destroy = true }
}

resource "google_container_cluster" "staging" {
  name           = "staging"
  location       = local.region
  node_locations = local.zones

  workload_identity_config {
    workload_pool = "\${var.project}.svc.id.goog"
  }

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke.id
  }

  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }

  dynamic "node_pool" {
    for_each = var.node_pools
    content {
      name       = node_pool.key
      node_count = node_pool.value.count
    }
  }
}

resource "google_secret_manager_secret" "db" {
  for_each  = toset(["db-password", "redis-auth"])
  secret_id = each.key
  replication {
    auto {}
  }
}

resource "google_storage_bucket_iam_policy" "state" {
  bucket      = "coditect-tfstate"
  policy_data = <<-EOT
    {
      "bindings": []
    }
  EOT
}

data "google_iam_policy" "admin" {
  binding {
    role    = "roles/storage.admin"
    members = ["serviceAccount:\${google_service_account.ci.email}"]
  }
}

module "cloudsql" {
  source  = "terraform-google-modules/sql-db/google//modules/postgresql"
  version = "~> 20.0"

  project_id = var.project
  tier       = var.db_tier
  database_flags = [
    { name = "log_checkpoints", value = "on" },
    { name = "log_lock_waits", value = "on" },
  ]
  user_labels = merge(local.labels, {
    component = "db"
  })
}

output "connection_name" {
  value     = google_sql_database_instance.main.connection_name
  sensitive = false
}

output "startup_script" {
  value = <<EOF
#!/bin/sh
echo "\${var.env}"
EOF
}
`;

/** Every block and attribute with its position, one line each, to compare the whole tree at once. */
function outline(body: HclBody): string[] {
  const out: string[] = [];
  const walk = (block: TfBlock, indent: string) => {
    out.push(`${indent}${[block.type, ...block.labels].join(' ')} @${block.line}:${block.column}-${block.endLine}`);
    for (const a of Object.values(block.attributes)) out.push(`${indent}  ${a.name} @${a.line}:${a.column}`);
    for (const child of block.blocks) walk(child, `${indent}  `);
  };
  for (const block of body.blocks) walk(block, '');
  return out;
}

function find(blocks: TfBlock[], ...path: string[]): TfBlock {
  let found: TfBlock | undefined;
  let level = blocks;
  for (const step of path) {
    found = level.find((b) => [b.type, ...b.labels].join(' ') === step);
    if (!found) throw new Error(`no block "${step}" in [${level.map((b) => b.type).join(', ')}]`);
    level = found.blocks;
  }
  return found!;
}

function attributeValue(block: TfBlock, name: string): unknown {
  const attribute = block.attributes[name];
  if (!attribute) throw new Error(`no attribute "${name}" in block ${block.type}`);
  return attribute.value;
}

function parseError(text: string): FileParseError {
  try {
    parseHcl(text);
  } catch (error) {
    if (error instanceof FileParseError) return error;
    throw error;
  }
  throw new Error(`expected a FileParseError for ${JSON.stringify(text)}`);
}

describe('parseHcl on a realistic staging configuration', () => {
  const body = parseHcl(MAIN_TF);

  it('reports every block and attribute at its exact line and column', () => {
    expect(body.attributes).toEqual({});
    expect(outline(body)).toEqual([
      'terraform @2:1-8',
      '  required_version @3:3',
      '  backend gcs @4:3-7',
      '    bucket @5:5',
      '    prefix @6:5',
      'locals @10:1-21',
      '  labels @13:3',
      '  region @17:3',
      '  zones @18:3',
      '  is_prod @19:3',
      '  escaped @20:3',
      'variable db_tier @23:1-32',
      '  type @24:3',
      '  default @25:3',
      '  description @26:3',
      '  validation @28:3-31',
      '    condition @29:5',
      '    error_message @30:5',
      'resource google_sql_database_instance main @34:1-66',
      '  name @35:3',
      '  database_version @36:3',
      '  region @37:3',
      '  deletion_protection @38:3',
      '  settings @40:3-65',
      '    tier @41:5',
      '    availability_type @42:5',
      '    disk_size @43:5',
      '    ip_configuration @45:5-49',
      '      ipv4_enabled @46:7',
      '      private_network @47:7',
      '      ssl_mode @48:7',
      '    backup_configuration @51:5-55',
      '      enabled @52:7',
      '      point_in_time_recovery_enabled @53:7',
      '      backup_retention_settings @54:7-54',
      '        retained_backups @54:35',
      '    database_flags @57:5-60',
      '      name @58:7',
      '      value @59:7',
      '    database_flags @61:5-64',
      '      name @62:7',
      '      value @63:7',
      'resource google_redis_instance cache @68:1-76',
      '  name @69:3',
      '  tier @70:3',
      '  memory_size_gb @71:3',
      '  auth_enabled @72:3',
      '  transit_encryption_mode @73:3',
      '  authorized_network @74:3',
      '  labels @75:3',
      'resource google_kms_crypto_key sql @78:1-90',
      '  name @79:3',
      '  key_ring @80:3',
      '  rotation_period @81:3',
      '  purpose @82:3',
      '  version_template @84:3-87',
      '    algorithm @85:5',
      '    protection_level @86:5',
      '  lifecycle @89:3-89',
      '    prevent_destroy @89:15',
      'resource google_container_cluster staging @92:1-117',
      '  name @93:3',
      '  location @94:3',
      '  node_locations @95:3',
      '  workload_identity_config @97:3-99',
      '    workload_pool @98:5',
      '  database_encryption @101:3-104',
      '    state @102:5',
      '    key_name @103:5',
      '  logging_config @106:3-108',
      '    enable_components @107:5',
      '  dynamic node_pool @110:3-116',
      '    for_each @111:5',
      '    content @112:5-115',
      '      name @113:7',
      '      node_count @114:7',
      'resource google_secret_manager_secret db @119:1-125',
      '  for_each @120:3',
      '  secret_id @121:3',
      '  replication @122:3-124',
      '    auto @123:5-123',
      'resource google_storage_bucket_iam_policy state @127:1-134',
      '  bucket @128:3',
      '  policy_data @129:3',
      'data google_iam_policy admin @136:1-141',
      '  binding @137:3-140',
      '    role @138:5',
      '    members @139:5',
      'module cloudsql @143:1-156',
      '  source @144:3',
      '  version @145:3',
      '  project_id @147:3',
      '  tier @148:3',
      '  database_flags @149:3',
      '  user_labels @153:3',
      'output connection_name @158:1-161',
      '  value @159:3',
      '  sensitive @160:3',
      'output startup_script @163:1-168',
      '  value @164:3',
    ]);
  });

  it('evaluates the Cloud SQL settings, including repeated database_flags blocks', () => {
    const sql = find(body.blocks, 'resource google_sql_database_instance main');
    expect(attributeValue(sql, 'database_version')).toBe('POSTGRES_15');
    expect(attributeValue(sql, 'deletion_protection')).toBe(true);
    expect(attributeValue(sql, 'name')).toEqual({ expression: '"${var.prefix}-postgres"' });
    const settings = find(sql.blocks, 'settings');
    expect(attributeValue(settings, 'disk_size')).toBe(100);
    expect(attributeValue(settings, 'tier')).toEqual({ expression: 'var.db_tier' });
    const ip = find(settings.blocks, 'ip_configuration');
    expect(ip.attributes.ipv4_enabled).toEqual({ name: 'ipv4_enabled', value: false, line: 46, column: 7 });
    expect(attributeValue(ip, 'ssl_mode')).toBe('ENCRYPTED_ONLY');
    expect(attributeValue(ip, 'private_network')).toEqual({ expression: 'google_compute_network.vpc.id' });
    const backup = find(settings.blocks, 'backup_configuration');
    expect(attributeValue(backup, 'point_in_time_recovery_enabled')).toBe(true);
    expect(attributeValue(find(backup.blocks, 'backup_retention_settings'), 'retained_backups')).toBe(14);
    const flags = settings.blocks.filter((b) => b.type === 'database_flags');
    expect(flags.map((f) => [attributeValue(f, 'name'), attributeValue(f, 'value'), f.line])).toEqual([
      ['log_connections', 'on', 57],
      ['cloudsql.iam_authentication', 'on', 61],
    ]);
  });

  it('evaluates Memorystore, KMS and GKE settings', () => {
    const redis = find(body.blocks, 'resource google_redis_instance cache');
    expect(attributeValue(redis, 'auth_enabled')).toBe(true);
    expect(attributeValue(redis, 'memory_size_gb')).toBe(5);
    expect(attributeValue(redis, 'transit_encryption_mode')).toBe('SERVER_AUTHENTICATION');

    const key = find(body.blocks, 'resource google_kms_crypto_key sql');
    expect(attributeValue(key, 'rotation_period')).toBe('7776000s');
    expect(attributeValue(find(key.blocks, 'version_template'), 'protection_level')).toBe('HSM');
    expect(attributeValue(find(key.blocks, 'lifecycle'), 'prevent_destroy')).toBe(true);

    const gke = find(body.blocks, 'resource google_container_cluster staging');
    expect(attributeValue(find(gke.blocks, 'workload_identity_config'), 'workload_pool')).toEqual({
      expression: '"${var.project}.svc.id.goog"',
    });
    expect(attributeValue(find(gke.blocks, 'database_encryption'), 'state')).toBe('ENCRYPTED');
    expect(attributeValue(find(gke.blocks, 'logging_config'), 'enable_components')).toEqual([
      'SYSTEM_COMPONENTS',
      'WORKLOADS',
    ]);
    const pool = find(gke.blocks, 'dynamic node_pool');
    expect(attributeValue(pool, 'for_each')).toEqual({ expression: 'var.node_pools' });
    expect(attributeValue(find(pool.blocks, 'content'), 'node_count')).toEqual({ expression: 'node_pool.value.count' });
  });

  it('evaluates literal objects and escapes, and keeps expressions as written', () => {
    const locals = find(body.blocks, 'locals');
    // Newline- and comma-separated items, `=` and `:`, a quoted key.
    expect(attributeValue(locals, 'labels')).toEqual({ env: 'staging', owner: 'platform', 'cost-center': 42 });
    expect(attributeValue(locals, 'escaped')).toBe('tab\there "quoted" \u00e9 ${not_interpolated}');
    expect(attributeValue(locals, 'zones')).toEqual({ expression: '[for z in ["a", "b"] : "${var.region}-${z}"]' });
    expect(attributeValue(locals, 'is_prod')).toEqual({ expression: 'var.env == "production" ? true : false' });

    const variable = find(body.blocks, 'variable db_tier');
    expect(attributeValue(variable, 'type')).toEqual({ expression: 'string' });
    const validation = find(variable.blocks, 'validation');
    expect(attributeValue(validation, 'condition')).toEqual({ expression: 'can(regex("^db-", var.db_tier))' });
    expect(attributeValue(validation, 'error_message')).toBe('The tier must start with "db-".');

    const secret = find(body.blocks, 'resource google_secret_manager_secret db');
    expect(attributeValue(secret, 'for_each')).toEqual({ expression: 'toset(["db-password", "redis-auth"])' });
    expect(find(secret.blocks, 'replication', 'auto')).toMatchObject({ attributes: {}, blocks: [], line: 123 });
  });

  it('reads module arguments, heredocs and outputs', () => {
    const module = find(body.blocks, 'module cloudsql');
    expect(module.labels).toEqual(['cloudsql']);
    expect(attributeValue(module, 'source')).toBe('terraform-google-modules/sql-db/google//modules/postgresql');
    expect(attributeValue(module, 'version')).toBe('~> 20.0');
    expect(attributeValue(module, 'database_flags')).toEqual([
      { name: 'log_checkpoints', value: 'on' },
      { name: 'log_lock_waits', value: 'on' },
    ]);
    // A multi-line argument list keeps its exact source, line breaks included.
    expect(attributeValue(module, 'user_labels')).toEqual({
      expression: 'merge(local.labels, {\n    component = "db"\n  })',
    });

    const policy = find(body.blocks, 'resource google_storage_bucket_iam_policy state');
    expect(attributeValue(policy, 'policy_data')).toBe('{\n  "bindings": []\n}\n');
    const script = find(body.blocks, 'output startup_script');
    expect(attributeValue(script, 'value')).toEqual({ expression: '<<EOF\n#!/bin/sh\necho "${var.env}"\nEOF' });
    expect(attributeValue(find(body.blocks, 'output connection_name'), 'sensitive')).toBe(false);
  });

  it('gives the same positions with CRLF line endings', () => {
    expect(outline(parseHcl(MAIN_TF.replaceAll('\n', '\r\n')))).toEqual(outline(body));
  });
});

describe('parseHcl literals', () => {
  const attr = (source: string) => parseHcl(`x = ${source}\n`).attributes.x?.value;

  it.each([
    ['"plain"', 'plain'],
    ['""', ''],
    ['"a\\nb\\r\\t\\"\\\\"', 'a\nb\r\t"\\'],
    ['"\\u00e9\\U0001F600"', '\u00e9\u{1F600}'],
    ['"$${x} %%{y} $x %z 100%"', '${x} %{y} $x %z 100%'],
    ['42', 42],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['2.5E-1', 0.25],
    ['-7', -7],
    ['- 7', -7],
    ['(12)', 12],
    ['true', true],
    ['false', false],
    ['null', null],
    ['[]', []],
    ['[1, "two", [3], {}]', [1, 'two', [3], {}]],
    ['[\n  1,\n  2,\n]', [1, 2]],
    ['{ a = 1, b = { c = [true] } }', { a: 1, b: { c: [true] } }],
    ['{\n  "quoted key": 1\n  bare: 2,\n\n  3 = "numeric key"\n}', { 'quoted key': 1, bare: 2, '3': 'numeric key' }],
    ['{ __proto__ = 1 }', JSON.parse('{"__proto__":1}')],
    ['<<EOT\n  kept\n    as is\nEOT', '  kept\n    as is\n'],
    ['<<-EOT\n    a\n\n      b\n    EOT', 'a\n\n  b\n'],
    ['<<EOT\nnot the end: EOT\n EOTX\nEOT', 'not the end: EOT\n EOTX\n'],
    ['<<EOT\n$${literal}\nEOT', '${literal}\n'],
    // HCL trims the closing line's whitespace (hclsyntax's scanner): a space or tab after the marker closes it.
    ['<<EOT\nspaces after the marker\nEOT  ', 'spaces after the marker\n'],
    ['<<-EOT\n  tab after\n  EOT\t', 'tab after\n'],
    ['<<EOT\nnot the end\nEOT x\nEOT', 'not the end\nEOT x\n'],
  ])('%s', (source, expected) => {
    expect(attr(source)).toEqual(expected);
  });

  it.each([
    ['"${var.a}"'],
    ['"a-${var.a}-b"'],
    ['"%{ if var.on }yes%{ else }no%{ endif }"'],
    ['"%{~ for x in var.l ~}${x}%{ endfor ~}"'],
    ['"${ "nested ${var.deep}" }"'],
    ['1e999'],
    ['-var.count'],
    ['!true'],
    ['1 + 2'],
    ['var.list[0]'],
    ['var.list[*].id'],
    ['var.map.key.*.name'],
    ['aws_instance.web.0.id'],
    ['[1, var.a]'],
    ['{ a = var.a }'],
    ['{ (var.key) = 1 }'],
    ['{ for k, v in var.m : upper(k) => v... if v != null }'],
    ['[for i, v in var.l : v]'],
    ['a ? b : c ? d : e'],
    ['a || b && c == d != e < f > g <= h >= i + j - k * l / m % n'],
    ['jsonencode({ a = 1 })'],
    ['format("%s", var.x...)'],
    ['coalesce(\n  var.a,\n  var.b,\n)'],
    ['provider::google::region_from_zone(var.zone)'],
    ['<<EOT\n${var.a}\nEOT'],
  ])('keeps %s as an expression with its exact source', (source) => {
    expect(attr(source)).toEqual({ expression: source });
    expect(isTfExpression(attr(source))).toBe(true);
  });

  it('accepts labels written as names, one-line blocks and comments anywhere', () => {
    const body = parseHcl(
      [
        'resource google_compute_network vpc { auto_create_subnetworks = false } # one line',
        '/* before */ empty {}',
        'outer { // after brace',
        '  # comment line',
        '  inner "x" {',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(outline(body)).toEqual([
      'resource google_compute_network vpc @1:1-1',
      '  auto_create_subnetworks @1:39',
      'empty @2:14-2',
      'outer @3:1-7',
      '  inner x @5:3-6',
    ]);
  });

  it('counts columns after a byte-order mark from the first visible character', () => {
    expect(parseHcl('\ufeffa = 1\n').attributes.a).toEqual({ name: 'a', value: 1, line: 1, column: 1 });
  });

  it('parses an empty file and a file of comments', () => {
    expect(parseHcl('')).toEqual({ attributes: {}, blocks: [] });
    expect(parseHcl('# only\n// comments\n/* here */\n')).toEqual({ attributes: {}, blocks: [] });
  });
});

describe('parseHcl syntax errors', () => {
  it.each([
    [
      'unclosed block',
      'terraform {}\n\nresource "a" "b" {\n  x = 1\n',
      /^unclosed block "resource" opened at line 3$/,
      3,
      1,
    ],
    ['unclosed nested block', 'a {\n  settings {\n    x = 1\n}\n', /^unclosed block "a" opened at line 1$/, 1, 1],
    [
      'name without = or {',
      'r {\n  settings\n}\n',
      /^expected "=" or "\{" after "settings", found a line break$/,
      2,
      11,
    ],
    ['attribute then junk', 'r {\n  settings ]\n}\n', /^expected "=" or "\{" after "settings", found "\]"$/, 2, 12],
    ['missing value', 'a =\nb = 2\n', /^expected an expression, found a line break$/, 1, 4],
    ['two values', 'a = 1 2\n', /^expected a line break after the value of "a", found the number 2$/, 1, 7],
    ['stray closing brace', 'a = 1\n}\n', /^unexpected "\}": no block is open here$/, 2, 1],
    ['attribute set twice', 'r {\n  a = 1\n  a = 2\n}\n', /^attribute "a" is already set at line 2$/, 3, 3],
    ['not a name', '"x" = 1\n', /^expected an attribute name or a block type, found a string$/, 1, 1],
    [
      'unterminated string',
      'a {\n  b = "open\n}\n',
      /^unterminated string: a quoted string must end on the line/,
      2,
      7,
    ],
    ['bad escape', 'a = "x\\qy"\n', /^invalid escape sequence "\\q"/, 1, 7],
    ['short unicode escape', 'a = "\\u12"\n', /^invalid escape sequence "\\u12": expected 4 hex digits/, 1, 6],
    [
      'unterminated heredoc',
      'x {\n  a = <<EOT\n  text\n  EOTX\n}\n',
      /^unterminated heredoc: no line "EOT" closes the heredoc opened at line 2$/,
      2,
      7,
    ],
    ['unclosed comment', 'a = 1\n  /* never\nclosed\n', /^unclosed comment "\/\*" opened at line 2$/, 2, 3],
    ['unexpected character', 'a = 1\nb = 2 @\n', /^unexpected character "@" \(U\+0040\)$/, 2, 7],
    ['control character', 'a = \u0001\n', /^unexpected character \(U\+0001\)$/, 1, 5],
    [
      'unclosed parenthesis',
      'a = (1 +\n 2\n',
      /^expected "\)" to close the "\(" opened at line 1, column 5, found the end of the file$/,
      3,
      1,
    ],
    [
      'list without comma',
      'a = [1 2]\n',
      /^expected "," or "\]" in the list opened at line 1, column 5, found the number 2$/,
      1,
      8,
    ],
    [
      'object without separator',
      'a = { b = 1 c = 2 }\n',
      /^expected a line break, "," or "\}" after the value in the object opened at line 1, column 5, found "c"$/,
      1,
      13,
    ],
    [
      'object key without =',
      'a = {\n  b 1\n}\n',
      /^expected "=" or ":" after the key in the object opened at line 1, column 5, found the number 1$/,
      2,
      5,
    ],
    [
      'call without comma',
      'a = f(1 2)\n',
      /^expected "," or "\)" in the arguments of the call opened at line 1, column 6, found the number 2$/,
      1,
      9,
    ],
    [
      'for without in',
      'a = [for x of y : x]\n',
      /^expected "in" in the for expression opened at line 1, column 5, found "of"$/,
      1,
      12,
    ],
    ['object for without =>', 'a = {for k in v : k}\n', /^expected "=>" in the for expression/, 1, 20],
    [
      'label with interpolation',
      'resource "a_${x}" "b" {\n}\n',
      /^a label of block "resource" must be a plain string/,
      1,
      10,
    ],
    [
      'block after one-line block',
      'a {} b {}\n',
      /^expected a line break after the closing "\}" of block "a", found "b"$/,
      1,
      6,
    ],
    [
      'two attributes on one line',
      'a { x = 1, y = 2 }\n',
      /^expected "\}" to close the one-line block "a", found ","/,
      1,
      10,
    ],
    [
      'block opened on one line',
      'a { b {} }\n',
      /^expected a line break, "\}" or a single attribute after "\{" of block "a", found "b"$/,
      1,
      5,
    ],
    ['unclosed interpolation', 'a = "${var.x\n', /^unclosed "\$\{" opened at line 1, column 6$/, 1, 6],
    ['empty interpolation', 'a = "x${}"\n', /^empty interpolation/, 1, 7],
    ['bad interpolation', 'a = "${var.x var.y}"\n', /^expected "\}" to end the template sequence, found "var"$/, 1, 14],
    ['endif without if', 'a = "%{ endif }"\n', /^"%\{ endif \}" without a matching "%\{ if \}"$/, 1, 6],
    ['if without endif', 'a = "x %{ if c }y"\n', /^"%\{ if \}" opened at line 1 has no "%\{ endif \}"$/, 1, 8],
    [
      'unknown directive',
      'a = "%{ while x }"\n',
      /^expected if, for, else, endif or endfor after "%\{", found "while"$/,
      1,
      9,
    ],
    ['missing attribute after dot', 'a = var.\n', /^expected an attribute name after "\.", found a line break$/, 1, 9],
    [
      'conditional without colon',
      'a = x ? 1\n',
      /^expected ":" in the conditional expression, found a line break$/,
      1,
      10,
    ],
  ])('%s', (_name, source, message, line, column) => {
    const error = parseError(source);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('reports the position after CRLF line endings and a byte-order mark', () => {
    const error = parseError('\ufeffa = 1\r\nb = = 2\r\n');
    expect(error.message).toBe('expected an expression, found "="');
    expect([error.line, error.column]).toEqual([2, 5]);
  });

  it.each([
    ['lists', `a = ${'['.repeat(MAX_NESTING + 10)}`],
    ['objects', `a = ${'{'.repeat(MAX_NESTING + 10)}`],
    ['parentheses', `a = ${'('.repeat(MAX_NESTING + 10)}1`],
    ['unary operators', `a = ${'-'.repeat(MAX_NESTING + 10)}1`],
    ['conditionals', `a = ${'x ? y : '.repeat(MAX_NESTING + 10)}z`],
    ['blocks', `${'b {\n'.repeat(MAX_NESTING + 10)}`],
    ['templates', `a = ${'"${'.repeat(MAX_NESTING + 10)}`],
  ])('stops nesting of %s deeper than MAX_NESTING with an error', (_name, source) => {
    const error = parseError(source);
    expect(error.message).toBe(`nesting is deeper than ${MAX_NESTING} levels`);
    expect(error.line).toBeGreaterThanOrEqual(1);
  });

  it('accepts nesting up to MAX_NESTING', () => {
    const depth = MAX_NESTING - 2;
    expect(parseHcl(`a = ${'['.repeat(depth)}${']'.repeat(depth)}\n`).attributes.a?.line).toBe(1);
  });
});

describe('parseHcl on hostile input', () => {
  const SEED = 20_240_601;
  const FRAGMENTS = [
    'resource',
    'x',
    '"a"',
    '"',
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    '=',
    ':',
    ',',
    '?',
    '.',
    '*',
    '...',
    '=>',
    '\n',
    '\r\n',
    ' ',
    '\t',
    '#',
    '//',
    '/*',
    '*/',
    '\\',
    '${',
    '%{',
    '~',
    '$${',
    '<<EOT\n',
    '<<-EOT\n',
    'EOT',
    '1',
    '1.5e3',
    '-',
    '!',
    '&&',
    'true',
    'null',
    'for',
    'in',
    'if',
    'endif',
    'else',
    'endfor',
    '::',
    '\ufeff',
  ];

  const onlyParseErrors = (text: string) => {
    try {
      parseHcl(text);
    } catch (error) {
      expect(error).toBeInstanceOf(FileParseError);
      const { line, column } = error as FileParseError;
      expect(Number.isInteger(line) && line >= 1 && line <= text.split('\n').length).toBe(true);
      expect(Number.isInteger(column) && column >= 1).toBe(true);
    }
  };

  it('throws nothing but FileParseError, with a position inside the text, for random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyParseErrors), {
      seed: SEED,
      numRuns: 3000,
    });
  });

  it('throws nothing but FileParseError for random sequences of HCL fragments', () => {
    const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, onlyParseErrors), { seed: SEED, numRuns: 5000 });
  });

  it('reads back every literal value it is given', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/), fc.string({ maxLength: 8 }));
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(parseHcl(`v = ${toHcl(v)}\n`).attributes.v?.value).toEqual(normalize(v));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it.each([
    ['opening brackets', (n: number) => `a = ${'['.repeat(n)}`],
    ['a long list', (n: number) => `a = [${'1,\n'.repeat(n)}]\n`],
    ['a long operator chain', (n: number) => `a = ${'x + '.repeat(n)}1\n`],
    ['an unterminated string', (n: number) => `a = "${'x'.repeat(n)}`],
    ['an unterminated heredoc', (n: number) => `a = <<EOT\n${'EOTX\n'.repeat(n)}`],
    ['an unclosed comment', (n: number) => `/*${'*'.repeat(n)}`],
    ['many blank lines in brackets', (n: number) => `a = (${'\n'.repeat(n)}1)\n`],
    ['many blocks', (n: number) => 'b "l" {\n  a = 1\n}\n'.repeat(n)],
    ['open interpolations', (n: number) => `a = "${'${{'.repeat(n)}`],
  ])('handles %s in linear time', (_name, make) => {
    const sizes = [16_000, 128_000];
    // This process's CPU time, not the wall clock: other processes on a busy machine take the cores, not
    // the parser's work. The fastest of three runs per size absorbs a garbage collection.
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const times = sizes.map((n) => {
      const text = make(n);
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const started = cpuMs();
        try {
          parseHcl(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FileParseError);
        }
        best = Math.min(best, cpuMs() - started);
      }
      return best;
    });
    // 8x the input may take at most ~40x the time (noise), far from the 64x of a quadratic parser. No absolute
    // limit: how fast the machine is belongs to `pnpm bench`, not to a unit test.
    expect(times[1]!).toBeLessThan(Math.max(40 * times[0]!, 50));
  });
});

/** Writes a JSON value as HCL, with every string character escaped the way HCL reads it back. */
function toHcl(value: unknown): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(toHcl).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${hclString(k)} = ${toHcl(v)}`).join('\n')}\n}`;
}

function hclString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  // `${` and `%{` would open a template sequence: `$${` and `%%{` are their escapes.
  return `${out.replaceAll('${', '$${').replaceAll('%{', '%%{')}"`;
}

/** What HCL gives back for a value: `-0` reads as 0. */
function normalize(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}
