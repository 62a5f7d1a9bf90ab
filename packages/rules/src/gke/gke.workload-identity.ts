import { defineViewRule } from '@coditect-audit/core';
import {
  type Attribute,
  evidenceOf,
  type GkeClusterView,
  type GkeNodePoolView,
  isTrue,
} from '@coditect-audit/core/views';

/** A workload pool: `<project>.svc.id.goog` (a template ending so names one whatever the project). */
const WORKLOAD_POOL = /\.svc\.id\.goog"?$/;

type PoolOutcome =
  | { holds: true; how: 'autopilot' | 'pool'; pool?: string }
  | { holds: false; how: 'notSet' | 'badPool'; pool?: string; expected?: string }
  | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } };

/**
 * The cluster's decision, whatever the source: Workload Identity is on when the cluster is Autopilot or has a
 * `<project>.svc.id.goog` workload pool (the live cluster's own project's pool, when the source shows it).
 */
function decidePool(v: GkeClusterView): PoolOutcome {
  if (v.autopilot.certainty === 'decided' && isTrue(v.autopilot.value)) return { holds: true, how: 'autopilot' };
  const pool = v.workloadPool;
  if (pool.certainty === 'absent') return { holds: false, how: 'notSet' };
  if (pool.certainty === 'unresolved')
    // A template ending in .svc.id.goog enables a pool whatever the project interpolated into it.
    return WORKLOAD_POOL.test(pool.expression)
      ? { holds: true, how: 'pool', pool: pool.expression }
      : { holds: undefined, on: pool };
  const value = String(pool.value);
  const expected = v.project.certainty === 'decided' ? `${String(v.project.value)}.svc.id.goog` : undefined;
  if (expected !== undefined && v.source === 'gcp')
    return value === expected
      ? { holds: true, how: 'pool', pool: value }
      : { holds: false, how: 'badPool', pool: value, expected };
  return WORKLOAD_POOL.test(value)
    ? { holds: true, how: 'pool', pool: value }
    : { holds: false, how: 'badPool', pool: value };
}

/**
 * A node pool's decision: its pods get their Workload Identity only from the GKE metadata server. Live,
 * Google reports the mode in effect (none reported is GCE_METADATA); declared, an unset mode takes the
 * provider's default for a cluster with a workload pool (GKE_METADATA), so only GCE_METADATA fails there.
 */
function decideNodePool(
  v: GkeClusterView,
  p: GkeNodePoolView,
): { holds: boolean } | { holds: undefined; on: Attribute<unknown> & { certainty: 'unresolved' } } | undefined {
  const mode = p.workloadMetadataMode;
  if (mode.certainty === 'unresolved') return { holds: undefined, on: mode };
  if (v.source === 'gcp') return { holds: mode.certainty === 'decided' && mode.value === 'GKE_METADATA' };
  if (mode.certainty === 'decided' && mode.value === 'GCE_METADATA') return { holds: false };
  return undefined; // declared as GKE_METADATA or left to the default: nothing to report
}

/**
 * ADR-001 Issue 5: the backend reaches Secret Manager (and KMS) as its own Google service account through
 * Workload Identity, never through the node's service account or a key file. This rule judges the cluster
 * side (the pool and the node pools' metadata server); the bindings of service accounts are
 * `gcp-workload-identity-binding` (the Google side) and `gke.ksa-binding` (the Kubernetes side).
 */
export default defineViewRule({
  id: 'gke.workload-identity',
  title: 'GKE Workload Identity is not enabled',
  concerns: ['gke.workload-identity'],
  view: 'gke-cluster',
  sources: {
    tf: { alias: 'tf-gke-workload-identity' },
    gcp: {
      alias: 'gcp-gke-workload-identity',
      messages: { enabled: 'GKE {{cluster}} has Workload Identity ({{pool}}).' },
    },
  },
  description:
    'Each GKE cluster must have Workload Identity and its node pools must run the GKE metadata server. **OpenTofu** (`google_container_cluster`): `workload_identity_config { workload_pool = "<project>.svc.id.goog" }` (an Autopilot cluster, `enable_autopilot = true`, always has it). A string template ending in `.svc.id.goog` (the project variable interpolated before it) passes: it names a workload pool whatever the project. No block, or a pool that is not `*.svc.id.goog`, fails; any other value the repository does not settle is undecided (`unknown`) and names its input. Node pools (`google_container_node_pool`, inline `node_pool` blocks, the cluster\'s own `node_config`) that set `workload_metadata_config { mode = "GCE_METADATA" }` fail: their pods see the node\'s metadata server and credentials instead of the GKE metadata server. **Google Cloud** (container `clusters.list`): `workloadIdentityConfig.workloadPool` must be `<project>.svc.id.goog`; absent fails. Every node pool must then run the GKE metadata server (`config.workloadMetadataConfig.mode` GKE_METADATA): a pool without it fails.',
  rationale:
    "ADR-001 Issue 5 (Secrets Management with Secret Manager, P1) has the backend read its credentials from Secret Manager and sign with Cloud KMS; Workload Identity is how a pod gets a Google identity of its own (the `coditect-cloud-backend` Kubernetes service account bound to a Google service account) without a key file. Without it every pod acts as the node's broad service account.",
  remediation: {
    text: 'Enable Workload Identity on the cluster, switch each node pool to the GKE metadata server, and bind the backend Kubernetes service account to its Google service account.',
    commands: [
      'workload_identity_config {\n  workload_pool = "{{project}}.svc.id.goog"\n}',
      'node_config {\n  workload_metadata_config {\n    mode = "GKE_METADATA"\n  }\n}',
      'gcloud container clusters update coditect-cluster --region={{region}} --workload-pool={{project}}.svc.id.goog --project={{project}}',
      'gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}',
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0',
      id: '5.2.2',
      title: 'Prefer using dedicated GCP Service Accounts and Workload Identity',
    },
    {
      standard: 'CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0',
      id: '5.4.1',
      title: 'Ensure the GKE Metadata Server is Enabled',
    },
    { standard: 'Security Command Center', id: 'WORKLOAD_IDENTITY_DISABLED' },
  ],
  messages: {
    // tf (gcp words enabled its own way: see sources.gcp.messages)
    enabled: '{{address}} has Workload Identity: workload_pool = {{pool}}.',
    autopilot: '{{address}} is an Autopilot cluster: Workload Identity is always on.',
    notSet: "{{address}} has no workload_identity_config: pods can only act as the node's service account.",
    badPool: '{{address}} sets workload_pool = {{pool}}, which is not a <project>.svc.id.goog pool.',
    unresolved:
      'workload_pool of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm Workload Identity is on (the gcp layer reads the live value).',
    nodeMetadataExposed:
      "{{address}} sets workload_metadata_config.mode = GCE_METADATA: its pods reach the node's metadata server and service account instead of Workload Identity.",
    nodeMetadataUnresolved:
      'workload_metadata_config.mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm its pods use the GKE metadata server.',
    // gcp
    disabled: 'GKE {{cluster}} has no Workload Identity pool: pods act as the node service account.',
    wrongPool: 'GKE {{cluster}} uses the workload pool {{pool}}, not {{expected}}.',
    poolMetadata:
      'Node pool {{nodePool}} of GKE {{cluster}} runs with workload metadata mode {{mode}}: its pods see the node service account instead of their Workload Identity.',
    poolReady: 'Node pool {{nodePool}} of GKE {{cluster}} runs the GKE metadata server.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const o = decidePool(v);
      if (v.source === 'gcp') {
        // Evidence and message data as the per-layer rule wrote them (reports and baselines compare them).
        const cluster = v.label;
        const expected = `${String(v.project.certainty === 'decided' ? v.project.value : '')}.svc.id.goog`;
        const evidence = [evidenceOf(v.workloadPool, expected)];
        if (o.holds === false && o.how === 'notSet') {
          ctx.fail({ resource, messageId: 'disabled', data: { cluster }, evidence });
          continue; // without a pool, the node pools' metadata server gives pods nothing of their own
        }
        if (o.holds === true)
          ctx.pass({ resource, messageId: 'enabled', data: { cluster, pool: o.pool ?? '' }, evidence });
        else if (o.holds === false)
          ctx.fail({ resource, messageId: 'wrongPool', data: { cluster, pool: o.pool ?? '', expected }, evidence });
        for (const p of v.nodePools) {
          const mode = p.workloadMetadataMode;
          const data = {
            cluster,
            nodePool: p.label,
            mode: mode.certainty === 'decided' ? String(mode.value) : 'not set (GCE_METADATA)',
          };
          const poolEvidence = [evidenceOf(mode, 'GKE_METADATA')];
          if (decideNodePool(v, p)?.holds === true)
            ctx.pass({ resource: p.resource, messageId: 'poolReady', data, evidence: poolEvidence });
          else ctx.fail({ resource: p.resource, messageId: 'poolMetadata', data, evidence: poolEvidence });
        }
        continue;
      }
      const address = v.label;
      const pool = v.workloadPool;
      const evidence = [evidenceOf(pool, '<project>.svc.id.goog')];
      const location = pool.origin.location ? { location: pool.origin.location } : {};
      if (o.holds === undefined)
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { address, expression: o.on.expression },
          ...location,
          evidence,
          dependsOn: o.on.dependsOn,
        });
      else if (o.holds === true)
        ctx.pass({
          resource,
          messageId: o.how === 'autopilot' ? 'autopilot' : 'enabled',
          data: o.how === 'autopilot' ? { address } : { address, pool: o.pool ?? '' },
          evidence,
        });
      else if (o.how === 'badPool')
        ctx.fail({ resource, messageId: 'badPool', data: { address, pool: o.pool ?? '' }, ...location, evidence });
      else ctx.fail({ resource, messageId: 'notSet', data: { address }, ...location, evidence });
      // A node pool on GCE_METADATA hands its pods the node's credentials, Workload Identity or not.
      for (const p of v.nodePools) {
        const n = decideNodePool(v, p);
        if (!n || n.holds === true) continue;
        const mode = p.workloadMetadataMode;
        const common = {
          resource: p.resource,
          ...(mode.origin.location ? { location: mode.origin.location } : {}),
          evidence: [evidenceOf(mode, 'GKE_METADATA')],
          discriminator: `node-metadata:${p.label}`,
        };
        if (n.holds === undefined)
          ctx.unknown({
            ...common,
            messageId: 'nodeMetadataUnresolved',
            data: { address: p.label, expression: n.on.expression },
            dependsOn: n.on.dependsOn,
          });
        else ctx.fail({ ...common, messageId: 'nodeMetadataExposed', data: { address: p.label } });
      }
    }
  },
});
