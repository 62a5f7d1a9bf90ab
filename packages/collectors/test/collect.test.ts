import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectFiles, collectFilesFromMemory } from '@coditect-audit/collectors';
import {
  compile,
  describeAjvError,
  FACET_NAMES,
  type Facet,
  type FacetMap,
  type FacetName,
  FacetSchemas,
  type Problem,
  ProblemSchema,
  type Snapshot,
} from '@coditect-audit/core';
import { afterAll, describe, expect, it } from 'vitest';

const CANARY = 'q9Z-canary-7d41b0';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** One file of every kind, some malformed, with secrets planted as canaries. */
const REPO: Record<string, string> = {
  Dockerfile:
    'FROM python:3.12-slim AS builder\nRUN pip install --user -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\nUSER django\n',
  'broken/Dockerfile': 'FROM alpine\nRUN echo ok\nFROOM x\n',
  'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
spec:
  template:
    spec:
      containers:
        - name: api
          image: gcr.io/p/api:latest
          env:
            - name: SECRET_KEY
              value: ${CANARY}
            - name: DATABASE_URL
              value: postgres://app:${CANARY}@10.0.0.3/db
`,
  'k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
data:
  db-password: ${b64(CANARY)}
stringData:
  db-user: postgres
  raw: ${CANARY}
`,
  'k8s/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: [x\n',
  'k8s/not-kubernetes.yaml': 'foo: [unclosed\n',
  'charts/app/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
  '.github/workflows/deploy.yml':
    'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    steps:\n      - run: docker build --platform linux/amd64 .\n',
  '.github/workflows/broken.yml': 'on: push\njobs:\n  a: [\n',
  'infra/main.tf': 'resource "google_sql_database_instance" "main" {\n  name = "coditect-db"\n}\n',
  'infra/terraform.tfstate': JSON.stringify({
    version: 4,
    terraform_version: '1.9.0',
    resources: [
      {
        mode: 'managed',
        type: 'google_sql_database_instance',
        name: 'main',
        instances: [{ attributes: { id: 'coditect-db', name: 'coditect-db', root_password: CANARY } }],
      },
    ],
  }),
  'docs/deploy.md': '# Deploy\n\ndocker push gcr.io/coditect/api:v1\n',
  'docs/bad-ignore.md': '<!-- coditect-audit:ignore registry-gcr-reference -->\ngcr.io/x/y\n',
  'notes.txt': 'not collected',
};

function okFacet<K extends FacetName>(
  facets: Snapshot['facets'],
  name: K,
): { status: 'ok'; data: FacetMap[K]; problems: Problem[] } {
  const facet = facets[name] as Facet<FacetMap[K]> | undefined;
  if (facet?.status !== 'ok') throw new Error(`${name} is not ok`);
  return facet;
}

describe('collectFilesFromMemory', () => {
  const facets = collectFilesFromMemory(REPO);

  it('returns the six files facets, each ok', () => {
    expect(Object.keys(facets).sort()).toEqual([
      'files.dockerfile',
      'files.kubernetes',
      'files.markdown',
      'files.terraform',
      'files.tfstate',
      'files.workflows',
    ]);
    for (const facet of Object.values(facets)) expect(facet.status).toBe('ok');
  });

  it('turns a malformed Dockerfile into a problem naming file:line and still collects the others', () => {
    const facet = okFacet(facets, 'files.dockerfile');
    expect(facet.data.files.map((f) => f.file)).toEqual(['Dockerfile']);
    expect(facet.problems).toEqual([
      {
        subject: 'broken/Dockerfile',
        message: 'broken/Dockerfile:3:1: unknown instruction "FROOM": a line must start with an instruction keyword',
        cause: 'parse-error',
        fix: 'Fix the Dockerfile so that `docker build` accepts it, or exclude the file in the configuration.',
        location: { file: 'broken/Dockerfile', startLine: 3, startColumn: 1 },
      },
    ]);
  });

  it('turns malformed Kubernetes YAML into a problem with its line, skips Helm templates and unrelated YAML', () => {
    const facet = okFacet(facets, 'files.kubernetes');
    expect(facet.data.files.map((f) => [f.file, f.objects.map((o) => o.name), f.skipped])).toEqual([
      ['charts/app/templates/svc.yaml', [], 'Helm template: render it (helm template) and scan the output'],
      ['k8s/deployment.yaml', ['backend'], undefined],
      ['k8s/secret.yaml', ['backend-secrets'], undefined],
    ]);
    // The Helm template is listed as not read (a notice), the broken file as an error.
    expect(facet.problems).toHaveLength(2);
    expect(facet.problems[0]).toMatchObject({
      subject: 'charts/app/templates/svc.yaml',
      severity: 'notice',
      message:
        'charts/app/templates/svc.yaml:1:1: not read: Helm template: render it (helm template) and scan the output.',
    });
    expect(facet.problems[1]).toMatchObject({
      subject: 'k8s/broken.yaml',
      cause: 'parse-error',
      location: { file: 'k8s/broken.yaml', startLine: 6 },
    });
    expect(facet.problems[1]!.message).toMatch(/^k8s\/broken\.yaml:6:\d+: invalid YAML: /);
  });

  it('lists a manifest with {NAME} placeholders that make it invalid as a template, not an error; other errors stay', () => {
    const facet = okFacet(
      collectFilesFromMemory({
        // Filled in by sed before `kubectl apply`: invalid YAML until then, on the placeholder's line.
        'make/service.yaml':
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: bind\nspec:\n  clusterIP: {IP_PREFIX}.16\n  ports:\n    - port: 53\n',
        // A placeholder elsewhere than the error: invalid YAML like any other.
        'k8s/broken.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {TEAM: a}\ndata:\n  key: [unclosed\n',
      }),
      'files.kubernetes',
    );
    expect(facet.data.files.map((f) => [f.file, f.skipped])).toEqual([
      [
        'make/service.yaml',
        'a template with placeholders such as {IP_PREFIX}, filled in before it is applied (by sed, make or a script): fill them in and scan the output',
      ],
    ]);
    expect(facet.problems.map((p) => [p.subject, p.severity ?? 'error'])).toEqual([
      ['k8s/broken.yaml', 'error'],
      ['make/service.yaml', 'notice'],
    ]);
  });

  it('lists a config with a %NAME% placeholder at the error (a value the reader replaces) as a template', () => {
    const facet = okFacet(
      collectFilesFromMemory({
        'verify/skaffold.yaml':
          'apiVersion: skaffold/v4beta4\nkind: Config\nverify:\n  - name: smoke\n    container:\n      name: smoke\n      image: %IMAGE% # To be replaced\n',
      }),
      'files.kubernetes',
    );
    expect(facet.data.files.map((f) => f.skipped)).toEqual([
      'a template with placeholders such as %IMAGE%, filled in before it is applied (by sed, make or a script): fill them in and scan the output',
    ]);
    expect(facet.problems.map((p) => p.severity)).toEqual(['notice']);
  });

  it('lists a templated manifest under templates/ as not read, and leaves templated YAML that is no manifest alone', () => {
    const facet = okFacet(
      collectFilesFromMemory({
        'templates/k8s/deployment.yml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ APP_NAME }}\n',
        // A Jinja tree's compose file and app config: no Kubernetes object in them, templated or not.
        'templates/local/docker-compose.yml': 'services:\n  web:\n    image: {{ DOCKER_IMAGE }}\n',
        'templates/apps/settings.yml': 'SECRET: {{ SECRET_KEY }}\n',
      }),
      'files.kubernetes',
    );
    expect(facet.data.files.map((f) => [f.file, f.skipped])).toEqual([
      ['templates/k8s/deployment.yml', 'Helm template: render it (helm template) and scan the output'],
    ]);
    expect(facet.problems.map((p) => p.subject)).toEqual(['templates/k8s/deployment.yml']);
  });

  it('turns a malformed workflow into a problem and keeps the valid one', () => {
    const facet = okFacet(facets, 'files.workflows');
    expect(facet.data.files.map((f) => f.file)).toEqual(['.github/workflows/deploy.yml']);
    expect(facet.problems.map((p) => p.subject)).toEqual(['.github/workflows/broken.yml']);
    expect(facet.problems[0]!.message).toMatch(/^\.github\/workflows\/broken\.yml:\d+:\d+: invalid YAML: /);
  });

  it('reads OpenTofu files and state through their parsers', () => {
    expect(okFacet(facets, 'files.terraform').data.files.map((f) => f.blocks.map((b) => b.labels))).toEqual([
      [['google_sql_database_instance', 'main']],
    ]);
    expect(okFacet(facets, 'files.tfstate').data.files[0]!.resources[0]!.address).toBe(
      'google_sql_database_instance.main',
    );
  });

  it('reports an inline ignore without a reason as a parse problem with its line', () => {
    const facet = okFacet(facets, 'files.markdown');
    expect(facet.data.files.map((f) => f.file)).toEqual(['docs/deploy.md']);
    expect(facet.problems).toEqual([
      {
        subject: 'docs/bad-ignore.md',
        message:
          'docs/bad-ignore.md:1:6: inline suppression needs a rule id and a reason: write "coditect-audit:ignore <rule-id> -- <reason>"',
        cause: 'parse-error',
        fix: 'Write the directive as `# coditect-audit:ignore <rule-id> -- <reason>` (a reason is required).',
        location: { file: 'docs/bad-ignore.md', startLine: 1, startColumn: 6 },
      },
    ]);
  });

  it('never lets a planted secret into the facets', () => {
    const json = JSON.stringify(facets);
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(b64(CANARY));
    expect(json).not.toContain('canary');
  });

  it('conforms to the JSON Schema of core (FacetSchemas for data, ProblemSchema for problems)', () => {
    expect(Object.keys(facets).sort()).toEqual(FACET_NAMES.filter((n) => n.startsWith('files.')).sort());
    const validateProblem = compile(ProblemSchema);
    for (const name of Object.keys(facets) as (keyof typeof facets)[]) {
      const facet = JSON.parse(JSON.stringify(okFacet(facets, name))) as { data: unknown; problems: unknown[] };
      const validateData = compile(FacetSchemas[name]);
      expect(validateData(facet.data), name).toBe(true);
      expect((validateData.errors ?? []).map(describeAjvError), name).toEqual([]);
      for (const problem of facet.problems) {
        expect(validateProblem(problem), name).toBe(true);
      }
    }
  });

  it('normalises paths and applies the size and binary limits', () => {
    const result = collectFilesFromMemory({
      './k8s\\a.md': '# a\n',
      'big.md': 'x'.repeat(10 * 1024 * 1024 + 1),
      'bin.md': 'a\u0000b',
    });
    const facet = okFacet(result, 'files.markdown');
    expect(facet.data.files.map((f) => f.file)).toEqual(['k8s/a.md']);
    expect(facet.problems.map((p) => [p.subject, p.cause])).toEqual([
      ['big.md', 'too-large'],
      ['bin.md', 'binary'],
    ]);
  });

  it('reads CRLF files with a byte order mark of every kind', () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const result = collectFilesFromMemory({
      Dockerfile: crlf('FROM alpine\nUSER app\n'),
      'k.yaml': crlf('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n'),
      '.github/workflows/w.yml': crlf('on: push\njobs:\n  a:\n    steps:\n      - run: echo a\n'),
      'a.md': crlf('x\ngcr.io/a/b\n'),
      'main.tf': crlf('locals {\n  a = 1\n}\n'),
      'terraform.tfstate': crlf('{"version": 4, "resources": []}\n'),
    });
    expect(okFacet(result, 'files.dockerfile').data.files[0]!.stages[0]!.user).toEqual({
      value: 'app',
      line: 2,
      column: 1,
    });
    expect(okFacet(result, 'files.kubernetes').data.files[0]!.objects[0]!.positions['/metadata/name']).toEqual({
      line: 4,
      column: 3,
    });
    expect(okFacet(result, 'files.workflows').data.files[0]!.jobs[0]!.steps[0]!.run!.commands[0]!.line).toBe(5);
    expect(okFacet(result, 'files.markdown').data.files[0]!.references).toEqual([
      { text: 'gcr.io/a/b', line: 2, column: 1 },
    ]);
    expect(okFacet(result, 'files.terraform').data.files).toHaveLength(1);
    expect(okFacet(result, 'files.tfstate').data.files).toHaveLength(1);
    for (const facet of Object.values(result)) expect(facet.status === 'ok' && facet.problems).toEqual([]);
  });
});

describe('collectFiles', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('gives the same facets from disk as from memory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'coditect-collect-'));
    roots.push(root);
    for (const [path, content] of Object.entries(REPO)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    expect(await collectFiles({ root })).toEqual(collectFilesFromMemory(REPO));
  });

  it('gives the same facets from disk (each file finished as it is parsed) as from memory, builds or not', async () => {
    // With images built from them, the Dockerfiles' facet is redacted whole rather than one file at a time.
    const withBuilds = {
      ...REPO,
      'app/Dockerfile': `FROM node:20\nENV API_TOKEN=${CANARY}\nRUN curl -u admin:${CANARY} https://example.com\n`,
      // Masked only as what the other Dockerfile revealed: the facet is one redaction.
      'tools/Dockerfile': `FROM alpine\nLABEL note="${CANARY}"\n`,
      '.github/workflows/build.yml':
        'on: push\njobs:\n  build:\n    steps:\n      - run: docker build -t us-docker.pkg.dev/p/r/app:1 -f app/Dockerfile app\n',
    };
    for (const files of [REPO, withBuilds]) {
      const root = await mkdtemp(join(tmpdir(), 'coditect-collect-'));
      roots.push(root);
      for (const [path, content] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), content);
      }
      const fromDisk = JSON.stringify(await collectFiles({ root }));
      expect(fromDisk).toBe(JSON.stringify(collectFilesFromMemory(files)));
      expect(fromDisk).not.toContain(CANARY);
    }
    expect(JSON.stringify(collectFilesFromMemory(withBuilds))).toContain('"builds"');
  });

  it('applies include and exclude', async () => {
    const root = await mkdtemp(join(tmpdir(), 'coditect-collect-'));
    roots.push(root);
    for (const [path, content] of Object.entries(REPO)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    }
    const facets = await collectFiles({ root, include: ['k8s/**', 'Dockerfile'], exclude: ['k8s/broken.yaml'] });
    expect(okFacet(facets, 'files.kubernetes').data.files.map((f) => f.file)).toEqual([
      'k8s/deployment.yaml',
      'k8s/secret.yaml',
    ]);
    expect(okFacet(facets, 'files.kubernetes').problems).toEqual([]);
    expect(okFacet(facets, 'files.dockerfile').data.files.map((f) => f.file)).toEqual(['Dockerfile']);
    expect(okFacet(facets, 'files.workflows').data.files).toEqual([]);
  });

  it('gives error facets when the root cannot be read', async () => {
    const facets = await collectFiles({ root: join(tmpdir(), 'coditect-does-not-exist-4f1c') });
    expect(Object.keys(facets)).toHaveLength(6);
    for (const facet of Object.values(facets)) {
      expect(facet.status).toBe('error');
      expect(facet.status === 'error' && facet.problems[0]!.cause).toBe('unreadable');
    }
  });
});
