/**
 * The k8s layer: its configuration block and the facets its collector produces.
 */
import { Type } from '@sinclair/typebox';

/** `environments.<env>.layers.k8s` in coditect-audit.yaml. */
export const K8sLayerConfigSchema = Type.Object({}, { additionalProperties: false });

export const K8sFacetSchemas = {} as const;

// biome-ignore lint/suspicious/noEmptyInterface: filled as the layer's facets are defined
export interface K8sFacets {}
