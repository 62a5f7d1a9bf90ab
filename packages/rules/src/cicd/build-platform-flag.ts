import { defineRule, type Resource, type Workflow, type WorkflowJob, type WorkflowStep } from '@coditect-audit/core';
import {
  buildPushActionPushes,
  type ImageBuild,
  imageBuild,
  imagesPushedOrRetagged,
  isBuildPushAction,
  isCloudBuildSubmit,
  isDynamic,
  missingPlatforms,
  normalizePlatform,
  type SimpleCommand,
  splitPlatforms,
  splitTags,
  stepCommands,
  stepResource,
  usesLocation,
  withLocation,
  withValue,
} from '../util/workflows.js';

/**
 * ADR-001 Decision 2 and Lesson 2: images built on an arm64 Mac had no linux/amd64 manifest and GKE could
 * not pull them ("no match for platform"). Every build that can reach a registry must name its platform.
 */
export default defineRule({
  id: 'build-platform-flag',
  title: 'Image builds in workflows target linux/amd64 explicitly',
  concerns: ['build.platform-flag'],
  layer: 'files',
  facets: ['files.workflows'],
  description: `Every image build in a workflow (\`docker build\`, \`docker buildx build\`, \`docker image build\`, \`podman build\`, \`buildah build\` in \`run\` scripts, and \`docker/build-push-action\` steps) names the platforms GKE nodes run (\`--platform linux/amd64\`, a list containing it such as \`--platform=linux/amd64,linux/arm64\`, or \`with.platforms\`). Builds whose image never leaves the runner (no \`--push\`, no registry tag, not pushed or retagged later in the job; or run on the runner with \`docker run\` and never pushed or retagged, whatever its name) are skipped. \`gcloud builds submit\` passes: Cloud Build workers are linux/amd64. A platform set from an expression (\`\${{ matrix.platform }}\`) is skipped: it is only known at run time. A build for another platform alone passes when the same workflow also builds every expected platform and joins the builds into one tag (\`docker buildx imagetools create\`, \`docker manifest create\`: Docker's multi-platform build on native runners). \`DOCKER_DEFAULT_PLATFORM\` counts when it is set on the command, exported earlier in the same script, or appended to \`$GITHUB_ENV\` by an earlier step of the job (a step or job \`env:\` is not read).`,
  rationale:
    'ADR-001 Decision 2: images built on macOS (arm64) made GKE (linux/amd64) fail with "no match for platform", and the consequence recorded there is that CI/CD must use `--platform linux/amd64`. Lesson 2 repeats it: "Always use --platform linux/amd64 flag." Without the flag a build inherits the architecture of the machine it runs on, so an arm64 runner or a laptop silently produces an image GKE cannot run.',
  remediation: {
    text: 'Name the platform on every build that feeds GKE: `--platform linux/amd64` on the command line, or `platforms: linux/amd64` on docker/build-push-action (add `linux/arm64` to the list if you also need it).',
    commands: [
      `- name: Build and push Docker image
  run: |
    docker buildx build --platform linux/amd64 \\
      -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }} \\
      --push .`,
      `- name: Build and push Docker image
  uses: docker/build-push-action@<full-commit-sha> # v6
  with:
    platforms: linux/amd64
    push: true
    tags: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:\${{ github.sha }}`,
    ],
  },
  benchmarks: [],
  messages: {
    missingPlatform:
      '`{{tool}}` of {{image}} has no --platform: the image gets the architecture of the machine that builds it, and GKE nodes and Cloud Run run {{expected}}.',
    wrongPlatform:
      '`{{tool}}` of {{image}} builds for {{platforms}}, without {{missing}} that GKE nodes and Cloud Run run.',
    actionMissingPlatforms:
      'docker/build-push-action has no `platforms` input: the image gets the architecture of the runner, and GKE nodes and Cloud Run run {{expected}}.',
    actionWrongPlatforms:
      'docker/build-push-action builds for {{platforms}}, without {{missing}} that GKE nodes and Cloud Run run.',
    targetsPlatform: '`{{tool}}` of {{image}} builds for {{platforms}}.',
    mergedWithAmd64:
      "`{{tool}}` builds for {{platforms}}, and `{{merge}}` merges it with the workflow's linux/amd64 build into one multi-platform image.",
    cloudBuild: '`gcloud builds submit` builds on Cloud Build workers, which are linux/amd64.',
  },
  check(ctx) {
    const expected = ctx.env.expectations.platforms;
    for (const wf of ctx.facet('files.workflows').files) {
      const merge = multiPlatformMerge(wf, expected);
      for (const job of wf.jobs) {
        const runner = runnerUse(job);
        // DOCKER_DEFAULT_PLATFORM written to $GITHUB_ENV holds for the job's later steps.
        let jobDefaultPlatform: string | undefined;
        for (const step of job.steps) {
          const resource = stepResource(wf, job, step);
          if (isBuildPushAction(step)) checkAction(wf, step, resource, runner.leaving, merge);
          let stepDefaultPlatform = jobDefaultPlatform;
          for (const cmd of stepCommands(step)) {
            stepDefaultPlatform = exportedDefaultPlatform(cmd) ?? stepDefaultPlatform;
            jobDefaultPlatform = githubEnvDefaultPlatform(cmd) ?? jobDefaultPlatform;
            if (isCloudBuildSubmit(cmd)) {
              if (missingPlatforms(['linux/amd64'], expected).length === 0)
                ctx.pass({ resource, messageId: 'cloudBuild', discriminator: 'build:cloud-build' });
              else
                ctx.skip(
                  `Cloud Build builds linux/amd64 only unless its config says more; ${expected.join(', ')} are expected`,
                  resource,
                );
              continue;
            }
            const build = imageBuild(cmd);
            if (build) checkCommand(wf, cmd, build, resource, runner, stepDefaultPlatform, merge);
          }
        }
      }
    }

    function checkCommand(
      wf: Workflow,
      cmd: SimpleCommand,
      build: ImageBuild,
      resource: Resource,
      { leaving, loaded, run }: RunnerUse,
      defaultPlatform: string | undefined,
      merge: string | undefined,
    ) {
      const image = build.tags[0] ?? '(untagged image)';
      const discriminator = `build:${build.tags[0] ?? build.tool}`;
      if (!build.push && build.tags.length > 0 && build.tags.every((t) => loaded.has(t) && !leaving.has(t))) {
        ctx.skip(
          `\`${build.tool}\` of ${image} is loaded into a cluster on the runner (kind, minikube, k3d), built for the runner's own architecture`,
          resource,
        );
        return;
      }
      // Built to run on the runner (a test image: `docker run <tag> npm test`) and never pushed nor retagged: a
      // registry-like name (`user/app`, `$IMAGE`) alone does not make it leave.
      if (!build.push && build.tags.length > 0 && build.tags.every((t) => run.has(t) && !leaving.has(t))) {
        ctx.skip(
          `\`${build.tool}\` of ${image} is run on the runner (docker run) and never pushed, built for the runner's own architecture`,
          resource,
        );
        return;
      }
      if (!build.push && !build.tags.some((t) => isRegistryTag(t) || leaving.has(t))) {
        ctx.skip(`\`${build.tool}\` of ${image} keeps the image on the runner (no --push, no registry tag)`, resource);
        return;
      }
      const written =
        build.platforms.length > 0 ? build.platforms : [build.defaultPlatform ?? defaultPlatform].filter(isSet);
      const location = { file: wf.file, startLine: cmd.line };
      if (written.length === 0) {
        ctx.fail({
          resource,
          messageId: 'missingPlatform',
          data: { tool: build.tool, image, expected: expected.join(', ') },
          location,
          evidence: [{ path: `${build.tool} --platform`, observed: null, expected: expected.join(',') }],
          discriminator,
        });
        return;
      }
      if (written.some(isDynamic)) {
        ctx.skip(
          `\`${build.tool}\` of ${image} takes its platform from ${written.join(', ')}, known only at run time`,
          resource,
        );
        return;
      }
      const platforms = written.flatMap(splitPlatforms).map(normalizePlatform).join(', ');
      const missing = missingPlatforms(written, expected);
      if (missing.length > 0 && merge) {
        ctx.pass({
          resource,
          messageId: 'mergedWithAmd64',
          data: { tool: build.tool, platforms, merge },
          discriminator,
        });
        return;
      }
      if (missing.length > 0) {
        ctx.fail({
          resource,
          messageId: 'wrongPlatform',
          data: { tool: build.tool, image, platforms, missing: missing.join(', ') },
          location,
          evidence: [{ path: `${build.tool} --platform`, observed: written.join(','), expected: expected.join(',') }],
          discriminator,
        });
        return;
      }
      ctx.pass({ resource, messageId: 'targetsPlatform', data: { tool: build.tool, image, platforms }, discriminator });
    }

    function checkAction(
      wf: Workflow,
      step: WorkflowStep,
      resource: Resource,
      leaving: Set<string>,
      merge: string | undefined,
    ) {
      const tags = splitTags(withValue(step, 'tags') ?? '');
      if (!buildPushActionPushes(step) && !tags.some((t) => leaving.has(t))) {
        ctx.skip(
          'docker/build-push-action does not push (`push` is not true) and its tags are not pushed later',
          resource,
        );
        return;
      }
      const discriminator = 'build:docker/build-push-action';
      const value = withValue(step, 'platforms');
      if (value === undefined || !value.trim()) {
        ctx.fail({
          resource,
          messageId: 'actionMissingPlatforms',
          data: { expected: expected.join(', ') },
          location: usesLocation(wf, step),
          evidence: [{ path: 'with.platforms', observed: null, expected: expected.join(',') }],
          discriminator,
        });
        return;
      }
      if (isDynamic(value)) {
        ctx.skip(`docker/build-push-action takes its platforms from ${value.trim()}, known only at run time`, resource);
        return;
      }
      const platforms = splitPlatforms(value).map(normalizePlatform).join(', ');
      const missing = missingPlatforms([value], expected);
      if (missing.length > 0 && merge) {
        ctx.pass({
          resource,
          messageId: 'mergedWithAmd64',
          data: { tool: 'docker/build-push-action', platforms, merge },
          discriminator,
        });
        return;
      }
      if (missing.length > 0) {
        ctx.fail({
          resource,
          messageId: 'actionWrongPlatforms',
          data: { platforms, missing: missing.join(', ') },
          location: withLocation(wf, step, 'platforms') ?? usesLocation(wf, step),
          evidence: [{ path: 'with.platforms', observed: value.trim(), expected: expected.join(',') }],
          discriminator,
        });
        return;
      }
      ctx.pass({
        resource,
        messageId: 'targetsPlatform',
        data: { tool: 'docker/build-push-action', image: tags[0] ?? '(untagged image)', platforms },
        discriminator,
      });
    }
  },
});

/**
 * Docker's multi-platform build on native runners ("Distribute build across multiple runners"): each platform
 * built by a job of its own, then one job joins them into one tag (`docker buildx imagetools create`, `docker
 * manifest create`). When a workflow has such a merge and a build that names every expected platform, a build
 * for another platform alone is one of the parts: the merge command, else undefined.
 */
function multiPlatformMerge(wf: Workflow, expected: readonly string[]): string | undefined {
  const steps = wf.jobs.flatMap((j) => j.steps);
  const commands = steps.flatMap(stepCommands);
  const merge = commands.find(
    (c) =>
      (c.argv[0] === 'docker' && c.argv[1] === 'buildx' && c.argv[2] === 'imagetools' && c.argv[3] === 'create') ||
      (c.argv[0] === 'docker' && c.argv[1] === 'manifest' && c.argv[2] === 'create'),
  );
  if (!merge) return undefined;
  const expectedBuild =
    commands.some((c) => {
      const build = imageBuild(c);
      return !!build && build.platforms.length > 0 && missingPlatforms(build.platforms, expected).length === 0;
    }) ||
    steps.some((step) => {
      const value = isBuildPushAction(step) ? withValue(step, 'platforms') : undefined;
      return !!value?.trim() && !isDynamic(value) && missingPlatforms([value], expected).length === 0;
    });
  return expectedBuild ? merge.argv.slice(0, merge.argv[1] === 'buildx' ? 4 : 3).join(' ') : undefined;
}

function isSet(v: string | undefined): v is string {
  return v !== undefined && v !== '';
}

/** A tag that names a registry repository (`host/path:tag`, `org/app`), or one filled in at run time. */
function isRegistryTag(tag: string): boolean {
  return tag.includes('/') || isDynamic(tag);
}

/** What a job does with the images on its runner: pushes or retags them, loads them into a cluster there, runs them. */
interface RunnerUse {
  leaving: Set<string>;
  loaded: Set<string>;
  run: Set<string>;
}

function runnerUse(job: WorkflowJob): RunnerUse {
  return { leaving: imagesLeavingRunner(job), loaded: imagesLoadedLocally(job), run: imagesRunOnRunner(job) };
}

/** Images the job pushes or retags (`docker push X`, `docker tag X host/app`): a local build of X still leaves. */
function imagesLeavingRunner(job: WorkflowJob): Set<string> {
  return new Set(job.steps.flatMap((s) => stepCommands(s)).flatMap(imagesPushedOrRetagged));
}

/** Images loaded into a cluster on the runner itself (`kind load docker-image X`, `minikube image load X`, `k3d image import X`). */
function imagesLoadedLocally(job: WorkflowJob): Set<string> {
  const out = new Set<string>();
  for (const cmd of job.steps.flatMap((s) => stepCommands(s))) {
    const [tool, a, b, ...rest] = cmd.argv;
    const images =
      tool === 'kind' && a === 'load' && b === 'docker-image'
        ? rest
        : (tool === 'minikube' && a === 'image' && b === 'load') || (tool === 'k3d' && a === 'image' && b === 'import')
          ? rest
          : [];
    for (const image of images) if (!image.startsWith('-')) out.add(image);
  }
  return out;
}

/** Images the job runs on the runner itself (`docker run … <image> …`, `docker container run`), as written. */
function imagesRunOnRunner(job: WorkflowJob): Set<string> {
  const out = new Set<string>();
  for (const cmd of job.steps.flatMap((s) => stepCommands(s))) {
    const [tool, a, b] = cmd.argv;
    const at = tool === 'docker' && a === 'run' ? 2 : tool === 'docker' && a === 'container' && b === 'run' ? 3 : -1;
    // Any word of the command may be the image: its options are not told apart from it here, and a tag is
    // only matched as written in the build.
    if (at > 0) for (const word of cmd.argv.slice(at)) out.add(word);
  }
  return out;
}

/** `export DOCKER_DEFAULT_PLATFORM=...` or a bare assignment: later builds in the same script use it. */
function exportedDefaultPlatform(cmd: SimpleCommand): string | undefined {
  if (cmd.argv.length === 0) return cmd.assignments.DOCKER_DEFAULT_PLATFORM;
  if (cmd.argv[0] !== 'export') return undefined;
  for (const w of cmd.argv.slice(1)) if (w.startsWith('DOCKER_DEFAULT_PLATFORM=')) return w.slice(24);
  return undefined;
}

/** `echo "DOCKER_DEFAULT_PLATFORM=linux/amd64" >> "$GITHUB_ENV"`. */
function githubEnvDefaultPlatform(cmd: SimpleCommand): string | undefined {
  if (cmd.argv[0] !== 'echo' && cmd.argv[0] !== 'printf') return undefined;
  if (!cmd.argv.some((w) => w.includes('GITHUB_ENV'))) return undefined;
  return cmd.argv.find((w) => w.startsWith('DOCKER_DEFAULT_PLATFORM='))?.slice(24);
}
