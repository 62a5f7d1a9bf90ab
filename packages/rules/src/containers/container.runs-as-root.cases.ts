import type { RuleCases } from '../cases.js';
import { releaseWorkflow } from '../util/workflow-cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';
import type { ImageProbe } from '@coditect-audit/core';

const REFERENCE = `${APP_IMAGE}:v1.0.0-staging`;

/** The ADR's Dockerfile: packages installed as root, then `USER django` in the final stage. */
const DOCKERFILE = `FROM python:3.11-slim AS builder
RUN pip install --user -r requirements.txt

FROM python:3.11-slim
COPY --from=builder /root/.local /root/.local
RUN useradd -m -u 1000 django
USER django
CMD ["gunicorn", "license_platform.wsgi"]
`;

const image = (user: string): ImageProbe => ({
  reference: REFERENCE,
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs: [{ platform: 'linux/amd64', user }],
  usedBy: [
    {
      source: 'manifest',
      file: 'k8s/deployment.yaml',
      line: 29,
      column: 11,
      kind: 'Deployment',
      namespace: 'coditect-staging',
      name: 'coditect-backend',
      container: 'backend',
    },
  ],
});

const backend = (container: Record<string, unknown> = {}, pod?: Record<string, unknown>) =>
  list(deployment('coditect-backend', [{ name: 'backend', image: REFERENCE, ...container }], pod ? { pod } : {}));

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: pod-level runAsNonRoot: true covers every container',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: backend
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging
`,
      },
    },
    {
      name: 'manifest: a container runAsUser overrides a root pod runAsUser',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: worker
      image: app:1.2.3
      securityContext:
        runAsUser: 1000
`,
      },
    },
    {
      name: 'manifest: CronJob: the pod spec under spec.jobTemplate.spec.template.spec',
      files: {
        'cron.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: cleanup
              image: app:1.2.3
          restartPolicy: Never
`,
      },
    },
    {
      name: 'manifest: runAsNonRoot: false with a non-zero runAsUser still runs as that user',
      files: {
        'job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: app:1.2.3
          securityContext: {runAsNonRoot: false, runAsUser: 1000}
      restartPolicy: Never
`,
      },
    },
    {
      name: 'manifest: image built by a workflow (`docker build -t ... -f`) from a Dockerfile whose final stage is non-root',
      files: {
        '.github/workflows/release.yml': `on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ghcr.io/acme/api:\${{ github.sha }} -f build/api.Dockerfile .
`,
        'build/api.Dockerfile': `FROM golang:1.22 AS build
RUN go build -o /api .
FROM alpine:3.20
COPY --from=build /api /api
USER 10001
`,
        'deploy/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.0
`,
      },
    },
    {
      name: 'manifest: docker/build-push-action whose tags come from docker/metadata-action images; USER app',
      files: {
        '.github/workflows/release.yml': `on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            docker.io/acme/web
            ghcr.io/acme/web
      - uses: docker/build-push-action@v6
        with:
          context: .
          file: ./Dockerfile
          tags: \${{ steps.meta.outputs.tags }}
`,
        Dockerfile: `FROM alpine:3.20
RUN adduser -D app
USER app
`,
        'deploy/web.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:2.0.1
`,
      },
    },
    {
      name: 'manifest: skaffold artifact (context and docker.dockerfile) names the image the manifest runs',
      files: {
        'services/cart/skaffold.yaml': `apiVersion: skaffold/v4beta6
kind: Config
build:
  artifacts:
    - image: cart
      context: src
      docker:
        dockerfile: Dockerfile.prod
`,
        'services/cart/src/Dockerfile.prod': `FROM python:3.12-slim
RUN useradd -u 1000 cart
USER 1000:1000
`,
        'services/cart/k8s/cart.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  template:
    spec:
      containers:
        - name: cart
          image: cart
`,
      },
    },
    {
      name: 'manifest: kustomize images: renames an image that a Cloud Build step builds (dir: and the default Dockerfile)',
      files: {
        'hello/cloudbuild.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'us-docker.pkg.dev/acme-samples/containers/hello:1.0', '.']
    dir: hello/app
`,
        'hello/app/Dockerfile': `FROM gcr.io/distroless/static-debian12
USER nonroot:nonroot
`,
        'hello/k8s/kustomization.yaml': `resources: [deployment.yaml]
images:
  - name: hello
    newName: us-docker.pkg.dev/acme-samples/containers/hello
    newTag: "1.0"
`,
        'hello/k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - name: hello
          image: hello
`,
      },
    },
    {
      name: 'manifest: docker-compose service with build: and image: ties the image to its Dockerfile',
      files: {
        'docker-compose.yml': `services:
  worker:
    build:
      context: ./worker
    image: registry.example.com/acme/worker:latest
`,
        'worker/Dockerfile': `FROM node:22-alpine
USER node
`,
        'k8s/worker.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/acme/worker:3.1.0
      restartPolicy: Never
`,
      },
    },
    {
      name: 'manifest: a third-party image published to run as non-root (distroless nonroot)',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: static
spec:
  containers:
    - name: static
      image: gcr.io/distroless/static-debian12:nonroot
`,
      },
    },
    {
      name: 'manifest: grafana/k6 run as it is published (USER k6, 12345)',
      files: {
        'load/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: load
spec:
  template:
    spec:
      containers:
        - name: k6
          image: grafana/k6:1.3.0
          args: [run, /scripts/test.js]
      restartPolicy: Never
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated Deployment: runAsNonRoot and UID 1000 at pod level',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], {
            pod: { securityContext: { runAsNonRoot: true, runAsUser: 1000 } },
          }),
        ),
      }),
    },
    {
      name: 'k8s: a pod owned by a ReplicaSet is judged through its Deployment, not on its own',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: `${APP_IMAGE}:v1.0.1`, securityContext: { runAsUser: 1000 } },
          ]),
        ),
        'k8s.pods': list(
          live('Pod', 'coditect-backend-7c9d5b8f4d-h2x9q', {
            metadata: {
              ownerReferences: [
                { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
              ],
            },
            spec: { containers: [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }] },
          }),
        ),
      }),
    },
    // ---- effective
    {
      name: 'effective: the pod forbids root: runAsNonRoot wins over a root image',
      files: { Dockerfile: DOCKERFILE },
      facets: {
        'k8s.deployments': backend({}, { securityContext: { runAsNonRoot: true, runAsUser: 1000 } }),
        'probe.registry': { images: [image('')] },
      },
    },
    {
      name: 'effective: nothing set on the pod: the pushed image’s USER django decides',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [image('django')] } },
    },
    {
      name: 'effective: the image is not in the registry probe: the repository Dockerfile’s USER decides',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [] } },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: explicit runAsUser: 0 on the container, located at the key',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
spec:
  template:
    spec:
      containers:
        - name: backend
          image: app:1.2.3
          securityContext:
            runAsUser: 0
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'rootUser',
          file: 'k8s/deployment.yaml',
          line: 12,
          column: 13,
          certainty: 'high',
        },
      ],
    },
    {
      name: 'manifest: pod-level runAsUser: 0 applies to every container and init container',
      files: {
        'sts.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
spec:
  template:
    spec:
      securityContext:
        runAsUser: 0
      initContainers:
        - name: init-perms
          image: busybox:1.36
      containers:
        - name: postgres
          image: postgres:16
`,
      },
      expect: [
        { source: 'manifest', messageId: 'rootUser', file: 'sts.yaml', line: 9, column: 9 },
        { source: 'manifest', messageId: 'rootUser', file: 'sts.yaml', line: 9, column: 9 },
      ],
    },
    {
      name: "manifest: the application's Deployment (expectations.app) with neither runAsNonRoot nor runAsUser: ADR-001 wants the pod spec to agree, at the container name",
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  replicas: 2
  template:
    spec:
      serviceAccountName: coditect-cloud-backend
      containers:
        - name: backend
          image: app:1.2.3
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'notEnforced',
          file: 'k8s/deployment.yaml',
          line: 12,
          column: 11,
          certainty: 'high',
        },
      ],
    },
    {
      name: 'manifest: explicit runAsNonRoot: false: high certainty',
      files: {
        'ds.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: false
      containers:
        - name: agent
          image: agent:2.0.1
`,
      },
      expect: [
        { source: 'manifest', messageId: 'nonRootDisabled', file: 'ds.yaml', line: 9, column: 9, certainty: 'high' },
      ],
    },
    {
      name: 'manifest: multi-document file and kind: List: every workload is checked, other kinds ignored',
      files: {
        'k8s/all.yaml': `apiVersion: v1
kind: Service
metadata:
  name: backend
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: rs
    spec:
      template:
        spec:
          containers:
            - name: web
              image: web:1.0.0
              securityContext:
                runAsUser: 0
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - {name: report, image: "report:1.0.0"}
`,
      },
      expect: [
        { source: 'manifest', messageId: 'rootUser', file: 'k8s/all.yaml', line: 22, column: 17 },
        {
          source: 'manifest',
          messageId: 'imageUserUnknown',
          file: 'k8s/all.yaml',
          line: 33,
          column: 20,
          status: 'unknown',
          dependsOn: ['image config User of report:1.0.0'],
        },
      ],
    },
    {
      name: 'manifest: image named with the project as a variable ($PROJECT_ID in Cloud Build and its braced form in an envsubst template): joined to its build',
      files: {
        'cloudbuild.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'europe-docker.pkg.dev/$PROJECT_ID/apps/queue:$SHORT_SHA', 'queue']
`,
        'queue/Dockerfile': `FROM python:3.12-slim
CMD ["python", "-m", "queue"]
`,
        'deploy/queue.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: queue
spec:
  template:
    spec:
      containers:
        - name: queue
          image: europe-docker.pkg.dev/\${PROJECT_ID}/apps/queue:\${COMMIT_SHA}
`,
      },
      expect: [
        { source: 'manifest', messageId: 'builtRoot', file: 'deploy/queue.yaml', line: 9, column: 11 },
        { source: 'manifest', messageId: 'builtRoot', file: 'queue/Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      name: 'manifest: image built by a workflow from a Dockerfile with no USER: runs as root, the Dockerfile line related',
      files: {
        '.github/workflows/ci.yml': `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker buildx build --platform linux/amd64 \\
            -t europe-docker.pkg.dev/acme/apps/queue:\${TAG} --push queue
`,
        'queue/Dockerfile': `FROM python:3.12-slim
CMD ["python", "-m", "queue"]
`,
        'k8s/queue.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: queue
spec:
  template:
    spec:
      containers:
        - name: queue
          image: europe-docker.pkg.dev/acme/apps/queue:7
`,
      },
      expect: [
        { source: 'manifest', messageId: 'builtRoot', file: 'k8s/queue.yaml', line: 9, column: 11 },
        { source: 'manifest', messageId: 'builtRoot', file: 'queue/Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      name: "manifest: the application's image (expectations.app.image) is held to the pod spec even when its Dockerfile is non-root (ADR-001 fixture)",
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN useradd -m -u 1000 django
USER django
`,
        '.github/workflows/deploy.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:\${GITHUB_SHA} .
`,
        'k8s/migrate-job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging
      restartPolicy: Never
`,
      },
      expect: [{ source: 'manifest', messageId: 'notEnforced', file: 'k8s/migrate-job.yaml', line: 9, column: 11 }],
    },
    {
      name: 'manifest: a third-party image: its configured user is unknown to the files layer (a folder of the same name is no evidence)',
      files: {
        'redis/Dockerfile': `FROM alpine:3.20
USER 999
`,
        'k8s/redis.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7.2
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'imageUserUnknown',
          file: 'k8s/redis.yaml',
          line: 9,
          column: 11,
          status: 'unknown',
          dependsOn: ['image config User of redis:7.2'],
        },
      ],
    },
    {
      name: "manifest: a bare image name that skaffold builds in another folder is Docker Hub's there: unknown",
      files: {
        'services/cache/skaffold.yaml': `apiVersion: skaffold/v4beta6
kind: Config
build:
  artifacts:
    - image: redis
`,
        'services/cache/Dockerfile': `FROM redis:7.2
USER 999
`,
        'demo/redis.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: redis
spec:
  containers:
    - name: redis
      image: redis
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'imageUserUnknown',
          file: 'demo/redis.yaml',
          line: 7,
          column: 7,
          status: 'unknown',
          dependsOn: ['image config User of redis'],
        },
      ],
    },
    {
      // The image is built on a base given at build time (`--build-arg BASE=...`): its user is that image's.
      name: 'manifest: image built by a workflow from a Dockerfile on a base named by a build argument: unknown',
      files: {
        '.github/workflows/release.yml': releaseWorkflow(
          '      - run: docker build --build-arg BASE=ghcr.io/acme/base:3 -t ghcr.io/acme/relay:prod relay\n',
        ),
        'relay/Dockerfile': `ARG BASE
FROM \${BASE}
COPY relay /usr/bin/relay
`,
        'k8s/relay.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: relay
spec:
  containers:
    - name: relay
      image: ghcr.io/acme/relay:prod
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'builtUndecided',
          file: 'k8s/relay.yaml',
          line: 7,
          column: 7,
          status: 'unknown',
          dependsOn: ['relay/Dockerfile USER'],
        },
      ],
    },
    {
      name: 'manifest: two Dockerfiles build the same image and disagree: unknown, naming both',
      files: {
        '.github/workflows/ci.yml': `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker build -t ghcr.io/acme/tool:dev -f Dockerfile.dev .
      - run: docker build -t ghcr.io/acme/tool:prod .
`,
        Dockerfile: `FROM alpine:3.20
USER 1000
`,
        'Dockerfile.dev': `FROM alpine:3.20
`,
        'k8s/tool.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: tool
spec:
  containers:
    - name: tool
      image: ghcr.io/acme/tool:prod
`,
      },
      expect: [
        {
          source: 'manifest',
          messageId: 'builtUndecided',
          file: 'k8s/tool.yaml',
          line: 7,
          column: 7,
          status: 'unknown',
          dependsOn: ['Dockerfile.dev USER', 'Dockerfile USER'],
        },
      ],
    },
    {
      name: 'manifest: a kustomize patch is not judged alone: only the base it patches is',
      files: {
        'app/base.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: server
spec:
  template:
    spec:
      containers:
        - name: server
          image: app:1.2.3
          securityContext:
            runAsUser: 0
`,
        'app/overlay/kustomization.yaml': `resources: [../base.yaml]
patches:
  - path: patch.yaml
patchesStrategicMerge:
  - replicas.yaml
`,
        'app/overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: server
spec:
  template:
    spec:
      containers:
        - name: server
          resources: {limits: {cpu: "2"}}
`,
        'app/overlay/replicas.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: server
spec:
  replicas: 3
`,
      },
      expect: [{ source: 'manifest', messageId: 'rootUser', file: 'app/base.yaml', line: 12, column: 13 }],
    },
    // ---- k8s
    {
      name: 'k8s: the ADR staging Deployment sets no security context: root is not prevented',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
      }),
      expect: [{ source: 'k8s', messageId: 'notEnforced', certainty: 'high' }],
    },
    {
      name: 'k8s: a bare pod running as UID 0 and a Job that disables runAsNonRoot',
      facets: workloads({
        'k8s.pods': list(
          live('Pod', 'debug', {
            spec: { containers: [{ name: 'shell', image: 'busybox:1.36', securityContext: { runAsUser: 0 } }] },
          }),
        ),
        'k8s.jobs': list(
          live('Job', 'django-migrate', {
            spec: {
              template: {
                spec: {
                  securityContext: { runAsNonRoot: false },
                  containers: [{ name: 'migrate', image: `${APP_IMAGE}:v1.0.1` }],
                },
              },
            },
          }),
        ),
      }),
      expect: [
        { source: 'k8s', messageId: 'rootUser' },
        { source: 'k8s', messageId: 'nonRootDisabled' },
      ],
    },
    // ---- effective
    {
      name: 'effective: ADR-001: the Dockerfile says USER django, the pushed image has no User, the pod is silent',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [image('')] } },
      expect: [{ source: 'effective', messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'effective: the container’s runAsUser: 0 overrides the pod’s 1000 and the image’s django',
      files: { Dockerfile: DOCKERFILE },
      facets: {
        'k8s.deployments': backend({ securityContext: { runAsUser: 0 } }, { securityContext: { runAsUser: 1000 } }),
        'probe.registry': { images: [image('django')] },
      },
      expect: [{ source: 'effective', messageId: 'root' }],
    },
    {
      name: 'effective: no image config read and the final stage has no USER: the Dockerfile decides, root',
      files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["python"]\n' },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [] } },
      expect: [{ source: 'effective', messageId: 'root', file: 'Dockerfile', line: 1 }],
    },
    // ---- every source in one case: one verdict per source, each from what its layer shows
    {
      name: 'manifest, k8s and effective: the repository forbids root, the cluster runs an older spec that does not, and the pushed image has no User',
      files: {
        Dockerfile: DOCKERFILE,
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
      containers:
        - name: backend
          image: ${REFERENCE}
`,
      },
      facets: {
        ...workloads({ 'k8s.deployments': backend() }),
        'probe.registry': { images: [image('')] },
      },
      expect: [
        { source: 'k8s', messageId: 'notEnforced' },
        { source: 'effective', messageId: 'root', file: 'k8s/deployment.yaml', line: 29 },
      ],
    },
  ],
} satisfies RuleCases;
