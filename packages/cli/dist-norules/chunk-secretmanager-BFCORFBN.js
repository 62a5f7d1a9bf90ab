import {
  SECRET_MANAGER_API_CALLS,
  collectSecretManager,
  secret
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  SECRET_MANAGER_API_CALLS,
  collectSecretManager,
  secret
};
