import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'workload pool and GKE metadata server', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } }],
  fail: [
    {
      name: 'no workload pool (the ADR staging cluster)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ workloadPool: undefined })) },
      expect: [{ messageId: 'disabled' }],
    },
    {
      name: 'pool set but the node pool still exposes the node metadata',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({
            nodePools: [{ name: 'coditect-cluster-pool', machineType: 'e2-standard-4', serviceAccount: 'default' }],
          }),
        ),
      },
      expect: [{ messageId: 'poolMetadata' }],
    },
  ],
} satisfies RuleCases;
