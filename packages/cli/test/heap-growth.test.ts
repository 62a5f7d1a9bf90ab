/**
 * The heap's growth while a live layer is collected: what the headroom allows past what is live, between
 * 100 % and 300 %; raised when the answers are first awaited, worked out again after each full collection,
 * set back to the binary's 30 % when the collection ends.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { growHeapWhileCollecting, growingPercentWhileCollecting, HEAP_GROWING_PERCENT } from '../src/heap-growth.js';

const MB = 1024 * 1024;

describe('growingPercentWhileCollecting', () => {
  it('is 300 % for a small heap, what 64 MB is of a middling one, 100 % for a large one', () => {
    expect(growingPercentWhileCollecting(8 * MB)).toBe(300);
    expect(growingPercentWhileCollecting(21 * MB)).toBe(300);
    expect(growingPercentWhileCollecting(32 * MB)).toBe(200);
    expect(growingPercentWhileCollecting(48 * MB)).toBe(133);
    expect(growingPercentWhileCollecting(64 * MB)).toBe(100);
    expect(growingPercentWhileCollecting(512 * MB)).toBe(100);
    expect(growingPercentWhileCollecting(0)).toBe(300);
  });

  it('keeps the garbage allowed past a heap of 21 MB or more at most 64 MB, never less than doubling', () => {
    for (let live = 21 * MB; live < 1024 * MB; live += 7 * MB) {
      const percent = growingPercentWhileCollecting(live);
      expect(percent).toBeGreaterThanOrEqual(100);
      if (percent > 100) expect((live * percent) / 100).toBeLessThanOrEqual(64 * MB);
    }
  });
});

describe('growHeapWhileCollecting', () => {
  // A full collection on demand (the flag exposes `gc` to contexts made after it).
  setFlagsFromString('--expose-gc');
  const fullCollection = runInNewContext('gc') as () => void;
  const observed = () => new Promise((r) => setTimeout(r, 50));

  it('sets the growth from the heap when raised, again after each full collection, and 30 % when ended', async () => {
    const set: number[] = [];
    let live = 16 * MB;
    const ended = growHeapWhileCollecting(
      (percent) => set.push(percent),
      () => live,
    );
    expect(set).toEqual([300]);
    await observed();
    live = 40 * MB;
    fullCollection();
    await observed();
    // (Vitest's own work may collect too: each full collection sets it from the heap of the moment.)
    expect(set.at(-1)).toBe(160);
    ended();
    expect(set.at(-1)).toBe(HEAP_GROWING_PERCENT);
    expect(HEAP_GROWING_PERCENT).toBe(30);
    // Ended: a full collection after it sets nothing.
    const count = set.length;
    fullCollection();
    await observed();
    expect(set.length).toBe(count);
  });

  it('ended before the observer was loaded: nothing is set after the 30 %', async () => {
    const set: number[] = [];
    growHeapWhileCollecting(
      (percent) => set.push(percent),
      () => 16 * MB,
    )();
    await observed();
    fullCollection();
    await observed();
    expect(set).toEqual([300, 30]);
  });
});
