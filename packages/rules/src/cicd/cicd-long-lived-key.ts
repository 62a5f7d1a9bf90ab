import { defineRule, type Workflow, type WorkflowPermissions } from '@coditect-audit/core';
import {
  actionRepository,
  callersOf,
  effectivePermissions,
  grantsIdToken,
  hasFlag,
  type SimpleCommand,
  stepCommands,
  stepResource,
  withLocation,
  withValue,
} from '../util/workflows.js';

/** Inputs of Google's actions (current and retired) that take a service-account JSON key. */
const KEY_INPUTS = ['credentials_json', 'credentials', 'service_account_key'] as const;
const SECRET_REFERENCE = /^\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}$/;

/**
 * ADR-001 Issue 11: the ADR's own deploy workflow authenticates with `credentials_json: ${{ secrets.GCP_SA_KEY }}`,
 * a downloaded service-account key that never expires. Workload Identity Federation needs no stored key.
 */
export default defineRule({
  id: 'cicd-long-lived-key',
  title: 'CI authenticates to Google Cloud with Workload Identity Federation, not a JSON key',
  concerns: ['cicd.long-lived-key'],
  layer: 'files',
  facets: ['files.workflows'],
  description:
    'Fails on every way a workflow hands Google Cloud a service-account JSON key: `google-github-actions/auth` (or another Google action) with `credentials_json`, `credentials` or `service_account_key`; `gcloud auth activate-service-account --key-file`; and `GOOGLE_APPLICATION_CREDENTIALS` set in a `run` script of a job that writes a secret. `google-github-actions/auth` with `workload_identity_provider` passes when the job may request an OIDC token (`permissions: id-token: write` on the job, or on the workflow when the job sets none); without it the step cannot authenticate, which fails with its own message. A reusable workflow without permissions of its own is judged by the jobs of this repository that call it.',
  rationale: `ADR-001 Issue 11 remediates manual deploys with a workflow that authenticates through \`credentials_json: \${{ secrets.GCP_SA_KEY }}\`. A JSON key is a long-lived credential: it is valid until someone deletes it (user-managed keys expire after 10 years by default), it can be copied out of any workflow that reads the secret, and nothing ties its use to this repository. Workload Identity Federation exchanges the short-lived GitHub OIDC token of one run for short-lived Google credentials, scoped by the provider's attribute condition to this repository.`,
  remediation: {
    text: 'Create a Workload Identity pool and GitHub provider restricted to this repository, let it impersonate the deploy service account, replace the key input with `workload_identity_provider` and `service_account`, grant the job `id-token: write`, then delete the JSON key and its secret.',
    commands: [
      'gcloud iam workload-identity-pools create github --project={{project}} --location=global --display-name="GitHub Actions"',
      'gcloud iam workload-identity-pools providers create-oidc github --project={{project}} --location=global --workload-identity-pool=github --issuer-uri="https://token.actions.githubusercontent.com" --attribute-mapping="google.subject=assertion.sub,attribute.repository=assertion.repository" --attribute-condition="assertion.repository==\'<owner>/<repo>\'"',
      'gcloud iam service-accounts add-iam-policy-binding github-deployer@{{project}}.iam.gserviceaccount.com --project={{project}} --role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/projects/<project-number>/locations/global/workloadIdentityPools/github/attribute.repository/<owner>/<repo>"',
      `permissions:
  contents: read
  id-token: write
jobs:
  build-and-deploy:
    steps:
      - name: Authenticate to Google Cloud
        uses: google-github-actions/auth@<full-commit-sha> # v2
        with:
          workload_identity_provider: projects/<project-number>/locations/global/workloadIdentityPools/github/providers/github
          service_account: github-deployer@{{project}}.iam.gserviceaccount.com`,
      'gcloud iam service-accounts keys delete <key-id> --iam-account=github-deployer@{{project}}.iam.gserviceaccount.com',
      'gh secret delete GCP_SA_KEY',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Cloud Platform Foundation Benchmark 3.0',
      id: '1.4',
      title: 'Ensure That There Are Only GCP-Managed Service Account Keys for Each Service Account',
    },
  ],
  messages: {
    keyInput:
      '{{action}} authenticates with `{{input}}`, a service-account JSON key ({{source}}) that stays valid until deleted; use Workload Identity Federation.',
    keyFileActivation:
      '`gcloud auth activate-service-account --key-file` logs in with a service-account JSON key that stays valid until deleted; use Workload Identity Federation.',
    keyFileEnv:
      'GOOGLE_APPLICATION_CREDENTIALS points at a key file this job writes from a secret: a long-lived JSON key; use Workload Identity Federation.',
    missingIdToken:
      'Job {{job}} uses Workload Identity Federation but its token may not request an OIDC token (permissions: {{permissions}}); add `id-token: write`.',
    workloadIdentity: '{{action}} authenticates with Workload Identity Federation ({{identity}}).',
  },
  check(ctx) {
    const all = ctx.facet('files.workflows').files;
    for (const wf of all) {
      for (const job of wf.jobs) {
        const jobWritesSecret = job.steps.some((s) => /\$\{\{\s*secrets\./.test(s.run?.script ?? ''));
        for (const step of job.steps) {
          const resource = stepResource(wf, job, step);
          const repo = actionRepository(step);
          if (repo && isGoogleAction(repo)) {
            for (const input of KEY_INPUTS) {
              const value = withValue(step, input);
              if (value === undefined) continue;
              const secret = SECRET_REFERENCE.exec(value.trim())?.[1];
              ctx.fail({
                resource,
                messageId: 'keyInput',
                data: { action: repo, input, source: secret ? `secret ${secret}` : 'a value written in the workflow' },
                location: withLocation(wf, step, input),
                // The secret's name is evidence; a literal value never is.
                evidence: [
                  {
                    path: `jobs.${job.id}.steps[${resource.name}].with.${input}`,
                    observed: secret ? `\${{ secrets.${secret} }}` : '(a literal value, not shown)',
                    expected: 'workload_identity_provider + service_account',
                  },
                ],
                discriminator: `with:${input}`,
              });
            }
            const provider = withValue(step, 'workload_identity_provider');
            if (provider !== undefined && repo === 'google-github-actions/auth') {
              const permissions = effectivePermissions(wf, job);
              const granted = idTokenGranted(all, wf, permissions);
              if (granted === undefined) {
                ctx.skip(
                  `${wf.file} is a reusable workflow without permissions of its own and no workflow here calls it: its callers decide whether it may request an OIDC token`,
                  resource,
                );
              } else if (granted) {
                const account = withValue(step, 'service_account');
                ctx.pass({
                  resource,
                  messageId: 'workloadIdentity',
                  data: { action: repo, identity: account ? `as ${account}` : 'direct resource access' },
                  discriminator: 'workload-identity',
                });
              } else {
                ctx.fail({
                  resource,
                  messageId: 'missingIdToken',
                  data: { job: job.id, permissions: describePermissions(permissions) },
                  location: withLocation(wf, step, 'workload_identity_provider'),
                  evidence: [
                    {
                      path: job.permissions !== undefined ? `jobs.${job.id}.permissions` : 'permissions',
                      observed: describePermissions(permissions),
                      expected: 'id-token: write',
                    },
                  ],
                  discriminator: 'permissions:id-token',
                });
              }
            }
          }
          for (const cmd of stepCommands(step)) {
            if (isKeyFileActivation(cmd)) {
              ctx.fail({
                resource,
                messageId: 'keyFileActivation',
                location: { file: wf.file, startLine: cmd.line },
                evidence: [
                  { path: 'gcloud auth activate-service-account --key-file', observed: true, expected: 'absent' },
                ],
                discriminator: 'run:activate-service-account',
              });
            } else if (jobWritesSecret && setsKeyFileCredentials(cmd)) {
              ctx.fail({
                resource,
                messageId: 'keyFileEnv',
                location: { file: wf.file, startLine: cmd.line },
                evidence: [{ path: 'GOOGLE_APPLICATION_CREDENTIALS', observed: 'a key file written from a secret' }],
                discriminator: 'run:GOOGLE_APPLICATION_CREDENTIALS',
              });
            }
          }
        }
      }
    }
  },
});

function isGoogleAction(repo: string): boolean {
  return repo.startsWith('google-github-actions/') || repo === 'googlecloudplatform/github-actions';
}

function isKeyFileActivation(cmd: SimpleCommand): boolean {
  const words = cmd.argv.filter((w) => !w.startsWith('-'));
  const i = words.indexOf('auth');
  return (
    cmd.argv[0] === 'gcloud' &&
    i > 0 &&
    words[i + 1] === 'activate-service-account' &&
    hasFlag(cmd.argv, ['--key-file'])
  );
}

/**
 * Sets GOOGLE_APPLICATION_CREDENTIALS (`export`, a prefix assignment, or a line appended to `$GITHUB_ENV`) to
 * anything but the credentials file google-github-actions/auth wrote for Workload Identity Federation.
 */
function setsKeyFileCredentials(cmd: SimpleCommand): boolean {
  const values = [
    cmd.assignments.GOOGLE_APPLICATION_CREDENTIALS,
    ...cmd.argv
      .filter((w) => w.startsWith('GOOGLE_APPLICATION_CREDENTIALS='))
      .map((w) => w.slice('GOOGLE_APPLICATION_CREDENTIALS='.length)),
  ].filter((v): v is string => v !== undefined);
  return values.some((v) => !v.includes('credentials_file_path'));
}

/**
 * Whether the job's token may request an OIDC token. A reusable workflow (`on: workflow_call`) that sets
 * no permissions runs with those of the calling job: every caller in the repository must grant it;
 * with no caller here the answer is unknown.
 */
function idTokenGranted(
  all: readonly Workflow[],
  wf: Workflow,
  permissions: WorkflowPermissions | undefined,
): boolean | undefined {
  if (permissions !== undefined || !wf.on.includes('workflow_call')) return grantsIdToken(permissions);
  if (wf.on.some((event) => event !== 'workflow_call')) return false;
  const callers = callersOf(all, wf);
  if (callers.length === 0) return undefined;
  return callers.every((c) => grantsIdToken(effectivePermissions(c.workflow, c.job)));
}

function describePermissions(p: WorkflowPermissions | undefined): string {
  if (p === undefined) return 'not set, so the default without id-token';
  if (typeof p === 'string') return p;
  const entries = Object.entries(p);
  return entries.length ? entries.map(([k, v]) => `${k}: ${v}`).join(', ') : '{}';
}
