import {
  KMS_API_CALLS,
  collectKms,
  kmsKey
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  KMS_API_CALLS,
  collectKms,
  kmsKey
};
