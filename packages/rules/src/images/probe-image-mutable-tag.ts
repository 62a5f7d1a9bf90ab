import { defineRule } from '@coditect-audit/core';
import { classifyTag, isFloatingOfficialTag } from '../util/images.js';
import { describeUse, imageTarget } from '../util/probe.js';

/** ADR-001 Lesson 2 and Issue 11: CI pushes `:$GITHUB_SHA` and `:staging-latest`; workloads must run the former or a digest. */
export default defineRule({
  id: 'probe-image-mutable-tag',
  title: 'A workload runs an image by a moving tag (registry)',
  concerns: ['image.mutable-tag'],
  layer: 'probe',
  facets: ['probe.registry'],
  description:
    'For each image the workloads run (including those seen only in the cluster or listed in the configuration), judges the reference: a digest, a version tag or a commit SHA tag passes; no tag, `latest`, an environment or branch tag (`staging`, `*-latest`, `main`, ...) or a floating tag of an official image (`postgres:16`) fails. The registry tells what the moving tag points at now, and the finding gives that digest to pin.',
  rationale:
    'ADR-001 Lesson 2: a moving tag makes the running version depend on when each node pulled; rollbacks do not roll back and the platform check cannot say which build it verified. Pinning the digest the registry resolves today freezes exactly what was checked.',
  remediation: {
    text: 'Deploy by digest (the one the finding names) or by the commit SHA tag the pipeline pushes.',
    commands: [
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend@sha256:<digest> -n coditect-staging',
      'gcloud artifacts docker images describe IMAGE:TAG --format="value(image_summary.digest)"',
    ],
  },
  benchmarks: [],
  messages: {
    moving:
      '{{image}} (used by {{usedBy}}) is run by the moving tag "{{tag}}", which points at {{digest}} now; pin {{pinned}}.',
    pinned: '{{image}} is pinned by {{how}}.',
  },
  check(ctx) {
    for (const image of ctx.facet('probe.registry').images) {
      const { resource, location, relatedLocations } = imageTarget(image);
      const ref = image.ref;
      if (!ref) {
        ctx.skip(`"${image.reference}" is not an image reference`, resource);
        continue;
      }
      const tag = classifyTag(ref);
      const floating = tag.kind === 'unknown' && isFloatingOfficialTag(ref);
      const data = { image: image.reference, usedBy: describeUse(image), digest: image.resolvedDigest };
      const evidence = [
        { path: `${image.reference}`, observed: image.reference, expected: 'a digest, version or commit SHA tag' },
      ];
      if (tag.kind === 'none' || tag.kind === 'moving' || floating) {
        const name = image.reference.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
        ctx.fail({
          resource,
          messageId: 'moving',
          data: {
            ...data,
            tag:
              tag.kind === 'none' ? 'latest (no tag)' : tag.kind === 'moving' || tag.kind === 'unknown' ? tag.tag : '',
            pinned: `${name}@${image.resolvedDigest}`,
          },
          ...(location ? { location } : {}),
          ...(relatedLocations ? { relatedLocations } : {}),
          evidence,
        });
      } else if (tag.kind === 'digest' || tag.kind === 'version' || tag.kind === 'commit') {
        const how =
          tag.kind === 'digest' ? 'digest' : `${tag.kind === 'version' ? 'version' : 'commit SHA'} tag "${tag.tag}"`;
        ctx.pass({ resource, messageId: 'pinned', data: { ...data, how }, evidence });
      } else
        ctx.skip(`tag "${tag.tag}" of ${image.reference} names neither a version nor a known moving tag`, resource);
    }
  },
});
