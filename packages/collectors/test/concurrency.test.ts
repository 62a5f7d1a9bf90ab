import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AdaptiveLimiter, SlicedWork } from '../src/concurrency.js';
import { GcpCallError, Limiter } from '../src/gcp/call.js';

// `gc()` for the test that a task is let go once it ran.
setFlagsFromString('--expose-gc');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `count` calls of `ms` each through `limiter`; answers the most that were in flight at once. */
async function peakOf(limiter: AdaptiveLimiter, count: number, ms = 5): Promise<number> {
  let active = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      limiter.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await pause(ms);
        active--;
      }),
    ),
  );
  return peak;
}

describe('adaptive concurrency', () => {
  it('never runs more calls at once than the configured concurrency', async () => {
    const limiter = new AdaptiveLimiter(4);
    expect(await peakOf(limiter, 30)).toBe(4);
    expect(limiter.limit).toBe(4);
  });

  it('halves on each quota answer, never below one call', () => {
    const limiter = new AdaptiveLimiter(16);
    const limits = [16];
    for (let i = 0; i < 6; i++) {
      limiter.pushedBack();
      limits.push(limiter.limit);
    }
    expect(limits).toEqual([16, 8, 4, 2, 1, 1, 1]);
  });

  it('runs at the reduced width after push-back, and widens back to the configured one as calls succeed', async () => {
    const limiter = new AdaptiveLimiter(8);
    limiter.pushedBack();
    limiter.pushedBack();
    expect(limiter.limit).toBe(2);
    // Two at once while the window is 2; additive increase brings it back to 8 over a few windows. A call
    // widens it only when it answers within twice the fastest (latency-aware): calls of 20 ms, so that a busy
    // machine's timer delays stay well inside that, and rounds enough for a few slow answers (~8 are needed).
    expect(await peakOf(limiter, 2, 20)).toBe(2);
    for (let round = 0; round < 60 && limiter.limit < 8; round++) await peakOf(limiter, limiter.limit, 20);
    expect(limiter.limit).toBe(8);
  });

  it("holds every new call until the quota answer's Retry-After", async () => {
    const limiter = new AdaptiveLimiter(4);
    const pushed = Date.now();
    limiter.pushedBack(120);
    let started = 0;
    await limiter.run(async () => {
      started = Date.now();
    });
    // A lower bound only: a busy machine may start it later, never earlier.
    expect(started - pushed).toBeGreaterThanOrEqual(110);
  });

  it('learns push-back from the errors its calls throw, and only from those its caller names', async () => {
    const limiter = new AdaptiveLimiter(8, (e) => ((e as Error).message === 'quota' ? { retryAfterMs: 0 } : undefined));
    await expect(limiter.run(() => Promise.reject(new Error('other')))).rejects.toThrow('other');
    expect(limiter.limit).toBe(8);
    await expect(limiter.run(() => Promise.reject(new Error('quota')))).rejects.toThrow('quota');
    expect(limiter.limit).toBe(4);
  });

  it('Google Cloud: a 429 narrows the window; a 503 or a denial does not', async () => {
    const limiter = new Limiter(16);
    for (const error of [
      new GcpCallError('unavailable', 'busy', 503),
      new GcpCallError('permission-denied', 'no', 403),
    ])
      await expect(limiter.run(() => Promise.reject(error))).rejects.toBe(error);
    expect(limiter.limit).toBe(16);
    const quota = new GcpCallError('rate-limited', 'quota', 429, 'RESOURCE_EXHAUSTED', 60_000);
    await expect(limiter.run(() => Promise.reject(quota))).rejects.toBe(quota);
    expect(limiter.limit).toBe(8);
    // Google's quotas are per API: the others' calls are not held for that call's Retry-After (60 s here).
    expect(await limiter.run(async () => 'not held')).toBe('not held');
  });
});

/** Timers that keep the process alive (unref'd ones do not). */
const liveTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('a limiter whose caller gives up (an AbortSignal)', () => {
  it('a call waiting for a place leaves the queue when the signal aborts, and never runs', async () => {
    const limiter = new AdaptiveLimiter(1);
    const abort = new AbortController();
    let release = () => {};
    const running = limiter.run(() => new Promise<void>((r) => (release = r)), abort.signal);
    let ran = false;
    const waiting = limiter.run(async () => {
      ran = true;
    }, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    release();
    await running;
    expect(ran).toBe(false);
    // Its place was not taken: the next call runs.
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('a call held by a Retry-After stops waiting at once: no timer of it is left', async () => {
    const limiter = new AdaptiveLimiter(4);
    const abort = new AbortController();
    limiter.pushedBack(30_000);
    let ran = false;
    const held = limiter.run(async () => {
      ran = true;
    }, abort.signal);
    await new Promise((r) => setImmediate(r));
    // Its timer goes with the abort (counted around it: nothing else runs in between).
    const waiting = liveTimers();
    abort.abort();
    expect(liveTimers()).toBe(waiting - 1);
    await expect(held).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(false);
  });

  it('a signal aborted before the call: it rejects without running', async () => {
    const limiter = new AdaptiveLimiter(2);
    let ran = false;
    await expect(
      limiter.run(async () => {
        ran = true;
      }, AbortSignal.abort()),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(false);
  });
});

describe('work in slices', () => {
  /** A task that keeps the thread busy for `ms`, as making a page's items does. */
  const busy = (ms: number) => () => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  it('runs every task in the order added, and lets other events run between its slices', async () => {
    const work = new SlicedWork(2);
    const events: string[] = [];
    for (let i = 0; i < 10; i++)
      work.add(() => {
        busy(1)();
        events.push(`task ${i}`);
      });
    // An answer arriving while the work is queued: handled between slices, not after all ten tasks.
    setImmediate(() => events.push('answer'));
    await work.done();
    expect(events.filter((e) => e.startsWith('task'))).toEqual(Array.from({ length: 10 }, (_, i) => `task ${i}`));
    expect(events.indexOf('answer')).toBeGreaterThan(0);
    expect(events.indexOf('answer')).toBeLessThan(events.length - 1);
  });

  it('is done at once when nothing is queued, and takes tasks again after it drained', async () => {
    const work = new SlicedWork();
    await work.done();
    const ran: number[] = [];
    work.add(() => ran.push(1));
    await work.done();
    work.add(() => ran.push(2));
    await work.done();
    expect(ran).toEqual([1, 2]);
  });

  it('runs a task with its value, and lets go of a task that ran while later ones still wait', async () => {
    const gc = runInNewContext('gc') as () => void;
    const work = new SlicedWork(0);
    const seen: string[] = [];
    let held: WeakRef<object> | undefined;
    (() => {
      const value = { name: 'first' };
      held = new WeakRef(value);
      work.add((v: { name: string }) => seen.push(v.name), value);
    })();
    let released: boolean | undefined;
    // A slice of 0 ms runs one task: this one runs in a later slice than the first, in a later turn.
    work.add(() => {
      gc();
      released = held?.deref() === undefined;
    });
    await work.done();
    expect(seen).toEqual(['first']);
    expect(released).toBe(true);
  });

  it('runs the tasks after one that threw, then reports the first error', async () => {
    const work = new SlicedWork();
    const ran: number[] = [];
    work.add(() => {
      throw new Error('first');
    });
    work.add(() => {
      throw new Error('second');
    });
    work.add(() => ran.push(3));
    await expect(work.done()).rejects.toThrow('first');
    expect(ran).toEqual([3]);
  });
});
