/**
 * The validators the bundle carries (ajv standalone code that scripts/bundle.mjs compiles at build time into
 * packages/core/dist/precompiled/, issue 19) judge exactly as ajv does when it compiles the same schema at
 * run time: same verdict, same errors, so the messages users read do not change. Needs a build.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const fixtureFile = join(repoRoot, 'fixtures/adr-001-staging/coditect-audit.yaml');
const fixtureConfig = parseConfig(readFileSync(fixtureFile, 'utf8'), fixtureFile);

/** Passing and failing documents for each schema the bundle precompiles (by its export name in core). */
const CASES: { name: string; schema: string; documents: unknown[] }[] = [
  {
    name: 'config',
    schema: 'ConfigSchema',
    documents: [
      fixtureConfig,
      { version: 2 },
      { version: 1, environments: { s: { tier: 'stagin', bogus: 1, failOn: 'P9' } } },
      { version: 1, environments: { s: { tier: 'staging', layers: { gcp: { projects: 'one' } } } } },
      { version: 1, environments: { s: { tier: 'staging', layers: { probe: { postgres: { port: 'five' } } } } } },
      { version: 1, environments: { s: { tier: 'staging', suppressions: [{ rule: 'x', until: 'soon' }] } } },
      // Errors inside parts the bundle's validator checks in functions of their own (scripts/bundle.mjs
      // `withPartsApart`), nested ones too, alongside one outside them.
      {
        version: 1,
        plugins: [''],
        environments: {
          s: { layers: { k8s: { pageSize: 0, contexts: [{ name: 'x' }] } }, expectations: { project: 3 } },
          t: { gate: { targets: [] }, layers: { gcp: { endpoints: { redis: 'ftp://x' } }, files: { bogus: true } } },
        },
      },
    ],
  },
  {
    name: 'expectations',
    schema: 'ExpectationsSchema',
    documents: [{}, { foo: 1 }, { project: 3 }, fixtureConfig.environments.staging?.expectations ?? {}],
  },
  {
    name: 'baseline',
    schema: 'BaselineSchema',
    documents: [
      { schemaVersion: 1, tool: 'coditect-audit', findings: [] },
      { schemaVersion: 1, tool: 'other', findings: [{ fingerprint: '', ruleId: 'x' }] },
      [],
    ],
  },
  {
    name: 'snapshot',
    schema: 'SnapshotSchema',
    documents: [{ schemaVersion: 7 }, { schemaVersion: 1, tool: 'coditect-audit', facets: { nope: 1 } }, 'text'],
  },
];

/**
 * Runs in a plain `node` process, as the binary does (the validators import ajv's run-time helpers the way
 * Node resolves them, not through the test runner's module interop): for each document, the verdict and
 * errors of the build-time validator and of ajv compiling the same schema now.
 */
const COMPARE = `
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const { core, cases } = JSON.parse(readFileSync(0, 'utf8'));
const lib = await import(pathToFileURL(core + '/dist/index.js').href);
const out = [];
for (const { name, schema, documents } of cases) {
  const file = core + '/dist/precompiled/' + name + '-' + lib.schemaFingerprint(lib[schema]).slice(0, 16) + '.js';
  if (!existsSync(file)) throw new Error(file + ' is missing: build first (pnpm run build)');
  const built = (await import(pathToFileURL(file).href)).default;
  const runtime = lib.getAjv().compile(lib[schema]);
  for (const document of documents) {
    const expected = runtime(document);
    out.push({ name, expected, got: built(document), expectedErrors: runtime.errors ?? null, gotErrors: built.errors ?? null });
  }
}
process.stdout.write(JSON.stringify(out));
`;

describe('build-time validators', () => {
  it('give the same verdict and errors as ajv at run time, for passing and failing documents', () => {
    const cases = CASES.map(({ name, schema, documents }) => ({ name, schema, documents }));
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', COMPARE], {
      input: JSON.stringify({ core: join(repoRoot, 'packages/core'), cases }),
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout) as {
      name: string;
      expected: boolean;
      got: boolean;
      expectedErrors: unknown;
      gotErrors: unknown;
    }[];
    expect(results).toHaveLength(CASES.reduce((n, c) => n + c.documents.length, 0));
    for (const { name } of CASES)
      expect(
        results.some((x) => x.name === name && !x.expected),
        name,
      ).toBe(true);
    for (const x of results) {
      expect(x.got, x.name).toBe(x.expected);
      expect(x.gotErrors, x.name).toEqual(x.expectedErrors);
    }
  }, 300_000);
});
