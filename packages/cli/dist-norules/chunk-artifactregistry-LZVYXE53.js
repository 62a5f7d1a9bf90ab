import {
  ARTIFACT_REGISTRY_API_CALLS,
  collectArtifactRegistry,
  dockerImage,
  repository
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  ARTIFACT_REGISTRY_API_CALLS,
  collectArtifactRegistry,
  dockerImage,
  repository
};
