/**
 * Kubernetes manifests: every object of every YAML document (and of `kind: List` items), with the
 * position of each key. Secret values are classified and replaced, never kept.
 */
import type { K8sManifestFile, K8sObject, SecretKey } from '@coditect-audit/core';
import { type Document, isMap, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { FileParseError } from './errors.js';
import { scanInlineIgnores } from './ignores.js';
import { classifySecretValue, decodeBase64, maskUrlPasswords } from './secrets.js';
import { normalizeText } from './text.js';
import {
  collectPositions,
  entryValue,
  escapePointerSegment,
  firstDuplicateKey,
  MAX_YAML_ENTRIES,
  nodePosition,
  overYamlBudget,
  positionAt,
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
  const result: K8sParseResult = { manifest, errors: [...ignoreScan.errors] };
  const templated = source.includes('{{');
  if (templated && /(?:^|\/)templates\//.test(file)) return skipAsHelm(result);
  if (!source.includes('apiVersion') || !source.includes('kind')) return undefined;

  const entries = overYamlBudget(source);
  if (entries !== undefined) {
    result.errors.push(budgetError());
    return result;
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: false });
  const documents: Document[] = Array.isArray(parsed) ? parsed : [];
  if (templated && documents.some((d) => d.errors.length > 0)) return skipAsHelm(result);

  documents.forEach((document, documentIndex) => {
    const error = document.errors[0];
    if (error) {
      const at = positionAt(lineCounter, error.pos[0]);
      result.errors.push(new FileParseError(`invalid YAML: ${error.message}`, at.line, at.column));
      return;
    }
    const duplicate = firstDuplicateKey(document.contents);
    if (duplicate) {
      const at = nodePosition(lineCounter, duplicate) ?? { line: 1, column: 1 };
      result.errors.push(new FileParseError('invalid YAML: Map keys must be unique', at.line, at.column));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(JSON.stringify(document.toJS({ maxAliasCount: 1000 }) ?? null));
    } catch (e) {
      const at = nodePosition(lineCounter, document.contents as Node) ?? { line: 1, column: 1 };
      result.errors.push(new FileParseError(`invalid YAML: ${(e as Error).message}`, at.line, at.column));
      return;
    }
    for (const [node, json] of candidates(document.contents, value)) {
      const object = toObject(file, documentIndex, lineCounter, node, json);
      if (object) manifest.objects.push(object);
    }
  });
  return result;
}

/** Over the parse budget: an error for the file's rules, before anything is composed. */
export function budgetError(): FileParseError {
  return new FileParseError(
    `over the parse budget: more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and flow entries; the file was not parsed (split it, or exclude it in the configuration)`,
    1,
    1,
  );
}

function skipAsHelm(result: K8sParseResult): K8sParseResult {
  result.manifest.skipped = HELM_SKIP_REASON;
  return result;
}

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
): K8sObject | undefined {
  if (!isPlainObject(value) || !isMap(node)) return undefined;
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isPlainObject(metadata)) return undefined;
  if (typeof metadata.name !== 'string' || !metadata.name) return undefined;

  const positions = collectPositions(lineCounter, node);
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
    name: metadata.name,
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
    line,
    object: maskPasswordsInUrls(value) as Json,
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

/** Connection URLs in ConfigMaps, env values or annotations keep everything but their password. */
function maskPasswordsInUrls(value: unknown): unknown {
  if (typeof value === 'string') return maskUrlPasswords(value, REDACTED);
  if (Array.isArray(value)) return value.map(maskPasswordsInUrls);
  if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) value[key] = maskPasswordsInUrls(child);
  }
  return value;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
