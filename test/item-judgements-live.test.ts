/**
 * View rules judged item by item while the Kubernetes collector lists the cluster (`CollectContext.objectFinished`
 * feeding `ItemJudgements`, issue 19), through the real collector and the fake API server, one object a page:
 * the engine's verdicts are the same as judging everything at evaluation, for both fixtures' clusters, a list
 * restarted after its continue token expired (410), and a facet redacted whole after a later page revealed a
 * secret (whose value no verdict holds).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@coditect-audit/collectors/k8s';
import {
  type CollectResult,
  type EngineOptions,
  evaluateRules,
  ItemJudgements,
  type K8sLiveObject,
  resolveExpectations,
  type Snapshot,
} from '@coditect-audit/core';
import { type K8sEmulator, startK8sEmulator } from '@coditect-audit/emulators/k8s';
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';

const OPTIONS: EngineOptions = {
  environment: 'staging',
  tier: 'staging',
  expectations: resolveExpectations(undefined),
  assumedExpectations: true,
};
const clock = { now: () => new Date('2025-12-03T12:00:00Z') };

/** Collects the emulator's cluster, judging each finished object as the scan does; counts what was given. */
async function collectJudging(
  emu: K8sEmulator,
  namespaces: string[],
): Promise<{ result: CollectResult; judgements: ItemJudgements; given: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'item-judgements-'));
  const judgements = new ItemJudgements(builtinRules, OPTIONS);
  let given = 0;
  const result = await collect(
    {
      root: dir,
      environment: 'staging',
      expectations: OPTIONS.expectations,
      config: { namespaces, pageSize: 1, concurrency: 2 },
      overrides: { kubeconfig: emu.kubeconfigPath(dir) },
      progress: () => {},
      objectFinished: (facet, object) => {
        given++;
        judgements.judgeLiveObject(facet, object as K8sLiveObject);
      },
    },
    { backoffMs: 5, env: {}, home: dir },
  );
  return { result, judgements, given };
}

function snapshotOf(result: CollectResult): Snapshot {
  return {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { k8s: result.state },
    facets: result.facets,
  } as Snapshot;
}

function run(snapshot: Snapshot, options: EngineOptions): string {
  const r = evaluateRules(snapshot, builtinRules, options);
  return JSON.stringify({ verdicts: r.verdicts, passes: r.passes });
}

async function sameVerdicts(emu: K8sEmulator, namespaces: string[]): Promise<{ early: string; given: number }> {
  const { result, judgements, given } = await collectJudging(emu, namespaces);
  const snapshot = snapshotOf(result);
  const early = run(snapshot, { ...OPTIONS, judgedItems: judgements });
  expect(early).toBe(run(snapshot, OPTIONS));
  return { early, given };
}

describe('items judged while the cluster is listed', () => {
  for (const fixture of ['adr-001-staging', 'adr-001-remediated'])
    it(`gives the verdicts of judging at evaluation: ${fixture}`, async () => {
      const emu = await startK8sEmulator({ dataDir: join(repoRoot, 'fixtures', fixture, 'k8s/api'), ...clock });
      try {
        const { early, given } = await sameVerdicts(emu, ['coditect-staging']);
        expect(given).toBeGreaterThan(5);
        expect(early).toContain('"ruleId":"container.privilege-escalation"');
      } finally {
        await emu.stop();
      }
    });

  it('gives them for a list restarted after 410 (what its first pages made is dropped)', async () => {
    const emu = await startK8sEmulator({ dataDir: join(repoRoot, 'fixtures/adr-001-staging/k8s/api'), ...clock });
    try {
      emu.expireContinueTokens(1);
      await sameVerdicts(emu, ['coditect-staging']);
    } finally {
      await emu.stop();
    }
  });

  it('gives them when a later page reveals a secret and the facet is redacted whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'item-judgements-late-'));
    const deployment = (name: string, args: string[], image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'coditect-staging' },
      spec: { template: { spec: { containers: [{ name: 'app', image, args }] } } },
    });
    const items = [
      deployment('a-early', ['--note', 'rotate Tr0ub4dor-x9 next week'], 'gcr.io/p/Tr0ub4dor-x9:1'),
      deployment('m-middle', ['--verbose'], 'postgres:16'),
      deployment('z-late', ['sh', '-c', 'curl -u admin:Tr0ub4dor-x9 https://api.internal/v1'], 'nginx:1.27'),
    ];
    writeFileSync(join(dir, 'deployments.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    const emu = await startK8sEmulator({ dataDir: dir, ...clock });
    try {
      const { early, given } = await sameVerdicts(emu, ['coditect-staging']);
      // The first two were finished (and judged) before the third taught the secret.
      expect(given).toBe(2);
      expect(early).toContain('a-early');
      expect(early).not.toContain('Tr0ub4dor');
    } finally {
      await emu.stop();
    }
  });
});
