import { defineRule } from '@coditect-audit/core';
import { containersOf } from '../util/containers.js';
import { classifyTag, containerImageRef, isFloatingOfficialTag } from '../util/images.js';
import {
  containerStatuses,
  digestOf,
  itemsOf,
  liveResource,
  podsOf,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';

/**
 * ADR-001 Lesson 2 and Issue 11, on the cluster: workloads must run an exact build. Live, a tag can be
 * caught moving: two pods of one workload running different digests under the same reference.
 */
export default defineRule({
  id: 'k8s-mutable-image-tag',
  title: 'A live workload runs an image by a moving tag',
  concerns: ['image.mutable-tag'],
  layer: 'k8s',
  facets: [...WORKLOAD_FACETS],
  description:
    "Every container image of every workload the cluster runs must be pinned: by digest, a version tag (`v1.0.0-staging`, `1.2.3`) or a commit SHA tag. No tag, `latest`, environment and branch tags (`staging`, `staging-latest`, `main`...) and the floating tags of Docker Hub official images (`postgres:16`, `node:lts`) fail. Live, a tag is also caught moving: when the workload's pods report two or more different digests (`status.containerStatuses[].imageID`) for the same container, the tag was re-pushed between pulls, whatever it looks like. Tags the rule cannot classify are skipped.",
  rationale:
    'ADR-001 Lesson 2 and the CI/CD remediation push both the commit SHA and `:staging-latest`, and deploy the SHA. The ADR itself re-pushed `v1.0.0-staging` (the arm64 build, then the amd64 one, then the Dockerfile fix): under one tag, pods pulled at different times run different code, and a rollback does not roll back.',
  remediation: {
    text: 'Deploy the exact build: the commit SHA tag the pipeline pushes, or the digest.',
    commands: [
      'gcloud artifacts docker images describe {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --format="value(image_summary.digest)"',
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend@sha256:<digest> -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    noTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} with no tag, which pulls whatever `latest` is at pull time.',
    movingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} by the moving tag "{{tag}}"; pin a version, commit SHA or digest.',
    floatingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}}: "{{tag}}" is a floating tag of an official image, re-pointed at every release.',
    tagMoved:
      '{{container}} in {{kind}} {{name}} runs {{image}}, but its pods run {{count}} different builds under it ({{digests}}): the tag moved between pulls.',
    pinned: '{{container}} in {{kind}} {{name}} runs {{image}}, pinned by {{how}}.',
  },
  check(ctx) {
    const facets = workloadFacets(ctx.facet);
    const pods = itemsOf(facets['k8s.pods']);
    const replicaSets = itemsOf(facets['k8s.replicasets']);
    const jobs = itemsOf(facets['k8s.jobs']);
    for (const w of topLevelWorkloads(facets)) {
      const workloadPods = podsOf(w, pods, replicaSets, jobs);
      for (const c of containersOf(viewOf(w))) {
        const image = typeof c.container.image === 'string' ? c.container.image : undefined;
        if (!image) continue;
        const resource = liveResource(w, {
          kind: c.field === 'initContainers' ? 'InitContainer' : 'Container',
          name: c.name,
          path: `${c.field}/${c.name}`,
        });
        const data = { container: `Container ${c.name}`, kind: w.kind, name: w.name, image };
        const ref = containerImageRef(c);
        if (!ref) {
          ctx.skip(`image "${image}" is not an image reference`, resource);
          continue;
        }
        const evidence = [
          { path: `${c.pointer}/image`, observed: image, expected: 'a digest, version or commit SHA tag' },
        ];
        const tag = classifyTag(ref);
        const digests = [
          ...new Set(
            workloadPods.flatMap((p) =>
              containerStatuses(p)
                .filter((s) => s.name === c.name && (s.image === undefined || s.image === image))
                .map((s) => digestOf(s.imageID))
                .filter((d): d is string => Boolean(d)),
            ),
          ),
        ].sort();
        if (tag.kind !== 'digest' && digests.length > 1) {
          ctx.fail({
            resource,
            messageId: 'tagMoved',
            data: { ...data, count: digests.length, digests: digests.map((d) => d.slice(0, 19)).join(', ') },
            evidence: [
              ...evidence,
              ...digests.map((d) => ({ path: 'pods[].status.containerStatuses[].imageID', observed: d })),
            ],
          });
          continue;
        }
        switch (tag.kind) {
          case 'none':
            ctx.fail({ resource, messageId: 'noTag', data, evidence });
            break;
          case 'moving':
            ctx.fail({ resource, messageId: 'movingTag', data: { ...data, tag: tag.tag }, evidence });
            break;
          case 'digest':
            ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: 'digest' } });
            break;
          case 'version':
            ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: `version tag "${tag.tag}"` } });
            break;
          case 'commit':
            ctx.pass({ resource, messageId: 'pinned', data: { ...data, how: `commit SHA tag "${tag.tag}"` } });
            break;
          case 'templated':
            ctx.skip(`image ${image} has a templated tag`, resource);
            break;
          case 'unknown':
            if (isFloatingOfficialTag(ref))
              ctx.fail({ resource, messageId: 'floatingTag', data: { ...data, tag: tag.tag }, evidence });
            else ctx.skip(`tag "${tag.tag}" of ${image} names neither a version nor a known moving tag`, resource);
            break;
        }
      }
    }
  },
});
