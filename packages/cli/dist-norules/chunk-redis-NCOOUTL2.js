import {
  REDIS_API_CALLS,
  collectRedis,
  redisInstance
} from "./chunk-chunk-K2I5PODZ.js";
import "./chunk-chunk-DHXULYEG.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  REDIS_API_CALLS,
  collectRedis,
  redisInstance
};
