/**
 * The engine: a snapshot and a rule list in, verdicts out. No I/O.
 * - a rule whose facet failed to collect gets `error`, never a silent pass;
 * - a rule whose layer is not configured gets `skip` with the reason;
 * - a rule that throws gets `error` and the scan goes on;
 * - a rule that reports nothing gets one `skip` ("nothing to check").
 */
import type { Expectations } from './config.js';
import { TARGET_KINDS, targetKindOfFacet } from './fleet.js';
import { type PassSet, passVerdicts } from './passes.js';
import { plainObjectMaker } from './plain-objects.js';
import { type Priority, priorityRank, resolvePriority } from './priority.js';
import {
  type FailReport,
  type PassReport,
  type Rule,
  type RuleContext,
  renderMessage,
  type UnknownReport,
} from './rule.js';
import {
  type FacetName,
  layerOfFacet,
  type Problem,
  type Snapshot,
  type TargetKind,
  type TargetSnapshot,
} from './snapshot/index.js';
import {
  type EvaluationUnit,
  evaluationUnits,
  JUDGED_ITEMS,
  type JudgedItemsOfCheck,
  type RuleSource,
} from './source.js';
import { fingerprintOf, fingerprintOfText, type Resource, statusRank, type Verdict } from './verdict.js';
import type { Location } from './location.js';

export interface EngineOptions {
  environment: string;
  tier?: string;
  expectations: Expectations;
  /** Per-rule override from the config: a priority, or `off`. Keys may be ids or aliases. */
  ruleOverrides?: Record<string, Priority | 'off'>;
  /** RFC 3339 instant rules judge ages against; default the snapshot's `collectedAt`, else the clock. */
  now?: string;
  /**
   * No config named the expectations: ADR-001's names are assumed. Findings of rules that judge by those
   * names (`adrIdentity`) are marked `assumed` and do not gate.
   */
  assumedExpectations?: boolean;
  /**
   * The expectation fields the config gives (`project`, `kms.key`, `app`: see `givenExpectationFields`).
   * An `adrIdentity` rule whose `adrIdentityFields` are not all among them judges an assumed name.
   */
  expectationsGiven?: readonly string[];
  /** Expectations of fleet targets that have their own, by target name. */
  targetExpectations?: Record<string, Expectations>;
  /**
   * Items judged before evaluation, as the collector finished the objects they show (item-judgements.ts):
   * taken where they hold for this run, the other items judged here. Each judgement is taken once.
   */
  judgedItems?: JudgedItems;
}

/**
 * Items judged before evaluation (`ItemJudgements` of item-judgements.ts), for the engine: what a unit's
 * `judgeItem` reported of each view item, the reports ready to collapse.
 */
export interface JudgedItems {
  /**
   * What was judged of `unit`'s items, when it holds for this run (the same rule and source, priority,
   * environment and expectations), given once per unit; else undefined.
   */
  forUnit(unit: EvaluationUnit, priority: Priority, options: EngineOptions): UnitJudgements | undefined;
}

/** What was judged of one unit's items. Each item's reports are given once. */
export interface UnitJudgements {
  /**
   * The reports of each of `items`, in their order, when every one of them was judged and no two reports of
   * all that was judged share a collapse key (so collapsing them changes nothing); else undefined.
   */
  every(items: readonly unknown[]): JudgedReports | undefined;
  /** The reports judged of `item`; undefined when it was not judged. */
  of(item: unknown): JudgedReports | undefined;
}

/**
 * Reports judged of items: `reports` holds three entries per report (whether it is a pass, its collapse key
 * (`keyOf`), and the pass as the rule gave it or the verdict made of the report by `unitVerdicts`), in the
 * order the check made them; each item's are those from `spans[2k]` up to `spans[2k + 1]`, items in order.
 */
export interface JudgedReports {
  reports: readonly unknown[];
  spans: readonly number[];
}

function scopeResource(_rule: Rule, environment: string): Resource {
  return { id: `environment:${environment}`, kind: 'Environment', name: environment };
}

function problemResource(p: Problem): Resource {
  const file = p.location?.file;
  return { id: p.subject, kind: file ? 'File' : 'Source', name: p.subject, ...(file ? { file } : {}) };
}

function overrideFor(
  rule: Rule,
  overrides: Record<string, Priority | 'off'> | undefined,
  source?: RuleSource,
): Priority | 'off' | undefined {
  if (!overrides) return undefined;
  const sourceAliases = new Set((rule.sources ?? []).flatMap((s) => (s.alias ? [s.alias] : [])));
  const names = [
    ...(source?.alias ? [source.alias] : []),
    rule.id,
    ...rule.aliases.filter((a) => !sourceAliases.has(a)),
  ];
  for (const name of names) if (overrides[name]) return overrides[name];
  return undefined;
}

/**
 * The priority a rule (or one source of it) is judged at in this run: its spec for the environment, the
 * config's override applied; undefined when the config turns it off. The engine and the judgements made
 * during collection (item-judgements.ts) both ask here, so they agree.
 */
export function unitPriority(rule: Rule, source: RuleSource | undefined, options: EngineOptions): Priority | undefined {
  const override = overrideFor(rule, options.ruleOverrides, source);
  if (override === 'off') return undefined;
  return resolvePriority(rule.priority, options.environment, options.tier, override);
}

/** What the rules said: every verdict but passes, and the passes compact (see passes.ts). */
export interface RuleRun {
  /** Fails, errors, unknowns and skips, in the engine's order (`sortVerdicts`). */
  verdicts: Verdict[];
  /** Passes per rule run (a rule, and the fleet targets it ran for), in rule order. */
  passes: PassSet[];
  /** The priority each enabled rule weighs at in this scan: its spec for the environment, the config's override applied. */
  priorities: Map<string, Priority>;
}

/** Every verdict, passes built in full: what a rule's case table and a plugin's tests compare against. */
export function runRules(snapshot: Snapshot, rules: readonly Rule[], options: EngineOptions): Verdict[] {
  const run = evaluateRules(snapshot, rules, options);
  return sortVerdicts([...run.verdicts, ...passVerdicts(run.passes)]);
}

/** The rules over a snapshot: verdicts, with passes kept compact. */
export function evaluateRules(snapshot: Snapshot, rules: readonly Rule[], options: EngineOptions): RuleRun {
  const out: Verdict[] = [];
  const passes: PassSet[] = [];
  const enabled: [Rule, Priority, EvaluationUnit][] = [];
  for (const rule of rules) {
    // A rule over a view runs once per source (source.ts); its verdicts carry the rule's id and the source.
    // An override may name one source by its alias (the old per-layer id): it applies to that source only.
    for (const u of evaluationUnits(rule)) {
      const priority = unitPriority(rule, u.source, options);
      if (priority !== undefined) enabled.push([u.unit, priority, u]);
    }
  }
  // Files are the environment's, whatever the targets: their problems are owned once, over the whole snapshot.
  const owners = problemOwners(snapshot, enabled);
  for (const [rule, priority, unit] of enabled) {
    // A source's verdicts carry the rule's id and the source's name from the start (see `stampOf`).
    const stamp = stampOf(unit);
    for (const scope of scopesOf(snapshot, rule)) {
      if (scope.targets.length === 0) {
        // What was judged early holds for the environment's own facets and expectations, not a target's.
        const judged = options.judgedItems?.forUnit(unit, priority, options);
        const said = runRule(snapshot, rule, priority, options, owners, stamp, judged);
        // Indexed: a for-of allocates an iterator result per verdict until the loop is optimized.
        for (let i = 0; i < said.verdicts.length; i++) out.push(said.verdicts[i]!);
        if (said.passes) passes.push(stamp ? { ...said.passes, stamp } : said.passes);
        continue;
      }
      // A target's facets over the environment's; its own expectations when it has them (the last
      // target of a join that has some wins: a cluster's, then a server's).
      const facets = Object.assign({}, snapshot.facets, ...scope.targets.map((t) => t.facets));
      const layers = { ...snapshot.layers };
      for (const t of scope.targets) layers[t.kind === 'cluster' ? 'k8s' : 'probe'] = t.state;
      let expectations = options.expectations;
      for (const t of scope.targets) expectations = options.targetExpectations?.[t.name] ?? expectations;
      const names = scope.targets.map((t) => t.name);
      // What each verdict's fingerprint hashes before its own (as `fingerprintOf(rule.id, <names>\0<own>)`).
      const targetsHead = `${rule.id}\u0000${names.join('\u0000')}\u0000`;
      const targetSnapshot = { ...snapshot, facets, layers };
      const said = runRule(targetSnapshot, rule, priority, { ...options, expectations }, owners, stamp);
      for (const v of said.verdicts) {
        v.targets = names;
        // Fingerprinted with the unit's id (a source's old per-layer id), as its own fingerprint is.
        v.fingerprint = fingerprintOfText(`${targetsHead}${v.fingerprint}\u0000`);
        out.push(v);
      }
      if (said.passes) passes.push({ ...said.passes, targets: names, ...(stamp ? { stamp } : {}) });
    }
  }
  // A rule judged per source weighs at its first source's priority (overrides may differ per source; each
  // verdict carries its own).
  const priorities = new Map<string, Priority>();
  for (const [, p, u] of enabled) if (!priorities.has(u.rule.id)) priorities.set(u.rule.id, p);
  return { verdicts: sortVerdicts(out), passes, priorities };
}

/** What marks a source's verdicts and passes (as `stampSource` does): the rule's own id, the source, its alias. */
export type Stamp = NonNullable<PassSet['stamp']>;

/** A unit's stamp: none for a rule judged as a whole. */
export function stampOf(u: EvaluationUnit): Stamp | undefined {
  if (!u.source) return undefined;
  return u.source.alias
    ? { ruleId: u.rule.id, source: u.source.name, alias: u.source.alias }
    : { ruleId: u.rule.id, source: u.source.name };
}

function problemKey(p: Problem): string {
  return `${p.subject}\u0000${p.message}`;
}

/**
 * A file that could not be read (or was read in part) is said once: the most urgent enabled rule that reads
 * its facet reports it, so a gate that would have waited for any of those rules still waits. A live read that
 * failed (a denied API call) stays an error of every rule that needed the data: each of them could not check.
 */
function problemOwners(snapshot: Snapshot, enabled: readonly [Rule, Priority, unknown][]): Map<string, string> {
  const owners = new Map<string, { rule: string; rank: number }>();
  for (const [rule, priority] of enabled) {
    for (const name of [...rule.facets, ...(rule.optionalFacets ?? [])]) {
      const facet = snapshot.facets[name as FacetName];
      if (facet?.status !== 'ok' || layerOfFacet(name as FacetName) !== 'files') continue;
      // The most severe rule reading the file's facet; of those, one that reads it first (image.runs-as-root
      // for a Dockerfile, rather than the workload rule that also reads Dockerfiles for the images they build).
      const rank = priorityRank(priority) * 2 + (rule.facets[0] === name ? 0 : 1);
      for (const p of facet.problems) {
        const key = problemKey(p);
        const prior = owners.get(key);
        if (!prior || rank < prior.rank) owners.set(key, { rule: rule.id, rank });
      }
    }
  }
  return new Map([...owners].map(([key, o]) => [key, o.rule]));
}

/**
 * The runs a rule gets: once, when it reads no fleet target's facets; else once per target of each
 * kind it reads (per combination when it joins two kinds, e.g. a cluster's Secret and a database).
 */
function scopesOf(snapshot: Snapshot, rule: Rule): { targets: TargetSnapshot[] }[] {
  const all = snapshot.targets ?? [];
  if (all.length === 0) return [{ targets: [] }];
  const kinds = new Set<TargetKind>();
  for (const name of [...rule.facets, ...(rule.optionalFacets ?? [])]) {
    const kind = targetKindOfFacet(name);
    if (kind && all.some((t) => t.kind === kind)) kinds.add(kind);
  }
  let scopes: TargetSnapshot[][] = [[]];
  for (const kind of TARGET_KINDS.filter((k) => kinds.has(k))) {
    const of = all.filter((t) => t.kind === kind);
    scopes = scopes.flatMap((prefix) => of.map((t) => [...prefix, t]));
  }
  return scopes.map((targets) => ({ targets }));
}

/** How a unit's verdicts are made, for what it judges during evaluation and what was judged of its items before. */
export interface UnitVerdicts {
  /** A verdict the engine says itself (a skip, an error), fingerprinted with the unit's id. */
  make(
    status: Verdict['status'],
    resource: Resource,
    messageId: string,
    message: string,
    location?: Location,
    discriminator?: string,
  ): Verdict;
  /** A fail or an unknown: the same report, told apart by status, certainty and what it depends on. */
  finding(
    status: 'fail' | 'unknown',
    r: FailReport<string> | UnknownReport<string>,
    certainty: Verdict['certainty'],
    dependsOn?: string[],
  ): Verdict;
  /** The template of a message id; throws for an id the rule does not define. */
  template(id: string): string;
  /** The environment as a verdict resource (a skip without a resource). */
  scope: Resource;
}

// Every member a verdict may get (21, with those the engine and the gate add later: targets, assumed, gate,
// suppression, baselineState), kept inside it: no property array of its own per verdict.
const newVerdict = plainObjectMaker<Verdict>(21);

/** The verdict makers of a unit judged at `priority` in `environment`, stamped as its source's (`stampOf`). */
export function unitVerdicts(rule: Rule, priority: Priority, environment: string, stamp?: Stamp): UnitVerdicts {
  // One object per verdict, stamped as it is made (a source's: the rule's id, the source and its alias), its
  // members set in code-unit order of their keys, optional ones in their place: the JSON report writes it as
  // it is rather than copy it in that order (reporters' json.ts), as it does the passes (passes.ts). No
  // spreads: one verdict per finding of a large scan.
  const ruleId = stamp ? stamp.ruleId : rule.id;
  const verdict = (
    status: Verdict['status'],
    resource: Resource,
    messageId: string,
    message: string,
    evidence: Verdict['evidence'],
    certainty: Verdict['certainty'],
    fingerprint: string,
    optional?: {
      data?: Verdict['data'];
      location?: Location | undefined;
      relatedLocations?: Verdict['relatedLocations'];
    },
    dependsOn?: string[],
  ): Verdict => {
    const v = newVerdict();
    if (stamp?.alias !== undefined) v.alias = stamp.alias;
    v.certainty = certainty;
    v.concerns = rule.concerns;
    if (optional?.data) v.data = optional.data;
    if (dependsOn) v.dependsOn = dependsOn;
    v.evidence = evidence;
    v.fingerprint = fingerprint;
    if (optional?.location) v.location = optional.location;
    v.message = message;
    v.messageId = messageId;
    v.priority = priority;
    if (optional?.relatedLocations?.length) v.relatedLocations = optional.relatedLocations;
    v.resource = resource;
    v.ruleId = ruleId;
    if (stamp) v.source = stamp.source;
    v.status = status;
    return v;
  };
  const template = (id: string): string => {
    const t = (rule.messages as Record<string, string>)[id];
    if (t === undefined) throw new Error(`rule "${rule.id}" reported unknown message id "${id}"`);
    return t;
  };
  return {
    make: (status, resource, messageId, message, location, discriminator = '') =>
      verdict(
        status,
        resource,
        messageId,
        message,
        [],
        'high',
        fingerprintOf(rule.id, resource.id, discriminator),
        location ? { location } : undefined,
      ),
    finding: (status, r, certainty, dependsOn) =>
      verdict(
        status,
        r.resource,
        r.messageId,
        flat(renderMessage(template(r.messageId), r.data)),
        r.evidence ?? [],
        certainty,
        fingerprintOf(rule.id, r.resource.id, r.discriminator),
        r,
        dependsOn,
      ),
    template,
    scope: scopeResource(rule, environment),
  };
}

function runRule(
  snapshot: Snapshot,
  rule: Rule,
  priority: Priority,
  options: EngineOptions,
  owners: ReadonlyMap<string, string>,
  stamp?: Stamp,
  judged?: UnitJudgements,
): { verdicts: Verdict[]; passes?: PassSet } {
  const { make, finding, template } = unitVerdicts(rule, priority, options.environment, stamp);

  // 1. Facets: absent → skip; failed → error; partly failed → error per unreadable part, then run.
  const partial: Verdict[] = [];
  // A file problem found in several facets (an unreadable directory) is said once by its owner.
  const said = new Set<string>();
  const optional = new Set<string>(rule.optionalFacets ?? []);
  for (const name of [...rule.facets, ...(rule.optionalFacets ?? [])]) {
    const facet = snapshot.facets[name as FacetName];
    // An optional facet may be absent when its layer was collected (e.g. a CRD that is not installed);
    // without its layer the rule cannot judge, and is skipped like any other.
    if (
      optional.has(name) &&
      facet?.status === 'absent' &&
      snapshot.layers[layerOfFacet(name as FacetName)]?.status === 'collected'
    )
      continue;
    if (!facet || facet.status === 'absent') {
      const reason =
        facet?.status === 'absent'
          ? facet.reason
          : `the ${layerOfFacet(name as FacetName)} layer is not configured for this environment`;
      return {
        verdicts: [
          make('skip', scopeResource(rule, options.environment), 'layer-not-scanned', `Not checked: ${reason}.`),
        ],
      };
    }
    if (facet.status === 'error') {
      const verdicts = facet.problems.map((p) =>
        make(
          'error',
          problemResource(p),
          'collection-failed',
          `Could not check: ${sentence(p.message)}${p.fix ? ` Fix: ${p.fix}` : ''}`,
          p.location,
        ),
      );
      return { verdicts };
    }
    for (const p of facet.problems) {
      const key = problemKey(p);
      const owner = owners.get(key);
      if (owner !== undefined && (owner !== rule.id || said.has(key))) continue;
      said.add(key);
      partial.push(
        p.severity === 'notice'
          ? make(
              'skip',
              problemResource(p),
              'file-read-in-part',
              p.fix ? `${sentence(p.message)} ${p.fix}` : p.message,
              p.location,
            )
          : make(
              'error',
              problemResource(p),
              'collection-failed',
              `Could not check ${p.subject}: ${sentence(p.message)}${p.fix ? ` Fix: ${p.fix}` : ''}`,
              p.location,
            ),
      );
    }
  }

  // 2. Run the check. A throw is an error verdict for the rule, not the end of the scan.
  // Each report under its collapse key (resource id and discriminator: what the fingerprint hashes).
  // Collapsed as reported (a large scan's rule gives tens of thousands of reports: no list of them is kept).
  const reported = new Collapsing();
  const ctx: RuleContext<FacetName, string> = {
    optionalFacet: (name) => {
      if (!optional.has(name)) throw new Error(`rule "${rule.id}" read optional facet "${name}" it did not declare`);
      const f = snapshot.facets[name];
      return f?.status === 'ok' ? (f.data as never) : undefined;
    },
    facet: (name) => {
      if (!rule.facets.includes(name)) throw new Error(`rule "${rule.id}" read facet "${name}" it did not declare`);
      const f = snapshot.facets[name];
      if (f?.status !== 'ok') throw new Error(`facet "${name}" is not available`);
      return f.data as never;
    },
    env: { name: options.environment, tier: options.tier, expectations: options.expectations },
    now: new Date(options.now ?? snapshot.collectedAt ?? Date.now()),
    fail: (r: FailReport<string>) => {
      if (inheritedFromBase(snapshot, r)) return;
      reported.verdict(keyOf(r), finding('fail', r, r.certainty ?? 'high'));
    },
    unknown: (r: UnknownReport<string>) => {
      if (!Array.isArray(r.dependsOn) || r.dependsOn.length === 0)
        throw new Error(`rule "${rule.id}" reported unknown without naming what it depends on`);
      if (inheritedFromBase(snapshot, r)) return;
      reported.verdict(keyOf(r), finding('unknown', r, 'low', [...new Set(r.dependsOn)]));
    },
    // A pass is kept as the rule gave it: its message and fingerprint are built only if a report lists it.
    pass: (r: PassReport<string>) => {
      if (r.messageId !== undefined) template(r.messageId);
      reported.pass(keyOf(r), r);
    },
    skip: (reason: string, resource?: Resource) => {
      const at = resource ?? scopeResource(rule, options.environment);
      reported.verdict(keyOf({ resource: at }), make('skip', at, 'not-applicable', `Not applicable: ${reason}`));
    },
  };
  if (judged) {
    // Items judged before evaluation are reported as they were judged, in the check's order (source.ts
    // `judgeEach`): the same reports, collapsed here as if the check made them now. All of them at once
    // when none shares a key with another (nothing to collapse); else each through the collapse map.
    const items: JudgedItemsOfCheck = {
      all: (views) => {
        if (reported.size !== 0) return false;
        const every = judged.every(views);
        if (every === undefined) return false;
        reported.appendDistinct(every);
        return true;
      },
      one: (item) => {
        const judgedOf = judged.of(item);
        if (judgedOf === undefined) return false;
        const { reports, spans } = judgedOf;
        for (let s = 0; s < spans.length; s += 2)
          for (let i = spans[s]!; i < spans[s + 1]!; i += 3) {
            if (reports[i] === true) reported.pass(reports[i + 1] as string, reports[i + 2] as PassReport<string>);
            else reported.verdict(reports[i + 1] as string, reports[i + 2] as Verdict);
          }
        return true;
      },
    };
    (ctx as { [JUDGED_ITEMS]?: JudgedItemsOfCheck })[JUDGED_ITEMS] = items;
  }
  try {
    rule.check(ctx);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return {
      verdicts: [
        ...partial,
        make(
          'error',
          scopeResource(rule, options.environment),
          'rule-crashed',
          `The rule failed while checking: ${msg}. Please report this.`,
        ),
      ],
    };
  }
  if (reported.size === 0 && partial.length === 0) {
    const at = scopeResource(rule, options.environment);
    reported.verdict(
      keyOf({ resource: at }),
      make('skip', at, 'nothing-to-check', 'Not applicable: nothing this rule checks was found.'),
    );
  }
  const kept = reported.result();
  const verdicts = partial.length === 0 ? kept.verdicts : [...partial, ...kept.verdicts];
  const assumed = assumedIdentity(rule, options);
  if (assumed) for (const v of verdicts) if (v.status === 'fail' || v.status === 'unknown') v.assumed = assumed;
  if (kept.passes.length === 0) return { verdicts };
  const passes: PassSet = {
    ruleId: rule.id,
    priority,
    concerns: rule.concerns,
    title: rule.title,
    messages: rule.messages as Record<string, string>,
    passes: kept.passes,
  };
  return { verdicts, passes };
}

/**
 * A finding on a kustomize patch rendered onto its base (collectors' files/kustomize.ts) that points into
 * the base: the patch inherits it, and the base, judged as written, reports it once. What the patch sets
 * points into the patch and is kept.
 */
function inheritedFromBase(snapshot: Snapshot, r: { resource: Resource; location?: Location | undefined }): boolean {
  const file = r.resource.file;
  if (file === undefined || r.location === undefined || r.location.file === file) return false;
  return patchFiles(snapshot).has(file);
}

const PATCH_FILES = new WeakMap<object, Set<string>>();
function patchFiles(snapshot: Snapshot): Set<string> {
  const facet = snapshot.facets['files.kubernetes'];
  if (facet?.status !== 'ok' || !facet.data) return new Set();
  let known = PATCH_FILES.get(facet.data);
  if (!known) {
    known = new Set();
    for (const f of facet.data.files) if (f.objects.some((o) => o.patchedBase !== undefined)) known.add(f.file);
    PATCH_FILES.set(facet.data, known);
  }
  return known;
}

/**
 * The collapse key: what the fingerprint hashes besides the rule id (its hash is left to the verdicts that need
 * one). Without a discriminator it is the id itself, a string the views share between rules (flattened and
 * hashed once), rather than a new `<id>\0` per report; an id that holds a NUL keeps that form, so no two
 * reports share a key unless they did as `<id>\0<discriminator>`.
 */
export function keyOf(r: { resource: Resource; discriminator?: string | undefined }): string {
  const id = flat(r.resource.id);
  const discriminator = r.discriminator;
  if (discriminator === undefined || discriminator === '') return id.includes('\u0000') ? `${id}\u0000` : id;
  return `${id}\u0000${discriminator}`;
}

/**
 * The string, its characters made one piece. V8 keeps a string built by `+` or a template literal as a tree
 * of its parts (32 bytes a node) until its characters are read; an id of a view's resource is five to ten
 * such nodes, and every verdict and pass of a 50,000-resource scan keeps one (about 24 MB of nodes in a
 * snapshot replay at 16×). Reading one character flattens it in place, for everything that holds it.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** What the rule judges by that the config did not name (per expectation field), or undefined. */
function assumedIdentity(rule: Rule, options: EngineOptions): string | undefined {
  if (!rule.adrIdentity) return undefined;
  if (options.assumedExpectations) return `no config names the expectations: ADR-001's ${rule.adrIdentity} is assumed`;
  if (!rule.adrIdentityFields || !options.expectationsGiven) return undefined;
  const given = new Set(options.expectationsGiven);
  const missing = rule.adrIdentityFields.filter((f) => !f.split('|').some((alt) => given.has(alt)));
  if (missing.length === 0) return undefined;
  const names = missing.map((f) =>
    f
      .split('|')
      .map((alt) => `expectations.${alt}`)
      .join(' or '),
  );
  return `the config does not name ${names.join(', ')}: ADR-001's ${rule.adrIdentity} is assumed`;
}

/**
 * One verdict per (rule, resource, discriminator): the worst wins; further fail locations of the same
 * key become related locations. A pass is the mildest status but a skip: it gives way to any fail,
 * error or unknown of its key, and the first pass of a key stands for the others. Keys keep the order
 * they were first reported in.
 *
 * Each key's report is kept as it is, in arrays by first report (no wrapper object per report: a large scan's
 * rule gives tens of thousands), the map giving its place.
 */
class Collapsing {
  private readonly placeOf = new Map<string, number>();
  /** Per key, in first-report order: a verdict (fail, error, unknown, skip), or a pass as the rule gave it. */
  private readonly reports: (Verdict | PassReport<string>)[] = [];
  /** Whether each report is a pass. */
  private readonly isPass: boolean[] = [];
  /**
   * Judged reports appended as they are (`appendDistinct`): copied into the arrays and the map only if another
   * report comes; else the result is read from them directly.
   */
  private distinct: { judged: JudgedReports; count: number } | undefined;

  get size(): number {
    return this.distinct !== undefined ? this.distinct.count : this.reports.length;
  }

  /**
   * Judged reports (`JudgedReports`, in order) of which no two share a key, as the first ones: kept as they
   * are, each key in its place, without a look-up each.
   */
  appendDistinct(judged: JudgedReports): void {
    if (this.size !== 0) throw new Error('appendDistinct: only the first reports');
    let count = 0;
    const spans = judged.spans;
    for (let s = 0; s < spans.length; s += 2) count += (spans[s + 1]! - spans[s]!) / 3;
    this.distinct = { judged, count };
  }

  /** The map, with the reports appended without it. */
  private places(): Map<string, number> {
    const distinct = this.distinct;
    if (distinct !== undefined) {
      this.distinct = undefined;
      const { reports, isPass, placeOf } = this;
      const { reports: from, spans } = distinct.judged;
      for (let s = 0; s < spans.length; s += 2)
        for (let i = spans[s]!; i < spans[s + 1]!; i += 3) {
          placeOf.set(from[i + 1] as string, reports.length);
          isPass.push(from[i] === true);
          reports.push(from[i + 2] as Verdict | PassReport<string>);
        }
    }
    return this.placeOf;
  }

  verdict(key: string, v: Verdict): void {
    const at = this.places().get(key);
    if (at === undefined) {
      this.placeOf.set(key, this.reports.length);
      this.reports.push(v);
      this.isPass.push(false);
      return;
    }
    if (this.isPass[at]) {
      // Only a more severe verdict replaces what came first (a pass beats a skip).
      if (statusRank(v.status) < PASS_RANK) {
        this.reports[at] = v;
        this.isPass[at] = false;
      }
      return;
    }
    const was = this.reports[at] as Verdict;
    const [keep, drop] = statusRank(v.status) < statusRank(was.status) ? [v, was] : [was, v];
    if (drop.status === keep.status && (keep.status === 'fail' || keep.status === 'unknown') && drop.location) {
      keep.relatedLocations = [...(keep.relatedLocations ?? []), drop.location];
      keep.evidence = [...keep.evidence, ...drop.evidence];
      if (drop.dependsOn) keep.dependsOn = [...new Set([...(keep.dependsOn ?? []), ...drop.dependsOn])];
    }
    this.reports[at] = keep;
  }

  pass(key: string, r: PassReport<string>): void {
    const at = this.places().get(key);
    if (at === undefined) {
      this.placeOf.set(key, this.reports.length);
      this.reports.push(r);
      this.isPass.push(true);
      return;
    }
    // The first pass of a key stands; a pass replaces only what is milder (a skip).
    if (!this.isPass[at] && PASS_RANK < statusRank((this.reports[at] as Verdict).status)) {
      this.reports[at] = r;
      this.isPass[at] = true;
    }
  }

  result(): { verdicts: Verdict[]; passes: PassReport<string>[] } {
    const verdicts: Verdict[] = [];
    const passes: PassReport<string>[] = [];
    const distinct = this.distinct;
    if (distinct !== undefined) {
      const { reports: from, spans } = distinct.judged;
      for (let s = 0; s < spans.length; s += 2)
        for (let i = spans[s]!; i < spans[s + 1]!; i += 3) {
          if (from[i] === true) passes.push(from[i + 2] as PassReport<string>);
          else verdicts.push(from[i + 2] as Verdict);
        }
      return { verdicts, passes };
    }
    const { reports, isPass } = this;
    for (let i = 0; i < reports.length; i++) {
      if (isPass[i]) passes.push(reports[i] as PassReport<string>);
      else verdicts.push(reports[i] as Verdict);
    }
    return { verdicts, passes };
  }
}
const PASS_RANK = statusRank('pass');

/** A problem's message ended as a sentence, before its fix is said (a parser's message has no full stop). */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** Deterministic order: rule id, then file, line, resource id, fingerprint. */
export function sortVerdicts(vs: Verdict[]): Verdict[] {
  return vs.sort(
    (a, b) =>
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.location?.file ?? a.resource.file ?? '', b.location?.file ?? b.resource.file ?? '') ||
      (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
      cmp(a.resource.id, b.resource.id) ||
      cmp(a.targets?.join('\u0000') ?? '', b.targets?.join('\u0000') ?? '') ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
