/**
 * The live layers and where their collectors live. Each module is imported only when its layer is
 * configured, so a files-only scan never loads a cloud client.
 */
import type { LayerCollectorModule } from '@coditect-audit/core';
import { type Layer } from '@coditect-audit/core/basics';
export declare const LIVE_LAYERS: {
    readonly gcp: () => Promise<LayerCollectorModule<unknown>>;
    readonly k8s: () => Promise<LayerCollectorModule<unknown>>;
    readonly probe: () => Promise<LayerCollectorModule<unknown>>;
};
export type LiveLayer = keyof typeof LIVE_LAYERS;
/** `--layers files,k8s` → the layers to run; an unknown name is a usage error (exit 3). */
export declare function parseLayers(value: string | undefined): Layer[] | undefined;
//# sourceMappingURL=layers.d.ts.map