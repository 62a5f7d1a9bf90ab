import { defineRule } from '@coditect-audit/core';
import {
  containerLocation,
  containerResource,
  locate,
  manifestContainers,
  securityContexts,
} from '../util/containers.js';

/**
 * ADR-001 Lesson 4 (least privilege for the runtime user): a non-root container must also be unable to
 * gain privileges: no setuid escalation, no privileged mode, no added capabilities.
 */
export default defineRule({
  id: 'manifest-privilege-escalation',
  title: 'Workload container can escalate privileges',
  concerns: ['container.privilege-escalation'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    "For every container and init container of every workload, the container `securityContext` must set `allowPrivilegeEscalation: false`, must not set `privileged: true`, and must not add Linux capabilities (`capabilities.add`). Each of the three is a separate finding. `allowPrivilegeEscalation` defaults to true when it is not set, so a missing key fails too (located at the container's `name`).",
  rationale:
    'ADR-001 Lesson 4 makes the runtime user a security boundary ("Running as root works but is insecure"). That boundary holds only if the process cannot regain root: `allowPrivilegeEscalation` (default true) lets setuid binaries do so, `privileged: true` gives all capabilities and host devices, and added capabilities hand out root powers piecemeal.',
  remediation: {
    text: 'Give every container a security context that blocks escalation and drops all capabilities.',
    commands: [
      'securityContext:\n  allowPrivilegeEscalation: false\n  privileged: false\n  capabilities:\n    drop: ["ALL"]',
      'kubectl apply -f <manifest>.yaml',
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
    for (const c of manifestContainers(ctx.facet('files.kubernetes').files)) {
      const resource = containerResource(c);
      const data = {
        container: `${c.field === 'initContainers' ? 'Init container' : 'Container'} ${c.name}`,
        kind: c.object.kind,
        name: c.object.name,
      };
      const sc = securityContexts(c).container;
      const scPointer = `${c.pointer}/securityContext`;
      let failed = false;

      const ape = sc.allowPrivilegeEscalation;
      if (ape !== false) {
        failed = true;
        const set = ape !== undefined;
        ctx.fail({
          resource,
          messageId: ape === true ? 'escalationAllowed' : 'escalationNotDisabled',
          data,
          location: set ? locate(c.object, `${scPointer}/allowPrivilegeEscalation`) : containerLocation(c),
          evidence: [
            { path: `${scPointer}/allowPrivilegeEscalation`, observed: set ? String(ape) : null, expected: 'false' },
          ],
          discriminator: 'allowPrivilegeEscalation',
        });
      }

      if (sc.privileged === true) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'privileged',
          data,
          location: locate(c.object, `${scPointer}/privileged`),
          evidence: [{ path: `${scPointer}/privileged`, observed: true, expected: 'false or unset' }],
          discriminator: 'privileged',
        });
      }

      const caps = sc.capabilities;
      const added =
        caps && typeof caps === 'object' && !Array.isArray(caps) ? (caps as Record<string, unknown>).add : undefined;
      if (Array.isArray(added) && added.length > 0) {
        failed = true;
        const list = added.map((a) => String(a)).join(', ');
        ctx.fail({
          resource,
          messageId: 'capabilitiesAdded',
          data: { ...data, capabilities: list },
          location: locate(c.object, `${scPointer}/capabilities/add`),
          evidence: [{ path: `${scPointer}/capabilities/add`, observed: list, expected: 'no added capabilities' }],
          discriminator: 'capabilities.add',
        });
      }

      if (!failed) ctx.pass({ resource, messageId: 'locked', data, location: containerLocation(c) });
    }
  },
});
