import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_DIGEST, APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

// ---- manifest
const AR = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

// ---- k8s
const pod = (name: string, image: string, digest: string) =>
  live('Pod', name, {
    metadata: {
      labels: { app: 'coditect-backend', 'pod-template-hash': '7c9d5b8f4d' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
      ],
    },
    status: {
      containerStatuses: [{ name: 'backend', image, imageID: `${APP_IMAGE}@${digest}`, ready: true, restartCount: 0 }],
    },
  });
const OTHER = 'sha256:3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c';

// ---- probe
const digest = 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69';
const image = (reference: string): ImageProbe => ({
  reference,
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  resolvedDigest: digest,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs: [{ platform: 'linux/amd64', user: 'django' }],
  usedBy: [
    {
      source: 'cluster',
      kind: 'Deployment',
      namespace: 'coditect-staging',
      name: 'coditect-backend',
      container: 'backend',
    },
  ],
});
const repo = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    {
      name: 'manifest: names Skaffold and Cloud Deploy replace with the image they built (skipped); a pinned sidecar passes',
      files: {
        'skaffold.yaml': `apiVersion: skaffold/v4beta4
kind: Config
build:
  artifacts:
    - image: web
      context: .
manifests:
  rawYaml: [k8s/deploy.yaml]
`,
        'cloudbuild.yaml': `steps:
  - name: gcr.io/google.com/cloudsdktool/cloud-sdk
    entrypoint: gcloud
    args: [deploy, releases, create, 'rel-$SHORT_SHA', --delivery-pipeline=app, '--images=worker=europe-docker.pkg.dev/p/r/worker:$SHORT_SHA']
`,
        'k8s/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: web
        - name: worker
          image: worker
        - name: proxy
          image: example.com/proxy:1.4.2
`,
      },
    },
    {
      name: 'manifest: a ko:// import path, which ko resolve replaces with a digest-pinned image, is skipped; its pinned sidecar passes',
      files: {
        'config/prober.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: prober
spec:
  template:
    spec:
      containers:
        - name: prober
          image: ko://github.com/example/tool/cmd/prober
        - name: proxy
          image: example.com/proxy:1.4.2
`,
      },
    },
    // ---- manifest
    {
      name: "manifest: the ADR's release tag v1.0.0-staging",
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:v1.0.0-staging
`,
      },
    },
    {
      name: 'manifest: digest, git SHA, semver and date tags (init container included)',
      files: {
        'k8s/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: django-migrate
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox:1.36.1
        - name: seed
          image: ${AR}:2024.01.02
      containers:
        - name: migrate
          image: ${AR}@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69
        - name: sidecar
          image: ${AR}:3f9c2ab
      restartPolicy: Never
`,
      },
    },
    {
      // `{IMAGE}` is filled in by the build (`sed -e "s|{IMAGE}|…|"`) before apply: not an image without a tag.
      // Istio's gateway Deployments run `image: auto`, which the sidecar injector replaces (IST0146).
      name: "manifest: a {IMAGE} placeholder and Istio's image: auto are skipped; the pinned container beside them passes",
      files: {
        'make/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: webhook
spec:
  template:
    metadata:
      annotations:
        inject.istio.io/templates: gateway
    spec:
      containers:
        - name: webhook
          image: "{IMAGE}"
        - name: istio-proxy
          image: auto
        - name: proxy
          image: ${AR}:1.4.2
`,
      },
    },
    {
      name: 'manifest: a moving tag pinned by digest is immutable',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: ${AR}:staging-latest@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69
`,
      },
    },
    {
      name: "manifest: another publisher's bare number may be a build number: not judged; the pinned sidecar passes",
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: builds
spec:
  containers:
    - name: app
      image: registry.example.com/team/app:1234
    - name: proxy
      image: nginx:1.27.3-alpine
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated Deployment runs the backend by digest',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}@${APP_DIGEST}` }]),
        ),
      }),
    },
    {
      name: 'k8s: the ADR staging tag v1.0.0-staging, both pods on the same build',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
        'k8s.pods': list(
          pod('coditect-backend-7c9d5b8f4d-h2x9q', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
          pod('coditect-backend-7c9d5b8f4d-q8m4z', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
        ),
      }),
    },
    // ---- probe
    {
      name: 'probe: the ADR: a version tag',
      facets: { 'probe.registry': { images: [image(`${repo}:v1.0.0-staging`)] } },
    },
    { name: 'probe: a digest', facets: { 'probe.registry': { images: [image(`${repo}@${digest}`)] } } },
    {
      name: 'probe: the commit SHA the pipeline pushes',
      facets: { 'probe.registry': { images: [image(`${repo}:3f9c2e1a7b`)] } },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: floating tags of official images: a major version alone and a version-less alias',
      files: {
        'k8s/statefulsets.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: postgresql
          image: postgres:16
        - name: exporter
          image: docker.io/library/redis:7-alpine
        - name: proxy
          image: nginx:alpine
`,
      },
      expect: [
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 11, column: 11 },
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 13, column: 11 },
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 15, column: 11 },
      ],
    },
    {
      name: "manifest: the ADR's CI tag staging-latest",
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:staging-latest
`,
      },
      expect: [{ messageId: 'movingTag', file: 'k8s/deployment.yaml', line: 11, column: 11 }],
    },
    {
      name: 'manifest: no tag, :latest and environment tags across a multi-document file',
      files: {
        'k8s/stack.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: assets
          image: web-assets:latest
      containers:
        - name: web
          image: web:prod
        - name: proxy
          image: "nginx:1.27.3"
`,
      },
      expect: [
        { messageId: 'noTag', file: 'k8s/stack.yaml', line: 10, column: 11 },
        { messageId: 'movingTag', file: 'k8s/stack.yaml', line: 21, column: 11 },
        { messageId: 'movingTag', file: 'k8s/stack.yaml', line: 24, column: 11 },
      ],
    },
    {
      name: 'manifest: CronJob in a kind: List, registry with a port, tag main',
      files: {
        'list.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: report}
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            containers:
            - {name: report, image: "registry.local:5000/team/report:main"}
`,
      },
      expect: [{ messageId: 'movingTag', file: 'list.yaml', line: 13, column: 30 }],
    },
    // ---- k8s
    {
      name: 'k8s: the CI tag staging-latest',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:staging-latest` }]),
        ),
      }),
      expect: [{ messageId: 'movingTag' }],
    },
    {
      name: 'k8s: v1.0.0-staging re-pushed: two pods run two builds under it',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
        'k8s.pods': list(
          pod('coditect-backend-7c9d5b8f4d-h2x9q', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
          pod('coditect-backend-7c9d5b8f4d-q8m4z', `${APP_IMAGE}:v1.0.0-staging`, OTHER),
        ),
      }),
      expect: [{ messageId: 'tagMoved' }],
    },
    {
      name: 'k8s: a redis StatefulSet on the floating official tag redis:7 and a sidecar without a tag',
      facets: workloads({
        'k8s.statefulsets': list(
          live('StatefulSet', 'redis', {
            spec: {
              template: {
                spec: {
                  containers: [
                    { name: 'redis', image: 'redis:7' },
                    { name: 'exporter', image: 'oliver006/redis_exporter' },
                  ],
                },
              },
            },
          }),
        ),
      }),
      expect: [{ messageId: 'floatingTag' }, { messageId: 'noTag' }],
    },
    // ---- probe
    {
      name: 'probe: the CI tag staging-latest',
      facets: { 'probe.registry': { images: [image(`${repo}:staging-latest`)] } },
      expect: [{ messageId: 'moving' }],
    },
    {
      name: 'probe: no tag at all',
      facets: { 'probe.registry': { images: [image(repo)] } },
      expect: [{ messageId: 'moving' }],
    },
    {
      name: 'probe: a floating official tag',
      facets: { 'probe.registry': { images: [image('postgres:16')] } },
      expect: [{ messageId: 'moving' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the manifest pins a version, the cluster runs the moving CI tag',
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:staging-latest
`,
      },
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:staging-latest` }]),
        ),
      }),
      expect: [
        { source: 'manifest', messageId: 'movingTag', file: 'k8s/deployment.yaml', line: 11 },
        { source: 'k8s', messageId: 'movingTag' },
      ],
    },
  ],
} satisfies RuleCases;
