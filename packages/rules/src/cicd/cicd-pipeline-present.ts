import { defineRule, type Workflow, type WorkflowStep } from '@coditect-audit/core';
import {
  buildPushActionPushes,
  calledWorkflow,
  deployCommand,
  imageBuild,
  isBuildPushAction,
  isCloudBuildSubmit,
  isDeployAction,
  isImagePush,
  isSourceDeployAction,
  isSourceDeployCommand,
  pushTriggers,
  startsRunnerCluster,
  stepCommands,
  workflowResource,
} from '../util/workflows.js';

/**
 * ADR-001 Issue 11: images were built and deployed by hand. The remediation is a workflow that builds,
 * pushes and deploys on every push to main.
 */
export default defineRule({
  id: 'cicd-pipeline-present',
  title: 'A workflow builds, pushes and deploys the backend on push to main',
  concerns: ['cicd.pipeline-present'],
  layer: 'files',
  facets: ['files.workflows'],
  adrIdentity: 'deployment pipeline (build, push and deploy on push to main)',
  description:
    'At least one GitHub workflow runs on `push` to the expected branch (`expectations.cicd.branch`, default `main`; a push trigger without a branch filter counts) and, in any of its jobs, builds an image (`docker build`, `docker buildx build`, `podman build`, `gcloud builds submit`, `docker/build-push-action`), pushes it (`--push`, `docker push`, `push: true`, `gcloud builds submit`; a Cloud Run deploy from source, `gcloud run deploy --source` or `deploy-cloudrun` with `source`, builds and pushes on Cloud Build) and deploys it (`kubectl apply|set image|replace|rollout restart`, `helm upgrade|install`, `helmfile apply|sync|deploy`, `gcloud run deploy`, `skaffold run|deploy`, `google-github-actions/deploy-*`; an install on a cluster the job starts on its runner with kind, minikube or k3d is a test, not a deploy); reusable workflows of the repository that a job calls (`uses: ./.github/workflows/deploy.yml`) count as part of the caller. When `expectations.cicd.workflows` lists files, only those are considered. Without any workflow the deploys are manual, which is a failure, unless a Cloud Build config of the repository (`cloudbuild*.yaml`, or any YAML file whose top-level `steps` name builder images) builds an image: then the pipeline may be Cloud Build, whose triggers live in the project, and the check is undecided, naming the configs.',
  rationale:
    'ADR-001 Issue 11: "Manual Docker builds and deployments", with a medium impact of slow deployments and human error (the arm64 images of Decision 2 came from a manual build). The ADR\'s remediation is `.github/workflows/deploy-staging.yml`, which builds with `--platform linux/amd64`, pushes to Artifact Registry and runs `kubectl set image` on every push to main. It is P2 for staging and P0 for production.',
  remediation: {
    text: 'Add a workflow that runs on push to main and builds, pushes and deploys the image (the ADR-001 Issue 11 workflow, authenticated with Workload Identity Federation).',
    commands: [
      `# .github/workflows/deploy-staging.yml
name: Deploy to Staging
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
jobs:
  build-and-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@<full-commit-sha> # v4
      - uses: google-github-actions/auth@<full-commit-sha> # v2
        with:
          workload_identity_provider: projects/<project-number>/locations/global/workloadIdentityPools/github/providers/github
          service_account: github-deployer@{{project}}.iam.gserviceaccount.com
      - uses: google-github-actions/setup-gcloud@<full-commit-sha> # v2
      - run: gcloud auth configure-docker {{region}}-docker.pkg.dev
      - name: Build and push Docker image
        run: |
          docker buildx build --platform linux/amd64 \\
            -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            --push .
      - name: Deploy to GKE
        run: |
          gcloud container clusters get-credentials coditect-cluster --region={{region}} --project={{project}}
          kubectl set image deployment/coditect-backend \\
            backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            -n coditect-staging
          kubectl rollout status deployment/coditect-backend -n coditect-staging`,
    ],
  },
  benchmarks: [],
  messages: {
    pipeline: '{{workflow}} builds, pushes and deploys the image on push to {{branch}}.',
    noPipeline:
      'No workflow builds, pushes and deploys the image on push to {{branch}}; the closest, {{closest}}, lacks {{missing}}. Builds and deploys stay manual (ADR-001 Issue 11).',
    noWorkflow:
      'No GitHub workflow builds, pushes and deploys the image on push to {{branch}}: builds and deploys are manual (ADR-001 Issue 11).',
    cloudBuild:
      'No GitHub workflow builds, pushes and deploys the image on push to {{branch}}, but {{configs}} builds an image on Cloud Build: whether a trigger runs it on push to {{branch}}, and whether it deploys, is configured in the project, not in the repository (ADR-001 Issue 11).',
    expectedWorkflowsMissing:
      'None of the expected workflows ({{workflows}}) exists, so nothing builds, pushes and deploys the image on push to {{branch}} (ADR-001 Issue 11).',
  },
  check(ctx) {
    const { branch, workflows: only } = ctx.env.expectations.cicd;
    const all = ctx.facet('files.workflows').files;
    const assessed = all
      .filter((wf) => !only?.length || only.some((w) => wf.file === w || wf.file.endsWith(`/${w}`)))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((wf) => ({ wf, missing: missingOf(wf, branch, all) }));
    const complete = assessed.filter((a) => a.missing.length === 0);
    for (const { wf } of complete) {
      ctx.pass({
        resource: workflowResource(wf),
        messageId: 'pipeline',
        data: { workflow: wf.file, branch },
        location: { file: wf.file, startLine: wf.line },
      });
    }
    if (complete.length > 0) return;

    const resource = { id: 'cicd:pipeline', kind: 'Pipeline', name: 'deploy pipeline' };
    const expected = `a workflow on push to ${branch} with an image build, an image push and a deploy`;
    // A repository whose pipeline is Cloud Build: its configs are here, its triggers in the project. Unless
    // the configuration names the workflows to look for.
    const cloudBuild = only?.length ? [] : [...(ctx.facet('files.workflows').cloudBuild ?? [])];
    if (cloudBuild.length > 0) {
      cloudBuild.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
      const configs = cloudBuild.map((c) => c.file);
      const config = cloudBuild[0] as { file: string; line: number };
      ctx.unknown({
        resource,
        messageId: 'cloudBuild',
        data: { branch, configs: configs.join(', ') },
        location: { file: config.file, startLine: config.line },
        evidence: [{ path: '.github/workflows', observed: null, expected }],
        dependsOn: configs.map((file) => `a Cloud Build trigger in the project that runs ${file} on push to ${branch}`),
      });
      return;
    }
    if (assessed.length === 0) {
      // No workflow file to point at: reporters fall back to the ADR section.
      ctx.fail({
        resource,
        ...(only?.length
          ? { messageId: 'expectedWorkflowsMissing', data: { branch, workflows: only.join(', ') } }
          : { messageId: 'noWorkflow', data: { branch } }),
        evidence: [{ path: '.github/workflows', observed: null, expected }],
      });
      return;
    }
    const closest = assessed.reduce((best, a) => (a.missing.length < best.missing.length ? a : best));
    ctx.fail({
      resource,
      messageId: 'noPipeline',
      data: { branch, closest: closest.wf.file, missing: closest.missing.join(', ') },
      // At the workflow the message names, where the missing steps would go.
      location: { file: closest.wf.file, startLine: closest.wf.line },
      evidence: assessed.map(({ wf, missing }) => ({
        path: wf.file,
        observed: `lacks ${missing.join(', ')}`,
        expected,
      })),
    });
  },
});

interface Stages {
  build: boolean;
  push: boolean;
  deploy: boolean;
}

/** What the workflow's jobs do, including the reusable workflows of this repository they call. */
function stagesOf(wf: Workflow, all: readonly Workflow[], seen = new Set<string>()): Stages {
  const stages: Stages = { build: false, push: false, deploy: false };
  seen.add(wf.file);
  for (const job of wf.jobs) {
    const called = calledWorkflow(all, job);
    if (!called || seen.has(called.file)) continue;
    const inner = stagesOf(called, all, seen);
    stages.build ||= inner.build;
    stages.push ||= inner.push;
    stages.deploy ||= inner.deploy;
  }
  for (const job of wf.jobs) {
    // An install on a cluster the job starts on its runner (kind, minikube) tests; it deploys nothing.
    const testCluster = startsRunnerCluster(job);
    for (const step of job.steps) stageOf(step, stages, testCluster);
  }
  return stages;
}

/** What one step adds to the workflow's stages. */
function stageOf(step: WorkflowStep, stages: Stages, testCluster: boolean): void {
  if (isBuildPushAction(step)) {
    stages.build = true;
    if (buildPushActionPushes(step)) stages.push = true;
  }
  if (isDeployAction(step) && !testCluster) stages.deploy = true;
  // A source deploy builds the image on Cloud Build and pushes it before deploying it.
  if (isSourceDeployAction(step)) {
    stages.build = true;
    stages.push = true;
  }
  for (const cmd of stepCommands(step)) {
    const build = imageBuild(cmd);
    if (build) stages.build = true;
    if (build?.push || isImagePush(cmd)) stages.push = true;
    if (isCloudBuildSubmit(cmd) || isSourceDeployCommand(cmd)) {
      stages.build = true;
      stages.push = true;
    }
    if (deployCommand(cmd) && !testCluster) stages.deploy = true;
  }
}

function missingOf(wf: Workflow, branch: string, all: readonly Workflow[]): string[] {
  const stages = stagesOf(wf, all);
  return [
    ...(pushTriggers(wf, branch) ? [] : [`a push trigger for ${branch}`]),
    ...(stages.build ? [] : ['an image build']),
    ...(stages.push ? [] : ['an image push']),
    ...(stages.deploy ? [] : ['a deploy step']),
  ];
}
