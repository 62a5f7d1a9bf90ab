/**
 * Passes, compact. Three verdicts in four are passes; each used to carry a rendered message and a hashed
 * fingerprint that no gate, baseline or suppression reads. The engine now keeps, per rule run (a rule, and
 * the fleet targets it ran for), the pass reports the rule gave, as given; a full pass verdict is built only
 * when a report lists it (`passVerdicts`, `allVerdicts`), one at a time, and is then exactly the verdict the
 * engine used to store (same message, same fingerprint).
 */
import { plainObjectMaker } from './plain-objects.js';
import type { Priority } from './priority.js';
import { type PassReport, renderMessage } from './rule.js';
import { fingerprintOf, fingerprintOfText, type Verdict } from './verdict.js';

/** The passes of one rule run: what a pass verdict needs besides the report the rule gave. */
export interface PassSet {
  ruleId: string;
  /** The rule's resolved priority (config overrides applied), as its verdicts carry it. */
  priority: Priority;
  concerns: string[];
  /** For the default message, `<title>: holds.` */
  title: string;
  /** The rule's message templates, for a pass that names a message id. */
  messages: Readonly<Record<string, string>>;
  /** The fleet targets of this run; absent for what belongs to the environment as a whole. */
  targets?: string[];
  /**
   * A rule judged per source (source.ts): `ruleId` above is the source's fingerprint id (its old per-layer id),
   * and its pass verdicts carry the rule's own id and the source's name, as `stampSource` does for the others.
   */
  stamp?: { ruleId: string; source: string; alias?: string };
  /** One per resource (and discriminator) that passed, collapsed like verdicts: a worse verdict of the same key wins. */
  passes: PassReport<string>[];
}

/** The rule id a set's pass verdicts carry (the rule's own, for one source of a rule judged per source). */
export function passSetRuleId(set: PassSet): string {
  return set.stamp?.ruleId ?? set.ruleId;
}

/**
 * What every pass verdict of a set shares, worked out once per set (a set holds up to thousands of passes):
 * the rule id it carries, its default message, and the start of the text its fingerprint hashes. Kept with the
 * members it was worked out from, and worked out again if the set now holds others (a library caller may change
 * a result between two reports; an object or array changed in place is not seen, as nowhere a report reads one).
 */
interface SetShared {
  from: { ruleId: string; title: string; stamp: PassSet['stamp'] | undefined; targets: string[] | undefined };
  ruleId: string;
  holds: string;
  /** `<ruleId>\0<targets joined by \0>\0` for a set with targets: the fingerprint of the pass's own follows. */
  targetsHead: string | undefined;
}
const SHARED = new WeakMap<PassSet, SetShared>();

function sharedOf(set: PassSet): SetShared {
  const known = SHARED.get(set);
  if (
    known !== undefined &&
    known.from.ruleId === set.ruleId &&
    known.from.title === set.title &&
    known.from.stamp === set.stamp &&
    known.from.targets === set.targets
  )
    return known;
  const shared: SetShared = {
    from: { ruleId: set.ruleId, title: set.title, stamp: set.stamp, targets: set.targets },
    ruleId: set.stamp ? set.stamp.ruleId : set.ruleId,
    holds: `${set.title}: holds.`,
    targetsHead: set.targets ? `${set.ruleId}\u0000${set.targets.join('\u0000')}\u0000` : undefined,
  };
  SHARED.set(set, shared);
  return shared;
}

// A pass verdict has up to 15 members: made with room for all of them (no property array of its own).
const newPassVerdict = plainObjectMaker<Verdict>(15);

/**
 * The pass verdict of one report of a set: built on demand, never stored by the engine. Its members are set
 * in code-unit order of their keys, the order the JSON report writes them in, so the report writes it as it
 * is rather than copy it in that order (reporters' json.ts); optional ones in their place (a few shapes only).
 */
export function passVerdict(set: PassSet, r: PassReport<string>): Verdict {
  const shared = sharedOf(set);
  const template = r.messageId === undefined ? undefined : set.messages[r.messageId];
  const own = fingerprintOf(set.ruleId, r.resource.id, r.discriminator);
  const stamp = set.stamp;
  const v = newPassVerdict();
  if (stamp?.alias) v.alias = stamp.alias;
  v.certainty = 'high';
  v.concerns = set.concerns;
  if (r.data) v.data = r.data;
  v.evidence = r.evidence ?? [];
  // As `fingerprintOf(ruleId, <targets>\0<own>)` hashes it (no discriminator: a trailing \0).
  v.fingerprint = shared.targetsHead === undefined ? own : fingerprintOfText(`${shared.targetsHead}${own}\u0000`);
  if (r.location) v.location = r.location;
  v.message = template === undefined ? shared.holds : renderMessage(template, r.data);
  v.messageId = r.messageId ?? 'pass';
  v.priority = set.priority;
  v.resource = r.resource;
  v.ruleId = shared.ruleId;
  if (stamp) v.source = stamp.source;
  v.status = 'pass';
  if (set.targets) v.targets = set.targets;
  return v;
}

/** Every pass verdict of the sets, built one at a time. */
export function* passVerdicts(sets: readonly PassSet[] | undefined): Generator<Verdict> {
  for (const set of sets ?? []) for (const r of set.passes) yield passVerdict(set, r);
}

/** What holds passes: a scan result, or the engine's run. */
export interface WithPasses {
  verdicts: readonly Verdict[];
  passes?: readonly PassSet[];
}

/** Every verdict, passes included (built on demand): the stored verdicts first, then the compact passes. */
export function* allVerdicts(result: WithPasses): Generator<Verdict> {
  yield* result.verdicts;
  yield* passVerdicts(result.passes);
}

/** How many passes the compact sets hold. */
export function compactPassCount(result: WithPasses): number {
  let n = 0;
  for (const set of result.passes ?? []) n += set.passes.length;
  return n;
}
