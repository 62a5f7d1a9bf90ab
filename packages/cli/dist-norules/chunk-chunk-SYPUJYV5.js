import {
  FACET_OF
} from "./chunk-chunk-DO4SELGR.js";
import {
  FileParseError,
  budgetError,
  entryValue,
  escapePointerSegment,
  findInlineIgnores,
  invalidYaml,
  keyString,
  nodePosition,
  normalizeText,
  pairOf,
  positionAt
} from "./chunk-chunk-PBD5LSHE.js";
import {
  redactTree,
  scriptCommands,
  withParsedFile
} from "./chunk-chunk-D7DUI4O6.js";
import {
  firstDuplicateKey,
  overYamlBudget
} from "./chunk-chunk-KBIY7DDS.js";
import {
  LineCounter,
  Scalar,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument
} from "./chunk-chunk-EMT75KSU.js";
import {
  __export,
  __require
} from "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/files/parse-others.js
var parse_others_exports = {};
__export(parse_others_exports, {
  evaluateTerraform: () => evaluateTerraform,
  finishedOther: () => finishedOther,
  imageBuilds: () => imageBuilds,
  kustomizePatchFiles: () => kustomizePatchFiles,
  parseOther: () => parseOther,
  renderPatch: () => renderPatch
});

// packages/collectors/dist/files/dockerfile.js
import { createRequire } from "node:module";
var dockerfileAst;
function parser() {
  if (!dockerfileAst) {
    const own = typeof __require === "function" ? void 0 : createRequire(import.meta.url);
    const ast = own ? own("dockerfile-ast") : __require("../../../node_modules/.pnpm/dockerfile-ast@0.7.1/node_modules/dockerfile-ast/lib/main.js");
    dockerfileAst = { ast, keywords: new Set(Object.values(ast.Keyword)) };
  }
  return dockerfileAst;
}
function parseDockerfile(file, text) {
  const source = normalizeText(text);
  const { ast, keywords } = parser();
  const parsed = ast.DockerfileParser.parse(source);
  const escapeChar = parsed.getEscapeCharacter();
  const args = [];
  const globalArgs = /* @__PURE__ */ new Map();
  const globalLookup = (name) => globalArgs.get(name);
  const stages = [];
  let stageVars = /* @__PURE__ */ new Map();
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = instruction.getRange();
    const line = range.start.line + 1;
    const column = range.start.character + 1;
    if (!keywords.has(keyword)) {
      const word = instruction.getInstruction();
      const shown = /^[A-Za-z]{1,20}$/.test(word) ? ` "${word}"` : "";
      throw new FileParseError(`unknown instruction${shown}: a line must start with an instruction keyword`, line, column);
    }
    const current = stages[stages.length - 1];
    if (keyword === "ARG") {
      for (const property of propertiesOf(instruction)) {
        const name = property.getName();
        const value = property.getValue() ?? void 0;
        if (!current) {
          args.push(value === void 0 ? { name, line } : { name, value, line });
          if (value !== void 0)
            globalArgs.set(name, expandVariables(value, globalLookup));
        } else {
          const known = value !== void 0 ? expandVariables(value, lookupIn(stageVars)) : globalArgs.get(name);
          if (known !== void 0)
            stageVars.set(name, known);
          else
            stageVars.delete(name);
        }
      }
      if (current)
        current.instructions.push(toInstruction(instruction, keyword, escapeChar));
      continue;
    }
    if (keyword === "FROM") {
      const from = parsed.getFROMs().find((f) => f.getRange().start.line === range.start.line);
      const image = from?.getImage();
      if (!from || !image)
        throw new FileParseError("FROM names no image", line, column);
      const resolvedImage = expandVariables(image, globalLookup);
      const name = from.getBuildStage() ?? void 0;
      const baseStage = findStage(stages, resolvedImage);
      const platform = flagsOf(instruction).platform;
      const stage = {
        index: stages.length,
        ...name ? { name } : {},
        image,
        resolvedImage,
        ...baseStage !== void 0 ? { baseStage } : {},
        ...platform !== void 0 ? { platform: expandVariables(platform, globalLookup) } : {},
        line,
        column,
        env: [],
        copies: [],
        instructions: [toInstruction(instruction, keyword, escapeChar)]
      };
      stages.push(stage);
      stageVars = /* @__PURE__ */ new Map();
      continue;
    }
    if (!current) {
      throw new FileParseError(`${keyword} before the first FROM: only ARG may come before FROM`, line, column);
    }
    const record = toInstruction(instruction, keyword, escapeChar);
    current.instructions.push(record);
    if (keyword === "USER") {
      current.user = { value: expandVariables(record.args.trim(), lookupIn(stageVars)), line, column };
    } else if (keyword === "ENV") {
      const before = lookupIn(new Map(stageVars));
      for (const property of propertiesOf(instruction)) {
        const raw = property.getValue() ?? "";
        const quotedLiterally = /^\s*'/.test(property.getUnescapedValue() ?? "");
        const value = quotedLiterally ? raw : expandVariables(raw, before);
        current.env.push({ name: property.getName(), value, line, column });
        stageVars.set(property.getName(), value);
      }
    } else if (keyword === "COPY" || keyword === "ADD") {
      current.copies.push(toCopy(instruction, keyword, record, line, column));
    }
  }
  if (stages.length === 0)
    throw new FileParseError("no FROM instruction: a Dockerfile must start a stage with FROM", 1);
  return { file, stages, args, ignores: findInlineIgnores(file, source) };
}
function expandVariables(text, lookup) {
  if (!text.includes("$"))
    return text;
  return text.replace(/(\\?)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, escaped, braced, op, word, bare) => {
    if (escaped)
      return whole;
    const name = braced ?? bare ?? "";
    const value = lookup(name);
    switch (op) {
      case ":-":
        return value ? value : expandVariables(word ?? "", lookup);
      case "-":
        return value !== void 0 ? value : expandVariables(word ?? "", lookup);
      case ":+":
        return value ? expandVariables(word ?? "", lookup) : "";
      case "+":
        return value !== void 0 ? expandVariables(word ?? "", lookup) : "";
      default:
        return value !== void 0 ? value : whole;
    }
  });
}
function lookupIn(vars) {
  return (name) => vars.get(name);
}
function findStage(stages, image) {
  const lower = image.toLowerCase();
  const named = stages.find((s) => s.name?.toLowerCase() === lower);
  if (named)
    return named.index;
  if (/^\d+$/.test(image) && Number(image) < stages.length)
    return Number(image);
  return void 0;
}
function propertiesOf(instruction) {
  return instruction instanceof parser().ast.PropertyInstruction ? instruction.getProperties() : [];
}
function flagsOf(instruction) {
  const flags = {};
  if (instruction instanceof parser().ast.ModifiableInstruction) {
    for (const flag of instruction.getFlags())
      flags[flag.getName()] = flag.getValue() ?? "";
  }
  return flags;
}
function toInstruction(instruction, keyword, escapeChar) {
  const range = instruction.getRange();
  return {
    keyword,
    args: joinContinuations(instruction.getRawArgumentsContent() ?? "", escapeChar),
    flags: flagsOf(instruction),
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    column: range.start.character + 1
  };
}
function joinContinuations(raw, escapeChar) {
  const lines = raw.split("\n");
  let out = "";
  let continuing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (continuing && /^\s*#/.test(line))
      continue;
    const trimmedEnd = line.replace(/[ \t]+$/, "");
    const continues = trimmedEnd.endsWith(escapeChar) && !trimmedEnd.endsWith(escapeChar + escapeChar);
    const content = continuing ? trimmedEnd.replace(/^[ \t]+/, "") : trimmedEnd;
    const piece = continues ? content.slice(0, -escapeChar.length).replace(/[ \t]+$/, "") : content;
    if (i > 0)
      out += continuing ? out && piece ? " " : "" : "\n";
    out += piece;
    continuing = continues;
  }
  return out.trim();
}
function toCopy(instruction, keyword, record, line, column) {
  const words = copyOperands(instruction, record.args);
  const { from, chown } = record.flags;
  const copy = {
    keyword,
    ...from !== void 0 ? { from } : {},
    ...chown !== void 0 ? { chown } : {},
    sources: words.slice(0, -1),
    destination: words[words.length - 1] ?? "",
    line,
    column
  };
  return copy;
}
function copyOperands(instruction, args) {
  if (args.startsWith("[")) {
    try {
      const parsed = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === "string"))
        return parsed;
    } catch {
    }
  }
  if (/<<-?["']?[A-Za-z_]/.test(args))
    return (args.split("\n")[0] ?? "").split(/\s+/).filter(Boolean);
  return instruction.getArguments().map((a) => a.getValue());
}

// packages/collectors/dist/files/hcl.js
var MAX_NESTING = 256;
function isTfExpression(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value.expression === "string";
}
function tokenizeHcl(text) {
  return new Lexer(text).tokenize();
}
function parseHcl(text) {
  const tokens = new Lexer(text).tokenize();
  return new Parser(text, tokens, { depth: 0 }, "the end of the file").parseFile();
}
var PUNCTUATION_3 = /* @__PURE__ */ new Set(["..."]);
var PUNCTUATION_2 = /* @__PURE__ */ new Set(["==", "!=", "<=", ">=", "&&", "||", "=>", "::"]);
var PUNCTUATION_1 = new Set("{}[]()=<>!+-*/%?:.,~");
var IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
var NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
var HEREDOC_START = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}-]*)\r?\n/uy;
var HEX = /^[0-9a-fA-F]+$/;
var Lexer = class {
  text;
  pos = 0;
  line = 1;
  lineStart = 0;
  /** Templates nested inside interpolations. */
  depth = 0;
  constructor(text) {
    this.text = text;
    if (text.charCodeAt(0) === 65279) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }
  tokenize() {
    const tokens = [];
    for (; ; ) {
      const token = this.next();
      tokens.push(token);
      if (token.kind === "eof")
        return tokens;
    }
  }
  here() {
    return { line: this.line, column: this.pos - this.lineStart + 1 };
  }
  fail(message, at) {
    throw new FileParseError(message, at.line, at.column);
  }
  newlineAt(offset) {
    this.line++;
    this.lineStart = offset + 1;
  }
  simple(kind, start, at) {
    return { kind, text: this.text.slice(start, this.pos), start, end: this.pos, line: at.line, column: at.column };
  }
  /** End of the identifier at `start`, or -1; ASCII is scanned by hand, the rest by a Unicode regex. */
  identifierEnd(start) {
    const text = this.text;
    let i = start;
    let code = text.charCodeAt(i);
    const asciiStart = code >= 97 && code <= 122 || code >= 65 && code <= 90 || code === 95;
    if (asciiStart) {
      for (i++; i < text.length; i++) {
        code = text.charCodeAt(i);
        const continues = code >= 97 && code <= 122 || code >= 65 && code <= 90 || code >= 48 && code <= 57 || code === 95 || code === 45;
        if (!continues)
          break;
      }
      if (i >= text.length || code < 128)
        return i;
    }
    IDENT.lastIndex = start;
    const m = IDENT.exec(text);
    return m ? start + m[0].length : -1;
  }
  /** The next token, after spaces and comments. */
  next() {
    const text = this.text;
    for (; ; ) {
      const c2 = text[this.pos];
      if (c2 === " " || c2 === "	" || c2 === "\r") {
        this.pos++;
      } else if (c2 === "#" || c2 === "/" && text[this.pos + 1] === "/") {
        while (this.pos < text.length && text[this.pos] !== "\n")
          this.pos++;
      } else if (c2 === "/" && text[this.pos + 1] === "*") {
        this.skipBlockComment();
      } else {
        break;
      }
    }
    const start = this.pos;
    const at = this.here();
    if (start >= text.length)
      return this.simple("eof", start, at);
    const c = text[start];
    if (c === "\n") {
      this.pos++;
      const token = this.simple("newline", start, at);
      this.newlineAt(start);
      return token;
    }
    if (c === '"')
      return this.quoted(start, at);
    if (c === "<" && text[start + 1] === "<") {
      HEREDOC_START.lastIndex = start;
      const m = HEREDOC_START.exec(text);
      if (m)
        return this.heredoc(start, at, m[1] === "-", m[2], m[0].length);
    }
    const identEnd = this.identifierEnd(start);
    if (identEnd > start) {
      this.pos = identEnd;
      return this.simple("ident", start, at);
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text);
    if (number) {
      this.pos = start + number[0].length;
      return this.simple("number", start, at);
    }
    const punctuation = PUNCTUATION_3.has(text.slice(start, start + 3)) ? 3 : PUNCTUATION_2.has(text.slice(start, start + 2)) ? 2 : PUNCTUATION_1.has(c) ? 1 : 0;
    if (punctuation) {
      this.pos = start + punctuation;
      return this.simple("punct", start, at);
    }
    const codePoint = text.codePointAt(start);
    const shown = codePoint < 32 || codePoint === 127 ? "" : `"${String.fromCodePoint(codePoint)}" `;
    this.fail(`unexpected character ${shown}(U+${codePoint.toString(16).toUpperCase().padStart(4, "0")})`, at);
  }
  skipBlockComment() {
    const at = this.here();
    const text = this.text;
    this.pos += 2;
    for (; ; ) {
      if (this.pos >= text.length)
        this.fail(`unclosed comment "/*" opened at line ${at.line}`, at);
      if (text[this.pos] === "*" && text[this.pos + 1] === "/") {
        this.pos += 2;
        return;
      }
      if (text[this.pos] === "\n")
        this.newlineAt(this.pos);
      this.pos++;
    }
  }
  enter(at) {
    if (++this.depth > MAX_NESTING)
      this.fail(`nesting is deeper than ${MAX_NESTING} levels`, at);
  }
  /** A `"..."` template; `pos` is at the opening quote. */
  quoted(start, at) {
    const text = this.text;
    const parts = [];
    let literal = "";
    this.pos = start + 1;
    for (; ; ) {
      const c = text[this.pos];
      if (c === void 0 || c === "\n") {
        this.fail("unterminated string: a quoted string must end on the line where it starts (use a heredoc for multi-line text)", at);
      }
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === "\\") {
        literal += this.escape();
        continue;
      }
      const sequence = this.templateSequence();
      if (sequence === void 0) {
        literal += c;
        this.pos++;
      } else if (typeof sequence === "string") {
        literal += sequence;
      } else {
        if (literal)
          parts.push({ kind: "literal", text: literal });
        literal = "";
        parts.push(sequence);
      }
    }
    if (literal || parts.length === 0)
      parts.push({ kind: "literal", text: literal });
    return {
      kind: "template",
      heredoc: false,
      flush: false,
      parts,
      text: text.slice(start, this.pos),
      start,
      end: this.pos,
      ...at
    };
  }
  /** A backslash escape of a quoted string; `pos` is at the backslash. */
  escape() {
    const text = this.text;
    const at = this.here();
    const c = text[this.pos + 1];
    const simple = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
    if (c !== void 0 && Object.hasOwn(simple, c)) {
      this.pos += 2;
      return simple[c];
    }
    if (c === "u" || c === "U") {
      const width = c === "u" ? 4 : 8;
      const digits = text.slice(this.pos + 2, this.pos + 2 + width);
      const codePoint = Number.parseInt(digits, 16);
      if (digits.length === width && HEX.test(digits) && codePoint <= 1114111) {
        this.pos += 2 + width;
        return String.fromCodePoint(codePoint);
      }
      const shown2 = /^[0-9a-fA-F]*/.exec(digits)[0];
      this.fail(`invalid escape sequence "\\${c}${shown2}": expected ${width} hex digits of a Unicode code point`, at);
    }
    const shown = c === void 0 || c === "\n" ? "" : c;
    this.fail(`invalid escape sequence "\\${shown}": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`, at);
  }
  /**
   * At `$` or `%`: `$${` and `%%{` are escapes for a literal `${` / `%{`; `${` and `%{` open an
   * interpolation or a directive. Returns undefined for an ordinary character.
   */
  templateSequence() {
    const text = this.text;
    const c = text[this.pos];
    if (c !== "$" && c !== "%")
      return void 0;
    if (text[this.pos + 1] === c && text[this.pos + 2] === "{") {
      this.pos += 3;
      return `${c}{`;
    }
    if (text[this.pos + 1] !== "{")
      return void 0;
    return this.interpolation(c === "$" ? "interpolation" : "directive");
  }
  /** Tokens of `${ ... }` / `%{ ... }` up to the matching `}`; `pos` is at `$` or `%`. */
  interpolation(kind) {
    const open = this.here();
    const opener = kind === "interpolation" ? "${" : "%{";
    this.enter(open);
    this.pos += 2;
    const tokens = [];
    let braces = 0;
    for (; ; ) {
      const token = this.next();
      if (token.kind === "eof") {
        this.fail(`unclosed "${opener}" opened at line ${open.line}, column ${open.column}`, open);
      }
      if (token.kind === "punct" && token.text === "{")
        braces++;
      if (token.kind === "punct" && token.text === "}") {
        if (braces === 0) {
          tokens.push({ ...token, kind: "eof", text: "", end: token.start });
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
  heredoc(start, at, flush, marker, header) {
    const text = this.text;
    this.pos = start + header;
    this.newlineAt(this.pos - 1);
    const parts = [];
    let literal = "";
    let atLineStart = true;
    for (; ; ) {
      if (this.pos >= text.length) {
        this.fail(`unterminated heredoc: no line "${marker}" closes the heredoc opened at line ${at.line}`, at);
      }
      if (atLineStart) {
        atLineStart = false;
        let i = this.pos;
        while (text[i] === " " || text[i] === "	")
          i++;
        if (text.startsWith(marker, i)) {
          const after = i + marker.length;
          const rest = text[after] === "\r" ? after + 1 : after;
          if (rest >= text.length || text[rest] === "\n") {
            this.pos = after;
            break;
          }
        }
      }
      const c = text[this.pos];
      if (c === "\n") {
        literal += "\n";
        this.newlineAt(this.pos);
        this.pos++;
        atLineStart = true;
        continue;
      }
      if (c === "\r" && text[this.pos + 1] === "\n") {
        this.pos++;
        continue;
      }
      const sequence = this.templateSequence();
      if (sequence === void 0) {
        literal += c;
        this.pos++;
      } else if (typeof sequence === "string") {
        literal += sequence;
      } else {
        if (literal)
          parts.push({ kind: "literal", text: literal });
        literal = "";
        parts.push(sequence);
      }
    }
    if (literal || parts.length === 0)
      parts.push({ kind: "literal", text: literal });
    return {
      kind: "template",
      heredoc: true,
      flush,
      parts,
      text: text.slice(start, this.pos),
      start,
      end: this.pos,
      ...at
    };
  }
};
var BINARY_PRECEDENCE = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  ">": 4,
  "<=": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6
};
var CLOSERS = { "(": ")", "[": "]", "{": "}" };
var Parser = class _Parser {
  text;
  tokens;
  nesting;
  endDescription;
  i = 0;
  /** Whether line breaks are significant: yes in bodies and objects, no inside (), [] and ${}. */
  newlineModes = [true];
  constructor(text, tokens, nesting, endDescription) {
    this.text = text;
    this.tokens = tokens;
    this.nesting = nesting;
    this.endDescription = endDescription;
  }
  parseFile() {
    return this.parseBody(void 0);
  }
  // ---------------------------------------------------------------- token access
  get newlinesSignificant() {
    return this.newlineModes[this.newlineModes.length - 1];
  }
  peek() {
    if (!this.newlinesSignificant) {
      while (this.tokens[this.i].kind === "newline")
        this.i++;
    }
    return this.tokens[this.i];
  }
  next() {
    const token = this.peek();
    if (token.kind !== "eof")
      this.i++;
    return token;
  }
  skipNewlines() {
    while (this.tokens[this.i].kind === "newline")
      this.i++;
  }
  isPunct(token, text) {
    return token.kind === "punct" && token.text === text;
  }
  isKeyword(token, word) {
    return token.kind === "ident" && token.text === word;
  }
  describe(token) {
    switch (token.kind) {
      case "eof":
        return this.endDescription;
      case "newline":
        return "a line break";
      case "template":
        return token.heredoc ? "a heredoc" : "a string";
      case "number":
        return `the number ${token.text}`;
      default:
        return `"${token.text}"`;
    }
  }
  fail(message, at) {
    throw new FileParseError(message, at.line, at.column);
  }
  expectPunct(text, context) {
    const token = this.next();
    if (!this.isPunct(token, text))
      this.fail(`expected "${text}" ${context}, found ${this.describe(token)}`, token);
    return token;
  }
  enter(at) {
    if (++this.nesting.depth > MAX_NESTING)
      this.fail(`nesting is deeper than ${MAX_NESTING} levels`, at);
  }
  leave() {
    this.nesting.depth--;
  }
  source(first, last) {
    return this.text.slice(first.start, last.end);
  }
  // ---------------------------------------------------------------- bodies
  /** Items up to the closing brace of `block` (or the end of the file at top level). */
  parseBody(block) {
    const attributes = /* @__PURE__ */ new Map();
    const blocks = [];
    for (; ; ) {
      this.skipNewlines();
      const token = this.next();
      if (token.kind === "eof") {
        if (block) {
          this.fail(`unclosed block "${block.type}" opened at line ${block.typeToken.line}`, block.typeToken);
        }
        return { attributes: Object.fromEntries(attributes), blocks };
      }
      if (this.isPunct(token, "}")) {
        if (!block)
          this.fail('unexpected "}": no block is open here', token);
        return { attributes: Object.fromEntries(attributes), blocks, close: token };
      }
      if (token.kind !== "ident") {
        this.fail(`expected an attribute name or a block type, found ${this.describe(token)}`, token);
      }
      const after = this.peek();
      if (this.isPunct(after, "=")) {
        this.addAttribute(attributes, this.parseAttribute(token));
        this.expectEndOfLine(`the value of "${token.text}"`);
      } else if (after.kind === "ident" || after.kind === "template" || this.isPunct(after, "{")) {
        blocks.push(this.parseBlock(token));
      } else {
        this.fail(`expected "=" or "{" after "${token.text}", found ${this.describe(after)}`, after);
      }
    }
  }
  addAttribute(attributes, attribute) {
    const earlier = attributes.get(attribute.name);
    if (earlier) {
      this.fail(`attribute "${attribute.name}" is already set at line ${earlier.line}`, attribute);
    }
    attributes.set(attribute.name, attribute);
  }
  /** `name = expression`; `name` is consumed, `=` is next. */
  parseAttribute(name) {
    this.next();
    const expr = this.parseExpression();
    return { name: name.text, value: this.valueOf(expr), line: name.line, column: name.column };
  }
  valueOf(expr) {
    return expr.literal ? expr.value : { expression: this.source(expr.first, expr.last) };
  }
  expectEndOfLine(what) {
    const token = this.peek();
    if (token.kind === "newline" || token.kind === "eof")
      return;
    this.fail(`expected a line break after ${what}, found ${this.describe(token)}`, token);
  }
  /** `type label* { body }`; `type` is consumed. */
  parseBlock(typeToken) {
    const type = typeToken.text;
    const labels = [];
    for (; ; ) {
      const token = this.next();
      if (this.isPunct(token, "{"))
        break;
      if (token.kind === "ident") {
        labels.push(token.text);
      } else if (token.kind === "template" && !token.heredoc) {
        const label = this.literalOfTemplate(token);
        if (label === void 0) {
          this.fail(`a label of block "${type}" must be a plain string, without "\${" or "%{"`, token);
        }
        labels.push(label);
      } else {
        this.fail(`expected a label or "{" after "${type}", found ${this.describe(token)}`, token);
      }
    }
    this.enter(typeToken);
    const inner = this.peek();
    let body;
    let close;
    if (this.isPunct(inner, "}")) {
      close = this.next();
      body = { attributes: {}, blocks: [] };
    } else if (inner.kind === "newline") {
      const parsed = this.parseBody({ type, typeToken });
      close = parsed.close;
      body = { attributes: parsed.attributes, blocks: parsed.blocks };
    } else if (inner.kind === "ident" && this.isPunct(this.tokens[this.i + 1], "=")) {
      this.next();
      const attribute = this.parseAttribute(inner);
      close = this.next();
      if (!this.isPunct(close, "}")) {
        this.fail(`expected "}" to close the one-line block "${type}", found ${this.describe(close)}; a one-line block holds a single attribute`, close);
      }
      body = { attributes: Object.fromEntries([[attribute.name, attribute]]), blocks: [] };
    } else if (inner.kind === "eof") {
      this.fail(`unclosed block "${type}" opened at line ${typeToken.line}`, typeToken);
    } else {
      this.fail(`expected a line break, "}" or a single attribute after "{" of block "${type}", found ${this.describe(inner)}`, inner);
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
      blocks: body.blocks
    };
  }
  // ---------------------------------------------------------------- expressions
  parseExpression() {
    const first = this.peek();
    this.enter(first);
    const condition = this.parseBinary(1);
    let result = condition;
    if (this.isPunct(this.peek(), "?")) {
      this.next();
      this.parseExpression();
      this.expectPunct(":", "in the conditional expression");
      const otherwise = this.parseExpression();
      result = { first: condition.first, last: otherwise.last, literal: false };
    }
    this.leave();
    return result;
  }
  /** Precedence climbing: operators of equal precedence associate to the left, without recursion. */
  parseBinary(minimum) {
    let left = this.parseUnary();
    for (; ; ) {
      const operator = this.peek();
      const precedence = operator.kind === "punct" ? BINARY_PRECEDENCE[operator.text] : void 0;
      if (precedence === void 0 || precedence < minimum)
        return left;
      this.next();
      const right = this.parseBinary(precedence + 1);
      left = { first: left.first, last: right.last, literal: false };
    }
  }
  parseUnary() {
    const operator = this.peek();
    if (!this.isPunct(operator, "-") && !this.isPunct(operator, "!"))
      return this.parsePostfix();
    this.next();
    this.enter(operator);
    const operand = this.parseUnary();
    this.leave();
    if (operator.text === "-" && operand.literal && typeof operand.value === "number") {
      return { first: operator, last: operand.last, literal: true, value: -operand.value };
    }
    return { first: operator, last: operand.last, literal: false };
  }
  /** A term followed by `.attr`, `.0`, `.*`, `[index]` or `[*]`. */
  parsePostfix() {
    let expr = this.parsePrimary();
    for (; ; ) {
      const token = this.peek();
      if (this.isPunct(token, ".")) {
        this.next();
        const attribute = this.next();
        if (attribute.kind !== "ident" && attribute.kind !== "number" && !this.isPunct(attribute, "*")) {
          this.fail(`expected an attribute name after ".", found ${this.describe(attribute)}`, attribute);
        }
        expr = { first: expr.first, last: attribute, literal: false };
      } else if (this.isPunct(token, "[")) {
        this.next();
        this.newlineModes.push(false);
        if (this.isPunct(this.peek(), "*"))
          this.next();
        else
          this.parseExpression();
        const close = this.expectPunct("]", `to close the index "[" opened at line ${token.line}, column ${token.column}`);
        this.newlineModes.pop();
        expr = { first: expr.first, last: close, literal: false };
      } else {
        return expr;
      }
    }
  }
  parsePrimary() {
    const token = this.next();
    switch (token.kind) {
      case "number": {
        const value = Number(token.text);
        return Number.isFinite(value) ? { first: token, last: token, literal: true, value } : { first: token, last: token, literal: false };
      }
      case "template": {
        const value = this.literalOfTemplate(token);
        return value === void 0 ? { first: token, last: token, literal: false } : { first: token, last: token, literal: true, value };
      }
      case "ident":
        return this.parseNameOrCall(token);
      case "punct":
        if (token.text === "(")
          return this.parseParenthesized(token);
        if (token.text === "[")
          return this.parseTuple(token);
        if (token.text === "{")
          return this.parseObject(token);
        break;
    }
    this.fail(`expected an expression, found ${this.describe(token)}`, token);
  }
  parseNameOrCall(token) {
    if (token.text === "true" || token.text === "false") {
      return { first: token, last: token, literal: true, value: token.text === "true", name: token.text };
    }
    if (token.text === "null")
      return { first: token, last: token, literal: true, value: null, name: "null" };
    let next = this.peek();
    let qualified = false;
    while (this.isPunct(next, "::")) {
      this.next();
      const part = this.next();
      if (part.kind !== "ident")
        this.fail(`expected a function name after "::", found ${this.describe(part)}`, part);
      qualified = true;
      next = this.peek();
    }
    if (this.isPunct(next, "("))
      return this.parseCallArguments(token, this.next());
    if (qualified)
      this.fail(`expected "(" after the function name, found ${this.describe(next)}`, next);
    return { first: token, last: token, literal: false, name: token.text };
  }
  parseCallArguments(name, open) {
    this.newlineModes.push(false);
    const where = `in the arguments of the call opened at line ${open.line}, column ${open.column}`;
    let close = this.peek();
    if (this.isPunct(close, ")")) {
      this.next();
    } else {
      for (; ; ) {
        this.parseExpression();
        let separator = this.next();
        if (this.isPunct(separator, "...")) {
          separator = this.next();
          if (!this.isPunct(separator, ")")) {
            this.fail(`expected ")" after "..." ${where}, found ${this.describe(separator)}`, separator);
          }
        }
        if (this.isPunct(separator, ")")) {
          close = separator;
          break;
        }
        if (!this.isPunct(separator, ",")) {
          this.fail(`expected "," or ")" ${where}, found ${this.describe(separator)}`, separator);
        }
        if (this.isPunct(this.peek(), ")")) {
          close = this.next();
          break;
        }
      }
    }
    this.newlineModes.pop();
    return { first: name, last: close, literal: false };
  }
  parseParenthesized(open) {
    this.newlineModes.push(false);
    const inner = this.parseExpression();
    const close = this.expectPunct(")", `to close the "(" opened at line ${open.line}, column ${open.column}`);
    this.newlineModes.pop();
    return inner.literal ? { first: open, last: close, literal: true, value: inner.value } : { first: open, last: close, literal: false };
  }
  parseTuple(open) {
    this.newlineModes.push(false);
    if (this.isForKeyword()) {
      const close2 = this.parseFor(open);
      this.newlineModes.pop();
      return { first: open, last: close2, literal: false };
    }
    const where = `in the list opened at line ${open.line}, column ${open.column}`;
    const values = [];
    let literal = true;
    let close;
    for (; ; ) {
      if (this.isPunct(this.peek(), "]")) {
        close = this.next();
        break;
      }
      const item = this.parseExpression();
      if (item.literal)
        values.push(item.value);
      else
        literal = false;
      const separator = this.next();
      if (this.isPunct(separator, "]")) {
        close = separator;
        break;
      }
      if (!this.isPunct(separator, ",")) {
        this.fail(`expected "," or "]" ${where}, found ${this.describe(separator)}`, separator);
      }
    }
    this.newlineModes.pop();
    return literal ? { first: open, last: close, literal: true, value: values } : { first: open, last: close, literal: false };
  }
  parseObject(open) {
    this.newlineModes.push(true);
    this.skipNewlines();
    if (this.isForKeyword()) {
      this.newlineModes.push(false);
      const close2 = this.parseFor(open);
      this.newlineModes.pop();
      this.newlineModes.pop();
      return { first: open, last: close2, literal: false };
    }
    const where = `in the object opened at line ${open.line}, column ${open.column}`;
    const entries = [];
    let literal = true;
    let close;
    for (; ; ) {
      this.skipNewlines();
      if (this.isPunct(this.peek(), "}")) {
        close = this.next();
        break;
      }
      const key = this.parseExpression();
      const assign = this.next();
      if (!this.isPunct(assign, "=") && !this.isPunct(assign, ":")) {
        this.fail(`expected "=" or ":" after the key ${where}, found ${this.describe(assign)}`, assign);
      }
      const value = this.parseExpression();
      const keyText = this.objectKey(key);
      if (keyText !== void 0 && value.literal)
        entries.push([keyText, value.value]);
      else
        literal = false;
      const separator = this.peek();
      if (this.isPunct(separator, ",")) {
        this.next();
      } else if (separator.kind !== "newline" && !this.isPunct(separator, "}")) {
        this.fail(`expected a line break, "," or "}" after the value ${where}, found ${this.describe(separator)}`, separator);
      }
    }
    this.newlineModes.pop();
    return literal ? { first: open, last: close, literal: true, value: Object.fromEntries(entries) } : { first: open, last: close, literal: false };
  }
  /** The key of an object item as a string: `name`, `"name"` or a literal number; else undefined. */
  objectKey(key) {
    if (key.first === key.last && key.name !== void 0)
      return key.name;
    if (!key.literal)
      return void 0;
    if (typeof key.value === "string" || typeof key.value === "number" || typeof key.value === "boolean") {
      return String(key.value);
    }
    return void 0;
  }
  isForKeyword() {
    const token = this.peek();
    if (!this.isKeyword(token, "for"))
      return false;
    let j = this.i + 1;
    while (this.tokens[j].kind === "newline")
      j++;
    return this.tokens[j].kind === "ident";
  }
  /** `for k, v in coll : value` (+ `key => value ...` in braces) `if cond`; returns the closing token. */
  parseFor(open) {
    const isObject2 = open.text === "{";
    const closer = CLOSERS[open.text];
    const where = `in the for expression opened at line ${open.line}, column ${open.column}`;
    this.next();
    this.expectIdentifier(where);
    if (this.isPunct(this.peek(), ",")) {
      this.next();
      this.expectIdentifier(where);
    }
    const keyword = this.next();
    if (!this.isKeyword(keyword, "in"))
      this.fail(`expected "in" ${where}, found ${this.describe(keyword)}`, keyword);
    this.parseExpression();
    this.expectPunct(":", where);
    this.parseExpression();
    if (isObject2) {
      this.expectPunct("=>", where);
      this.parseExpression();
      if (this.isPunct(this.peek(), "..."))
        this.next();
    }
    if (this.isKeyword(this.peek(), "if")) {
      this.next();
      this.parseExpression();
    }
    return this.expectPunct(closer, `to close ${where}`);
  }
  expectIdentifier(where) {
    const token = this.next();
    if (token.kind !== "ident")
      this.fail(`expected a variable name ${where}, found ${this.describe(token)}`, token);
    return token;
  }
  // ---------------------------------------------------------------- templates
  /**
   * Checks every interpolation and directive of a template; returns its value when it has none
   * (a plain string), else undefined.
   */
  literalOfTemplate(token) {
    let literal = true;
    const open = [];
    for (const part of token.parts) {
      if (part.kind === "literal")
        continue;
      literal = false;
      const parser2 = new _Parser(this.text, part.tokens, this.nesting, 'the closing "}" of the template sequence');
      parser2.newlineModes[0] = false;
      if (part.kind === "interpolation")
        parser2.parseInterpolation(part.open);
      else
        parser2.parseDirective(part.open, open);
    }
    const unclosed = open[open.length - 1];
    if (unclosed) {
      this.fail(`"%{ ${unclosed.keyword} }" opened at line ${unclosed.at.line} has no "%{ end${unclosed.keyword} }"`, unclosed.at);
    }
    if (!literal)
      return void 0;
    const text = token.parts.map((p) => p.kind === "literal" ? p.text : "").join("");
    return token.flush ? removeCommonIndent(text) : text;
  }
  skipStripMarker() {
    if (this.isPunct(this.peek(), "~"))
      this.next();
  }
  expectEndOfSequence() {
    this.skipStripMarker();
    const end = this.next();
    if (end.kind !== "eof")
      this.fail(`expected "}" to end the template sequence, found ${this.describe(end)}`, end);
  }
  parseInterpolation(open) {
    this.skipStripMarker();
    if (this.peek().kind === "eof")
      this.fail(`empty interpolation "\${}": write an expression inside`, open);
    this.parseExpression();
    this.expectEndOfSequence();
  }
  parseDirective(open, stack) {
    this.skipStripMarker();
    const keyword = this.next();
    const word = keyword.kind === "ident" ? keyword.text : "";
    const top = stack[stack.length - 1];
    switch (word) {
      case "if":
        this.parseExpression();
        stack.push({ keyword: "if", at: open, sawElse: false });
        break;
      case "for": {
        const where = `in the "%{ for }" opened at line ${open.line}, column ${open.column}`;
        this.expectIdentifier(where);
        if (this.isPunct(this.peek(), ",")) {
          this.next();
          this.expectIdentifier(where);
        }
        const inKeyword = this.next();
        if (!this.isKeyword(inKeyword, "in")) {
          this.fail(`expected "in" ${where}, found ${this.describe(inKeyword)}`, inKeyword);
        }
        this.parseExpression();
        stack.push({ keyword: "for", at: open, sawElse: false });
        break;
      }
      case "else":
        if (top?.keyword !== "if" || top.sawElse)
          this.fail('"%{ else }" without a matching "%{ if }"', open);
        top.sawElse = true;
        break;
      case "endif":
      case "endfor": {
        const expected = word === "endif" ? "if" : "for";
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
};
function removeCommonIndent(text) {
  const lines = text.split("\n");
  let common = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === "")
      continue;
    let indent = 0;
    while (line[indent] === " " || line[indent] === "	")
      indent++;
    common = Math.min(common, indent);
  }
  if (!Number.isFinite(common) || common === 0)
    return text;
  return lines.map((line) => line.slice(Math.min(common, leadingBlanks(line)))).join("\n");
}
function leadingBlanks(line) {
  let i = 0;
  while (line[i] === " " || line[i] === "	")
    i++;
  return i;
}

// packages/collectors/dist/files/markdown.js
var REGISTRY_HOSTS = [
  String.raw`(?:[a-z0-9-]+\.)?gcr\.io`,
  String.raw`[a-z0-9-]+-docker\.pkg\.dev`,
  String.raw`(?:registry-1\.|index\.)?docker\.io`,
  String.raw`ghcr\.io`,
  String.raw`quay\.io`,
  String.raw`registry\.k8s\.io`,
  String.raw`mcr\.microsoft\.com`,
  String.raw`public\.ecr\.aws`,
  String.raw`[a-z0-9-]+\.azurecr\.io`,
  String.raw`\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com`
];
var REFERENCE = new RegExp(String.raw`(?<![A-Za-z0-9.\-_])(?:${REGISTRY_HOSTS.join("|")})(?::\d+)?/[A-Za-z0-9._\-/:@$\{\}]+`, "gi");
function parseMarkdown(file, text) {
  const source = normalizeText(text);
  const references = [];
  source.split("\n").forEach((line, index2) => {
    for (const match of line.matchAll(REFERENCE)) {
      const reference = trimTrailingPunctuation(match[0]);
      if (!reference.includes("/"))
        continue;
      references.push({ text: reference, line: index2 + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return { file, references, ignores: findInlineIgnores(file, source, "markdown") };
}
function trimTrailingPunctuation(token) {
  let out = token.replace(/[.:,;]+$/, "");
  while (out.endsWith("}") && count(out, "{") < count(out, "}"))
    out = out.slice(0, -1).replace(/[.:,;]+$/, "");
  return out.replace(/\/+$/, "");
}
function count(text, char) {
  let n = 0;
  for (const c of text)
    if (c === char)
      n++;
  return n;
}

// packages/collectors/dist/files/terraform.js
function parseTerraform(file, text) {
  const body = parseHcl(text);
  const stray = Object.values(body.attributes).sort((a, b) => a.line - b.line || a.column - b.column)[0];
  if (stray) {
    throw new FileParseError(`attribute "${stray.name}" at the top level: a .tf file holds only blocks (resource, module, variable...); variable values belong in a .tfvars file`, stray.line, stray.column);
  }
  return { file, blocks: body.blocks, ignores: findInlineIgnores(file, text) };
}

// packages/collectors/dist/files/tfstate.js
var SUPPORTED_STATE_VERSION = 4;
var IDENTITY_ATTRIBUTES = [
  "account_id",
  "cluster",
  "connection_name",
  "crypto_key",
  "crypto_key_id",
  "database_version",
  "email",
  "format",
  "id",
  "instance",
  "key_ring",
  "location",
  "location_id",
  "name",
  "project",
  "purpose",
  "redis_version",
  "region",
  "repository_id",
  "secret_id",
  "self_link",
  "tier",
  "zone"
];
var SECRET_GENERATING_TYPE = /^(?:random|tls)_/;
function parseTfState(file, source) {
  const text = source.charCodeAt(0) === 65279 ? ` ${source.slice(1)}` : source;
  let root;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, error);
  }
  const fail = (message, pointer) => {
    const at = positionAt2(text, locateJsonPointer(text, pointer) ?? 0);
    throw new FileParseError(message, at.line, at.column);
  };
  if (!isObject(root))
    fail('a state file is a JSON object with "version" and "resources"', "");
  const state = root;
  const version = state.version;
  if (version !== SUPPORTED_STATE_VERSION) {
    const shown = typeof version === "number" ? `version ${version}` : 'no numeric "version"';
    fail(`unsupported state format: ${shown}; only format version ${SUPPORTED_STATE_VERSION} (Terraform 0.12 and later, OpenTofu) is read. Upgrade it with a current "tofu state pull" or "terraform state pull"`, typeof version === "undefined" ? "" : "/version");
  }
  const resources = state.resources;
  if (!Array.isArray(resources)) {
    fail('"resources" must be a list of resources', resources === void 0 ? "" : "/resources");
  }
  const out = { file, version: SUPPORTED_STATE_VERSION, resources: [] };
  if (typeof state.terraform_version === "string")
    out.terraformVersion = state.terraform_version;
  resources.forEach((resource, i) => {
    out.resources.push(readResource(resource, `/resources/${i}`, fail));
  });
  return out;
}
function readResource(resource, pointer, fail) {
  if (!isObject(resource))
    return fail(`resources[${pointerIndex(pointer)}] must be an object`, pointer);
  const field = (key) => {
    const value = resource[key];
    if (typeof value !== "string" || value === "") {
      return fail(`resources[${pointerIndex(pointer)}]: "${key}" must be a non-empty string`, `${pointer}/${key}`);
    }
    return value;
  };
  const mode = field("mode");
  const type = field("type");
  const name = field("name");
  let module;
  if (resource.module !== void 0)
    module = field("module");
  const instances = resource.instances;
  if (!Array.isArray(instances)) {
    return fail(`resources[${pointerIndex(pointer)}]: "instances" must be a list`, `${pointer}/instances`);
  }
  const address = `${module ? `${module}.` : ""}${mode === "data" ? "data." : ""}${type}.${name}`;
  const read = {
    mode,
    type,
    name,
    address,
    instances: instances.map((instance, j) => readInstance(type, instance, `${pointer}/instances/${j}`, fail))
  };
  if (module)
    read.module = module;
  return read;
}
function readInstance(type, instance, pointer, fail) {
  if (!isObject(instance))
    return fail(`${pointerPath(pointer)} must be an object`, pointer);
  const out = { identity: {} };
  const indexKey = instance.index_key;
  if (typeof indexKey === "string" || typeof indexKey === "number" && Number.isFinite(indexKey)) {
    out.indexKey = indexKey;
  }
  const attributes = instance.attributes;
  if (!isObject(attributes) || SECRET_GENERATING_TYPE.test(type))
    return out;
  const sensitive = sensitiveAttributeNames(instance.sensitive_attributes);
  const sensitiveValues = /* @__PURE__ */ new Set();
  for (const key of sensitive) {
    const value = attributes[key];
    if (typeof value === "string" && value !== "")
      sensitiveValues.add(value);
  }
  for (const key of IDENTITY_ATTRIBUTES) {
    if (sensitive.has(key))
      continue;
    const value = attributes[key];
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      continue;
    const text = String(value);
    if (text === "" || sensitiveValues.has(text))
      continue;
    out.identity[key] = text;
  }
  return out;
}
function sensitiveAttributeNames(paths) {
  const names = /* @__PURE__ */ new Set();
  if (!Array.isArray(paths))
    return names;
  for (const path of paths) {
    const step = Array.isArray(path) ? path[0] : path;
    if (isObject(step) && step.type === "get_attr" && typeof step.value === "string")
      names.add(step.value);
  }
  return names;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function pointerIndex(pointer) {
  return pointer.split("/")[2] ?? "";
}
function pointerPath(pointer) {
  return pointer.split("/").slice(1).map((part, i) => /^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`).join("");
}
function positionAt2(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
function jsonSyntaxError(text, error) {
  const found = scanJson(text);
  if (found.error) {
    const at2 = positionAt2(text, found.error.offset);
    return new FileParseError(`invalid JSON: ${found.error.message}`, at2.line, at2.column);
  }
  const reported = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  const at = positionAt2(text, reported ? Number(reported[1]) : 0);
  return new FileParseError("invalid JSON", at.line, at.column);
}
function locateJsonPointer(text, pointer) {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const offset = scanJson(text, p).offset;
    if (offset !== void 0 || p === "")
      return offset;
  }
}
var JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
var JSON_LITERAL = /true|false|null/y;
function scanJson(text, target) {
  let i = 0;
  const stack = [];
  const skipSpace = () => {
    while (i < text.length && " 	\r\n".includes(text[i]))
      i++;
  };
  const error = (message) => ({
    error: { offset: Math.min(i, text.length), message: i >= text.length ? "unexpected end of file" : message }
  });
  const scanString = () => {
    const start = i;
    i++;
    for (; ; ) {
      if (i >= text.length)
        return void 0;
      const c = text.charCodeAt(i);
      if (c === 34)
        break;
      if (c < 32)
        return void 0;
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return void 0;
          i += 6;
        } else if (e !== void 0 && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return void 0;
        }
      } else {
        i++;
      }
    }
    i++;
    return JSON.parse(text.slice(start, i));
  };
  let path = "";
  let expectValue = true;
  for (; ; ) {
    if (expectValue) {
      skipSpace();
      if (target !== void 0 && path === target)
        return { offset: i };
      const c2 = text[i];
      if (c2 === "{" || c2 === "[") {
        i++;
        skipSpace();
        if (c2 === "{") {
          stack.push({ kind: "object", path });
          if (text[i] === "}") {
            i++;
            stack.pop();
            expectValue = false;
            continue;
          }
          const key = readKey();
          if (typeof key !== "string")
            return key;
          path = `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
          continue;
        }
        stack.push({ kind: "array", path, index: 0 });
        if (text[i] === "]") {
          i++;
          stack.pop();
          expectValue = false;
          continue;
        }
        path = `${path}/0`;
        continue;
      }
      if (c2 === '"') {
        const start = i;
        if (scanString() === void 0) {
          i = start;
          return error("malformed string (unterminated, a raw control character or a bad escape)");
        }
      } else {
        JSON_NUMBER.lastIndex = i;
        JSON_LITERAL.lastIndex = i;
        const m = JSON_NUMBER.exec(text) ?? JSON_LITERAL.exec(text);
        if (!m)
          return error("expected a JSON value (object, list, string, number, true, false or null)");
        i += m[0].length;
      }
      expectValue = false;
      continue;
    }
    skipSpace();
    const frame = stack[stack.length - 1];
    if (!frame) {
      if (i < text.length)
        return error("unexpected text after the end of the JSON value");
      return {};
    }
    const c = text[i];
    if (frame.kind === "object") {
      if (c === "}") {
        i++;
        stack.pop();
        path = frame.path;
        continue;
      }
      if (c !== ",")
        return error('expected "," or "}" after an object member');
      i++;
      skipSpace();
      const key = readKey();
      if (typeof key !== "string")
        return key;
      path = `${frame.path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      expectValue = true;
      continue;
    }
    if (c === "]") {
      i++;
      stack.pop();
      path = frame.path;
      continue;
    }
    if (c !== ",")
      return error('expected "," or "]" after a list element');
    i++;
    frame.index++;
    path = `${frame.path}/${frame.index}`;
    expectValue = true;
  }
  function readKey() {
    if (text[i] !== '"')
      return error("expected a double-quoted member name");
    const start = i;
    const key = scanString();
    if (key === void 0) {
      i = start;
      return error("malformed member name");
    }
    skipSpace();
    if (text[i] !== ":")
      return error('expected ":" after a member name');
    i++;
    return key;
  }
}

// packages/collectors/dist/files/workflows.js
function parseWorkflow(file, text) {
  const source = normalizeText(text);
  if (overYamlBudget(source) !== void 0)
    throw budgetError();
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, logLevel: "error", uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const at = positionAt(lineCounter, error.pos[0]);
    throw new FileParseError(invalidYaml(error.message), at.line, at.column);
  }
  const duplicate = firstDuplicateKey(document.contents);
  if (duplicate) {
    const at = nodePosition(lineCounter, duplicate) ?? { line: 1, column: 1 };
    throw new FileParseError("invalid YAML: Map keys must be unique", at.line, at.column);
  }
  const root = document.contents;
  if (!isMap(root)) {
    const at = nodePosition(lineCounter, root) ?? { line: 1, column: 1 };
    throw new FileParseError('a workflow must be a YAML mapping with "on" and "jobs"', at.line, at.column);
  }
  const positionOf = (node) => nodePosition(lineCounter, node) ?? { line: 1, column: 1 };
  const name = stringOf(entryValue(root, "name"));
  const on = entryValue(root, "on");
  const permissions = readPermissions(entryValue(root, "permissions"));
  const workflow = {
    file,
    ...name !== void 0 ? { name } : {},
    line: positionOf(root.items[0]?.key).line,
    on: isMap(on) ? on.items.map(keyString).filter((k) => k !== void 0) : stringList(on),
    pushBranches: isMap(on) ? stringList(entryValue(entryValue(on, "push"), "branches")) : [],
    ...permissions !== void 0 ? { permissions } : {},
    jobs: [],
    ignores: findInlineIgnores(file, source)
  };
  const jobs = entryValue(root, "jobs");
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const id = keyString(pair);
      if (id === void 0)
        continue;
      workflow.jobs.push(readJob(id, pair.key, pair.value, source, lineCounter, positionOf));
    }
  }
  return workflow;
}
function readJob(id, keyNode, node, source, lineCounter, positionOf) {
  const name = stringOf(entryValue(node, "name"));
  const permissions = readPermissions(entryValue(node, "permissions"));
  const uses = readUses(entryValue(node, "uses"), positionOf);
  const job = {
    id,
    ...name !== void 0 ? { name } : {},
    line: positionOf(keyNode).line,
    needs: stringList(entryValue(node, "needs")),
    ...permissions !== void 0 ? { permissions } : {},
    ...uses ? { uses } : {},
    steps: []
  };
  const steps = entryValue(node, "steps");
  if (isSeq(steps)) {
    steps.items.forEach((stepNode, index2) => {
      job.steps.push(readStep(index2, stepNode, source, lineCounter, positionOf));
    });
  }
  return job;
}
function readStep(index2, node, source, lineCounter, positionOf) {
  const name = stringOf(entryValue(node, "name"));
  const uses = readUses(entryValue(node, "uses"), positionOf);
  const step = {
    index: index2,
    ...name !== void 0 ? { name } : {},
    line: positionOf(node).line,
    ...uses ? { uses } : {},
    with: {}
  };
  const withNode = entryValue(node, "with");
  if (isMap(withNode)) {
    for (const pair of withNode.items) {
      const key = keyString(pair);
      if (key === void 0)
        continue;
      const at = positionOf(pair.value ?? pair.key);
      step.with[key] = { value: stringify(pair.value), line: at.line, column: at.column };
    }
  }
  const runPair = pairOf(node, "run");
  if (runPair && isScalar(runPair.value)) {
    const script = String(runPair.value.value ?? "");
    const lines = scriptLines(runPair.value, script, source, lineCounter);
    const commands = scriptCommands(script, (lineIndex) => lines[lineIndex] ?? lines[lines.length - 1] ?? 1);
    step.run = { script, line: positionOf(runPair.key).line, commands };
  }
  return step;
}
function readUses(node, positionOf) {
  const raw = stringOf(node);
  if (raw === void 0)
    return void 0;
  const at = positionOf(node);
  const position = { line: at.line, column: at.column };
  if (raw.startsWith("./") || raw.startsWith(".\\") || raw === ".")
    return { raw, kind: "local", ...position };
  if (raw.startsWith("docker://"))
    return { raw, kind: "docker", ...position };
  const atSign = raw.lastIndexOf("@");
  const path = atSign < 0 ? raw : raw.slice(0, atSign);
  return {
    raw,
    repository: path.split("/").slice(0, 2).join("/"),
    ...atSign >= 0 ? { ref: raw.slice(atSign + 1) } : {},
    kind: "remote",
    ...position
  };
}
function scriptLines(node, value, source, lineCounter) {
  const [start = 0, end = start] = node.range ?? [];
  const headerLine = positionAt(lineCounter, start).line;
  const valueLines = value.split("\n");
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const firstLine = block ? headerLine + 1 : headerLine;
  if (node.type === Scalar.BLOCK_LITERAL) {
    return valueLines.map((_, i) => firstLine + i);
  }
  const lastLine = positionAt(lineCounter, Math.max(start, end - 1)).line;
  const sourceLines = source.split("\n");
  const lines = [];
  let cursor = firstLine;
  for (const valueLine of valueLines) {
    const probe = valueLine.trim().slice(0, 24);
    let found = -1;
    if (probe) {
      for (let l = cursor; l <= lastLine; l++) {
        if ((sourceLines[l - 1] ?? "").includes(probe)) {
          found = l;
          break;
        }
      }
    }
    const line = found > 0 ? found : cursor;
    lines.push(line);
    cursor = Math.min(line + 1, lastLine);
  }
  return lines;
}
function readPermissions(node) {
  if (isScalar(node))
    return stringOf(node);
  if (!isMap(node))
    return void 0;
  const permissions = {};
  for (const pair of node.items) {
    const scope = keyString(pair);
    const level = stringOf(pair.value);
    if (scope !== void 0 && level !== void 0)
      permissions[scope] = level;
  }
  return permissions;
}
function stringOf(node) {
  if (!isScalar(node) || node.value === null || node.value === void 0)
    return void 0;
  return String(node.value);
}
function stringList(node) {
  if (isScalar(node)) {
    const value = stringOf(node);
    return value === void 0 ? [] : [value];
  }
  if (isSeq(node))
    return node.items.map(stringOf).filter((v) => v !== void 0);
  return [];
}
function stringify(node) {
  if (isScalar(node))
    return node.value === null || node.value === void 0 ? "" : String(node.value);
  if (node && typeof node === "object" && "toJSON" in node)
    return JSON.stringify(node.toJSON());
  return "";
}

// packages/collectors/dist/files/image-builds.js
import { posix } from "node:path";
function repoPath(...parts) {
  const joined = posix.normalize(posix.join(...parts.filter((p) => p !== "")));
  if (joined === ".." || joined.startsWith("../") || posix.isAbsolute(joined))
    return void 0;
  return joined === "." ? "" : joined.replace(/\/$/, "");
}
var CLOUDBUILD = /(?:^|\/)cloudbuild[^/]*\.ya?ml$/i;
var SKAFFOLD = /(?:^|\/)skaffold[^/]*\.ya?ml$/i;
var COMPOSE = /(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$/i;
var KUSTOMIZATION = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
function imageBuilds(workflows, yamlSources, dockerfiles) {
  const out = [];
  const add = (image, dockerfile, via, file, line) => {
    const name = image.trim();
    const repo = name.split("@")[0].replace(/:[^/]*$/, "");
    if (!name || !dockerfile || !dockerfiles.has(dockerfile) || /[$%{}\s]/.test(repo))
      return;
    out.push({ image: name === repo || /[$%{}\s]/.test(name) ? repo : name, dockerfile, via, file, line });
  };
  for (const wf of workflows) {
    for (const job of wf.jobs) {
      const metadataImages = job.steps.filter((s) => s.uses?.repository === "docker/metadata-action").flatMap((s) => splitList(s.with.images?.value ?? "").map((i) => i.split(",")[0].trim()));
      for (const step of job.steps) {
        for (const cmd of step.run?.commands ?? []) {
          const build = dockerBuildArgs(cmd.argv);
          if (!build)
            continue;
          const dockerfile = build.file ? repoPath(build.file) : repoPath(build.context, "Dockerfile");
          for (const tag of build.tags)
            add(tag, dockerfile, "workflow", wf.file, cmd.line);
        }
        if (step.uses?.repository === "docker/build-push-action") {
          const context = step.with.context?.value.trim() || ".";
          const file = step.with.file?.value.trim();
          const dockerfile = context.includes("${{") ? void 0 : file ? repoPath(file) : repoPath(context, "Dockerfile");
          const tags = step.with.tags;
          if (!tags)
            continue;
          const written = splitList(tags.value);
          const images = written.some((t) => /steps\.[\w-]+\.outputs\.tags/.test(t)) ? metadataImages : written;
          for (const image of images)
            add(image, dockerfile, "workflow", wf.file, tags.line);
        }
      }
    }
  }
  const renames = [];
  for (const { path, text } of yamlSources) {
    const isCloudBuild = CLOUDBUILD.test(path);
    const isSkaffold = SKAFFOLD.test(path);
    const isCompose = COMPOSE.test(path);
    const isKustomization = KUSTOMIZATION.test(path);
    if (!isCloudBuild && !isSkaffold && !isCompose && !isKustomization)
      continue;
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    for (const { value, lineOf } of yamlDocuments(text)) {
      if (!isRecord(value))
        continue;
      if (isCloudBuild) {
        for (const step of arrayOf(value.steps)) {
          if (!isRecord(step))
            continue;
          const builder = typeof step.name === "string" ? step.name : "";
          if (!/(?:^|\/)docker(?::[\w.-]+)?$/.test(builder))
            continue;
          const args = arrayOf(step.args).filter((a) => typeof a === "string");
          const build = dockerBuildArgs(["docker", ...args]);
          if (!build)
            continue;
          const cwd = typeof step.dir === "string" ? repoPath(step.dir) ?? void 0 : "";
          if (cwd === void 0)
            continue;
          const dockerfile = build.file ? repoPath(cwd, build.file) : repoPath(cwd, build.context, "Dockerfile");
          for (const tag of build.tags)
            add(tag, dockerfile, "cloudbuild", path, lineOf(step));
        }
      }
      if (isSkaffold) {
        const builds = [value.build, ...arrayOf(value.profiles).map((p) => isRecord(p) ? p.build : void 0)];
        for (const build of builds) {
          if (!isRecord(build))
            continue;
          for (const artifact of arrayOf(build.artifacts)) {
            if (!isRecord(artifact) || typeof artifact.image !== "string")
              continue;
            const context = typeof artifact.context === "string" ? artifact.context : ".";
            const docker = isRecord(artifact.docker) ? artifact.docker : {};
            const file = typeof docker.dockerfile === "string" ? docker.dockerfile : "Dockerfile";
            add(artifact.image, repoPath(dir, context, file), "skaffold", path, lineOf(artifact));
          }
        }
      }
      if (isCompose && isRecord(value.services)) {
        for (const service of Object.values(value.services)) {
          if (!isRecord(service) || typeof service.image !== "string" || service.build === void 0)
            continue;
          const build = service.build;
          const context = typeof build === "string" ? build : isRecord(build) && typeof build.context === "string" ? build.context : ".";
          const file = isRecord(build) && typeof build.dockerfile === "string" ? build.dockerfile : "Dockerfile";
          add(service.image, repoPath(dir, context, file), "compose", path, lineOf(service));
        }
      }
      if (isKustomization) {
        for (const entry of arrayOf(value.images)) {
          if (!isRecord(entry) || typeof entry.name !== "string" || typeof entry.newName !== "string")
            continue;
          renames.push({ name: entry.name, newName: entry.newName, file: path, line: lineOf(entry) });
        }
      }
    }
  }
  for (const r of renames) {
    const key = imageRepository(r.newName);
    const built = out.find((b) => imageRepository(b.image) === key);
    if (built)
      add(r.name, built.dockerfile, "kustomize", r.file, r.line);
  }
  return out;
}
function imageRepository(image) {
  let rest = image.trim().split("@")[0];
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/"))
    rest = rest.slice(0, colon);
  const first = rest.split("/")[0];
  if (rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost"))
    return rest;
  return `docker.io/${rest.includes("/") ? rest : `library/${rest}`}`;
}
function dockerBuildArgs(argv) {
  const [program, ...rest] = argv;
  if (program !== "docker" && program !== "podman")
    return void 0;
  let i = 0;
  if (rest[0] === "buildx" || rest[0] === "image")
    i = 1;
  if (rest[i] !== "build")
    return void 0;
  const tags = [];
  const positionals = [];
  let file;
  const VALUE_OPTIONS = /* @__PURE__ */ new Set([
    "--build-arg",
    "--platform",
    "--target",
    "--label",
    "--cache-from",
    "--cache-to",
    "-o",
    "--output",
    "--secret",
    "--ssh",
    "--builder",
    "--network",
    "--progress",
    "--iidfile",
    "--metadata-file",
    "--build-context",
    "--add-host",
    "--shm-size",
    "--ulimit",
    "--attest",
    "--annotation",
    "--provenance",
    "--sbom"
  ]);
  for (let j = i + 1; j < rest.length; j++) {
    const w = rest[j];
    const value = (names) => {
      for (const n of names) {
        if (w === n)
          return rest[++j];
        if (n.startsWith("--") && w.startsWith(`${n}=`))
          return w.slice(n.length + 1);
      }
      return void 0;
    };
    const tag = value(["-t", "--tag"]);
    if (tag !== void 0) {
      tags.push(tag);
      continue;
    }
    const f = value(["-f", "--file"]);
    if (f !== void 0) {
      file = f;
      continue;
    }
    if (w.startsWith("-")) {
      if (VALUE_OPTIONS.has(w))
        j++;
      continue;
    }
    positionals.push(w);
  }
  const context = positionals[positionals.length - 1];
  if (!context || /[$]|:\/\/|^-$/.test(context))
    return void 0;
  if (file !== void 0 && /[$]/.test(file))
    return void 0;
  return { tags, ...file !== void 0 ? { file } : {}, context };
}
function splitList(value) {
  return value.split(/[\n,]/).map((t) => t.trim()).filter(Boolean);
}
function yamlDocuments(text) {
  if (overYamlBudget(text) !== void 0)
    return [];
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, logLevel: "error" });
  } catch {
    return [];
  }
  if (!Array.isArray(docs))
    return [];
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || !doc.contents)
      continue;
    const nodes = /* @__PURE__ */ new Map();
    const toPlain = (node) => {
      if (isMap(node)) {
        const obj = {};
        nodes.set(obj, node);
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : void 0;
          if (key !== void 0)
            obj[key] = toPlain(pair.value);
        }
        return obj;
      }
      if (isSeq(node))
        return node.items.map(toPlain);
      if (isScalar(node))
        return node.value;
      return void 0;
    };
    const value = toPlain(doc.contents);
    out.push({
      value,
      lineOf: (v) => {
        const range = nodes.get(v)?.range;
        return range ? lineCounter.linePos(range[0]).line : 1;
      }
    });
  }
  return out;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function arrayOf(v) {
  return Array.isArray(v) ? v : [];
}

// packages/collectors/dist/files/kustomize.js
import { posix as posix2 } from "node:path";
function kustomizePatchFiles(yamlSources) {
  const kustomizations = /* @__PURE__ */ new Map();
  for (const { path, text } of yamlSources) {
    if (!KUSTOMIZATION.test(path))
      continue;
    const dir = posix2.dirname(path) === "." ? "" : posix2.dirname(path);
    const k = { dir, includes: [], patches: [] };
    for (const { value } of yamlDocuments(text)) {
      if (!isRecord(value))
        continue;
      for (const key of ["resources", "bases", "components"])
        for (const entry of Array.isArray(value[key]) ? value[key] : [])
          if (typeof entry === "string")
            k.includes.push(entry);
      const listed = [
        ...Array.isArray(value.patches) ? value.patches : [],
        ...Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : [],
        ...Array.isArray(value.patchesJson6902) ? value.patchesJson6902 : []
      ];
      for (const entry of listed) {
        const file = typeof entry === "string" ? entry : isRecord(entry) ? entry.path : void 0;
        if (typeof file !== "string" || !file || file.includes("\n"))
          continue;
        const target = isRecord(entry) && isRecord(entry.target) ? targetOf(entry.target) : void 0;
        k.patches.push({ file, ...target ? { target } : {} });
      }
    }
    if (![...kustomizations.values()].some((other) => other.dir === dir))
      kustomizations.set(path, k);
  }
  const byDir = new Map([...kustomizations].map(([path, k]) => [k.dir, path]));
  const files = new Set(yamlSources.map((s) => s.path));
  const resolved = /* @__PURE__ */ new Map();
  const resourcesOf = (path, seen) => {
    const known = resolved.get(path);
    if (known)
      return known;
    const out2 = /* @__PURE__ */ new Set();
    const k = kustomizations.get(path);
    if (!k || seen.has(path))
      return out2;
    seen.add(path);
    for (const entry of k.includes) {
      if (/^[a-z][a-z0-9+.-]*:\/\/|^git@|\?ref=/i.test(entry))
        continue;
      const target = repoPath(k.dir, entry);
      if (target === void 0)
        continue;
      const nested = byDir.get(target);
      if (nested !== void 0)
        for (const f of resourcesOf(nested, seen))
          out2.add(f);
      else if (files.has(target))
        out2.add(target);
    }
    resolved.set(path, out2);
    return out2;
  };
  const out = /* @__PURE__ */ new Map();
  for (const [path, k] of kustomizations) {
    for (const { file, target } of k.patches) {
      const patch = repoPath(k.dir, file);
      if (!patch || out.has(patch))
        continue;
      out.set(patch, { kustomization: path, ...target ? { target } : {}, resources: resourcesOf(path, /* @__PURE__ */ new Set()) });
    }
  }
  return out;
}
function targetOf(t) {
  const target = {};
  if (typeof t.kind === "string")
    target.kind = t.kind;
  if (typeof t.name === "string")
    target.name = t.name;
  if (typeof t.namespace === "string")
    target.namespace = t.namespace;
  return Object.keys(target).length ? target : void 0;
}
function renderPatch(patchObjects, patch, bases) {
  const objects = [];
  const mergedOnto = /* @__PURE__ */ new Set();
  let asWritten = 0;
  for (const p of patchObjects) {
    const targets = p.kind === "Secret" ? [] : bases.filter((b) => patch.resources.has(b.file) && targets_(b, p, patch.target));
    if (targets.length === 0) {
      objects.push(p);
      asWritten++;
      continue;
    }
    for (const base of targets) {
      objects.push(mergeObjects(base, p));
      mergedOnto.add(`${base.kind}/${base.name} in ${base.file}`);
    }
  }
  const parts = [];
  if (mergedOnto.size) {
    const named = [...mergedOnto];
    const list = named.length > 3 ? `${named.slice(0, 3).join(", ")} and ${named.length - 3} more` : named.join(", ");
    parts.push(`judged merged onto its base (${list}), as kustomize renders it`);
  }
  if (asWritten)
    parts.push(patchObjects.every((o) => o.kind === "Secret") ? "judged as written (a Secret patch sets its values)" : `judged as written where no object it targets is among what ${patch.kustomization} accumulates in the scanned files`);
  return { objects, said: `kustomize patch (listed in ${patch.kustomization}): ${parts.join("; ")}` };
}
function targets_(base, p, target) {
  const kind = target?.kind ?? p.kind;
  const name = target ? target.name : p.name;
  const namespace = target ? target.namespace : p.namespace;
  return base.kind === kind && (name === void 0 || base.name === name) && (namespace === void 0 || base.namespace === void 0 || base.namespace === namespace);
}
var MERGE_KEYS = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  env: "name",
  imagePullSecrets: "name",
  volumeMounts: "mountPath",
  ports: "containerPort",
  hostAliases: "ip"
};
function mergeObjects(base, patch) {
  const positions = {};
  const from = {
    base: { file: { file: base.file }, entries: entriesOf(base.positions) },
    patch: { file: {}, entries: entriesOf(patch.positions) }
  };
  const copy = (src, at, to) => {
    const { file, entries } = from[src];
    for (const [p, pos] of entries) {
      if (p === at || p.startsWith(`${at}/`))
        positions[to + p.slice(at.length)] = { ...pos, ...file };
    }
  };
  const mark = (src, at, to) => {
    const pos = from[src].entries.find(([p]) => p === at)?.[1];
    if (pos)
      positions[to] = { ...pos, ...from[src].file };
  };
  const merge = (b, bAt, p, pAt, to, key) => {
    if (isRecord(b) && isRecord(p)) {
      if (p.$patch === "replace") {
        const { $patch: _, ...rest } = p;
        copy("patch", pAt, to);
        return rest;
      }
      const out = {};
      for (const [k, v] of Object.entries(b)) {
        if (k in p)
          continue;
        out[k] = v;
        copy("base", `${bAt}/${escapePointerSegment(k)}`, `${to}/${escapePointerSegment(k)}`);
      }
      for (const [k, v] of Object.entries(p)) {
        if (k === "$patch" || v === null)
          continue;
        const kb = `${bAt}/${escapePointerSegment(k)}`;
        const kp = `${pAt}/${escapePointerSegment(k)}`;
        const kt = `${to}/${escapePointerSegment(k)}`;
        if (k in b && (isRecord(v) || Array.isArray(v)) && sameShape(b[k], v)) {
          mark("patch", kp, kt);
          out[k] = merge(b[k], kb, v, kp, kt, k);
        } else {
          out[k] = v;
          copy("patch", kp, kt);
        }
      }
      return out;
    }
    if (Array.isArray(b) && Array.isArray(p)) {
      const mergeKey = MERGE_KEYS[key];
      const keyed = (items) => mergeKey !== void 0 && items.every((i) => isRecord(i) && i[mergeKey] !== void 0);
      if (!keyed(b) || !keyed(p)) {
        copy("patch", pAt, to);
        return p;
      }
      const k = mergeKey;
      const out = [];
      const used = /* @__PURE__ */ new Set();
      b.forEach((item, i) => {
        const j = p.findIndex((x) => x[k] === item[k]);
        if (j < 0) {
          copy("base", `${bAt}/${i}`, `${to}/${out.length}`);
          out.push(item);
          return;
        }
        used.add(j);
        if (p[j].$patch === "delete")
          return;
        mark("patch", `${pAt}/${j}`, `${to}/${out.length}`);
        out.push(merge(item, `${bAt}/${i}`, p[j], `${pAt}/${j}`, `${to}/${out.length}`, ""));
      });
      p.forEach((item, j) => {
        if (used.has(j) || item.$patch === "delete")
          return;
        copy("patch", `${pAt}/${j}`, `${to}/${out.length}`);
        out.push(item);
      });
      return out;
    }
    copy("patch", pAt, to);
    return p;
  };
  const object = merge(base.object, "", patch.object, "", "", "");
  object.metadata = { ...isRecord(object.metadata) ? object.metadata : {} };
  object.metadata.name = base.name;
  return {
    file: patch.file,
    documentIndex: patch.documentIndex,
    apiVersion: base.apiVersion,
    kind: base.kind,
    name: base.name,
    ...base.namespace !== void 0 ? { namespace: base.namespace } : {},
    line: patch.line,
    object,
    positions,
    patchedBase: base.file
  };
}
function entriesOf(positions) {
  return Object.keys(positions).map((p) => [p, positions[p]]);
}
var sameShape = (a, b) => Array.isArray(a) ? Array.isArray(b) : isRecord(a) && isRecord(b);

// packages/collectors/dist/files/tf-expr.js
var Unknown = class {
  inputs;
  constructor(inputs) {
    this.inputs = inputs;
  }
};
function isUnknown(v) {
  return v instanceof Unknown;
}
function unknownOf(...values) {
  const inputs = [];
  const walk = (v) => {
    if (v instanceof Unknown)
      inputs.push(...v.inputs);
    else if (Array.isArray(v))
      v.forEach(walk);
    else if (v && typeof v === "object")
      Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return inputs.length ? new Unknown([...new Set(inputs)]) : void 0;
}
var Bail = class extends Error {
};
var MAX_STEPS = 2e5;
function evaluateExpression(source, scope) {
  try {
    const tokens = tokenizeHcl(source).filter((t) => t.kind !== "newline");
    const e = new Evaluator(tokens, scope, source, { steps: 0 });
    const value = e.expression();
    if (e.peek().kind !== "eof")
      return new Unknown([source.trim()]);
    return value;
  } catch {
    return new Unknown([source.trim()]);
  }
}
var Evaluator = class _Evaluator {
  tokens;
  scope;
  source;
  budget;
  i = 0;
  constructor(tokens, scope, source, budget) {
    this.tokens = tokens;
    this.scope = scope;
    this.source = source;
    this.budget = budget;
  }
  peek() {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1];
  }
  next() {
    const t = this.peek();
    if (t.kind !== "eof")
      this.i++;
    return t;
  }
  isPunct(t, text) {
    return t.kind === "punct" && t.text === text;
  }
  expect(text) {
    if (!this.isPunct(this.next(), text))
      throw new Bail(text);
  }
  expression() {
    const condition = this.binary(1);
    if (!this.isPunct(this.peek(), "?"))
      return condition;
    this.next();
    const whenTrue = this.expression();
    this.expect(":");
    const whenFalse = this.expression();
    if (isUnknown(condition))
      return unknownOf(condition, whenTrue, whenFalse);
    return condition === true || condition === "true" ? whenTrue : whenFalse;
  }
  binary(minimum) {
    let left = this.unary();
    for (; ; ) {
      const op = this.peek();
      const p = op.kind === "punct" ? BINARY_PRECEDENCE[op.text] : void 0;
      if (p === void 0 || p < minimum)
        return left;
      this.next();
      const right = this.binary(p + 1);
      left = applyBinary(op.text, left, right);
    }
  }
  unary() {
    const t = this.peek();
    if (this.isPunct(t, "-") || this.isPunct(t, "!")) {
      this.next();
      const v = this.unary();
      if (isUnknown(v))
        return v;
      if (t.text === "-")
        return -toNumber(v);
      return !toBool(v);
    }
    return this.postfix();
  }
  postfix() {
    let value = this.primary();
    for (; ; ) {
      const t = this.peek();
      if (this.isPunct(t, ".")) {
        this.next();
        const name = this.next();
        if (this.isPunct(name, "*")) {
          value = this.splatRest(value);
          continue;
        }
        value = index(value, name.kind === "number" ? Number(name.text) : name.text);
      } else if (this.isPunct(t, "[")) {
        this.next();
        if (this.isPunct(this.peek(), "*")) {
          this.next();
          this.expect("]");
          value = this.splatRest(value);
          continue;
        }
        const key = this.expression();
        this.expect("]");
        value = isUnknown(key) ? unknownOf(value, key) : index(value, key);
      } else {
        return value;
      }
    }
  }
  /** `[*].a.b`: the attribute path applied to each element. */
  splatRest(value) {
    const path = [];
    while (this.isPunct(this.peek(), ".")) {
      this.next();
      path.push(this.next().text);
    }
    if (isUnknown(value))
      return value;
    const list = value === null ? [] : Array.isArray(value) ? value : [value];
    return list.map((item) => path.reduce((v, name) => index(v, name), item));
  }
  primary() {
    if (++this.budget.steps > MAX_STEPS)
      throw new Bail("too much work");
    const t = this.next();
    switch (t.kind) {
      case "number":
        return Number(t.text);
      case "template":
        if (t.heredoc && t.flush)
          return new Unknown([this.source.trim()]);
        return this.template(t.parts);
      case "ident":
        return this.name(t.text);
      case "punct":
        if (t.text === "(") {
          const v = this.expression();
          this.expect(")");
          return v;
        }
        if (t.text === "[")
          return this.tuple();
        if (t.text === "{")
          return this.object();
        break;
    }
    throw new Bail("expression");
  }
  name(word) {
    if (word === "true")
      return true;
    if (word === "false")
      return false;
    if (word === "null")
      return null;
    if (this.isPunct(this.peek(), "::"))
      throw new Bail("provider function");
    if (this.isPunct(this.peek(), "(")) {
      this.next();
      if (word === "try" || word === "can")
        return this.tryCall(word);
      const args = [];
      let expand = false;
      while (!this.isPunct(this.peek(), ")")) {
        args.push(this.expression());
        if (this.isPunct(this.peek(), "...")) {
          this.next();
          expand = true;
        }
        if (this.isPunct(this.peek(), ","))
          this.next();
        else if (!this.isPunct(this.peek(), ")"))
          throw new Bail("call");
      }
      this.next();
      if (expand) {
        const last = args.pop();
        if (isUnknown(last))
          return last;
        if (!Array.isArray(last))
          throw new Bail("expand");
        args.push(...last);
      }
      return callFunction(word, args, this.source);
    }
    const names = [];
    let j = this.i;
    while (this.isPunct(this.tokens[j], ".") && this.tokens[j + 1]?.kind === "ident") {
      names.push(this.tokens[j + 1].text);
      j += 2;
    }
    const found = this.scope.lookup(word, names);
    if (!found) {
      this.i = j;
      return new Unknown([[word, ...names].join(".")]);
    }
    this.i += found.consumed * 2;
    return found.value;
  }
  /** `try(a, b...)`: the first argument that evaluates without an error; `can(x)`: whether x does. */
  tryCall(word) {
    let result;
    let decided = false;
    while (!this.isPunct(this.peek(), ")")) {
      const start = this.i;
      let value;
      try {
        value = this.expression();
      } catch (e) {
        if (!(e instanceof Bail))
          throw e;
        this.i = start;
        this.skipArgument();
      }
      if (!decided) {
        if (word === "can") {
          result = value === void 0 ? false : isUnknown(value) ? value : true;
          decided = true;
        } else if (value !== void 0) {
          result = value;
          decided = true;
        }
      }
      if (this.isPunct(this.peek(), ","))
        this.next();
      else if (!this.isPunct(this.peek(), ")"))
        throw new Bail("call");
    }
    this.next();
    if (result === void 0)
      throw new Bail(word);
    return result;
  }
  /** Moves past one argument (to the next `,` or `)` at this depth). */
  skipArgument() {
    let depth = 0;
    for (; ; ) {
      const t = this.peek();
      if (t.kind === "eof")
        throw new Bail("argument");
      if (t.kind === "punct") {
        if (t.text === "(" || t.text === "[" || t.text === "{")
          depth++;
        else if (t.text === ")" || t.text === "]" || t.text === "}") {
          if (depth === 0)
            return;
          depth--;
        } else if (t.text === "," && depth === 0)
          return;
      }
      this.next();
    }
  }
  tuple() {
    if (this.peek().kind === "ident" && this.peek().text === "for")
      return this.forExpression("]");
    const items = [];
    while (!this.isPunct(this.peek(), "]")) {
      items.push(this.expression());
      if (this.isPunct(this.peek(), ","))
        this.next();
      else if (!this.isPunct(this.peek(), "]"))
        throw new Bail("tuple");
    }
    this.next();
    return items;
  }
  object() {
    if (this.peek().kind === "ident" && this.peek().text === "for")
      return this.forExpression("}");
    const out = {};
    const unknowns = [];
    while (!this.isPunct(this.peek(), "}")) {
      const keyToken = this.peek();
      let key;
      const after = this.tokens[this.i + 1];
      if (keyToken.kind === "ident" && after && (this.isPunct(after, "=") || this.isPunct(after, ":"))) {
        this.next();
        key = keyToken.text;
      } else {
        key = this.expression();
      }
      const assign = this.next();
      if (!this.isPunct(assign, "=") && !this.isPunct(assign, ":"))
        throw new Bail("object");
      const value = this.expression();
      if (isUnknown(key))
        unknowns.push(key);
      else
        out[String(key)] = value;
      if (this.isPunct(this.peek(), ","))
        this.next();
    }
    this.next();
    return unknowns.length ? unknownOf(...unknowns) : out;
  }
  /** `for k, v in coll : value if cond` (tuple) or `for k, v in coll : key => value... if cond` (object). */
  forExpression(close) {
    this.next();
    const first = this.next().text;
    let second;
    if (this.isPunct(this.peek(), ",")) {
      this.next();
      second = this.next().text;
    }
    if (this.next().text !== "in")
      throw new Bail("for");
    const collection = this.expression();
    this.expect(":");
    const bodyStart = this.i;
    const end = this.matching(close);
    if (isUnknown(collection)) {
      this.i = end + 1;
      return collection;
    }
    const entries = Array.isArray(collection) ? collection.map((v, i) => [i, v]) : collection && typeof collection === "object" ? Object.entries(collection) : [];
    const outList = [];
    const outMap = {};
    const grouped = {};
    let unknown;
    for (const [k, v] of entries) {
      const bound = second === void 0 ? { [first]: v } : { [first]: k, [second]: v };
      const inner = new _Evaluator(this.tokens, withBindings(this.scope, bound), this.source, this.budget);
      inner.i = bodyStart;
      const a = inner.expression();
      let b;
      let group = false;
      if (close === "}") {
        inner.expect("=>");
        b = inner.expression();
        if (this.isPunct(inner.peek(), "...")) {
          inner.next();
          group = true;
        }
      }
      if (inner.peek().kind === "ident" && inner.peek().text === "if") {
        inner.next();
        const cond = inner.expression();
        if (isUnknown(cond)) {
          unknown = unknownOf(unknown, cond);
          continue;
        }
        if (!toBool(cond))
          continue;
      }
      if (close === "]")
        outList.push(a);
      else if (isUnknown(a))
        unknown = unknownOf(unknown, a);
      else if (group)
        grouped[String(a)] = [...grouped[String(a)] ?? [], b];
      else
        outMap[String(a)] = b;
    }
    this.i = end + 1;
    if (unknown)
      return unknown;
    if (close === "]")
      return outList;
    return Object.keys(grouped).length ? grouped : outMap;
  }
  /** Index of the token closing the bracket we are in (`]` or `}`), skipping nested brackets. */
  matching(close) {
    let depth = 0;
    for (let j = this.i; j < this.tokens.length; j++) {
      const t = this.tokens[j];
      if (t.kind !== "punct")
        continue;
      if (t.text === "[" || t.text === "{" || t.text === "(")
        depth++;
      else if (t.text === "]" || t.text === "}" || t.text === ")") {
        if (depth === 0) {
          if (t.text !== close)
            throw new Bail("for end");
          return j;
        }
        depth--;
      }
    }
    throw new Bail("for end");
  }
  template(parts) {
    if (parts.some((p) => p.kind === "directive")) {
      const inputs = parts.flatMap((p) => p.kind === "literal" ? [] : [this.source.trim()]);
      return new Unknown([...new Set(inputs)]);
    }
    let out = "";
    const unknowns = [];
    for (const part of parts) {
      if (part.kind === "literal") {
        out += part.text;
        continue;
      }
      const tokens = part.tokens.filter((t) => t.kind !== "newline" && !(t.kind === "punct" && t.text === "~"));
      const inner = new _Evaluator(tokens, this.scope, this.source, this.budget);
      const v = inner.expression();
      if (isUnknown(v))
        unknowns.push(v);
      else
        out += toStringValue(v);
    }
    if (unknowns.length)
      return unknownOf(...unknowns);
    return out;
  }
};
function withBindings(scope, bound) {
  return {
    lookup(root, names) {
      if (Object.hasOwn(bound, root))
        return { value: bound[root], consumed: 0 };
      return scope.lookup(root, names);
    }
  };
}
function index(value, key) {
  if (isUnknown(value))
    return value;
  if (Array.isArray(value)) {
    const i = toNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= value.length)
      throw new Bail("index");
    return value[i];
  }
  if (value && typeof value === "object") {
    const k = String(key);
    if (!Object.hasOwn(value, k))
      throw new Bail(`no attribute ${k}`);
    return value[k];
  }
  throw new Bail("index of a primitive");
}
function toNumber(v) {
  if (typeof v === "number")
    return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)))
    return Number(v);
  throw new Bail("number");
}
function toBool(v) {
  if (typeof v === "boolean")
    return v;
  if (v === "true")
    return true;
  if (v === "false")
    return false;
  throw new Bail("bool");
}
function toStringValue(v) {
  if (typeof v === "string")
    return v;
  if (typeof v === "number" || typeof v === "boolean")
    return String(v);
  throw new Bail("string");
}
function equal(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function applyBinary(op, a, b) {
  if (op === "&&" && !isUnknown(a) && !toBool(a))
    return false;
  if (op === "||" && !isUnknown(a) && toBool(a))
    return true;
  const unknown = unknownOf(a, b);
  if (unknown)
    return unknown;
  switch (op) {
    case "&&":
    case "||":
      return toBool(b);
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<":
      return toNumber(a) < toNumber(b);
    case ">":
      return toNumber(a) > toNumber(b);
    case "<=":
      return toNumber(a) <= toNumber(b);
    case ">=":
      return toNumber(a) >= toNumber(b);
    case "+":
      return toNumber(a) + toNumber(b);
    case "-":
      return toNumber(a) - toNumber(b);
    case "*":
      return toNumber(a) * toNumber(b);
    case "/":
      return toNumber(a) / toNumber(b);
    case "%":
      return toNumber(a) % toNumber(b);
  }
  throw new Bail(op);
}
function asList(v) {
  if (Array.isArray(v))
    return v;
  throw new Bail("list");
}
function asObject(v) {
  if (v && typeof v === "object" && !Array.isArray(v) && !isUnknown(v))
    return v;
  throw new Bail("object");
}
function format(spec, args) {
  let n = 0;
  return spec.replace(/%([%sdvqf])/g, (_m, verb) => {
    if (verb === "%")
      return "%";
    const v = args[n++];
    if (v === void 0)
      throw new Bail("format");
    if (verb === "q")
      return JSON.stringify(toStringValue(v));
    if (verb === "d")
      return String(Math.trunc(toNumber(v)));
    return typeof v === "object" && v !== null ? JSON.stringify(v) : toStringValue(v);
  });
}
var FUNCTIONS = {
  lower: ([s]) => toStringValue(s).toLowerCase(),
  upper: ([s]) => toStringValue(s).toUpperCase(),
  title: ([s]) => toStringValue(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => toStringValue(s).trim(),
  trimprefix: ([s, p]) => {
    const t = toStringValue(s);
    const q = toStringValue(p);
    return t.startsWith(q) ? t.slice(q.length) : t;
  },
  trimsuffix: ([s, p]) => {
    const t = toStringValue(s);
    const q = toStringValue(p);
    return q && t.endsWith(q) ? t.slice(0, -q.length) : t;
  },
  format: ([spec, ...rest]) => format(toStringValue(spec), rest),
  join: ([sep, ...lists]) => lists.flatMap(asList).map(toStringValue).join(toStringValue(sep)),
  split: ([sep, s]) => toStringValue(s).split(toStringValue(sep)),
  replace: ([s, from, to]) => {
    const f = toStringValue(from);
    if (f.length > 1 && f.startsWith("/") && f.endsWith("/"))
      throw new Bail("regex replace");
    return toStringValue(s).split(f).join(toStringValue(to));
  },
  substr: ([s, o, l]) => {
    const t = toStringValue(s);
    const off = toNumber(o);
    const len = toNumber(l);
    return len < 0 ? t.slice(off) : t.slice(off, off + len);
  },
  concat: (lists) => lists.flatMap(asList),
  merge: (objs) => Object.assign({}, ...objs.filter((o) => o !== null).map(asObject)),
  toset: ([l]) => [...new Map(asList(l).map((x) => [JSON.stringify(x), x])).values()],
  tolist: ([l]) => asList(l),
  tomap: ([o]) => asObject(o),
  tostring: ([s]) => s === null ? null : toStringValue(s),
  tonumber: ([s]) => s === null ? null : toNumber(s),
  tobool: ([s]) => s === null ? null : toBool(s),
  length: ([v]) => {
    if (typeof v === "string")
      return [...v].length;
    if (Array.isArray(v))
      return v.length;
    return Object.keys(asObject(v)).length;
  },
  keys: ([o]) => Object.keys(asObject(o)).sort(),
  values: ([o]) => {
    const m = asObject(o);
    return Object.keys(m).sort().map((k) => m[k]);
  },
  lookup: ([o, k, d]) => {
    const m = asObject(o);
    const key = toStringValue(k);
    if (Object.hasOwn(m, key))
      return m[key];
    if (d === void 0)
      throw new Bail("lookup");
    return d;
  },
  element: ([l, i]) => {
    const list = asList(l);
    if (!list.length)
      throw new Bail("element");
    return list[toNumber(i) % list.length];
  },
  contains: ([l, v]) => asList(l).some((x) => equal(x, v)),
  coalesce: (args) => {
    const v = args.find((a) => a !== null && a !== "");
    if (v === void 0)
      throw new Bail("coalesce");
    return v;
  },
  compact: ([l]) => asList(l).filter((x) => x !== null && x !== ""),
  distinct: ([l]) => [...new Map(asList(l).map((x) => [JSON.stringify(x), x])).values()],
  flatten: ([l]) => {
    const out = [];
    const walk = (x) => Array.isArray(x) ? x.forEach(walk) : out.push(x);
    asList(l).forEach(walk);
    return out;
  },
  min: (args) => Math.min(...args.map(toNumber)),
  max: (args) => Math.max(...args.map(toNumber)),
  abs: ([n]) => Math.abs(toNumber(n)),
  ceil: ([n]) => Math.ceil(toNumber(n)),
  floor: ([n]) => Math.floor(toNumber(n)),
  range: (args) => {
    const [start, end, step] = args.length === 1 ? [0, toNumber(args[0]), 1] : [toNumber(args[0]), toNumber(args[1]), toNumber(args[2] ?? 1)];
    if (step === 0 || Math.abs((end - start) / step) > 1024)
      throw new Bail("range");
    const out = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step)
      out.push(i);
    return out;
  },
  zipmap: ([k, v]) => {
    const ks = asList(k).map(toStringValue);
    const vs = asList(v);
    return Object.fromEntries(ks.map((key, i) => [key, vs[i] ?? null]));
  },
  one: ([l]) => {
    const list = asList(l);
    if (list.length > 1)
      throw new Bail("one");
    return list[0] ?? null;
  },
  startswith: ([s, p]) => toStringValue(s).startsWith(toStringValue(p)),
  endswith: ([s, p]) => toStringValue(s).endsWith(toStringValue(p))
};
function callFunction(name, args, source) {
  const unknown = unknownOf(...args);
  if (unknown)
    return unknown;
  const fn = FUNCTIONS[name];
  if (!fn)
    return new Unknown([`${name}(\u2026) in ${source.trim()}`]);
  return fn(args);
}

// packages/collectors/dist/files/tf-eval.js
var MAX_INSTANCES = 256;
var MAX_MODULE_DEPTH = 8;
var MAX_CONTEXTS = 256;
var MAX_ENVS = 1024;
var SECRET_VARIABLE = /password|passwd|token|private_key|credential|api_key|auth_string|secret_value|secret_data|client_secret|(?:^|_)secret$/i;
var SECRET_ATTRIBUTE = /(?:^|_)(?:password|passwd|secret|secret_data|token|private_key|key_data|credentials?|auth_string|client_secret|api_key|access_key|sas_token|certificate_key)$/i;
function dirOf(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function joinPath(dir, relative) {
  const parts = dir ? dir.split("/") : [];
  for (const seg of relative.split("/")) {
    if (seg === "" || seg === ".")
      continue;
    if (seg === ".." && parts.length > 0 && parts[parts.length - 1] !== "..")
      parts.pop();
    else
      parts.push(seg);
  }
  return parts.join("/");
}
function isOverrideFile(path) {
  const base = baseName(path);
  return base === "override.tf" || base.endsWith("_override.tf");
}
var sourceText = (a) => isTfExpression(a.value) ? a.value.expression : JSON.stringify(a.value ?? null);
function valueIn(a, scope) {
  return isTfExpression(a.value) ? evaluateExpression(a.value.expression, scope) : a.value;
}
function blockKey(b) {
  switch (b.type) {
    case "resource":
    case "data":
      return `${b.type}.${b.labels[0]}.${b.labels[1]}`;
    case "module":
    case "variable":
    case "output":
      return `${b.type}.${b.labels[0]}`;
    case "provider": {
      const alias = b.attributes.alias?.value;
      return `provider.${b.labels[0]}.${typeof alias === "string" ? alias : ""}`;
    }
    case "terraform":
      return "terraform";
    default:
      return void 0;
  }
}
function fromFile(block, file) {
  for (const a of Object.values(block.attributes))
    a.file = file;
  for (const b of block.blocks) {
    b.file = file;
    fromFile(b, file);
  }
  return block;
}
function applyOverrides(files) {
  const byDir = /* @__PURE__ */ new Map();
  for (const f of files)
    byDir.set(dirOf(f.file), [...byDir.get(dirOf(f.file)) ?? [], f]);
  for (const group of byDir.values()) {
    const base = group.filter((f) => !isOverrideFile(f.file));
    const overrides = group.filter((f) => isOverrideFile(f.file)).sort((a, b) => a.file < b.file ? -1 : 1);
    if (!overrides.length)
      continue;
    for (const o of overrides) {
      o.blocks = o.blocks.filter((ob) => {
        if (ob.type === "locals") {
          let merged = false;
          for (const [name, attr] of Object.entries(ob.attributes)) {
            for (const f of base)
              for (const b of f.blocks)
                if (b.type === "locals" && b.attributes[name]) {
                  b.attributes[name] = { ...attr, file: o.file };
                  merged = true;
                }
          }
          return !merged;
        }
        const key = blockKey(ob);
        if (!key)
          return true;
        const target = base.flatMap((f) => f.blocks).find((b) => blockKey(b) === key);
        if (!target)
          return true;
        const marked = fromFile(structuredClone(ob), o.file);
        Object.assign(target.attributes, marked.attributes);
        const replaced = new Set(marked.blocks.map((b) => b.type));
        target.blocks = [...target.blocks.filter((b) => !replaced.has(b.type)), ...marked.blocks];
        return false;
      });
    }
  }
}
var Repository = class {
  varFiles;
  byDir = /* @__PURE__ */ new Map();
  calls = [];
  contexts = /* @__PURE__ */ new Map();
  localCache = /* @__PURE__ */ new Map();
  childCache = /* @__PURE__ */ new Map();
  constructor(files, varFiles) {
    this.varFiles = varFiles;
    for (const f of files)
      this.byDir.set(dirOf(f.file), [...this.byDir.get(dirOf(f.file)) ?? [], f]);
    for (const f of files)
      for (const b of f.blocks) {
        if (b.type !== "module" || !b.labels[0])
          continue;
        const source = b.attributes.source?.value;
        if (typeof source !== "string" || !(source.startsWith("./") || source.startsWith("../")))
          continue;
        this.calls.push({ block: b, file: f, name: b.labels[0], target: joinPath(dirOf(f.file), source) });
      }
  }
  blocksIn(dir) {
    return (this.byDir.get(dir) ?? []).flatMap((file) => file.blocks.map((block) => ({ file, block })));
  }
  variableBlock(dir, name) {
    return this.blocksIn(dir).find(({ block }) => block.type === "variable" && block.labels[0] === name);
  }
  /** `sensitive = true`, or named like a credential (`db_password`, `api_token`): never evaluated. */
  isSensitive(dir, name) {
    if (SECRET_VARIABLE.test(name))
      return true;
    const v = this.variableBlock(dir, name)?.block.attributes.sensitive?.value;
    return v === true || v === "true";
  }
  defaultOf(dir, name) {
    const v = this.variableBlock(dir, name);
    const d = v?.block.attributes.default;
    if (!v || !d)
      return void 0;
    return { value: valueIn(d, EMPTY_SCOPE), origin: { file: d.file ?? v.file.file, line: d.line } };
  }
  /** A root module's variable: `*.auto.tfvars` over `terraform.tfvars` over the default; other `.tfvars` when they agree. */
  rootVariable(dir, name) {
    const files = this.varFiles.filter((v) => dirOf(v.file) === dir);
    const setIn = (v) => {
      const a = v.body.attributes[name];
      return a ? { value: valueIn(a, EMPTY_SCOPE), origin: { file: v.file, line: a.line } } : void 0;
    };
    const rank = (f) => ["terraform.tfvars", "terraform.tfvars.json"].indexOf(baseName(f)) >>> 0;
    const isAuto = (f) => ["terraform.tfvars", "terraform.tfvars.json"].includes(baseName(f)) || f.endsWith(".auto.tfvars") || f.endsWith(".auto.tfvars.json");
    const auto = files.filter((v) => isAuto(v.file)).sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    let base = this.defaultOf(dir, name);
    for (const v of auto)
      base = setIn(v) ?? base;
    const others = files.filter((v) => !auto.includes(v)).flatMap((v) => setIn(v) ?? []);
    const candidates = [...base ? [base] : [], ...others];
    if (!candidates.length)
      return { value: new Unknown([`var.${name}`]) };
    const first = candidates[0];
    if (candidates.every((c) => !isUnknown(c.value) && JSON.stringify(c.value) === JSON.stringify(first.value)))
      return first;
    return { value: new Unknown([`var.${name}`]) };
  }
  contextsOf(dir) {
    const known = this.contexts.get(dir);
    if (known)
      return known;
    const called = this.calls.filter((c) => c.target === dir);
    let out = [];
    if (called.length === 0 || called.every((c) => c.target === dirOf(c.file.file))) {
      out = [
        {
          dir,
          path: "",
          depth: 0,
          variable: (name) => this.rootVariable(dir, name)
        }
      ];
    } else {
      this.contexts.set(dir, []);
      for (const call of called) {
        const callerDir = dirOf(call.file.file);
        for (const parent of this.contextsOf(callerDir)) {
          out.push(...this.childContexts(parent, call));
          if (out.length > MAX_CONTEXTS)
            break;
        }
        if (out.length > MAX_CONTEXTS)
          break;
      }
      if (out.length > MAX_CONTEXTS) {
        out = [
          {
            dir,
            path: "",
            depth: 0,
            variable: (name) => ({ value: new Unknown([`var.${name} (more than ${MAX_CONTEXTS} module instances)`]) })
          }
        ];
      } else if (out.length === 0)
        out = [
          {
            dir,
            path: "",
            depth: 0,
            variable: (name) => this.defaultOf(dir, name) ?? { value: new Unknown([`var.${name}`]) }
          }
        ];
    }
    this.contexts.set(dir, out);
    return out;
  }
  /** The instances of one module call made from `parent`: one per `count` / `for_each` element. */
  childContexts(parent, call) {
    const key = `${parent.path}|${parent.dir}|${call.file.file}:${call.block.line}`;
    const cached = this.childCache.get(key);
    if (cached)
      return cached;
    const out = [];
    if (parent.depth < MAX_MODULE_DEPTH) {
      const instances = this.instancesOf(call.block, this.scope(parent, {}));
      const list = instances ?? [
        {
          bindings: {
            each: new Unknown([`module.${call.name} for_each`]),
            count: new Unknown([`module.${call.name} count`])
          }
        }
      ];
      for (const inst of list) {
        const callerScope = this.scope(parent, inst.bindings);
        out.push({
          dir: call.target,
          path: `${parent.path}module.${call.name}.`,
          depth: parent.depth + 1,
          variable: (name) => {
            const input = call.block.attributes[name];
            if (input)
              return {
                value: valueIn(input, callerScope),
                origin: { file: input.file ?? call.file.file, line: input.line }
              };
            return this.defaultOf(call.target, name) ?? { value: new Unknown([`var.${name}`]) };
          }
        });
      }
    }
    this.childCache.set(key, out);
    return out;
  }
  /** `count` / `for_each` instances in a scope; undefined when they depend on something unknown. */
  instancesOf(block, scope) {
    const count2 = block.attributes.count;
    const forEach = block.attributes.for_each;
    if (count2) {
      const n = valueIn(count2, scope);
      if (isUnknown(n) || typeof n !== "number" || n > MAX_INSTANCES)
        return void 0;
      return Array.from({ length: Math.max(0, n) }, (_, i) => ({ bindings: { count: { index: i } } }));
    }
    if (forEach) {
      const v = valueIn(forEach, scope);
      if (isUnknown(v) || v === null || typeof v !== "object")
        return void 0;
      const entries = Array.isArray(v) ? v.map((x) => [typeof x === "string" ? x : JSON.stringify(x), x]) : Object.entries(v);
      if (entries.length > MAX_INSTANCES)
        return void 0;
      return entries.map(([key, value]) => ({ bindings: { each: { key, value } } }));
    }
    return [{ bindings: {} }];
  }
  /** The scope of a module instance, plus instance bindings (`each`, `count`, a dynamic iterator). */
  scope(ctx, bindings) {
    const base = {
      lookup: (root, names) => {
        switch (root) {
          case "var": {
            const name = names[0];
            if (!name)
              return void 0;
            if (this.isSensitive(ctx.dir, name))
              return { value: new Unknown([`var.${name} (sensitive)`]), consumed: 1 };
            return { value: ctx.variable(name).value, consumed: 1 };
          }
          case "local": {
            const name = names[0];
            if (!name)
              return void 0;
            return { value: this.local(ctx, name), consumed: 1 };
          }
          case "module":
            return this.moduleValue(ctx, names);
          case "path":
            return { value: ctx.dir || ".", consumed: names.length ? 1 : 0 };
          case "terraform":
            return names[0] === "workspace" ? { value: "default", consumed: 1 } : void 0;
          case "each":
          case "count":
            return { value: new Unknown([`${root}.${names[0] ?? ""}`]), consumed: names.length ? 1 : 0 };
          default:
            return void 0;
        }
      }
    };
    return withBindings(base, bindings);
  }
  local(ctx, name) {
    let cache = this.localCache.get(ctx);
    if (!cache) {
      cache = /* @__PURE__ */ new Map();
      this.localCache.set(ctx, cache);
    }
    if (cache.has(name))
      return cache.get(name);
    cache.set(name, new Unknown([`local.${name}`]));
    const attr = this.blocksIn(ctx.dir).filter(({ block }) => block.type === "locals").map(({ block }) => block.attributes[name]).find((a) => a !== void 0);
    const value = attr ? valueIn(attr, this.scope(ctx, {})) : new Unknown([`local.${name}`]);
    cache.set(name, value);
    return value;
  }
  /** `module.<name>.<output>` of a local module call made in this context. */
  moduleValue(ctx, names) {
    const [name, output] = names;
    if (!name)
      return void 0;
    const call = this.calls.find((c) => c.name === name && c.target !== void 0 && dirOf(c.file.file) === ctx.dir);
    if (!call)
      return { value: new Unknown([`module.${name}${output ? `.${output}` : ""}`]), consumed: output ? 2 : 1 };
    const children = this.childContexts(ctx, call);
    const instanced = call.block.attributes.count || call.block.attributes.for_each;
    if (!instanced && output && children.length === 1)
      return { value: this.output(children[0], output, `module.${name}.${output}`), consumed: 2 };
    return { value: new Unknown([`module.${name}${output ? `.${output}` : ""}`]), consumed: output ? 2 : 1 };
  }
  outputGuard = /* @__PURE__ */ new Set();
  output(ctx, name, shown) {
    const out = this.blocksIn(ctx.dir).find(({ block }) => block.type === "output" && block.labels[0] === name);
    const value = out?.block.attributes.value;
    if (!value)
      return new Unknown([shown]);
    const key = `${ctx.path}|${ctx.dir}|${name}`;
    if (this.outputGuard.has(key))
      return new Unknown([shown]);
    this.outputGuard.add(key);
    try {
      const v = valueIn(value, this.scope(ctx, {}));
      return isUnknown(v) ? new Unknown([shown, ...v.inputs.map((i) => `${shown} \u2190 ${i}`)].slice(0, 4)) : v;
    } finally {
      this.outputGuard.delete(key);
    }
  }
};
var EMPTY_SCOPE = { lookup: () => void 0 };
function evaluateBlock(block, envs) {
  for (const attr of Object.values(block.attributes))
    evaluateAttribute(attr, envs);
  block.blocks = evaluateChildren(block.blocks, envs);
}
function evaluateChildren(children, envs) {
  const blocks = [];
  for (const child of children) {
    if (child.type === "dynamic" && child.labels[0]) {
      const expanded = expandDynamic(child, envs);
      blocks.push(...expanded ?? [child]);
      continue;
    }
    evaluateBlock(child, envs);
    blocks.push(child);
  }
  return blocks;
}
function expandDynamic(dynamic, envs) {
  const forEach = dynamic.attributes.for_each;
  const content = dynamic.blocks.find((b) => b.type === "content");
  if (!forEach || !content || envs.length === 0)
    return void 0;
  const values = envs.map((e) => valueIn(forEach, e.scope));
  const first = values[0];
  const unknown = unknownOf(...values);
  if (unknown || values.some((v) => JSON.stringify(v) !== JSON.stringify(first))) {
    forEach.dependsOn = unknown ? unknown.inputs : [`${sourceText(forEach).trim()} (differs between instances)`];
    return void 0;
  }
  if (first === null || typeof first !== "object") {
    forEach.dependsOn = [`${sourceText(forEach).trim()} (not a collection)`];
    return void 0;
  }
  const iteratorAttr = dynamic.attributes.iterator;
  const iterator = iteratorAttr && isTfExpression(iteratorAttr.value) ? iteratorAttr.value.expression.trim() : dynamic.labels[0];
  const entries = Array.isArray(first) ? first.map((x, i) => [i, x]) : Object.entries(first);
  if (entries.length > MAX_INSTANCES)
    return void 0;
  return entries.map(([key, value]) => {
    const generated = {
      ...structuredClone(content),
      type: dynamic.labels[0],
      labels: dynamic.labels.slice(1),
      line: content.line,
      column: content.column,
      ...dynamic.file ? { file: dynamic.file } : {}
    };
    const bound = envs.map((e) => ({ scope: withBindings(e.scope, { [iterator]: { key, value } }) }));
    evaluateBlock(generated, bound);
    return generated;
  });
}
var REFERENCE2 = /(?<![\w.-])(?:var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?|each\.(?:key|value)|count\.index)/g;
function evaluateAttribute(attr, envs) {
  if (!isTfExpression(attr.value) || envs.length === 0)
    return;
  if (SECRET_ATTRIBUTE.test(attr.name))
    return;
  const source = attr.value.expression;
  const values = envs.map((e) => evaluateExpression(source, e.scope));
  const unknown = unknownOf(...values);
  if (unknown) {
    attr.dependsOn = unknown.inputs;
    return;
  }
  const distinct = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  if (distinct.length === 1) {
    attr.expression = source.trim();
    attr.value = distinct[0];
    return;
  }
  const refs = [...new Set(source.match(REFERENCE2) ?? [])];
  attr.dependsOn = [`${refs.length ? refs.join(", ") : source.trim()} (differs between instances)`];
  attr.instanceValues = distinct;
}
function originOf(attr, contexts) {
  const m = /^var\.([A-Za-z_][\w-]*)$/.exec(attr.expression ?? "");
  if (!m)
    return void 0;
  const origins = contexts.map((c) => c.variable(m[1]).origin);
  const first = origins[0];
  return first && origins.every((o) => o?.file === first.file && o.line === first.line) ? first : void 0;
}
function setOrigins(block, contexts) {
  for (const a of Object.values(block.attributes)) {
    const origin = originOf(a, contexts);
    if (origin)
      a.origin = origin;
  }
  for (const b of block.blocks)
    setOrigins(b, contexts);
}
function evaluateTerraform(files, varFiles) {
  applyOverrides(files);
  const repo = new Repository(files, varFiles);
  for (const [dir, dirFiles] of repo.byDir) {
    const contexts = repo.contextsOf(dir);
    for (const file of dirFiles) {
      for (const block of file.blocks) {
        if (block.type !== "resource" && block.type !== "data")
          continue;
        const envs = [];
        let undecidedInstances;
        for (const ctx of contexts) {
          const scope = repo.scope(ctx, {});
          const instances = repo.instancesOf(block, scope);
          if (!instances) {
            const attr = block.attributes.count ?? block.attributes.for_each;
            const v = attr ? valueIn(attr, scope) : void 0;
            undecidedInstances = [...undecidedInstances ?? [], ...isUnknown(v) ? v.inputs : []];
            envs.push({
              scope: repo.scope(ctx, { each: new Unknown(["each.value"]), count: new Unknown(["count.index"]) })
            });
            continue;
          }
          for (const inst of instances)
            envs.push({ scope: repo.scope(ctx, inst.bindings) });
        }
        if (envs.length > MAX_ENVS) {
          const many = new Unknown([`${block.labels.join(".")} (more than ${MAX_ENVS} instances)`]);
          envs.splice(0, envs.length, { scope: { lookup: () => ({ value: many, consumed: 0 }) } });
        }
        for (const name of ["count", "for_each"]) {
          const attr = block.attributes[name];
          if (attr)
            evaluateAttribute(attr, contexts.map((ctx) => ({ scope: repo.scope(ctx, {}) })));
        }
        if (undecidedInstances?.length) {
          const attr = block.attributes.count ?? block.attributes.for_each;
          if (attr)
            attr.dependsOn = [...new Set(undecidedInstances)];
        }
        if (envs.length === 0)
          continue;
        for (const [name, attr] of Object.entries(block.attributes))
          if (name !== "count" && name !== "for_each")
            evaluateAttribute(attr, envs);
        block.blocks = evaluateChildren(block.blocks, envs);
        setOrigins(block, contexts);
      }
    }
  }
}

// packages/collectors/dist/files/parse-others.js
function finishedOther(other) {
  if ("error" in other || other.kind === "terraform" || other.kind === "tfvars")
    return other;
  try {
    return { ...other, finished: withParsedFile(FACET_OF[other.kind], redactTree(other.value)) };
  } catch {
    return other;
  }
}
function parseOther({ path, kind, text }) {
  try {
    const source = normalizeText(text);
    switch (kind) {
      case "dockerfile":
        return { kind, value: parseDockerfile(path, source) };
      case "workflows":
        return { kind, value: parseWorkflow(path, source) };
      case "terraform":
        if (path.endsWith(".tfvars"))
          return { kind: "tfvars", value: { file: path, body: parseHcl(source) } };
        if (path.endsWith(".tfvars.json"))
          return { kind: "tfvars", value: parseJsonVars(path, source) };
        return { kind, value: parseTerraform(path, source) };
      case "tfstate":
        return { kind, value: parseTfState(path, source) };
      case "markdown":
        return { kind, value: parseMarkdown(path, source) };
      default:
        throw new Error(`not a kind parsed here: ${kind}`);
    }
  } catch (error) {
    return { error };
  }
}
function parseJsonVars(path, source) {
  let value;
  try {
    value = JSON.parse(source);
  } catch (e) {
    throw new FileParseError(`not valid JSON: ${e.message}`, 1, 1);
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new FileParseError("a .tfvars.json file holds one JSON object of variable values", 1, 1);
  const attributes = Object.fromEntries(Object.entries(value).map(([name, v]) => [name, { name, value: v, line: 1, column: 1 }]));
  return { file: path, body: { attributes, blocks: [] } };
}

export {
  parseDockerfile,
  expandVariables,
  parseMarkdown,
  parseTerraform,
  parseTfState,
  parseWorkflow,
  imageBuilds,
  kustomizePatchFiles,
  renderPatch,
  evaluateTerraform,
  finishedOther,
  parseOther,
  parse_others_exports
};
