/** Plain-text tables for the bench output and docs/performance.md (GitHub Markdown pipe tables). */

/** Renders `rows` under `headers` as a Markdown table with padded columns; numbers are right-aligned. */
export function renderTable(headers, rows) {
  const cells = rows.map((row) => headers.map((_, i) => String(row[i] ?? '')));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const widths = headers.map((h, i) => Math.max(3, h.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    `| ${values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/** Milliseconds as seconds with 2 decimals, or ms under one second. */
export function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The growth exponent between two sizes: 1 is linear, 2 quadratic. Fixed costs (start-up) make it
 * below 1 at small sizes, so it is taken between the two largest points.
 */
export function growthExponent(sizeA, timeA, sizeB, timeB) {
  return Math.log(timeB / timeA) / Math.log(sizeB / sizeA);
}

/**
 * Log-log slopes between consecutive scales (1 = linear, 2 = quadratic) of `value` over `size`, as
 * `{ from, to, exponent }`. Fixed costs (start-up) make them below 1 at small sizes.
 */
export function exponents(rows, size, value) {
  const out = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    out.push({ from: a.scale, to: b.scale, exponent: growthExponent(size(a), value(a), size(b), value(b)) });
  }
  return out;
}
