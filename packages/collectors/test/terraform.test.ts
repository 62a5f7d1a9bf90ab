import { describe, expect, it } from 'vitest';
import { FileParseError } from '../src/files/errors.js';
import { parseTerraform } from '../src/files/terraform.js';

const REDIS_TF = [
  '# Memorystore for staging sessions.',
  '# coditect-audit:ignore data.redis-auth -- auth is enforced by the VPC-SC perimeter until PLAT-142',
  'resource "google_redis_instance" "sessions" {',
  '  name           = "staging-sessions"',
  '  tier           = "BASIC" # coditect-audit:ignore data.redis-ha -- sessions are disposable',
  '  memory_size_gb = 1',
  '}',
  '',
  'module "network" {',
  '  source = "./modules/network"',
  '  region = var.region',
  '}',
  '',
].join('\n');

function errorOf(text: string): FileParseError {
  try {
    parseTerraform('infra/main.tf', text);
  } catch (error) {
    if (error instanceof FileParseError) return error;
    throw error;
  }
  throw new Error('expected a FileParseError');
}

describe('parseTerraform', () => {
  it('returns the blocks with positions and the inline suppressions of the file', () => {
    const file = parseTerraform('infra/redis.tf', REDIS_TF);
    expect(file.file).toBe('infra/redis.tf');
    expect(file.blocks.map((b) => [b.type, b.labels, b.line, b.column, b.endLine])).toEqual([
      ['resource', ['google_redis_instance', 'sessions'], 3, 1, 7],
      ['module', ['network'], 9, 1, 12],
    ]);
    expect(file.blocks[0]?.attributes.tier).toEqual({ name: 'tier', value: 'BASIC', line: 5, column: 3 });
    expect(file.blocks[1]?.attributes.region).toEqual({
      name: 'region',
      value: { expression: 'var.region' },
      line: 11,
      column: 3,
    });
    expect(file.ignores).toEqual([
      {
        file: 'infra/redis.tf',
        line: 2,
        appliesToLine: 3,
        ruleId: 'data.redis-auth',
        reason: 'auth is enforced by the VPC-SC perimeter until PLAT-142',
      },
      {
        file: 'infra/redis.tf',
        line: 5,
        appliesToLine: 5,
        ruleId: 'data.redis-ha',
        reason: 'sessions are disposable',
      },
    ]);
  });

  it('reads a file without blocks', () => {
    expect(parseTerraform('empty.tf', '# nothing yet\n')).toEqual({ file: 'empty.tf', blocks: [], ignores: [] });
  });

  it('rejects an attribute at the top level, where a .tf file holds only blocks', () => {
    const error = errorOf('terraform {}\n\n  region = "us-central1"\n');
    expect(error.message).toMatch(/^attribute "region" at the top level: a \.tf file holds only blocks/);
    expect([error.line, error.column]).toEqual([3, 3]);
  });

  it('passes syntax errors on with their position', () => {
    const error = errorOf(
      'resource "google_sql_database_instance" "main" {\n  settings {\n    tier = "db-f1-micro"\n  }\n',
    );
    expect(error.message).toBe('unclosed block "resource" opened at line 1');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('rejects an inline suppression without a reason', () => {
    const error = errorOf('resource "a" "b" { # coditect-audit:ignore data.redis-auth\n}\n');
    expect(error.message).toMatch(/^inline suppression needs a rule id and a reason/);
    expect(error.line).toBe(1);
  });
});
