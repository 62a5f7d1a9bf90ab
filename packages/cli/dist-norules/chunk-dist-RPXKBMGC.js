import {
  expandVariables,
  parseDockerfile,
  parseMarkdown,
  parseTerraform,
  parseTfState,
  parseWorkflow,
  parse_others_exports
} from "./chunk-chunk-SYPUJYV5.js";
import {
  FILE_KINDS,
  binary,
  buildFacets,
  classifyPath,
  collectFiles,
  collectFilesWithScope,
  discoverFiles,
  maybeData,
  normalizePath,
  skippedDirectoryOf,
  tooLarge
} from "./chunk-chunk-DO4SELGR.js";
import {
  FileParseError,
  HELM_SKIP_REASON,
  MAX_FILE_BYTES,
  REDACTED,
  findInlineIgnores,
  looksBinaryText,
  parseKubernetes,
  scanInlineIgnores
} from "./chunk-chunk-PBD5LSHE.js";
import {
  classifySecretValue,
  containerImages,
  finishCollected,
  instructionCommands,
  parseImageReference,
  parseSimpleCommands,
  parsedContainerImages,
  podSpecPointerOf,
  splitScript,
  upgradeSnapshot,
  withParsedFacets
} from "./chunk-chunk-D7DUI4O6.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/files/memory.js
function collectFilesFromMemory(files) {
  const sources = [];
  const problems = [];
  const skipped = /* @__PURE__ */ new Map();
  const paths = Object.keys(files).map((raw) => [normalizePath(raw), raw]).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  for (const [path, raw] of paths) {
    const kind = classifyPath(path);
    if (!kind)
      continue;
    const vendored = skippedDirectoryOf(path);
    if (vendored) {
      skipped.set(vendored.path, vendored);
      continue;
    }
    const text = files[raw] ?? "";
    const size = Buffer.byteLength(text, "utf8");
    if (size > MAX_FILE_BYTES)
      problems.push({ kind, problem: maybeData(path, tooLarge(path, size)) });
    else if (looksBinaryText(text))
      problems.push({ kind, problem: maybeData(path, binary(path)) });
    else
      sources.push({ path, kind, text });
  }
  return buildFacets(parse_others_exports, sources, problems, [...skipped.values()]);
}
export {
  FILE_KINDS,
  FileParseError,
  HELM_SKIP_REASON,
  REDACTED,
  classifyPath,
  classifySecretValue,
  collectFiles,
  collectFilesFromMemory,
  collectFilesWithScope,
  containerImages,
  discoverFiles,
  expandVariables,
  findInlineIgnores,
  finishCollected,
  instructionCommands,
  parseDockerfile,
  parseImageReference,
  parseKubernetes,
  parseMarkdown,
  parseSimpleCommands,
  parseTerraform,
  parseTfState,
  parseWorkflow,
  parsedContainerImages,
  podSpecPointerOf,
  scanInlineIgnores,
  splitScript,
  upgradeSnapshot,
  withParsedFacets
};
