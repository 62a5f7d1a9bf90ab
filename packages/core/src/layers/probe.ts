/**
 * The probe layer: its configuration block and the facets its collector produces.
 */
import { Type } from '@sinclair/typebox';

/** `environments.<env>.layers.probe` in coditect-audit.yaml. */
export const ProbeLayerConfigSchema = Type.Object({}, { additionalProperties: false });

export const ProbeFacetSchemas = {} as const;

// biome-ignore lint/suspicious/noEmptyInterface: filled as the layer's facets are defined
export interface ProbeFacets {}
