import {
  ConfigError,
  LAYERS
} from "./chunk-chunk-K3HIYUOK.js";

// packages/cli/dist/layers.js
var LIVE_LAYERS = {
  gcp: () => import("./chunk-gcp-K73M3DFE.js"),
  k8s: () => import("./chunk-k8s-3NAHGI26.js"),
  probe: () => import("./chunk-probe-WDDM4RJK.js")
};
function parseLayers(value) {
  if (!value)
    return void 0;
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  for (const l of list)
    if (!LAYERS.includes(l))
      throw new ConfigError(`--layers ${l}: unknown layer; choose from ${LAYERS.join(", ")}`);
  return list;
}

export {
  LIVE_LAYERS,
  parseLayers
};
