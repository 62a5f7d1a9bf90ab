import { defineRule, type Evidence } from '@coditect-audit/core';
import { escapePointerToken, type ManifestContainer, containersOf, securityContexts } from '../util/containers.js';
import { liveResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, workloadFacets } from '../util/k8s-live.js';

type Setting<T> = { value: T; pointer: string; level: 'container' | 'pod' };

/**
 * ADR-001 Decision 4 and Lesson 4, on what runs: every container of every live workload must be kept off
 * UID 0 by its effective security context (container settings over the pod's).
 */
export default defineRule({
  id: 'k8s-runs-as-root',
  title: 'Live workload container may run as root',
  concerns: ['container.runs-as-root'],
  layer: 'k8s',
  facets: [...WORKLOAD_FACETS],
  description:
    "For every container and init container of every workload the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns), the effective `securityContext` (container over pod) must keep it off root: `runAsUser: 0`, or `runAsNonRoot: false` without a non-zero `runAsUser`, fails; `runAsNonRoot: true` or a non-zero `runAsUser` passes. When neither is set, nothing in the pod spec keeps the container off root: that fails as not enforced (the image's own `USER`, which the API does not show, is for `probe-image-runs-as-root` and `join-effective-runtime-user`). A finding points at the manifest that declares the workload, when the repository has one.",
  rationale:
    'ADR-001 Decision 4 and Lesson 4: the application must not run as root. What the cluster runs can differ from the repository (kubectl edits, older applies); `runAsNonRoot: true` makes the kubelet refuse a root user, so the live pod spec is what guarantees it.',
  remediation: {
    text: "Give the pod a security context that forbids root and names the image's UID, then roll out.",
    commands: [
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
      "{{container}} in {{kind}} {{name}} sets neither runAsNonRoot nor runAsUser (pod or container), so nothing in the pod spec keeps it off root: the image's own USER decides. Set runAsNonRoot: true.",
    nonRoot: '{{container}} in {{kind}} {{name}} runs as non-root ({{reason}}).',
  },
  check(ctx) {
    for (const w of topLevelWorkloads(workloadFacets(ctx.facet))) {
      for (const c of containersOf(viewOf(w))) {
        const resource = liveResource(w, {
          kind: c.field === 'initContainers' ? 'InitContainer' : 'Container',
          name: c.name,
          path: `${c.field}/${c.name}`,
        });
        const data = {
          container: `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`,
          kind: w.kind,
          name: w.name,
        };
        const runAsUser = effective<number>(c, 'runAsUser', toUid);
        const runAsNonRoot = effective<boolean>(c, 'runAsNonRoot', (v) => (typeof v === 'boolean' ? v : undefined));
        const evidence: Evidence[] = [];
        if (runAsUser)
          evidence.push({ path: runAsUser.pointer, observed: runAsUser.value, expected: 'a non-zero UID' });
        if (runAsNonRoot) evidence.push({ path: runAsNonRoot.pointer, observed: runAsNonRoot.value, expected: 'true' });
        if (runAsUser?.value === 0) {
          ctx.fail({ resource, messageId: 'rootUser', data: { ...data, level: runAsUser.level }, evidence });
        } else if (runAsUser !== undefined) {
          ctx.pass({
            resource,
            messageId: 'nonRoot',
            data: { ...data, reason: `runAsUser: ${runAsUser.value}` },
            evidence,
          });
        } else if (runAsNonRoot?.value === true) {
          ctx.pass({ resource, messageId: 'nonRoot', data: { ...data, reason: 'runAsNonRoot: true' }, evidence });
        } else if (runAsNonRoot?.value === false) {
          ctx.fail({ resource, messageId: 'nonRootDisabled', data: { ...data, level: runAsNonRoot.level }, evidence });
        } else {
          ctx.fail({
            resource,
            messageId: 'notEnforced',
            data,
            evidence: [
              { path: `${c.pointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
              { path: `${c.podPointer}/securityContext/runAsNonRoot`, observed: null, expected: 'true' },
            ],
          });
        }
      }
    }
  },
});

/** A UID as Kubernetes reads it: an integer. */
function toUid(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
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
