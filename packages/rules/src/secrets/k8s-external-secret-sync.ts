import { defineRule, type K8sLiveObject, type K8sSecretStore } from '@coditect-audit/core';
import { asRecord, asString, externalSecretTarget } from '../util/k8s-app.js';
import { conditionOf, inScope, itemsOf, liveResource, specOf, viewOf } from '../util/k8s-live.js';

/** External Secrets Operator providers that read Google Secret Manager. */
const SECRET_MANAGER_PROVIDERS = new Set(['gcpsm']);

/**
 * ADR-001 Issue 5, the remediation at work: the ExternalSecrets that produce the app's credentials must
 * read Secret Manager and be in sync.
 *
 * Not a source of secrets.not-in-secret-manager: that rule asks what produced each Secret the app reads;
 * this one judges the ExternalSecret objects (one per expected Secret): whether one targets it, whether its
 * store reads Secret Manager, and whether it is Ready and recently refreshed. A Secret can be owned by an
 * ExternalSecret that has stopped syncing; only the operator's own status shows it.
 */
export default defineRule({
  id: 'k8s-external-secret-sync',
  title: "The app's credentials are not synced from Secret Manager by External Secrets",
  concerns: ['secrets.sync-healthy'],
  layer: 'k8s',
  facets: ['k8s.externalsecrets'],
  description:
    "Every Secret of `expectations.app.secrets` must be the target (`spec.target.name`, default the ExternalSecret's name) of an ExternalSecret in the app namespace; every ExternalSecret there must read a SecretStore or ClusterSecretStore that exists and uses the Secret Manager provider (`gcpsm`), and must be `Ready` (last sync succeeded). Clusters without External Secrets Operator skip this rule (the CRD is absent); secrets.not-in-secret-manager still fails hand-made Secrets there.",
  rationale:
    'ADR-001 Issue 5 prefers External Secrets Operator: "Create SecretStore referencing Secret Manager. Create ExternalSecret to sync to Kubernetes Secret." An ExternalSecret that is not Ready leaves the last synced (or no) values in place; one that reads another provider does not take the credentials from Secret Manager.',
  remediation: {
    text: 'Point the ExternalSecret at a Secret Manager store and fix what keeps it from syncing (its Ready condition says why).',
    commands: [
      'kubectl describe externalsecret backend-secrets -n coditect-staging',
      'kubectl get clustersecretstore gcp-secret-manager -o jsonpath="{.status.conditions}"',
      'gcloud secrets versions access latest --secret=db-password-staging --project={{project}} >/dev/null && echo readable',
    ],
  },
  benchmarks: [],
  messages: {
    notCovered: 'No ExternalSecret in {{namespace}} produces Secret {{secret}}.',
    storeMissing: 'ExternalSecret {{name}} reads {{storeKind}} {{store}}, which does not exist.',
    wrongProvider:
      'ExternalSecret {{name}} reads {{storeKind}} {{store}}, whose provider is {{provider}}, not Secret Manager (gcpsm).',
    notReady: 'ExternalSecret {{name}} is not in sync: Ready is {{ready}} ({{reason}}).',
    synced: 'ExternalSecret {{name}} syncs Secret {{target}} from Secret Manager ({{storeKind}} {{store}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const facet = ctx.facet('k8s.externalsecrets');
    if (!inScope(facet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const externalSecrets = itemsOf(facet).filter((e) => e.namespace === ns);
    const targets = new Set(externalSecrets.map(targetOf));
    for (const secret of exp.app.secrets) {
      if (targets.has(secret)) continue;
      ctx.fail({
        resource: liveResource({ kind: 'Secret', name: secret, namespace: ns }),
        messageId: 'notCovered',
        data: { secret, namespace: ns },
        evidence: [
          {
            path: `externalsecrets/${ns}`,
            observed: [...targets].join(', ') || null,
            expected: `one targeting ${secret}`,
          },
        ],
      });
    }
    for (const es of externalSecrets) {
      const resource = liveResource(es);
      const ref = asRecord(specOf(es).secretStoreRef);
      const storeKind = (asString(ref?.kind) ?? 'SecretStore') as K8sSecretStore['kind'];
      const store = asString(ref?.name) ?? '';
      const found = facet.stores.find(
        (s) => s.kind === storeKind && s.name === store && (storeKind === 'ClusterSecretStore' || s.namespace === ns),
      );
      const data = { name: es.name, storeKind, store, target: targetOf(es) };
      let failed = false;
      if (!found) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'storeMissing',
          data,
          evidence: [{ path: 'spec.secretStoreRef', observed: `${storeKind}/${store}`, expected: 'an existing store' }],
          discriminator: 'store',
        });
      } else if (!found.provider || !SECRET_MANAGER_PROVIDERS.has(found.provider)) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'wrongProvider',
          data: { ...data, provider: found.provider ?? 'none' },
          evidence: [
            { path: `${storeKind}/${store}.spec.provider`, observed: found.provider ?? null, expected: 'gcpsm' },
          ],
          discriminator: 'store',
        });
      }
      const ready = conditionOf(es, 'Ready');
      if (ready?.status !== 'True') {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'notReady',
          data: { name: es.name, ready: ready?.status ?? 'unknown', reason: ready?.reason ?? 'no Ready condition' },
          evidence: [
            {
              path: 'status.conditions[Ready]',
              observed: ready ? `${ready.status} ${ready.reason ?? ''}`.trim() : null,
              expected: 'True SecretSynced',
            },
          ],
          discriminator: 'ready',
        });
      }
      if (!failed) ctx.pass({ resource, messageId: 'synced', data });
    }
    if (externalSecrets.length === 0 && exp.app.secrets.length === 0)
      ctx.skip(`no ExternalSecret in ${ns} and no expected app Secret`);
  },
});

/** The Secret an ExternalSecret writes: `spec.target.name`, else its own name. */
function targetOf(es: K8sLiveObject): string {
  return externalSecretTarget(viewOf(es));
}
