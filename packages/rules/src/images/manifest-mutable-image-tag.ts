import { defineRule } from '@coditect-audit/core';
import { containerResource, locate, manifestContainers } from '../util/containers.js';
import { classifyTag, containerImageRef, isFloatingOfficialTag } from '../util/images.js';

/**
 * ADR-001 Lesson 2 and the CI/CD section: the pipeline pushes both `:${{ github.sha }}` and
 * `:staging-latest`; a workload must run the former (or a digest), never the moving one.
 */
export default defineRule({
  id: 'manifest-mutable-image-tag',
  title: 'Workload runs an image by a moving tag',
  concerns: ['image.mutable-tag'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    'Every container and init container image in the workloads must be pinned: by digest (`@sha256:`), by a version tag (`v1.0.0-staging`, `1.2.3`, `2024.01.02`) or by a git commit SHA (7 to 40 hex digits). No tag (which pulls `latest`), `latest`, and environment or branch tags (`staging`, `staging-latest`, `prod`, `dev`, `main`, `stable`, `edge`, `nightly`, any `*-latest`) fail, and so do the floating tags of Docker Hub official images (a major version alone such as `postgres:16` or `redis:7-alpine`, or an alias with no version such as `node:lts` or `nginx:alpine`). Tags the rule cannot classify (a bare number on an image from another publisher, which may be a build number; a feature-branch name) and templated tags (`$TAG`, `{{ .Values.image.tag }}`) are skipped with the reason.',
  rationale:
    'ADR-001 Lesson 2 and the CI/CD remediation (Issue 11): the deploy workflow pushes the commit SHA tag (`github.sha`) and `:staging-latest`, and `kubectl set image` deploys the SHA. A moving tag makes the running version depend on when a node last pulled: rollbacks do not roll back, two replicas can run different code, and the platform check (Decision 2) cannot tell which manifest it verified.',
  remediation: {
    text: 'Reference the exact build: the commit SHA tag the pipeline pushes, a release version, or the digest.',
    commands: [
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:$GITHUB_SHA -n coditect-staging',
      'gcloud artifacts docker images describe {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --format="value(image_summary.digest)"',
      'image: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend@sha256:<digest>',
    ],
  },
  benchmarks: [],
  messages: {
    noTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} with no tag, which pulls whatever `latest` is at pull time.',
    movingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} by the moving tag "{{tag}}"; pin a version, commit SHA or digest.',
    floatingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}}: "{{tag}}" is a floating tag of an official image, re-pointed at every release; pin a full version or a digest.',
    pinned: '{{container}} in {{kind}} {{name}} runs {{image}}, pinned by {{how}}.',
  },
  check(ctx) {
    for (const c of manifestContainers(ctx.facet('files.kubernetes').files)) {
      const image = c.container.image;
      if (typeof image !== 'string') continue;
      const resource = containerResource(c);
      const data = {
        container: `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`,
        kind: c.object.kind,
        name: c.object.name,
        image,
      };
      const location = locate(c.object, `${c.pointer}/image`);
      if (/\$\{|\{\{|\$[A-Za-z_]/.test(image)) {
        ctx.skip(`image ${image} is templated, filled in at deploy time`, resource);
        continue;
      }
      const ref = containerImageRef(c);
      if (!ref) {
        ctx.skip(`image "${image}" is not an image reference`, resource);
        continue;
      }
      const tag = classifyTag(ref);
      const evidence = [
        { path: `${c.pointer}/image`, observed: image, expected: 'a digest, version or commit SHA tag', location },
      ];
      switch (tag.kind) {
        case 'none':
          ctx.fail({ resource, messageId: 'noTag', data, location, evidence });
          break;
        case 'moving':
          ctx.fail({ resource, messageId: 'movingTag', data: { ...data, tag: tag.tag }, location, evidence });
          break;
        case 'digest':
          ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: 'digest' }, location });
          break;
        case 'version':
          ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: `version tag "${tag.tag}"` }, location });
          break;
        case 'commit':
          ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: `commit SHA tag "${tag.tag}"` }, location });
          break;
        case 'templated':
          ctx.skip(`image ${image} has a templated tag, filled in at deploy time`, resource);
          break;
        case 'unknown':
          if (isFloatingOfficialTag(ref)) {
            ctx.fail({ resource, messageId: 'floatingTag', data: { ...data, tag: tag.tag }, location, evidence });
            break;
          }
          ctx.skip(`tag "${tag.tag}" of ${image} names neither a version nor a known moving tag`, resource);
          break;
      }
    }
  },
});
