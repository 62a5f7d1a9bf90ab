import { type DockerStage, defineRule, type Dockerfile } from '@coditect-audit/core';
import { finalStage, isRootUser, effectiveStageUser } from '../util/dockerfile.js';

/**
 * ADR-001 Decision 4, the deployment blocker: packages built into `/root/.local` and copied there in
 * the runtime stage, while the stage runs as `django` (UID 1000), who cannot read `/root`.
 */
export default defineRule({
  id: 'dockerfile-unreadable-dependencies',
  title: 'Dependencies under /root while the image runs as a non-root user',
  concerns: ['container.unreadable-dependencies'],
  layer: 'files',
  facets: ['files.dockerfile'],
  description:
    'The final stage copies files to a path under `/root` (for example `/root/.local` from a builder stage) or puts a `/root` directory on `PATH`, while its last `USER` is not root. `/root` is mode 0700, so the runtime user cannot read what it is meant to run.',
  rationale:
    'ADR-001 Decision 4: the image built Python packages to `/root/.local` but ran as `django` (UID 1000), and the application failed with "ModuleNotFoundError: No module named \'django\'". Deployment was blocked until the Dockerfile was fixed and the image rebuilt.',
  remediation: {
    text: "Copy dependencies into the runtime user's home, put that on PATH, and give the user ownership.",
    commands: [
      'COPY --from=builder /root/.local /home/django/.local',
      'ENV PATH=/home/django/.local/bin:$PATH',
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'USER django',
    ],
  },
  benchmarks: [],
  messages: {
    copiedUnderRoot: 'COPY puts {{destination}} under /root but the final USER is {{user}}, who cannot read /root.',
    pathUnderRoot: 'PATH includes {{entry}} under /root but the final USER is {{user}}, who cannot read /root.',
    readable: 'Nothing the runtime user {{user}} runs lives under /root.',
  },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      const stage = finalStage(df);
      if (!stage) continue;
      const resource = resourceOf(df, stage);
      const user = effectiveStageUser(df, stage);
      if (!user || isRootUser(user.value)) {
        ctx.skip(`the final stage runs as root (${user?.value ?? 'no USER'}); see dockerfile-runs-as-root`, resource);
        continue;
      }
      let failed = false;
      for (const copy of stage.copies) {
        if (!underRoot(copy.destination)) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: 'copiedUnderRoot',
          data: { destination: copy.destination, user: user.value },
          location: { file: df.file, startLine: copy.line, startColumn: copy.column },
          evidence: [
            {
              path: `stage[${stage.index}].COPY.destination`,
              observed: copy.destination,
              expected: 'a path outside /root',
            },
            { path: `stage[${stage.index}].USER`, observed: user.value },
          ],
          discriminator: `copy:${copy.destination}`,
        });
      }
      for (const env of stage.env) {
        if (env.name !== 'PATH') continue;
        for (const entry of env.value.split(':')) {
          if (!underRoot(entry)) continue;
          failed = true;
          ctx.fail({
            resource,
            messageId: 'pathUnderRoot',
            data: { entry, user: user.value },
            location: { file: df.file, startLine: env.line, startColumn: env.column },
            evidence: [
              { path: `stage[${stage.index}].ENV.PATH`, observed: env.value, expected: 'no entry under /root' },
            ],
            discriminator: `path:${entry}`,
          });
        }
      }
      if (!failed) ctx.pass({ resource, messageId: 'readable', data: { user: user.value } });
    }
  },
});

function underRoot(path: string): boolean {
  return path === '/root' || path.startsWith('/root/');
}

function resourceOf(df: Dockerfile, stage: DockerStage) {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: 'DockerfileStage', name: stageName, file: df.file };
}
