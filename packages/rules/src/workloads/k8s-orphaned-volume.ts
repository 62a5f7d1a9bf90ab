import { declarationKey, defineRule, type K8sClaim, type K8sLiveObject } from '@coditect-audit/core';
import { asArray, asRecord, asString } from '../util/k8s-app.js';
import { itemsOf, labelsOf, liveResource, namespaceResource, specOf, statusOf } from '../util/k8s-live.js';

/**
 * ADR-001 Decision 3: after the pivot the ADR ran `kubectl delete pvc postgres-storage-postgresql-0
 * redis-storage-redis-0`; a StatefulSet's claims outlive it unless someone deletes them.
 */
export default defineRule({
  id: 'k8s-orphaned-volume',
  title: 'A PersistentVolumeClaim is left behind, used by no pod',
  concerns: ['k8s.orphaned-volume'],
  layer: 'k8s',
  facets: ['k8s.pvcs', 'k8s.statefulsets'],
  description:
    "Every PersistentVolumeClaim in the namespaces read must be mounted by a pod (any phase), or belong to a StatefulSet that still exists (a claim `<template>-<statefulset>-<ordinal>` of a scaled-down StatefulSet is kept on purpose). A claim no pod mounts fails; when its name and labels match a StatefulSet claim template, the message names the StatefulSet it was left by, and the finding points at that StatefulSet's manifest when the repository still declares it.",
  rationale:
    'ADR-001 Decision 3 cleaned up the self-managed datastores with `kubectl delete statefulset postgresql redis` and `kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0`: deleting a StatefulSet keeps its PersistentVolumeClaims, so the disks (and the data on them) stay, billed and unmanaged, until the claims are deleted.',
  remediation: {
    text: 'Back up what the volume holds if it is still needed, then delete the claim (its PersistentVolume goes with it under the default Delete reclaim policy).',
    commands: [
      'kubectl get pvc -n coditect-staging',
      'kubectl delete pvc postgres-storage-postgresql-0 redis-storage-redis-0 -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    orphaned: 'PersistentVolumeClaim {{claim}} ({{capacity}}, {{phase}}) is mounted by no pod.',
    leftByStatefulSet:
      'PersistentVolumeClaim {{claim}} ({{capacity}}, {{phase}}) is mounted by no pod: it was left by StatefulSet {{statefulSet}} (claim template {{template}}), which no longer exists.',
    inUse: 'PersistentVolumeClaim {{claim}} is mounted by pod {{pod}}.',
    keptByStatefulSet:
      'PersistentVolumeClaim {{claim}} belongs to StatefulSet {{statefulSet}} (ordinal {{ordinal}}), which still exists and keeps its claims (for example while scaled down).',
    noClaims: 'No PersistentVolumeClaim in {{scope}}.',
  },
  check(ctx) {
    const pvcs = ctx.facet('k8s.pvcs');
    const claims = itemsOf(pvcs);
    const statefulSets = itemsOf(ctx.facet('k8s.statefulsets'));
    if (claims.length === 0) {
      const scope = pvcs.namespaces?.join(', ') ?? 'the namespaces read';
      for (const ns of pvcs.namespaces ?? [ctx.env.expectations.app.namespace])
        ctx.pass({ resource: namespaceResource(ns), messageId: 'noClaims', data: { scope } });
      return;
    }
    for (const claim of claims) {
      const user = claim.usedBy[0];
      const data = {
        claim: claim.name,
        capacity: capacityOf(claim),
        phase: asString(statusOf(claim).phase) ?? 'unknown phase',
      };
      if (user) {
        ctx.pass({ resource: liveResource(claim), messageId: 'inUse', data: { claim: claim.name, pod: user.pod } });
        continue;
      }
      const origin = statefulSetOrigin(claim, statefulSets);
      if (origin?.live) {
        ctx.pass({
          resource: liveResource(claim),
          messageId: 'keptByStatefulSet',
          data: { claim: claim.name, statefulSet: origin.statefulSet, ordinal: origin.ordinal },
        });
        continue;
      }
      const evidence = [
        { path: 'usedBy', observed: 'no pod', expected: 'a pod mounting the claim, or a StatefulSet owning it' },
        { path: 'status.phase', observed: data.phase },
        { path: 'spec.storageClassName', observed: asString(specOf(claim).storageClassName) ?? null },
      ];
      if (origin) {
        ctx.fail({
          // The claim came from the StatefulSet's volumeClaimTemplates: that manifest is where it is declared.
          resource: {
            ...liveResource(claim),
            declaredAs: declarationKey({
              layer: 'k8s',
              kind: 'StatefulSet',
              ...(claim.namespace ? { namespace: claim.namespace } : {}),
              name: origin.statefulSet,
            }),
          },
          messageId: 'leftByStatefulSet',
          data: { ...data, statefulSet: origin.statefulSet, template: origin.template },
          evidence,
        });
      } else {
        ctx.fail({ resource: liveResource(claim), messageId: 'orphaned', data, evidence });
      }
    }
  },
});

function capacityOf(claim: K8sClaim): string {
  return (
    asString(asRecord(statusOf(claim).capacity)?.storage) ??
    asString(asRecord(asRecord(specOf(claim).resources)?.requests)?.storage) ??
    'unknown size'
  );
}

interface Origin {
  statefulSet: string;
  template: string;
  ordinal: number;
  /** The StatefulSet exists and declares that claim template. */
  live: boolean;
}

/**
 * A StatefulSet names its claims `<template>-<statefulset>-<ordinal>`. A live StatefulSet with a matching
 * template claims it; otherwise the claim's own labels (the StatefulSet's selector labels, such as
 * `app: postgresql`) tell which split of the name is the StatefulSet.
 */
function statefulSetOrigin(claim: K8sClaim, statefulSets: K8sLiveObject[]): Origin | undefined {
  const m = /^(.+)-(\d+)$/.exec(claim.name);
  if (!m) return undefined;
  const [, stem, ord] = m as unknown as [string, string, string];
  const ordinal = Number(ord);
  const splits: { template: string; statefulSet: string }[] = [];
  for (let i = stem.indexOf('-'); i > 0; i = stem.indexOf('-', i + 1))
    splits.push({ template: stem.slice(0, i), statefulSet: stem.slice(i + 1) });
  for (const s of splits) {
    const sts = statefulSets.find((x) => x.name === s.statefulSet && x.namespace === claim.namespace);
    if (!sts) continue;
    const templates = asArray(specOf(sts).volumeClaimTemplates).map((t) =>
      asString(asRecord(asRecord(t)?.metadata)?.name),
    );
    if (templates.includes(s.template)) return { ...s, ordinal, live: true };
  }
  const labels = labelsOf(claim);
  const names = [labels.app, labels['app.kubernetes.io/name'], labels['app.kubernetes.io/instance']].filter(Boolean);
  const guess = splits.find((s) => names.includes(s.statefulSet));
  return guess ? { ...guess, ordinal, live: false } : undefined;
}
