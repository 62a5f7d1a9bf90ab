/**
 * Break 7 of issue 14 (the YAML half): a mapping with many keys took time quadratic in the key count
 * (80,000 keys in 0.9 MB: 51 s). Every YAML file the repository writes now has a parse budget, checked in
 * one pass before anything is composed, and duplicate keys are found with a set per mapping. The tests
 * assert the outcome (an error or a result, naming the file), not a time; the time is printed for the
 * record (docs/security.md quotes it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectFiles } from '@coditect-audit/collectors';
import { ConfigError, MAX_YAML_ENTRIES, parseConfig } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/cli.js';

/** `count` top-level keys (`z` + base 36, so never `kind`) of 2-5 characters, 9-11 bytes a line: a million stays under the 10 MiB cap. */
function manyKeys(count: number, head: string, duplicateLast = false): string {
  const lines = [head];
  for (let i = 0; i < count; i++) lines.push(`z${i.toString(36)}: 1`);
  if (duplicateLast) lines.push('z0: 2');
  return `${lines.join('\n')}\n`;
}

const MANIFEST_HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}';

function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return work().finally(() => {
    process.stdout.write(`[parse budget] ${what}: ${Math.round(performance.now() - started)} ms\n`);
  });
}

describe('a million YAML keys under the size cap', () => {
  it('a Kubernetes manifest ends with an error naming the file and the budget', async () => {
    const repo = tempDir('coditect-audit-budget-');
    const text = manyKeys(1_000_000, MANIFEST_HEAD);
    expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024 * 1024);
    writeFileSync(join(repo, 'big.yaml'), text);
    const facets = await timed('1,000,000 keys, manifest', () => collectFiles({ root: repo }));
    const facet = facets['files.kubernetes'];
    expect(facet.status).toBe('ok');
    if (facet.status !== 'ok') return;
    expect(facet.problems.map((p) => p.subject)).toEqual(['big.yaml']);
    expect(facet.problems[0]!.message).toMatch(/over the parse budget/);
  });

  it('a workflow ends with an error naming the file', async () => {
    const repo = tempDir('coditect-audit-budget-');
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    writeFileSync(join(repo, '.github/workflows/big.yml'), manyKeys(1_000_000, 'on: push\njobs: {}'));
    const facets = await timed('1,000,000 keys, workflow', () => collectFiles({ root: repo }));
    const facet = facets['files.workflows'];
    expect(facet.status === 'ok' && facet.problems[0]?.message).toMatch(/over the parse budget/);
  });

  it('the configuration file is a configuration error (exit 3), not a hang', async () => {
    const text = manyKeys(1_000_000, 'version: 1\nenvironments: {staging: {}}');
    const err = await timed('1,000,000 keys, config', async () => {
      try {
        parseConfig(text, 'coditect-audit.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    });
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/over the parse budget/);
  });
});

describe('within the budget: parsed in linear time, duplicates found', () => {
  // Half the budget: 100,000 keys took 51 s × (100/80)² ≈ 80 s with yaml's own quadratic check.
  const count = MAX_YAML_ENTRIES / 2;

  it('gives a result for every key', async () => {
    const repo = tempDir('coditect-audit-budget-');
    writeFileSync(join(repo, 'big.yaml'), manyKeys(count, MANIFEST_HEAD));
    const facets = await timed(`${count.toLocaleString('en-US')} keys, manifest`, () => collectFiles({ root: repo }));
    const facet = facets['files.kubernetes'];
    expect(facet.status === 'ok' && facet.problems).toEqual([]);
    expect(facet.status === 'ok' && facet.data.files[0]?.objects[0]?.kind).toBe('ConfigMap');
  });

  it('a duplicate key at the end is found, named at its line, and the last value counts (as kubectl reads it)', async () => {
    const repo = tempDir('coditect-audit-budget-');
    writeFileSync(join(repo, 'dup.yaml'), manyKeys(count, MANIFEST_HEAD, true));
    const facets = await timed(`${count.toLocaleString('en-US')} keys and a duplicate`, () =>
      collectFiles({ root: repo }),
    );
    const facet = facets['files.kubernetes'];
    expect(facet.status === 'ok' && facet.problems[0]?.message).toMatch(/repeated map key .*the last value counts/);
    expect(facet.status === 'ok' && facet.problems[0]?.location?.startLine).toBe(count + 4);
    expect(facet.status === 'ok' && facet.data.files[0]?.objects[0]?.kind).toBe('ConfigMap');
  });
});
