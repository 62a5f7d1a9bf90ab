import type { RuleCases } from '../cases.js';
import { APP_DIGEST, APP_IMAGE, deployment, list, live } from '../util/k8s-live-cases.js';

const migrateJob = (image: string, status: Record<string, unknown>, name = 'django-migrate') =>
  live('Job', name, {
    spec: {
      backoffLimit: 3,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'migrate', image, command: ['python', 'manage.py', 'migrate'] }],
        },
      },
    },
    status,
  });
const app = (image: string) => list(deployment('coditect-backend', [{ name: 'backend', image }]));

export default {
  pass: [
    {
      name: 'the remediated state: django-migrate completed with the digest the Deployment runs',
      facets: {
        'k8s.deployments': app(`${APP_IMAGE}@${APP_DIGEST}`),
        'k8s.jobs': list(
          migrateJob(`${APP_IMAGE}@${APP_DIGEST}`, {
            succeeded: 1,
            conditions: [{ type: 'Complete', status: 'True' }],
          }),
        ),
        'k8s.pods': list(),
      },
    },
    {
      name: 'the Job ran a tag that resolved to the digest the app pods report',
      facets: {
        'k8s.deployments': app(`${APP_IMAGE}@${APP_DIGEST}`),
        'k8s.jobs': list(
          migrateJob(`${APP_IMAGE}:v1.0.1`, { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }),
        ),
        'k8s.pods': list(
          live('Pod', 'django-migrate-k4t7w', {
            metadata: {
              ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'django-migrate', controller: true }],
            },
            status: {
              phase: 'Succeeded',
              containerStatuses: [{ name: 'migrate', imageID: `${APP_IMAGE}@${APP_DIGEST}`, restartCount: 0 }],
            },
          }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging state: django-migrate hit its backoff limit',
      facets: {
        'k8s.deployments': app(`${APP_IMAGE}:v1.0.0-staging`),
        'k8s.jobs': list(
          migrateJob(`${APP_IMAGE}:v1.0.0-staging`, {
            failed: 4,
            conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }],
          }),
        ),
        'k8s.pods': list(),
      },
      expect: [{ messageId: 'failed' }],
    },
    {
      name: 'the only migration Job ran the previous image',
      facets: {
        'k8s.deployments': app(`${APP_IMAGE}:v1.0.1`),
        'k8s.jobs': list(
          migrateJob(`${APP_IMAGE}:v1.0.0-staging`, {
            succeeded: 1,
            conditions: [{ type: 'Complete', status: 'True' }],
          }),
        ),
        'k8s.pods': list(),
      },
      expect: [{ messageId: 'noMigrationJob' }],
    },
    {
      name: 'the migration Job for the running image is still running',
      facets: {
        'k8s.deployments': app(`${APP_IMAGE}:v1.0.1`),
        'k8s.jobs': list(migrateJob(`${APP_IMAGE}:v1.0.1`, { active: 1 })),
        'k8s.pods': list(),
      },
      expect: [{ messageId: 'notFinished' }],
    },
  ],
} satisfies RuleCases;
