/**
 * Evaluates one HCL expression (its source text, as the parser kept it) the way Terraform would, given a
 * scope that answers references (`var.x`, `local.y`, `module.m.out`, `each.key`, `count.index`). What it
 * cannot know (a variable nothing sets, a resource attribute known only after apply, a function it does
 * not implement) is an `Unknown` naming those inputs; an operation on an unknown is unknown.
 *
 * Only the language's pure parts are implemented: literals, templates, operators, conditionals, `for`
 * expressions, indexing and a set of common pure functions. Nothing here reads a file or the clock.
 */
import { BINARY_PRECEDENCE, type TemplatePart, type Token, tokenizeHcl } from './hcl.js';

/** A value Terraform would only know later, or that the repository does not settle. */
export class Unknown {
  constructor(readonly inputs: string[]) {}
}

export type TfValue = string | number | boolean | null | TfValue[] | { [key: string]: TfValue } | Unknown;

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Unknown when any part is; the inputs of all unknown parts, each once. */
export function unknownOf(...values: unknown[]): Unknown | undefined {
  const inputs: string[] = [];
  const walk = (v: unknown): void => {
    if (v instanceof Unknown) inputs.push(...v.inputs);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return inputs.length ? new Unknown([...new Set(inputs)]) : undefined;
}

export interface Scope {
  /**
   * The value of a root name's traversal: `var` + [`x`], `local` + [`y`], `module` + [`m`, `out`]...
   * Returns the value and how many of the names it consumed (the rest are attribute accesses on it).
   */
  lookup(root: string, names: string[]): { value: TfValue; consumed: number } | undefined;
}

class Bail extends Error {}

/** Steps one expression may take (a `for` over `range(1024)` inside another counts each body): bounded work. */
const MAX_STEPS = 200_000;

/** Evaluates an expression's source text; never throws (an expression it cannot read is unknown). */
export function evaluateExpression(source: string, scope: Scope): TfValue {
  try {
    const tokens = tokenizeHcl(source).filter((t) => t.kind !== 'newline');
    const e = new Evaluator(tokens, scope, source, { steps: 0 });
    const value = e.expression();
    if (e.peek().kind !== 'eof') return new Unknown([source.trim()]);
    return value;
  } catch {
    return new Unknown([source.trim()]);
  }
}

class Evaluator {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: Scope,
    private readonly source: string,
    /** Shared by the evaluators of one expression (for bodies, template parts). */
    private readonly budget: { steps: number },
  ) {}

  peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private isPunct(t: Token, text: string): boolean {
    return t.kind === 'punct' && t.text === text;
  }
  private expect(text: string): void {
    if (!this.isPunct(this.next(), text)) throw new Bail(text);
  }

  expression(): TfValue {
    const condition = this.binary(1);
    if (!this.isPunct(this.peek(), '?')) return condition;
    this.next();
    const whenTrue = this.expression();
    this.expect(':');
    const whenFalse = this.expression();
    if (isUnknown(condition)) return unknownOf(condition, whenTrue, whenFalse)!;
    return condition === true || condition === 'true' ? whenTrue : whenFalse;
  }

  private binary(minimum: number): TfValue {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const p = op.kind === 'punct' ? BINARY_PRECEDENCE[op.text] : undefined;
      if (p === undefined || p < minimum) return left;
      this.next();
      const right = this.binary(p + 1);
      left = applyBinary(op.text, left, right);
    }
  }

  private unary(): TfValue {
    const t = this.peek();
    if (this.isPunct(t, '-') || this.isPunct(t, '!')) {
      this.next();
      const v = this.unary();
      if (isUnknown(v)) return v;
      if (t.text === '-') return -toNumber(v);
      return !toBool(v);
    }
    return this.postfix();
  }

  private postfix(): TfValue {
    let value = this.primary();
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        this.next();
        const name = this.next();
        if (this.isPunct(name, '*')) {
          // Legacy splat: `list.*.attr`.
          value = this.splatRest(value);
          continue;
        }
        value = index(value, name.kind === 'number' ? Number(name.text) : name.text);
      } else if (this.isPunct(t, '[')) {
        this.next();
        if (this.isPunct(this.peek(), '*')) {
          this.next();
          this.expect(']');
          value = this.splatRest(value);
          continue;
        }
        const key = this.expression();
        this.expect(']');
        value = isUnknown(key) ? unknownOf(value, key)! : index(value, key);
      } else {
        return value;
      }
    }
  }

  /** `[*].a.b`: the attribute path applied to each element. */
  private splatRest(value: TfValue): TfValue {
    const path: string[] = [];
    while (this.isPunct(this.peek(), '.')) {
      this.next();
      path.push(this.next().text);
    }
    if (isUnknown(value)) return value;
    const list = value === null ? [] : Array.isArray(value) ? value : [value];
    return list.map((item) => path.reduce<TfValue>((v, name) => index(v, name), item));
  }

  private primary(): TfValue {
    if (++this.budget.steps > MAX_STEPS) throw new Bail('too much work');
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return Number(t.text);
      case 'template':
        // `<<-` strips the indentation Terraform measures on the source lines, interpolations included:
        // not reproduced here, so such a heredoc stays undecided rather than subtly different.
        if (t.heredoc && t.flush) return new Unknown([this.source.trim()]);
        return this.template(t.parts);
      case 'ident':
        return this.name(t.text);
      case 'punct':
        if (t.text === '(') {
          const v = this.expression();
          this.expect(')');
          return v;
        }
        if (t.text === '[') return this.tuple();
        if (t.text === '{') return this.object();
        break;
    }
    throw new Bail('expression');
  }

  private name(word: string): TfValue {
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    // Provider-defined functions (`provider::x::f`) are not known here.
    if (this.isPunct(this.peek(), '::')) throw new Bail('provider function');
    if (this.isPunct(this.peek(), '(')) {
      this.next();
      if (word === 'try' || word === 'can') return this.tryCall(word);
      const args: TfValue[] = [];
      let expand = false;
      while (!this.isPunct(this.peek(), ')')) {
        args.push(this.expression());
        if (this.isPunct(this.peek(), '...')) {
          this.next();
          expand = true;
        }
        if (this.isPunct(this.peek(), ',')) this.next();
        else if (!this.isPunct(this.peek(), ')')) throw new Bail('call');
      }
      this.next();
      if (expand) {
        const last = args.pop();
        if (isUnknown(last)) return last;
        if (!Array.isArray(last)) throw new Bail('expand');
        args.push(...last);
      }
      return callFunction(word, args, this.source);
    }
    // A traversal: collect the static names after the root, let the scope consume what it knows.
    const names: string[] = [];
    let j = this.i;
    while (this.isPunct(this.tokens[j]!, '.') && this.tokens[j + 1]?.kind === 'ident') {
      names.push(this.tokens[j + 1]!.text);
      j += 2;
    }
    const found = this.scope.lookup(word, names);
    if (!found) {
      // A resource or data source attribute (`google_x.y.id`): known after apply.
      this.i = j;
      return new Unknown([[word, ...names].join('.')]);
    }
    this.i += found.consumed * 2;
    return found.value;
  }

  /** `try(a, b...)`: the first argument that evaluates without an error; `can(x)`: whether x does. */
  private tryCall(word: 'try' | 'can'): TfValue {
    let result: TfValue | undefined;
    let decided = false;
    while (!this.isPunct(this.peek(), ')')) {
      const start = this.i;
      let value: TfValue | undefined;
      try {
        value = this.expression();
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
        this.i = start;
        this.skipArgument();
      }
      if (!decided) {
        if (word === 'can') {
          result = value === undefined ? false : isUnknown(value) ? value : true;
          decided = true;
        } else if (value !== undefined) {
          result = value;
          decided = true;
        }
      }
      if (this.isPunct(this.peek(), ',')) this.next();
      else if (!this.isPunct(this.peek(), ')')) throw new Bail('call');
    }
    this.next();
    if (result === undefined) throw new Bail(word);
    return result;
  }

  /** Moves past one argument (to the next `,` or `)` at this depth). */
  private skipArgument(): void {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') throw new Bail('argument');
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0) return;
          depth--;
        } else if (t.text === ',' && depth === 0) return;
      }
      this.next();
    }
  }

  private tuple(): TfValue {
    if (this.peek().kind === 'ident' && this.peek().text === 'for') return this.forExpression(']');
    const items: TfValue[] = [];
    while (!this.isPunct(this.peek(), ']')) {
      items.push(this.expression());
      if (this.isPunct(this.peek(), ',')) this.next();
      else if (!this.isPunct(this.peek(), ']')) throw new Bail('tuple');
    }
    this.next();
    return items;
  }

  private object(): TfValue {
    if (this.peek().kind === 'ident' && this.peek().text === 'for') return this.forExpression('}');
    const out: Record<string, TfValue> = {};
    const unknowns: TfValue[] = [];
    while (!this.isPunct(this.peek(), '}')) {
      const keyToken = this.peek();
      let key: TfValue;
      const after = this.tokens[this.i + 1];
      if (keyToken.kind === 'ident' && after && (this.isPunct(after, '=') || this.isPunct(after, ':'))) {
        this.next();
        key = keyToken.text;
      } else {
        key = this.expression();
      }
      const assign = this.next();
      if (!this.isPunct(assign, '=') && !this.isPunct(assign, ':')) throw new Bail('object');
      const value = this.expression();
      if (isUnknown(key)) unknowns.push(key);
      else out[String(key)] = value;
      if (this.isPunct(this.peek(), ',')) this.next();
    }
    this.next();
    return unknowns.length ? unknownOf(...unknowns)! : out;
  }

  /** `for k, v in coll : value if cond` (tuple) or `for k, v in coll : key => value... if cond` (object). */
  private forExpression(close: ']' | '}'): TfValue {
    this.next(); // for
    const first = this.next().text;
    let second: string | undefined;
    if (this.isPunct(this.peek(), ',')) {
      this.next();
      second = this.next().text;
    }
    if (this.next().text !== 'in') throw new Bail('for');
    const collection = this.expression();
    this.expect(':');
    const bodyStart = this.i;
    // Skip to the closing bracket to find the body's extent, evaluating it once per element.
    const end = this.matching(close);
    if (isUnknown(collection)) {
      this.i = end + 1;
      return collection;
    }
    const entries: [TfValue, TfValue][] = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : collection && typeof collection === 'object'
        ? Object.entries(collection)
        : [];
    const outList: TfValue[] = [];
    const outMap: Record<string, TfValue> = {};
    const grouped: Record<string, TfValue[]> = {};
    let unknown: Unknown | undefined;
    for (const [k, v] of entries) {
      const bound = second === undefined ? { [first]: v } : { [first]: k, [second]: v };
      const inner = new Evaluator(this.tokens, withBindings(this.scope, bound), this.source, this.budget);
      inner.i = bodyStart;
      const a = inner.expression();
      let b: TfValue | undefined;
      let group = false;
      if (close === '}') {
        inner.expect('=>');
        b = inner.expression();
        if (this.isPunct(inner.peek(), '...')) {
          inner.next();
          group = true;
        }
      }
      if (inner.peek().kind === 'ident' && inner.peek().text === 'if') {
        inner.next();
        const cond = inner.expression();
        if (isUnknown(cond)) {
          unknown = unknownOf(unknown, cond);
          continue;
        }
        if (!toBool(cond)) continue;
      }
      if (close === ']') outList.push(a);
      else if (isUnknown(a)) unknown = unknownOf(unknown, a);
      else if (group) grouped[String(a)] = [...(grouped[String(a)] ?? []), b!];
      else outMap[String(a)] = b!;
    }
    this.i = end + 1;
    if (unknown) return unknown;
    if (close === ']') return outList;
    return Object.keys(grouped).length ? grouped : outMap;
  }

  /** Index of the token closing the bracket we are in (`]` or `}`), skipping nested brackets. */
  private matching(close: ']' | '}'): number {
    let depth = 0;
    for (let j = this.i; j < this.tokens.length; j++) {
      const t = this.tokens[j]!;
      if (t.kind !== 'punct') continue;
      if (t.text === '[' || t.text === '{' || t.text === '(') depth++;
      else if (t.text === ']' || t.text === '}' || t.text === ')') {
        if (depth === 0) {
          if (t.text !== close) throw new Bail('for end');
          return j;
        }
        depth--;
      }
    }
    throw new Bail('for end');
  }

  private template(parts: TemplatePart[]): TfValue {
    if (parts.some((p) => p.kind === 'directive')) {
      const inputs = parts.flatMap((p) => (p.kind === 'literal' ? [] : [this.source.trim()]));
      return new Unknown([...new Set(inputs)]);
    }
    let out = '';
    const unknowns: Unknown[] = [];
    for (const part of parts) {
      if (part.kind === 'literal') {
        out += part.text;
        continue;
      }
      const tokens = part.tokens.filter((t) => t.kind !== 'newline' && !(t.kind === 'punct' && t.text === '~'));
      const inner = new Evaluator(tokens, this.scope, this.source, this.budget);
      const v = inner.expression();
      if (isUnknown(v)) unknowns.push(v);
      else out += toStringValue(v);
    }
    if (unknowns.length) return unknownOf(...unknowns)!;
    return out;
  }
}

/** A scope with extra names bound (a `for` expression's key and value). */
export function withBindings(scope: Scope, bound: Record<string, TfValue>): Scope {
  return {
    lookup(root, names) {
      if (Object.hasOwn(bound, root)) return { value: bound[root]!, consumed: 0 };
      return scope.lookup(root, names);
    },
  };
}

function index(value: TfValue, key: TfValue): TfValue {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    const i = toNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= value.length) throw new Bail('index');
    return value[i]!;
  }
  if (value && typeof value === 'object') {
    const k = String(key);
    if (!Object.hasOwn(value, k)) throw new Bail(`no attribute ${k}`);
    return value[k]!;
  }
  throw new Bail('index of a primitive');
}

function toNumber(v: TfValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new Bail('number');
}

function toBool(v: TfValue): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Bail('bool');
}

function toStringValue(v: TfValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Bail('string');
}

function equal(a: TfValue, b: TfValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function applyBinary(op: string, a: TfValue, b: TfValue): TfValue {
  // `false && x` and `true || x` are decided without x.
  if (op === '&&' && !isUnknown(a) && !toBool(a)) return false;
  if (op === '||' && !isUnknown(a) && toBool(a)) return true;
  const unknown = unknownOf(a, b);
  if (unknown) return unknown;
  switch (op) {
    case '&&':
    case '||':
      return toBool(b);
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return toNumber(a) < toNumber(b);
    case '>':
      return toNumber(a) > toNumber(b);
    case '<=':
      return toNumber(a) <= toNumber(b);
    case '>=':
      return toNumber(a) >= toNumber(b);
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case '/':
      return toNumber(a) / toNumber(b);
    case '%':
      return toNumber(a) % toNumber(b);
  }
  throw new Bail(op);
}

function asList(v: TfValue): TfValue[] {
  if (Array.isArray(v)) return v;
  throw new Bail('list');
}

function asObject(v: TfValue): Record<string, TfValue> {
  if (v && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v)) return v;
  throw new Bail('object');
}

/** `%s`, `%d`, `%v`, `%q` and `%%`: the verbs modules use to build names. */
function format(spec: string, args: TfValue[]): string {
  let n = 0;
  return spec.replace(/%([%sdvqf])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    const v = args[n++];
    if (v === undefined) throw new Bail('format');
    if (verb === 'q') return JSON.stringify(toStringValue(v));
    if (verb === 'd') return String(Math.trunc(toNumber(v)));
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : toStringValue(v);
  });
}

type Fn = (args: TfValue[]) => TfValue;

const FUNCTIONS: Record<string, Fn> = {
  lower: ([s]) => toStringValue(s!).toLowerCase(),
  upper: ([s]) => toStringValue(s!).toUpperCase(),
  title: ([s]) => toStringValue(s!).replace(/\b\w/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => toStringValue(s!).trim(),
  trimprefix: ([s, p]) => {
    const t = toStringValue(s!);
    const q = toStringValue(p!);
    return t.startsWith(q) ? t.slice(q.length) : t;
  },
  trimsuffix: ([s, p]) => {
    const t = toStringValue(s!);
    const q = toStringValue(p!);
    return q && t.endsWith(q) ? t.slice(0, -q.length) : t;
  },
  format: ([spec, ...rest]) => format(toStringValue(spec!), rest),
  join: ([sep, ...lists]) => lists.flatMap(asList).map(toStringValue).join(toStringValue(sep!)),
  split: ([sep, s]) => toStringValue(s!).split(toStringValue(sep!)),
  replace: ([s, from, to]) => {
    const f = toStringValue(from!);
    if (f.length > 1 && f.startsWith('/') && f.endsWith('/')) throw new Bail('regex replace');
    return toStringValue(s!).split(f).join(toStringValue(to!));
  },
  substr: ([s, o, l]) => {
    const t = toStringValue(s!);
    const off = toNumber(o!);
    const len = toNumber(l!);
    return len < 0 ? t.slice(off) : t.slice(off, off + len);
  },
  concat: (lists) => lists.flatMap(asList),
  merge: (objs) => Object.assign({}, ...objs.filter((o) => o !== null).map(asObject)),
  toset: ([l]) => [...new Map(asList(l!).map((x) => [JSON.stringify(x), x])).values()],
  tolist: ([l]) => asList(l!),
  tomap: ([o]) => asObject(o!),
  tostring: ([s]) => (s === null ? null : toStringValue(s!)),
  tonumber: ([s]) => (s === null ? null : toNumber(s!)),
  tobool: ([s]) => (s === null ? null : toBool(s!)),
  length: ([v]) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    return Object.keys(asObject(v!)).length;
  },
  keys: ([o]) => Object.keys(asObject(o!)).sort(),
  values: ([o]) => {
    const m = asObject(o!);
    return Object.keys(m)
      .sort()
      .map((k) => m[k]!);
  },
  lookup: ([o, k, d]) => {
    const m = asObject(o!);
    const key = toStringValue(k!);
    if (Object.hasOwn(m, key)) return m[key]!;
    if (d === undefined) throw new Bail('lookup');
    return d;
  },
  element: ([l, i]) => {
    const list = asList(l!);
    if (!list.length) throw new Bail('element');
    return list[toNumber(i!) % list.length]!;
  },
  contains: ([l, v]) => asList(l!).some((x) => equal(x, v!)),
  coalesce: (args) => {
    const v = args.find((a) => a !== null && a !== '');
    if (v === undefined) throw new Bail('coalesce');
    return v;
  },
  compact: ([l]) => asList(l!).filter((x) => x !== null && x !== ''),
  distinct: ([l]) => [...new Map(asList(l!).map((x) => [JSON.stringify(x), x])).values()],
  flatten: ([l]) => {
    const out: TfValue[] = [];
    const walk = (x: TfValue) => (Array.isArray(x) ? x.forEach(walk) : out.push(x));
    asList(l!).forEach(walk);
    return out;
  },
  min: (args) => Math.min(...args.map(toNumber)),
  max: (args) => Math.max(...args.map(toNumber)),
  abs: ([n]) => Math.abs(toNumber(n!)),
  ceil: ([n]) => Math.ceil(toNumber(n!)),
  floor: ([n]) => Math.floor(toNumber(n!)),
  range: (args) => {
    const [start, end, step] =
      args.length === 1 ? [0, toNumber(args[0]!), 1] : [toNumber(args[0]!), toNumber(args[1]!), toNumber(args[2] ?? 1)];
    if (step === 0 || Math.abs((end - start) / step) > 1024) throw new Bail('range');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  },
  zipmap: ([k, v]) => {
    const ks = asList(k!).map(toStringValue);
    const vs = asList(v!);
    return Object.fromEntries(ks.map((key, i) => [key, vs[i] ?? null]));
  },
  one: ([l]) => {
    const list = asList(l!);
    if (list.length > 1) throw new Bail('one');
    return list[0] ?? null;
  },
  startswith: ([s, p]) => toStringValue(s!).startsWith(toStringValue(p!)),
  endswith: ([s, p]) => toStringValue(s!).endsWith(toStringValue(p!)),
};

function callFunction(name: string, args: TfValue[], source: string): TfValue {
  const unknown = unknownOf(...args);
  if (unknown) return unknown;
  const fn = FUNCTIONS[name];
  if (!fn) return new Unknown([`${name}(…) in ${source.trim()}`]);
  return fn(args);
}
