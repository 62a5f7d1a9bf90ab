/**
 * The commands end to end, in-process (`runInProcess`): the ADR-001 fixtures, exit codes, malformed files,
 * bad config, plugins, snapshots and baselines. Through the built binary: `--version`'s fast path and lazy
 * loading (which modules the binary imports).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ScanResult } from '@coditect-audit/core';
import { startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, type Run, repoRoot, runCli, runInProcess, tempDir } from './support/cli.js';
import { runCliAsync } from './support/environment.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');
/** The module files a scan of an empty directory may load (bin.js, the chunks of the CLI, core, the rules, the
 * files collector and the console report): a file more is something an empty scan did not need. */
const MAX_EMPTY_SCAN_FILES = 19;
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');

async function scanJson(dir: string, extra: string[] = []): Promise<{ run: Run; result: ScanResult }> {
  const out = tempDir();
  const run = await runInProcess(['scan', '--dir', dir, '--format', 'json', '--output-dir', out, ...extra]);
  const file = join(out, 'coditect-audit.json');
  if (!existsSync(file)) throw new Error(`no JSON report (exit ${run.code}): ${run.stderr}`);
  return { run, result: JSON.parse(readFileSync(file, 'utf8')) as ScanResult };
}

const failingConcerns = (r: ScanResult, priority?: string) =>
  new Set(
    r.verdicts
      .filter((v) => v.status === 'fail' && !v.suppression && (!priority || v.priority === priority))
      .flatMap((v) => v.concerns),
  );

describe('the ADR-001 staging repository', () => {
  let scanned: Awaited<ReturnType<typeof scanJson>>;
  beforeAll(async () => {
    scanned = await scanJson(staging, ['--env', 'staging']);
  });

  it('fails the P0 gate (exit 1)', async () => {
    expect(scanned.run.code).toBe(1);
    expect(scanned.result.gate.status).toBe('failed');
  });

  it("reports the ADR's blockers as P0 findings", async () => {
    const p0 = failingConcerns(scanned.result, 'P0');
    for (const key of ['container.unreadable-dependencies', 'k8s.placeholder-secret', 'db.superuser-app-user'])
      expect(p0).toContain(key);
  });

  it('fails exactly the files-layer concerns its EXPECTED file lists, and passes the others it lists', async () => {
    const expected = JSON.parse(readFileSync(join(staging, 'expected-files-layer.json'), 'utf8')) as {
      fail: string[];
      pass: string[];
    };
    const failing = failingConcerns(scanned.result);
    for (const key of expected.fail) expect(failing, `expected ${key} to fail`).toContain(key);
    for (const key of expected.pass) expect(failing, `expected ${key} to pass`).not.toContain(key);
  });

  it('locates the /root/.local blocker at the COPY line of the Dockerfile', async () => {
    const v = scanned.result.verdicts.find(
      (x) => x.ruleId === 'container.unreadable-dependencies' && x.source === 'dockerfile' && x.status === 'fail',
    );
    const dockerfile = readFileSync(join(staging, 'Dockerfile'), 'utf8').split('\n');
    expect(v?.location?.file).toBe('Dockerfile');
    expect(dockerfile[v!.location!.startLine - 1]).toMatch(
      /COPY --from=builder \/root\/.local|ENV PATH=\/root\/.local/,
    );
  });

  it('never leaks a Secret value into any report', async () => {
    // Plant unique canaries as the values of the fixture's Secret, then grep every report for them.
    const dir = tempDir();
    cpSync(staging, dir, { recursive: true });
    const canaries: string[] = [];
    const secrets = readFileSync(join(dir, 'k8s/secrets.yaml'), 'utf8').replace(
      /^(\s+(?:db-password|django-secret-key|db-host)):\s*.*$/gm,
      (_m, key: string) => {
        const canary = `canary-${canaries.length}-7f3a9c2e5b1d`;
        canaries.push(canary);
        return `${key}: "${canary}"`;
      },
    );
    expect(canaries.length).toBe(3);
    writeFileSync(join(dir, 'k8s/secrets.yaml'), secrets);
    const out = tempDir();
    const run = await runInProcess([
      'scan',
      '--dir',
      dir,
      '--env',
      'staging',
      '--format',
      'console,sarif,junit,markdown,json',
      '--output-dir',
      out,
    ]);
    const snap = join(out, 'snapshot.json');
    await runInProcess(['collect', '--dir', dir, '--env', 'staging', '-o', snap]);
    const outputs = [
      run.stdout,
      run.stderr,
      ...[
        'coditect-audit.sarif',
        'coditect-audit.junit.xml',
        'coditect-audit.md',
        'coditect-audit.json',
        'snapshot.json',
      ].map((f) => readFileSync(join(out, f), 'utf8')),
    ];
    for (const text of outputs) for (const canary of canaries) expect(text).not.toContain(canary);
  });
});

describe('the remediated repository', () => {
  it('passes the gate (exit 0) with no failing files-layer concern', async () => {
    const { run, result } = await scanJson(remediated, ['--env', 'staging']);
    const failing = result.verdicts
      .filter((v) => v.status === 'fail' || v.status === 'error')
      .map((v) => `${v.ruleId} ${v.message}`);
    expect(failing).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('malformed files', () => {
  function withBrokenFiles(base: string): string {
    const dir = tempDir();
    cpSync(base, dir, { recursive: true });
    writeFileSync(
      join(dir, 'k8s/broken.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [unclosed\n',
    );
    writeFileSync(join(dir, 'Dockerfile.broken'), 'FROM python:3.12\nFORM oops\nUSER app\n');
    writeFileSync(join(dir, 'opentofu/broken.tf'), 'resource "google_sql_database_instance" "x" {\n  name = "x"\n');
    return dir;
  }

  it('give error verdicts naming file and line, and every other file is still scanned', async () => {
    const { result } = await scanJson(withBrokenFiles(staging), ['--env', 'staging']);
    const errors = result.verdicts.filter((v) => v.status === 'error');
    const files = new Set(errors.map((v) => v.location?.file));
    expect(files).toContain('k8s/broken.yaml');
    expect(files).toContain('Dockerfile.broken');
    expect(files).toContain('opentofu/broken.tf');
    expect(errors.find((v) => v.location?.file === 'Dockerfile.broken')?.location?.startLine).toBe(2);
    expect(errors.every((v) => v.location && v.location.startLine >= 1 && v.message.includes(v.location.file))).toBe(
      true,
    );
    // The rest of the scan went on: the staging findings are all still there.
    expect(failingConcerns(result, 'P0')).toContain('container.unreadable-dependencies');
  });

  it('make an otherwise clean scan incomplete (exit 2) unless --allow-incomplete', async () => {
    const dir = withBrokenFiles(remediated);
    expect((await scanJson(dir, ['--env', 'staging'])).run.code).toBe(2);
    expect((await scanJson(dir, ['--env', 'staging', '--allow-incomplete'])).run.code).toBe(0);
  });
});

describe('configuration and usage errors exit 3 and say where', () => {
  it('a bad config value names the config path', async () => {
    const dir = tempDir();
    cpSync(remediated, dir, { recursive: true });
    const cfg = join(dir, 'coditect-audit.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/failOn: P0/, 'failOn: P7'));
    const run = await runInProcess(['scan', '--dir', dir, '--env', 'staging']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/coditect-audit\.yaml:\d+: environments\.staging\.failOn/);
  });

  it('an unknown environment lists the known ones', async () => {
    const run = await runInProcess(['scan', '--dir', staging, '--env', 'qa']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('staging');
  });

  it('an unknown option or format is a usage error', async () => {
    expect((await runInProcess(['scan', '--dir', staging, '--frobnicate'])).code).toBe(3);
    expect((await runInProcess(['scan', '--dir', staging, '--format', 'pdf'])).code).toBe(3);
  });
});

describe('without a config file', () => {
  it('scans the files alone with the ADR defaults', async () => {
    const dir = tempDir();
    cpSync(staging, dir, { recursive: true });
    rmSync(join(dir, 'coditect-audit.yaml'));
    const { run, result } = await scanJson(dir);
    expect(result.environment.name).toBe('default');
    expect(run.code).toBe(1);
    expect(failingConcerns(result, 'P0')).toContain('container.unreadable-dependencies');
  });
});

describe('plugins', () => {
  it('a rule pack named in plugins: runs and reports like built-in rules', async () => {
    const dir = tempDir();
    cpSync(remediated, dir, { recursive: true });
    const plugin = join(repoRoot, 'fixtures/plugins/acme-rules/index.mjs');
    const cfg = join(dir, 'coditect-audit.yaml');
    writeFileSync(
      cfg,
      readFileSync(cfg, 'utf8').replace(/^version: 1$/m, `version: 1\nplugins:\n  - ${JSON.stringify(plugin)}`),
    );
    // A second image without a HEALTHCHECK: the pack's rule fails on it, no built-in rule does.
    mkdirSync(join(dir, 'tools'), { recursive: true });
    writeFileSync(join(dir, 'tools/Dockerfile'), 'FROM python:3.12-slim\nRUN useradd -u 1001 app\nUSER app\n');
    const out = tempDir();
    const run = await runInProcess([
      'scan',
      '--dir',
      dir,
      '--env',
      'staging',
      '--format',
      'json,sarif,junit,markdown',
      '--output-dir',
      out,
      '--trust-repo-config',
    ]);
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    const v = result.verdicts.find(
      (x) => x.ruleId === 'acme-dockerfile-healthcheck' && x.resource.file === 'tools/Dockerfile',
    );
    expect(v?.status).toBe('fail');
    expect(v?.priority).toBe('P1');
    expect(run.code).toBe(0); // P1 does not gate at fail-on P0
    for (const f of ['coditect-audit.sarif', 'coditect-audit.junit.xml', 'coditect-audit.md'])
      expect(readFileSync(join(out, f), 'utf8')).toContain('acme-dockerfile-healthcheck');
    expect(
      (await runInProcess(['scan', '--dir', dir, '--env', 'staging', '--fail-on', 'P1', '--trust-repo-config'])).code,
    ).toBe(1);
  });

  it('a rule pack installed as an npm package is loaded by its name', async () => {
    const dir = tempDir();
    cpSync(remediated, dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules/@acme'), { recursive: true });
    symlinkSync(join(repoRoot, 'fixtures/plugins/acme-rules'), join(dir, 'node_modules/@acme/coditect-rules'), 'dir');
    const cfg = join(dir, 'coditect-audit.yaml');
    writeFileSync(
      cfg,
      readFileSync(cfg, 'utf8').replace(/^version: 1$/m, 'version: 1\nplugins:\n  - "@acme/coditect-rules"'),
    );
    const { result } = await scanJson(dir, ['--env', 'staging', '--trust-repo-config']);
    expect(result.rules.map((r) => r.id)).toContain('acme-dockerfile-healthcheck');
    expect(result.rules.find((r) => r.id === 'acme-dockerfile-healthcheck')?.adrSection).toBe(
      'ACME ADR-003 Decision 2',
    );
  });

  it('a plugin that cannot be found is a configuration error naming it', async () => {
    const dir = tempDir();
    cpSync(remediated, dir, { recursive: true });
    const cfg = join(dir, 'coditect-audit.yaml');
    writeFileSync(
      cfg,
      readFileSync(cfg, 'utf8').replace(/^version: 1$/m, 'version: 1\nplugins:\n  - "@acme/not-installed"'),
    );
    const run = await runInProcess(['scan', '--dir', dir, '--env', 'staging', '--trust-repo-config']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('plugins[0] "@acme/not-installed"');
  });

  it('a plugin whose rule clashes with a built-in id is a configuration error', async () => {
    const dir = tempDir();
    cpSync(remediated, dir, { recursive: true });
    writeFileSync(
      join(dir, 'clash.mjs'),
      readFileSync(join(repoRoot, 'fixtures/plugins/acme-rules/index.mjs'), 'utf8').replace(
        "'acme-dockerfile-healthcheck'",
        "'dockerfile-unreadable-dependencies'",
      ),
    );
    const cfg = join(dir, 'coditect-audit.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/^version: 1$/m, 'version: 1\nplugins:\n  - ./clash.mjs'));
    const run = await runInProcess(['scan', '--dir', dir, '--env', 'staging', '--trust-repo-config']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('dockerfile-unreadable-dependencies');
  });
});

describe('snapshots and baselines', () => {
  it('collect then scan --snapshot gives the same verdicts', async () => {
    const dir = tempDir();
    const snap = join(dir, 'snapshot.json');
    expect((await runInProcess(['collect', '--dir', staging, '--env', 'staging', '-o', snap])).code).toBe(0);
    const live = (await scanJson(staging, ['--env', 'staging'])).result;
    const replay = (await scanJson(staging, ['--env', 'staging', '--snapshot', snap])).result;
    expect(replay.verdicts).toEqual(live.verdicts);
  });

  it('a snapshot that is not one is refused with exit 3', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.json'), '{"schemaVersion": 9}');
    const run = await runInProcess(['scan', '--dir', staging, '--env', 'staging', '--snapshot', join(dir, 's.json')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('not a coditect-audit snapshot');
  });

  it("a baseline accepts today's findings; only new ones gate", async () => {
    const dir = tempDir();
    const base = join(dir, 'baseline.json');
    expect((await runInProcess(['scan', '--dir', staging, '--env', 'staging', '--write-baseline', base])).code).toBe(1);
    const { run, result } = await scanJson(staging, ['--env', 'staging', '--baseline', base]);
    expect(run.code).toBe(0);
    expect(result.verdicts.filter((v) => v.status === 'fail').every((v) => v.baselineState === 'unchanged')).toBe(true);
  });
});

describe('commands', () => {
  it('rules lists every built-in rule; explain shows one page', async () => {
    const list = await runInProcess(['rules', '--format', 'json']);
    expect(list.code).toBe(0);
    const rules = JSON.parse(list.stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain('container.unreadable-dependencies');
    // An alias (the per-layer rule the source continues) finds the rule's page too.
    const page = await runInProcess(['explain', 'dockerfile-unreadable-dependencies']);
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('/home/django/.local');
    expect((await runInProcess(['explain', 'no-such-rule'])).code).toBe(3);
  });

  it('the binary lists the rules from its build-time table, as the rules themselves give them (issue 19)', async () => {
    // In process `rules` computes the table from the rules; the bundle prints the one it computed at build time.
    const computed = await runInProcess(['rules']);
    const built = runCli(['rules']);
    expect(built.code).toBe(0);
    expect(computed.stdout).toContain('container.unreadable-dependencies');
    expect(built.stdout).toBe(computed.stdout);
  });

  it('--version prints the version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('lazy loading', () => {
  /** The packages (and unbundled module files) one run of the binary loads, and its exit code. */
  function loadedBy(args: string[]): { code: number | null; loaded: string[] } {
    const trace = join(tempDir(), 'modules.txt');
    writeFileSync(trace, '');
    const run = runCli(args, {
      nodeArgs: ['--import', join(repoRoot, 'test/support/trace-imports.mjs')],
      env: { TRACE_FILE: trace },
    });
    // The binary is a bundle (scripts/bundle.mjs): its record names the packages each of its files holds.
    const bundle = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/dist/.bundle.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const dist = pathToFileURL(join(repoRoot, 'packages/cli/dist')).href;
    const loaded = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((m) => (m.startsWith(`${dist}/`) ? (bundle[m.slice(dist.length + 1)] ?? [m]) : [m]));
    return { code: run.code, loaded };
  }

  it('a files-only scan loads no Google Cloud, Kubernetes, PostgreSQL or Redis client', () => {
    const { code, loaded } = loadedBy(['scan', '--dir', staging, '--env', 'staging']);
    expect(code).toBe(1);
    expect(loaded).toContain('packages/collectors'); // the trace works
    // Its configuration, manifests and excludes load the YAML parser and picomatch, each when first used (the
    // bundle's `*.cjs` beside the chunks, traced by path). The configuration is validated by its build-time
    // validator, found without building its schema: TypeBox is not loaded at all.
    for (const dependency of ['yaml', 'picomatch'])
      expect(
        loaded.some((m) => m.endsWith(`/${dependency}.cjs`)),
        dependency,
      ).toBe(true);
    expect(loaded.filter((m) => m.endsWith('/typebox.cjs'))).toEqual([]);
    const heavy = loaded.filter((m) =>
      /@google-cloud|google-gax|google-auth-library|@grpc|@kubernetes|(^|node_modules\/)(pg|ioredis|redis)(\/|$)/.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
  });

  /** The module files (bundle chunks and unbundled files) one run loads. */
  function filesLoadedBy(args: string[], cwd?: string): { code: number | null; files: string[] } {
    const trace = join(tempDir(), 'modules.txt');
    writeFileSync(trace, '');
    const run = runCli(args, {
      nodeArgs: ['--import', join(repoRoot, 'test/support/trace-imports.mjs')],
      env: { TRACE_FILE: trace },
      ...(cwd ? { cwd } : {}),
    });
    const support = pathToFileURL(join(repoRoot, 'test/support')).href;
    // ES modules are traced by URL, CommonJS ones by path: one file either way.
    const files = readFileSync(trace, 'utf8')
      .split('\n')
      .filter((m) => m.startsWith('file:') || m.startsWith('/'))
      .map((m) => (m.startsWith('/') ? pathToFileURL(m).href : m))
      .filter((url) => !url.startsWith(support));
    return { code: run.code, files: [...new Set(files)] };
  }

  it('reads an API server that compresses its answers (the bundle loads zlib only when one needs it)', async () => {
    const k8s = await startK8sEmulator({ dataDir: join(staging, 'k8s/api') });
    // In front of the emulator, gzip every answer to a client that accepts it, as API servers do large ones.
    let compressed = 0;
    const gzipping = createHttpServer((req, res) => {
      const upstream = httpRequest(new URL(req.url ?? '/', k8s.url), { headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          delete headers['content-length'];
          if (/\bgzip\b/.test(String(req.headers['accept-encoding']))) {
            compressed++;
            res.writeHead(answer.statusCode ?? 500, { ...headers, 'content-encoding': 'gzip' });
            res.end(gzipSync(body));
          } else {
            res.writeHead(answer.statusCode ?? 500, headers);
            res.end(body);
          }
        });
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => gzipping.listen(0, '127.0.0.1', r));
    const port = (gzipping.address() as { port: number }).port;
    const scan = async (url: string) => {
      const kubeconfig = writeKubeconfig(join(tempDir(), 'kubeconfig'), [
        { context: 'adr-001-staging', url, namespace: 'coditect-staging' },
      ]);
      const out = tempDir();
      const run = await runCliAsync(
        [
          'scan',
          '--dir',
          staging,
          '--env',
          'staging',
          '--layers',
          'k8s',
          '--format',
          'json',
          '--output-dir',
          out,
          '-q',
        ],
        { env: { KUBECONFIG: kubeconfig } },
      );
      const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
      return { run, result, verdicts: result.verdicts.map((v) => `${v.ruleId} ${v.resource.id} ${v.status}`).sort() };
    };
    try {
      const plain = await scan(k8s.url);
      const gzipped = await scan(`http://127.0.0.1:${port}`);
      expect(compressed).toBeGreaterThan(0);
      expect(gzipped.result.layers.k8s, gzipped.run.stderr).toEqual({ status: 'collected' });
      expect(gzipped.run.code).toBe(plain.run.code);
      expect(gzipped.verdicts).toEqual(plain.verdicts);
    } finally {
      await new Promise((r) => gzipping.close(r));
      await k8s.stop();
    }
  });

  it('a user of the legacy gcp auth provider gets its token from its command (the bundle loads jsonpath-plus only then)', async () => {
    // A server that records each request's credentials and refuses them: the scan ends at /api (exit 2).
    const seen: string[] = [];
    const server = createHttpServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Unauthorized","code":401}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const dir = tempDir();
    const command = join(dir, 'token.mjs');
    writeFileSync(
      command,
      "process.stdout.write(JSON.stringify({ credential: { access_token: 'from-the-command', token_expiry: '2999-01-01T00:00:00Z' } }));\n",
    );
    const kubeconfigFor = (user: string) => {
      const file = join(tempDir(), 'kubeconfig.yaml');
      writeFileSync(
        file,
        [
          'apiVersion: v1',
          'kind: Config',
          `clusters: [{ name: c, cluster: { server: 'http://127.0.0.1:${port}', insecure-skip-tls-verify: true } }]`,
          `users: [{ name: u, user: ${user} }]`,
          'contexts: [{ name: c, context: { cluster: c, user: u } }]',
          'current-context: c',
          '',
        ].join('\n'),
      );
      return file;
    };
    const gcpUser = `{ auth-provider: { name: gcp, config: { cmd-path: ${JSON.stringify(process.execPath)}, cmd-args: ${JSON.stringify(command)}, token-key: '{.credential.access_token}', expiry-key: '{.credential.token_expiry}' } } }`;
    const repo = tempDir();
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  s:\n    layers:\n      files: false\n      k8s: { retries: 0 }\n',
    );
    // Which files the scan loads: the trace hook, preloaded through NODE_OPTIONS (the run is asynchronous: this
    // process answers it).
    const scan = async (kubeconfig: string) => {
      const trace = join(tempDir(), 'modules.txt');
      writeFileSync(trace, '');
      const run = await runCliAsync(
        ['scan', '--dir', repo, '--env', 's', '--format', 'json', '--output-dir', tempDir(), '-q'],
        {
          env: {
            KUBECONFIG: kubeconfig,
            NODE_OPTIONS: `--import ${join(repoRoot, 'test/support/trace-imports.mjs')}`,
            TRACE_FILE: trace,
          },
        },
      );
      return { run, loaded: readFileSync(trace, 'utf8').split('\n') };
    };
    try {
      const gcp = await scan(kubeconfigFor(gcpUser));
      expect(gcp.run.code, gcp.run.stderr).toBe(2);
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set(['Bearer from-the-command']));
      expect(gcp.loaded.some((m) => m.endsWith('/jsonpath-plus.cjs'))).toBe(true);
      expect(gcp.loaded.filter((m) => m.endsWith('/openid-client.cjs'))).toEqual([]);
      seen.length = 0;
      const token = await scan(kubeconfigFor('{ token: not-a-secret }'));
      expect(token.run.code, token.run.stderr).toBe(2);
      expect(new Set(seen)).toEqual(new Set(['Bearer not-a-secret']));
      expect(token.loaded.some((m) => m.includes('/packages/cli/dist/'))).toBe(true); // the trace works
      expect(token.loaded.filter((m) => /\/(jsonpath-plus|openid-client)\.cjs$/.test(m))).toEqual([]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a cluster behind a SOCKS proxy is reached through it (the bundle loads the proxy agent only then)', async () => {
    // A port nothing listens on: the proxy's refusal names it, so the request went to the proxy, not the server.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const proxyPort = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const repo = tempDir();
    const kubeconfig = join(tempDir(), 'kubeconfig.yaml');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `  - { name: c, cluster: { server: 'https://127.0.0.1:6443', proxy-url: 'socks5://127.0.0.1:${proxyPort}' } }`,
        '  - { name: unused, cluster: { server: "https://127.0.0.1:6444" } }',
        'users: [{ name: u, user: { token: not-a-secret } }]',
        'contexts: [{ name: c, context: { cluster: c, user: u } }]',
        'current-context: c',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  s:\n    layers:\n      files: false\n      k8s: { retries: 0 }\n',
    );
    const out = tempDir();
    const run = runCli(['scan', '--dir', repo, '--env', 's', '--format', 'json', '--output-dir', out, '-q'], {
      env: { KUBECONFIG: kubeconfig },
    });
    // 2: a layer could not be read (nothing failed, but the scan is incomplete).
    expect(run.code, run.stderr).toBe(2);
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    expect(result.layers.k8s).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining(`connect ECONNREFUSED 127.0.0.1:${proxyPort}`),
    });
  });

  it('the rule ids a configuration names are checked before any request, by the bundle as by the sources', async () => {
    // An API server that only counts connections: a scan that started collecting opened one.
    let connections = 0;
    const sockets: import('node:net').Socket[] = [];
    const api = createServer((socket) => {
      connections++;
      sockets.push(socket);
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    try {
      const port = (api.address() as { port: number }).port;
      const repo = tempDir();
      const kubeconfig = join(tempDir(), 'kubeconfig.yaml');
      writeFileSync(
        kubeconfig,
        [
          'apiVersion: v1',
          'kind: Config',
          `clusters: [{ name: c, cluster: { server: 'http://127.0.0.1:${port}', insecure-skip-tls-verify: true } }]`,
          'users: [{ name: u, user: { token: not-a-secret } }]',
          'contexts: [{ name: c, context: { cluster: c, user: u } }]',
          'current-context: c',
          '',
        ].join('\n'),
      );
      const configWith = (rules: string) =>
        writeFileSync(
          join(repo, 'coditect-audit.yaml'),
          `version: 1\nenvironments:\n  s:\n    layers:\n      files: false\n      k8s: { retries: 0, timeoutMs: 1000 }\n    rules: { ${rules} }\n`,
        );
      const args = ['scan', '--dir', repo, '--env', 's', '--format', 'json', '--output-dir', tempDir(), '-q'];
      const env = { KUBECONFIG: kubeconfig };
      // The binary spawned asynchronously: this process must go on accepting the connections it counts.
      const binary = () =>
        new Promise<Run>((resolve) => {
          execFile(
            process.execPath,
            [bin, ...args],
            { env: { ...process.env, NO_COLOR: '1', ...env } },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
          );
        });
      const runs = { binary, 'in-process': () => runInProcess(args, { env }) };
      for (const [how, run] of Object.entries(runs)) {
        configWith("'no.such-rule': 'off'");
        const refused = await run();
        expect(refused.code, how).toBe(3);
        expect(refused.stderr, how).toContain(
          'coditect-audit.yaml: environments.s.rules.no.such-rule: no rule has this id (see `coditect-audit rules`)',
        );
        expect(connections, how).toBe(0);
        // An alias of a built-in rule is a rule's id: the scan goes on and reads the cluster (which never answers).
        configWith("'tf-redis-persistence': 'off'");
        const accepted = await run();
        expect(accepted.code, `${how}: ${accepted.stderr}`).toBe(2);
        expect(connections, how).toBeGreaterThan(0);
        connections = 0;
      }
    } finally {
      for (const socket of sockets) socket.destroy();
      api.close();
    }
  });

  it('rules loads the CLI alone: no rule, core, schema or YAML parser (issue 19)', () => {
    const { code, loaded } = loadedBy(['rules']);
    expect(code).toBe(0);
    expect(loaded).toContain('yargs'); // the trace works
    const heavy = loaded.filter((m) =>
      /@sinclair\/typebox|(^|\/)(yaml|ajv|ajv-formats)(\/|$)|packages\/(rules|collectors|reporters)/.test(m),
    );
    expect(heavy).toEqual([]);
    // The very module files `--help` loads (bin.js, the CLI's chunk, yargs's, core's basics): 7 today.
    const files = filesLoadedBy(['rules']).files.sort();
    expect(files).toEqual(filesLoadedBy(['--help']).files.sort());
    expect(files.length).toBeLessThanOrEqual(7);
  });

  it('a scan of an empty directory loads only what judging files needs (issue 19)', () => {
    const empty = tempDir();
    const { code, files } = filesLoadedBy(['scan', '--dir', empty, '-q'], empty);
    expect(code).toBe(0);
    expect(files.length).toBeGreaterThan(6); // the trace works
    // No ajv (no configuration, baseline or snapshot to validate), no Dockerfile parser (no Dockerfile).
    expect(files.filter((f) => /node_modules\/.*(ajv|fast-deep-equal|dockerfile-ast)/.test(f))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(MAX_EMPTY_SCAN_FILES);
    // Nor the parsers of the other kinds of file or the steps across files (collectors/src/files/parse-others.ts):
    // there is no file. (esbuild heads each module of a chunk with a comment naming it.)
    const chunkCode = files
      .filter((f) => f.startsWith(pathToFileURL(join(repoRoot, 'packages/cli/dist')).href))
      .map((f) => readFileSync(fileURLToPath(f), 'utf8'))
      .join('\n');
    expect(chunkCode).toContain('// packages/collectors/dist/files/collect.js'); // the comments are there
    for (const parser of [
      'hcl',
      'tf-eval',
      'dockerfile',
      'workflows',
      'tfstate',
      'markdown',
      'kustomize',
      'image-builds',
    ])
      expect(chunkCode).not.toContain(`// packages/collectors/dist/files/${parser}.js`);
    // Nor the built-ins only a scan with files needs (threads and the core count to parse large YAML, a child
    // process for git), nor Node's assert (yargs loads it only for a check that fails).
    const { loaded } = loadedBy(['scan', '--dir', empty, '-q']);
    expect(loaded).toContain('node:fs'); // the trace records built-ins
    expect(loaded.filter((m) => /^node:(worker_threads|child_process|os|assert)$/.test(m))).toEqual([]);
    // Nor the YAML parser, TypeBox, picomatch or the .gitignore matcher: nothing to parse, validate or match
    // (each loads on first use, scripts/bundle.mjs `onFirstUse`; core builds its schemas on first read).
    // (A chunk's record names the stand-ins `coditect-on-first-use:<package>`, the bundled packages by name.)
    expect(
      loaded.filter((m) =>
        /\/(yaml|typebox|picomatch|ignore)\.cjs$|^(yaml|picomatch|@sinclair\/typebox|ignore)$/.test(m),
      ),
    ).toEqual([]);
  });

  it('a repository with a .gitignore loads the matcher when it reads one, and it hides what it lists', () => {
    const repo = tempDir();
    mkdirSync(join(repo, 'k8s'));
    for (const name of ['kept', 'hidden'])
      writeFileSync(join(repo, `k8s/${name}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
    writeFileSync(join(repo, '.gitignore'), 'k8s/hidden.yaml\n');
    const out = tempDir();
    const { code, files } = filesLoadedBy(['scan', '--dir', repo, '--format', 'json', '--output-dir', out, '-q'], repo);
    expect(code).toBe(0);
    expect(files.some((f) => f.endsWith('/ignore.cjs'))).toBe(true);
    const result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
    expect(result.excluded).toEqual([
      { path: 'k8s/hidden.yaml', reason: 'ignore-file', detail: '.gitignore: k8s/hidden.yaml' },
    ]);
  });

  it("a scan with a configuration validates it with the bundle's build-time validator, not ajv's compiler", () => {
    const { code, files } = filesLoadedBy(['scan', '--dir', staging, '--env', 'staging', '-q']);
    expect(code).toBe(1);
    expect(files.some((f) => /packages\/cli\/dist\/chunk-config-/.test(f))).toBe(true);
    expect(files.filter((f) => /ajv\/dist\/(core|ajv|compile)/.test(f))).toEqual([]);
    // Its Dockerfiles are parsed by the installed parser, loaded for them.
    expect(files.some((f) => /node_modules\/.*dockerfile-ast\/lib\/parser\.js$/.test(f))).toBe(true);
  });

  it('--help builds no schema: no TypeBox, YAML parser, validator, rule or collector (issue 19)', () => {
    const { code, loaded } = loadedBy(['--help']);
    expect(code).toBe(0);
    expect(loaded).toContain('yargs'); // the trace works
    const heavy = loaded.filter((m) =>
      /@sinclair\/typebox|(^|\/)(yaml|ajv|ajv-formats)(\/|$)|packages\/(rules|collectors|reporters)/.test(m),
    );
    expect(heavy).toEqual([]);
  });
});
