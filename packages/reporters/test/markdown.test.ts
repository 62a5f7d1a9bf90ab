import { evaluateGate, fingerprintOf, type ScanResult, summarize, type Verdict } from '@coditect-audit/core';
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_MAX_BYTES, mdCode, mdText, toMarkdown } from '../src/markdown.js';
import { scanResult, SEED } from './arbitrary.js';
import { bareResult, cleanResult, fullResult } from './scenario.js';

function render(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'g'))].map((m) => textOf(m[1]!));

/** Rows of the first table after the heading, as cell texts. */
function tableAfter(html: string, heading: string): string[][] {
  const at = html.indexOf(`${heading}</h`);
  expect(at).toBeGreaterThan(-1);
  const table = /<table>([\s\S]*?)<\/table>/.exec(html.slice(at))![1]!;
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!).trim()),
  );
}

/** Tags GFM produces from our Markdown; anything else would be markup smuggled in by scanned text. */
const EXPECTED_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'ul',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'a',
  'blockquote',
]);

function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
}

describe('Markdown: structure as a GFM renderer sees it', () => {
  const md = toMarkdown(fullResult());
  const html = render(md);

  it('starts with the environment and the gate, then scope, then readiness', () => {
    expect(headings(html, 1)).toEqual(['coditect-audit report: staging']);
    expect(headings(html, 2)).toEqual([
      'Scope',
      'Readiness at a glance',
      'Fix first',
      'Could not check',
      'Could not decide',
      'Findings',
      'Suppressions',
      'Against the baseline',
      'Passed and skipped',
    ]);
    const gate = html.indexOf('Gate failed');
    expect(gate).toBeGreaterThan(-1);
    expect(gate).toBeLessThan(html.indexOf('Scope</h2>'));
    expect(textOf(html)).toContain('Gate failed: 5 findings at or above P0 (fail-on P0, exit code 1).');
    expect(textOf(html)).toContain('Environment: staging');
  });

  it('shows the scope: which layers were scanned, skipped or failed, and why', () => {
    expect(tableAfter(html, 'Scope')).toEqual([
      ['Layer', 'Status', 'Why'],
      ['files', '✅ collected', ''],
      ['gcp', '⏭️ not configured', 'no "gcp" section for staging in coditect-audit.yaml'],
      ['k8s', '⚠️ failed', 'kubeconfig context "staging" not found'],
      ['probe', '⏭️ not configured', ''],
    ]);
  });

  it('counts verdicts by priority in a table', () => {
    const full = fullResult();
    const s = summarize(full.verdicts, full.passes);
    const rows = tableAfter(html, 'Readiness at a glance');
    const keys = ['fail', 'error', 'unknown', 'pass', 'skip', 'suppressed'];
    expect(rows[0]).toEqual(['Priority', '❌ Fail', '⚠️ Error', '❔ Undecided', '✅ Pass', '⏭️ Skip', '🔕 Suppressed']);
    expect(rows[1]).toEqual(['P0', ...keys.map((k) => String(s.byPriority.P0[k as 'fail']))]);
    expect(rows[4]).toEqual(['Total', ...keys.map((k) => String(s.byStatus[k as 'fail']))]);
  });

  it('has a checklist per ADR section in the ADR’s order, with ✅ / ⚠️ / ❌', () => {
    const at = html.indexOf('By ADR section</h3>');
    const list = /<ul>([\s\S]*?)<\/ul>/.exec(html.slice(at))![1]!;
    const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
    expect(items.map((i) => i.split(':')[0])).toEqual([
      '❌ Decision 1',
      '❌ Decision 4',
      '❌ Pending',
      '❌ Pending',
      '➖ Issue 1',
      '❌ Issue 6',
      '➖ Issue 8',
      '⚠️ Issue 9',
      '❌ Issue 10',
      '⚠️ Issue 11',
      '❌ Lesson 2',
      '➖ Lesson 3',
      '❌ Runbook 3',
    ]);
    expect(items[2]).toMatch(/^❌ Pending: Update Secrets: 1 failing \(P0\), 1 suppressed/);
    expect(items[3]).toMatch(/^❌ Pending: Restart Deployment/);
  });

  it('marks a section ✅ when all holds and ⚠️ when only suppressed or unchecked', () => {
    const clean = render(toMarkdown(cleanResult()));
    expect(textOf(clean)).toContain('✅ Decision 4: 1 passed');
    const onlySuppressed = fullResult();
    onlySuppressed.verdicts = onlySuppressed.verdicts.filter(
      (v) => v.ruleId === 'test-placeholder-secret' && v.suppression,
    );
    expect(textOf(render(toMarkdown(onlySuppressed)))).toContain('⚠️ Pending: Update Secrets: 1 suppressed');
  });

  it('lists what to fix first with the exact commands in a code block and the location as path:line', () => {
    const fix = html.slice(html.indexOf('Fix first</h2>'), html.indexOf('Could not check</h2>'));
    expect(headings(fix, 3)).toEqual(['P0 · 5 findings']);
    expect(headings(fix, 4)).toEqual([
      'Deployment guide still points at gcr.io (test-gcr-docs)',
      'License-signing key has the wrong algorithm (test-kms-key)',
      'Secret holds a placeholder value (test-placeholder-secret)',
      'Dependencies under /root while running as non-root (test-root-deps)',
    ]);
    expect(fix).toContain('<code>Dockerfile:51:1</code>');
    expect(fix).toContain('<code>Dockerfile:57:5</code>');
    expect(fix).toContain(
      '<pre><code>COPY --from=builder /root/.local /home/django/.local\nENV PATH=/home/django/.local/bin:$PATH\n</code></pre>',
    );
    // Suppressed and baseline findings do not gate, so they are not in "fix first".
    expect(fix).not.toContain('k8s/secret.yaml:8:3');
    expect(fix).not.toContain('k8s/deployment.yaml:6:13');
  });

  it('collapses each finding in a details block with its evidence', () => {
    const failing = fullResult().verdicts.filter((v) => v.status === 'fail').length;
    const details = [...html.matchAll(/<details>/g)].length;
    expect(details).toBe(failing + 2); // + passed list + skipped list
    const root =
      /<details>\s*<summary>❌ P0 · test-root-deps · Dockerfile#stage:runtime · Dockerfile:51:1<\/summary>([\s\S]*?)<\/details>/.exec(
        html,
      );
    expect(root).not.toBeNull();
    expect(root![1]).toContain('<td><code>stage[1].COPY.destination</code></td>');
    expect(root![1]).toContain('<td><code>/root/.local</code></td>');
  });

  it('lists errors (what could not be checked and why), suppressions and the baseline', () => {
    const errors = tableAfter(html, 'Could not check');
    expect(errors.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['P0', 'test-gcr-docs', 'docs/legacy.md:1'],
      ['P1', 'test-logging', 'no file'],
      ['P2', 'test-pinned-actions', '.github/workflows/deploy.yml:12:3'],
    ]);
    expect(headings(html, 3)).toEqual(
      expect.arrayContaining(['Applied (2)', 'Expired (1)', 'Unused (2)', 'New (10)', 'Fixed (1)']),
    );
    expect(tableAfter(html, 'Fixed (1)')[1]).toEqual([
      'test-root-deps',
      'old/Dockerfile#stage:runtime',
      fingerprintOf('test-root-deps', 'old/Dockerfile#stage:runtime', 'copy:/root'),
    ]);
  });

  it('keeps scanned text as text: no markup gets through, and table columns hold', () => {
    expect([...tagsOf(html)].filter((t) => !EXPECTED_TAGS.has(t))).toEqual([]);
    expect(textOf(html)).toContain('evil]]><x a="1">&amp;|`*_$1$ [31mred(U+202E):latest');
    const tag = /<summary>❌ P2 · test-mutable-tag[\s\S]*?<\/details>/.exec(html)![0];
    const evidence = [...tag.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .map((r) => [...r[1]!.matchAll(/<td/g)].length)
      .filter((n) => n > 0);
    expect(evidence.at(-1)).toBe(4);
  });

  it('says when the gate passes and nothing fails', () => {
    const clean = textOf(render(toMarkdown(cleanResult())));
    expect(clean).toContain('Gate passed: no finding at or above P0 (fail-on P0, exit code 0).');
    expect(clean).toContain('Nothing fails the gate.');
    expect(clean).toContain('No failing findings.');
  });

  it('shows times only when the scan result has them', () => {
    expect(md).not.toContain('Started');
    expect(toMarkdown(bareResult())).toContain('**Started:** 2026-01-15T09:30:00Z');
  });
});

function manyFindings(n: number): ScanResult {
  const { passes: _passes, ...base } = fullResult();
  const rule = base.rules.find((x) => x.id === 'test-root-deps')!;
  const priorities = ['P2', 'P1', 'P0'] as const;
  const verdicts: Verdict[] = Array.from({ length: n }, (_, i) => ({
    ruleId: rule.id,
    status: 'fail',
    priority: priorities[i % 3]!,
    concerns: rule.concerns,
    resource: {
      id: `svc-${i}/Dockerfile#stage:runtime`,
      kind: 'DockerfileStage',
      name: 'runtime',
      file: `svc-${i}/Dockerfile`,
    },
    messageId: 'copied',
    message: `COPY puts /root/.local under /root in service ${i}.`,
    location: { file: `svc-${i}/Dockerfile`, startLine: 51, startColumn: 1 },
    evidence: [{ path: 'stage[1].COPY.destination', observed: '/root/.local', expected: 'a path outside /root' }],
    certainty: 'high',
    fingerprint: fingerprintOf(rule.id, `svc-${i}/Dockerfile#stage:runtime`),
  }));
  return { ...base, verdicts, gate: evaluateGate(verdicts, 'P2', false), summary: summarize(verdicts) };
}

describe('Markdown: byte budget', () => {
  it('stays within GitHub’s job summary limit by default, cutting details and saying so', () => {
    const md = toMarkdown(manyFindings(3_000));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(md).toMatch(
      /> \*\*Note:\*\* this report was shortened to stay under 1032192 bytes .*left out \d+ finding details/,
    );
    const html = render(md);
    expect(headings(html, 2)).toContain('Fix first');
    expect(headings(html, 2)).toContain('Findings');
    expect(html).toContain('more left out to fit the size limit.');
    // The least urgent details go first.
    const kept = [...md.matchAll(/<summary>❌ (P\d)/g)].map((m) => m[1]!);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual([...kept].sort());
    if (kept.includes('P1')) expect(kept.filter((p) => p === 'P0')).toHaveLength(1_000);
  });

  it('cuts fix-first blocks only after every detail is gone', () => {
    const md = toMarkdown(manyFindings(600), { maxBytes: 40_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(40_000);
    expect(md).not.toContain('<details>\n<summary>❌');
    expect(md).toContain('## Fix first');
    expect([...tagsOf(render(md))].filter((t) => !EXPECTED_TAGS.has(t))).toEqual([]);
  });

  it('cuts at a line with a note when even the essentials do not fit', () => {
    const md = toMarkdown(fullResult(), { maxBytes: 600 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(600);
    expect(md).toContain('# coditect-audit report: staging');
    expect(md.trimEnd().endsWith('_…report cut here to fit the size limit._')).toBe(true);
  });

  it('random scan results render, within budget, with no smuggled markup (property-based)', () => {
    fc.assert(
      fc.property(scanResult, fc.integer({ min: 400, max: 20_000 }), (result, maxBytes) => {
        const md = toMarkdown(result, { maxBytes });
        expect(Buffer.byteLength(md)).toBeLessThanOrEqual(maxBytes);
        const html = render(toMarkdown(result));
        expect([...tagsOf(html)].filter((t) => !EXPECTED_TAGS.has(t))).toEqual([]);
        expect(headings(html, 1)).toHaveLength(1);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('Markdown: escaping helpers', () => {
  it('escapes inline markup and keeps code spans intact', () => {
    expect(mdText('a *b* _c_ [d](e) <f> `g` $h$ | ~i~ & #j')).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\$h\\$ \\| \\~i\\~ \\& \\#j',
    );
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b', true)).toBe('<code>a&#124;b</code>');
    expect(render(`| h |\n| --- |\n| ${mdCode('x\\|<y>', true)} |\n`)).toContain(
      '<td><code>x\\&#124;&lt;y&gt;</code></td>',
    );
    expect(render(mdCode('line\nbreak\u0007'))).toBe('<p><code>line break</code></p>\n');
  });
});
