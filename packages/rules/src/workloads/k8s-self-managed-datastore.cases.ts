import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

export default {
  pass: [
    {
      name: 'after the pivot: only the backend runs; a migration Job running psql is a client',
      facets: workloads({
        'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }])),
        'k8s.jobs': list(
          live('Job', 'db-check', {
            spec: { template: { spec: { containers: [{ name: 'psql', image: 'postgres:16' }] } } },
          }),
        ),
      }),
    },
    {
      name: 'a debugging pod borrowing the redis image for redis-cli (command: sleep) is a client',
      facets: workloads({
        'k8s.pods': list(
          live('Pod', 'redis-client', {
            spec: { containers: [{ name: 'cli', image: 'redis:7.2', command: ['sleep', '3600'] }] },
          }),
        ),
      }),
    },
  ],
  fail: [
    {
      name: 'the pre-pivot StatefulSets postgresql and redis still run',
      facets: workloads({
        'k8s.statefulsets': list(
          live('StatefulSet', 'postgresql', {
            spec: { template: { spec: { containers: [{ name: 'postgresql', image: 'postgres:16' }] } } },
          }),
          live('StatefulSet', 'redis', {
            spec: { template: { spec: { containers: [{ name: 'redis', image: 'redis:7' }] } } },
          }),
        ),
      }),
      expect: [{ messageId: 'selfManaged' }, { messageId: 'selfManaged' }],
    },
  ],
} satisfies RuleCases;
