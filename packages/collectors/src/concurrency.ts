/**
 * Calls in flight to one API, adapting to its answers instead of a fixed number. At most `max` (the
 * configured `concurrency`) at once; fewer while the API pushes back:
 * - a quota answer (429) halves the window; where the quota is the whole server's (Kubernetes' priority
 *   and fairness), its Retry-After also holds every new call until then;
 * - each call answered without push-back widens the window by 1/window (one call per window's worth of
 *   answers), back up to `max`, but only while calls answer about as fast as the fastest seen (within
 *   twice): slower means the server queues them, and more calls at once would not make it faster.
 * Used by the Google Cloud and Kubernetes collectors; retries stay with their callers.
 */

/** What a failed call says about quota: undefined when it is not push-back; `retryAfterMs` holds every call. */
export type PushBackOf = (error: unknown) => { retryAfterMs?: number } | undefined;

/** Waits `ms`; with `signal`, ends early (its timer cleared) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return new Promise<void>((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export class AdaptiveLimiter {
  private window: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** No call starts before this time (ms since the epoch): the latest Retry-After. */
  private holdUntil = 0;
  private fastestMs = Number.POSITIVE_INFINITY;

  constructor(
    readonly max: number,
    private readonly pushBackOf: PushBackOf = () => undefined,
  ) {
    this.max = Math.max(1, Math.floor(max));
    this.window = this.max;
  }

  /** Calls allowed in flight now. */
  get limit(): number {
    return Math.max(1, Math.floor(this.window));
  }

  /**
   * Runs `fn` once a place is free. With `signal`, a call still waiting for its place when the signal aborts
   * rejects with the signal's reason instead of starting (nor waiting out a Retry-After hold).
   */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    const started = performance.now();
    try {
      const value = await fn();
      this.answered(performance.now() - started);
      return value;
    } catch (e) {
      const pushBack = this.pushBackOf(e);
      if (pushBack) this.pushedBack(pushBack.retryAfterMs);
      throw e;
    } finally {
      this.active--;
      this.wake();
    }
  }

  /** A quota answer: half the window, and no new call before Retry-After. */
  pushedBack(retryAfterMs?: number): void {
    this.window = Math.max(1, this.window / 2);
    if (retryAfterMs !== undefined && retryAfterMs > 0)
      this.holdUntil = Math.max(this.holdUntil, Date.now() + retryAfterMs);
  }

  private answered(ms: number): void {
    this.fastestMs = Math.min(this.fastestMs, ms);
    if (this.window < this.max && ms <= 2 * this.fastestMs + 1) {
      this.window = Math.min(this.max, this.window + 1 / this.window);
      this.wake();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const hold = this.holdUntil - Date.now();
      if (hold > 0) await sleep(hold, signal);
      else if (this.active < this.limit) {
        this.active++;
        return;
      } else await this.turn(signal);
    }
  }

  /** Resolves when a place may be free; with `signal`, also when it aborts (leaving the queue). */
  private turn(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (!signal) {
        this.waiting.push(resolve);
        return;
      }
      const woken = () => {
        signal.removeEventListener('abort', aborted);
        resolve();
      };
      const aborted = () => {
        const at = this.waiting.indexOf(woken);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve();
      };
      this.waiting.push(woken);
      signal.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Lets as many waiting calls re-check as there are free places. */
  private wake(): void {
    for (let free = this.limit - this.active; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()?.();
  }
}

/**
 * Work done in short slices between network events: each slice runs queued tasks for a few milliseconds, then
 * yields to the event loop, so an answer that arrives meanwhile is read (and the next request of its list
 * sent) within a slice, not after everything queued. The Kubernetes collector makes each page's facet items
 * here while its next page is in flight.
 *
 * A task is a function and the value it is run with, so that one function serves every item of a list (no
 * closure per item); a task that has run is let go at once, as the queue may not empty before the last
 * page (the Kubernetes collector's stays busy from its first page to its last).
 */
export class SlicedWork {
  private tasks: (((value: never) => void) | undefined)[] = [];
  private values: unknown[] = [];
  private next = 0;
  private scheduled = false;
  private failure: { error: unknown } | undefined;
  private waiting: (() => void)[] = [];

  constructor(private readonly sliceMs = 1) {}

  /** Queues `task`, to be run with `value`. */
  add(task: () => void): void;
  add<T>(task: (value: T) => void, value: T): void;
  add<T>(task: (value: T) => void, value?: T): void {
    this.tasks.push(task as (value: never) => void);
    this.values.push(value);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.slice);
    }
  }

  /** Resolves once every task added so far has run; rejects with the first task's error, if one threw. */
  async done(): Promise<void> {
    if (this.scheduled) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure.error;
  }

  private readonly slice = (): void => {
    const end = performance.now() + this.sliceMs;
    while (this.next < this.tasks.length) {
      const at = this.next++;
      const task = this.tasks[at] as (value: unknown) => void;
      const value = this.values[at];
      this.tasks[at] = undefined;
      this.values[at] = undefined;
      try {
        task(value);
      } catch (error) {
        this.failure ??= { error };
      }
      if (performance.now() >= end) break;
    }
    if (this.next < this.tasks.length) {
      setImmediate(this.slice);
      return;
    }
    this.tasks = [];
    this.values = [];
    this.next = 0;
    this.scheduled = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  };
}
