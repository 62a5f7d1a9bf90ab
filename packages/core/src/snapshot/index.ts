import { type Static, Type } from '@sinclair/typebox';
import { type ExcludedPath, ExcludedPathSchema, type Facet, facetSchema, ProblemSchema } from './common.js';
import { GcpFacetSchemas, type GcpFacets } from '../layers/gcp.js';
import { K8sFacetSchemas, type K8sFacets } from '../layers/k8s.js';
import { ProbeFacetSchemas, type ProbeFacets } from '../layers/probe.js';
import { FilesFacetSchemas, type FilesFacets } from './files.js';

export * from './common.js';
export * from './files.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Where a concern can be seen (see docs/design/adr-001-concerns.md). */
export const LAYERS = ['files', 'gcp', 'k8s', 'probe'] as const;
export type Layer = (typeof LAYERS)[number];

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

export const LayerStateSchema = Type.Object({
  status: Type.Union([Type.Literal('collected'), Type.Literal('not-configured'), Type.Literal('failed')]),
  reason: Type.Optional(Type.String()),
  /** Paths the layer did not read on purpose, each with why (vendored `.terraform/` directories). */
  skipped: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() }))),
});
export type LayerState = Static<typeof LayerStateSchema>;

export const SnapshotSchema = Type.Object(
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
    facets: Type.Object(
      Object.fromEntries(Object.entries(FacetSchemas).map(([k, v]) => [k, Type.Optional(facetSchema(v))])),
    ),
  },
  { $id: 'https://coditect.ai/schemas/coditect-audit/snapshot-v1.json', title: 'coditect-audit snapshot' },
);

export type Snapshot = {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  environment: string;
  root: string;
  collectedAt?: string;
  layers: Partial<Record<Layer, LayerState>>;
  excluded?: ExcludedPath[];
  facets: { [K in FacetName]?: Facet<FacetMap[K]> };
};

export { ProblemSchema };
