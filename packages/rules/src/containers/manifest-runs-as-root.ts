import { defineRule, type Evidence, type Location } from '@coditect-audit/core';
import {
  containerLocation,
  containerResource,
  escapePointerToken,
  locate,
  type ManifestContainer,
  manifestContainers,
  securityContexts,
} from '../util/containers.js';

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
  facets: ['files.kubernetes'],
  description:
    "For every container and init container of every workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), the effective `securityContext` (container over pod) must keep it off root: `runAsUser: 0` or `runAsNonRoot: false` without a non-zero `runAsUser` fails; `runAsNonRoot: true` or a non-zero `runAsUser` passes. When neither is set, nothing in the pod spec keeps the container off root: that fails as not enforced (which user the image's own `USER` gives is for `dockerfile-runs-as-root` and `join-effective-runtime-user`).",
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
      "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser (pod or container), so nothing in the pod spec keeps it off root: the image's own USER decides. Set runAsNonRoot: true.",
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
        // Decided: the pod spec does not enforce a non-root user (what the image's USER is, the Dockerfile
        // rules and the runtime-user join read).
        ctx.fail({
          resource,
          messageId: 'notEnforced',
          data,
          location: containerLocation(c),
          evidence: [
            { path: `${c.pointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
            { path: `${c.podPointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
          ],
        });
      }
    }
  },
});

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
