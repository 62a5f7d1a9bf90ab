/**
 * The live layers and where their collectors live. Each module is imported only when its layer is
 * configured, so a files-only scan never loads a cloud client.
 */
import type { LayerCollectorModule } from '@coditect-audit/core';

export const LIVE_LAYERS = {
  gcp: () => import('@coditect-audit/collectors/gcp') as Promise<LayerCollectorModule<unknown>>,
  k8s: () => import('@coditect-audit/collectors/k8s') as Promise<LayerCollectorModule<unknown>>,
  probe: () => import('@coditect-audit/collectors/probe') as Promise<LayerCollectorModule<unknown>>,
} as const;
export type LiveLayer = keyof typeof LIVE_LAYERS;
