import {
  IDENTITY_API_CALLS,
  collectIdentity,
  identityConfig
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  IDENTITY_API_CALLS,
  collectIdentity,
  identityConfig
};
