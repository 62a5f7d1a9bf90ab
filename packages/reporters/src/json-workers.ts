/**
 * The JSON report with its `verdicts` array written on the machine's other core (issue 19). Most of a large
 * report is that array (a 20,000-object cluster: 60,877 verdicts, 47,123 of them passes built from their
 * compact sets, ~50 MB), and each rule's run of it depends only on that rule's stored verdicts and pass
 * sets. Those are posted (structured clone) in jobs of a few rules, in the report's order, to worker
 * threads (./json-verdicts-worker.ts), which build each rule's verdicts in the total order and their text
 * with the very code of `jsonChunks` (`verdictItemChunks`) and send it back as UTF-8 in transferred buffers.
 * This thread writes the report's other members, then each job's bytes in order as they come: the same
 * bytes as `jsonChunks` (`toJson`), which stays the way for a library user and for small results.
 *
 * What crosses to the workers is what the report itself writes: a result's verdicts and passes are
 * redacted before the engine ever judges them (the collectors redact what they read), so nothing goes to
 * a thread that the report file would not hold; the text comes back here and goes only to that file.
 *
 * A worker that fails (its code throws, it exits, it cannot start) fails the report with an error naming
 * what happened: the report is never written short (the CLI's writer stages its files and renames them,
 * so a failed write leaves the previous reports). A job that cannot be posted (a plugin's rule gave data
 * that structured clone refuses: a function, a symbol) is written here instead, with the same code.
 *
 * `CODITECT_AUDIT_JSON_WORKERS`: `0` writes on this thread only; a number uses that many workers whatever
 * the result's size (what tests use to compare both); unset, see {@link jsonWorkerCount}.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { PassSet, ScanResult, Verdict } from '@coditect-audit/core';
import { ConfigError } from '@coditect-audit/core/basics';
import { ruleVerdicts, verdictGroups } from './common.js';
import { jsonMembers, VERDICTS_ARRAY, VERDICTS_END, verdictItemChunks } from './json.js';

/** Where the worker's module is: beside this one, in the package's build and in the bundle alike. */
const WORKER_URL = new URL('./json-verdicts-worker.js', import.meta.url);

/**
 * Below this many verdicts (stored and compact passes) the report is written on this thread: its text
 * then takes less than a worker's start (~30–50 ms: a thread, its heap, its module) and the cloning. At
 * this size writing the verdicts costs ~60–80 ms of this thread's time (~4 µs each); below it, little.
 */
export const MIN_VERDICTS_FOR_WORKERS = 15_000;
/** Verdicts per job: rules are grouped until they hold this many (a rule is never split). */
const JOB_VERDICTS = 2048;
/** The most workers `CODITECT_AUDIT_JSON_WORKERS` may ask for. */
const MAX_FORCED_WORKERS = 16;

/** What a worker is sent: a run of rules, each its stored verdicts and pass sets; `open`: the array's first. */
export interface VerdictJob {
  seq: number;
  open: boolean;
  rules: { stored: Verdict[]; sets: PassSet[] }[];
}

/** What a worker sends back for a job: text (UTF-8, `length` bytes of the transferred buffer), its end, or why it failed. */
export type VerdictJobReply =
  | { seq: number; bytes: ArrayBuffer; length: number }
  | { seq: number; done: true }
  | { seq: number; error: string };

/** The verdicts of a job's rules, in the report's order. */
export function* jobVerdicts(rules: VerdictJob['rules']): Generator<Verdict> {
  for (const rule of rules) yield* ruleVerdicts(rule.stored, rule.sets);
}

/** Whether the worker's module is there (it is not when the TypeScript sources run, as in unit tests). */
export function jsonWorkersAvailable(workerUrl: URL = WORKER_URL): boolean {
  return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * How many workers to write a report of `verdicts` verdicts with (0: this thread). `CODITECT_AUDIT_JSON_WORKERS`
 * decides when set; else one, for a result of at least {@link MIN_VERDICTS_FOR_WORKERS} verdicts on a
 * machine with a core to spare. One, not more: the workers' text is not what the writer waits for once
 * one of them runs beside this thread (docs/performance.md), and every thread has a heap of its own.
 */
export function jsonWorkerCount(verdicts: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.CODITECT_AUDIT_JSON_WORKERS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    // A usage mistake (exit 3).
    if (!/^\d+$/.test(forced.trim()) || n > MAX_FORCED_WORKERS)
      throw new ConfigError(
        `CODITECT_AUDIT_JSON_WORKERS must be a whole number of workers from 0 (none) to ${MAX_FORCED_WORKERS}, not "${forced}". Fix: set it to 0, a small number, or unset it.`,
        undefined,
        'CODITECT_AUDIT_JSON_WORKERS',
      );
    return n;
  }
  if (verdicts !== undefined && verdicts < MIN_VERDICTS_FOR_WORKERS) return 0;
  // node:os is loaded here, when a result is large enough to ask: most scans never need it.
  const { availableParallelism } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  return availableParallelism() > 1 ? 1 : 0;
}

/** Every verdict of a result: stored ones and compact passes. */
export function verdictCount(result: Pick<ScanResult, 'verdicts' | 'passes'>): number {
  let n = result.verdicts.length;
  for (const set of result.passes ?? []) n += set.passes.length;
  return n;
}

interface Thread {
  worker: Worker | undefined;
  /** Why it can write no more (set once). */
  failure: Error | undefined;
  /** Verdicts sent to it, to share the jobs evenly. */
  assigned: number;
}

interface PostedJob {
  seq: number;
  rules: VerdictJob['rules'];
  /** Written here: structured clone refused its data. */
  here: boolean;
  pieces: Uint8Array[];
  taken: number;
  done: boolean;
}

/**
 * Worker threads that write the JSON report's verdicts. Started as early as the caller likes (the CLI: while
 * a cluster's answers are awaited, so their start-up is hidden); until `chunks` runs they do not keep the
 * process alive, and `chunks` stops them when the report is written (or fails). Use once.
 */
export class JsonWorkers {
  private readonly threads: Thread[] = [];
  private jobs: PostedJob[] = [];
  private wake: (() => void) | undefined;
  private stopped = false;

  constructor(count: number, workerUrl: URL = WORKER_URL) {
    // Loaded only when workers start: a small report never pays for the module.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    for (let i = 0; i < Math.max(1, count); i++) {
      const thread: Thread = { worker: undefined, failure: undefined, assigned: 0 };
      this.threads.push(thread);
      try {
        thread.worker = new Worker(workerUrl);
      } catch (error) {
        thread.failure = failed(`could not start (${messageOf(error)})`);
        continue;
      }
      const worker = thread.worker;
      worker.unref();
      worker.on('message', (reply: VerdictJobReply) => this.receive(thread, reply));
      worker.on('error', (error) => this.fail(thread, `stopped on an error (${messageOf(error)})`));
      worker.on('messageerror', (error) =>
        this.fail(thread, `sent a reply that could not be read (${messageOf(error)})`),
      );
      worker.on('exit', (code) => {
        if (!this.stopped) this.fail(thread, `exited (code ${code}) before the report was written`);
      });
    }
  }

  /** Stops the workers (they exit on their own; nobody waits for them). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const { worker } of this.threads) {
      if (!worker) continue;
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
    }
    this.wake?.();
  }

  /** The JSON report in pieces, in order: `jsonChunks(result)`'s text, the verdicts' as bytes from the workers. */
  async *chunks(result: ScanResult): AsyncGenerator<string | Uint8Array> {
    try {
      // Posted first, so that the workers write while this thread writes the report's other members.
      this.post(result);
      for (const piece of jsonMembers(result)) {
        if (piece === VERDICTS_ARRAY) yield* this.verdictPieces();
        else yield piece;
      }
    } finally {
      this.stop();
    }
  }

  private post(result: ScanResult): void {
    if (this.stopped) throw new Error('JSON report: its verdict writers were stopped before it was written');
    const groups = verdictGroups(result);
    let rules: VerdictJob['rules'] = [];
    let count = 0;
    const jobs: { rules: VerdictJob['rules']; count: number }[] = [];
    for (const id of groups.ids) {
      const stored = groups.stored.get(id) ?? [];
      const sets = groups.sets.get(id) ?? [];
      rules.push({ stored, sets });
      count += stored.length;
      for (const set of sets) count += set.passes.length;
      if (count >= JOB_VERDICTS) {
        jobs.push({ rules, count });
        rules = [];
        count = 0;
      }
    }
    if (rules.length) jobs.push({ rules, count });
    // Held alive while the replies come (they are messages from the workers).
    for (const { worker } of this.threads) worker?.ref();
    this.jobs = jobs.map(({ rules: jobRules, count: verdicts }, seq) => {
      const job: PostedJob = { seq, rules: jobRules, here: false, pieces: [], taken: 0, done: false };
      const thread = this.threads.reduce((a, b) => (b.assigned < a.assigned ? b : a));
      if (!thread.worker || thread.failure) return job;
      try {
        thread.worker.postMessage({ seq, open: seq === 0, rules: jobRules } satisfies VerdictJob);
        thread.assigned += verdicts;
      } catch (error) {
        // Data that cannot be cloned (DataCloneError): written here, with the same code.
        if (!(error instanceof Error && error.name === 'DataCloneError')) throw error;
        job.here = true;
      }
      return job;
    });
  }

  private receive(thread: Thread, reply: VerdictJobReply): void {
    const job = this.jobs[reply.seq];
    if (!job) return this.fail(thread, `answered a job it was not given (${reply.seq})`);
    if ('error' in reply) return this.fail(thread, `failed on the verdicts of job ${reply.seq}: ${reply.error}`);
    if ('done' in reply) job.done = true;
    else job.pieces.push(new Uint8Array(reply.bytes, 0, reply.length));
    this.wake?.();
  }

  private fail(thread: Thread, what: string): void {
    thread.failure ??= failed(what);
    this.wake?.();
  }

  private firstFailure(): Error | undefined {
    for (const thread of this.threads) if (thread.failure) return thread.failure;
    return undefined;
  }

  /** The verdicts' array, each job's text in order as it comes. */
  private async *verdictPieces(): AsyncGenerator<string | Uint8Array> {
    for (const job of this.jobs) {
      if (job.here) {
        yield* verdictItemChunks(jobVerdicts(job.rules), job.seq === 0);
        continue;
      }
      for (;;) {
        // Any worker's failure ends the report, whichever job it held: it will never be whole.
        const failure = this.firstFailure();
        if (failure) throw failure;
        if (job.taken < job.pieces.length) {
          const piece = job.pieces[job.taken] as Uint8Array;
          job.pieces[job.taken++] = EMPTY;
          yield piece;
          continue;
        }
        if (job.done) break;
        if (this.stopped) throw new Error('JSON report: its verdict writers were stopped before it was written');
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
      job.pieces = [];
    }
    yield this.jobs.length ? VERDICTS_END : '[]';
  }
}

const EMPTY = new Uint8Array(0);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(what: string): Error {
  return new Error(`JSON report not written: the thread writing its verdicts ${what}`);
}
