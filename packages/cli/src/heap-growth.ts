/**
 * How far V8 lets the heap grow past what is live before it collects it whole (`--heap-growing-percent`,
 * which V8 reads at each full collection to set the next one's limit), phase by phase (issue 19).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** The growth outside a live layer's collection, as the binary sets it first (cli.ts). */
export const HEAP_GROWING_PERCENT = 30;

/** Garbage a live collection may leave past what the last full collection kept, before the next one. */
const HEADROOM_BYTES = 64 * 1024 * 1024;

/**
 * The growth while a live layer is collected, from what the last full collection kept. Nearly all that a
 * collection allocates is what it keeps (each full collection during the 16× Kubernetes chain freed 5–15 %
 * of the heap), so 30 % made five of them, each marking all that was kept so far. The growth is what
 * `HEADROOM_BYTES` is of what is live, at least 100 % and at most 300 % (V8's own most): a small or middling
 * estate's collection ends with room for its rules and reports, without a full collection after the last
 * answer (the 16× estate: one, ~40 ms of the main thread); a large one's gets 100 %, its peak at about twice
 * what the collection keeps, as before.
 */
export function growingPercentWhileCollecting(liveBytes: number): number {
  return Math.max(100, Math.min(300, Math.floor((HEADROOM_BYTES / Math.max(liveBytes, 1)) * 100)));
}

/**
 * Raises the growth for a live layer's collection; the function returned sets it back to
 * `HEAP_GROWING_PERCENT` once the collection has ended. After each full collection meanwhile, the growth for
 * the one after is worked out again from what it kept.
 */
export function growHeapWhileCollecting(
  setPercent: (percent: number) => void = setHeapGrowingPercent,
  liveBytes: () => number = usedHeapBytes,
): () => void {
  let ended = false;
  let observer: { disconnect(): void } | undefined;
  setPercent(growingPercentWhileCollecting(liveBytes()));
  // Loaded here, not at start-up: only a live scan needs it (a module of Node's own, no file).
  import('node:perf_hooks').then(
    ({ PerformanceObserver, constants }) => {
      if (ended) return;
      const watching = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
            setPercent(growingPercentWhileCollecting(liveBytes()));
            return;
          }
      });
      watching.observe({ entryTypes: ['gc'] });
      observer = watching;
    },
    () => undefined,
  );
  return () => {
    ended = true;
    observer?.disconnect();
    setPercent(HEAP_GROWING_PERCENT);
  };
}

function setHeapGrowingPercent(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

function usedHeapBytes(): number {
  return getHeapStatistics().used_heap_size;
}
