import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';
import { releaseWorkflow } from '../util/workflow-cases.js';

// ---- files
const AR = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- files
    {
      name: 'files: kustomize edit set image OLD=NEW: OLD is only the name kustomize matches; NEW, on Artifact Registry, runs',
      files: {
        '.github/workflows/deploy.yml': `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          kustomize edit set image gcr.io/placeholder/app=europe-docker.pkg.dev/my-proj/apps/app:\${GITHUB_SHA}
          kustomize build . | kubectl apply -f -
`,
      },
    },
    {
      name: 'files: the remediated repository: Artifact Registry everywhere',
      files: {
        Dockerfile:
          'FROM python:3.12-slim AS builder\nFROM python:3.12-slim\nCOPY --from=builder /app /app\nUSER 1000\n',
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:v1.0.0-staging
`,
        '.github/workflows/deploy-staging.yml': `name: Deploy to Staging
on:
  push:
    branches: [main]
jobs:
  build-and-deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Configure Docker for Artifact Registry
        run: gcloud auth configure-docker us-central1-docker.pkg.dev
      - name: Build and push
        run: |
          docker buildx build --platform linux/amd64 \\
            -t ${AR}:\${{ github.sha }} \\
            --push .
`,
        'opentofu/registry.tf': `resource "google_artifact_registry_repository" "backend" {
  location      = "us-central1"
  repository_id = "coditect-backend"
  format        = "DOCKER"
}
`,
      },
    },
    {
      name: 'files: a bare gcr.io host in prose-like command output is a mention, not a reference',
      files: {
        '.github/workflows/notes.yml': `name: Notes
on: [workflow_dispatch]
jobs:
  notes:
    runs-on: ubuntu-latest
    steps:
      - run: echo "Images moved off gcr.io to us-central1-docker.pkg.dev in March 2025"
`,
      },
    },
    {
      name: "files: Google's images keep their gcr.io names: distroless, the Cloud SQL proxy, gke.gcr.io, and an Artifact Registry repository named gcr.io",
      files: {
        Dockerfile: 'FROM gcr.io/distroless/python3-debian12:nonroot\n',
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: us-docker.pkg.dev/deeplearning-platform-release/gcr.io/huggingface-tgi.2-3:latest
        - name: cloud-sql-proxy
          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0
        - name: legacy-proxy
          image: gcr.io/cloudsql-docker/gce-proxy:1.33.2
        - name: pause
          image: gke.gcr.io/pause:3.8
`,
      },
    },
    {
      // python-docs-samples' Django-on-GKE tutorial: App Engine's Python runtime under its older project name,
      // spelled with an underscore as gcr.io still serves it (like google_containers).
      name: "files: App Engine's runtime image under its underscore name (gcr.io/google_appengine)",
      files: { 'kubernetes_engine/django_tutorial/Dockerfile': 'FROM gcr.io/google_appengine/python\nUSER 1000\n' },
    },
    {
      // anthos-samples: the images of GKE's bare-metal and multi-cloud editions and Managed Prometheus' sidecar.
      name: "files: GKE's bare-metal and multi-cloud images and the Stackdriver Prometheus sidecar are Google's",
      files: {
        'k8s/agents.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agents
spec:
  template:
    spec:
      containers:
        - name: nettest
          image: gcr.io/anthos-baremetal-release/nettest:v0.3.7-gke.9__linux_amd64
        - name: sidecar
          image: us.gcr.io/gke-multi-cloud-release/gke-addon-sidecar:gke_multicloud.docker_images_20210323_1546_RC00
        - name: prometheus-sidecar
          image: gcr.io/stackdriver-prometheus/stackdriver-prometheus-sidecar:0.8.0
`,
      },
    },
    {
      // cloud-builders-community's builders: Cloud Launcher's (Marketplace's old name) base images, by either host.
      name: "files: Google's Cloud Launcher images (launcher.gcr.io, l.gcr.io)",
      files: {
        'rsync/Dockerfile': 'FROM launcher.gcr.io/google/ubuntu16_04\nUSER 1000\n',
        'bazel/Dockerfile': 'FROM l.gcr.io/google/bazel:latest\nUSER 1000\n',
      },
    },
    {
      // The bare command only adds the gcr.io hosts to Docker's credential helpers; the job pushes to Artifact
      // Registry, whose host it configures too, and names no gcr.io image.
      name: 'files: workflow: a configure-docker with no host beside the Artifact Registry host, pushing there only',
      files: {
        '.github/workflows/release.yml': releaseWorkflow(`      - run: gcloud auth configure-docker --quiet
      - run: gcloud auth configure-docker us-central1-docker.pkg.dev --quiet
      - run: docker build --platform linux/amd64 -t us-central1-docker.pkg.dev/acme/app/api:1.0.0 . && docker push us-central1-docker.pkg.dev/acme/app/api:1.0.0
  mirror:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud auth configure-docker --quiet
      - run: gcloud auth print-access-token | docker login -u oauth2accesstoken --password-stdin https://europe-docker.pkg.dev
      - run: docker push europe-docker.pkg.dev/acme/app/api:1.0.0
`),
      },
    },
    {
      // A leftover `configure-docker` in jobs that push to Docker Hub (by a variable user, after logging in there)
      // and to ghcr.io: nothing they send goes to Container Registry.
      name: 'files: workflow: a configure-docker with no host in jobs that push only to Docker Hub or ghcr.io',
      files: {
        '.github/workflows/release.yml': releaseWorkflow(`      - uses: docker/login-action@v3
        with:
          username: \${{ secrets.DOCKERHUB_USERNAME }}
          password: \${{ secrets.DOCKERHUB_TOKEN }}
      - run: gcloud auth configure-docker --quiet
      - run: docker build --platform linux/amd64 -t \${{ secrets.DOCKERHUB_USERNAME }}/api:1.0.0 .
      - run: docker push \${{ secrets.DOCKERHUB_USERNAME }}/api:1.0.0
  ghcr:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud auth configure-docker
      - uses: docker/build-push-action@v6
        with:
          platforms: linux/amd64
          push: true
          tags: ghcr.io/acme/api:1.0.0,ghcr.io/acme/api:latest
`),
      },
    },
    {
      // An operator's metrics proxy and a Skaffold step: images their projects publish on gcr.io.
      name: 'files: images open-source projects publish on gcr.io: Kubebuilder, Skaffold, kpt',
      files: {
        'config/manager.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller-manager
spec:
  template:
    spec:
      containers:
        - name: kube-rbac-proxy
          image: gcr.io/kubebuilder/kube-rbac-proxy:v0.16.0
        - name: render
          image: gcr.io/k8s-skaffold/skaffold:v2.13.2
        - name: set-project
          image: gcr.io/kpt-fn/set-project-id:v0.2.0
`,
      },
    },

    // ---- k8s
    {
      name: 'k8s: after Decision 1: the backend and its migration Job pull from Artifact Registry',
      facets: workloads({
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.jobs': list(
          live('Job', 'django-migrate', {
            spec: { template: { spec: { containers: [{ name: 'migrate', image: `${APP_IMAGE}:v1.0.1` }] } } },
          }),
        ),
      }),
    },
    {
      name: "k8s: Google's images: the Cloud SQL proxy sidecar, a gke.gcr.io system image, an Artifact Registry gcr.io repository",
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: `${APP_IMAGE}:v1.0.1` },
            { name: 'proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' },
            { name: 'pause', image: 'gke.gcr.io/pause:3.8' },
            { name: 'tgi', image: 'us-docker.pkg.dev/deeplearning-platform-release/gcr.io/huggingface-tgi:latest' },
          ]),
        ),
      }),
    },
  ],
  fail: [
    // ---- files
    {
      name: 'files: a Cloud Build config known by its contents (deployment/build-and-stage.yaml), not its name',
      files: {
        'deployment/build-and-stage.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'gcr.io/oss-demo/worker:$COMMIT_SHA', '.']
images: ['gcr.io/oss-demo/worker:$COMMIT_SHA']
`,
        // A top-level steps: list that is no Cloud Build config (its steps name no builder).
        'docs/tutorial.yaml': 'steps:\n  - title: Push\n    text: docker push gcr.io/oss-demo/worker\n',
      },
      expect: [
        { messageId: 'projectImage', file: 'deployment/build-and-stage.yaml', line: 3, column: 28 },
        { messageId: 'projectImage', file: 'deployment/build-and-stage.yaml', line: 4, column: 11 },
      ],
    },
    {
      // A variable destination without a Docker Hub login may be any registry; a job that pushes nothing is not
      // known to send elsewhere either.
      name: 'files: workflow: a configure-docker with no host where the destination is a variable registry, or nothing is pushed',
      files: {
        '.github/workflows/release.yml': releaseWorkflow(`      - run: gcloud auth configure-docker --quiet
      - run: docker push \${{ env.REGISTRY }}/api:1.0.0
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud auth configure-docker --quiet
      - run: kubectl rollout restart deployment/api
`),
      },
      expect: [
        { messageId: 'configureDockerDefault', file: '.github/workflows/release.yml', line: 9 },
        { messageId: 'configureDockerDefault', file: '.github/workflows/release.yml', line: 14 },
      ],
    },
    {
      name: "files: a Cloud Build config that builds, pushes and lists a gcr.io image; Google's builder images pass",
      files: {
        'cloudbuild.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'gcr.io/$PROJECT_ID/web:$SHORT_SHA', '.']
  - name: gcr.io/cloud-builders/docker
    args: ['push', 'gcr.io/$PROJECT_ID/web:$SHORT_SHA']
  - name: gcr.io/google.com/cloudsdktool/cloud-sdk
    entrypoint: bash
    args:
      - -c
      - |
        gcloud run deploy web \\
          --image gcr.io/$PROJECT_ID/web:$SHORT_SHA --region europe-west1
images: ['gcr.io/$PROJECT_ID/web:$SHORT_SHA']
`,
      },
      expect: [
        { messageId: 'projectImage', file: 'cloudbuild.yaml', line: 3, column: 28 },
        { messageId: 'projectImage', file: 'cloudbuild.yaml', line: 5, column: 21 },
        { messageId: 'projectImage', file: 'cloudbuild.yaml', line: 12, column: 19 },
        { messageId: 'projectImage', file: 'cloudbuild.yaml', line: 13, column: 11 },
      ],
    },
    {
      name: 'files: kustomize edit set image OLD=NEW with NEW on gcr.io: NEW is reported, not the placeholder it replaces',
      files: {
        '.github/workflows/deploy.yml': `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kustomize edit set image gcr.io/PROJECT_ID/IMAGE:TAG=gcr.io/my-proj/app:\${GITHUB_SHA}
`,
      },
      expect: [{ messageId: 'projectImage', file: '.github/workflows/deploy.yml', line: 9 }],
    },
    {
      name: 'files: a placeholder project in brackets or angle brackets is still a project image on gcr.io (codelab manifests)',
      files: {
        'k8s/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: gcr.io/[PROJECT_ID]/web:1.0
        - name: api
          image: gcr.io/<PROJECT_ID>/api:1.0
`,
      },
      expect: [
        { messageId: 'projectImage', file: 'k8s/deploy.yaml', line: 10, column: 11 },
        { messageId: 'projectImage', file: 'k8s/deploy.yaml', line: 12, column: 11 },
      ],
    },
    {
      name: 'files: Dockerfile: ARG-expanded FROM and COPY --from an image on gcr.io',
      files: {
        Dockerfile: `ARG REGISTRY=gcr.io/coditect-cloud-infra
FROM \${REGISTRY}/python-base:3.12 AS builder
RUN pip install --user -r requirements.txt

FROM python:3.12-slim
COPY --from=gcr.io/coditect-cloud-infra/tools:1.4 /usr/local/bin/migrate /usr/local/bin/migrate
COPY --from=builder /root/.local /home/django/.local
`,
      },
      expect: [
        { messageId: 'projectImage', file: 'Dockerfile', line: 2, column: 1 },
        { messageId: 'projectImage', file: 'Dockerfile', line: 6, column: 1 },
      ],
    },
    {
      name: "files: the frozen k8s.gcr.io registry fails; the distroless base beside it is Google's and passes",
      files: {
        Dockerfile: 'FROM gcr.io/distroless/python3-debian12:nonroot\n',
        'k8s/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: pause
spec:
  containers:
    - name: pause
      image: k8s.gcr.io/pause:3.9
`,
      },
      expect: [{ messageId: 'kubernetesFrozenRegistry', file: 'k8s/pod.yaml', line: 8, column: 7 }],
    },
    {
      name: 'files: manifests: one finding per file and repository, further uses are related locations',
      files: {
        'k8s/all.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: gcr.io/coditect-cloud-infra/coditect-cloud-backend:v1.0.0
      containers:
        - name: backend
          image: gcr.io/coditect-cloud-infra/coditect-cloud-backend:v1.0.0
---
apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: report
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - {name: report, image: "eu.gcr.io/coditect-cloud-infra/report:2.1.0"}
`,
      },
      expect: [
        { messageId: 'projectImage', file: 'k8s/all.yaml', line: 10, column: 11 },
        { messageId: 'projectImage', file: 'k8s/all.yaml', line: 13, column: 11 },
        { messageId: 'projectImage', file: 'k8s/all.yaml', line: 28, column: 34 },
      ],
    },
    {
      name: 'files: workflow: configure-docker without a host, -t tags, kubectl set image, login-action and docker:// action',
      files: {
        '.github/workflows/deploy.yml': `name: Deploy
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Configure Docker
        run: gcloud auth configure-docker --quiet
      - name: Log in
        uses: docker/login-action@v3
        with:
          registry: gcr.io
      - name: Build
        run: |
          docker buildx build --platform linux/amd64 \\
            -t gcr.io/coditect-cloud-infra/backend:\${{ github.sha }} \\
            --push .
      - name: Deploy
        run: |
          kubectl set image deployment/coditect-backend \\
            backend=gcr.io/coditect-cloud-infra/backend:\${{ github.sha }} -n coditect-staging
      - name: Scan
        uses: docker://gcr.io/google.com/cloudsdktool/cloud-sdk:slim
`,
      },
      expect: [
        { messageId: 'configureDockerDefault', file: '.github/workflows/deploy.yml', line: 8 },
        { messageId: 'registryHost', file: '.github/workflows/deploy.yml', line: 12 },
        { messageId: 'projectImage', file: '.github/workflows/deploy.yml', line: 15 },
        { messageId: 'projectImage', file: '.github/workflows/deploy.yml', line: 20 },
      ],
    },
    {
      name: 'files: OpenTofu: an image in a nested block, an interpolated string, and a Container Registry resource',
      files: {
        'opentofu/run.tf': `resource "google_cloud_run_v2_service" "api" {
  name     = "api"
  location = "us-central1"
  template {
    containers {
      image = "gcr.io/coditect-cloud-infra/api:1.0.0"
    }
  }
}

locals {
  worker_image = "us.gcr.io/\${var.project}/worker:\${var.tag}"
}

resource "google_container_registry" "registry" {
  project = var.project
}
`,
      },
      expect: [
        { messageId: 'projectImage', file: 'opentofu/run.tf', line: 6, column: 7 },
        { messageId: 'projectImage', file: 'opentofu/run.tf', line: 12, column: 3 },
        { messageId: 'registryResource', file: 'opentofu/run.tf', line: 15, column: 1 },
      ],
    },
    {
      name: 'files: OpenTofu: a Container Registry data source reads an image; an interpolation with an index stays whole',
      files: {
        'main.tf': `data "google_container_registry_image" "proxy" {
  project = "demo-project"
  name    = "esp-proxy"
  tag     = "v1"
}

module "builder" {
  source          = "./modules/noop"
  create_cmd_body = "builds submit . --tag=gcr.io/\${module.proj["ci"].project_id}/tool:v1.0"
}
`,
        'modules/noop/main.tf': 'variable "create_cmd_body" {}\n',
      },
      expect: [
        { messageId: 'registryDataSource', file: 'main.tf', line: 1, column: 1 },
        { messageId: 'projectImage', file: 'main.tf', line: 9, column: 3 },
      ],
    },

    // ---- k8s
    {
      name: 'k8s: the pre-migration Deployment still names gcr.io/coditect-cloud-infra',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: 'gcr.io/coditect-cloud-infra/coditect-cloud-backend:v1.0.0' },
          ]),
        ),
      }),
      expect: [{ messageId: 'projectImage' }],
    },
    {
      name: 'k8s: a distroless sidecar and a k8s.gcr.io init container',
      facets: workloads({
        'k8s.deployments': list(
          deployment(
            'coditect-backend',
            [
              { name: 'backend', image: `${APP_IMAGE}:v1.0.1` },
              { name: 'helper', image: 'gcr.io/distroless/static-debian12:nonroot' },
            ],
            { pod: { initContainers: [{ name: 'wait', image: 'k8s.gcr.io/pause:3.2' }] } },
          ),
        ),
      }),
      // The distroless sidecar is Google's image, not the project's: only the frozen registry fails.
      expect: [{ messageId: 'kubernetesFrozenRegistry' }],
    },
  ],
} satisfies RuleCases;
