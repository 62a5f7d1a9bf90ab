/**
 * Same scan result, same bytes: rendered twice, or with verdicts and rules in another order. And a
 * reporter shows only what the result holds: nothing from the snapshot, no value it made up.
 */
import type { ScanResult } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSarif,
  pathToUri,
  REPORTER_NAMES,
  REPORTERS,
  type ReporterOptions,
  toConsole,
  toJson,
  toJUnit,
  toMarkdown,
  toSarif,
} from '../src/index.js';
import { scanResult, SEED } from './arbitrary.js';
import { SCENARIOS, SNAPSHOT_CANARY } from './scenario.js';

/** Deterministic shuffle (mulberry32), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function reordered(result: ScanResult, seed: number): ScanResult {
  return {
    ...result,
    verdicts: shuffled(result.verdicts, seed),
    rules: shuffled(result.rules, seed + 1),
    // Compact passes too: the sets, and the passes within each.
    ...(result.passes
      ? {
          passes: shuffled(result.passes, seed + 2).map((set, i) => ({
            ...set,
            passes: shuffled(set.passes, seed + 3 + i),
          })),
        }
      : {}),
  };
}

const OPTION_SETS: ReporterOptions[] = [{}, { color: true, includeSuppressed: true }];

describe('determinism', () => {
  for (const [scenario, build] of Object.entries(SCENARIOS)) {
    for (const name of REPORTER_NAMES) {
      it(`${scenario} ${name}: same bytes twice and after reordering verdicts and rules`, () => {
        for (const options of OPTION_SETS) {
          const first = REPORTERS[name].render(build(), options);
          expect(REPORTERS[name].render(build(), options)).toBe(first);
          for (const seed of [1, 2, 3]) expect(REPORTERS[name].render(reordered(build(), seed), options)).toBe(first);
        }
      });
    }
  }

  it('random scan results: every format is independent of verdict and rule order (property-based)', () => {
    fc.assert(
      fc.property(scanResult, fc.integer(), (result, seed) => {
        for (const name of REPORTER_NAMES) {
          expect(REPORTERS[name].render(reordered(result, seed))).toBe(REPORTERS[name].render(result));
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('writes no time of its own: without timestamps in the result, no date appears', () => {
    const result = SCENARIOS.full!();
    for (const name of REPORTER_NAMES) expect(REPORTERS[name].render(result)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });
});

describe('registry', () => {
  it('names every format with its fixed file name', () => {
    expect(REPORTER_NAMES).toEqual(['console', 'sarif', 'junit', 'markdown', 'json', 'html']);
    expect(Object.fromEntries(REPORTER_NAMES.map((n) => [n, REPORTERS[n].fileName]))).toEqual({
      console: undefined,
      sarif: 'coditect-audit.sarif',
      junit: 'coditect-audit.junit.xml',
      markdown: 'coditect-audit.md',
      json: 'coditect-audit.json',
      html: 'coditect-audit.html',
    });
  });

  it('renders what the functions render, passing each its options', () => {
    const result = SCENARIOS.full!();
    expect(REPORTERS.console.render(result)).toBe(toConsole(result, { color: false }));
    expect(REPORTERS.console.render(result, { color: true })).toBe(toConsole(result, { color: true }));
    expect(REPORTERS.sarif.render(result, { includeSuppressed: true, maxResults: 3 })).toBe(
      toSarif(result, { includeSuppressed: true, maxResults: 3 }),
    );
    expect(REPORTERS.junit.render(result)).toBe(toJUnit(result));
    expect(REPORTERS.markdown.render(result, { maxBytes: 5000 })).toBe(toMarkdown(result, { maxBytes: 5000 }));
    expect(REPORTERS.json.render(result)).toBe(toJson(result));
  });
});

/** Every string leaf of a value. */
function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('secret safety: reporters show the result, nothing more', () => {
  it('nothing from the snapshot that the result does not hold reaches any report', () => {
    for (const build of Object.values(SCENARIOS)) {
      const result = build();
      expect(JSON.stringify(result)).not.toContain(SNAPSHOT_CANARY);
      for (const name of REPORTER_NAMES) {
        for (const options of OPTION_SETS)
          expect(REPORTERS[name].render(result, options)).not.toContain(SNAPSHOT_CANARY);
      }
    }
  });

  it('every string a SARIF result carries comes from the scan result (or is fixed vocabulary)', () => {
    const vocabulary = new Set([
      'finding',
      'resource',
      'adr',
      'config',
      'error',
      'warning',
      '%SRCROOT%',
      'external',
      'inSource',
      'accepted',
    ]);
    fc.assert(
      fc.property(scanResult, (result) => {
        const known = strings(result);
        const log = buildSarif(result, { includeSuppressed: true });
        for (const r of log.runs[0].results) {
          const { locations, relatedLocations, ...rest } = r;
          for (const s of strings(rest)) expect(known.has(s) || vocabulary.has(s), s).toBe(true);
          // URIs are the result's paths, percent-encoded.
          const uris = new Set([...known].map((k) => pathToUri(k)));
          for (const l of [...locations, ...(relatedLocations ?? [])]) {
            expect(uris.has(l.physicalLocation.artifactLocation.uri)).toBe(true);
          }
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
