import {
  COMPUTE_API_CALLS,
  backendService,
  collectCompute,
  securityPolicy,
  sslCertificate
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  COMPUTE_API_CALLS,
  backendService,
  collectCompute,
  securityPolicy,
  sslCertificate
};
