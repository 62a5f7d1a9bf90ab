import { defineRule, type Evidence, type Expectations, type Location, type RuleContext } from '@coditect-audit/core';
import {
  containerLocation,
  containerResource,
  escapePointerToken,
  locate,
  type ManifestContainer,
  manifestContainers,
  securityContexts,
} from '../util/containers.js';
import { describeBuilds, imageUser } from '../util/image-user.js';
import { configuredRepositoryKey, containerImageRef, repositoryKeyOf } from '../util/images.js';

type Setting<T> = { value: T; pointer: string; level: 'container' | 'pod' };

/**
 * ADR-001 Decision 4 and Lesson 4 at the Kubernetes layer: every container's effective security context
 * (container settings override the pod's) must keep it off UID 0.
 */
export default defineRule({
  id: 'manifest-runs-as-root',
  title: 'Workload container may run as root',
  concerns: ['container.runs-as-root'],
  layer: 'files',
  facets: ['files.kubernetes', 'files.dockerfile'],
  description:
    "For every container and init container of every workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), the effective `securityContext` (container over pod) must keep it off root: `runAsUser: 0` or `runAsNonRoot: false` without a non-zero `runAsUser` fails; `runAsNonRoot: true` or a non-zero `runAsUser` passes. When neither is set, the image's own user decides. For the application's container (`expectations.app.image`, or its Deployment and container) ADR-001 wants the pod spec to agree on a non-root user, so that fails. For an image this repository builds (a workflow, Cloud Build, skaffold, compose or kustomize declaration ties it to one of its Dockerfiles), the Dockerfile's final stage decides: root fails, a non-root `USER` passes, a build-argument `USER` is unknown. Distroless `nonroot` images pass. Any other image's user is in its image config, which the files layer does not read: `unknown`, naming that input (the probe layer and `join-effective-runtime-user` read it).",
  rationale:
    'ADR-001 Decision 4 and Lesson 4: the application must not run as root. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root, so the manifest guarantees what the Dockerfile intends; without it, a rebuilt image that forgets its `USER` silently runs as root.',
  remediation: {
    text: "Set a pod-level security context that forbids root and names the image's UID; override per container only when needed.",
    commands: [
      'spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 1000',
      'kubectl apply -f <manifest>.yaml',
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
      '{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser; its image {{image}} is published to run as a non-root user.',
    imageUserUnknown:
      '{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser, so the user configured in its image {{image}} decides, and no Dockerfile of this repository builds it: that user is read from the registry (probe layer), not from files. Set runAsNonRoot: true to enforce a non-root user.',
    nonRoot: '{{container}} in {{kind}} {{name}} runs as non-root ({{reason}}).',
  },
  check(ctx) {
    for (const c of manifestContainers(ctx.facet('files.kubernetes').files)) {
      const resource = containerResource(c);
      const data = {
        container: `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`,
        kind: c.object.kind,
        name: c.object.name,
      };
      const runAsUser = effective<number>(c, 'runAsUser', toUid);
      const runAsNonRoot = effective<boolean>(c, 'runAsNonRoot', (v) => (typeof v === 'boolean' ? v : undefined));
      const evidence: Evidence[] = [];
      if (runAsUser) evidence.push(evidenceOf(c, runAsUser, 'a non-zero UID'));
      if (runAsNonRoot) evidence.push(evidenceOf(c, runAsNonRoot, 'true'));

      if (runAsUser?.value === 0) {
        ctx.fail({
          resource,
          messageId: 'rootUser',
          data: { ...data, level: runAsUser.level },
          location: at(c, runAsUser),
          evidence,
        });
      } else if (runAsUser !== undefined) {
        ctx.pass({
          resource,
          messageId: 'nonRoot',
          data: { ...data, reason: `runAsUser: ${runAsUser.value}` },
          location: at(c, runAsUser),
          evidence,
        });
      } else if (runAsNonRoot?.value === true) {
        ctx.pass({
          resource,
          messageId: 'nonRoot',
          data: { ...data, reason: 'runAsNonRoot: true' },
          location: at(c, runAsNonRoot),
          evidence,
        });
      } else if (runAsNonRoot?.value === false) {
        ctx.fail({
          resource,
          messageId: 'nonRootDisabled',
          data: { ...data, level: runAsNonRoot.level },
          location: at(c, runAsNonRoot),
          evidence,
        });
      } else {
        judgeByImage(ctx, c, resource, data, ctx.env.expectations);
      }
    }
  },
});

type Ctx = RuleContext<'files.kubernetes' | 'files.dockerfile', string>;

/**
 * Neither runAsNonRoot nor runAsUser: the image's user decides. The application's container is held to
 * ADR-001's agreement of every layer; another image is judged by the Dockerfile this repository builds it
 * from, or is unknown (its configured user is the registry's to tell).
 */
function judgeByImage(
  ctx: Ctx,
  c: ManifestContainer,
  resource: ReturnType<typeof containerResource>,
  data: { container: string; kind: string; name: string },
  exp: Expectations,
): void {
  const image = typeof c.container.image === 'string' ? c.container.image : '';
  const location = containerLocation(c);
  const unenforced: Evidence[] = [
    { path: `${c.pointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
    { path: `${c.podPointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
  ];
  const app = appContainerReason(c, exp);
  if (app) {
    ctx.fail({ resource, messageId: 'notEnforced', data: { ...data, why: app }, location, evidence: unenforced });
    return;
  }
  const user = imageUser(containerImageRef(c), ctx.facet('files.dockerfile'), c.object.file);
  const withImage = { ...data, image: image || '(no image)' };
  if (user.kind === 'publishedNonRoot') {
    ctx.pass({ resource, messageId: 'publishedNonRoot', data: withImage, location });
    return;
  }
  if (user.kind === 'notBuiltHere') {
    ctx.unknown({
      resource,
      messageId: 'imageUserUnknown',
      data: withImage,
      location,
      evidence: unenforced,
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
      evidence: [...unenforced, ...dockerEvidence],
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
      evidence: [...unenforced, ...dockerEvidence],
      dependsOn: user.from.map((f) => `${f.build.dockerfile} USER`),
    });
  }
}

/** Why this container is the application's (`expectations.app`), or undefined. */
function appContainerReason(c: ManifestContainer, exp: Expectations): string | undefined {
  // Keyed as join-effective-runtime-user keys the configured image (a repository as written, no tag).
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

/** A UID as Kubernetes reads it: an integer (a quoted number is accepted, as it is unambiguous). */
function toUid(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** The container's setting when it has one, else the pod's. */
function effective<T>(c: ManifestContainer, key: string, read: (v: unknown) => T | undefined): Setting<T> | undefined {
  const sc = securityContexts(c);
  const own = read(sc.container[key]);
  if (own !== undefined)
    return { value: own, pointer: `${c.pointer}/securityContext/${escapePointerToken(key)}`, level: 'container' };
  const pod = read(sc.pod[key]);
  if (pod !== undefined)
    return { value: pod, pointer: `${c.podPointer}/securityContext/${escapePointerToken(key)}`, level: 'pod' };
  return undefined;
}

function at(c: ManifestContainer, s: Setting<unknown>): Location {
  return locate(c.object, s.pointer);
}

function evidenceOf(c: ManifestContainer, s: Setting<number | boolean>, expected: string): Evidence {
  return { path: s.pointer, observed: s.value, expected, location: at(c, s) };
}
