import {
  classifySecretValue,
  decodeBase64
} from "./chunk-chunk-D7DUI4O6.js";
import {
  MAX_YAML_ENTRIES,
  overYamlBudget
} from "./chunk-chunk-KBIY7DDS.js";
import {
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments
} from "./chunk-chunk-EMT75KSU.js";

// packages/collectors/dist/files/errors.js
var FileParseError = class extends Error {
  line;
  column;
  name = "FileParseError";
  constructor(message, line, column = 1) {
    super(message);
    this.line = line;
    this.column = column;
  }
};
function invalidYaml(message) {
  return /Maximum call stack size exceeded/.test(message) ? "invalid YAML: nested too deeply to read (the parser ran out of stack)" : `invalid YAML: ${message}`;
}

// packages/collectors/dist/files/ignores.js
var DIRECTIVE = /(?:#|\/\/|<!--)\s*coditect-audit:ignore\b(.*?)(?:-->)?\s*$/;
var COMMENT_ONLY = /^\s*(?:#|\/\/|<!--)/;
var MD_DIRECTIVE = /<!--\s*coditect-audit:ignore\b(.*?)-->\s*$/;
var MD_COMMENT_ONLY = /^\s*<!--/;
var MD_FENCE = /^\s*(```|~~~)/;
function scanInlineIgnores(file, text, syntax = "code") {
  const scan = { ignores: [], errors: [] };
  if (!text.includes("coditect-audit:ignore"))
    return scan;
  const lines = text.split(/\r?\n/);
  const directive = syntax === "markdown" ? MD_DIRECTIVE : DIRECTIVE;
  const commentOnly = syntax === "markdown" ? MD_COMMENT_ONLY : COMMENT_ONLY;
  let inFence = false;
  lines.forEach((line, i) => {
    if (syntax === "markdown" && MD_FENCE.test(line))
      inFence = !inFence;
    if (inFence)
      return;
    const m = directive.exec(line);
    if (!m)
      return;
    const { ruleId, reason } = splitDirective((m[1] ?? "").trim());
    if (!ruleId || !reason) {
      scan.errors.push(new FileParseError('inline suppression needs a rule id and a reason: write "coditect-audit:ignore <rule-id> -- <reason>"', i + 1, line.indexOf("coditect-audit:ignore") + 1 || 1));
      return;
    }
    let target = i + 1;
    if (commentOnly.test(line)) {
      let j = i + 1;
      while (j < lines.length && (lines[j].trim() === "" || commentOnly.test(lines[j])))
        j++;
      target = Math.min(j + 1, lines.length);
    }
    scan.ignores.push({ file, line: i + 1, appliesToLine: target, ruleId, reason });
  });
  return scan;
}
function findInlineIgnores(file, text, syntax = "code") {
  const scan = scanInlineIgnores(file, text, syntax);
  if (scan.errors[0])
    throw scan.errors[0];
  return scan.ignores;
}
function splitDirective(body) {
  const dashes = /(?:^|\s)--(?:\s|$)/.exec(body);
  if (dashes) {
    const head = body.slice(0, dashes.index).trim();
    const reason = body.slice(dashes.index + dashes[0].length).trim();
    return { ruleId: /\s/.test(head) ? "" : head, reason };
  }
  const [ruleId = "", ...rest] = body.split(/\s+/);
  return { ruleId, reason: rest.join(" ").trim() };
}

// packages/collectors/dist/files/text.js
var MAX_FILE_BYTES = 10 * 1024 * 1024;
var BINARY_SNIFF_BYTES = 8 * 1024;
function normalizeText(text) {
  const noBom = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  return noBom.includes("\r") ? noBom.replace(/\r\n?/g, "\n") : noBom;
}
function looksBinary(bytes) {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++)
    if (bytes[i] === 0)
      return true;
  return false;
}
function looksBinaryText(text) {
  const head = text.length > BINARY_SNIFF_BYTES ? text.slice(0, BINARY_SNIFF_BYTES) : text;
  return head.includes("\0");
}
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

// packages/collectors/dist/files/yaml-nodes.js
function positionAt(lineCounter, offset) {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
function nodePosition(lineCounter, node) {
  const offset = node?.range?.[0];
  return offset === void 0 ? void 0 : positionAt(lineCounter, offset);
}
function escapePointerSegment(segment) {
  if (!segment.includes("~") && !segment.includes("/"))
    return segment;
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function keyString(pair) {
  const key = pair.key;
  if (isScalar(key))
    return key.value === null ? "" : String(key.value);
  return void 0;
}
function collectPositions(lineCounter, node) {
  return positionsOf(indexNode(lineCounter, node));
}
function indexNode(lineCounter, node) {
  const pointers = [];
  const offsets = [];
  const repeatedKeys = [];
  const visit = (current, pointer) => {
    if (isMap(current)) {
      const seen = /* @__PURE__ */ new Map();
      for (const pair of current.items) {
        const key = keyString(pair);
        const offset = pair.key?.range?.[0];
        if (key === void 0) {
          visit(pair.value, void 0);
          continue;
        }
        if (offset !== void 0) {
          const first = seen.get(key);
          if (first !== void 0 && key !== "<<")
            repeatedKeys.push({ key, first, repeated: offset });
          else
            seen.set(key, offset);
        }
        const child = pointer === void 0 ? void 0 : childPointer(pointer, key);
        if (child !== void 0 && offset !== void 0) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(pair.value, child);
      }
    } else if (isSeq(current)) {
      const items = current.items;
      for (let index = 0; index < items.length; index++) {
        const item = items[index];
        if (isAlias(item) || !item || typeof item !== "object")
          continue;
        const child = pointer === void 0 ? void 0 : childPointer(pointer, index);
        const offset = item.range?.[0];
        if (child !== void 0 && offset !== void 0) {
          pointers.push(child);
          offsets.push(offset);
        }
        visit(item, child);
      }
    }
  };
  visit(node, "");
  return { lineCounter, pointers: pointers.slice(), offsets: offsets.slice(), repeatedKeys };
}
function positionsOf(index) {
  const { lineCounter, pointers, offsets } = index;
  const target = { [POSITIONS]: { lineCounter, pointers, offsets } };
  return new Proxy(target, lazyPositions);
}
var CHILDREN = /* @__PURE__ */ new Map();
var MAX_INTERNED = 5e4;
var interned = 0;
function childPointer(parent, segment) {
  if (interned >= MAX_INTERNED) {
    CHILDREN.clear();
    interned = 0;
  }
  let children = CHILDREN.get(parent);
  if (children === void 0) {
    children = /* @__PURE__ */ Object.create(null);
    CHILDREN.set(parent, children);
  }
  let child = children[segment];
  if (child === void 0) {
    child = `${parent}/${typeof segment === "number" ? segment : escapePointerSegment(segment)}`;
    children[segment] = child;
    interned++;
  }
  return child;
}
var POSITIONS = /* @__PURE__ */ Symbol("positions");
function positionIndexOf(positions) {
  return positions[POSITIONS];
}
function positionOf(index, pointer) {
  const at = index.pointers.lastIndexOf(pointer);
  return at < 0 ? void 0 : positionAt(index.lineCounter, index.offsets[at]);
}
var isPointer = (key) => typeof key === "string" && key.startsWith("/");
var lazyPositions = {
  get: (target, key) => isPointer(key) ? positionOf(target[POSITIONS], key) : Reflect.get(target, key),
  has: (target, key) => isPointer(key) ? target[POSITIONS].pointers.includes(key) : key !== POSITIONS && Reflect.has(target, key),
  ownKeys: (target) => [...new Set(target[POSITIONS].pointers)],
  getOwnPropertyDescriptor: (target, key) => {
    const value = isPointer(key) ? positionOf(target[POSITIONS], key) : void 0;
    return value && { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false
};
function pairOf(map, key) {
  if (!isMap(map))
    return void 0;
  return map.items.find((pair) => keyString(pair) === key);
}
function entryValue(map, key) {
  return pairOf(map, key)?.value;
}

// packages/collectors/dist/files/kubectl-yaml.js
var KUBECTL_YAML_OPTIONS = {
  version: "1.1",
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: "error",
  // go-yaml v2 keeps timestamps and base-60 numbers as strings when decoding into untyped values.
  customTags: (tags) => tags.filter((t) => {
    const tag = t;
    return tag.format !== "TIME" && tag.tag !== "tag:yaml.org,2002:timestamp";
  })
};
var MAX_REPAIRS = 64;
function parseLikeKubectl(source) {
  const parse = (text) => {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { ...KUBECTL_YAML_OPTIONS, lineCounter });
    return { documents: Array.isArray(parsed) ? parsed : [], lineCounter };
  };
  const first = parse(source);
  if (!first.documents.some((d) => d.errors.some((e) => /^Missing closing .quote/.test(e.message)))) {
    return { ...first, reindentedLines: 0 };
  }
  const repaired = reindentQuotedContinuations(source);
  if (repaired.lines === 0)
    return { ...first, reindentedLines: 0 };
  const second = parse(repaired.text);
  if (second.documents.some((d) => d.errors.length > 0))
    return { ...first, reindentedLines: 0 };
  return { ...second, reindentedLines: repaired.lines };
}
function reindentQuotedContinuations(source) {
  const lines = source.split("\n");
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const lineOf = (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((starts[mid] ?? 0) <= at)
        lo = mid;
      else
        hi = mid - 1;
    }
    return lo;
  };
  let moved = 0;
  for (const open of unterminatedQuotes(source).slice(0, MAX_REPAIRS)) {
    const quote = source[open];
    const close = closingQuote(source, open);
    if (close === void 0)
      continue;
    const first = lineOf(open);
    const column = open - (starts[first] ?? 0);
    for (let i = first + 1; i <= lineOf(close); i++) {
      const text = lines[i] ?? "";
      const indent = text.length - text.trimStart().length;
      if (text.trim() === "" || indent > column)
        continue;
      if (quote && /^(?:---|\.\.\.)(?:\s|$)/.test(text))
        return { text: source, lines: 0 };
      lines[i] = `${" ".repeat(column + 1)}${text.trimStart()}`;
      moved++;
    }
  }
  return { text: lines.join("\n"), lines: moved };
}
function unterminatedQuotes(source) {
  const out = [];
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const v of value)
        visit(v);
      return;
    }
    if (!value || typeof value !== "object")
      return;
    const token = value;
    if ((token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") && typeof token.offset === "number" && typeof token.source === "string" && closingQuote(token.source, 0) === void 0) {
      out.push(token.offset);
    }
    for (const v of Object.values(value))
      if (v && typeof v === "object")
        visit(v);
  };
  for (const token of new Parser().parse(source))
    visit(token);
  return out;
}
function closingQuote(text, open) {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") {
      i++;
      continue;
    }
    if (c !== quote)
      continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return void 0;
}

// packages/collectors/dist/files/kubernetes.js
var HELM_SKIP_REASON = "Helm template: render it (helm template) and scan the output";
var REDACTED = "<redacted>";
var SECRET_NAME = /pass|secret|token|key|credential|auth/i;
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function parseKubernetes(file, text) {
  const source = normalizeText(text);
  const ignoreScan = scanInlineIgnores(file, source);
  const manifest = { file, objects: [], ignores: ignoreScan.ignores };
  const result = { manifest, errors: [...ignoreScan.errors], notices: [] };
  const templated = source.includes("{{");
  if (templated && /(?:^|\/)templates\//.test(file))
    return skipAsHelm(result);
  if (!source.includes("apiVersion") || !source.includes("kind"))
    return void 0;
  if (overYamlBudget(source) !== void 0) {
    result.errors.push(budgetError());
    return result;
  }
  const { documents, lineCounter } = parseLikeKubectl(source);
  if (templated && documents.some((d) => d.errors.length > 0))
    return skipAsHelm(result);
  const anchored = source.includes("&");
  const repeated = [];
  let apiOutput;
  let firstRepeat;
  documents.forEach((document, documentIndex) => {
    const error = document.errors[0];
    if (error) {
      const at = positionAt(lineCounter, error.pos[0]);
      result.errors.push(new FileParseError(invalidYaml(error.message), at.line, at.column));
      return;
    }
    const index = indexNode(lineCounter, document.contents);
    for (const d of index.repeatedKeys) {
      const at = positionAt(lineCounter, d.repeated);
      firstRepeat ??= at;
      repeated.push(`${d.key} (line ${at.line}, first at line ${positionAt(lineCounter, d.first).line})`);
    }
    let value;
    try {
      value = document.toJS({ maxAliasCount: 1e3 }) ?? null;
      if (anchored || !isPlainJson(value))
        value = JSON.parse(JSON.stringify(value));
    } catch (e) {
      const at = nodePosition(lineCounter, document.contents) ?? { line: 1, column: 1 };
      result.errors.push(new FileParseError(invalidYaml(e.message), at.line, at.column));
      return;
    }
    if (isApiServerOutput(value)) {
      apiOutput ??= nodePosition(lineCounter, document.contents) ?? { line: 1, column: 1 };
      return;
    }
    for (const [node, json] of candidates(document.contents, value)) {
      const object = toObject(file, documentIndex, lineCounter, node, json, node === document.contents ? index : void 0);
      if (object)
        manifest.objects.push(object);
    }
  });
  if (firstRepeat) {
    const more = repeated.length > 3 ? ` and ${repeated.length - 3} more` : "";
    result.notices.push(new FileParseError(`repeated map key${repeated.length > 1 ? "s" : ""} ${repeated.slice(0, 3).join(", ")}${more}: read as kubectl reads it, the last value counts`, firstRepeat.line, firstRepeat.column));
  }
  if (apiOutput) {
    result.notices.push(new FileParseError("API server output (objects carry metadata.uid and resourceVersion), a recording rather than a manifest the repository applies: not read", apiOutput.line, apiOutput.column));
  }
  return result;
}
function isApiServerOutput(value) {
  const serverSet = (o) => isPlainObject(o) && isPlainObject(o.metadata) && typeof o.metadata.uid === "string" && typeof o.metadata.resourceVersion === "string";
  if (!isPlainObject(value))
    return false;
  if (Array.isArray(value.items) && typeof value.kind === "string" && /List$/.test(value.kind)) {
    return value.items.length > 0 && value.items.every(serverSet);
  }
  return serverSet(value);
}
function budgetError() {
  return new FileParseError(`over the parse budget: more than ${MAX_YAML_ENTRIES.toLocaleString("en-US")} lines and flow entries; the file was not parsed (split it, or exclude it in the configuration)`, 1, 1);
}
function skipAsHelm(result) {
  result.manifest.skipped = HELM_SKIP_REASON;
  return result;
}
function candidates(node, value) {
  if (isPlainObject(value) && typeof value.kind === "string" && /List$/.test(value.kind) && Array.isArray(value.items)) {
    const itemsNode = entryValue(node, "items");
    const itemNodes = isSeq(itemsNode) ? itemsNode.items : [];
    return value.items.map((item, i) => [itemNodes[i], item]);
  }
  return [[node, value]];
}
function toObject(file, documentIndex, lineCounter, node, value, index) {
  if (!isPlainObject(value) || !isMap(node))
    return void 0;
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !isPlainObject(metadata))
    return void 0;
  const name = typeof metadata.name === "string" && metadata.name ? metadata.name : typeof metadata.generateName === "string" && metadata.generateName ? metadata.generateName : void 0;
  if (!name)
    return void 0;
  const positions = index ? positionsOf(index) : collectPositions(lineCounter, node);
  const line = nodePosition(lineCounter, node.items[0]?.key)?.line ?? 1;
  const secretKeys = kind === "Secret" ? redactSecret(value, positions) : void 0;
  if (kind === "ConfigMap")
    redactSecretLookingEntries(value.data);
  redactEnvValues(value);
  const annotations = metadata.annotations;
  if (isPlainObject(annotations) && LAST_APPLIED in annotations)
    annotations[LAST_APPLIED] = REDACTED;
  return {
    file,
    documentIndex,
    apiVersion,
    kind,
    name,
    ...typeof metadata.namespace === "string" ? { namespace: metadata.namespace } : {},
    line,
    // URL passwords and other secrets in the remaining strings: ../redact.ts, when the facet is built.
    object: value,
    positions,
    ...secretKeys ? { secretKeys } : {}
  };
}
function redactSecret(secret, positions) {
  const keys = [];
  for (const source of ["data", "stringData"]) {
    const entries = secret[source];
    if (entries === void 0 || entries === null)
      continue;
    if (!isPlainObject(entries)) {
      secret[source] = REDACTED;
      continue;
    }
    for (const [key, raw] of Object.entries(entries)) {
      const text = raw === null || raw === void 0 ? "" : typeof raw === "string" ? raw : JSON.stringify(raw);
      const decoded = source === "data" ? decodeBase64(text) : text;
      const verdict = decoded === void 0 ? { class: "invalid-base64" } : classifySecretValue(key, decoded);
      const at = positions[`/${source}/${escapePointerSegment(key)}`] ?? { line: 1, column: 1 };
      keys.push({
        key,
        source,
        class: verdict.class,
        ..."publicValue" in verdict && verdict.publicValue !== void 0 ? { publicValue: verdict.publicValue } : {},
        ..."url" in verdict && verdict.url !== void 0 ? { url: verdict.url } : {},
        line: at.line,
        column: at.column
      });
      entries[key] = REDACTED;
    }
  }
  return keys.sort((a, b) => a.line - b.line || a.column - b.column);
}
function redactSecretLookingEntries(entries) {
  if (!isPlainObject(entries))
    return;
  for (const key of Object.keys(entries))
    if (SECRET_NAME.test(key))
      entries[key] = REDACTED;
}
function redactEnvValues(value) {
  if (Array.isArray(value)) {
    for (const item of value)
      redactEnvValues(item);
    return;
  }
  if (!isPlainObject(value))
    return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "env" && Array.isArray(child)) {
      for (const variable of child) {
        if (isPlainObject(variable) && typeof variable.name === "string" && SECRET_NAME.test(variable.name)) {
          if ("value" in variable)
            variable.value = REDACTED;
        }
      }
    }
    redactEnvValues(child);
  }
}
function isPlainJson(value) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null)
        return true;
      if (Array.isArray(value))
        return value.every(isPlainJson);
      if (Object.getPrototypeOf(value) !== Object.prototype)
        return false;
      for (const key in value)
        if (!isPlainJson(value[key]))
          return false;
      return true;
    }
    default:
      return false;
  }
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  FileParseError,
  invalidYaml,
  positionAt,
  nodePosition,
  escapePointerSegment,
  keyString,
  positionsOf,
  positionIndexOf,
  pairOf,
  entryValue,
  scanInlineIgnores,
  findInlineIgnores,
  MAX_FILE_BYTES,
  normalizeText,
  looksBinary,
  looksBinaryText,
  formatBytes,
  HELM_SKIP_REASON,
  REDACTED,
  parseKubernetes,
  budgetError
};
