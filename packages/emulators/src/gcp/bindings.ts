/**
 * Google's declared HTTP bindings for the APIs the gcp collector reads, and the JSON shape of their
 * messages, from `bindings.generated.json` (generated from the pinned clients by
 * `tools/generate-gcp-bindings.mjs`; never edited by hand). The emulator routes by them, and the contract
 * tests check recordings, answers and requests against them.
 */
import generated from './bindings.generated.json' with { type: 'json' };

export interface HttpBinding {
  /** Fully qualified method: `google.cloud.kms.v1.KeyManagementService.ListKeyRings`, `iam.projects.serviceAccounts.getIamPolicy`. */
  method: string;
  verb: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as declared: `/v1/{parent=projects/*\/locations/*}/keyRings`. */
  path: string;
  /** `*` (the whole request), a field name, or absent: the method takes no body. */
  body?: string;
  /** Query parameters the request message declares (dotted into nested messages). */
  query: string[];
  request?: string;
  response: string;
}

export interface FieldShape {
  type: string;
  repeated?: boolean;
  /** Key type of a map field. */
  map?: string;
}

interface Generated {
  packages: Record<string, string>;
  systemParameters: string[];
  bindings: Record<string, HttpBinding[]>;
  types: Record<string, { fields: Record<string, FieldShape> }>;
  enums: Record<string, Record<string, number>>;
}

export const GCP_DECLARED = generated as unknown as Generated;

export interface Route {
  /** The API's host name without the domain: `cloudkms`, `compute`. */
  service: string;
  binding: HttpBinding;
  regex: RegExp;
  /** Path variables by name, in order. */
  variables: string[];
  /** Literal characters in the template: the more, the more specific a match. */
  specificity: number;
}

function compile(service: string, binding: HttpBinding): Route {
  const variables: string[] = [];
  let specificity = 0;
  let source = '';
  const template = binding.path;
  for (let i = 0; i < template.length; ) {
    if (template[i] === '{') {
      const end = template.indexOf('}', i);
      const [name, pattern] = template.slice(i + 1, end).split('=') as [string, string | undefined];
      variables.push(name);
      const segments = (pattern ?? '*').split('/').map((s) => {
        if (s === '**') return '.+';
        if (s === '*') return '[^/]+';
        specificity += s.length;
        return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      });
      source += `(${segments.join('/')})`;
      i = end + 1;
    } else {
      source += template[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      specificity++;
      i++;
    }
  }
  // A path ending in a custom verb (`…/k:getIamPolicy`) only takes a template that declares that verb.
  const verbless = /:[A-Za-z]+$/.test(template) ? '' : '(?<!:[a-z][A-Za-z]+)';
  return { service, binding, regex: new RegExp(`^${source}${verbless}$`), variables, specificity };
}

export const GCP_ROUTES: Route[] = Object.entries(GCP_DECLARED.bindings)
  .flatMap(([service, list]) => list.map((b) => compile(service, b)))
  .sort((a, b) => b.specificity - a.specificity);

/** The declared route a request takes, most specific first; undefined when Google declares no such call. */
export function findRoute(verb: string, path: string): Route | undefined {
  return GCP_ROUTES.find((r) => r.binding.verb === verb && r.regex.test(path));
}

/** Every declared route whose path matches, whatever the verb (a recording's path names no verb). */
export function routesForPath(path: string): Route[] {
  return GCP_ROUTES.filter((r) => r.regex.test(path));
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Query parameter names the route does not declare (Google answers those with 400 INVALID_ARGUMENT). */
export function undeclaredQuery(route: Route, names: Iterable<string>): string[] {
  const declared = new Set<string>(GCP_DECLARED.systemParameters);
  for (const q of route.binding.query) {
    declared.add(q);
    declared.add(q.split('.').map(snake).join('.'));
  }
  return [...new Set(names)].filter((n) => !declared.has(n));
}

/** Methods that only read, though not GET: IAM policy reads and permission tests. */
export function isReadMethod(binding: HttpBinding): boolean {
  return (
    binding.verb === 'GET' ||
    /\.(getIamPolicy|GetIamPolicy|testIamPermissions|TestIamPermissions)$/.test(binding.method)
  );
}

/** The repeated field a paginated list answers with, when the request takes a page token. */
export function listField(binding: HttpBinding): { field: string; pageSizeParam?: string } | undefined {
  if (!binding.query.includes('pageToken')) return undefined;
  const fields = GCP_DECLARED.types[binding.response]?.fields ?? {};
  // The page's items: the repeated message field (`items` where a list also carries `warnings`).
  const repeated = Object.entries(fields)
    .filter(([, f]) => f.repeated && !isScalar(f.type))
    .map(([n]) => n);
  const field = repeated.includes('items') ? 'items' : repeated[0];
  if (!field) return undefined;
  const pageSizeParam = ['pageSize', 'maxResults'].find((p) => binding.query.includes(p));
  return pageSizeParam ? { field, pageSizeParam } : { field };
}

// ---------- message shapes ----------

const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const SCALARS = new Set([...INT64, ...INT32, 'double', 'float', 'bool', 'string', 'bytes', 'any']);
const WRAPPERS: Record<string, string> = {
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.DoubleValue': 'double',
};
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

const isScalar = (type: string) => SCALARS.has(type);

export interface ShapeIssue {
  /** JSON path in the message, e.g. `items[0].selfLink`. */
  path: string;
  problem: string;
}

export interface ShapeOptions {
  /** Accept enum values as numbers (an answer to `enum-encoding=int`, or a value newer than the protos). */
  numericEnums?: boolean;
}

/**
 * What in `value` does not fit the proto3 JSON mapping of `type`: unknown fields, wrong scalar types, enum
 * names the protos do not have, int64 not as strings, wrappers as `{ value }`, malformed timestamps.
 */
export function checkShape(type: string, value: unknown, options: ShapeOptions = {}, path = ''): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  const at = (p: string) => (path ? p : p.replace(/^\./, ''));
  const add = (p: string, problem: string) => issues.push({ path: at(p) || '(root)', problem });
  checkValue(type, value, path, options, add);
  return issues;
}

function checkValue(
  type: string,
  value: unknown,
  path: string,
  options: ShapeOptions,
  add: (path: string, problem: string) => void,
): void {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (value === null) {
    add(path, `null for ${type} (Google leaves an unset field out)`);
    return;
  }
  if (type === 'any' || type === 'google.protobuf.Value') return;
  if (INT64.has(type)) {
    if (typeof value !== 'string' || !/^-?\d+$/.test(value)) add(path, `${type} must be a decimal string, got ${kind}`);
    return;
  }
  if (INT32.has(type)) {
    if (typeof value !== 'number' || !Number.isInteger(value)) add(path, `${type} must be an integer, got ${kind}`);
    return;
  }
  if (type === 'double' || type === 'float') {
    if (typeof value !== 'number' && !['NaN', 'Infinity', '-Infinity'].includes(value as string))
      add(path, `${type} must be a number, got ${kind}`);
    return;
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') add(path, `bool must be true or false, got ${kind}`);
    return;
  }
  if (type === 'string') {
    if (typeof value !== 'string') add(path, `string expected, got ${kind}`);
    return;
  }
  if (type === 'bytes') {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) add(path, 'bytes must be base64');
    return;
  }
  if (WRAPPERS[type]) {
    if (kind === 'object') add(path, `${type} is a plain ${WRAPPERS[type]} in JSON, not { value }`);
    else checkValue(WRAPPERS[type]!, value, path, options, add);
    return;
  }
  if (type === 'google.protobuf.Timestamp') {
    if (typeof value !== 'string' || !RFC3339.test(value) || Number.isNaN(Date.parse(value)))
      add(path, `Timestamp must be an RFC 3339 string, got ${JSON.stringify(value)}`);
    return;
  }
  if (type === 'google.protobuf.Duration') {
    if (typeof value !== 'string' || !DURATION.test(value))
      add(path, `Duration must look like "3.5s", got ${JSON.stringify(value)}`);
    return;
  }
  if (type === 'google.protobuf.FieldMask') {
    if (typeof value !== 'string') add(path, 'FieldMask must be a string');
    return;
  }
  if (type === 'google.protobuf.ListValue') {
    if (!Array.isArray(value)) add(path, 'ListValue must be an array');
    return;
  }
  if (type === 'google.protobuf.Struct' || type === 'google.protobuf.Empty' || type === 'google.protobuf.Any') {
    if (kind !== 'object') add(path, `${type} must be an object`);
    else if (type === 'google.protobuf.Empty' && Object.keys(value as object).length > 0) add(path, 'Empty must be {}');
    return;
  }
  const values = GCP_DECLARED.enums[type];
  if (values) {
    if (typeof value === 'number') {
      if (!options.numericEnums)
        add(path, `enum ${type} as the number ${value}: Google answers names unless asked for enum-encoding=int`);
      else if (!Number.isInteger(value)) add(path, `enum ${type} must be an integer`);
    } else if (typeof value !== 'string' || !(value in values))
      add(path, `${JSON.stringify(value)} is not a value of enum ${type}`);
    return;
  }
  const message = GCP_DECLARED.types[type];
  if (!message) {
    add(path, `no declared type ${type}`);
    return;
  }
  if (kind !== 'object') {
    add(path, `${type} must be an object, got ${kind}`);
    return;
  }
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const field = message.fields[name];
    const p = `${path}.${name}`;
    if (!field) {
      add(p, `unknown field of ${type}`);
      continue;
    }
    if (field.map) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) add(p, 'map must be an object');
      else
        for (const [k, mv] of Object.entries(v)) checkValue(field.type, mv, `${p}[${JSON.stringify(k)}]`, options, add);
    } else if (field.repeated) {
      if (!Array.isArray(v)) add(p, `repeated ${field.type} must be an array`);
      else for (const [i, item] of v.entries()) checkValue(field.type, item, `${p}[${i}]`, options, add);
    } else checkValue(field.type, v, p, options, add);
  }
}

/** The message with every enum name turned into its number (`enum-encoding=int`); unknown names kept. */
export function enumsAsNumbers(type: string, value: unknown): unknown {
  const values = GCP_DECLARED.enums[type];
  if (values) return typeof value === 'string' && value in values ? values[value] : value;
  const message = GCP_DECLARED.types[type];
  if (!message || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const field = message.fields[name];
    if (!field || isScalar(field.type)) out[name] = v;
    else if (field.map && v && typeof v === 'object')
      out[name] = Object.fromEntries(Object.entries(v).map(([k, mv]) => [k, enumsAsNumbers(field.type, mv)]));
    else if (field.repeated && Array.isArray(v)) out[name] = v.map((item) => enumsAsNumbers(field.type, item));
    else out[name] = enumsAsNumbers(field.type, v);
  }
  return out;
}
