/**
 * Whether the scheduler may place a pod on a node: taints the pod does not tolerate (NoSchedule,
 * NoExecute), `nodeSelector`, and required node affinity. Decides platform findings: a node pool the app
 * cannot be scheduled on runs none of its images, whatever their platforms.
 */
import type { K8sNode } from '@coditect-audit/core';
import { asArray, asRecord, asString } from './k8s-app.js';

type Json = Record<string, unknown>;

/** Why the pod cannot go to the node, or undefined when it can. */
export function unschedulableReason(podSpec: Json | undefined, node: K8sNode): string | undefined {
  const spec = podSpec ?? {};
  const tolerations = asArray(spec.tolerations)
    .map(asRecord)
    .filter((t): t is Json => t !== undefined);
  for (const taint of node.taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint))) {
      return `taint ${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${taint.effect} is not tolerated`;
    }
  }
  const selector = asRecord(spec.nodeSelector) ?? {};
  for (const [key, value] of Object.entries(selector)) {
    if (node.labels[key] !== String(value)) return `nodeSelector ${key}=${String(value)} does not match`;
  }
  const terms = asArray(
    asRecord(asRecord(asRecord(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution)
      ?.nodeSelectorTerms,
  )
    .map(asRecord)
    .filter((t): t is Json => t !== undefined);
  // Terms are ORed; an empty list of terms matches nothing, but an absent one constrains nothing.
  if (terms.length > 0 && !terms.some((term) => termMatches(term, node))) {
    return 'required node affinity does not match';
  }
  return undefined;
}

function tolerates(t: Json, taint: K8sNode['taints'][number]): boolean {
  const effect = asString(t.effect);
  if (effect && effect !== taint.effect) return false;
  const key = asString(t.key);
  const operator = asString(t.operator) ?? 'Equal';
  if (operator === 'Exists') return !key || key === taint.key;
  return key === taint.key && (asString(t.value) ?? '') === (taint.value ?? '');
}

function termMatches(term: Json, node: K8sNode): boolean {
  const expressions = asArray(term.matchExpressions).map(asRecord);
  const fields = asArray(term.matchFields).map(asRecord);
  if (expressions.length === 0 && fields.length === 0) return false;
  const labelOk = expressions.every((e) => e !== undefined && requirementHolds(e, node.labels[asString(e.key) ?? '']));
  const fieldOk = fields.every(
    (e) => e !== undefined && requirementHolds(e, asString(e.key) === 'metadata.name' ? node.name : undefined),
  );
  return labelOk && fieldOk;
}

function requirementHolds(e: Json, actual: string | undefined): boolean {
  const values = asArray(e.values).map((v) => String(v));
  switch (asString(e.operator)) {
    case 'In':
      return actual !== undefined && values.includes(actual);
    case 'NotIn':
      return actual === undefined || !values.includes(actual);
    case 'Exists':
      return actual !== undefined;
    case 'DoesNotExist':
      return actual === undefined;
    case 'Gt':
      return actual !== undefined && Number(actual) > Number(values[0]);
    case 'Lt':
      return actual !== undefined && Number(actual) < Number(values[0]);
    default:
      return false;
  }
}
