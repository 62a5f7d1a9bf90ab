/**
 * The scan result: everything reporters need, as plain data with a published JSON Schema
 * (schemas/scan-result-v1.json). Reporters are pure functions of it.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';
import { applyBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { type ConfigSuppression, ConfigError, DEFAULT_FAIL_ON, type Expectations, type FailOn } from './config.js';
import { declarationIndex, locateByDeclaration } from './declarations.js';
import { evaluateRules, type JudgedItems } from './engine.js';
import { evaluateGate, type GateResult } from './gate.js';
import { type Location, LocationSchema } from './location.js';
import { type PassSet, passSetRuleId, passVerdicts } from './passes.js';
import { PRIORITIES, type Priority, PrioritySchema, PrioritySpecSchema } from './priority.js';
import { personalizeRemediation, type Rule, type RuleMeta, ruleMeta } from './rule.js';
import {
  type ExcludedPath,
  ExcludedPathSchema,
  type InlineIgnore,
  type Layer,
  type LayerState,
  LayerStateSchema,
  type Snapshot,
} from './snapshot/index.js';
import { applySuppressions, type SuppressionReport } from './suppressions.js';
import { type Verdict, VERDICT_STATUSES, VerdictSchema } from './verdict.js';

export const RESULT_SCHEMA_VERSION = 1;

export interface ScanResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  environment: {
    name: string;
    tier?: string;
    /** The config file and the line of this environment's entry: the location of last resort. */
    configFile?: string;
    configLine?: number;
  };
  root: string;
  /**
   * Set when no config named the expectations: the ADR-001 names the scan judged by (first line of every
   * report). Findings that depend on them carry `assumed` and do not gate.
   */
  assumptions?: Assumptions;
  /** The ADR document and the line of each section, for locating findings that no file declares. */
  adr?: { file: string; sections: Record<string, number> };
  layers: Partial<Record<Layer, LayerState>>;
  /** Files and folders of the scanned directory that were not read, and why; every report lists them. */
  excluded: ExcludedPath[];
  rules: ScannedRule[];
  /**
   * The verdicts. Passes are here only when asked for (`includePasses`); otherwise they are in `passes`,
   * compact: read every verdict with `allVerdicts(result)`.
   */
  verdicts: Verdict[];
  /** Passes per rule run, compact (see passes.ts); the JSON report lists them among the verdicts. */
  passes?: PassSet[];
  suppressions: SuppressionReport;
  baseline?: { file: string; fixed: BaselineEntry[] };
  gate: GateResult;
  summary: Summary;
  timestamps?: { startedAt: string; finishedAt: string };
}

/** A rule of the scan, with the priority it weighs at here. */
export interface ScannedRule extends RuleMeta {
  /** Its priority spec resolved for the environment and tier, with the config's per-rule override applied. */
  resolvedPriority: Priority;
}

export interface Assumptions {
  /** One line for the top of a report. */
  banner: string;
  /** The assumed names, e.g. `project: coditect-cloud-infra`. */
  names: string[];
}

/** What a scan without config assumes: ADR-001's names, listed so the first line of a report can say so. */
export function assumptionsOf(e: Expectations): Assumptions {
  const names = [
    `project ${e.project}`,
    `region ${e.region}`,
    `namespace ${e.app.namespace}`,
    `deployment ${e.app.deployment}`,
    `KMS key ${e.kms.keyRing}/${e.kms.key}`,
    `secrets ${e.secretManager.secrets.join(', ')}`,
    `Cloud SQL ${e.database.instance}`,
    `Redis ${e.redis.instance}`,
  ];
  return {
    banner: `No coditect-audit.yaml: judged against ADR-001's assumed names (${names.join('; ')}). Findings about those names do not gate; run \`coditect-audit init\` to name your own.`,
    names,
  };
}

export interface Summary {
  byStatus: Record<Verdict['status'] | 'suppressed', number>;
  byPriority: Record<
    Priority,
    { fail: number; error: number; unknown: number; pass: number; skip: number; suppressed: number }
  >;
}

export function summarize(verdicts: readonly Verdict[], passes: readonly PassSet[] = []): Summary {
  const byStatus = { fail: 0, error: 0, unknown: 0, pass: 0, skip: 0, suppressed: 0 };
  const byPriority = Object.fromEntries(
    PRIORITIES.map((p) => [p, { fail: 0, error: 0, unknown: 0, pass: 0, skip: 0, suppressed: 0 }]),
  ) as Summary['byPriority'];
  // Indexed: a for-of allocates an iterator result per verdict until the loop is optimized (runs once).
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    const key = v.status === 'fail' && v.suppression ? 'suppressed' : v.status;
    byStatus[key]++;
    byPriority[v.priority][key]++;
  }
  for (const set of passes) {
    byStatus.pass += set.passes.length;
    byPriority[set.priority].pass += set.passes.length;
  }
  return { byStatus, byPriority };
}

export interface EvaluateOptions {
  environment: string;
  tier?: string;
  expectations: Expectations;
  ruleOverrides?: Record<string, Priority | 'off'>;
  /** The gate's threshold; default `DEFAULT_FAIL_ON` (P0). */
  failOn?: FailOn;
  allowIncomplete: boolean;
  /** Undecided checks gate (`--strict`). */
  strict?: boolean;
  /** No config named the expectations: ADR-001's names are assumed (and said so in every report). */
  assumedExpectations?: boolean;
  /** The expectation fields the config gives (`givenExpectationFields`): the others are ADR-001's, assumed. */
  expectationsGiven?: readonly string[];
  suppressions?: ConfigSuppression[];
  configFile?: string;
  configLine?: number;
  baseline?: { file: string; baseline: Baseline };
  adr?: { file: string; sections: Record<string, number> };
  /** YYYY-MM-DD for suppression expiry; defaults to today (UTC). */
  today?: string;
  /** The instant rules judge ages against (RFC 3339); default the snapshot's `collectedAt`, else the clock. */
  now?: string;
  toolVersion: string;
  /** Expectations of fleet targets that have their own, by target name. */
  targetExpectations?: Record<string, Expectations>;
  /** Items judged as the collector finished their objects (`ItemJudgements`): the engine takes what holds. */
  judgedItems?: JudgedItems;
  /** Gate only on these fleet targets (`gate.targets`, `--fail-on-target`); default all. */
  gateTargets?: string[];
  timestamps?: { startedAt: string; finishedAt: string };
  /**
   * Every pass as a full verdict in `verdicts` (`--include-passes`). Default: passes stay compact in
   * `passes`, and a report that lists them builds each when it writes it.
   */
  includePasses?: boolean;
}

/** Every inline ignore directive found in the snapshot's files. */
export function inlineIgnoresOf(snapshot: Snapshot): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  for (const facet of Object.values(snapshot.facets)) {
    if (facet?.status !== 'ok') continue;
    const files = (facet.data as { files?: { ignores?: InlineIgnore[] }[] }).files;
    if (!Array.isArray(files)) continue;
    for (const f of files) out.push(...(f.ignores ?? []));
  }
  // The same file can be read by two facets (e.g. a workflow is also YAML): count each directive once.
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = `${i.file}:${i.line}:${i.ruleId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Snapshot + rules → the whole scan result. Pure. */
export function evaluate(snapshot: Snapshot, rules: readonly Rule[], o: EvaluateOptions): ScanResult {
  const run = evaluateRules(snapshot, rules, {
    environment: o.environment,
    ...(o.tier ? { tier: o.tier } : {}),
    expectations: o.expectations,
    ...(o.ruleOverrides ? { ruleOverrides: o.ruleOverrides } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(o.assumedExpectations ? { assumedExpectations: true } : {}),
    ...(o.expectationsGiven ? { expectationsGiven: o.expectationsGiven } : {}),
    ...(o.targetExpectations ? { targetExpectations: o.targetExpectations } : {}),
    ...(o.judgedItems ? { judgedItems: o.judgedItems } : {}),
  });
  const verdicts = o.includePasses ? [...run.verdicts, ...passVerdicts(run.passes)] : run.verdicts;
  const passes = o.includePasses ? [] : run.passes;
  // Before suppressions: an inline ignore beside the declaring manifest applies to the live finding too.
  let index: Map<string, Location> | undefined;
  const declarations = () => (index ??= declarationIndex(snapshot, o.expectations.app.namespace));
  locateByDeclaration(verdicts, declarations);
  for (const set of passes) locateByDeclaration(set.passes, declarations);
  const suppressions = applySuppressions({
    verdicts,
    rules,
    config: o.suppressions ?? [],
    configFile: o.configFile ?? 'coditect-audit.yaml',
    inline: inlineIgnoresOf(snapshot),
    today: o.today ?? new Date().toISOString().slice(0, 10),
  });
  const fixed = o.baseline ? applyBaseline(verdicts, o.baseline.baseline) : undefined;
  const known = new Set((snapshot.targets ?? []).map((t) => t.name));
  const unknownTarget = (o.gateTargets ?? []).find((t) => !known.has(t));
  if (unknownTarget !== undefined)
    throw new ConfigError(
      `gate target "${unknownTarget}" is not a target of this scan; name one of: ${[...known].sort().join(', ') || '(no fleet targets)'}`,
    );
  // Records on each verdict whether it gates (`gate`), so reporters read it rather than work it out.
  const gate = evaluateGate(verdicts, o.failOn ?? DEFAULT_FAIL_ON, o.allowIncomplete, {
    strict: o.strict ?? false,
    ...(o.gateTargets ? { targets: o.gateTargets } : {}),
  });
  // Indexed, into the set directly: no copy of the verdicts' rule ids (tens of thousands in a large scan).
  const ran = new Set<string>();
  for (let i = 0; i < verdicts.length; i++) ran.add(verdicts[i]!.ruleId);
  for (const set of passes) ran.add(passSetRuleId(set));
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: o.toolVersion },
    environment: {
      name: o.environment,
      ...(o.tier ? { tier: o.tier } : {}),
      ...(o.configFile ? { configFile: o.configFile } : {}),
      ...(o.configLine ? { configLine: o.configLine } : {}),
    },
    root: snapshot.root,
    ...(o.assumedExpectations ? { assumptions: assumptionsOf(o.expectations) } : {}),
    ...(o.adr ? { adr: o.adr } : {}),
    layers: snapshot.layers,
    excluded: snapshot.excluded ?? [],
    rules: rules
      .filter((r) => ran.has(r.id))
      .map((r) => ({
        ...ruleMeta(r),
        remediation: personalizeRemediation(r.remediation, o.expectations),
        resolvedPriority: run.priorities.get(r.id)!,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    verdicts,
    ...(passes.length ? { passes } : {}),
    suppressions,
    ...(o.baseline && fixed ? { baseline: { file: o.baseline.file, fixed } } : {}),
    gate,
    summary: summarize(verdicts, passes),
    ...(o.timestamps ? { timestamps: o.timestamps } : {}),
  };
}

const Count = lazySchema(() => Type.Integer({ minimum: 0 }));
const SuppressionEntrySchema = lazySchema(() =>
  Type.Object({
    kind: Type.Union([Type.Literal('config'), Type.Literal('inline')]),
    rule: Type.String(),
    resource: Type.Optional(Type.String()),
    reason: Type.String(),
    expires: Type.Optional(Type.String()),
    source: Type.String(),
  }),
);

/** JSON Schema of the JSON report (`--format json`). */
export const ScanResultSchema = lazySchema(() =>
  Type.Object(
    {
      schemaVersion: Type.Literal(RESULT_SCHEMA_VERSION),
      tool: Type.Object({ name: Type.String(), version: Type.String() }),
      environment: Type.Object({
        name: Type.String(),
        tier: Type.Optional(Type.String()),
        configFile: Type.Optional(Type.String()),
        configLine: Type.Optional(Type.Integer({ minimum: 1 })),
      }),
      root: Type.String(),
      assumptions: Type.Optional(Type.Object({ banner: Type.String(), names: Type.Array(Type.String()) })),
      adr: Type.Optional(
        Type.Object({ file: Type.String(), sections: Type.Record(Type.String(), Type.Integer({ minimum: 1 })) }),
      ),
      layers: Type.Record(Type.String(), LayerStateSchema),
      excluded: Type.Array(ExcludedPathSchema),
      rules: Type.Array(
        Type.Object({
          id: Type.String(),
          aliases: Type.Array(Type.String()),
          title: Type.String(),
          concerns: Type.Array(Type.String()),
          layer: Type.String(),
          facets: Type.Array(Type.String()),
          priority: PrioritySpecSchema,
          description: Type.String(),
          rationale: Type.String(),
          remediation: Type.Object({ text: Type.String(), commands: Type.Optional(Type.Array(Type.String())) }),
          benchmarks: Type.Array(
            Type.Object({ standard: Type.String(), id: Type.String(), title: Type.Optional(Type.String()) }),
          ),
          adrSection: Type.String(),
          docsUrl: Type.String(),
          resolvedPriority: PrioritySchema,
        }),
      ),
      verdicts: Type.Array(VerdictSchema),
      suppressions: Type.Object({
        unused: Type.Array(SuppressionEntrySchema),
        expired: Type.Array(SuppressionEntrySchema),
      }),
      baseline: Type.Optional(
        Type.Object({
          file: Type.String(),
          fixed: Type.Array(
            Type.Object({ fingerprint: Type.String(), ruleId: Type.String(), resource: Type.String() }),
          ),
        }),
      ),
      gate: Type.Object({
        failOn: Type.Union([PrioritySchema, Type.Literal('none')]),
        status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('incomplete')]),
        exitCode: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
        failing: Count,
        incomplete: Count,
        unknown: Count,
        allowIncomplete: Type.Boolean(),
        strict: Type.Boolean(),
        targets: Type.Optional(Type.Array(Type.String())),
      }),
      summary: Type.Object({
        byStatus: Type.Object(Object.fromEntries([...VERDICT_STATUSES, 'suppressed'].map((s) => [s, Count]))),
        byPriority: Type.Object(
          Object.fromEntries(
            PRIORITIES.map((p) => [
              p,
              Type.Object(Object.fromEntries([...VERDICT_STATUSES, 'suppressed'].map((s) => [s, Count]))),
            ]),
          ),
        ),
      }),
      timestamps: Type.Optional(Type.Object({ startedAt: Type.String(), finishedAt: Type.String() })),
    },
    { $id: 'https://coditect.ai/schemas/coditect-audit/scan-result-v1.json', title: 'coditect-audit scan result' },
  ),
);
export type ScanResultJson = Static<typeof ScanResultSchema>;
export { LocationSchema };
