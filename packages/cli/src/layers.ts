/**
 * The live layers and where their collectors live. Each module is imported only when its layer is
 * configured, so a files-only scan never loads a cloud client.
 */
import type { LayerCollectorModule } from '@coditect-audit/core';
import { ConfigError, LAYERS, type Layer } from '@coditect-audit/core/basics';

export const LIVE_LAYERS = {
  gcp: () => import('@coditect-audit/collectors/gcp') as Promise<LayerCollectorModule<unknown>>,
  k8s: () => import('@coditect-audit/collectors/k8s') as Promise<LayerCollectorModule<unknown>>,
  probe: () => import('@coditect-audit/collectors/probe') as Promise<LayerCollectorModule<unknown>>,
} as const;
export type LiveLayer = keyof typeof LIVE_LAYERS;

/** `--layers files,k8s` → the layers to run; an unknown name is a usage error (exit 3). */
export function parseLayers(value: string | undefined): Layer[] | undefined {
  if (!value) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const l of list)
    if (!(LAYERS as readonly string[]).includes(l))
      throw new ConfigError(`--layers ${l}: unknown layer; choose from ${LAYERS.join(', ')}`);
  return list as Layer[];
}
