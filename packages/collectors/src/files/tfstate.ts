/**
 * OpenTofu / Terraform state files (`.tfstate`, format version 4), reduced to resource identities.
 *
 * State holds secrets in clear (passwords, private keys, Redis auth strings, outputs). Only the
 * attributes named in IDENTITY_ATTRIBUTES are read, and only when they are scalars that no
 * `sensitive_attributes` path covers; everything else is never copied, not even into an error message.
 */
import type { TfState } from '@coditect-audit/core';
import { FileParseError } from './errors.js';

export const SUPPORTED_STATE_VERSION = 4;

/** Attributes that name a resource (what `iac.unmanaged-resource` matches against live resources). */
export const IDENTITY_ATTRIBUTES: readonly string[] = [
  'account_id',
  'cluster',
  'connection_name',
  'crypto_key',
  'crypto_key_id',
  'database_version',
  'email',
  'format',
  'id',
  'instance',
  'key_ring',
  'location',
  'location_id',
  'name',
  'project',
  'purpose',
  'redis_version',
  'region',
  'repository_id',
  'secret_id',
  'self_link',
  'tier',
  'zone',
];

/**
 * Resource types whose very identity can be the secret (`random_string.id` is the generated string,
 * `random_id.id` the random bytes): no identity is kept for them.
 */
const SECRET_GENERATING_TYPE = /^(?:random|tls)_/;

type StateResource = TfState['resources'][number];
type StateInstance = StateResource['instances'][number];

/** Parses a state file; throws FileParseError (1-based line and column) on invalid JSON or structure. */
export function parseTfState(file: string, source: string): TfState {
  // A byte-order mark becomes a space: JSON.parse rejects it, and positions stay the same.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, error);
  }
  const fail = (message: string, pointer: string): never => {
    const at = positionAt(text, locateJsonPointer(text, pointer) ?? 0);
    throw new FileParseError(message, at.line, at.column);
  };
  if (!isObject(root)) fail('a state file is a JSON object with "version" and "resources"', '');
  const state = root as Record<string, unknown>;
  const version = state.version;
  if (version !== SUPPORTED_STATE_VERSION) {
    const shown = typeof version === 'number' ? `version ${version}` : 'no numeric "version"';
    fail(
      `unsupported state format: ${shown}; only format version ${SUPPORTED_STATE_VERSION} (Terraform 0.12 and later, OpenTofu) is read. ` +
        'Upgrade it with a current "tofu state pull" or "terraform state pull"',
      typeof version === 'undefined' ? '' : '/version',
    );
  }
  const resources = state.resources;
  if (!Array.isArray(resources)) {
    fail('"resources" must be a list of resources', resources === undefined ? '' : '/resources');
  }
  const out: TfState = { file, version: SUPPORTED_STATE_VERSION, resources: [] };
  if (typeof state.terraform_version === 'string') out.terraformVersion = state.terraform_version;
  (resources as unknown[]).forEach((resource, i) => {
    out.resources.push(readResource(resource, `/resources/${i}`, fail));
  });
  return out;
}

function readResource(resource: unknown, pointer: string, fail: (m: string, p: string) => never): StateResource {
  if (!isObject(resource)) return fail(`resources[${pointerIndex(pointer)}] must be an object`, pointer);
  const field = (key: string): string => {
    const value = resource[key];
    if (typeof value !== 'string' || value === '') {
      return fail(`resources[${pointerIndex(pointer)}]: "${key}" must be a non-empty string`, `${pointer}/${key}`);
    }
    return value;
  };
  const mode = field('mode');
  const type = field('type');
  const name = field('name');
  let module: string | undefined;
  if (resource.module !== undefined) module = field('module');
  const instances = resource.instances;
  if (!Array.isArray(instances)) {
    return fail(`resources[${pointerIndex(pointer)}]: "instances" must be a list`, `${pointer}/instances`);
  }
  const address = `${module ? `${module}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const read: StateResource = {
    mode,
    type,
    name,
    address,
    instances: instances.map((instance, j) => readInstance(type, instance, `${pointer}/instances/${j}`, fail)),
  };
  if (module) read.module = module;
  return read;
}

function readInstance(
  type: string,
  instance: unknown,
  pointer: string,
  fail: (m: string, p: string) => never,
): StateInstance {
  if (!isObject(instance)) return fail(`${pointerPath(pointer)} must be an object`, pointer);
  const out: StateInstance = { identity: {} };
  const indexKey = instance.index_key;
  if (typeof indexKey === 'string' || (typeof indexKey === 'number' && Number.isFinite(indexKey))) {
    out.indexKey = indexKey;
  }
  const attributes = instance.attributes;
  if (!isObject(attributes) || SECRET_GENERATING_TYPE.test(type)) return out;
  const sensitive = sensitiveAttributeNames(instance.sensitive_attributes);
  const sensitiveValues = new Set<string>();
  for (const key of sensitive) {
    const value = attributes[key];
    if (typeof value === 'string' && value !== '') sensitiveValues.add(value);
  }
  for (const key of IDENTITY_ATTRIBUTES) {
    if (sensitive.has(key)) continue;
    const value = attributes[key];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const text = String(value);
    // A value equal to a sensitive one would reveal it under another name.
    if (text === '' || sensitiveValues.has(text)) continue;
    out.identity[key] = text;
  }
  return out;
}

/**
 * Top-level attribute names that `sensitive_attributes` marks, in either layout: a list of paths
 * (`[[{"type":"get_attr","value":"password"}]]`) or a list of steps (`[{"type":"get_attr",...}]`).
 */
function sensitiveAttributeNames(paths: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(paths)) return names;
  for (const path of paths) {
    const step: unknown = Array.isArray(path) ? path[0] : path;
    if (isObject(step) && step.type === 'get_attr' && typeof step.value === 'string') names.add(step.value);
  }
  return names;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerIndex(pointer: string): string {
  return pointer.split('/')[2] ?? '';
}

/** `/resources/3/instances/0` → `resources[3].instances[0]`. */
function pointerPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

// ---------------------------------------------------------------- JSON positions

interface Position {
  line: number;
  column: number;
}

function positionAt(text: string, offset: number): Position {
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

/**
 * JSON.parse on Node 20 does not always say where the error is; a small validating scan finds the
 * offset. The JSON text and the error text from V8 (which quotes the input) never enter the message.
 */
function jsonSyntaxError(text: string, error: unknown): FileParseError {
  const found = scanJson(text);
  if (found.error) {
    const at = positionAt(text, found.error.offset);
    return new FileParseError(`invalid JSON: ${found.error.message}`, at.line, at.column);
  }
  const reported = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const at = positionAt(text, reported ? Number(reported[1]) : 0);
  return new FileParseError('invalid JSON', at.line, at.column);
}

/** Offset of the value at a JSON pointer (`/resources/3/type`), or of its nearest ancestor the text has. */
function locateJsonPointer(text: string, pointer: string): number | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const offset = scanJson(text, p).offset;
    if (offset !== undefined || p === '') return offset;
  }
}

type Frame = { kind: 'object'; path: string } | { kind: 'array'; path: string; index: number };

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const JSON_LITERAL = /true|false|null/y;

/**
 * One pass over JSON text, without building values and without recursion: reports the first syntax
 * error and, when asked, the offset of the value at `target` (a JSON pointer).
 */
function scanJson(text: string, target?: string): { error?: { offset: number; message: string }; offset?: number } {
  let i = 0;
  const stack: Frame[] = [];
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const error = (message: string) => ({
    error: { offset: Math.min(i, text.length), message: i >= text.length ? 'unexpected end of file' : message },
  });
  /** Scans a string at `i` (a `"`); returns its decoded value, or undefined when it is malformed. */
  const scanString = (): string | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) return undefined;
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) return undefined;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return undefined;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return undefined;
        }
      } else {
        i++;
      }
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };

  let path = '';
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      skipSpace();
      if (target !== undefined && path === target) return { offset: i };
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (c === '{') {
          stack.push({ kind: 'object', path });
          if (text[i] === '}') {
            i++;
            stack.pop();
            expectValue = false;
            continue;
          }
          const key = readKey();
          if (typeof key !== 'string') return key;
          path = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
          continue;
        }
        stack.push({ kind: 'array', path, index: 0 });
        if (text[i] === ']') {
          i++;
          stack.pop();
          expectValue = false;
          continue;
        }
        path = `${path}/0`;
        continue;
      }
      if (c === '"') {
        const start = i;
        if (scanString() === undefined) {
          i = start;
          return error('malformed string (unterminated, a raw control character or a bad escape)');
        }
      } else {
        JSON_NUMBER.lastIndex = i;
        JSON_LITERAL.lastIndex = i;
        const m = JSON_NUMBER.exec(text) ?? JSON_LITERAL.exec(text);
        if (!m) return error('expected a JSON value (object, list, string, number, true, false or null)');
        i += m[0].length;
      }
      expectValue = false;
      continue;
    }
    // After a value: a separator, the end of the enclosing container, or the end of the text.
    skipSpace();
    const frame = stack[stack.length - 1];
    if (!frame) {
      if (i < text.length) return error('unexpected text after the end of the JSON value');
      return {};
    }
    const c = text[i];
    if (frame.kind === 'object') {
      if (c === '}') {
        i++;
        stack.pop();
        path = frame.path;
        continue;
      }
      if (c !== ',') return error('expected "," or "}" after an object member');
      i++;
      skipSpace();
      const key = readKey();
      if (typeof key !== 'string') return key;
      path = `${frame.path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      expectValue = true;
      continue;
    }
    if (c === ']') {
      i++;
      stack.pop();
      path = frame.path;
      continue;
    }
    if (c !== ',') return error('expected "," or "]" after a list element');
    i++;
    frame.index++;
    path = `${frame.path}/${frame.index}`;
    expectValue = true;
  }

  /** At a member name: `"key"` then `:`; leaves `i` before the value. */
  function readKey(): string | ReturnType<typeof error> {
    if (text[i] !== '"') return error('expected a double-quoted member name');
    const start = i;
    const key = scanString();
    if (key === undefined) {
      i = start;
      return error('malformed member name');
    }
    skipSpace();
    if (text[i] !== ':') return error('expected ":" after a member name');
    i++;
    return key;
  }
}
