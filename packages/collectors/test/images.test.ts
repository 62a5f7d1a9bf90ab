/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are image references with templates, not JS templates */
/**
 * The one image reference parser: as written (what rules judge tags by) and, when valid, what a runtime
 * pulls (what the registry probe resolves).
 */
import { describe, expect, it } from 'vitest';
import { containerImages, parsedContainerImages, parseImageReference } from '../src/images.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    [
      'python',
      {
        raw: 'python',
        repository: 'python',
        canonical: { registry: 'docker.io', repository: 'library/python', tag: 'latest' },
      },
    ],
    [
      ' postgres:16-alpine ',
      {
        raw: 'postgres:16-alpine',
        repository: 'postgres',
        tag: '16-alpine',
        canonical: { registry: 'docker.io', repository: 'library/postgres', tag: '16-alpine' },
      },
    ],
    [
      'index.docker.io/library/redis:7',
      {
        raw: 'index.docker.io/library/redis:7',
        registry: 'index.docker.io',
        repository: 'library/redis',
        tag: '7',
        canonical: { registry: 'docker.io', repository: 'library/redis', tag: '7' },
      },
    ],
    [
      'localhost:5000/a/b:v1',
      {
        raw: 'localhost:5000/a/b:v1',
        registry: 'localhost:5000',
        repository: 'a/b',
        tag: 'v1',
        canonical: { registry: 'localhost:5000', repository: 'a/b', tag: 'v1' },
      },
    ],
    [
      `us-docker.pkg.dev/p/r/app:v1@${DIGEST}`,
      {
        raw: `us-docker.pkg.dev/p/r/app:v1@${DIGEST}`,
        registry: 'us-docker.pkg.dev',
        repository: 'p/r/app',
        tag: 'v1',
        digest: DIGEST,
        canonical: { registry: 'us-docker.pkg.dev', repository: 'p/r/app', tag: 'v1', digest: DIGEST },
      },
    ],
    [`gcr.io/p/app@${DIGEST}`, { canonical: { registry: 'gcr.io', repository: 'p/app', digest: DIGEST } }],
  ])('%s is read as written and as pulled', (raw, expected) => {
    expect(parseImageReference(raw)).toMatchObject(expected);
  });

  it.each([
    ['app:${TAG}', { repository: 'app', tag: '${TAG}' }],
    ['{{ .Values.image }}', undefined],
    ['UPPER/Case:v1', { repository: 'UPPER/Case', tag: 'v1' }],
    ['x.io/a@sha256:short', { registry: 'x.io', repository: 'a', digest: 'sha256:short' }],
  ])('%s is read as written but is not one a runtime pulls', (raw, expected) => {
    const ref = parseImageReference(raw);
    if (expected === undefined) expect(ref).toBeUndefined();
    else {
      expect(ref).toMatchObject(expected);
      expect(ref?.canonical).toBeUndefined();
    }
  });

  it.each(['', '   ', 'two words', ':tag', '@sha256:abc'])('%j is no reference', (raw) => {
    expect(parseImageReference(raw)).toBeUndefined();
  });
});

describe('container images', () => {
  const cronJob = {
    spec: {
      jobTemplate: {
        spec: {
          template: {
            spec: {
              initContainers: [{ name: 'migrate', image: 'app:v1' }],
              containers: [{ name: 'a', image: 'python' }, { name: 'b' }, { name: 'c', image: 'two words' }],
            },
          },
        },
      },
    },
  };

  it('are found at every workload kind’s pod spec, init containers first, by the pointer of their field', () => {
    const base = '/spec/jobTemplate/spec/template/spec';
    expect(containerImages('CronJob', cronJob)).toEqual([
      { pointer: `${base}/initContainers/0/image`, image: 'app:v1', index: 0 },
      { pointer: `${base}/containers/0/image`, image: 'python', index: 0 },
      { pointer: `${base}/containers/2/image`, image: 'two words', index: 2 },
    ]);
    const parsed = parsedContainerImages('CronJob', cronJob);
    expect(Object.keys(parsed ?? {})).toEqual([`${base}/initContainers/0/image`, `${base}/containers/0/image`]);
    expect(parsedContainerImages('ConfigMap', { data: { image: 'python' } })).toBeUndefined();
  });
});
