/**
 * Splits a shell script (a workflow `run:`) into commands, each with its argv and the script line it
 * starts on. Not a shell: enough of POSIX quoting for rules to read `docker build --platform ...`.
 *
 * - Commands end at a newline, `&&` or `;` outside quotes, `$(...)` and `${...}`.
 * - `\` + newline joins lines; a heredoc body (`<<EOF` ... `EOF`) is not read as commands.
 * - Other operators (`|`, `||`, `&`, redirections) stay in the command and are argv words of their own.
 * - GitHub expressions (`${{ secrets.X }}`) are kept whole inside a word.
 *
 * Each command is then read into simple commands (`parseSimpleCommands`): its program and arguments after
 * assignments and wrappers, and the operator that joins it to the next, which is what rules ask about.
 */

import type { ShellCommand, ShellOperator, SimpleCommand } from '@coditect-audit/core';

export interface ScriptCommand {
  /** The command's source with continuation lines joined. */
  text: string;
  argv: string[];
  /** 0-based index of the script line the command starts on. */
  lineIndex: number;
}

const OPERATOR_CHARS = new Set(['|', '&', '>', '<']);

export function splitScript(script: string): ScriptCommand[] {
  const commands: ScriptCommand[] = [];
  let argv: string[] = [];
  let word: string | undefined;
  let start = -1;
  let startLine = 0;
  let lineIndex = 0;
  let pendingHeredocs: string[] = [];
  let i = 0;

  const begin = () => {
    if (start < 0) {
      start = i;
      startLine = lineIndex;
    }
  };
  const endWord = () => {
    if (word !== undefined) argv.push(word);
    word = undefined;
  };
  const append = (text: string) => {
    begin();
    word = (word ?? '') + text;
  };
  const endCommand = (end: number) => {
    endWord();
    if (argv.length > 0) {
      const text = script
        .slice(start, end)
        .replace(/[ \t]*\\\n[ \t]*/g, ' ')
        .trim();
      commands.push({ text, argv, lineIndex: startLine });
    }
    argv = [];
    start = -1;
  };
  /** Copies a balanced `open ... close` span (quotes inside honoured) into the current word. */
  const appendBalanced = (open: string, close: string) => {
    let depth = 0;
    let j = i;
    let quote: string | undefined;
    while (j < script.length) {
      const c = script[j]!;
      if (c === '\n') lineIndex++;
      if (quote) {
        if (c === '\\' && quote === '"') j++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (script.startsWith(open, j)) {
        depth++;
        j += open.length - 1;
      } else if (script.startsWith(close, j)) {
        depth--;
        if (depth === 0) {
          j += close.length;
          break;
        }
        j += close.length - 1;
      }
      j++;
    }
    append(script.slice(i, j));
    i = j;
  };

  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === '\n') {
      endCommand(i);
      lineIndex++;
      i++;
      if (pendingHeredocs.length > 0) {
        i = skipHeredocBodies(script, i, pendingHeredocs, (n) => {
          lineIndex += n;
        });
        pendingHeredocs = [];
      }
      continue;
    }
    if (c === '\\') {
      if (next === '\n') {
        lineIndex++;
        i += 2;
        continue;
      }
      if (next !== undefined) append(next);
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && word === undefined) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      lineIndex += countNewlines(script, i + 1, end);
      append(script.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (c === '"') {
      begin();
      i = readDoubleQuoted(script, i + 1, (text, newlines) => {
        lineIndex += newlines;
        word = (word ?? '') + text;
      });
      continue;
    }
    if (c === '$' && next === '{' && script[i + 2] === '{') {
      appendBalanced('${{', '}}');
      continue;
    }
    if (c === '$' && next === '(') {
      appendBalanced('(', ')');
      continue;
    }
    if (c === '$' && next === '{') {
      appendBalanced('{', '}');
      continue;
    }
    if (c === '`') {
      const close = script.indexOf('`', i + 1);
      const end = close < 0 ? script.length : close + 1;
      lineIndex += countNewlines(script, i, end);
      append(script.slice(i, end));
      i = end;
      continue;
    }
    if (c === ';' || (c === '&' && next === '&')) {
      endCommand(i);
      i += c === ';' ? 1 : 2;
      continue;
    }
    if (c === '<' && next === '<' && script[i + 2] !== '<') {
      const heredoc = /^<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(script.slice(i));
      if (heredoc) {
        endWord();
        begin();
        argv.push(heredoc[0].replace(/[ \t]/g, ''));
        pendingHeredocs.push(heredoc[2]!);
        i += heredoc[0].length;
        continue;
      }
    }
    if (OPERATOR_CHARS.has(c)) {
      endWord();
      begin();
      let j = i + 1;
      while (j < script.length && (OPERATOR_CHARS.has(script[j]!) || (script[j] === '-' && script[j - 1] === '&'))) {
        if (script[j] === '&' && script[j + 1] === '&') break;
        j++;
      }
      argv.push(script.slice(i, j));
      i = j;
      continue;
    }
    append(c);
    i++;
  }
  endCommand(script.length);
  return commands;
}

/** Reads a double-quoted string from `from` (after the quote); returns the index after the closing quote. */
function readDoubleQuoted(script: string, from: number, emit: (text: string, newlines: number) => void): number {
  let text = '';
  let newlines = 0;
  let j = from;
  while (j < script.length && script[j] !== '"') {
    const c = script[j]!;
    if (c === '\\' && j + 1 < script.length) {
      const escaped = script[j + 1]!;
      if (escaped === '\n') newlines++;
      else text += '"\\$`'.includes(escaped) ? escaped : c + escaped;
      j += 2;
      continue;
    }
    if (c === '$' && script.startsWith('${{', j)) {
      const close = script.indexOf('}}', j);
      const end = close < 0 ? script.length : close + 2;
      text += script.slice(j, end);
      j = end;
      continue;
    }
    if (c === '\n') newlines++;
    text += c;
    j++;
  }
  emit(text, newlines);
  return j + 1;
}

/** Skips heredoc bodies starting at `from`, one per delimiter, in order. Reports the lines skipped. */
function skipHeredocBodies(
  script: string,
  from: number,
  delimiters: string[],
  skipped: (lines: number) => void,
): number {
  let i = from;
  for (const delimiter of delimiters) {
    while (i < script.length) {
      const end = script.indexOf('\n', i);
      const lineEnd = end < 0 ? script.length : end;
      const line = script.slice(i, lineEnd);
      i = end < 0 ? script.length : end + 1;
      if (end >= 0) skipped(1);
      if (line.trim() === delimiter) break;
    }
  }
  return i;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text[k] === '\n') n++;
  return n;
}

// ---------------------------------------------------------------- simple commands

const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const WRAPPERS = new Set(['sudo', 'command', 'exec', 'nohup']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

interface RawSegment {
  words: string[];
  next?: ShellOperator;
  end: number;
}

/**
 * The simple commands of one command line (`A=1 sudo docker build . || exit 1`): split at `&&`, `||`, `;`,
 * `|`, `&`, newlines and parentheses, with those inside `$( )` and backticks after the others.
 */
export function parseSimpleCommands(text: string, line: number, substituted = false): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const nested: SimpleCommand[] = [];
  const segments: RawSegment[] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endSegment = (next: ShellOperator | undefined, end: number) => {
    endWord();
    if (words.length > 0) segments.push({ words, ...(next ? { next } : {}), end });
    words = [];
  };
  const inner = (body: string) => nested.push(...parseSimpleCommands(body, line, true));

  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const n = text[i + 1];
    if (c === '\\' && n === '\n') {
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endSegment(';', i);
      i++;
      continue;
    }
    if (c === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      word = (word ?? '') + (n ?? '');
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      word = (word ?? '') + text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1] as string)) {
          value += text[j + 1];
          j += 2;
        } else if (text.startsWith('$(', j) && !text.startsWith('$((', j)) {
          const close = matchingParen(text, j + 1);
          inner(text.slice(j + 2, close));
          value += text.slice(j, close + 1);
          j = close + 1;
        } else if (text.startsWith('${{', j)) {
          const close = text.indexOf('}}', j);
          const stop = close < 0 ? text.length : close + 2;
          value += text.slice(j, stop);
          j = stop;
        } else {
          value += text[j];
          j++;
        }
      }
      word = (word ?? '') + value;
      i = j + 1;
      continue;
    }
    if (c === '$' && n === '{') {
      const close = text.startsWith('${{', i) ? text.indexOf('}}', i) + 1 : text.indexOf('}', i);
      const stop = close <= 0 ? text.length : close + 1;
      word = (word ?? '') + text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '$' && n === '(') {
      const close = matchingParen(text, i + 1);
      if (text[i + 2] !== '(') inner(text.slice(i + 2, close));
      word = (word ?? '') + text.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const stop = close < 0 ? text.length : close;
      inner(text.slice(i + 1, stop));
      word = (word ?? '') + text.slice(i, stop + 1);
      i = stop + 1;
      continue;
    }
    if (c === '>' || c === '<') {
      // Redirections stay words (`2>&1`, `&>`), so their `&` is not taken for an operator.
      let j = i + 1;
      while (j < text.length && (text[j] === '>' || text[j] === '&' || text[j] === '|')) j++;
      word = (word ?? '') + text.slice(i, j);
      i = j;
      continue;
    }
    if (c === '&' && n === '>') {
      word = (word ?? '') + '&>';
      i += 2;
      continue;
    }
    if ((c === '&' && n === '&') || (c === '|' && n === '|')) {
      endSegment(c === '&' ? '&&' : '||', i);
      i += 2;
      continue;
    }
    if (c === '|' || c === ';' || c === '&') {
      endSegment(c === '|' ? '|' : c === ';' ? ';' : '&', i);
      i += n === '&' && c === '|' ? 2 : 1;
      continue;
    }
    if ((c === '(' && word === null) || c === ')') {
      endSegment(';', i);
      i++;
      continue;
    }
    word = (word ?? '') + c;
    i++;
  }
  endSegment(undefined, text.length);

  for (const seg of segments) {
    const afterStart = seg.end + (seg.next?.length ?? 0);
    const lineEnd = text.indexOf('\n', afterStart);
    const endsLine = text[seg.end] === '\n';
    const after = seg.next && !endsLine ? text.slice(afterStart, lineEnd < 0 ? text.length : lineEnd).trim() : '';
    const { argv, assignments } = stripPrefix(seg.words);
    if (argv.length === 0 && Object.keys(assignments).length === 0) continue;
    out.push({ argv, assignments, ...(seg.next ? { next: seg.next } : {}), after, substituted, line });
  }
  return [...out, ...nested];
}

/** Index of the `)` closing the `(` at `open`, skipping quotes and nested parentheses. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === "'") {
      const close = text.indexOf("'", j + 1);
      if (close < 0) return text.length;
      j = close;
    } else if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return text.length;
}

function stripPrefix(words: string[]): { argv: string[]; assignments: Record<string, string> } {
  const assignments: Record<string, string> = {};
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    const m = ASSIGNMENT.exec(w);
    if (m) {
      assignments[m[1] as string] = m[2] as string;
      i++;
    } else if (RESERVED_PREFIX.has(w) || WRAPPERS.has(w)) {
      i++;
      // `sudo -E docker ...`: wrapper options are not the program.
      while (w === 'sudo' && words[i]?.startsWith('-')) i++;
    } else if (w === 'env') {
      i++;
      while (words[i]?.startsWith('-')) i++;
    } else break;
  }
  return { argv: words.slice(i), assignments };
}

/**
 * The commands of a script, each with its simple commands, as the snapshot carries them. `lineOf` maps the
 * 0-based script line a command starts on to its line in the file.
 */
export function scriptCommands(script: string, lineOf: (lineIndex: number) => number): ShellCommand[] {
  return splitScript(script).map((c) => commandOf(c.text, c.argv, lineOf(c.lineIndex)));
}

/** A command line with its simple commands parsed from `text`. */
export function commandOf(text: string, argv: string[], line: number): ShellCommand {
  return { text, argv, line, simple: parseSimpleCommands(text, line) };
}
