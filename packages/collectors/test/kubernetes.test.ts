import { describe, expect, it } from 'vitest';
import { collectFilesFromMemory } from '../src/files/memory.js';
import { HELM_SKIP_REASON, parseKubernetes, REDACTED } from '../src/files/kubernetes.js';

const DEPLOYMENT = `# the backend
apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
  namespace: coditect-staging
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: us-central1-docker.pkg.dev/p/r/api:v1
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false }
          env:
            - name: DB_PASSWORD
              value: hunter2-canary-env
            - name: DJANGO_SETTINGS_MODULE
              value: app.settings.staging
            - name: DATABASE_URL
              value: postgres://app:pw-canary-url@10.28.0.3:5432/coditect?sslmode=require
---
apiVersion: v1
kind: Service
metadata:
  name: backend
spec:
  type: LoadBalancer
`;

function parse(file: string, text: string) {
  const result = parseKubernetes(file, text);
  if (!result) throw new Error('expected a manifest');
  return result;
}

describe('parseKubernetes', () => {
  it('reads every document with apiVersion, kind, name, namespace and the line of the first key', () => {
    const { manifest, errors } = parse('k8s/backend.yaml', DEPLOYMENT);
    expect(errors).toEqual([]);
    expect(manifest.objects.map((o) => [o.documentIndex, o.apiVersion, o.kind, o.name, o.namespace, o.line])).toEqual([
      [0, 'apps/v1', 'Deployment', 'backend', 'coditect-staging', 2],
      [1, 'v1', 'Service', 'backend', undefined, 23],
    ]);
  });

  it('gives the position of every key by JSON pointer, block and flow style alike', () => {
    const deployment = parse('k8s/backend.yaml', DEPLOYMENT).manifest.objects[0]!;
    expect(deployment.positions['/spec/replicas']).toEqual({ line: 8, column: 3 });
    expect(deployment.positions['/spec/template/spec/containers/0']).toEqual({ line: 12, column: 11 });
    expect(deployment.positions['/spec/template/spec/containers/0/image']).toEqual({ line: 13, column: 11 });
    expect(deployment.positions['/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation']).toEqual({
      line: 14,
      column: 50,
    });
    expect(deployment.positions['/spec/template/spec/containers/0/env/1/value']).toEqual({ line: 19, column: 15 });
    const service = parse('k8s/backend.yaml', DEPLOYMENT).manifest.objects[1]!;
    expect(service.positions['/spec/type']).toEqual({ line: 28, column: 3 });
  });

  it('escapes "/" and "~" in pointers', () => {
    const { manifest } = parse(
      'a.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    example.com/a~b: x\n',
    );
    expect(manifest.objects[0]!.positions['/metadata/annotations/example.com~1a~0b']).toEqual({ line: 6, column: 5 });
  });

  it('redacts env values whose names look secret and URL passwords, keeping the rest', () => {
    // URL passwords are masked with every other secret of free text when the facet is built (../src/redact.ts).
    const facet = collectFilesFromMemory({ 'k8s/backend.yaml': DEPLOYMENT })['files.kubernetes'];
    if (facet.status !== 'ok') throw new Error('the manifest was not read');
    const deployment = facet.data.files[0]!.objects[0]!;
    const container = (deployment.object as { spec: { template: { spec: { containers: { env: unknown[] }[] } } } }).spec
      .template.spec.containers[0]!;
    expect(container.env).toEqual([
      { name: 'DB_PASSWORD', value: REDACTED },
      { name: 'DJANGO_SETTINGS_MODULE', value: 'app.settings.staging' },
      { name: 'DATABASE_URL', value: 'postgres://app:‹redacted:password›@10.28.0.3:5432/coditect?sslmode=require' },
    ]);
    expect(JSON.stringify(deployment)).not.toMatch(/canary/);
  });

  it('reads the items of a kind: List, with positions relative to each item', () => {
    const { manifest } = parse(
      'list.yaml',
      `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: backend
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      LOG_LEVEL: info
      API_TOKEN: canary-token
  - kind: NoApiVersion
    metadata: { name: x }
`,
    );
    expect(manifest.objects.map((o) => [o.documentIndex, o.kind, o.name, o.line])).toEqual([
      [0, 'ServiceAccount', 'backend', 4],
      [0, 'ConfigMap', 'settings', 8],
    ]);
    const configMap = manifest.objects[1]!;
    expect(configMap.positions['/data/LOG_LEVEL']).toEqual({ line: 13, column: 7 });
    expect(configMap.positions['/kind']).toEqual({ line: 9, column: 5 });
    expect(configMap.object.data).toEqual({ LOG_LEVEL: 'info', API_TOKEN: REDACTED });
  });

  it('ignores YAML that is not a Kubernetes object, silently', () => {
    expect(parseKubernetes('.github/dependabot.yml', 'version: 2\nupdates: []\n')).toBeUndefined();
    const { manifest, errors } = parse(
      'kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n---\napiVersion: 1\nkind: X\nmetadata: { name: n }\n',
    );
    expect(manifest.objects).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reports a document with YAML errors at its line and keeps the other documents', () => {
    const { manifest, errors } = parse(
      'k8s/mixed.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
 data: x
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: third
`,
    );
    expect(manifest.objects.map((o) => [o.name, o.documentIndex, o.line])).toEqual([
      ['first', 0, 1],
      ['third', 2, 12],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(10);
    expect(errors[0]!.message).toMatch(/^invalid YAML: /);
  });

  it('reads a repeated key as kubectl does (the last one counts) and says so once for the file', () => {
    const { errors, notices, manifest } = parse(
      'dup.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  hostNetwork: true\n  hostNetwork: false\n',
    );
    expect(errors).toEqual([]);
    expect(manifest.objects.map((o) => [o.name, (o.object.spec as { hostNetwork: boolean }).hostNetwork])).toEqual([
      ['b', false],
    ]);
    expect(notices.map((n) => [n.line, n.message])).toEqual([
      [
        5,
        'repeated map keys name (line 5, first at line 4), hostNetwork (line 8, first at line 7): read as kubectl reads it, the last value counts',
      ],
    ]);
  });

  it('skips Helm templates under templates/ without reading them', () => {
    const result = parse(
      'charts/app/templates/deployment.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    );
    expect(result.manifest).toEqual({
      file: 'charts/app/templates/deployment.yaml',
      objects: [],
      skipped: HELM_SKIP_REASON,
      ignores: [],
    });
    expect(result.errors).toEqual([]);
  });

  it('skips any file whose YAML fails and that holds template braces', () => {
    const result = parse(
      'deploy/app.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  {{- range .Values.items }}\n  a: b\n  {{- end }}\n',
    );
    expect(result.manifest.skipped).toBe(HELM_SKIP_REASON);
    expect(result.manifest.objects).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('skips an MkDocs snippet wrapped in Jinja {% raw %} tags, with no {{ }} in it, as a Jinja template', () => {
    const result = parse(
      'docs/snippets/configmap.yaml',
      '{% raw %}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n{% endraw %}\n',
    );
    expect(result.manifest.skipped).toBe('Jinja template ({% %} tags): render it and scan the output');
    expect(result.errors).toEqual([]);
  });

  it('reads valid YAML with braces in values outside templates/', () => {
    const result = parse(
      'k8s/external-secret.yaml',
      'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  target:\n    template:\n      data:\n        url: "postgres://app:{{ .password }}@10.0.0.3/db"\n',
    );
    expect(result.manifest.skipped).toBeUndefined();
    expect(result.manifest.objects[0]!.kind).toBe('ExternalSecret');
  });

  it('accepts CRLF and a byte order mark with unchanged positions', () => {
    const { manifest } = parse('crlf.yaml', '\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: ns\r\n');
    expect(manifest.objects[0]).toMatchObject({ kind: 'Namespace', name: 'ns', line: 1 });
    expect(manifest.objects[0]!.positions['/metadata/name']).toEqual({ line: 4, column: 3 });
  });

  it('collects inline ignores and reports a directive without a reason', () => {
    const { manifest, errors } = parse(
      'k8s/svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: LoadBalancer # coditect-audit:ignore network-public-http -- internal LB\n  ports: [] # coditect-audit:ignore\n',
    );
    expect(manifest.ignores).toEqual([
      { file: 'k8s/svc.yaml', line: 6, appliesToLine: 6, ruleId: 'network-public-http', reason: 'internal LB' },
    ]);
    expect(errors.map((e) => e.line)).toEqual([7]);
  });
});

describe('Secrets', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const CANARY = 'Zq7-canary-9f2c1e';
  const secret = `apiVersion: v1
kind: Secret
metadata:
  name: backend-secrets
  namespace: coditect-staging
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"db-password":"${CANARY}"}}'
type: Opaque
data:
  db-password: ${b64(CANARY)}
  empty: ""
  bad: "not base64!"
  db-user: ${b64('postgres')}
stringData:
  django-secret-key: changeme
  db-host: localhost
  redis-host: redis.example.com
  api-token: <your-token-here>
  template: \${DB_PASSWORD}
  app-user: license_api
  DATABASE_URL: postgres://postgres:${CANARY}@10.28.0.3:5432/coditect?sslmode=require
  REDIS_URL: redis://:${CANARY}@localhost:6379/0
  real: ${CANARY}
  sslmode: verify-full
`;

  const { manifest } = parse('k8s/secret.yaml', secret);
  const object = manifest.objects[0]!;

  it('classifies each key and keeps only public values', () => {
    expect(object.secretKeys).toEqual([
      { key: 'db-password', source: 'data', class: 'set', line: 10, column: 3 },
      { key: 'empty', source: 'data', class: 'empty', line: 11, column: 3 },
      { key: 'bad', source: 'data', class: 'invalid-base64', line: 12, column: 3 },
      { key: 'db-user', source: 'data', class: 'superuser-name', publicValue: 'postgres', line: 13, column: 3 },
      { key: 'django-secret-key', source: 'stringData', class: 'placeholder', line: 15, column: 3 },
      { key: 'db-host', source: 'stringData', class: 'example-host', publicValue: 'localhost', line: 16, column: 3 },
      {
        key: 'redis-host',
        source: 'stringData',
        class: 'example-host',
        publicValue: 'redis.example.com',
        line: 17,
        column: 3,
      },
      { key: 'api-token', source: 'stringData', class: 'placeholder', line: 18, column: 3 },
      { key: 'template', source: 'stringData', class: 'placeholder', templated: true, line: 19, column: 3 },
      { key: 'app-user', source: 'stringData', class: 'set', line: 20, column: 3 },
      {
        key: 'DATABASE_URL',
        source: 'stringData',
        class: 'superuser-name',
        publicValue: 'postgres',
        url: {
          scheme: 'postgres',
          user: 'postgres',
          host: '10.28.0.3',
          port: '5432',
          database: 'coditect',
          sslmode: 'require',
        },
        line: 21,
        column: 3,
      },
      {
        key: 'REDIS_URL',
        source: 'stringData',
        class: 'example-host',
        publicValue: 'localhost',
        url: { scheme: 'redis', host: 'localhost', port: '6379', database: '0' },
        line: 22,
        column: 3,
      },
      { key: 'real', source: 'stringData', class: 'set', line: 23, column: 3 },
      { key: 'sslmode', source: 'stringData', class: 'set', publicValue: 'verify-full', line: 24, column: 3 },
    ]);
  });

  it('replaces every data and stringData value by "<redacted>"', () => {
    const data = object.object.data as Record<string, string>;
    const stringData = object.object.stringData as Record<string, string>;
    expect(Object.values(data).every((v) => v === REDACTED)).toBe(true);
    expect(Object.values(stringData).every((v) => v === REDACTED)).toBe(true);
    expect(Object.keys(stringData)).toContain('DATABASE_URL');
  });

  it('never lets the canary (plain or base64) into the facet', () => {
    const json = JSON.stringify(manifest);
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(b64(CANARY));
    expect(json).not.toContain('canary');
  });

  it('marks a placeholder that is template syntax, keeping neither the value nor the variable name', () => {
    // `envsubst` or Helm may fill it when the file is applied: the rule says undecided, not failed.
    const { manifest: m } = parse(
      's.yaml',
      `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  b64: ${b64(`$${'{'}B64_SECRET_VAR}`)}\nstringData:\n  a: $SHELL_SECRET_VAR\n  b: "{{ .Values.helmSecretVar }}"\n  c: CHANGEME\n  d: \${DB_PASSWORD:-CHANGEME}\n`,
    );
    expect(m.objects[0]!.secretKeys!.map((k) => [k.key, k.class, k.templated])).toEqual([
      ['b64', 'placeholder', true],
      ['a', 'placeholder', true],
      ['b', 'placeholder', true],
      ['c', 'placeholder', undefined],
      ['d', 'placeholder', true],
    ]);
    const json = JSON.stringify(m);
    for (const name of ['B64_SECRET_VAR', 'SHELL_SECRET_VAR', 'helmSecretVar', 'DB_PASSWORD'])
      expect(json).not.toContain(name);
  });

  it('redacts a data map written as something else than a map', () => {
    const { manifest: m } = parse('s.yaml', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: ${CANARY}\n`);
    expect(m.objects[0]!.object.data).toBe(REDACTED);
    expect(m.objects[0]!.secretKeys).toEqual([]);
  });

  it('classifies non-string stringData values', () => {
    const { manifest: m } = parse(
      's.yaml',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  port: 5432\n  none:\n',
    );
    expect(m.objects[0]!.secretKeys!.map((k) => [k.key, k.class])).toEqual([
      ['port', 'set'],
      ['none', 'empty'],
    ]);
  });
});

describe('positions, computed when asked', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  labels: {app: a, tier: t}
data:
  one: "1"
  list:
    - x
    - y
data:
  two: "2"
`;

  it('answers like the plain record it stands for: lookups, in, keys in document order, JSON', () => {
    const o = parseKubernetes('c.yaml', text)!.manifest.objects[0]!;
    expect(o.positions['/metadata/labels/tier']).toEqual({ line: 5, column: 20 });
    expect(o.positions['/nope']).toBeUndefined();
    expect(o.positions['']).toBeUndefined();
    expect('/kind' in o.positions).toBe(true);
    expect('/nope' in o.positions).toBe(false);
    // `data` written twice: its first place among the keys, its last position (the value kubectl keeps).
    expect(Object.keys(o.positions)).toEqual([
      '/apiVersion',
      '/kind',
      '/metadata',
      '/metadata/name',
      '/metadata/labels',
      '/metadata/labels/app',
      '/metadata/labels/tier',
      '/data',
      '/data/one',
      '/data/list',
      '/data/list/0',
      '/data/list/1',
      '/data/two',
    ]);
    expect(o.positions['/data']).toEqual({ line: 11, column: 1 });
    expect(o.positions['/data/one']).toEqual({ line: 7, column: 3 });
    const plain = JSON.parse(JSON.stringify(o.positions)) as Record<string, unknown>;
    expect(plain['/data/list/1']).toEqual({ line: 10, column: 7 });
    expect(Object.keys(plain)).toEqual(Object.keys(o.positions));
    expect({ ...o.positions }).toEqual(plain);
  });

  it('is read-only', () => {
    const o = parseKubernetes('c.yaml', text)!.manifest.objects[0]!;
    expect(() => {
      o.positions['/kind'] = { line: 9, column: 9 };
    }).toThrow(TypeError);
    expect(o.positions['/kind']).toEqual({ line: 2, column: 1 });
  });
});

describe('object values: JSON, as kubectl decodes them', () => {
  const objectOf = (body: string) =>
    parseKubernetes('v.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: v}\n${body}`)!.manifest.objects[0]!
      .object as Record<string, unknown>;

  it('turns values JSON has no form for into what JSON makes of them', () => {
    expect(objectOf('data:\n  a: .nan\n  b: -.inf\n  c: -0\n  d: 1\n').data).toEqual({ a: null, b: null, c: 0, d: 1 });
    expect(Object.is((objectOf('data:\n  c: -0\n').data as Record<string, unknown>).c, 0)).toBe(true);
    expect(objectOf('data: !!set {a, b}\n').data).toEqual({});
  });

  it('copies what an alias shares, so redacting one place does not change the other', () => {
    const o = objectOf('stringData: &s\n  password: hunter2\ndata: *s\n');
    expect(o.data).not.toBe(o.stringData);
  });
});

describe('a file nested deeper than the parser can read', () => {
  it('is an error of that file, said as such, and the other files are read', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const facets = collectFilesFromMemory({ 'k8s/deep.yaml': deep, 'k8s/app.yaml': DEPLOYMENT });
    const k8s = facets['files.kubernetes'];
    expect(k8s.data?.files.map((f) => f.file)).toEqual(['k8s/app.yaml']);
    expect(k8s.problems?.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^k8s\/deep\.yaml:4:\d+: invalid YAML: nested too deeply to read \(the parser ran out of stack\)/,
      ),
    ]);
  });
});
