import type { K8sApis } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const apis = (gitVersion: string, extra: string[] = []): K8sApis => ({
  serverVersion: { gitVersion },
  groupVersions: ['apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'v1', ...extra].sort(),
  preferred: { '': 'v1', apps: 'v1', batch: 'v1', 'networking.k8s.io': 'v1' },
});
const applied = <T extends ReturnType<typeof live>>(o: T, appliedApiVersion: string): T => ({
  ...o,
  appliedApiVersion,
});

export default {
  pass: [
    {
      name: 'the ADR cluster: everything applied with current versions',
      facets: {
        ...workloads({
          'k8s.deployments': list(
            applied(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }]), 'apps/v1'),
          ),
          'k8s.jobs': list(applied(live('Job', 'django-migrate'), 'batch/v1')),
        }),
        'k8s.apis': apis('v1.30.5-gke.1014001'),
        'k8s.ingresses': list(applied(live('Ingress', 'coditect-backend'), 'networking.k8s.io/v1')),
      },
    },
  ],
  fail: [
    {
      name: 'an Ingress applied as networking.k8s.io/v1beta1 on a 1.30 cluster',
      facets: {
        ...workloads({}),
        'k8s.apis': apis('v1.30.5-gke.1014001'),
        'k8s.ingresses': list(applied(live('Ingress', 'coditect-backend'), 'networking.k8s.io/v1beta1')),
      },
      expect: [{ messageId: 'removedNotServed' }],
    },
    {
      name: 'a CronJob applied as batch/v1beta1 on a 1.24 cluster that still serves it',
      facets: {
        ...workloads({ 'k8s.cronjobs': list(applied(live('CronJob', 'nightly-export'), 'batch/v1beta1')) }),
        'k8s.apis': apis('v1.24.17-gke.2300', ['batch/v1beta1']),
        'k8s.ingresses': list(),
      },
      expect: [{ messageId: 'removedStillServed' }],
    },
  ],
} satisfies RuleCases;
