import { defineRule, type Resource, type TfBlock } from '@coditect-audit/core';
import {
  childBlocks,
  forEachResource,
  isTrue,
  read,
  readEvidence,
  readLocation,
  resourceOf,
  resourcesOf,
  declaresNothing,
  type TfResource,
} from '../util/terraform.js';

const WORKLOAD_POOL = /\.svc\.id\.goog"?$/;
const NODE_METADATA_MODE = 'node_config.workload_metadata_config.mode';

/**
 * ADR-001 Issue 5: the backend reaches Secret Manager (and KMS) as its own Google service account through
 * Workload Identity, never through the node's service account or a key file.
 */
export default defineRule({
  id: 'tf-gke-workload-identity',
  title: 'GKE Workload Identity is not enabled (OpenTofu)',
  concerns: ['gke.workload-identity'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_container_cluster` must set `workload_identity_config { workload_pool = "<project>.svc.id.goog" }` (an Autopilot cluster, `enable_autopilot = true`, always has it). A string template ending in `.svc.id.goog` (the project variable interpolated before it) passes: it names a workload pool whatever the project. No block, or a pool that is not `*.svc.id.goog`, fails; any other value the repository does not settle is undecided (`unknown`) and names its input. Node pools (`google_container_node_pool`, inline `node_pool` blocks, the cluster\'s own `node_config`) that set `workload_metadata_config { mode = "GCE_METADATA" }` fail: their pods see the node\'s metadata server and credentials instead of the GKE metadata server.',
  rationale:
    "ADR-001 Issue 5 (Secrets Management with Secret Manager, P1) has the backend read its credentials from Secret Manager; Workload Identity is how a pod gets a Google identity of its own (the `coditect-cloud-backend` Kubernetes service account bound to a Google service account) without a key file or the node's broad service account.",
  remediation: {
    text: 'Enable Workload Identity on the cluster, switch node pools to the GKE metadata server, and bind the backend Kubernetes service account to its Google service account.',
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
  ],
  messages: {
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
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    // A node pool on GCE_METADATA hands its pods the node's credentials, Workload Identity or not.
    const checkNodeConfig = (r: TfResource, resource: Resource, block: TfBlock, address: string) => {
      const file = r.file.file;
      const mode = read(block, NODE_METADATA_MODE);
      const evidence = [readEvidence(file, `${address}.${NODE_METADATA_MODE}`, mode, 'GKE_METADATA')];
      if (mode.kind === 'literal' && mode.value === 'GCE_METADATA') {
        ctx.fail({
          resource,
          messageId: 'nodeMetadataExposed',
          data: { address },
          location: readLocation(file, mode),
          evidence,
          discriminator: `node-metadata:${address}`,
        });
      } else if (mode.kind === 'expression') {
        ctx.unknown({
          resource,
          messageId: 'nodeMetadataUnresolved',
          data: { address, expression: mode.expression },
          location: readLocation(file, mode),
          evidence,
          dependsOn: mode.dependsOn,
          discriminator: `node-metadata:${address}`,
        });
      }
    };
    forEachResource(ctx, files, ['google_container_cluster'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const pool = read(r.block, 'workload_identity_config.workload_pool');
      const evidence = [
        readEvidence(file, `${address}.workload_identity_config.workload_pool`, pool, '<project>.svc.id.goog'),
      ];
      const autopilot = read(r.block, 'enable_autopilot');
      if (autopilot.kind === 'literal' && isTrue(autopilot.value)) {
        ctx.pass({ resource, messageId: 'autopilot', data: { address }, evidence });
      } else if (pool.kind === 'literal') {
        const value = String(pool.value);
        if (WORKLOAD_POOL.test(value))
          ctx.pass({ resource, messageId: 'enabled', data: { address, pool: value }, evidence });
        else
          ctx.fail({
            resource,
            messageId: 'badPool',
            data: { address, pool: value },
            location: readLocation(file, pool),
            evidence,
          });
      } else if (pool.kind === 'expression') {
        // A template ending in .svc.id.goog enables a pool whatever the project interpolated into it.
        if (WORKLOAD_POOL.test(pool.expression)) {
          ctx.pass({ resource, messageId: 'enabled', data: { address, pool: pool.expression }, evidence });
        } else {
          ctx.unknown({
            resource,
            messageId: 'unresolved',
            data: { address, expression: pool.expression },
            location: readLocation(file, pool),
            evidence,
            dependsOn: pool.dependsOn,
          });
        }
      } else {
        ctx.fail({ resource, messageId: 'notSet', data: { address }, location: readLocation(file, pool), evidence });
      }
      // The cluster's default node_config and its inline node pools.
      checkNodeConfig(r, resource, r.block, address);
      for (const inline of childBlocks(r.block, 'node_pool')) {
        const name = inline.attributes.name?.value;
        const label = `${address}.node_pool[${typeof name === 'string' ? name : childBlocks(r.block, 'node_pool').indexOf(inline)}]`;
        checkNodeConfig(r, resource, inline, label);
      }
    });
    for (const pool of resourcesOf(files, 'google_container_node_pool')) {
      if (declaresNothing(pool.block)) continue;
      checkNodeConfig(pool, resourceOf(pool), pool.block, pool.address);
    }
  },
});
