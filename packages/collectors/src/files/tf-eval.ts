/**
 * What OpenTofu / Terraform itself would evaluate, within one repository, before a rule reads a value:
 *
 * - override files (`override.tf`, `*_override.tf`) merged into the blocks they override;
 * - each module directory's variables: `default`, then (root modules) `terraform.tfvars`, `*.auto.tfvars`
 *   and the other `*.tfvars` when they agree, or (called modules) the inputs of each local `module` call;
 * - `locals`, local module outputs (`module.x.y` where `source = "./modules/y"`);
 * - `count` / `for_each` instances of resources and module calls (`count.index`, `each.key/value`);
 * - `dynamic` blocks whose `for_each` is known, expanded into the blocks they generate.
 *
 * An attribute whose value is then the same in every instance becomes that literal (keeping its source in
 * `expression` and where the deciding value was written in `origin`); otherwise it stays an expression and
 * `dependsOn` names what the repository does not settle (`var.tier`, `google_x.y.id`). Parse once here;
 * rules only read. Runs on the parsed files in place.
 */
import type { TfAttribute, TfBlock, TfFile } from '@coditect-audit/core';
import type { HclBody } from './hcl.js';
import { isTfExpression } from './hcl.js';
import {
  evaluateExpression,
  isUnknown,
  type Scope,
  type TfValue,
  Unknown,
  unknownOf,
  withBindings,
} from './tf-expr.js';

/** A parsed `.tfvars` file: its top-level attributes. */
export interface TfVarsFile {
  file: string;
  body: HclBody;
}

/** Module call instances and resource instances per block are capped: beyond that, values stay undecided. */
const MAX_INSTANCES = 256;
/** Nested local module calls deeper than this are not followed (and a call cycle never is). */
const MAX_MODULE_DEPTH = 8;
/** Instances of one module directory, and evaluations of one block, beyond which values stay undecided. */
const MAX_CONTEXTS = 256;
const MAX_ENVS = 1024;

type Origin = { file: string; line: number };

const SECRET_VARIABLE =
  /password|passwd|token|private_key|credential|api_key|auth_string|secret_value|secret_data|client_secret|(?:^|_)secret$/i;

/**
 * Attributes that hold credentials: never given an evaluated value, so a password set in a `.tfvars` file
 * (often kept out of version control) never reaches the snapshot or a report.
 */
const SECRET_ATTRIBUTE =
  /(?:^|_)(?:password|passwd|secret|secret_data|token|private_key|key_data|credentials?|auth_string|client_secret|api_key|access_key|sas_token|certificate_key)$/i;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function joinPath(dir: string, relative: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const seg of relative.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function isOverrideFile(path: string): boolean {
  const base = baseName(path);
  return base === 'override.tf' || base.endsWith('_override.tf');
}

const sourceText = (a: TfAttribute): string =>
  isTfExpression(a.value) ? a.value.expression : JSON.stringify(a.value ?? null);

/** The value of an attribute as written: a literal as is, an expression evaluated in `scope`. */
function valueIn(a: TfAttribute, scope: Scope): TfValue {
  return isTfExpression(a.value) ? evaluateExpression(a.value.expression, scope) : (a.value as TfValue);
}

// ---------------------------------------------------------------- overrides

function blockKey(b: TfBlock): string | undefined {
  switch (b.type) {
    case 'resource':
    case 'data':
      return `${b.type}.${b.labels[0]}.${b.labels[1]}`;
    case 'module':
    case 'variable':
    case 'output':
      return `${b.type}.${b.labels[0]}`;
    case 'provider': {
      const alias = b.attributes.alias?.value;
      return `provider.${b.labels[0]}.${typeof alias === 'string' ? alias : ''}`;
    }
    case 'terraform':
      return 'terraform';
    default:
      return undefined;
  }
}

/** Marks every attribute and nested block as coming from `file` (an override file). */
function fromFile<T extends TfBlock>(block: T, file: string): T {
  for (const a of Object.values(block.attributes)) a.file = file;
  for (const b of block.blocks) {
    b.file = file;
    fromFile(b, file);
  }
  return block;
}

/**
 * Terraform's override rules: an override block's attributes replace the original's; its nested blocks
 * replace every nested block of the same type; `locals` override by name. The merged override blocks are
 * removed from the override file (it then declares only what had no original).
 */
function applyOverrides(files: TfFile[]): void {
  const byDir = new Map<string, TfFile[]>();
  for (const f of files) byDir.set(dirOf(f.file), [...(byDir.get(dirOf(f.file)) ?? []), f]);
  for (const group of byDir.values()) {
    const base = group.filter((f) => !isOverrideFile(f.file));
    const overrides = group.filter((f) => isOverrideFile(f.file)).sort((a, b) => (a.file < b.file ? -1 : 1));
    if (!overrides.length) continue;
    for (const o of overrides) {
      o.blocks = o.blocks.filter((ob) => {
        if (ob.type === 'locals') {
          let merged = false;
          for (const [name, attr] of Object.entries(ob.attributes)) {
            for (const f of base)
              for (const b of f.blocks)
                if (b.type === 'locals' && b.attributes[name]) {
                  b.attributes[name] = { ...attr, file: o.file };
                  merged = true;
                }
          }
          return !merged;
        }
        const key = blockKey(ob);
        if (!key) return true;
        const target = base.flatMap((f) => f.blocks).find((b) => blockKey(b) === key);
        if (!target) return true;
        const marked = fromFile(structuredClone(ob), o.file);
        Object.assign(target.attributes, marked.attributes);
        const replaced = new Set(marked.blocks.map((b) => b.type));
        target.blocks = [...target.blocks.filter((b) => !replaced.has(b.type)), ...marked.blocks];
        return false;
      });
    }
  }
}

// ---------------------------------------------------------------- module contexts

interface ModuleCall {
  block: TfBlock;
  file: TfFile;
  name: string;
  target: string;
}

/** One instance of a module directory: how its variables get their values. */
interface Context {
  dir: string;
  /** `module.a.module.b` address prefix, for messages. */
  path: string;
  variable(name: string): { value: TfValue; origin?: Origin };
  depth: number;
}

interface Instance {
  bindings: Record<string, TfValue>;
}

class Repository {
  readonly byDir = new Map<string, TfFile[]>();
  readonly calls: ModuleCall[] = [];
  private readonly contexts = new Map<string, Context[]>();
  private readonly localCache = new Map<Context, Map<string, TfValue>>();
  private readonly childCache = new Map<string, Context[]>();

  constructor(
    files: TfFile[],
    private readonly varFiles: TfVarsFile[],
  ) {
    for (const f of files) this.byDir.set(dirOf(f.file), [...(this.byDir.get(dirOf(f.file)) ?? []), f]);
    for (const f of files)
      for (const b of f.blocks) {
        if (b.type !== 'module' || !b.labels[0]) continue;
        const source = b.attributes.source?.value;
        if (typeof source !== 'string' || !(source.startsWith('./') || source.startsWith('../'))) continue;
        this.calls.push({ block: b, file: f, name: b.labels[0], target: joinPath(dirOf(f.file), source) });
      }
  }

  blocksIn(dir: string): { file: TfFile; block: TfBlock }[] {
    return (this.byDir.get(dir) ?? []).flatMap((file) => file.blocks.map((block) => ({ file, block })));
  }

  variableBlock(dir: string, name: string): { file: TfFile; block: TfBlock } | undefined {
    return this.blocksIn(dir).find(({ block }) => block.type === 'variable' && block.labels[0] === name);
  }

  /** `sensitive = true`, or named like a credential (`db_password`, `api_token`): never evaluated. */
  isSensitive(dir: string, name: string): boolean {
    if (SECRET_VARIABLE.test(name)) return true;
    const v = this.variableBlock(dir, name)?.block.attributes.sensitive?.value;
    return v === true || v === 'true';
  }

  private defaultOf(dir: string, name: string): { value: TfValue; origin?: Origin } | undefined {
    const v = this.variableBlock(dir, name);
    const d = v?.block.attributes.default;
    if (!v || !d) return undefined;
    return { value: valueIn(d, EMPTY_SCOPE), origin: { file: d.file ?? v.file.file, line: d.line } };
  }

  /**
   * The input named by an empty `for_each = var.x` whose value is that variable's default (`default = {}`), said
   * as an undecided input: the collection lists what to create and is given at apply (a `.tfvars` the
   * repository does not hold, or the module's caller); undefined for any other block or value.
   */
  emptyDefaultInstances(block: TfBlock, ctx: Context): string | undefined {
    const forEach = block.attributes.for_each?.value;
    const name = isTfExpression(forEach) ? /^var\.([A-Za-z_][\w-]*)$/.exec(forEach.expression.trim())?.[1] : undefined;
    if (!name) return undefined;
    const { value, origin } = ctx.variable(name);
    const d = this.variableBlock(ctx.dir, name);
    const defaultAt = d?.block.attributes.default;
    const empty =
      (Array.isArray(value) && value.length === 0) ||
      (!!value && typeof value === 'object' && !isUnknown(value) && Object.keys(value).length === 0);
    if (
      !empty ||
      !d ||
      !defaultAt ||
      origin?.file !== (defaultAt.file ?? d.file.file) ||
      origin.line !== defaultAt.line
    )
      return undefined;
    return `var.${name} (empty by default, ${origin.file}:${origin.line}: the instances are given at apply)`;
  }

  /** A root module's variable: `*.auto.tfvars` over `terraform.tfvars` over the default; other `.tfvars` when they agree. */
  private rootVariable(dir: string, name: string): { value: TfValue; origin?: Origin } {
    const files = this.varFiles.filter((v) => dirOf(v.file) === dir);
    const setIn = (v: TfVarsFile) => {
      const a = v.body.attributes[name];
      return a ? { value: valueIn(a, EMPTY_SCOPE), origin: { file: v.file, line: a.line } } : undefined;
    };
    const rank = (f: string) => ['terraform.tfvars', 'terraform.tfvars.json'].indexOf(baseName(f)) >>> 0;
    const isAuto = (f: string) =>
      ['terraform.tfvars', 'terraform.tfvars.json'].includes(baseName(f)) ||
      f.endsWith('.auto.tfvars') ||
      f.endsWith('.auto.tfvars.json');
    const auto = files
      .filter((v) => isAuto(v.file))
      // OpenTofu's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name.
      .sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    let base = this.defaultOf(dir, name);
    for (const v of auto) base = setIn(v) ?? base;
    // Other .tfvars are given with -var-file: their value decides only when every candidate agrees.
    const others = files.filter((v) => !auto.includes(v)).flatMap((v) => setIn(v) ?? []);
    const candidates = [...(base ? [base] : []), ...others];
    if (!candidates.length) return { value: new Unknown([`var.${name}`]) };
    const first = candidates[0]!;
    if (candidates.every((c) => !isUnknown(c.value) && JSON.stringify(c.value) === JSON.stringify(first.value)))
      return first;
    return { value: new Unknown([`var.${name}`]) };
  }

  contextsOf(dir: string): Context[] {
    const known = this.contexts.get(dir);
    if (known) return known;
    const called = this.calls.filter((c) => c.target === dir);
    let out: Context[] = [];
    if (called.length === 0 || called.every((c) => c.target === dirOf(c.file.file))) {
      out = [
        {
          dir,
          path: '',
          depth: 0,
          variable: (name) => this.rootVariable(dir, name),
        },
      ];
    } else {
      // Contexts of the callers first (guarded against cycles), then one per call instance.
      this.contexts.set(dir, []);
      for (const call of called) {
        const callerDir = dirOf(call.file.file);
        for (const parent of this.contextsOf(callerDir)) {
          out.push(...this.childContexts(parent, call));
          if (out.length > MAX_CONTEXTS) break;
        }
        if (out.length > MAX_CONTEXTS) break;
      }
      if (out.length > MAX_CONTEXTS) {
        // Too many instances to evaluate each: the module's variables are undecided, not guessed.
        out = [
          {
            dir,
            path: '',
            depth: 0,
            variable: (name) => ({ value: new Unknown([`var.${name} (more than ${MAX_CONTEXTS} module instances)`]) }),
          },
        ];
      } else if (out.length === 0)
        out = [
          {
            dir,
            path: '',
            depth: 0,
            variable: (name) => this.defaultOf(dir, name) ?? { value: new Unknown([`var.${name}`]) },
          },
        ];
    }
    this.contexts.set(dir, out);
    return out;
  }

  /** The instances of one module call made from `parent`: one per `count` / `for_each` element. */
  childContexts(parent: Context, call: ModuleCall): Context[] {
    const key = `${parent.path}|${parent.dir}|${call.file.file}:${call.block.line}`;
    const cached = this.childCache.get(key);
    if (cached) return cached;
    const out: Context[] = [];
    if (parent.depth < MAX_MODULE_DEPTH) {
      const instances = this.instancesOf(call.block, this.scope(parent, {}));
      const list = instances ?? [
        {
          bindings: {
            each: new Unknown([`module.${call.name} for_each`]),
            count: new Unknown([`module.${call.name} count`]),
          },
        },
      ];
      for (const inst of list) {
        const callerScope = this.scope(parent, inst.bindings);
        out.push({
          dir: call.target,
          path: `${parent.path}module.${call.name}.`,
          depth: parent.depth + 1,
          variable: (name) => {
            const input = call.block.attributes[name];
            if (input)
              return {
                value: valueIn(input, callerScope),
                origin: { file: input.file ?? call.file.file, line: input.line },
              };
            return this.defaultOf(call.target, name) ?? { value: new Unknown([`var.${name}`]) };
          },
        });
      }
    }
    this.childCache.set(key, out);
    return out;
  }

  /** `count` / `for_each` instances in a scope; undefined when they depend on something unknown. */
  instancesOf(block: TfBlock, scope: Scope): Instance[] | undefined {
    const count = block.attributes.count;
    const forEach = block.attributes.for_each;
    if (count) {
      const n = valueIn(count, scope);
      if (isUnknown(n) || typeof n !== 'number' || n > MAX_INSTANCES) return undefined;
      return Array.from({ length: Math.max(0, n) }, (_, i) => ({ bindings: { count: { index: i } } }));
    }
    if (forEach) {
      const v = valueIn(forEach, scope);
      if (isUnknown(v) || v === null || typeof v !== 'object') return undefined;
      const entries: [string, TfValue][] = Array.isArray(v)
        ? v.map((x) => [typeof x === 'string' ? x : JSON.stringify(x), x])
        : Object.entries(v);
      if (entries.length > MAX_INSTANCES) return undefined;
      return entries.map(([key, value]) => ({ bindings: { each: { key, value } } }));
    }
    return [{ bindings: {} }];
  }

  /** The scope of a module instance, plus instance bindings (`each`, `count`, a dynamic iterator). */
  scope(ctx: Context, bindings: Record<string, TfValue>): Scope {
    const base: Scope = {
      lookup: (root, names) => {
        switch (root) {
          case 'var': {
            const name = names[0];
            if (!name) return undefined;
            // A variable declared `sensitive = true` is never read into the snapshot.
            if (this.isSensitive(ctx.dir, name))
              return { value: new Unknown([`var.${name} (sensitive)`]), consumed: 1 };
            return { value: ctx.variable(name).value, consumed: 1 };
          }
          case 'local': {
            const name = names[0];
            if (!name) return undefined;
            return { value: this.local(ctx, name), consumed: 1 };
          }
          case 'module':
            return this.moduleValue(ctx, names);
          case 'path':
            return { value: ctx.dir || '.', consumed: names.length ? 1 : 0 };
          case 'terraform':
            return names[0] === 'workspace' ? { value: 'default', consumed: 1 } : undefined;
          case 'each':
          case 'count':
            return { value: new Unknown([`${root}.${names[0] ?? ''}`]), consumed: names.length ? 1 : 0 };
          default:
            return undefined;
        }
      },
    };
    return withBindings(base, bindings);
  }

  private local(ctx: Context, name: string): TfValue {
    let cache = this.localCache.get(ctx);
    if (!cache) {
      cache = new Map();
      this.localCache.set(ctx, cache);
    }
    if (cache.has(name)) return cache.get(name)!;
    // In progress: a cycle (or self reference) is unknown, never a loop.
    cache.set(name, new Unknown([`local.${name}`]));
    const attr = this.blocksIn(ctx.dir)
      .filter(({ block }) => block.type === 'locals')
      .map(({ block }) => block.attributes[name])
      .find((a) => a !== undefined);
    const value = attr ? valueIn(attr, this.scope(ctx, {})) : new Unknown([`local.${name}`]);
    cache.set(name, value);
    return value;
  }

  /** `module.<name>.<output>` of a local module call made in this context. */
  private moduleValue(ctx: Context, names: string[]): { value: TfValue; consumed: number } | undefined {
    const [name, output] = names;
    if (!name) return undefined;
    const call = this.calls.find((c) => c.name === name && c.target !== undefined && dirOf(c.file.file) === ctx.dir);
    if (!call) return { value: new Unknown([`module.${name}${output ? `.${output}` : ''}`]), consumed: output ? 2 : 1 };
    const children = this.childContexts(ctx, call);
    const instanced = call.block.attributes.count || call.block.attributes.for_each;
    if (!instanced && output && children.length === 1)
      return { value: this.output(children[0]!, output, `module.${name}.${output}`), consumed: 2 };
    return { value: new Unknown([`module.${name}${output ? `.${output}` : ''}`]), consumed: output ? 2 : 1 };
  }

  private readonly outputGuard = new Set<string>();

  private output(ctx: Context, name: string, shown: string): TfValue {
    const out = this.blocksIn(ctx.dir).find(({ block }) => block.type === 'output' && block.labels[0] === name);
    const value = out?.block.attributes.value;
    if (!value) return new Unknown([shown]);
    const key = `${ctx.path}|${ctx.dir}|${name}`;
    if (this.outputGuard.has(key)) return new Unknown([shown]);
    this.outputGuard.add(key);
    try {
      const v = valueIn(value, this.scope(ctx, {}));
      // What the caller cannot know is named as the caller sees it, plus what it came from inside.
      return isUnknown(v) ? new Unknown([shown, ...v.inputs.map((i) => `${shown} ← ${i}`)].slice(0, 4)) : v;
    } finally {
      this.outputGuard.delete(key);
    }
  }
}

const EMPTY_SCOPE: Scope = { lookup: () => undefined };

// ---------------------------------------------------------------- blocks

interface Env {
  scope: Scope;
}

/** Evaluates every attribute of `block` (and nested blocks) across `envs`, expanding known `dynamic` blocks. */
function evaluateBlock(block: TfBlock, envs: Env[]): void {
  for (const attr of Object.values(block.attributes)) evaluateAttribute(attr, envs);
  block.blocks = evaluateChildren(block.blocks, envs);
}

/**
 * Nested blocks: a `dynamic` block over a known collection is replaced by what it generates; one over an
 * unknown collection is left as written (its content reads an iterator that has no value), with
 * `dependsOn` on its `for_each`.
 */
function evaluateChildren(children: TfBlock[], envs: Env[]): TfBlock[] {
  const blocks: TfBlock[] = [];
  for (const child of children) {
    if (child.type === 'dynamic' && child.labels[0]) {
      const expanded = expandDynamic(child, envs);
      blocks.push(...(expanded ?? [child]));
      continue;
    }
    evaluateBlock(child, envs);
    blocks.push(child);
  }
  return blocks;
}

/**
 * `dynamic "x" { for_each = ...; iterator = it; content { ... } }` → one `x` block per element, when the
 * collection is known and the same in every instance; undefined (left as written) otherwise.
 */
function expandDynamic(dynamic: TfBlock, envs: Env[]): TfBlock[] | undefined {
  const forEach = dynamic.attributes.for_each;
  const content = dynamic.blocks.find((b) => b.type === 'content');
  if (!forEach || !content || envs.length === 0) return undefined;
  const values = envs.map((e) => valueIn(forEach, e.scope));
  const first = values[0]!;
  // Unknown anywhere inside (an element built from a variable nothing sets) is unknown.
  const unknown = unknownOf(...values);
  if (unknown || values.some((v) => JSON.stringify(v) !== JSON.stringify(first))) {
    forEach.dependsOn = unknown ? unknown.inputs : [`${sourceText(forEach).trim()} (differs between instances)`];
    return undefined;
  }
  if (first === null || typeof first !== 'object') {
    forEach.dependsOn = [`${sourceText(forEach).trim()} (not a collection)`];
    return undefined;
  }
  const iteratorAttr = dynamic.attributes.iterator;
  const iterator =
    iteratorAttr && isTfExpression(iteratorAttr.value) ? iteratorAttr.value.expression.trim() : dynamic.labels[0]!;
  const entries: [TfValue, TfValue][] = Array.isArray(first)
    ? first.map((x, i) => [i, x])
    : Object.entries(first as Record<string, TfValue>);
  if (entries.length > MAX_INSTANCES) return undefined;
  return entries.map(([key, value]) => {
    const generated: TfBlock = {
      ...structuredClone(content),
      type: dynamic.labels[0]!,
      labels: dynamic.labels.slice(1),
      line: content.line,
      column: content.column,
      ...(dynamic.file ? { file: dynamic.file } : {}),
    };
    const bound = envs.map((e) => ({ scope: withBindings(e.scope, { [iterator]: { key, value } }) }));
    evaluateBlock(generated, bound);
    return generated;
  });
}

const REFERENCE =
  /(?<![\w.-])(?:var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)?|each\.(?:key|value)|count\.index)/g;

function evaluateAttribute(attr: TfAttribute, envs: Env[]): void {
  if (!isTfExpression(attr.value) || envs.length === 0) return;
  if (SECRET_ATTRIBUTE.test(attr.name)) return;
  const source = attr.value.expression;
  const values = envs.map((e) => evaluateExpression(source, e.scope));
  const unknown = unknownOf(...values);
  if (unknown) {
    attr.dependsOn = unknown.inputs;
    return;
  }
  const distinct = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  if (distinct.length === 1) {
    attr.expression = source.trim();
    attr.value = distinct[0];
    return;
  }
  // Known in each instance but not the same: the rule cannot read one value; say what differs.
  const refs = [...new Set(source.match(REFERENCE) ?? [])];
  attr.dependsOn = [`${refs.length ? refs.join(', ') : source.trim()} (differs between instances)`];
  attr.instanceValues = distinct as unknown[];
}

/** Where the deciding value of a bare `var.x` was written, when it is the same in every instance. */
function originOf(attr: TfAttribute, contexts: Context[]): Origin | undefined {
  const m = /^var\.([A-Za-z_][\w-]*)$/.exec(attr.expression ?? '');
  if (!m) return undefined;
  const origins = contexts.map((c) => c.variable(m[1]!).origin);
  const first = origins[0];
  return first && origins.every((o) => o?.file === first.file && o.line === first.line) ? first : undefined;
}

function setOrigins(block: TfBlock, contexts: Context[]): void {
  for (const a of Object.values(block.attributes)) {
    const origin = originOf(a, contexts);
    if (origin) a.origin = origin;
  }
  for (const b of block.blocks) setOrigins(b, contexts);
}

/** Evaluates the repository's `.tf` files in place (see the module comment). Never throws for bad input. */
export function evaluateTerraform(files: TfFile[], varFiles: TfVarsFile[]): void {
  applyOverrides(files);
  const repo = new Repository(files, varFiles);
  for (const [dir, dirFiles] of repo.byDir) {
    const contexts = repo.contextsOf(dir);
    for (const file of dirFiles) {
      for (const block of file.blocks) {
        if (block.type !== 'resource' && block.type !== 'data') continue;
        const envs: Env[] = [];
        let undecidedInstances: string[] | undefined;
        let defaulted = false;
        for (const ctx of contexts) {
          const scope = repo.scope(ctx, {});
          const instances = repo.instancesOf(block, scope);
          const emptyDefault = instances?.length === 0 ? repo.emptyDefaultInstances(block, ctx) : undefined;
          if (emptyDefault) defaulted = true;
          if (!instances || emptyDefault) {
            const attr = block.attributes.count ?? block.attributes.for_each;
            const v = attr && !emptyDefault ? valueIn(attr, scope) : undefined;
            undecidedInstances = [
              ...(undecidedInstances ?? []),
              ...(emptyDefault ? [emptyDefault] : isUnknown(v) ? v.inputs : []),
            ];
            // Unknown instances: evaluate once with each/count unknown.
            envs.push({
              scope: repo.scope(ctx, { each: new Unknown(['each.value']), count: new Unknown(['count.index']) }),
            });
            continue;
          }
          for (const inst of instances) envs.push({ scope: repo.scope(ctx, inst.bindings) });
        }
        if (envs.length > MAX_ENVS) {
          const many = new Unknown([`${block.labels.join('.')} (more than ${MAX_ENVS} instances)`]);
          envs.splice(0, envs.length, { scope: { lookup: () => ({ value: many, consumed: 0 }) } });
        }
        // count / for_each themselves: a known collection the same everywhere becomes a literal.
        for (const name of ['count', 'for_each'] as const) {
          const attr = block.attributes[name];
          // An empty default stays the expression it is, undecided (below), not the literal `{}` it evaluates to.
          if (attr && !(name === 'for_each' && defaulted))
            evaluateAttribute(
              attr,
              contexts.map((ctx) => ({ scope: repo.scope(ctx, {}) })),
            );
        }
        if (undecidedInstances?.length) {
          const attr = block.attributes.count ?? block.attributes.for_each;
          if (attr) attr.dependsOn = [...new Set(undecidedInstances)];
        }
        if (envs.length === 0) continue; // count = 0 / empty for_each everywhere: nothing to evaluate
        for (const [name, attr] of Object.entries(block.attributes))
          if (name !== 'count' && name !== 'for_each') evaluateAttribute(attr, envs);
        block.blocks = evaluateChildren(block.blocks, envs);
        setOrigins(block, contexts);
      }
    }
  }
}
