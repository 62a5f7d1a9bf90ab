/**
 * Renders a Kustomize base the way `kubectl kustomize` does, for the fields deploy/kustomization.yaml uses:
 * `resources` (local files, several documents each), `namespace`, `images` and `patches` (inline JSON 6902
 * patches with a kind/name target). Any other field is refused, so the base cannot grow a feature this
 * renderer would ignore; where kubectl is installed, test/deploy.test.ts checks both render the same.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

const { parse, parseAllDocuments } = createRequire(join(repoRoot, 'packages/core/package.json'))(
  'yaml',
) as typeof import('yaml');

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  [k: string]: unknown;
};

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  patches?: { target: { kind?: string; name?: string }; patch: string }[];
}

const KNOWN = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition']);

type Op = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

function applyPatch(doc: Record<string, unknown>, ops: Op[]): void {
  for (const op of ops) {
    const keys = op.path
      .split('/')
      .slice(1)
      .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = keys.pop()!;
    let parent = doc as Record<string, unknown> | unknown[];
    for (const k of keys) parent = (parent as Record<string, unknown>)[k] as Record<string, unknown>;
    if (parent === undefined) throw new Error(`patch path ${op.path} does not exist`);
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value);
      else if (op.op === 'replace') parent[i] = op.value;
      else parent.splice(i, 1);
    } else if (op.op === 'remove') delete parent[last];
    else {
      if (op.op === 'replace' && !(last in parent)) throw new Error(`patch replace ${op.path}: no such field`);
      parent[last] = op.value;
    }
  }
}

function setImages(node: unknown, images: NonNullable<Kustomization['images']>): void {
  if (Array.isArray(node)) {
    for (const n of node) setImages(n, images);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.image === 'string') {
    const ref = o.image;
    const name = ref.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
    const image = images.find((i) => i.name === name);
    if (image) {
      const base = image.newName ?? name;
      o.image = image.digest ? `${base}@${image.digest}` : `${base}:${image.newTag ?? ref.slice(name.length + 1)}`;
    }
  }
  for (const v of Object.values(o)) setImages(v, images);
}

export function renderKustomization(dir: string): Manifest[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  for (const field of Object.keys(k))
    if (!KNOWN.has(field)) throw new Error(`kustomization field ${field} not rendered`);
  const out: Manifest[] = [];
  for (const file of k.resources ?? [])
    for (const d of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      const m = d.toJS() as Manifest | null;
      if (m) out.push(m);
    }
  for (const m of out) {
    if (k.namespace && !CLUSTER_SCOPED.has(m.kind)) m.metadata.namespace = k.namespace;
    for (const p of k.patches ?? [])
      if ((!p.target.kind || p.target.kind === m.kind) && (!p.target.name || p.target.name === m.metadata.name))
        applyPatch(m, parse(p.patch) as Op[]);
    if (k.images) setImages(m, k.images);
  }
  return out;
}

/** `kind/namespace/name` of a manifest, for comparing renderings. */
export const idOf = (m: Manifest) => `${m.kind}/${m.metadata.namespace ?? ''}/${m.metadata.name}`;
