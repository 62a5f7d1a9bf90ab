import { defineViewRule, type ViewRuleContext } from '@coditect-audit/core';
import type { ImageView } from '@coditect-audit/core/views';
import { inDevContainerFolder, isRootUser, nonRootBaseImageUser, userUndecidingBuildArgs } from '../util/dockerfile.js';
import { isRootImageUser } from '../util/probe.js';

/** Windows base images (`docker build -f Dockerfile-windows`): Linux's root does not apply to them. */
const WINDOWS_BASE =
  /(?:^|\/)(?:windows|windowsservercore|nanoserver|servercore)(?:[/:@-]|$)|windowsservercore|nanoserver/i;

/**
 * ADR-001 Decision 4 and Lesson 4: the image must run as a non-root user, as the repository's Dockerfile
 * declares it (final stage `USER`) and as the registry serves it (image config `User`).
 *
 * A rule and a concern of its own beside `container.runs-as-root`: this judges an image's configured user,
 * one verdict per image, which every pod that runs the image inherits unless its security context overrides
 * it; that rule judges each workload container, where the pod spec has the last word. Different objects
 * (a DockerfileStage or ContainerImage here, a Container there), read from different views.
 */
export default defineViewRule({
  id: 'image.runs-as-root',
  title: 'Image runs as root',
  concerns: ['image.runs-as-root'],
  view: 'image',
  sources: {
    dockerfile: { alias: 'dockerfile-runs-as-root' },
    probe: {
      alias: 'probe-image-runs-as-root',
      messages: { nonRoot: '{{image}} runs as {{user}}.' },
    },
  },
  description:
    "The user an image runs as, in the repository and in the registry. Dockerfile: the final stage sets no `USER` (so the container runs as root, the default), or sets it to root explicitly (`USER root`, `USER 0`, `USER 0:0`), fails. Earlier build stages may run as root: they are not the image. A base image published to run as non-root (distroless `:nonroot`, `grafana/k6`, `nginxinc/nginx-unprivileged`, .NET's chiseled and distroless images, Prometheus, Alertmanager and the node exporter, Grafana 5.1 and later, Elastic's Kibana and Logstash) satisfies the rule without a `USER` line, and `FROM scratch` runs as root; a final stage with no `USER` built on an image named by a build argument with no default (`FROM $BASE_IMAGE`, set by `--build-arg`) is undecided, as that image's user is; a `USER` naming a build argument with no default, a Windows base image, a dev container's Dockerfile (under `.devcontainer/`: the workspace an editor opens the repository in, not a deployed image, unless a build outside that folder makes an image of it) the Dockerfile of a GitHub Docker container action (`action.yml` with `runs.using: docker`: GitHub runs it on the runner as root by design, and a `USER` breaks it; unless a build of the repository also makes an image of it), and a Dockerfile every build of which is a workflow's that runs the image on the runner (`docker run`) and never pushes it (a test image) are not judged. Registry: the image config of each image the workloads run is read for every platform it offers, and fails when `User` is empty (the default, root), `root` or `0` (with or without a group); the pushed image may differ from what the repository's Dockerfile says. This is the user the container runs as unless the pod sets `runAsUser` (checked by `container.runs-as-root`).",
  rationale:
    'ADR-001 Decision 4 and Lesson 4: "Running as root works but is insecure." The ADR\'s image creates `django` (UID 1000) and must run as it; a process running as root in a container is root on the node if it escapes, and Kubernetes `runAsNonRoot` can only enforce what the image allows.',
  remediation: {
    text: 'Create an unprivileged user in the final stage, give it what it needs, and switch to it as the last `USER` (numeric UID so Kubernetes `runAsNonRoot` can verify it). Test with `docker run --user 1000` as Lesson 4 says, then rebuild and push.',
    commands: [
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'USER 1000:1000',
      'docker build -t app:test . && docker run --rm app:test id -u   # prints 1000',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
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
    nonRootBase:
      'The final stage sets no USER, but its base image {{image}} is published to run as a non-root user ({{user}}).',
    baseFromBuildArg:
      'The final stage sets no USER and is built on {{image}}, a build argument with no default ({{args}}): it runs as whatever user that image sets, which the repository does not say. Add a non-root USER as the last user instruction, or give the argument a default.',
    root: '{{image}} (used by {{usedBy}}) runs as {{user}} on {{platforms}}: its image config sets no non-root User.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.dockerfile) judgeDockerfile(ctx, v, v.dockerfile);
      else judgeImageConfig(ctx, v);
    }
  },
});

type Ctx = ViewRuleContext<'image', string>;

/** The final stage's USER, as the Dockerfile declares it. */
function judgeDockerfile(ctx: Ctx, v: ImageView, df: NonNullable<ImageView['dockerfile']>): void {
  const { resource } = v;
  const stage = df.stage;
  const user = v.user;
  const facet = ctx.facet('files.dockerfile');
  // What the repository builds from this Dockerfile (workflows, Cloud Build, skaffold, compose, kustomize).
  const builds = (facet.builds ?? []).filter((b) => b.dockerfile === df.file);
  // A Docker container action runs once on a CI runner, as root by GitHub's design. Judged all the same when a
  // build of the repository makes an image of it too (then it may be deployed), so that an `action.yml` put
  // beside a deployed Dockerfile does not take it out of the gate.
  const action = facet.dockerActions?.find((a) => a.dockerfile === df.file);
  if (action && builds.length === 0) {
    ctx.skip(
      `${df.file} is the image of the GitHub Docker container action ${action.file}: GitHub runs such an action on the runner as root by design (with a USER it could not write to GITHUB_WORKSPACE), not an image the project deploys`,
      resource,
    );
    return;
  }
  // A test image: every build of it is a workflow's that runs it on the runner and never pushes it. Judged all the
  // same when anything else builds it (compose, skaffold, Cloud Build, a build that pushes).
  if (builds.length > 0 && builds.every((b) => b.local)) {
    const b = builds[0]!;
    ctx.skip(
      `${df.file} is built only to run on the CI runner (${b.file}:${b.line} builds ${b.image}, the job runs it with docker run and never pushes it): not an image the project deploys`,
      resource,
    );
    return;
  }
  // Judged all the same when something outside the dev container's folder builds an image from it (a workflow,
  // Cloud Build, skaffold, compose, kustomize): then it is not only the workspace, and moving a Dockerfile
  // into `.devcontainer/` does not take it out of the gate.
  if (inDevContainerFolder(df.file) && !builds.some((b) => !inDevContainerFolder(b.file))) {
    ctx.skip(
      `${df.file} builds a dev container (.devcontainer/): the workspace an editor or Codespaces opens the repository in (devcontainer.json chooses its user), not an image the project deploys`,
      resource,
    );
    return;
  }
  if (WINDOWS_BASE.test(df.base.resolvedImage)) {
    ctx.skip(
      `the final stage of ${df.file} is a Windows container (${df.base.resolvedImage}): it has no root user; its accounts are ContainerUser and ContainerAdministrator`,
      resource,
    );
    return;
  }
  if (!user || user.certainty === 'absent') {
    const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
    // No stage sets a USER: the image runs as the user of the image the stages are built on.
    const base = df.base;
    const baseUser = nonRootBaseImageUser(base.imageRef);
    if (baseUser) {
      ctx.pass({ resource, messageId: 'nonRootBase', data: { image: base.resolvedImage, user: baseUser }, location });
      return;
    }
    const buildArgs = userUndecidingBuildArgs(base.resolvedImage);
    if (buildArgs.length > 0) {
      ctx.unknown({
        resource,
        messageId: 'baseFromBuildArg',
        data: { image: base.resolvedImage, args: buildArgs.join(', ') },
        location,
        evidence: [{ path: `stage[${stage.index}].USER`, observed: null, expected: 'a non-root user' }],
        dependsOn: buildArgs.map((name) => `the build argument ${name} (${df.file}:${base.line}), set at build time`),
      });
      return;
    }
    ctx.fail({
      resource,
      messageId: 'noUser',
      // `FROM base` names a stage: the image it comes down to is the one that runs.
      data: { image: base === stage ? stage.resolvedImage : `${stage.resolvedImage}, built on ${base.resolvedImage}` },
      location,
      evidence: [{ path: `stage[${stage.index}].USER`, observed: null, expected: 'a non-root user' }],
    });
    return;
  }
  const where = user.origin.location;
  if (user.certainty === 'unresolved') {
    ctx.skip(
      `USER ${user.expression.trim()} (${df.file}:${where?.startLine}) depends on a build argument with no default`,
      resource,
    );
    return;
  }
  const value = user.value.trim();
  if (isRootUser(value) || /^0+(?::|$)/.test(value)) {
    ctx.fail({
      resource,
      messageId: 'explicitRoot',
      data: { user: value },
      ...(where ? { location: where } : {}),
      evidence: [{ path: user.origin.path, observed: value, expected: 'a non-root user' }],
    });
    return;
  }
  ctx.pass({ resource, messageId: 'nonRoot', data: { user: value }, ...(where ? { location: where } : {}) });
}

/** The image config's User on every platform, as the registry serves it. */
function judgeImageConfig(ctx: Ctx, v: ImageView): void {
  const { resource, location, relatedLocations } = v;
  const configs = v.configs ?? [];
  if (configs.length === 0) {
    ctx.skip(`no image config of ${v.reference} could be read`, resource);
    return;
  }
  const root = configs.filter((c) => isRootImageUser(c.user));
  const evidence = configs.map((c) => ({
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
        image: v.reference,
        usedBy: v.usedBy ?? '',
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
      data: { image: v.reference, user: [...new Set(configs.map((c) => c.user))].join(', ') },
      evidence,
    });
  }
}
