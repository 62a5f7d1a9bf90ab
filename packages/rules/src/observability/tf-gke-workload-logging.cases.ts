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
      name: 'system and workload logs, monitoring with managed Prometheus',
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
  ],
  fail: [
    {
      name: 'the ADR fixture: system components only, no monitoring_config',
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
      name: 'logging_service and monitoring_service = "none"',
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
      name: 'nothing declared: both undecided (GKE defaults decide), at the cluster',
      files: { 'main.tf': cluster('  networking_mode = "VPC_NATIVE"') },
      expect: [
        { messageId: 'loggingNotDeclared', file: 'main.tf', line: 1, status: 'unknown' },
        { messageId: 'monitoringNotDeclared', file: 'main.tf', line: 1, status: 'unknown' },
      ],
    },
    {
      name: 'components from a variable; monitoring disabled with an empty list',
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
  ],
} satisfies RuleCases;
