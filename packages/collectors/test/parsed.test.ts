/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Dockerfiles and scripts, not JS templates */
/**
 * What the collectors parse for the rules (../src/parsed.ts): present on every collected facet, the same
 * whether collected now or derived when a version-1 snapshot is read.
 */
import { type Snapshot, SNAPSHOT_SCHEMA_VERSION } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { collectFilesFromMemory } from '../src/files/memory.js';
import {
  finishCollected,
  finishedItem,
  finishFacet,
  finishItemsFacet,
  instructionCommands,
  upgradeSnapshot,
  withParsedFacets,
} from '../src/parsed.js';

const files = {
  Dockerfile: [
    'ARG BASE=python:3.12-slim',
    'FROM ${BASE} AS build',
    'RUN apt-get update && \\',
    '    apt-get install -y gcc',
    'FROM gcr.io/distroless/python3:nonroot',
    'COPY --from=build /app /app',
    'ENTRYPOINT ["python", "-m", "app"]',
    'CMD gunicorn app:wsgi',
    '',
  ].join('\n'),
  '.github/workflows/ci.yml': [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: |',
    '          DOCKER_DEFAULT_PLATFORM=linux/amd64 docker build -t app .',
    '          docker push app || exit 1',
    '',
  ].join('\n'),
  'k8s/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: app }',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: us-docker.pkg.dev/p/r/app:v1',
    '',
  ].join('\n'),
};

describe('instructionCommands', () => {
  it('reads exec form as one command, shell form and heredocs as scripts, other instructions not at all', () => {
    expect(instructionCommands('CMD', '["python", "-m", "app"]', 4)).toEqual([
      {
        text: 'python -m app',
        argv: ['python', '-m', 'app'],
        line: 4,
        simple: [{ argv: ['python', '-m', 'app'], assignments: {}, after: '', substituted: false, line: 4 }],
      },
    ]);
    expect(instructionCommands('RUN', 'a && b || c', 2)?.map((c) => c.simple.map((s) => s.argv[0]))).toEqual([
      ['a'],
      ['b', 'c'],
    ]);
    expect(instructionCommands('RUN', '<<EOF\nset -e\npip install .\nEOF', 9)?.map((c) => [c.text, c.line])).toEqual([
      ['set -e', 10],
      ['pip install .', 11],
    ]);
    expect(instructionCommands('ENTRYPOINT', '[not json', 1)?.[0]?.argv).toEqual(['[not', 'json']);
    expect(instructionCommands('COPY', '. /app', 1)).toBeUndefined();
  });
});

describe('collected facets', () => {
  const facets = collectFilesFromMemory(files);

  it('carry the parsed commands and image references', () => {
    const df = facets['files.dockerfile'];
    if (df.status !== 'ok') throw new Error(df.status);
    const [build, final] = df.data.files[0]!.stages;
    expect(build!.imageRef).toMatchObject({ repository: 'python', tag: '3.12-slim' });
    expect(final!.imageRef).toMatchObject({ registry: 'gcr.io', repository: 'distroless/python3', tag: 'nonroot' });
    const run = build!.instructions.find((i) => i.keyword === 'RUN');
    expect(run?.commands?.flatMap((c) => c.simple.map((s) => s.argv.join(' ')))).toEqual([
      'apt-get update',
      'apt-get install -y gcc',
    ]);
    expect(final!.instructions.find((i) => i.keyword === 'CMD')?.commands?.[0]?.argv).toEqual(['gunicorn', 'app:wsgi']);

    const wf = facets['files.workflows'];
    if (wf.status !== 'ok') throw new Error(wf.status);
    const commands = wf.data.files[0]!.jobs[0]!.steps[0]!.run!.commands;
    expect(commands.map((c) => c.simple.map((s) => [s.argv[0], s.line, s.next]))).toEqual([
      [['docker', 7, undefined]],
      [
        ['docker', 8, '||'],
        ['exit', 8, undefined],
      ],
    ]);
    expect(commands[0]!.simple[0]!.assignments).toEqual({ DOCKER_DEFAULT_PLATFORM: 'linux/amd64' });

    const k8s = facets['files.kubernetes'];
    if (k8s.status !== 'ok') throw new Error(k8s.status);
    expect(k8s.data.files[0]!.objects[0]!.images).toEqual({
      '/spec/template/spec/containers/0/image': {
        raw: 'us-docker.pkg.dev/p/r/app:v1',
        registry: 'us-docker.pkg.dev',
        repository: 'p/r/app',
        tag: 'v1',
        canonical: { registry: 'us-docker.pkg.dev', repository: 'p/r/app', tag: 'v1' },
      },
    });
  });

  it('parse connection URLs among readable values: ConfigMap data, literal env values, ExternalSecret templates', () => {
    const { 'files.kubernetes': k8s } = collectFilesFromMemory({
      'k8s/app.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: cfg }',
        'data:',
        '  DATABASE_URL: postgres://app@10.0.0.3:5432/db?sslmode=require',
        '  a/b: redis://cache:6379',
        '  LOG_LEVEL: info',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: app }',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          env:',
        '            - { name: PLAIN, value: x }',
        '            - { name: DB, value: "postgresql://postgres@127.0.0.1/db" }',
        '---',
        'apiVersion: external-secrets.io/v1',
        'kind: ExternalSecret',
        'metadata: { name: es }',
        'spec:',
        '  target:',
        '    template:',
        '      data:',
        '        url: "mysql://%zz@db"',
        '',
      ].join('\n'),
    });
    if (k8s.status !== 'ok') throw new Error(k8s.status);
    const [cfg, app, es] = k8s.data.files[0]!.objects;
    expect(cfg!.connectionUrls).toEqual({
      '/data/DATABASE_URL': { scheme: 'postgres', user: 'app', host: '10.0.0.3', sslmode: 'require' },
      '/data/a~1b': { scheme: 'redis', host: 'cache' },
    });
    expect(app!.connectionUrls).toEqual({
      '/spec/template/spec/containers/0/env/1/value': { scheme: 'postgresql', user: 'postgres', host: '127.0.0.1' },
    });
    // A value with a scheme that is no valid URL keeps its scheme alone.
    expect(es!.connectionUrls).toEqual({ '/spec/target/template/data/url': { scheme: 'mysql' } });
  });

  it('parse what a live layer collected and leave facets that are not ok alone', () => {
    const error = { status: 'error' as const, problems: [{ subject: 'x', message: 'denied' }] };
    const parsed = withParsedFacets({
      'k8s.pods': {
        status: 'ok',
        data: {
          items: [
            { apiVersion: 'v1', kind: 'Pod', name: 'p', object: { spec: { containers: [{ image: 'redis:7' }] } } },
          ],
        },
        problems: [],
      },
      'probe.registry': {
        status: 'ok',
        data: { images: [{ reference: 'python' }] },
        problems: [],
      },
      'k8s.deployments': error,
    });
    expect(parsed['k8s.pods'].data.items[0]!.images).toEqual({
      '/spec/containers/0/image': expect.objectContaining({ repository: 'redis', tag: '7' }),
    });
    expect(parsed['probe.registry'].data.images[0]).toMatchObject({ ref: { raw: 'python', repository: 'python' } });
    expect(parsed['k8s.deployments']).toBe(error);
  });
});

describe('upgradeSnapshot', () => {
  const current: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { files: { status: 'collected' } },
    facets: collectFilesFromMemory(files),
  };

  it('gives a version-1 snapshot exactly the parts a collection gives today', () => {
    const v1 = stripParsed(current);
    expect(JSON.stringify(v1)).not.toContain('"simple"');
    expect(upgradeSnapshot(v1)).toEqual(current);
  });

  it('leaves other versions to the schema', () => {
    const v9 = { schemaVersion: 9, facets: {} };
    expect(upgradeSnapshot(v9)).toBe(v9);
    expect(upgradeSnapshot('not a snapshot')).toBe('not a snapshot');
  });
});

/** A snapshot as version 1 wrote it: no simple commands, Dockerfile commands, image references, connection URLs. */
function stripParsed(snapshot: Snapshot): unknown {
  const copy = JSON.parse(JSON.stringify({ ...snapshot, schemaVersion: 1 }));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['simple', 'imageRef', 'images', 'connectionUrls', 'ref']) delete o[k];
      if (typeof o.keyword === 'string') delete o.commands;
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(copy);
  return copy;
}

describe('a facet finished item by item (the k8s collector, while the next page is in flight)', () => {
  const pod = (name: string, annotations: Record<string, string>, env: { name: string; value: string }[] = []) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    name,
    namespace: 'app',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'app', labels: {}, annotations },
      spec: { containers: [{ name: 'app', image: 'us-docker.pkg.dev/p/r/app:v1', env }] },
    },
  });
  const facetOf = (items: unknown[], problems: unknown[] = []) => ({
    status: 'ok',
    data: { namespaces: ['app'], items },
    problems,
  });
  /** As the collector does it: each item alone, then the facet from them; against the whole facet at once. */
  const both = (facet: ReturnType<typeof facetOf>) => ({
    incremental: finishItemsFacet(
      'k8s.pods',
      facet,
      facet.data.items.map((item) => finishedItem(item)),
    ),
    whole: finishFacet('k8s.pods', facet),
    collected: finishCollected({ facets: { 'k8s.pods': facet }, state: { status: 'collected' } } as never).facets[
      'k8s.pods'
    ],
  });

  it('is the whole facet finished at once, parsed parts included, when nothing teaches a secret', () => {
    const facet = facetOf([
      pod('a', { note: 'curl -H "Authorization: Bearer $TOKEN" https://api' }, [
        { name: 'DATABASE_URL', value: 'postgres://app@db:5432/app' },
      ]),
      pod('b', { 'example.com/owner': 'team-a' }),
    ]);
    const { incremental, whole, collected } = both(facet);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(whole));
    expect(JSON.stringify(whole)).toBe(JSON.stringify(collected));
    expect(JSON.stringify(whole)).toContain('"images"');
    expect(JSON.stringify(whole)).toContain('"connectionUrls"');
  });

  it('masks in earlier items a secret a later item teaches (so that item is not finished alone)', () => {
    const facet = facetOf([
      pod('a-early', { note: 'rotate Tr0ub4dor-x9 next week' }),
      pod('m-middle', { note: 'nothing here' }),
      pod('z-late', { run: 'curl -u admin:Tr0ub4dor-x9 https://api.internal/v1' }),
    ]);
    expect(finishedItem(facet.data.items[0])).toBeDefined();
    expect(finishedItem(facet.data.items[2])).toBeUndefined();
    const { incremental, whole } = both(facet);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(whole));
    const text = JSON.stringify(incremental);
    expect(text).not.toContain('Tr0ub4dor');
    expect(text).toContain('rotate ‹redacted:password› next week');
  });

  it('shares detections between items, and an item meeting a string that holds a secret still says so', () => {
    const cache = new Map();
    const run = 'curl -u admin:Tr0ub4dor-x9 https://api.internal/v1';
    const first = pod('a', { run });
    const again = pod('b', { run });
    expect(finishedItem(first, cache)).toBeUndefined();
    // Met again through the cache (as when the first page is dropped after a 410): not finished alone either.
    expect(finishedItem(again, cache)).toBeUndefined();
    const plain = pod('c', { note: 'team-a' });
    expect(JSON.stringify(finishedItem(plain, cache))).toBe(JSON.stringify(finishedItem(plain)));
  });

  it('keeps an item without parts as it is, and builds the items of one kind alike', () => {
    // An item no part is added to (a Service, a Secret, a ConfigMap) is the same object, not a copy.
    const service = { apiVersion: 'v1', kind: 'Service', name: 's', namespace: 'app', object: { spec: {} } };
    expect(finishedItem(service)).toBe(service);
    // Items given parts are built member by member in one order (a spread copy given a member afterwards got
    // a hidden class of its own from V8 once optimised): the same keys in the same order for every item.
    // Whether V8 then shares one map is its business and changes with what else ran; the order is ours.
    const finished = Array.from({ length: 3000 }, (_, i) => finishedItem(pod(`p${i}`, {})));
    expect(finished.every((o) => typeof o === 'object' && o !== null && 'images' in o)).toBe(true);
    const orders = new Set(finished.map((o) => Object.keys(o as object).join(',')));
    expect(orders.size).toBe(1);
  });

  it('masks in the items a secret the facet’s problems teach', () => {
    const facet = facetOf(
      [pod('a', { note: 'the key is Zq8-staging-k3y' })],
      [{ subject: 'list pods', message: 'curl -u ops:Zq8-staging-k3y failed', cause: 'api-error', fix: 'x' }],
    );
    const { incremental, whole } = both(facet);
    expect(JSON.stringify(incremental)).toBe(JSON.stringify(whole));
    expect(JSON.stringify(incremental)).not.toContain('Zq8-staging-k3y');
  });
});
