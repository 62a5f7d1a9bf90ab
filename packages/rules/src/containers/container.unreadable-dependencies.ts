import { defineViewRule, type ViewRuleContext } from '@coditect-audit/core';
import type { ImageView } from '@coditect-audit/core/views';
import { isRootUser } from '../util/dockerfile.js';
import { isRootImageUser } from '../util/probe.js';

function underRoot(path: string): boolean {
  return path === '/root' || path.startsWith('/root/');
}

/**
 * ADR-001 Decision 4, the deployment blocker: packages built into `/root/.local` while the image runs as
 * `django` (UID 1000), who cannot read `/root`; as the Dockerfile declares it and as the registry serves it.
 */
export default defineViewRule({
  id: 'container.unreadable-dependencies',
  title: 'Dependencies under /root while the image runs as a non-root user',
  concerns: ['container.unreadable-dependencies'],
  view: 'image',
  sources: {
    dockerfile: { alias: 'dockerfile-unreadable-dependencies' },
    probe: {
      alias: 'probe-image-unreadable-dependencies',
      messages: {
        pathUnderRoot:
          '{{image}} (used by {{usedBy}}) runs as {{user}} with {{entry}} on PATH: {{user}} cannot read /root.',
        readable: '{{image}} runs as {{user}} with nothing under /root on PATH.',
      },
    },
  },
  description:
    "The image runs as a non-root user but what it runs lives under `/root`, which is mode 0700, so the runtime user cannot read it. Dockerfile: the final stage copies files to a path under `/root` (for example `/root/.local` from a builder stage) or puts a `/root` directory on `PATH`, while its last `USER` is not root. Registry: the image config of each image the workloads run has a non-root `User` and an entry of the `PATH` in its `Env` under `/root` (e.g. `/root/.local/bin`). Only `PATH` is read from the environment; no other variable leaves the registry. An image that runs as root is `image.runs-as-root`'s finding, not this one's.",
  rationale:
    "ADR-001 Decision 4 (BLOCKER): the image built Python packages to `/root/.local` but ran as `django` (UID 1000), and the application failed with \"ModuleNotFoundError: No module named 'django'\". Deployment was blocked until the Dockerfile was fixed and the image rebuilt; the repository's Dockerfile may be fixed while the image the cluster pulls is still the old one, which the registry shows.",
  remediation: {
    text: "Copy dependencies into the runtime user's home, put that on PATH, give the user ownership, rebuild and push.",
    commands: [
      'COPY --from=builder /root/.local /home/django/.local',
      'ENV PATH=/home/django/.local/bin:$PATH',
      'RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local',
      'USER django',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
    ],
  },
  benchmarks: [],
  messages: {
    copiedUnderRoot: 'COPY puts {{destination}} under /root but the final USER is {{user}}, who cannot read /root.',
    pathUnderRoot: 'PATH includes {{entry}} under /root but the final USER is {{user}}, who cannot read /root.',
    readable: 'Nothing the runtime user {{user}} runs lives under /root.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.dockerfile) judgeDockerfile(ctx, v, v.dockerfile);
      else judgeImageConfig(ctx, v);
    }
  },
});

type Ctx = ViewRuleContext<'image', string>;

/** The final stage's COPY destinations and PATH, against its USER. */
function judgeDockerfile(ctx: Ctx, v: ImageView, df: NonNullable<ImageView['dockerfile']>): void {
  const { resource } = v;
  const { stage } = df;
  const user = v.user;
  // A USER naming a build argument is not root as far as the Dockerfile tells.
  const value = user?.certainty === 'decided' ? user.value : user?.certainty === 'unresolved' ? user.expression : '';
  if (!user || user.certainty === 'absent' || isRootUser(value)) {
    ctx.skip(`the final stage runs as root (${value ? `USER ${value}` : 'no USER'}); see image.runs-as-root`, resource);
    return;
  }
  let failed = false;
  for (const copy of stage.copies) {
    if (!underRoot(copy.destination)) continue;
    failed = true;
    ctx.fail({
      resource,
      messageId: 'copiedUnderRoot',
      data: { destination: copy.destination, user: value },
      location: { file: df.file, startLine: copy.line, startColumn: copy.column },
      evidence: [
        {
          path: `stage[${stage.index}].COPY.destination`,
          observed: copy.destination,
          expected: 'a path outside /root',
        },
        { path: `stage[${stage.index}].USER`, observed: value },
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
        data: { entry, user: value },
        location: { file: df.file, startLine: env.line, startColumn: env.column },
        evidence: [{ path: `stage[${stage.index}].ENV.PATH`, observed: env.value, expected: 'no entry under /root' }],
        discriminator: `path:${entry}`,
      });
    }
  }
  if (!failed) ctx.pass({ resource, messageId: 'readable', data: { user: value } });
}

/** The image config's PATH on every non-root platform. */
function judgeImageConfig(ctx: Ctx, v: ImageView): void {
  const { resource, location, relatedLocations } = v;
  const configs = v.configs ?? [];
  const nonRoot = configs.filter((c) => !isRootImageUser(c.user));
  if (nonRoot.length === 0) {
    ctx.skip(
      `${v.reference} runs as root${configs.length ? '' : ' or its config could not be read'}; see image.runs-as-root`,
      resource,
    );
    return;
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
      data: { image: v.reference, usedBy: v.usedBy ?? '', user: first.c.user, entry: first.entry },
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
  } else ctx.pass({ resource, messageId: 'readable', data: { image: v.reference, user: nonRoot[0]!.user } });
}
