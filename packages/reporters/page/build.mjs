#!/usr/bin/env node
/**
 * The HTML report's page assets as a module: report.css (minified) and report.ts (compiled to one
 * function run on load) become string constants in src/page.generated.ts, which html.ts inlines into every
 * report. The reporters do no I/O, so nothing is read at run time; the module is committed so that every
 * way of compiling (tsc -b in the Dockerfile and scripts/pack.mjs, the fast test tier without a build)
 * finds it. `pnpm run build` runs this first; a test (packages/reporters/test/page.test.ts) fails when the
 * committed module is not what this writes. Type-checking report.ts is `tsc -b packages/reporters/page`.
 *
 *   node packages/reporters/page/build.mjs           write src/page.generated.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const GENERATED = join(here, '../src/page.generated.ts');

/** Inline text must not close its own element early (`</style`, `</script`, in any case). */
function assertInlinable(text, element, source) {
  if (new RegExp(`</${element}`, 'i').test(text))
    throw new Error(`${source}: its output contains "</${element}", which would end the inline <${element}> early`);
}

/** The module's text: the same inputs give the same bytes (the CSP hashes in html.ts depend on them). */
export function pageModule() {
  const style = transformSync(readFileSync(join(here, 'report.css'), 'utf8'), {
    loader: 'css',
    minify: true,
    legalComments: 'none',
  }).code;
  const script = transformSync(readFileSync(join(here, 'report.ts'), 'utf8'), {
    loader: 'ts',
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
  }).code;
  assertInlinable(style, 'style', 'page/report.css');
  assertInlinable(script, 'script', 'page/report.ts');
  return [
    '// Generated from packages/reporters/page/report.css and report.ts by page/build.mjs (run by `pnpm run build`).',
    '// Do not edit: edit those files and build.',
    '',
    '/** The report stylesheet, minified; inlined in <style> and allowed by its hash. */',
    `export const PAGE_STYLE = ${JSON.stringify(style)};`,
    '',
    '/** The report script, compiled; inlined in <script> and allowed by its hash. */',
    `export const PAGE_SCRIPT = ${JSON.stringify(script)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GENERATED, pageModule());
}
