import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

export default {
  pass: [
    {
      name: 'after Decision 1: the backend and its migration Job pull from Artifact Registry',
      facets: workloads({
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.jobs': list(
          live('Job', 'django-migrate', {
            spec: { template: { spec: { containers: [{ name: 'migrate', image: `${APP_IMAGE}:v1.0.1` }] } } },
          }),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'the pre-migration Deployment still names gcr.io/coditect-cloud-infra',
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: 'gcr.io/coditect-cloud-infra/coditect-cloud-backend:v1.0.0' },
          ]),
        ),
      }),
      expect: [{ messageId: 'projectImage' }],
    },
    {
      name: 'a distroless sidecar and a k8s.gcr.io init container',
      facets: workloads({
        'k8s.deployments': list(
          deployment(
            'coditect-backend',
            [
              { name: 'backend', image: `${APP_IMAGE}:v1.0.1` },
              { name: 'helper', image: 'gcr.io/distroless/static-debian12:nonroot' },
            ],
            { pod: { initContainers: [{ name: 'wait', image: 'k8s.gcr.io/pause:3.2' }] } },
          ),
        ),
      }),
      expect: [{ messageId: 'googleMaintainedImage' }, { messageId: 'kubernetesFrozenRegistry' }],
    },
  ],
} satisfies RuleCases;
