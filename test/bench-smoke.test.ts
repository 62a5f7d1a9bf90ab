/**
 * Smoke test of `pnpm bench`'s building blocks (the bench itself is not part of the suite): the estate
 * generators are deterministic and the table renderer lays out what the bench prints.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript without declarations (bench/ runs on node without a build step).
import { rng, repositoryFiles, sized, snapshotRepositoryFiles } from '../bench/estate.mjs';
// @ts-expect-error: see above.
import { growthExponent, median, renderTable } from '../bench/table.mjs';

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
  });
});
