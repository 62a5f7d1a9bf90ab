/**
 * Reading OpenTofu / Terraform files as the files collector gives them (`TfFile` / `TfBlock`).
 *
 * Values are either literals or `{ expression: "<source>" }`. The files collector has already evaluated
 * what Terraform would (variable defaults, `.tfvars`, locals, local module inputs and outputs, override
 * files, `count` / `for_each`, `dynamic` blocks): a value that is still an expression depends on something
 * the repository does not settle (a variable without a value, a resource attribute known after apply), and
 * a verdict it decides is `unknown`, naming those inputs (`dependsOn`). Rules never evaluate.
 */
import type { Location } from '../location.js';
import type { RuleContext } from '../rule.js';
import type { TfAttribute, TfBlock, TfExpression, TfFile } from '../snapshot/index.js';
import type { Evidence, Resource } from '../verdict.js';

// ---------------------------------------------------------------- values

export function isExpression(value: unknown): value is TfExpression {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { expression?: unknown }).expression === 'string' &&
    Object.keys(value).length === 1
  );
}

/** The source text of an expression, trimmed; for a literal, its JSON. */
export function sourceOf(value: unknown): string {
  return isExpression(value) ? value.expression.trim() : JSON.stringify(value);
}

/** A literal as evidence can carry it (strings, numbers and booleans as they are; lists and maps as JSON). */
export function evidenceValue(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (isExpression(value)) return value.expression.trim();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** `true` / `"true"` (Terraform converts the string); anything else is not true. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

// ---------------------------------------------------------------- blocks and attributes

/** Nested blocks named `name` (static ones; a `dynamic "name"` block is found by `dynamicBlock`). */
export function childBlocks(block: TfBlock, name: string): TfBlock[] {
  return block.blocks.filter((b) => b.type === name);
}

export function childBlock(block: TfBlock, name: string): TfBlock | undefined {
  return block.blocks.find((b) => b.type === name);
}

/** The `dynamic "name" { for_each = ... content { ... } }` block generating `name` blocks, if any. */
export function dynamicBlock(block: TfBlock, name: string): TfBlock | undefined {
  return block.blocks.find((b) => b.type === 'dynamic' && b.labels[0] === name);
}

/**
 * What a path (`settings.ip_configuration.ssl_mode`) holds in a block:
 * - `literal`: the attribute is there with an evaluated value;
 * - `expression`: the attribute is an expression, or the path runs through a `dynamic` block
 *   (whose `for_each` decides whether the block exists at all), so the value is unknown here;
 * - `absent`: a block or the attribute is missing; `parent` is the deepest block that exists
 *   (where the finding is located) and `missing` the path from there.
 */
export type TfRead =
  | { kind: 'literal'; value: unknown; attribute: TfAttribute }
  | {
      kind: 'expression';
      expression: string;
      /** What the value depends on that the repository does not settle (`var.tier`). */
      dependsOn: string[];
      line: number;
      column: number;
      attribute?: TfAttribute;
    }
  | { kind: 'absent'; parent: TfBlock; missing: string[] };

const REFERENCE =
  /(?<![\w.-])(?:var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?|data\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*|each\.(?:key|value)|count\.index|path\.(?:module|root|cwd)|terraform\.workspace|[a-z][a-z0-9]*_[\w-]+\.[A-Za-z_][\w-]*)/g;

/**
 * The references an expression reads (`var.x`, `local.y`, `module.m.out`, `google_x.y`), in order, each
 * once; the expression itself when it names none (a function of literals the collector does not know).
 */
export function inputsOf(expression: string): string[] {
  const found = [...new Set(expression.match(REFERENCE) ?? [])];
  return found.length ? found : [expression.trim()];
}

/** What an attribute's value depends on: what the collector recorded, else the references of its source. */
export function dependsOnOf(attribute: TfAttribute | undefined, expression: string): string[] {
  const recorded = attribute?.dependsOn;
  return Array.isArray(recorded) && recorded.length ? recorded : inputsOf(expression);
}

export function read(block: TfBlock, path: string): TfRead {
  const segments = path.split('.');
  let current = block;
  for (let i = 0; i < segments.length - 1; i++) {
    const name = segments[i]!;
    const next = childBlock(current, name);
    if (next) {
      current = next;
      continue;
    }
    const dynamic = dynamicBlock(current, name);
    if (dynamic) {
      const forEach = dynamic.attributes.for_each;
      const over = forEach ? ` over ${sourceOf(forEach.value)}` : '';
      return {
        kind: 'expression',
        expression: `dynamic "${name}"${over}`,
        dependsOn: forEach ? dependsOnOf(forEach, sourceOf(forEach.value)) : [`dynamic "${name}"`],
        line: dynamic.line,
        column: dynamic.column,
      };
    }
    return { kind: 'absent', parent: current, missing: segments.slice(i) };
  }
  const name = segments[segments.length - 1]!;
  const attribute = current.attributes[name];
  // `x = null` (written, or a variable defaulting to null) is, for Terraform, x not set.
  if (!attribute || attribute.value === null) return { kind: 'absent', parent: current, missing: [name] };
  if (isExpression(attribute.value)) {
    return {
      kind: 'expression',
      expression: attribute.value.expression.trim(),
      dependsOn: dependsOnOf(attribute, attribute.value.expression),
      line: attribute.line,
      column: attribute.column,
      attribute,
    };
  }
  return { kind: 'literal', value: attribute.value, attribute };
}

/** The literal at a path, or undefined when it is absent or an expression. */
export function literalAt(block: TfBlock, path: string): unknown {
  const r = read(block, path);
  return r.kind === 'literal' ? r.value : undefined;
}

// ---------------------------------------------------------------- locations

export function blockLocation(file: string, block: TfBlock): Location {
  return { file: block.file ?? file, startLine: block.line, startColumn: block.column, endLine: block.endLine };
}

/** An attribute's position; one merged from an override file carries that file. */
export function attributeLocation(file: string, attribute: TfAttribute): Location {
  return { file: attribute.file ?? file, startLine: attribute.line, startColumn: attribute.column };
}

/** Where a read points: the attribute, the expression, or the deepest block that exists. */
export function readLocation(file: string, r: TfRead): Location {
  if (r.kind === 'literal') return attributeLocation(file, r.attribute);
  if (r.kind === 'expression') return { file: r.attribute?.file ?? file, startLine: r.line, startColumn: r.column };
  return blockLocation(file, r.parent);
}

/** Evidence for a read: the field path, the value seen (`null` when absent) and what was expected. */
export function readEvidence(file: string, path: string, r: TfRead, expected?: string): Evidence {
  const observed = r.kind === 'literal' ? evidenceValue(r.value) : r.kind === 'expression' ? r.expression : null;
  return { path, observed, ...(expected ? { expected } : {}), location: readLocation(file, r) };
}

// ---------------------------------------------------------------- resources

export interface TfResource {
  file: TfFile;
  block: TfBlock;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `type.name` (`data.type.name` for data sources): the address inside the declaring module. */
  address: string;
  /** Directory of the declaring file, repository-relative (`''` at the root). */
  dir: string;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function collect(files: readonly TfFile[], kind: 'resource' | 'data', types?: readonly string[]): TfResource[] {
  const out: TfResource[] = [];
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== kind) continue;
      const [type, name] = block.labels;
      if (!type || !name || (types && !types.includes(type))) continue;
      out.push({
        file,
        block,
        mode: kind === 'resource' ? 'managed' : 'data',
        type,
        name,
        address: kind === 'resource' ? `${type}.${name}` : `data.${type}.${name}`,
        dir: dirOf(file.file),
      });
    }
  }
  return out.sort((a, b) => cmp(a.file.file, b.file.file) || a.block.line - b.block.line);
}

/** Managed resources of the given types in every file (modules included), in file and line order. */
export function resourcesOf(files: readonly TfFile[], ...types: string[]): TfResource[] {
  return collect(files, 'resource', types.length ? types : undefined);
}

export function dataSourcesOf(files: readonly TfFile[], ...types: string[]): TfResource[] {
  return collect(files, 'data', types.length ? types : undefined);
}

/**
 * The resource `type.name` a reference points at. Terraform addresses are per module, so a declaration
 * in the referring file's directory wins; otherwise the only one with that address anywhere.
 */
export function findResource(
  files: readonly TfFile[],
  mode: 'managed' | 'data',
  type: string,
  name: string,
  fromDir: string,
): TfResource | undefined {
  const all = (mode === 'managed' ? resourcesOf(files, type) : dataSourcesOf(files, type)).filter(
    (r) => r.name === name,
  );
  return all.find((r) => r.dir === fromDir) ?? (all.length === 1 ? all[0] : undefined);
}

/** The first reference to a `type` resource (`google_kms_key_ring.ring.id`, `data.google_kms_key_ring.r.id`). */
export function referenceTo(expression: string, type: string): { mode: 'managed' | 'data'; name: string } | undefined {
  const m = new RegExp(`(^|[^\\w.])(data\\.)?${type}\\.([A-Za-z_][\\w-]*)`).exec(expression);
  if (!m) return undefined;
  return { mode: m[2] ? 'data' : 'managed', name: m[3]! };
}

/**
 * The verdict resource for a declared block: its address plus its file, never a line number. Its members in
 * key order: the JSON report writes them as they are, with no sorted copy (reporters' json.ts).
 */
export function resourceOf(r: TfResource): Resource {
  return { file: r.file.file, id: `${r.file.file}#${r.address}`, kind: r.type, name: r.address };
}

/**
 * `count = 0` or an empty literal `for_each`: the block declares nothing. (An empty `for_each = var.x` that is
 * the variable's default stays an expression, undecided: the collector's evaluation, tf-eval.ts.)
 */
export function declaresNothing(block: TfBlock): boolean {
  const count = block.attributes.count?.value;
  if (count === 0 || count === '0') return true;
  const forEach = block.attributes.for_each?.value;
  if (Array.isArray(forEach) && forEach.length === 0) return true;
  if (forEach && typeof forEach === 'object' && !isExpression(forEach) && Object.keys(forEach).length === 0)
    return true;
  return false;
}

// ---------------------------------------------------------------- modules and roots

export interface ModuleCall {
  file: TfFile;
  block: TfBlock;
  name: string;
  dir: string;
  /** `source` as written (a literal); undefined when it is not a literal. */
  source?: string;
  /** The repository directory of a local source (`./x`, `../../modules/x`); undefined for remote sources. */
  target?: string;
}

export function moduleCalls(files: readonly TfFile[]): ModuleCall[] {
  const out: ModuleCall[] = [];
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== 'module' || !block.labels[0]) continue;
      const dir = dirOf(file.file);
      const raw = block.attributes.source?.value;
      const source = typeof raw === 'string' ? raw : undefined;
      const local = source !== undefined && (source.startsWith('./') || source.startsWith('../'));
      out.push({
        file,
        block,
        name: block.labels[0],
        dir,
        ...(source !== undefined ? { source } : {}),
        ...(local ? { target: joinPath(dir, source!) } : {}),
      });
    }
  }
  return out.sort((a, b) => cmp(a.file.file, b.file.file) || a.block.line - b.block.line);
}

/** Joins a relative path onto a repository directory; `..` above the root stays `..` (outside the repo). */
export function joinPath(dir: string, relative: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export interface RootModule {
  /** The root module's directory. */
  dir: string;
  /** For every module directory reached from this root: the address prefixes (`module.cloudsql.`) it takes. */
  reach: Map<string, string[]>;
}

/**
 * Root modules: directories with `.tf` files that no local module call points at. Each reaches its own
 * directory (prefix `''`) and, through local module calls, the module directories under
 * `module.<name>.` prefixes (nested calls chain: `module.a.module.b.`).
 */
export function rootModules(files: readonly TfFile[]): RootModule[] {
  const calls = moduleCalls(files);
  const called = new Set(calls.flatMap((c) => (c.target !== undefined ? [c.target] : [])));
  const dirs = [...new Set(files.map((f) => dirOf(f.file)))].sort(cmp);
  return dirs
    .filter((d) => !called.has(d))
    .map((dir) => {
      const reach = new Map<string, string[]>();
      const walk = (at: string, prefix: string, seen: Set<string>) => {
        reach.set(at, [...(reach.get(at) ?? []), prefix]);
        for (const c of calls) {
          if (c.dir !== at || c.target === undefined || seen.has(c.target)) continue;
          walk(c.target, `${prefix}module.${c.name}.`, new Set([...seen, c.target]));
        }
      };
      walk(dir, '', new Set([dir]));
      return { dir, reach };
    });
}

// ---------------------------------------------------------------- display-only resolution

/**
 * Best-effort text of a value for a remediation command (never for a verdict): a literal as is; `var.x`
 * through the single module call that feeds the module (or the variable's literal default); `local.x`
 * through a literal in the module's `locals`. Undefined when it cannot be known without evaluation.
 */
export function displayValue(files: readonly TfFile[], dir: string, value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isExpression(value) || depth > 5) return undefined;
  const expr = value.expression.trim();
  const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (variable) {
    const name = variable[1]!;
    const callers = moduleCalls(files).filter((c) => c.target === dir && c.block.attributes[name]);
    const fromCallers = [
      ...new Set(callers.map((c) => displayValue(files, c.dir, c.block.attributes[name]!.value, depth + 1))),
    ];
    if (callers.length > 0 && fromCallers.length === 1 && fromCallers[0] !== undefined) return fromCallers[0];
    for (const f of files) {
      if (dirOf(f.file) !== dir) continue;
      const decl = f.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
      const dflt = decl?.attributes.default?.value;
      if (dflt !== undefined) return displayValue(files, dir, dflt, depth + 1);
    }
    return undefined;
  }
  const local = /^local\.([A-Za-z_][\w-]*)$/.exec(expr);
  if (local) {
    for (const f of files) {
      if (dirOf(f.file) !== dir) continue;
      for (const b of f.blocks) {
        const attr = b.type === 'locals' ? b.attributes[local[1]!] : undefined;
        if (attr) return displayValue(files, dir, attr.value, depth + 1);
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- anchors for things that are missing

/**
 * Where to report something the `.tf` files should declare but do not: the first file with a
 * `provider "google"` block, else the environment's `environments/<env>/main.tf`, else the first
 * `main.tf`, else the first `.tf` file. Undefined when there is no `.tf` file at all.
 */
export function anchorLocation(files: readonly TfFile[], environment: string): Location | undefined {
  const sorted = [...files].sort((a, b) => cmp(a.file, b.file));
  for (const f of sorted) {
    const provider = f.blocks.find(
      (b) => b.type === 'provider' && (b.labels[0] === 'google' || b.labels[0] === 'google-beta'),
    );
    if (provider) return blockLocation(f.file, provider);
  }
  const envMain = sorted.find((f) => f.file.endsWith(`environments/${environment}/main.tf`));
  const main = envMain ?? sorted.find((f) => f.file === 'main.tf' || f.file.endsWith('/main.tf'));
  const first = main ?? sorted[0];
  return first ? { file: first.file, startLine: 1, startColumn: 1 } : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether the repository's OpenTofu has anything to do with Google Cloud: a `google` / `google-beta` provider, a
 * `google_*` resource or data source, or a module whose source names Google (`terraform-google-modules/...`,
 * `.../google`). A repository whose `.tf` files manage another cloud only (AWS, Azure) is not where ADR-001's
 * Google Cloud services would be declared.
 */
export function managesGoogleCloud(files: readonly TfFile[]): boolean {
  return files.some((f) =>
    f.blocks.some((b) => {
      if (b.type === 'provider') return b.labels[0] === 'google' || b.labels[0] === 'google-beta';
      if (b.type === 'resource' || b.type === 'data') return (b.labels[0] ?? '').startsWith('google_');
      if (b.type === 'module') {
        const source = b.attributes.source?.value;
        return typeof source === 'string' && /(?:^|\/)(?:terraform-google-|google\/|google$)|google-/.test(source);
      }
      return false;
    }),
  );
}

/** What a view over ADR-001's Google Cloud services says of `.tf` files that manage no Google Cloud resource. */
export const NOT_GOOGLE_CLOUD =
  "the repository's OpenTofu manages no Google Cloud resource (no google provider, google_* block or Google module)";

// ---------------------------------------------------------------- iteration

/**
 * Calls `check` for each declared resource of a type, skipping blocks that declare nothing
 * (`count = 0`, empty `for_each`). Skips the whole rule, with the reason, when none is declared.
 */
export function forEachResource(
  ctx: { skip(reason: string, resource?: Resource): void },
  files: readonly TfFile[],
  types: readonly string[],
  check: (r: TfResource, resource: Resource) => void,
): void {
  const found = resourcesOf(files, ...types);
  if (found.length === 0) {
    ctx.skip(`no ${types.join(' or ')} resource is declared in any .tf file`);
    return;
  }
  for (const r of found) {
    const resource = resourceOf(r);
    if (declaresNothing(r.block)) {
      ctx.skip(`${r.address} declares no instance (count = 0 or an empty for_each)`, resource);
      continue;
    }
    check(r, resource);
  }
}

/** What a rule that checks one attribute against an expected value says in each outcome. */
export interface ExpectedValueCheck<M extends string> {
  /** Attribute path below the resource block, e.g. `settings.availability_type`. */
  path: string;
  /** The expected value, as evidence shows it. */
  expected: string;
  holds(value: unknown): boolean;
  /** Message ids: the value holds; it comes from an expression; a literal that does not hold; not set. */
  messages: { holds: M; unresolved: M; wrong: M; notSet: M };
  /** Data key under which the wrong literal is given to the `wrong` message. */
  valueKey: string;
}

/**
 * The shape shared by the single-attribute rules (Redis AUTH, TLS, persistence; Cloud SQL HA, backups):
 * a literal that holds passes; an expression the collector could not evaluate is `unknown`, naming what it
 * depends on; anything else fails at the attribute, or at the nearest enclosing block when it is not set.
 */
export function checkExpectedValue<M extends string>(
  ctx: Pick<RuleContext<'files.terraform', M>, 'pass' | 'fail' | 'unknown'>,
  r: TfResource,
  resource: Resource,
  spec: ExpectedValueCheck<NoInfer<M>>,
): void {
  const file = r.file.file;
  const address = r.address;
  const value = read(r.block, spec.path);
  const evidence = [readEvidence(file, `${address}.${spec.path}`, value, spec.expected)];
  const location = readLocation(file, value);
  if (value.kind === 'literal' && spec.holds(value.value)) {
    ctx.pass({ resource, messageId: spec.messages.holds, data: { address }, evidence });
  } else if (value.kind === 'expression') {
    const data = { address, expression: value.expression };
    ctx.unknown({
      resource,
      messageId: spec.messages.unresolved,
      data,
      location,
      evidence,
      dependsOn: value.dependsOn,
    });
  } else if (value.kind === 'literal') {
    const data = { address, [spec.valueKey]: String(value.value), ...valueSource(value, file) };
    ctx.fail({ resource, messageId: spec.messages.wrong, data, location, evidence });
  } else {
    ctx.fail({ resource, messageId: spec.messages.notSet, data: { address }, location, evidence });
  }
}

/**
 * How a message says where a literal came from: `sets` when the attribute is written with that value;
 * `gets`, with the source, when the collector evaluated an expression to it (a variable's default, a
 * `.tfvars` line, a module caller's argument, a local). A module's default is what a caller gets when it
 * does not override it, not something the code "sets".
 */
export function valueSource(r: TfRead, file: string): { sets: string; from: string } {
  if (r.kind !== 'literal' || !r.attribute.expression) return { sets: 'sets', from: '' };
  const expression = r.attribute.expression.trim();
  const origin = r.attribute.origin;
  if (!origin) return { sets: 'gets', from: ` (from \`${expression}\`)` };
  const at = `${origin.file}:${origin.line}`;
  const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(expression)?.[1];
  if (variable && /\.tfvars(?:\.json)?$/.test(origin.file))
    return { sets: 'gets', from: ` (from \`var.${variable}\`, set in ${at})` };
  if (variable && dirOf(origin.file) === dirOf(r.attribute.file ?? file))
    return {
      sets: 'gets',
      from: ` (the default of \`var.${variable}\`, ${at}, which nothing in this repository overrides for this module)`,
    };
  return { sets: 'gets', from: ` (from \`${expression}\`, its value written at ${at})` };
}
