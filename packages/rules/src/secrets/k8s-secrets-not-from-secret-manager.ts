import { defineRule, type K8sSecret } from '@coditect-audit/core';
import { appSecretNames } from '../util/k8s-app.js';
import {
  inScope,
  itemsOf,
  labelsOf,
  liveResource,
  ownersOf,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';

/**
 * ADR-001 Issue 5, on the cluster: the app's credentials live in hand-made Kubernetes Secrets; the fix
 * syncs them from Secret Manager with External Secrets Operator (or the Secrets Store CSI driver).
 */
export default defineRule({
  id: 'k8s-secrets-not-from-secret-manager',
  title: 'A live Secret the app uses was made by hand, not synced from a secret store',
  concerns: ['secrets.not-in-secret-manager'],
  layer: 'k8s',
  facets: ['k8s.secrets', ...WORKLOAD_FACETS],
  description:
    'Every live Secret the app uses (referenced by its workloads in the app namespace, or listed in `expectations.app.secrets`) must be produced by a sync from an external store: owned by an `ExternalSecret` (external-secrets.io), labelled `reconcile.external-secrets.io/managed: "true"` (External Secrets Operator, also for the Merge and Orphan creation policies), or labelled `secrets-store.csi.k8s.io/managed: "true"` (Secrets Store CSI driver). Any other Secret was created by hand (kubectl) and fails; so does a referenced Secret that does not exist. Which store an ExternalSecret reads (Secret Manager) is checked by k8s-external-secret-sync.',
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The remediation creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and prefers External Secrets Operator to sync them into `backend-secrets`.',
  remediation: {
    text: 'Store the values in Secret Manager and let External Secrets Operator own the Kubernetes Secret.',
    commands: [
      'echo -n "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}',
      'helm install external-secrets external-secrets/external-secrets -n external-secrets-system --create-namespace',
      'kubectl apply -f k8s/secret-store.yaml -f k8s/external-secret.yaml',
      'kubectl get externalsecret backend-secrets -n coditect-staging   # READY True, then the Secret is owned by it',
    ],
  },
  benchmarks: [],
  messages: {
    handMade: 'Secret {{secret}} was created by hand: no ExternalSecret or CSI driver produces it.',
    missing: 'Secret {{secret}}, which the app reads, does not exist: nothing syncs it from a secret store.',
    synced: 'Secret {{secret}} is produced by {{producer}}.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const facet = ctx.facet('k8s.secrets');
    if (!inScope(facet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const used = appSecretNames(topLevelWorkloads(workloadFacets(ctx.facet)).map(viewOf), exp);
    const live = new Map(
      itemsOf(facet)
        .filter((s) => s.namespace === ns)
        .map((s) => [s.name, s]),
    );
    for (const name of [...used.keys()].sort()) {
      const secret = live.get(name);
      if (!secret) {
        ctx.fail({
          resource: liveResource({ kind: 'Secret', name, namespace: ns }),
          messageId: 'missing',
          data: { secret: name },
          evidence: [
            { path: `secrets/${ns}/${name}`, observed: null, expected: 'a Secret synced from Secret Manager' },
          ],
        });
        continue;
      }
      const producer = producerOf(secret);
      if (producer) ctx.pass({ resource: liveResource(secret), messageId: 'synced', data: { secret: name, producer } });
      else
        ctx.fail({
          resource: liveResource(secret),
          messageId: 'handMade',
          data: { secret: name },
          evidence: [
            {
              path: 'metadata.ownerReferences',
              observed:
                ownersOf(secret)
                  .map((o) => `${o.kind}/${o.name}`)
                  .join(', ') || null,
              expected: 'ExternalSecret/<name>',
            },
            {
              path: 'metadata.labels["reconcile.external-secrets.io/managed"]',
              observed: labelsOf(secret)['reconcile.external-secrets.io/managed'] ?? null,
              expected: 'true',
            },
          ],
        });
    }
  },
});

/** What produces the Secret, when something does: its owning ExternalSecret, or the label a syncer sets. */
function producerOf(secret: K8sSecret): string | undefined {
  const owner = ownersOf(secret).find((o) => o.kind === 'ExternalSecret');
  if (owner) return `ExternalSecret ${owner.name}`;
  const labels = labelsOf(secret);
  if (labels['reconcile.external-secrets.io/managed'] === 'true') return 'External Secrets Operator';
  if (labels['secrets-store.csi.k8s.io/managed'] === 'true') return 'the Secrets Store CSI driver';
  return undefined;
}
