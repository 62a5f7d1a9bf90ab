/**
 * View items judged while the snapshot is still being collected (issue 19). A view rule whose verdicts for an
 * item depend on that item alone and on the config (`judgeItem` of `defineViewRule`) is run on the items of
 * each live object as the collector finishes it (redacted, as the facet will hold it), while its list's next
 * page is in flight; the engine then takes those reports instead of judging the items again, in the check's
 * order and collapsed as the check's own (engine.ts `JudgedItems`), so the verdicts are the same.
 *
 * Fail safe: an item is taken only if it is the very view object the evaluation's builder lists (objects are
 * never changed once finished, so the same object shows the same thing; an object replaced after it was judged,
 * e.g. a facet redacted whole after a late secret or a list restarted after 410, gives new items, judged at
 * evaluation); only for the unit judged with the same rule and source, priority, environment and expectations,
 * over the environment's own facets (never a fleet target's); once. What a judge could not settle alone (a
 * report the engine would hold against a kustomize base, a throw) leaves the item to evaluation.
 */
import type { K8sLiveObject } from './layers/k8s.js';
import {
  type EngineOptions,
  type JudgedItems,
  keyOf,
  stampOf,
  type UnitJudgements,
  type UnitVerdicts,
  unitPriority,
  unitVerdicts,
} from './engine.js';
import type { Priority } from './priority.js';
import type { FailReport, ItemContext, ItemJudge, PassReport, Rule, UnknownReport } from './rule.js';
import { type EvaluationUnit, evaluationUnits, type RuleSource } from './source.js';
import type { Resource, Verdict } from './verdict.js';
import { hasLiveItems, LIVE_ITEM_FACETS, liveItemsOf, shownWorkloadParts } from './views/live-object.js';

/**
 * The items of one view kind judged early, shared by its units: each item's place (its index in each unit's
 * `starts` and `ends`). Held until evaluation (the scan's lifetime): an item replaced after it was judged (its
 * object redacted again) is held with its object until then.
 */
interface JudgedKind {
  view: string;
  units: JudgedUnit[];
  places: Map<object, number>;
  /** Places given so far. */
  count: number;
  /** The items judged of each facet's objects, in the order judged, with their places. */
  byFacet: Map<string, { items: object[]; places: number[] }>;
  /** The places of the items of a view list, made once per list (the units of a kind read the same list). */
  placesOf: WeakMap<readonly unknown[], number[] | null>;
}

/** One unit judged item by item: what it reported of each item, and how its reports are made. */
interface JudgedUnit {
  rule: Rule;
  source: RuleSource;
  judge: ItemJudge['judge'];
  kind: JudgedKind;
  priority: Priority;
  ctx: RecordingContext;
  /** The reports of every item judged, three entries each (`JudgedReports`), item after item. */
  reports: unknown[];
  /** Per item place: where its reports start and end in `reports`; -1 when it was not judged. */
  starts: number[];
  ends: number[];
  /** Every key reported so far, while none repeats; undefined once one has (the engine then collapses). */
  keys: Set<string> | undefined;
  /** Taken by the engine's run (`forUnit`): given once. */
  taken: boolean;
}

/** The item context a judge is given early: its reports are recorded, made as the engine would make them. */
interface RecordingContext extends ItemContext {
  /** Where the reports go; undefined between items, and once one of an item's cannot be made early. */
  reports: unknown[] | undefined;
}

export class ItemJudgements implements JudgedItems {
  private readonly kinds: JudgedKind[] = [];
  private readonly bySource = new Map<RuleSource, JudgedUnit>();
  private readonly environment: string;
  private readonly tier: string | undefined;
  private readonly expectations: EngineOptions['expectations'];

  /** The units of `rules` that can be judged item by item as live objects are finished, under `options`. */
  constructor(rules: readonly Rule[], options: EngineOptions) {
    this.environment = options.environment;
    this.tier = options.tier;
    this.expectations = options.expectations;
    const env = { name: options.environment, tier: options.tier, expectations: options.expectations };
    for (const rule of rules) {
      const item = rule.judgeItem;
      const view = rule.view;
      if (!item || !view) continue;
      for (const u of evaluationUnits(rule)) {
        const source = u.source;
        if (!source || !item.sources.includes(source.name) || !hasLiveItems(view, source.name)) continue;
        const priority = unitPriority(rule, source, options);
        if (priority === undefined) continue;
        let kind = this.kinds.find((k) => k.view === view);
        if (!kind) {
          kind = { view, units: [], places: new Map(), count: 0, byFacet: new Map(), placesOf: new WeakMap() };
          this.kinds.push(kind);
        }
        const unit: JudgedUnit = {
          rule,
          source,
          judge: item.judge,
          kind,
          priority,
          ctx: recordingContext(source.name, env, unitVerdicts(u.unit, priority, options.environment, stampOf(u))),
          reports: [],
          starts: [],
          ends: [],
          keys: new Set(),
          taken: false,
        };
        kind.units.push(unit);
        this.bySource.set(source, unit);
      }
    }
  }

  /** Whether any unit is judged item by item (else nothing need be given). */
  get judging(): boolean {
    return this.kinds.length > 0;
  }

  /**
   * Judges, for every unit, the items that show the live object `o` of facet `facet`. Call it only on an
   * object that will not change (finished: redacted, with its parsed parts). Never throws: what cannot be
   * judged now is judged at evaluation.
   */
  judgeLiveObject(facet: string, o: K8sLiveObject): void {
    const parts = shownWorkloadParts(facet, o);
    if (parts === undefined) return;
    const kinds = this.kinds;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[k]!;
      const items = liveItemsOf(kind.view, parts);
      if (items === undefined) continue;
      let ofFacet = kind.byFacet.get(facet);
      if (ofFacet === undefined) {
        ofFacet = { items: [], places: [] };
        kind.byFacet.set(facet, ofFacet);
      }
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        // A new place each time (one look-up): an item given again (its object finished twice) is judged
        // again at a place of its own, and its keys, seen twice, make the engine collapse.
        const place = kind.count++;
        kind.places.set(item, place);
        ofFacet.items.push(item);
        ofFacet.places.push(place);
        const units = kind.units;
        for (let u = 0; u < units.length; u++) if (!units[u]!.taken) judgeItem(units[u]!, item, place);
      }
    }
  }

  forUnit(unit: EvaluationUnit, priority: Priority, options: EngineOptions): UnitJudgements | undefined {
    const judged = unit.source ? this.bySource.get(unit.source) : undefined;
    if (
      judged === undefined ||
      judged.taken ||
      judged.rule !== unit.rule ||
      judged.priority !== priority ||
      options.environment !== this.environment ||
      options.tier !== this.tier ||
      options.expectations !== this.expectations
    )
      return undefined;
    // Given once: the verdicts are the run's (collapsing may add related locations to them).
    judged.taken = true;
    const { kind, reports, starts, ends } = judged;
    const distinct = judged.keys !== undefined;
    judged.reports = [];
    judged.starts = [];
    judged.ends = [];
    judged.keys = undefined;
    let given = false;
    return {
      every: (views) => {
        if (!distinct || given) return undefined;
        let places = kind.placesOf.get(views);
        if (places === undefined) {
          places = placesInOrder(kind, views) ?? placesOfAll(kind.places, kind.count, views);
          kind.placesOf.set(views, places);
        }
        if (places === null) return undefined;
        const spans: number[] = [];
        for (let i = 0; i < places.length; i++) {
          const place = places[i]!;
          const start = starts[place];
          if (start === undefined || start < 0) return undefined;
          spans.push(start, ends[place]!);
        }
        given = true;
        return { reports, spans };
      },
      of: (view) => {
        const place = given || typeof view !== 'object' || view === null ? undefined : kind.places.get(view);
        const start = place === undefined ? undefined : starts[place];
        if (start === undefined || start < 0) return undefined;
        starts[place!] = -1;
        return { reports, spans: [start, ends[place!]!] };
      },
    };
  }
}

/**
 * `placesOfAll` when the list is the items judged, in the order judged (`LIVE_ITEM_FACETS`: the builders'
 * order, which a collection that finished each object once keeps): one comparison per item rather than a
 * look-up, which at evaluation reads objects all over a large heap. Undefined when the list is otherwise.
 */
function placesInOrder(kind: JudgedKind, views: readonly unknown[]): number[] | undefined {
  const places: number[] = [];
  let at = 0;
  for (let f = 0; f < LIVE_ITEM_FACETS.length; f++) {
    const ofFacet = kind.byFacet.get(LIVE_ITEM_FACETS[f]!);
    if (ofFacet === undefined) continue;
    const { items, places: placed } = ofFacet;
    if (at + items.length > views.length) return undefined;
    for (let i = 0; i < items.length; i++, at++) {
      if (views[at] !== items[i]) return undefined;
      places.push(placed[i]!);
    }
  }
  return at === views.length ? places : undefined;
}

/** The place of each of `views`, or null when one has none (it was not judged) or an item is listed twice. */
function placesOfAll(places: ReadonlyMap<object, number>, count: number, views: readonly unknown[]): number[] | null {
  const out: number[] = [];
  const listed = new Uint8Array(count);
  for (let i = 0; i < views.length; i++) {
    const view = views[i];
    const place = typeof view === 'object' && view !== null ? places.get(view) : undefined;
    if (place === undefined || listed[place] === 1) return null;
    listed[place] = 1;
    out.push(place);
  }
  return out;
}

/** Judges one item of a unit, and keeps its reports if it could be judged now. */
function judgeItem(unit: JudgedUnit, item: object, place: number): void {
  const ctx = unit.ctx;
  const reports = unit.reports;
  const start = reports.length;
  ctx.reports = reports;
  try {
    unit.judge(ctx, item);
  } catch {
    // Judged again at evaluation, where the throw is the rule's error verdict.
    ctx.reports = undefined;
  }
  const judged = ctx.reports !== undefined;
  ctx.reports = undefined;
  if (!judged) {
    reports.length = start;
    fill(unit, place, -1, -1);
    return;
  }
  fill(unit, place, start, reports.length);
  const keys = unit.keys;
  if (keys === undefined) return;
  for (let i = start + 1; i < reports.length; i += 3) {
    // One look-up: a key already there leaves the size as it was.
    const size = keys.size;
    if (keys.add(reports[i] as string).size === size) {
      unit.keys = undefined;
      return;
    }
  }
}

/** Sets an item's span, places before it that this unit did not judge (judged before it was made) marked so. */
function fill(unit: JudgedUnit, place: number, start: number, end: number): void {
  const { starts, ends } = unit;
  while (starts.length < place) {
    starts.push(-1);
    ends.push(-1);
  }
  starts[place] = start;
  ends[place] = end;
}

/**
 * The context a unit's judge is given early: each report recorded as the engine's context would collapse it
 * (`keyOf`, the verdict made by `unitVerdicts`), checked as it checks it.
 */
function recordingContext(source: string, env: ItemContext['env'], verdicts: UnitVerdicts): RecordingContext {
  const ctx: RecordingContext = {
    source,
    env,
    reports: undefined,
    fail: (r: FailReport<string>) => {
      const reports = ctx.reports;
      if (reports === undefined) return;
      // The engine drops a finding a kustomize patch inherits from its base (it reads the snapshot's files):
      // a report located apart from its resource's file is left to evaluation.
      if (!unlocatedOrLive(r)) {
        ctx.reports = undefined;
        return;
      }
      reports.push(false, keyOf(r), verdicts.finding('fail', r, r.certainty ?? 'high'));
    },
    unknown: (r: UnknownReport<string>) => {
      const reports = ctx.reports;
      if (reports === undefined) return;
      if (!Array.isArray(r.dependsOn) || r.dependsOn.length === 0 || !unlocatedOrLive(r)) {
        ctx.reports = undefined;
        return;
      }
      reports.push(false, keyOf(r), verdicts.finding('unknown', r, 'low', [...new Set(r.dependsOn)]));
    },
    pass: (r: PassReport<string>) => {
      const reports = ctx.reports;
      if (reports === undefined) return;
      if (r.messageId !== undefined) verdicts.template(r.messageId);
      reports.push(true, keyOf(r), r);
    },
    skip: (reason: string, resource?: Resource) => {
      const reports = ctx.reports;
      if (reports === undefined) return;
      const at = resource ?? verdicts.scope;
      const v: Verdict = verdicts.make('skip', at, 'not-applicable', `Not applicable: ${reason}`);
      reports.push(false, keyOf({ resource: at }), v);
    },
  };
  return ctx;
}

/** A report the engine keeps whatever the snapshot's files: its resource has no file, or it is not located. */
function unlocatedOrLive(r: { resource: Resource; location?: unknown }): boolean {
  return r.resource.file === undefined || r.location === undefined;
}
