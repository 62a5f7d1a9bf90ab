/**
 * The terminal report: failing findings grouped by priority (P0 first), each led by a clickable
 * `path:line:col`; errors; suppression housekeeping; a one-line summary last. Colour only when the
 * caller says so (the CLI decides from the TTY, NO_COLOR and --no-color).
 */
import { PRIORITIES, type Priority, type ScanResult, type Verdict } from '@coditect-audit/core';
import { compareVerdicts, count, formatPosition, stateOf, targetLabel, targetRows, targetState } from './common.js';

export interface ConsoleOptions {
  color: boolean;
}

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
const STATE_ORDER = { fail: 0, baseline: 1, suppressed: 2, error: 3, pass: 4, skip: 5 } as const;

export function toConsole(result: ScanResult, options: ConsoleOptions): string {
  const paint = (style: Style, text: string) => {
    if (!options.color) return text;
    const [on, off] = ANSI[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  };
  const safe = terminalSafe;
  const lines: string[] = [];
  const env = result.environment;
  lines.push(
    paint(
      'bold',
      `${safe(result.tool.name)} ${safe(result.tool.version)} · ${safe(env.name)}${env.tier ? ` (tier ${safe(env.tier)})` : ''} · fail-on ${result.gate.failOn}`,
    ),
  );
  lines.push('');

  const failing = result.verdicts
    .filter((v) => v.status === 'fail')
    .sort((a, b) => STATE_ORDER[stateOf(a)] - STATE_ORDER[stateOf(b)] || compareVerdicts(a, b));
  for (const p of PRIORITIES) {
    const group = failing.filter((v) => v.priority === p);
    if (!group.length) continue;
    const active = group.filter((v) => stateOf(v) === 'fail').length;
    const quiet = group.length - active;
    lines.push(
      paint('bold', paint(PRIORITY_STYLE[p], p)) +
        ` · ${active} failing${quiet ? paint('dim', ` (+${quiet} suppressed or in baseline)`) : ''}`,
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
            : v.baselineState === 'new' && result.baseline
              ? paint('cyan', ' [new]')
              : '';
      const text = `${safe(v.message)}  ${paint('gray', safe(v.ruleId))}${tag}`;
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
        `  ${paint('yellow', '!')} ${paint('bold', safe(where(v)))}  ${safe(v.message)}  ${paint('gray', `${safe(v.ruleId)} ${v.priority}`)}`,
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
  return `${lines.join('\n')}\n`;
}

function summaryLine(result: ScanResult, paint: (style: Style, text: string) => string): string {
  const active = result.verdicts.filter((v) => stateOf(v) === 'fail');
  const byPriority = PRIORITIES.map((p) => [p, active.filter((v) => v.priority === p).length] as const).filter(
    ([, n]) => n > 0,
  );
  const suppressed = result.verdicts.filter((v) => stateOf(v) === 'suppressed').length;
  const baseline = result.verdicts.filter((v) => stateOf(v) === 'baseline').length;
  const errors = result.verdicts.filter((v) => v.status === 'error').length;
  const passed = result.verdicts.filter((v) => v.status === 'pass').length;
  const skipped = result.verdicts.filter((v) => v.status === 'skip').length;

  const parts: string[] = [];
  if (byPriority.length) parts.push(`✖ ${byPriority.map(([p, n]) => `${n} ${p}`).join(', ')} failing`);
  else parts.push('✔ nothing failing');
  const quiet = [suppressed ? `${suppressed} suppressed` : '', baseline ? `${baseline} in baseline` : ''].filter(
    Boolean,
  );
  if (quiet.length) parts[0] += ` (${quiet.join(', ')})`;
  if (errors) parts.push(count(errors, 'error'));
  parts.push(`${passed} passed`);
  if (skipped) parts.push(`${skipped} skipped`);
  const gate = result.gate;
  const gateText = `gate ${gate.status.toUpperCase()} (fail-on ${gate.failOn})`;
  const gateStyle: Style = gate.status === 'failed' ? 'red' : gate.status === 'incomplete' ? 'yellow' : 'green';
  parts.push(paint('bold', paint(gateStyle, gateText)));
  const head = byPriority.length ? paint('red', parts[0]!) : paint('green', parts[0]!);
  return [head, ...parts.slice(1)].join(' · ');
}
