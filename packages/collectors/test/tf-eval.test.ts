// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are OpenTofu sources, where ${...} is HCL syntax
/**
 * What Terraform itself would evaluate, each semantic on a minimal repository: the collector turns an
 * expression into the literal Terraform would compute (keeping its source and where the value was written),
 * or leaves it an expression naming what the repository does not settle.
 */
import {
  declarationIndex,
  type Snapshot,
  type TfAttribute,
  type TfBlock,
  type TfFile,
  SNAPSHOT_SCHEMA_VERSION,
} from '@coditect-audit/core';
import { declaresNothing } from '@coditect-audit/core/views';
import { describe, expect, it } from 'vitest';
import { collectFilesFromMemory } from '../src/index.js';
import { evaluateExpression, isUnknown, Unknown } from '../src/files/tf-expr.js';

function terraform(files: Record<string, string>): { files: TfFile[]; skipped?: { path: string; reason: string }[] } {
  const facet = collectFilesFromMemory(files)['files.terraform'];
  if (facet.status !== 'ok') throw new Error('terraform facet not ok');
  expect(facet.problems).toEqual([]);
  return facet.data;
}

function resource(files: TfFile[], type: string, name: string): { file: string; block: TfBlock } {
  for (const f of files)
    for (const b of f.blocks)
      if (b.type === 'resource' && b.labels[0] === type && b.labels[1] === name) return { file: f.file, block: b };
  throw new Error(`no ${type}.${name}`);
}

function attr(block: TfBlock, path: string): TfAttribute {
  const parts = path.split('.');
  let b = block;
  for (const p of parts.slice(0, -1)) b = b.blocks.find((x) => x.type === p)!;
  return b.attributes[parts[parts.length - 1]!]!;
}

const sql = (availability: string, extra = '') => `resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = ${availability}
  }${extra}
}
`;

describe('Terraform evaluation: variables', () => {
  it('a variable with a default is its default, with the default line as origin', () => {
    const { files } = terraform({
      'main.tf': sql('var.availability'),
      'variables.tf': 'variable "availability" {\n  type    = string\n  default = "REGIONAL"\n}\n',
    });
    const a = attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(a).toMatchObject({
      value: 'REGIONAL',
      expression: 'var.availability',
      origin: { file: 'variables.tf', line: 3 },
      line: 6,
    });
  });

  it('a variable without a value stays an expression naming the variable', () => {
    const { files } = terraform({ 'main.tf': sql('var.availability'), 'variables.tf': 'variable "availability" {}\n' });
    const a = attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(a.value).toEqual({ expression: 'var.availability' });
    expect(a.dependsOn).toEqual(['var.availability']);
  });

  it('terraform.tfvars over the default, *.auto.tfvars over terraform.tfvars', () => {
    const base = {
      'main.tf': sql('var.availability'),
      'variables.tf': 'variable "availability" {\n  default = "ZONAL"\n}\n',
    };
    const read = (files: Record<string, string>) =>
      attr(resource(terraform(files).files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(read({ ...base, 'terraform.tfvars': 'availability = "REGIONAL"\n' })).toMatchObject({
      value: 'REGIONAL',
      origin: { file: 'terraform.tfvars', line: 1 },
    });
    expect(
      read({
        ...base,
        'terraform.tfvars': 'availability = "REGIONAL"\n',
        'ha.auto.tfvars': '\navailability = "ZONAL"\n',
      }),
    ).toMatchObject({ value: 'ZONAL', origin: { file: 'ha.auto.tfvars', line: 2 } });
  });

  it('JSON variable files too: terraform.tfvars.json after terraform.tfvars, *.auto.tfvars.json by name', () => {
    const { files } = terraform({
      'main.tf': sql('var.availability'),
      'variables.tf': 'variable "availability" {}\n',
      'terraform.tfvars': 'availability = "ZONAL"\n',
      'terraform.tfvars.json': '{ "availability": "REGIONAL" }\n',
    });
    expect(
      attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type'),
    ).toMatchObject({
      value: 'REGIONAL',
      origin: { file: 'terraform.tfvars.json', line: 1 },
    });
  });

  it('other .tfvars (given with -var-file) decide when they agree, and leave it undecided when they do not', () => {
    const base = { 'main.tf': sql('var.availability'), 'variables.tf': 'variable "availability" {}\n' };
    const read = (files: Record<string, string>) =>
      attr(resource(terraform(files).files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(read({ ...base, 'staging.tfvars': 'availability = "REGIONAL"\n' }).value).toBe('REGIONAL');
    const split = read({
      ...base,
      'staging.tfvars': 'availability = "REGIONAL"\n',
      'dev.tfvars': 'availability = "ZONAL"\n',
    });
    expect(split.value).toEqual({ expression: 'var.availability' });
    expect(split.dependsOn).toEqual(['var.availability']);
  });

  it('tfvars apply to the root module of their own directory only', () => {
    const { files } = terraform({
      'envs/staging/main.tf': sql('var.availability'),
      'envs/staging/variables.tf': 'variable "availability" {}\n',
      'envs/prod/terraform.tfvars': 'availability = "REGIONAL"\n',
    });
    expect(
      attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type').dependsOn,
    ).toEqual(['var.availability']);
  });
});

describe('Terraform evaluation: locals and expressions', () => {
  it('locals, chained through other locals, variables, templates, conditionals and functions', () => {
    const { files } = terraform({
      'main.tf': `${sql('local.availability')}
locals {
  env          = var.env
  is_prod      = local.env == "prod" || contains(["staging"], local.env)
  availability = local.is_prod ? upper("regional") : "ZONAL"
  name         = "\${var.prefix}-\${local.env}"
}
variable "env" {
  default = "staging"
}
variable "prefix" {
  default = "acme"
}
resource "google_kms_key_ring" "ring" {
  name     = format("%s-ring", local.name)
  location = "us"
}
`,
    });
    expect(attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type').value).toBe(
      'REGIONAL',
    );
    expect(attr(resource(files, 'google_kms_key_ring', 'ring').block, 'name').value).toBe('acme-staging-ring');
  });

  it('a resource attribute known only after apply stays an expression naming it', () => {
    const { files } = terraform({
      'main.tf': `resource "google_kms_crypto_key" "k" {
  name     = "k"
  key_ring = google_kms_key_ring.ring.id
}
`,
    });
    const a = attr(resource(files, 'google_kms_crypto_key', 'k').block, 'key_ring');
    expect(a.value).toEqual({ expression: 'google_kms_key_ring.ring.id' });
    expect(a.dependsOn).toEqual(['google_kms_key_ring.ring.id']);
  });

  it('a local cycle is undecided, never a hang', () => {
    const { files } = terraform({
      'main.tf': `${sql('local.a')}
locals {
  a = local.b
  b = local.a
}
`,
    });
    const a = attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(isUnknown(a.value)).toBe(false);
    expect(a.dependsOn?.length).toBeGreaterThan(0);
  });

  it.each([
    ['"a-${"b"}"', 'a-b'],
    ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
    ['{ for k, v in { a = 1 } : k => v + 1 }', { a: 2 }],
    ['try({ a = 1 }.b, "fallback")', 'fallback'],
    ['can({ a = 1 }.b)', false],
    ['lookup({ a = "x" }, "b", "y")', 'y'],
    ['merge({ a = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['length(toset(["a", "a", "b"]))', 2],
    ['!true || 2 * 3 >= 6', true],
  ])('%s evaluates to %j', (source, expected) => {
    expect(evaluateExpression(source, { lookup: () => undefined })).toEqual(expected);
  });

  it('an operation on an unknown value is unknown, naming its inputs (try keeps it unknown, as Terraform does)', () => {
    const scope = { lookup: () => ({ value: new Unknown(['var.x']), consumed: 1 }) };
    expect(evaluateExpression('"${var.x}-db"', scope)).toEqual(new Unknown(['var.x']));
    expect(evaluateExpression('try(var.x, "fallback")', scope)).toEqual(new Unknown(['var.x']));
    expect(evaluateExpression('false && var.x', scope)).toBe(false);
    expect(evaluateExpression('somefunction(1)', scope)).toEqual(new Unknown(['somefunction(…) in somefunction(1)']));
  });
});

describe('Terraform evaluation: local modules', () => {
  const module = {
    'modules/db/main.tf': sql('var.availability'),
    'modules/db/variables.tf': 'variable "availability" {}\n',
    'modules/db/outputs.tf':
      'output "name" {\n  value = google_sql_database_instance.db.name\n}\noutput "tier" {\n  value = var.availability\n}\n',
  };

  it("a module's variable is the input of the module call, with the call's line as origin", () => {
    const { files } = terraform({
      ...module,
      'main.tf': 'module "db" {\n  source       = "./modules/db"\n  availability = "REGIONAL"\n}\n',
    });
    const { file, block } = resource(files, 'google_sql_database_instance', 'db');
    expect(file).toBe('modules/db/main.tf');
    expect(attr(block, 'settings.availability_type')).toMatchObject({
      value: 'REGIONAL',
      origin: { file: 'main.tf', line: 3 },
    });
  });

  it('an input built from the caller’s variables and locals is evaluated in the caller', () => {
    const { files } = terraform({
      ...module,
      'main.tf':
        'module "db" {\n  source       = "./modules/db"\n  availability = local.ha ? "REGIONAL" : "ZONAL"\n}\nlocals {\n  ha = var.env == "prod"\n}\nvariable "env" {\n  default = "prod"\n}\n',
    });
    expect(attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type').value).toBe(
      'REGIONAL',
    );
  });

  it('two calls that give different values leave the module’s value undecided, naming the input', () => {
    const { files } = terraform({
      ...module,
      'main.tf':
        'module "a" {\n  source       = "./modules/db"\n  availability = "REGIONAL"\n}\nmodule "b" {\n  source       = "./modules/db"\n  availability = "ZONAL"\n}\n',
    });
    const a = attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(a.value).toEqual({ expression: 'var.availability' });
    expect(a.dependsOn).toEqual(['var.availability (differs between instances)']);
    expect(a.instanceValues).toEqual(['REGIONAL', 'ZONAL']);
  });

  it("a module output is read by the caller (module.x.y), through the module's variables", () => {
    const { files } = terraform({
      ...module,
      'main.tf': `module "db" {
  source       = "./modules/db"
  availability = "REGIONAL"
}
resource "google_redis_instance" "cache" {
  name = "cache-\${module.db.tier}"
  tier = module.db.name
}
`,
    });
    const cache = resource(files, 'google_redis_instance', 'cache').block;
    expect(attr(cache, 'name').value).toBe('cache-REGIONAL');
    // The output is a resource attribute: undecided, named as the caller sees it.
    expect(attr(cache, 'tier').dependsOn?.[0]).toBe('module.db.name');
  });

  it('a module call with for_each gives one instance per element (each.value in its inputs)', () => {
    const { files } = terraform({
      ...module,
      'main.tf':
        'module "db" {\n  for_each     = toset(["REGIONAL"])\n  source       = "./modules/db"\n  availability = each.value\n}\n',
    });
    expect(attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type').value).toBe(
      'REGIONAL',
    );
  });
});

describe('live findings find their declaration through evaluated names', () => {
  it('a resource named by var.name in a module is indexed under each call’s name', () => {
    const facets = collectFilesFromMemory({
      'modules/db/main.tf':
        'variable "name" {}\nresource "google_sql_database_instance" "db" {\n  name = var.name\n}\n',
      'main.tf':
        'module "staging" {\n  source = "./modules/db"\n  name   = "coditect-db"\n}\nmodule "prod" {\n  source = "./modules/db"\n  name   = "coditect-db-prod"\n}\n',
    });
    const snapshot: Snapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'coditect-audit', version: 'test' },
      environment: 'staging',
      root: '.',
      layers: { files: { status: 'collected' } },
      facets,
    };
    const index = declarationIndex(snapshot);
    expect(index.get('tf:google_sql_database_instance/coditect-db')).toMatchObject({
      file: 'modules/db/main.tf',
      startLine: 2,
    });
    expect(index.get('tf:google_sql_database_instance/coditect-db-prod')).toMatchObject({ file: 'modules/db/main.tf' });
  });
});

describe('Terraform evaluation: override files', () => {
  it('an override file replaces the attributes and nested blocks of the block it names, located in the override file', () => {
    const { files } = terraform({
      'main.tf': sql('"REGIONAL"'),
      'ha_override.tf': `resource "google_sql_database_instance" "db" {
  settings {
    availability_type = "ZONAL"
  }
}
`,
    });
    const { block } = resource(files, 'google_sql_database_instance', 'db');
    const settings = block.blocks.filter((b) => b.type === 'settings');
    expect(settings).toHaveLength(1);
    expect(settings[0]).toMatchObject({ file: 'ha_override.tf', line: 2 });
    expect(attr(block, 'settings.availability_type')).toMatchObject({
      value: 'ZONAL',
      file: 'ha_override.tf',
      line: 3,
    });
    // The override file no longer declares a second resource.
    expect(files.find((f) => f.file === 'ha_override.tf')?.blocks).toEqual([]);
    // Attributes it does not name stay as in the original.
    expect(attr(block, 'database_version')).toMatchObject({ value: 'POSTGRES_16', line: 3 });
    expect(attr(block, 'database_version').file).toBeUndefined();
  });
});

describe('Terraform evaluation: count and for_each', () => {
  it('count = 0 from a variable is literally 0 (the block declares nothing)', () => {
    const { files } = terraform({
      'main.tf': `resource "google_redis_instance" "cache" {
  count = var.enabled ? 1 : 0
  name  = "cache"
}
variable "enabled" {
  default = false
}
`,
    });
    expect(attr(resource(files, 'google_redis_instance', 'cache').block, 'count').value).toBe(0);
  });

  it('for_each over a known set is that set; each.key in an attribute is the same or undecided', () => {
    const { files } = terraform({
      'main.tf': `resource "google_secret_manager_secret" "s" {
  for_each  = toset(var.secrets)
  secret_id = each.key
  labels    = { managed = "tofu" }
}
variable "secrets" {
  default = ["a", "b"]
}
`,
    });
    const { block } = resource(files, 'google_secret_manager_secret', 's');
    expect(attr(block, 'for_each').value).toEqual(['a', 'b']);
    expect(attr(block, 'labels').value).toEqual({ managed: 'tofu' });
    expect(attr(block, 'secret_id').dependsOn).toEqual(['each.key (differs between instances)']);
    expect(attr(block, 'secret_id').instanceValues).toEqual(['a', 'b']);
  });

  it('for_each over a variable that is empty by default is undecided: the instances are given at apply', () => {
    const { files } = terraform({
      'main.tf': `resource "google_container_cluster" "fleet" {
  for_each         = var.clusters
  name             = each.key
  location         = each.value.region
  enable_autopilot = true
}
resource "google_redis_instance" "none" {
  for_each = {}
  name     = each.key
}
`,
      'variables.tf': 'variable "clusters" {\n  default = {}\n}\n',
      // A .tfvars that says "none" decides: its block declares nothing.
      'env/main.tf':
        'resource "google_sql_database_instance" "db" {\n  for_each = var.dbs\n  name     = each.key\n}\nvariable "dbs" {\n  default = { a = 1 }\n}\n',
      'env/terraform.tfvars': 'dbs = {}\n',
    });
    const fleet = resource(files, 'google_container_cluster', 'fleet').block;
    expect(attr(fleet, 'for_each').value).toEqual({ expression: 'var.clusters' });
    expect(attr(fleet, 'for_each').dependsOn).toEqual([
      'var.clusters (empty by default, variables.tf:2: the instances are given at apply)',
    ]);
    // Judged as written: literals decided, what each instance gives undecided.
    expect(attr(fleet, 'enable_autopilot').value).toBe(true);
    expect(attr(fleet, 'location').dependsOn).toEqual(['each.value']);
    expect(declaresNothing(fleet)).toBe(false);
    expect(declaresNothing(resource(files, 'google_redis_instance', 'none').block)).toBe(true);
    expect(declaresNothing(resource(files, 'google_sql_database_instance', 'db').block)).toBe(true);
  });

  it('count.index in a single instance is 0', () => {
    const { files } = terraform({
      'main.tf': 'resource "google_redis_instance" "cache" {\n  count = 1\n  name  = "cache-${count.index}"\n}\n',
    });
    expect(attr(resource(files, 'google_redis_instance', 'cache').block, 'name').value).toBe('cache-0');
  });
});

describe('Terraform evaluation: dynamic blocks', () => {
  const dynamic = (forEach: string) =>
    sql(
      '"REGIONAL"',
      `
  dynamic "authorized_networks" {
    for_each = ${forEach}
    iterator = net
    content {
      name  = net.key
      value = net.value
    }
  }`,
    );

  it('a dynamic block over a known collection becomes the blocks it generates', () => {
    const { files } = terraform({
      'main.tf': dynamic('var.networks'),
      'variables.tf': 'variable "networks" {\n  default = { office = "203.0.113.0/24", all = "0.0.0.0/0" }\n}\n',
    });
    const nets = resource(files, 'google_sql_database_instance', 'db').block.blocks.filter(
      (b) => b.type === 'authorized_networks',
    );
    expect(nets.map((b) => [b.attributes.name?.value, b.attributes.value?.value, b.line])).toEqual([
      ['office', '203.0.113.0/24', 11],
      ['all', '0.0.0.0/0', 11],
    ]);
    expect(resource(files, 'google_sql_database_instance', 'db').block.blocks.some((b) => b.type === 'dynamic')).toBe(
      false,
    );
  });

  it('an empty collection generates no block; an unknown one keeps the dynamic block, naming its input', () => {
    const empty = terraform({ 'main.tf': dynamic('[]') });
    expect(resource(empty.files, 'google_sql_database_instance', 'db').block.blocks.map((b) => b.type)).toEqual([
      'settings',
    ]);
    const unknown = terraform({ 'main.tf': dynamic('var.networks'), 'variables.tf': 'variable "networks" {}\n' });
    const d = resource(unknown.files, 'google_sql_database_instance', 'db').block.blocks.find(
      (b) => b.type === 'dynamic',
    )!;
    expect(d.attributes.for_each?.dependsOn).toEqual(['var.networks']);
    // Its content reads an iterator that has no value: left as written, not evaluated into nonsense.
    const content = d.blocks.find((b) => b.type === 'content')!;
    expect(content.attributes.value?.dependsOn).toBeUndefined();
  });

  it('a collection with an unknown inside is unknown too (the element comes from a variable nothing sets)', () => {
    const { files } = terraform({
      'main.tf': dynamic('[{ value = var.cidr }]'),
      'variables.tf': 'variable "cidr" {}\n',
    });
    const d = resource(files, 'google_sql_database_instance', 'db').block.blocks.find((b) => b.type === 'dynamic')!;
    expect(d.attributes.for_each?.dependsOn).toEqual(['var.cidr']);
  });
});

describe('vendored .terraform directories', () => {
  it('are not read, and are listed as skipped with why', () => {
    const data = terraform({
      'main.tf': sql('"REGIONAL"'),
      '.terraform/modules/vpc/main.tf': sql('"ZONAL"'),
      'envs/prod/.terraform/modules/x/main.tf': sql('"ZONAL"'),
    });
    expect(data.files.map((f) => f.file)).toEqual(['main.tf']);
    expect(data.skipped?.map((s) => s.path)).toEqual(['.terraform/', 'envs/prod/.terraform/']);
    expect(data.skipped?.[0]?.reason).toContain('tofu init');
  });
});

describe('bounded work on hostile input', () => {
  it('an expression that would take too many steps is undecided, not a hang', () => {
    const v = evaluateExpression('length(flatten([for a in range(1000) : [for b in range(1000) : a * b]]))', {
      lookup: () => undefined,
    });
    expect(isUnknown(v)).toBe(true);
  });

  it('a module instantiated more than 256 times leaves its variables undecided', () => {
    const { files } = terraform({
      'modules/db/main.tf': `variable "availability" {}\n${sql('var.availability')}`,
      'main.tf': ['a', 'b']
        .map(
          (m) =>
            `module "${m}" {\n  for_each     = toset([for i in range(200) : tostring(i)])\n  source       = "./modules/db"\n  availability = "REGIONAL"\n}\n`,
        )
        .join(''),
    });
    const a = attr(resource(files, 'google_sql_database_instance', 'db').block, 'settings.availability_type');
    expect(a.dependsOn).toEqual(['var.availability (more than 256 module instances)']);
  });
});

describe('secrets never reach the snapshot through evaluation', () => {
  const CANARY = 'cnry-tfvars-password-5d1e7a';
  it('a password from terraform.tfvars, or a sensitive variable, stays an expression', () => {
    const data = terraform({
      'main.tf': `variable "db_password" {}
variable "api" {
  sensitive = true
  default   = "not-a-canary"
}
resource "google_sql_user" "app" {
  name     = "app"
  instance = "db"
  password = var.db_password
}
resource "google_secret_manager_secret_version" "v" {
  secret      = "s"
  secret_data = var.db_password
}
resource "google_redis_instance" "cache" {
  name         = "cache"
  display_name = var.api
}
resource "google_sql_database_instance" "db" {
  name = "db"
  settings {
    user_labels = { dsn = "postgres://app:\${var.db_password}@db" }
  }
}
`,
      'terraform.tfvars': `db_password = "${CANARY}"\n`,
    });
    expect(JSON.stringify(data)).not.toContain(CANARY);
    expect(attr(resource(data.files, 'google_sql_user', 'app').block, 'password').value).toEqual({
      expression: 'var.db_password',
    });
    expect(attr(resource(data.files, 'google_redis_instance', 'cache').block, 'display_name').dependsOn).toEqual([
      'var.api (sensitive)',
    ]);
  });
});
