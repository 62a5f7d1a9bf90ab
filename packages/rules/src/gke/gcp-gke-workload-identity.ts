import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Issue 5 step 1, live: "Enable Workload Identity on GKE cluster". */
export default defineRule({
  id: 'gcp-gke-workload-identity',
  title: 'GKE Workload Identity is not enabled',
  concerns: ['gke.workload-identity'],
  layer: 'gcp',
  facets: ['gcp.gke'],
  description:
    "Reads `workloadIdentityConfig.workloadPool` of every GKE cluster: it must be `<project>.svc.id.goog`; absent fails. Every node pool must then run the GKE metadata server (`config.workloadMetadataConfig.mode` GKE_METADATA), or its pods still see the node's service account: a pool without it fails.",
  rationale:
    "ADR-001 Issue 5 binds the backend's Kubernetes service account to a Google service account so it can read Secret Manager and sign with Cloud KMS without a key file; without Workload Identity every pod acts as the node's service account.",
  remediation: {
    text: 'Enable Workload Identity on the cluster, then switch each node pool to the GKE metadata server.',
    commands: [
      'gcloud container clusters update coditect-cluster --region={{region}} --workload-pool={{project}}.svc.id.goog --project={{project}}',
      'gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.2.2' },
    { standard: 'CIS GKE Benchmark 1.6', id: '5.4.1' },
    { standard: 'Security Command Center', id: 'WORKLOAD_IDENTITY_DISABLED' },
  ],
  messages: {
    enabled: 'GKE {{cluster}} has Workload Identity ({{pool}}).',
    disabled: 'GKE {{cluster}} has no Workload Identity pool: pods act as the node service account.',
    wrongPool: 'GKE {{cluster}} uses the workload pool {{pool}}, not {{expected}}.',
    poolMetadata:
      'Node pool {{nodePool}} of GKE {{cluster}} runs with workload metadata mode {{mode}}: its pods see the node service account instead of their Workload Identity.',
    poolReady: 'Node pool {{nodePool}} of GKE {{cluster}} runs the GKE metadata server.',
  },
  check(ctx) {
    for (const c of ctx.facet('gcp.gke').clusters) {
      const resource = gcpResource.cluster(c);
      const expected = `${c.project}.svc.id.goog`;
      const evidence = [{ path: 'workloadIdentityConfig.workloadPool', observed: c.workloadPool ?? null, expected }];
      if (!c.workloadPool) {
        ctx.fail({ resource, messageId: 'disabled', data: { cluster: c.name }, evidence });
        continue;
      }
      if (c.workloadPool !== expected)
        ctx.fail({
          resource,
          messageId: 'wrongPool',
          data: { cluster: c.name, pool: c.workloadPool, expected },
          evidence,
        });
      else ctx.pass({ resource, messageId: 'enabled', data: { cluster: c.name, pool: c.workloadPool }, evidence });
      for (const p of c.nodePools) {
        const poolResource = gcpResource.nodePool(c, p.name);
        const poolEvidence = [
          {
            path: `nodePools[${p.name}].config.workloadMetadataConfig.mode`,
            observed: p.workloadMetadataMode ?? null,
            expected: 'GKE_METADATA',
          },
        ];
        const data = { cluster: c.name, nodePool: p.name, mode: p.workloadMetadataMode ?? 'not set (GCE_METADATA)' };
        if (p.workloadMetadataMode === 'GKE_METADATA')
          ctx.pass({ resource: poolResource, messageId: 'poolReady', data, evidence: poolEvidence });
        else ctx.fail({ resource: poolResource, messageId: 'poolMetadata', data, evidence: poolEvidence });
      }
    }
  },
});
