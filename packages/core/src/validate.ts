import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a `default` export; under NodeNext the callable sits on `.default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats)) as AddFormats;

/** One ajv instance for every schema of ours (JSON Schema draft-07, as TypeBox emits). */
let ajv: Ajv | undefined;
export function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats(ajv);
  }
  return ajv;
}

const cache = new WeakMap<object, ValidateFunction>();
export function compile(schema: object): ValidateFunction {
  const hit = cache.get(schema);
  if (hit) return hit;
  const fn = getAjv().compile(schema);
  cache.set(schema, fn);
  return fn;
}

/** `/a/0/b` → `a[0].b`, the way config paths read in messages. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

export function describeAjvError(e: ErrorObject): string {
  const at = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${at}: missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at}: ${e.message ?? 'is invalid'}`;
  }
}
