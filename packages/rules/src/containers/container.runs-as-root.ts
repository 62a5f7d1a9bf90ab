import {
  defineViewRule,
  type Evidence,
  type Expectations,
  type ImageProbe,
  type Location,
  type ViewItemContext,
  type ViewRuleContext,
} from '@coditect-audit/core';
import { type Attribute, type ContainerView, evidenceValue } from '@coditect-audit/core/views';
import { escapePointerToken, securityContexts } from '../util/containers.js';
import { effectiveStageUser, finalStage } from '../util/dockerfile.js';
import { describeBuilds, imageUser } from '../util/image-user.js';
import { configuredRepositoryKey, containerImageRef, repositoryKeyOf } from '../util/images.js';
import { imageTarget, isRootImageUser } from '../util/probe.js';

/**
 * ADR-001 Decision 4 and Lesson 4: every workload container must be kept off UID 0: in the manifests, in what
 * the cluster runs, and across layers (the Dockerfile's USER, the pushed image's config, the pod's security
 * context: the last one set decides). The image's own configured user is `image.runs-as-root`.
 */
export default defineViewRule({
  id: 'container.runs-as-root',
  title: 'Workload container may run as root',
  concerns: ['container.runs-as-root'],
  view: 'container',
  sources: {
    manifest: { alias: 'manifest-runs-as-root', facets: ['files.dockerfile'] },
    k8s: {
      alias: 'k8s-runs-as-root',
      messages: {
        notEnforced:
          "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser (pod or container), so nothing in the pod spec keeps it off root: the image's own USER decides. Set runAsNonRoot: true.",
      },
    },
    effective: {
      alias: 'join-effective-runtime-user',
      messages: {
        nonRoot: '{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}}).',
      },
    },
  },
  description:
    "For every container and init container of every workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), in the Kubernetes manifests and in what the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns), the effective `securityContext` (container over pod) must keep it off root: `runAsUser: 0` or `runAsNonRoot: false` without a non-zero `runAsUser` fails; `runAsNonRoot: true` or a non-zero `runAsUser` passes.\n\nWhen neither is set, in the manifests the image's own user decides. For the application's container (`expectations.app.image`, or its Deployment and container) ADR-001 wants the pod spec to agree on a non-root user, so that fails. For an image this repository builds (a workflow, Cloud Build, skaffold, compose or kustomize declaration ties it to one of its Dockerfiles), the Dockerfile's final stage decides: root fails, a non-root `USER` passes, a build-argument `USER` is unknown. Distroless `nonroot` images pass. Any other image's user is in its image config, which the files layer does not read: `unknown`, naming that input. In what the cluster runs, neither set fails as not enforced (the API does not show the image's user).\n\nAcross layers (`effective` source), for every container of every live Deployment, the user is followed in the order the runtime applies it: the repository Dockerfile's final `USER` (only for the app image, `expectations.app.image`), the image config `User` the registry serves for the container's image (probe layer), the pod's `securityContext` and the container's (`runAsUser`, `runAsNonRoot`). The last one set decides: a `runAsUser` of 0, or a root image user not overridden, fails; `runAsNonRoot: true` passes (the kubelet refuses to start a root container). Images are joined by reference, then by repository. The evidence carries the whole chain; the finding is located where the deciding layer is declared (the Dockerfile USER line, the workload manifest naming the image, or the live workload's manifest).",
  rationale:
    'ADR-001 Decision 4 and Lesson 4: the application must not run as root. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root, so the pod spec guarantees what the Dockerfile intends; without it, a rebuilt image that forgets its `USER` silently runs as root. What the cluster runs can differ from the repository (kubectl edits, older applies), and the image that was pushed is not always the one the repository describes: only the chain Dockerfile → image → pod says which user the process really has.',
  remediation: {
    text: "Set a pod-level security context that forbids root and names the image's UID (override per container only when needed), apply and roll out; rebuild and push the image from a Dockerfile whose final stage ends with a non-root `USER`.",
    commands: [
      'spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 1000',
      'kubectl apply -f <manifest>.yaml',
      `kubectl patch deployment coditect-backend -n coditect-staging --type merge -p '{"spec":{"template":{"spec":{"securityContext":{"runAsNonRoot":true,"runAsUser":1000,"runAsGroup":1000}}}}}'`,
      'kubectl rollout status deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [
    { standard: 'CIS Kubernetes Benchmark v1.6.1', id: '5.2.6', title: 'Minimize the admission of root containers' },
  ],
  messages: {
    rootUser: '{{container}} in {{kind}} {{name}} runs as root: runAsUser is 0 (set at {{level}} level).',
    nonRootDisabled:
      '{{container}} in {{kind}} {{name}} sets runAsNonRoot: false (at {{level}} level) and no non-zero runAsUser, so it runs as whatever user the image names, root included.',
    notEnforced:
      "{{container}} in {{kind}} {{name}} is the application's ({{why}}) and sets neither runAsNonRoot nor runAsUser (pod or container): nothing in the pod spec keeps it off root, and ADR-001 Decision 4 wants the pod spec to agree with the image on a non-root user. Set runAsNonRoot: true.",
    builtRoot:
      '{{container}} in {{kind}} {{name}} runs as root: the pod spec sets neither runAsNonRoot nor runAsUser, and its image {{image}} is built from this repository: {{builds}}.',
    builtNonRoot:
      '{{container}} in {{kind}} {{name}} runs as {{user}}: its image {{image}} is built from this repository: {{builds}}. runAsNonRoot: true would have the kubelet enforce it.',
    builtUndecided:
      '{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser, and the Dockerfiles that build its image {{image}} do not settle the user: {{builds}}.',
    publishedNonRoot:
      '{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser; its image {{image}} is published to run as a non-root user ({{user}}).',
    imageUserUnknown:
      '{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser, so the user configured in its image {{image}} decides, and no build this scanner reads (a workflow, Cloud Build, skaffold, compose or kustomize) makes it from a Dockerfile of this repository: that user is read from the registry (probe layer), not from files. Set runAsNonRoot: true to enforce a non-root user.',
    nonRoot: '{{container}} in {{kind}} {{name}} runs as non-root ({{reason}}).',
    root: '{{container}} in Deployment {{name}} runs as {{user}}: {{decidedBy}} has the last word ({{chain}}).',
  },
  check(ctx) {
    if (ctx.source === 'effective') {
      followChain(ctx);
      return;
    }
    // Indexed: a for-of allocates an iterator result per view until the loop is optimized, and a check runs
    // once per scan (17,000 manifest containers at 16×).
    const views = ctx.views;
    for (let i = 0; i < views.length; i++) judgeSecurityContext(ctx, views[i]!, ctx);
  },
  // What runs is judged by its pod spec alone, container by container (as the collector finishes its workload).
  judgeItem: { sources: ['k8s'], judge: (ctx, v) => judgeSecurityContext(ctx, v) },
});

type Ctx = ViewRuleContext<'container', string>;
type ItemCtx = ViewItemContext<'container', string>;
type Data = { container: string; kind: string; name: string };

/** `container` or `pod`: the level whose security context set the attribute (its path is under the container's). */
function levelOf(v: ContainerView, a: Attribute<unknown>): 'container' | 'pod' {
  const path = a.origin.path;
  const at = v.ref.pointer;
  return path.length > at.length && path.charCodeAt(at.length) === 0x2f && path.startsWith(at) ? 'container' : 'pod';
}

/**
 * An attribute as evidence (`evidenceOf`), its members in key order: the order the JSON report writes them in,
 * so it copies none (one or two per container: 12,000 live containers at 16×).
 */
function attributeEvidence(a: Attribute<unknown>, expected: string): Evidence {
  const observed =
    a.certainty === 'decided' ? evidenceValue(a.value) : a.certainty === 'unresolved' ? a.expression : null;
  const location = a.origin.location;
  return location ? { expected, location, observed, path: a.origin.path } : { expected, observed, path: a.origin.path };
}

/** `runAsUser: <uid>`, one string per UID (a cluster runs a handful). */
function runAsUserReason(uid: number): string {
  let reason = RUN_AS_USER_REASONS.get(uid);
  if (reason === undefined) {
    reason = `runAsUser: ${uid}`;
    if (RUN_AS_USER_REASONS.size < 1024) RUN_AS_USER_REASONS.set(uid, reason);
  }
  return reason;
}
const RUN_AS_USER_REASONS = new Map<number, string>();

/**
 * The pod spec's effective runAsUser and runAsNonRoot decide; with neither, the image's user in a manifest
 * (`manifest`: the context its Dockerfiles are read from), and nothing in what runs. Each report is one
 * literal, its data members in key order (see `attributeEvidence`).
 */
function judgeSecurityContext(ctx: ItemCtx, v: ContainerView, manifest?: Ctx): void {
  const { resource, runAsUser, runAsNonRoot } = v;
  const evidence: Evidence[] = [];
  if (runAsUser.certainty === 'decided') evidence.push(attributeEvidence(runAsUser, 'a non-zero UID'));
  if (runAsNonRoot.certainty === 'decided') evidence.push(attributeEvidence(runAsNonRoot, 'true'));
  if (runAsUser.certainty === 'decided') {
    if (runAsUser.value === 0)
      ctx.fail({
        resource,
        messageId: 'rootUser',
        data: { container: v.container, kind: v.workloadKind, level: levelOf(v, runAsUser), name: v.workloadName },
        location: runAsUser.origin.location,
        evidence,
      });
    else
      ctx.pass({
        resource,
        messageId: 'nonRoot',
        data: {
          container: v.container,
          kind: v.workloadKind,
          name: v.workloadName,
          reason: runAsUserReason(runAsUser.value),
        },
        location: runAsUser.origin.location,
        evidence,
      });
  } else if (runAsNonRoot.certainty === 'decided' && runAsNonRoot.value === true) {
    ctx.pass({
      resource,
      messageId: 'nonRoot',
      data: { container: v.container, kind: v.workloadKind, name: v.workloadName, reason: 'runAsNonRoot: true' },
      location: runAsNonRoot.origin.location,
      evidence,
    });
  } else if (runAsNonRoot.certainty === 'decided') {
    ctx.fail({
      resource,
      messageId: 'nonRootDisabled',
      data: { container: v.container, kind: v.workloadKind, level: levelOf(v, runAsNonRoot), name: v.workloadName },
      location: runAsNonRoot.origin.location,
      evidence,
    });
  } else if (manifest) {
    judgeByImage(
      manifest,
      v,
      { container: v.container, kind: v.workloadKind, name: v.workloadName },
      manifest.env.expectations,
    );
  } else {
    // The API does not show the image's user: nothing in what runs keeps the container off root.
    ctx.fail({
      resource,
      messageId: 'notEnforced',
      data: { container: v.container, kind: v.workloadKind, name: v.workloadName },
      evidence: unenforced(v),
    });
  }
}

/** runAsNonRoot unset at the container's and the pod's security context. */
function unenforced(v: ContainerView): Evidence[] {
  const paths = unsetPaths(v.ref);
  return [
    { expected: 'true', observed: null, path: paths.container },
    { expected: 'true', observed: null, path: paths.pod },
  ];
}

/** The paths of runAsNonRoot under a container and its pod, one pair per container pointer (shared per place). */
function unsetPaths(c: ContainerView['ref']): { container: string; pod: string } {
  let byPod = UNSET_PATHS.get(c.podPointer);
  if (!byPod) {
    byPod = new Map();
    UNSET_PATHS.set(c.podPointer, byPod);
  }
  let paths = byPod.get(c.pointer);
  if (!paths) {
    paths = {
      container: `${c.pointer}/securityContext/runAsNonRoot`,
      pod: `${c.podPointer}/securityContext/runAsNonRoot`,
    };
    byPod.set(c.pointer, paths);
  }
  return paths;
}
const UNSET_PATHS = new Map<string, Map<string, { container: string; pod: string }>>();

/**
 * A manifest sets neither runAsNonRoot nor runAsUser: the image's user decides. The application's container
 * is held to ADR-001's agreement of every layer; another image is judged by the Dockerfile this repository
 * builds it from, or is unknown (its configured user is the registry's to tell).
 */
function judgeByImage(ctx: Ctx, v: ContainerView, data: Data, exp: Expectations): void {
  const { resource } = v;
  const c = v.ref;
  const image = typeof c.container.image === 'string' ? c.container.image : '';
  const location = v.location as Location;
  const app = appContainerReason(v, exp);
  if (app) {
    ctx.fail({ resource, messageId: 'notEnforced', data: { ...data, why: app }, location, evidence: unenforced(v) });
    return;
  }
  const user = imageUser(containerImageRef(c), ctx.facet('files.dockerfile'), c.object.file);
  const withImage = { ...data, image: image || '(no image)' };
  if (user.kind === 'publishedNonRoot') {
    ctx.pass({ resource, messageId: 'publishedNonRoot', data: { ...withImage, user: user.user }, location });
    return;
  }
  if (user.kind === 'notBuiltHere') {
    ctx.unknown({
      resource,
      messageId: 'imageUserUnknown',
      data: withImage,
      location,
      evidence: unenforced(v),
      dependsOn: [`image config User of ${image || '(no image)'}`],
    });
    return;
  }
  const builds = describeBuilds(user.from);
  const dockerEvidence: Evidence[] = user.from.map((f) => ({
    path: `${f.build.dockerfile} final stage USER`,
    observed:
      f.user.status === 'nonRoot' ? f.user.user : f.user.status === 'root' ? (f.user.user ?? null) : f.user.text,
    expected: 'a non-root user',
    location: f.location,
  }));
  if (user.status === 'root') {
    ctx.fail({
      resource,
      messageId: 'builtRoot',
      data: { ...withImage, builds },
      location,
      relatedLocations: user.from.map((f) => f.location),
      evidence: [...unenforced(v), ...dockerEvidence],
    });
  } else if (user.status === 'nonRoot') {
    const users = [...new Set(user.from.map((f) => (f.user.status === 'nonRoot' ? f.user.user : '')))].join(' or ');
    ctx.pass({
      resource,
      messageId: 'builtNonRoot',
      data: { ...withImage, builds, user: users },
      location,
      evidence: dockerEvidence,
    });
  } else {
    ctx.unknown({
      resource,
      messageId: 'builtUndecided',
      data: { ...withImage, builds },
      location,
      evidence: [...unenforced(v), ...dockerEvidence],
      dependsOn: user.from.map((f) => `${f.build.dockerfile} USER`),
    });
  }
}

/** Why this container is the application's (`expectations.app`), or undefined. */
function appContainerReason(v: ContainerView, exp: Expectations): string | undefined {
  const c = v.ref;
  // Keyed as the effective source keys the configured image (a repository as written, no tag).
  const key = repositoryKeyOf(containerImageRef(c));
  if (key && exp.app.image && key === configuredRepositoryKey(exp.app.image)) return `image ${exp.app.image}`;
  if (
    c.object.kind === 'Deployment' &&
    c.object.name === exp.app.deployment &&
    (c.object.namespace === undefined || c.object.namespace === exp.app.namespace) &&
    (exp.app.container ? c.name === exp.app.container : c.field === 'containers')
  )
    return `Deployment ${exp.app.deployment}`;
  return undefined;
}

/** One link of the chain, in the order the container runtime applies them (the last set one wins). */
interface Link {
  layer: 'files' | 'probe' | 'k8s';
  source: string;
  value: string | number | boolean | null;
  location?: Location;
}

/**
 * The Dockerfile said `USER django`, but what runs is decided by the pushed image's config and then the pod:
 * follow the chain for every container of every live Deployment and name the layer that had the last word.
 */
function followChain(ctx: Ctx): void {
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

  for (const v of ctx.views) {
    const c = v.ref;
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
        const value = context[key];
        if (typeof value === 'number' || typeof value === 'boolean')
          chain.push({
            layer: 'k8s',
            source: `${level} securityContext.${key} (${pointer}/securityContext/${escapePointerToken(key)})`,
            value,
          });
      }
    }
    const { resource } = v;
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
      container: v.container,
      name: v.workloadName,
      user: decision.user,
      decidedBy: `the ${decision.link.layer} layer (${decision.link.source})`,
      chain: chain.map((l) => `${l.source} = ${l.value === null || l.value === '' ? '(unset)' : l.value}`).join(' → '),
    };
    const location = decision.link.location;
    if (decision.root) ctx.fail({ resource, messageId: 'root', data, evidence, ...(location ? { location } : {}) });
    else ctx.pass({ resource, messageId: 'nonRoot', data, evidence, ...(location ? { location } : {}) });
  }
}

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
