/**
 * Splits a shell script (a workflow `run:`) into commands, each with its argv and the script line it
 * starts on. Not a shell: enough of POSIX quoting for rules to read `docker build --platform ...`.
 *
 * - Commands end at a newline, `&&` or `;` outside quotes, `$(...)` and `${...}`.
 * - `\` + newline joins lines; a heredoc body (`<<EOF` ... `EOF`) is not read as commands.
 * - Other operators (`|`, `||`, `&`, redirections) stay in the command and are argv words of their own.
 * - GitHub expressions (`${{ secrets.X }}`) are kept whole inside a word.
 */

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
