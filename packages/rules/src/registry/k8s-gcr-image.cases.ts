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
    {
      name: "Google's images: the Cloud SQL proxy sidecar, a gke.gcr.io system image, an Artifact Registry gcr.io repository",
      facets: workloads({
        'k8s.deployments': list(
          deployment('coditect-backend', [
            { name: 'backend', image: `${APP_IMAGE}:v1.0.1` },
            { name: 'proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' },
            { name: 'pause', image: 'gke.gcr.io/pause:3.8' },
            { name: 'tgi', image: 'us-docker.pkg.dev/deeplearning-platform-release/gcr.io/huggingface-tgi:latest' },
          ]),
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
      // The distroless sidecar is Google's image, not the project's: only the frozen registry fails.
      expect: [{ messageId: 'kubernetesFrozenRegistry' }],
    },
  ],
} satisfies RuleCases;
