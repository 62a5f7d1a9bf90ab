import { defineRule } from '@coditect-audit/core';
import {
  appSecretNames,
  inAppNamespace,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  type SecretProducer,
  secretProducers,
} from '../util/k8s-app.js';

const SECRET_MANAGER_PROVIDERS = new Set(['gcpsm', 'gcp']);

/**
 * ADR-001 Issue 5: application credentials live in hand-made Kubernetes Secrets; the remediation moves
 * them to Secret Manager and syncs them with External Secrets Operator (or the CSI driver).
 */
export default defineRule({
  id: 'manifest-secrets-not-from-secret-manager',
  title: 'A Secret the app uses is made by hand, not synced from Secret Manager',
  concerns: ['secrets.not-in-secret-manager'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description:
    "Every Secret the app uses must be produced from Google Secret Manager: the target of an `ExternalSecret` (external-secrets.io; `spec.target.name`, default the ExternalSecret's name) whose `SecretStore`/`ClusterSecretStore` uses the `gcpsm` provider, or a `secretObjects` entry of a `SecretProviderClass` (secrets-store.csi.x-k8s.io) with provider `gcp`. A plain `kind: Secret` manifest that nothing syncs fails; so does a store with another provider. A Secret that the app references but that no manifest declares or produces is undecided (`unknown`): it may be made by hand or by something outside the repository; the k8s layer reads the live one.",
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)". The ADR creates `django-secret-key`, `db-password-staging` and `redis-password-staging` in Secret Manager and prefers External Secrets Operator to sync them into the cluster.',
  remediation: {
    text: 'Store the values in Secret Manager and let External Secrets Operator create the Kubernetes Secret; delete the hand-made manifest.',
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
    ],
  },
  benchmarks: [],
  messages: {
    handMade:
      'Secret {{secret}} is a hand-made manifest: no ExternalSecret or SecretProviderClass syncs it from Secret Manager.',
    notDeclared:
      'Secret {{secret}} is used by {{workload}} but no manifest in the repository declares or syncs it: cannot tell whether it is synced from Secret Manager or made by hand (the k8s layer reads the live Secret).',
    otherProvider: 'Secret {{secret}} is synced by {{producer}} from provider {{provider}}, not Secret Manager.',
    fromSecretManager: 'Secret {{secret}} is synced from Secret Manager by {{producer}}.',
    storeNotDeclared:
      'Secret {{secret}} is synced by {{producer}} through store {{store}}, which the repository does not declare; the k8s layer checks its provider.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const producers = secretProducers(objects, exp);
    for (const [name, refs] of appSecretNames(objects, exp)) {
      const key = `${exp.app.namespace}/${name}`;
      const manifests = objects.filter((o) => o.kind === 'Secret' && o.name === name && inAppNamespace(o, exp));
      const producer = pickProducer(producers.get(key) ?? []);
      if (producer) {
        const resource = k8sResource(manifests[0] ?? producer.object, exp);
        const data = {
          secret: name,
          producer: `${producer.object.kind} ${producer.object.name}`,
          provider: producer.provider ?? 'unknown',
          store: producer.storeName ?? '',
        };
        if (producer.provider === undefined) {
          ctx.pass({ resource, messageId: 'storeNotDeclared', data, location: objectLocation(producer.object) });
        } else if (SECRET_MANAGER_PROVIDERS.has(producer.provider)) {
          ctx.pass({ resource, messageId: 'fromSecretManager', data, location: objectLocation(producer.object) });
        } else {
          const holder = producer.providerObject ?? producer.object;
          ctx.fail({
            resource,
            messageId: 'otherProvider',
            data,
            location: locationAt(
              holder,
              holder.kind === 'SecretProviderClass' ? '/spec/provider' : `/spec/provider/${producer.provider}`,
            ),
            evidence: [
              {
                path: `${holder.kind}/${holder.name}.spec.provider`,
                observed: producer.provider,
                expected: holder.kind === 'SecretProviderClass' ? 'gcp' : 'gcpsm',
              },
            ],
          });
        }
        continue;
      }
      for (const m of manifests) {
        ctx.fail({
          resource: k8sResource(m, exp),
          messageId: 'handMade',
          data: { secret: name },
          location: objectLocation(m),
          evidence: [
            { path: 'kind', observed: 'Secret', expected: 'an ExternalSecret target synced from Secret Manager' },
          ],
        });
      }
      const firstRef = refs[0];
      if (manifests.length === 0 && firstRef) {
        ctx.unknown({
          // No file declares this Secret: its id names it by namespace alone.
          resource: { id: `Secret/${exp.app.namespace}/${name}`, kind: 'Secret', name, namespace: exp.app.namespace },
          messageId: 'notDeclared',
          data: { secret: name, workload: `${firstRef.workload.kind} ${firstRef.workload.name}` },
          location: locationAt(firstRef.workload, firstRef.pointer),
          relatedLocations: refs.slice(1).map((r) => locationAt(r.workload, r.pointer)),
          evidence: [
            {
              path: 'Secret manifest',
              observed: null,
              expected: 'an ExternalSecret target synced from Secret Manager',
            },
          ],
          dependsOn: [`Secret ${exp.app.namespace}/${name}, which no repository file declares`],
        });
      }
    }
  },
});

/** Prefer a producer confirmed to read Secret Manager, then one whose store is unknown. */
function pickProducer(ps: SecretProducer[]): SecretProducer | undefined {
  return (
    ps.find((p) => p.provider !== undefined && SECRET_MANAGER_PROVIDERS.has(p.provider)) ??
    ps.find((p) => p.provider === undefined) ??
    ps[0]
  );
}
