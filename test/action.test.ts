/**
 * The GitHub Action (action.yml), run as a runner runs a composite action, against the packed release: a
 * checkout of the action holding only its own files (no sources, no node_modules, nothing built), each
 * `run:` step executed by bash with its `${{ }}` expressions evaluated, its own GITHUB_OUTPUT file and the
 * job's GITHUB_STEP_SUMMARY, steps skipped or run by their `if:`. The `uses:` steps (GitHub's cache and
 * SARIF upload actions) are not GitHub's to run here: the test checks what they are given. The release is
 * the tarball scripts/pack.mjs makes, handed to the install step as CODITECT_AUDIT_PACKAGE.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/cli.js';
import { packRelease } from './support/release.js';

const yaml = createRequire(join(repoRoot, 'packages/cli/package.json'))('yaml') as { parse: (t: string) => unknown };
const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface ActionFile {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = yaml.parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionFile;

/** The expression contexts a composite action sees here. */
interface Contexts {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
}

/**
 * GitHub's expression language, as much as action.yml uses: `inputs.x`, `steps.id.outputs.y`, string
 * literals, `==`, `!=`, `&&`, `!` and the status functions. Anything else throws, so the action cannot
 * grow an expression this runner would misread.
 */
function evaluate(expr: string, ctx: Contexts, failed: boolean): string | boolean {
  const tokens = expr.match(/'(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g) ?? [];
  if (tokens.join('').replace(/\s/g, '') !== expr.replace(/\s/g, '')) throw new Error(`cannot evaluate: ${expr}`);
  let i = 0;
  const value = (): string | boolean => {
    const t = tokens[i++]!;
    if (t === '!') return !truthy(value());
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1).replaceAll("''", "'");
    if (t === 'cancelled()') return false;
    if (t === 'always()') return true;
    if (t === 'success()') return !failed;
    if (t === 'failure()') return failed;
    const [root, ...path] = t.split('.');
    if (root === 'inputs' && path.length === 1) return ctx.inputs[path[0]!] ?? '';
    if (root === 'steps' && path.length === 3 && path[1] === 'outputs')
      return ctx.steps[path[0]!]?.outputs[path[2]!] ?? '';
    throw new Error(`unknown expression ${t} in ${expr}`);
  };
  const comparison = () => {
    const left = value();
    if (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++];
      const right = value();
      return op === '==' ? String(left) === String(right) : String(left) !== String(right);
    }
    return left;
  };
  const and = () => {
    let v = comparison();
    while (tokens[i] === '&&') {
      i++;
      const r = comparison();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const or = (): string | boolean => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const out = or();
  if (i !== tokens.length) throw new Error(`cannot evaluate: ${expr}`);
  return out;
}
const truthy = (v: string | boolean) => v !== '' && v !== false;

/** `${{ expr }}` inside a string, replaced by its value. */
function interpolate(text: string, ctx: Contexts, failed: boolean): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e.trim(), ctx, failed)));
}

/** A checkout of the action with nothing but what a release tag of it holds for the action to use. */
function actionCheckout(): string {
  const dir = tempDir('coditect-audit-action-ref-');
  cpSync(join(repoRoot, 'action.yml'), join(dir, 'action.yml'));
  cpSync(join(repoRoot, 'scripts/action'), join(dir, 'scripts/action'), { recursive: true });
  mkdirSync(join(dir, 'packages/cli'), { recursive: true });
  cpSync(join(repoRoot, 'packages/cli/package.json'), join(dir, 'packages/cli/package.json'));
  return dir;
}

interface ActionRun {
  /** Exit code of the first failed step, else 0. */
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  /** The `uses:` steps that would have run, with their evaluated `with:`. */
  used: { uses: string; with: Record<string, string> }[];
  ran: string[];
}

function runAction(
  inputs: Record<string, string>,
  opts: { workspace?: string; toolCache: string; actionPath: string; tarball: string },
): ActionRun {
  const workspace = opts.workspace ?? tempDir('coditect-audit-workspace-');
  const summaryFile = join(workspace, '..', `${workspace.split('/').pop()}.summary.md`);
  writeFileSync(summaryFile, '');
  const ctx: Contexts = { inputs: {}, steps: {} };
  for (const [name, spec] of Object.entries(action.inputs)) ctx.inputs[name] = inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`no input ${name}`);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(INPUT_|GITHUB_|RUNNER_|CODITECT_AUDIT_|KUBECONFIG$)/.test(k)) base[k] = v;
  let log = '';
  let code = 0;
  const used: ActionRun['used'] = [];
  const ran: string[] = [];
  action.runs.steps.forEach((step, n) => {
    const condition = step.if ? step.if.replace(/^\$\{\{(.*)\}\}$/s, '$1').trim() : 'success()';
    if (!truthy(evaluate(condition, ctx, code !== 0))) return;
    ran.push(step.id ?? step.name ?? String(n));
    if (step.uses) {
      const w = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(v, ctx, code !== 0)]),
      );
      used.push({ uses: step.uses, with: w });
      return;
    }
    const outputFile = join(workspace, '..', `${workspace.split('/').pop()}.output.${n}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      ...base,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: opts.actionPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: opts.toolCache,
      RUNNER_TOOL_CACHE: opts.toolCache,
      CODITECT_AUDIT_PACKAGE: opts.tarball,
      NO_COLOR: '1',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx, code !== 0);
    if (step.run!.includes('${{')) throw new Error(`step ${step.name} interpolates an expression into its script`);
    const r = spawnSync(step.shell ?? 'bash', ['-e', '-c', step.run!], {
      cwd: workspace,
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });
    log += r.stdout + r.stderr;
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    if (step.id) ctx.steps[step.id] = { outputs, outcome: r.status === 0 ? 'success' : 'failure' };
    if (r.status !== 0 && code === 0) code = r.status ?? 4;
  });
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, o]) => [name, interpolate(o.value, ctx, code !== 0)]),
  );
  return { code, log, outputs, summary: readFileSync(summaryFile, 'utf8'), workspace, used, ran };
}

describe('the action, in a simulated runner, against the packed release', () => {
  const root = tempDir('coditect-audit-action-');
  let tarball = '';
  let actionPath = '';
  const toolCache = join(root, 'tool-cache');
  const run = (inputs: Record<string, string>, workspace?: string) =>
    runAction(inputs, { toolCache, actionPath, tarball, ...(workspace ? { workspace } : {}) });
  let first: ActionRun;

  beforeAll(() => {
    tarball = packRelease(join(root, 'pack'));
    actionPath = actionCheckout();
    first = run({ dir: staging, environment: 'staging' });
  }, 400_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }), 120_000);

  it('installs the release with npm (no build), fails the job on the staging fixture and reports it', () => {
    expect(first.log).toContain(`npm install ${tarball}`);
    expect(existsSync(join(actionPath, 'node_modules'))).toBe(false);
    expect(first.code, first.log).toBe(1);
    expect(first.outputs).toEqual({
      'exit-code': '1',
      gate: 'failed',
      'report-dir': 'coditect-audit-report',
      'sarif-file': 'coditect-audit-report/coditect-audit.sarif',
      'sarif-category': 'coditect-audit/staging/',
      'markdown-file': 'coditect-audit-report/coditect-audit.md',
      'junit-file': 'coditect-audit-report/coditect-audit.junit.xml',
      'json-file': '',
      'html-file': '',
    });
    const sarif = JSON.parse(readFileSync(join(first.workspace, first.outputs['sarif-file']!), 'utf8')) as {
      version: string;
      runs: { automationDetails: { id: string }; results: unknown[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.automationDetails.id).toBe('coditect-audit/staging/');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    // The job summary is exactly the Markdown report, under GitHub's 1 MiB limit.
    const markdown = readFileSync(join(first.workspace, first.outputs['markdown-file']!), 'utf8');
    expect(first.summary).toBe(markdown);
    expect(first.summary).toMatch(/^# coditect-audit report: staging/);
    expect(Buffer.byteLength(first.summary)).toBeLessThan(1024 * 1024);
    expect(first.log).toContain('gate FAILED (fail-on P0)');
    expect(first.log).toMatch(/^::error title=coditect-audit::gate failed/m);
  });

  it('uploads the SARIF report under its category even though the gate failed, and caches the install', () => {
    const upload = first.used.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with).toEqual({
      sarif_file: 'coditect-audit-report/coditect-audit.sarif',
      category: 'coditect-audit/staging/',
    });
    const cache = first.used.find((u) => u.uses.startsWith('actions/cache@'));
    expect(cache?.with.path).toMatch(new RegExp(`^${toolCache}/coditect-audit/\\d+\\.\\d+\\.\\d+-[0-9a-f]{16}$`));
    expect(cache?.with.key).toMatch(/^coditect-audit-\d+\.\d+\.\d+-[0-9a-f]{16}-Linux-node\d+$/);
  });

  it('reuses the install on the next run (what the cache step restores), and passes the remediated fixture', () => {
    const r = run({ dir: remediated, environment: 'staging', formats: 'json,html', 'output-dir': 'out/reports' });
    expect(r.log).toContain('coditect-audit restored from the cache');
    expect(r.log).not.toContain('npm install');
    expect(r.code, r.log).toBe(0);
    expect(r.outputs).toMatchObject({
      'exit-code': '0',
      gate: 'passed',
      'sarif-file': 'out/reports/coditect-audit.sarif',
      'json-file': 'out/reports/coditect-audit.json',
      'html-file': 'out/reports/coditect-audit.html',
      'junit-file': '',
    });
    expect(r.summary).toContain('Gate passed');
    expect(r.log).toContain('--format json,html,markdown,sarif');
    expect(r.log).not.toContain('::error');
  });

  it('passes layers, fail-on and a category through, and leaves the upload out when asked', () => {
    const r = run({
      dir: staging,
      environment: 'staging',
      layers: 'files',
      'fail-on': 'none',
      'sarif-category': 'audit/files',
      'upload-sarif': 'false',
    });
    expect(r.code, r.log).toBe(0);
    expect(r.log).toContain('--layers files');
    expect(r.outputs['sarif-category']).toBe('audit/files');
    expect(r.used.map((u) => u.uses.split('@')[0])).toEqual(['actions/cache']);
  });

  it('reports a configuration error (exit 3) in the summary, never a stale report, and uploads nothing', () => {
    const r = run({ dir: staging, environment: 'no-such-env' }, first.workspace);
    expect(r.code).toBe(3);
    expect(r.outputs.gate).toBe('error');
    expect(r.outputs['sarif-file']).toBe('');
    expect(existsSync(join(r.workspace, 'coditect-audit-report/coditect-audit.sarif'))).toBe(false);
    expect(r.summary).toMatch(/^## coditect-audit could not run \(exit 3\)/);
    expect(r.summary).toContain('no-such-env');
    expect(r.used.some((u) => u.uses.startsWith('github/codeql-action/'))).toBe(false);
  });

  it('refuses a version that is not a release version before installing anything', () => {
    const r = run({ version: 'latest; rm -rf /' });
    expect(r.code).toBe(3);
    expect(r.log).toContain('input version must be a release version such as 1.2.3');
    expect(r.ran).toEqual(['release']);
  });
});

/** The scan script alone, with a stand-in scanner that records what it was given (no release needed). */
function runScript(inputs: Record<string, string>, fakeBody: string) {
  const workspace = tempDir('coditect-audit-action-');
  const fake = join(workspace, 'fake-bin.mjs');
  writeFileSync(fake, fakeBody);
  const summaryFile = join(workspace, '.summary.md');
  const outputFile = join(workspace, '.output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_')) env[k] = v;
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const r = spawnSync('bash', [join(repoRoot, 'scripts/action/run.sh')], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...env, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, CODITECT_AUDIT_BIN: fake },
  });
  return { code: r.status ?? -1, stdout: r.stdout, summary: readFileSync(summaryFile, 'utf8'), workspace };
}

const RECORD_ARGS = [
  "import { mkdirSync, writeFileSync } from 'node:fs';",
  "const dir = process.argv[process.argv.indexOf('--output-dir') + 1];",
  'mkdirSync(dir, { recursive: true });',
  "writeFileSync(dir + '/coditect-audit.md', JSON.stringify(process.argv.slice(2)));",
].join('\n');

describe('the action scan script', () => {
  it('passes --trust-repo-config only when trust-repo-config is true', () => {
    const trusted = runScript({ 'trust-repo-config': 'true' }, RECORD_ARGS);
    expect(JSON.parse(trusted.summary)).toContain('--trust-repo-config');
    const untrusted = runScript({}, RECORD_ARGS);
    expect(JSON.parse(untrusted.summary)).not.toContain('--trust-repo-config');
  });

  it('passes allow-incomplete, strict and sarif-include-suppressed to the scanner', () => {
    const r = runScript(
      { 'allow-incomplete': 'true', strict: 'true', 'sarif-include-suppressed': 'true' },
      RECORD_ARGS,
    );
    expect(JSON.parse(r.summary)).toEqual(
      expect.arrayContaining(['--allow-incomplete', '--strict', '--sarif-include-suppressed']),
    );
  });

  it('refuses a boolean input that is not true or false', () => {
    const r = runScript({ 'trust-repo-config': 'yes' }, RECORD_ARGS);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('input trust-repo-config must be true or false, not "yes"');
  });

  it('keeps the job summary under 1 MiB even if a report were larger', () => {
    const r = runScript(
      {},
      [
        "import { mkdirSync, writeFileSync } from 'node:fs';",
        "const dir = process.argv[process.argv.indexOf('--output-dir') + 1];",
        'mkdirSync(dir, { recursive: true });',
        "writeFileSync(dir + '/coditect-audit.md', 'x'.repeat(2 * 1024 * 1024));",
        "writeFileSync(dir + '/coditect-audit.sarif', '{}');",
        'process.exitCode = 1;',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024);
    expect(r.summary).toContain('over the 1 MiB job summary limit');
  });

  it('says so when the scanner is not installed (exit 4)', () => {
    const r = spawnSync('bash', [join(repoRoot, 'scripts/action/run.sh')], {
      cwd: tempDir(),
      encoding: 'utf8',
      env: { ...process.env, CODITECT_AUDIT_BIN: '/nonexistent/bin.js', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' },
    });
    expect(r.status).toBe(4);
    expect(r.stdout).toContain("the action's install step must run first");
  });
});

describe('action.yml', () => {
  const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

  it('is a composite action that installs a release and never sets up Node.js or builds', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));
    expect(uses).toEqual(['actions/cache', 'github/codeql-action/upload-sarif']);
    const scripts = action.runs.steps.flatMap((s) => [...(s.run ?? '').matchAll(/\$GITHUB_ACTION_PATH\/(\S+?)"/g)]);
    expect(scripts.map((m) => m[1])).toEqual([
      'scripts/action/setup.sh',
      'scripts/action/install.sh',
      'scripts/action/run.sh',
    ]);
    for (const m of scripts) {
      const text = readFileSync(join(repoRoot, m[1]!), 'utf8');
      expect(text, m[1]).not.toMatch(/pnpm|tsc|setup-node|npm run build/);
    }
    for (const s of action.runs.steps.filter((x) => x.run)) expect(s.shell).toBe('bash');
  });

  it('pins every action it uses to a full commit SHA', () => {
    for (const s of action.runs.steps.filter((x) => x.uses)) expect(s.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  it('has the inputs of issue 17, trust off by default', () => {
    for (const name of ['environment', 'layers', 'fail-on', 'formats', 'trust-repo-config'])
      expect(action.inputs[name], name).toBeDefined();
    expect(action.inputs['trust-repo-config']!.default).toBe('false');
    expect(action.inputs['node-version']).toBeUndefined();
  });

  it('hands every scan input to the scan script through the environment, never inlined into the script', () => {
    const scanInputs = Object.keys(action.inputs).filter((n) => !['version', 'upload-sarif'].includes(n));
    expect(
      Object.keys(scanStep.env ?? {})
        .filter((k) => k.startsWith('INPUT_'))
        .sort(),
    ).toEqual(scanInputs.map((n) => `INPUT_${n.toUpperCase().replace(/-/g, '_')}`).sort());
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
