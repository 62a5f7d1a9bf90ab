/**
 * Rules over views (issue #18): one rule per concern, evaluated once per source the snapshot may have.
 *
 * `defineViewRule` takes one check over a view kind and the sources it judges (`tf`, `gcp`, `probe`;
 * `manifest`, `k8s`; `drift`, declared against live; and `join`, a source whose view reads several layers). The engine runs each source as its own unit
 * (`evaluationUnits`): a source whose layer was not collected is skipped for that source only, a failed facet
 * is an `error` of that source only, and every verdict carries the rule's id and its `source`.
 *
 * Aliases: a source that continues an old per-layer rule names it (`alias: 'tf-sql-ssl-mode'`). The old id
 * stays an alias of the rule (config overrides, suppressions, `--rule`, `explain`) and the source's verdicts
 * keep the fingerprints that rule wrote (`fingerprintOf(alias, resource, discriminator)`), so baselines and
 * SARIF fingerprints written before the merge still match. A source without an alias fingerprints with
 * `<rule id>/<source>`.
 */
import {
  defineRule,
  type ItemContext,
  type ItemJudge,
  type Rule,
  type RuleContext,
  type RuleDefinition,
  RuleDefinitionError,
} from './rule.js';
import { type FacetName, type Layer, layerOfFacet } from './snapshot/index.js';
import type { Location } from './location.js';
import type { Evidence, Resource, Verdict } from './verdict.js';
import { PAIRING, type SourceOf, type ViewKind, type ViewOf, VIEWS, viewsOf } from './views/index.js';

/** The source that compares a declaration with what runs (the live layer's verdict, at the live resource). */
export const DRIFT = 'drift';

export interface RuleSource {
  /** `tf`, `gcp`, `probe`, `manifest`, `k8s`, or `drift`. */
  name: string;
  layer: Layer;
  facets: FacetName[];
  /** Facets read when present (the view source's `facetsIfPresent`): absent with their layer collected is data. */
  optionalFacets?: FacetName[];
  /** The old per-layer rule id this source continues. */
  alias?: string;
  /**
   * Templates this source words differently under a message id it shares with another source (the old
   * per-layer rules used the same id with different words: `enabled` for the `.tf` block and the live one).
   */
  messages?: Record<string, string>;
}

export interface ViewRuleContext<K extends ViewKind, M extends string> extends RuleContext<FacetName, M> {
  source: SourceOf<K> | typeof DRIFT;
  /** What this source shows of the view kind (empty for `drift`). */
  views: readonly ViewOf[K][];
  /** `drift` only: each declaration paired with the live resource of the same key. */
  pairs: readonly { declared: ViewOf[K]; live: ViewOf[K] }[];
}

/** What a view rule's check of one item is given (see `ItemContext`). */
export interface ViewItemContext<K extends ViewKind, M extends string> extends ItemContext<M> {
  /** One of the sources `judgeItem` names (typed as `ViewRuleContext`'s, which a check passes on). */
  source: SourceOf<K> | typeof DRIFT;
}

export interface ViewRuleDefinition<K extends ViewKind, M extends string>
  extends Omit<
    RuleDefinition<FacetName, M>,
    'layer' | 'facets' | 'optionalFacets' | 'crossLayer' | 'check' | 'aliases'
  > {
  view: K;
  /**
   * The sources judged, in report order, each with the old rule id it continues, further facets it reads
   * (`facets`, among the view source's optional ones) and, when two sources word the same message id
   * differently, this source's templates for those ids (`messages`).
   */
  sources: Partial<
    Record<SourceOf<K> | typeof DRIFT, { alias?: string; facets?: FacetName[]; messages?: Partial<Record<M, string>> }>
  >;
  /** Further aliases of the rule as a whole (renames). */
  aliases?: string[];
  /**
   * The `drift` source, when the rule lists one and compares the same decision on both sides: `check` then
   * never sees `drift` (see `judgeDrift`). A rule whose drift is not one decision per side handles it in `check`.
   */
  drift?: DriftCheck<ViewOf[K], NoInfer<M>>;
  /**
   * Judges the source's views (`ctx.views`; `ctx.pairs` for drift). Run only when there are some: a source
   * without views is a skip the engine reports ("nothing to check", or why each is empty). Not run for the
   * sources `judgeItem` names; optional when it names them all.
   */
  check?(ctx: ViewRuleContext<K, M>): void;
  /**
   * Judges one view item of the sources named, for a check whose verdicts for an item depend on that item
   * alone and on the config (`ctx.env`), never on other items, facets or the clock. Those sources' check is
   * this, item by item in the view's order; the engine may take what it said of an item judged as the
   * collector finished the object it shows (item-judgements.ts) rather than judge it again.
   */
  judgeItem?: { sources: readonly SourceOf<K>[]; judge(ctx: ViewItemContext<K, M>, view: ViewOf[K]): void };
}

type DriftView = { resource: Resource; location?: Location };

/** Declared against live: one decision per side, compared. */
export interface DriftCheck<V, M extends string> {
  /** Whether the resource meets the check; `undefined` when undecided (an undecided side has nothing to compare). */
  holds(view: V): boolean | undefined;
  /** Message ids: both sides agree; the declaration holds and the live resource does not; the reverse. */
  messages: { consistent: M; liveWeaker: M; liveStricter: M };
  data(declared: V, live: V): Record<string, string>;
  evidence(declared: V, live: V): Evidence[];
}

/**
 * Each declaration paired with its live resource: a pass where both sides decide alike, a finding at the
 * live resource (the declaration as related location) where they differ, nothing where either is undecided
 * (that side's own verdict reports it).
 */
export function judgeDrift<V extends { resource: Resource; location?: Location }, M extends string>(
  ctx: Pick<RuleContext<FacetName, M>, 'pass' | 'fail'> & { pairs: readonly { declared: V; live: V }[] },
  spec: DriftCheck<V, M>,
): void {
  for (const { declared, live } of ctx.pairs) {
    const d = spec.holds(declared);
    const l = spec.holds(live);
    if (d === undefined || l === undefined) continue;
    const data = spec.data(declared, live);
    const evidence = spec.evidence(declared, live);
    const resource = live.resource;
    if (d === l) ctx.pass({ resource, messageId: spec.messages.consistent, data, evidence });
    else
      ctx.fail({
        resource,
        messageId: d ? spec.messages.liveWeaker : spec.messages.liveStricter,
        data,
        ...(declared.location ? { relatedLocations: [declared.location] } : {}),
        evidence,
      });
  }
}

/** A rule with one check over a view kind, judged per source; `sources` lists them (the first is `layer`). */
export function defineViewRule<K extends ViewKind, M extends string>(
  def: ViewRuleDefinition<K, M>,
): Rule<FacetName, M> {
  const kinds = VIEWS[def.view] as Record<
    string,
    {
      layer: Layer;
      facets: readonly FacetName[];
      optionalFacets?: readonly FacetName[];
      facetsIfPresent?: readonly FacetName[];
    }
  >;
  if (!kinds) throw new RuleDefinitionError(`rule "${def.id}": unknown view "${String(def.view)}"`);
  const sources: RuleSource[] = [];
  for (const [name, spec] of Object.entries(def.sources ?? {}) as [
    string,
    { alias?: string; facets?: FacetName[]; messages?: Record<string, string> },
  ][]) {
    let layer: Layer;
    let facets: FacetName[];
    let ifPresent: readonly FacetName[] = [];
    if (name === DRIFT) {
      const pairing = PAIRING[def.view];
      const declared = kinds[pairing.declared]!;
      const live = kinds[pairing.live]!;
      layer = live.layer;
      facets = [...live.facets, ...declared.facets];
    } else {
      const s = kinds[name];
      if (!s) throw new RuleDefinitionError(`rule "${def.id}": view "${def.view}" has no source "${name}"`);
      layer = s.layer;
      // Further facets this rule needs from the source (attributes the builder fills only when they are read,
      // e.g. the backup runs of Cloud SQL): a failure of one is an error of this rule's source only.
      for (const f of spec?.facets ?? [])
        if (!s.optionalFacets?.includes(f))
          throw new RuleDefinitionError(
            `rule "${def.id}": source "${name}" of view "${def.view}" does not read facet "${f}"`,
          );
      facets = [...s.facets, ...(spec?.facets ?? [])];
      ifPresent = s.facetsIfPresent ?? [];
    }
    for (const id of Object.keys(spec?.messages ?? {}))
      if (!(id in (def.messages as Record<string, string>)))
        throw new RuleDefinitionError(
          `rule "${def.id}": source "${name}" words message "${id}", which "messages" does not define`,
        );
    sources.push({
      name,
      layer,
      facets,
      ...(ifPresent.length ? { optionalFacets: [...ifPresent] } : {}),
      ...(spec?.alias ? { alias: spec.alias } : {}),
      ...(spec?.messages && Object.keys(spec.messages).length ? { messages: spec.messages } : {}),
    });
  }
  if (sources.length === 0) throw new RuleDefinitionError(`rule "${def.id}": "sources" must list at least one source`);
  if (def.drift && !sources.some((s) => s.name === DRIFT))
    throw new RuleDefinitionError(`rule "${def.id}": "drift" is given but "sources" does not list drift`);
  for (const id of Object.values(def.drift?.messages ?? {}) as string[])
    if (!(id in (def.messages as Record<string, string>)))
      throw new RuleDefinitionError(`rule "${def.id}": drift message "${id}" is not in "messages"`);
  const itemwise = new Set<string>(def.judgeItem?.sources ?? []);
  for (const name of itemwise)
    if (name === DRIFT || !sources.some((s) => s.name === name))
      throw new RuleDefinitionError(`rule "${def.id}": "judgeItem" names "${name}", not one of its view sources`);
  const { view, sources: _s, check, drift, judgeItem, ...rest } = def;
  for (const s of sources)
    if (!check && !itemwise.has(s.name) && !(s.name === DRIFT && drift))
      throw new RuleDefinitionError(`rule "${def.id}": source "${s.name}" needs "check" (or "judgeItem" naming it)`);
  const rule = defineRule<FacetName, M>({
    ...rest,
    aliases: [...(def.aliases ?? []), ...sources.flatMap((s) => (s.alias ? [s.alias] : []))],
    layer: sources[0]!.layer,
    facets: [...new Set(sources.flatMap((s) => s.facets))],
    ...(sources.some((s) => s.optionalFacets)
      ? { optionalFacets: [...new Set(sources.flatMap((s) => s.optionalFacets ?? []))] }
      : {}),
    crossLayer: new Set(sources.map((s) => s.layer)).size > 1,
    // The engine runs the sources through `evaluationUnits`; this is what each unit calls.
    check: (ctx) => {
      const s = (ctx as ViewRuleContext<K, M>).source;
      if (s === undefined) throw new Error(`rule "${def.id}" runs per source (engine evaluationUnits)`);
      if (s === DRIFT && drift)
        judgeDrift(
          ctx as unknown as ViewRuleContext<K, M> & {
            pairs: readonly { declared: DriftView; live: DriftView }[];
          },
          drift as unknown as DriftCheck<DriftView, M>,
        );
      else if (judgeItem && itemwise.has(s))
        judgeEach((ctx as ViewRuleContext<K, M>).views, ctx, judgeItem.judge as (ctx: unknown, view: unknown) => void);
      else check!(ctx as ViewRuleContext<K, M>);
    },
  });
  return Object.assign(
    rule,
    judgeItem
      ? { sources, view, judgeItem: { sources: [...itemwise], judge: judgeItem.judge as ItemJudge['judge'] } }
      : { sources, view },
  );
}

/**
 * Set by the engine on a context whose items may have been judged already (item-judgements.ts): `all`
 * reports what was judged of every item and says so, when every one was (and collapsing them would change
 * nothing), else does nothing; `one` reports what was judged of one item and says so, or says it was not
 * judged (then the check judges it).
 */
export const JUDGED_ITEMS: unique symbol = Symbol('judged items');

export interface JudgedItemsOfCheck {
  all(items: readonly unknown[]): boolean;
  one(item: unknown): boolean;
}

/** `judge` over the source's views in their order; what was judged already is reported as it was judged. */
function judgeEach(views: readonly unknown[], ctx: object, judge: (ctx: unknown, view: unknown) => void): void {
  const judged = (ctx as { [JUDGED_ITEMS]?: JudgedItemsOfCheck })[JUDGED_ITEMS];
  if (judged?.all(views)) return;
  // Indexed: a for-of allocates an iterator result per view until the loop is optimized (12,000 live
  // containers at 16×).
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    if (judged?.one(v)) continue;
    judge(ctx, v);
  }
}

/** The id a source's verdicts are fingerprinted with. */
export function fingerprintIdOf(rule: Rule, source: RuleSource): string {
  return source.alias ?? `${rule.id}/${source.name}`;
}

export interface EvaluationUnit {
  /** What the engine runs: the rule itself, or one source of it shaped as a rule of that source's layer. */
  unit: Rule;
  rule: Rule;
  source?: RuleSource;
}

/** A rule without sources is one unit; a view rule is one unit per source. */
export function evaluationUnits(rule: Rule): EvaluationUnit[] {
  const sources = rule.sources;
  if (!sources?.length || !rule.view) return [{ unit: rule, rule }];
  const kind = rule.view as ViewKind;
  return sources.map((source) => {
    const unit: Rule = {
      ...rule,
      id: fingerprintIdOf(rule, source),
      layer: source.layer,
      facets: source.facets,
      optionalFacets: source.optionalFacets ?? [],
      // drift, and a join source (registry, cluster and workflows together), read more than their own layer.
      crossLayer: source.name === DRIFT || new Set(source.facets.map(layerOfFacet)).size > 1,
      ...(source.messages ? { messages: { ...rule.messages, ...source.messages } } : {}),
      check: (ctx) => {
        const viewCtx = sourceContext(kind, source, ctx);
        // A source without views (or drift without pairs) is already said: "nothing to check", or each empty
        // reason. The check judges views and has none to judge, so it is not run (issue 19: an empty scan
        // compiled and ran every view rule's check for nothing).
        if (viewCtx.views.length === 0 && viewCtx.pairs.length === 0) return;
        rule.check(viewCtx);
      },
    };
    return { unit, rule, source };
  });
}

function sourceContext(kind: ViewKind, source: RuleSource, ctx: RuleContext<FacetName, string>) {
  const exp = ctx.env.expectations;
  const optional = source.optionalFacets ?? [];
  // A facet read when present is given to the builder only when it is (`has`).
  const read = ((name: FacetName) =>
    optional.includes(name) ? ctx.optionalFacet(name) : ctx.facet(name)) as typeof ctx.facet;
  const has = (f: FacetName) =>
    source.facets.includes(f) || (optional.includes(f) && ctx.optionalFacet(f) !== undefined);
  const build = (name: string) => viewsOf(kind, name as SourceOf<ViewKind>, read, exp, has);
  let views: readonly unknown[] = [];
  const pairs: { declared: unknown; live: unknown }[] = [];
  if (source.name === DRIFT) {
    const pairing = PAIRING[kind] as { declared: string; live: string; key(v: unknown): string | undefined };
    const declared = new Map<string, unknown>();
    for (const d of build(pairing.declared).items) {
      const key = pairing.key(d);
      if (key !== undefined) declared.set(key, d);
    }
    for (const l of build(pairing.live).items) {
      const key = pairing.key(l);
      const d = key === undefined ? undefined : declared.get(key);
      if (d) pairs.push({ declared: d, live: l });
    }
    if (pairs.length === 0) ctx.skip(`no declared ${kind} was found live under the same name`);
  } else {
    const set = build(source.name);
    for (const e of set.empty) ctx.skip(e.reason, e.resource);
    if (set.items.length === 0 && set.empty.length === 0) ctx.skip(set.none);
    views = set.items;
  }
  return { ...ctx, source: source.name, views, pairs } as ViewRuleContext<ViewKind, string>;
}

/** Verdicts of a unit become verdicts of the rule, marked with their source (fingerprints untouched). */
export function stampSource(verdicts: Verdict[], u: EvaluationUnit): Verdict[] {
  if (!u.source) return verdicts;
  for (const v of verdicts) {
    v.ruleId = u.rule.id;
    v.source = u.source.name;
    if (u.source.alias) v.alias = u.source.alias;
  }
  return verdicts;
}
