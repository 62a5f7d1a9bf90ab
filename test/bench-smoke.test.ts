/**
 * Smoke test of `pnpm bench`: its building blocks (the estate generators are deterministic, the table
 * renderer lays out what the bench prints), and the bench itself run end to end at a small scale, measuring
 * every figure the same way as the full run. No timing is asserted (the machine may be busy): only that
 * every row is produced, every figure is a measurement, and the growth exponents are computed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript without declarations (bench/ runs on node without a build step).
import { rng, repositoryFiles, sized, snapshotRepositoryFiles } from '../bench/estate.mjs';
// @ts-expect-error: see above.
import { exponents, growthExponent, median, renderTable } from '../bench/table.mjs';

describe('bench estates', () => {
  it('generates the same repository for the same seed and scale, and a different one for another seed', () => {
    const a = repositoryFiles(1) as Record<string, string>;
    const b = repositoryFiles(1) as Record<string, string>;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(repositoryFiles(1, 10))).not.toBe(JSON.stringify(a));
  });

  it('sizes scale 16 to the full estate of issue 9', () => {
    expect(sized('k8sFiles', 16)).toBe(2000);
    expect(sized('dockerfiles', 16)).toBe(500);
    expect(sized('workflows', 16)).toBe(200);
    expect(sized('tfFiles', 16)).toBe(300);
    expect(sized('gcpProjects', 16)).toBe(200);
    const files = Object.keys(repositoryFiles(1) as Record<string, string>);
    expect(files.filter((p) => p.endsWith('.yaml'))).toHaveLength(sized('k8sFiles', 1));
    expect(files.filter((p) => p.endsWith('/Dockerfile'))).toHaveLength(sized('dockerfiles', 1));
    expect(files.filter((p) => p.startsWith('.github/workflows/'))).toHaveLength(sized('workflows', 1));
    expect(files.filter((p) => p.endsWith('.tf'))).toHaveLength(sized('tfFiles', 1));
  });

  it('draws a reproducible random sequence', () => {
    const x = rng(42);
    const y = rng(42);
    const xs = Array.from({ length: 5 }, () => x.next());
    expect(Array.from({ length: 5 }, () => y.next())).toEqual(xs);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('sizes the snapshot repository by resources', () => {
    const files = snapshotRepositoryFiles(3125) as Record<string, string>;
    const docs = Object.values(files).reduce((n, text) => n + (text.match(/^kind: /gm)?.length ?? 0), 0);
    expect(docs).toBeGreaterThan(2500);
  });
});

describe('bench table', () => {
  it('renders a Markdown table with padded columns and right-aligned numbers', () => {
    const text = renderTable(
      ['scale', 'files', 'ratio'],
      [
        ['1×', 188, '1.20'],
        ['16×', 3000, '1.41'],
      ],
    ) as string;
    expect(text.split('\n')).toEqual([
      '| scale | files | ratio |',
      '|-------|------:|-------|',
      '| 1×    |   188 | 1.20  |',
      '| 16×   |  3000 | 1.41  |',
    ]);
  });

  it('computes medians and growth exponents', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(growthExponent(4, 10, 16, 40)).toBeCloseTo(1);
    expect(growthExponent(4, 10, 16, 160)).toBeCloseTo(2);
    const steps = exponents(
      [
        { scale: 1, n: 1, t: 5 },
        { scale: 4, n: 4, t: 20 },
        { scale: 16, n: 16, t: 320 },
      ],
      (r: { n: number }) => r.n,
      (r: { t: number }) => r.t,
    ) as { from: number; to: number; exponent: number }[];
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [1, 4],
      [4, 16],
    ]);
    expect(steps[0]?.exponent).toBeCloseTo(1);
    expect(steps[1]?.exponent).toBeCloseTo(2);
  });
});

interface Row {
  scale: number;
  [key: string]: unknown;
}

describe('pnpm bench at a small scale', () => {
  // Two points of the curve (2 projects, 156 cluster objects, 391 snapshot resources at 0.125×), one run each.
  // The fleet section has its own test (fleet-shards.test.ts) and is left out here.
  const scales = [0.125, 0.25];

  it('measures every figure against its floor, with peak RSS, exponents and goals', { timeout: 900_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'coditect-bench-'));
    try {
      execFileSync(process.execPath, [resolve('bench/run.mjs')], {
        env: {
          ...process.env,
          BENCH_SCALES: scales.join(','),
          BENCH_RUNS: '1',
          BENCH_STARTUP_RUNS: '1',
          BENCH_FLEET_SHARDS: 'none',
          BENCH_WORK: work,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 850_000,
      });
      const results = JSON.parse(readFileSync(join(work, 'results.json'), 'utf8')) as Record<string, Row[]> & {
        growth: { name: string; steps: { exponent: number }[] }[];
        goals: { measure: string; result: string }[];
      };
      const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
      for (const layer of ['files', 'gcp', 'k8s'] as const) {
        expect(results[layer].map((r) => r.scale)).toEqual(scales);
        for (const row of results[layer]) {
          expect(positive(row.scanMs) && positive(row.floorMs) && positive(row.scanRssMb), layer).toBe(true);
        }
      }
      // The plain client made the same calls as the scan, none repeated, none writing.
      for (const row of [...results.gcp, ...results.k8s]) {
        expect(row.floorCalls).toBe(row.calls);
        expect(row.repeated).toBe(0);
        expect(row.mutating).toBe(0);
      }
      // The plain parse read every YAML document of the repository (10 per manifest, workflows, the config).
      for (const row of results.files) expect(row.yamlDocuments as number).toBeGreaterThan(row.docs as number);
      for (const estate of ['files', 'live k8s', 'collect', 'snapshot replay']) {
        const rows = results.memory.filter((r) => r.estate === estate);
        expect(rows.map((r) => r.scale)).toEqual(scales);
        for (const row of rows)
          expect(positive(row.rssMb) && positive(row.ms) && positive(row.size), estate).toBe(true);
      }
      expect(results.startup.map((r) => r.name)).toEqual([
        'node -e 0',
        'coditect-audit --version',
        'coditect-audit --help',
        'coditect-audit rules',
        'coditect-audit scan <empty dir>',
      ]);
      // The three start-up figures carry the goal (bench/startup.mjs).
      expect(results.startup.filter((r) => r.goal).map((r) => r.name)).toEqual([
        'coditect-audit --help',
        'coditect-audit rules',
        'coditect-audit scan <empty dir>',
      ]);
      expect(results.growth.map((g) => g.name)).toEqual([
        'files scan time',
        'live gcp scan time',
        'live k8s scan time',
        'files run time',
        'files peak RSS',
        'live k8s run time',
        'live k8s peak RSS',
        'snapshot replay run time',
        'snapshot replay peak RSS',
      ]);
      for (const g of results.growth) {
        expect(g.steps).toHaveLength(scales.length - 1);
        expect(
          g.steps.every((s) => Number.isFinite(s.exponent)),
          g.name,
        ).toBe(true);
      }
      expect(results.goals).toHaveLength(8);
      for (const goal of results.goals) expect(['met', 'MISSED']).toContain(goal.result);
      const markdown = readFileSync(join(work, 'results.md'), 'utf8');
      for (const heading of ['Files layer:', 'Live GCP', 'Live Kubernetes', 'Memory:', 'Growth exponents', 'Goals']) {
        expect(markdown).toContain(heading);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
