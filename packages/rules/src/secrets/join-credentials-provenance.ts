import {
  defineRule,
  type Evidence,
  type K8sLiveObject,
  type K8sSecret,
  type K8sSecretStore,
} from '@coditect-audit/core';
import { wasRead } from '../util/gcp.js';
import { appSecretNames, asArray, asRecord, asString, externalSecretTarget, type SourceRef } from '../util/k8s-app.js';
import {
  inScope,
  itemsOf,
  labelsOf,
  liveResource,
  ownersOf,
  specOf,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';

/** External Secrets Operator's provider key for Google Secret Manager. */
const SECRET_MANAGER_PROVIDER = 'gcpsm';

/**
 * ADR-001 Issue 5, across layers: the app's credentials must come from Secret Manager. The workload names a
 * Secret, the Secret says who made it, the ExternalSecret which store and keys it reads, Secret Manager
 * whether those keys exist: only the whole chain proves where the running app's credentials come from.
 *
 * Not a source of secrets.not-in-secret-manager: each link of the chain is a different object on a different
 * layer (a Secret synced from a store that reads a key Secret Manager does not hold passes every per-layer
 * check and still fails here), so it is a join of its own, not the same check seen from another layer.
 */
export default defineRule({
  id: 'join-credentials-provenance',
  title: "The app's credentials do not come from Secret Manager (workload → Secret → ExternalSecret → Secret Manager)",
  concerns: ['secrets.not-in-secret-manager'],
  layer: 'k8s',
  crossLayer: true,
  facets: ['k8s.secrets', 'gcp.secretmanager', ...WORKLOAD_FACETS],
  // Without the External Secrets CRDs (staging before the fix) nothing can produce a Secret: all are hand-made.
  optionalFacets: ['k8s.externalsecrets'],
  description:
    "For every Secret the app reads (its live workloads' `envFrom` / `secretKeyRef` / secret volumes in `expectations.app.namespace`, plus `expectations.app.secrets`), follows the chain: the live Secret; the ExternalSecret that produces it (its `ownerReferences`, else the `reconcile.external-secrets.io/managed` label and the ExternalSecret whose `spec.target.name` is the Secret); the SecretStore or ClusterSecretStore it reads (`spec.secretStoreRef`), which must use the Secret Manager provider (`gcpsm`); and every remote key it reads (`spec.data[].remoteRef.key`, `spec.dataFrom[].extract.key`), which must exist in Secret Manager of the store's `projectID` (secretmanager `secrets.list`). A Secret no ExternalSecret produces was made by hand and fails; so do a missing Secret, a store of another provider, and a remote key Secret Manager does not hold. Objects are joined by name through maps. The evidence carries the chain; the finding points at the manifest declaring the Secret.",
  rationale:
    'ADR-001 Issue 5 (P1): "Secrets stored in Kubernetes secrets (base64 encoded, not encrypted at rest by default)"; the remediation creates the secrets in Secret Manager and syncs them with External Secrets Operator. A Secret can look synced and still read a fake store or a key that was never created: each link must hold.',
  remediation: {
    text: 'Create the values in Secret Manager, install External Secrets Operator with a gcpsm ClusterSecretStore, and let an ExternalSecret own the Secret the app reads.',
    commands: [
      'echo -n "$(openssl rand -base64 32)" | gcloud secrets create db-password-staging --data-file=- --replication-policy=automatic --project={{project}}',
      'helm install external-secrets external-secrets/external-secrets -n external-secrets-system --create-namespace',
      'kubectl apply -f k8s/cluster-secret-store.yaml -f k8s/external-secret.yaml',
      'kubectl get externalsecret backend-secrets -n coditect-staging',
    ],
  },
  messages: {
    handMade: 'Secret {{secret}}, read by {{readers}}, was made by hand: no ExternalSecret produces it ({{chain}}).',
    missing: 'Secret {{secret}}, read by {{readers}}, does not exist in {{namespace}} ({{chain}}).',
    producerMissing:
      'Secret {{secret}} names ExternalSecret {{externalSecret}} as its producer, but no such ExternalSecret exists ({{chain}}).',
    notSecretManager:
      'Secret {{secret}} is synced by ExternalSecret {{externalSecret}} from {{store}}, which is not backed by Secret Manager ({{provider}}) ({{chain}}).',
    remoteKeyMissing:
      'Secret {{secret}} is synced from Secret Manager, but {{project}} has no secret {{keys}} ({{chain}}).',
    fromSecretManager: 'Secret {{secret}}, read by {{readers}}, comes from Secret Manager ({{chain}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const secretsFacet = ctx.facet('k8s.secrets');
    if (!inScope(secretsFacet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const esFacet = ctx.optionalFacet('k8s.externalsecrets');
    const secretManager = ctx.facet('gcp.secretmanager');

    const secrets = new Map<string, K8sSecret>();
    for (const s of itemsOf(secretsFacet)) if (s.namespace === ns) secrets.set(s.name, s);
    const externalSecrets = new Map<string, K8sLiveObject>();
    const externalSecretByTarget = new Map<string, K8sLiveObject>();
    for (const es of itemsOf(esFacet)) {
      if (es.namespace !== ns) continue;
      externalSecrets.set(es.name, es);
      externalSecretByTarget.set(externalSecretTarget(viewOf(es)), es);
    }
    const stores = new Map<string, K8sSecretStore>();
    for (const s of esFacet?.stores ?? [])
      stores.set(storeKey(s.kind, s.kind === 'SecretStore' ? s.namespace : undefined, s.name), s);
    const smSecrets = new Set(secretManager.secrets.map((s) => `${s.project}/${s.name}`));

    const used = appSecretNames(topLevelWorkloads(workloadFacets(ctx.facet)).map(viewOf), exp);
    for (const name of [...used.keys()].sort()) {
      const readers = describeReaders(used.get(name) ?? []);
      const resource = liveResource({ kind: 'Secret', name, namespace: ns });
      const chain: { path: string; observed: string | null; expected?: string }[] = [
        { path: 'k8s: read by', observed: readers },
      ];
      const report = (
        status: 'fail' | 'pass',
        messageId: Parameters<typeof ctx.fail>[0]['messageId'],
        data: Record<string, string>,
      ) => {
        const text = chain.map((l) => `${l.path.replace(/^\w+: /, '')} ${l.observed ?? '(none)'}`).join(' → ');
        const evidence: Evidence[] = chain.map((l) => ({ ...l }));
        const full = { secret: name, readers, namespace: ns, chain: text, ...data };
        if (status === 'fail') ctx.fail({ resource, messageId, data: full, evidence });
        else ctx.pass({ resource, messageId, data: full, evidence });
      };

      const secret = secrets.get(name);
      chain.push({ path: `k8s: Secret ${ns}/${name}`, observed: secret ? 'exists' : null, expected: 'exists' });
      if (!secret) {
        report('fail', 'missing', {});
        continue;
      }
      const owner = ownersOf(secret).find((o) => o.kind === 'ExternalSecret');
      const managed = labelsOf(secret)['reconcile.external-secrets.io/managed'] === 'true';
      const producerName = owner?.name ?? (managed ? externalSecretByTarget.get(name)?.name : undefined);
      chain.push({
        path: 'k8s: produced by',
        observed: owner
          ? `ExternalSecret ${owner.name} (ownerReference)`
          : managed
            ? 'External Secrets Operator (label)'
            : null,
        expected: 'an ExternalSecret',
      });
      if (!owner && !managed) {
        report('fail', 'handMade', {});
        continue;
      }
      const es = producerName ? externalSecrets.get(producerName) : undefined;
      if (!es) {
        report('fail', 'producerMissing', { externalSecret: producerName ?? `(one targeting ${name})` });
        continue;
      }
      const ref = asRecord(specOf(es).secretStoreRef);
      const storeKind = asString(ref?.kind) === 'ClusterSecretStore' ? 'ClusterSecretStore' : 'SecretStore';
      const storeName = asString(ref?.name) ?? '';
      const store = stores.get(storeKey(storeKind, storeKind === 'SecretStore' ? ns : undefined, storeName));
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
        continue;
      }
      const project = store.projectID ?? exp.project;
      const keys = remoteKeys(es, project);
      if (keys.some((k) => !wasRead(secretManager.read, `projects/${k.project}`))) {
        ctx.skip(`Secret Manager of ${[...new Set(keys.map((k) => k.project))].join(', ')} was not read`, resource);
        continue;
      }
      const absent = keys.filter((k) => !smSecrets.has(`${k.project}/${k.name}`));
      chain.push({
        path: `gcp: Secret Manager secrets of ${project}`,
        observed:
          keys.length > 0
            ? keys.map((k) => `${k.name}${absent.includes(k) ? ' (missing)' : ''}`).join(', ')
            : '(no remote key)',
        expected: 'every remote key exists',
      });
      if (absent.length > 0)
        report('fail', 'remoteKeyMissing', { project, keys: absent.map((k) => k.name).join(', ') });
      else report('pass', 'fromSecretManager', {});
    }
  },
});

function storeKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? '-'}/${name}`;
}

/** `Deployment coditect-backend (envFrom, keyRef)`, one entry per workload. */
function describeReaders(refs: readonly SourceRef[]): string {
  const byWorkload = new Map<string, Set<string>>();
  for (const r of refs) {
    const w = `${r.workload.kind} ${r.workload.name}`;
    byWorkload.set(w, (byWorkload.get(w) ?? new Set()).add(r.via === 'keyRef' ? `secretKeyRef ${r.key}` : r.via));
  }
  const text = [...byWorkload].map(([w, via]) => `${w} (${[...via].sort().join(', ')})`);
  return text.length > 0 ? text.sort().join(', ') : 'the app (expectations.app.secrets)';
}

/** The Secret Manager secrets an ExternalSecret reads: `data[].remoteRef.key` and `dataFrom[].extract.key`. */
function remoteKeys(es: K8sLiveObject, project: string): { project: string; name: string }[] {
  const spec = specOf(es);
  const raw = [
    ...asArray(spec.data).map((d) => asString(asRecord(asRecord(d)?.remoteRef)?.key)),
    ...asArray(spec.dataFrom).map((d) => asString(asRecord(asRecord(d)?.extract)?.key)),
  ].filter((k): k is string => !!k);
  const out = new Map<string, { project: string; name: string }>();
  for (const key of raw) {
    // A key may be a full resource name: projects/<p>/secrets/<name>[/versions/<v>].
    const m = /^projects\/([^/]+)\/secrets\/([^/]+)/.exec(key);
    const k = m ? { project: m[1]!, name: m[2]! } : { project, name: key };
    out.set(`${k.project}/${k.name}`, k);
  }
  return [...out.values()];
}
