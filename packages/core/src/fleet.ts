/**
 * Fleets: many clusters and servers in one environment, collected whole or in shards, judged per target.
 *
 * - A probe kind given as a list (`layers.probe.postgres: [{name, …}, …]`) and `layers.k8s.contexts` make
 *   targets. Each target is collected apart into `snapshot.targets`, and the engine runs every rule that
 *   reads a target's facets once per target, naming it in each verdict. The single-object forms stay as
 *   they were: one server or cluster in the snapshot's own facets, verdicts without a target.
 * - `collect --shard i/n` collects a contiguous slice of the projects and of the targets; shard 1 also
 *   collects what cannot be split (the files, a single cluster or server). `mergeSnapshots` puts the
 *   shards back together; since both paths store every sharded collection in one canonical order, the
 *   merged snapshot is the one a single process collects, and so are its reports.
 */
import { ConfigError, type EnvironmentConfig, type ExpectationsInput } from './config.js';
import type {
  Facet,
  FacetName,
  Facets,
  LayerState,
  Problem,
  Shard,
  Snapshot,
  TargetKind,
  TargetSnapshot,
} from './snapshot/index.js';

export const TARGET_KINDS: readonly TargetKind[] = ['cluster', 'postgres', 'redis', 'registry', 'http'];
export const PROBE_TARGET_KINDS = ['postgres', 'redis', 'registry', 'http'] as const;
export type ProbeTargetKind = (typeof PROBE_TARGET_KINDS)[number];

/** The kind of target whose facet this is, if a target can hold it. */
export function targetKindOfFacet(name: string): TargetKind | undefined {
  if (name.startsWith('k8s.')) return 'cluster';
  const probe = /^probe\.(postgres|redis|registry|http)$/.exec(name);
  return probe ? (probe[1] as TargetKind) : undefined;
}

/** A target as configured: what to collect and how to judge it. */
export interface TargetSpec {
  kind: TargetKind;
  name: string;
  /** The config block one collector run gets: a single server, or the k8s layer with this context. */
  config: Record<string, unknown>;
  expectations?: Record<string, unknown>;
  /** The config path it came from, for messages. */
  path: string;
}

export const targetKey = (t: { kind: string; name: string }) => `${t.kind}/${t.name}`;

function compareTargets(a: { kind: TargetKind; name: string }, b: { kind: TargetKind; name: string }): number {
  return (
    TARGET_KINDS.indexOf(a.kind) - TARGET_KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

function defaultName(kind: TargetKind, cfg: Record<string, unknown>): string {
  const url = (v: unknown) => {
    try {
      return new URL(String(v)).host;
    } catch {
      return undefined;
    }
  };
  if (kind === 'postgres' || kind === 'redis')
    return cfg.port ? `${String(cfg.host)}:${String(cfg.port)}` : String(cfg.host);
  if (kind === 'http') return url(cfg.baseUrl) ?? 'http';
  if (kind === 'registry') return (cfg.url ? url(cfg.url) : undefined) ?? 'registry';
  return 'target';
}

/**
 * The fleet targets an environment configures, in canonical order (kind, then name). Names are unique
 * across the environment; a clash is a configuration error naming both entries.
 */
export function fleetTargets(env: EnvironmentConfig, environment: string, file = 'coditect-audit.yaml'): TargetSpec[] {
  const out: TargetSpec[] = [];
  const layers = env.layers ?? {};
  const probe = (layers.probe ?? {}) as Record<string, unknown>;
  for (const kind of PROBE_TARGET_KINDS) {
    const value = probe[kind];
    if (!Array.isArray(value)) continue;
    value.forEach((item: Record<string, unknown>, i) => {
      const { name, expectations, ...config } = item;
      out.push({
        kind,
        name: typeof name === 'string' ? name : defaultName(kind, config),
        config,
        ...(expectations ? { expectations: expectations as Record<string, unknown> } : {}),
        path: `environments.${environment}.layers.probe.${kind}[${i}]`,
      });
    });
  }
  const k8s = layers.k8s as (Record<string, unknown> & { contexts?: unknown[] }) | undefined;
  if (k8s?.contexts) {
    const { contexts, context: _single, ...shared } = k8s;
    contexts.forEach((entry, i) => {
      const item = typeof entry === 'string' ? { context: entry } : (entry as Record<string, unknown>);
      const { name, expectations, context, namespaces } = item;
      out.push({
        kind: 'cluster',
        name: typeof name === 'string' ? name : String(context),
        config: { ...shared, context, ...(namespaces ? { namespaces } : {}) },
        ...(expectations ? { expectations: expectations as Record<string, unknown> } : {}),
        path: `environments.${environment}.layers.k8s.contexts[${i}]`,
      });
    });
  }
  const seen = new Map<string, string>();
  for (const t of out) {
    const prior = seen.get(t.name);
    if (prior)
      throw new ConfigError(
        `${file}: ${t.path}: the target name "${t.name}" is also used by ${prior}; give each target its own \`name\``,
        file,
        t.path,
      );
    seen.set(t.name, t.path);
  }
  return out.sort(compareTargets);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The environment's expectations with a target's own laid over them (objects merge, the rest replaces). */
export function targetExpectations(
  base: ExpectationsInput | undefined,
  own: Record<string, unknown> | undefined,
): ExpectationsInput | undefined {
  if (!own) return base;
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isPlainObject(a) || !isPlainObject(b)) return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  return merge(base ?? {}, own) as ExpectationsInput;
}

// ---------------------------------------------------------------- shards

export interface ShardSpec {
  index: number;
  count: number;
}

/** `--shard 2/4` → `{ index: 2, count: 4 }`; anything else is a usage error. */
export function parseShard(value: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 10_000)
    throw new ConfigError(
      `--shard ${value}: give the shard as i/n with 1 ≤ i ≤ n (e.g. --shard 1/4; in an Indexed Job: $((JOB_COMPLETION_INDEX + 1))/n)`,
    );
  return { index, count };
}

/** The contiguous slice of `items` shard `index` of `count` takes: deterministic, disjoint, complete. */
export function shardSlice<T>(items: readonly T[], shard: ShardSpec | undefined): T[] {
  if (!shard) return [...items];
  const from = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const to = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(from, to);
}

// ---------------------------------------------------------------- canonical order and merge

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => cmp(a.subject, b.subject) || cmp(a.message, b.message))
    .filter((p) => {
      const k = `${p.subject}\u0000${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

/** Top-level lists of a Google Cloud facet in one order, whatever order the calls finished in. */
function canonicalList(items: unknown[]): unknown[] {
  const keyed = items.map((item) => ({
    project: isPlainObject(item) && typeof item.project === 'string' ? item.project : '',
    text: JSON.stringify(item),
    item,
  }));
  keyed.sort((a, b) => cmp(a.project, b.project) || cmp(a.text, b.text));
  return keyed.map((k) => k.item);
}

function canonicalFacet(facet: Facet<unknown>): Facet<unknown> {
  if (facet.status === 'absent') return facet;
  if (facet.status === 'error') return { status: 'error', problems: sortProblems(facet.problems) };
  const data = facet.data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = Array.isArray(v) ? canonicalList(v) : v;
  return { status: 'ok', data: out, problems: sortProblems(facet.problems) };
}

/**
 * The Google Cloud facets in canonical order: lists by project, then content; problems by subject. A
 * single process and a merge of shards both store this form, so they store the same bytes.
 */
export function canonicalGcpFacets(facets: Facets): Facets {
  const out: Record<string, unknown> = {};
  for (const [name, facet] of Object.entries(facets)) {
    out[name] = name.startsWith('gcp.') && facet ? canonicalFacet(facet as Facet<unknown>) : facet;
  }
  return out as Facets;
}

/**
 * A layer's state from its parts (the unsharded part and each target): collected when any part was,
 * failed when every configured part failed, not configured when none is.
 */
export function combineLayerStates(layer: string, parts: LayerState[]): LayerState {
  const configured = parts.filter((s) => s.status !== 'not-configured');
  if (configured.length === 0) return parts[0] ?? { status: 'not-configured', reason: `layers.${layer} is not set` };
  if (configured.some((s) => s.status === 'collected')) return { status: 'collected' };
  const reasons = [...new Set(configured.map((s) => s.reason).filter(Boolean))];
  return { status: 'failed', reason: reasons.join('; ') || `every ${layer} target failed` };
}

export class MergeError extends ConfigError {}

function mergeGcpFacet(parts: Facet<unknown>[]): Facet<unknown> {
  const ok = parts.filter((f): f is Extract<Facet<unknown>, { status: 'ok' }> => f.status === 'ok');
  const problems = parts.flatMap((f) => (f.status === 'absent' ? [] : f.problems));
  if (ok.length === 0) {
    if (problems.length > 0) return { status: 'error', problems: sortProblems(problems) };
    return parts[0]!;
  }
  const data: Record<string, unknown> = {};
  for (const f of ok)
    for (const [k, v] of Object.entries(f.data as Record<string, unknown>)) {
      if (Array.isArray(v)) data[k] = [...((data[k] as unknown[] | undefined) ?? []), ...v];
      else if (!(k in data)) data[k] = v;
    }
  return canonicalFacet({ status: 'ok', data, problems });
}

/**
 * Shards of one `collect --shard i/n` run → the snapshot one process would have collected. Refuses a set
 * that is not whole: different environments or shard counts, a shard missing or given twice.
 */
export function mergeSnapshots(snapshots: Snapshot[], names: string[] = []): Snapshot {
  const label = (i: number) => names[i] ?? `snapshot ${i + 1}`;
  if (snapshots.length === 0) throw new MergeError('merge: give the snapshots of every shard');
  const unsharded = snapshots.findIndex((s) => !s.shard);
  if (unsharded >= 0 && snapshots.length > 1)
    throw new MergeError(
      `merge: ${label(unsharded)} was not collected with --shard; merge the snapshots of one \`collect --shard i/n\` run`,
    );
  if (snapshots.length === 1 && !snapshots[0]!.shard) return snapshots[0]!;
  const count = snapshots[0]!.shard!.count;
  const environment = snapshots[0]!.environment;
  const byIndex = new Map<number, number>();
  snapshots.forEach((s, i) => {
    if (s.environment !== environment)
      throw new MergeError(
        `merge: ${label(i)} is of environment "${s.environment}", ${label(0)} of "${environment}"; merge the shards of one environment`,
      );
    if (s.shard!.count !== count)
      throw new MergeError(
        `merge: ${label(i)} is shard ${s.shard!.index}/${s.shard!.count}, ${label(0)} is of ${count}`,
      );
    const prior = byIndex.get(s.shard!.index);
    if (prior !== undefined)
      throw new MergeError(`merge: ${label(prior)} and ${label(i)} are both shard ${s.shard!.index}/${count}`);
    byIndex.set(s.shard!.index, i);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new MergeError(
      `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  const ordered = Array.from({ length: count }, (_, i) => snapshots[byIndex.get(i + 1)!]!);
  const first = ordered[0]!;

  // The unsharded part (files, a single cluster or server) comes from shard 1; Google Cloud from all.
  const facets: Record<string, unknown> = {};
  for (const [name, facet] of Object.entries(first.facets)) if (!name.startsWith('gcp.')) facets[name] = facet;
  const gcpNames = new Set(ordered.flatMap((s) => Object.keys(s.facets).filter((n) => n.startsWith('gcp.'))));
  const withGcp = ordered.filter((s) => s.shard!.projects.length > 0);
  for (const name of [...gcpNames].sort()) {
    const parts = withGcp.map((s) => s.facets[name as FacetName]).filter(Boolean) as Facet<unknown>[];
    if (parts.length > 0) facets[name] = mergeGcpFacet(parts);
  }
  const targets = ordered.flatMap((s) => s.targets ?? []).sort(compareTargets);
  const layers: Snapshot['layers'] = { ...first.layers };
  const gcpStates = withGcp.map((s) => s.layers.gcp).filter((s): s is LayerState => Boolean(s));
  if (gcpStates.length > 0) layers.gcp = combineLayerStates('gcp', gcpStates);
  for (const [layer, kinds] of [
    ['k8s', ['cluster']],
    ['probe', PROBE_TARGET_KINDS],
  ] as const) {
    const own = (first.shard!.owns as string[]).includes(layer)
      ? (first.shard!.ownStates?.[layer] ?? first.layers[layer])
      : undefined;
    const parts = [
      ...(own ? [own] : []),
      ...targets.filter((t) => (kinds as readonly string[]).includes(t.kind)).map((t) => t.state),
    ];
    if (parts.length > 0) layers[layer] = combineLayerStates(layer, parts);
  }
  const collectedAt = ordered
    .map((s) => s.collectedAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .at(-1);
  const merged: Snapshot = {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    environment,
    root: first.root,
    // The fleet was collected when its last shard finished.
    ...(collectedAt ? { collectedAt } : {}),
    layers,
    // What the files layer left out: shard 1 read the files.
    ...(first.excluded ? { excluded: first.excluded } : {}),
    facets: facets as Facets,
    ...(targets.length > 0 ? { targets } : {}),
  };
  return merged;
}

/** The canonical order of a fleet's targets. */
export function sortTargets(targets: TargetSnapshot[]): TargetSnapshot[] {
  return [...targets].sort(compareTargets);
}

export type { Shard };
