/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run, one result per failing finding
 * that has a place in the repository, errors as tool execution notifications.
 *
 * Priority mapping (kept in line with the CLI gate, so a ruleset blocking on "critical" blocks on P0):
 *
 * | priority | `level`   | `security-severity` | GitHub severity |
 * |----------|-----------|---------------------|-----------------|
 * | P0       | `error`   | 9.5                 | critical        |
 * | P1       | `error`   | 8.0                 | high            |
 * | P2       | `warning` | 5.5                 | medium          |
 *
 * P1 is `error` as well: the ADR says "do before production", which is an error in a production gate.
 */
import { once } from 'node:events';
import { createGzip, gzipSync } from 'node:zlib';
import {
  type Location,
  PRIORITIES,
  type Priority,
  type ScannedRule,
  type ScanResult,
  type Verdict,
} from '@coditect-audit/core';
import {
  clip,
  compareByPriority,
  count,
  type PlacedLocation,
  placeFinding,
  pascalCase,
  rulesById,
  sortedVerdicts,
} from './common.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/coditect-ai/coditect-audit';
/** The `partialFingerprints` key: versioned, so a change of scheme never matches old alerts by accident. */
export const FINGERPRINT_KEY = 'coditectFinding/v1';
/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;
/** GitHub code scanning rejects a file larger than 10 MB after gzip. */
export const SARIF_MAX_GZIP_BYTES = 10_000_000;
/** GitHub shows at most 10 of a rule's tags and rejects more than 20. */
const MAX_TAGS = 20;
/** GitHub's limits on description lengths. */
const MAX_DESCRIPTION = 1024;
const MAX_NAME = 255;
/** GitHub rejects a result with more than 1,000 locations. */
const MAX_RELATED_LOCATIONS = 1000;

export const SARIF_LEVEL: Readonly<Record<Priority, 'error' | 'warning'>> = { P0: 'error', P1: 'error', P2: 'warning' };
export const SECURITY_SEVERITY: Readonly<Record<Priority, string>> = { P0: '9.5', P1: '8.0', P2: '5.5' };

export interface SarifOptions {
  /** Also emit suppressed findings, with SARIF `suppressions` (GitHub ignores them and would open alerts). */
  includeSuppressed?: boolean;
  /** Results kept at most (highest priorities first). Default 25,000, GitHub's limit. */
  maxResults?: number;
  /** gzip size the file must stay under. Default 10 MB, GitHub's limit. */
  maxGzipBytes?: number;
}

// ---------------------------------------------------------------- the SARIF subset we write

interface SarifMessage {
  text: string;
}
interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region: SarifRegion;
}
interface SarifLocation {
  id?: number;
  physicalLocation: SarifPhysicalLocation;
}
type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };
type PropertyBag = { [key: string]: PropertyValue };

interface SarifReportingDescriptor {
  id: string;
  deprecatedIds?: string[];
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' };
  properties: PropertyBag;
}

interface SarifSuppression {
  kind: 'external' | 'inSource';
  status: 'accepted';
  justification: string;
  properties: PropertyBag;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState?: 'new' | 'unchanged';
  suppressions?: SarifSuppression[];
  properties: PropertyBag;
}

interface SarifNotification {
  level: 'error' | 'warning' | 'note';
  message: SarifMessage;
  descriptor: { id: string };
  associatedRule?: { id: string; index: number };
  locations?: SarifLocation[];
  properties?: PropertyBag;
}

interface SarifInvocation {
  executionSuccessful: boolean;
  exitCode: number;
  exitCodeDescription: string;
  startTimeUtc?: string;
  endTimeUtc?: string;
  toolExecutionNotifications?: SarifNotification[];
  toolConfigurationNotifications?: SarifNotification[];
  properties: PropertyBag;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version: string;
          semanticVersion?: string;
          informationUri: string;
          rules: SarifReportingDescriptor[];
        };
      };
      automationDetails: { id: string };
      invocations: [SarifInvocation];
      results: SarifResult[];
      properties: PropertyBag;
    },
  ];
}

// ---------------------------------------------------------------- helpers

/**
 * A repository-relative path as a URI reference: forward slashes, no leading `./`, each segment
 * percent-encoded (so spaces, `#`, `%` or a `:` in the first segment cannot break it). Empty → undefined.
 */
export function pathToUri(file: string): string | undefined {
  const normalized = file
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
  if (!normalized.trim()) return undefined;
  return normalized
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function positive(n: number | undefined): number | undefined {
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return Math.max(1, Math.trunc(n));
}

function physicalLocation(loc: Location): SarifPhysicalLocation | undefined {
  const uri = pathToUri(loc.file);
  if (!uri) return undefined;
  const region: SarifRegion = { startLine: positive(loc.startLine) ?? 1 };
  const startColumn = positive(loc.startColumn);
  const endLine = positive(loc.endLine);
  const endColumn = positive(loc.endColumn);
  if (startColumn !== undefined) region.startColumn = startColumn;
  if (endLine !== undefined) region.endLine = endLine;
  if (endColumn !== undefined) region.endColumn = endColumn;
  return { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region };
}

/** The URL in its normalized form (spaces and the like percent-encoded), or undefined when it is not one. */
function asUrl(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/** A code fence longer than any run of backticks in the content. */
function fenceFor(content: string): string {
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function nonEmpty(text: string | undefined, fallback: string): string {
  return text?.trim() ? text : fallback;
}

/** A descriptor for a rule the result lists, or (defensively) one only named by its verdicts. */
function ruleDescriptor(rule: ScannedRule, lowCertaintyRules: ReadonlySet<string>): SarifReportingDescriptor {
  const priority = rule.resolvedPriority;
  const title = nonEmpty(rule.title, rule.id);
  const description = nonEmpty(rule.description, title);
  const commands = rule.remediation.commands ?? [];
  const concerns = rule.concerns.filter(Boolean);
  const lowCertainty = lowCertaintyRules.has(rule.id);
  const helpUri = asUrl(rule.docsUrl);

  const textParts = [description];
  if (rule.rationale) textParts.push(`Why it matters (ADR section ${rule.adrSection}): ${rule.rationale}`);
  if (rule.remediation.text) textParts.push(`How to fix: ${rule.remediation.text}`);
  if (commands.length) textParts.push(commands.map((c) => `    ${c}`).join('\n'));
  textParts.push(
    `Concerns: ${concerns.join(', ') || 'none'}. Priority: ${priority}.${helpUri ? ` Documentation: ${helpUri}` : ''}`,
  );

  const mdParts = [description];
  if (rule.rationale) mdParts.push(`**Why it matters (ADR section ${rule.adrSection}):** ${rule.rationale}`);
  if (rule.remediation.text) mdParts.push(`**How to fix:** ${rule.remediation.text}`);
  if (commands.length) {
    const body = commands.join('\n');
    const fence = fenceFor(body);
    mdParts.push(`${fence}\n${body}\n${fence}`);
  }
  const concernList = concerns.map((c) => `\`${c}\``).join(', ') || 'none';
  mdParts.push(
    `Concerns: ${concernList} · Priority: ${priority}${helpUri ? ` · [Rule documentation](<${helpUri}>)` : ''}`,
  );

  const tags = [...new Set(['security', priority, `layer:${rule.layer}`, ...concerns])].slice(0, MAX_TAGS);
  const properties: PropertyBag = {
    tags,
    'security-severity': SECURITY_SEVERITY[priority],
    precision: lowCertainty ? 'medium' : 'high',
    priority,
    concerns,
    layer: rule.layer,
    adrSection: rule.adrSection,
  };
  if (rule.benchmarks.length) {
    properties.benchmarks = rule.benchmarks.map((b) => ({
      standard: b.standard,
      id: b.id,
      ...(b.title ? { title: b.title } : {}),
    }));
  }
  return {
    id: rule.id,
    ...(rule.aliases.length ? { deprecatedIds: [...new Set(rule.aliases)] } : {}),
    name: clip(pascalCase(rule.id) || rule.id, MAX_NAME),
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(description, MAX_DESCRIPTION) },
    help: { text: textParts.join('\n\n'), markdown: mdParts.join('\n\n') },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[priority] },
    properties,
  };
}

/** Rule metadata for a rule id that verdicts name but the result's rule list lacks. */
function placeholderRule(v: Verdict): ScannedRule {
  return {
    id: v.ruleId,
    aliases: [],
    title: v.ruleId,
    concerns: v.concerns,
    layer: 'files',
    facets: [],
    priority: { default: v.priority },
    resolvedPriority: v.priority,
    description: v.ruleId,
    rationale: '',
    remediation: { text: '' },
    benchmarks: [],
    adrSection: '',
    docsUrl: '',
  };
}

function evidenceOf(v: Verdict): PropertyValue {
  return v.evidence.map((e) => {
    const out: PropertyBag = { path: e.path, observed: e.observed };
    if (e.expected !== undefined) out.expected = e.expected;
    if (e.location) out.location = locationBag(e.location);
    return out;
  });
}

function locationBag(loc: Location): PropertyBag {
  const out: PropertyBag = { file: loc.file, startLine: loc.startLine };
  if (loc.startColumn !== undefined) out.startColumn = loc.startColumn;
  if (loc.endLine !== undefined) out.endLine = loc.endLine;
  if (loc.endColumn !== undefined) out.endColumn = loc.endColumn;
  return out;
}

function resourceBag(v: Verdict): PropertyBag {
  const r = v.resource;
  const out: PropertyBag = { id: r.id, kind: r.kind, name: r.name };
  if (r.namespace !== undefined) out.namespace = r.namespace;
  if (r.file !== undefined) out.file = r.file;
  if (v.targets?.length) out.targets = [...v.targets];
  return out;
}

/** A fleet target's finding says which target it is about, where code scanning shows only the message. */
function withTarget(v: Verdict, text: string): string {
  return v.targets?.length ? `[${v.targets.join(', ')}] ${text}` : text;
}

function listSome(items: string[], max = 10): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

// ---------------------------------------------------------------- the reporter

export function toSarif(result: ScanResult, options: SarifOptions = {}): string {
  const plan = planSarif(result, options);
  return [...plan.text(fittingSync(plan))].join('');
}

/** The SARIF log as an object (what `toSarif` serializes). */
export function buildSarif(result: ScanResult, options: SarifOptions = {}): SarifLog {
  const plan = planSarif(result, options);
  return plan.log(fittingSync(plan));
}

/**
 * `toSarif`'s text in pieces, a result at a time: the results are built from their verdicts as they are
 * written, and the size GitHub allows is checked by compressing the pieces as they come, so neither the log
 * nor its text is ever whole in memory.
 */
export async function* sarifChunks(result: ScanResult, options: SarifOptions = {}): AsyncGenerator<string> {
  const plan = planSarif(result, options);
  let kept = plan.most;
  if ((await gzippedSizeOf(plan.text(kept))) > plan.maxGzipBytes) {
    // The largest number of results that fits: binary search over the priority-ordered list.
    let low = 0;
    let high = kept - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((await gzippedSizeOf(plan.text(mid))) <= plan.maxGzipBytes) low = mid;
      else high = mid - 1;
    }
    kept = low;
  }
  yield* plan.text(kept);
}

/** How many results fit, checked on the whole text at once (the synchronous `toSarif` and `buildSarif`). */
function fittingSync(plan: SarifPlan): number {
  const size = (kept: number) => gzipSync([...plan.text(kept)].join('')).length;
  let kept = plan.most;
  if (size(kept) > plan.maxGzipBytes) {
    let low = 0;
    let high = kept - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (size(mid) <= plan.maxGzipBytes) low = mid;
      else high = mid - 1;
    }
    kept = low;
  }
  return kept;
}

/** The bytes of the pieces gzipped, as `gzipSync` of their concatenation gives (same defaults, no flush between). */
async function gzippedSizeOf(pieces: Iterable<string>): Promise<number> {
  const gzip = createGzip();
  let size = 0;
  gzip.on('data', (b: Buffer) => {
    size += b.length;
  });
  const ended = once(gzip, 'end');
  let batch: string[] = [];
  let batched = 0;
  for (const piece of pieces) {
    batch.push(piece);
    batched += piece.length;
    if (batched >= 1 << 16) {
      if (!gzip.write(batch.join(''))) await once(gzip, 'drain');
      batch = [];
      batched = 0;
    }
  }
  gzip.end(batch.join(''));
  await ended;
  return size;
}

/** A finding that goes into the results: what its SARIF result is built from when it is written. */
interface Candidate {
  verdict: Verdict;
  rule: ScannedRule | undefined;
  index: number;
  physical: SarifPhysicalLocation;
  source: PlacedLocation['source'];
}

interface SarifPlan {
  /** Results before GitHub's size limit is checked: the candidates, at most `maxResults`. */
  most: number;
  maxGzipBytes: number;
  /** The log with the `kept` most urgent results. */
  log(kept: number): SarifLog;
  /** The same log as `JSON.stringify(log, null, 2)` and a final newline writes it, in pieces. */
  text(kept: number): Iterable<string>;
}

/** Marks where the results go in the log's text; checked to occur once. */
const RESULTS_PLACE = '\u0000coditect-audit:sarif-results\u0000';
/** Depth of a result in the log: root, runs, the run, results. */
const RESULT_PAD = ' '.repeat(8);

function planSarif(result: ScanResult, options: SarifOptions): SarifPlan {
  const maxResults = Math.max(0, Math.trunc(options.maxResults ?? SARIF_MAX_RESULTS));
  const maxGzipBytes = options.maxGzipBytes ?? SARIF_MAX_GZIP_BYTES;
  const verdicts = sortedVerdicts(result);
  const known = rulesById(result);

  // Rules: every rule of the scan, sorted by id; a rule only its verdicts name gets a minimal entry.
  const ruleMetas = [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seenIds = new Set(ruleMetas.map((r) => r.id));
  for (const v of verdicts) {
    if (!seenIds.has(v.ruleId)) {
      seenIds.add(v.ruleId);
      ruleMetas.push(placeholderRule(v));
    }
  }
  ruleMetas.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A duplicated id in the result would give two descriptors one id: keep the first.
  const uniqueRules = ruleMetas.filter((r, i) => i === 0 || ruleMetas[i - 1]!.id !== r.id);
  const ruleIndex = new Map(uniqueRules.map((r, i) => [r.id, i]));
  // Passes are all of high certainty: the stored verdicts (passes compact) say which rules infer.
  const lowCertaintyRules = new Set(verdicts.filter((v) => v.certainty === 'low').map((v) => v.ruleId));
  const rules = uniqueRules.map((r) => ruleDescriptor(r, lowCertaintyRules));

  const withBaseline = result.baseline !== undefined;
  const candidates: Candidate[] = [];
  const errors: SarifNotification[] = [];
  const unplaced: string[] = [];
  let suppressedLeftOut = 0;

  for (const v of verdicts) {
    const rule = known.get(v.ruleId);
    const index = ruleIndex.get(v.ruleId)!;
    if (v.status === 'error') {
      const placed = v.location?.file
        ? v.location
        : v.resource.file
          ? { file: v.resource.file, startLine: 1 }
          : undefined;
      const physical = placed ? physicalLocation(placed) : undefined;
      errors.push({
        level: 'error',
        message: { text: withTarget(v, nonEmpty(v.message, `${v.ruleId} could not be checked`)) },
        descriptor: { id: v.ruleId },
        associatedRule: { id: v.ruleId, index },
        ...(physical ? { locations: [{ physicalLocation: physical }] } : {}),
        properties: { priority: v.priority, resource: resourceBag(v), reason: v.messageId },
      });
      continue;
    }
    if (v.status !== 'fail' && v.status !== 'unknown') continue;
    if (v.suppression && !options.includeSuppressed) {
      suppressedLeftOut++;
      continue;
    }
    const placed = placeFinding(result, rule, v);
    const physical = placed ? physicalLocation(placed.location) : undefined;
    if (!placed || !physical) {
      unplaced.push(`${v.ruleId} on ${v.resource.id}`);
      continue;
    }
    candidates.push({ verdict: v, rule, index, physical, source: placed.source });
  }

  /** A candidate's SARIF result, built when it is written. */
  const resultOf = (c: Candidate): SarifResult => {
    const { verdict: v, rule, index, physical, source } = c;
    const related = (v.relatedLocations ?? [])
      .map((loc) => physicalLocation(loc))
      .filter((p): p is SarifPhysicalLocation => p !== undefined)
      .slice(0, MAX_RELATED_LOCATIONS)
      .map((p, i) => ({ id: i + 1, physicalLocation: p }));
    const properties: PropertyBag = {
      priority: v.priority,
      concerns: [...v.concerns],
      adrSection: rule?.adrSection ?? '',
      certainty: v.certainty,
      resource: resourceBag(v),
      evidence: evidenceOf(v),
      locationSource: source,
      ...(v.status === 'unknown' ? { undecided: true, dependsOn: [...(v.dependsOn ?? [])] } : {}),
      ...(v.assumed ? { assumed: v.assumed } : {}),
    };
    // Could not decide: a note (a warning when --strict makes it gate). A finding on an assumed ADR-001
    // name does not gate: a warning.
    const level =
      v.status === 'unknown'
        ? result.gate.strict
          ? 'warning'
          : 'note'
        : v.assumed
          ? 'warning'
          : SARIF_LEVEL[v.priority];
    const sarifResult: SarifResult = {
      ruleId: v.ruleId,
      ruleIndex: index,
      level,
      message: { text: withTarget(v, nonEmpty(v.message, rule?.title || v.ruleId)) },
      locations: [{ physicalLocation: physical }],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: v.fingerprint },
      // SARIF: when one result has a baselineState, every result must.
      ...(withBaseline ? { baselineState: v.baselineState ?? 'new' } : {}),
      ...(v.suppression
        ? {
            suppressions: [
              {
                kind: v.suppression.kind === 'inline' ? 'inSource' : 'external',
                status: 'accepted',
                justification: v.suppression.reason,
                properties: {
                  source: v.suppression.source,
                  ...(v.suppression.expires ? { expires: v.suppression.expires } : {}),
                },
              } satisfies SarifSuppression,
            ],
          }
        : {}),
      properties,
    };
    return sarifResult;
  };

  // Most urgent first, so that any cut to fit GitHub's limits drops the least urgent.
  candidates.sort((a, b) => compareByPriority(a.verdict, b.verdict));

  const notes: SarifNotification[] = [];
  if (unplaced.length) {
    notes.push({
      level: 'warning',
      message: {
        text:
          `${count(unplaced.length, 'finding')} left out of this SARIF file: no repository file declares the resource, ` +
          `and there is neither an ADR document (config "adr:") nor a configuration entry to point at ` +
          `(${listSome(unplaced)}). The JSON, JUnit and Markdown reports list them.`,
      },
      descriptor: { id: 'coditect-audit/finding-without-location' },
    });
  }
  if (suppressedLeftOut) {
    notes.push({
      level: 'note',
      message: {
        text:
          `${count(suppressedLeftOut, 'suppressed finding')} left out (GitHub code scanning ignores SARIF ` +
          'suppressions and would open them as alerts); --sarif-include-suppressed includes them.',
      },
      descriptor: { id: 'coditect-audit/suppressed-left-out' },
    });
  }

  const config: SarifNotification[] = [
    ...(result.assumptions
      ? [
          {
            level: 'warning',
            message: { text: result.assumptions.banner },
            descriptor: { id: 'coditect-audit/adr-names-assumed' },
          } satisfies SarifNotification,
        ]
      : []),
    ...result.suppressions.expired.map(
      (s): SarifNotification => ({
        level: 'warning',
        message: {
          text: `Suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ''} expired on ${s.expires ?? '?'} and no longer applies (${s.source}).`,
        },
        descriptor: { id: 'coditect-audit/suppression-expired' },
      }),
    ),
    ...result.suppressions.unused.map(
      (s): SarifNotification => ({
        level: 'note',
        message: {
          text: `Suppression of ${s.rule}${s.resource ? ` on ${s.resource}` : ''} matched no failing finding (${s.source}); remove it.`,
        },
        descriptor: { id: 'coditect-audit/suppression-unused' },
      }),
    ),
  ];

  const build = (kept: number, results: SarifResult[] | undefined): SarifLog => {
    const dropped = candidates.slice(kept);
    const truncation: SarifNotification[] = [];
    if (dropped.length) {
      const byPriority = PRIORITIES.map((p) => [p, dropped.filter((c) => c.verdict.priority === p).length] as const)
        .filter(([, n]) => n > 0)
        .map(([p, n]) => `${n} ${p}`)
        .join(', ');
      truncation.push({
        level: 'warning',
        message: {
          text:
            `${dropped.length} of ${candidates.length} results left out to stay within GitHub code scanning limits ` +
            `(${maxResults} results per run, ${maxGzipBytes} bytes gzipped): kept the ${kept} most urgent; ` +
            `left out ${byPriority}. The JSON, JUnit and Markdown reports list every finding.`,
        },
        descriptor: { id: 'coditect-audit/results-truncated' },
      });
    }
    const execution = [...errors, ...notes, ...truncation];
    const invocation: SarifInvocation = {
      executionSuccessful: errors.length === 0,
      exitCode: result.gate.exitCode,
      exitCodeDescription: `gate ${result.gate.status}`,
      ...(result.timestamps && DATE_TIME.test(result.timestamps.startedAt)
        ? { startTimeUtc: result.timestamps.startedAt }
        : {}),
      ...(result.timestamps && DATE_TIME.test(result.timestamps.finishedAt)
        ? { endTimeUtc: result.timestamps.finishedAt }
        : {}),
      ...(execution.length ? { toolExecutionNotifications: execution } : {}),
      ...(config.length ? { toolConfigurationNotifications: config } : {}),
      properties: {
        gate: {
          status: result.gate.status,
          failOn: result.gate.failOn,
          failing: result.gate.failing,
          incomplete: result.gate.incomplete,
          unknown: result.gate.unknown,
          allowIncomplete: result.gate.allowIncomplete,
          strict: result.gate.strict,
        },
      },
    };
    const version = result.tool.version;
    return {
      $schema: SARIF_SCHEMA_URI,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'coditect-audit',
              version,
              ...(SEMVER.test(version) ? { semanticVersion: version } : {}),
              informationUri: TOOL_INFORMATION_URI,
              rules,
            },
          },
          automationDetails: { id: `coditect-audit/${result.environment.name}/` },
          invocations: [invocation],
          results: results ?? candidates.slice(0, kept).map(resultOf),
          properties: {
            environment: {
              name: result.environment.name,
              ...(result.environment.tier ? { tier: result.environment.tier } : {}),
            },
            ...(result.baseline ? { baseline: result.baseline.file } : {}),
            ...(result.assumptions ? { assumptions: result.assumptions.names } : {}),
            // What the scan did not read and why (every report lists it; docs/security.md).
            excluded: (result.excluded ?? []).map((x) => ({ path: x.path, reason: x.reason, detail: x.detail })),
          },
        },
      ],
    };
  };

  const text = function* (kept: number): Generator<string> {
    if (kept === 0) {
      yield `${JSON.stringify(build(0, []), null, 2)}\n`;
      return;
    }
    const frame = JSON.stringify(build(kept, [RESULTS_PLACE as unknown as SarifResult]), null, 2);
    const place = JSON.stringify(RESULTS_PLACE);
    const at = frame.indexOf(place);
    if (at < 0 || frame.indexOf(place, at + 1) >= 0) {
      // The scan's own text held the marker: write the log whole.
      yield `${JSON.stringify(build(kept, undefined), null, 2)}\n`;
      return;
    }
    yield frame.slice(0, at);
    for (let i = 0; i < kept; i++) {
      const item = JSON.stringify(resultOf(candidates[i]!), null, 2).replace(/\n/g, `\n${RESULT_PAD}`);
      yield i ? `,\n${RESULT_PAD}${item}` : item;
    }
    yield `${frame.slice(at + place.length)}\n`;
  };
  return {
    most: Math.min(candidates.length, maxResults),
    maxGzipBytes,
    log: (kept) => build(kept, undefined),
    text,
  };
}

/** RFC 3339 date-time, as SARIF's `*TimeUtc` properties require. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
