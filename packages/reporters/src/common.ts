/**
 * What every reporter shares: one total order of verdicts, what a verdict means for the reader, rule
 * lookup, the area a rule belongs to, where a finding can be shown, and text clean-up.
 */
import {
  ADR_001_PENDING_ORDER,
  adrLineFor,
  allVerdicts,
  type Location,
  type PassReport,
  type PassSet,
  passSetRuleId,
  passVerdict,
  type Priority,
  priorityRank,
  type RuleMeta,
  type ScannedRule,
  type ScanResult,
  type Verdict,
} from '@coditect-audit/core';

/**
 * A verdict as the reader sees it: a failure is active, suppressed (accepted with a reason), unchanged
 * since the baseline (accepted earlier) or about a name assumed from ADR-001 (no config: it does not gate);
 * an undecided check is `unknown` unless accepted; the others are their status.
 */
export type VerdictState = 'fail' | 'suppressed' | 'baseline' | 'assumed' | 'error' | 'unknown' | 'pass' | 'skip';

export function stateOf(v: Verdict): VerdictState {
  if (v.status !== 'fail' && v.status !== 'unknown') return v.status;
  if (v.suppression) return 'suppressed';
  if (v.baselineState === 'unchanged') return 'baseline';
  if (v.status === 'unknown') return 'unknown';
  if (v.assumed) return 'assumed';
  return 'fail';
}

/** True when the finding makes the gate fail: as the gate recorded it on the verdict (core's `evaluateGate`). */
export function failsGate(v: Verdict): boolean {
  return v.gate === 'failing';
}

/**
 * The result with every pass as a full verdict among `verdicts`, for a report that lists passes one by one
 * (HTML, Markdown, JUnit): built when that report is written, and dropped with it.
 */
export function withPassVerdicts(result: ScanResult): ScanResult {
  if (!result.passes?.length) return result;
  const { passes: _compact, ...rest } = result;
  return { ...rest, verdicts: [...allVerdicts(result)] };
}

/** The line every report starts with when no config named the expectations (ADR-001's names assumed). */
export function assumptionBanner(result: ScanResult): string | undefined {
  return result.assumptions?.banner;
}

/** What an undecided verdict depends on, for a reader: `var.tier, local.x`. */
/**
 * The rule id as a reader looks for it: with the old per-layer id the verdict's source continues
 * (`network.edge-protection (formerly tf-edge-security-policy)`), so an old id still finds its findings.
 */
export function ruleIdText(v: Verdict): string {
  return v.alias ? `${v.ruleId} (formerly ${v.alias})` : v.ruleId;
}

export function dependsOnText(v: Verdict): string {
  return (v.dependsOn ?? []).join(', ');
}

/** `[db-a]`, `[cluster-1, db-a]`: the fleet targets a verdict is about, or '' for the environment. */
export function targetLabel(v: Pick<Verdict, 'targets'>): string {
  return v.targets?.length ? `[${v.targets.join(', ')}]` : '';
}

export interface TargetRow {
  /** A target's name, or the environment's for what belongs to no target (files, Google Cloud). */
  name: string;
  kind: 'target' | 'environment';
  failing: Record<Priority, number>;
  errors: number;
  passed: number;
  /** Findings about it that fail the gate. */
  gating: number;
  /** It gates at all: every target, unless gate targets name others. */
  gated: boolean;
}

/**
 * One row per fleet target (in name order) and one for the environment as a whole, when the scan has
 * targets; none otherwise (a scan of one server of each kind reads as before).
 */
export function targetRows(result: ScanResult): TargetRow[] {
  const passes = result.passes ?? [];
  const names = [
    ...new Set([...result.verdicts.flatMap((v) => v.targets ?? []), ...passes.flatMap((p) => p.targets ?? [])]),
  ].sort(cmp);
  if (names.length === 0) return [];
  const gateTargets = result.gate.targets;
  const row = (name: string, kind: TargetRow['kind'], of: (v: { targets?: string[] }) => boolean): TargetRow => {
    const mine = result.verdicts.filter(of);
    const failing = { P0: 0, P1: 0, P2: 0 } as Record<Priority, number>;
    for (const v of mine) if (stateOf(v) === 'fail') failing[v.priority]++;
    let compactPasses = 0;
    for (const set of passes) if (of(set)) compactPasses += set.passes.length;
    return {
      name,
      kind,
      failing,
      errors: mine.filter((v) => v.status === 'error').length,
      passed: mine.filter((v) => v.status === 'pass').length + compactPasses,
      gating: mine.filter(failsGate).length,
      gated: kind === 'environment' || !gateTargets?.length || gateTargets.includes(name),
    };
  };
  return [
    row(result.environment.name, 'environment', (v) => !v.targets?.length),
    ...names.map((n) => row(n, 'target', (v) => v.targets?.includes(n) ?? false)),
  ];
}

/** A target row's state in one word: failing, incomplete, passing. */
export function targetState(r: TargetRow): 'failing' | 'incomplete' | 'passing' {
  if (r.failing.P0 + r.failing.P1 + r.failing.P2 > 0) return 'failing';
  return r.errors > 0 ? 'incomplete' : 'passing';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file a verdict is about, for ordering and display: its location, else the declaring file. */
export function fileOf(v: Verdict): string | undefined {
  return v.location?.file || v.resource.file || undefined;
}

/**
 * A total order on verdicts (rule, file, position, resource, fingerprint, then everything else), so a
 * reporter's output does not depend on the order the verdicts arrive in.
 */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return (
    cmp(a.ruleId, b.ruleId) ||
    cmp(fileOf(a) ?? '', fileOf(b) ?? '') ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) ||
    cmp(a.resource.id, b.resource.id) ||
    cmp(a.targets?.join('\u0000') ?? '', b.targets?.join('\u0000') ?? '') ||
    cmp(a.fingerprint, b.fingerprint) ||
    cmp(a.status, b.status) ||
    cmp(a.messageId, b.messageId) ||
    cmp(a.message, b.message) ||
    cmp(JSON.stringify(a), JSON.stringify(b))
  );
}

/** A rule's verdicts in the total order, taken by place; its passes made by the maker given (`passVerdict`). */
interface RuleInOrder<P> {
  /** How many verdicts. */
  length: number;
  /** The `k`th verdict of the order (a pass made now): each taken once, in order. */
  take(k: number): Verdict | P;
}

/**
 * What a list of passed checks shows of a pass: its rule, resource, place, targets and concerns. Made without
 * the message and the fingerprint a pass verdict renders and hashes (`passVerdict`), which such a list does
 * not show; a list that needs one for a few passes builds them whole from `set` and `report`.
 */
export interface PassPlace extends Pick<Verdict, 'ruleId' | 'resource' | 'location' | 'targets' | 'concerns'> {
  status: 'pass';
  set: PassSet;
  report: PassReport<string>;
}

function passPlace(set: PassSet, r: PassReport<string>): PassPlace {
  return {
    concerns: set.concerns,
    location: r.location,
    report: r,
    resource: r.resource,
    ruleId: passSetRuleId(set),
    set,
    status: 'pass',
    targets: set.targets,
  };
}

/** True for a pass made as its place (`PassPlace`), false for a verdict. */
export function isPassPlace(v: Verdict | PassPlace): v is PassPlace {
  return 'report' in v;
}

/**
 * One rule's stored verdicts and its sets' passes in the total order (`compareVerdicts`), each pass built as it
 * is listed, so each dies young, after the report has written it, instead of a rule's passes all living until
 * its last. Sorted as places (numbers) by what the order compares first (file, line, column, resource, targets),
 * read once into arrays side by side: no key object per verdict (a large cluster's rule sorts tens of
 * thousands). A pass is built for a comparison only when those tie (a pass with the keys of another verdict),
 * and is then kept until it is listed.
 */
function ruleInOrder<P>(
  stored: readonly Verdict[],
  sets: readonly PassSet[],
  make: (set: PassSet, r: PassReport<string>) => P,
): RuleInOrder<P> {
  let count = stored.length;
  for (let s = 0; s < sets.length; s++) count += sets[s]!.passes.length;
  // What the order compares first, per place, in arrays side by side: the comparisons read them in a row
  // rather than reach each verdict and report (scattered over the heap) again at every comparison. Made at
  // their full length (no copy as they grow); the numbers in typed arrays, outside the heap, which a
  // collection neither scans nor copies (a rule's arrays live as long as its verdicts are being written).
  const files = new Array<string>(count);
  const lines = new Float64Array(count);
  const columns = new Float64Array(count);
  const ids = new Array<string>(count);
  let at = 0;
  const hold = (h: { resource: Verdict['resource']; location?: Location | undefined }) => {
    const location = h.location;
    files[at] = location?.file || h.resource.file || '';
    // As `?? 0` reads them: a missing position is 0 (a Float64Array keeps any number, NaN too, exactly).
    lines[at] = location?.startLine ?? 0;
    columns[at] = location?.startColumn ?? 0;
    ids[at] = h.resource.id;
    at++;
  };
  let targeted = false;
  for (let i = 0; i < stored.length; i++) {
    const v = stored[i]!;
    hold(v);
    if (v.targets?.length) targeted = true;
  }
  // Past the stored verdicts, each place's report and its set (an index into `sets`).
  const reports = new Array<PassReport<string>>(count - stored.length);
  const setAt = new Uint32Array(count - stored.length);
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s]!;
    if (set.targets?.length) targeted = true;
    const passes = set.passes;
    for (let i = 0; i < passes.length; i++) {
      const r = passes[i]!;
      reports[at - stored.length] = r;
      setAt[at - stored.length] = s;
      hold(r);
    }
  }
  const first = stored.length;
  // With targets, each place's joined once (a set's once for all its passes), not twice per comparison.
  let targetKeys: string[] | undefined;
  if (targeted) {
    targetKeys = new Array<string>(count);
    for (let i = 0; i < first; i++) targetKeys[i] = stored[i]!.targets?.join('\u0000') ?? '';
    const setKeys = sets.map((set) => set.targets?.join('\u0000') ?? '');
    for (let i = 0; i < setAt.length; i++) targetKeys[first + i] = setKeys[setAt[i]!]!;
  }
  const passAt = (i: number): P => make(sets[setAt[i - first]!]!, reports[i - first]!);
  // Passes built whole for a tie (`compareVerdicts` reads them), by place, until listed as they are.
  let built: Map<number, Verdict> | undefined;
  const whole = (i: number): Verdict => {
    if (i < first) return stored[i]!;
    let v = built?.get(i);
    if (v === undefined) {
      v = passVerdict(sets[setAt[i - first]!]!, reports[i - first]!);
      built ??= new Map();
      built.set(i, v);
    }
    return v;
  };
  const places: number[] = [];
  for (let i = 0; i < count; i++) places.push(i);
  places.sort(
    (i, j) =>
      cmp(files[i]!, files[j]!) ||
      lines[i]! - lines[j]! ||
      columns[i]! - columns[j]! ||
      cmp(ids[i]!, ids[j]!) ||
      (targetKeys ? cmp(targetKeys[i]!, targetKeys[j]!) : 0) ||
      compareVerdicts(whole(i), whole(j)),
  );
  return {
    length: places.length,
    take: (k) => {
      const i = places[k]!;
      if (i < first) return stored[i]!;
      const tie = built?.get(i);
      if (tie === undefined) return passAt(i);
      built!.delete(i);
      return tie;
    },
  };
}

/** A rule's verdicts in order, one at a time (`ruleInOrder`). */
function* eachOf<P>(ordered: RuleInOrder<P>): Generator<Verdict | P> {
  for (let k = 0; k < ordered.length; k++) yield ordered.take(k);
}

/** Most urgent first (P0 before P2), then the total order. */
export function compareByPriority(a: Verdict, b: Verdict): number {
  return priorityRank(a.priority) - priorityRank(b.priority) || compareVerdicts(a, b);
}

/**
 * The verdicts by rule: each rule's stored verdicts and its compact pass sets, so a report can take one rule's
 * verdicts at a time, its passes built only then. `stored` and `sets` choose which take part (default all).
 */
export interface VerdictsByRule {
  /** Every rule id with a verdict or a pass, sorted. */
  ids: string[];
  /** One rule's verdicts, passes built now, in the total order (`compareVerdicts`). */
  of(ruleId: string): Verdict[];
  /** The same verdicts, each pass built as it is taken. */
  lazily(ruleId: string): Generator<Verdict>;
  /** The same verdicts, to be taken by place in order (`take(0)`, `take(1)`...), each pass built then. */
  inOrder(ruleId: string): RuleInOrder<Verdict>;
  /** The same order, each pass made as its place (`PassPlace`) rather than built. */
  places(ruleId: string): Generator<Verdict | PassPlace>;
}

export function verdictsByRule(
  result: ScanResult,
  stored: (v: Verdict) => boolean = () => true,
  sets: (set: PassSet) => boolean = () => true,
): VerdictsByRule {
  const byRule = new Map<string, Verdict[]>();
  for (const v of result.verdicts) {
    if (!stored(v)) continue;
    const list = byRule.get(v.ruleId);
    if (list) list.push(v);
    else byRule.set(v.ruleId, [v]);
  }
  const compact = new Map<string, PassSet[]>();
  for (const set of result.passes ?? []) {
    if (!sets(set)) continue;
    const id = passSetRuleId(set);
    const list = compact.get(id);
    if (list) list.push(set);
    else compact.set(id, [set]);
  }
  return {
    ids: [...new Set([...byRule.keys(), ...compact.keys()])].sort(cmp),
    of: (id) => [...eachOf(ruleInOrder(byRule.get(id) ?? [], compact.get(id) ?? [], passVerdict))],
    lazily: (id) => eachOf(ruleInOrder(byRule.get(id) ?? [], compact.get(id) ?? [], passVerdict)),
    inOrder: (id) => ruleInOrder(byRule.get(id) ?? [], compact.get(id) ?? [], passVerdict),
    places: (id) => eachOf(ruleInOrder(byRule.get(id) ?? [], compact.get(id) ?? [], passPlace)),
  };
}

/**
 * The verdicts in the total order (`compareVerdicts`), a rule at a time (the order sorts by rule id first),
 * each pass built as it is taken: no list of pass verdicts is ever whole, not even a rule's. `stored` and
 * `sets` as for `verdictsByRule`.
 */
export function* verdictsInOrder(
  result: ScanResult,
  stored?: (v: Verdict) => boolean,
  sets?: (set: PassSet) => boolean,
): Generator<Verdict> {
  const index = verdictsByRule(result, stored, sets);
  for (const id of index.ids) yield* index.lazily(id);
}

/**
 * The passes in the total order (those stored as verdicts too), each compact one made as its place
 * (`PassPlace`): for a list of passed checks, which shows no message or fingerprint.
 */
export function* passPlacesInOrder(result: ScanResult): Generator<Verdict | PassPlace> {
  const index = verdictsByRule(result, (v) => v.status === 'pass');
  for (const id of index.ids) yield* index.places(id);
}

/**
 * The verdicts of `verdictsInOrder` in lists of up to `size` (the last may be shorter), each pass built when its
 * list is made: for a writer that writes a list at a time, without resuming a generator per verdict.
 */
export function* verdictBatchesInOrder(result: ScanResult, size: number): Generator<Verdict[]> {
  const index = verdictsByRule(result);
  let batch: Verdict[] = [];
  for (const id of index.ids) {
    const ordered = index.inOrder(id);
    for (let k = 0; k < ordered.length; k++) {
      batch.push(ordered.take(k));
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

export function sortedVerdicts(result: ScanResult): Verdict[] {
  return [...result.verdicts].sort(compareVerdicts);
}

export function rulesById(result: ScanResult): Map<string, ScannedRule> {
  return new Map(result.rules.map((r) => [r.id, r]));
}

/**
 * The area a rule reports under (a JUnit suite): the prefix of its first concern key (`container`,
 * `k8s`, `sql`, `cicd`...), which groups rules by what they are about whatever layer they read;
 * failing that, the rule's layer.
 */
export function areaOf(rule: RuleMeta | undefined, v?: Pick<Verdict, 'concerns'>): string {
  const concern = rule?.concerns[0] ?? v?.concerns[0];
  const prefix = concern?.split('.')[0]?.trim();
  if (prefix) return prefix;
  return rule?.layer || 'other';
}

/** Why a finding is shown where it is. */
export type LocationSource = 'finding' | 'resource' | 'adr' | 'config';

export interface PlacedLocation {
  location: Location;
  source: LocationSource;
}

/**
 * Where a finding can be shown in the repository, in this order: the position the rule reported; the
 * file declaring the resource (line 1); the ADR document's line for the rule's section; the
 * environment's entry in the configuration file. Undefined when none exists.
 */
export function placeFinding(result: ScanResult, rule: RuleMeta | undefined, v: Verdict): PlacedLocation | undefined {
  if (v.location?.file) return { location: v.location, source: 'finding' };
  if (v.resource.file) return { location: { file: v.resource.file, startLine: 1 }, source: 'resource' };
  if (result.adr?.file && rule) {
    const line = adrLineFor(result.adr.sections, rule.adrSection);
    if (line) return { location: { file: result.adr.file, startLine: line }, source: 'adr' };
  }
  if (result.environment.configFile) {
    return {
      location: { file: result.environment.configFile, startLine: result.environment.configLine ?? 1 },
      source: 'config',
    };
  }
  return undefined;
}

/**
 * ADR sections in the order the ADR reads: Decision 1..n, the pending items (in ADR-001's list order,
 * from core's ADR_001), Issue 1..n, Lesson 1..n; anything else (a plugin's own ADR) after them by name.
 */
const PENDING_ORDER = ADR_001_PENDING_ORDER;

function sectionKey(section: string): [number, number, string] {
  const numbered = /^(Decision|Issue|Lesson) (\d+)$/.exec(section);
  if (numbered) {
    const kind = numbered[1] === 'Decision' ? 0 : numbered[1] === 'Issue' ? 2 : 3;
    return [kind, Number(numbered[2]), ''];
  }
  const pending = /^Pending: (.+)$/.exec(section);
  if (pending) {
    const at = PENDING_ORDER.indexOf(pending[1] ?? '');
    return [1, at < 0 ? PENDING_ORDER.length : at, pending[1] ?? ''];
  }
  return [4, 0, section];
}

export function compareAdrSections(a: string, b: string): number {
  const [ka, na, sa] = sectionKey(a);
  const [kb, nb, sb] = sectionKey(b);
  return ka - kb || na - nb || cmp(sa, sb);
}

/** "Decision 1, Lesson 1" → ["Decision 1", "Lesson 1"]. */
export function splitAdrSection(adrSection: string): string[] {
  return adrSection
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first sentence (or line) of a message, for one-line slots such as a JUnit `message` attribute. */
export function firstSentence(text: string, max = 200): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  const end = /[.!?](\s|$)/.exec(line);
  const sentence = end ? line.slice(0, end.index + 1) : line;
  return clip(sentence.trim(), max);
}

/** Cuts a string to at most `max` characters (code points), marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** `PascalCase` of a kebab-case id: `dockerfile-runs-as-root` → `DockerfileRunsAsRoot`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** A plural-aware count: `count(1, 'finding')` → "1 finding", `count(2, 'finding')` → "2 findings". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** `path:line[:col]` of a location. */
export function formatPosition(loc: Location): string {
  return loc.startColumn ? `${loc.file}:${loc.startLine}:${loc.startColumn}` : `${loc.file}:${loc.startLine}`;
}

/** An evidence value as written in reports: strings as they are, other values as JSON. */
export function formatObserved(value: string | number | boolean | null): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The gate in words: "failed (fail-on P0, exit code 1)". */
export function describeGate(result: ScanResult): string {
  const g = result.gate;
  return `${g.status} (fail-on ${g.failOn}${g.strict ? ', strict' : ''}, exit code ${g.exitCode})`;
}

/** How many of the listed exclusions the human-readable reports show; the JSON and SARIF list them all. */
export const EXCLUDED_SHOWN = 100;

const EXCLUSION_LABEL: Record<string, string> = {
  'config-exclude': 'configuration exclude',
  'ignore-file': 'ignore file',
  'too-large': 'too large',
  binary: 'binary',
  'link-outside-root': 'link outside the scanned directory',
  'directory-link': 'link to a folder',
  'report-folder': 'report output',
};

export function exclusionLabel(reason: string): string {
  return EXCLUSION_LABEL[reason] ?? reason;
}

/**
 * One line on what the scan did not read, by reason: so a reviewer sees what a change left out of the
 * gate. `undefined` when everything was read.
 */
export function exclusionSummary(result: ScanResult): string | undefined {
  const excluded = result.excluded ?? [];
  if (!excluded.length) return undefined;
  const by = new Map<string, number>();
  for (const x of excluded) by.set(x.reason, (by.get(x.reason) ?? 0) + 1);
  const parts = [...by].map(([reason, n]) => `${n} by ${exclusionLabel(reason)}`);
  return `${count(excluded.length, 'path')} not scanned (${parts.join(', ')})`;
}
