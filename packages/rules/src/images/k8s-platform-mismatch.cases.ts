import type { K8sNode } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const node = (name: string, pool: string, architecture: string): K8sNode => ({
  name,
  labels: { 'cloud.google.com/gke-nodepool': pool, 'kubernetes.io/arch': architecture, 'kubernetes.io/os': 'linux' },
  architecture,
  operatingSystem: 'linux',
  taints: [],
  ready: true,
});
const tainted = (n: K8sNode): K8sNode => ({
  ...n,
  taints: [{ key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' }],
});
const backend = (pod: Record<string, unknown> = {}) =>
  list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], { pod }));
const pulling = (message: string) =>
  live('Pod', 'coditect-backend-5f6b7d9c8b-x7k2p', {
    metadata: {
      labels: { app: 'coditect-backend', 'pod-template-hash': '5f6b7d9c8b' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-5f6b7d9c8b', controller: true },
      ],
    },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'backend',
          image: `${APP_IMAGE}:v1.0.0-staging`,
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ErrImagePull', message } },
        },
      ],
    },
  });

export default {
  pass: [
    {
      name: 'the ADR cluster after Decision 2: amd64 nodes, pods pulled the amd64 build',
      facets: {
        'k8s.nodes': {
          items: [node('gke-a', 'coditect-cluster-pool', 'amd64'), node('gke-b', 'coditect-cluster-pool', 'amd64')],
        },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
    },
    {
      name: 'a tainted arm64 pool that the backend does not tolerate is not a mismatch',
      facets: {
        'k8s.nodes': {
          items: [node('gke-a', 'default-pool', 'amd64'), tainted(node('gke-arm-a', 'arm-pool', 'arm64'))],
        },
        ...workloads({ 'k8s.deployments': backend() }),
      },
    },
    {
      name: 'an arm64 pool excluded by the nodeSelector and by required node affinity',
      facets: {
        'k8s.nodes': { items: [node('gke-a', 'default-pool', 'amd64'), node('gke-arm-a', 'arm-pool', 'arm64')] },
        ...workloads({
          'k8s.deployments': list(
            deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], {
              pod: { nodeSelector: { 'kubernetes.io/arch': 'amd64' } },
            }),
            deployment('worker', [{ name: 'worker', image: `${APP_IMAGE}:v1.0.1` }], {
              pod: {
                affinity: {
                  nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                      nodeSelectorTerms: [
                        {
                          matchExpressions: [
                            { key: 'cloud.google.com/gke-nodepool', operator: 'NotIn', values: ['arm-pool'] },
                          ],
                        },
                      ],
                    },
                  },
                },
              },
            }),
          ),
        }),
      },
    },
  ],
  fail: [
    {
      name: 'the backend tolerates the Arm taint, so it can land on arm64 nodes its image is not built for',
      facets: {
        'k8s.nodes': {
          items: [node('gke-a', 'default-pool', 'amd64'), tainted(node('gke-arm-a', 'arm-pool', 'arm64'))],
        },
        ...workloads({
          'k8s.deployments': backend({
            tolerations: [{ key: 'kubernetes.io/arch', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' }],
          }),
        }),
      },
      expect: [{ messageId: 'nodePlatformScheduled' }],
    },
    {
      name: 'before Decision 2: the arm64 build from macOS cannot be pulled on amd64 nodes',
      facets: {
        'k8s.nodes': { items: [node('gke-a', 'coditect-cluster-pool', 'amd64')] },
        'k8s.pods': list(
          pulling(
            `failed to pull and unpack image "${APP_IMAGE}:v1.0.0-staging": no match for platform in manifest: not found`,
          ),
        ),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'platformPullFailure' }],
    },
    {
      name: 'an Arm node pool joins while images are built for linux/amd64 only',
      facets: {
        'k8s.nodes': {
          items: [node('gke-a', 'coditect-cluster-pool', 'amd64'), node('gke-arm-a', 'arm-pool', 'arm64')],
        },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'nodePlatformNotBuilt' }],
    },
  ],
} satisfies RuleCases;
