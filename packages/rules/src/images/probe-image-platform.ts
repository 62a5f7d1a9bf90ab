import { defineRule } from '@coditect-audit/core';
import { describeUse, imageTarget, platformMatches, platformText } from '../util/probe.js';

/** ADR-001 Decision 2: images built on arm64 Macs failed on GKE's amd64 nodes with "no match for platform". */
export default defineRule({
  id: 'probe-image-platform',
  title: 'An image the workloads run has no manifest for the nodes’ platform (registry)',
  concerns: ['image.platform-mismatch'],
  layer: 'probe',
  facets: ['probe.registry'],
  description:
    'Resolves each image the workloads run (from the repository’s manifests, the live pods, or the configured list) in its registry with the full OCI/Docker Accept list, and reads the platforms it offers: the entries of an index or manifest list (build attestations, `unknown/unknown`, are ignored) or the `os`/`architecture` of a single image’s config. Every platform in `expectations.platforms` (the node architectures; `linux/amd64` on GKE by default) must be there.',
  rationale:
    'ADR-001 Decision 2: the first images, built on macOS (arm64), made GKE (linux/amd64) fail to pull with "no match for platform in manifest". The Dockerfile and the build command can say `--platform`, but only the registry knows what was pushed under the tag the cluster pulls.',
  remediation: {
    text: 'Rebuild and push for linux/amd64 (or a multi-platform index that contains it) under the tag the workload runs.',
    commands: [
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .',
      'docker buildx imagetools inspect {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
    ],
  },
  benchmarks: [],
  messages: {
    missingPlatform:
      '{{image}} (used by {{usedBy}}) has no {{missing}} image: it offers {{available}}. Nodes of that platform cannot run it.',
    platforms: '{{image}} offers {{available}}, including {{expected}}.',
  },
  check(ctx) {
    const expected = ctx.env.expectations.platforms;
    for (const image of ctx.facet('probe.registry').images) {
      const { resource, location, relatedLocations } = imageTarget(image);
      const available = image.platforms.map(platformText).join(', ') || 'no platform';
      const missing = expected.filter((want) => !image.platforms.some((p) => platformMatches(want, p)));
      const evidence = [{ path: `${image.reference} platforms`, observed: available, expected: expected.join(', ') }];
      const data = { image: image.reference, usedBy: describeUse(image), available, expected: expected.join(', ') };
      if (missing.length > 0)
        ctx.fail({
          resource,
          messageId: 'missingPlatform',
          data: { ...data, missing: missing.join(', ') },
          ...(location ? { location } : {}),
          ...(relatedLocations ? { relatedLocations } : {}),
          evidence,
        });
      else ctx.pass({ resource, messageId: 'platforms', data, ...(location ? { location } : {}), evidence });
    }
  },
});
