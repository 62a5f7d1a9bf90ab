import {
  MONITORING_API_CALLS,
  alertPolicy,
  collectMonitoring,
  uptimeCheck
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  MONITORING_API_CALLS,
  alertPolicy,
  collectMonitoring,
  uptimeCheck
};
