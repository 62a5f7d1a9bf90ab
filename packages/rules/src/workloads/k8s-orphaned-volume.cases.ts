import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

const claim = (name: string, usedBy: { pod: string }[], labels: Record<string, string> = {}) => ({
  ...live('PersistentVolumeClaim', name, {
    metadata: { labels },
    spec: { storageClassName: 'standard-rwo', resources: { requests: { storage: '10Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '10Gi' } },
  }),
  usedBy,
});

export default {
  pass: [
    {
      name: 'after the ADR cleanup: no claims left in the namespace',
      facets: { 'k8s.pvcs': { namespaces: ['coditect-staging'], items: [] }, 'k8s.statefulsets': list() },
    },
    {
      name: 'a claim mounted by a pod, and one kept by a scaled-down StatefulSet',
      facets: {
        'k8s.pvcs': {
          items: [
            claim('uploads', [{ pod: 'coditect-backend-7c9d5b8f4d-h2x9q' }]),
            claim('data-queue-1', [], { app: 'queue' }),
          ],
        },
        'k8s.statefulsets': list(
          live('StatefulSet', 'queue', {
            spec: { replicas: 1, volumeClaimTemplates: [{ metadata: { name: 'data' } }] },
          }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR left postgres-storage-postgresql-0 and redis-storage-redis-0 after deleting the StatefulSets',
      facets: {
        'k8s.pvcs': {
          items: [
            claim('postgres-storage-postgresql-0', [], { app: 'postgresql' }),
            claim('redis-storage-redis-0', [], { app: 'redis' }),
          ],
        },
        'k8s.statefulsets': list(),
      },
      expect: [{ messageId: 'leftByStatefulSet' }, { messageId: 'leftByStatefulSet' }],
    },
    {
      name: 'a claim nobody mounts, with no StatefulSet in its name',
      facets: { 'k8s.pvcs': { items: [claim('scratch', [])] }, 'k8s.statefulsets': list() },
      expect: [{ messageId: 'orphaned' }],
    },
  ],
} satisfies RuleCases;
