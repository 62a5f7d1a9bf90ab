/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are workflow sources with GitHub ${{ }} expressions */
import { describe, expect, it } from 'vitest';
import { FileParseError } from '../src/files/errors.js';
import { parseWorkflow } from '../src/files/workflows.js';

const DEPLOY = `name: Deploy backend
on:
  push:
    branches: [main, 'release/**']
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
jobs:
  build:
    name: Build and push
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Auth
        uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/gh/providers/gh
          create_credentials_file: true
          access_token_lifetime: 300s
      - name: Build
        run: |
          docker buildx build --platform linux/amd64 \\
            -t us-central1-docker.pkg.dev/p/r/api:\${{ github.sha }} \\
            --push .

          echo "built" && echo "pushed"
      - uses: ./.github/actions/smoke
      - uses: docker://alpine:3.20
  deploy:
    needs: build
    permissions: read-all
    runs-on: ubuntu-latest
    steps:
      - run: kubectl rollout status deployment/backend -n coditect-staging
      - run: >-
          curl --fail
          https://api.example.test/health
  reusable:
    needs: [build, deploy]
    uses: org/workflows/.github/workflows/notify.yml@v2
`;

describe('parseWorkflow', () => {
  const wf = parseWorkflow('.github/workflows/deploy.yml', DEPLOY);

  it('reads name, triggers, push branches and permissions', () => {
    expect(wf.name).toBe('Deploy backend');
    expect(wf.line).toBe(1);
    expect(wf.on).toEqual(['push', 'workflow_dispatch']);
    expect(wf.pushBranches).toEqual(['main', 'release/**']);
    expect(wf.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('reads triggers written as a string or a list', () => {
    expect(parseWorkflow('w.yml', 'on: push\njobs: {}\n')).toMatchObject({ on: ['push'], pushBranches: [] });
    expect(parseWorkflow('w.yml', 'on: [push, pull_request]\njobs: {}\n')).toMatchObject({
      on: ['push', 'pull_request'],
      pushBranches: [],
    });
    expect(parseWorkflow('w.yml', 'on:\n  push:\n    branches: main\njobs: {}\n').pushBranches).toEqual(['main']);
    expect(parseWorkflow('w.yml', 'on:\n  push:\njobs: {}\n').pushBranches).toEqual([]);
  });

  it('reads jobs with needs as a string or a list, and reusable-workflow jobs', () => {
    expect(wf.jobs.map((j) => [j.id, j.name, j.line, j.needs, j.permissions, j.steps.length])).toEqual([
      ['build', 'Build and push', 10, [], undefined, 5],
      ['deploy', undefined, 30, ['build'], 'read-all', 2],
      ['reusable', undefined, 39, ['build', 'deploy'], undefined, 0],
    ]);
    expect(wf.jobs[2]!.uses).toEqual({
      raw: 'org/workflows/.github/workflows/notify.yml@v2',
      repository: 'org/workflows',
      ref: 'v2',
      kind: 'remote',
      line: 41,
      column: 11,
    });
  });

  it('parses uses: remote, local and docker actions, with the value position', () => {
    const steps = wf.jobs[0]!.steps;
    expect(steps.map((s) => [s.index, s.line, s.name, s.uses])).toEqual([
      [
        0,
        14,
        undefined,
        { raw: 'actions/checkout@v4', repository: 'actions/checkout', ref: 'v4', kind: 'remote', line: 14, column: 15 },
      ],
      [
        1,
        15,
        'Auth',
        {
          raw: 'google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f',
          repository: 'google-github-actions/auth',
          ref: '6fc4af4b145ae7821d527454aa9bd537d1f2dc5f',
          kind: 'remote',
          line: 16,
          column: 15,
        },
      ],
      [2, 21, 'Build', undefined],
      [3, 28, undefined, { raw: './.github/actions/smoke', kind: 'local', line: 28, column: 15 }],
      [4, 29, undefined, { raw: 'docker://alpine:3.20', kind: 'docker', line: 29, column: 15 }],
    ]);
    const sub = parseWorkflow('w.yml', 'on: push\njobs:\n  a:\n    steps:\n      - uses: owner/repo/sub/dir@main\n');
    expect(sub.jobs[0]!.steps[0]!.uses).toMatchObject({ repository: 'owner/repo', ref: 'main', kind: 'remote' });
  });

  it('stringifies with: values and gives their positions', () => {
    expect(wf.jobs[0]!.steps[1]!.with).toEqual({
      workload_identity_provider: {
        value: 'projects/1/locations/global/workloadIdentityPools/gh/providers/gh',
        line: 18,
        column: 39,
      },
      create_credentials_file: { value: 'true', line: 19, column: 36 },
      access_token_lifetime: { value: '300s', line: 20, column: 34 },
    });
  });

  it('splits a literal-block run script into commands on their file lines', () => {
    const run = wf.jobs[0]!.steps[2]!.run!;
    expect(run.line).toBe(22);
    expect(run.script.startsWith('docker buildx build --platform linux/amd64 \\\n')).toBe(true);
    expect(run.commands).toMatchObject([
      {
        text: 'docker buildx build --platform linux/amd64 -t us-central1-docker.pkg.dev/p/r/api:${{ github.sha }} --push .',
        argv: [
          'docker',
          'buildx',
          'build',
          '--platform',
          'linux/amd64',
          '-t',
          'us-central1-docker.pkg.dev/p/r/api:${{ github.sha }}',
          '--push',
          '.',
        ],
        line: 23,
      },
      { text: 'echo "built"', argv: ['echo', 'built'], line: 27 },
      { text: 'echo "pushed"', argv: ['echo', 'pushed'], line: 27 },
    ]);
  });

  it('gives plain and folded run scripts their lines', () => {
    const [plain, folded] = wf.jobs[1]!.steps;
    expect(plain!.run!.commands).toMatchObject([
      {
        text: 'kubectl rollout status deployment/backend -n coditect-staging',
        argv: ['kubectl', 'rollout', 'status', 'deployment/backend', '-n', 'coditect-staging'],
        line: 35,
      },
    ]);
    expect(folded!.run).toEqual({
      script: 'curl --fail https://api.example.test/health',
      line: 36,
      commands: [
        {
          text: 'curl --fail https://api.example.test/health',
          argv: ['curl', '--fail', 'https://api.example.test/health'],
          line: 37,
          simple: [
            {
              argv: ['curl', '--fail', 'https://api.example.test/health'],
              assignments: {},
              after: '',
              substituted: false,
              line: 37,
            },
          ],
        },
      ],
    });
  });

  it('maps a literal block that starts with blank lines and keeps indentation', () => {
    const parsed = parseWorkflow(
      'w.yml',
      'on: push\njobs:\n  a:\n    steps:\n      - run: |\n\n\n          echo one\n            echo two\n',
    );
    expect(parsed.jobs[0]!.steps[0]!.run!.commands.map((c) => [c.text, c.line])).toEqual([
      ['echo one', 8],
      ['echo two', 9],
    ]);
  });

  it('accepts CRLF and a byte order mark', () => {
    const parsed = parseWorkflow(
      'w.yml',
      '\uFEFFon: push\r\njobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          echo a\r\n          echo b\r\n',
    );
    expect(parsed.jobs[0]!.steps[0]!.run!.commands.map((c) => [c.text, c.line])).toEqual([
      ['echo a', 6],
      ['echo b', 7],
    ]);
  });

  it('collects inline ignores', () => {
    const parsed = parseWorkflow(
      'w.yml',
      'on: push\njobs:\n  a:\n    steps:\n      # coditect-audit:ignore cicd-unpinned-action -- first-party action\n      - uses: actions/checkout@v4\n',
    );
    expect(parsed.ignores).toEqual([
      { file: 'w.yml', line: 5, appliesToLine: 6, ruleId: 'cicd-unpinned-action', reason: 'first-party action' },
    ]);
  });

  it('throws FileParseError with the line for invalid YAML or a document that is not a mapping', () => {
    const error = (text: string) => {
      try {
        parseWorkflow('w.yml', text);
      } catch (e) {
        return e as FileParseError;
      }
      throw new Error('expected an error');
    };
    const invalid = error('on: push\njobs:\n  a:\n    steps: [\n');
    expect(invalid).toBeInstanceOf(FileParseError);
    expect(invalid.message).toMatch(/^invalid YAML: /);
    expect(invalid.line).toBeGreaterThanOrEqual(4);
    const list = error('# comment\n- a\n- b\n');
    expect([list.line, list.message]).toEqual([2, 'a workflow must be a YAML mapping with "on" and "jobs"']);
  });
});
