import type { RuleCases } from '../cases.js';
import { APP_DIGEST, APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const pod = (name: string, image: string, digest: string) =>
  live('Pod', name, {
    metadata: {
      labels: { app: 'coditect-backend', 'pod-template-hash': '7c9d5b8f4d' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-7c9d5b8f4d', controller: true },
      ],
    },
    status: {
      containerStatuses: [{ name: 'backend', image, imageID: `${APP_IMAGE}@${digest}`, ready: true, restartCount: 0 }],
    },
  });
const OTHER = 'sha256:3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c';

export default {
  pass: [
    {
      name: 'the remediated Deployment runs the backend by digest',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}@${APP_DIGEST}` }]),
        ),
      }),
    },
    {
      name: 'the ADR staging tag v1.0.0-staging, both pods on the same build',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
        'k8s.pods': list(
          pod('coditect-backend-7c9d5b8f4d-h2x9q', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
          pod('coditect-backend-7c9d5b8f4d-q8m4z', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'the CI tag staging-latest',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:staging-latest` }]),
        ),
      }),
      expect: [{ messageId: 'movingTag' }],
    },
    {
      name: 'v1.0.0-staging re-pushed: two pods run two builds under it',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.0-staging` }]),
        ),
        'k8s.pods': list(
          pod('coditect-backend-7c9d5b8f4d-h2x9q', `${APP_IMAGE}:v1.0.0-staging`, APP_DIGEST),
          pod('coditect-backend-7c9d5b8f4d-q8m4z', `${APP_IMAGE}:v1.0.0-staging`, OTHER),
        ),
      }),
      expect: [{ messageId: 'tagMoved' }],
    },
    {
      name: 'a redis StatefulSet on the floating official tag redis:7 and a sidecar without a tag',
      facets: workloads({
        'k8s.statefulsets': list(
          live('StatefulSet', 'redis', {
            spec: {
              template: {
                spec: {
                  containers: [
                    { name: 'redis', image: 'redis:7' },
                    { name: 'exporter', image: 'oliver006/redis_exporter' },
                  ],
                },
              },
            },
          }),
        ),
      }),
      expect: [{ messageId: 'floatingTag' }, { messageId: 'noTag' }],
    },
  ],
} satisfies RuleCases;
