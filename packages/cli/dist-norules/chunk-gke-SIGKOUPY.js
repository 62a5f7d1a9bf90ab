import {
  GKE_API_CALLS,
  collectGke,
  gkeCluster
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  GKE_API_CALLS,
  collectGke,
  gkeCluster
};
