/**
 * The files layer's canaries in process, without services: the planted Dockerfile, manifests, workflow,
 * OpenTofu and guide of test/support/canaries.ts go through the collector; no canary, raw or base64, is in
 * its facets, and the text beside each one is. The whole-environment suite (canaries.test.ts) does the
 * same through the binary for every layer, report, baseline and log.
 */
import { collectFilesFromMemory } from '@coditect-audit/collectors';
import { describe, expect, it } from 'vitest';
import { plantedFiles, plantedPlaces } from './support/canaries.js';

describe('files-layer canaries, in process', () => {
  const facets = collectFilesFromMemory(plantedFiles());
  const text = JSON.stringify(facets);
  const places = Object.entries(plantedPlaces()).filter(
    ([name, p]) => p.layer === 'files' && !name.startsWith('tfstate-'),
  );

  it('parses every planted file without a problem', () => {
    for (const [name, facet] of Object.entries(facets)) {
      expect(facet.status, name).toBe('ok');
      if (facet.status === 'ok') expect(facet.problems, name).toEqual([]);
    }
    expect(places.length).toBeGreaterThanOrEqual(50);
  });

  it('keeps the text beside every canary', () => {
    const missing = places
      .filter(([, p]) => p.proof !== undefined && !text.includes(JSON.stringify(p.proof).slice(1, -1)))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('holds no canary, raw or base64', () => {
    const leaks = places
      .filter(([, { canary }]) =>
        [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('base64url')].some((form) =>
          text.includes(form),
        ),
      )
      .map(([name]) => name);
    expect(leaks).toEqual([]);
  });
});
