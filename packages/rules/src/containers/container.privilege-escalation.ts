import { defineViewRule, type ViewItemContext } from '@coditect-audit/core';
import type { ContainerView } from '@coditect-audit/core/views';

type Ctx = ViewItemContext<'container', MessageId>;
type MessageId = 'escalationNotDisabled' | 'escalationAllowed' | 'privileged' | 'capabilitiesAdded' | 'locked';

/** Pod Security Standards, Restricted: "only permitted to add back the NET_BIND_SERVICE capability". */
const ALLOWED_CAPABILITY = 'NET_BIND_SERVICE';

/**
 * What can let a container regain privileges, from its view: each is a separate finding (discriminator); a
 * container with none passes. One report literal each, its data and evidence members in key order (the order
 * the JSON report writes them in, so it copies none): 12,000 live containers at 16×.
 */
function judge(ctx: Ctx, v: ContainerView): void {
  const resource = v.resource;
  let found = false;
  const ape = v.allowPrivilegeEscalation;
  const privileged = v.privileged;
  const isPrivileged = privileged.certainty === 'decided' && privileged.value === true;
  const caps = v.capabilitiesAdded;
  // The one capability the Pod Security Standards' Restricted profile lets a container add back: binding
  // ports below 1024 (an ingress controller's 80 and 443) is no root power.
  const added: unknown[] = caps.certainty === 'decided' && Array.isArray(caps.value) ? caps.value : [];
  // allowPrivilegeEscalation defaults to true: unset fails like true, but not beside `privileged: true` or an
  // added CAP_SYS_ADMIN, which always allow it: the API server refuses `false` with either, so the advice to set
  // it cannot be followed, and their own finding is the fix. An explicit `true` is a finding of its own.
  const unset = ape.certainty !== 'decided';
  const alwaysAllowed = isPrivileged || added.some((c) => c === 'SYS_ADMIN' || c === 'CAP_SYS_ADMIN');
  if (!(ape.certainty === 'decided' && ape.value === false) && !(unset && alwaysAllowed)) {
    found = true;
    ctx.fail({
      resource,
      messageId: ape.certainty === 'decided' && ape.value === true ? 'escalationAllowed' : 'escalationNotDisabled',
      data: { container: v.container, kind: v.workloadKind, name: v.workloadName },
      location: ape.origin.location,
      evidence: [
        { expected: 'false', observed: ape.certainty === 'decided' ? String(ape.value) : null, path: ape.origin.path },
      ],
      discriminator: 'allowPrivilegeEscalation',
    });
  }
  if (isPrivileged) {
    found = true;
    ctx.fail({
      resource,
      messageId: 'privileged',
      data: { container: v.container, kind: v.workloadKind, name: v.workloadName },
      location: privileged.origin.location,
      evidence: [{ expected: 'false or unset', observed: true, path: privileged.origin.path }],
      discriminator: 'privileged',
    });
  }
  const beyondAllowed = added.filter((c) => c !== ALLOWED_CAPABILITY);
  if (beyondAllowed.length > 0) {
    found = true;
    const list = beyondAllowed.map(String).join(', ');
    ctx.fail({
      resource,
      messageId: 'capabilitiesAdded',
      // An empty list (`add: [""]`) names no capability: the message shows its placeholder.
      data: list
        ? { capabilities: list, container: v.container, kind: v.workloadKind, name: v.workloadName }
        : { container: v.container, kind: v.workloadKind, name: v.workloadName },
      location: caps.origin.location,
      evidence: [
        {
          expected: `no added capabilities but ${ALLOWED_CAPABILITY}`,
          observed: added.map(String).join(', '),
          path: caps.origin.path,
        },
      ],
      discriminator: 'capabilities.add',
    });
  }
  if (!found)
    ctx.pass({
      resource,
      messageId: 'locked',
      data: { container: v.container, kind: v.workloadKind, name: v.workloadName },
      location: v.location,
    });
}

/**
 * ADR-001 Lesson 4 (least privilege for the runtime user): a non-root container must also be unable to
 * gain privileges: no setuid escalation, no privileged mode, no added capabilities; in the manifests and in
 * what the cluster runs.
 */
export default defineViewRule({
  id: 'container.privilege-escalation',
  title: 'Workload container can escalate privileges',
  concerns: ['container.privilege-escalation'],
  view: 'container',
  sources: {
    manifest: { alias: 'manifest-privilege-escalation' },
    k8s: { alias: 'k8s-privilege-escalation' },
  },
  description:
    "For every container and init container of every workload, in the Kubernetes manifests and in what the cluster runs, the container `securityContext` must set `allowPrivilegeEscalation: false`, must not set `privileged: true`, and must not add Linux capabilities (`capabilities.add`) other than `NET_BIND_SERVICE`, the one the Pod Security Standards' Restricted profile allows (binding ports below 1024). Each of the three is a separate finding. `allowPrivilegeEscalation` defaults to true when it is not set, so a missing key fails too (in a manifest, located at the container's `name`), except beside `privileged: true` or an added `SYS_ADMIN`, which always allow escalation and with which the API server refuses `allowPrivilegeEscalation: false`: their own finding is the fix.",
  rationale:
    'ADR-001 Lesson 4 makes the runtime user a security boundary ("Running as root works but is insecure"). That boundary holds only if the process cannot regain root: `allowPrivilegeEscalation` (default true) lets setuid binaries do so, `privileged: true` gives all capabilities and host devices, and added capabilities hand out root powers piecemeal.',
  remediation: {
    text: 'Give every container a security context that blocks escalation and drops all capabilities, apply, and roll out.',
    commands: [
      'securityContext:\n  allowPrivilegeEscalation: false\n  privileged: false\n  capabilities:\n    drop: ["ALL"]',
      'kubectl apply -f <manifest>.yaml',
      'kubectl rollout status deployment/{{app.deployment}} -n {{app.namespace}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Kubernetes Benchmark v1.6.1',
      id: '5.2.1',
      title: 'Minimize the admission of privileged containers',
    },
    {
      standard: 'CIS Kubernetes Benchmark v1.6.1',
      id: '5.2.5',
      title: 'Minimize the admission of containers with allowPrivilegeEscalation',
    },
    {
      standard: 'CIS Kubernetes Benchmark v1.6.1',
      id: '5.2.8',
      title: 'Minimize the admission of containers with added capabilities',
    },
  ],
  messages: {
    escalationNotDisabled:
      '{{container}} in {{kind}} {{name}} does not set allowPrivilegeEscalation: false (it defaults to true).',
    escalationAllowed: '{{container}} in {{kind}} {{name}} sets allowPrivilegeEscalation: true.',
    privileged: '{{container}} in {{kind}} {{name}} runs privileged (privileged: true).',
    capabilitiesAdded: '{{container}} in {{kind}} {{name}} adds Linux capabilities: {{capabilities}}.',
    locked: '{{container}} in {{kind}} {{name}} cannot escalate privileges.',
  },
  // Each container by itself, in the manifests and live (a live one as the collector finishes its workload).
  judgeItem: { sources: ['manifest', 'k8s'], judge },
});
