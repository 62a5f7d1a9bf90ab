/**
 * YAML as kubectl reads it. kubectl decodes manifests with sigs.k8s.io/yaml over go-yaml v2, a port of
 * libyaml, which differs from a strict YAML 1.2 reader in ways real repositories depend on:
 * - YAML 1.1 scalars and merge keys: `yes`/`no`/`on`/`off` are booleans, `0644` is octal (420), `<<: *base`
 *   merges a map; timestamps and `1:30` stay strings (go-yaml decodes them as such into untyped values);
 * - a repeated map key does not stop the file: the last value counts;
 * - a quoted scalar's continuation lines may sit at any indentation (libyaml does not check it).
 */
import { type Document, LineCounter, Parser, parseAllDocuments } from 'yaml';
import { indexNode, type Position, positionAt } from './yaml-nodes.js';

/** Parse options matching go-yaml v2's reading (see the module comment). */
export const KUBECTL_YAML_OPTIONS = {
  version: '1.1',
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: 'error',
  // go-yaml v2 keeps timestamps and base-60 numbers as strings when decoding into untyped values.
  customTags: (tags: unknown[]) =>
    tags.filter((t) => {
      const tag = t as { tag?: string; format?: string };
      return tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp';
    }),
} as const;

/** At most this many quoted scalars are re-indented in one file. */
const MAX_REPAIRS = 64;

export interface KubectlYaml {
  documents: Document[];
  /** Positions of the text that was parsed (line numbers are always those of the file). */
  lineCounter: LineCounter;
  /** Quoted-scalar continuation lines re-indented so that a strict reader accepts what kubectl does. */
  reindentedLines: number;
}

/** Parses every document of `source` as kubectl would. */
export function parseLikeKubectl(source: string): KubectlYaml {
  const parse = (text: string) => {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { ...KUBECTL_YAML_OPTIONS, lineCounter } as never);
    return { documents: (Array.isArray(parsed) ? parsed : []) as Document[], lineCounter };
  };
  const first = parse(source);
  if (!first.documents.some((d) => d.errors.some((e) => /^Missing closing .quote/.test(e.message)))) {
    return { ...first, reindentedLines: 0 };
  }
  const repaired = reindentQuotedContinuations(source);
  if (repaired.lines === 0) return { ...first, reindentedLines: 0 };
  // Line numbers are unchanged by the repair; columns move only on the re-indented continuation lines.
  const second = parse(repaired.text);
  if (second.documents.some((d) => d.errors.length > 0)) return { ...first, reindentedLines: 0 };
  return { ...second, reindentedLines: repaired.lines };
}

/**
 * Finds quoted scalars that a strict reader ends early because a continuation line is under-indented, and
 * indents those lines to the column of the opening quote (leading spaces of continuation lines are folded
 * away, so the value is unchanged). Returns the text and how many lines moved.
 */
export function reindentQuotedContinuations(source: string): { text: string; lines: number } {
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let moved = 0;
  // Bounded: a hostile file with thousands of open quotes is left to the strict reader's error.
  for (const open of unterminatedQuotes(source).slice(0, MAX_REPAIRS)) {
    const quote = source[open];
    const close = closingQuote(source, open);
    if (close === undefined) continue;
    const first = lineOf(open);
    const column = open - (starts[first] ?? 0);
    for (let i = first + 1; i <= lineOf(close); i++) {
      const text = lines[i] ?? '';
      const indent = text.length - text.trimStart().length;
      if (text.trim() === '' || indent > column) continue;
      // Never across a document marker: libyaml refuses those inside a quoted scalar too.
      if (quote && /^(?:---|\.\.\.)(?:\s|$)/.test(text)) return { text: source, lines: 0 };
      lines[i] = `${' '.repeat(column + 1)}${text.trimStart()}`;
      moved++;
    }
  }
  return { text: lines.join('\n'), lines: moved };
}

/** Offsets of quoted scalars in the concrete syntax tree whose closing quote is missing. */
function unterminatedQuotes(source: string): number[] {
  const out: number[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: string; offset?: number; source?: string };
    if (
      (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') &&
      typeof token.offset === 'number' &&
      typeof token.source === 'string' &&
      closingQuote(token.source, 0) === undefined
    ) {
      out.push(token.offset);
    }
    for (const v of Object.values(value)) if (v && typeof v === 'object') visit(v);
  };
  for (const token of new Parser().parse(source)) visit(token);
  return out;
}

/** The offset of the quote closing the scalar opened at `open`, or undefined when there is none. */
function closingQuote(text: string, open: number): number | undefined {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return undefined;
}

export interface DuplicateKey {
  key: string;
  first: Position;
  repeated: Position;
}

/** Map keys written twice in the document (the last one counts, as in kubectl). */
export function duplicateKeys(document: Document, lineCounter: LineCounter): DuplicateKey[] {
  return indexNode(lineCounter, document.contents).repeatedKeys.map(({ key, first, repeated }) => ({
    key,
    first: positionAt(lineCounter, first),
    repeated: positionAt(lineCounter, repeated),
  }));
}
