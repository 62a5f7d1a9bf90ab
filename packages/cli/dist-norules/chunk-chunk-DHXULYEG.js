
// packages/collectors/dist/concurrency.js
function sleep(ms, signal) {
  if (!signal)
    return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted)
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
var AdaptiveLimiter = class {
  max;
  pushBackOf;
  window;
  active = 0;
  waiting = [];
  /** No call starts before this time (ms since the epoch): the latest Retry-After. */
  holdUntil = 0;
  fastestMs = Number.POSITIVE_INFINITY;
  constructor(max, pushBackOf = () => void 0) {
    this.max = max;
    this.pushBackOf = pushBackOf;
    this.max = Math.max(1, Math.floor(max));
    this.window = this.max;
  }
  /** Calls allowed in flight now. */
  get limit() {
    return Math.max(1, Math.floor(this.window));
  }
  /**
   * Runs `fn` once a place is free. With `signal`, a call still waiting for its place when the signal aborts
   * rejects with the signal's reason instead of starting (nor waiting out a Retry-After hold).
   */
  async run(fn, signal) {
    await this.acquire(signal);
    const started = performance.now();
    try {
      const value = await fn();
      this.answered(performance.now() - started);
      return value;
    } catch (e) {
      const pushBack = this.pushBackOf(e);
      if (pushBack)
        this.pushedBack(pushBack.retryAfterMs);
      throw e;
    } finally {
      this.active--;
      this.wake();
    }
  }
  /** A quota answer: half the window, and no new call before Retry-After. */
  pushedBack(retryAfterMs) {
    this.window = Math.max(1, this.window / 2);
    if (retryAfterMs !== void 0 && retryAfterMs > 0)
      this.holdUntil = Math.max(this.holdUntil, Date.now() + retryAfterMs);
  }
  answered(ms) {
    this.fastestMs = Math.min(this.fastestMs, ms);
    if (this.window < this.max && ms <= 2 * this.fastestMs + 1) {
      this.window = Math.min(this.max, this.window + 1 / this.window);
      this.wake();
    }
  }
  async acquire(signal) {
    for (; ; ) {
      signal?.throwIfAborted();
      const hold = this.holdUntil - Date.now();
      if (hold > 0)
        await sleep(hold, signal);
      else if (this.active < this.limit) {
        this.active++;
        return;
      } else
        await this.turn(signal);
    }
  }
  /** Resolves when a place may be free; with `signal`, also when it aborts (leaving the queue). */
  turn(signal) {
    return new Promise((resolve) => {
      if (!signal) {
        this.waiting.push(resolve);
        return;
      }
      const woken = () => {
        signal.removeEventListener("abort", aborted);
        resolve();
      };
      const aborted = () => {
        const at = this.waiting.indexOf(woken);
        if (at >= 0)
          this.waiting.splice(at, 1);
        resolve();
      };
      this.waiting.push(woken);
      signal.addEventListener("abort", aborted, { once: true });
    });
  }
  /** Lets as many waiting calls re-check as there are free places. */
  wake() {
    for (let free = this.limit - this.active; free > 0 && this.waiting.length > 0; free--)
      this.waiting.shift()?.();
  }
};
var SlicedWork = class {
  sliceMs;
  tasks = [];
  next = 0;
  scheduled = false;
  failure;
  waiting = [];
  constructor(sliceMs = 1) {
    this.sliceMs = sliceMs;
  }
  add(task) {
    this.tasks.push(task);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.slice);
    }
  }
  /** Resolves once every task added so far has run; rejects with the first task's error, if one threw. */
  async done() {
    if (this.scheduled)
      await new Promise((resolve) => this.waiting.push(resolve));
    if (this.failure)
      throw this.failure.error;
  }
  slice = () => {
    const end = performance.now() + this.sliceMs;
    while (this.next < this.tasks.length) {
      const task = this.tasks[this.next];
      this.next++;
      try {
        task();
      } catch (error) {
        this.failure ??= { error };
      }
      if (performance.now() >= end)
        break;
    }
    if (this.next < this.tasks.length) {
      setImmediate(this.slice);
      return;
    }
    this.tasks = [];
    this.next = 0;
    this.scheduled = false;
    for (const resolve of this.waiting.splice(0))
      resolve();
  };
};

export {
  sleep,
  AdaptiveLimiter,
  SlicedWork
};
