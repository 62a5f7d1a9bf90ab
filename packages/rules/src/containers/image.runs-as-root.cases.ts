import type { RuleCases } from '../cases.js';
import type { ImageProbe } from '@coditect-audit/core';
import { releaseWorkflow } from '../util/workflow-cases.js';

const image = (configs: ImageProbe['configs']): ImageProbe => ({
  reference: 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs,
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

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    {
      name: 'a final stage on the Cloud SQL Auth Proxy v2 image (alpine variant): published to run as 65532',
      files: { Dockerfile: 'FROM gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0-alpine\nENV X=1\n' },
    },
    // ---- dockerfile
    {
      name: 'dockerfile: the ADR fix: the runtime stage ends with USER django',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
RUN pip install --user -r requirements.txt

FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
RUN useradd -m -u 1000 django
USER django
`,
      },
    },
    {
      name: 'dockerfile: USER 1000:1000 (UID and GID)',
      files: { Dockerfile: 'FROM python:3.12-slim\nUSER 1000:1000\n' },
    },
    {
      name: 'dockerfile: only the final stage counts: a root builder stage is fine',
      files: {
        Dockerfile: `FROM node:22 AS build
USER root
RUN npm ci

FROM node:22-slim
USER node
`,
      },
    },
    {
      name: 'dockerfile: the user is inherited from the stage the final stage is built on',
      files: {
        Dockerfile: `FROM python:3.12-slim AS base
USER 10001

FROM base
COPY app /app
`,
      },
    },
    {
      name: 'dockerfile: USER from a build argument with a default',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG APP_UID=1000
USER \${APP_UID}
`,
      },
    },
    {
      name: 'dockerfile: a Windows Dockerfile (read as docker build -f reads it) has no root user to judge',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n',
        'windows/Dockerfile-WINDOWS_LTSC2022':
          'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nCOPY site /inetpub/wwwroot\n',
      },
    },
    {
      name: 'dockerfile: a distroless :nonroot base needs no USER line',
      files: { Dockerfile: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app /app\n' },
    },
    {
      // opentelemetry-demo's load generator: k6 built with extensions, copied onto grafana/k6 (USER k6, 12345).
      name: 'dockerfile: a final stage on grafana/k6 (published as USER k6) needs no USER line',
      files: {
        'src/load-generator/Dockerfile': `FROM golang:1.26-bookworm AS builder
RUN go install go.k6.io/xk6/cmd/xk6@latest && xk6 build --output /k6

FROM docker.io/grafana/k6:2.2.0-with-browser
COPY --from=builder /k6 /usr/bin/k6
ENTRYPOINT ["k6"]
`,
      },
    },
    {
      // A dev container is the developers' workspace (VS Code, Codespaces), not a deployed image.
      name: "dockerfile: a dev container's Dockerfile is not judged; the deployed image beside it is",
      files: {
        '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pip install ruff\n',
        '.devcontainer/devcontainer.json': '{ "dockerComposeFile": "compose.yaml", "service": "dev" }\n',
        // The dev container's own compose file builds it: still only the workspace.
        '.devcontainer/compose.yaml':
          'services:\n  dev:\n    image: acme/api-dev:local\n    build:\n      context: ..\n      dockerfile: .devcontainer/Dockerfile\n',
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n',
      },
    },
    {
      // GitHub runs a Docker container action as root by design; a USER would break it.
      name: "dockerfile: a GitHub Docker container action's Dockerfile is not judged; the deployed image beside it is",
      files: {
        '.github/actions/docs/action.yml':
          "name: docs\ndescription: build the docs\nruns:\n  using: docker\n  image: Dockerfile\n  args: ['build']\n",
        '.github/actions/docs/Dockerfile':
          'FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n',
      },
    },
    {
      // Their Dockerfiles end with `USER nobody`, `USER "$GF_UID"` (472, since Grafana 5.1), `USER kibana`.
      name: 'dockerfile: Prometheus, Grafana 5.1 and later, and Kibana are published to run as non-root',
      files: {
        'monitoring/prometheus/Dockerfile': 'FROM prom/prometheus:v2.4.2\nCOPY prometheus.yml /etc/prometheus/\n',
        'monitoring/grafana/Dockerfile': 'FROM grafana/grafana:5.2.4\nCOPY dashboards /var/lib/grafana/dashboards\n',
        'logging/kibana/Dockerfile':
          'FROM docker.elastic.co/kibana/kibana-oss:6.0.0\nCOPY kibana.yml /usr/share/kibana/config/\n',
      },
    },
    {
      // A test image: the workflow builds it, runs the tests in it on the runner, and never pushes it.
      name: 'dockerfile: a test image that the workflow only runs on the runner is not judged; the deployed one is',
      files: {
        'client/Dockerfile.dev': 'FROM node:22-alpine\nCOPY . /app\nCMD ["npm", "start"]\n',
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n',
        '.github/workflows/test.yml': `name: test
on: push
jobs:
  client:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -t acme/react-test -f client/Dockerfile.dev ./client
          docker run -e CI=true acme/react-test npm test
`,
      },
    },
    {
      name: 'dockerfile: nginx-unprivileged and a chiseled .NET image are published to run as non-root',
      files: {
        'web/Dockerfile': 'FROM nginxinc/nginx-unprivileged:1.29-alpine\nCOPY dist /usr/share/nginx/html\n',
        'api/Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\nCOPY out /app\n',
      },
    },
    {
      // The user is the image's the stages are built on, however many `FROM <stage>` lie between.
      name: 'dockerfile: a final stage built on a stage that is built on a distroless :nonroot image',
      files: {
        Dockerfile: `FROM golang:1.26 AS build
RUN go build -o /app .

FROM gcr.io/distroless/static-debian12:nonroot AS runtime-base
COPY certs /etc/ssl/certs

FROM runtime-base
COPY --from=build /app /app
`,
        // A Windows image reached through a stage is still a Windows container (no root user).
        'windows/Dockerfile':
          'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS os\nRUN mkdir C:\\app\n\nFROM os\nCOPY app C:/app\n',
      },
    },
    // ---- probe
    {
      name: 'probe: USER django',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: 'django' }])] } },
    },
    {
      name: 'probe: a numeric non-root UID and group',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: '1000:1000' }])] } },
    },
  ],
  fail: [
    // ---- dockerfile
    {
      name: 'dockerfile: no USER in the final stage: located at its FROM',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
USER 1000

FROM python:3.12-slim AS runtime
COPY --from=builder /app /app
`,
      },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: 'Dockerfile', line: 4, column: 1 }],
    },
    {
      name: 'dockerfile: USER root after a non-root USER',
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN useradd -m -u 1000 django
USER django
RUN apt-get update
USER root
`,
      },
      expect: [{ source: 'dockerfile', messageId: 'explicitRoot', file: 'Dockerfile', line: 5, column: 1 }],
    },
    {
      name: 'dockerfile: USER 0',
      files: { 'services/api/Dockerfile': 'FROM alpine:3.22\nUSER 0\n' },
      expect: [
        { source: 'dockerfile', messageId: 'explicitRoot', file: 'services/api/Dockerfile', line: 2, column: 1 },
      ],
    },
    {
      name: 'dockerfile: USER 0:0',
      files: { Dockerfile: 'FROM alpine:3.22\n  USER 0:0\n' },
      expect: [{ source: 'dockerfile', messageId: 'explicitRoot', file: 'Dockerfile', line: 2, column: 3 }],
    },
    {
      name: 'dockerfile: ARG-expanded FROM with no USER: located at the FROM line',
      files: {
        Dockerfile: `ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION}-slim
COPY . /app
`,
      },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: 'Dockerfile', line: 2, column: 1 }],
    },
    {
      // getsentry/self-hosted's and netbox-docker's Dockerfiles: the base image is given at build time
      // (`--build-arg`), so its user is not in the repository: undecided, not "runs as root".
      name: 'dockerfile: no USER on a base image named by a build argument with no default: undecided',
      files: {
        'sentry/Dockerfile': `ARG SENTRY_IMAGE\nFROM \${SENTRY_IMAGE}\nCOPY . /usr/src/sentry\n`,
        Dockerfile: `ARG FROM
FROM \${FROM} AS builder
RUN make

ARG FROM
FROM \${FROM} AS main
COPY --from=builder /opt /opt
`,
        // A default decides it: python's image runs as root.
        'api/Dockerfile': `ARG BASE=python:3.12-slim\nFROM \${BASE}\nCOPY . /app\n`,
        // A build argument for the tag only still names the image, whose user is the same in every tag...
        'worker/Dockerfile': `ARG TAG\nFROM python:\${TAG}\nCOPY . /app\n`,
        // ...unless only some of its tags are published as non-root.
        'static/Dockerfile': `# nonroot or debug\nARG VARIANT\nFROM gcr.io/distroless/static-debian12:\${VARIANT}\nCOPY app /app\n`,
      },
      expect: [
        {
          source: 'dockerfile',
          messageId: 'baseFromBuildArg',
          status: 'unknown',
          file: 'sentry/Dockerfile',
          line: 2,
          column: 1,
          dependsOn: ['the build argument SENTRY_IMAGE (sentry/Dockerfile:2), set at build time'],
        },
        {
          source: 'dockerfile',
          messageId: 'baseFromBuildArg',
          status: 'unknown',
          file: 'Dockerfile',
          line: 6,
          column: 1,
          dependsOn: ['the build argument FROM (Dockerfile:6), set at build time'],
        },
        { source: 'dockerfile', messageId: 'noUser', file: 'api/Dockerfile', line: 2, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'worker/Dockerfile', line: 2, column: 1 },
        {
          source: 'dockerfile',
          messageId: 'baseFromBuildArg',
          status: 'unknown',
          file: 'static/Dockerfile',
          line: 3,
          column: 1,
          dependsOn: ['the build argument VARIANT (static/Dockerfile:3), set at build time'],
        },
      ],
    },
    {
      // A root base image reached through `FROM <stage>` still runs as root.
      name: 'dockerfile: a final stage built on a stage of a root image, with no USER anywhere',
      files: {
        Dockerfile: 'FROM ubuntu:24.04 AS base\nRUN apt-get update\n\nFROM base\nCOPY app /app\n',
      },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: 'Dockerfile', line: 4, column: 1 }],
    },
    {
      // Only the listed images and tags are published as non-root: a .NET image that is not chiseled, a
      // distroless tag without `nonroot`, another k6 publisher's image and an image FROM scratch run as root.
      name: 'dockerfile: bases like the non-root ones that run as root',
      files: {
        'a/Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble\nCOPY out /app\n',
        'b/Dockerfile': 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\n',
        'c/Dockerfile': 'FROM example/k6:1.0\nCOPY s.js /s.js\n',
        // A folder named like a dev container's without its dot is an ordinary folder.
        'devcontainer/Dockerfile': 'FROM python:3.12\n',
        'd/Dockerfile':
          'FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
      },
      expect: [
        { source: 'dockerfile', messageId: 'noUser', file: 'a/Dockerfile', line: 1, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'b/Dockerfile', line: 1, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'c/Dockerfile', line: 1, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'd/Dockerfile', line: 3, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'devcontainer/Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      // A Dockerfile in the dev container's folder that a release workflow builds and pushes is deployed.
      name: 'dockerfile: a .devcontainer Dockerfile that a workflow builds and pushes is judged',
      files: {
        '.devcontainer/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\n',
        '.github/workflows/release.yml': releaseWorkflow(`      - uses: actions/checkout@v4
      - run: |
          docker build --platform linux/amd64 -f .devcontainer/Dockerfile -t us-central1-docker.pkg.dev/acme/app/api:1.0.0 .
          docker push us-central1-docker.pkg.dev/acme/app/api:1.0.0
`),
      },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: '.devcontainer/Dockerfile', line: 1, column: 1 }],
    },
    {
      // Grafana ran as root until 5.1 (its Dockerfile set `USER grafana` from 5.1 on).
      name: 'dockerfile: Grafana 5.0, before its image set a user, runs as root',
      files: { 'grafana/Dockerfile': 'FROM grafana/grafana:5.0.4\nCOPY provisioning /etc/grafana/provisioning\n' },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: 'grafana/Dockerfile', line: 1, column: 1 }],
    },
    {
      // An action.yml beside a Dockerfile that a workflow also builds and pushes does not take it out of the gate;
      // nor does a composite action, or a Docker action that runs a registry image.
      name: 'dockerfile: a Docker action whose Dockerfile a workflow also builds and pushes is judged',
      files: {
        'action.yml': 'name: app\nruns:\n  using: docker\n  image: ./Dockerfile\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
        'tools/action.yaml': 'name: lint\nruns:\n  using: composite\n  steps: []\n',
        'tools/Dockerfile': 'FROM node:22-slim\n\nCOPY . /tool\n',
        'probe/action.yml': 'name: probe\nruns:\n  using: docker\n  image: docker://alpine:3.20\n',
        'probe/Dockerfile': 'FROM alpine:3.20\n\n\nCOPY probe /probe\n',
        '.github/workflows/release.yml': releaseWorkflow(`      - uses: actions/checkout@v4
      - run: |
          docker build --platform linux/amd64 -t us-central1-docker.pkg.dev/acme/app/api:1.0.0 .
          docker push us-central1-docker.pkg.dev/acme/app/api:1.0.0
`),
      },
      expect: [
        { source: 'dockerfile', messageId: 'noUser', file: 'Dockerfile', line: 1, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'tools/Dockerfile', line: 1, column: 1 },
        { source: 'dockerfile', messageId: 'noUser', file: 'probe/Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      // Run for its tests, then pushed: an image the project ships.
      name: 'dockerfile: an image the workflow runs on the runner and then pushes is judged',
      files: {
        'api/Dockerfile': 'FROM python:3.12-slim\n\nCOPY . /app\n',
        '.github/workflows/release.yml': releaseWorkflow(`      - run: |
          docker build --platform linux/amd64 -t us-central1-docker.pkg.dev/acme/app/api:1.0.0 api
          docker run us-central1-docker.pkg.dev/acme/app/api:1.0.0 pytest
          docker push us-central1-docker.pkg.dev/acme/app/api:1.0.0
`),
      },
      expect: [{ source: 'dockerfile', messageId: 'noUser', file: 'api/Dockerfile', line: 1, column: 1 }],
    },
    {
      name: 'dockerfile: USER root from a build argument default',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG RUN_AS=root
USER $RUN_AS
`,
      },
      expect: [{ source: 'dockerfile', messageId: 'explicitRoot', file: 'Dockerfile', line: 3, column: 1 }],
    },
    // ---- probe
    {
      name: 'probe: no USER at all: the config User is empty',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: '' }])] } },
      expect: [{ source: 'probe', messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'probe: root on one platform of an index',
      facets: {
        'probe.registry': {
          images: [
            image([
              { platform: 'linux/amd64', user: 'django' },
              { platform: 'linux/arm64/v8', user: '0:0' },
            ]),
          ],
        },
      },
      expect: [{ source: 'probe', messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
    // ---- both sources in one case: one verdict per source
    {
      name: 'dockerfile and probe: the Dockerfile ends with USER django, the pushed image has no User (ADR-001: not rebuilt)',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
RUN pip install --user -r requirements.txt

FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
RUN useradd -m -u 1000 django
USER django
`,
      },
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: '' }])] } },
      expect: [{ source: 'probe', messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
  ],
} satisfies RuleCases;
