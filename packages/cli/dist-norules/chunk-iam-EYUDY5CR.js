import {
  IAM_API_CALLS,
  backendServiceAccount,
  collectIam
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  IAM_API_CALLS,
  backendServiceAccount,
  collectIam
};
