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
      name: 'tf: system and workload logs, monitoring with managed Prometheus',
      files: {
        'main.tf': cluster(`  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS"]
    managed_prometheus {
      enabled = true
    }
  }`),
      },
    },
    // ---- gcp
    { name: 'gcp: SYSTEM_COMPONENTS and WORKLOADS, Managed Prometheus', facets: { 'gcp.gke': gkeFacet(gkeCluster()) } },
    {
      name: 'gcp: no logging config reported (GKE default)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ loggingComponents: undefined })) },
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: declared and live both log workloads and monitor with Managed Prometheus',
      files: {
        'main.tf': cluster(`  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }
  monitoring_config {
    enable_components = ["SYSTEM_COMPONENTS"]
    managed_prometheus {
      enabled = true
    }
  }`),
      },
      facets: { 'gcp.gke': gkeFacet(gkeCluster()) },
    },
  ],
  fail: [
    // ---- tf
    {
      name: 'tf: the ADR fixture: system components only, no monitoring_config',
      files: {
        'opentofu/modules/gke/main.tf': cluster(`  logging_config {
    enable_components = ["SYSTEM_COMPONENTS"]
  }`),
      },
      expect: [
        { messageId: 'workloadLogsOff', file: 'opentofu/modules/gke/main.tf', line: 5, column: 5, certainty: 'high' },
        {
          messageId: 'monitoringNotDeclared',
          file: 'opentofu/modules/gke/main.tf',
          line: 1,
          column: 1,
          status: 'unknown',
        },
      ],
    },
    {
      name: 'tf: logging_service and monitoring_service = "none"',
      files: {
        'main.tf': cluster(`  logging_service    = "none"
  monitoring_service = "none"`),
      },
      expect: [
        { messageId: 'loggingOff', file: 'main.tf', line: 4, column: 3 },
        { messageId: 'monitoringOff', file: 'main.tf', line: 5, column: 3 },
      ],
    },
    {
      name: 'tf: nothing declared: both undecided (GKE defaults decide), at the cluster',
      files: { 'main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [
        { messageId: 'loggingNotDeclared', file: 'main.tf', line: 1, status: 'unknown' },
        { messageId: 'monitoringNotDeclared', file: 'main.tf', line: 1, status: 'unknown' },
      ],
    },
    {
      name: 'tf: components from a variable; monitoring disabled with an empty list',
      files: {
        'modules/gke/main.tf': cluster(`  logging_config {
    enable_components = var.logging_components
  }
  monitoring_config {
    enable_components = []
  }`),
      },
      expect: [
        { messageId: 'unresolved', file: 'modules/gke/main.tf', line: 5, status: 'unknown' },
        { messageId: 'monitoringEmpty', file: 'modules/gke/main.tf', line: 8, certainty: 'high' },
      ],
    },
    // ---- gcp
    {
      name: 'gcp: system components only (the ADR staging cluster)',
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ loggingComponents: ['SYSTEM_COMPONENTS'] })) },
      expect: [{ messageId: 'noWorkloadLogs' }],
    },
    {
      name: 'gcp: monitoring without Prometheus or workload metrics',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ managedPrometheus: false, monitoringComponents: ['SYSTEM_COMPONENTS'] })),
      },
      expect: [{ messageId: 'noWorkloadMetrics' }],
    },
    // ---- tf and gcp in one case
    {
      name: 'tf and gcp: nothing declared (GKE defaults decide), and the live cluster logs system components only',
      files: { 'main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      facets: { 'gcp.gke': gkeFacet(gkeCluster({ loggingComponents: ['SYSTEM_COMPONENTS'] })) },
      expect: [
        { messageId: 'loggingNotDeclared', file: 'main.tf', line: 1, status: 'unknown', source: 'tf' },
        { messageId: 'monitoringNotDeclared', file: 'main.tf', line: 1, status: 'unknown', source: 'tf' },
        { messageId: 'noWorkloadLogs', source: 'gcp' },
      ],
    },
  ],
} satisfies RuleCases;
