/**
 * Golden files: every format for every scenario, byte for byte. `UPDATE_GOLDEN=1` rewrites them;
 * review the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScanResult } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { toConsole, toJson, toJUnit, toMarkdown, toSarif } from '../src/index.js';
import { SCENARIOS } from './scenario.js';

const goldenDir = fileURLToPath(new URL('./__golden__/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

const FORMATS: Record<string, (r: ScanResult) => string> = {
  'console.txt': (r) => toConsole(r, { color: false }),
  'console-color.txt': (r) => toConsole(r, { color: true }),
  sarif: (r) => toSarif(r),
  'junit.xml': (r) => toJUnit(r),
  md: (r) => toMarkdown(r),
  json: (r) => toJson(r),
};

describe('golden files', () => {
  for (const [scenario, build] of Object.entries(SCENARIOS)) {
    for (const [ext, render] of Object.entries(FORMATS)) {
      it(`${scenario}.${ext}`, () => {
        const file = `${goldenDir}${scenario}.${ext}`;
        const out = render(build());
        if (update) writeFileSync(file, out);
        expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(out).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
