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
  CONCERNS,
  LAYERS,
  PRIORITIES,
  type Priority,
  priorityRank,
  type RuleMeta,
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
  isGating,
  targetRows,
  targetState,
  placeFinding,
  rulesById,
  splitAdrSection,
  stateOf,
  type VerdictState,
} from './common.js';

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

/** How the ADR itself marks an item: done ✅, partly ⚠️, open ❌, or no status (a lesson). */
type ClaimMark = 'done' | 'partial' | 'open' | 'none';

interface AdrItem {
  title: string;
  mark: ClaimMark;
  says: string;
}

const ISSUE = (title: string, impact: string): AdrItem => ({
  title,
  mark: 'open',
  says: `Open issue · impact ${impact}`,
});
const PENDING = (title: string): AdrItem => ({ title, mark: 'open', says: 'Pending' });
const LESSON = (title: string): AdrItem => ({ title, mark: 'none', says: 'Lesson to apply' });

/**
 * ADR-001's checklist as the document states it (status lines, "Pending Completion", the readiness
 * issues with their impact, the lessons): shown beside what the scan measured. Used only when the
 * result's ADR is ADR-001; another ADR gets its sections without claims.
 */
const ADR_001: { says: string; items: Record<string, AdrItem> } = {
  says: 'Implemented (95% complete)',
  items: {
    'Decision 1': { title: 'Migrate from GCR to Artifact Registry', mark: 'done', says: 'Implemented' },
    'Decision 2': { title: 'Multi-platform Docker builds for GKE', mark: 'done', says: 'Implemented' },
    'Decision 3': {
      title: 'Cloud SQL (existing) + Memorystore (new)',
      mark: 'partial',
      says: 'In progress: Cloud SQL ready, Redis creating',
    },
    'Decision 4': {
      title: 'Dockerfile user permissions fix',
      mark: 'partial',
      says: 'Blocked: dependencies not accessible',
    },
    'Pending: Dockerfile Fix': PENDING('Dockerfile fix: /root/.local → /home/django/.local'),
    'Pending: Redis Provisioning': PENDING('Redis provisioning: Memorystore created'),
    'Pending: Update Secrets': PENDING('Update secrets: real Cloud SQL and Redis endpoints'),
    'Pending: Rebuild Image': PENDING('Rebuild image: fixed Dockerfile pushed to Artifact Registry'),
    'Pending: Database Migrations': PENDING('Database migrations: manage.py migrate'),
    'Pending: Restart Deployment': PENDING('Restart deployment: updated secrets and image'),
    'Pending: Smoke Tests': PENDING('Smoke tests: health endpoints respond'),
    'Issue 1': ISSUE('Infrastructure as code gap', 'Medium'),
    'Issue 2': ISSUE('Database user and permissions', 'High'),
    'Issue 3': ISSUE('SSL/TLS for Cloud SQL connections', 'Medium'),
    'Issue 4': ISSUE('Redis authentication and encryption', 'High'),
    'Issue 5': ISSUE('Secrets management with Secret Manager', 'Medium'),
    'Issue 6': ISSUE('Cloud KMS license signing', 'Critical'),
    'Issue 7': ISSUE('Identity Platform OAuth2', 'Critical'),
    'Issue 8': ISSUE('Load balancer and SSL certificate', 'High'),
    'Issue 9': ISSUE('Monitoring and alerting', 'Medium'),
    'Issue 10': ISSUE('Disaster recovery and backups', 'High'),
    'Issue 11': ISSUE('CI/CD pipeline', 'Medium'),
    'Lesson 1': LESSON('Platform deprecations require proactive monitoring'),
    'Lesson 2': LESSON('Multi-platform Docker builds are not optional for GKE'),
    'Lesson 3': LESSON('Infrastructure as code first, not afterthought'),
    'Lesson 4': LESSON('Dockerfile user permissions are critical for security'),
    'Lesson 5': LESSON('Managed services over StatefulSets'),
  },
};

const CLAIM_ICON: Record<ClaimMark, string> = { done: 'pass', partial: 'warn', open: 'open', none: 'skip' };

function isAdr001(result: ScanResult): boolean {
  const base = result.adr?.file.split('/').pop() ?? '';
  return /^ADR-0*1(?!\d)/i.test(base);
}

// ---------------------------------------------------------------- tallies

type Tally = Record<VerdictState, number>;

function emptyTally(): Tally {
  return { fail: 0, assumed: 0, baseline: 0, suppressed: 0, error: 0, unknown: 0, skip: 0, pass: 0 };
}

function tallyOf(verdicts: readonly Verdict[]): Tally {
  const t = emptyTally();
  for (const v of verdicts) t[stateOf(v)]++;
  return t;
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

function overview(result: ScanResult): string {
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
  facts.push(['Rules', `${count(result.rules.length, 'rule')} ran ${count(result.verdicts.length, 'check')}`]);

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
function priorityChart(result: ScanResult): string {
  const width = 720;
  const labelW = 44;
  const textW = 210;
  const barW = width - labelW - textW;
  const rowH = 34;
  const byPriority = PRIORITIES.map((p) => ({ p, t: tallyOf(result.verdicts.filter((v) => v.priority === p)) }));
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

function readiness(result: ScanResult, rows: readonly Row[]): string {
  const adr001 = isAdr001(result);
  const bySection = new Map<string, Verdict[]>();
  for (const r of rows) for (const s of r.sections) bySection.set(s, [...(bySection.get(s) ?? []), r.v]);
  const sections = [
    ...new Set([
      ...Object.keys(result.adr?.sections ?? {}),
      ...(adr001 ? Object.keys(ADR_001.items) : []),
      ...bySection.keys(),
    ]),
  ].sort(compareAdrSections);

  const overall = tallyOf(result.verdicts);
  const overallPct = percentComplete(overall);
  const adrName = result.adr ? (result.adr.file.split('/').pop() ?? result.adr.file) : 'the ADR';
  const claim = adr001
    ? `<p class="claim"><span class="claim-says">${e(adrName)} says: <strong>${e(ADR_001.says)}</strong></span> <span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>`
    : `<p class="claim"><span class="claim-measured">Measured: <strong data-measured="overall">${percentText(overallPct)}</strong> of the checks that apply pass (${overall.pass} of ${total(overall) - overall.skip}).</span></p>`;

  const body = sections
    .map((section) => {
      const vs = bySection.get(section) ?? [];
      const t = tallyOf(vs);
      const pct = percentComplete(t);
      const item = adr001 ? ADR_001.items[section] : undefined;
      const line = result.adr?.sections[section];
      const mark = vs.length ? measuredMark(t) : { icon: 'skip', label: 'No check in this scan' };
      const parts = [
        t.fail + t.baseline ? `${t.fail + t.baseline} failing` : '',
        t.suppressed ? `${t.suppressed} suppressed` : '',
        t.error ? `${t.error} could not be checked` : '',
        t.pass ? `${t.pass} passed` : '',
        t.skip ? `${t.skip} skipped` : '',
      ].filter(Boolean);
      const name = vs.length
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
${priorityChart(result)}
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
  facts.push(['Rule', `<code>${e(v.ruleId)}</code>${rule ? `: ${e(rule.title)}` : ''}`]);
  facts.push([
    'Priority',
    `${v.priority}${isGating(v, result.gate) ? ' · fails the gate' : r.state === 'fail' ? ' · below the gate’s threshold' : r.state === 'unknown' ? ' · could not decide (gates only with --strict)' : r.state === 'assumed' ? ' · on an assumed ADR-001 name: does not gate' : ''}`,
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
<td data-label="Finding"><button type="button" class="toggle" aria-expanded="false" aria-controls="${r.id}-d"><span class="chev" aria-hidden="true"></span><span class="msg">${prose(summaryText)}</span></button><span class="sub"><code>${e(v.ruleId)}</code></span></td>
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

function findingsSection(result: ScanResult, rows: readonly Row[]): string {
  const countBy = (key: (r: Row) => readonly string[]) => {
    const m = new Map<string, number>();
    for (const r of rows) for (const k of key(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const byPriority = countBy((r) => [r.v.priority]);
  const byState = countBy((r) => [r.state]);
  const byLayer = countBy((r) => [r.layer]);
  const byConcern = countBy((r) => r.v.concerns);
  const bySection = countBy((r) => r.sections);
  const shownByDefault = rows.filter((r) => DEFAULT_STATES.includes(r.state)).length;

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

  const bodies = rows.map((r, i) => findingBody(result, r, i)).join('\n');
  return `<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
<p class="note noscript-hint">Every check the scan ran, most urgent first. Open a row for its message, location, evidence and the commands that fix it.</p>
${controls}
<p id="shown" class="shown" role="status" aria-live="polite">${count(rows.length, 'check')}${
    rows.length ? ` (${count(shownByDefault, 'failing finding or error', 'failing findings or errors')})` : ''
  }</p>
<p class="note print-only">Printed: the failing checks and those that could not run. Passing and skipped checks are left out; tick “Print passing and skipped checks too” to print them.</p>
<div class="scroll">
<table id="findings-table" class="findings">
<caption class="sr-only">Findings; sortable by the column buttons</caption>
<thead><tr>${sortable('priority', 'Priority', true)}${sortable('verdict', 'Verdict')}${sortable('rule', 'Finding')}${sortable('resource', 'Resource')}${sortable('location', 'Location')}</tr></thead>
${bodies || '<tbody><tr><td colspan="5">The scan ran no check.</td></tr></tbody>'}
</table>
</div>
<p id="none-shown" class="empty" hidden>No check matches these filters. “Show every check” lists all ${rows.length}.</p>
</section>`;
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

const STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--soft:#f6f8fa;--line:#d0d7de;--link:#0550ae;--focus:#0969da;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.88em}
code{overflow-wrap:anywhere}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.wrap{max-width:1200px;margin:0 auto;padding:0 16px}
.print-only{display:none}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:8px;top:-48px;background:var(--fg);color:#fff;padding:8px 12px;z-index:10;border-radius:4px}
.skip:focus{top:8px}
.sprite{position:absolute;width:0;height:0;overflow:hidden}
.ico{width:1em;height:1em;vertical-align:-.15em;flex:none}
.assumed{margin:0;padding:8px 16px;background:#fff8c5;color:#1f2328;border-bottom:1px solid #d4a72c}
.banner{background:#24292f;color:#fff;padding:16px 0 0}
.banner-in{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center;justify-content:space-between}
.banner h1{margin:0;font-size:1.5rem;line-height:1.25}
.banner .kicker{margin:0;color:#d1d9e0;font-size:.85rem}
.banner .env{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace}
.gate{display:inline-flex;gap:8px;align-items:center;margin:0;padding:6px 14px;border-radius:999px;font-weight:700;font-size:1.05rem;background:#fff;color:var(--fg)}
.gate-failed.gate{color:#82071e}
.gate-passed.gate{color:#0f5323}
.gate-incomplete.gate{color:#6c3b00}
.toc ul{list-style:none;margin:12px auto 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 18px}
.toc a{color:#fff;display:inline-block;padding:8px 0;text-decoration:none;border-bottom:3px solid transparent}
.toc a:hover,.toc a:focus-visible{border-bottom-color:#fff}
main{display:block}
section{margin:28px 0}
h2{font-size:1.3rem;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 8px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:var(--bg)}
.gate-line{font-size:1.05rem;margin:0 0 6px}
.gate-line.gate-failed strong{color:#a40e26}
.gate-line.gate-passed strong{color:#116329}
.gate-line.gate-incomplete strong{color:#7d4e00}
.tallies{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:8px}
.tally{display:inline-flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:6px;padding:4px 10px;text-decoration:none;color:var(--fg);background:var(--soft)}
.tally .n{font-weight:700;font-size:1.1rem}
.tally:hover{border-color:var(--focus)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}
.facts dt{color:var(--muted);font-weight:600}
.facts dd{margin:0;min-width:0}
.note{color:var(--muted);font-size:.9rem}
.sub{display:block;color:var(--muted);font-size:.85rem;font-weight:400}
.sub-inline{color:var(--muted)}
.nowrap{white-space:nowrap}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:6px 0}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);font-size:.9rem}
.plain{margin:8px 0}
.scroll{overflow-x:auto}
.claim{display:flex;flex-wrap:wrap;gap:6px 24px;font-size:1.05rem}
.chart{margin:8px 0 16px}
.chart figcaption{font-weight:600;margin-bottom:4px}
.bars{max-width:100%;height:auto}
.svg-label{font:700 14px system-ui,"DejaVu Sans",sans-serif;fill:#1f2328}
.svg-text{font:13px system-ui,"DejaVu Sans",sans-serif;fill:#1f2328}
.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.88rem}
.checklist th[scope=row]{font-weight:600;min-width:14em}
.checklist th[scope=row] a{font-weight:600}
.pct{font-variant-numeric:tabular-nums}
.pbar{vertical-align:middle;margin-right:6px}
.errors{border:2px solid #8250df;border-radius:8px;padding:12px 16px;background:#fbefff}
.errors h2{border-bottom-color:#c297ff}
.error-list{margin:0;padding-left:0;list-style:none}
.error-list li{margin:6px 0}
.filters{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 10px;background:var(--soft)}
.filters[hidden]{display:none}
.group{border:0;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}
.group legend{font-weight:600;float:left;margin-right:10px;padding:0}
.check{display:inline-flex;gap:4px;align-items:center;min-height:32px;cursor:pointer}
.check input{width:18px;height:18px;margin:0}
.count{color:var(--muted);font-variant-numeric:tabular-nums}
.selects{display:flex;flex-wrap:wrap;gap:8px 16px}
.field{display:flex;flex-direction:column;gap:2px;min-width:12em;flex:1 1 12em}
.field label{font-weight:600;font-size:.9rem}
select,input[type=search]{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:var(--fg);min-height:36px;max-width:100%}
button{font:inherit;color:var(--fg);background:#fff;border:1px solid #8c959f;border-radius:6px;padding:5px 12px;cursor:pointer;min-height:34px}
button:hover{background:#eaeef2}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
.shown{font-weight:600;margin:6px 0}
.findings{table-layout:auto}
.findings thead th{padding:0}
.sort{all:unset;display:block;padding:8px;cursor:pointer;font-weight:700;width:100%;box-sizing:border-box;white-space:nowrap}
.sort:focus-visible{outline:3px solid var(--focus);outline-offset:-3px}
th[aria-sort=ascending] .arrow::after{content:" \\25B2"}
th[aria-sort=descending] .arrow::after{content:" \\25BC"}
tbody.finding.off{display:none}
.row td{border-bottom:0}
tbody.finding{border-bottom:1px solid var(--line)}
.toggle{all:unset;cursor:pointer;display:flex;gap:6px;align-items:flex-start;color:var(--link);font-weight:600}
.toggle:hover .msg{text-decoration:underline}
.toggle:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.chev::before{content:"\\25B6";display:inline-block;font-size:.7em;margin-top:.35em;transition:transform .1s}
.toggle[aria-expanded=true] .chev::before{transform:rotate(90deg)}
.res{font-size:.82rem}
.badge,.pri{display:inline-flex;align-items:center;gap:4px;border-radius:999px;padding:1px 9px;font-size:.82rem;font-weight:600;white-space:nowrap}
.pri{color:#fff}
.pri-P0{background:#a40e26}
.pri-P1{background:#953800}
.pri-P2{background:#424a53}
.v-fail{background:#ffebe9;color:#82071e}
.v-baseline{background:#fff1e5;color:#762c00}
.v-suppressed{background:#fff8c5;color:#6c3b00}
.v-error{background:#fbefff;color:#512a97}
.v-skip{background:#eaeef2;color:#32383f}
.v-pass{background:#dafbe1;color:#0f5323}
.detail td{padding:0 8px 14px}
.detail-body{border-left:4px solid var(--line);padding:4px 0 4px 14px;max-width:100%;overflow-wrap:anywhere}
.message{font-size:1rem;margin:4px 0 10px}
.concerns{margin:0;padding-left:18px}
.evidence{font-size:.9rem}
.fix h3{margin:14px 0 6px;font-size:.95rem}
.cmd{display:flex;gap:8px;align-items:flex-start;margin:6px 0}
.cmd pre{flex:1;min-width:0;margin:0;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow-x:auto;white-space:pre}
.copy{flex:none}
.copy.copied{border-color:#1a7f37;color:#0f5323}
.empty{padding:16px;border:1px dashed var(--line);border-radius:8px;text-align:center}
footer{border-top:1px solid var(--line);margin-top:32px;padding:14px 0 28px;color:var(--muted);font-size:.88rem}
@media (max-width:720px){
body{font-size:14px}
.banner h1{font-size:1.2rem}
.findings thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.findings,.findings tbody,.findings tr,.findings td{display:block;width:100%}
.findings tbody.finding.off{display:none}
.findings tr.detail[hidden]{display:none}
.findings .row{display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 8px;padding:8px 0}
.findings .row td{min-width:0;overflow-wrap:anywhere}
.toggle,.toggle .msg{min-width:0;overflow-wrap:anywhere}
.findings .row td{padding:2px 0;border:0}
.findings .row td[data-label=Finding],.findings .row td[data-label=Resource],.findings .row td[data-label=Location]{grid-column:1 / -1}
.findings .row td[data-label=Resource]::before,.findings .row td[data-label=Location]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
.detail td{padding:0 0 12px}
.facts{grid-template-columns:1fr}
.facts dt{margin-top:6px}
.cmd{flex-direction:column}
.cmd pre{white-space:pre-wrap;overflow-wrap:anywhere;overflow-x:visible}
.checklist thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.checklist,.checklist tbody,.checklist tr,.checklist th,.checklist td{display:block;width:auto}
.checklist tr{padding:8px 0;border-bottom:1px solid var(--line)}
.checklist th,.checklist td{border:0;padding:2px 0}
.checklist th[scope=row]{min-width:0}
.checklist td.nowrap{white-space:normal}
.checklist td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
}
@media print{
body{font-size:11pt;color:#000}
.banner{background:#fff;color:#000;border-bottom:2px solid #000;padding-bottom:8px}
.banner .kicker{color:#000}
.toc,.filters,.actions,.copy,.skip,#none-shown,#shown,.jump,.arrow{display:none!important}
.gate{border:1px solid #000}
tbody.finding,tbody.finding.off{display:table-row-group!important}
tr.detail,tr.detail[hidden]{display:table-row!important}
tbody.finding[data-verdict=pass],tbody.finding[data-verdict=skip]{display:none!important}
html.print-passes tbody.finding[data-verdict=pass],html.print-passes tbody.finding[data-verdict=skip]{display:table-row-group!important}
.print-only{display:block!important}
html.print-passes .print-only{display:none!important}
.toggle{color:#000}
.chev{display:none}
tbody.finding{break-inside:avoid}
.cmd pre{white-space:pre-wrap;overflow:visible}
.scroll{overflow:visible}
a{color:#000}
.badge,.pri,.pbar,.bars,.ico{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section{break-inside:auto}
h2{break-after:avoid}
}
`;

/**
 * The page's behaviour: filters, search, sort, counts and the URL hash; expanding rows; copy buttons.
 * Reads everything from the table's data attributes (no data is embedded as script), so the page works
 * without it too: every row is then visible, collapsed rows stay readable in print.
 */
const SCRIPT = `
(function () {
  'use strict';
  var doc = document;
  var table = doc.getElementById('findings-table');
  var form = doc.getElementById('filters');
  if (!table || !form) return;
  var bodies = Array.prototype.slice.call(table.querySelectorAll('tbody.finding'));
  var STATES = ['fail', 'assumed', 'baseline', 'suppressed', 'error', 'unknown', 'skip', 'pass'];
  var DEFAULT_V = ['fail', 'error'];
  var PRIORITIES = ['P0', 'P1', 'P2'];
  var SELECTS = ['layer', 'concern', 'section'];
  var KEYS = ['p', 'v', 'layer', 'concern', 'section', 'q', 'sort'];
  var rows = bodies.map(function (b) {
    return {
      el: b,
      p: b.getAttribute('data-priority'),
      v: b.getAttribute('data-verdict'),
      layer: b.getAttribute('data-layer'),
      concern: (b.getAttribute('data-concerns') || '').split(' ').filter(Boolean),
      section: (b.getAttribute('data-sections') || '').split('|').filter(Boolean),
      search: b.getAttribute('data-search') || '',
      order: Number(b.getAttribute('data-order')),
      rule: b.getAttribute('data-rule') || '',
      resource: b.getAttribute('data-resource') || '',
      location: b.getAttribute('data-location') || ''
    };
  });
  var state;

  function defaults() {
    return { p: PRIORITIES.slice(), v: DEFAULT_V.slice(), layer: '', concern: '', section: '', q: '', sort: 'priority', desc: false };
  }
  function same(a, b) { return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; }); }

  function parseHash() {
    var hash = location.hash.replace(/^#/, '');
    if (hash.indexOf('=') < 0) return null;
    var s = defaults();
    hash.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 0) return;
      var key = pair.slice(0, at);
      var value;
      try { value = decodeURIComponent(pair.slice(at + 1)); } catch (err) { return; }
      if (key === 'p') s.p = value.split(',').filter(function (x) { return PRIORITIES.indexOf(x) >= 0; });
      else if (key === 'v') s.v = value === 'all' ? STATES.slice() : value.split(',').filter(function (x) { return STATES.indexOf(x) >= 0; });
      else if (key === 'q') s.q = value;
      else if (key === 'sort') { s.desc = value.charAt(0) === '-'; s.sort = value.replace(/^-/, '') || 'priority'; }
      else if (SELECTS.indexOf(key) >= 0) s[key] = value;
    });
    return s;
  }

  function hashOf(s) {
    var d = defaults();
    var parts = [];
    if (!same(s.p, d.p)) parts.push('p=' + encodeURIComponent(s.p.join(',')));
    if (!same(s.v, d.v)) parts.push('v=' + encodeURIComponent(s.v.join(',')));
    SELECTS.forEach(function (k) { if (s[k]) parts.push(k + '=' + encodeURIComponent(s[k])); });
    if (s.q) parts.push('q=' + encodeURIComponent(s.q));
    if (s.sort !== 'priority' || s.desc) parts.push('sort=' + (s.desc ? '-' : '') + s.sort);
    return parts.join('&');
  }

  function writeHash() {
    var h = hashOf(state);
    var url = location.href.split('#')[0] + (h ? '#' + h : '');
    try { history.replaceState(null, '', url); } catch (err) { location.hash = h; }
  }

  function matches(r, s, skip) {
    if (skip !== 'p' && s.p.indexOf(r.p) < 0) return false;
    if (skip !== 'v' && s.v.indexOf(r.v) < 0) return false;
    if (skip !== 'layer' && s.layer && r.layer !== s.layer) return false;
    if (skip !== 'concern' && s.concern && r.concern.indexOf(s.concern) < 0) return false;
    if (skip !== 'section' && s.section && r.section.indexOf(s.section) < 0) return false;
    if (skip !== 'q' && s.q && r.search.indexOf(s.q.toLowerCase()) < 0) return false;
    return true;
  }

  function readForm() {
    var s = defaults();
    s.p = checked('p');
    s.v = checked('v');
    SELECTS.forEach(function (k) { s[k] = form.elements[k].value; });
    s.q = form.elements.q.value.trim();
    s.sort = state ? state.sort : 'priority';
    s.desc = state ? state.desc : false;
    return s;
  }
  function checked(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'))
      .filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function writeForm(s) {
    Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (i) {
      i.checked = s[i.name].indexOf(i.value) >= 0;
    });
    SELECTS.forEach(function (k) {
      var sel = form.elements[k];
      var known = Array.prototype.some.call(sel.options, function (o) { return o.value === s[k]; });
      if (!known) s[k] = '';
      sel.value = s[k];
    });
    form.elements.q.value = s.q;
  }

  var SORT_KEYS = {
    priority: function (r) { return r.order; },
    verdict: function (r) { return STATES.indexOf(r.v); },
    rule: function (r) { return r.rule; },
    resource: function (r) { return r.resource; },
    location: function (r) { return r.location; }
  };

  function sortRows(s) {
    var key = SORT_KEYS[s.sort] || SORT_KEYS.priority;
    var sorted = rows.slice().sort(function (a, b) {
      var ka = key(a), kb = key(b);
      var c = ka < kb ? -1 : ka > kb ? 1 : 0;
      if (s.desc) c = -c;
      return c || a.order - b.order;
    });
    sorted.forEach(function (r) { table.appendChild(r.el); });
    Array.prototype.forEach.call(table.querySelectorAll('th'), function (th) {
      var b = th.querySelector('.sort');
      if (!b) return;
      if (b.getAttribute('data-sort') === s.sort) th.setAttribute('aria-sort', s.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var ok = matches(r, state, null);
      r.el.classList.toggle('off', !ok);
      if (ok) shown++;
    });
    ['p', 'v'].forEach(function (g) {
      Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-group="' + g + '"] .count'), function (span) {
        var value = span.getAttribute('data-count-for');
        var n = rows.filter(function (r) { return r[g] === value && matches(r, state, g); }).length;
        span.textContent = '(' + n + ')';
      });
    });
    SELECTS.forEach(function (g) {
      Array.prototype.forEach.call(form.elements[g].options, function (o) {
        if (!o.value) return;
        var n = rows.filter(function (r) {
          var v = r[g];
          return (Array.isArray(v) ? v.indexOf(o.value) >= 0 : v === o.value) && matches(r, state, g);
        }).length;
        o.textContent = o.getAttribute('data-label') + ' (' + n + ')';
      });
    });
    sortRows(state);
    doc.getElementById('shown').textContent = 'Showing ' + shown + ' of ' + plural(rows.length, 'check', 'checks');
    doc.getElementById('shown').setAttribute('data-shown', String(shown));
    doc.getElementById('none-shown').hidden = shown > 0 || rows.length === 0;
  }

  function setState(s, updateHash) {
    state = s;
    writeForm(state);
    apply();
    if (updateHash) writeHash();
  }

  function expand(body, open) {
    var button = body.querySelector('.toggle');
    var detail = body.querySelector('tr.detail');
    if (!button || !detail) return;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    detail.hidden = !open;
  }

  form.hidden = false;
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  form.addEventListener('change', function () { setState(readForm(), true); });
  form.elements.q.addEventListener('input', function () { setState(readForm(), true); });
  doc.getElementById('reset').addEventListener('click', function () { setState(defaults(), true); });
  doc.getElementById('show-all').addEventListener('click', function () {
    var s = defaults(); s.v = STATES.slice(); setState(s, true);
  });
  doc.getElementById('expand-all').addEventListener('click', function () {
    rows.forEach(function (r) { if (!r.el.classList.contains('off')) expand(r.el, true); });
  });
  doc.getElementById('print-opt').hidden = false;
  doc.getElementById('print-passes').addEventListener('change', function (ev) {
    doc.documentElement.classList.toggle('print-passes', ev.target.checked);
  });
  doc.getElementById('collapse-all').addEventListener('click', function () {
    rows.forEach(function (r) { expand(r.el, false); });
  });

  table.addEventListener('click', function (ev) {
    var target = ev.target;
    var sortButton = target.closest && target.closest('.sort');
    if (sortButton) {
      var key = sortButton.getAttribute('data-sort');
      var s = readForm();
      s.desc = state.sort === key ? !state.desc : false;
      s.sort = key;
      setState(s, true);
      return;
    }
    var toggle = target.closest && target.closest('.toggle');
    if (toggle) {
      expand(toggle.closest('tbody.finding'), toggle.getAttribute('aria-expanded') !== 'true');
      return;
    }
    var copy = target.closest && target.closest('.copy');
    if (copy) copyCommand(copy);
  });

  var live = doc.getElementById('announce');
  function copied(button) {
    button.classList.add('copied');
    button.textContent = 'Copied';
    if (live) live.textContent = 'Command copied to the clipboard';
    setTimeout(function () { button.classList.remove('copied'); button.textContent = 'Copy'; }, 2000);
  }
  function copyFallback(text, button) {
    var area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    doc.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (err) { ok = false; }
    doc.body.removeChild(area);
    if (ok) copied(button);
    else if (live) live.textContent = 'Could not copy: select the command and copy it by hand';
  }
  function copyCommand(button) {
    var code = button.closest('.cmd').querySelector('code');
    var text = code ? code.textContent : '';
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { copyFallback(text, button); });
    } else copyFallback(text, button);
  }

  doc.addEventListener('keydown', function (ev) {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    ev.preventDefault();
    form.elements.q.focus();
  });

  Array.prototype.forEach.call(doc.querySelectorAll('a.jump'), function (a) {
    a.addEventListener('click', function () {
      var body = doc.getElementById(a.getAttribute('href').slice(1));
      if (!body) return;
      if (body.classList.contains('off')) { var s = defaults(); s.v = STATES.slice(); setState(s, true); }
      expand(body, true);
    });
  });

  window.addEventListener('hashchange', function () {
    var s = parseHash();
    if (!s) return;
    setState(s, false);
    var findings = doc.getElementById('findings');
    if (findings && findings.scrollIntoView) findings.scrollIntoView();
  });

  setState(parseHash() || defaults(), false);
})();
`;

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

function rowsOf(result: ScanResult): Row[] {
  const rules = rulesById(result);
  return [...result.verdicts]
    .sort(
      (a, b) =>
        priorityRank(a.priority) - priorityRank(b.priority) ||
        stateRank(stateOf(a)) - stateRank(stateOf(b)) ||
        compareVerdicts(a, b),
    )
    .map((v, i) => {
      const rule = rules.get(v.ruleId);
      return {
        v,
        rule,
        state: stateOf(v),
        // A rule judged per source: the layer of the verdict's source.
        layer: rule?.sources?.find((s) => s.name === v.source)?.layer ?? (rule?.layer || 'unknown'),
        sections: rule ? splitAdrSection(rule.adrSection) : [],
        id: `f${i + 1}`,
      };
    });
}

export function toHtml(result: ScanResult, options: HtmlOptions = {}): string {
  const title = options.title ?? 'coditect-audit report';
  const rows = rowsOf(result);
  return `${head(result, title, CSP, STYLE, options.printPasses)}
<body>
${result.assumptions ? `<p class="assumed" role="note">${e(result.assumptions.banner)}</p>\n` : ''}<a class="skip" href="#findings">Skip to findings</a>
${SPRITE}
${banner(result, title)}
<main id="main" class="wrap">
${overview(result)}
${readiness(result, rows)}${byTargetSection(result)}
${errorsSection(result, rows)}
${undecidedSection(result, rows)}
${findingsSection(result, rows)}
${acceptedSection(result, rows)}
</main>
<footer class="wrap">
<p>${e(`${result.tool.name} ${result.tool.version}`)} · environment <code>${e(result.environment.name)}</code> · ${count(
    result.verdicts.length,
    'check',
  )}. This page is self-contained: it loads nothing from the network.</p>
</footer>
<div id="announce" class="sr-only" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
