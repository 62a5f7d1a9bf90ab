import { defineRule } from '@coditect-audit/core';
import { describeUse, imageTarget, isRootImageUser } from '../util/probe.js';

function underRoot(entry: string): boolean {
  return entry === '/root' || entry.startsWith('/root/');
}

/** ADR-001 Decision 4, the deployment blocker, as the pushed image has it. */
export default defineRule({
  id: 'probe-image-unreadable-dependencies',
  title: 'An image puts /root on PATH but runs as a non-root user (registry)',
  concerns: ['container.unreadable-dependencies'],
  layer: 'probe',
  facets: ['probe.registry'],
  description:
    'Reads the image config of each image the workloads run: when its `User` is not root and an entry of the `PATH` in its `Env` lies under `/root` (e.g. `/root/.local/bin`), the user cannot run what is installed there, because `/root` is mode 0700. Only `PATH` is read from the environment; no other variable leaves the registry.',
  rationale:
    'ADR-001 Decision 4 (BLOCKER): packages were installed to `/root/.local` and the image ran as `django` (UID 1000): "ModuleNotFoundError: No module named \'django\'". The repository’s Dockerfile may be fixed while the image the cluster pulls is still the old one; the registry shows which.',
  remediation: {
    text: "Install dependencies into the runtime user's home, put that on PATH, give the user ownership, rebuild and push.",
    commands: [
      'COPY --from=builder /root/.local /home/django/.local',
      'ENV PATH=/home/django/.local/bin:$PATH',
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
    ],
  },
  benchmarks: [],
  messages: {
    pathUnderRoot:
      '{{image}} (used by {{usedBy}}) runs as {{user}} with {{entry}} on PATH: {{user}} cannot read /root.',
    readable: '{{image}} runs as {{user}} with nothing under /root on PATH.',
  },
  check(ctx) {
    for (const image of ctx.facet('probe.registry').images) {
      const { resource, location, relatedLocations } = imageTarget(image);
      const nonRoot = image.configs.filter((c) => !isRootImageUser(c.user));
      if (nonRoot.length === 0) {
        ctx.skip(
          `${image.reference} runs as root${image.configs.length ? '' : ' or its config could not be read'}; see probe-image-runs-as-root`,
          resource,
        );
        continue;
      }
      const bad = nonRoot.flatMap((c) =>
        (c.path ?? '')
          .split(':')
          .filter(underRoot)
          .map((entry) => ({ c, entry })),
      );
      const first = bad[0];
      if (first) {
        ctx.fail({
          resource,
          messageId: 'pathUnderRoot',
          data: { image: image.reference, usedBy: describeUse(image), user: first.c.user, entry: first.entry },
          ...(location ? { location } : {}),
          ...(relatedLocations ? { relatedLocations } : {}),
          evidence: [
            {
              path: `config[${first.c.platform}].Env.PATH`,
              observed: first.c.path ?? null,
              expected: 'no entry under /root',
            },
            { path: `config[${first.c.platform}].User`, observed: first.c.user },
          ],
        });
      } else ctx.pass({ resource, messageId: 'readable', data: { image: image.reference, user: nonRoot[0]!.user } });
    }
  },
});
