import { defineRule, type Evidence } from '@coditect-audit/core';
import { childBlock, forEachResource, read, readEvidence, readLocation, type TfRead } from '../util/terraform.js';

/** ADR-001 Issue 9: application logs and metrics must reach Cloud Logging and Cloud Monitoring. */
export default defineRule({
  id: 'tf-gke-workload-logging',
  title: 'GKE does not log and monitor workloads (OpenTofu)',
  concerns: ['observability.workload-logging'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_container_cluster` must declare `logging_config { enable_components = [..., "WORKLOADS"] }` and a `monitoring_config` block. `logging_service = "none"` or `monitoring_service = "none"` fails, so do logging components without `WORKLOADS` and an empty monitoring component list. A cluster that declares no `logging_config` or no `monitoring_config` is undecided (`unknown`): it keeps whatever GKE defaults to for its version, which nothing in the code pins (the gcp layer reads the live value). A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    "ADR-001 Issue 9 (Monitoring and Observability, P1): error rate, latency, crash loops and database connection errors must be visible before production. The backend's stdout/stderr only reaches Cloud Logging when the cluster collects WORKLOADS logs, and the alert policies need Cloud Monitoring.",
  remediation: {
    text: 'Declare both components explicitly on the cluster and apply.',
    commands: [
      'logging_config {\n  enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]\n}\nmonitoring_config {\n  enable_components = ["SYSTEM_COMPONENTS"]\n  managed_prometheus {\n    enabled = true\n  }\n}',
      'gcloud container clusters update coditect-cluster --region={{region}} --logging=SYSTEM,WORKLOAD --monitoring=SYSTEM --project={{project}}',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS Google Kubernetes Engine (GKE) Benchmark 1.6.0',
      id: '5.7.1',
      title: 'Ensure Logging and Cloud Monitoring is Enabled',
    },
  ],
  messages: {
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
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_container_cluster'], (r, resource) => {
      const file = r.file.file;
      const address = r.address;
      const loggingService = read(r.block, 'logging_service');
      const monitoringService = read(r.block, 'monitoring_service');
      const components = read(r.block, 'logging_config.enable_components');
      const monitoring = read(r.block, 'monitoring_config.enable_components');
      const evidence: Evidence[] = [
        readEvidence(file, `${address}.logging_config.enable_components`, components, 'includes WORKLOADS'),
        readEvidence(file, `${address}.logging_service`, loggingService),
        readEvidence(file, `${address}.monitoring_service`, monitoringService),
        readEvidence(file, `${address}.monitoring_config.enable_components`, monitoring),
      ];
      let failed = false;
      const fail = (
        messageId:
          | 'loggingOff'
          | 'monitoringOff'
          | 'workloadLogsOff'
          | 'monitoringEmpty'
          | 'loggingNotDeclared'
          | 'monitoringNotDeclared'
          | 'unresolved',
        at: TfRead,
        discriminator: 'logging' | 'monitoring',
        extra: Record<string, string> = {},
      ) => {
        failed = true;
        // Not declared: GKE's defaults for the cluster's version decide, which nothing in the code pins.
        if (messageId === 'loggingNotDeclared' || messageId === 'monitoringNotDeclared') {
          ctx.unknown({
            resource,
            messageId,
            data: { address, ...extra },
            location: readLocation(file, at),
            evidence,
            dependsOn: [`GKE's default ${discriminator} components (no ${discriminator}_config block)`],
            discriminator,
          });
          return;
        }
        if (messageId === 'unresolved' && at.kind === 'expression') {
          ctx.unknown({
            resource,
            messageId,
            data: { address, ...extra },
            location: readLocation(file, at),
            evidence,
            dependsOn: at.dependsOn,
            discriminator,
          });
          return;
        }
        ctx.fail({
          resource,
          messageId,
          data: { address, ...extra },
          location: readLocation(file, at),
          evidence,
          discriminator,
        });
      };

      // Logging: the service switch first, then the components.
      if (loggingService.kind === 'literal' && loggingService.value === 'none') {
        fail('loggingOff', loggingService, 'logging');
      } else if (loggingService.kind === 'expression') {
        fail('unresolved', loggingService, 'logging', {
          field: 'logging_service',
          expression: loggingService.expression,
        });
      } else if (components.kind === 'expression') {
        fail('unresolved', components, 'logging', {
          field: 'logging_config.enable_components',
          expression: components.expression,
        });
      } else if (components.kind === 'absent') {
        fail('loggingNotDeclared', components, 'logging');
      } else {
        const list = Array.isArray(components.value) ? components.value.map(String) : [String(components.value)];
        if (!list.includes('WORKLOADS'))
          fail('workloadLogsOff', components, 'logging', { components: list.length ? list.join(', ') : 'nothing' });
      }

      // Monitoring: the service switch, then the monitoring_config block.
      if (monitoringService.kind === 'literal' && monitoringService.value === 'none') {
        fail('monitoringOff', monitoringService, 'monitoring');
      } else if (monitoringService.kind === 'expression') {
        fail('unresolved', monitoringService, 'monitoring', {
          field: 'monitoring_service',
          expression: monitoringService.expression,
        });
      } else if (!childBlock(r.block, 'monitoring_config')) {
        fail('monitoringNotDeclared', monitoring, 'monitoring');
      } else if (monitoring.kind === 'expression') {
        fail('unresolved', monitoring, 'monitoring', {
          field: 'monitoring_config.enable_components',
          expression: monitoring.expression,
        });
      } else if (monitoring.kind === 'literal' && Array.isArray(monitoring.value) && monitoring.value.length === 0) {
        fail('monitoringEmpty', monitoring, 'monitoring');
      }

      if (!failed && components.kind === 'literal') {
        const list = Array.isArray(components.value) ? components.value.map(String) : [String(components.value)];
        ctx.pass({
          resource,
          messageId: 'workloadsObserved',
          data: { address, components: list.join(', ') },
          evidence,
        });
      }
    });
  },
});
