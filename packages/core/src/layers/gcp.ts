/**
 * The gcp layer: its configuration block and the facets its collector produces.
 */
import { Type } from '@sinclair/typebox';

/** `environments.<env>.layers.gcp` in coditect-audit.yaml. */
export const GcpLayerConfigSchema = Type.Object({}, { additionalProperties: false });

export const GcpFacetSchemas = {} as const;

// biome-ignore lint/suspicious/noEmptyInterface: filled as the layer's facets are defined
export interface GcpFacets {}
