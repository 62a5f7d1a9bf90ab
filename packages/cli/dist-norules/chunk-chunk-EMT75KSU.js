import {
  __require
} from "./chunk-chunk-IWPLMFNU.js";

// coditect-on-first-use:yaml
var real;
function load() {
  real = __require("./yaml.cjs");
  Composer = real.Composer;
  Document = real.Document;
  Schema = real.Schema;
  YAMLError = real.YAMLError;
  YAMLParseError = real.YAMLParseError;
  YAMLWarning = real.YAMLWarning;
  Alias = real.Alias;
  isAlias = real.isAlias;
  isCollection = real.isCollection;
  isDocument = real.isDocument;
  isMap = real.isMap;
  isNode = real.isNode;
  isPair = real.isPair;
  isScalar = real.isScalar;
  isSeq = real.isSeq;
  Pair = real.Pair;
  Scalar = real.Scalar;
  YAMLMap = real.YAMLMap;
  YAMLSeq = real.YAMLSeq;
  CST = real.CST;
  Lexer = real.Lexer;
  LineCounter = real.LineCounter;
  Parser = real.Parser;
  parse = real.parse;
  parseAllDocuments = real.parseAllDocuments;
  parseDocument = real.parseDocument;
  stringify = real.stringify;
  visit = real.visit;
  visitAsync = real.visitAsync;
  return real;
}
var onFirstUse = (target, get) => new Proxy(target, {
  apply: (_, self, args) => Reflect.apply(get(), self, args),
  construct: (_, args) => Reflect.construct(get(), args),
  get: (_, key) => Reflect.get(get(), key)
});
var Composer = onFirstUse(function() {
}, () => (real ?? load()).Composer);
var Document = onFirstUse(function() {
}, () => (real ?? load()).Document);
var Schema = onFirstUse(function() {
}, () => (real ?? load()).Schema);
var YAMLError = onFirstUse(function() {
}, () => (real ?? load()).YAMLError);
var YAMLParseError = onFirstUse(function() {
}, () => (real ?? load()).YAMLParseError);
var YAMLWarning = onFirstUse(function() {
}, () => (real ?? load()).YAMLWarning);
var Alias = onFirstUse(function() {
}, () => (real ?? load()).Alias);
var isAlias = onFirstUse(function() {
}, () => (real ?? load()).isAlias);
var isCollection = onFirstUse(function() {
}, () => (real ?? load()).isCollection);
var isDocument = onFirstUse(function() {
}, () => (real ?? load()).isDocument);
var isMap = onFirstUse(function() {
}, () => (real ?? load()).isMap);
var isNode = onFirstUse(function() {
}, () => (real ?? load()).isNode);
var isPair = onFirstUse(function() {
}, () => (real ?? load()).isPair);
var isScalar = onFirstUse(function() {
}, () => (real ?? load()).isScalar);
var isSeq = onFirstUse(function() {
}, () => (real ?? load()).isSeq);
var Pair = onFirstUse(function() {
}, () => (real ?? load()).Pair);
var Scalar = onFirstUse(function() {
}, () => (real ?? load()).Scalar);
var YAMLMap = onFirstUse(function() {
}, () => (real ?? load()).YAMLMap);
var YAMLSeq = onFirstUse(function() {
}, () => (real ?? load()).YAMLSeq);
var CST = onFirstUse({}, () => (real ?? load()).CST);
var Lexer = onFirstUse(function() {
}, () => (real ?? load()).Lexer);
var LineCounter = onFirstUse(function() {
}, () => (real ?? load()).LineCounter);
var Parser = onFirstUse(function() {
}, () => (real ?? load()).Parser);
var parse = onFirstUse(function() {
}, () => (real ?? load()).parse);
var parseAllDocuments = onFirstUse(function() {
}, () => (real ?? load()).parseAllDocuments);
var parseDocument = onFirstUse(function() {
}, () => (real ?? load()).parseDocument);
var stringify = onFirstUse(function() {
}, () => (real ?? load()).stringify);
var visit = onFirstUse(function() {
}, () => (real ?? load()).visit);
var visitAsync = onFirstUse(function() {
}, () => (real ?? load()).visitAsync);

export {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  LineCounter,
  Parser,
  parse,
  parseAllDocuments,
  parseDocument
};
