import {
  collectFiles,
  collectFilesWithScope
} from "./chunk-chunk-DO4SELGR.js";
import "./chunk-chunk-PBD5LSHE.js";
import "./chunk-chunk-D7DUI4O6.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  collectFiles,
  collectFilesWithScope
};
