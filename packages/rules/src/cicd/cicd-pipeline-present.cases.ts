import type { RuleCases } from '../cases.js';
import { releaseWorkflow } from '../util/workflow-cases.js';

/**
 * ADR-001 Issue 11's remediation workflow, word for word (the ADR text lost its indentation; it is restored
 * here). Line numbers in the cicd case tables refer to this text.
 */
export const ADR_DEPLOY_WORKFLOW = `# .github/workflows/deploy-staging.yml
name: Deploy to Staging
on:
  push:
    branches: [main]
  workflow_dispatch:
jobs:
  build-and-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v3
      - name: Authenticate to Google Cloud
        uses: google-github-actions/auth@v1
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
      - name: Set up Cloud SDK
        uses: google-github-actions/setup-gcloud@v1
      - name: Configure Docker for Artifact Registry
        run: gcloud auth configure-docker us-central1-docker.pkg.dev
      - name: Build and push Docker image
        run: |
          docker buildx build --platform linux/amd64 \\
            -t us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            -t us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:staging-latest \\
            --push .
      - name: Deploy to GKE
        run: |
          gcloud container clusters get-credentials coditect-cluster \\
            --region=us-central1 \\
            --project=coditect-cloud-infra
          kubectl set image deployment/coditect-backend \\
            backend=us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
            -n coditect-staging
          kubectl rollout status deployment/coditect-backend -n coditect-staging
      - name: Run smoke tests
        run: |
          export STAGING_IP=$(kubectl get service coditect-backend -n coditect-staging -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
          curl -f http://\${STAGING_IP}/api/v1/health/live || exit 1
`;

const image = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

export default {
  pass: [
    {
      name: 'helmfile apply deploys the releases it lists (after the build and push in the same job)',
      files: {
        '.github/workflows/release.yml': `name: Release
on:
  push:
    branches: [main]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker build --platform linux/amd64 -t europe-docker.pkg.dev/p/apps/web:\${{ github.sha }} .
      - run: docker push europe-docker.pkg.dev/p/apps/web:\${{ github.sha }}
      - run: helmfile -e prod apply --set web.image.tag=\${{ github.sha }}
`,
      },
    },
    {
      name: 'the ADR Issue 11 workflow: push to main, buildx --push, kubectl set image',
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
    },
    {
      name: 'push without a branch filter, build-push-action with push: true, deploy-cloudrun',
      files: {
        '.github/workflows/release.yml': `name: Release
on: push
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83
        with:
          platforms: linux/amd64
          push: true
          tags: ${image}:\${{ github.sha }}
      - uses: google-github-actions/deploy-cloudrun@1ec29da1351112c7904fb60454a55e3e1021a51c
        with:
          service: coditect-backend
          image: ${image}:\${{ github.sha }}
`,
      },
    },
    {
      name: 'build, push and helm upgrade in separate jobs, on push to the configured branch',
      expectations: { cicd: { branch: 'production' } },
      files: {
        '.github/workflows/ci.yml': `name: CI
on:
  pull_request:
`,
        '.github/workflows/production.yml': `name: Production
on:
  push:
    branches:
      - production
      - 'release/**'
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build --platform linux/amd64 -t ${image}:\${{ github.sha }} .
          docker push ${image}:\${{ github.sha }}
  deploy:
    needs: image
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install backend ./chart --set image.tag=\${{ github.sha }}
`,
      },
    },
    {
      // actions/starter-workflows' google-cloudrun-source.yml: Cloud Run deploys from source, so Cloud Build
      // builds the image and pushes it to Artifact Registry; no docker step in the workflow.
      name: 'Cloud Run deploys from source on push to main: deploy-cloudrun with source',
      files: {
        '.github/workflows/cloudrun.yml':
          releaseWorkflow(`      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: projects/123/locations/global/workloadIdentityPools/p/providers/gh
      - uses: google-github-actions/deploy-cloudrun@33553064113a37d688aa6937bacbdc481580be17
        with:
          service: web
          region: us-central1
          source: ./
`),
      },
    },
    {
      name: 'Cloud Run deploys from source on push to main: gcloud run deploy --source',
      files: {
        '.github/workflows/worker.yml': releaseWorkflow(
          '      - run: gcloud run deploy worker --source=./worker --region us-central1\n',
        ),
      },
    },
    {
      name: 'a push to main that calls a reusable workflow of the repository which builds, pushes and deploys',
      files: {
        '.github/workflows/main.yml': `name: Main
on:
  push:
    branches: [main]
jobs:
  ship:
    uses: ./.github/workflows/ship.yml
    secrets: inherit
`,
        '.github/workflows/ship.yml': `name: Ship
on: workflow_call
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t ${image}:\${{ github.sha }} --push .
      - run: kubectl set image deployment/coditect-backend backend=${image}:\${{ github.sha }} -n coditect-staging
`,
      },
    },
  ],
  fail: [
    {
      name: 'no workflow at all: builds and deploys are manual',
      files: { Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n' },
      expect: [{ messageId: 'noWorkflow' }],
    },
    {
      name: 'workflows that never run on push to main: pull requests only, and a push filter for develop',
      files: {
        '.github/workflows/ci.yml': `name: CI
on: [pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t app:test .
`,
        '.github/workflows/deploy.yml': `name: Deploy
on:
  push:
    branches: [develop]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t ${image}:dev --push .
      - run: kubectl apply -f k8s/
`,
      },
      // At the closest, which the message names: deploy.yml lacks only the trigger.
      expect: [{ messageId: 'noPipeline', file: '.github/workflows/deploy.yml', line: 1 }],
    },
    {
      // Deploying a named image is not a build: the image must come from somewhere the workflow does not show.
      name: 'deploy-cloudrun with an image, gcloud run deploy --image: deploys only',
      files: {
        '.github/workflows/cloudrun.yml':
          releaseWorkflow(`      - uses: google-github-actions/deploy-cloudrun@33553064113a37d688aa6937bacbdc481580be17
        with:
          service: web
          image: us-docker.pkg.dev/acme/web/web:1.2.3
      - run: gcloud run deploy worker --image us-docker.pkg.dev/acme/web/worker:1.2.3 --source-dir-is-not-a-flag
`),
      },
      expect: [{ messageId: 'noPipeline', file: '.github/workflows/cloudrun.yml', line: 1 }],
    },
    {
      name: 'builds and pushes on push to main but never deploys',
      files: {
        '.github/workflows/image.yml': `name: Image
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Build
        run: >
          docker buildx build --platform linux/amd64
          -t ${image}:\${{ github.sha }}
          --push .
      - name: Wait
        run: kubectl rollout status deployment/coditect-backend -n coditect-staging
`,
      },
      expect: [{ messageId: 'noPipeline', file: '.github/workflows/image.yml', line: 1 }],
    },
    {
      name: 'build, push, then an install on a kind cluster the job starts (a chart test): no deploy',
      files: {
        '.github/workflows/ci.yml': `name: CI
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t ghcr.io/acme/app:\${{ github.sha }} --push .
      - run: kind create cluster --wait 60s
      - run: helm install app ./chart --set image.tag=\${{ github.sha }} --wait
`,
      },
      expect: [{ messageId: 'noPipeline', file: '.github/workflows/ci.yml', line: 1 }],
    },
    {
      // Located at the closest workflow, which the message names, not at the first by name.
      name: 'an unrelated workflow first by name, and a release workflow that never deploys: at the release one',
      files: {
        '.github/workflows/codeql.yml': `on: pull_request
jobs:
  analyze:
    runs-on: ubuntu-latest
    steps:
      - run: make analyze
`,
        '.github/workflows/release.yml': `name: Release


on:
  push:
    branches: [main]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: docker buildx build --platform linux/amd64 -t ${image}:\${{ github.sha }} --push .
`,
      },
      expect: [{ messageId: 'noPipeline', file: '.github/workflows/release.yml', line: 1 }],
    },
    {
      // GoogleCloudPlatform/gke-gitops-tutorial-cloudbuild: the pipeline is Cloud Build (build, push, kubectl
      // apply), run by triggers set in the project; the repository shows the config, not the trigger.
      name: 'no deploying workflow, but a Cloud Build config builds an image: undecided, naming it',
      files: {
        'cloudbuild.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: [build, -t, us-docker.pkg.dev/$PROJECT_ID/apps/web:$SHORT_SHA, .]
  - name: gcr.io/cloud-builders/docker
    args: [push, us-docker.pkg.dev/$PROJECT_ID/apps/web:$SHORT_SHA]
  - name: gcr.io/cloud-builders/kubectl
    args: [apply, -f, kubernetes.yaml]
`,
        '.github/workflows/test.yml': `on: pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
`,
      },
      expect: [
        {
          messageId: 'cloudBuild',
          status: 'unknown',
          file: 'cloudbuild.yaml',
          line: 2,
          dependsOn: ['a Cloud Build trigger in the project that runs cloudbuild.yaml on push to main'],
        },
      ],
    },
    {
      name: 'the expected workflow file does not exist',
      expectations: { cicd: { workflows: ['deploy-production.yml'] } },
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
      expect: [{ messageId: 'expectedWorkflowsMissing' }],
    },
  ],
} satisfies RuleCases;
