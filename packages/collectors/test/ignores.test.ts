import { describe, expect, it } from 'vitest';
import { FileParseError } from '../src/files/errors.js';
import { findInlineIgnores, scanInlineIgnores } from '../src/files/ignores.js';

describe('inline ignores', () => {
  it('covers its own line when trailing, else the next line that is not blank or a comment', () => {
    const text = [
      'a: 1 # coditect-audit:ignore rule-a -- trailing reason',
      '# coditect-audit:ignore rule-b -- standalone reason',
      '',
      '# another comment',
      'b: 2',
      'c: 3 // coditect-audit:ignore rule-c -- slashes',
    ].join('\n');
    expect(findInlineIgnores('f.yaml', text)).toEqual([
      { file: 'f.yaml', line: 1, appliesToLine: 1, ruleId: 'rule-a', reason: 'trailing reason' },
      { file: 'f.yaml', line: 2, appliesToLine: 5, ruleId: 'rule-b', reason: 'standalone reason' },
      { file: 'f.yaml', line: 6, appliesToLine: 6, ruleId: 'rule-c', reason: 'slashes' },
    ]);
  });

  it('accepts the form without "--": the first word is the rule id', () => {
    expect(findInlineIgnores('f', 'x # coditect-audit:ignore rule-a the reason here')).toEqual([
      { file: 'f', line: 1, appliesToLine: 1, ruleId: 'rule-a', reason: 'the reason here' },
    ]);
    expect(findInlineIgnores('f', 'x # coditect-audit:ignore rule-a -- a -- b')[0]!.reason).toBe('a -- b');
  });

  it('reports a directive without a reason or rule id at its line and column, and keeps the others', () => {
    const scan = scanInlineIgnores(
      'f',
      'a # coditect-audit:ignore rule-a\nb # coditect-audit:ignore -- why\nc # coditect-audit:ignore r -- ok\n',
    );
    expect(scan.ignores.map((i) => i.ruleId)).toEqual(['r']);
    expect(scan.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 5],
      [2, 5],
    ]);
    expect(() => findInlineIgnores('f', 'a # coditect-audit:ignore rule-a')).toThrow(FileParseError);
  });

  it('returns nothing when no directive is present', () => {
    expect(scanInlineIgnores('f', 'plain text')).toEqual({ ignores: [], errors: [] });
  });
});

describe('inline ignores in Markdown', () => {
  it('only HTML comments outside code blocks are directives', () => {
    const md = [
      '# coditect-audit:ignore gcr-docs-reference -- a heading, not a comment',
      '```yaml',
      '<!-- coditect-audit:ignore gcr-docs-reference -- an example in a code block -->',
      '```',
      '<!-- coditect-audit:ignore gcr-docs-reference -- the legacy guide is kept for history -->',
      'docker push gcr.io/p/img:1',
    ].join('\n');
    expect(scanInlineIgnores('docs/guide.md', md, 'markdown').ignores).toEqual([
      {
        file: 'docs/guide.md',
        line: 5,
        appliesToLine: 6,
        ruleId: 'gcr-docs-reference',
        reason: 'the legacy guide is kept for history',
      },
    ]);
  });
});
