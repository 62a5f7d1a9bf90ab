/**
 * Markdown for people: PR comments and GitHub job summaries (GFM). The gate and scope first, readiness
 * at a glance, what to fix first with the exact commands, then the details collapsed. Stays within a
 * byte budget (GitHub rejects a job summary over 1 MiB) by leaving out the least useful parts first —
 * passed and skipped lists, then finding details from the least urgent — and says what it left out.
 */
import {
  compactPassCount,
  LAYERS,
  type Location,
  passSetRuleId,
  PRIORITIES,
  type RuleMeta,
  type ScanResult,
  summarize,
  type Verdict,
} from '@coditect-audit/core';
import {
  compareAdrSections,
  compareByPriority,
  compareVerdicts,
  count,
  EXCLUDED_SHOWN,
  exclusionLabel,
  exclusionSummary,
  formatObserved,
  formatPosition,
  passPlacesInOrder,
  failsGate,
  targetLabel,
  targetRows,
  targetState,
  rulesById,
  splitAdrSection,
  stateOf,
} from './common.js';

/** GitHub's job summary limit is 1 MiB; keep a margin for what a workflow appends. */
export const MARKDOWN_MAX_BYTES = 1024 * 1024 - 16 * 1024;

export interface MarkdownOptions {
  /** Size limit in UTF-8 bytes. Default: 1 MiB less a 16 KiB margin. */
  maxBytes?: number;
}

// ---------------------------------------------------------------- escaping

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Bidirectional overrides and isolates would reorder the text around them ("Trojan Source"). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

function visibleBidi(c: string): string {
  return `(U+${c.charCodeAt(0).toString(16).toUpperCase()})`;
}

/**
 * One line of plain text: control characters dropped, line breaks and tabs as spaces, lone surrogates
 * as U+FFFD, bidi overrides shown by their code point instead of obeyed.
 */
function oneLine(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(BIDI_CONTROL, visibleBidi)
      .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
  );
}

/** Inline Markdown text: every character that could start markup (or GitHub math) is backslash-escaped. */
export function mdText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>~&!$#|]/g, (c) => `\\${c}`);
}

/**
 * An inline code span that survives backticks in the content. In a table cell a `|` would end the cell
 * (and `\\|` is read differently by different renderers), so there the text goes into a `<code>`
 * element, escaped as Markdown, with the pipe as a character reference.
 */
export function mdCode(text: string, inTable = false): string {
  const body = oneLine(text);
  if (!body) return '(empty)';
  if (inTable && body.includes('|')) return `<code>${mdText(body).replace(/\\\|/g, '&#124;')}</code>`;
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block longer than any backtick run inside it. */
export function mdCodeBlock(lines: readonly string[]): string {
  const body = lines
    .map((l) =>
      l
        .replace(LONE_SURROGATE, '\uFFFD')
        .replace(BIDI_CONTROL, visibleBidi)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ''),
    )
    .join('\n');
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

/** Text inside raw HTML (`<summary>`), where Markdown is not parsed. */
function html(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function link(text: string, url: string): string {
  try {
    return `[${mdText(text)}](<${new URL(url).href}>)`;
  } catch {
    return mdCode(url);
  }
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |\n`;
}

function tableHead(headers: readonly string[]): string {
  return row(headers) + row(headers.map(() => '---'));
}

// ---------------------------------------------------------------- the byte budget

/** What to leave out first when the report is too big. */
const CUT_ORDER = ['skipped', 'passed', 'details', 'baseline', 'suppressions', 'undecided', 'errors', 'fix'] as const;
type Group = (typeof CUT_ORDER)[number];

/**
 * A run of items that can be shortened from the end; `after` closes it (a table's blank line, `</details>`).
 * The items are produced when asked, in order (`items`), never kept: a large scan has far more of them than
 * the report can hold, so they are measured once and only the ones kept are produced again.
 */
interface ItemList {
  group: Group;
  /** How the reader calls one item in the "left out" note. */
  noun: [string, string];
  /** How many `items` gives. */
  count: number;
  items: () => Iterable<string>;
  after: string;
}
type Part = string | ItemList | 'note';

/** A list of items held already (short lists: the fix-first blocks, the suppression entries). */
function listOf(group: Group, noun: [string, string], items: readonly string[], after: string): ItemList {
  return { group, noun, count: items.length, items: () => items, after };
}

/** A list of one item per entry of `of`, each produced by `item` when asked. */
function lazyList<T>(
  group: Group,
  noun: [string, string],
  of: readonly T[],
  item: (entry: T) => string,
  after: string,
): ItemList {
  return {
    group,
    noun,
    count: of.length,
    items: function* () {
      for (const entry of of) yield item(entry);
    },
    after,
  };
}

const LEFT_OUT = (n: number) => `_…and ${n} more left out to fit the size limit._\n\n`;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * The report within `maxBytes`. Sizes are added up rather than rendered: every piece begins and ends in
 * ASCII (a line break, markup), so the UTF-8 length of the whole is the sum of its pieces'. Only the text
 * that is kept is ever rendered whole.
 */
function assemble(parts: readonly Part[], maxBytes: number): string {
  const lists = parts.filter((p): p is ItemList => typeof p === 'object');
  const keep = new Map(lists.map((l) => [l, l.count]));
  // Per list, the bytes of its first i items (one pass over the items: each is measured and dropped).
  const prefix = new Map(
    lists.map((l) => {
      const sums = new Float64Array(l.count + 1);
      let i = 0;
      for (const item of l.items()) {
        sums[i + 1] = sums[i]! + bytes(item);
        i++;
      }
      return [l, sums];
    }),
  );
  const fixed = new Map(
    parts.filter((p): p is string => typeof p === 'string' && p !== 'note').map((p) => [p, bytes(p)]),
  );

  const note = (): string => {
    const left: string[] = [];
    for (const group of CUT_ORDER) {
      let n = 0;
      let noun: [string, string] = ['item', 'items'];
      for (const l of lists.filter((x) => x.group === group)) {
        n += l.count - keep.get(l)!;
        noun = l.noun;
      }
      if (n) left.push(count(n, noun[0], noun[1]));
    }
    if (!left.length) return '';
    return (
      `> **Note:** this report was shortened to stay under ${maxBytes} bytes (GitHub's job summary limit): ` +
      `left out ${left.join(', ')}. The JSON and SARIF reports have everything.\n\n`
    );
  };
  const size = (): number => {
    let n = 0;
    for (const p of parts) {
      if (p === 'note') n += bytes(note());
      else if (typeof p === 'string') n += fixed.get(p)!;
      else {
        const kept = keep.get(p)!;
        const dropped = p.count - kept;
        n += prefix.get(p)![kept]! + bytes(p.after) + (dropped ? bytes(LEFT_OUT(dropped)) : 0);
      }
    }
    return n;
  };
  const render = (): string => {
    const out: string[] = [];
    for (const p of parts) {
      if (p === 'note') out.push(note());
      else if (typeof p === 'string') out.push(p);
      else {
        const kept = keep.get(p)!;
        let i = 0;
        if (kept > 0)
          for (const item of p.items()) {
            out.push(item);
            if (++i === kept) break;
          }
        const dropped = p.count - kept;
        out.push(p.after + (dropped ? LEFT_OUT(dropped) : ''));
      }
    }
    return out.join('');
  };

  const whole = size();
  if (whole <= maxBytes) return render();

  // Estimate the cut from item sizes (plus room for the notes), then trim until it fits.
  const ordered = CUT_ORDER.flatMap((g) => lists.filter((l) => l.group === g).reverse());
  let excess = whole - maxBytes + 1024;
  for (const l of ordered) {
    const sums = prefix.get(l)!;
    while (excess > 0 && keep.get(l)! > 0) {
      const k = keep.get(l)! - 1;
      keep.set(l, k);
      excess -= sums[k + 1]! - sums[k]!;
    }
  }
  for (const l of ordered) {
    while (size() > maxBytes && keep.get(l)! > 0) keep.set(l, keep.get(l)! - 1);
  }
  const out = render();
  if (bytes(out) <= maxBytes) return out;

  // Even the essentials do not fit (a tiny budget): cut at a line and say so.
  const tail = '\n\n_…report cut here to fit the size limit._\n';
  const room = Math.max(0, maxBytes - bytes(tail));
  const head = Buffer.from(out, 'utf8').subarray(0, room).toString('utf8');
  const cut = head.lastIndexOf('\n');
  return (cut > 0 ? head.slice(0, cut) : '') + tail;
}

// ---------------------------------------------------------------- pieces

const STATE_ICON = {
  fail: '❌',
  baseline: '❌',
  assumed: '🔸',
  suppressed: '🔕',
  error: '⚠️',
  unknown: '❔',
  pass: '✅',
  skip: '⏭️',
} as const;

function where(v: Verdict): string {
  if (v.location?.file) return mdCode(formatPosition(v.location));
  if (v.resource.file) return mdCode(v.resource.file);
  return 'no file (live resource)';
}

/** The resource, led by the fleet targets it belongs to: `[db-a] probe:postgres/…`. */
/** What a row of a verdict or a pass (`PassPlace`) shows of where it is. */
type Placed = Pick<Verdict, 'targets' | 'resource' | 'location'>;

function resourceText(v: Placed): string {
  const label = targetLabel(v);
  return label ? `${label} ${v.resource.id}` : v.resource.id;
}

function resourceCell(v: Placed): string {
  return mdCode(resourceText(v), true);
}

function whereInTable(v: Placed): string {
  if (v.location?.file) return mdCode(formatPosition(v.location), true);
  if (v.resource.file) return mdCode(v.resource.file, true);
  return 'no file';
}

function positionText(v: Verdict): string {
  if (v.location?.file) return formatPosition(v.location);
  return v.resource.file ?? 'no file';
}

function header(result: ScanResult): string {
  const env = result.environment;
  const gate = result.gate;
  const lines: string[] = [];
  // First line: a scan without config judged ADR-001's names; say which, before anything else.
  if (result.assumptions) lines.push(`> ⚠️ ${mdText(result.assumptions.banner)}\n\n`);
  lines.push(`# coditect-audit report: ${mdText(env.name)}\n\n`);
  const threshold = gate.failOn === 'none' ? '' : `at or above ${gate.failOn}`;
  if (gate.failOn === 'none') {
    lines.push(
      `➖ **Gate off** (\`--fail-on none\`): findings are reported, none fails the run (exit code ${gate.exitCode}).\n\n`,
    );
  } else if (gate.status === 'failed') {
    lines.push(
      `❌ **Gate failed**: ${count(gate.failing, 'finding')} ${threshold} (fail-on ${gate.failOn}, exit code ${gate.exitCode}).\n\n`,
    );
  } else if (gate.status === 'incomplete') {
    lines.push(
      `⚠️ **Gate incomplete**: ${count(gate.incomplete, 'check')} ${threshold} could not be run ` +
        `(fail-on ${gate.failOn}, exit code ${gate.exitCode}); --allow-incomplete accepts that.\n\n`,
    );
  } else {
    const waived = gate.incomplete ? `; ${count(gate.incomplete, 'check')} could not be run (allowed)` : '';
    lines.push(
      `✅ **Gate passed**: no finding ${threshold} (fail-on ${gate.failOn}, exit code ${gate.exitCode})${waived}.\n\n`,
    );
  }
  if (gate.unknown && gate.failOn !== 'none') {
    lines.push(
      gate.strict
        ? `❔ ${count(gate.unknown, 'check')} ${threshold} could not be decided and fail${gate.unknown === 1 ? 's' : ''} the gate (\`--strict\`).\n\n`
        : `❔ ${count(gate.unknown, 'check')} ${threshold} could not be decided (not gating; \`--strict\` makes ${gate.unknown === 1 ? 'it' : 'them'} gate).\n\n`,
    );
  }
  return lines.join('');
}

function facts(result: ScanResult): string {
  const env = result.environment;
  const lines = [`- **Environment:** ${mdCode(env.name)}${env.tier ? ` (tier ${mdCode(env.tier)})` : ''}`];
  lines.push(`- **Scanned:** ${mdCode(result.root)}`);
  if (env.configFile)
    lines.push(`- **Configuration:** ${mdCode(`${env.configFile}${env.configLine ? `:${env.configLine}` : ''}`)}`);
  if (result.adr) lines.push(`- **ADR:** ${mdCode(result.adr.file)}`);
  if (result.baseline) lines.push(`- **Baseline:** ${mdCode(result.baseline.file)}`);
  lines.push(`- **Tool:** ${mdText(`${result.tool.name} ${result.tool.version}`)}`);
  if (result.timestamps) {
    lines.push(
      `- **Started:** ${mdText(result.timestamps.startedAt)} · **finished:** ${mdText(result.timestamps.finishedAt)}`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function scope(result: ScanResult): string {
  const names = [
    ...LAYERS,
    ...Object.keys(result.layers)
      .filter((l) => !(LAYERS as readonly string[]).includes(l))
      .sort(),
  ];
  let out = '## Scope\n\n' + tableHead(['Layer', 'Status', 'Why']);
  for (const name of names) {
    const state = (
      result.layers as Record<
        string,
        { status: string; reason?: string; skipped?: { path: string; reason: string }[] } | undefined
      >
    )[name];
    const status = !state
      ? '⏭️ not configured'
      : state.status === 'collected'
        ? '✅ collected'
        : state.status === 'failed'
          ? '⚠️ failed'
          : '⏭️ not configured';
    const why = [
      state?.reason ? mdText(state.reason) : '',
      ...(state?.skipped ?? []).map((k) => `not read: ${mdCode(k.path, true)}: ${mdText(k.reason)}`),
    ].filter(Boolean);
    out += row([mdText(name), status, why.join('<br>')]);
  }
  out += '\n';
  const excluded = result.excluded ?? [];
  const summary = exclusionSummary(result);
  if (!summary) return `${out}Every file of the scanned directory that the scanner reads was read.\n\n`;
  out += `**Not scanned:** ${mdText(summary)}.\n\n${tableHead(['Path', 'Why', 'Detail'])}`;
  for (const x of excluded.slice(0, EXCLUDED_SHOWN))
    out += row([mdCode(x.path), mdText(exclusionLabel(x.reason)), mdText(x.detail)]);
  if (excluded.length > EXCLUDED_SHOWN) out += `\n${excluded.length - EXCLUDED_SHOWN} more in the JSON report.\n`;
  return `${out}\n`;
}

/** Per fleet target and for the environment as a whole: what fails, what could not be checked. */
function byTarget(result: ScanResult): string {
  const rows = targetRows(result);
  if (rows.length === 0) return '';
  const scoped = result.gate.targets?.length
    ? ` The gate fails only on ${result.gate.targets.map((t) => mdCode(t)).join(', ')} and on the environment as a whole.`
    : '';
  let out = `## By target

Every verdict about a server or cluster of the fleet names it.${scoped}

`;
  out += tableHead(['Target', 'State', 'P0', 'P1', 'P2', '⚠️ Error', '✅ Pass', 'Fails the gate']);
  const icon = { failing: '❌ failing', incomplete: '⚠️ incomplete', passing: '✅ passing' } as const;
  for (const r of rows) {
    const name = r.kind === 'environment' ? `${mdCode(r.name)} (environment)` : mdCode(r.name);
    out += row([
      name,
      icon[targetState(r)],
      String(r.failing.P0),
      String(r.failing.P1),
      String(r.failing.P2),
      String(r.errors),
      String(r.passed),
      r.gated ? String(r.gating) : 'not gated',
    ]);
  }
  return `${out}
`;
}

function glance(result: ScanResult, rules: Map<string, RuleMeta>): string {
  const summary = summarize(result.verdicts, result.passes);
  let out = '## Readiness at a glance\n\n';
  out += tableHead(['Priority', '❌ Fail', '⚠️ Error', '❔ Undecided', '✅ Pass', '⏭️ Skip', '🔕 Suppressed']);
  for (const p of PRIORITIES) {
    const c = summary.byPriority[p];
    out += row([
      p,
      String(c.fail),
      String(c.error),
      String(c.unknown),
      String(c.pass),
      String(c.skip),
      String(c.suppressed),
    ]);
  }
  const s = summary.byStatus;
  out += row([
    '**Total**',
    String(s.fail),
    String(s.error),
    String(s.unknown),
    String(s.pass),
    String(s.skip),
    String(s.suppressed),
  ]);
  out += '\n';
  const unchanged = result.verdicts.filter((v) => stateOf(v) === 'baseline').length;
  if (unchanged) {
    out +=
      unchanged === 1
        ? '1 failing finding is unchanged since the baseline and does not fail the gate.\n\n'
        : `${unchanged} failing findings are unchanged since the baseline and do not fail the gate.\n\n`;
  }

  // Per ADR section: ❌ any failure; ⚠️ errors or only suppressed failures; ✅ checked and holding; ➖ only skipped.
  // Stored verdicts by section; passes (compact) only counted.
  const bySection = new Map<string, { verdicts: Verdict[]; passes: number }>();
  const sectionOf = (section: string) => {
    const entry = bySection.get(section) ?? { verdicts: [], passes: 0 };
    bySection.set(section, entry);
    return entry;
  };
  for (const v of result.verdicts) {
    const rule = rules.get(v.ruleId);
    // Appended in place: copying the list per verdict made a large scan's report quadratic.
    for (const section of rule ? splitAdrSection(rule.adrSection) : []) sectionOf(section).verdicts.push(v);
  }
  for (const set of result.passes ?? []) {
    const rule = rules.get(passSetRuleId(set));
    for (const section of rule ? splitAdrSection(rule.adrSection) : []) sectionOf(section).passes += set.passes.length;
  }
  if (bySection.size === 0) return out;
  out += '### By ADR section\n\n';
  for (const section of [...bySection.keys()].sort(compareAdrSections)) {
    const { verdicts: vs, passes } = bySection.get(section)!;
    const n = (state: string) => vs.filter((v) => stateOf(v) === state).length + (state === 'pass' ? passes : 0);
    const failing = n('fail') + n('baseline');
    const icon = failing
      ? '❌'
      : n('error') || n('suppressed') || n('assumed')
        ? '⚠️'
        : n('unknown')
          ? '❔'
          : n('pass')
            ? '✅'
            : '➖';
    const worst = failing
      ? ` (${[...new Set(vs.filter((v) => v.status === 'fail' && !v.suppression).map((v) => v.priority))].sort().join(', ')})`
      : '';
    const parts = [
      failing ? `${failing} failing${worst}` : '',
      n('suppressed') ? `${n('suppressed')} suppressed` : '',
      n('error') ? `${n('error')} could not be checked` : '',
      n('unknown') ? `${n('unknown')} undecided` : '',
      n('assumed') ? `${n('assumed')} on assumed names` : '',
      n('pass') ? `${n('pass')} passed` : '',
      n('skip') ? `${n('skip')} skipped` : '',
    ].filter(Boolean);
    const line = result.adr?.sections[section];
    const at = result.adr && line ? ` · ${mdCode(`${result.adr.file}:${line}`)}` : '';
    out += `- ${icon} **${mdText(section)}**: ${parts.join(', ')}${at}\n`;
  }
  return `${out}\n`;
}

function fixFirst(result: ScanResult, rules: Map<string, RuleMeta>): Part[] {
  const gate = result.gate;
  const gating = result.verdicts.filter(failsGate).sort(compareByPriority);
  const otherFailing = result.verdicts.filter(
    (v) => (stateOf(v) === 'fail' || stateOf(v) === 'assumed') && !failsGate(v),
  ).length;
  const others = otherFailing
    ? ` ${count(otherFailing, 'other failing finding')} below the gate's threshold ${otherFailing === 1 ? 'is' : 'are'} listed under Findings.`
    : '';
  let intro = '## Fix first\n\n';
  if (gate.failOn === 'none') intro += `The gate is off (\`--fail-on none\`).${others}\n\n`;
  else if (!gating.length) intro += `Nothing fails the gate.${others}\n\n`;
  else
    intro += `${count(gating.length, 'finding')} fail the gate (fail-on ${gate.failOn}), most urgent first, each with the commands that fix it.${others}\n\n`;
  if (!gating.length) return [intro];

  // One block per (priority, rule): the rule's fix once, its findings listed by location.
  const blocks: string[] = [];
  for (const p of PRIORITIES) {
    const ofPriority = gating.filter((v) => v.priority === p);
    const ruleIds = [...new Set(ofPriority.map((v) => v.ruleId))];
    ruleIds.forEach((id, i) => {
      const rule = rules.get(id);
      const vs = ofPriority.filter((v) => v.ruleId === id);
      let block = i === 0 ? `### ${p} · ${count(ofPriority.length, 'finding')}\n\n` : '';
      // The old per-layer ids these findings were reported under, so a reader who knows them finds the block.
      const formerly = [...new Set(vs.flatMap((v) => (v.alias ? [v.alias] : [])))].sort();
      const ids = [mdCode(id), ...(formerly.length ? [`formerly ${formerly.map((a) => mdCode(a)).join(', ')}`] : [])];
      block += `#### ${rule ? `${mdText(rule.title)} (${ids.join(', ')})` : ids.join(', ')}\n\n`;
      if (rule) {
        const concerns = rule.concerns.map((c) => mdCode(c)).join(', ');
        block += `ADR section ${mdText(rule.adrSection)} · concerns ${concerns}\n\n`;
      }
      for (const v of vs) block += `- ${where(v)}: ${mdText(v.message)} (resource ${mdCode(resourceText(v))})\n`;
      block += '\n';
      if (rule?.remediation.text) block += `**Fix:** ${mdText(rule.remediation.text)}\n\n`;
      if (rule?.remediation.commands?.length) block += `${mdCodeBlock(rule.remediation.commands)}\n\n`;
      if (rule?.docsUrl) block += `${link('Rule documentation', rule.docsUrl)}\n\n`;
      blocks.push(block);
    });
  }
  return [intro, listOf('fix', ['rule to fix', 'rules to fix'], blocks, '')];
}

function locationsCell(locs: readonly Location[]): string {
  return locs.map((l) => mdCode(formatPosition(l), true)).join(', ');
}

function detail(v: Verdict, rule: RuleMeta | undefined): string {
  const state = stateOf(v);
  const label =
    state === 'suppressed'
      ? ' (suppressed)'
      : state === 'baseline'
        ? ' (unchanged since baseline)'
        : state === 'assumed'
          ? ' (assumed ADR-001 name, does not gate)'
          : state === 'unknown'
            ? ' (could not decide)'
            : '';
  const summary = `${STATE_ICON[state]} ${v.priority}${label} · ${v.ruleId} · ${resourceText(v)} · ${positionText(v)}`;
  let out = `<details>\n<summary>${html(summary)}</summary>\n\n${mdText(v.message)}\n\n`;
  out += tableHead(['Field', 'Value']);
  const fields: [string, string][] = [
    [
      'Rule',
      `${mdCode(v.ruleId, true)}${v.alias ? ` (formerly ${mdCode(v.alias, true)})` : ''}${rule ? `: ${mdText(rule.title)}` : ''}`,
    ],
    ['Priority', `${v.priority}${failsGate(v) ? ' (fails the gate)' : ''}`],
    [
      'Resource',
      `${resourceCell(v)} (${mdText(v.resource.kind)} ${mdText(v.resource.name)}${
        v.resource.namespace ? ` in ${mdText(v.resource.namespace)}` : ''
      })`,
    ],
    ['Location', whereInTable(v)],
  ];
  if (v.targets?.length) fields.splice(2, 0, ['Target', v.targets.map((t) => mdCode(t, true)).join(', ')]);
  if (v.relatedLocations?.length) fields.push(['Also at', locationsCell(v.relatedLocations)]);
  if (rule?.adrSection) fields.push(['ADR section', mdText(rule.adrSection)]);
  if (v.concerns.length) fields.push(['Concerns', v.concerns.map((c) => mdCode(c, true)).join(', ')]);
  fields.push(['Certainty', v.certainty]);
  if (v.dependsOn?.length) fields.push(['Depends on', v.dependsOn.map((d) => mdCode(d, true)).join(', ')]);
  if (v.assumed) fields.push(['Assumed', mdText(v.assumed)]);
  if (v.suppression) {
    const s = v.suppression;
    fields.push([
      'Suppressed',
      `${mdText(s.reason)} (${s.kind}, ${mdCode(s.source, true)}${s.expires ? `, expires ${mdText(s.expires)}` : ''})`,
    ]);
  }
  if (v.baselineState) fields.push(['Baseline', v.baselineState]);
  fields.push(['Fingerprint', mdCode(v.fingerprint, true)]);
  for (const [k, val] of fields) out += row([k, val]);
  out += '\n';
  if (v.evidence.length) {
    out += '**Evidence**\n\n' + tableHead(['Field', 'Observed', 'Expected', 'At']);
    for (const e of v.evidence) {
      out += row([
        mdCode(e.path, true),
        mdCode(formatObserved(e.observed), true),
        e.expected !== undefined ? mdText(e.expected) : '',
        e.location ? mdCode(formatPosition(e.location), true) : '',
      ]);
    }
    out += '\n';
  }
  if (rule?.docsUrl) out += `${link('Rule documentation', rule.docsUrl)}\n\n`;
  return `${out}</details>\n\n`;
}

function findings(result: ScanResult, rules: Map<string, RuleMeta>): Part[] {
  const failing = result.verdicts.filter((v) => v.status === 'fail').sort(compareByPriority);
  if (!failing.length) return ['## Findings\n\nNo failing findings.\n\n'];
  return [
    `## Findings\n\n${count(failing.length, 'failing finding')}, most urgent first.\n\n`,
    lazyList('details', ['finding detail', 'finding details'], failing, (v) => detail(v, rules.get(v.ruleId)), ''),
  ];
}

function errorsSection(result: ScanResult): Part[] {
  const errors = result.verdicts.filter((v) => v.status === 'error').sort(compareByPriority);
  if (!errors.length) return [];
  return [
    `## Could not check\n\n${count(errors.length, 'check')} could not be run; an error is never a pass.\n\n` +
      tableHead(['Priority', 'Rule', 'Resource', 'Location', 'Why']),
    lazyList(
      'errors',
      ['error', 'errors'],
      errors,
      (v) => row([v.priority, mdCode(v.ruleId, true), resourceCell(v), whereInTable(v), mdText(v.message)]),
      '\n',
    ),
  ];
}

function undecidedSection(result: ScanResult): Part[] {
  const undecided = result.verdicts.filter((v) => v.status === 'unknown').sort(compareByPriority);
  if (!undecided.length) return [];
  const gates = result.gate.strict
    ? 'they fail the gate (`--strict`)'
    : 'they do not fail the gate unless `--strict` (config `strict: true`)';
  return [
    `## Could not decide\n\n${count(undecided.length, 'check')} read ${undecided.length === 1 ? 'its input' : 'their inputs'} but could not decide from ${undecided.length === 1 ? 'it' : 'them'}: never a fail, never a pass; ${gates}. Set the value in the repository (a variable default, \`terraform.tfvars\`) or check the live layer.\n\n` +
      tableHead(['Priority', 'Rule', 'Resource', 'Location', 'Depends on', 'Why']),
    lazyList(
      'undecided',
      ['undecided check', 'undecided checks'],
      undecided,
      (v) =>
        row([
          v.priority,
          mdCode(v.ruleId, true),
          mdCode(v.resource.id, true),
          whereInTable(v),
          (v.dependsOn ?? []).map((d) => mdCode(d, true)).join(', '),
          mdText(v.message),
        ]),
      '\n',
    ),
  ];
}

function suppressionsSection(result: ScanResult): Part[] {
  const applied = result.verdicts.filter((v) => stateOf(v) === 'suppressed').sort(compareVerdicts);
  const { unused, expired } = result.suppressions;
  if (!applied.length && !unused.length && !expired.length) return [];
  const parts: Part[] = ['## Suppressions\n\n'];
  if (applied.length) {
    parts.push(`### Applied (${applied.length})\n\n` + tableHead(['Rule', 'Resource', 'Reason', 'Expires', 'Where']));
    parts.push(
      lazyList(
        'suppressions',
        ['suppression', 'suppressions'],
        applied,
        (v) => {
          const s = v.suppression!;
          return row([
            mdCode(v.ruleId, true),
            resourceCell(v),
            mdText(s.reason),
            s.expires ? mdText(s.expires) : '',
            `${s.kind} ${mdCode(s.source, true)}`,
          ]);
        },
        '\n',
      ),
    );
  }
  const entries = (title: string, list: typeof unused, note: string) => {
    if (!list.length) return;
    parts.push(
      `### ${title} (${list.length})\n\n${note}\n\n` + tableHead(['Rule', 'Resource', 'Reason', 'Expires', 'Where']),
    );
    parts.push(
      lazyList(
        'suppressions',
        ['suppression', 'suppressions'],
        list,
        (s) =>
          row([
            mdCode(s.rule, true),
            s.resource ? mdCode(s.resource, true) : 'any',
            mdText(s.reason),
            s.expires ? mdText(s.expires) : '',
            `${s.kind} ${mdCode(s.source, true)}`,
          ]),
        '\n',
      ),
    );
  };
  entries('Expired', expired, 'These no longer apply: renew them with a new date or fix the findings.');
  entries('Unused', unused, 'These matched no failing finding: remove them.');
  return parts;
}

function baselineSection(result: ScanResult): Part[] {
  if (!result.baseline) return [];
  const failing = result.verdicts.filter((v) => v.status === 'fail');
  const fresh = failing.filter((v) => v.baselineState !== 'unchanged').sort(compareByPriority);
  const unchanged = failing.length - fresh.length;
  const fixed = result.baseline.fixed;
  const parts: Part[] = [
    `## Against the baseline\n\nBaseline ${mdCode(result.baseline.file)}: ${fresh.length} new, ${unchanged} unchanged, ${fixed.length} fixed.\n\n`,
  ];
  if (fresh.length) {
    parts.push(`### New (${fresh.length})\n\n` + tableHead(['Priority', 'Rule', 'Resource', 'Location']));
    parts.push(
      lazyList(
        'baseline',
        ['baseline entry', 'baseline entries'],
        fresh,
        (v) => row([v.priority, mdCode(v.ruleId, true), resourceCell(v), whereInTable(v)]),
        '\n',
      ),
    );
  }
  if (fixed.length) {
    parts.push(`### Fixed (${fixed.length})\n\n` + tableHead(['Rule', 'Resource', 'Fingerprint']));
    parts.push(
      lazyList(
        'baseline',
        ['baseline entry', 'baseline entries'],
        fixed,
        (f) => row([mdCode(f.ruleId, true), mdCode(f.resource, true), mdCode(f.fingerprint, true)]),
        '\n',
      ),
    );
  }
  return parts;
}

function passedAndSkipped(result: ScanResult): Part[] {
  // Passes in the total order, built from their compact form a rule at a time whenever the list is walked.
  const passedCount = result.verdicts.filter((v) => v.status === 'pass').length + compactPassCount(result);
  const skipped = result.verdicts.filter((v) => v.status === 'skip').sort(compareVerdicts);
  if (!passedCount && !skipped.length) return [];
  const parts: Part[] = ['## Passed and skipped\n\n'];
  if (passedCount) {
    parts.push(
      `<details>\n<summary>✅ ${html(count(passedCount, 'passed check'))}</summary>\n\n` +
        tableHead(['Rule', 'Resource', 'Location']),
    );
    parts.push({
      group: 'passed',
      noun: ['passed check', 'passed checks'],
      count: passedCount,
      items: function* () {
        for (const v of passPlacesInOrder(result))
          yield row([mdCode(v.ruleId, true), resourceCell(v), whereInTable(v)]);
      },
      after: '\n</details>\n\n',
    });
  }
  if (skipped.length) {
    parts.push(
      `<details>\n<summary>⏭️ ${html(count(skipped.length, 'skipped check'))}</summary>\n\n` +
        tableHead(['Rule', 'Resource', 'Why']),
    );
    parts.push(
      lazyList(
        'skipped',
        ['skipped check', 'skipped checks'],
        skipped,
        (v) => row([mdCode(v.ruleId, true), resourceCell(v), mdText(v.message)]),
        '\n</details>\n\n',
      ),
    );
  }
  return parts;
}

export function toMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const rules = rulesById(result);
  const parts: Part[] = [
    header(result),
    'note',
    facts(result),
    scope(result),
    glance(result, rules),
    byTarget(result),
    ...fixFirst(result, rules),
    ...errorsSection(result),
    ...undecidedSection(result),
    ...findings(result, rules),
    ...suppressionsSection(result),
    ...baselineSection(result),
    ...passedAndSkipped(result),
  ];
  return `${assemble(parts, options.maxBytes ?? MARKDOWN_MAX_BYTES).trimEnd()}\n`;
}
