import { defineViewRule, type Evidence } from '@coditect-audit/core';
import type { SecretProducerView, SecretProvenanceChainView } from '@coditect-audit/core/views';

/** External Secrets Operator's provider key for Google Secret Manager. */
const SECRET_MANAGER_PROVIDER = 'gcpsm';

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
 * produces the Secret the app reads", in the manifests and in the cluster, and (the `join` source, formerly
 * join-credentials-provenance) along the whole chain: workload → Secret → ExternalSecret → store → Secret
 * Manager keys that exist. A Secret synced from a store that reads a key Secret Manager does not hold passes
 * the live source and fails the join: the same question, answered with every link.
 *
 * Not merged here: k8s-external-secret-sync judges the ExternalSecret objects themselves (which store they
 * read, whether they are Ready and refreshed), sync health rather than where a Secret came from;
 * secrets.expected-secret-missing judges the Secret Manager side (the secrets exist, and are declared in
 * OpenTofu).
 */
const rule = defineViewRule({
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
    join: {
      alias: 'join-credentials-provenance',
      messages: {
        handMade:
          'Secret {{secret}}, read by {{readers}}, was made by hand: no ExternalSecret produces it ({{chain}}).',
        missing: 'Secret {{secret}}, read by {{readers}}, does not exist in {{namespace}} ({{chain}}).',
        fromSecretManager: 'Secret {{secret}}, read by {{readers}}, comes from Secret Manager ({{chain}}).',
      },
    },
  },
  description:
    'Every Secret the app uses (referenced by its workloads in the app namespace, or listed in `expectations.app.secrets`) must be produced from Google Secret Manager. In the manifests: the target of an `ExternalSecret` (external-secrets.io; `spec.target.name`, default the ExternalSecret\'s name) whose `SecretStore`/`ClusterSecretStore` uses the `gcpsm` provider, or a `secretObjects` entry of a `SecretProviderClass` (secrets-store.csi.x-k8s.io) with provider `gcp`; a plain `kind: Secret` manifest that nothing syncs fails, and so does a store with another provider; a Secret that the app references but that no manifest declares or produces is undecided (`unknown`): it may be made by hand or by something outside the repository, and the live source reads it. Live: the Secret must be owned by an `ExternalSecret`, labelled `reconcile.external-secrets.io/managed: "true"` (External Secrets Operator, also for the Merge and Orphan creation policies), or labelled `secrets-store.csi.k8s.io/managed: "true"` (Secrets Store CSI driver); any other Secret was created by hand (kubectl) and fails, and so does a referenced Secret that does not exist. Which store a live ExternalSecret reads is checked by k8s-external-secret-sync. **Join** (workload → Secret → ExternalSecret → Secret Manager): for every Secret the app reads (its live workloads\' `envFrom` / `secretKeyRef` / secret volumes in `expectations.app.namespace`, plus `expectations.app.secrets`), follows the chain: the live Secret; the ExternalSecret that produces it (its `ownerReferences`, else the `reconcile.external-secrets.io/managed` label and the ExternalSecret whose `spec.target.name` is the Secret); the SecretStore or ClusterSecretStore it reads (`spec.secretStoreRef`), which must use the Secret Manager provider (`gcpsm`); and every remote key it reads (`spec.data[].remoteRef.key`, `spec.dataFrom[].extract.key`), which must exist in Secret Manager of the store\'s `projectID` (secretmanager `secrets.list`). A Secret no ExternalSecret produces was made by hand and fails (without the External Secrets CRDs, every Secret is); so do a missing Secret, a store of another provider, and a remote key Secret Manager does not hold. The evidence carries the chain; the finding points at the manifest declaring the Secret.',
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
    // join (it words handMade, missing and fromSecretManager its own way: see sources.join.messages)
    producerMissing:
      'Secret {{secret}} names ExternalSecret {{externalSecret}} as its producer, but no such ExternalSecret exists ({{chain}}).',
    notSecretManager:
      'Secret {{secret}} is synced by ExternalSecret {{externalSecret}} from {{store}}, which is not backed by Secret Manager ({{provider}}) ({{chain}}).',
    remoteKeyMissing:
      'Secret {{secret}} is synced from Secret Manager, but {{project}} has no secret {{keys}} ({{chain}}).',
  },
  check(ctx) {
    for (const s of ctx.views) {
      const secret = s.name;
      if (s.source === 'join') {
        judgeChain(ctx, s);
        continue;
      }
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

type Ctx = Parameters<(typeof rule)['check']>[0];

/** Each link of the chain in turn; the first that does not hold is the finding, the chain so far its evidence. */
function judgeChain(ctx: Ctx, v: SecretProvenanceChainView): void {
  const { name, namespace: ns, resource, readBy: readers } = v;
  const chain: Evidence[] = [{ path: 'k8s: read by', observed: readers }];
  const report = (status: 'fail' | 'pass', messageId: Parameters<Ctx['fail']>[0]['messageId'], data = {}) => {
    const text = chain.map((l) => `${l.path.replace(/^\w+: /, '')} ${l.observed ?? '(none)'}`).join(' → ');
    const evidence: Evidence[] = chain.map((l) => ({ ...l }));
    const full = { secret: name, readers, namespace: ns, chain: text, ...data };
    if (status === 'fail') ctx.fail({ resource, messageId, data: full, evidence });
    else ctx.pass({ resource, messageId, data: full, evidence });
  };

  chain.push({ path: `k8s: Secret ${ns}/${name}`, observed: v.live ? 'exists' : null, expected: 'exists' });
  if (!v.live) {
    report('fail', 'missing');
    return;
  }
  const { owner, managed } = v.live;
  chain.push({
    path: 'k8s: produced by',
    observed: owner ? `ExternalSecret ${owner} (ownerReference)` : managed ? 'External Secrets Operator (label)' : null,
    expected: 'an ExternalSecret',
  });
  if (!owner && !managed) {
    report('fail', 'handMade');
    return;
  }
  const es = v.externalSecret;
  if (!es) {
    report('fail', 'producerMissing', { externalSecret: v.producerName ?? `(one targeting ${name})` });
    return;
  }
  const { storeKind, storeName, store } = es;
  chain.push({
    path: `k8s: ExternalSecret ${es.name} reads ${storeKind} ${storeName}`,
    observed: store ? `provider ${store.provider ?? 'none'}` : null,
    expected: `provider ${SECRET_MANAGER_PROVIDER}`,
  });
  if (store?.provider !== SECRET_MANAGER_PROVIDER) {
    report('fail', 'notSecretManager', {
      externalSecret: es.name,
      store: `${storeKind} ${storeName}${store ? '' : ' (missing)'}`,
      provider: store?.provider ?? 'no such store',
    });
    return;
  }
  const keys = es.remoteKeys;
  if (keys.some((k) => !k.read)) {
    ctx.skip(`Secret Manager of ${[...new Set(keys.map((k) => k.project))].join(', ')} was not read`, resource);
    return;
  }
  const absent = keys.filter((k) => !k.exists);
  chain.push({
    path: `gcp: Secret Manager secrets of ${es.project}`,
    observed:
      keys.length > 0 ? keys.map((k) => `${k.name}${k.exists ? '' : ' (missing)'}`).join(', ') : '(no remote key)',
    expected: 'every remote key exists',
  });
  if (absent.length > 0)
    report('fail', 'remoteKeyMissing', { project: es.project, keys: absent.map((k) => k.name).join(', ') });
  else report('pass', 'fromSecretManager');
}

export default rule;
