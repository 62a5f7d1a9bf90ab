import { defineRule } from '@coditect-audit/core';
import { describeUse, imageTarget, isRootImageUser } from '../util/probe.js';

/** ADR-001 Decision 4 and Lesson 4: the image decides the user unless the pod overrides it. */
export default defineRule({
  id: 'probe-image-runs-as-root',
  title: 'An image the workloads run has root as its user (registry)',
  concerns: ['container.runs-as-root'],
  layer: 'probe',
  facets: ['probe.registry'],
  description:
    'Reads the image config of each image the workloads run, for every platform it offers, and fails when `User` is empty (the default, root), `root` or `0` (with or without a group). This is the user the container runs as unless the pod sets `runAsUser` (checked by manifest-runs-as-root and the k8s layer); the pushed image may differ from what the repository’s Dockerfile says.',
  rationale:
    'ADR-001 Lesson 4 ("Running as root works but is insecure") and Decision 4: the image must run as the non-root `django` user (UID 1000). A root container turns any remote code execution in the app into root in the container, one kernel bug away from the node.',
  remediation: {
    text: 'Create a non-root user in the final stage, switch to it with USER, rebuild and push; or set `securityContext.runAsNonRoot: true` and `runAsUser: 1000` on the pod.',
    commands: [
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'USER django',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
    ],
  },
  benchmarks: [
    { standard: 'CIS Docker Benchmark 1.6', id: '4.1', title: 'Ensure that a user for the container has been created' },
  ],
  messages: {
    root: '{{image}} (used by {{usedBy}}) runs as {{user}} on {{platforms}}: its image config sets no non-root User.',
    nonRoot: '{{image}} runs as {{user}}.',
  },
  check(ctx) {
    for (const image of ctx.facet('probe.registry').images) {
      const { resource, location, relatedLocations } = imageTarget(image);
      if (image.configs.length === 0) {
        ctx.skip(`no image config of ${image.reference} could be read`, resource);
        continue;
      }
      const root = image.configs.filter((c) => isRootImageUser(c.user));
      const evidence = image.configs.map((c) => ({
        path: `config[${c.platform}].User`,
        observed: c.user,
        expected: 'a non-root user',
      }));
      if (root.length > 0) {
        const user = root[0]!.user === '' ? 'root (User is empty)' : root[0]!.user;
        ctx.fail({
          resource,
          messageId: 'root',
          data: {
            image: image.reference,
            usedBy: describeUse(image),
            user,
            platforms: root.map((c) => c.platform).join(', '),
          },
          ...(location ? { location } : {}),
          ...(relatedLocations ? { relatedLocations } : {}),
          evidence,
        });
      } else {
        ctx.pass({
          resource,
          messageId: 'nonRoot',
          data: { image: image.reference, user: [...new Set(image.configs.map((c) => c.user))].join(', ') },
          evidence,
        });
      }
    }
  },
});
