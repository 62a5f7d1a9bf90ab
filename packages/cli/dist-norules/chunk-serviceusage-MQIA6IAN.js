import {
  SERVICE_USAGE_API_CALLS,
  collectServiceUsage
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  SERVICE_USAGE_API_CALLS,
  collectServiceUsage
};
