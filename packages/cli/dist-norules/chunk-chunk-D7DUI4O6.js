import {
  SNAPSHOT_SCHEMA_VERSION
} from "./chunk-chunk-KBIY7DDS.js";

// packages/collectors/dist/files/secrets.js
var SUPERUSER_NAMES = /* @__PURE__ */ new Set(["postgres", "root", "admin", "sa", "cloudsqlsuperuser", "superuser"]);
var SSL_MODES = /* @__PURE__ */ new Set(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]);
var SSLMODE_KEY = /ssl[-_]?mode/i;
var USER_KEY = /user/i;
var HOST_KEY = /host|server|addr|endpoint|url|uri|dsn|ip\b/i;
var PLACEHOLDER_WORDS = /* @__PURE__ */ new Set([
  "placeholder",
  "changeme",
  "change-me",
  "change_me",
  "changeit",
  "changethis",
  "change-this",
  "replaceme",
  "replace-me",
  "replace_me",
  "todo",
  "tbd",
  "tba",
  "fixme",
  "dummy",
  "example",
  "sample",
  "test",
  "testing",
  "secret",
  "password",
  "passw0rd",
  "passwd",
  "default",
  "none",
  "null",
  "nil",
  "undefined",
  "n/a",
  "empty",
  "foo",
  "bar",
  "foobar",
  "1234",
  "12345",
  "123456",
  "12345678",
  "qwerty",
  "letmein",
  "abc123"
]);
var PLACEHOLDER_PATTERNS = [
  /placeholder/i,
  /change[-_ .]?me\b/i,
  /replace[-_ .]?(?:me|this|with)\b/i,
  /insert[-_ .]?(?:your|here)/i,
  /\b(?:todo|fixme|tbd)\b/i,
  /^your[-_ .]/i,
  /^(?:my|your)[-_]?(?:secret|password|pass|token|key|api[-_]?key)$/i,
  /^(?:example|sample|dummy|fake)[-_.]/i,
  /<[A-Za-z][\w .-]*>/,
  /^\$\{[^}]+\}$/,
  /^\$[A-Z_][A-Z0-9_]*$/,
  /^\{\{.+\}\}$/,
  /^(?:x{3,}[-_.:]?)+$/i,
  /^(?:\*{3,}|\.{3,})$/,
  /^django-insecure-/
];
var HOST_LIKE = /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::\d{1,5})?$/i;
var PLACEHOLDER_HOST_NAMES = /* @__PURE__ */ new Set([
  "example",
  "test",
  "host",
  "hostname",
  "server",
  "ip",
  "ip-address",
  "db-host",
  "db_host",
  "dbhost",
  "database-host",
  "redis-host",
  "redis_host",
  "x.x.x.x",
  "a.b.c.d"
]);
function isSuperuserName(value) {
  return SUPERUSER_NAMES.has(value.trim().toLowerCase());
}
function isPlaceholder(value) {
  const trimmed = value.trim();
  return PLACEHOLDER_WORDS.has(trimmed.toLowerCase()) || PLACEHOLDER_PATTERNS.some((re) => re.test(trimmed));
}
function isExampleHost(host, keyNamesHost = true) {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (!h)
    return false;
  if (/(?:^|\.)example\.(?:com|org|net)$/.test(h))
    return true;
  if (/\.(?:example|test|invalid|localhost)$/.test(h))
    return true;
  if (h === "localhost" || h === "localhost.localdomain" || h === "0.0.0.0" || h === "::1" || h === "::")
    return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h))
    return true;
  if (!keyNamesHost)
    return false;
  if (PLACEHOLDER_HOST_NAMES.has(h))
    return true;
  return /^your[-_.]/.test(h) || /^my[-_.].*(?:host|server|endpoint|ip|address)$/.test(h);
}
function decodeBase64(value) {
  const compact = value.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    return void 0;
  return Buffer.from(compact, "base64").toString("utf8");
}
function classifySecretValue(key, value) {
  const trimmed = value.trim();
  if (!trimmed)
    return { class: "empty" };
  if (SSLMODE_KEY.test(key) && SSL_MODES.has(trimmed.toLowerCase()))
    return { class: "set", publicValue: trimmed };
  const url = parseConnectionUrl(trimmed);
  if (url)
    return classifyUrl(url);
  const keyNamesHost = HOST_KEY.test(key);
  if (HOST_LIKE.test(trimmed) && isExampleHost(hostOf(trimmed), keyNamesHost)) {
    return { class: "example-host", publicValue: trimmed };
  }
  if (USER_KEY.test(key) && isSuperuserName(trimmed))
    return { class: "superuser-name", publicValue: trimmed };
  if (isPlaceholder(trimmed))
    return { class: "placeholder" };
  return { class: "set" };
}
function parseConnectionUrl(value) {
  const text = value.replace(/^jdbc:/i, "");
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    return void 0;
  let url;
  try {
    url = new URL(text);
  } catch {
    return void 0;
  }
  const parts = { scheme: url.protocol.replace(/:$/, "").toLowerCase() };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host)
    parts.host = host;
  if (url.port)
    parts.port = url.port;
  const database = safeDecode(url.pathname.replace(/^\/+/, ""));
  if (database)
    parts.database = database;
  const sslmode = url.searchParams.get("sslmode") ?? url.searchParams.get("ssl_mode");
  if (sslmode)
    parts.sslmode = sslmode;
  return { parts, user: safeDecode(url.username), password: safeDecode(url.password) };
}
function classifyUrl({ parts, user, password }) {
  const { scheme, ...rest } = parts;
  const url = { scheme, ...isSuperuserName(user) ? { user } : {}, ...rest };
  if (password && isPlaceholder(password) || user && isPlaceholder(user) || parts.database !== void 0 && isPlaceholder(parts.database)) {
    return { class: "placeholder", url };
  }
  if (!parts.host)
    return { class: "set", url };
  if (isExampleHost(parts.host))
    return { class: "example-host", publicValue: parts.host, url };
  if (isPlaceholder(parts.host))
    return { class: "placeholder", url };
  if (url.user)
    return { class: "superuser-name", publicValue: url.user, url };
  return { class: "set", url };
}
function hostOf(value) {
  return value.startsWith("[") ? value.slice(0, value.indexOf("]") + 1) : value.split(":")[0] ?? value;
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function readableConnectionUrl(value) {
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (!scheme)
    return void 0;
  try {
    const url = new URL(text);
    const user = decodeURIComponent(url.username);
    const sslmode = url.searchParams.get("sslmode") ?? void 0;
    const host = url.hostname;
    return {
      scheme: scheme.toLowerCase(),
      ...user ? { user } : {},
      ...host ? { host } : {},
      ...sslmode ? { sslmode } : {}
    };
  } catch {
    return { scheme: scheme.toLowerCase() };
  }
}

// packages/collectors/dist/files/shell.js
var OPERATOR_CHARS = /* @__PURE__ */ new Set(["|", "&", ">", "<"]);
function splitScript(script) {
  const commands = [];
  let argv = [];
  let word;
  let start = -1;
  let startLine = 0;
  let lineIndex = 0;
  let pendingHeredocs = [];
  let i = 0;
  const begin = () => {
    if (start < 0) {
      start = i;
      startLine = lineIndex;
    }
  };
  const endWord = () => {
    if (word !== void 0)
      argv.push(word);
    word = void 0;
  };
  const append = (text) => {
    begin();
    word = (word ?? "") + text;
  };
  const endCommand = (end) => {
    endWord();
    if (argv.length > 0) {
      const text = script.slice(start, end).replace(/[ \t]*\\\n[ \t]*/g, " ").trim();
      commands.push({ text, argv, lineIndex: startLine });
    }
    argv = [];
    start = -1;
  };
  const appendBalanced = (open, close) => {
    let depth = 0;
    let j = i;
    let quote;
    while (j < script.length) {
      const c = script[j];
      if (c === "\n")
        lineIndex++;
      if (quote) {
        if (c === "\\" && quote === '"')
          j++;
        else if (c === quote)
          quote = void 0;
      } else if (c === "'" || c === '"')
        quote = c;
      else if (script.startsWith(open, j)) {
        depth++;
        j += open.length - 1;
      } else if (script.startsWith(close, j)) {
        depth--;
        if (depth === 0) {
          j += close.length;
          break;
        }
        j += close.length - 1;
      }
      j++;
    }
    append(script.slice(i, j));
    i = j;
  };
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "\n") {
      endCommand(i);
      lineIndex++;
      i++;
      if (pendingHeredocs.length > 0) {
        i = skipHeredocBodies(script, i, pendingHeredocs, (n) => {
          lineIndex += n;
        });
        pendingHeredocs = [];
      }
      continue;
    }
    if (c === "\\") {
      if (next === "\n") {
        lineIndex++;
        i += 2;
        continue;
      }
      if (next !== void 0)
        append(next);
      i += 2;
      continue;
    }
    if (c === " " || c === "	") {
      endWord();
      i++;
      continue;
    }
    if (c === "#" && word === void 0) {
      while (i < script.length && script[i] !== "\n")
        i++;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      lineIndex += countNewlines(script, i + 1, end);
      append(script.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (c === '"') {
      begin();
      i = readDoubleQuoted(script, i + 1, (text, newlines) => {
        lineIndex += newlines;
        word = (word ?? "") + text;
      });
      continue;
    }
    if (c === "$" && next === "{" && script[i + 2] === "{") {
      appendBalanced("${{", "}}");
      continue;
    }
    if (c === "$" && next === "(") {
      appendBalanced("(", ")");
      continue;
    }
    if (c === "$" && next === "{") {
      appendBalanced("{", "}");
      continue;
    }
    if (c === "`") {
      const close = script.indexOf("`", i + 1);
      const end = close < 0 ? script.length : close + 1;
      lineIndex += countNewlines(script, i, end);
      append(script.slice(i, end));
      i = end;
      continue;
    }
    if (c === ";" || c === "&" && next === "&") {
      endCommand(i);
      i += c === ";" ? 1 : 2;
      continue;
    }
    if (c === "<" && next === "<" && script[i + 2] !== "<") {
      const heredoc = /^<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(script.slice(i));
      if (heredoc) {
        endWord();
        begin();
        argv.push(heredoc[0].replace(/[ \t]/g, ""));
        pendingHeredocs.push(heredoc[2]);
        i += heredoc[0].length;
        continue;
      }
    }
    if (OPERATOR_CHARS.has(c)) {
      endWord();
      begin();
      let j = i + 1;
      while (j < script.length && (OPERATOR_CHARS.has(script[j]) || script[j] === "-" && script[j - 1] === "&")) {
        if (script[j] === "&" && script[j + 1] === "&")
          break;
        j++;
      }
      argv.push(script.slice(i, j));
      i = j;
      continue;
    }
    append(c);
    i++;
  }
  endCommand(script.length);
  return commands;
}
function readDoubleQuoted(script, from, emit) {
  let text = "";
  let newlines = 0;
  let j = from;
  while (j < script.length && script[j] !== '"') {
    const c = script[j];
    if (c === "\\" && j + 1 < script.length) {
      const escaped = script[j + 1];
      if (escaped === "\n")
        newlines++;
      else
        text += '"\\$`'.includes(escaped) ? escaped : c + escaped;
      j += 2;
      continue;
    }
    if (c === "$" && script.startsWith("${{", j)) {
      const close = script.indexOf("}}", j);
      const end = close < 0 ? script.length : close + 2;
      text += script.slice(j, end);
      j = end;
      continue;
    }
    if (c === "\n")
      newlines++;
    text += c;
    j++;
  }
  emit(text, newlines);
  return j + 1;
}
function skipHeredocBodies(script, from, delimiters, skipped) {
  let i = from;
  for (const delimiter of delimiters) {
    while (i < script.length) {
      const end = script.indexOf("\n", i);
      const lineEnd = end < 0 ? script.length : end;
      const line = script.slice(i, lineEnd);
      i = end < 0 ? script.length : end + 1;
      if (end >= 0)
        skipped(1);
      if (line.trim() === delimiter)
        break;
    }
  }
  return i;
}
function countNewlines(text, from, to) {
  let n = 0;
  for (let k = from; k < to; k++)
    if (text[k] === "\n")
      n++;
  return n;
}
var RESERVED_PREFIX = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]);
var WRAPPERS = /* @__PURE__ */ new Set(["sudo", "command", "exec", "nohup"]);
var ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
function parseSimpleCommands(text, line, substituted = false) {
  const out = [];
  const nested = [];
  const segments = [];
  let words = [];
  let word = null;
  const endWord = () => {
    if (word !== null)
      words.push(word);
    word = null;
  };
  const endSegment = (next, end) => {
    endWord();
    if (words.length > 0)
      segments.push({ words, ...next ? { next } : {}, end });
    words = [];
  };
  const inner = (body) => nested.push(...parseSimpleCommands(body, line, true));
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const n = text[i + 1];
    if (c === "\\" && n === "\n") {
      i += 2;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      endWord();
      i++;
      continue;
    }
    if (c === "\n") {
      endSegment(";", i);
      i++;
      continue;
    }
    if (c === "#" && word === null) {
      while (i < text.length && text[i] !== "\n")
        i++;
      continue;
    }
    if (c === "\\") {
      word = (word ?? "") + (n ?? "");
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      word = (word ?? "") + text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) {
          value += text[j + 1];
          j += 2;
        } else if (text.startsWith("$(", j) && !text.startsWith("$((", j)) {
          const close = matchingParen(text, j + 1);
          inner(text.slice(j + 2, close));
          value += text.slice(j, close + 1);
          j = close + 1;
        } else if (text.startsWith("${{", j)) {
          const close = text.indexOf("}}", j);
          const stop = close < 0 ? text.length : close + 2;
          value += text.slice(j, stop);
          j = stop;
        } else {
          value += text[j];
          j++;
        }
      }
      word = (word ?? "") + value;
      i = j + 1;
      continue;
    }
    if (c === "$" && n === "{") {
      const close = text.startsWith("${{", i) ? text.indexOf("}}", i) + 1 : text.indexOf("}", i);
      const stop = close <= 0 ? text.length : close + 1;
      word = (word ?? "") + text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === "$" && n === "(") {
      const close = matchingParen(text, i + 1);
      if (text[i + 2] !== "(")
        inner(text.slice(i + 2, close));
      word = (word ?? "") + text.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      const stop = close < 0 ? text.length : close;
      inner(text.slice(i + 1, stop));
      word = (word ?? "") + text.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    if (c === ">" || c === "<") {
      let j = i + 1;
      while (j < text.length && (text[j] === ">" || text[j] === "&" || text[j] === "|"))
        j++;
      word = (word ?? "") + text.slice(i, j);
      i = j;
      continue;
    }
    if (c === "&" && n === ">") {
      word = (word ?? "") + "&>";
      i += 2;
      continue;
    }
    if (c === "&" && n === "&" || c === "|" && n === "|") {
      endSegment(c === "&" ? "&&" : "||", i);
      i += 2;
      continue;
    }
    if (c === "|" || c === ";" || c === "&") {
      endSegment(c === "|" ? "|" : c === ";" ? ";" : "&", i);
      i += n === "&" && c === "|" ? 2 : 1;
      continue;
    }
    if (c === "(" && word === null || c === ")") {
      endSegment(";", i);
      i++;
      continue;
    }
    word = (word ?? "") + c;
    i++;
  }
  endSegment(void 0, text.length);
  for (const seg of segments) {
    const afterStart = seg.end + (seg.next?.length ?? 0);
    const lineEnd = text.indexOf("\n", afterStart);
    const endsLine = text[seg.end] === "\n";
    const after = seg.next && !endsLine ? text.slice(afterStart, lineEnd < 0 ? text.length : lineEnd).trim() : "";
    const { argv, assignments } = stripPrefix(seg.words);
    if (argv.length === 0 && Object.keys(assignments).length === 0)
      continue;
    out.push({ argv, assignments, ...seg.next ? { next: seg.next } : {}, after, substituted, line });
  }
  return [...out, ...nested];
}
function matchingParen(text, open) {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === "'") {
      const close = text.indexOf("'", j + 1);
      if (close < 0)
        return text.length;
      j = close;
    } else if (c === "\\")
      j++;
    else if (c === "(")
      depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0)
        return j;
    }
  }
  return text.length;
}
function stripPrefix(words) {
  const assignments = {};
  let i = 0;
  for (; ; ) {
    const w = words[i];
    if (w === void 0)
      break;
    const m = ASSIGNMENT.exec(w);
    if (m) {
      assignments[m[1]] = m[2];
      i++;
    } else if (RESERVED_PREFIX.has(w) || WRAPPERS.has(w)) {
      i++;
      while (w === "sudo" && words[i]?.startsWith("-"))
        i++;
    } else if (w === "env") {
      i++;
      while (words[i]?.startsWith("-"))
        i++;
    } else
      break;
  }
  return { argv: words.slice(i), assignments };
}
function scriptCommands(script, lineOf) {
  return splitScript(script).map((c) => commandOf(c.text, c.argv, lineOf(c.lineIndex)));
}
function commandOf(text, argv, line) {
  return { text, argv, line, simple: parseSimpleCommands(text, line) };
}

// packages/collectors/dist/images.js
var PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i;
var TEMPLATED = /\$\{|\{\{/;
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function parseImageReference(input) {
  const raw = input.trim();
  if (!raw || /\s/.test(raw))
    return void 0;
  let rest = raw;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry;
  const slash = rest.indexOf("/");
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost") {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest)
    return void 0;
  const valid = !TEMPLATED.test(raw) && (digest === void 0 || DIGEST.test(digest)) && REPOSITORY.test(rest);
  const hub = registry === void 0 || DOCKER_HUB_ALIASES.has(registry);
  return {
    raw,
    ...registry ? { registry } : {},
    repository: rest,
    ...tag !== void 0 ? { tag } : {},
    ...digest ? { digest } : {},
    ...valid ? {
      canonical: {
        registry: hub ? "docker.io" : registry,
        repository: hub && !rest.includes("/") ? `library/${rest}` : rest,
        ...tag !== void 0 ? { tag } : digest ? {} : { tag: "latest" },
        ...digest ? { digest } : {}
      }
    } : {}
  };
}
var POD_SPEC = {
  Pod: "/spec",
  Deployment: "/spec/template/spec",
  StatefulSet: "/spec/template/spec",
  DaemonSet: "/spec/template/spec",
  ReplicaSet: "/spec/template/spec",
  ReplicationController: "/spec/template/spec",
  Job: "/spec/template/spec",
  CronJob: "/spec/jobTemplate/spec/template/spec"
};
var POD_SPEC_KEYS = Object.fromEntries(Object.entries(POD_SPEC).map(([kind, pointer]) => [kind, pointer.split("/").slice(1)]));
function podSpecOf(kind, object) {
  const keys = POD_SPEC_KEYS[kind];
  if (!keys)
    return void 0;
  let cur = object;
  for (const key of keys) {
    if (cur === null || typeof cur !== "object")
      return void 0;
    cur = cur[key];
  }
  return cur !== null && typeof cur === "object" ? cur : void 0;
}
function containersAt(kind, object) {
  const spec = POD_SPEC[kind];
  if (!spec)
    return [];
  const podSpec = podSpecOf(kind, object);
  const out = [];
  for (const field of ["initContainers", "containers"]) {
    const list = podSpec?.[field];
    if (!Array.isArray(list))
      continue;
    for (let index = 0; index < list.length; index++) {
      const c = list[index];
      if (c !== null && typeof c === "object" && !Array.isArray(c))
        out.push({ pointer: containerPointer(spec, field, index, ""), container: c });
    }
  }
  return out;
}
function podSpecPointerOf(kind) {
  return POD_SPEC[kind];
}
function containerPointer(spec, field, index, suffix) {
  const key = suffix ? field === "containers" ? "containers/image" : "initContainers/image" : field;
  let byKey = containerPointers.get(spec);
  if (!byKey) {
    byKey = /* @__PURE__ */ new Map();
    containerPointers.set(spec, byKey);
  }
  let list = byKey.get(key);
  if (!list) {
    list = [];
    byKey.set(key, list);
  }
  let pointer = list[index];
  if (pointer === void 0) {
    pointer = `${spec}/${field}/${index}${suffix}`;
    list[index] = pointer;
  }
  return pointer;
}
var containerPointers = /* @__PURE__ */ new Map();
function containerImages(kind, object) {
  const spec = POD_SPEC[kind];
  if (!spec)
    return [];
  const podSpec = podSpecOf(kind, object);
  const out = [];
  for (const field of ["initContainers", "containers"]) {
    const list = podSpec?.[field];
    if (!Array.isArray(list))
      continue;
    for (let index = 0; index < list.length; index++) {
      const image = list[index]?.image;
      if (typeof image === "string")
        out.push({ pointer: containerPointer(spec, field, index, "/image"), image, index });
    }
  }
  return out;
}
function parsedContainerImages(kind, object) {
  const images = containerImages(kind, object);
  if (images.length === 0)
    return void 0;
  const out = {};
  for (const { pointer, image } of images) {
    const ref = sharedImageReference(image);
    if (ref)
      out[pointer] = ref;
  }
  return out;
}
var parsedImages = /* @__PURE__ */ new Map();
var PARSED_IMAGES_MAX = 4096;
function sharedImageReference(image) {
  let ref = parsedImages.get(image);
  if (ref === void 0 && !parsedImages.has(image)) {
    if (parsedImages.size >= PARSED_IMAGES_MAX)
      parsedImages.clear();
    ref = parseImageReference(image);
    parsedImages.set(image, ref);
  }
  return ref;
}

// packages/collectors/dist/redact.js
var marker = (kind) => `\u2039redacted:${kind}\u203A`;
var MARKER = /‹redacted:[a-z-]+›|<redacted>/;
var WHOLE_MARKER = new RegExp(`^(?:${MARKER.source})$`);
var SECRET_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "apikey",
  "privatekey",
  "accesskey",
  "secretkey",
  "signingkey",
  "signerkey",
  "encryptionkey",
  "masterkey",
  "sessionkey",
  "accountkey",
  "authkey",
  "clientsecret",
  "credential",
  "credentials",
  "auth",
  "authorization",
  "bearer",
  "sas",
  "salt",
  "cookie",
  "dsn",
  "webhook",
  "hmac"
]);
var SECRET_PAIRS = /(?:api|private|access|secret|signing|signer|encryption|master|session|account|auth|client)(?:key|secret)$/;
var REFERENCE_WORDS = /* @__PURE__ */ new Set([
  "name",
  "names",
  "ref",
  "refs",
  "reference",
  "file",
  "files",
  "path",
  "paths",
  "dir",
  "env",
  "id",
  "ids",
  "uri",
  "url",
  "arn",
  "type",
  "version",
  "versions",
  "length",
  "ttl",
  "policy",
  "mode",
  "enabled",
  "required",
  "count",
  "manager",
  "store",
  "provider",
  "rotation",
  "location",
  "source",
  "sources",
  "label",
  "labels",
  "expiry",
  "expiration",
  "expires",
  "algorithm",
  "method",
  "endpoint",
  "header",
  "scope",
  "scopes",
  "audience",
  "issuer",
  "format",
  "prefix",
  "key",
  "keys",
  "stdin",
  "required"
]);
var DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:io|com|org|net|dev|cloud|ai|app|co|sh|k8s\.io|x-k8s\.io)$/;
function wordsOf(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
var secretNames = /* @__PURE__ */ new Map();
var SECRET_PIECE = /pass|pwd|secret|token|key|credential|auth|bearer|sas|salt|cookie|dsn|webhook|hmac/;
function isSecretName(key) {
  let known = secretNames.get(key);
  if (known === void 0) {
    if (secretNames.size > 5e4)
      secretNames.clear();
    known = SECRET_PIECE.test(key.toLowerCase().replace(/[^a-z0-9]+/g, "")) && judgeName(key);
    secretNames.set(key, known);
  }
  return known;
}
function judgeName(key) {
  if (key === "secretKey")
    return false;
  const slash = key.lastIndexOf("/");
  if (slash >= 0)
    return judgeName(key.slice(slash + 1));
  if (DOMAIN.test(key))
    return false;
  const words = wordsOf(key);
  if (words.length === 0)
    return false;
  const last = words[words.length - 1];
  const joinedTail = words.slice(-2).join("");
  if (SECRET_PAIRS.test(joinedTail) || SECRET_PAIRS.test(last))
    return true;
  if (REFERENCE_WORDS.has(last))
    return false;
  return words.some((w) => SECRET_WORDS.has(w));
}
function isReference(value) {
  const v = value.trim();
  return /^\$\{\{[^}]*\}\}$/.test(v) || /^\$\{[A-Za-z_][\w.:-]*\}$/.test(v) || /^\$[A-Za-z_]\w*$/.test(v) || /^\{\{[^}]*\}\}$/.test(v) || /^(?:var|local|data|module)\.[\w.[\]"-]+$/.test(v) || WHOLE_MARKER.test(v);
}
var SETTING_WORD = /^(?:read|write|none|true|false|yes|no|on|off|enabled|disabled|required|optional|auto|null)$/i;
var RESOURCE_NAME = /^(?:(?:projects|organizations|folders)\/[\w.-]+(?:\/[\w.@:-]+)*|\/[\w.-]+(?:\/[\w.-]+)+)$/;
function redactSecretValue(key, value) {
  const trimmed = value.trim();
  if (!trimmed || isReference(trimmed) || SETTING_WORD.test(trimmed) || RESOURCE_NAME.test(trimmed))
    return value;
  if (parseConnectionUrl(trimmed))
    return redactText(value);
  const verdict = classifySecretValue(key, trimmed);
  if (verdict.class === "empty")
    return value;
  if (verdict.publicValue !== void 0 && verdict.publicValue === trimmed)
    return value;
  return marker(verdict.class === "placeholder" ? "placeholder" : "value");
}
var TOKEN_FORMATS = [
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, "github-token"],
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, "gitlab-token"],
  [/\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, "aws-access-key"],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, "google-api-key"],
  [/\b(?:GOCSPX-[A-Za-z0-9_-]{16,}|ya29\.[0-9A-Za-z_-]{16,}|1\/\/0[0-9A-Za-z_-]{30,})/g, "google-oauth"],
  [/\bxox[abposre]-[A-Za-z0-9-]{10,}/g, "slack-token"],
  [/\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|\bwhsec_[A-Za-z0-9]{20,}/g, "stripe-key"],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, "jwt"],
  [/\b(?:npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{40,}|dckr_pat_[A-Za-z0-9_-]{20,})/g, "npm-token"],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/g, "sendgrid-key"],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/g, "openai-key"],
  [/\b(?:SK[0-9a-f]{32}|key-[0-9a-f]{32}|shpat_[0-9a-fA-F]{32}|hf_[A-Za-z0-9]{30,})\b/g, "token"]
];
var TOKEN_PREFIX = /gh[pousr]_|github_pat_|glpat-|A(?:KIA|SIA|BIA|CCA|GPA|IDA|ROA|NPA|NVA|IPA)|AIza|GOCSPX-|ya29\.|1\/\/0|xox[abposre]-|(?:sk|rk)_(?:live|test)_|whsec_|eyJ|npm_|pypi-|dckr_pat_|SG\.|sk-|SK[0-9a-f]|key-|shpat_|hf_/;
var PRIVATE_KEY = /(-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)([\s\S]*?)(?=-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|["']|$)/g;
var URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s'"‹]*):([^\s'"]+?)@(?=[^@\s'"/]*(?:[/?#\s'"]|$))/gi;
var URL_USER_ONLY = /\b([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s'"‹]{16,})@/gi;
var WEBHOOK_PATHS = /\b(https?:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/|[\w-]+\.webhook\.office\.com\/|outlook\.office\.com\/webhook\/|api\.telegram\.org\/bot|hooks\.zapier\.com\/hooks\/catch\/|events\.pagerduty\.com\/integration\/|[\w.-]+\.logic\.azure\.com(?::\d+)?\/workflows\/))([^\s'"?#<>]+)/gi;
var SECRET_QUERY = /([?&;](?:[\w.-]*(?:token|secret|password|passwd|pwd|key|apikey|sig|signature|credential|auth|code|sas)[\w.-]*|x-goog-signature|x-amz-signature|x-amz-credential|x-amz-security-token))=([^&\s'"#<>‹]+)/gi;
var AUTHORIZATION = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token|digest|bot|negotiate|apikey|sso-key)\s+)?)([^\s'"‹,;]+(?:\s+[^\s'"‹,;=]+=[^\s'"‹,;]*)?)/gi;
var AUTH_SCHEME = /^["']?(?:bearer|basic|token|digest|bot|negotiate|apikey|sso-key)$/i;
var USER_OPTION = /((?:^|\s)(?:-u\s*|--(?:proxy-)?user[=\s]+|-U\s+)["']?[^\s:'"]*:)([^\s'"]+)/g;
var PASSWORD_OPTION = /(\bsshpass\s+-p\s*|\bmysql(?:dump|admin)?\b[^\n|;&]*?\s-p|\b(?:docker|podman|buildah|skopeo|oras|helm(?:\s+registry)?)\s+login\b[^\n|;&]*?\s-p\s+)([^\s'"‹-][^\s'"‹]*)/g;
var VALUE = String.raw`(\$\{\{[^}\n]*\}\}|\$\{[^}\n]*\}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s'"‹,;&|)}\]]+)`;
var SECRET_OPTION = new RegExp(String.raw`((?:^|[\s"'(=])--?([A-Za-z][\w.-]*)(?:=|[ \t]+))` + VALUE, "g");
var SECRET_ASSIGNMENT = new RegExp(String.raw`((?:^|[^\w.$\\/-])["']?([A-Za-z_][\w.-]*)["']?[ \t]*(?::=|:|=)[ \t]*)` + VALUE, "g");
var TOKEN_RUN = /[A-Za-z0-9+/_.-]{16,}={0,2}/g;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function entropy(text) {
  const counts = /* @__PURE__ */ new Map();
  for (const c of text)
    counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function looksRandom(part) {
  const p = part.replace(/=+$/, "");
  if (p.length < 16)
    return false;
  if (UUID.test(p))
    return false;
  const hasDigit = /\d/.test(p);
  const hasLetter = /[A-Za-z]/.test(p);
  if (!hasDigit || !hasLetter)
    return false;
  if (/^[0-9a-f]+$/i.test(p))
    return p.length >= 32 && p.length !== 40 && p.length !== 64 && entropy(p) >= 3;
  const classes = Number(/[a-z]/.test(p)) + Number(/[A-Z]/.test(p)) + Number(hasDigit);
  const digits = p.replace(/\D/g, "").length;
  const digitRuns = p.match(/\d+/g)?.length ?? 0;
  if (digitRuns < 2 && digits < 4)
    return false;
  const threshold = Math.min(3.6, Math.log2(p.length) * 0.82);
  return (classes >= 2 || p.length >= 24) && entropy(p) >= threshold;
}
function randomToken(run, before) {
  if (/(?:sha(?:1|256|384|512)[:-]|@)$/i.test(before) && /^[0-9a-f]+$/i.test(run))
    return false;
  if (UUID.test(run))
    return false;
  if (looksRandom(run) && !/[/.]/.test(run) && !/[-_]/.test(run))
    return true;
  const parts = run.split(/[/._-]+/);
  if (parts.some(looksRandom))
    return true;
  const word = (p) => /^[a-z]{3,}$/i.test(p) && !(/[a-z]/.test(p) && /[A-Z]/.test(p) && p.length < 8);
  return !run.includes(".") && run.length >= 24 && !parts.some(word) && looksRandom(run.replace(/[/_+-]/g, ""));
}
function keepsStructure(value) {
  return MARKER.test(value) || isReference(value);
}
function tooShortForSecret(text) {
  return text.length < 8 || text.length < 16 && !/[=:\s]/.test(text);
}
function detectSecrets(text) {
  const findings = [];
  if (tooShortForSecret(text))
    return { text, findings };
  let out = text;
  const found = (secret, kind) => {
    if (secret && !keepsStructure(secret))
      findings.push({ secret, kind });
    return marker(kind);
  };
  const spaced = /\s/.test(out);
  if (out.includes("PRIVATE KEY"))
    out = out.replace(PRIVATE_KEY, (_w, head, body) => body.trim() ? `${head}${found(body, "private-key")}` : `${head}${body}`);
  if (TOKEN_PREFIX.test(out))
    for (const [re, kind] of TOKEN_FORMATS)
      out = out.replace(re, (w) => found(w, kind));
  if (out.includes("://")) {
    out = out.replace(WEBHOOK_PATHS, (_w, prefix, path) => `${prefix}${found(path, "webhook")}`);
    if (out.includes("@")) {
      out = out.replace(URL_USERINFO, (w, scheme, user, password) => keepsStructure(password) ? w : `${scheme}${user}:${found(password, "password")}@`);
      out = out.replace(URL_USER_ONLY, (w, scheme, user) => randomToken(user, "") ? `${scheme}${found(user, "token")}@` : w);
    }
  }
  if (/[?&;]/.test(out) && out.includes("=")) {
    out = out.replace(SECRET_QUERY, (w, head, value) => keepsStructure(value) || /^(?:true|false|\d{1,6})$/i.test(value) ? w : `${head}=${found(value, "token")}`);
  }
  if (/authorization/i.test(out))
    out = out.replace(AUTHORIZATION, (w, head, credentials) => runtimeValue(credentials) ? w : `${head}${found(credentials, "authorization")}`);
  if (spaced && /-u|--(?:proxy-)?user|-U/.test(out))
    out = out.replace(USER_OPTION, (w, head, password) => runtimeValue(password) || /^\d{1,10}$/.test(password) ? w : `${head}${found(password, "password")}`);
  if (spaced && /sshpass|mysql|login/.test(out))
    out = out.replace(PASSWORD_OPTION, (w, head, password) => runtimeValue(password) ? w : `${head}${found(password, "password")}`);
  if (out.includes("-"))
    out = out.replace(SECRET_OPTION, (w, head, name, value) => isSecretName(name) && !value.startsWith("-") ? `${head}${secretValueIn(name, value, found)}` : w);
  if (/[=:]/.test(out))
    out = out.replace(SECRET_ASSIGNMENT, (w, head, name, value) => isSecretName(name) && !AUTH_SCHEME.test(value) ? `${head}${secretValueIn(name, value, found)}` : w);
  if (out.length >= 16)
    out = out.replace(TOKEN_RUN, (run, offset, whole) => {
      const before = whole.slice(Math.max(0, offset - 8), offset);
      return randomToken(run, before) ? found(run, "high-entropy") : run;
    });
  return { text: out, findings };
}
function runtimeValue(value) {
  const v = value.replace(/^["']/, "");
  return !v || v.startsWith("$") || keepsStructure(v);
}
function secretValueIn(name, raw, found) {
  const quote = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]) ? raw[0] : "";
  const inner = quote ? raw.slice(1, -1) : raw;
  if (runtimeValue(inner))
    return raw;
  const replaced = redactSecretValue(name, inner);
  if (replaced === inner)
    return raw;
  if (!replaced.startsWith("\u2039redacted:"))
    return `${quote}${replaced}${quote}`;
  if (replaced === marker("placeholder"))
    return `${quote}${replaced}${quote}`;
  return `${quote}${found(inner, "password")}${quote}`;
}
function redactText(text) {
  return detectSecrets(text).text;
}
var isJson = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var FacetRedactor = class {
  cache;
  known = /* @__PURE__ */ new Map();
  pattern;
  constructor(cache = /* @__PURE__ */ new Map()) {
    this.cache = cache;
  }
  /** Whether a secret was learned to mask elsewhere (then a second pass masks it where it came earlier). */
  get learned() {
    return this.known.size > 0;
  }
  learn(secret, kind) {
    const s = secret.trim();
    if (s.length < 6 || isReference(s) || /^[a-z]+$/.test(s) && s.length < 16)
      return;
    if (isSuperuserName(s) || isExampleHost(s))
      return;
    const verdict = classifySecretValue("password", s);
    if (verdict.class === "placeholder" || verdict.publicValue !== void 0)
      return;
    if (!this.known.has(s)) {
      this.known.set(s, kind);
      this.pattern = void 0;
    }
  }
  text(value) {
    if (tooShortForSecret(value))
      return this.mask(value);
    let detected = this.cache.get(value);
    if (detected === void 0) {
      const { text, findings } = detectSecrets(value);
      detected = findings.length > 0 ? { text, findings } : text;
      this.cache.set(value, detected);
    }
    if (typeof detected === "string")
      return this.mask(detected);
    for (const f of detected.findings)
      this.learn(f.secret, f.kind);
    return this.mask(detected.text);
  }
  secretValue(key, value) {
    const out = redactSecretValue(key, value);
    if (out !== value && out.startsWith("\u2039redacted:value"))
      this.learn(value, "password");
    return out === value ? this.text(value) : out;
  }
  /** Masks every learned secret in `text` (after its own findings were replaced). */
  mask(text) {
    if (this.known.size === 0)
      return text;
    if (!this.pattern) {
      const alternatives = [...this.known.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      this.pattern = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join("|")})(?![A-Za-z0-9])`, "g");
    }
    return text.replace(this.pattern, (s) => marker(this.known.get(s) ?? "value"));
  }
};
function walk(value, r, secretName) {
  if (typeof value === "string")
    return secretName !== void 0 ? r.secretValue(secretName, value) : r.text(value);
  if (Array.isArray(value)) {
    if (value.length > 1 && everyString(value))
      r.text(value.join(" "));
    let out2;
    for (let i2 = 0; i2 < value.length; i2++) {
      const v = value[i2];
      const w = walk(v, r, secretName);
      if (out2 === void 0 && w !== v)
        out2 = value.slice(0, i2);
      out2?.push(w);
    }
    return out2 ?? value;
  }
  if (!isJson(value))
    return value;
  const pairName = typeof value.name === "string" && isSecretName(value.name) ? value.name : secretName;
  const variable = secretVariable(value);
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    const rebuilt = {};
    for (const k of Object.keys(value))
      rebuilt[k] = walkMember(value, k, r, secretName, pairName, variable);
    return rebuilt;
  }
  let out;
  let i = 0;
  for (const k in value) {
    const v = value[k];
    const w = walkMember(value, k, r, secretName, pairName, variable);
    if (out === void 0 && (w !== v || k === "__proto__")) {
      out = {};
      let j = 0;
      for (const before in value) {
        if (j++ === i)
          break;
        out[before] = value[before];
      }
    }
    if (out !== void 0)
      out[k] = w;
    i++;
  }
  return out ?? value;
}
function walkMember(value, k, r, secretName, pairName, variable) {
  const v = value[k];
  if (k === "positions" && isJson(v))
    return v;
  if (k === "value")
    return walk(v, r, pairName);
  if (k === "expression" && typeof v === "string" && secretName !== void 0)
    return redactExpression(secretName, v, r);
  if (k === "attributes" && variable !== void 0 && isJson(v)) {
    const attributes = {};
    for (const [name, attribute] of Object.entries(v))
      attributes[name] = name === "default" && isJson(attribute) && !namesList(variable, v, attribute) ? walk(attribute, r, variable) : walk(attribute, r);
    return attributes;
  }
  if ((typeof v === "string" || isJson(v) && "value" in v) && isSecretName(k))
    return walk(v, r, k);
  return walk(v, r, void 0);
}
function everyString(values) {
  for (let i = 0; i < values.length; i++)
    if (typeof values[i] !== "string")
      return false;
  return true;
}
function namesList(variable, attributes, attribute) {
  const sensitive = attributes.sensitive;
  if (isJson(sensitive) && sensitive.value === true || !/(?:secrets|credentials)$/i.test(variable))
    return false;
  const value = attribute.value;
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/.test(v));
}
function secretVariable(block) {
  if (block.type !== "variable" || !Array.isArray(block.labels) || !isJson(block.attributes))
    return void 0;
  const label = typeof block.labels[0] === "string" ? block.labels[0] : "";
  const sensitive = block.attributes.sensitive;
  if (isJson(sensitive) && sensitive.value === true)
    return isSecretName(label) ? label : "sensitive_value";
  return isSecretName(label) ? label : void 0;
}
function redactExpression(name, expression, r) {
  return expression.replace(/"((?:[^"\\]|\\.)*)"/g, (w, literal) => {
    const kept = literal.replace(/\$\{[^}]*\}/g, "");
    if (!kept.trim())
      return w;
    return `"${r.secretValue(name, literal)}"`;
  });
}
function redactTree(value) {
  const r = new FacetRedactor();
  const first = walk(value, r);
  return r.learned ? walk(value, r) : first;
}
function redactAlone(value, cache) {
  const r = new FacetRedactor(cache);
  const out = walk(value, r);
  return { value: out, learned: r.learned };
}
function redactFacets(facets, finished) {
  const out = {};
  for (const [name, facet] of Object.entries(facets))
    out[name] = redactFacet(facet, finished);
  return out;
}
function redactFacet(facet, finished) {
  if (!isJson(facet))
    return facet;
  const data = facet.data;
  if (!isJson(data) || !Array.isArray(data.files) || Object.keys(data).length !== 1)
    return redactTree(facet);
  return {
    ...facet,
    data: { files: data.files.map((f) => finished?.has(f) ? f : redactTree(f)) },
    ...facet.problems !== void 0 ? { problems: redactTree(facet.problems) } : {}
  };
}
function redactCollected(result) {
  const { reason } = result.state;
  return {
    ...result,
    facets: redactFacets(result.facets),
    state: reason !== void 0 ? { ...result.state, reason: redactText(reason) } : result.state
  };
}

// packages/collectors/dist/parsed.js
var isJson2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var arrayOf = (v) => Array.isArray(v) ? v : [];
function withParsedFacets(facets, finished) {
  const out = {};
  for (const [name, facet] of Object.entries(facets))
    out[name] = withParsedFacet(name, facet, finished);
  return out;
}
function finishCollected(result, finished) {
  if (!finished) {
    const redacted2 = redactCollected(result);
    return { ...redacted2, facets: withParsedFacets(redacted2.facets) };
  }
  const pending = {};
  for (const [name, facet] of Object.entries(result.facets))
    if (!finished.has(facet))
      pending[name] = facet;
  const redacted = redactCollected({ ...result, facets: pending });
  const parsed = withParsedFacets(redacted.facets);
  const facets = {};
  for (const [name, facet] of Object.entries(result.facets))
    facets[name] = finished.has(facet) ? facet : parsed[name];
  return { ...redacted, facets };
}
function finishFacet(name, facet) {
  return withParsedFacet(name, redactFacet(facet));
}
function finishedItem(item, cache) {
  const { value, learned } = redactAlone(item, cache);
  return learned ? void 0 : withParsedObject(value);
}
function finishItemsFacet(name, facet, finishedItems) {
  if (!name.startsWith("k8s.") || !isJson2(facet) || facet.status !== "ok" || !isJson2(facet.data) || !Array.isArray(facet.data.items) || facet.data.items.length !== finishedItems.length || finishedItems.includes(void 0))
    return finishFacet(name, facet);
  const { value: shell, learned } = redactAlone({ ...facet, data: { ...facet.data, items: [] } });
  if (learned)
    return finishFacet(name, facet);
  return { ...shell, data: { ...shell.data, items: [...finishedItems] } };
}
function withParsedFacet(name, facet, finished) {
  if (!isJson2(facet) || facet.status !== "ok" || !isJson2(facet.data))
    return facet;
  const data = facet.data;
  const done = (f) => finished?.has(f) === true;
  if (name === "files.workflows")
    return { ...facet, data: { ...data, files: arrayOf(data.files).map((f) => done(f) ? f : parsedWorkflow(f)) } };
  if (name === "files.dockerfile")
    return {
      ...facet,
      data: {
        ...data,
        files: arrayOf(data.files).map((f) => done(f) ? f : parsedDockerfile(f)),
        ...Array.isArray(data.builds) ? { builds: data.builds.map(parsedBuild) } : {}
      }
    };
  if (name === "files.kubernetes")
    return {
      ...facet,
      data: {
        ...data,
        files: arrayOf(data.files).map((f) => done(f) ? f : withParsedManifest(f))
      }
    };
  if (name === "probe.registry")
    return { ...facet, data: { ...data, images: arrayOf(data.images).map((i) => parsedProbeImage(i)) } };
  if (name.startsWith("k8s.") && Array.isArray(data.items))
    return { ...facet, data: { ...data, items: data.items.map((o) => withParsedObject(o)) } };
  return facet;
}
function withParsedFile(facetName, file) {
  if (facetName === "files.workflows")
    return parsedWorkflow(file);
  if (facetName === "files.dockerfile")
    return parsedDockerfile(file);
  if (facetName === "files.kubernetes")
    return withParsedManifest(file);
  return file;
}
function withParsedManifest(f) {
  return isJson2(f) ? { ...f, objects: arrayOf(f.objects).map((o) => withParsedObject(o)) } : f;
}
function parsedWorkflow(wf) {
  if (!isJson2(wf))
    return wf;
  const w = wf;
  return {
    ...w,
    jobs: arrayOf(w.jobs).map((job) => isJson2(job) ? {
      ...job,
      steps: arrayOf(job.steps).map((step) => {
        if (!isJson2(step) || !isJson2(step.run))
          return step;
        const commands = arrayOf(step.run.commands).map((c) => reparsed(c));
        return { ...step, run: { ...step.run, commands } };
      })
    } : job)
  };
}
function reparsed(c) {
  if (!isJson2(c) || typeof c.text !== "string")
    return c;
  return commandOf(c.text, arrayOf(c.argv), c.line);
}
function parsedBuild(build) {
  if (!isJson2(build) || typeof build.image !== "string")
    return build;
  const { imageRef: _old, ...rest } = build;
  const imageRef = parseImageReference(build.image);
  return { ...rest, ...imageRef ? { imageRef } : {} };
}
function parsedDockerfile(df) {
  if (!isJson2(df))
    return df;
  return {
    ...df,
    stages: arrayOf(df.stages).map((stage) => {
      if (!isJson2(stage))
        return stage;
      const imageRef = typeof stage.resolvedImage === "string" ? parseImageReference(stage.resolvedImage) : void 0;
      const { imageRef: _old, ...rest } = stage;
      return {
        ...rest,
        ...imageRef ? { imageRef } : {},
        instructions: arrayOf(stage.instructions).map((i) => withCommands(i))
      };
    })
  };
}
var COMMAND_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT"]);
function instructionCommands(keyword, args, line) {
  if (!COMMAND_KEYWORDS.has(keyword))
    return void 0;
  const text = args.trim();
  if (text.startsWith("[")) {
    try {
      const argv = JSON.parse(text);
      if (Array.isArray(argv) && argv.every((w) => typeof w === "string")) {
        const words = argv;
        if (words.length === 0)
          return [];
        return [
          {
            text: words.join(" "),
            argv: words,
            line,
            simple: [{ argv: words, assignments: {}, after: "", substituted: false, line }]
          }
        ];
      }
    } catch {
    }
  }
  const heredoc = /^<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1[ \t]*\n/.exec(text);
  if (heredoc) {
    const body = text.slice(heredoc[0].length).split("\n");
    const end = body.findIndex((l) => l.trim() === heredoc[2]);
    return scriptCommands((end < 0 ? body : body.slice(0, end)).join("\n"), (i) => line + 1 + i);
  }
  return scriptCommands(text, (i) => line + i);
}
function withCommands(i) {
  if (!isJson2(i) || typeof i.keyword !== "string" || typeof i.args !== "string")
    return i;
  const { commands: _old, ...rest } = i;
  const commands = instructionCommands(i.keyword, i.args, i.line);
  return commands ? { ...rest, commands } : rest;
}
function withParsedObject(o) {
  if (!isJson2(o) || typeof o.kind !== "string")
    return o;
  const images = parsedContainerImages(o.kind, o.object);
  const connectionUrls = connectionUrlsOf(o.kind, typeof o.apiVersion === "string" ? o.apiVersion : "", o.object);
  const out = "images" in o || "connectionUrls" in o ? withoutParts(o) : { ...o };
  if (images)
    out.images = images;
  if (connectionUrls)
    out.connectionUrls = connectionUrls;
  return out;
}
function withoutParts({ images: _images, connectionUrls: _urls, ...rest }) {
  return rest;
}
var escapeToken = (token) => token.includes("~") || token.includes("/") ? token.replace(/~/g, "~0").replace(/\//g, "~1") : token;
function connectionUrlsOf(kind, apiVersion, object) {
  const out = {};
  let found = false;
  const entriesAt = (base, record) => {
    if (!isJson2(record))
      return;
    for (const [k, v] of Object.entries(record)) {
      const url = typeof v === "string" ? readableConnectionUrl(v) : void 0;
      if (url) {
        out[`${base}/${escapeToken(k)}`] = url;
        found = true;
      }
    }
  };
  if (kind === "ConfigMap")
    entriesAt("/data", isJson2(object) ? object.data : void 0);
  else if (kind === "ExternalSecret" && apiVersion.startsWith("external-secrets.io/"))
    entriesAt("/spec/target/template/data", valueAt(object, ["spec", "target", "template", "data"]));
  else
    for (const { pointer, container } of containersAt(kind, object)) {
      const env = arrayOf(container.env);
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        const url = isJson2(e) && typeof e.value === "string" ? readableConnectionUrl(e.value) : void 0;
        if (url) {
          out[`${pointer}/env/${i}/value`] = url;
          found = true;
        }
      }
    }
  return found ? out : void 0;
}
function valueAt(root, path) {
  let cur = root;
  for (const key of path)
    cur = isJson2(cur) ? cur[key] : void 0;
  return cur;
}
function parsedProbeImage(image) {
  if (!isJson2(image) || typeof image.reference !== "string")
    return image;
  const { ref: _old, ...rest } = image;
  const ref = parseImageReference(image.reference);
  return ref ? { ...rest, ref } : rest;
}
function upgradeSnapshot(value) {
  if (!isJson2(value) || value.schemaVersion !== 1)
    return value;
  return {
    ...value,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...isJson2(value.facets) ? { facets: withParsedFacets(value.facets) } : {},
    ...Array.isArray(value.targets) ? {
      targets: value.targets.map((t) => isJson2(t) && isJson2(t.facets) ? { ...t, facets: withParsedFacets(t.facets) } : t)
    } : {}
  };
}

export {
  decodeBase64,
  classifySecretValue,
  splitScript,
  parseSimpleCommands,
  scriptCommands,
  parseImageReference,
  podSpecPointerOf,
  containerImages,
  parsedContainerImages,
  redactTree,
  redactFacets,
  withParsedFacets,
  finishCollected,
  finishedItem,
  finishItemsFacet,
  withParsedFile,
  withParsedManifest,
  instructionCommands,
  upgradeSnapshot
};
