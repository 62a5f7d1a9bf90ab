/**
 * The k8s collector imports its finishing code (the sanitisers, the redaction, the parsed parts:
 * src/k8s/finishing.ts) once its first requests are written, not before them. Objects listed before that code
 * is loaded wait for it. Here its import is held until several pages have been read, and the collection
 * equals one made with the code already loaded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '@coditect-audit/collectors/k8s';
import { type CollectResult, resolveExpectations } from '@coditect-audit/core';
import { type K8sEmulator, startK8sEmulator } from '@coditect-audit/emulators/k8s';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { K8sLayerConfig } from '../src/k8s/collect.js';

const gate = vi.hoisted(() => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release: () => release(), imported: false };
});

// The first import of the finishing code waits for the test to release it.
vi.mock('../src/k8s/finishing.js', async (importOriginal) => {
  gate.imported = true;
  await gate.held;
  return importOriginal();
});

const STAGING = join(import.meta.dirname, '../../../fixtures/adr-001-staging/k8s/api');
/** The value planted in every fixture Secret (`k8s/api/secrets.json`). */
const CANARY = 'cnry-k8s-5f0d3b7a91e24c68-do-not-leak';
const clock = { now: () => new Date('2025-12-03T12:00:00Z') };

let emu: K8sEmulator;
beforeEach(async () => {
  emu = await startK8sEmulator({ dataDir: STAGING, ...clock });
});
afterEach(() => emu.stop());

function run(config: K8sLayerConfig): Promise<CollectResult> {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-finishing-late-'));
  return collect(
    {
      root: dir,
      environment: 'staging',
      expectations: resolveExpectations(undefined),
      config,
      overrides: { kubeconfig: emu.kubeconfigPath(dir) },
      progress: () => {},
    },
    { backoffMs: 5, env: {}, home: dir },
  );
}

it('objects listed before the finishing code is loaded are finished once it is, as they would have been', async () => {
  const config: K8sLayerConfig = { namespaces: ['coditect-staging'], pageSize: 1 };
  const late = run(config);
  // Pages read (one object each) while the finishing code is still held.
  const pagesRead = () => emu.requests().filter((r) => r.query.includes('continue=')).length;
  for (let waited = 0; pagesRead() < 8 && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  expect(gate.imported).toBe(true);
  expect(pagesRead()).toBeGreaterThanOrEqual(8);
  gate.release();
  const heldResult = await late;
  // The code is loaded now: a second collection finishes each object as its page arrives.
  const direct = await run(config);
  expect(heldResult.facets).toEqual(direct.facets);
  expect(heldResult.state).toEqual({ status: 'collected' });
  const pods = heldResult.facets['k8s.pods'];
  expect(pods?.status === 'ok' && pods.data.items.length).toBeGreaterThan(0);
  expect(JSON.stringify(heldResult)).not.toContain(CANARY);
});
