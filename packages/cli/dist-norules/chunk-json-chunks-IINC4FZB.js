import "./chunk-chunk-IWPLMFNU.js";

// packages/cli/dist/json-chunks.js
var SPLIT_DEPTH = 6;
function isContainer(value) {
  if (typeof value !== "object" || value === null)
    return false;
  if (Array.isArray(value))
    return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
function prepared(value, key) {
  if (typeof value === "object" && value !== null) {
    const toJSON = value.toJSON;
    if (typeof toJSON === "function")
      return toJSON.call(value, key);
  }
  return value;
}
function* pieces(value, depth) {
  if (depth >= SPLIT_DEPTH || !isContainer(value)) {
    const text = JSON.stringify(value);
    if (text !== void 0)
      yield text;
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i)
        yield ",";
      const item = prepared(value[i], String(i));
      if (item === void 0 || typeof item === "function" || typeof item === "symbol")
        yield "null";
      else
        yield* pieces(item, depth + 1);
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const member = prepared(value[key], key);
    if (member === void 0 || typeof member === "function" || typeof member === "symbol")
      continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* pieces(member, depth + 1);
  }
  yield "}";
}
function* compactJsonChunks(value) {
  yield* pieces(prepared(value, ""), 0);
}
var BEYOND_ASCII = /[\u0080-\uffff]/g;
function asciiJson(text) {
  BEYOND_ASCII.lastIndex = 0;
  if (!BEYOND_ASCII.test(text))
    return text;
  return text.replace(BEYOND_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
export {
  asciiJson,
  compactJsonChunks
};
