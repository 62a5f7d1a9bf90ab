/**
 * The gcp layer's collector, loaded only when the layer is configured.
 */
import type { CollectContext, CollectResult, GcpLayerConfigSchema } from '@coditect-audit/core';
import type { Static } from '@sinclair/typebox';

export async function collect(_ctx: CollectContext<Static<typeof GcpLayerConfigSchema>>): Promise<CollectResult> {
  // Replaced by the layer's collector (in progress in this session).
  return { facets: {}, state: { status: 'failed', reason: 'the gcp collector is not built yet' } };
}
