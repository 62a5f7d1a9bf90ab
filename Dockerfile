# syntax=docker/dockerfile:1
# The coditect-audit scanner as a container image (the CronJob in deploy/ and `docker run` use it).
#
#   docker buildx build --platform linux/amd64,linux/arm64 -t coditect-audit:0.1.0 .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/repo" coditect-audit:0.1.0 scan --env staging
#
# Base image: node:24.18.1-bookworm-slim (Node.js 24 LTS, Debian 12), pinned by the digest of its
# multi-platform index (linux/amd64, linux/arm64, linux/ppc64le) as published on Docker Hub on 2026-07-30
# (docker-library/repo-info, repos/node/remote/24-bookworm-slim.md). Renew the digest with
# `docker buildx imagetools inspect node:24-bookworm-slim` and rebuild.
ARG NODE_IMAGE=node:24.18.1-bookworm-slim@sha256:235600a8101ab264e117b1768e925532262668dc9b581ef1dd7d96ced463b8e7

# Build stage. It runs on the builder's own platform: the output is plain JavaScript, the same for every
# target platform, and no dependency compiles native code, so nothing is emulated. The release workflow
# (.github/workflows/release.yml) builds linux/amd64 and linux/arm64 with SBOM and provenance attestations.
FROM --platform=$BUILDPLATFORM ${NODE_IMAGE} AS build
WORKDIR /src
ENV CI=true

# pnpm at the version pinned in package.json ("packageManager"), as scripts/bootstrap.mjs installs it.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
RUN npm install --global --no-audit --no-fund --loglevel=error \
      "pnpm@$(node -p "require('./package.json').packageManager.replace(/^pnpm@/, '')")"

# Dependencies first (cached while only sources change): the manifests of every workspace package.
COPY packages/core/package.json packages/core/
COPY packages/collectors/package.json packages/collectors/
COPY packages/rules/package.json packages/rules/
COPY packages/reporters/package.json packages/reporters/
COPY packages/cli/package.json packages/cli/
COPY packages/emulators/package.json packages/emulators/
RUN --mount=type=cache,id=pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store

COPY tsconfig.base.json tsconfig.json CHANGELOG.md ./
COPY packages/ packages/
COPY scripts/pack.mjs scripts/bundle.mjs scripts/
RUN pnpm exec tsc -b packages/cli

# The release exactly as npm users get it: the one bundled package (scripts/pack.mjs), installed by npm
# alone with its production dependencies. No install script runs; no dependency compiles native code, so
# the tree is the same for every target platform.
ARG VERSION=0.1.0
RUN node scripts/pack.mjs --skip-build --out /pack --version "${VERSION}" \
 && mkdir /out && cd /out \
 && echo '{ "name": "coditect-audit-image", "private": true }' > package.json \
 && npm install --no-audit --no-fund --ignore-scripts --loglevel=error /pack/coditect-audit-*.tgz \
 && rm -rf /root/.npm

# Runtime stage: the target platform's image, the installed release, an unprivileged user.
FROM ${NODE_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="coditect-audit" \
      org.opencontainers.image.description="Audit a deployment against its architecture decisions" \
      org.opencontainers.image.source="https://github.com/coditect-ai/coditect-audit" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
ENV NODE_ENV=production \
    NO_UPDATE_NOTIFIER=1
# Owned by root and read-only for the scanner's user: the scanner never changes itself.
COPY --from=build --chown=root:root /out /opt/coditect-audit
# On PATH for CI jobs that replace the entrypoint (GitLab `entrypoint: [""]`, Jenkins `docker.image().inside`).
RUN ln -s /opt/coditect-audit/node_modules/coditect-audit/dist/bin.js /usr/local/bin/coditect-audit
# The repository to scan is mounted here; reports go to ./coditect-audit-report unless --output-dir says.
WORKDIR /repo
# The image's `node` user, by number so Kubernetes runAsNonRoot can verify it.
USER 1000:1000
ENTRYPOINT ["coditect-audit"]
CMD ["--help"]
