import type { RuleCases } from '../cases.js';

const cluster = (body: string) => `resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
${body}
}
`;

export default {
  pass: [
    {
      name: 'a literal workload pool',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra.svc.id.goog"
  }`),
      },
    },
    {
      name: 'a module: the pool is a template over the project variable',
      files: {
        'opentofu/modules/gke/main.tf': cluster(`  workload_identity_config {
    workload_pool = "\${var.project_id}.svc.id.goog"
  }`),
      },
    },
    {
      name: 'an Autopilot cluster',
      files: { 'main.tf': cluster('  enable_autopilot = true') },
    },
    {
      name: 'a node pool on the GKE metadata server',
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
  ],
  fail: [
    {
      name: 'the ADR cluster: no workload_identity_config',
      files: { 'opentofu/modules/gke/main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [{ messageId: 'notSet', file: 'opentofu/modules/gke/main.tf', line: 1, column: 1 }],
    },
    {
      name: 'a pool that is not *.svc.id.goog',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = "coditect-cloud-infra"
  }`),
      },
      expect: [{ messageId: 'badPool', file: 'main.tf', line: 5, column: 5 }],
    },
    {
      name: 'the pool from a variable: could not decide (no value in the repository)',
      files: {
        'main.tf': cluster(`  workload_identity_config {
    workload_pool = var.workload_pool
  }`),
      },
      expect: [{ messageId: 'unresolved', file: 'main.tf', line: 5, status: 'unknown' }],
    },
    {
      name: 'Workload Identity on, but a node pool and an inline pool expose the node metadata',
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
  ],
} satisfies RuleCases;
