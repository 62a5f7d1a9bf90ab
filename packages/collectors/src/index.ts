/**
 * @coditect-audit/collectors: what reads the outside world. Only the files layer is exported here; the
 * heavy layers (Google Cloud, Kubernetes, probes) are loaded on demand so a files-only scan stays fast.
 */
export {
  type CollectFilesOptions,
  collectFiles,
  collectFilesWithScope,
  type FilesFacetResult,
} from './files/collect.js';
export { collectFilesFromMemory } from './files/memory.js';
export {
  classifyPath,
  type DiscoverOptions,
  type Discovery,
  type DiscoveryProblem,
  discoverFiles,
  FILE_KINDS,
  type FileKind,
  type SourceFile,
} from './files/discover.js';
export { expandVariables, parseDockerfile } from './files/dockerfile.js';
export { FileParseError } from './files/errors.js';
export { findInlineIgnores, scanInlineIgnores } from './files/ignores.js';
export { HELM_SKIP_REASON, type K8sParseResult, parseKubernetes, REDACTED } from './files/kubernetes.js';
export { parseMarkdown } from './files/markdown.js';
export { classifySecretValue, type SecretValueVerdict } from './files/secrets.js';
export { parseSimpleCommands, splitScript } from './files/shell.js';
export { containerImages, parsedContainerImages, parseImageReference, podSpecPointerOf } from './images.js';
export { finishCollected, instructionCommands, upgradeSnapshot, withParsedFacets } from './parsed.js';
export { parseTerraform } from './files/terraform.js';
export { parseTfState } from './files/tfstate.js';
export { parseWorkflow } from './files/workflows.js';
