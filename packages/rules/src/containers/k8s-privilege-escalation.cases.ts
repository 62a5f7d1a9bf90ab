import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

export default {
  pass: [
    {
      name: 'the remediated Deployment: no escalation, all capabilities dropped',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            {
              name: 'backend',
              image: `${APP_IMAGE}:v1.0.1`,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ]),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'the ADR staging Deployment leaves allowPrivilegeEscalation unset',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
      }),
      expect: [{ messageId: 'escalationNotDisabled' }],
    },
    {
      name: 'a DaemonSet running privileged with NET_ADMIN (three findings on one container)',
      facets: workloads({
        'k8s.daemonsets': list(
          live('DaemonSet', 'node-agent', {
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'agent',
                      image: 'example.org/agent:2.1.0',
                      securityContext: {
                        allowPrivilegeEscalation: true,
                        privileged: true,
                        capabilities: { add: ['NET_ADMIN'] },
                      },
                    },
                  ],
                },
              },
            },
          }),
        ),
      }),
      expect: [{ messageId: 'escalationAllowed' }, { messageId: 'privileged' }, { messageId: 'capabilitiesAdded' }],
    },
  ],
} satisfies RuleCases;
