/**
 * The GitHub Action (action.yml): its scan script run as the runner runs it, with a fake
 * GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, on the ADR-001 fixtures; and the action file's wiring.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/cli.js';

const script = join(repoRoot, 'scripts/action/run.sh');
const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** Runs scripts/action/run.sh in a fresh workspace (or the given one) with these inputs. */
function runAction(inputs: Record<string, string>, opts: { workspace?: string; env?: Record<string, string> } = {}) {
  const workspace = opts.workspace ?? tempDir('coditect-audit-action-');
  const summaryFile = join(workspace, '.summary.md');
  const outputFile = join(workspace, '.output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_')) env[k] = v;
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const r = spawnSync('bash', [script], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, ...opts.env },
    timeout: 60_000,
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
  } satisfies ActionRun;
}

describe('the action scan script', () => {
  it('fails the job on the staging fixture (exit 1), with the report in the summary and the SARIF for upload', () => {
    const run = runAction({ dir: staging, environment: 'staging' });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({
      'exit-code': '1',
      gate: 'failed',
      'report-dir': 'coditect-audit-report',
      'sarif-file': 'coditect-audit-report/coditect-audit.sarif',
      'markdown-file': 'coditect-audit-report/coditect-audit.md',
      'junit-file': 'coditect-audit-report/coditect-audit.junit.xml',
    });
    const sarif = JSON.parse(readFileSync(join(run.workspace, run.outputs['sarif-file']!), 'utf8')) as {
      version: string;
      runs: { automationDetails: { id: string }; results: unknown[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.automationDetails.id).toBe('coditect-audit/staging/');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    // The summary is exactly the Markdown report, and under GitHub's 1 MiB limit.
    const markdown = readFileSync(join(run.workspace, run.outputs['markdown-file']!), 'utf8');
    expect(run.summary).toBe(markdown);
    expect(run.summary).toMatch(/^# coditect-audit report: staging/);
    expect(run.summary).toContain('Gate failed');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    // The console report goes to the log, and the failure is annotated.
    expect(run.stdout).toContain('gate FAILED (fail-on P0)');
    expect(run.stdout).toMatch(/^::error title=coditect-audit::gate failed/m);
  });

  it('passes on the remediated fixture (exit 0) and always writes SARIF and Markdown', () => {
    const run = runAction({ dir: remediated, environment: 'staging', formats: 'json', 'output-dir': 'out/reports' });
    expect(run.code).toBe(0);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs.gate).toBe('passed');
    expect(run.outputs['sarif-file']).toBe('out/reports/coditect-audit.sarif');
    expect(run.outputs['junit-file']).toBe('');
    for (const f of ['coditect-audit.sarif', 'coditect-audit.md', 'coditect-audit.json'])
      expect(existsSync(join(run.workspace, 'out/reports', f)), f).toBe(true);
    expect(run.summary).toContain('Gate passed');
    expect(run.stdout).not.toContain('::error');
    expect(run.stdout).toContain('--format json,markdown,sarif');
  });

  it('passes the gate inputs through: fail-on none turns the staging fixture green', () => {
    const run = runAction({ dir: staging, environment: 'staging', 'fail-on': 'none', formats: 'sarif' });
    expect(run.code).toBe(0);
    expect(run.outputs.gate).toBe('passed');
  });

  it('reports a configuration error (exit 3) in the summary, and never a stale report from an earlier scan', () => {
    const first = runAction({ dir: staging, environment: 'staging' });
    expect(first.outputs['sarif-file']).not.toBe('');
    const run = runAction({ dir: staging, environment: 'no-such-env' }, { workspace: first.workspace });
    expect(run.code).toBe(3);
    expect(run.outputs.gate).toBe('error');
    expect(run.outputs['sarif-file']).toBe('');
    expect(run.outputs['markdown-file']).toBe('');
    expect(existsSync(join(run.workspace, 'coditect-audit-report/coditect-audit.sarif'))).toBe(false);
    expect(run.summary).toMatch(/^## coditect-audit could not run \(exit 3\)/);
    expect(run.summary).toContain('no-such-env');
    expect(run.stdout).toMatch(/^::error title=coditect-audit::the scan could not run \(exit 3\): coditect-audit: /m);
  });

  it('refuses a boolean input that is not true or false', () => {
    const run = runAction({ dir: staging, 'allow-incomplete': 'yes' });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('input allow-incomplete must be true or false, not "yes"');
  });

  it('passes allow-incomplete and sarif-include-suppressed to the scanner', () => {
    const run = runAction({
      dir: remediated,
      environment: 'staging',
      'allow-incomplete': 'true',
      strict: 'true',
      'sarif-include-suppressed': 'true',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--allow-incomplete --strict --sarif-include-suppressed');
  });

  it('keeps the job summary under 1 MiB even if a report were larger', () => {
    // A stand-in scanner writing a 2 MiB Markdown report: the script must not push it into the summary.
    const workspace = tempDir('coditect-audit-action-');
    const fake = join(workspace, 'fake-bin.mjs');
    writeFileSync(
      fake,
      [
        "import { mkdirSync, writeFileSync } from 'node:fs';",
        "const dir = process.argv[process.argv.indexOf('--output-dir') + 1];",
        'mkdirSync(dir, { recursive: true });',
        "writeFileSync(dir + '/coditect-audit.md', 'x'.repeat(2 * 1024 * 1024));",
        "writeFileSync(dir + '/coditect-audit.sarif', '{}');",
        'process.exitCode = 1;',
      ].join('\n'),
    );
    const run = runAction({}, { workspace, env: { CODITECT_AUDIT_BIN: fake } });
    expect(run.code).toBe(1);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024);
    expect(run.summary).toContain('over the 1 MiB job summary limit');
    expect(run.summary).toContain('coditect-audit-report/coditect-audit.md');
  });

  it('says so when the scanner was not built (exit 4)', () => {
    const run = runAction({}, { env: { CODITECT_AUDIT_BIN: '/nonexistent/bin.js' } });
    expect(run.code).toBe(4);
    expect(run.stdout).toContain("the action's install step must run first");
  });
});

describe('action.yml', () => {
  const yaml = createRequire(join(repoRoot, 'packages/cli/package.json'))('yaml') as {
    parse: (text: string) => unknown;
  };
  const action = yaml.parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: {
      using: string;
      steps: { id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }[];
    };
  };
  const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

  it('is a composite action whose steps run the scripts in this repository', () => {
    expect(action.runs.using).toBe('composite');
    const scripts = action.runs.steps.flatMap((s) => [...(s.run ?? '').matchAll(/\$GITHUB_ACTION_PATH\/(\S+?)"/g)]);
    expect(scripts.map((m) => m[1])).toEqual(['scripts/action/setup.sh', 'scripts/action/run.sh']);
    for (const m of scripts) expect(existsSync(join(repoRoot, m[1]!)), m[1]).toBe(true);
    for (const s of action.runs.steps.filter((x) => x.run)) expect(s.shell).toBe('bash');
  });

  it('pins every action it uses to a full commit SHA', () => {
    for (const s of action.runs.steps.filter((x) => x.uses)) expect(s.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it('hands every input to the scan script through the environment, never inlined into the script', () => {
    const scanInputs = Object.keys(action.inputs).filter((n) => n !== 'node-version');
    expect(Object.keys(scanStep.env ?? {}).filter((k) => k.startsWith('INPUT_'))).toEqual(
      scanInputs.map((n) => `INPUT_${n.toUpperCase().replace(/-/g, '_')}`),
    );
    for (const n of scanInputs)
      expect(scanStep.env?.[`INPUT_${n.toUpperCase().replace(/-/g, '_')}`]).toBe(`\${{ inputs.${n} }}`);
    for (const s of action.runs.steps) expect(s.run ?? '').not.toContain('${{');
    const script = readFileSync(join(repoRoot, 'scripts/action/run.sh'), 'utf8');
    for (const k of Object.keys(scanStep.env ?? {}).filter((x) => x.startsWith('INPUT_'))) expect(script).toContain(k);
  });

  it('exposes the outputs the scan script writes', () => {
    const script = readFileSync(join(repoRoot, 'scripts/action/run.sh'), 'utf8');
    const written = [...script.matchAll(/^output ([a-z-]+) /gm)].map((m) => m[1]);
    expect(Object.keys(action.outputs).sort()).toEqual([...written].sort());
    for (const [name, o] of Object.entries(action.outputs)) expect(o.value).toBe(`\${{ steps.scan.outputs.${name} }}`);
  });
});
