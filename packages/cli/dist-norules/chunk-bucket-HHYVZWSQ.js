import {
  isBucketPath,
  parseBucketPath,
  readBytes,
  readText,
  textOf,
  waitForAll,
  writeText
} from "./chunk-chunk-EXTGFJYO.js";
import "./chunk-chunk-3R7XVXQS.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  isBucketPath,
  parseBucketPath,
  readBytes,
  readText,
  textOf,
  waitForAll,
  writeText
};
