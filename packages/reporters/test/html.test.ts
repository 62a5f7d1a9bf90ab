/**
 * The HTML report as text: golden files for the reporters' scenarios, a Content-Security-Policy that
 * allows exactly the inline style and script the page carries, nothing that loads from anywhere,
 * everything from the result escaped, every verdict a row with the data its filters read, errors in a
 * section of their own, and the ADR checklist beside the measured completeness. The browser tests
 * (test/html-browser.test.ts) drive the same page in Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allVerdicts, type ScanResult } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateOf } from '../src/common.js';
import { escapeHtml, REPORTERS, toHtml } from '../src/index.js';
import { scanResult, SEED } from './arbitrary.js';
import { HOSTILE_IMAGE, SCENARIOS } from './scenario.js';

const goldenDir = fileURLToPath(new URL('./__golden__/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

function inline(html: string, tag: 'style' | 'script'): string[] {
  return Array.from(html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g')), (m) => m[1]!);
}

function csp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  expect(m, 'CSP meta tag').not.toBeNull();
  return m![1]!.replace(/&#39;/g, "'");
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** Opening tags of the page, with their attributes, without the text between them. */
function tags(html: string): string[] {
  return Array.from(html.matchAll(/<[a-zA-Z][^>]*>/g), (m) => m[0]);
}

describe('html golden files', () => {
  for (const [scenario, build] of Object.entries(SCENARIOS)) {
    it(`${scenario}.html`, () => {
      const file = `${goldenDir}${scenario}.html`;
      const out = toHtml(build());
      if (update) writeFileSync(file, out);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('html: one self-contained file behind a strict CSP', () => {
  const html = toHtml(SCENARIOS.full!());

  it('carries one inline style and one inline script, each allowed by its hash and nothing else', () => {
    const styles = inline(html, 'style');
    const scripts = inline(html, 'script');
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    const policy = csp(html);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src 'sha256-${sha256(styles[0]!)}'`);
    expect(policy).toContain(`script-src 'sha256-${sha256(scripts[0]!)}'`);
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
    // The policy must come before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('loads nothing: no src, no external stylesheet, no url() or @import, no inline handler or style attribute', () => {
    for (const tag of tags(html)) {
      expect(tag, tag).not.toMatch(/\ssrc=/i);
      expect(tag, tag).not.toMatch(/\son[a-z]+=/i);
      expect(tag, tag).not.toMatch(/\sstyle=/i);
      if (/^<link/i.test(tag)) expect(tag).toBe('<link rel="icon" href="data:,">');
      // Same-document references only, except the rules' documentation links (followed only on a click).
      const href = /\shref="([^"]*)"/.exec(tag)?.[1];
      if (href && !/^<a /.test(tag)) expect(href, tag).toMatch(/^(#|data:)/);
    }
    const style = inline(html, 'style')[0]!;
    expect(style).not.toMatch(/url\(|@import|https?:/);
    const script = inline(html, 'script')[0]!;
    expect(script).not.toMatch(/fetch\(|XMLHttpRequest|import\(|https?:|eval\(|new Function|innerHTML/);
  });

  it('is the same bytes for the same result, with no time unless the result has one', () => {
    const result = SCENARIOS.full!();
    expect(toHtml(result)).toBe(html);
    expect(html).toContain('not recorded');
    const bare = toHtml(SCENARIOS.bare!());
    expect(bare).toContain('<time datetime="2026-01-15T09:30:00Z">2026-01-15T09:30:00Z</time>');
  });

  it('is what the registry renders, written as coditect-audit.html', () => {
    expect(REPORTERS.html.fileName).toBe('coditect-audit.html');
    expect(REPORTERS.html.render(SCENARIOS.full!())).toBe(html);
    expect(toHtml(SCENARIOS.full!(), { title: 'Staging <audit>' })).toContain('<h1>Staging &#60;audit&#62;: ');
  });
});

describe('html: escaping', () => {
  it('escapes markup characters and neutralises control and bidi characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;',
    );
    expect(escapeHtml('a\u0007b\u001b[31mc\u202ed\ud800e\nf\tg')).toBe('ab[31mc(U+202E)d\uFFFDe\nf\tg');
  });

  it('the hostile image reference never reaches the page as markup', () => {
    const html = toHtml(SCENARIOS.full!());
    expect(html).not.toContain('<x a="1">');
    expect(html).not.toContain(']]><x');
    for (const c of ['\u0007', '\u001b', '\u202e']) expect(html).not.toContain(c);
    expect(html).toContain(escapeHtml(HOSTILE_IMAGE));
  });

  it('random results: only the tags the reporter writes, never one from the data (property-based)', () => {
    const own = new Set(
      (
        'html head meta title link style body a svg defs symbol circle path rect use header div p h1 span nav ul ' +
        'li main section h2 h3 strong code dl dt dd table caption thead tr th tbody td figure figcaption g text ' +
        'desc form fieldset legend label input select option button pre footer script time'
      ).split(' '),
    );
    fc.assert(
      fc.property(scanResult, (result) => {
        const html = toHtml(result);
        for (const tag of tags(html)) expect(own.has(/^<([a-zA-Z0-9]+)/.exec(tag)![1]!), tag).toBe(true);
        expect(inline(html, 'script')).toHaveLength(1);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

/** The first finding about a resource: its row and its detail. */
function findingAt(html: string, resourceId: string): string {
  const start = html.indexOf(`data-resource="${escapeHtml(resourceId)}"`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</div></td>\n</tr>\n</tbody>', start));
}

describe('html: content', () => {
  function bodies(html: string): string[] {
    return Array.from(html.matchAll(/<tbody class="finding"[^>]*>/g), (m) => m[0]);
  }
  function attr(tag: string, name: string): string {
    return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  }

  for (const [scenario, build] of Object.entries(SCENARIOS)) {
    it(`${scenario}: every verdict is one row carrying what the filters read; ids are unique`, () => {
      const result: ScanResult = build();
      const html = toHtml(result);
      const rows = bodies(html);
      const every = [...allVerdicts(result)];
      expect(rows).toHaveLength(every.length);
      const byState = new Map<string, number>();
      for (const row of rows) byState.set(attr(row, 'data-verdict'), (byState.get(attr(row, 'data-verdict')) ?? 0) + 1);
      for (const state of ['fail', 'baseline', 'suppressed', 'error', 'skip', 'pass'] as const)
        expect(byState.get(state) ?? 0, state).toBe(every.filter((v) => stateOf(v) === state).length);
      for (const row of rows) {
        expect(attr(row, 'data-priority')).toMatch(/^P[012]$/);
        expect(attr(row, 'data-layer')).not.toBe('');
      }
      const ids = Array.from(html.matchAll(/\sid="([^"]+)"/g), (m) => m[1]!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [status, n] of Object.entries(result.summary.byStatus))
        expect(html).toContain(`data-count="${status}">${n}<`);
    });
  }

  it('errors and failed layers have their own section, outside the filtered table', () => {
    const result = SCENARIOS.full!();
    const html = toHtml(result);
    const errors = html.slice(
      html.indexOf('<section id="errors"'),
      html.indexOf('</section>', html.indexOf('<section id="errors"')),
    );
    const errorVerdicts = result.verdicts.filter((v) => v.status === 'error');
    expect(errorVerdicts.length).toBeGreaterThan(0);
    expect(errors.match(/<li data-error="check">/g)).toHaveLength(errorVerdicts.length);
    expect(errors.match(/<li data-error="layer">/g)).toHaveLength(1);
    expect(errors).toContain('kubeconfig context &#34;staging&#34; not found');
    for (const v of errorVerdicts) expect(errors).toContain(escapeHtml(v.ruleId));
    expect(html.indexOf('<section id="errors"')).toBeLessThan(html.indexOf('<form id="filters"'));
    const clean = SCENARIOS.clean!();
    const checked: ScanResult = {
      ...clean,
      layers: { files: { status: 'collected' } },
      verdicts: clean.verdicts.filter((v) => v.status !== 'error'),
    };
    expect(toHtml(checked)).toContain('Every check in scope could be run.');
    expect(toHtml(checked)).toContain('Could not check (0)');
  });

  it('a finding opens to its message, location, evidence, concern, ADR section and copyable commands', () => {
    const result = SCENARIOS.full!();
    const html = toHtml(result);
    const v = result.verdicts.find((x) => x.ruleId === 'test-root-deps' && stateOf(x) === 'fail')!;
    const detail = findingAt(html, v.resource.id);
    expect(detail).toContain(escapeHtml(v.message));
    expect(detail).toContain(`<code>${v.location!.file}:${v.location!.startLine}:${v.location!.startColumn}</code>`);
    expect(detail).toContain('<code>stage[1].COPY.destination</code>');
    expect(detail).toContain('<code>container.unreadable-dependencies</code>: A non-root runtime user can read');
    expect(detail).toMatch(
      /<dt>ADR section<\/dt><dd>Decision 4 · <code>docs\/design\/ADR-001-staging-deployment.txt:\d+<\/code>/,
    );
    expect(detail).toContain(
      '<pre tabindex="0"><code>COPY --from=builder /root/.local /home/django/.local</code></pre><button type="button" class="copy"',
    );
    expect(detail).toContain('P0 · fails the gate');
    // A live-like finding says where it is shown and why.
    const live = result.verdicts.find((x) => x.ruleId === 'test-sql-backups')!;
    expect(findingAt(html, live.resource.id)).toContain('live resource, shown at <code>docs/design/ADR-001');
  });

  it('the ADR-001 checklist stands beside the measured % complete per section', () => {
    const result = SCENARIOS.full!();
    const html = toHtml(result);
    expect(html).toContain('says: <strong>Implemented (95% complete)</strong>');
    expect(html).toContain('<th scope="col">ADR says</th>');
    // Decision 4 has the root-deps rule: failing, so 0% (its worker Dockerfile passes: 1 of 3 → 33%).
    const row = html.slice(
      html.indexOf('<tr data-section="Decision 4"'),
      html.indexOf('</tr>', html.indexOf('<tr data-section="Decision 4"')),
    );
    const d4 = [...allVerdicts(result)].filter((v) => v.ruleId === 'test-root-deps');
    const pass = d4.filter((v) => v.status === 'pass').length;
    const applies = d4.filter((v) => v.status !== 'skip').length;
    expect(row).toContain(`data-percent="${Math.floor((pass * 100) / applies)}"`);
    expect(row).toContain('Blocked: dependencies not accessible');
    expect(row).toContain('Failing');
    // A section the ADR lists and no rule checks is shown as such.
    expect(html).toContain('<tr data-section="Issue 7" data-percent="">');
    // Without an ADR document there are no claims to compare.
    const bare = toHtml(SCENARIOS.bare!());
    expect(bare).not.toContain('ADR says');
    expect(bare).toContain('data-measured="overall"');
  });

  it('the clean scenario is 100% complete and says the gate passed', () => {
    const html = toHtml(SCENARIOS.clean!());
    expect(html).toContain('data-gate="passed"');
    expect(html).toContain('<strong data-measured="overall">100%</strong>');
  });
});
