import { defineViewRule, type Evidence } from '@coditect-audit/core';
import { type Attribute, evidenceOf, type GkeClusterView } from '@coditect-audit/core/views';

/** Monitoring components that cover workloads (Managed Prometheus is the current way; the rest are kube-state metrics). */
const WORKLOAD_METRICS = ['WORKLOADS', 'POD', 'DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'HPA'];

type Unresolved = Attribute<unknown> & { certainty: 'unresolved' };

/** What a cluster shows of one half (logs or metrics) of the concern. */
type Half =
  | { holds: true; what: string }
  | { holds: false; how: 'off' | 'missing' | 'empty'; what: string }
  /** Nothing pins it: GKE's default for the cluster's version decides (a declaration that leaves it out). */
  | { holds: 'default' }
  | { holds: undefined; on: Unresolved; field: string };

const list = (a: Attribute<unknown>): string[] | undefined =>
  a.certainty !== 'decided' ? undefined : Array.isArray(a.value) ? a.value.map(String) : [String(a.value)];

/**
 * Logs, whatever the source: `logging_service`/`loggingService` none is off; the logging components must
 * include WORKLOADS (an empty list disables logging). A cluster that shows no components keeps GKE's
 * default: live, that is what runs (system and workloads); declared, nothing in the code pins it.
 */
function decideLogging(v: GkeClusterView): Half {
  const service = v.loggingService;
  if (service.certainty === 'decided' && service.value === 'none') return { holds: false, how: 'off', what: 'none' };
  if (service.certainty === 'unresolved') return { holds: undefined, on: service, field: 'logging_service' };
  const components = v.loggingComponents;
  if (components.certainty === 'unresolved')
    return { holds: undefined, on: components, field: 'logging_config.enable_components' };
  const names = list(components);
  if (!names) return { holds: 'default' };
  return names.includes('WORKLOADS')
    ? { holds: true, what: names.join(', ') }
    : { holds: false, how: 'missing', what: names.join(', ') };
}

/**
 * Metrics, whatever the source: `monitoring_service`/`monitoringService` none is off. Declared, a
 * `monitoring_config` block must be there with a component list that is not empty (without one, GKE's
 * version default decides); live, Managed Service for Prometheus or a workload metrics component must be on.
 */
function decideMonitoring(v: GkeClusterView): Half {
  const service = v.monitoringService;
  if (service.certainty === 'decided' && service.value === 'none') return { holds: false, how: 'off', what: 'none' };
  if (service.certainty === 'unresolved') return { holds: undefined, on: service, field: 'monitoring_service' };
  const components = v.monitoringComponents;
  if (v.source === 'gcp') {
    const metrics = (list(components) ?? []).filter((m) => WORKLOAD_METRICS.includes(m));
    const prometheus = v.managedPrometheus.certainty === 'decided' && v.managedPrometheus.value === true;
    if (prometheus) return { holds: true, what: 'Managed Service for Prometheus' };
    if (metrics.length) return { holds: true, what: metrics.join(', ') };
    return {
      holds: false,
      how: 'missing',
      what: 'neither Managed Service for Prometheus nor a workload metrics component is on',
    };
  }
  if (!v.monitoringConfigDeclared) return { holds: 'default' };
  if (components.certainty === 'unresolved')
    return { holds: undefined, on: components, field: 'monitoring_config.enable_components' };
  if (components.certainty === 'decided' && Array.isArray(components.value) && components.value.length === 0)
    return { holds: false, how: 'empty', what: 'nothing' };
  return { holds: true, what: 'monitoring_config' };
}

/**
 * ADR-001 Issue 9: application logs and metrics must reach Cloud Logging and Cloud Monitoring. As declared
 * (OpenTofu) and as configured (the GKE API; `--logging=SYSTEM,WORKLOAD --monitoring=SYSTEM`).
 */
export default defineViewRule({
  id: 'observability.workload-logging',
  title: 'GKE does not log and monitor workloads',
  concerns: ['observability.workload-logging'],
  view: 'gke-cluster',
  sources: {
    tf: { alias: 'tf-gke-workload-logging' },
    gcp: { alias: 'gcp-gke-workload-logging' },
  },
  description:
    'Each GKE cluster must send workload logs to Cloud Logging and metrics to Cloud Monitoring. **OpenTofu** (`google_container_cluster`): `logging_config { enable_components = [..., "WORKLOADS"] }` and a `monitoring_config` block. `logging_service = "none"` or `monitoring_service = "none"` fails, so do logging components without `WORKLOADS` and an empty monitoring component list. A cluster that declares no `logging_config` or no `monitoring_config` is undecided (`unknown`): it keeps whatever GKE defaults to for its version, which nothing in the code pins (the gcp layer reads the live value). A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first. **Google Cloud** (container `clusters.list`): logging fails when `loggingService` is `none` or `loggingConfig.componentConfig.enableComponents` lacks `WORKLOADS` (an empty list disables logging); a cluster that reports no logging config uses GKE\'s default (system and workloads) and passes. Monitoring fails when `monitoringService` is `none` or neither Managed Service for Prometheus nor a workload metrics component is on.',
  rationale:
    'ADR-001 Issue 9 (Monitoring and Observability, P1): "No monitoring, logging, or alerting configured"; error rate, latency, crash loops and database connection errors must be visible before production. The backend\'s stdout/stderr only reaches Cloud Logging when the cluster collects WORKLOADS logs, and the alert policies need Cloud Monitoring.',
  remediation: {
    text: 'Declare workload logging and system monitoring with Managed Service for Prometheus explicitly on the cluster and apply (or update the live cluster the same way).',
    commands: [
      'logging_config {\n  enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]\n}\nmonitoring_config {\n  enable_components = ["SYSTEM_COMPONENTS"]\n  managed_prometheus {\n    enabled = true\n  }\n}',
      'gcloud container clusters update coditect-cluster --region={{region}} --logging=SYSTEM,WORKLOAD --monitoring=SYSTEM --enable-managed-prometheus --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0',
      id: '5.7.1',
      title: 'Ensure Logging and Cloud Monitoring is Enabled',
    },
    { standard: 'Security Command Center', id: 'CLUSTER_LOGGING_DISABLED' },
  ],
  messages: {
    // tf
    workloadsObserved:
      '{{address}} sends workload logs to Cloud Logging ({{components}}) and declares Cloud Monitoring.',
    loggingOff:
      '{{address}} sets logging_service = "none": no log of the cluster or its workloads reaches Cloud Logging.',
    monitoringOff: '{{address}} sets monitoring_service = "none": the cluster sends no metric to Cloud Monitoring.',
    workloadLogsOff: '{{address}} logs only {{components}}: application logs (WORKLOADS) do not reach Cloud Logging.',
    monitoringEmpty:
      '{{address}} sets monitoring_config.enable_components = []: the cluster sends no metric to Cloud Monitoring.',
    loggingNotDeclared:
      "{{address}} declares no logging_config: workload logging depends on GKE's default and nothing in the code pins WORKLOADS.",
    monitoringNotDeclared:
      "{{address}} declares no monitoring_config: Cloud Monitoring depends on GKE's default and nothing in the code pins it.",
    unresolved:
      '{{field}} of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm workloads are logged and monitored (the gcp layer reads the live value).',
    // gcp
    logging: 'GKE {{cluster}} collects workload logs ({{components}}).',
    noWorkloadLogs: 'GKE {{cluster}} does not collect workload logs: logging components {{components}}.',
    monitoring: 'GKE {{cluster}} monitors workloads ({{how}}).',
    noWorkloadMetrics: 'GKE {{cluster}} does not monitor workloads: {{why}}.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      const resource = v.resource;
      const logging = decideLogging(v);
      const monitoring = decideMonitoring(v);
      if (v.source === 'gcp') {
        // Evidence and message data as the per-layer rule wrote them (reports and baselines compare them).
        const cluster = v.label;
        const joined = (a: Attribute<unknown>) => list(a)?.join(', ') ?? null;
        const loggingEvidence: Evidence[] = [
          evidenceOf(v.loggingService),
          {
            path: v.loggingComponents.origin.path,
            observed: joined(v.loggingComponents),
            expected: 'includes WORKLOADS',
          },
        ];
        if (logging.holds === false)
          ctx.fail({
            resource,
            messageId: 'noWorkloadLogs',
            data: {
              cluster,
              components: logging.how === 'off' ? 'none (loggingService none)' : logging.what || 'none',
            },
            evidence: loggingEvidence,
            discriminator: 'logging',
          });
        else
          ctx.pass({
            resource,
            messageId: 'logging',
            data: { cluster, components: logging.holds === true ? logging.what : 'GKE default' },
            evidence: loggingEvidence,
            discriminator: 'logging',
          });
        const monitoringEvidence: Evidence[] = [
          evidenceOf(v.monitoringService),
          evidenceOf(v.managedPrometheus, 'true'),
          { path: v.monitoringComponents.origin.path, observed: joined(v.monitoringComponents) },
        ];
        if (monitoring.holds === true)
          ctx.pass({
            resource,
            messageId: 'monitoring',
            data: { cluster, how: monitoring.what },
            evidence: monitoringEvidence,
            discriminator: 'monitoring',
          });
        else if (monitoring.holds === false)
          ctx.fail({
            resource,
            messageId: 'noWorkloadMetrics',
            data: { cluster, why: monitoring.how === 'off' ? 'monitoringService is none' : monitoring.what },
            evidence: monitoringEvidence,
            discriminator: 'monitoring',
          });
        continue;
      }
      const address = v.label;
      const evidence: Evidence[] = [
        evidenceOf(v.loggingComponents, 'includes WORKLOADS'),
        evidenceOf(v.loggingService),
        evidenceOf(v.monitoringService),
        evidenceOf(v.monitoringComponents),
      ];
      const report = (half: Half, discriminator: 'logging' | 'monitoring'): boolean => {
        if (half.holds === true) return false;
        const ids =
          discriminator === 'logging'
            ? {
                off: 'loggingOff',
                missing: 'workloadLogsOff',
                empty: 'workloadLogsOff',
                notDeclared: 'loggingNotDeclared',
              }
            : {
                off: 'monitoringOff',
                missing: 'monitoringEmpty',
                empty: 'monitoringEmpty',
                notDeclared: 'monitoringNotDeclared',
              };
        const service = discriminator === 'logging' ? v.loggingService : v.monitoringService;
        const components = discriminator === 'logging' ? v.loggingComponents : v.monitoringComponents;
        const at = (a: Attribute<unknown>) => (a.origin.location ? { location: a.origin.location } : {});
        if (half.holds === undefined)
          ctx.unknown({
            resource,
            messageId: 'unresolved',
            data: { address, field: half.field, expression: half.on.expression },
            ...at(half.on),
            evidence,
            dependsOn: half.on.dependsOn,
            discriminator,
          });
        else if (half.holds === 'default')
          // Not declared: GKE's defaults for the cluster's version decide, which nothing in the code pins.
          ctx.unknown({
            resource,
            messageId: ids.notDeclared as 'loggingNotDeclared' | 'monitoringNotDeclared',
            data: { address },
            ...at(components),
            evidence,
            dependsOn: [`GKE's default ${discriminator} components (no ${discriminator}_config block)`],
            discriminator,
          });
        else if (half.how === 'off')
          ctx.fail({
            resource,
            messageId: ids.off as 'loggingOff' | 'monitoringOff',
            data: { address },
            ...at(service),
            evidence,
            discriminator,
          });
        else
          ctx.fail({
            resource,
            messageId: ids[half.how] as 'workloadLogsOff' | 'monitoringEmpty',
            data: discriminator === 'logging' ? { address, components: half.what || 'nothing' } : { address },
            ...at(components),
            evidence,
            discriminator,
          });
        return true;
      };
      const failed = [report(logging, 'logging'), report(monitoring, 'monitoring')].some(Boolean);
      if (!failed && logging.holds === true)
        ctx.pass({ resource, messageId: 'workloadsObserved', data: { address, components: logging.what }, evidence });
    }
  },
});
