import { defineRule, type Evidence, type ImageProbe, type Location } from '@coditect-audit/core';
import { effectiveStageUser, finalStage } from '../util/dockerfile.js';
import { configuredRepositoryKey, containerImageRef, repositoryKeyOf } from '../util/images.js';
import { containersOf, escapePointerToken, securityContexts } from '../util/containers.js';
import { liveResource, viewOf } from '../util/k8s-live.js';
import { imageTarget, isRootImageUser } from '../util/probe.js';

/** One link of the chain, in the order the container runtime applies them (the last set one wins). */
interface Link {
  layer: 'files' | 'probe' | 'k8s';
  source: string;
  value: string | number | boolean | null;
  location?: Location;
}

/**
 * ADR-001 Decision 4 and Lesson 4, across layers: the Dockerfile said `USER django`, but what runs is decided
 * by the pushed image's config and then the pod. This rule follows the chain for every container of every
 * live Deployment and names the layer that had the last word.
 */
export default defineRule({
  id: 'join-effective-runtime-user',
  title: 'The user a live container really runs as (Dockerfile → image → pod), is root',
  concerns: ['container.runs-as-root'],
  layer: 'k8s',
  crossLayer: true,
  facets: ['k8s.deployments', 'probe.registry', 'files.dockerfile'],
  description:
    "For every container of every live Deployment, follows the user through the layers in the order the runtime applies them: the repository Dockerfile's final `USER` (only for the app image, `expectations.app.image`), the image config `User` the registry serves for the container's image (probe layer), the pod's `securityContext` and the container's (`runAsUser`, `runAsNonRoot`). The last one set decides: a `runAsUser` of 0, or a root image user not overridden, fails; `runAsNonRoot: true` passes (the kubelet refuses to start a root container). Images are joined by reference, then by repository, through maps. The evidence carries the whole chain; the finding is located where the deciding layer is declared (the Dockerfile USER line, the workload manifest naming the image, or the live workload's manifest).",
  rationale:
    'ADR-001 Decision 4 and Lesson 4: the Dockerfile said `USER django`, yet the packages sat in `/root/.local` and the image that was pushed is not the one the repository describes. Each layer on its own tells part of the story; only the chain says which user the process really has.',
  remediation: {
    text: 'Make the last word non-root: set `runAsNonRoot: true` and `runAsUser: 1000` on the pod, and rebuild and push the image from a Dockerfile whose final stage ends with `USER django`.',
    commands: [
      `kubectl patch deployment coditect-backend -n coditect-staging --type merge -p '{"spec":{"template":{"spec":{"securityContext":{"runAsNonRoot":true,"runAsUser":1000,"runAsGroup":1000}}}}}'`,
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
    ],
  },
  messages: {
    root: '{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}}).',
    nonRoot: '{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const byReference = new Map<string, ImageProbe>();
    const byRepository = new Map<string, ImageProbe>();
    for (const image of ctx.facet('probe.registry').images) {
      byReference.set(image.reference, image);
      byRepository.set(`${image.registry}/${image.repository}`, image);
    }
    const dockerfiles = ctx.facet('files.dockerfile').files;
    const dockerfile = dockerfiles.find((d) => d.file === 'Dockerfile') ?? dockerfiles[0];
    const appRepository = configuredRepositoryKey(exp.app.image);

    for (const w of ctx.facet('k8s.deployments').items) {
      for (const c of containersOf(viewOf(w))) {
        if (c.field !== 'containers') continue;
        const reference = typeof c.container.image === 'string' ? c.container.image : '';
        const repository = repositoryKeyOf(containerImageRef(c));
        const chain: Link[] = [];
        if (dockerfile && repository && repository === appRepository) {
          const stage = finalStage(dockerfile);
          const user = stage ? effectiveStageUser(dockerfile, stage) : undefined;
          chain.push({
            layer: 'files',
            source: `${dockerfile.file} USER`,
            value: user?.value ?? null,
            location: user
              ? { file: dockerfile.file, startLine: user.line, startColumn: user.column }
              : { file: dockerfile.file, startLine: 1 },
          });
        }
        const image = byReference.get(reference) ?? (repository ? byRepository.get(repository) : undefined);
        if (image && image.configs.length > 0) {
          const root = image.configs.find((x) => isRootImageUser(x.user));
          const target = imageTarget(image);
          chain.push({
            layer: 'probe',
            source: `image config User of ${image.reference}`,
            value: (root ?? image.configs[0]!).user,
            ...(target.location ? { location: target.location } : {}),
          });
        }
        const sc = securityContexts(c);
        for (const [level, context, pointer] of [
          ['pod', sc.pod, c.podPointer],
          ['container', sc.container, c.pointer],
        ] as const) {
          for (const key of ['runAsUser', 'runAsNonRoot'] as const) {
            const v = context[key];
            if (typeof v === 'number' || typeof v === 'boolean')
              chain.push({
                layer: 'k8s',
                source: `${level} securityContext.${key} (${pointer}/securityContext/${escapePointerToken(key)})`,
                value: v,
              });
          }
        }
        const resource = liveResource(w, { kind: 'Container', name: c.name, path: `containers/${c.name}` });
        const decision = decide(chain);
        if (!decision) {
          ctx.skip(
            `neither the image config of ${reference || '(no image)'} nor the pod says which user ${c.name} runs as`,
            resource,
          );
          continue;
        }
        const evidence: Evidence[] = chain.map((l) => ({
          path: `${l.layer}: ${l.source}`,
          observed: l.value,
          ...(l === decision.link ? { expected: 'a non-root user (this one decides)' } : {}),
        }));
        const data = {
          container: `Container ${c.name}`,
          name: w.name,
          user: decision.user,
          decidedBy: `the ${decision.link.layer} layer (${decision.link.source})`,
          chain: chain
            .map((l) => `${l.source} = ${l.value === null || l.value === '' ? '(unset)' : l.value}`)
            .join(' → '),
        };
        const location = decision.link.location;
        if (decision.root) ctx.fail({ resource, messageId: 'root', data, evidence, ...(location ? { location } : {}) });
        else ctx.pass({ resource, messageId: 'nonRoot', data, evidence, ...(location ? { location } : {}) });
      }
    }
  },
});

/**
 * The runtime's order: a container's settings over the pod's, `runAsUser` over the image's user, the
 * image's over the Dockerfile's (the registry serves what was really built). `runAsNonRoot: true` guarantees
 * non-root whatever the user (the kubelet refuses root), unless a later `runAsUser: 0` contradicts it.
 */
function decide(chain: Link[]): { link: Link; root: boolean; user: string } | undefined {
  const k8s = chain.filter((l) => l.layer === 'k8s');
  const runAsUser = [...k8s].reverse().find((l) => l.source.includes('runAsUser'));
  if (runAsUser && typeof runAsUser.value === 'number')
    return { link: runAsUser, root: runAsUser.value === 0, user: `UID ${runAsUser.value}` };
  const nonRoot = [...k8s].reverse().find((l) => l.source.includes('runAsNonRoot'));
  if (nonRoot?.value === true) return { link: nonRoot, root: false, user: 'a non-root user (runAsNonRoot)' };
  const image = chain.find((l) => l.layer === 'probe') ?? chain.find((l) => l.layer === 'files');
  if (!image) return undefined;
  const user = typeof image.value === 'string' ? image.value : '';
  const root = isRootImageUser(user);
  return { link: image, root, user: root ? (user === '' ? 'root (no USER)' : user) : user };
}
