/**
 * HTML for people who would rather look than read SARIF: one self-contained file (inline CSS and script,
 * no network request, works from a file:// URL behind a strict Content-Security-Policy that allows only
 * the exact inline style and script it carries). At the top: environment, scope, gate and a picture of
 * readiness per priority and per ADR section beside the ADR's own checklist; then what could not be
 * checked (never filtered away) and a findings table that filters, searches, sorts and keeps its filter
 * in the URL hash. Every row expands to the message, location, evidence, concern, ADR section and the
 * commands that fix it. Prints with everything expanded. Deterministic: the same result gives the same
 * bytes; it shows only what the result holds, escaped.
 */
import { createHash } from 'node:crypto';
import {
  ADR_001,
  type AdrMark,
  CONCERNS,
  getAdr001Section,
  LAYERS,
  PRIORITIES,
  type Priority,
  passSetRuleId,
  priorityRank,
  type RuleMeta,
  type ScannedRule,
  type ScanResult,
  type Verdict,
} from '@coditect-audit/core';
import {
  clip,
  compareAdrSections,
  compareVerdicts,
  count,
  EXCLUDED_SHOWN,
  exclusionLabel,
  exclusionSummary,
  firstSentence,
  formatObserved,
  formatPosition,
  failsGate,
  targetRows,
  targetState,
  placeFinding,
  rulesById,
  splitAdrSection,
  stateOf,
  type VerdictState,
  verdictsInOrder,
} from './common.js';
import { PAGE_SCRIPT as SCRIPT, PAGE_STYLE as STYLE } from './page.generated.js';

export interface HtmlOptions {
  /** The page's heading and the start of its title. Default: "coditect-audit report". */
  title?: string;
  /** Print passing and skipped checks too (the page's own checkbox does the same); default only the failing. */
  printPasses?: boolean;
}

// ---------------------------------------------------------------- escaping

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Bidirectional overrides and isolates would reorder the text around them ("Trojan Source"). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may appear in the page: lone surrogates as U+FFFD, bidi controls shown by their code point
 * instead of obeyed, control characters other than tab and line feed dropped.
 */
function clean(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(BIDI_CONTROL, (c) => `(U+${c.charCodeAt(0).toString(16).toUpperCase()})`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

/** Text for an HTML element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

/** Prose from rule messages and concern statements: `backticked` spans become `<code>`. */
function prose(text: string): string {
  return clean(text)
    .split('`')
    .map((part, i) => (i % 2 === 1 && part ? `<code>${e(part)}</code>` : e(part)))
    .join('');
}

// ---------------------------------------------------------------- vocabulary

const STATE_ORDER: readonly VerdictState[] = [
  'fail',
  'assumed',
  'baseline',
  'suppressed',
  'error',
  'unknown',
  'skip',
  'pass',
];

const STATE_LABEL: Record<VerdictState, string> = {
  fail: 'Fail',
  assumed: 'Fail on an assumed name',
  unknown: 'Could not decide',
  baseline: 'Unchanged since baseline',
  suppressed: 'Suppressed',
  error: 'Error',
  skip: 'Skip',
  pass: 'Pass',
};

const STATE_ICON: Record<VerdictState, string> = {
  fail: 'fail',
  assumed: 'warn',
  unknown: 'skip',
  baseline: 'warn',
  suppressed: 'warn',
  error: 'error',
  skip: 'skip',
  pass: 'pass',
};

/** What the reader sees before changing the filter: what fails and what could not be checked. */
const DEFAULT_STATES: readonly VerdictState[] = ['fail', 'assumed', 'error', 'unknown'];

function icon(name: string): string {
  return `<svg class="ico ico-${name}" aria-hidden="true" focusable="false" width="16" height="16"><use href="#i-${name}"/></svg>`;
}

/** The icons the page uses, drawn once (no emoji font needed to read the checklist). */
const SPRITE = [
  '<svg class="sprite" aria-hidden="true" focusable="false" width="0" height="0"><defs>',
  '<symbol id="i-pass" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.5" fill="#1a7f37"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></symbol>',
  '<symbol id="i-fail" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7.5" fill="#cf222e"/><path d="M5.3 5.3l5.4 5.4M10.7 5.3l-5.4 5.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></symbol>',
  '<symbol id="i-warn" viewBox="0 0 16 16"><path d="M8 1l7.5 13.5H.5z" fill="#bf8700"/><path d="M8 6v4" stroke="#1f2328" stroke-width="1.7" stroke-linecap="round"/><circle cx="8" cy="12.3" r="1" fill="#1f2328"/></symbol>',
  '<symbol id="i-error" viewBox="0 0 16 16"><rect x="1" y="1" width="14" height="14" rx="3" fill="#8250df"/><path d="M8 4.2v4.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.6" r="1.1" fill="#fff"/></symbol>',
  '<symbol id="i-skip" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="none" stroke="#6e7781" stroke-width="1.6"/><path d="M4.8 8h6.4" stroke="#6e7781" stroke-width="1.8" stroke-linecap="round"/></symbol>',
  '<symbol id="i-open" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="none" stroke="#cf222e" stroke-width="1.8"/></symbol>',
  '</defs></svg>',
].join('');

/** Segment colours of the readiness bars (3:1 or more against white, as WCAG asks of graphics). */
const BAR_COLOR: Record<VerdictState, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  assumed: '#a40e26',
  unknown: '#0969da',
  baseline: '#bc4c00',
  suppressed: '#9a6700',
  error: '#8250df',
  skip: '#8c959f',
};

// ---------------------------------------------------------------- the ADR's own checklist

// ADR-001's checklist as the record states it is core's ADR_001 (status line, sections, what each says):
// shown beside what the scan measured when the result's ADR is ADR-001; another ADR gets its sections
// without claims.

const CLAIM_ICON: Record<AdrMark, string> = { done: 'pass', partial: 'warn', open: 'open', none: 'skip' };

function isAdr001(result: ScanResult): boolean {
  const base = result.adr?.file.split('/').pop() ?? '';
  return /^ADR-0*1(?!\d)/i.test(base);
}

// ---------------------------------------------------------------- tallies

type Tally = Record<VerdictState, number>;

function emptyTally(): Tally {
  return { fail: 0, assumed: 0, baseline: 0, suppressed: 0, error: 0, unknown: 0, skip: 0, pass: 0 };
}

function total(t: Tally): number {
  return STATE_ORDER.reduce((n, s) => n + t[s], 0);
}

/**
 * Measured completeness: passed checks over the checks that apply (skips do not apply; an error or an
 * accepted failure is not complete). Undefined when nothing applies. 100 only when everything passes.
 */
function percentComplete(t: Tally): number | undefined {
  const applies = total(t) - t.skip;
  if (!applies) return undefined;
  return t.pass === applies ? 100 : Math.floor((t.pass * 100) / applies);
}

/** How a section measures: ❌ anything failing, ⚠️ errors or only accepted failures, ✅ holds, ➖ only skips. */
function measuredMark(t: Tally): { icon: string; label: string } {
  if (t.fail + t.baseline) return { icon: 'fail', label: 'Failing' };
  if (t.error) return { icon: 'warn', label: 'Not fully checked' };
  if (t.assumed) return { icon: 'warn', label: 'Failing on assumed names' };
  if (t.unknown) return { icon: 'warn', label: 'Could not decide' };
  if (t.suppressed) return { icon: 'warn', label: 'Accepted failures' };
  if (t.pass) return { icon: 'pass', label: 'Holds' };
  if (t.skip) return { icon: 'skip', label: 'Does not apply' };
  return { icon: 'skip', label: 'No check' };
}

function percentText(p: number | undefined): string {
  return p === undefined ? '–' : `${p}%`;
}

// ---------------------------------------------------------------- page parts

interface Row {
  v: Verdict;
  rule: RuleMeta | undefined;
  state: VerdictState;
  layer: string;
  sections: string[];
  id: string;
}

function stateRank(s: VerdictState): number {
  return STATE_ORDER.indexOf(s);
}

function layerOrder(a: string, b: string): number {
  const ia = (LAYERS as readonly string[]).indexOf(a);
  const ib = (LAYERS as readonly string[]).indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
}

function badge(state: VerdictState): string {
  return `<span class="badge v-${state}">${icon(STATE_ICON[state])}${STATE_LABEL[state]}</span>`;
}

function priorityBadge(p: Priority): string {
  return `<span class="pri pri-${p}">${p}</span>`;
}

/** `#p=…&v=…` for a link that sets the findings filter. */
function filterHref(params: Record<string, string>): string {
  return `#${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}

const ALL_STATES = STATE_ORDER.join(',');

function head(result: ScanResult, title: string, csp: string, style: string, printPasses = false): string {
  const gate = result.gate.status;
  return [
    '<!DOCTYPE html>',
    printPasses ? '<html lang="en" class="print-passes">' : '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light">',
    `<meta name="generator" content="${e(`${result.tool.name} ${result.tool.version}`)}">`,
    `<title>${e(`${title} · ${result.environment.name} · gate ${gate}`)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${style}</style>`,
    '</head>',
  ].join('\n');
}

function banner(result: ScanResult, title: string): string {
  const g = result.gate;
  const gateText = g.status === 'passed' ? 'Gate passed' : g.status === 'failed' ? 'Gate failed' : 'Gate incomplete';
  return `<header class="banner">
<div class="wrap banner-in">
<div>
<p class="kicker">${e(`${result.tool.name} ${result.tool.version}`)}</p>
<h1>${e(title)}: <span class="env">${e(result.environment.name)}</span></h1>
</div>
<p class="gate gate-${g.status}" data-gate="${g.status}">${icon(g.status === 'passed' ? 'pass' : g.status === 'failed' ? 'fail' : 'warn')}<span>${gateText}</span></p>
</div>
<nav class="wrap toc" aria-label="Report sections">
<ul>
<li><a href="#overview">Overview</a></li>
<li><a href="#readiness">Readiness</a></li>
<li><a href="#errors">Could not check</a></li>
<li><a href="#findings">Findings</a></li>
<li><a href="#accepted">Suppressions and baseline</a></li>
</ul>
</nav>
</header>`;
}

function gateSentence(result: ScanResult): string {
  const g = result.gate;
  const undecided = g.unknown
    ? g.strict
      ? ` ${count(g.unknown, 'check')} at ${g.failOn} or above could not be decided and count${g.unknown === 1 ? 's' : ''} as failing (strict).`
      : ` ${count(g.unknown, 'check')} at ${g.failOn} or above could not be decided (not gating unless --strict).`
    : '';
  return gateCore(result) + (g.failOn === 'none' ? '' : undecided);
}

function gateCore(result: ScanResult): string {
  const g = result.gate;
  const failing = count(g.failing, 'finding');
  if (g.failOn === 'none') return 'The gate is off (fail-on none): it passes whatever the findings.';
  if (g.status === 'passed')
    return g.incomplete && g.allowIncomplete
      ? `No finding at ${g.failOn} or above fails; ${count(g.incomplete, 'check')} at ${g.failOn} or above could not be run (allowed by --allow-incomplete).`
      : `No finding at ${g.failOn} or above fails, and every check in scope ran.`;
  if (g.status === 'failed')
    return `${failing} at ${g.failOn} or above ${g.failing === 1 ? 'fails' : 'fail'} the gate${
      g.incomplete ? `; ${count(g.incomplete, 'check')} at ${g.failOn} or above could not be run` : ''
    }.`;
  return `Nothing at ${g.failOn} or above fails, but ${count(g.incomplete, 'check')} at ${g.failOn} or above could not be run: an error is never a pass.`;
}

function overview(result: ScanResult, checks: Checks): string {
  const env = result.environment;
  const g = result.gate;
  const facts: [string, string][] = [
    ['Environment', `<code>${e(env.name)}</code>${env.tier ? ` (tier <code>${e(env.tier)}</code>)` : ''}`],
    ['Scanned', `<code>${e(result.root)}</code>`],
  ];
  if (env.configFile)
    facts.push([
      'Configuration',
      `<code>${e(`${env.configFile}${env.configLine ? `:${env.configLine}` : ''}`)}</code>`,
    ]);
  if (result.adr) facts.push(['ADR', `<code>${e(result.adr.file)}</code>`]);
  if (result.baseline) facts.push(['Baseline', `<code>${e(result.baseline.file)}</code>`]);
  facts.push([
    'When',
    result.timestamps
      ? `started <time datetime="${e(result.timestamps.startedAt)}">${e(result.timestamps.startedAt)}</time>, finished <time datetime="${e(result.timestamps.finishedAt)}">${e(result.timestamps.finishedAt)}</time>`
      : 'not recorded (scan with <code>--timestamps</code> to include it)',
  ]);
  facts.push(['Rules', `${count(result.rules.length, 'rule')} ran ${count(checks.total, 'check')}`]);

  const summary = result.summary.byStatus;
  const unchanged = result.verdicts.filter((v) => stateOf(v) === 'baseline').length;
  const tallies: [keyof typeof summary, string, string, string][] = [
    ['fail', 'Failing', 'fail', filterHref({ v: 'fail,assumed,baseline' })],
    ['error', 'Could not check', 'error', filterHref({ v: 'error' })],
    ['unknown', 'Could not decide', 'skip', filterHref({ v: 'unknown' })],
    ['suppressed', 'Suppressed', 'warn', filterHref({ v: 'suppressed' })],
    ['pass', 'Passed', 'pass', filterHref({ v: 'pass' })],
    ['skip', 'Skipped', 'skip', filterHref({ v: 'skip' })],
  ];
  const tallyItems = tallies
    .map(
      ([key, label, ico, href]) =>
        `<li><a class="tally t-${key}" href="${e(href)}">${icon(ico)}<span class="n" data-count="${key}">${summary[key]}</span> <span class="l">${label}</span></a></li>`,
    )
    .join('\n');

  const layerNames = [
    ...LAYERS,
    ...Object.keys(result.layers)
      .filter((l) => !(LAYERS as readonly string[]).includes(l))
      .sort(),
  ];
  const layerRows = layerNames
    .map((name) => {
      const state = (
        result.layers as Record<
          string,
          { status: string; reason?: string; skipped?: { path: string; reason: string }[] } | undefined
        >
      )[name];
      const status = state?.status ?? 'not-configured';
      const [ico, label] =
        status === 'collected'
          ? ['pass', 'Collected']
          : status === 'failed'
            ? ['fail', 'Failed']
            : ['skip', 'Not configured'];
      const skipped = (state?.skipped ?? [])
        .map((k) => `<span class="sub">not read: <code>${e(k.path)}</code>: ${e(k.reason)}</span>`)
        .join('');
      return `<tr><th scope="row"><code>${e(name)}</code></th><td>${icon(ico)} ${label}${state?.reason ? `<span class="sub">${e(state.reason)}</span>` : ''}${skipped}</td></tr>`;
    })
    .join('\n');

  return `<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">Overview</h2>
<div class="cols">
<div class="card">
<h3>Gate</h3>
<p class="gate-line gate-${g.status}"><strong>${e(g.status)}</strong> · fail-on <code>${e(g.failOn)}</code> · exit code <code>${g.exitCode}</code></p>
<p>${e(gateSentence(result))}</p>
<ul class="tallies" aria-label="Checks by verdict">
${tallyItems}
</ul>
${unchanged ? `<p class="note">${count(unchanged, 'failing finding')} ${unchanged === 1 ? 'is' : 'are'} unchanged since the baseline and ${unchanged === 1 ? 'does' : 'do'} not fail the gate.</p>` : ''}
</div>
<div class="card">
<h3>Environment</h3>
<dl class="facts">
${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}
</dl>
</div>
<div class="card">
<h3>Scope</h3>
<table class="plain">
<caption class="sr-only">Layers in scope</caption>
<thead><tr><th scope="col">Layer</th><th scope="col">Status</th></tr></thead>
<tbody>
${layerRows}
</tbody>
</table>
${excludedHtml(result)}
</div>
</div>
</section>`;
}

/** What the scan did not read, with why: a reviewer sees what a change left out of the gate. */
function excludedHtml(result: ScanResult): string {
  const excluded = result.excluded ?? [];
  const summary = exclusionSummary(result);
  if (!summary) return '<p class="note">Every file the scanner reads was read.</p>';
  const rows = excluded
    .slice(0, EXCLUDED_SHOWN)
    .map(
      (x) =>
        `<tr><th scope="row"><code>${e(x.path)}</code></th><td>${e(exclusionLabel(x.reason))}<span class="sub">${e(x.detail)}</span></td></tr>`,
    )
    .join('\n');
  const more =
    excluded.length > EXCLUDED_SHOWN
      ? `<p class="note">${excluded.length - EXCLUDED_SHOWN} more in the JSON report.</p>`
      : '';
  return `<p class="note" id="not-scanned"><strong>Not scanned:</strong> ${e(summary)}.</p>
<table class="plain">
<caption class="sr-only">Paths not scanned</caption>
<thead><tr><th scope="col">Path</th><th scope="col">Why</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${more}`;
}

/** One stacked bar per priority: what passed, failed, was accepted, errored or skipped. */
function priorityChart(checks: Checks): string {
  const width = 720;
  const labelW = 44;
  const textW = 210;
  const barW = width - labelW - textW;
  const rowH = 34;
  const byPriority = PRIORITIES.map((p) => ({ p, t: checks.byPriority.get(p) ?? emptyTally() }));
  const max = Math.max(1, ...byPriority.map(({ t }) => total(t)));
  const rows = byPriority
    .map(({ p, t }, i) => {
      const y = 8 + i * rowH;
      let x = labelW;
      const segments = STATE_ORDER.filter((s) => t[s] > 0)
        .map((s) => {
          const w = (t[s] / max) * barW;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${BAR_COLOR[s]}" data-state="${s}" data-n="${t[s]}"><title>${p} ${STATE_LABEL[s].toLowerCase()}: ${t[s]}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      const pct = percentComplete(t);
      const empty = total(t)
        ? ''
        : `<rect x="${labelW}" y="${y}" width="${barW}" height="20" fill="#f6f8fa" stroke="#d0d7de"/>`;
      return `<g data-priority="${p}"><text x="0" y="${y + 15}" class="svg-label">${p}</text>${empty}${segments}<text x="${labelW + barW + 8}" y="${y + 15}" class="svg-text">${percentText(pct)} complete · ${t.pass}/${total(t) - t.skip}</text></g>`;
    })
    .join('\n');
  const height = 8 + PRIORITIES.length * rowH;
  const desc = byPriority
    .map(({ p, t }) => `${p}: ${STATE_ORDER.map((s) => `${t[s]} ${STATE_LABEL[s].toLowerCase()}`).join(', ')}`)
    .join('; ');
  const legend = STATE_ORDER.map(
    (s) =>
      `<li><svg aria-hidden="true" focusable="false" width="12" height="12"><rect width="12" height="12" rx="2" fill="${BAR_COLOR[s]}"/></svg> ${STATE_LABEL[s]}</li>`,
  ).join('');
  return `<figure class="chart">
<figcaption>Readiness per priority</figcaption>
<svg class="bars" role="img" aria-labelledby="prio-title prio-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet">
<title id="prio-title">Checks per priority by verdict</title>
<desc id="prio-desc">${e(desc)}</desc>
${rows}
</svg>
<ul class="legend" aria-label="Legend">${legend}</ul>
</figure>`;
}

function percentBar(p: number | undefined, t: Tally): string {
  const w = 120;
  const applies = total(t) - t.skip;
  if (p === undefined)
    return `<svg class="pbar" aria-hidden="true" focusable="false" viewBox="0 0 ${w} 12" width="${w}" height="12"><rect width="${w}" height="12" rx="3" fill="#f6f8fa" stroke="#d0d7de"/></svg>`;
  let x = 0;
  const parts = (['pass', 'suppressed', 'baseline', 'error', 'fail'] as const)
    .filter((s) => t[s] > 0)
    .map((s) => {
      const sw = (t[s] / applies) * w;
      const r = `<rect x="${x.toFixed(1)}" width="${sw.toFixed(1)}" height="12" fill="${BAR_COLOR[s]}"/>`;
      x += sw;
      return r;
    })
    .join('');
  return `<svg class="pbar" aria-hidden="true" focusable="false" viewBox="0 0 ${w} 12" width="${w}" height="12">${parts}</svg>`;
}

function readiness(result: ScanResult, checks: Checks): string {
  const adr001 = isAdr001(result);
  const bySection = checks.bySectionTally;
  const sections = [
    ...new Set([
      ...Object.keys(result.adr?.sections ?? {}),
      ...(adr001 ? ADR_001.sections.map((s) => s.key) : []),
      ...bySection.keys(),
    ]),
  ].sort(compareAdrSections);

  const overall = checks.tally;
  const overallPct = percentComplete(overall);
  const adrName = result.adr ? (result.adr.file.split('/').pop() ?? result.adr.file) : 'the ADR';
  const claim = adr001
    ? `<p class="claim"><span class="claim-says">${e(adrName)} says: <strong>${e(ADR_001.status)}</strong></span> <span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>`
    : `<p class="claim"><span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>`;

  const body = sections
    .map((section) => {
      const t = bySection.get(section) ?? emptyTally();
      const checked = total(t) > 0;
      const pct = percentComplete(t);
      const item = adr001 ? getAdr001Section(section) : undefined;
      const line = result.adr?.sections[section];
      const mark = checked ? measuredMark(t) : { icon: 'skip', label: 'No check in this scan' };
      const parts = [
        t.fail + t.baseline ? `${t.fail + t.baseline} failing` : '',
        t.suppressed ? `${t.suppressed} suppressed` : '',
        t.error ? `${t.error} could not be checked` : '',
        t.pass ? `${t.pass} passed` : '',
        t.skip ? `${t.skip} skipped` : '',
      ].filter(Boolean);
      const name = checked
        ? `<a href="${e(filterHref({ v: ALL_STATES, section }))}">${e(section)}</a>`
        : `<span>${e(section)}</span>`;
      return `<tr data-section="${e(section)}" data-percent="${pct ?? ''}">
<th scope="row">${name}${item ? `<span class="sub">${e(item.title)}</span>` : ''}${line && result.adr ? `<span class="sub"><code>${e(`${result.adr.file}:${line}`)}</code></span>` : ''}</th>
${adr001 ? `<td data-label="ADR says">${item ? `${icon(CLAIM_ICON[item.mark])} ${e(item.says)}` : '–'}</td>` : ''}
<td class="nowrap" data-label="Measured">${icon(mark.icon)} ${mark.label}</td>
<td class="nowrap pct" data-label="% complete">${percentBar(pct, t)} <span>${percentText(pct)}</span></td>
<td data-label="Checks">${parts.length ? parts.join(', ') : '–'}</td>
</tr>`;
    })
    .join('\n');

  return `<section id="readiness" aria-labelledby="readiness-h">
<h2 id="readiness-h">Readiness</h2>
${claim}
${priorityChart(checks)}
<div class="scroll">
<table class="checklist">
<caption>${e(adr001 ? `${adrName} checklist and what the scan measured` : 'ADR sections and what the scan measured')}</caption>
<thead><tr><th scope="col">ADR section</th>${adr001 ? '<th scope="col">ADR says</th>' : ''}<th scope="col">Measured</th><th scope="col">% complete</th><th scope="col">Checks</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
<p class="note">% complete is the share of the section's checks that apply (skipped ones do not) which pass; a failure accepted by a suppression or a baseline, or a check that could not run, is not complete.</p>
</section>`;
}

/** Per fleet target and for the environment as a whole; nothing when the scan has no fleet. */
function byTargetSection(result: ScanResult): string {
  const rows = targetRows(result);
  if (rows.length === 0) return '';
  const label = {
    failing: ['fail', 'Failing'],
    incomplete: ['error', 'Incomplete'],
    passing: ['pass', 'Passing'],
  } as const;
  const body = rows
    .map((r) => {
      const [mark, text] = label[targetState(r)];
      const name =
        r.kind === 'environment' ? `${e(r.name)} <span class="sub">environment as a whole</span>` : e(r.name);
      return `<tr data-target="${e(r.name)}">
<th scope="row">${name}</th>
<td class="nowrap">${icon(mark)} ${text}</td>
<td>${r.failing.P0}</td><td>${r.failing.P1}</td><td>${r.failing.P2}</td><td>${r.errors}</td><td>${r.passed}</td>
<td>${r.gated ? String(r.gating) : 'not gated'}</td>
</tr>`;
    })
    .join('\n');
  const scoped = result.gate.targets?.length
    ? ` The gate fails only on ${result.gate.targets.map((t) => `<code>${e(t)}</code>`).join(', ')} and on the environment as a whole.`
    : '';
  return `
<section id="targets" aria-labelledby="targets-h">
<h2 id="targets-h">By target</h2>
<p class="note">Every verdict about a server or cluster of the fleet names it.${scoped}</p>
<div class="scroll">
<table class="checklist">
<caption>Fleet targets and the environment</caption>
<thead><tr><th scope="col">Target</th><th scope="col">State</th><th scope="col">P0</th><th scope="col">P1</th><th scope="col">P2</th><th scope="col">Errors</th><th scope="col">Passed</th><th scope="col">Fail the gate</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
}

function where(result: ScanResult, r: Row): { text: string; sortKey: string } {
  const placed = placeFinding(result, r.rule, r.v);
  const live =
    !r.v.location?.file && !r.v.resource.file
      ? `<span class="sub">live resource ${e(r.v.resource.kind)} ${e(
          r.v.resource.namespace ? `${r.v.resource.namespace}/${r.v.resource.name}` : r.v.resource.name,
        )}</span>`
      : '';
  const target = r.v.targets?.length ? `<span class="sub">target ${e(r.v.targets.join(', '))}</span>` : '';
  if (!placed) return { text: `${target}${live || (target ? '' : '–')}`, sortKey: '~' };
  const note =
    placed.source === 'resource'
      ? '<span class="sub">declaring file</span>'
      : placed.source === 'adr'
        ? '<span class="sub">ADR section</span>'
        : placed.source === 'config'
          ? '<span class="sub">environment entry</span>'
          : '';
  const loc = placed.location;
  // Tab sorts below every printable character: a file before the files its name is a prefix of.
  const key = `${loc.file}\t${String(loc.startLine).padStart(7, '0')}\t${String(loc.startColumn ?? 0).padStart(5, '0')}`;
  return { text: `<code>${e(formatPosition(loc))}</code>${note}${target}${live}`, sortKey: key };
}

const CONCERN_STATEMENT = new Map(CONCERNS.map((c) => [c.key, c.statement]));

function detail(result: ScanResult, r: Row): string {
  const { v, rule } = r;
  const facts: [string, string][] = [];
  facts.push([
    'Rule',
    `<code>${e(v.ruleId)}</code>${v.alias ? ` (formerly <code>${e(v.alias)}</code>)` : ''}${rule ? `: ${e(rule.title)}` : ''}`,
  ]);
  facts.push([
    'Priority',
    `${v.priority}${failsGate(v) ? ' · fails the gate' : r.state === 'fail' ? ' · below the gate’s threshold' : r.state === 'unknown' ? ' · could not decide (gates only with --strict)' : r.state === 'assumed' ? ' · on an assumed ADR-001 name: does not gate' : ''}`,
  ]);
  if (v.dependsOn?.length) facts.push(['Depends on', v.dependsOn.map((d) => `<code>${e(d)}</code>`).join(', ')]);
  if (v.assumed) facts.push(['Assumed', e(v.assumed)]);
  if (v.targets?.length) facts.push(['Target', v.targets.map((t) => `<code>${e(t)}</code>`).join(', ')]);
  facts.push([
    'Resource',
    `<code>${e(v.resource.id)}</code> <span class="sub-inline">(${e(v.resource.kind)} ${e(v.resource.name)}${
      v.resource.namespace ? ` in ${e(v.resource.namespace)}` : ''
    })</span>`,
  ]);
  const placed = placeFinding(result, rule, v);
  if (v.location?.file) facts.push(['Location', `<code>${e(formatPosition(v.location))}</code>`]);
  else if (placed)
    facts.push([
      'Location',
      `${v.resource.file ? 'declared in' : 'live resource, shown at'} <code>${e(formatPosition(placed.location))}</code>${
        placed.source === 'adr' ? ' (its ADR section)' : placed.source === 'config' ? ' (the environment’s entry)' : ''
      }`,
    ]);
  else facts.push(['Location', 'live resource, declared in no repository file']);
  if (v.relatedLocations?.length)
    facts.push(['Also at', v.relatedLocations.map((l) => `<code>${e(formatPosition(l))}</code>`).join(', ')]);
  if (v.concerns.length)
    facts.push([
      v.concerns.length === 1 ? 'Concern' : 'Concerns',
      `<ul class="concerns">${v.concerns
        .map((c) => {
          const statement = CONCERN_STATEMENT.get(c);
          return `<li><code>${e(c)}</code>${statement ? `: ${prose(statement)}` : ''}</li>`;
        })
        .join('')}</ul>`,
    ]);
  if (rule?.adrSection) {
    const lines = r.sections
      .map((s) => (result.adr?.sections[s] ? `${result.adr.file}:${result.adr.sections[s]}` : ''))
      .filter(Boolean);
    facts.push([
      'ADR section',
      `${e(rule.adrSection)}${lines.length ? ` · ${lines.map((l) => `<code>${e(l)}</code>`).join(', ')}` : ''}`,
    ]);
  }
  facts.push(['Certainty', v.certainty === 'low' ? 'low (inferred, not observed)' : 'high']);
  if (v.suppression) {
    const s = v.suppression;
    facts.push([
      'Suppressed',
      `${e(s.reason)} <span class="sub-inline">(${s.kind}, <code>${e(s.source)}</code>${s.expires ? `, expires ${e(s.expires)}` : ''})</span>`,
    ]);
  }
  if (v.baselineState)
    facts.push(['Baseline', v.baselineState === 'unchanged' ? 'unchanged since the baseline' : 'new']);
  facts.push(['Fingerprint', `<code>${e(v.fingerprint)}</code>`]);

  let out = `<p class="message">${prose(v.message)}</p>\n<dl class="facts">\n${facts
    .map(([k, val]) => `<dt>${k}</dt><dd>${val}</dd>`)
    .join('\n')}\n</dl>`;
  if (v.evidence.length) {
    out += `\n<table class="plain evidence"><caption>Evidence</caption><thead><tr><th scope="col">Field</th><th scope="col">Observed</th><th scope="col">Expected</th><th scope="col">At</th></tr></thead><tbody>${v.evidence
      .map(
        (ev) =>
          `<tr><td><code>${e(ev.path)}</code></td><td><code>${e(formatObserved(ev.observed))}</code></td><td>${
            ev.expected !== undefined ? e(ev.expected) : ''
          }</td><td>${ev.location ? `<code>${e(formatPosition(ev.location))}</code>` : ''}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  }
  const failing = r.state === 'fail' || r.state === 'baseline' || r.state === 'suppressed';
  if (failing && rule && (rule.remediation.text || rule.remediation.commands?.length)) {
    out += `\n<div class="fix"><h3>Fix</h3>${rule.remediation.text ? `<p>${prose(rule.remediation.text)}</p>` : ''}${(
      rule.remediation.commands ?? []
    )
      .map(
        (c, i) =>
          `<div class="cmd"><pre tabindex="0"><code>${e(c)}</code></pre><button type="button" class="copy" aria-label="Copy command ${i + 1} of ${rule.remediation.commands!.length}">Copy</button></div>`,
      )
      .join('')}</div>`;
  }
  if (rule?.docsUrl)
    out += `\n<p class="docs"><a href="${e(rule.docsUrl)}" rel="noopener noreferrer">Rule documentation: ${e(v.ruleId)}</a></p>`;
  return out;
}

function findingBody(result: ScanResult, r: Row, order: number): string {
  const { v } = r;
  const loc = where(result, r);
  const search = [v.resource.id, v.resource.kind, v.resource.name, v.resource.namespace ?? '', v.resource.file ?? '']
    .join(' ')
    .toLowerCase();
  const summaryText = clip(firstSentence(v.message, 400), 180);
  return `<tbody class="finding" id="${r.id}" data-order="${order}" data-priority="${v.priority}" data-verdict="${r.state}" data-layer="${e(r.layer)}" data-concerns="${e(v.concerns.join(' '))}" data-sections="${e(r.sections.join('|'))}" data-rule="${e(v.ruleId)}" data-resource="${e(v.resource.id)}" data-location="${e(loc.sortKey)}" data-search="${e(search)}">
<tr class="row">
<td data-label="Priority">${priorityBadge(v.priority)}</td>
<td data-label="Verdict">${badge(r.state)}</td>
<td data-label="Finding"><button type="button" class="toggle" aria-expanded="false" aria-controls="${r.id}-d"><span class="chev" aria-hidden="true"></span><span class="msg">${prose(summaryText)}</span></button><span class="sub"><code>${e(v.ruleId)}</code>${v.alias ? ` formerly <code>${e(v.alias)}</code>` : ''}</span></td>
<td data-label="Resource"><code class="res">${e(v.resource.id)}</code></td>
<td data-label="Location">${loc.text}</td>
</tr>
<tr class="detail" id="${r.id}-d" hidden>
<td colspan="5"><div class="detail-body">
${detail(result, r)}
</div></td>
</tr>
</tbody>`;
}

function checkboxGroup(
  name: string,
  legend: string,
  options: readonly { value: string; label: string; n: number; checked: boolean }[],
): string {
  return `<fieldset class="group" data-group="${name}">
<legend>${legend}</legend>
${options
  .map(
    (o) =>
      `<label class="check"><input type="checkbox" name="${name}" value="${e(o.value)}"${o.checked ? ' checked' : ''}> <span>${e(o.label)}</span> <span class="count" data-count-for="${e(o.value)}">(${o.n})</span></label>`,
  )
  .join('\n')}
</fieldset>`;
}

function selectGroup(
  name: string,
  label: string,
  all: string,
  options: readonly { value: string; label: string; n: number }[],
): string {
  return `<div class="field">
<label for="f-${name}">${label}</label>
<select id="f-${name}" name="${name}" data-group="${name}">
<option value="">${all}</option>
${options.map((o) => `<option value="${e(o.value)}" data-label="${e(o.label)}">${e(o.label)} (${o.n})</option>`).join('\n')}
</select>
</div>`;
}

/** The findings section around its rows: what comes before the first row's body, and after the last. */
function findingsSection(checks: Checks): [before: string, after: string] {
  const { byPriorityCount: byPriority, byState, byLayer, byConcern, bySection } = checks;
  const shownByDefault = DEFAULT_STATES.reduce((n, s) => n + (byState.get(s) ?? 0), 0);

  const controls = `<form id="filters" class="filters" hidden aria-label="Filter findings">
${checkboxGroup(
  'p',
  'Priority',
  PRIORITIES.map((p) => ({ value: p, label: p, n: byPriority.get(p) ?? 0, checked: true })),
)}
${checkboxGroup(
  'v',
  'Verdict',
  STATE_ORDER.map((s) => ({
    value: s,
    label: s === 'baseline' ? 'Unchanged (baseline)' : STATE_LABEL[s],
    n: byState.get(s) ?? 0,
    checked: DEFAULT_STATES.includes(s),
  })),
)}
<div class="selects">
${selectGroup(
  'layer',
  'Layer',
  'All layers',
  [...byLayer.keys()].sort(layerOrder).map((l) => ({ value: l, label: l, n: byLayer.get(l) ?? 0 })),
)}
${selectGroup(
  'concern',
  'Concern',
  'All concerns',
  [...byConcern.keys()].sort().map((c) => ({ value: c, label: c, n: byConcern.get(c) ?? 0 })),
)}
${selectGroup(
  'section',
  'ADR section',
  'All sections',
  [...bySection.keys()].sort(compareAdrSections).map((s) => ({ value: s, label: s, n: bySection.get(s) ?? 0 })),
)}
<div class="field">
<label for="f-q">Search resources</label>
<input type="search" id="f-q" name="q" autocomplete="off" spellcheck="false" placeholder="id, name, kind or file" aria-describedby="f-q-hint">
<span id="f-q-hint" class="sr-only">Press slash to jump here.</span>
</div>
</div>
<div class="actions">
<button type="button" id="reset">Reset filters</button>
<button type="button" id="show-all">Show every check</button>
<button type="button" id="expand-all">Expand all</button>
<button type="button" id="collapse-all">Collapse all</button>
</div>
</form>
<p class="actions" id="print-opt" hidden><label><input type="checkbox" id="print-passes"> Print passing and skipped checks too</label></p>`;

  const sortable = (key: string, label: string, sorted = false) =>
    `<th scope="col"${sorted ? ' aria-sort="ascending"' : ''}><button type="button" class="sort" data-sort="${key}">${label}<span class="arrow" aria-hidden="true"></span></button></th>`;

  return [
    `<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<p class="note noscript-hint">Every check the scan ran, most urgent first. Open a row for its message, location, evidence and the commands that fix it.</p>
${controls}
<p id="shown" class="shown" role="status" aria-live="polite">${count(checks.total, 'check')}${
      checks.total ? ` (${count(shownByDefault, 'failing finding or error', 'failing findings or errors')})` : ''
    }</p>
<p class="note print-only">Printed: the failing checks and those that could not run. Passing and skipped checks are left out; tick “Print passing and skipped checks too” to print them.</p>
<div class="scroll">
<table id="findings-table" class="findings">
<caption class="sr-only">Findings; sortable by the column buttons</caption>
<thead><tr>${sortable('priority', 'Priority', true)}${sortable('verdict', 'Verdict')}${sortable('rule', 'Finding')}${sortable('resource', 'Resource')}${sortable('location', 'Location')}</tr></thead>
`,
    `
</table>
</div>
<p id="none-shown" class="empty" hidden>No check matches these filters. “Show every check” lists all ${checks.total}.</p>
</section>`,
  ];
}

function errorsSection(result: ScanResult, rows: readonly Row[]): string {
  const failedLayers = Object.entries(result.layers)
    .filter(([, s]) => s?.status === 'failed')
    .sort(([a], [b]) => layerOrder(a, b));
  const errors = rows.filter((r) => r.state === 'error');
  const items = [
    ...failedLayers.map(
      ([name, s]) =>
        `<li data-error="layer">${icon('fail')} Layer <code>${e(name)}</code> could not be collected${s?.reason ? `: ${e(s.reason)}` : ''}</li>`,
    ),
    ...errors.map(
      (r) =>
        `<li data-error="check">${icon('error')} ${priorityBadge(r.v.priority)} <code>${e(r.v.ruleId)}</code> on <code>${e(r.v.resource.id)}</code>${
          r.v.location?.file ? ` at <code>${e(formatPosition(r.v.location))}</code>` : ''
        }: ${prose(r.v.message)} <a href="#${r.id}" class="jump">details</a></li>`,
    ),
  ];
  const intro = items.length
    ? `<p>${count(errors.length, 'check')} could not be run${failedLayers.length ? ` and ${count(failedLayers.length, 'layer')} could not be collected` : ''}. An error is never a pass: these are not counted as complete.</p>`
    : '<p>Every check in scope could be run.</p>';
  return `<section id="errors" class="errors" aria-labelledby="errors-h">
<h2 id="errors-h">Could not check (${errors.length + failedLayers.length})</h2>
${intro}
${items.length ? `<ul class="error-list">\n${items.join('\n')}\n</ul>` : ''}
</section>`;
}

/** Checks that read their input but could not decide: listed with what each depends on. */
function undecidedSection(result: ScanResult, rows: readonly Row[]): string {
  const undecided = rows.filter((r) => r.v.status === 'unknown');
  if (!undecided.length) return '';
  const gates = result.gate.strict
    ? 'This scan is strict: they fail the gate.'
    : 'They do not fail the gate unless the scan is strict (<code>--strict</code>, config <code>strict: true</code>).';
  const items = undecided.map(
    (r) =>
      `<li data-undecided="check">${icon('skip')} ${priorityBadge(r.v.priority)} <code>${e(r.v.ruleId)}</code> on <code>${e(r.v.resource.id)}</code>${
        r.v.location?.file ? ` at <code>${e(formatPosition(r.v.location))}</code>` : ''
      }: ${prose(r.v.message)} Depends on ${(r.v.dependsOn ?? []).map((d) => `<code>${e(d)}</code>`).join(', ')}. <a href="#${r.id}" class="jump">details</a></li>`,
  );
  return `<section id="undecided" class="errors" aria-labelledby="undecided-h">
<h2 id="undecided-h">Could not decide (${undecided.length})</h2>
<p>${count(undecided.length, 'check')} read ${undecided.length === 1 ? 'its input' : 'their inputs'} but could not decide from ${undecided.length === 1 ? 'it' : 'them'}: never a fail, never a pass. ${gates}</p>
<ul class="error-list">
${items.join('\n')}
</ul>
</section>`;
}

function acceptedSection(result: ScanResult, rows: readonly Row[]): string {
  const applied = rows.filter((r) => r.state === 'suppressed');
  const { unused, expired } = result.suppressions;
  const parts: string[] = [];
  if (applied.length) {
    parts.push(
      `<table class="plain"><caption>Applied suppressions (${applied.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Expires</th><th scope="col">Where</th></tr></thead><tbody>${applied
        .map((r) => {
          const s = r.v.suppression!;
          return `<tr><td><code>${e(r.v.ruleId)}</code></td><td><code>${e(r.v.resource.id)}</code></td><td>${e(s.reason)}</td><td>${s.expires ? e(s.expires) : ''}</td><td>${s.kind} <code>${e(s.source)}</code></td></tr>`;
        })
        .join('')}</tbody></table>`,
    );
  }
  const entries = (title: string, list: typeof unused, note: string) => {
    if (!list.length) return;
    parts.push(
      `<table class="plain"><caption>${title} (${list.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Reason</th><th scope="col">Expires</th><th scope="col">Where</th></tr></thead><tbody>${list
        .map(
          (s) =>
            `<tr><td><code>${e(s.rule)}</code></td><td>${s.resource ? `<code>${e(s.resource)}</code>` : 'any'}</td><td>${e(s.reason)}</td><td>${s.expires ? e(s.expires) : ''}</td><td>${s.kind} <code>${e(s.source)}</code></td></tr>`,
        )
        .join('')}</tbody></table><p class="note">${note}</p>`,
    );
  };
  entries('Expired suppressions', expired, 'These no longer apply: renew them with a new date or fix the findings.');
  entries('Unused suppressions', unused, 'These matched no failing finding: remove them.');
  if (result.baseline) {
    const failing = rows.filter((r) => r.v.status === 'fail');
    const unchanged = failing.filter((r) => r.v.baselineState === 'unchanged').length;
    const fixed = result.baseline.fixed;
    parts.push(
      `<p>Baseline <code>${e(result.baseline.file)}</code>: ${failing.length - unchanged} new, ${unchanged} unchanged, ${fixed.length} fixed.</p>`,
    );
    if (fixed.length)
      parts.push(
        `<table class="plain"><caption>Fixed since the baseline (${fixed.length})</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Fingerprint</th></tr></thead><tbody>${[
          ...fixed,
        ]
          .sort((a, b) => (a.ruleId + a.resource < b.ruleId + b.resource ? -1 : 1))
          .map(
            (f) =>
              `<tr><td><code>${e(f.ruleId)}</code></td><td><code>${e(f.resource)}</code></td><td><code>${e(f.fingerprint)}</code></td></tr>`,
          )
          .join('')}</tbody></table>`,
      );
  }
  return `<section id="accepted" aria-labelledby="accepted-h">
<h2 id="accepted-h">Suppressions and baseline</h2>
${parts.length ? parts.join('\n') : '<p>No suppression or baseline applies to this scan.</p>'}
</section>`;
}

// ---------------------------------------------------------------- style and behaviour

// The page's stylesheet and script are real files, packages/reporters/page/report.css and report.ts (linted,
// the script type-checked against the DOM), compiled into ./page.generated.js at build time: STYLE and
// SCRIPT below. The script reads everything from the table's data attributes (no data is embedded as
// script), so the page works without it too.

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** Allows exactly the inline style and script below, no other source of anything, no form target. */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${sha256(STYLE)}'`,
  `script-src 'sha256-${sha256(SCRIPT)}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// ---------------------------------------------------------------- the page

/**
 * Every check of the page, counted, and its rows in the page's order (priority, then state, then the total
 * order). The stored verdicts' rows are kept (the sections before the table link to them); passes come last
 * in each priority and are counted from their compact form, their rows made a rule at a time as the table
 * is written.
 */
interface Checks {
  total: number;
  tally: Tally;
  byPriority: Map<Priority, Tally>;
  bySectionTally: Map<string, Tally>;
  byPriorityCount: Map<string, number>;
  byState: Map<string, number>;
  byLayer: Map<string, number>;
  byConcern: Map<string, number>;
  bySection: Map<string, number>;
  /** The rows of every verdict that is not a pass, in page order, numbered as in the whole table. */
  stored: Row[];
  /** Every row, in page order. */
  rows(): Generator<Row>;
}

function checksOf(result: ScanResult): Checks {
  const rules = rulesById(result);
  const sectionsOf = (rule: RuleMeta | undefined) => (rule ? splitAdrSection(rule.adrSection) : []);
  // A rule judged per source: the layer of the verdict's source.
  const layerOf = (rule: ScannedRule | undefined, source: string | undefined) =>
    rule?.sources?.find((s) => s.name === source)?.layer ?? (rule?.layer || 'unknown');
  const rowOf = (v: Verdict, id: string): Row => {
    const rule = rules.get(v.ruleId);
    return { v, rule, state: stateOf(v), layer: layerOf(rule, v.source), sections: sectionsOf(rule), id };
  };
  const checks: Checks = {
    total: 0,
    tally: emptyTally(),
    byPriority: new Map(),
    bySectionTally: new Map(),
    byPriorityCount: new Map(),
    byState: new Map(),
    byLayer: new Map(),
    byConcern: new Map(),
    bySection: new Map(),
    stored: [],
    rows: () => rows(),
  };
  const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
  const tallyIn = <K>(m: Map<K, Tally>, key: K, state: VerdictState, n: number) => {
    const t = m.get(key) ?? emptyTally();
    t[state] += n;
    m.set(key, t);
  };
  const countChecks = (
    n: number,
    priority: Priority,
    state: VerdictState,
    layer: string,
    concerns: readonly string[],
    sections: readonly string[],
  ) => {
    checks.total += n;
    checks.tally[state] += n;
    tallyIn(checks.byPriority, priority, state, n);
    add(checks.byPriorityCount, priority, n);
    add(checks.byState, state, n);
    add(checks.byLayer, layer, n);
    for (const c of concerns) add(checks.byConcern, c, n);
    for (const section of sections) {
      add(checks.bySection, section, n);
      tallyIn(checks.bySectionTally, section, state, n);
    }
  };

  const isPass = (v: Verdict) => v.status === 'pass';
  const stored = result.verdicts
    .filter((v) => !isPass(v))
    .sort(
      (a, b) =>
        priorityRank(a.priority) - priorityRank(b.priority) ||
        stateRank(stateOf(a)) - stateRank(stateOf(b)) ||
        compareVerdicts(a, b),
    );
  // Passes per priority: the stored ones (--include-passes) and the compact sets.
  const passCount = new Map<Priority, number>();
  for (const v of result.verdicts.filter(isPass)) {
    const rule = rules.get(v.ruleId);
    countChecks(1, v.priority, 'pass', layerOf(rule, v.source), v.concerns, sectionsOf(rule));
    passCount.set(v.priority, (passCount.get(v.priority) ?? 0) + 1);
  }
  for (const set of result.passes ?? []) {
    const rule = rules.get(passSetRuleId(set));
    const n = set.passes.length;
    countChecks(n, set.priority, 'pass', layerOf(rule, set.stamp?.source), set.concerns, sectionsOf(rule));
    passCount.set(set.priority, (passCount.get(set.priority) ?? 0) + n);
  }
  // Priorities in rank order; each one's stored rows (every state before `pass`), then its passes. Ranks,
  // not names, group the stored rows: they are sorted by rank (a priority no rule can have ranks first).
  const ranks = [
    ...new Set([...PRIORITIES, ...stored.map((v) => v.priority), ...passCount.keys()].map(priorityRank)),
  ].sort((a, b) => a - b);
  const passPriorities = [...new Set([...PRIORITIES, ...passCount.keys()])];
  const passesAt = (rank: number) => passPriorities.filter((p) => priorityRank(p) === rank);
  let next = 0;
  let at = 0;
  for (const rank of ranks) {
    for (; at < stored.length && priorityRank(stored[at]!.priority) === rank; at++) {
      const row = rowOf(stored[at]!, `f${++next}`);
      countChecks(1, row.v.priority, row.state, row.layer, row.v.concerns, row.sections);
      checks.stored.push(row);
    }
    for (const p of passesAt(rank)) next += passCount.get(p) ?? 0;
  }

  function* rows(): Generator<Row> {
    let i = 0;
    let n = 0;
    for (const rank of ranks) {
      for (; i < checks.stored.length && priorityRank(checks.stored[i]!.v.priority) === rank; i++) {
        n++;
        yield checks.stored[i]!;
      }
      for (const p of passesAt(rank)) {
        if (!passCount.get(p)) continue;
        for (const v of verdictsInOrder(
          result,
          (v) => isPass(v) && v.priority === p,
          (set) => set.priority === p,
        ))
          yield rowOf(v, `f${++n}`);
      }
    }
  }
  return checks;
}

export function toHtml(result: ScanResult, options: HtmlOptions = {}): string {
  return [...htmlChunks(result, options)].join('');
}

/**
 * The page in pieces, in order: everything up to the findings table, each finding's rows, the rest. The
 * rows (one per check, passes built from their compact form here) are kept; their markup is not.
 */
export function* htmlChunks(result: ScanResult, options: HtmlOptions = {}): Generator<string> {
  const title = options.title ?? 'coditect-audit report';
  const checks = checksOf(result);
  const rows = checks.stored;
  const [findingsBefore, findingsAfter] = findingsSection(checks);
  yield `${head(result, title, CSP, STYLE, options.printPasses)}
<body>
${result.assumptions ? `<p class="assumed" role="note">${e(result.assumptions.banner)}</p>\n` : ''}<a class="skip" href="#findings">Skip to findings</a>
${SPRITE}
${banner(result, title)}
<main id="main" class="wrap">
${overview(result, checks)}
${readiness(result, checks)}${byTargetSection(result)}
${errorsSection(result, rows)}
${undecidedSection(result, rows)}
${findingsBefore}`;
  if (checks.total === 0) yield '<tbody><tr><td colspan="5">The scan ran no check.</td></tr></tbody>';
  let i = 0;
  for (const r of checks.rows()) {
    yield `${i ? '\n' : ''}${findingBody(result, r, i)}`;
    i++;
  }
  yield `${findingsAfter}
${acceptedSection(result, rows)}
</main>
<footer class="wrap">
<p>${e(`${result.tool.name} ${result.tool.version}`)} · environment <code>${e(result.environment.name)}</code> · ${count(
    checks.total,
    'check',
  )}. This page is self-contained: it loads nothing from the network.</p>
</footer>
<div id="announce" class="sr-only" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
