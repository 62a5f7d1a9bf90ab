/**
 * Where the repository declares a resource. Live findings (GCP, Kubernetes) have no file of their own;
 * when the repository declares the same resource (a manifest of the same kind, namespace and name, or a
 * `.tf` block whose `name` is the live resource's name), the finding points at that declaration.
 */
import type { Location } from './location.js';
import type { Snapshot, TfBlock } from './snapshot/index.js';
import type { Resource } from './verdict.js';

/** `k8s:<Kind>/<namespace>/<name>` (namespace `-` for cluster-scoped kinds) or `tf:<type>/<name>`. */
export function declarationKey(
  d:
    | { layer: 'k8s'; kind: string; namespace?: string | undefined; name: string }
    | { layer: 'tf'; type: string; name: string },
): string {
  return d.layer === 'k8s' ? `k8s:${d.kind}/${d.namespace ?? '-'}/${d.name}` : `tf:${d.type}/${d.name}`;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'ClusterSecretStore',
  'CustomResourceDefinition',
]);

/** Index of declarations found in the files facets. The first declaration of a key wins (files are sorted). */
export function declarationIndex(snapshot: Snapshot, defaultNamespace = 'default'): Map<string, Location> {
  const index = new Map<string, Location>();
  const k8s = snapshot.facets['files.kubernetes'];
  if (k8s?.status === 'ok') {
    for (const f of k8s.data.files) {
      for (const o of f.objects) {
        const namespace = CLUSTER_SCOPED.has(o.kind) ? undefined : (o.namespace ?? defaultNamespace);
        const key = declarationKey({ layer: 'k8s', kind: o.kind, namespace: namespace || undefined, name: o.name });
        if (!index.has(key)) index.set(key, { file: o.file, startLine: o.line });
      }
    }
  }
  const tf = snapshot.facets['files.terraform'];
  if (tf?.status === 'ok') {
    for (const f of tf.data.files) {
      for (const b of f.blocks) {
        if (b.type !== 'resource' || b.labels.length < 2) continue;
        // The collector evaluated `name = var.name` where the repository settles it; a module called twice
        // declares each instance's name.
        for (const name of literalNames(b)) {
          const key = declarationKey({ layer: 'tf', type: b.labels[0]!, name: name ?? b.labels[1]! });
          if (!index.has(key)) index.set(key, { file: f.file, startLine: b.line, startColumn: b.column });
        }
      }
    }
  }
  return index;
}

function literalNames(b: TfBlock): (string | undefined)[] {
  for (const attr of ['name', 'secret_id', 'repository_id', 'instance_id', 'account_id']) {
    const a = b.attributes[attr];
    if (typeof a?.value === 'string') return [a.value];
    const each = (a?.instanceValues ?? []).filter((x): x is string => typeof x === 'string');
    if (each.length) return each;
  }
  return [undefined];
}

/**
 * Gives located-nowhere verdicts the location of their declaration, when the repository has one. The index
 * may be given as a function, called only when a verdict has a declaration to look up (live findings: a
 * files scan has none, and its index would be one entry per object).
 */
export function locateByDeclaration(
  verdicts: { location?: Location; resource: Resource }[],
  index: Map<string, Location> | (() => Map<string, Location>),
): void {
  let declared: Map<string, Location> | undefined;
  // Indexed: a for-of allocates an iterator result per verdict until the loop is optimized (a large live
  // scan's pass sets hold tens of thousands).
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    if (v.location || !v.resource.declaredAs) continue;
    declared ??= typeof index === 'function' ? index() : index;
    // Nothing declared (no manifests scanned): no verdict is located by a declaration.
    if (declared.size === 0) return;
    const loc = declared.get(v.resource.declaredAs);
    if (!loc) continue;
    v.location = loc;
    // Copied, not written: views share one resource object per live object among their items (and verdicts).
    if (v.resource.file === undefined) v.resource = { ...v.resource, file: loc.file };
  }
}
