import { ConfigError, LAYERS } from '@coditect-audit/core/basics';
export const LIVE_LAYERS = {
    gcp: () => import('@coditect-audit/collectors/gcp'),
    k8s: () => import('@coditect-audit/collectors/k8s'),
    probe: () => import('@coditect-audit/collectors/probe'),
};
/** `--layers files,k8s` → the layers to run; an unknown name is a usage error (exit 3). */
export function parseLayers(value) {
    if (!value)
        return undefined;
    const list = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    for (const l of list)
        if (!LAYERS.includes(l))
            throw new ConfigError(`--layers ${l}: unknown layer; choose from ${LAYERS.join(', ')}`);
    return list;
}
//# sourceMappingURL=layers.js.map