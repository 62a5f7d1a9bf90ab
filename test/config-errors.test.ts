/**
 * Configuration errors in the layer blocks, through the commands (in-process): an unknown key or a wrong type in each
 * layer's block, and a literal credential where a layer expects an environment variable's name, all exit 3
 * before anything is collected, naming the file, line and config path (and, for a credential, the fix but
 * never the value). A `passwordEnv` naming an unset variable is not a config error (docs/configuration.md):
 * the checks that needed it get `error` verdicts naming the variable and the key, and the run is incomplete.
 * Top-level keys, suppressions and failOn are covered by packages/core/test/config.test.ts and test/cli.test.ts.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { loadServices } from '../packages/collectors/test/probe-services.js';
import { repoRoot, runInProcess, tempDir } from './support/cli.js';

const fixture = join(repoRoot, 'fixtures/adr-001-staging');
const fixtureConfig = readFileSync(join(fixture, 'coditect-audit.yaml'), 'utf8');
const CANARY = 'cnry-config-literal-7e21c4d9b0';

/** The fixture's config with `lines` added at the top of the staging environment's layers block. */
function withLayers(lines: string, replace: [string, string] = ['', '']): string {
  const text = fixtureConfig.replace(replace[0], replace[1]);
  if (!text.includes('    layers:\n')) throw new Error('the fixture config has no layers block: update this test');
  return text.replace('    layers:\n', `    layers:\n${lines}`);
}

/**
 * Runs a scan of the fixture with `config` written as a coditect-audit.yaml of its own (in a copy of the
 * fixture when the config is valid: its paths are relative to the config file).
 */
async function scanWith(config: string, opts: { copy?: boolean; extra?: string[]; env?: Record<string, string> } = {}) {
  const dir = tempDir('coditect-audit-config-');
  const scanned = opts.copy ? join(dir, 'repo') : fixture;
  if (opts.copy) cpSync(fixture, scanned, { recursive: true });
  const file = join(opts.copy ? scanned : dir, 'coditect-audit.yaml');
  writeFileSync(file, config);
  const out = join(dir, 'out');
  const args = ['scan', '--dir', scanned, '--config', file, '--env', 'staging', '--format', 'json'];
  const run = await runInProcess([...args, '--output-dir', out, ...(opts.extra ?? [])], { env: opts.env });
  return { run, out };
}

const PROBE = (body: string) => `      probe:\n        timeoutMs: 2000\n${body}`;
const POSTGRES = '        postgres:\n          host: 127.0.0.1\n          port: 5432\n          user: audit\n';

interface ConfigCase {
  name: string;
  config: string;
  /** The config path the message must name. */
  path: string;
  /** More text the message must hold. */
  says: RegExp;
}

const CASES: ConfigCase[] = [
  {
    name: 'unknown key in the files block',
    config: withLayers('', [
      '        exclude: [k8s/api/**, gcp/**]\n',
      '        exclude: [k8s/api/**, gcp/**]\n        incude: [src]\n',
    ]),
    path: 'environments.staging.layers.files',
    says: /unknown key "incude"/,
  },
  {
    name: 'unknown key in the gcp block',
    config: withLayers('', ['        endpointOnly: true\n', '        endpointOnly: true\n        projcts: [x]\n']),
    path: 'environments.staging.layers.gcp',
    says: /unknown key "projcts".*spelling/,
  },
  {
    name: 'unknown key in the k8s block',
    config: withLayers('', [
      '        skipWithoutContext: true\n',
      '        skipWithoutContext: true\n        contxt: x\n',
    ]),
    path: 'environments.staging.layers.k8s',
    says: /unknown key "contxt"/,
  },
  {
    name: 'unknown key in the probe block',
    config: withLayers(PROBE(`        timeoutMS: 5\n${POSTGRES}`)),
    path: 'environments.staging.layers.probe',
    says: /unknown key "timeoutMS"/,
  },
  {
    name: 'unknown key in a probe service block',
    config: withLayers(PROBE(`${POSTGRES}          hots: db\n`)),
    path: 'environments.staging.layers.probe.postgres',
    says: /unknown key "hots"/,
  },
  {
    name: 'a list given as a string (gcp.projects)',
    config: withLayers('', ['projects: [coditect-cloud-infra]', 'projects: coditect-cloud-infra']),
    path: 'environments.staging.layers.gcp.projects',
    says: /array|list/i,
  },
  {
    name: 'a boolean given as a string (gcp.endpointOnly)',
    config: withLayers('', ['endpointOnly: true', 'endpointOnly: "yes"']),
    path: 'environments.staging.layers.gcp.endpointOnly',
    says: /boolean/,
  },
  {
    name: 'a list given as a number (k8s.namespaces)',
    config: withLayers('', ['namespaces: [coditect-staging]', 'namespaces: 5']),
    path: 'environments.staging.layers.k8s.namespaces',
    says: /array|list/i,
  },
  {
    name: 'a number given as a word (probe.postgres.port)',
    config: withLayers(PROBE(POSTGRES.replace('port: 5432', 'port: five'))),
    path: 'environments.staging.layers.probe.postgres.port',
    says: /number|integer/,
  },
];

/** Literal credentials in layer blocks: refused with the fix, the value never repeated. */
const LITERALS: ConfigCase[] = [
  {
    name: 'a literal PostgreSQL password',
    config: withLayers(PROBE(`${POSTGRES}          password: ${CANARY}\n`)),
    path: 'environments.staging.layers.probe.postgres.password',
    says: /literal credential.*passwordEnv/,
  },
  {
    name: 'a literal Redis password',
    config: withLayers(
      PROBE(`        redis:\n          host: 127.0.0.1\n          port: 6379\n          password: ${CANARY}\n`),
    ),
    path: 'environments.staging.layers.probe.redis.password',
    says: /literal credential.*environment variable/,
  },
  {
    name: 'a literal Kubernetes token',
    config: withLayers('', [
      '        skipWithoutContext: true\n',
      `        skipWithoutContext: true\n        token: ${CANARY}\n`,
    ]),
    path: 'environments.staging.layers.k8s.token',
    says: /literal credential.*environment variable/,
  },
  {
    name: 'a literal Google API key',
    config: withLayers('', ['        endpointOnly: true\n', `        endpointOnly: true\n        apiKey: ${CANARY}\n`]),
    path: 'environments.staging.layers.gcp.apiKey',
    says: /literal credential.*Application Default Credentials/,
  },
];

describe('configuration errors in layer blocks exit 3 and name the path', () => {
  for (const c of [...CASES, ...LITERALS])
    it(c.name, async () => {
      expect(c.config).not.toBe(fixtureConfig);
      const { run, out } = await scanWith(c.config);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toMatch(new RegExp(`coditect-audit\\.yaml:\\d+:? ${c.path.replaceAll('.', '\\.')}\\b`));
      expect(run.stderr).toMatch(c.says);
      expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
      expect(existsSync(out), 'nothing is collected or reported').toBe(false);
    });
});

describe('a passwordEnv naming an unset variable', () => {
  it('gives error verdicts naming the variable and the key; the run is incomplete (exit 2)', async () => {
    const s = loadServices();
    const postgres = `        postgres:\n          host: ${s.PG_HOST}\n          port: ${s.PG_B_PORT}\n          user: ${s.PG_B_SUPERUSER}\n          passwordEnv: CODITECT_AUDIT_TEST_UNSET_PASSWORD\n          sslmode: verify-ca\n          caFile: ${s.CA_FILE}\n`;
    expect(process.env.CODITECT_AUDIT_TEST_UNSET_PASSWORD).toBeUndefined();
    const { run, out } = await scanWith(withLayers(PROBE(postgres)), {
      copy: true,
      extra: ['--layers', 'probe', '--trust-repo-config'],
    });
    expect(run.code, run.stderr).toBe(2);
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    const errors = result.verdicts.filter((v) => v.status === 'error' && v.ruleId.startsWith('probe-postgres-'));
    expect(errors.length).toBeGreaterThan(0);
    for (const v of errors) {
      expect(v.message).toContain('CODITECT_AUDIT_TEST_UNSET_PASSWORD');
      expect(v.message).toContain('layers.probe.postgres.passwordEnv');
      expect(v.message).toMatch(/Fix: export CODITECT_AUDIT_TEST_UNSET_PASSWORD/);
    }
    expect(result.layers.probe).toEqual({ status: 'collected' });
  });
});
