import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';

export default {
  pass: [
    { name: 'SYSTEM_COMPONENTS and WORKLOADS, Managed Prometheus', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } },
    {
      name: 'no logging config reported (GKE default)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ loggingComponents: undefined })) },
    },
  ],
  fail: [
    {
      name: 'system components only (the ADR staging cluster)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ loggingComponents: ['SYSTEM_COMPONENTS'] })) },
      expect: [{ messageId: 'noWorkloadLogs' }],
    },
    {
      name: 'monitoring without Prometheus or workload metrics',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ managedPrometheus: false, monitoringComponents: ['SYSTEM_COMPONENTS'] })),
      },
      expect: [{ messageId: 'noWorkloadMetrics' }],
    },
  ],
} satisfies RuleCases;
