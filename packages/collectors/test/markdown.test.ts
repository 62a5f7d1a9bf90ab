/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Markdown documents with shell-style variables */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/files/markdown.js';

describe('parseMarkdown', () => {
  it('finds registry references in prose and code blocks with their line and column', () => {
    const doc = parseMarkdown(
      'docs/deploy.md',
      [
        '# Deploy',
        '',
        'Images used to live at gcr.io/coditect-cloud-infra/backend:v1.',
        'Now: `us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/api:v1.0.0-staging`.',
        '',
        '```bash',
        'docker pull us.gcr.io/p/img@sha256:abc && docker tag docker.io/library/python:3.12 ghcr.io/o/r:1',
        'docker push gcr.io/$PROJECT_ID/app:${TAG}',
        '```',
        'See https://console.cloud.google.com/gcr/images and [x](https://eu.gcr.io/p/i).',
        'Not registries: notgcr.io/x, github.com/org/repo, gcr.io alone.',
      ].join('\n'),
    );
    expect(doc.references).toEqual([
      { text: 'gcr.io/coditect-cloud-infra/backend:v1', line: 3, column: 24 },
      {
        text: 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/api:v1.0.0-staging',
        line: 4,
        column: 7,
      },
      { text: 'us.gcr.io/p/img@sha256:abc', line: 7, column: 13 },
      { text: 'docker.io/library/python:3.12', line: 7, column: 54 },
      { text: 'ghcr.io/o/r:1', line: 7, column: 84 },
      { text: 'gcr.io/$PROJECT_ID/app:${TAG}', line: 8, column: 13 },
      { text: 'eu.gcr.io/p/i', line: 10, column: 65 },
    ]);
  });

  it('accepts CRLF and a byte order mark', () => {
    const doc = parseMarkdown('a.md', '\uFEFFgcr.io/a/b\r\n\r\n  k8s.gcr.io/pause:3.9\r\n');
    expect(doc.references).toEqual([
      { text: 'gcr.io/a/b', line: 1, column: 1 },
      { text: 'k8s.gcr.io/pause:3.9', line: 3, column: 3 },
    ]);
  });

  it('collects HTML-comment inline ignores', () => {
    const doc = parseMarkdown(
      'CHANGELOG.md',
      '<!-- coditect-audit:ignore registry-gcr-reference -- history of the migration -->\nMoved from gcr.io/p/app.\n',
    );
    expect(doc.ignores).toEqual([
      {
        file: 'CHANGELOG.md',
        line: 1,
        appliesToLine: 2,
        ruleId: 'registry-gcr-reference',
        reason: 'history of the migration',
      },
    ]);
  });
});
