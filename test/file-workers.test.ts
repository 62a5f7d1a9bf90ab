/**
 * Kubernetes YAML parsed in worker threads (packages/collectors/src/files/parse-pool.ts) gives the same
 * snapshot, byte for byte, as one thread reading every file: the built binary's `collect` with
 * CODITECT_AUDIT_FILE_WORKERS=0 and with two workers, over the fixture and over a tree of awkward files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FileQueue,
  fromTransfer,
  parseFile,
  parseToTransfer,
  received,
  resultOf,
} from '../packages/collectors/src/files/parse-pool.js';
import { parseKubernetes } from '../packages/collectors/src/files/kubernetes.js';
import { withParsedManifest } from '../packages/collectors/src/parsed.js';
import { redactTree } from '../packages/collectors/src/redact.js';
import { runCli, tempDir } from './support/cli.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'adr-001-staging');

/** What `collect` writes, without the time it was collected. */
function collect(dir: string, env: string, workers: string): string {
  const out = join(tempDir('file-workers-out-'), 'snapshot.json');
  const run = runCli(['collect', '--env', env, '--dir', dir, '--layers', 'files', '-q', '-o', out], {
    env: { CODITECT_AUDIT_FILE_WORKERS: workers },
  });
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out, 'utf8').replace(/"collectedAt":"[^"]*"/, '');
}

const deployment = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"secret":"x"}'
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example/app:${i}
          env:
            - name: DB_PASSWORD
              value: hunter${i}
            - name: URL
              value: postgres://user:pa55word@db:5432/app
`;

/** Files that exercise every path of the Kubernetes parse: errors, notices, redaction, lists, positions. */
function awkwardTree(): string {
  const dir = tempDir('file-workers-');
  const files: Record<string, string> = {
    'coditect-audit.yaml': 'version: 1\nenvironments:\n  test:\n    tier: staging\n    layers:\n      files: true\n',
    'k8s/secret.yaml':
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: aHVudGVyMg==\n  bad: "%%%"\nstringData:\n  token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
    'k8s/list.yaml': `apiVersion: v1\nkind: List\nitems:\n${deployment(1)
      .split('\n')
      .map((l, n) => (n === 0 ? `  - ${l}` : `    ${l}`))
      .join('\n')}\n`,
    'k8s/anchors.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: anchored}\ndata:\n  a: &v one\n  b: *v\n  api_key: x\n',
    'k8s/repeated.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\ndata:\n  a: 1\n  a: 2\n',
    'k8s/broken.yaml': `${deployment(2)}---\napiVersion: v1\nkind: [unclosed\n---\n${deployment(3)}`,
    'k8s/recorded.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rec, uid: "1", resourceVersion: "2"}\ndata: {}\n',
    'chart/templates/t.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n',
    'k8s/ignored.yaml': `# coditect-audit:ignore k8s-no-latest\n${deployment(4)}`,
    'k8s/deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\ndata: ${'['.repeat(300)}${']'.repeat(300)}\n`,
    'k8s/not-k8s.yaml': 'just: some\nyaml: file\n',
    'k8s/crlf.yaml': deployment(5).replaceAll('\n', '\r\n'),
    // The other kinds are parsed on the main thread while the workers parse: their order and problems too.
    Dockerfile: 'FROM node:20\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nRUN npm ci\n',
    'broken/Dockerfile': 'FROM\nRUN [unclosed\n',
    'infra/main.tf':
      'variable "db_password" {\n  default = "hunter22x"\n}\nresource "google_sql_database_instance" "db" {\n  name = "db"\n}\n',
    'infra/broken.tf': 'resource "google_sql_database_instance" {\n',
    'infra/prod.tfvars': 'region = "us-central1"\n',
    '.github/workflows/ci.yml':
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
    '.github/workflows/broken.yml': 'on: [push\njobs: {\n',
  };
  // Enough files for several batches, so that the workers and the main thread each parse some.
  for (let i = 0; i < 150; i++) files[`k8s/many/app-${i}.yaml`] = deployment(i);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('Kubernetes YAML parsed in worker threads', () => {
  it('a parse sent as plain data comes back as the same result, positions and errors included', () => {
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const direct = parseKubernetes('k8s/deployment.yaml', text);
    const revived = fromTransfer(structuredClone(parseToTransfer({ path: 'k8s/deployment.yaml', text })));
    expect(JSON.stringify(revived)).toBe(JSON.stringify(direct && { ...direct, finished: false }));
    const object = revived?.manifest.objects[0];
    expect(object?.positions['/spec/replicas']).toEqual(direct?.manifest.objects[0]?.positions['/spec/replicas']);
    expect(object?.positions['/spec/replicas']?.line).toBeGreaterThan(1);

    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [\n';
    const brokenRevived = fromTransfer(structuredClone(parseToTransfer({ path: 'b.yaml', text: broken })));
    expect(brokenRevived?.errors.map((e) => [e.name, e.message, e.line, e.column])).toEqual(
      parseKubernetes('b.yaml', broken)?.errors.map((e) => [e.name, e.message, e.line, e.column]),
    );
    expect(brokenRevived?.errors.length).toBeGreaterThan(0);
  });

  it('a finished parse is the manifest redacted and with its parsed parts, as the last steps make it', () => {
    const text = `${readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8')}\n---\n${deployment(7)}`;
    const plain = fromTransfer(structuredClone(parseToTransfer({ path: 'k8s/d.yaml', text })));
    const finished = fromTransfer(structuredClone(parseToTransfer({ path: 'k8s/d.yaml', text }, true)));
    expect(plain?.finished).toBe(false);
    expect(finished?.finished).toBe(true);
    const expected = plain && withParsedManifest(redactTree(plain.manifest));
    expect(JSON.stringify(finished?.manifest)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(finished?.manifest)).not.toContain('hunter7');
    expect(JSON.stringify(finished?.manifest)).not.toContain('pa55word');
    expect(finished?.manifest.objects.at(-1)?.images).toBeDefined();
    expect(finished?.manifest.objects.at(-1)?.connectionUrls).toBeDefined();
    // Positions are still the lazy record over the same offsets.
    expect(finished?.manifest.objects[0]?.positions['/spec/replicas']).toEqual(
      plain?.manifest.objects[0]?.positions['/spec/replicas'],
    );
  });

  it("the main thread's own parse is the worker's once received, and what either threw is thrown where it is used", () => {
    const text = `${readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8')}\n---\n${deployment(3)}`;
    for (const finish of [false, true]) {
      const here = resultOf(parseFile({ path: 'k8s/d.yaml', text }, finish));
      const there = resultOf(received(structuredClone(parseToTransfer({ path: 'k8s/d.yaml', text }, finish))));
      expect(JSON.stringify(here)).toBe(JSON.stringify(there));
      expect(here?.finished).toBe(finish);
      expect(here?.manifest.objects[0]?.positions['/spec/replicas']).toEqual(
        there?.manifest.objects[0]?.positions['/spec/replicas'],
      );
    }
    const thrown = { thrown: { message: 'parser bug', line: 2, column: 1 } };
    expect(received(thrown)).toBe(thrown);
    expect(() => resultOf(received(thrown))).toThrow(expect.objectContaining({ name: 'FileParseError', line: 2 }));
  });

  it('hands out every file once, in batches that shrink as the files run out', () => {
    for (const [files, threads] of [
      [750, 2],
      [100, 3],
      [5, 2],
      [1, 1],
      [0, 2],
    ] as const) {
      const queue = new FileQueue(files, threads);
      const given: number[] = [];
      const sizes: number[] = [];
      // Workers from the front, the main thread from the end, in turn.
      for (let turn = 0; ; turn++) {
        const batch = turn % 2 ? queue.fromEnd() : queue.fromFront();
        if (!batch) {
          expect(queue.fromFront()).toBeUndefined();
          expect(queue.fromEnd()).toBeUndefined();
          break;
        }
        given.push(...batch);
        sizes.push(batch.length);
      }
      expect([...given].sort((a, b) => a - b)).toEqual(Array.from({ length: files }, (_, i) => i));
      if (files === 0) continue;
      expect(Math.max(...sizes)).toBeLessThanOrEqual(32);
      // The last batches are small, so no thread is left waiting for another's large one.
      expect(sizes.at(-1)).toBeLessThanOrEqual(2);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual((sizes[i - 1] as number) + 1);
    }
  });

  it('a parse that throws is thrown again with the same message', () => {
    const thrown = { thrown: { message: 'parser bug' } } as const;
    expect(() => fromTransfer(thrown)).toThrow('parser bug');
    const located = { thrown: { message: 'inline suppression without reason', line: 3, column: 2 } } as const;
    expect(() => fromTransfer(located)).toThrow(expect.objectContaining({ name: 'FileParseError', line: 3 }));
  });

  it('workers parse files of the build, the same as the main thread does', async () => {
    // The packages' build: beside its parse-pool.js is the worker's module (the sources have none).
    const pool: typeof import('../packages/collectors/src/files/parse-pool.js') = await import(
      '../packages/collectors/dist/files/parse-pool.js' as string
    );
    expect(pool.workersAvailable()).toBe(true);
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const inputs = Array.from({ length: 300 }, (_, i) => ({ path: `k8s/d-${i}.yaml`, text }));
    const pooled = await pool.parseInWorkers(inputs, { workers: 2, mainThreadToo: false });
    expect(pooled?.parsedInWorkers).toBe(inputs.length);
    expect(pooled?.parses.map(pool.asTransfer)).toEqual(inputs.map((input) => pool.parseToTransfer(input)));
  });

  it("runs the main thread's other work exactly once, in order, with workers and without", async () => {
    const pool: typeof import('../packages/collectors/src/files/parse-pool.js') = await import(
      '../packages/collectors/dist/files/parse-pool.js' as string
    );
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const inputs = Array.from({ length: 200 }, (_, i) => ({ path: `k8s/d-${i}.yaml`, text }));
    for (const workers of [0, 1, 2]) {
      const done: number[] = [];
      const alongside = Array.from({ length: 37 }, (_, i) => () => {
        done.push(i);
      });
      const pooled = await pool.parseInWorkers(inputs, { workers, alongside });
      expect(done).toEqual(alongside.map((_, i) => i));
      if (workers === 0) expect(pooled).toBeUndefined();
      else expect(pooled?.parses.map(pool.asTransfer)).toEqual(inputs.map((input) => pool.parseToTransfer(input)));
    }
  });

  it('workers that crash or exit lose no file: the main thread parses what they did not', async () => {
    const pool: typeof import('../packages/collectors/src/files/parse-pool.js') = await import(
      '../packages/collectors/dist/files/parse-pool.js' as string
    );
    const dir = tempDir('file-workers-crash-');
    const crashing = join(dir, 'crash.mjs');
    // One throws on its first batch, the other answers with a wrong number of results.
    writeFileSync(
      crashing,
      "import { parentPort, threadId } from 'node:worker_threads';\nparentPort.on('message', () => { if (threadId % 2) throw new Error('worker crashed'); parentPort.postMessage([]); });\n",
    );
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const inputs = Array.from({ length: 100 }, (_, i) => ({
      path: `k8s/d-${i}.yaml`,
      text: i === 7 ? 'kind: [' : text,
    }));
    const pooled = await pool.parseInWorkers(inputs, {
      workers: 2,
      mainThreadToo: false,
      workerUrl: pathToFileURL(crashing),
    });
    expect(pooled?.parsedInWorkers).toBe(0);
    expect(pooled?.parses.map(pool.asTransfer)).toEqual(inputs.map((input) => pool.parseToTransfer(input)));
  });

  it('a worker that answers with something no parse makes loses no file either', async () => {
    const pool: typeof import('../packages/collectors/src/files/parse-pool.js') = await import(
      '../packages/collectors/dist/files/parse-pool.js' as string
    );
    const malformed = join(tempDir('file-workers-malformed-'), 'malformed.mjs');
    // As many answers as files, none of them a parse: made usable as they arrive, they must not throw there.
    writeFileSync(
      malformed,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ files }) => parentPort.postMessage(files.map(() => ({ result: { manifest: null } }))));\n",
    );
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const inputs = Array.from({ length: 40 }, (_, i) => ({ path: `k8s/d-${i}.yaml`, text }));
    const pooled = await pool.parseInWorkers(inputs, {
      workers: 1,
      mainThreadToo: false,
      workerUrl: pathToFileURL(malformed),
    });
    expect(pooled?.parsedInWorkers).toBe(0);
    expect(pooled?.parses.map(pool.asTransfer)).toEqual(inputs.map((input) => pool.parseToTransfer(input)));
  });

  it('a worker started while the files are read parses batches, and one that died meanwhile loses no file', async () => {
    const pool: typeof import('../packages/collectors/src/files/parse-pool.js') = await import(
      '../packages/collectors/dist/files/parse-pool.js' as string
    );
    const text = readFileSync(join(fixture, 'k8s', 'deployment.yaml'), 'utf8');
    const inputs = Array.from({ length: 200 }, (_, i) => ({ path: `k8s/d-${i}.yaml`, text }));
    const expected = inputs.map((input) => pool.parseToTransfer(input));
    // Below the threshold no worker starts; the one started past it is the one given the batches.
    const early = new pool.EarlyWorker({});
    early.read('x'.repeat(1000));
    expect(early.take()).toBeUndefined();
    const started = new pool.EarlyWorker({});
    started.read('x'.repeat(2 * 1024 * 1024));
    const pooled = await pool.parseInWorkers(inputs, { workers: 1, mainThreadToo: false, early: started });
    expect(pooled?.parsedInWorkers).toBe(inputs.length);
    expect(pooled?.parses.map(pool.asTransfer)).toEqual(expected);
    // CODITECT_AUDIT_FILE_WORKERS decides alone: nothing starts early.
    const forced = new pool.EarlyWorker({ CODITECT_AUDIT_FILE_WORKERS: '2' });
    forced.read('x'.repeat(2 * 1024 * 1024));
    expect(forced.take()).toBeUndefined();

    // A worker that exits as it starts, before any batch: the main thread parses every file.
    const dir = tempDir('file-workers-early-');
    const dying = join(dir, 'dying.mjs');
    writeFileSync(dying, "throw new Error('worker failed to start');\n");
    const dead = new pool.EarlyWorker({}, pathToFileURL(dying));
    dead.read('x'.repeat(2 * 1024 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fallback = await pool.parseInWorkers(inputs, { workers: 1, early: dead, workerUrl: pathToFileURL(dying) });
    expect(fallback?.parsedInWorkers).toBe(0);
    expect(fallback?.parses.map(pool.asTransfer)).toEqual(expected);
  });

  it('the fixture gives the same snapshot with two workers as with none', () => {
    const single = collect(fixture, 'staging', '0');
    expect(single).toContain('"files.kubernetes"');
    expect(collect(fixture, 'staging', '2')).toBe(single);
  });

  it('awkward files give the same snapshot, problems and redactions with two workers as with none', () => {
    const dir = awkwardTree();
    const single = collect(dir, 'test', '0');
    expect(single).toContain('k8s/many/app-149.yaml');
    expect(single).toContain('invalid YAML');
    for (const path of ['broken/Dockerfile', 'infra/broken.tf', '.github/workflows/broken.yml', 'infra/prod.tfvars'])
      expect(single).toContain(path);
    expect(single).not.toContain('hunter22x');
    expect(single).not.toContain('hunter');
    expect(single).not.toContain('pa55word');
    expect(collect(dir, 'test', '2')).toBe(single);
  });

  it('Dockerfiles redacted with the images the repository builds give the same snapshot with two workers as with none', () => {
    // The builds join the Dockerfiles' facet, which is then redacted whole, not one file at a time.
    const dir = awkwardTree();
    writeFileSync(
      join(dir, '.github/workflows/build.yml'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t us-docker.pkg.dev/p/r/app:1 -f Dockerfile .\n',
    );
    const single = collect(dir, 'test', '0');
    expect(single).toContain('"builds"');
    expect(single).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(collect(dir, 'test', '2')).toBe(single);
  });

  it('a kustomize patch over redacted values gives the same snapshot with two workers as with none', () => {
    // The patch is rendered over the objects as parsed, so the workers leave redaction to the main thread.
    const dir = awkwardTree();
    writeFileSync(
      join(dir, 'k8s/many/kustomization.yaml'),
      'resources:\n  - app-1.yaml\npatches:\n  - path: patch.yaml\n',
    );
    writeFileSync(
      join(dir, 'k8s/many/patch.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-1\nspec:\n  replicas: 2\n',
    );
    const single = collect(dir, 'test', '0');
    expect(single).toContain('kustomize patch (listed in k8s/many/kustomization.yaml)');
    expect(single).not.toContain('hunter');
    expect(collect(dir, 'test', '2')).toBe(single);
  });
});
