/**
 * OpenTofu/Terraform lookups shared by rules that ask "does the `.tf` declare X": resource blocks by
 * type, literal attribute values, and where to point a finding about something that is missing.
 * Its own entry point (`@coditect-audit/core/views/tf-lookup`): its names overlap `terraform.ts`, which reads
 * the same blocks for the views that pair a declaration with a live resource.
 */
import type { Location } from '../location.js';
import type { FacetMap, TfAttribute, TfBlock, TfFile } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';

export type TerraformFacet = FacetMap['files.terraform'];

export interface TfResource {
  file: TfFile;
  block: TfBlock;
  type: string;
  name: string;
}

/** Top-level `resource "<type>" "<name>"` blocks of the given types, in file order. */
export function resourcesOfType(facet: TerraformFacet, ...types: string[]): TfResource[] {
  const out: TfResource[] = [];
  for (const file of facet.files) {
    for (const block of file.blocks) {
      const [type, name] = block.labels;
      if (block.type !== 'resource' || !type || !name || !types.includes(type)) continue;
      out.push({ file, block, type, name });
    }
  }
  return out;
}

/** `main.tf#google_compute_backend_service.api`: stable across line moves. */
export function tfResource(r: TfResource): Resource {
  return { id: `${r.file.file}#${r.type}.${r.name}`, kind: r.type, name: r.name, file: r.file.file };
}

export function blockLocation(file: TfFile, block: TfBlock): Location {
  return { file: block.file ?? file.file, startLine: block.line, startColumn: block.column };
}

export function attributeLocation(file: TfFile, attr: TfAttribute): Location {
  return { file: attr.file ?? file.file, startLine: attr.line, startColumn: attr.column };
}

/** An attribute's value when it is a literal string, else undefined (references, interpolations). */
export function literalString(attr: TfAttribute | undefined): string | undefined {
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** The source text of a non-literal attribute (`var.name`, `each.key`), else undefined. */
export function expressionText(attr: TfAttribute | undefined): string | undefined {
  const v = attr?.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { expression?: unknown }).expression === 'string')
    return (v as { expression: string }).expression;
  return undefined;
}

/**
 * What `each.key` or `each.value` takes over a literal `for_each`: for a list or set of strings
 * (`toset(["a", "b"])`) both are the strings; for a map, the keys or the string values. Undefined when
 * the `for_each` is not written literally.
 */
export function forEachNames(block: TfBlock, of: 'key' | 'value'): string[] | undefined {
  const attr = block.attributes.for_each;
  if (!attr) return undefined;
  const v = attr.value;
  const strings = (xs: unknown[]) => xs.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(v)) return strings(v);
  const expr = expressionText(attr);
  if (expr !== undefined) {
    const list = /^\s*toset\(\s*\[([^\]]*)\]\s*\)\s*$/.exec(expr);
    return list ? [...(list[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '') : undefined;
  }
  if (v && typeof v === 'object') return of === 'key' ? Object.keys(v) : strings(Object.values(v));
  return undefined;
}

function declaresGoogleProvider(file: TfFile): TfBlock | undefined {
  return file.blocks.find((b) => b.type === 'provider' && (b.labels[0] === 'google' || b.labels[0] === 'google-beta'));
}

function inEnvironmentFolder(path: string, environment: string): boolean {
  return path.split('/').slice(0, -1).includes(environment);
}

/**
 * Where to point a finding about something the `.tf` files lack: the `provider "google"` block of the
 * environment's folder, else that folder's `main.tf`, else the first file (by path) with a google
 * provider, else the first `main.tf`, else the first file. Undefined when there are no `.tf` files.
 */
export function anchorLocation(facet: TerraformFacet, environment: string): Location | undefined {
  const files = [...facet.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const isMain = (f: TfFile) => f.file === 'main.tf' || f.file.endsWith('/main.tf');
  const env = files.filter((f) => inEnvironmentFolder(f.file, environment));
  const candidates = [
    env.find((f) => declaresGoogleProvider(f)),
    env.find(isMain),
    files.find((f) => declaresGoogleProvider(f)),
    files.find(isMain),
    files[0],
  ];
  const file = candidates.find((f) => f !== undefined);
  if (!file) return undefined;
  const provider = declaresGoogleProvider(file);
  return provider ? blockLocation(file, provider) : { file: file.file, startLine: 1 };
}
