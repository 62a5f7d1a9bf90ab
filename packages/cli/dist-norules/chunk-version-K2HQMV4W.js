import {
  VERSION
} from "./chunk-chunk-VK7TQRJC.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  VERSION
};
