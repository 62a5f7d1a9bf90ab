import { defineRule, type K8sLiveObject } from '@coditect-audit/core';
import { removedApiFor } from '../util/lifecycle.js';
import { itemsOf, liveResource, topLevelWorkloads, WORKLOAD_FACETS, workloadFacets } from '../util/k8s-live.js';

/**
 * ADR-001 Lesson 1 ("Platform Deprecations Require Proactive Monitoring"), on the cluster: objects whose
 * manifests use an API version Kubernetes removed. kubectl records the version it applied in the
 * last-applied annotation; the API serves the object at its current version whatever was applied.
 */
export default defineRule({
  id: 'k8s-removed-api-versions',
  title: 'A live object was applied with a removed Kubernetes API version',
  concerns: ['lifecycle.deprecated-platform'],
  layer: 'k8s',
  facets: ['k8s.apis', 'k8s.ingresses', ...WORKLOAD_FACETS],
  description:
    'For every workload and Ingress the cluster runs (those `kubectl apply` created; the collector reads the version from the `kubectl.kubernetes.io/last-applied-configuration` annotation and keeps nothing else of it), the API version it was applied with must not be one Kubernetes removed for its kind (`extensions/v1beta1` Ingress and Deployment, `apps/v1beta2`, `batch/v1beta1` CronJob, `networking.k8s.io/v1beta1` Ingress...; the table of the Kubernetes deprecation guide). The message says whether this cluster still serves that version (it breaks on the next upgrade) or no longer does (re-applying the manifest fails today).',
  rationale:
    'ADR-001 Lesson 1: "GCR shutdown March 2025 caused deployment failure. Action: subscribe to GCP deprecation announcements, maintain technology inventory with EOL dates." Removed Kubernetes API versions fail the same way: whatever still applies the old manifest (a script, a CI job, a person) breaks when GKE auto-upgrades the control plane.',
  remediation: {
    text: 'Move the manifest (and whatever applies it) to the current API version and re-apply it.',
    commands: [
      'kubectl convert -f <manifest>.yaml --output-version <group>/<version>   # kubectl-convert plugin',
      'kubectl apply -f <manifest>.yaml',
    ],
  },
  benchmarks: [],
  messages: {
    removedStillServed:
      '{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) still serves it, so the manifest breaks on upgrade. Use {{replacement}}.',
    removedNotServed:
      '{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) no longer serves it, so re-applying that manifest fails. Use {{replacement}}.',
    current: 'No live workload or Ingress was applied with a removed API version ({{count}} checked on {{server}}).',
  },
  check(ctx) {
    const apis = ctx.facet('k8s.apis');
    const served = new Set(apis.groupVersions);
    const server = apis.serverVersion?.gitVersion ?? 'version unknown';
    const objects: K8sLiveObject[] = [
      ...topLevelWorkloads(workloadFacets(ctx.facet)),
      ...itemsOf(ctx.facet('k8s.ingresses')),
    ];
    let checked = 0;
    let failed = false;
    for (const o of objects) {
      if (!o.appliedApiVersion) continue;
      checked++;
      const removed = removedApiFor(o.appliedApiVersion, o.kind);
      if (!removed) continue;
      failed = true;
      ctx.fail({
        resource: liveResource(o),
        messageId: served.has(removed.apiVersion) ? 'removedStillServed' : 'removedNotServed',
        data: {
          kind: o.kind,
          name: o.name,
          applied: o.appliedApiVersion,
          removedIn: removed.removedIn,
          replacement: removed.replacement,
          server,
        },
        evidence: [
          {
            path: 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"].apiVersion',
            observed: o.appliedApiVersion,
            expected: removed.replacement,
          },
          { path: 'served group versions', observed: served.has(removed.apiVersion) ? removed.apiVersion : null },
        ],
      });
    }
    if (!failed)
      ctx.pass({
        resource: { id: 'k8s:Cluster', kind: 'Cluster', name: server },
        messageId: 'current',
        data: { count: checked, server },
      });
  },
});
