/**
 * Kubernetes manifests: every object of every YAML document (and of `kind: List` items), with the
 * position of each key. Secret values are classified and replaced, never kept.
 */
import type { K8sManifestFile, K8sObject, SecretKey } from '@coditect-audit/core';
import { isMap, isSeq, type LineCounter, type Node } from 'yaml';
import { FileParseError, invalidYaml } from './errors.js';
import { parseLikeKubectl } from './kubectl-yaml.js';
import { scanInlineIgnores } from './ignores.js';
import { classifySecretValue, decodeBase64, isTemplateReference } from './secrets.js';
import { normalizeText } from './text.js';
import {
  collectPositions,
  entryValue,
  escapePointerSegment,
  indexNode,
  MAX_YAML_ENTRIES,
  type NodeIndex,
  nodePosition,
  overYamlBudget,
  positionAt,
  positionsOf,
} from './yaml-nodes.js';

export const HELM_SKIP_REASON = 'Helm template: render it (helm template) and scan the output';
export const REDACTED = '<redacted>';

/** Environment variable names whose literal values are treated as secrets. */
const SECRET_NAME = /pass|secret|token|key|credential|auth/i;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface K8sParseResult {
  manifest: K8sManifestFile;
  /** Documents that are not valid YAML (the file's other documents are still read). */
  errors: FileParseError[];
  /** Read, but not exactly as written (a repeated key: the last one counts, as in kubectl); once per file. */
  notices: FileParseError[];
}

type Json = Record<string, unknown>;

/**
 * Reads a YAML file as Kubernetes manifests. Returns `undefined` for YAML that cannot hold a Kubernetes
 * object (no `apiVersion` and `kind` anywhere), so unrelated YAML never produces problems.
 */
export function parseKubernetes(file: string, text: string): K8sParseResult | undefined {
  const source = normalizeText(text);
  const ignoreScan = scanInlineIgnores(file, source);
  const manifest: K8sManifestFile = { file, objects: [], ignores: ignoreScan.ignores };
  const result: K8sParseResult = { manifest, errors: [...ignoreScan.errors], notices: [] };
  // YAML that cannot hold a Kubernetes object is not ours to list, templated or not (a chart's or a Jinja
  // tree's compose and app config).
  if (!source.includes('apiVersion') || !source.includes('kind')) return undefined;
  // `{{ }}` (Helm, Go templates, Jinja expressions) or Jinja statements alone (`{% raw %}` around an MkDocs snippet).
  const templated = source.includes('{{') || JINJA_STATEMENT.test(source);
  if (templated && /(?:^|\/)templates\//.test(file)) return skipAsHelm(result, source);

  if (overYamlBudget(source) !== undefined) {
    result.errors.push(budgetError());
    return result;
  }
  const { documents, lineCounter } = parseLikeKubectl(source);
  if (templated && documents.some((d) => d.errors.length > 0)) return skipAsHelm(result, source);
  const placeholder = placeholderWhereInvalid(documents, lineCounter, source);
  if (placeholder !== undefined) {
    result.manifest.skipped = `a template with placeholders such as ${placeholder}, filled in before it is applied (by sed, make or a script): fill them in and scan the output`;
    return result;
  }

  // An alias needs an anchor (`&name`): without one, no two places of a document share an object.
  const anchored = source.includes('&');
  const repeated: string[] = [];
  let apiOutput: { line: number; column: number } | undefined;
  let firstRepeat: { line: number; column: number } | undefined;
  documents.forEach((document, documentIndex) => {
    const error = document.errors[0];
    if (error) {
      const at = positionAt(lineCounter, error.pos[0]);
      result.errors.push(new FileParseError(invalidYaml(error.message), at.line, at.column));
      return;
    }
    // One walk of the document for its repeated keys and, when it is the object, its positions.
    const index = indexNode(lineCounter, document.contents);
    for (const d of index.repeatedKeys) {
      const at = positionAt(lineCounter, d.repeated);
      firstRepeat ??= at;
      repeated.push(`${d.key} (line ${at.line}, first at line ${positionAt(lineCounter, d.first).line})`);
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 1000 }) ?? null;
      // What kubectl decodes is JSON: a copy makes it so (no NaN, Set, Map, shared alias objects that
      // redaction would change twice). Without anchors, a document of plain values is already that.
      if (anchored || !isPlainJson(value)) value = JSON.parse(JSON.stringify(value));
    } catch (e) {
      const at = nodePosition(lineCounter, document.contents as Node) ?? { line: 1, column: 1 };
      result.errors.push(new FileParseError(invalidYaml((e as Error).message), at.line, at.column));
      return;
    }
    if (isApiServerOutput(value)) {
      apiOutput ??= nodePosition(lineCounter, document.contents as Node) ?? { line: 1, column: 1 };
      return;
    }
    for (const [node, json] of candidates(document.contents, value)) {
      const object = toObject(
        file,
        documentIndex,
        lineCounter,
        node,
        json,
        node === document.contents ? index : undefined,
      );
      if (object) manifest.objects.push(object);
    }
  });
  if (firstRepeat) {
    const more = repeated.length > 3 ? ` and ${repeated.length - 3} more` : '';
    result.notices.push(
      new FileParseError(
        `repeated map key${repeated.length > 1 ? 's' : ''} ${repeated.slice(0, 3).join(', ')}${more}: read as kubectl reads it, the last value counts`,
        firstRepeat.line,
        firstRepeat.column,
      ),
    );
  }
  if (apiOutput) {
    result.notices.push(
      new FileParseError(
        'API server output (objects carry metadata.uid and resourceVersion), a recording rather than a manifest the repository applies: not read',
        apiOutput.line,
        apiOutput.column,
      ),
    );
  }
  return result;
}

/**
 * What `kubectl get -o json/yaml` prints (a `*List` or object with server-set `metadata.uid` and
 * `resourceVersion`), kept as a recording or test data: judging it as the repository's manifests would
 * report the cluster's state as the repository's intent.
 */
function isApiServerOutput(value: unknown): boolean {
  const serverSet = (o: unknown) =>
    isPlainObject(o) &&
    isPlainObject(o.metadata) &&
    typeof o.metadata.uid === 'string' &&
    typeof o.metadata.resourceVersion === 'string';
  if (!isPlainObject(value)) return false;
  if (Array.isArray(value.items) && typeof value.kind === 'string' && /List$/.test(value.kind)) {
    return value.items.length > 0 && value.items.every(serverSet);
  }
  return serverSet(value);
}

/** Over the parse budget: an error for the file's rules, before anything is composed. */
export function budgetError(): FileParseError {
  return new FileParseError(
    `over the parse budget: more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and flow entries; the file was not parsed (split it, or exclude it in the configuration)`,
    1,
    1,
  );
}

/**
 * A placeholder a build fills in before applying a manifest (`sed -e "s|{IMAGE}|…|g"`), a name in capitals:
 * `{NAME}`, `%NAME%` (as a README asks the reader to replace it), `@NAME@`.
 */
const FILL_IN_PLACEHOLDER = /\{[A-Z][A-Z0-9_]*\}|%[A-Z][A-Z0-9_]*%|@[A-Z][A-Z0-9_]*@/;

/**
 * The placeholder (`{NAME}`, `%NAME%`) on the line of the file's first YAML error, if there is one there: such a file is a
 * template, invalid until it is filled in (`clusterIP: {IP_PREFIX}.16` is a mapping followed by text). A file
 * whose errors lie elsewhere is invalid YAML like any other.
 */
function placeholderWhereInvalid(
  documents: ReturnType<typeof parseLikeKubectl>['documents'],
  lineCounter: LineCounter,
  source: string,
): string | undefined {
  const error = documents.find((d) => d.errors.length > 0)?.errors[0];
  if (!error || !FILL_IN_PLACEHOLDER.test(source)) return undefined;
  const { line } = positionAt(lineCounter, error.pos[0]);
  const start = lineCounter.lineStarts[line - 1] ?? 0;
  const end = source.indexOf('\n', start);
  return FILL_IN_PLACEHOLDER.exec(source.slice(start, end < 0 ? undefined : end))?.[0];
}

function skipAsHelm(result: K8sParseResult, source: string): K8sParseResult {
  result.manifest.skipped = source.includes('{{') ? HELM_SKIP_REASON : JINJA_SKIP_REASON;
  return result;
}

const JINJA_SKIP_REASON = 'Jinja template ({% %} tags): render it and scan the output';

/** A Jinja statement tag: `{% raw %}`, `{%- if x %}`. */
const JINJA_STATEMENT = /\{%-?\s*[a-z]/;

/** The document itself, or the items of a `kind: List` (`v1 List`, `DeploymentList`...). */
function candidates(node: unknown, value: unknown): [unknown, unknown][] {
  if (
    isPlainObject(value) &&
    typeof value.kind === 'string' &&
    /List$/.test(value.kind) &&
    Array.isArray(value.items)
  ) {
    const itemsNode = entryValue(node, 'items');
    const itemNodes = isSeq(itemsNode) ? itemsNode.items : [];
    return value.items.map((item, i) => [itemNodes[i], item] as [unknown, unknown]);
  }
  return [[node, value]];
}

function toObject(
  file: string,
  documentIndex: number,
  lineCounter: LineCounter,
  node: unknown,
  value: unknown,
  /** The document's index when `node` is the document itself (not an item of a `kind: List`). */
  index: NodeIndex | undefined,
): K8sObject | undefined {
  if (!isPlainObject(value) || !isMap(node)) return undefined;
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isPlainObject(metadata)) return undefined;
  // `kubectl create` names an object from `generateName` (Jobs, Pods run once): judge it by that prefix.
  const name =
    typeof metadata.name === 'string' && metadata.name
      ? metadata.name
      : typeof metadata.generateName === 'string' && metadata.generateName
        ? metadata.generateName
        : undefined;
  if (!name) return undefined;

  const positions = index ? positionsOf(index) : collectPositions(lineCounter, node);
  const line = nodePosition(lineCounter, node.items[0]?.key as Node)?.line ?? 1;
  const secretKeys = kind === 'Secret' ? redactSecret(value, positions) : undefined;
  if (kind === 'ConfigMap') redactSecretLookingEntries(value.data);
  redactEnvValues(value);
  const annotations = metadata.annotations;
  if (isPlainObject(annotations) && LAST_APPLIED in annotations) annotations[LAST_APPLIED] = REDACTED;
  return {
    file,
    documentIndex,
    apiVersion,
    kind,
    name,
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
    line,
    // URL passwords and other secrets in the remaining strings: ../redact.ts, when the facet is built.
    object: value,
    positions,
    ...(secretKeys ? { secretKeys } : {}),
  };
}

/** Classifies every `data` and `stringData` value, then replaces it. */
function redactSecret(secret: Json, positions: K8sObject['positions']): SecretKey[] {
  const keys: SecretKey[] = [];
  for (const source of ['data', 'stringData'] as const) {
    const entries = secret[source];
    if (entries === undefined || entries === null) continue;
    if (!isPlainObject(entries)) {
      secret[source] = REDACTED;
      continue;
    }
    for (const [key, raw] of Object.entries(entries)) {
      const text = raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
      const decoded = source === 'data' ? decodeBase64(text) : text;
      const verdict = decoded === undefined ? { class: 'invalid-base64' as const } : classifySecretValue(key, decoded);
      const at = positions[`/${source}/${escapePointerSegment(key)}`] ?? { line: 1, column: 1 };
      keys.push({
        key,
        source,
        class: verdict.class,
        ...('publicValue' in verdict && verdict.publicValue !== undefined ? { publicValue: verdict.publicValue } : {}),
        ...('url' in verdict && verdict.url !== undefined ? { url: verdict.url } : {}),
        // A placeholder that is a template reference is filled when the file is applied (envsubst, Helm).
        ...(decoded !== undefined && verdict.class === 'placeholder' && isTemplateReference(decoded)
          ? { templated: true as const }
          : {}),
        line: at.line,
        column: at.column,
      });
      entries[key] = REDACTED;
    }
  }
  return keys.sort((a, b) => a.line - b.line || a.column - b.column);
}

function redactSecretLookingEntries(entries: unknown): void {
  if (!isPlainObject(entries)) return;
  for (const key of Object.keys(entries)) if (SECRET_NAME.test(key)) entries[key] = REDACTED;
}

/** `env: [{ name: DB_PASSWORD, value: ... }]` anywhere in the object (pods, templates, jobs...). */
function redactEnvValues(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) redactEnvValues(item);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'env' && Array.isArray(child)) {
      for (const variable of child) {
        if (isPlainObject(variable) && typeof variable.name === 'string' && SECRET_NAME.test(variable.name)) {
          if ('value' in variable) variable.value = REDACTED;
        }
      }
    }
    redactEnvValues(child);
  }
}

/** Strings, finite numbers other than -0, booleans, null, and arrays and plain objects of them. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every(isPlainJson);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!isPlainJson((value as Json)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
