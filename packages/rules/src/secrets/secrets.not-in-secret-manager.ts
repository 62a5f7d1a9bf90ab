import { defineViewRule } from '@coditect-audit/core';
import type { SecretProducerView } from '@coditect-audit/core/views';

/** Providers that read Google Secret Manager: External Secrets' `gcpsm`, the Secrets Store CSI driver's `gcp`. */
const SECRET_MANAGER_PROVIDERS = new Set(['gcpsm', 'gcp']);

/** Prefer a producer confirmed to read Secret Manager, then one whose store is unknown. */
function pickProducer(ps: readonly SecretProducerView[]): SecretProducerView | undefined {
  return (
    ps.find((p) => p.provider !== undefined && SECRET_MANAGER_PROVIDERS.has(p.provider)) ??
    ps.find((p) => p.provider === undefined) ??
    ps[0]
  );
}

/**
 * ADR-001 Issue 5: application credentials live in hand-made Kubernetes Secrets; the remediation moves
 * them to Secret Manager and syncs them with External Secrets Operator (or the CSI driver). One check, "what
 * produces the Secret the app reads", in the manifests and in the cluster.
 *
 * Not merged here: k8s-external-secret-sync judges the ExternalSecret objects themselves (which store they
 * read, whether they are Ready and refreshed), sync health rather than where a Secret came from; and
 * join-credentials-provenance follows one chain across three layers (workload → Secret → ExternalSecret →
 * Secret Manager keys that exist), which no single source shows. secrets.expected-secret-missing judges the
 * Secret Manager side (the secrets exist, and are declared in OpenTofu).
 */
export default defineViewRule({
  id: 'secrets.not-in-secret-manager',
  title: 'A Secret the app uses is made by hand, not synced from Secret Manager',
  concerns: ['secrets.not-in-secret-manager'],
  view: 'secret-provenance',
  sources: {
    manifest: { alias: 'manifest-secrets-not-from-secret-manager' },
    k8s: {
      alias: 'k8s-secrets-not-from-secret-manager',
      messages: { handMade: 'Secret {{secret}} was created by hand: no ExternalSecret or CSI driver produces it.' },
    },
  },
  description:
    'Every Secret the app uses (referenced by its workloads in the app namespace, or listed in `expectations.app.secrets`) must be produced from Google Secret Manager. In the manifests: the target of an `ExternalSecret` (external-secrets.io; `spec.target.name`, default the ExternalSecret\'s name) whose `SecretStore`/`ClusterSecretStore` uses the `gcpsm` provider, or a `secretObjects` entry of a `SecretProviderClass` (secrets-store.csi.x-k8s.io) with provider `gcp`; a plain `kind: Secret` manifest that nothing syncs fails, and so does a store with another provider; a Secret that the app references but that no manifest declares or produces is undecided (`unknown`): it may be made by hand or by something outside the repository, and the live source reads it. Live: the Secret must be owned by an `ExternalSecret`, labelled `reconcile.external-secrets.io/managed: "true"` (External Secrets Operator, also for the Merge and Orphan creation policies), or labelled `secrets-store.csi.k8s.io/managed: "true"` (Secrets Store CSI driver); any other Secret was created by hand (kubectl) and fails, and so does a referenced Secret that does not exist. Which store a live ExternalSecret reads is checked by k8s-external-secret-sync.',
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The ADR creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and prefers External Secrets Operator to sync them into `backend-secrets`.',
  remediation: {
    text: 'Store the values in Secret Manager and let External Secrets Operator create (and own) the Kubernetes Secret; delete the hand-made manifest.',
    commands: [
      'echo -n "$(openssl rand -base64 64)" | gcloud secrets create django-secret-key --data-file=- --replication-policy=automatic --project={{project}}',
      'helm install external-secrets external-secrets/external-secrets -n external-secrets-system --create-namespace',
      `kubectl apply -f - <<EOF
apiVersion: external-secrets.io/v1
kind: ClusterSecretStore
metadata:
  name: gcp-secret-manager
spec:
  provider:
    gcpsm:
      projectID: {{project}}
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: backend-secrets
  namespace: coditect-staging
spec:
  secretStoreRef:
    kind: ClusterSecretStore
    name: gcp-secret-manager
  target:
    name: backend-secrets
  data:
    - secretKey: django-secret-key
      remoteRef:
        key: django-secret-key
EOF`,
      'kubectl get externalsecret backend-secrets -n coditect-staging   # READY True, then the Secret is owned by it',
    ],
  },
  benchmarks: [],
  messages: {
    // manifest (k8s words handMade its own way: see sources.k8s.messages)
    handMade:
      'Secret {{secret}} is a hand-made manifest: no ExternalSecret or SecretProviderClass syncs it from Secret Manager.',
    notDeclared:
      'Secret {{secret}} is used by {{workload}} but no manifest in the repository declares or syncs it: cannot tell whether it is synced from Secret Manager or made by hand (the k8s layer reads the live Secret).',
    otherProvider: 'Secret {{secret}} is synced by {{producer}} from provider {{provider}}, not Secret Manager.',
    fromSecretManager: 'Secret {{secret}} is synced from Secret Manager by {{producer}}.',
    storeNotDeclared:
      'Secret {{secret}} is synced by {{producer}} through store {{store}}, which the repository does not declare; the k8s layer checks its provider.',
    // k8s
    missing: 'Secret {{secret}}, which the app reads, does not exist: nothing syncs it from a secret store.',
    synced: 'Secret {{secret}} is produced by {{producer}}.',
  },
  check(ctx) {
    for (const s of ctx.views) {
      const secret = s.name;
      if (s.source === 'k8s') {
        const live = s.live;
        if (!live)
          ctx.fail({
            resource: s.resource,
            messageId: 'missing',
            data: { secret },
            evidence: [
              {
                path: `secrets/${s.namespace}/${secret}`,
                observed: null,
                expected: 'a Secret synced from Secret Manager',
              },
            ],
          });
        else if (live.producedBy)
          ctx.pass({ resource: live.resource, messageId: 'synced', data: { secret, producer: live.producedBy } });
        else
          ctx.fail({
            resource: live.resource,
            messageId: 'handMade',
            data: { secret },
            evidence: [
              {
                path: 'metadata.ownerReferences',
                observed: live.owners.join(', ') || null,
                expected: 'ExternalSecret/<name>',
              },
              {
                path: 'metadata.labels["reconcile.external-secrets.io/managed"]',
                observed: live.managedLabel,
                expected: 'true',
              },
            ],
          });
        continue;
      }

      const producer = pickProducer(s.producers);
      if (producer) {
        const data = {
          secret,
          producer: producer.label,
          provider: producer.provider ?? 'unknown',
          store: producer.store ?? '',
        };
        const { resource } = producer;
        if (producer.provider === undefined)
          ctx.pass({ resource, messageId: 'storeNotDeclared', data, location: producer.location });
        else if (SECRET_MANAGER_PROVIDERS.has(producer.provider))
          ctx.pass({ resource, messageId: 'fromSecretManager', data, location: producer.location });
        else {
          const holder = producer.providerHolder;
          ctx.fail({
            resource,
            messageId: 'otherProvider',
            data,
            ...(holder ? { location: holder.location } : {}),
            evidence: [
              {
                path: `${holder?.kind}/${holder?.name}.spec.provider`,
                observed: producer.provider,
                expected: holder?.kind === 'SecretProviderClass' ? 'gcp' : 'gcpsm',
              },
            ],
          });
        }
        continue;
      }
      for (const m of s.manifests)
        ctx.fail({
          resource: m.resource,
          messageId: 'handMade',
          data: { secret },
          location: m.location,
          evidence: [
            { path: 'kind', observed: 'Secret', expected: 'an ExternalSecret target synced from Secret Manager' },
          ],
        });
      const [first, ...more] = s.readers;
      if (s.manifests.length === 0 && first)
        ctx.unknown({
          resource: s.resource,
          messageId: 'notDeclared',
          data: { secret, workload: first.workload },
          location: first.location,
          relatedLocations: more.map((r) => r.location),
          evidence: [
            {
              path: 'Secret manifest',
              observed: null,
              expected: 'an ExternalSecret target synced from Secret Manager',
            },
          ],
          dependsOn: [`Secret ${s.namespace}/${secret}, which no repository file declares`],
        });
    }
  },
});
