/**
 * The terminal report: failing findings grouped by priority (P0 first), each led by a clickable
 * `path:line:col`; errors; suppression housekeeping; a one-line summary last. Colour only when the
 * caller says so (the CLI decides from the TTY, NO_COLOR and --no-color).
 */
import {
  allVerdicts,
  compactPassCount,
  PRIORITIES,
  type Priority,
  type ScanResult,
  type Verdict,
} from '@coditect-audit/core';
import {
  compareVerdicts,
  count,
  dependsOnText,
  EXCLUDED_SHOWN,
  exclusionLabel,
  exclusionSummary,
  formatPosition,
  ruleIdText,
  stateOf,
  targetLabel,
  targetRows,
  targetState,
} from './common.js';

export interface ConsoleOptions {
  color: boolean;
  /** Columns to fit: lines are wrapped (never cut) at spaces, continuation lines indented; default 100. */
  width?: number;
  /** List every passed check, one line each (`--include-passes`); default only their number. */
  includePasses?: boolean;
}

export const CONSOLE_WIDTH = 100;

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'blue' | 'cyan' | 'gray';
const ANSI: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  blue: [34, 39],
  cyan: [36, 39],
  gray: [90, 39],
};
const PRIORITY_STYLE: Record<Priority, Style> = { P0: 'red', P1: 'yellow', P2: 'blue' };

/**
 * Text from the scan shown on a terminal: control characters (escape sequences included) and bidi
 * overrides are shown as `\xNN` / `\u{NNNN}` instead of being obeyed; line breaks become spaces.
 */
export function terminalSafe(text: string): string {
  return (
    text
      .replace(/\r\n|[\r\n]/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this function neutralizes
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
      .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
  );
}

function where(v: Verdict): string {
  const label = targetLabel(v);
  const at = v.location?.file ? formatPosition(v.location) : (v.resource.file ?? v.resource.id);
  return label ? `${label} ${at}` : at;
}

/** Active failures first, then unchanged-since-baseline, then suppressed; each in the total order. */
const STATE_ORDER = {
  fail: 0,
  assumed: 1,
  baseline: 2,
  suppressed: 3,
  error: 4,
  unknown: 5,
  pass: 6,
  skip: 7,
} as const;

export function toConsole(result: ScanResult, options: ConsoleOptions): string {
  const paint = (style: Style, text: string) => {
    if (!options.color) return text;
    const [on, off] = ANSI[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  };
  const safe = terminalSafe;
  const lines: string[] = [];
  const env = result.environment;
  if (result.assumptions) lines.push(paint('yellow', safe(result.assumptions.banner)));
  lines.push(
    paint(
      'bold',
      `${safe(result.tool.name)} ${safe(result.tool.version)} · ${safe(env.name)}${env.tier ? ` (tier ${safe(env.tier)})` : ''} · fail-on ${result.gate.failOn}`,
    ),
  );
  for (const [layer, state] of Object.entries(result.layers))
    for (const k of state?.skipped ?? [])
      lines.push(paint('gray', `${safe(layer)}: not read: ${safe(k.path)} (${safe(k.reason)})`));
  lines.push('');

  const failing = result.verdicts
    .filter((v) => v.status === 'fail')
    .sort((a, b) => STATE_ORDER[stateOf(a)] - STATE_ORDER[stateOf(b)] || compareVerdicts(a, b));
  for (const p of PRIORITIES) {
    const group = failing.filter((v) => v.priority === p);
    if (!group.length) continue;
    const active = group.filter((v) => stateOf(v) === 'fail').length;
    const assumed = group.filter((v) => stateOf(v) === 'assumed').length;
    const quiet = group.length - active - assumed;
    const notes = [
      quiet ? `+${quiet} suppressed or in baseline` : '',
      assumed ? `+${assumed} on assumed ADR-001 names` : '',
    ].filter(Boolean);
    lines.push(
      paint('bold', paint(PRIORITY_STYLE[p], p)) +
        ` · ${active} failing${notes.length ? paint('dim', ` (${notes.join(', ')})`) : ''}`,
    );
    for (const v of group) {
      const state = stateOf(v);
      const mark = state === 'fail' ? paint(PRIORITY_STYLE[p], '✖') : paint('gray', '○');
      const tag =
        state === 'suppressed'
          ? paint(
              'dim',
              ` [suppressed: ${safe(v.suppression!.reason)}${v.suppression!.expires ? `, until ${safe(v.suppression!.expires)}` : ''}]`,
            )
          : state === 'baseline'
            ? paint('dim', ' [unchanged since baseline]')
            : state === 'assumed'
              ? paint('dim', ' [ADR-001 name assumed: does not gate]')
              : v.baselineState === 'new' && result.baseline
                ? paint('cyan', ' [new]')
                : '';
      const text = `${safe(v.message)}  ${paint('gray', safe(ruleIdText(v)))}${tag}`;
      lines.push(`  ${mark} ${paint('bold', safe(where(v)))}  ${state === 'fail' ? text : paint('dim', text)}`);
      // The lead column is a file when one is known; then the resource goes on its own line.
      if (v.location?.file || v.resource.file) lines.push(`      ${paint('gray', `resource ${safe(v.resource.id)}`)}`);
    }
    lines.push('');
  }

  const errors = result.verdicts.filter((v) => v.status === 'error').sort(compareVerdicts);
  if (errors.length) {
    lines.push(`${paint('bold', paint('yellow', 'Could not check'))} · ${count(errors.length, 'error')}`);
    for (const v of errors) {
      lines.push(
        `  ${paint('yellow', '!')} ${paint('bold', safe(where(v)))}  ${safe(v.message)}  ${paint('gray', `${safe(ruleIdText(v))} ${v.priority}`)}`,
      );
    }
    lines.push('');
  }

  const undecided = result.verdicts.filter((v) => v.status === 'unknown').sort(compareVerdicts);
  if (undecided.length) {
    const gates = result.gate.strict ? 'gates: --strict' : 'does not gate; --strict makes it';
    lines.push(`${paint('bold', paint('cyan', 'Could not decide'))} · ${undecided.length} (${gates})`);
    for (const v of undecided) {
      const tag = v.suppression ? paint('dim', ` [suppressed: ${safe(v.suppression.reason)}]`) : '';
      lines.push(
        `  ${paint('cyan', '?')} ${paint('bold', safe(where(v)))}  ${safe(v.message)}  ${paint('gray', `depends on ${safe(dependsOnText(v))} · ${safe(ruleIdText(v))} ${v.priority}`)}${tag}`,
      );
    }
    lines.push('');
  }

  const { unused, expired } = result.suppressions;
  if (unused.length || expired.length) {
    lines.push(
      `${paint('bold', 'Suppressions')} · ${[expired.length ? `${expired.length} expired` : '', unused.length ? `${unused.length} unused` : ''].filter(Boolean).join(', ')}`,
    );
    for (const s of expired) {
      lines.push(
        `  ${paint('yellow', 'expired')} ${safe(s.source)}  ${safe(s.rule)}${s.resource ? ` on ${safe(s.resource)}` : ''} (${safe(s.expires ?? '')}): ${safe(s.reason)}`,
      );
    }
    for (const s of unused) {
      lines.push(
        `  ${paint('gray', 'unused')}  ${safe(s.source)}  ${safe(s.rule)}${s.resource ? ` on ${safe(s.resource)}` : ''}: ${safe(s.reason)}`,
      );
    }
    lines.push('');
  }

  if (result.baseline) {
    const fresh = failing.filter((v) => v.baselineState === 'new').length;
    const unchanged = failing.filter((v) => v.baselineState === 'unchanged').length;
    lines.push(
      `${paint('bold', 'Baseline')} ${safe(result.baseline.file)} · ${fresh} new, ${unchanged} unchanged, ${result.baseline.fixed.length} fixed`,
    );
    lines.push('');
  }

  if (options.includePasses) {
    // Built from their compact form here, in the total order.
    const passed = [...allVerdicts(result)].filter((v) => v.status === 'pass').sort(compareVerdicts);
    lines.push(`${paint('bold', paint('green', 'Passed'))} · ${passed.length}`);
    for (const v of passed)
      lines.push(
        `  ${paint('green', '✔')} ${safe(where(v))}  ${safe(v.message)}  ${paint('gray', `${safe(ruleIdText(v))} ${v.priority}`)}`,
      );
    lines.push('');
  }

  const notScanned = exclusionSummary(result);
  if (notScanned) {
    lines.push(`${paint('bold', 'Not scanned')} ${safe(notScanned)}`);
    for (const x of (result.excluded ?? []).slice(0, EXCLUDED_SHOWN))
      lines.push(`  ${safe(x.path)}  ${paint('dim', safe(`${exclusionLabel(x.reason)}: ${x.detail}`))}`);
    if ((result.excluded ?? []).length > EXCLUDED_SHOWN)
      lines.push(`  … ${(result.excluded ?? []).length - EXCLUDED_SHOWN} more in the JSON report`);
    lines.push('');
  }
  const rows = targetRows(result);
  if (rows.length) {
    lines.push(`${paint('bold', 'By target')} · ${count(rows.length - 1, 'target')} and the environment`);
    const width = Math.max(...rows.map((r) => r.name.length + (r.kind === 'environment' ? 14 : 0)));
    for (const r of rows) {
      const state = targetState(r);
      const mark =
        state === 'failing' ? paint('red', '✖') : state === 'incomplete' ? paint('yellow', '!') : paint('green', '✔');
      const failing = (['P0', 'P1', 'P2'] as const).filter((p) => r.failing[p] > 0).map((p) => `${r.failing[p]} ${p}`);
      const text = [
        failing.length ? `${failing.join(', ')} failing` : 'nothing failing',
        r.errors ? count(r.errors, 'error') : '',
        `${r.passed} passed`,
        r.gated ? '' : 'not gated',
      ].filter(Boolean);
      const name = r.kind === 'environment' ? `${r.name} (environment)` : r.name;
      lines.push(`  ${mark} ${paint('bold', safe(name.padEnd(width)))}  ${text.join(' · ')}`);
    }
    lines.push('');
  }

  lines.push(summaryLine(result, paint));
  const width = options.width ?? CONSOLE_WIDTH;
  return `${lines.flatMap((l) => wrapLine(l, width)).join('\n')}\n`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences paint() writes
const ANSI_SEQUENCE = /\u001b\[\d+m/g;
const visibleLength = (text: string) => [...text.replace(ANSI_SEQUENCE, '')].length;

/**
 * One report line as lines of at most `width` visible columns. A line of ` · `-separated parts (the header,
 * the summary) breaks between parts, so `gate FAILED (fail-on P0)` stays whole for whoever greps for it;
 * any other line, or a part longer than a line, breaks at spaces; a word longer than a line (a long path)
 * is split. Continuation lines are indented 4 past the line's own indent. Colour escape sequences take no
 * column. Nothing is cut.
 */
export function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const indent = ' '.repeat(Math.min(lead.length + 4, Math.floor(width / 2)));
  const out: string[] = [];
  let current = lead;
  let used = lead.length;
  let empty = true;
  const flush = () => {
    out.push(current.trimEnd());
    current = indent;
    used = indent.length;
    empty = true;
  };
  /** Appends text that fits on the current line, after a space unless the line is empty. */
  const put = (text: string, length: number) => {
    if (!empty) {
      current += ' ';
      used += 1;
    }
    current += text;
    used += length;
    empty = false;
  };
  const fits = (length: number) => used + (empty ? 0 : 1) + length <= width;
  const putWord = (word: string) => {
    const length = visibleLength(word);
    if (!fits(length) && !empty) flush();
    if (fits(length)) {
      put(word, length);
      return;
    }
    // Longer than a whole line: split by visible characters, escape sequences kept whole.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences paint() writes
    for (const piece of word.split(/(\u001b\[\d+m)/)) {
      if (piece.startsWith('\u001b[')) {
        current += piece;
        continue;
      }
      for (const ch of piece) {
        if (used + 1 > width) flush();
        current += ch;
        used += 1;
        empty = false;
      }
    }
  };
  const parts = line.slice(lead.length).split(' · ');
  for (const [i, part] of parts.entries()) {
    const text = i === 0 ? part : `· ${part}`;
    const length = visibleLength(text);
    if (parts.length > 1 && !fits(length) && !empty && indent.length + length <= width) flush();
    if (parts.length > 1 && fits(length)) put(text, length);
    else for (const word of text.split(' ')) putWord(word);
  }
  if (!empty) out.push(current.trimEnd());
  return out;
}

function summaryLine(result: ScanResult, paint: (style: Style, text: string) => string): string {
  const active = result.verdicts.filter((v) => stateOf(v) === 'fail');
  const byPriority = PRIORITIES.map((p) => [p, active.filter((v) => v.priority === p).length] as const).filter(
    ([, n]) => n > 0,
  );
  const suppressed = result.verdicts.filter((v) => stateOf(v) === 'suppressed').length;
  const baseline = result.verdicts.filter((v) => stateOf(v) === 'baseline').length;
  const assumed = result.verdicts.filter((v) => stateOf(v) === 'assumed').length;
  const undecided = result.verdicts.filter((v) => v.status === 'unknown').length;
  const errors = result.verdicts.filter((v) => v.status === 'error').length;
  const passed = result.verdicts.filter((v) => v.status === 'pass').length + compactPassCount(result);
  const skipped = result.verdicts.filter((v) => v.status === 'skip').length;

  const parts: string[] = [];
  if (byPriority.length) parts.push(`✖ ${byPriority.map(([p, n]) => `${n} ${p}`).join(', ')} failing`);
  else parts.push('✔ nothing failing');
  const quiet = [
    suppressed ? `${suppressed} suppressed` : '',
    baseline ? `${baseline} in baseline` : '',
    assumed ? `${assumed} on assumed names` : '',
  ].filter(Boolean);
  if (quiet.length) parts[0] += ` (${quiet.join(', ')})`;
  if (errors) parts.push(count(errors, 'error'));
  if (undecided) parts.push(`${undecided} undecided`);
  parts.push(`${passed} passed`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (result.excluded?.length) parts.push(paint('yellow', `${count(result.excluded.length, 'path')} not scanned`));
  const gate = result.gate;
  const gateText = `gate ${gate.status.toUpperCase()} (fail-on ${gate.failOn}${gate.strict ? ', strict' : ''})`;
  const gateStyle: Style = gate.status === 'failed' ? 'red' : gate.status === 'incomplete' ? 'yellow' : 'green';
  parts.push(paint('bold', paint(gateStyle, gateText)));
  const head = byPriority.length ? paint('red', parts[0]!) : paint('green', parts[0]!);
  return [head, ...parts.slice(1)].join(' · ');
}
