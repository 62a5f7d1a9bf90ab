/**
 * `@coditect-audit/collectors/files`: the files layer as a scan runs it, alone. The package's index also
 * exports the in-memory variant (./memory.ts), which imports every parser up front; a scan imports this
 * instead, so the parsers load only when there is a file to parse (./collect.ts).
 */
export { type CollectFilesOptions, collectFiles, collectFilesWithScope, type FilesFacetResult } from './collect.js';
