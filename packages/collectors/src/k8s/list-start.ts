/**
 * The continue token of a list page, read from the start of its body. An API server writes a list's
 * `metadata` (with `continue`) before its `items`, so the next page can be asked for while the rest of this
 * one is still arriving. This reads only the top-level members before `metadata`, and `metadata` itself:
 * strings, numbers, literals, objects and arrays as JSON writes them (anything else: unreadable).
 */

/** What the start of a list body says of its continue token. */
export type ListStart =
  /** `metadata` read: its `continue` when it holds a non-empty string (undefined: the last page). */
  | { continue: string | undefined }
  /** The start cannot tell (items first, a `continue` that is not a string, not JSON): read the whole body. */
  | 'unreadable'
  /** The text ends before `metadata` does. */
  | 'more';

// Positions, or one of these: the text ends first, or it is not JSON.
const MORE = -1;
const BAD = -2;

/** Nesting deeper than this before `metadata` is not a list's start (and would only cost stack). */
const MAX_DEPTH = 32;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end (after the closing quote) of the JSON string that starts at `at`. */
function stringEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x22) return BAD;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) i++;
    else if (c < 0x20) return BAD;
  }
  return MORE;
}

/** The string value that starts at `at`, decoded as JSON decodes it; undefined if it is not valid. */
function stringValue(text: string, at: number, end: number): string | undefined {
  try {
    return JSON.parse(text.slice(at, end)) as string;
  } catch {
    return undefined;
  }
}

const SCALAR = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const isScalarChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  c === 0x2d ||
  c === 0x2b ||
  c === 0x2e;

/** The end of the JSON value that starts at `at` (after any space). */
function valueEnd(text: string, at: number, depth = 0): number {
  if (at >= text.length) return MORE;
  const c = text.charCodeAt(at);
  if (c === 0x22) return stringEnd(text, at);
  if (c === 0x7b || c === 0x5b) return depth < MAX_DEPTH ? containerEnd(text, at, depth + 1) : BAD;
  let end = at;
  while (end < text.length && isScalarChar(text.charCodeAt(end))) end++;
  // A number or literal running to the end of the text may go on in the next chunk.
  if (end >= text.length) return MORE;
  return SCALAR.test(text.slice(at, end)) ? end : BAD;
}

/** The end of the object or array that starts at `at`: its members read as JSON values, in order. */
function containerEnd(text: string, at: number, depth: number): number {
  const object = text.charCodeAt(at) === 0x7b;
  const close = object ? 0x7d : 0x5d;
  let i = skipSpace(text, at + 1);
  if (i >= text.length) return MORE;
  if (text.charCodeAt(i) === close) return i + 1;
  for (;;) {
    if (object) {
      i = stringEnd(text, i);
      if (i < 0) return i;
      i = skipSpace(text, i);
      if (i >= text.length) return MORE;
      if (text.charCodeAt(i) !== 0x3a) return BAD;
      i = skipSpace(text, i + 1);
    }
    i = valueEnd(text, i, depth);
    if (i < 0) return i;
    i = skipSpace(text, i);
    if (i >= text.length) return MORE;
    const c = text.charCodeAt(i);
    if (c === close) return i + 1;
    if (c !== 0x2c) return BAD;
    i = skipSpace(text, i + 1);
  }
}

/** Reads the members of the object at `at` in order, handing each key and its value's start to `member`. */
function members(
  text: string,
  at: number,
  member: (key: string, valueAt: number) => number | ListStart,
): number | ListStart {
  at = skipSpace(text, at);
  if (at >= text.length) return 'more';
  if (text.charCodeAt(at) !== 0x7b) return 'unreadable';
  let i = skipSpace(text, at + 1);
  if (i >= text.length) return 'more';
  if (text.charCodeAt(i) === 0x7d) return i + 1;
  for (;;) {
    const keyEnd = stringEnd(text, i);
    if (keyEnd === MORE) return 'more';
    if (keyEnd === BAD) return 'unreadable';
    const key = stringValue(text, i, keyEnd);
    if (key === undefined) return 'unreadable';
    i = skipSpace(text, keyEnd);
    if (i >= text.length) return 'more';
    if (text.charCodeAt(i) !== 0x3a) return 'unreadable';
    i = skipSpace(text, i + 1);
    if (i >= text.length) return 'more';
    const next = member(key, i);
    if (typeof next !== 'number') return next;
    if (next === MORE) return 'more';
    if (next === BAD) return 'unreadable';
    i = skipSpace(text, next);
    if (i >= text.length) return 'more';
    const c = text.charCodeAt(i);
    if (c === 0x7d) return i + 1;
    if (c !== 0x2c) return 'unreadable';
    i = skipSpace(text, i + 1);
    if (i >= text.length) return 'more';
  }
}

/**
 * What the start of a list body (`text`, the body's first characters) says of the list's continue token.
 * `metadata` must come before `items`; a `continue` that is not a string, or named twice, is `unreadable`
 * (the whole body decides).
 */
export function listStart(text: string): ListStart {
  let found: ListStart | undefined;
  const top = members(text, 0, (key, at) => {
    if (key === 'items') return 'unreadable';
    if (key !== 'metadata') return valueEnd(text, at);
    let token: string | undefined;
    let named = false;
    const end = members(text, at, (field, valueAt) => {
      if (field !== 'continue') return valueEnd(text, valueAt);
      if (named) return 'unreadable';
      named = true;
      const end = stringEnd(text, valueAt);
      if (end === BAD) return 'unreadable';
      if (end === MORE) return MORE;
      const value = stringValue(text, valueAt, end);
      if (value === undefined) return 'unreadable';
      token = value || undefined;
      return end;
    });
    if (typeof end !== 'number') return end;
    found = { continue: token };
    // Stop here: what follows `metadata` is for the whole body's parse.
    return found;
  });
  if (typeof top === 'number') return 'unreadable';
  return top;
}
