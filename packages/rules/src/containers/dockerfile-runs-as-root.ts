import { type DockerStage, defineRule, type Dockerfile } from '@coditect-audit/core';
import { effectiveStageUser, finalStage, isNonRootBaseImage, isRootUser } from '../util/dockerfile.js';

/**
 * ADR-001 Decision 4 and Lesson 4: the image must run as a non-root user. Only the final stage becomes
 * the image, so only its user counts: the last `USER` of that stage, or of the stage it is built on.
 */
/** Windows base images (`docker build -f Dockerfile-windows`): Linux's root does not apply to them. */
const WINDOWS_BASE =
  /(?:^|\/)(?:windows|windowsservercore|nanoserver|servercore)(?:[/:@-]|$)|windowsservercore|nanoserver/i;

export default defineRule({
  id: 'dockerfile-runs-as-root',
  title: 'Image runs as root',
  concerns: ['container.runs-as-root'],
  layer: 'files',
  facets: ['files.dockerfile'],
  description:
    'The final stage of the Dockerfile sets no `USER` (so the container runs as root, the default), or sets it to root explicitly (`USER root`, `USER 0`, `USER 0:0`). Earlier build stages may run as root: they are not the image. A base image published to run as non-root (distroless `:nonroot`) satisfies the rule without a `USER` line.',
  rationale:
    'ADR-001 Decision 4 and Lesson 4: "Running as root works but is insecure." The ADR\'s image creates `django` (UID 1000) and must run as it; a process running as root in a container is root on the node if it escapes, and Kubernetes `runAsNonRoot` can only enforce what the image allows.',
  remediation: {
    text: 'Create an unprivileged user in the final stage, give it what it needs, and switch to it as the last `USER` (numeric UID so Kubernetes `runAsNonRoot` can verify it). Test with `docker run --user 1000` as Lesson 4 says.',
    commands: [
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'USER 1000:1000',
      'docker build -t app:test . && docker run --rm app:test id -u   # prints 1000',
    ],
  },
  benchmarks: [
    { standard: 'CIS Docker Benchmark', id: '4.1', title: 'Ensure that a user for the container has been created' },
  ],
  messages: {
    noUser:
      'The final stage (FROM {{image}}) sets no USER, so the container runs as root. Add a non-root USER as the last user instruction.',
    explicitRoot: 'The final stage runs as root (USER {{user}}). Switch to a non-root user.',
    nonRoot: 'The final stage runs as {{user}}.',
    nonRootBase: 'The final stage sets no USER, but its base image {{image}} is published to run as a non-root user.',
  },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      const stage = finalStage(df);
      if (!stage) continue;
      const resource = resourceOf(df, stage);
      if (WINDOWS_BASE.test(stage.resolvedImage)) {
        ctx.skip(
          `the final stage of ${df.file} is a Windows container (${stage.resolvedImage}): it has no root user; its accounts are ContainerUser and ContainerAdministrator`,
          resource,
        );
        continue;
      }
      const user = effectiveStageUser(df, stage);
      if (!user) {
        if (isNonRootBaseImage(stage.imageRef)) {
          ctx.pass({
            resource,
            messageId: 'nonRootBase',
            data: { image: stage.resolvedImage },
            location: { file: df.file, startLine: stage.line, startColumn: stage.column },
          });
          continue;
        }
        ctx.fail({
          resource,
          messageId: 'noUser',
          data: { image: stage.resolvedImage },
          location: { file: df.file, startLine: stage.line, startColumn: stage.column },
          evidence: [{ path: `stage[${stage.index}].USER`, observed: null, expected: 'a non-root user' }],
        });
        continue;
      }
      const where = { file: df.file, startLine: user.line, startColumn: user.column };
      // The USER may be inherited from the stage this one is built on.
      const owner = df.stages.find((s) => s.user === user) ?? stage;
      // The collector expands ARG and ENV values it knows; a `$` left means a build-time value.
      const value = user.value.trim();
      if (/\$(?:\{?[A-Za-z_])/.test(value)) {
        ctx.skip(`USER ${value} (${df.file}:${user.line}) depends on a build argument with no default`, resource);
        continue;
      }
      if (isRootUser(value) || /^0+(?::|$)/.test(value.trim())) {
        ctx.fail({
          resource,
          messageId: 'explicitRoot',
          data: { user: value },
          location: where,
          evidence: [{ path: `stage[${owner.index}].USER`, observed: value, expected: 'a non-root user' }],
        });
        continue;
      }
      ctx.pass({ resource, messageId: 'nonRoot', data: { user: value }, location: where });
    }
  },
});

function resourceOf(df: Dockerfile, stage: DockerStage) {
  const stageName = stage.name ?? String(stage.index);
  return { id: `${df.file}#stage:${stageName}`, kind: 'DockerfileStage', name: stageName, file: df.file };
}
