import {
  RESOURCE_MANAGER_API_CALLS,
  collectResourceManager
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  RESOURCE_MANAGER_API_CALLS,
  collectResourceManager
};
