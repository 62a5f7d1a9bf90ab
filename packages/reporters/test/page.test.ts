/**
 * The report page's stylesheet and script live in packages/reporters/page/ (real files the linter and the
 * type checker see); src/page.generated.ts carries them into html.ts. Here: the committed module is what
 * the build writes from them, and the build refuses output that would end its inline element early.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, pageModule } from '../page/build.mjs';
import { PAGE_SCRIPT, PAGE_STYLE } from '../src/page.generated.js';
import { toHtml } from '../src/index.js';
import { SCENARIOS } from './scenario.js';

describe('the report page assets', () => {
  it('src/page.generated.ts is what page/build.mjs writes (run `pnpm run build` after editing page/)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(pageModule());
  });

  it('the page carries them as they are: minified style, compiled script', () => {
    const html = toHtml(SCENARIOS.full!());
    expect(html).toContain(`<style>${PAGE_STYLE}</style>`);
    expect(html).toContain(`<script>${PAGE_SCRIPT}</script>`);
    expect(PAGE_STYLE).not.toMatch(/\/\*|\n./);
    expect(PAGE_SCRIPT).toMatch(/^\(\(\) => \{\n/);
    // The types are gone: what runs is JavaScript.
    expect(PAGE_SCRIPT).not.toMatch(/\binterface \w|: HTML\w+Element\b/);
  });
});
