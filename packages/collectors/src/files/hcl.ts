/**
 * HCL2 native syntax (OpenTofu / Terraform `.tf`) with source positions: a tokenizer and a
 * recursive-descent parser. Existing parsers (hcl2json) give no line numbers, and every finding must point
 * at the line of a block or attribute.
 *
 * Attribute values that are JSON literals (strings without interpolation, numbers, bools, null, tuples and
 * objects of those) are evaluated; anything else is kept as `{ expression: "<exact source text>" }`.
 * Nothing is evaluated here beyond literals: `tf-eval.ts` evaluates what Terraform would, across a
 * module's files, once every file is parsed.
 *
 * Positions are 1-based; columns count UTF-16 code units (the SARIF default). Hostile input cannot hang
 * the parser (every loop consumes input) nor overflow the stack (nesting is capped at MAX_NESTING).
 */
import type { TfAttribute, TfBlock, TfExpression } from '@coditect-audit/core';
import { FileParseError } from './errors.js';

export const MAX_NESTING = 256;

/** A body: the top level of a file, or the inside of a block. */
export interface HclBody {
  attributes: Record<string, TfAttribute>;
  blocks: TfBlock[];
}

export type HclLiteral = string | number | boolean | null | HclLiteral[] | { [key: string]: HclLiteral };

/** True for the `{ expression }` marker that stands for a value that was not evaluated. */
export function isTfExpression(value: unknown): value is TfExpression {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { expression?: unknown }).expression === 'string'
  );
}

/** The tokens of HCL2 source (an expression's text, for evaluation); throws FileParseError on bad input. */
export function tokenizeHcl(text: string): Token[] {
  return new Lexer(text).tokenize();
}

/** Parses HCL2 native syntax; throws FileParseError (1-based line and column) on a syntax error. */
export function parseHcl(text: string): HclBody {
  const tokens = new Lexer(text).tokenize();
  return new Parser(text, tokens, { depth: 0 }, 'the end of the file').parseFile();
}

// ---------------------------------------------------------------- tokens

export interface Position {
  line: number;
  column: number;
}

export interface BaseToken extends Position {
  /** Offsets into the source: `text.slice(start, end)` is the token as written. */
  start: number;
  end: number;
  /** The token as written (for a template: its whole source). */
  text: string;
}

export interface SimpleToken extends BaseToken {
  kind: 'ident' | 'number' | 'punct' | 'newline' | 'eof';
}

export type TemplatePart =
  | { kind: 'literal'; text: string }
  /** `${ ... }` or `%{ ... }`: the tokens inside, ended by an `eof` token at the closing brace. */
  | { kind: 'interpolation' | 'directive'; open: Position; tokens: Token[] };

export interface TemplateToken extends BaseToken {
  kind: 'template';
  heredoc: boolean;
  /** `<<-` heredoc: common leading whitespace is removed from the literal value. */
  flush: boolean;
  parts: TemplatePart[];
}

export type Token = SimpleToken | TemplateToken;

// Matched longest first, so `==` wins over `=`.
const PUNCTUATION_3 = new Set(['...']);
const PUNCTUATION_2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCTUATION_1 = new Set('{}[]()=<>!+-*/%?:.,~');

const IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC_START = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}-]*)\r?\n/uy;
const HEX = /^[0-9a-fA-F]+$/;

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Templates nested inside interpolations. */
  private depth = 0;

  constructor(private readonly text: string) {
    // A byte-order mark is not part of the first line's columns.
    if (text.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  tokenize(): Token[] {
    const tokens: Token[] = [];
    for (;;) {
      const token = this.next();
      tokens.push(token);
      if (token.kind === 'eof') return tokens;
    }
  }

  private here(): Position {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }

  private fail(message: string, at: Position): never {
    throw new FileParseError(message, at.line, at.column);
  }

  private newlineAt(offset: number): void {
    this.line++;
    this.lineStart = offset + 1;
  }

  private simple(kind: SimpleToken['kind'], start: number, at: Position): SimpleToken {
    return { kind, text: this.text.slice(start, this.pos), start, end: this.pos, line: at.line, column: at.column };
  }

  /** End of the identifier at `start`, or -1; ASCII is scanned by hand, the rest by a Unicode regex. */
  private identifierEnd(start: number): number {
    const text = this.text;
    let i = start;
    let code = text.charCodeAt(i);
    const asciiStart = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
    if (asciiStart) {
      for (i++; i < text.length; i++) {
        code = text.charCodeAt(i);
        const continues =
          (code >= 97 && code <= 122) ||
          (code >= 65 && code <= 90) ||
          (code >= 48 && code <= 57) ||
          code === 95 ||
          code === 45;
        if (!continues) break;
      }
      if (i >= text.length || code < 0x80) return i;
    }
    IDENT.lastIndex = start;
    const m = IDENT.exec(text);
    return m ? start + m[0].length : -1;
  }

  /** The next token, after spaces and comments. */
  private next(): Token {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '#' || (c === '/' && text[this.pos + 1] === '/')) {
        while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && text[this.pos + 1] === '*') {
        this.skipBlockComment();
      } else {
        break;
      }
    }
    const start = this.pos;
    const at = this.here();
    if (start >= text.length) return this.simple('eof', start, at);
    const c = text[start]!;
    if (c === '\n') {
      this.pos++;
      const token = this.simple('newline', start, at);
      this.newlineAt(start);
      return token;
    }
    if (c === '"') return this.quoted(start, at);
    if (c === '<' && text[start + 1] === '<') {
      HEREDOC_START.lastIndex = start;
      const m = HEREDOC_START.exec(text);
      if (m) return this.heredoc(start, at, m[1] === '-', m[2]!, m[0].length);
    }
    const identEnd = this.identifierEnd(start);
    if (identEnd > start) {
      this.pos = identEnd;
      return this.simple('ident', start, at);
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text);
    if (number) {
      this.pos = start + number[0].length;
      return this.simple('number', start, at);
    }
    const punctuation = PUNCTUATION_3.has(text.slice(start, start + 3))
      ? 3
      : PUNCTUATION_2.has(text.slice(start, start + 2))
        ? 2
        : PUNCTUATION_1.has(c)
          ? 1
          : 0;
    if (punctuation) {
      this.pos = start + punctuation;
      return this.simple('punct', start, at);
    }
    const codePoint = text.codePointAt(start)!;
    const shown = codePoint < 0x20 || codePoint === 0x7f ? '' : `"${String.fromCodePoint(codePoint)}" `;
    this.fail(`unexpected character ${shown}(U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`, at);
  }

  private skipBlockComment(): void {
    const at = this.here();
    const text = this.text;
    this.pos += 2;
    for (;;) {
      if (this.pos >= text.length) this.fail(`unclosed comment "/*" opened at line ${at.line}`, at);
      if (text[this.pos] === '*' && text[this.pos + 1] === '/') {
        this.pos += 2;
        return;
      }
      if (text[this.pos] === '\n') this.newlineAt(this.pos);
      this.pos++;
    }
  }

  private enter(at: Position): void {
    if (++this.depth > MAX_NESTING) this.fail(`nesting is deeper than ${MAX_NESTING} levels`, at);
  }

  /** A `"..."` template; `pos` is at the opening quote. */
  private quoted(start: number, at: Position): TemplateToken {
    const text = this.text;
    const parts: TemplatePart[] = [];
    let literal = '';
    this.pos = start + 1;
    for (;;) {
      const c = text[this.pos];
      if (c === undefined || c === '\n') {
        this.fail(
          'unterminated string: a quoted string must end on the line where it starts (use a heredoc for multi-line text)',
          at,
        );
      }
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        literal += this.escape();
        continue;
      }
      const sequence = this.templateSequence();
      if (sequence === undefined) {
        literal += c;
        this.pos++;
      } else if (typeof sequence === 'string') {
        literal += sequence;
      } else {
        if (literal) parts.push({ kind: 'literal', text: literal });
        literal = '';
        parts.push(sequence);
      }
    }
    if (literal || parts.length === 0) parts.push({ kind: 'literal', text: literal });
    return {
      kind: 'template',
      heredoc: false,
      flush: false,
      parts,
      text: text.slice(start, this.pos),
      start,
      end: this.pos,
      ...at,
    };
  }

  /** A backslash escape of a quoted string; `pos` is at the backslash. */
  private escape(): string {
    const text = this.text;
    const at = this.here();
    const c = text[this.pos + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (c !== undefined && Object.hasOwn(simple, c)) {
      this.pos += 2;
      return simple[c]!;
    }
    if (c === 'u' || c === 'U') {
      const width = c === 'u' ? 4 : 8;
      const digits = text.slice(this.pos + 2, this.pos + 2 + width);
      const codePoint = Number.parseInt(digits, 16);
      if (digits.length === width && HEX.test(digits) && codePoint <= 0x10ffff) {
        this.pos += 2 + width;
        return String.fromCodePoint(codePoint);
      }
      const shown = /^[0-9a-fA-F]*/.exec(digits)![0];
      this.fail(`invalid escape sequence "\\${c}${shown}": expected ${width} hex digits of a Unicode code point`, at);
    }
    const shown = c === undefined || c === '\n' ? '' : c;
    this.fail(`invalid escape sequence "\\${shown}": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`, at);
  }

  /**
   * At `$` or `%`: `$${` and `%%{` are escapes for a literal `${` / `%{`; `${` and `%{` open an
   * interpolation or a directive. Returns undefined for an ordinary character.
   */
  private templateSequence(): string | TemplatePart | undefined {
    const text = this.text;
    const c = text[this.pos];
    if (c !== '$' && c !== '%') return undefined;
    if (text[this.pos + 1] === c && text[this.pos + 2] === '{') {
      this.pos += 3;
      return `${c}{`;
    }
    if (text[this.pos + 1] !== '{') return undefined;
    return this.interpolation(c === '$' ? 'interpolation' : 'directive');
  }

  /** Tokens of `${ ... }` / `%{ ... }` up to the matching `}`; `pos` is at `$` or `%`. */
  private interpolation(kind: 'interpolation' | 'directive'): TemplatePart {
    const open = this.here();
    const opener = kind === 'interpolation' ? '${' : '%{';
    this.enter(open);
    this.pos += 2;
    const tokens: Token[] = [];
    let braces = 0;
    for (;;) {
      const token = this.next();
      if (token.kind === 'eof') {
        this.fail(`unclosed "${opener}" opened at line ${open.line}, column ${open.column}`, open);
      }
      if (token.kind === 'punct' && token.text === '{') braces++;
      if (token.kind === 'punct' && token.text === '}') {
        if (braces === 0) {
          tokens.push({ ...token, kind: 'eof', text: '', end: token.start });
          break;
        }
        braces--;
      }
      tokens.push(token);
    }
    this.depth--;
    return { kind, open, tokens };
  }

  /** `<<EOF` / `<<-EOF` up to the line holding only the marker; `header` is `<<EOF\n`. */
  private heredoc(start: number, at: Position, flush: boolean, marker: string, header: number): TemplateToken {
    const text = this.text;
    this.pos = start + header;
    this.newlineAt(this.pos - 1);
    const parts: TemplatePart[] = [];
    let literal = '';
    let atLineStart = true;
    for (;;) {
      if (this.pos >= text.length) {
        this.fail(`unterminated heredoc: no line "${marker}" closes the heredoc opened at line ${at.line}`, at);
      }
      if (atLineStart) {
        atLineStart = false;
        let i = this.pos;
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (text.startsWith(marker, i)) {
          const after = i + marker.length;
          // The line is trimmed of whitespace around the marker (hclsyntax's scanner), \r included.
          let rest = after;
          while (rest < text.length && ' \t\r\v\f'.includes(text[rest]!)) rest++;
          if (rest >= text.length || text[rest] === '\n') {
            this.pos = after;
            break;
          }
        }
      }
      const c = text[this.pos]!;
      if (c === '\n') {
        literal += '\n';
        this.newlineAt(this.pos);
        this.pos++;
        atLineStart = true;
        continue;
      }
      if (c === '\r' && text[this.pos + 1] === '\n') {
        this.pos++;
        continue;
      }
      const sequence = this.templateSequence();
      if (sequence === undefined) {
        literal += c;
        this.pos++;
      } else if (typeof sequence === 'string') {
        literal += sequence;
      } else {
        if (literal) parts.push({ kind: 'literal', text: literal });
        literal = '';
        parts.push(sequence);
      }
    }
    if (literal || parts.length === 0) parts.push({ kind: 'literal', text: literal });
    return {
      kind: 'template',
      heredoc: true,
      flush,
      parts,
      text: text.slice(start, this.pos),
      start,
      end: this.pos,
      ...at,
    };
  }
}

// ---------------------------------------------------------------- parser

/** A parsed expression: its first and last token, and its value when it is a literal. */
type Expr = {
  first: Token;
  last: Token;
  /** Set when the expression is a bare name (`foo`), which an object key reads as the string "foo". */
  name?: string;
} & ({ literal: true; value: HclLiteral } | { literal: false });

/** HCL's binary operators by precedence (higher binds tighter); the parser and the evaluator share it. */
export const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  private i = 0;
  /** Whether line breaks are significant: yes in bodies and objects, no inside (), [] and ${}. */
  private readonly newlineModes: boolean[] = [true];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    /** Shared with the parsers of nested templates, so the cap holds across them. */
    private readonly nesting: { depth: number },
    private readonly endDescription: string,
  ) {}

  parseFile(): HclBody {
    return this.parseBody(undefined);
  }

  // ---------------------------------------------------------------- token access

  private get newlinesSignificant(): boolean {
    return this.newlineModes[this.newlineModes.length - 1]!;
  }

  private peek(): Token {
    if (!this.newlinesSignificant) {
      while (this.tokens[this.i]!.kind === 'newline') this.i++;
    }
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.i++;
    return token;
  }

  private skipNewlines(): void {
    while (this.tokens[this.i]!.kind === 'newline') this.i++;
  }

  private isPunct(token: Token, text: string): boolean {
    return token.kind === 'punct' && token.text === text;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'ident' && token.text === word;
  }

  private describe(token: Token): string {
    switch (token.kind) {
      case 'eof':
        return this.endDescription;
      case 'newline':
        return 'a line break';
      case 'template':
        return token.heredoc ? 'a heredoc' : 'a string';
      case 'number':
        return `the number ${token.text}`;
      default:
        return `"${token.text}"`;
    }
  }

  private fail(message: string, at: Position): never {
    throw new FileParseError(message, at.line, at.column);
  }

  private expectPunct(text: string, context: string): Token {
    const token = this.next();
    if (!this.isPunct(token, text)) this.fail(`expected "${text}" ${context}, found ${this.describe(token)}`, token);
    return token;
  }

  private enter(at: Position): void {
    if (++this.nesting.depth > MAX_NESTING) this.fail(`nesting is deeper than ${MAX_NESTING} levels`, at);
  }

  private leave(): void {
    this.nesting.depth--;
  }

  private source(first: Token, last: Token): string {
    return this.text.slice(first.start, last.end);
  }

  // ---------------------------------------------------------------- bodies

  /** Items up to the closing brace of `block` (or the end of the file at top level). */
  private parseBody(block: { type: string; typeToken: Token } | undefined): HclBody & { close?: Token } {
    const attributes = new Map<string, TfAttribute>();
    const blocks: TfBlock[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.next();
      if (token.kind === 'eof') {
        if (block) {
          this.fail(`unclosed block "${block.type}" opened at line ${block.typeToken.line}`, block.typeToken);
        }
        return { attributes: Object.fromEntries(attributes), blocks };
      }
      if (this.isPunct(token, '}')) {
        if (!block) this.fail('unexpected "}": no block is open here', token);
        return { attributes: Object.fromEntries(attributes), blocks, close: token };
      }
      if (token.kind !== 'ident') {
        this.fail(`expected an attribute name or a block type, found ${this.describe(token)}`, token);
      }
      const after = this.peek();
      if (this.isPunct(after, '=')) {
        this.addAttribute(attributes, this.parseAttribute(token));
        this.expectEndOfLine(`the value of "${token.text}"`);
      } else if (after.kind === 'ident' || after.kind === 'template' || this.isPunct(after, '{')) {
        blocks.push(this.parseBlock(token));
      } else {
        this.fail(`expected "=" or "{" after "${token.text}", found ${this.describe(after)}`, after);
      }
    }
  }

  private addAttribute(attributes: Map<string, TfAttribute>, attribute: TfAttribute): void {
    const earlier = attributes.get(attribute.name);
    if (earlier) {
      this.fail(`attribute "${attribute.name}" is already set at line ${earlier.line}`, attribute);
    }
    attributes.set(attribute.name, attribute);
  }

  /** `name = expression`; `name` is consumed, `=` is next. */
  private parseAttribute(name: SimpleToken): TfAttribute {
    this.next();
    const expr = this.parseExpression();
    return { name: name.text, value: this.valueOf(expr), line: name.line, column: name.column };
  }

  private valueOf(expr: Expr): unknown {
    return expr.literal ? expr.value : { expression: this.source(expr.first, expr.last) };
  }

  private expectEndOfLine(what: string): void {
    const token = this.peek();
    if (token.kind === 'newline' || token.kind === 'eof') return;
    this.fail(`expected a line break after ${what}, found ${this.describe(token)}`, token);
  }

  /** `type label* { body }`; `type` is consumed. */
  private parseBlock(typeToken: SimpleToken): TfBlock {
    const type = typeToken.text;
    const labels: string[] = [];
    for (;;) {
      const token = this.next();
      if (this.isPunct(token, '{')) break;
      if (token.kind === 'ident') {
        labels.push(token.text);
      } else if (token.kind === 'template' && !token.heredoc) {
        const label = this.literalOfTemplate(token);
        if (label === undefined) {
          this.fail(`a label of block "${type}" must be a plain string, without "\${" or "%{"`, token);
        }
        labels.push(label);
      } else {
        this.fail(`expected a label or "{" after "${type}", found ${this.describe(token)}`, token);
      }
    }
    this.enter(typeToken);
    const inner = this.peek();
    let body: HclBody;
    let close: Token;
    if (this.isPunct(inner, '}')) {
      close = this.next();
      body = { attributes: {}, blocks: [] };
    } else if (inner.kind === 'newline') {
      const parsed = this.parseBody({ type, typeToken });
      close = parsed.close!;
      body = { attributes: parsed.attributes, blocks: parsed.blocks };
    } else if (inner.kind === 'ident' && this.isPunct(this.tokens[this.i + 1]!, '=')) {
      // One-line block: `x { a = 1 }` holds a single attribute.
      this.next();
      const attribute = this.parseAttribute(inner);
      close = this.next();
      if (!this.isPunct(close, '}')) {
        this.fail(
          `expected "}" to close the one-line block "${type}", found ${this.describe(close)}; a one-line block holds a single attribute`,
          close,
        );
      }
      body = { attributes: Object.fromEntries([[attribute.name, attribute]]), blocks: [] };
    } else if (inner.kind === 'eof') {
      this.fail(`unclosed block "${type}" opened at line ${typeToken.line}`, typeToken);
    } else {
      this.fail(
        `expected a line break, "}" or a single attribute after "{" of block "${type}", found ${this.describe(inner)}`,
        inner,
      );
    }
    this.leave();
    this.expectEndOfLine(`the closing "}" of block "${type}"`);
    return {
      type,
      labels,
      line: typeToken.line,
      column: typeToken.column,
      endLine: close.line,
      attributes: body.attributes,
      blocks: body.blocks,
    };
  }

  // ---------------------------------------------------------------- expressions

  private parseExpression(): Expr {
    const first = this.peek();
    this.enter(first);
    const condition = this.parseBinary(1);
    let result = condition;
    if (this.isPunct(this.peek(), '?')) {
      this.next();
      this.parseExpression();
      this.expectPunct(':', 'in the conditional expression');
      const otherwise = this.parseExpression();
      result = { first: condition.first, last: otherwise.last, literal: false };
    }
    this.leave();
    return result;
  }

  /** Precedence climbing: operators of equal precedence associate to the left, without recursion. */
  private parseBinary(minimum: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const operator = this.peek();
      const precedence = operator.kind === 'punct' ? BINARY_PRECEDENCE[operator.text] : undefined;
      if (precedence === undefined || precedence < minimum) return left;
      this.next();
      const right = this.parseBinary(precedence + 1);
      left = { first: left.first, last: right.last, literal: false };
    }
  }

  private parseUnary(): Expr {
    const operator = this.peek();
    if (!this.isPunct(operator, '-') && !this.isPunct(operator, '!')) return this.parsePostfix();
    this.next();
    this.enter(operator);
    const operand = this.parseUnary();
    this.leave();
    // `-1` is written as an operator but reads as a number.
    if (operator.text === '-' && operand.literal && typeof operand.value === 'number') {
      return { first: operator, last: operand.last, literal: true, value: -operand.value };
    }
    return { first: operator, last: operand.last, literal: false };
  }

  /** A term followed by `.attr`, `.0`, `.*`, `[index]` or `[*]`. */
  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (this.isPunct(token, '.')) {
        this.next();
        const attribute = this.next();
        if (attribute.kind !== 'ident' && attribute.kind !== 'number' && !this.isPunct(attribute, '*')) {
          this.fail(`expected an attribute name after ".", found ${this.describe(attribute)}`, attribute);
        }
        expr = { first: expr.first, last: attribute, literal: false };
      } else if (this.isPunct(token, '[')) {
        this.next();
        this.newlineModes.push(false);
        if (this.isPunct(this.peek(), '*')) this.next();
        else this.parseExpression();
        const close = this.expectPunct(
          ']',
          `to close the index "[" opened at line ${token.line}, column ${token.column}`,
        );
        this.newlineModes.pop();
        expr = { first: expr.first, last: close, literal: false };
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number': {
        const value = Number(token.text);
        return Number.isFinite(value)
          ? { first: token, last: token, literal: true, value }
          : { first: token, last: token, literal: false };
      }
      case 'template': {
        const value = this.literalOfTemplate(token);
        return value === undefined
          ? { first: token, last: token, literal: false }
          : { first: token, last: token, literal: true, value };
      }
      case 'ident':
        return this.parseNameOrCall(token);
      case 'punct':
        if (token.text === '(') return this.parseParenthesized(token);
        if (token.text === '[') return this.parseTuple(token);
        if (token.text === '{') return this.parseObject(token);
        break;
    }
    this.fail(`expected an expression, found ${this.describe(token)}`, token);
  }

  private parseNameOrCall(token: SimpleToken): Expr {
    if (token.text === 'true' || token.text === 'false') {
      return { first: token, last: token, literal: true, value: token.text === 'true', name: token.text };
    }
    if (token.text === 'null') return { first: token, last: token, literal: true, value: null, name: 'null' };
    let next = this.peek();
    // Provider-defined functions: `provider::google::name(...)`.
    let qualified = false;
    while (this.isPunct(next, '::')) {
      this.next();
      const part = this.next();
      if (part.kind !== 'ident') this.fail(`expected a function name after "::", found ${this.describe(part)}`, part);
      qualified = true;
      next = this.peek();
    }
    if (this.isPunct(next, '(')) return this.parseCallArguments(token, this.next());
    if (qualified) this.fail(`expected "(" after the function name, found ${this.describe(next)}`, next);
    return { first: token, last: token, literal: false, name: token.text };
  }

  private parseCallArguments(name: Token, open: Token): Expr {
    this.newlineModes.push(false);
    const where = `in the arguments of the call opened at line ${open.line}, column ${open.column}`;
    let close = this.peek();
    if (this.isPunct(close, ')')) {
      this.next();
    } else {
      for (;;) {
        this.parseExpression();
        let separator = this.next();
        if (this.isPunct(separator, '...')) {
          separator = this.next();
          if (!this.isPunct(separator, ')')) {
            this.fail(`expected ")" after "..." ${where}, found ${this.describe(separator)}`, separator);
          }
        }
        if (this.isPunct(separator, ')')) {
          close = separator;
          break;
        }
        if (!this.isPunct(separator, ',')) {
          this.fail(`expected "," or ")" ${where}, found ${this.describe(separator)}`, separator);
        }
        if (this.isPunct(this.peek(), ')')) {
          close = this.next();
          break;
        }
      }
    }
    this.newlineModes.pop();
    return { first: name, last: close, literal: false };
  }

  private parseParenthesized(open: Token): Expr {
    this.newlineModes.push(false);
    const inner = this.parseExpression();
    const close = this.expectPunct(')', `to close the "(" opened at line ${open.line}, column ${open.column}`);
    this.newlineModes.pop();
    return inner.literal
      ? { first: open, last: close, literal: true, value: inner.value }
      : { first: open, last: close, literal: false };
  }

  private parseTuple(open: SimpleToken): Expr {
    this.newlineModes.push(false);
    if (this.isForKeyword()) {
      const close = this.parseFor(open);
      this.newlineModes.pop();
      return { first: open, last: close, literal: false };
    }
    const where = `in the list opened at line ${open.line}, column ${open.column}`;
    const values: HclLiteral[] = [];
    let literal = true;
    let close: Token;
    for (;;) {
      if (this.isPunct(this.peek(), ']')) {
        close = this.next();
        break;
      }
      const item = this.parseExpression();
      if (item.literal) values.push(item.value);
      else literal = false;
      const separator = this.next();
      if (this.isPunct(separator, ']')) {
        close = separator;
        break;
      }
      if (!this.isPunct(separator, ',')) {
        this.fail(`expected "," or "]" ${where}, found ${this.describe(separator)}`, separator);
      }
    }
    this.newlineModes.pop();
    return literal
      ? { first: open, last: close, literal: true, value: values }
      : { first: open, last: close, literal: false };
  }

  private parseObject(open: SimpleToken): Expr {
    this.newlineModes.push(true);
    this.skipNewlines();
    if (this.isForKeyword()) {
      this.newlineModes.push(false);
      const close = this.parseFor(open);
      this.newlineModes.pop();
      this.newlineModes.pop();
      return { first: open, last: close, literal: false };
    }
    const where = `in the object opened at line ${open.line}, column ${open.column}`;
    const entries: [string, HclLiteral][] = [];
    let literal = true;
    let close: Token;
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), '}')) {
        close = this.next();
        break;
      }
      const key = this.parseExpression();
      const assign = this.next();
      if (!this.isPunct(assign, '=') && !this.isPunct(assign, ':')) {
        this.fail(`expected "=" or ":" after the key ${where}, found ${this.describe(assign)}`, assign);
      }
      const value = this.parseExpression();
      const keyText = this.objectKey(key);
      if (keyText !== undefined && value.literal) entries.push([keyText, value.value]);
      else literal = false;
      const separator = this.peek();
      if (this.isPunct(separator, ',')) {
        this.next();
      } else if (separator.kind !== 'newline' && !this.isPunct(separator, '}')) {
        this.fail(
          `expected a line break, "," or "}" after the value ${where}, found ${this.describe(separator)}`,
          separator,
        );
      }
    }
    this.newlineModes.pop();
    return literal
      ? { first: open, last: close, literal: true, value: Object.fromEntries(entries) }
      : { first: open, last: close, literal: false };
  }

  /** The key of an object item as a string: `name`, `"name"` or a literal number; else undefined. */
  private objectKey(key: Expr): string | undefined {
    if (key.first === key.last && key.name !== undefined) return key.name;
    if (!key.literal) return undefined;
    if (typeof key.value === 'string' || typeof key.value === 'number' || typeof key.value === 'boolean') {
      return String(key.value);
    }
    return undefined;
  }

  private isForKeyword(): boolean {
    const token = this.peek();
    if (!this.isKeyword(token, 'for')) return false;
    let j = this.i + 1;
    while (this.tokens[j]!.kind === 'newline') j++;
    return this.tokens[j]!.kind === 'ident';
  }

  /** `for k, v in coll : value` (+ `key => value ...` in braces) `if cond`; returns the closing token. */
  private parseFor(open: SimpleToken): Token {
    const isObject = open.text === '{';
    const closer = CLOSERS[open.text]!;
    const where = `in the for expression opened at line ${open.line}, column ${open.column}`;
    this.next();
    this.expectIdentifier(where);
    if (this.isPunct(this.peek(), ',')) {
      this.next();
      this.expectIdentifier(where);
    }
    const keyword = this.next();
    if (!this.isKeyword(keyword, 'in')) this.fail(`expected "in" ${where}, found ${this.describe(keyword)}`, keyword);
    this.parseExpression();
    this.expectPunct(':', where);
    this.parseExpression();
    if (isObject) {
      this.expectPunct('=>', where);
      this.parseExpression();
      if (this.isPunct(this.peek(), '...')) this.next();
    }
    if (this.isKeyword(this.peek(), 'if')) {
      this.next();
      this.parseExpression();
    }
    return this.expectPunct(closer, `to close ${where}`);
  }

  private expectIdentifier(where: string): Token {
    const token = this.next();
    if (token.kind !== 'ident') this.fail(`expected a variable name ${where}, found ${this.describe(token)}`, token);
    return token;
  }

  // ---------------------------------------------------------------- templates

  /**
   * Checks every interpolation and directive of a template; returns its value when it has none
   * (a plain string), else undefined.
   */
  private literalOfTemplate(token: TemplateToken): string | undefined {
    let literal = true;
    const open: { keyword: 'if' | 'for'; at: Position; sawElse: boolean }[] = [];
    for (const part of token.parts) {
      if (part.kind === 'literal') continue;
      literal = false;
      const parser = new Parser(this.text, part.tokens, this.nesting, 'the closing "}" of the template sequence');
      parser.newlineModes[0] = false;
      if (part.kind === 'interpolation') parser.parseInterpolation(part.open);
      else parser.parseDirective(part.open, open);
    }
    const unclosed = open[open.length - 1];
    if (unclosed) {
      this.fail(
        `"%{ ${unclosed.keyword} }" opened at line ${unclosed.at.line} has no "%{ end${unclosed.keyword} }"`,
        unclosed.at,
      );
    }
    if (!literal) return undefined;
    const text = token.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
    return token.flush ? removeCommonIndent(text) : text;
  }

  private skipStripMarker(): void {
    if (this.isPunct(this.peek(), '~')) this.next();
  }

  private expectEndOfSequence(): void {
    this.skipStripMarker();
    const end = this.next();
    if (end.kind !== 'eof') this.fail(`expected "}" to end the template sequence, found ${this.describe(end)}`, end);
  }

  private parseInterpolation(open: Position): void {
    this.skipStripMarker();
    if (this.peek().kind === 'eof') this.fail(`empty interpolation "\${}": write an expression inside`, open);
    this.parseExpression();
    this.expectEndOfSequence();
  }

  private parseDirective(open: Position, stack: { keyword: 'if' | 'for'; at: Position; sawElse: boolean }[]): void {
    this.skipStripMarker();
    const keyword = this.next();
    const word = keyword.kind === 'ident' ? keyword.text : '';
    const top = stack[stack.length - 1];
    switch (word) {
      case 'if':
        this.parseExpression();
        stack.push({ keyword: 'if', at: open, sawElse: false });
        break;
      case 'for': {
        const where = `in the "%{ for }" opened at line ${open.line}, column ${open.column}`;
        this.expectIdentifier(where);
        if (this.isPunct(this.peek(), ',')) {
          this.next();
          this.expectIdentifier(where);
        }
        const inKeyword = this.next();
        if (!this.isKeyword(inKeyword, 'in')) {
          this.fail(`expected "in" ${where}, found ${this.describe(inKeyword)}`, inKeyword);
        }
        this.parseExpression();
        stack.push({ keyword: 'for', at: open, sawElse: false });
        break;
      }
      case 'else':
        if (top?.keyword !== 'if' || top.sawElse) this.fail('"%{ else }" without a matching "%{ if }"', open);
        top.sawElse = true;
        break;
      case 'endif':
      case 'endfor': {
        const expected = word === 'endif' ? 'if' : 'for';
        if (top?.keyword !== expected) {
          this.fail(`"%{ ${word} }" without a matching "%{ ${expected} }"`, open);
        }
        stack.pop();
        break;
      }
      default:
        this.fail(`expected if, for, else, endif or endfor after "%{", found ${this.describe(keyword)}`, keyword);
    }
    this.expectEndOfSequence();
  }
}

/** `<<-` heredocs: remove the leading spaces and tabs that all non-blank lines share. */
function removeCommonIndent(text: string): string {
  const lines = text.split('\n');
  let common = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let indent = 0;
    while (line[indent] === ' ' || line[indent] === '\t') indent++;
    common = Math.min(common, indent);
  }
  if (!Number.isFinite(common) || common === 0) return text;
  return lines.map((line) => line.slice(Math.min(common, leadingBlanks(line)))).join('\n');
}

function leadingBlanks(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}
