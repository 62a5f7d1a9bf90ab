/**
 * The files layer over files given in memory, synchronously (what rule tests use): it imports every parser
 * up front, where a scan (./collect.ts) loads them only when there is a file.
 */
import { buildFacets, type FilesFacetResult } from './collect.js';
import {
  binary,
  classifyPath,
  type DiscoveryProblem,
  maybeData,
  normalizePath,
  skippedDirectoryOf,
  type SourceFile,
  tooLarge,
} from './discover.js';
import * as parsers from './parse-others.js';
import { looksBinaryText, MAX_FILE_BYTES } from './text.js';

/**
 * The same facets from files given in memory (path → content); what rule tests use. Paths are
 * repository-relative; classification, limits and parsing are those of {@link collectFiles}.
 */
export function collectFilesFromMemory(files: Record<string, string>): FilesFacetResult {
  const sources: SourceFile[] = [];
  const problems: DiscoveryProblem[] = [];
  const skipped = new Map<string, { path: string; reason: string }>();
  const paths = Object.keys(files)
    .map((raw) => [normalizePath(raw), raw] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, raw] of paths) {
    const kind = classifyPath(path);
    if (!kind) continue;
    const vendored = skippedDirectoryOf(path);
    if (vendored) {
      skipped.set(vendored.path, vendored);
      continue;
    }
    const text = files[raw] ?? '';
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_FILE_BYTES) problems.push({ kind, problem: maybeData(path, tooLarge(path, size)) });
    else if (looksBinaryText(text)) problems.push({ kind, problem: maybeData(path, binary(path)) });
    else sources.push({ path, kind, text });
  }
  return buildFacets(parsers, sources, problems, [...skipped.values()]);
}
