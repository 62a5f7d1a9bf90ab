import type { RuleCases } from '../cases.js';
import { APP_DIGEST, APP_IMAGE, deployment, list, live } from '../util/k8s-live-cases.js';

const probes = {
  livenessProbe: { httpGet: { path: '/api/v1/health/live', port: 'http' } },
  readinessProbe: { httpGet: { path: '/api/v1/health/ready', port: 'http' } },
};
const owned = {
  ownerReferences: [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
  ],
};
const crashing = (name: string) =>
  live('Pod', name, {
    metadata: { ...owned, labels: { app: 'coditect-backend', 'pod-template-hash': '7c9d5b8f4d' } },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'backend',
          ready: false,
          restartCount: 17,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=backend' },
          },
          lastState: { terminated: { exitCode: 1, reason: 'Error' } },
        },
      ],
    },
  });

export default {
  pass: [
    {
      name: 'the remediated Deployment: 2 of 2 available, digest-pinned app image, both probes',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}@${APP_DIGEST}`, ...probes }], {
            generation: 5,
            status: { observedGeneration: 5, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
          }),
        ),
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging state: 0 of 2 available, pods in CrashLoopBackOff',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging`, ...probes }], {
            generation: 3,
            status: {
              observedGeneration: 3,
              replicas: 2,
              updatedReplicas: 2,
              unavailableReplicas: 2,
              conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
            },
          }),
        ),
        'k8s.pods': list(crashing('coditect-backend-7c9d5b8f4d-h2x9q'), crashing('coditect-backend-7c9d5b8f4d-q8m4z')),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'notAvailable' }],
    },
    {
      name: 'one replica of a Docker Hub image without probes, still rolling out',
      facets: {
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: 'python:3.12-slim' }], {
            replicas: 1,
            generation: 4,
            status: { observedGeneration: 3, replicas: 1, updatedReplicas: 0, availableReplicas: 1 },
          }),
        ),
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [
        { messageId: 'tooFewReplicas' },
        { messageId: 'rolloutIncomplete' },
        { messageId: 'noLivenessProbe' },
        { messageId: 'noReadinessProbe' },
        { messageId: 'wrongImage' },
      ],
    },
    {
      name: 'the app Deployment is not in the namespace',
      facets: {
        'k8s.deployments': { namespaces: ['coditect-staging'], items: [] },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'missing' }],
    },
  ],
} satisfies RuleCases;
