/**
 * Kustomize patch files. A strategic-merge patch (`patches: [{path: x}]`, `patchesStrategicMerge: [x]`) is a
 * fragment of an object that kustomize merges onto a base listed under `resources`. Judged alone it looks
 * like a workload that sets nothing (no securityContext, no probes) and repeats, or invents, the base's
 * findings; skipped, it would let any file of the scanned tree hide from the gate by being listed as a patch
 * (the tree is untrusted). So a patch is judged as kustomize renders it: merged onto the base object it
 * targets, when the scanned files hold one; with no base in the tree, as written. Either way it is judged.
 * The merged object keeps each key's own position: a value the patch sets points into the patch, a value it
 * inherits into the base. (JSON 6902 patches are lists of operations, never read as manifests anyway.)
 */
import { posix } from 'node:path';
import type { K8sObject } from '@coditect-audit/core';
import { isRecord, KUSTOMIZATION, repoPath, type YamlSource, yamlDocuments } from './image-builds.js';
import { escapePointerSegment } from './yaml-nodes.js';

/** What a patch entry targets: its `target` selector's kind, name and namespace, when it has one. */
export interface PatchTarget {
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface PatchFile {
  /** The kustomization that lists the file. */
  kustomization: string;
  /** The entry's `target`, when it selects objects other than the patch's own kind and name. */
  target?: PatchTarget;
  /**
   * The patch files the kustomization applies before this one, in kustomize's order (`patchesStrategicMerge`,
   * then `patches`, each as listed), with their targets: what the base has become when this one applies.
   */
  earlier: readonly { file: string; target?: PatchTarget }[];
  /** Set (to how many it lists) when the kustomization lists more than {@link MAX_PATCHES_IN_ORDER}. */
  unordered?: number;
  /**
   * The scanned files whose objects the kustomization accumulates (`resources`, `bases` and `components`,
   * through the kustomizations of the folders they name): what its patches apply to.
   */
  resources: ReadonlySet<string>;
}

/**
 * The most patches of one kustomization merged in kustomize's order, each onto what those before it left (real
 * overlays list a handful); a kustomization listing more has each merged onto the bare base, and says so.
 */
export const MAX_PATCHES_IN_ORDER = 64;

interface Kustomization {
  dir: string;
  /** `kind: Component`: its patches apply to what the kustomizations that list it in `components` accumulate. */
  component: boolean;
  /** `resources`, `bases` and `components` entries, as written. */
  includes: string[];
  /** `components` entries, as written. */
  components: string[];
  patches: { file: string; target?: PatchTarget }[];
}

/** Patch file → the kustomization that lists it (the first, in path order), with what it applies to. */
export function kustomizePatchFiles(yamlSources: readonly YamlSource[]): Map<string, PatchFile> {
  const kustomizations = new Map<string, Kustomization>();
  for (const { path, text } of yamlSources) {
    if (!KUSTOMIZATION.test(path)) continue;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const k: Kustomization = { dir, component: false, includes: [], components: [], patches: [] };
    for (const { value } of yamlDocuments(text)) {
      if (!isRecord(value)) continue;
      if (value.kind === 'Component') k.component = true;
      for (const key of ['resources', 'bases', 'components'])
        for (const entry of Array.isArray(value[key]) ? (value[key] as unknown[]) : [])
          if (typeof entry === 'string') {
            k.includes.push(entry);
            if (key === 'components') k.components.push(entry);
          }
      // In the order kustomize applies them: its strategic-merge transformer runs before the `patches` one.
      const listed: unknown[] = [
        ...(Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : []),
        ...(Array.isArray(value.patches) ? value.patches : []),
        ...(Array.isArray(value.patchesJson6902) ? value.patchesJson6902 : []),
      ];
      for (const entry of listed) {
        // `patchesStrategicMerge` takes a path or an inline patch; `patches` entries name theirs in `path`.
        const file = typeof entry === 'string' ? entry : isRecord(entry) ? entry.path : undefined;
        if (typeof file !== 'string' || !file || file.includes('\n')) continue;
        const target = isRecord(entry) && isRecord(entry.target) ? targetOf(entry.target) : undefined;
        k.patches.push({ file, ...(target ? { target } : {}) });
      }
    }
    // Two spellings in one folder: kustomize refuses the folder; the first in path order stands for it.
    if (![...kustomizations.values()].some((other) => other.dir === dir)) kustomizations.set(path, k);
  }
  const byDir = new Map([...kustomizations].map(([path, k]) => [k.dir, path]));
  const files = new Set(yamlSources.map((s) => s.path));
  const resolved = new Map<string, Set<string>>();
  /** The files a kustomization accumulates, through the kustomizations of the folders it names. */
  const resourcesOf = (path: string, seen: Set<string>): Set<string> => {
    const known = resolved.get(path);
    if (known) return known;
    const out = new Set<string>();
    const k = kustomizations.get(path);
    if (!k || seen.has(path)) return out;
    seen.add(path);
    for (const entry of k.includes) {
      // A remote base (a URL, `github.com/...?ref=`) is not in the scanned tree.
      if (/^[a-z][a-z0-9+.-]*:\/\/|^git@|\?ref=/i.test(entry)) continue;
      const target = repoPath(k.dir, entry);
      if (target === undefined) continue;
      const nested = byDir.get(target);
      if (nested !== undefined) for (const f of resourcesOf(nested, seen)) out.add(f);
      else if (files.has(target)) out.add(target);
    }
    resolved.set(path, out);
    return out;
  };
  /**
   * What a kustomization's patches apply to: what it accumulates, and for a Component what the kustomizations
   * that list it in `components` accumulate (a Component patches its includer's objects, and has few of its own).
   */
  const patchedBy = (path: string, k: Kustomization): Set<string> => {
    const own = resourcesOf(path, new Set());
    if (!k.component) return own;
    const out = new Set(own);
    for (const [includer, other] of kustomizations) {
      if (other === k || !other.components.some((c) => repoPath(other.dir, c) === k.dir)) continue;
      for (const f of resourcesOf(includer, new Set())) out.add(f);
    }
    return out;
  };
  const out = new Map<string, PatchFile>();
  for (const [path, k] of kustomizations) {
    // Past a bound each patch is merged onto the bare base, as before kustomize's order was followed: every
    // patch file is judged on a render of its own, and N renders of N patches would grow as N².
    const inOrder = k.patches.length <= MAX_PATCHES_IN_ORDER;
    const earlier: { file: string; target?: PatchTarget }[] = [];
    const resources = k.patches.length > 0 ? patchedBy(path, k) : new Set<string>();
    for (const { file, target } of k.patches) {
      const patch = repoPath(k.dir, file);
      if (!patch) continue;
      if (!out.has(patch))
        out.set(patch, {
          kustomization: path,
          ...(target ? { target } : {}),
          earlier: [...earlier],
          ...(inOrder ? {} : { unordered: k.patches.length }),
          resources,
        });
      if (inOrder) earlier.push({ file: patch, ...(target ? { target } : {}) });
    }
  }
  return out;
}

function targetOf(t: Record<string, unknown>): PatchTarget | undefined {
  const target: PatchTarget = {};
  if (typeof t.kind === 'string') target.kind = t.kind;
  if (typeof t.name === 'string') target.name = t.name;
  if (typeof t.namespace === 'string') target.namespace = t.namespace;
  return Object.keys(target).length ? target : undefined;
}

/**
 * The patch's objects as kustomize renders them: each merged onto the base objects it targets among
 * `bases` (the objects of files that are not patches) that its kustomization accumulates, or as written when
 * the scanned tree holds none of them. A base is first patched by the patches its kustomization applies
 * before this one (`patch.earlier`, their objects as written given by `objectsOf`), as kustomize does: a
 * second patch of a Deployment is judged on the Deployment the first one made. What each of them sets keeps
 * its own file, so a finding there is said by that patch, and a finding here by this one. A `Secret`
 * patch is judged as written: its values are what it sets. Returns the objects and one line saying how the
 * file was read.
 */
export function renderPatch(
  patchObjects: readonly K8sObject[],
  patch: PatchFile,
  bases: readonly K8sObject[],
  objectsOf: (file: string) => readonly K8sObject[] = () => [],
): { objects: K8sObject[]; said: string } {
  const objects: K8sObject[] = [];
  const mergedOnto = new Set<string>();
  const after = new Set<string>();
  let asWritten = 0;
  for (const p of patchObjects) {
    const targets =
      p.kind === 'Secret' ? [] : bases.filter((b) => patch.resources.has(b.file) && targets_(b, p, patch.target));
    if (targets.length === 0) {
      objects.push(p);
      asWritten++;
      continue;
    }
    for (const base of targets) {
      const before = afterEarlier(base, patch, objectsOf);
      for (const file of before.files) after.add(file);
      if (before.more) after.add(`${before.more} more`);
      objects.push(mergeObjects(before.object, p));
      mergedOnto.add(`${base.kind}/${base.name} in ${base.file}`);
    }
  }
  const parts: string[] = [];
  if (patch.unordered !== undefined && mergedOnto.size)
    parts.push(
      `merged onto its base alone, not after the patches listed before it: ${patch.kustomization} lists ${patch.unordered}, more than the ${MAX_PATCHES_IN_ORDER} merged in order`,
    );
  if (mergedOnto.size) {
    const named = [...mergedOnto];
    const list = named.length > 3 ? `${named.slice(0, 3).join(', ')} and ${named.length - 3} more` : named.join(', ');
    const earlier = [...after];
    parts.push(
      `judged merged onto its base (${list})${earlier.length ? `, after ${earlier.join(', ')}` : ''}${patch.unordered === undefined ? ', as kustomize renders it' : ''}`,
    );
  }
  if (asWritten)
    parts.push(
      patchObjects.every((o) => o.kind === 'Secret')
        ? 'judged as written (a Secret patch sets its values)'
        : `judged as written where no object it targets is among what ${patch.kustomization} accumulates in the scanned files`,
    );
  return { objects, said: `kustomize patch (listed in ${patch.kustomization}): ${parts.join('; ')}` };
}

/** A base as the first patches of a kustomization leave it, and which of them changed it (three named, the rest counted). */
interface Prefix {
  object: K8sObject;
  files: string[];
  more: number;
}
/**
 * Per source of the patches as written (one per collection) and base object, its render after the first `n`
 * patches of a kustomization (`<kustomization>\0<n>`): each patch of a long list merges once onto what the
 * one before left, rather than every patch merging all those before it again (a tree listing thousands of
 * patches of one Deployment stays linear).
 */
const PREFIXES = new WeakMap<object, WeakMap<K8sObject, Map<string, Prefix>>>();

/** `base` as the patches its kustomization applies before `patch` leave it (`patch.earlier`, in order). */
function afterEarlier(base: K8sObject, patch: PatchFile, objectsOf: (file: string) => readonly K8sObject[]): Prefix {
  const n = patch.earlier.length;
  if (n === 0) return { object: base, files: [], more: 0 };
  let byBase = PREFIXES.get(objectsOf);
  if (!byBase) {
    byBase = new WeakMap();
    PREFIXES.set(objectsOf, byBase);
  }
  let byPrefix = byBase.get(base);
  if (!byPrefix) {
    byPrefix = new Map();
    byBase.set(base, byPrefix);
  }
  const key = (i: number) => `${patch.kustomization}\u0000${i}`;
  let i = n;
  let acc = byPrefix.get(key(i));
  while (!acc && --i > 0) acc = byPrefix.get(key(i));
  acc ??= { object: base, files: [], more: 0 };
  for (; i < n; i++) {
    const e = patch.earlier[i] as { file: string; target?: PatchTarget };
    let object: K8sObject = acc.object;
    for (const q of objectsOf(e.file))
      if (q.kind !== 'Secret' && targets_(base, q, e.target)) object = mergeObjects(object, q);
    if (object !== acc.object)
      acc =
        acc.files.length < 3
          ? { object, files: [...acc.files, e.file], more: acc.more }
          : { object, files: acc.files, more: acc.more + 1 };
    byPrefix.set(key(i + 1), acc);
  }
  return acc;
}

function targets_(base: K8sObject, p: K8sObject, target: PatchTarget | undefined): boolean {
  const kind = target?.kind ?? p.kind;
  // A `target` without a name selects every object of its kind (label selectors are not narrowed: judging
  // more objects merged is the safe side).
  const name = target ? target.name : p.name;
  const namespace = target ? target.namespace : p.namespace;
  return (
    base.kind === kind &&
    (name === undefined || base.name === name) &&
    (namespace === undefined || base.namespace === undefined || base.namespace === namespace)
  );
}

type Json = unknown;
type Positions = K8sObject['positions'];
type PositionEntry = [string, Positions[string]];

/** Where each list's items are matched (Kubernetes' `patchMergeKey`s for the fields a pod spec merges). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  hostAliases: 'ip',
};

/**
 * `base` with `patch` merged onto it by strategic merge (the subset kustomize applies to the objects this
 * scanner judges): maps merge key by key, a `null` deletes, `$patch: replace|delete` is honoured, lists of
 * containers, volumes, env and the like merge by their merge key, any other list is replaced.
 */
export function mergeObjects(base: K8sObject, patch: K8sObject): K8sObject {
  const positions: Record<string, Positions[string]> = {};
  // The rendered object is the patch file's: its own keys need no `file`, the base's name theirs.
  // A key of a base that is itself a render (a base an earlier patch made) keeps the file it names.
  const from = {
    base: { file: { file: base.file }, entries: entriesOf(base.positions) },
    patch: { file: {}, entries: entriesOf(patch.positions) },
  };
  const copy = (src: 'base' | 'patch', at: string, to: string) => {
    const { file, entries } = from[src];
    for (const [p, pos] of entries) {
      if (p === at || p.startsWith(`${at}/`)) positions[to + p.slice(at.length)] = { ...file, ...pos };
    }
  };
  const mark = (src: 'base' | 'patch', at: string, to: string) => {
    const pos = from[src].entries.find(([p]) => p === at)?.[1];
    if (pos) positions[to] = { ...from[src].file, ...pos };
  };

  const merge = (b: Json, bAt: string, p: Json, pAt: string, to: string, key: string): Json => {
    if (isRecord(b) && isRecord(p)) {
      if (p.$patch === 'replace') {
        const { $patch: _, ...rest } = p;
        copy('patch', pAt, to);
        return rest;
      }
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(b)) {
        if (k in p) continue;
        out[k] = v;
        copy('base', `${bAt}/${escapePointerSegment(k)}`, `${to}/${escapePointerSegment(k)}`);
      }
      for (const [k, v] of Object.entries(p)) {
        if (k === '$patch' || v === null) continue;
        const kb = `${bAt}/${escapePointerSegment(k)}`;
        const kp = `${pAt}/${escapePointerSegment(k)}`;
        const kt = `${to}/${escapePointerSegment(k)}`;
        if (k in b && (isRecord(v) || Array.isArray(v)) && sameShape(b[k], v)) {
          mark('patch', kp, kt);
          out[k] = merge(b[k], kb, v, kp, kt, k);
        } else {
          out[k] = v;
          copy('patch', kp, kt);
        }
      }
      return out;
    }
    if (Array.isArray(b) && Array.isArray(p)) {
      const mergeKey = MERGE_KEYS[key];
      const keyed = (items: Json[]) =>
        mergeKey !== undefined && items.every((i) => isRecord(i) && i[mergeKey] !== undefined);
      if (!keyed(b) || !keyed(p)) {
        copy('patch', pAt, to);
        return p;
      }
      const k = mergeKey as string;
      const out: Json[] = [];
      const used = new Set<number>();
      b.forEach((item, i) => {
        const j = p.findIndex((x) => (x as Record<string, Json>)[k] === (item as Record<string, Json>)[k]);
        if (j < 0) {
          copy('base', `${bAt}/${i}`, `${to}/${out.length}`);
          out.push(item);
          return;
        }
        used.add(j);
        if ((p[j] as Record<string, Json>).$patch === 'delete') return;
        mark('patch', `${pAt}/${j}`, `${to}/${out.length}`);
        out.push(merge(item, `${bAt}/${i}`, p[j], `${pAt}/${j}`, `${to}/${out.length}`, ''));
      });
      p.forEach((item, j) => {
        if (used.has(j) || (item as Record<string, Json>).$patch === 'delete') return;
        copy('patch', `${pAt}/${j}`, `${to}/${out.length}`);
        out.push(item);
      });
      return out;
    }
    copy('patch', pAt, to);
    return p;
  };

  const object = merge(base.object, '', patch.object, '', '', '') as Record<string, Json>;
  // The rendered object is the base's: its name and namespace (a `target`ed patch may be named anything).
  object.metadata = { ...(isRecord(object.metadata) ? object.metadata : {}) };
  (object.metadata as Record<string, Json>).name = base.name;
  return {
    file: patch.file,
    documentIndex: patch.documentIndex,
    apiVersion: base.apiVersion,
    kind: base.kind,
    name: base.name,
    ...(base.namespace !== undefined ? { namespace: base.namespace } : {}),
    line: patch.line,
    object,
    positions,
    // The file the rendering started from, through the earlier patches' renders.
    patchedBase: base.patchedBase ?? base.file,
  };
}

function entriesOf(positions: Positions): PositionEntry[] {
  // Lazily computed positions answer `ownKeys` and `[pointer]`; read each once.
  return Object.keys(positions).map((p) => [p, positions[p] as Positions[string]]);
}

const sameShape = (a: Json, b: Json) => (Array.isArray(a) ? Array.isArray(b) : isRecord(a) && isRecord(b));
