/**
 * What `scan` tells its caller around the collection: the CLI raises the heap's growth while a live layer's
 * answers are awaited (`whileAwaitingAnswers`) and sets it back once the collection has ended
 * (`collectionEnded`), so the second must follow the first, before the rules judge, and only where there was
 * a collection.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '@coditect-audit/core';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../packages/cli/src/scan.js';
import { repoRoot, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');

/** Scans with both hooks and `onSnapshot`, giving the order they were told in and the snapshot. */
async function scanTelling(
  options: Parameters<typeof scan>[0],
): Promise<{ told: string[]; snapshot: Snapshot | undefined }> {
  const told: string[] = [];
  let snapshot: Snapshot | undefined;
  await scan({
    ...options,
    whileAwaitingAnswers: () => told.push('awaiting answers'),
    collectionEnded: () => told.push('collection ended'),
    onSnapshot: (s) => {
      told.push('snapshot');
      snapshot = s;
    },
  });
  return { told, snapshot };
}

describe('scan hooks around the collection', () => {
  let api: K8sEmulator;
  const savedKubeconfig = process.env.KUBECONFIG;

  beforeAll(async () => {
    api = await startK8sEmulator({ dataDir: join(staging, 'k8s/api') });
    process.env.KUBECONFIG = writeKubeconfig(join(tempDir(), 'kubeconfig'), [
      { context: 'adr-001-staging', url: api.url },
    ]);
  });
  afterAll(async () => {
    if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = savedKubeconfig;
    await api.stop();
  });

  it('a live layer: answers awaited, then the collection ends, before the rules get the snapshot', async () => {
    const { told, snapshot } = await scanTelling({ dir: staging, env: 'staging', layers: ['k8s'] });
    expect(snapshot?.layers.k8s).toEqual({ status: 'collected' });
    expect(told).toEqual(['awaiting answers', 'collection ended', 'snapshot']);
  });

  it('the files alone: the collection ends, no answers were awaited', async () => {
    const { told } = await scanTelling({ dir: staging, env: 'staging', layers: ['files'] });
    expect(told).toEqual(['collection ended', 'snapshot']);
  });

  it('a replay: nothing was collected, so neither is told', async () => {
    const { snapshot } = await scanTelling({ dir: staging, env: 'staging', layers: ['k8s'] });
    const file = join(tempDir(), 'snapshot.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const { told } = await scanTelling({ dir: staging, env: 'staging', snapshot: file });
    expect(told).toEqual(['snapshot']);
  });
});
