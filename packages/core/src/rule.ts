import { getConcern } from './concerns.js';
import { adrDefaults, type Expectations } from './config.js';
import type { Location } from './location.js';
import { isPriority, type Priority, type PrioritySpec } from './priority.js';
import { type FacetMap, type FacetName, FACET_NAMES, type Layer, LAYERS, layerOfFacet } from './snapshot/index.js';
import type { RuleSource } from './source.js';
import type { Evidence, Resource } from './verdict.js';

/** Where rule documentation lives; a rule's `docsUrl` is derived from its id unless a plugin sets one. */
export const DOCS_BASE_URL = 'https://github.com/coditect-ai/coditect-audit/blob/main/docs/rules/';

export interface Benchmark {
  /** e.g. "CIS GKE Benchmark 1.6", "CIS Kubernetes Benchmark 1.9", "Security Command Center". */
  standard: string;
  id: string;
  title?: string;
}

export interface Remediation {
  /** What to change, in a sentence or two. */
  text: string;
  /** The exact commands (or file changes) that fix it, in order. */
  commands?: string[];
}

type MessageData = Record<string, string | number | boolean>;

export interface FailReport<M extends string> {
  resource: Resource;
  messageId: M;
  data?: MessageData;
  location?: Location;
  relatedLocations?: Location[];
  evidence?: Evidence[];
  /** `low` when the rule infers rather than observes. Default `high`. */
  certainty?: 'high' | 'low';
  /** Separates two findings of one rule on one resource (e.g. two COPY lines). Must not contain a line number. */
  discriminator?: string;
}

/** A check that read its input but cannot decide from it: it names what it depends on. */
export interface UnknownReport<M extends string> {
  resource: Resource;
  messageId: M;
  data?: MessageData;
  location?: Location;
  relatedLocations?: Location[];
  evidence?: Evidence[];
  /** The inputs that could not be evaluated (`var.tier`, `google_kms_key_ring.r.id`); at least one. */
  dependsOn: string[];
  discriminator?: string;
}

export interface PassReport<M extends string> {
  resource: Resource;
  messageId?: M;
  data?: MessageData;
  location?: Location;
  evidence?: Evidence[];
  discriminator?: string;
}

export interface RuleEnvironment {
  name: string;
  tier?: string;
  expectations: Expectations;
}

export interface RuleContext<F extends FacetName, M extends string> {
  /** Data of a facet the rule declared; the engine only calls `check` when all of them were collected. */
  facet<K extends F>(name: K): FacetMap[K];
  /**
   * Data of a facet the rule declared in `optionalFacets`: `undefined` when its layer was collected but the
   * facet is absent (a CRD that is not installed means "none of these exist").
   */
  optionalFacet<K extends FacetName>(name: K): FacetMap[K] | undefined;
  env: RuleEnvironment;
  /**
   * The instant the data describes, for age checks ("a backup within 26 hours"): the engine's `now` option,
   * else the snapshot's `collectedAt`, else the clock. A replayed snapshot is judged as of its collection.
   */
  now: Date;
  fail(report: FailReport<M>): void;
  /** Cannot decide from what was read (never a fail, never a pass); gates only in a strict scan. */
  unknown(report: UnknownReport<M>): void;
  pass(report: PassReport<M>): void;
  /** Not applicable to this resource (or, without a resource, to this environment), with the reason. */
  skip(reason: string, resource?: Resource): void;
}

/**
 * What a view rule's check of one view item is given (`judgeItem` of `defineViewRule`): the source, the
 * environment and the reports; no facet, no clock. It may be run as the collector finishes the object the item
 * shows, before the rest is collected (item-judgements.ts), so it reads the item and the config alone.
 */
export interface ItemContext<M extends string = string>
  extends Pick<RuleContext<FacetName, M>, 'env' | 'fail' | 'unknown' | 'pass' | 'skip'> {
  source: string;
}

/** A view rule's check of one view item, for the sources it names (`defineViewRule`'s `judgeItem`). */
export interface ItemJudge {
  sources: readonly string[];
  judge(ctx: ItemContext, view: unknown): void;
}

export interface RuleDefinition<F extends FacetName = FacetName, M extends string = string> {
  /** Permanent kebab-case id; it is also the file name. Renamed rules keep the old id in `aliases`. */
  id: string;
  aliases?: string[];
  title: string;
  /** Concern keys from docs/design/adr-001-concerns.md. */
  concerns: string[];
  layer: Layer;
  /** Facets the rule reads; when one could not be collected the rule gets an `error` verdict. */
  facets: F[];
  /** Facets the rule reads when present; their absence (with their layer collected) is data, not a skip. */
  optionalFacets?: FacetName[];
  /**
   * A join across layers (the effective runtime user from Dockerfile to registry to pod, IaC drift...): its
   * facets may come from several layers, and `layer` names the primary one (where its finding is located).
   * It is checked only when every facet's layer was collected (skip otherwise, error when one failed).
   */
  crossLayer?: boolean;
  /** Default priority, with per-environment overrides. Defaults to the first concern's priority. */
  priority?: PrioritySpec | Priority;
  description: string;
  rationale: string;
  remediation: Remediation;
  benchmarks?: Benchmark[];
  /** Message templates keyed by message id; `{{name}}` is replaced from the report's data. */
  messages: Record<M, string>;
  /**
   * The rule judges a resource by a name ADR-001 gives (the key `license-signing-key`, the secret
   * `db-password-staging`, "a GKE cluster is declared"): with no config those names are assumed, so its
   * findings are reported with what was assumed and do not gate. Text: what is assumed, e.g. "the KMS key
   * name license-signing-key".
   */
  adrIdentity?: string;
  /**
   * The expectation fields that name that identity (`kms.keyRing`, `kms.key`; `a|b` when either names it).
   * A config that does not give every one of them leaves the name assumed, even when it names other things
   * (a project and a region): the findings are marked `assumed` and do not gate. Without this list the name
   * counts as assumed only when no config names any expectation.
   */
  adrIdentityFields?: string[];
  /** ADR section, when it differs from the concern catalog's (plugin rules for other ADRs). */
  adrSection?: string;
  docsUrl?: string;
  check(ctx: RuleContext<F, M>): void;
}

/** A rule after `defineRule`: metadata complete and validated. */
export interface Rule<F extends FacetName = FacetName, M extends string = string> extends RuleDefinition<F, M> {
  aliases: string[];
  /** A rule over a view (`defineViewRule`): the view kind and the sources it is judged on, one unit each. */
  view?: string;
  sources?: RuleSource[];
  /**
   * The check of one view item, for the sources whose verdicts for an item depend on that item alone (and on
   * the config): their check is this, item by item, and the engine may take what it said of an item judged as
   * the collector finished it (item-judgements.ts) instead of judging it again.
   */
  judgeItem?: ItemJudge;
  priority: PrioritySpec;
  benchmarks: Benchmark[];
  adrSection: string;
  docsUrl: string;
}

/** Serializable rule metadata, as reports carry it. */
export interface RuleMeta {
  id: string;
  aliases: string[];
  title: string;
  concerns: string[];
  layer: Layer;
  facets: string[];
  priority: PrioritySpec;
  description: string;
  rationale: string;
  remediation: Remediation;
  benchmarks: Benchmark[];
  adrSection: string;
  docsUrl: string;
  /** The sources of a rule over a view, each with the old per-layer id it continues. */
  sources?: { name: string; layer: Layer; alias?: string }[];
}

export class RuleDefinitionError extends Error {
  override name = 'RuleDefinitionError';
}

/** kebab-case, optionally `family.concern` (`sql.ssl-not-enforced`) for rules named after their concern. */
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$/;

/**
 * Validates a rule's metadata and fills what can be derived (docs URL, priority from its concern).
 * Throws `RuleDefinitionError` naming the rule and the field.
 */
export function defineRule<F extends FacetName, M extends string>(def: RuleDefinition<F, M>): Rule<F, M> {
  const where = `rule "${String(def?.id)}"`;
  const problem = (msg: string) => new RuleDefinitionError(`${where}: ${msg}`);
  if (!def || typeof def !== 'object') throw new RuleDefinitionError('a rule must be an object');
  if (typeof def.id !== 'string' || !ID.test(def.id))
    throw problem('id must be kebab-case (a-z, 0-9, -), optionally family.concern');
  for (const a of def.aliases ?? [])
    if (typeof a !== 'string' || !a) throw problem('aliases must be non-empty strings');
  for (const field of ['title', 'description', 'rationale'] as const) {
    if (typeof def[field] !== 'string' || !def[field].trim()) throw problem(`"${field}" must be a non-empty string`);
  }
  if (
    !Array.isArray(def.concerns) ||
    def.concerns.length === 0 ||
    def.concerns.some((c) => typeof c !== 'string' || !c)
  )
    throw problem('"concerns" must list at least one concern key');
  if (!(LAYERS as readonly string[]).includes(def.layer)) throw problem(`"layer" must be one of ${LAYERS.join(', ')}`);
  if (!Array.isArray(def.facets) || def.facets.length === 0) throw problem('"facets" must list the facets it reads');
  for (const f of [...def.facets, ...(def.optionalFacets ?? [])]) {
    if (!(FACET_NAMES as string[]).includes(f))
      throw problem(`unknown facet "${String(f)}" (known: ${FACET_NAMES.join(', ')})`);
    if (!def.crossLayer && layerOfFacet(f) !== def.layer)
      throw problem(`facet "${f}" is not in layer "${def.layer}" (a join across layers declares crossLayer: true)`);
  }
  if (def.crossLayer && !def.facets.some((f) => layerOfFacet(f) === def.layer))
    throw problem(`a crossLayer rule reads at least one facet of its primary layer "${def.layer}"`);
  if (!def.remediation || typeof def.remediation.text !== 'string' || !def.remediation.text.trim())
    throw problem('"remediation.text" must be a non-empty string');
  const unknownPlaceholders = unknownRemediationPlaceholders(def.remediation);
  if (unknownPlaceholders.length)
    throw problem(
      `remediation names ${unknownPlaceholders.map((n) => `{{${n}}}`).join(', ')}, which is not a field of the expectations`,
    );
  if (!def.messages || typeof def.messages !== 'object' || Object.keys(def.messages).length === 0)
    throw problem('"messages" must hold at least one message template');
  if (typeof def.check !== 'function') throw problem('"check" must be a function');

  const concern = getConcern(def.concerns[0] as string);
  let priority: PrioritySpec;
  if (def.priority === undefined) {
    if (!concern) throw problem(`no "priority" given and concern "${def.concerns[0]}" is not in the catalog`);
    priority = concern.priority;
  } else if (typeof def.priority === 'string') {
    if (!isPriority(def.priority)) throw problem('"priority" must be P0, P1 or P2');
    priority = { default: def.priority };
  } else {
    if (!isPriority(def.priority.default)) throw problem('"priority.default" must be P0, P1 or P2');
    for (const [env, p] of Object.entries(def.priority.environments ?? {}))
      if (!isPriority(p)) throw problem(`"priority.environments.${env}" must be P0, P1 or P2`);
    priority = def.priority;
  }
  const adrSection = def.adrSection ?? concern?.adrSection;
  if (!adrSection) throw problem(`concern "${def.concerns[0]}" is not in the catalog: give "adrSection"`);

  return {
    ...def,
    aliases: def.aliases ?? [],
    priority,
    benchmarks: def.benchmarks ?? [],
    adrSection,
    docsUrl: def.docsUrl ?? `${DOCS_BASE_URL}${def.id}.md`,
  };
}

export function ruleMeta(rule: Rule): RuleMeta {
  return {
    id: rule.id,
    aliases: rule.aliases,
    title: rule.title,
    concerns: rule.concerns,
    layer: rule.layer,
    facets: rule.facets,
    priority: rule.priority,
    description: rule.description,
    rationale: rule.rationale,
    remediation: rule.remediation,
    benchmarks: rule.benchmarks,
    adrSection: rule.adrSection,
    docsUrl: rule.docsUrl,
    ...(rule.sources
      ? { sources: rule.sources.map((s) => ({ name: s.name, layer: s.layer, ...(s.alias ? { alias: s.alias } : {}) })) }
      : {}),
  };
}

/** `{{database.instance}}`; `${{ github.sha }}` (a GitHub Actions expression in a workflow snippet) is not one. */
const PLACEHOLDER = /(?<!\$)\{\{\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*\}\}/g;

/** The string an expectations path names (`project`, `database.instance`, `app.namespace`), else undefined. */
function expectationAt(e: Expectations, path: string): string | undefined {
  let node: unknown = e;
  for (const key of path.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The placeholders of a remediation that name no string of the expectations (a typo in a rule). */
export function unknownRemediationPlaceholders(r: Remediation): string[] {
  const adr = adrDefaults();
  const names = [r.text, ...(r.commands ?? [])].flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!));
  return [...new Set(names.filter((n) => expectationAt(adr, n) === undefined))];
}

/**
 * A remediation template filled from the environment's expectations: `{{project}}`, `{{region}}`,
 * `{{database.instance}}`, `{{redis.instance}}`, `{{kms.keyRing}}`, `{{app.namespace}}`... any string field of
 * `Expectations` by its path. With no config the expectations are ADR-001's, and reports say those names
 * are assumed.
 */
export function fillRemediation(r: Remediation, e: Expectations): Remediation {
  const fill = (t: string) => t.replace(PLACEHOLDER, (m, path: string) => expectationAt(e, path) ?? m);
  return { text: fill(r.text), ...(r.commands ? { commands: r.commands.map(fill) } : {}) };
}

/**
 * A rule's remediation as this scan's user should run it: its placeholders filled (`fillRemediation`), and
 * in the rules not yet written as templates, ADR-001's names in the commands and text
 * (`coditect-cloud-infra`, `us-central1`, `coditect-db`, the image path...) replaced by the names the
 * expectations give. With ADR-001's own expectations it is unchanged.
 */
export function personalizeRemediation(template: Remediation, e: Expectations): Remediation {
  const remediation = fillRemediation(template, e);
  const adr = adrDefaults();
  const email = (signer: string) => signer.replace(/^serviceAccount:/, '');
  const pairs: [string, string][] = [
    [adr.app.image, e.app.image],
    [email(adr.kms.signer), email(e.kms.signer)],
    [
      `${adr.project}.svc.id.goog[${adr.app.namespace}/${adr.app.serviceAccount}]`,
      `${e.project}.svc.id.goog[${e.app.namespace}/${e.app.serviceAccount}]`,
    ],
    [adr.registry.host, e.registry.host],
    [adr.redis.instance, e.redis.instance],
    [adr.kms.keyRing, e.kms.keyRing],
    [adr.kms.key, e.kms.key],
    [adr.domain, e.domain],
    [adr.project, e.project],
    [adr.region, e.region],
    [adr.database.instance, e.database.instance],
    [`-n ${adr.app.namespace}`, `-n ${e.app.namespace}`],
    [`deployment/${adr.app.deployment}`, `deployment/${e.app.deployment}`],
  ];
  const changed = pairs.filter(([from, to]) => from !== to).sort(([a], [b]) => b.length - a.length);
  if (changed.length === 0) return remediation;
  // One pass with placeholders, so a replacement is never replaced again.
  const swap = (text: string): string => {
    let out = text;
    changed.forEach(([from], i) => {
      out = out.split(from).join(`\uE000${i}\uE001`);
    });
    return out.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => changed[Number(i)]![1]);
  };
  return {
    text: swap(remediation.text),
    ...(remediation.commands ? { commands: remediation.commands.map(swap) } : {}),
  };
}

/** `{{name}}` → data.name; unknown placeholders stay visible so a missing datum is noticed in tests. */
export function renderMessage(template: string, data: MessageData | undefined): string {
  const t = compiledTemplate(template);
  if (t.names.length === 0) return template;
  let out = t.texts[0]!;
  for (let i = 0; i < t.names.length; i++) {
    const k = t.names[i]!;
    out += (data && k in data ? String(data[k]) : t.placeholders[i]!) + t.texts[i + 1]!;
  }
  return out;
}

/** A template split once at its placeholders: texts around them, each placeholder's name and its text as written. */
interface CompiledTemplate {
  texts: string[];
  names: string[];
  placeholders: string[];
}

// Rule templates are few and rendered once per verdict (tens of thousands in a large scan): split each once.
// Bounded, since any string may be rendered.
const COMPILED = new Map<string, CompiledTemplate>();
const COMPILED_MAX = 4096;

function compiledTemplate(template: string): CompiledTemplate {
  let t = COMPILED.get(template);
  if (t) return t;
  t = { texts: [], names: [], placeholders: [] };
  const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
  let from = 0;
  for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
    t.texts.push(template.slice(from, m.index));
    t.names.push(m[1]!);
    t.placeholders.push(m[0]);
    from = m.index + m[0].length;
  }
  t.texts.push(template.slice(from));
  if (COMPILED.size < COMPILED_MAX) COMPILED.set(template, t);
  return t;
}

/** Rejects duplicate ids and aliases across a rule set (built-in plus plugins). */
export function assertUniqueIds(rules: readonly Rule[]): void {
  const seen = new Map<string, string>();
  for (const r of rules) {
    for (const name of [r.id, ...r.aliases]) {
      const prior = seen.get(name);
      if (prior) throw new RuleDefinitionError(`rule id "${name}" of rule "${r.id}" clashes with rule "${prior}"`);
      seen.set(name, r.id);
    }
  }
}
