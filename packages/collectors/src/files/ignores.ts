/**
 * Inline suppressions: `# coditect-audit:ignore <rule-id> -- <reason>` (also after `//` or inside
 * `<!-- -->`). A trailing comment covers its own line; a comment on a line of its own covers the next
 * line that is neither blank nor a comment.
 */
import type { InlineIgnore } from '@coditect-audit/core';
import { FileParseError } from './errors.js';

const DIRECTIVE = /(?:#|\/\/|<!--)\s*coditect-audit:ignore\b(.*?)(?:-->)?\s*$/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|<!--)/;

export function findInlineIgnores(file: string, text: string): InlineIgnore[] {
  if (!text.includes('coditect-audit:ignore')) return [];
  const lines = text.split(/\r?\n/);
  const out: InlineIgnore[] = [];
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const body = (m[1] ?? '').trim();
    const [head, ...rest] = body.split(/\s+--\s+/);
    const ruleId = (head ?? '').trim();
    const reason = rest.join(' -- ').trim();
    if (!ruleId || /\s/.test(ruleId) || !reason) {
      throw new FileParseError(
        `inline suppression needs a rule id and a reason: write "coditect-audit:ignore <rule-id> -- <reason>"`,
        i + 1,
        (line.indexOf('coditect-audit:ignore') + 1) || 1,
      );
    }
    const trailing = !COMMENT_ONLY.test(line);
    let target = i + 1;
    if (!trailing) {
      let j = i + 1;
      while (j < lines.length && (lines[j]!.trim() === '' || COMMENT_ONLY.test(lines[j]!))) j++;
      target = Math.min(j + 1, lines.length);
    }
    out.push({ file, line: i + 1, appliesToLine: target, ruleId, reason });
  });
  return out;
}
