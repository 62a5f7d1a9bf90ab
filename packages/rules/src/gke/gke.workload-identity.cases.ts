import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';

/** One table for every source the rule judges; each case names its source first. */
const cluster = (body: string) => `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
${body}
}
`;

export default {
  pass: [
    // ---- tf
    {
      name: 'tf: a literal workload pool',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }`),
      },
    },
    {
      name: 'tf: a module: the pool is a template over the project variable',
      files: {
        'opentofu/modules/gke/main.tf': cluster(`  workload_identity_config {
    workload_pool = "\${var.project_id}.svc.id.goog"
  }`),
      },
    },
    {
      name: 'tf: an Autopilot cluster',
      files: { 'main.tf': cluster('  enable_autopilot = true') },
    },
    {
      name: 'tf: a node pool on the GKE metadata server',
      files: {
        'main.tf': `${cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }`)}
resource "google_container_node_pool" "primary" {
  name    = "coditect-cluster-pool"
  cluster = google_container_cluster.primary.name
  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
`,
      },
    },
    // ---- gcp
    { name: 'gcp: workload pool and GKE metadata server', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: declared and live pools, pods on the GKE metadata server',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }`),
      },
      facets: { 'gcp.gke': gkeFacet(gkeCluster()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR cluster: no workload_identity_config',
      files: { 'opentofu/modules/gke/main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [{ messageId: 'notSet', file: 'opentofu/modules/gke/main.tf', line: 1, column: 1 }],
    },
    {
      name: 'tf: a pool that is not *.svc.id.goog',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra"
  }`),
      },
      expect: [{ messageId: 'badPool', file: 'main.tf', line: 5, column: 5 }],
    },
    {
      name: 'tf: the pool from a variable: could not decide (no value in the repository)',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = var.workload_pool
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'main.tf', line: 5, status: 'unknown' }],
    },
    {
      name: 'tf: Workload Identity on, but a node pool and an inline pool expose the node metadata',
      files: {
        'main.tf': `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }
  node_pool {
    name = "legacy"
    node_config {
      workload_metadata_config {
        mode = "GCE_METADATA"
      }
    }
  }
}

resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = google_container_cluster.primary.name
  node_config {
    workload_metadata_config {
      mode = "GCE_METADATA"
    }
  }
}
`,
      },
      expect: [
        { messageId: 'nodeMetadataExposed', file: 'main.tf', line: 11, column: 9 },
        { messageId: 'nodeMetadataExposed', file: 'main.tf', line: 22, column: 7 },
      ],
    },
    // ---- gcp
    {
      name: 'gcp: no workload pool (the ADR staging cluster)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ workloadPool: undefined })) },
      expect: [{ messageId: 'disabled' }],
    },
    {
      name: 'gcp: pool set but the node pool still exposes the node metadata',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({
            nodePools: [{ name: 'coditect-cluster-pool', machineType: 'e2-standard-4', serviceAccount: 'default' }],
          }),
        ),
      },
      expect: [{ messageId: 'poolMetadata' }],
    },
    {
      name: 'gcp: the pool of another project',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ workloadPool: 'another-project.svc.id.goog' })) },
      expect: [{ messageId: 'wrongPool' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: declared with a pool, but the live cluster has none (each source judged on its own)',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }`),
      },
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ workloadPool: undefined })) },
      expect: [{ messageId: 'disabled', source: 'gcp' }],
    },
  ],
} satisfies RuleCases;
