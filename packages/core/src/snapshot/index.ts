import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { LAYERS, type Layer } from '../basics.js';
import { type ExcludedPath, ExcludedPathSchema, type Facet, facetSchema, ProblemSchema } from './common.js';
import { GcpFacetSchemas, type GcpFacets } from '../layers/gcp.js';
import { K8sFacetSchemas, type K8sFacets } from '../layers/k8s.js';
import { ProbeFacetSchemas, type ProbeFacets } from '../layers/probe.js';
import { FilesFacetSchemas, type FilesFacets } from './files.js';

export * from './common.js';
export * from './compact-positions.js';
export * from './files.js';

/**
 * The snapshot's shape version. 2 added what the collectors parse for rules (shell commands, image
 * references); a version-1 snapshot (coditect-audit 0.1.0) is read by deriving them on load
 * (`upgradeSnapshot` in the collectors), any other version is refused with the version it names.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;

export { LAYERS, type Layer } from '../basics.js';

/** Every facet a collector can produce, by name. A facet name starts with its layer. */
export interface FacetMap extends FilesFacets, GcpFacets, K8sFacets, ProbeFacets {}
export type FacetName = keyof FacetMap;

export const FacetSchemas = {
  ...FilesFacetSchemas,
  ...GcpFacetSchemas,
  ...K8sFacetSchemas,
  ...ProbeFacetSchemas,
} as const;
export const FACET_NAMES = Object.keys(FacetSchemas) as FacetName[];

export function layerOfFacet(name: string): Layer {
  const layer = name.split('.')[0];
  if (!(LAYERS as readonly string[]).includes(layer ?? '')) throw new Error(`facet "${name}" names no known layer`);
  return layer as Layer;
}

export const LayerStateSchema = lazySchema(() =>
  Type.Object({
    status: Type.Union([Type.Literal('collected'), Type.Literal('not-configured'), Type.Literal('failed')]),
    reason: Type.Optional(Type.String()),
    /** Paths the layer did not read on purpose, each with why (vendored `.terraform/` directories). */
    skipped: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() }))),
  }),
);
export type LayerState = Static<typeof LayerStateSchema>;

const FacetsSchema = lazySchema(() =>
  Type.Object(Object.fromEntries(Object.entries(FacetSchemas).map(([k, v]) => [k, Type.Optional(facetSchema(v))]))),
);

/**
 * One target of a fleet (a cluster, or a server a probe kind lists): its facets (the k8s facets of a
 * cluster, `probe.<kind>` of a server), collected apart and judged apart; every verdict names it.
 */
export const TargetSnapshotSchema = lazySchema(() =>
  Type.Object({
    kind: Type.Union([
      Type.Literal('cluster'),
      Type.Literal('postgres'),
      Type.Literal('redis'),
      Type.Literal('registry'),
      Type.Literal('http'),
    ]),
    name: Type.String({ minLength: 1 }),
    state: LayerStateSchema,
    /** Only the facets a target can hold: a cluster's k8s facets, a server's probe facet. */
    facets: Type.Object(
      Object.fromEntries(
        Object.entries({ ...K8sFacetSchemas, ...ProbeFacetSchemas }).map(([k, v]) => [
          k,
          Type.Optional(facetSchema(v)),
        ]),
      ),
    ),
  }),
);

/** What one shard of `collect --shard i/n` covered; `coditect-audit merge` checks the set is whole. */
export const ShardSchema = lazySchema(() =>
  Type.Object({
    index: Type.Integer({ minimum: 1 }),
    count: Type.Integer({ minimum: 1 }),
    /** Google Cloud projects this shard read (after folders and organisations were listed). */
    projects: Type.Array(Type.String()),
    /** Fleet targets this shard collected, `kind/name`. */
    targets: Type.Array(Type.String()),
    /** Layers whose unsharded part (the files, a single cluster or server) this shard collected. */
    owns: Type.Array(Type.String()),
    /** The state of the unsharded part of k8s and probe alone (the layer's state also counts the targets). */
    ownStates: Type.Optional(Type.Record(Type.String(), LayerStateSchema)),
  }),
);

export const SnapshotSchema = lazySchema(() =>
  Type.Object(
    {
      schemaVersion: Type.Literal(SNAPSHOT_SCHEMA_VERSION),
      tool: Type.Object({ name: Type.String(), version: Type.String() }),
      environment: Type.String(),
      /** Display name of the scanned root (never an absolute path, so snapshots are portable). */
      root: Type.String(),
      collectedAt: Type.Optional(Type.String({ format: 'date-time' })),
      layers: Type.Record(Type.String(), LayerStateSchema),
      /** What the files layer did not read, and why (absent in snapshots of earlier versions: nothing listed). */
      excluded: Type.Optional(Type.Array(ExcludedPathSchema)),
      facets: FacetsSchema,
      targets: Type.Optional(Type.Array(TargetSnapshotSchema)),
      shard: Type.Optional(ShardSchema),
    },
    { $id: 'https://coditect.ai/schemas/coditect-audit/snapshot-v2.json', title: 'coditect-audit snapshot' },
  ),
);

export type Snapshot = {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  environment: string;
  root: string;
  collectedAt?: string;
  layers: Partial<Record<Layer, LayerState>>;
  excluded?: ExcludedPath[];
  facets: Facets;
  /** The fleet's targets, in canonical order (kind, then name). */
  targets?: TargetSnapshot[];
  shard?: Shard;
};

export type Facets = { [K in FacetName]?: Facet<FacetMap[K]> };
export type TargetKind = 'cluster' | 'postgres' | 'redis' | 'registry' | 'http';
export interface TargetSnapshot {
  kind: TargetKind;
  name: string;
  state: LayerState;
  facets: Facets;
}
export type Shard = Static<typeof ShardSchema>;

export { ProblemSchema };
