/**
 * A value the OpenTofu evaluation found in a variable's default is what a caller of the module gets, not
 * what the code "sets": the message names the variable and where its value is written.
 */
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import { runCase } from './harness.js';

const rule = (id: string) => builtinRules.find((r) => r.id === id)!;
const failures = (id: string, files: Record<string, string>) =>
  runCase(rule(id), { name: id, files }).filter((v) => v.status === 'fail');

describe('where a Terraform value comes from, in the message', () => {
  it('a literal written on the resource: "sets"', () => {
    const [v] = failures('redis.auth-disabled', {
      'main.tf': 'resource "google_redis_instance" "c" {\n  name = "c"\n  auth_enabled = false\n}\n',
    });
    expect(v?.message).toMatch(/^google_redis_instance\.c sets auth_enabled = false: /);
  });

  it('a module variable\'s default: "gets", naming the variable, its line, and that nothing overrides it', () => {
    const [v] = failures('redis.auth-disabled', {
      'modules/cache/variables.tf': 'variable "auth_enabled" {\n  type    = bool\n  default = false\n}\n',
      'modules/cache/main.tf':
        'resource "google_redis_instance" "c" {\n  name = "c"\n  auth_enabled = var.auth_enabled\n}\n',
    });
    expect(v?.message).toContain(
      'google_redis_instance.c gets auth_enabled = false (the default of `var.auth_enabled`, modules/cache/variables.tf:',
    );
    expect(v?.message).toContain('which nothing in this repository overrides for this module)');
    expect(v?.location).toMatchObject({ file: 'modules/cache/main.tf', startLine: 3 });
  });

  it('a .tfvars value: "gets", naming the file', () => {
    const [v] = failures('sql.high-availability', {
      'env/variables.tf': 'variable "availability" {}\n',
      'env/terraform.tfvars': 'availability = "ZONAL"\n',
      'env/main.tf':
        'resource "google_sql_database_instance" "db" {\n  name = "db"\n  database_version = "POSTGRES_16"\n  settings {\n    tier = "db-custom-2-7680"\n    availability_type = var.availability\n  }\n}\n',
    });
    expect(v?.message).toContain(
      'gets availability_type = ZONAL (from `var.availability`, set in env/terraform.tfvars:1)',
    );
  });
});
