import type { RuleCases } from '../cases.js';
import { ADR_DEPLOY_WORKFLOW } from './cicd-pipeline-present.cases.js';

const workflow = '.github/workflows/ci.yml';

export default {
  pass: [
    {
      name: 'actions pinned to full commit SHAs, a local action and a docker action by digest',
      files: {
        [workflow]: `name: CI
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f # v2
        with:
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/p
      - uses: ./.github/actions/setup-python
      - uses: docker://alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1
        with:
          args: echo ok
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR Issue 11 workflow: checkout@v3, auth@v1, setup-gcloud@v1',
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
      expect: [
        { messageId: 'unpinnedGithubOwned', file: '.github/workflows/deploy-staging.yml', line: 11 },
        { messageId: 'unpinned', file: '.github/workflows/deploy-staging.yml', line: 13 },
        { messageId: 'unpinned', file: '.github/workflows/deploy-staging.yml', line: 17 },
      ],
    },
    {
      name: 'a short SHA, a branch, an action in a sub-path, and a docker image by tag, across two jobs',
      files: {
        [workflow]: `name: CI
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/setup-buildx-action@e468171
      - name: Lint
        uses: reviewdog/action-hadolint@main
  analyze:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/init@v3
        with:
          languages: python
      - uses: docker://alpine:3.20
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
`,
      },
      expect: [
        { messageId: 'unpinned', file: workflow, line: 7 },
        { messageId: 'unpinned', file: workflow, line: 9 },
        { messageId: 'unpinnedGithubOwned', file: workflow, line: 13 },
        { messageId: 'unpinnedImage', file: workflow, line: 16 },
      ],
    },
    {
      name: 'a remote reusable workflow called by tag; the local one is versioned with the repository',
      files: {
        '.github/workflows/release.yml': `name: Release
on: push
jobs:
  shared:
    uses: coditect-ai/shared-workflows/.github/workflows/deploy.yml@v2
    secrets: inherit
  local:
    uses: ./.github/workflows/smoke.yml
`,
      },
      expect: [{ messageId: 'unpinned', file: '.github/workflows/release.yml', line: 5, column: 11 }],
    },
  ],
} satisfies RuleCases;
