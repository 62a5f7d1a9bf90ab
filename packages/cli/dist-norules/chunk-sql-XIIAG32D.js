import {
  SQL_API_CALLS,
  collectSql,
  sqlInstance
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  SQL_API_CALLS,
  collectSql,
  sqlInstance
};
