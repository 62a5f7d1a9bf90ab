/**
 * Inline suppressions: `# coditect-audit:ignore <rule-id> -- <reason>` (also after `//` or inside
 * `<!-- -->`; the `--` may be left out: the first word is then the rule id and the rest the reason).
 * A trailing comment covers its own line; a comment on a line of its own covers the next line that is
 * neither blank nor a comment.
 */
import type { InlineIgnore } from '@coditect-audit/core';
import { FileParseError } from './errors.js';

const DIRECTIVE = /(?:#|\/\/|<!--)\s*coditect-audit:ignore\b(.*?)(?:-->)?\s*$/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|<!--)/;
// In Markdown only an HTML comment is a comment: `#` is a heading, and code blocks show examples.
const MD_DIRECTIVE = /<!--\s*coditect-audit:ignore\b(.*?)-->\s*$/;
const MD_COMMENT_ONLY = /^\s*<!--/;
const MD_FENCE = /^\s*(```|~~~)/;

export interface InlineIgnoreScan {
  ignores: InlineIgnore[];
  /** Directives that name no rule or give no reason, each with its line. */
  errors: FileParseError[];
}

/**
 * Every directive of a file; a malformed one is reported, and the others still count.
 * `syntax: 'markdown'` accepts only `<!-- -->` directives outside fenced code blocks.
 */
export function scanInlineIgnores(file: string, text: string, syntax: 'code' | 'markdown' = 'code'): InlineIgnoreScan {
  const scan: InlineIgnoreScan = { ignores: [], errors: [] };
  if (!text.includes('coditect-audit:ignore')) return scan;
  const lines = text.split(/\r?\n/);
  const directive = syntax === 'markdown' ? MD_DIRECTIVE : DIRECTIVE;
  const commentOnly = syntax === 'markdown' ? MD_COMMENT_ONLY : COMMENT_ONLY;
  let inFence = false;
  lines.forEach((line, i) => {
    if (syntax === 'markdown' && MD_FENCE.test(line)) inFence = !inFence;
    if (inFence) return;
    const m = directive.exec(line);
    if (!m) return;
    const { ruleId, reason } = splitDirective((m[1] ?? '').trim());
    if (!ruleId || !reason) {
      scan.errors.push(
        new FileParseError(
          'inline suppression needs a rule id and a reason: write "coditect-audit:ignore <rule-id> -- <reason>"',
          i + 1,
          line.indexOf('coditect-audit:ignore') + 1 || 1,
        ),
      );
      return;
    }
    let target = i + 1;
    if (commentOnly.test(line)) {
      let j = i + 1;
      while (j < lines.length && (lines[j]!.trim() === '' || commentOnly.test(lines[j]!))) j++;
      target = Math.min(j + 1, lines.length);
    }
    scan.ignores.push({ file, line: i + 1, appliesToLine: target, ruleId, reason });
  });
  return scan;
}

/** Like {@link scanInlineIgnores}, but throws the first malformed directive as a FileParseError. */
export function findInlineIgnores(file: string, text: string, syntax: 'code' | 'markdown' = 'code'): InlineIgnore[] {
  const scan = scanInlineIgnores(file, text, syntax);
  if (scan.errors[0]) throw scan.errors[0];
  return scan.ignores;
}

function splitDirective(body: string): { ruleId: string; reason: string } {
  const dashes = /(?:^|\s)--(?:\s|$)/.exec(body);
  if (dashes) {
    const head = body.slice(0, dashes.index).trim();
    const reason = body.slice(dashes.index + dashes[0].length).trim();
    return { ruleId: /\s/.test(head) ? '' : head, reason };
  }
  const [ruleId = '', ...rest] = body.split(/\s+/);
  return { ruleId, reason: rest.join(' ').trim() };
}
