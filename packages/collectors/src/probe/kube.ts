/**
 * The two things the probes may read from Kubernetes, read-only: the app's Secret (the database login,
 * when the configuration allows it) and the images of the app namespace's pods. The client is imported
 * only when one of them is asked for.
 */
import type { Redactor } from './util.js';
import { withTimeout } from './util.js';

export interface KubeAccess {
  kubeconfig?: string;
  context?: string;
  timeoutMs: number;
}

async function coreApi(access: KubeAccess) {
  // Named imports from a module of ours, not the client's namespace: the published bundle then keeps only
  // the parts of the client the scanner uses (scripts/pack.mjs).
  const { coreV1Api } = await import('./kube-client.js');
  return coreV1Api(access);
}

/**
 * Reads chosen keys of a Secret. Each value is registered with the redactor as soon as it is decoded;
 * the rest of the Secret is never decoded.
 */
export async function readSecretKeys(
  access: KubeAccess,
  ref: { namespace: string; name: string },
  keys: readonly string[],
  redactor: Redactor,
): Promise<Map<string, string>> {
  const api = await coreApi(access);
  // Listed by name rather than read with `get`: the scanner's RBAC grants `list` on Secrets in the
  // configured namespaces (deploy/, `coditect-audit rbac`), and one verb is one less to grant.
  const list = await withTimeout(
    `list Secret ${ref.namespace}/${ref.name}`,
    access.timeoutMs,
    api.listNamespacedSecret({ namespace: ref.namespace, fieldSelector: `metadata.name=${ref.name}` }),
  );
  const secret = list.items.find((s) => s.metadata?.name === ref.name);
  if (!secret) throw Object.assign(new Error(`Secret ${ref.namespace}/${ref.name} not found`), { code: 404 });
  const out = new Map<string, string>();
  for (const key of keys) {
    const encoded = secret.data?.[key];
    if (encoded === undefined) continue;
    const value = Buffer.from(encoded, 'base64').toString('utf8');
    redactor.add(value);
    out.set(key, value);
  }
  return out;
}

export interface PodImage {
  image: string;
  pod: string;
  container: string;
  /** The workload that owns the pod (`Deployment`/`StatefulSet`/... name), when it can be told. */
  owner?: { kind: string; name: string };
}

/** Images of every container and init container of the namespace's pods. */
export async function listPodImages(access: KubeAccess, namespace: string): Promise<PodImage[]> {
  const api = await coreApi(access);
  const pods = await withTimeout(
    `list pods in namespace ${namespace}`,
    access.timeoutMs,
    api.listNamespacedPod({ namespace }),
  );
  const out: PodImage[] = [];
  for (const pod of pods.items) {
    const name = pod.metadata?.name ?? '?';
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
    // A Deployment's pods are owned by a ReplicaSet named `<deployment>-<hash>`.
    const owner = ref
      ? ref.kind === 'ReplicaSet' && /-[a-z0-9]{5,10}$/.test(ref.name)
        ? { kind: 'Deployment', name: ref.name.replace(/-[a-z0-9]{5,10}$/, '') }
        : { kind: ref.kind, name: ref.name }
      : undefined;
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      if (c.image) out.push({ image: c.image, pod: name, container: c.name, ...(owner ? { owner } : {}) });
    }
  }
  return out;
}
