/**
 * `coditect-audit init`: what it detects, that what it writes is valid configuration that scans, that it
 * asks only a person at a terminal, and that it never overwrites a configuration unasked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { type Config, ConfigError, parseConfig, resolveExpectations, type ScanResult } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_SCHEMA_URL,
  type Detection,
  defaultAnswers,
  detectRepository,
  type InitIO,
  renderInitConfig,
  runInit,
  shouldPrompt,
} from '../packages/cli/src/commands/init.js';
import { repoRoot, runInProcess, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');

/** The staging fixture without its configuration: a repository that has never been set up. */
function unconfiguredCopy(): string {
  const dir = tempDir('coditect-audit-init-');
  cpSync(staging, dir, { recursive: true });
  rmSync(join(dir, 'coditect-audit.yaml'));
  return dir;
}

function collect(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** A stdin that claims to be a terminal and answers with these lines. */
function terminal(lines: string[]): PassThrough & { isTTY: boolean } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  input.end(lines.map((l) => `${l}\n`).join(''));
  return input;
}

const emptyDetection: Detection = {
  dockerfiles: [],
  manifests: [],
  terraform: [],
  tfstate: [],
  workflows: [],
  namespaces: [],
  projects: [],
  unreadable: 0,
};

describe('init: detection', () => {
  it('finds the Dockerfile, manifests, OpenTofu, workflows, the ADR, and the namespace and project they use', async () => {
    const d = await detectRepository(staging);
    expect(d.dockerfiles).toEqual(['Dockerfile']);
    expect(d.manifests.map((m) => m.file)).toContain('k8s/deployment.yaml');
    expect(d.manifests.every((m) => m.objects > 0)).toBe(true);
    expect(d.terraform).toContain('opentofu/modules/cloudsql/main.tf');
    expect(d.tfstate).toEqual(['opentofu/environments/staging/terraform.tfstate']);
    expect(d.workflows).toEqual(['.github/workflows/ci.yml', '.github/workflows/deploy-staging.yml']);
    expect(d.adr).toBe('docs/adr/ADR-001-staging-deployment.txt');
    expect(d.namespaces[0]).toBe('coditect-staging');
    expect(d.projects[0]).toBe('coditect-cloud-infra');
  });

  it('finds nothing in an empty directory', async () => {
    expect(await detectRepository(tempDir())).toEqual(emptyDetection);
  });
});

describe('init: the configuration it writes', () => {
  it('starts with the yaml-language-server schema line and is valid configuration', async () => {
    const d = await detectRepository(staging);
    const text = renderInitConfig(d, defaultAnswers(d), { adrPath: d.adr! });
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`);
    const config = parseConfig(text);
    expect(config.adr).toBe('docs/adr/ADR-001-staging-deployment.txt');
    expect(Object.keys(config.environments)).toEqual(['staging', 'production']);
    expect(config.environments.staging).toMatchObject({
      tier: 'staging',
      failOn: 'P0',
      layers: { files: true },
      expectations: { project: 'coditect-cloud-infra', app: { namespace: 'coditect-staging' } },
    });
    expect(config.environments.production?.tier).toBe('production');
    // Every file kind found is named in the header.
    expect(text).toContain('#   Dockerfiles: Dockerfile');
    expect(text).toContain('#   GitHub workflows: .github/workflows/ci.yml, .github/workflows/deploy-staging.yml');
  });

  it('writes out the names the ADR-specific rules judge by, so a scan with it assumes nothing', () => {
    const text = renderInitConfig(emptyDetection, {
      project: 'acme-prod-42',
      environments: ['staging'],
      namespaces: { staging: 'acme' },
    });
    const written = parseConfig(text).environments.staging?.expectations;
    expect(written).toMatchObject({
      project: 'acme-prod-42',
      region: 'us-central1',
      app: { namespace: 'acme', deployment: 'coditect-backend', serviceAccount: 'coditect-cloud-backend' },
      kms: { keyRing: 'license-signing-keyring', key: 'license-signing-key' },
      secretManager: { secrets: ['django-secret-key', 'db-password-staging', 'redis-password-staging'] },
      database: { instance: 'coditect-db' },
      redis: { instance: 'coditect-redis-staging' },
    });
    // What derives from the project is derived, never ADR-001's project.
    const resolved = resolveExpectations(written);
    expect(resolved.kms.signer).toBe('serviceAccount:coditect-cloud-backend@acme-prod-42.iam.gserviceaccount.com');
    expect(resolved.app.image).toContain('/acme-prod-42/');
    expect(JSON.stringify(resolved)).not.toContain('coditect-cloud-infra');
  });

  it('is valid for a repository with nothing in it, and for any environment names and namespaces', () => {
    const text = renderInitConfig(emptyDetection, {
      project: 'acme-prod-42',
      environments: ['dev', 'qa.eu', 'prod_1'],
      namespaces: { dev: 'app-dev', 'qa.eu': 'app-qa', prod_1: 'app' },
    });
    const config = parseConfig(text);
    expect(config.adr).toBeUndefined();
    expect(Object.keys(config.environments)).toEqual(['dev', 'qa.eu', 'prod_1']);
    expect(config.environments.dev?.expectations?.app?.namespace).toBe('app-dev');
    expect(config.environments.prod_1?.tier).toBe('production');
    expect(config.environments.dev?.tier).toBeUndefined();
  });

  it('keeps its commented examples valid: uncommenting the live layers and the rules override still loads', () => {
    const text = renderInitConfig(emptyDetection, defaultAnswers(emptyDetection));
    let inExample = false;
    const uncommented = text
      .split('\n')
      .map((l) => {
        if (/^ {6}# (?:gcp|k8s|probe):/.test(l)) inExample = true;
        else if (!/^ {6}# {3}/.test(l)) inExample = false;
        return inExample || /^ {4}# rules:|^ {4}# {3}cicd-unpinned-action/.test(l) ? l.replace('# ', '') : l;
      })
      .join('\n');
    const config: Config = parseConfig(uncommented);
    const layers = config.environments.staging?.layers;
    expect(layers?.gcp).toEqual({ projects: ['coditect-cloud-infra'] });
    expect(layers?.k8s).toEqual({ context: 'my-gke-context', namespaces: ['coditect-staging'] });
    expect(layers?.probe).toEqual({
      http: { baseUrl: 'https://staging-api.coditect.ai' },
      postgres: { host: '10.28.0.3', fromSecret: {} },
    });
    expect(config.environments.staging?.rules).toEqual({ 'cicd-unpinned-action': 'P1' });
  });
});

describe('init: asking', () => {
  const io = (stdin: InitIO['stdin'], env: Record<string, string> = {}) => {
    const err = collect();
    return { io: { stdin, stderr: err.stream, env } satisfies InitIO, stderr: err.text };
  };

  it('asks only a person at a terminal: never in CI, never without a TTY, never with --yes', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(shouldPrompt({ stdin: tty, stderr: process.stderr, env: {} }, false)).toBe(true);
    expect(shouldPrompt({ stdin: tty, stderr: process.stderr, env: { CI: 'true' } }, false)).toBe(false);
    expect(shouldPrompt({ stdin: tty, stderr: process.stderr, env: {} }, true)).toBe(false);
    expect(shouldPrompt({ stdin: new PassThrough(), stderr: process.stderr, env: {} }, false)).toBe(false);
  });

  it('on a terminal, asks for the project, environments and namespaces, re-asking after an invalid answer', async () => {
    const dir = unconfiguredCopy();
    const { io: ttyIo, stderr } = io(terminal(['Not_A_Project', 'acme-staging-7', 'stage,live', '', 'live-ns']));
    expect(await runInit({ dir }, ttyIo)).toBe(0);
    expect(stderr()).toContain('Google Cloud project id [coditect-cloud-infra]: ');
    expect(stderr()).toContain('"Not_A_Project" is not a valid Google Cloud project id');
    expect(stderr()).toContain('Kubernetes namespace of stage [coditect-staging]: ');
    const config = parseConfig(readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8'));
    expect(Object.keys(config.environments)).toEqual(['stage', 'live']);
    expect(config.environments.stage?.expectations).toMatchObject({
      project: 'acme-staging-7',
      app: { namespace: 'coditect-staging' },
    });
    expect(config.environments.live?.expectations?.app?.namespace).toBe('live-ns');
  });

  it('writes nothing when the terminal input ends before the last question', async () => {
    const dir = unconfiguredCopy();
    const { io: ttyIo } = io(terminal(['acme-staging-7']));
    await expect(runInit({ dir }, ttyIo)).rejects.toThrow(/input ended before every question was answered/);
    expect(existsSync(join(dir, 'coditect-audit.yaml'))).toBe(false);
  });

  it('in CI, does not read the terminal even when there is one', async () => {
    const dir = unconfiguredCopy();
    const stdin = Object.assign(new PassThrough(), { isTTY: true }); // never ends: a prompt would hang
    const { io: ciIo, stderr } = io(stdin, { CI: 'true' });
    expect(await runInit({ dir }, ciIo)).toBe(0);
    expect(stderr()).not.toContain('project id [');
    expect(parseConfig(readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8')).environments.staging).toBeDefined();
  });

  it('uses the schema shipped in an installed coditect-audit package when there is one', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules/coditect-audit/schemas'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/coditect-audit/schemas/config-v1.json'), '{}');
    const { io: quiet } = io(new PassThrough());
    await runInit({ dir, yes: true }, quiet);
    expect(readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/coditect-audit/schemas/config-v1.json',
    );
  });

  it('refuses an invalid flag value with a usage error naming the flag', async () => {
    const { io: quiet } = io(new PassThrough());
    await expect(runInit({ dir: tempDir(), namespace: 'Bad_NS' }, quiet)).rejects.toThrow(ConfigError);
    await expect(runInit({ dir: tempDir(), environments: 'ok, bad/name' }, quiet)).rejects.toThrow(
      /--environments: "bad\/name" is not a valid environment name/,
    );
  });
});

describe('init as a command', () => {
  it('without a TTY writes the defaults without asking, and the result scans (exit 1 on the staging fixture)', async () => {
    const dir = unconfiguredCopy();
    const run = await runInProcess(['init', '--dir', dir], { env: { CI: '' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('project id [');
    expect(run.stderr).toContain('Not asking (not a terminal, or CI)');
    expect(run.stderr).toContain('Wrote ');
    const out = tempDir();
    const scan = await runInProcess([
      'scan',
      '--dir',
      dir,
      '--env',
      'staging',
      '--format',
      'json',
      '--output-dir',
      out,
    ]);
    expect(scan.code, scan.stderr).toBe(1);
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    expect(result.adr?.file).toBe('docs/adr/ADR-001-staging-deployment.txt');
    expect(result.verdicts.some((v) => v.status === 'fail' && v.priority === 'P0')).toBe(true);
    // init is the way out of the assumed mode: the scan names nothing as assumed.
    expect(result.assumptions).toBeUndefined();
    expect(result.verdicts.some((v) => v.assumed)).toBe(false);
  });

  it('takes the answers from flags, and refuses to overwrite without --force (exit 3)', async () => {
    const dir = tempDir();
    const flags = ['--project', 'acme-prod-42', '--environments', 'dev,prod', '--namespace', 'acme'];
    expect((await runInProcess(['init', '--dir', dir, ...flags])).code).toBe(0);
    const written = readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8');
    const config = parseConfig(written);
    expect(Object.keys(config.environments)).toEqual(['dev', 'prod']);
    expect(config.environments.prod?.expectations).toMatchObject({
      project: 'acme-prod-42',
      app: { namespace: 'acme' },
    });

    const again = await runInProcess(['init', '--dir', dir, '--yes']);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists; keep it, or pass --force to overwrite it');
    expect(readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8')).toBe(written);

    expect((await runInProcess(['init', '--dir', dir, '--yes', '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'coditect-audit.yaml'), 'utf8')).not.toBe(written);
    const scan = await runInProcess([
      'scan',
      '--dir',
      dir,
      '--env',
      'staging',
      '--format',
      'json',
      '--output-dir',
      tempDir(),
    ]);
    expect(scan.code, scan.stderr).toBe(0);
  });
});

describe('shell completion', () => {
  it('prints a bash completion script for coditect-audit', async () => {
    const run = await runInProcess(['completion']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('###-begin-coditect-audit-completions-###');
    expect(run.stdout).toMatch(/complete .* coditect-audit$/m);
    expect(run.stdout).toContain('coditect-audit --get-yargs-completions');
    const syntax = spawnSync('bash', ['-n'], { input: run.stdout, encoding: 'utf8' });
    expect(syntax.status, syntax.stderr).toBe(0);
  });

  it('completes the commands and the options of a command', async () => {
    const commands = (await runInProcess(['--get-yargs-completions', 'coditect-audit', ''])).stdout.split('\n');
    for (const c of ['scan', 'collect', 'rules', 'explain', 'init', 'completion']) expect(commands).toContain(c);
    const options = (await runInProcess(['--get-yargs-completions', 'coditect-audit', 'scan', '--'])).stdout.split(
      '\n',
    );
    for (const o of ['--env', '--fail-on', '--format', '--allow-incomplete']) expect(options).toContain(o);
  });
});
