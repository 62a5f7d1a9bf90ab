import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

export default {
  pass: [
    {
      name: 'the remediated Deployment: runAsNonRoot and UID 1000 at pod level',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], {
            pod: { securityContext: { runAsNonRoot: true, runAsUser: 1000 } },
          }),
        ),
      }),
    },
    {
      name: 'a pod owned by a ReplicaSet is judged through its Deployment, not on its own',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: `${APP_IMAGE}:v1.0.1`, securityContext: { runAsUser: 1000 } },
          ]),
        ),
        'k8s.pods': list(
          live('Pod', 'coditect-backend-7c9d5b8f4d-h2x9q', {
            metadata: {
              ownerReferences: [
                { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
              ],
            },
            spec: { containers: [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }] },
          }),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'the ADR staging Deployment sets no security context: root is not prevented',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
      }),
      expect: [{ messageId: 'notEnforced', certainty: 'high' }],
    },
    {
      name: 'a bare pod running as UID 0 and a Job that disables runAsNonRoot',
      facets: workloads({
        'k8s.pods': list(
          live('Pod', 'debug', {
            spec: { containers: [{ name: 'shell', image: 'busybox:1.36', securityContext: { runAsUser: 0 } }] },
          }),
        ),
        'k8s.jobs': list(
          live('Job', 'django-migrate', {
            spec: {
              template: {
                spec: {
                  securityContext: { runAsNonRoot: false },
                  containers: [{ name: 'migrate', image: `${APP_IMAGE}:v1.0.1` }],
                },
              },
            },
          }),
        ),
      }),
      expect: [{ messageId: 'rootUser' }, { messageId: 'nonRootDisabled' }],
    },
  ],
} satisfies RuleCases;
