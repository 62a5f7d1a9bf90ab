import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { PRECOMPILED, precompiledOf } from './precompiled.js';

// ajv-formats is CommonJS with a `default` export; under NodeNext the callable sits on `.default`.
type AddFormats = (ajv: Ajv) => Ajv;

/**
 * ajv itself is loaded on first use only: the bundle validates our own schemas with code compiled at build
 * time (precompiled.ts), so most commands never load it. Synchronously, because `compile` is: in the bundle
 * `require` exists and esbuild points these literal calls at the installed ajv (an external); tsc's ES
 * module output has no `require`, so it makes one.
 */
function requireAjv(): { Ajv: new (options: object) => Ajv; addFormats: AddFormats } {
  type AjvModule = { Ajv: new (options: object) => Ajv };
  type FormatsModule = AddFormats | { default: AddFormats };
  const own = typeof require === 'function' ? undefined : createRequire(import.meta.url);
  const ajvModule = (own ? own('ajv') : require('ajv')) as AjvModule;
  const formats = (own ? own('ajv-formats') : require('ajv-formats')) as FormatsModule;
  return { Ajv: ajvModule.Ajv, addFormats: typeof formats === 'function' ? formats : formats.default };
}

/**
 * The options every schema of ours is compiled with (JSON Schema draft-07, as TypeBox emits), at run time
 * here and at build time by scripts/bundle.mjs: the same options give the same errors.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true } as const;

/** One ajv instance for every schema compiled at run time. */
let ajv: Ajv | undefined;
export function getAjv(): Ajv {
  if (!ajv) {
    const { Ajv, addFormats } = requireAjv();
    ajv = new Ajv(AJV_OPTIONS);
    addFormats(ajv);
  }
  return ajv;
}

/** What identifies a schema's content: the hash of its JSON (TypeBox's symbol keys are not part of it). */
export function schemaFingerprint(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

function precompiledFor(schema: object) {
  if (PRECOMPILED.size === 0) return undefined;
  return precompiledOf(schema) ?? PRECOMPILED.get(schemaFingerprint(schema));
}

const cache = new WeakMap<object, ValidateFunction>();

/** The validator of `schema`: compiled at build time when the bundle has it, else by ajv now. */
export function compile(schema: object): ValidateFunction {
  const hit = cache.get(schema);
  if (hit) return hit;
  const fn = precompiledFor(schema)?.validate ?? getAjv().compile(schema);
  cache.set(schema, fn);
  return fn;
}

/**
 * As `compile`, loading the schema's build-time validator when the bundle has one: each is a module of its
 * own, loaded only when asked, so a command that validates nothing (`rules`, a scan with no configuration)
 * does not load them.
 */
export async function compileLazily(schema: object): Promise<ValidateFunction> {
  const hit = cache.get(schema);
  if (hit) return hit;
  const pre = precompiledFor(schema);
  const fn = pre?.validate ?? (pre?.load ? await pre.load() : getAjv().compile(schema));
  cache.set(schema, fn);
  return fn;
}

/**
 * Makes the build-time validators of these schemas ready for `compile`, which is synchronous (`parseConfig`,
 * `parseBaseline`): call it before them. Without it `compile` gives the same validator, compiled by ajv.
 */
export async function loadValidators(...schemas: object[]): Promise<void> {
  await Promise.all(schemas.map((s) => compileLazily(s)));
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
