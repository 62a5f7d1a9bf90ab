/**
 * No silent drops: one scan of 100 Google Cloud projects (the staging fixture's recordings copied per
 * project, as bench/estate.mjs builds its organisation) with faults drawn from a fixed seed: some projects
 * answer 403 to everything, some 503 forever, some slowly. The report accounts for every project: a
 * healthy or slow one has verdicts on its resources, a failing one has `error` verdicts naming it, and none
 * is missing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult, Verdict } from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { projectIds, rng, writeGcpOrganisation } from '../bench/estate.mjs';
import { type Run, repoRoot, runInProcess, tempDir } from './support/cli.js';

type Fate = 'healthy' | 'forbidden' | 'unavailable' | 'slow';
const SEED = 20_251_201;

/** Each project's fault, from the fixed seed: about 10% each of 403, 503 forever and slow. */
function fates(projects: string[]): Map<string, Fate> {
  const random = (rng as (seed: number) => { next(): number })(SEED);
  const out = new Map<string, Fate>();
  for (const project of projects) {
    const r = random.next();
    out.set(project, r < 0.1 ? 'forbidden' : r < 0.2 ? 'unavailable' : r < 0.3 ? 'slow' : 'healthy');
  }
  return out;
}

/** Whether a verdict is about this project (resource id, name or message), exactly: -001 is not -0012. */
function mentions(v: Verdict, project: string): boolean {
  const word = new RegExp(`${project}(?![0-9])`);
  return word.test(v.resource.id) || word.test(v.resource.name ?? '') || word.test(v.message);
}

describe('a scan of 100 projects with random faults', () => {
  const projects = (projectIds as (n: number) => string[])(100);
  const fate = fates(projects);
  let gcp: GcpEmulator;
  let run: Run;
  let result: ScanResult;

  beforeAll(async () => {
    const dir = tempDir('coditect-audit-drops-');
    const data = join(dir, 'gcp');
    mkdirSync(data);
    writeGcpOrganisation(data, join(repoRoot, 'fixtures/adr-001-staging/gcp'), projects);
    gcp = await startGcpEmulator({ dataDir: data });
    for (const [project, f] of fate) {
      const path = new RegExp(`/projects/${project}(?![0-9])`);
      if (f === 'forbidden')
        gcp.server.inject({
          path,
          fault: {
            kind: 'status',
            status: 403,
            body: {
              error: {
                code: 403,
                message: `The caller does not have permission on ${project}`,
                status: 'PERMISSION_DENIED',
              },
            },
          },
        });
      else if (f === 'unavailable') gcp.server.inject({ path, fault: { kind: 'status', status: 503 } });
      else if (f === 'slow') gcp.server.inject({ path, fault: { kind: 'delay', ms: 150 } });
    }
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(
      join(repo, 'coditect-audit.yaml'),
      `version: 1
environments:
  staging:
    layers:
      gcp:
        projects: [${projects.join(', ')}]
        locations: [us-central1]
        endpointOnly: true
        concurrency: 32
        retries: 1
        retryBudgetMs: 2000
        timeoutMs: 5000
`,
    );
    const out = join(dir, 'out');
    // In-process: the emulator's slow answers (150 ms) and the scan's timeouts (5 s) share one event loop, so
    // a slow project is slow, never timed out, however loaded the machine is.
    run = await runInProcess(
      ['scan', '--dir', repo, '--env', 'staging', '--format', 'json', '--output-dir', out, '-q'],
      {
        env: { CODITECT_AUDIT_GCP_ENDPOINT: gcp.url, KUBECONFIG: undefined },
      },
    );
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  afterAll(async () => {
    await gcp?.stop();
  });

  it('drew every kind of fault', () => {
    const counts = new Map<Fate, number>();
    for (const f of fate.values()) counts.set(f, (counts.get(f) ?? 0) + 1);
    for (const f of ['healthy', 'forbidden', 'unavailable', 'slow'] as Fate[])
      expect(counts.get(f), f).toBeGreaterThan(3);
  });

  it('ends with the gate failing on the staging findings (exit 1), the gcp layer collected, never crashing', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(result.verdicts.some((v) => v.status === 'error')).toBe(true);
    expect(result.layers.gcp).toEqual({ status: 'collected' });
  });

  it('accounts for every project: complete, or with error verdicts naming it', () => {
    const dropped: string[] = [];
    for (const [project, f] of fate) {
      const about = result.verdicts.filter((v) => mentions(v, project));
      const judged = about.filter((v) => v.status === 'pass' || v.status === 'fail');
      const errors = about.filter((v) => v.status === 'error');
      if (f === 'healthy' || f === 'slow') {
        if (judged.length === 0) dropped.push(`${project} (${f}): no verdict on its resources`);
      } else if (errors.length === 0 || judged.length > 0)
        dropped.push(`${project} (${f}): ${errors.length} errors, ${judged.length} judged`);
    }
    expect(dropped).toEqual([]);
  });
});
