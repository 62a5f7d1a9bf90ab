import {
  CONSOLE_WIDTH,
  terminalSafe,
  toConsole,
  wrapLine
} from "./chunk-chunk-66CG5AVU.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";
export {
  CONSOLE_WIDTH,
  terminalSafe,
  toConsole,
  wrapLine
};
