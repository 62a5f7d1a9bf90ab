/**
 * The k8s layer's collector, loaded only when the layer is configured.
 */
import type { CollectContext, CollectResult, K8sLayerConfigSchema } from '@coditect-audit/core';
import type { Static } from '@sinclair/typebox';

export async function collect(_ctx: CollectContext<Static<typeof K8sLayerConfigSchema>>): Promise<CollectResult> {
  // Replaced by the layer's collector (in progress in this session).
  return { facets: {}, state: { status: 'failed', reason: 'the k8s collector is not built yet' } };
}
