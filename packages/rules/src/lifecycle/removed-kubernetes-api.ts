import { defineRule } from '@coditect-audit/core';
import { locate, objectResource } from '../util/containers.js';
import { removedApiFor } from '../util/lifecycle.js';

/**
 * ADR-001 Lesson 1 at the Kubernetes layer: a manifest whose `apiVersion` the cluster no longer serves is
 * rejected by `kubectl apply`, the same kind of sudden failure GCR's shutdown caused.
 */
export default defineRule({
  id: 'removed-kubernetes-api',
  title: 'Manifest uses a Kubernetes API version that was removed',
  concerns: ['lifecycle.deprecated-platform'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    'Checks the `apiVersion` and `kind` of every object in the Kubernetes manifests (multi-document files and `kind: List` items included) against the API versions Kubernetes has stopped serving: `extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` (1.16), `networking.k8s.io/v1beta1` Ingress and the other v1beta1 APIs of 1.22, `batch/v1beta1` CronJob, `policy/v1beta1` PodDisruptionBudget and PodSecurityPolicy, `autoscaling/v2beta1` (1.25), `autoscaling/v2beta2` (1.26), and the later flow-control and storage betas. The message names the release that removed it and the replacement.',
  rationale:
    'ADR-001 Lesson 1: "Platform Deprecations Require Proactive Monitoring." GKE upgrades clusters automatically; once the control plane passes the removal release, `kubectl apply` of such a manifest fails with "no matches for kind", which blocks the deployment exactly as the GCR shutdown did. Objects already stored are served under the new version, so only the manifests need changing.',
  remediation: {
    text: 'Change the apiVersion to the replacement and adapt the fields that changed between versions (for Ingress: `pathType` and `backend.service`), then re-apply.',
    commands: [
      'kubectl convert -f <manifest>.yaml --output-version <replacement api version>   # kubectl-convert plugin',
      'kubectl apply --dry-run=server -f <manifest>.yaml',
    ],
  },
  benchmarks: [],
  messages: {
    removed:
      '{{kind}} {{name}} uses {{apiVersion}}, which Kubernetes {{removedIn}} stopped serving; use {{replacement}}.',
    served: '{{kind}} {{name}} uses {{apiVersion}}, which is not among the API versions Kubernetes has removed.',
  },
  check(ctx) {
    for (const mf of ctx.facet('files.kubernetes').files) {
      for (const obj of mf.objects) {
        const resource = objectResource(obj);
        const data = { kind: obj.kind, name: obj.name, apiVersion: obj.apiVersion };
        const location = locate(obj, '/apiVersion');
        const removed = removedApiFor(obj.apiVersion, obj.kind);
        if (!removed) {
          ctx.pass({ resource, messageId: 'served', data, location });
          continue;
        }
        ctx.fail({
          resource,
          messageId: 'removed',
          data: { ...data, removedIn: `v${removed.removedIn}`, replacement: removed.replacement },
          location,
          evidence: [{ path: '/apiVersion', observed: obj.apiVersion, expected: removed.replacement, location }],
        });
      }
    }
  },
});
