import { defineRule, type Resource, type WorkflowUses } from '@coditect-audit/core';
import { actionIdentity, jobResource, stepResource } from '../util/workflows.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;
const DIGEST = /@sha256:[0-9a-f]{64}$/i;
/** Owners whose actions GitHub itself publishes: still pinned, reported with their own message. */
const GITHUB_OWNERS = new Set(['actions', 'github']);

/**
 * ADR-001 Issue 11: the ADR's workflow runs `actions/checkout@v3`, `google-github-actions/auth@v1` and
 * `setup-gcloud@v1` with deploy credentials in reach. A tag can be moved to other code at any time.
 */
export default defineRule({
  id: 'cicd-unpinned-action',
  title: 'Actions are pinned to a full commit SHA',
  concerns: ['cicd.unpinned-action'],
  layer: 'files',
  facets: ['files.workflows'],
  description:
    "Every remote action a workflow step uses (`owner/repo[/path]@ref`) is pinned to a full 40-character commit SHA, and every `docker://` action to an image digest (`@sha256:`). Local actions (`./path`) are part of the repository and pass. Actions published by GitHub (`actions/*`, `github/*`) are findings too, with their own message: GitHub's security hardening guide and the OpenSSF Scorecard ask for every action to be pinned, and a release tag of any owner can be moved.",
  rationale:
    "ADR-001 Issue 11 remediates manual deploys with a workflow that uses `actions/checkout@v3`, `google-github-actions/auth@v1` and `google-github-actions/setup-gcloud@v1`. Those steps run with the deploy credentials in reach (the `GCP_SA_KEY` secret, or a Workload Identity token that can push images and change the cluster). A tag or branch can be repointed by whoever controls the action's repository, as in the tj-actions/changed-files compromise of March 2025 where tags were moved to code that dumped CI secrets; a full commit SHA cannot be moved.",
  remediation: {
    text: 'Replace each tag with the full commit SHA it points to, keeping the tag as a comment so Dependabot or Renovate can propose updates. `git ls-remote https://github.com/<owner>/<repo> refs/tags/<tag>` prints the SHA (for an annotated tag, use the `^{}` line).',
    commands: [
      'git ls-remote https://github.com/actions/checkout refs/tags/v4.2.2',
      `steps:
  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
  - uses: google-github-actions/auth@<full-commit-sha> # v2
  - uses: docker://alpine@sha256:<digest>`,
      `# .github/dependabot.yml
version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly`,
    ],
  },
  benchmarks: [{ standard: 'OpenSSF Scorecard', id: 'Pinned-Dependencies', title: 'Pinned-Dependencies' }],
  messages: {
    unpinned: '{{action}} is used at {{ref}}, a ref its owner can move; pin it to a full commit SHA.',
    unpinnedGithubOwned:
      "{{action}} (published by GitHub) is used at {{ref}}, a ref that can be moved; pin it to a full commit SHA as GitHub's hardening guide advises.",
    unpinnedImage: '{{action}} runs the image {{image}} by tag, not by digest; pin it to @sha256:<digest>.',
    pinned: '{{action}} is pinned to {{ref}}.',
    local: '{{action}} is a local action, versioned with the repository.',
  },
  check(ctx) {
    for (const wf of ctx.facet('files.workflows').files) {
      for (const job of wf.jobs) {
        // A job that calls a reusable workflow runs that workflow's code at the ref given, like an action.
        if (job.uses) checkUses(job.uses, jobResource(wf, job), wf.file, `jobs.${job.id}.uses`);
        for (const step of job.steps) {
          if (!step.uses) continue;
          const resource = stepResource(wf, job, step);
          checkUses(step.uses, resource, wf.file, `jobs.${job.id}.steps[${resource.name}].uses`);
        }
      }
    }

    function checkUses(uses: WorkflowUses, resource: Resource, file: string, path: string) {
      const action = actionIdentity(uses.raw);
      const location = { file, startLine: uses.line, startColumn: uses.column };
      if (uses.kind === 'local') {
        ctx.pass({ resource, messageId: 'local', data: { action }, discriminator: `uses:${action}` });
        return;
      }
      if (uses.kind === 'docker') {
        const image = uses.raw.slice('docker://'.length);
        if (DIGEST.test(image)) {
          const ref = image.slice(image.lastIndexOf('@') + 1);
          ctx.pass({ resource, messageId: 'pinned', data: { action, ref }, discriminator: `uses:${action}` });
          return;
        }
        ctx.fail({
          resource,
          messageId: 'unpinnedImage',
          data: { action, image },
          location,
          evidence: [{ path, observed: uses.raw, expected: 'docker://<image>@sha256:<digest>' }],
          discriminator: `uses:${uses.raw}`,
        });
        return;
      }
      const ref = uses.ref ?? '';
      if (FULL_SHA.test(ref)) {
        ctx.pass({ resource, messageId: 'pinned', data: { action, ref }, discriminator: `uses:${action}` });
        return;
      }
      const owner = action.split('/')[0]?.toLowerCase() ?? '';
      ctx.fail({
        resource,
        messageId: GITHUB_OWNERS.has(owner) ? 'unpinnedGithubOwned' : 'unpinned',
        data: { action, ref: ref || '(no ref)' },
        location,
        evidence: [{ path, observed: uses.raw, expected: `${action}@<40-hex commit SHA>` }],
        discriminator: `uses:${action}@${ref}`,
      });
    }
  },
});
