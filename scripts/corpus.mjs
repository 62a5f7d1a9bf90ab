#!/usr/bin/env node
/**
 * The accuracy corpus (docs/accuracy.md): scans every repository checked out under a folder with the files
 * layer, once with no config and once with a minimal config naming another project, and prints the counts
 * by rule and status plus every file that was skipped or half-read, with why.
 *
 *   node scripts/corpus.mjs /work/corpus                 counts (Markdown) on stdout
 *   node scripts/corpus.mjs /work/corpus --json out.json  also every fail/error verdict, for review
 *   node scripts/corpus.mjs /work/corpus --only podinfo   one repository
 *
 * Needs a build (`pnpm run build`). The repositories are not part of this repository: check them out from
 * their public sources at the commits docs/accuracy.md lists. Nothing here writes into the scanned tree.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { scan } = await import(pathToFileURL(join(here, '..', 'packages', 'cli', 'dist', 'index.js')).href);

const args = process.argv.slice(2);
const corpus = args.find((a, i) => !a.startsWith('--') && !['--json', '--only'].includes(args[i - 1] ?? ''));
if (!corpus) {
  console.error('usage: node scripts/corpus.mjs <corpus folder> [--json out.json] [--only <repo>]');
  process.exit(3);
}
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** A config that names a project and region other than ADR-001's, and nothing else. */
const MINIMAL_CONFIG = `version: 1
environments:
  staging:
    expectations:
      project: example-corpus-project
      region: europe-west1
`;
const scratch = mkdtempSync(join(tmpdir(), 'coditect-corpus-'));
const configPath = join(scratch, 'coditect-audit.yaml');
writeFileSync(configPath, MINIMAL_CONFIG);

const repos = readdirSync(resolve(corpus))
  .filter((name) => statSync(join(resolve(corpus), name)).isDirectory())
  .filter((name) => !only || name === only)
  .sort();

const modes = [
  { name: 'no-config', options: {} },
  { name: 'minimal-config', options: { config: configPath, env: 'staging' } },
];

const out = { corpus: resolve(corpus), modes: {} };
const crashes = [];
for (const mode of modes) {
  const byRule = new Map();
  const byStatus = { fail: 0, error: 0, unknown: 0, pass: 0, skip: 0 };
  const byPriority = {};
  const findings = [];
  const skipped = [];
  const perRepo = {};
  for (const repo of repos) {
    const dir = join(resolve(corpus), repo);
    let result;
    try {
      result = await scan({ dir, ...mode.options, today: '2026-12-01' });
    } catch (e) {
      crashes.push({ mode: mode.name, repo, error: String(e?.stack ?? e) });
      continue;
    }
    // `assumed`: fails on a name ADR-001 gave and the config did not (reported, not gating); `gate`: the
    // findings that fail the default gate (fail on P0).
    const repoCounts = { fail: 0, error: 0, unknown: 0, P0: 0, P1: 0, assumed: 0, gate: result.gate.failing };
    // Passes are kept compact, apart from the verdicts (`result.passes`: one set per rule run).
    for (const set of result.passes ?? []) byStatus.pass += set.passes.length;
    for (const v of result.verdicts) {
      byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
      if (v.status === 'fail' || v.status === 'error' || v.status === 'unknown') {
        const key = v.ruleId;
        const row = byRule.get(key) ?? { rule: key, priority: v.priority, fail: 0, low: 0, error: 0, unknown: 0 };
        row[v.status]++;
        if (v.status === 'fail' && v.certainty === 'low') row.low++;
        byRule.set(key, row);
        repoCounts[v.status]++;
        if (v.status === 'fail') {
          byPriority[v.priority] = (byPriority[v.priority] ?? 0) + 1;
          if (v.priority === 'P0' || v.priority === 'P1') repoCounts[v.priority]++;
          if (v.assumed) repoCounts.assumed++;
        }
        findings.push({
          repo,
          rule: v.ruleId,
          status: v.status,
          priority: v.priority,
          certainty: v.certainty,
          file: v.location?.file ?? v.resource.file,
          line: v.location?.startLine,
          resource: v.resource.id,
          message: v.message,
          ...(v.assumed ? { assumed: v.assumed } : {}),
          ...(v.dependsOn ? { dependsOn: v.dependsOn } : {}),
        });
      }
    }
    for (const p of result.files?.skipped ?? []) skipped.push({ repo, ...p });
    for (const layerFile of skippedManifests(result)) skipped.push({ repo, ...layerFile });
    perRepo[repo] = repoCounts;
  }
  out.modes[mode.name] = {
    byStatus,
    byPriority,
    byRule: [...byRule.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1)),
    perRepo,
    skipped: dedupe(skipped),
    findings,
  };
}
rmSync(scratch, { recursive: true, force: true });

/** Error verdicts that say a file could not be read or parsed, once per file and reason. */
function skippedManifests(result) {
  return result.verdicts
    .filter(
      (v) =>
        (v.status === 'error' && v.messageId === 'collection-failed') ||
        (v.status === 'skip' && v.messageId === 'file-read-in-part'),
    )
    .map((v) => ({ file: v.resource.file ?? v.resource.id, why: v.message }));
}
function dedupe(rows) {
  const seen = new Set();
  return rows.filter((r) => {
    const key = `${r.repo}\u0000${r.file}\u0000${r.why}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const lines = [`# Corpus: ${repos.length} repositories under ${out.corpus}`, ''];
for (const [name, m] of Object.entries(out.modes)) {
  lines.push(`## ${name}`, '');
  lines.push(
    `verdicts: ${Object.entries(m.byStatus)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; fails by priority: ${Object.entries(m.byPriority)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    '',
  );
  lines.push(
    '| repository | fail | P0 | P1 | error | unknown | fail, assumed | failing the P0 gate |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const [repo, c] of Object.entries(m.perRepo))
    lines.push(`| ${repo} | ${c.fail} | ${c.P0} | ${c.P1} | ${c.error} | ${c.unknown} | ${c.assumed} | ${c.gate} |`);
  lines.push(
    '',
    '| rule | priority | fail | of which low certainty | error | unknown |',
    '|---|---|---:|---:|---:|---:|',
  );
  for (const r of m.byRule)
    lines.push(`| ${r.rule} | ${r.priority} | ${r.fail} | ${r.low} | ${r.error} | ${r.unknown} |`);
  lines.push('', `Files skipped or half-read: ${m.skipped.length}`, '');
  for (const s of m.skipped) lines.push(`- ${s.repo}/${s.file}: ${s.why}`);
  lines.push('');
}
lines.push(`Crashes: ${crashes.length}`);
for (const c of crashes) lines.push(`- ${c.mode} ${c.repo}: ${c.error.split('\n')[0]}`);
console.log(lines.join('\n'));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ ...out, crashes }, null, 2)}\n`);
process.exitCode = crashes.length ? 1 : 0;
