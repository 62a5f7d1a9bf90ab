/**
 * Reporters: pure, deterministic functions from a scan result to the text of one report format.
 */
import type { ScanResult } from '@coditect-audit/core';
import { toConsole } from './console.js';
import { htmlChunks, toHtml } from './html.js';
import { jsonChunks, toJson } from './json.js';
import { junitChunks, toJUnit } from './junit.js';
import { toMarkdown } from './markdown.js';
import { type SarifOptions, sarifChunks, toSarif } from './sarif.js';

export { CONSOLE_WIDTH, type ConsoleOptions, terminalSafe, toConsole, wrapLine } from './console.js';
export { escapeHtml, type HtmlOptions, htmlChunks, toHtml } from './html.js';
export { jsonChunks, sortKeys, toJson } from './json.js';
export { escapeXmlAttribute, escapeXmlText, junitChunks, stripIllegalXml, toJUnit } from './junit.js';
export { MARKDOWN_MAX_BYTES, type MarkdownOptions, mdCode, mdCodeBlock, mdText, toMarkdown } from './markdown.js';
export {
  buildSarif,
  FINGERPRINT_KEY,
  pathToUri,
  SARIF_LEVEL,
  SARIF_MAX_GZIP_BYTES,
  SARIF_MAX_RESULTS,
  type SarifLog,
  type SarifOptions,
  SECURITY_SEVERITY,
  sarifChunks,
  toSarif,
} from './sarif.js';
export { areaOf, failsGate, placeFinding, type LocationSource, type PlacedLocation } from './common.js';

export const REPORTER_NAMES = ['console', 'sarif', 'junit', 'markdown', 'json', 'html'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** Every option any reporter reads; each takes the ones it knows. */
export interface ReporterOptions {
  /** console: ANSI colour. */
  color?: boolean;
  /** sarif: include suppressed findings (`--sarif-include-suppressed`). */
  includeSuppressed?: boolean;
  /** sarif: results kept at most (default 25,000). */
  maxResults?: number;
  /** markdown: size limit in bytes (default 1 MiB less a margin). */
  maxBytes?: number;
  /** console: columns to fit (default 100). */
  width?: number;
  /** console: list every passed check (`--include-passes`). */
  includePasses?: boolean;
}

export interface Reporter {
  /** The file written in `--output-dir`; the console report goes to stdout instead. */
  fileName?: string;
  render(result: ScanResult, options?: ReporterOptions): string;
  /**
   * The same text in pieces, produced as they are written (a large report is never one string in memory);
   * joined, they are `render`'s text. Asynchronous where producing them waits (SARIF's size check).
   */
  chunks?(result: ScanResult, options?: ReporterOptions): Iterable<string> | AsyncIterable<string>;
}

export const REPORTERS: Readonly<Record<ReporterName, Reporter>> = {
  console: {
    render: (result, options = {}) =>
      toConsole(result, {
        color: options.color ?? false,
        ...(options.width ? { width: options.width } : {}),
        ...(options.includePasses ? { includePasses: true } : {}),
      }),
  },
  sarif: {
    fileName: 'coditect-audit.sarif',
    render: (result, options = {}) => toSarif(result, sarifOptions(options)),
    chunks: (result, options = {}) => sarifChunks(result, sarifOptions(options)),
  },
  junit: {
    fileName: 'coditect-audit.junit.xml',
    render: (result) => toJUnit(result),
    chunks: (result) => junitChunks(result),
  },
  markdown: {
    fileName: 'coditect-audit.md',
    render: (result, options = {}) =>
      toMarkdown(result, options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  },
  json: {
    fileName: 'coditect-audit.json',
    render: (result) => toJson(result),
    chunks: (result) => jsonChunks(result),
  },
  html: {
    fileName: 'coditect-audit.html',
    render: (result) => toHtml(result),
    chunks: (result) => htmlChunks(result),
  },
};

function sarifOptions(options: ReporterOptions): SarifOptions {
  return {
    ...(options.includeSuppressed !== undefined ? { includeSuppressed: options.includeSuppressed } : {}),
    ...(options.maxResults !== undefined ? { maxResults: options.maxResults } : {}),
  };
}

export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}
