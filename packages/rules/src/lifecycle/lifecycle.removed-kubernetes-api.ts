import { defineViewRule } from '@coditect-audit/core';
import { removedApiFor } from '../util/lifecycle.js';

/**
 * ADR-001 Lesson 1 ("Platform Deprecations Require Proactive Monitoring") at the Kubernetes layer: an object
 * written in an API version Kubernetes removed. In the manifests, `kubectl apply` rejects it once the control
 * plane passes the removal release, the same kind of sudden failure GCR's shutdown caused; on the cluster,
 * kubectl's last-applied annotation says whatever applies the object still uses that version.
 */
export default defineViewRule({
  id: 'lifecycle.removed-kubernetes-api',
  title: 'A Kubernetes object is written in an API version that was removed',
  concerns: ['lifecycle.removed-kubernetes-api'],
  view: 'api-object',
  sources: {
    manifest: { alias: 'removed-kubernetes-api' },
    k8s: { alias: 'k8s-removed-api-versions' },
  },
  description:
    '**Manifests**: checks the `apiVersion` and `kind` of every object in the Kubernetes manifests (multi-document files and `kind: List` items included) against the API versions Kubernetes has stopped serving: `extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` (1.16), `networking.k8s.io/v1beta1` Ingress and the other v1beta1 APIs of 1.22, `batch/v1beta1` CronJob, `policy/v1beta1` PodDisruptionBudget and PodSecurityPolicy, `autoscaling/v2beta1` (1.25), `autoscaling/v2beta2` (1.26), and the later flow-control and storage betas. The message names the release that removed it and the replacement. **Cluster**: for every workload and Ingress the cluster runs (those `kubectl apply` created; the collector reads the version from the `kubectl.kubernetes.io/last-applied-configuration` annotation and keeps nothing else of it), the API version it was applied with must not be one Kubernetes removed for its kind (the same table). The message says whether this cluster still serves that version (it breaks on the next upgrade) or no longer does (re-applying the manifest fails today); a cluster where no object records the version it was applied with is skipped.',
  rationale:
    'ADR-001 Lesson 1: "GCR shutdown March 2025 caused deployment failure. Action: subscribe to GCP deprecation announcements, maintain technology inventory with EOL dates." GKE upgrades clusters automatically; once the control plane passes the removal release, `kubectl apply` of such a manifest fails with "no matches for kind", which blocks the deployment exactly as the GCR shutdown did. Objects already stored are served under the new version, so only the manifests (and whatever applies them: a script, a CI job, a person) need changing.',
  remediation: {
    text: 'Change the apiVersion to the replacement and adapt the fields that changed between versions (for Ingress: `pathType` and `backend.service`), then re-apply.',
    commands: [
      'kubectl convert -f <manifest>.yaml --output-version <replacement api version>   # kubectl-convert plugin',
      'kubectl apply --dry-run=server -f <manifest>.yaml',
      'kubectl apply -f <manifest>.yaml',
    ],
  },
  benchmarks: [],
  messages: {
    // manifest
    removed:
      '{{kind}} {{name}} uses {{apiVersion}}, which Kubernetes {{removedIn}} stopped serving; use {{replacement}}.',
    served: '{{kind}} {{name}} uses {{apiVersion}}, which is not among the API versions Kubernetes has removed.',
    // k8s
    removedStillServed:
      '{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) still serves it, so the manifest breaks on upgrade. Use {{replacement}}.',
    removedNotServed:
      '{{kind}} {{name}} was applied as {{applied}}, removed in Kubernetes {{removedIn}}; this cluster ({{server}}) no longer serves it, so re-applying that manifest fails. Use {{replacement}}.',
    current: 'No live workload or Ingress was applied with a removed API version ({{count}} checked on {{server}}).',
  },
  check(ctx) {
    let failed = false;
    for (const v of ctx.views) {
      const { resource } = v;
      const removed = removedApiFor(v.apiVersion, v.kind);
      if (v.source === 'manifest') {
        const data = { kind: v.kind, name: v.name, apiVersion: v.apiVersion };
        const at = v.location ? { location: v.location } : {};
        if (!removed) {
          ctx.pass({ resource, messageId: 'served', data, ...at });
          continue;
        }
        ctx.fail({
          resource,
          messageId: 'removed',
          data: { ...data, removedIn: `v${removed.removedIn}`, replacement: removed.replacement },
          ...at,
          evidence: [{ path: '/apiVersion', observed: v.apiVersion, expected: removed.replacement, ...at }],
        });
        continue;
      }
      if (!removed) continue;
      failed = true;
      const served = v.server?.groupVersions.has(removed.apiVersion) ?? false;
      ctx.fail({
        resource,
        messageId: served ? 'removedStillServed' : 'removedNotServed',
        data: {
          kind: v.kind,
          name: v.name,
          applied: v.apiVersion,
          removedIn: removed.removedIn,
          replacement: removed.replacement,
          server: v.server?.version ?? 'version unknown',
        },
        evidence: [
          {
            path: 'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"].apiVersion',
            observed: v.apiVersion,
            expected: removed.replacement,
          },
          { path: 'served group versions', observed: served ? removed.apiVersion : null },
        ],
      });
    }
    const server = ctx.views[0]?.server;
    if (ctx.source === 'k8s' && server && !failed)
      ctx.pass({
        resource: { id: 'k8s:Cluster', kind: 'Cluster', name: server.version },
        messageId: 'current',
        data: { count: ctx.views.length, server: server.version },
      });
  },
});
