// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fragments are Dockerfile and workflow syntax, not templates
/**
 * Property tests of the GitHub Actions workflow parser (fixed seed; scripts/fuzz.mjs runs them longer): any
 * text made of workflow fragments (triggers, jobs, steps, `uses`/`with`/`run`, expressions, block scalars)
 * and noise either parses with every position inside the text or fails with a FileParseError pointing inside
 * it, and `collectFilesFromMemory` never throws on it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { collectFilesFromMemory, parseWorkflow } from '../src/index.js';
import { expectParsesOrFileParseError, propertyParameters, textFrom } from './property-support.js';

const FRAGMENTS = [
  'name: deploy',
  'on: push',
  'on: [push, pull_request]',
  'on:',
  '  push:',
  '    branches: [main]',
  'permissions: write-all',
  'permissions:',
  '  contents: read',
  '  id-token: write',
  'env:',
  '  GCP_SA_KEY: ${{ secrets.GCP_SA_KEY }}',
  'jobs:',
  '  build:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    needs: build',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: google-github-actions/auth@v2',
  '      - uses: ./local-action',
  '      - uses: docker://alpine:3',
  '        with:',
  '          credentials_json: ${{ secrets.GCP_SA_KEY }}',
  '      - run: |',
  '      - run: >',
  '          kubectl rollout status deploy/coditect-backend',
  '          curl -f https://staging-api.coditect.ai/health',
  '      - name: smoke test',
  '        if: ${{ github.ref == "refs/heads/main" }}',
  '        shell: bash',
  '${{',
  '}}',
  '- ',
  ': ',
  '&s ',
  '*s',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '# comment',
];

describe('parseWorkflow on random workflow-like text', () => {
  it('parses or throws a FileParseError, every position inside the text', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        expectParsesOrFileParseError((t) => parseWorkflow('.github/workflows/deploy.yml', t), text);
      }),
      propertyParameters(),
    );
  });

  it('never crashes collectFilesFromMemory', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        collectFilesFromMemory({
          '.github/workflows/deploy.yml': text,
          '.github/workflows/ci.yaml': `on: push\n${text}`,
        });
      }),
      propertyParameters(),
    );
  });
});
