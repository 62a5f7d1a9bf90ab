import { defineRule } from '@coditect-audit/core';
import { containersOf, securityContexts } from '../util/containers.js';
import { liveResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, workloadFacets } from '../util/k8s-live.js';

/**
 * ADR-001 Lesson 4, on what runs: a non-root container must also be unable to regain privileges: no
 * setuid escalation, no privileged mode, no added capabilities.
 */
export default defineRule({
  id: 'k8s-privilege-escalation',
  title: 'Live workload container can escalate privileges',
  concerns: ['container.privilege-escalation'],
  layer: 'k8s',
  facets: [...WORKLOAD_FACETS],
  description:
    'For every container and init container of every workload the cluster runs, the live container `securityContext` must set `allowPrivilegeEscalation: false`, must not set `privileged: true`, and must not add Linux capabilities (`capabilities.add`). Each is a separate finding. `allowPrivilegeEscalation` defaults to true when it is not set, so a missing key fails too.',
  rationale:
    'ADR-001 Lesson 4 makes the runtime user a security boundary. It holds only if the process cannot regain root: `allowPrivilegeEscalation` (default true) lets setuid binaries do so, `privileged: true` hands over every capability and the host devices, and added capabilities hand out root powers piecemeal.',
  remediation: {
    text: 'Give every container a security context that blocks escalation and drops all capabilities, then roll out.',
    commands: [
      `kubectl patch deployment coditect-backend -n coditect-staging --type json -p '[{"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":{"allowPrivilegeEscalation":false,"privileged":false,"capabilities":{"drop":["ALL"]}}}]'`,
      'kubectl rollout status deployment/coditect-backend -n coditect-staging',
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
        const sc = securityContexts(c).container;
        const at = `${c.pointer}/securityContext`;
        let failed = false;
        const ape = sc.allowPrivilegeEscalation;
        if (ape !== false) {
          failed = true;
          ctx.fail({
            resource,
            messageId: ape === true ? 'escalationAllowed' : 'escalationNotDisabled',
            data,
            evidence: [
              {
                path: `${at}/allowPrivilegeEscalation`,
                observed: ape === undefined ? null : String(ape),
                expected: 'false',
              },
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
            evidence: [{ path: `${at}/privileged`, observed: true, expected: 'false or unset' }],
            discriminator: 'privileged',
          });
        }
        const caps = sc.capabilities;
        const added =
          caps && typeof caps === 'object' && !Array.isArray(caps) ? (caps as Record<string, unknown>).add : undefined;
        if (Array.isArray(added) && added.length > 0) {
          failed = true;
          const list = added.map(String).join(', ');
          ctx.fail({
            resource,
            messageId: 'capabilitiesAdded',
            data: { ...data, capabilities: list },
            evidence: [{ path: `${at}/capabilities/add`, observed: list, expected: 'no added capabilities' }],
            discriminator: 'capabilities.add',
          });
        }
        if (!failed) ctx.pass({ resource, messageId: 'locked', data });
      }
    }
  },
});
