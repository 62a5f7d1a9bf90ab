import { defineViewRule } from '@coditect-audit/core';
import type { ContainerView } from '@coditect-audit/core/views';

/** What can let a container regain privileges, from its view; each is a separate finding (discriminator). */
function findings(v: ContainerView) {
  const out: {
    messageId: 'escalationNotDisabled' | 'escalationAllowed' | 'privileged' | 'capabilitiesAdded';
    discriminator: string;
    at: ContainerView['privileged'];
    expected: string;
    observed: string | boolean | null;
    capabilities?: string;
  }[] = [];
  const ape = v.allowPrivilegeEscalation;
  // allowPrivilegeEscalation defaults to true: unset fails like true.
  if (!(ape.certainty === 'decided' && ape.value === false))
    out.push({
      messageId: ape.certainty === 'decided' && ape.value === true ? 'escalationAllowed' : 'escalationNotDisabled',
      discriminator: 'allowPrivilegeEscalation',
      at: ape,
      expected: 'false',
      observed: ape.certainty === 'decided' ? String(ape.value) : null,
    });
  if (v.privileged.certainty === 'decided' && v.privileged.value === true)
    out.push({
      messageId: 'privileged',
      discriminator: 'privileged',
      at: v.privileged,
      expected: 'false or unset',
      observed: true,
    });
  const caps = v.capabilitiesAdded;
  if (caps.certainty === 'decided' && Array.isArray(caps.value) && caps.value.length > 0) {
    const list = caps.value.map(String).join(', ');
    out.push({
      messageId: 'capabilitiesAdded',
      discriminator: 'capabilities.add',
      at: caps,
      expected: 'no added capabilities',
      observed: list,
      capabilities: list,
    });
  }
  return out;
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
    "For every container and init container of every workload, in the Kubernetes manifests and in what the cluster runs, the container `securityContext` must set `allowPrivilegeEscalation: false`, must not set `privileged: true`, and must not add Linux capabilities (`capabilities.add`). Each of the three is a separate finding. `allowPrivilegeEscalation` defaults to true when it is not set, so a missing key fails too (in a manifest, located at the container's `name`).",
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
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const data = { container: v.container, kind: v.workloadKind, name: v.workloadName };
      const found = findings(v);
      for (const f of found)
        ctx.fail({
          resource,
          messageId: f.messageId,
          data: f.capabilities ? { ...data, capabilities: f.capabilities } : data,
          ...(f.at.origin.location ? { location: f.at.origin.location } : {}),
          evidence: [{ path: f.at.origin.path, observed: f.observed, expected: f.expected }],
          discriminator: f.discriminator,
        });
      if (found.length === 0)
        ctx.pass({ resource, messageId: 'locked', data, ...(v.location ? { location: v.location } : {}) });
    }
  },
});
