/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps, GitHub test-report actions), valid
 * against Jenkins' junit-10.xsd (schemas/vendor/junit.xsd).
 *
 * - One `<testsuite>` per area: the prefix of the rule's first concern key (`container`, `k8s`, `sql`,
 *   `cicd`...), else the rule's layer. Areas group what a reader fixes together, whatever layer saw it.
 * - One `<testcase>` per verdict (rule × resource): `classname` = rule id, `name` = resource id plus
 *   ` (file:line)` when known. The pair is unique: a clash gets the fingerprint's head appended.
 * - fail → `<failure type="P0|P1|P2">`; error → `<error type="<reason>">`; skip, suppressed and
 *   unchanged-since-baseline → `<skipped>`; pass → an empty testcase.
 * - junit-10.xsd allows no `file` attribute (nor properties) on `<testcase>`: the file and line go into
 *   the test name and the body, and each rule's concerns and ADR section into its suite's properties.
 * - `time="0"` everywhere: rules evaluate a snapshot, their cost is not a test duration.
 */
import { passSetRuleId, passVerdict, type RuleMeta, type ScanResult, type Verdict } from '@coditect-audit/core';
import {
  areaOf,
  dependsOnText,
  describeGate,
  firstSentence,
  formatObserved,
  formatPosition,
  isPassPlace,
  type PassPlace,
  rulesById,
  stateOf,
  verdictsByRule,
} from './common.js';

/** Removes what XML 1.0 cannot carry at all: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
export function stripIllegalXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Character data: `>` is escaped too, so a `]]>` in the text can never end anything. */
export function escapeXmlText(text: string): string {
  return stripIllegalXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values: quotes, and whitespace as character references so parsers do not normalize it away. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

interface Case {
  /** A pass as its place (no message or fingerprint: a passed case shows neither), else the verdict. */
  verdict: Verdict | PassPlace;
  rule: RuleMeta | undefined;
  classname: string;
  name: string;
}

function attrs(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}

/** A case's fingerprint: a pass made as its place is built whole for it (only a clash of names asks). */
function caseFingerprint(v: Verdict | PassPlace): string {
  return isPassPlace(v) ? passVerdict(v.set, v.report).fingerprint : v.fingerprint;
}

function baseName(v: Pick<Verdict, 'targets' | 'resource' | 'location'>): string {
  // A fleet target's case leads with its name, so the same resource in two clusters is two cases.
  const id = v.targets?.length ? `[${v.targets.join(', ')}] ${v.resource.id}` : v.resource.id;
  if (v.location?.file) return `${id} (${formatPosition(v.location)})`;
  if (v.resource.file) return `${id} (${v.resource.file})`;
  return id;
}

function findingBody(result: ScanResult, c: Case): string {
  const { rule } = c;
  // Only a finding's case has a body (`outcome`): its verdict is whole.
  const v = c.verdict as Verdict;
  const lines = [v.message, ''];
  lines.push(`Rule: ${v.ruleId}${v.alias ? ` (formerly ${v.alias})` : ''}${rule ? ` (${rule.title})` : ''}`);
  lines.push(`Priority: ${v.priority}`);
  if (v.targets?.length) lines.push(`Target: ${v.targets.join(', ')}`);
  lines.push(`Resource: ${v.resource.id} (${v.resource.kind} ${v.resource.name})`);
  if (v.location) lines.push(`Location: ${formatPosition(v.location)}`);
  else if (v.resource.file) lines.push(`Declared in: ${v.resource.file}`);
  for (const related of v.relatedLocations ?? []) lines.push(`Also at: ${formatPosition(related)}`);
  if (rule?.adrSection) lines.push(`ADR section: ${rule.adrSection}${result.adr ? ` (${result.adr.file})` : ''}`);
  if (v.concerns.length) lines.push(`Concerns: ${v.concerns.join(', ')}`);
  if (v.status === 'fail') lines.push(`Certainty: ${v.certainty}`);
  if (v.status === 'unknown') lines.push(`Could not decide: depends on ${dependsOnText(v)}`);
  if (v.assumed) lines.push(`Assumed: ${v.assumed}`);
  if (v.evidence.length) {
    lines.push('Evidence:');
    for (const e of v.evidence) {
      const expected = e.expected !== undefined ? ` (expected ${e.expected})` : '';
      const at = e.location ? ` at ${formatPosition(e.location)}` : '';
      lines.push(`  - ${e.path}: ${formatObserved(e.observed)}${expected}${at}`);
    }
  }
  if ((v.status === 'fail' || v.status === 'unknown') && rule?.remediation.text) {
    lines.push(`Remediation: ${rule.remediation.text}`);
    for (const command of rule.remediation.commands ?? []) lines.push(`    ${command}`);
  }
  if (rule?.docsUrl) lines.push(`Documentation: ${rule.docsUrl}`);
  lines.push(`Fingerprint: ${v.fingerprint}`);
  return lines.join('\n');
}

function outcome(result: ScanResult, c: Case): string {
  const v = c.verdict;
  if (isPassPlace(v)) return '';
  const body = () => escapeXmlText(findingBody(result, c));
  switch (stateOf(v)) {
    case 'pass':
      return '';
    case 'fail':
      return `<failure${attrs([
        ['message', firstSentence(v.message) || v.ruleId],
        ['type', v.priority],
      ])}>${body()}</failure>`;
    case 'error':
      return `<error${attrs([
        ['message', firstSentence(v.message) || `${v.ruleId} could not be checked`],
        ['type', v.messageId],
      ])}>${body()}</error>`;
    case 'skip':
      return `<skipped${attrs([['message', v.message]])}/>`;
    case 'suppressed': {
      const s = v.suppression!;
      const expires = s.expires ? `; expires ${s.expires}` : '';
      return `<skipped${attrs([
        ['message', `suppressed (${s.kind}, ${s.source}): ${s.reason}${expires}`],
      ])}>${body()}</skipped>`;
    }
    case 'unknown':
      // An undecided check gates only in a strict scan; then it reads as a failure.
      if (result.gate.strict)
        return `<failure${attrs([
          ['message', `could not decide (strict): ${firstSentence(v.message)}`],
          ['type', v.priority],
        ])}>${body()}</failure>`;
      return `<skipped${attrs([
        ['message', `could not decide (depends on ${dependsOnText(v)}): ${firstSentence(v.message)}`],
      ])}>${body()}</skipped>`;
    case 'assumed':
      return `<skipped${attrs([['message', `${v.assumed}: ${firstSentence(v.message)}`]])}>${body()}</skipped>`;
    case 'baseline':
      return `<skipped${attrs([
        ['message', `unchanged since baseline ${result.baseline?.file ?? ''}: ${firstSentence(v.message)}`.trim()],
      ])}>${body()}</skipped>`;
  }
}

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** Adds a verdict to the totals: a failure, an error, skipped, or (a pass) a test alone. */
function count(t: Totals, v: Verdict, strict: boolean): void {
  t.tests++;
  const s = stateOf(v);
  if (s === 'fail' || (s === 'unknown' && strict)) t.failures++;
  else if (s === 'error') t.errors++;
  else if (s !== 'pass') t.skipped++;
}

export function toJUnit(result: ScanResult): string {
  return [...junitChunks(result)].join('');
}

/**
 * The report in pieces, a line each; joined, they are `toJUnit`'s text. Cases are made a rule at a time
 * (its passes built from their compact form then), so no list of every case is ever whole.
 */
export function* junitChunks(result: ScanResult): Generator<string> {
  const rules = rulesById(result);
  const index = verdictsByRule(result);
  const strict = result.gate.strict;

  // Each area's rules and totals, counted without building a pass.
  const emptyTotals = (): Totals => ({ tests: 0, failures: 0, errors: 0, skipped: 0 });
  // Per area, also the old per-layer ids (aliases) each rule's findings were reported under.
  const areas = new Map<string, { rules: Set<string>; totals: Totals; aliases: Map<string, Set<string>> }>();
  const areaEntry = (area: string) => {
    const entry = areas.get(area) ?? { rules: new Set<string>(), totals: emptyTotals(), aliases: new Map() };
    areas.set(area, entry);
    return entry;
  };
  for (const v of result.verdicts) {
    const entry = areaEntry(areaOf(rules.get(v.ruleId), v));
    entry.rules.add(v.ruleId);
    count(entry.totals, v, strict);
    if (v.alias) entry.aliases.set(v.ruleId, (entry.aliases.get(v.ruleId) ?? new Set()).add(v.alias));
  }
  for (const set of result.passes ?? []) {
    const id = passSetRuleId(set);
    // A pass verdict carries its set's concerns: that is all `areaOf` reads of it.
    const entry = areaEntry(areaOf(rules.get(id), { concerns: set.concerns } as Verdict));
    entry.rules.add(id);
    entry.totals.tests += set.passes.length;
    const alias = set.stamp?.alias;
    if (alias && set.passes.length) entry.aliases.set(id, (entry.aliases.get(id) ?? new Set()).add(alias));
  }
  const areaNames = [...areas.keys()].sort();
  const all = emptyTotals();
  for (const { totals } of areas.values()) {
    all.tests += totals.tests;
    all.failures += totals.failures;
    all.errors += totals.errors;
    all.skipped += totals.skipped;
  }

  /** One rule's cases in the total order, named: unique (classname, name), a clash gets the fingerprint's head. */
  const casesOf = (ruleId: string): Case[] => {
    const taken = new Set<string>();
    const rule = rules.get(ruleId);
    return [...index.places(ruleId)].map((v) => {
      const classname = v.ruleId;
      let name = baseName(v);
      const key = (n: string) => `${classname}\u0000${stripIllegalXml(n)}`;
      if (taken.has(key(name))) {
        // A clash: the case is told apart by its fingerprint's start (worked out once, a pass built for it).
        const short = caseFingerprint(v).slice(0, 12);
        name = `${name} [${short}]`;
        for (let n = 2; taken.has(key(name)); n++) name = `${baseName(v)} [${short}#${n}]`;
      }
      taken.add(key(name));
      return { verdict: v, rule, classname, name };
    });
  };

  const common: [string, string][] = [
    ['tool', `${result.tool.name} ${result.tool.version}`],
    ['environment', result.environment.name],
  ];
  if (result.environment.tier) common.push(['tier', result.environment.tier]);
  common.push(['gate', describeGate(result)]);
  if (result.adr) common.push(['adr', result.adr.file]);
  if (result.assumptions) common.push(['assumptions', result.assumptions.banner]);
  // What the scan did not read, with why: a reviewer sees what a change left out of the gate.
  common.push(['excluded', String((result.excluded ?? []).length)]);
  for (const [i, x] of (result.excluded ?? []).entries())
    common.push([`excluded.${i + 1}`, `${x.path} (${x.reason}: ${x.detail})`]);
  if (result.baseline) {
    common.push(['baseline', result.baseline.file]);
    common.push(['baseline.fixed', String(result.baseline.fixed.length)]);
  }

  const timestamp = result.timestamps?.startedAt;
  const line = (text: string) => `${text}\n`;
  yield line('<?xml version="1.0" encoding="UTF-8"?>');
  // The first thing a reader sees after the XML declaration: ADR-001's names were assumed.
  if (result.assumptions) yield line(`<!-- ${result.assumptions.banner.replace(/--/g, '- -')} -->`);
  yield line(
    `<testsuites${attrs([
      ['name', `${result.tool.name} ${result.environment.name}`],
      ['tests', all.tests],
      ['failures', all.failures],
      ['errors', all.errors],
      ['time', '0'],
    ])}>`,
  );
  for (const area of areaNames) {
    const { rules: ruleIds, totals: t, aliases } = areas.get(area)!;
    const suiteRules = [...ruleIds].sort();
    // A rule's cases, those of this area (a rule without metadata may fall in several).
    const suiteCasesOf = (id: string) => casesOf(id).filter((c) => areaOf(c.rule, c.verdict) === area);
    yield line(
      `  <testsuite${attrs([
        ['name', area],
        ['tests', t.tests],
        ['failures', t.failures],
        ['errors', t.errors],
        ['skipped', t.skipped],
        ['time', '0'],
        ['timestamp', timestamp],
      ])}>`,
    );
    const properties: [string, string][] = [...common];
    for (const id of suiteRules) {
      const rule = rules.get(id);
      const concerns = rule?.concerns ?? suiteCasesOf(id)[0]!.verdict.concerns;
      properties.push([`${id}.concerns`, concerns.join(', ')]);
      if (rule?.adrSection) properties.push([`${id}.adrSection`, rule.adrSection]);
      // The old per-layer ids this suite's findings of the rule were reported under.
      const formerly = [...(aliases.get(id) ?? [])].sort();
      if (formerly.length) properties.push([`${id}.formerly`, formerly.join(', ')]);
    }
    yield line('    <properties>');
    for (const [name, value] of properties)
      yield line(
        `      <property${attrs([
          ['name', name],
          ['value', value],
        ])}/>`,
      );
    yield line('    </properties>');
    for (const id of suiteRules)
      for (const c of suiteCasesOf(id)) {
        const head = `    <testcase${attrs([
          ['name', c.name],
          ['classname', c.classname],
          ['time', '0'],
        ])}`;
        const inner = outcome(result, c);
        yield line(inner ? `${head}>\n      ${inner}\n    </testcase>` : `${head}/>`);
      }
    yield line('  </testsuite>');
  }
  yield line('</testsuites>');
}
