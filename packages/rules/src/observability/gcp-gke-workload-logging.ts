import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** Monitoring components that cover workloads (Managed Prometheus is the current way; the rest are kube-state metrics). */
const WORKLOAD_METRICS = ['WORKLOADS', 'POD', 'DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'HPA'];

/** ADR-001 Issue 9, live: `--logging=SYSTEM,WORKLOAD --monitoring=SYSTEM`. */
export default defineRule({
  id: 'gcp-gke-workload-logging',
  title: 'GKE does not log or monitor workloads',
  concerns: ['observability.workload-logging'],
  layer: 'gcp',
  facets: ['gcp.gke'],
  description:
    "Reads the logging and monitoring configuration of every GKE cluster (container `clusters.list`). Logging fails when `loggingService` is `none` or `loggingConfig.componentConfig.enableComponents` lacks `WORKLOADS` (an empty list disables logging); a cluster that reports no logging config uses GKE's default (system and workloads) and passes. Monitoring fails when `monitoringService` is `none` or neither Managed Service for Prometheus nor a workload metrics component is on.",
  rationale:
    'ADR-001 Issue 9 (P1): "No monitoring, logging, or alerting configured" makes the crash loops and connection errors of the backend invisible; GKE collects container logs only with the WORKLOADS component.',
  remediation: {
    text: 'Enable workload logging, and system monitoring with Managed Service for Prometheus.',
    commands: [
      'gcloud container clusters update coditect-cluster --logging=SYSTEM,WORKLOAD --monitoring=SYSTEM --enable-managed-prometheus --region={{region}} --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS GKE Benchmark 1.6', id: '5.7.1' },
    { standard: 'Security Command Center', id: 'CLUSTER_LOGGING_DISABLED' },
  ],
  messages: {
    logging: 'GKE {{cluster}} collects workload logs ({{components}}).',
    noWorkloadLogs: 'GKE {{cluster}} does not collect workload logs: logging components {{components}}.',
    monitoring: 'GKE {{cluster}} monitors workloads ({{how}}).',
    noWorkloadMetrics: 'GKE {{cluster}} does not monitor workloads: {{why}}.',
  },
  check(ctx) {
    for (const c of ctx.facet('gcp.gke').clusters) {
      const resource = gcpResource.cluster(c);
      const logging = [
        { path: 'loggingService', observed: c.loggingService ?? null },
        {
          path: 'loggingConfig.componentConfig.enableComponents',
          observed: c.loggingComponents?.join(', ') ?? null,
          expected: 'includes WORKLOADS',
        },
      ];
      const loggingOff =
        c.loggingService === 'none' ||
        (c.loggingComponents !== undefined && !c.loggingComponents.includes('WORKLOADS'));
      const components =
        c.loggingService === 'none' ? 'none (loggingService none)' : c.loggingComponents?.join(', ') || 'none';
      if (loggingOff)
        ctx.fail({
          resource,
          messageId: 'noWorkloadLogs',
          data: { cluster: c.name, components },
          evidence: logging,
          discriminator: 'logging',
        });
      else
        ctx.pass({
          resource,
          messageId: 'logging',
          data: { cluster: c.name, components: c.loggingComponents?.join(', ') ?? 'GKE default' },
          evidence: logging,
          discriminator: 'logging',
        });
      const metrics = (c.monitoringComponents ?? []).filter((m) => WORKLOAD_METRICS.includes(m));
      const monitoring = [
        { path: 'monitoringService', observed: c.monitoringService ?? null },
        {
          path: 'monitoringConfig.managedPrometheusConfig.enabled',
          observed: c.managedPrometheus ?? null,
          expected: 'true',
        },
        {
          path: 'monitoringConfig.componentConfig.enableComponents',
          observed: c.monitoringComponents?.join(', ') ?? null,
        },
      ];
      if (c.monitoringService === 'none')
        ctx.fail({
          resource,
          messageId: 'noWorkloadMetrics',
          data: { cluster: c.name, why: 'monitoringService is none' },
          evidence: monitoring,
          discriminator: 'monitoring',
        });
      else if (c.managedPrometheus === true || metrics.length > 0)
        ctx.pass({
          resource,
          messageId: 'monitoring',
          data: { cluster: c.name, how: c.managedPrometheus ? 'Managed Service for Prometheus' : metrics.join(', ') },
          evidence: monitoring,
          discriminator: 'monitoring',
        });
      else
        ctx.fail({
          resource,
          messageId: 'noWorkloadMetrics',
          data: {
            cluster: c.name,
            why: 'neither Managed Service for Prometheus nor a workload metrics component is on',
          },
          evidence: monitoring,
          discriminator: 'monitoring',
        });
    }
  },
});
