/**
 * Kubernetes YAML parsed on the machine's other cores (issue 19). Reading a large repository is mostly
 * parsing its YAML, one file independent of the others: a few worker threads (./files-parse-worker.ts)
 * parse batches of files while the main thread parses batches too, and the results are put back in the
 * order of the files, so the facets are the same as when one thread reads them all.
 *
 * Workers only parse the text they are given with the same code (`parseKubernetes`); nothing in the
 * repository chooses what they run. What comes back is plain data: the manifest (JSON objects), its
 * positions as the index arrays (the lazy positions record is built again here, over the same offsets),
 * and the file's errors and notices. A worker that fails or exits hands its batch back: those files are
 * parsed here, as without workers, so a file is never lost and its problem is the same.
 *
 * `CODITECT_AUDIT_FILE_WORKERS`: `0` reads on the main thread only; a number uses that many workers
 * whatever the repository's size (what tests use to compare both); unset, workers start only for a
 * repository whose YAML is large enough to pay for their start-up, one per core beyond the first.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ConfigError } from '@coditect-audit/core/basics';
import type { K8sManifestFile, K8sObject } from '@coditect-audit/core';
import { LineCounter } from 'yaml';
import { FileParseError } from './errors.js';
import { type K8sParseResult, parseKubernetes } from './kubernetes.js';
import { normalizeText } from './text.js';
import { positionIndexOf, positionsOf } from './yaml-nodes.js';
import { withParsedManifest } from '../parsed.js';
import { redactTree } from '../redact.js';

/** Where the worker's module is: beside this one, in the packages' build and in the bundle alike. */
const WORKER_URL = new URL('./files-parse-worker.js', import.meta.url);
/** Below this much Kubernetes YAML, starting a worker (~50 ms, loading the parser) costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 1024 * 1024;
/** Each worker after the first needs this much more YAML. */
const BYTES_PER_WORKER = 2 * 1024 * 1024;
const MAX_WORKERS = 4;
/** Files per batch at most: large enough that messages cost little. */
const BATCH_FILES = 32;
/**
 * Files per batch at least. Batches shrink as the files run out ({@link FileQueue}), so that the threads,
 * each with up to {@link IN_FLIGHT} batches in hand, end their parse together rather than one waiting
 * for another's last large batches.
 */
const MIN_BATCH_FILES = 2;
/** Batches sent to a worker ahead of its replies. */
const IN_FLIGHT = 2;
/** The main thread's other tasks (one file each) run between two looks at the workers' replies. */
const TASKS_PER_TURN = 16;
/** Tasks left for the end, while the workers finish their last batches (which are small: {@link FileQueue}). */
const TASKS_KEPT_FOR_THE_END = IN_FLIGHT * MIN_BATCH_FILES * 2;

export interface ParseInput {
  path: string;
  text: string;
}

/** What a worker is sent: a batch of files, and whether to finish each manifest (see {@link finishedManifest}). */
export interface ParseBatch {
  files: ParseInput[];
  finish: boolean;
}

/** A file's parse as plain data (what a worker sends back). */
export type TransferredParse =
  | { result: TransferredResult | undefined }
  | { thrown: { message: string; line?: number; column?: number } };

interface TransferredError {
  message: string;
  line: number;
  column: number;
}

interface TransferredResult {
  manifest: Omit<K8sManifestFile, 'objects'> & { objects: TransferredObject[] };
  /** Whether the manifest is already redacted and has its parsed parts ({@link finishedManifest}). */
  finished: boolean;
  errors: TransferredError[];
  notices: TransferredError[];
  /** The line starts of each `LineCounter` the objects' positions use (one per file). */
  lineStarts: number[][];
}

type TransferredObject = Omit<K8sObject, 'positions'> & {
  positions: { lines: number; pointers: string[]; offsets: number[] };
};

/**
 * A manifest file as the collector's last steps make it: redacted (../redact.ts: one file at a time, so
 * what this file reveals is masked in this file alone, wherever it is done) and with its objects' parsed
 * parts (../parsed.ts). Done where the file is parsed, on every core, instead of on the main thread after
 * the last file; `redactFacets` and `withParsedFacets` then pass it by.
 */
export function finishedManifest(manifest: K8sManifestFile): K8sManifestFile {
  return withParsedManifest(redactTree(manifest)) as K8sManifestFile;
}

/**
 * Parses one file as the main thread would, as plain data; `finish`: and finishes its manifest. Not when a
 * kustomize patch is rendered over the repository's objects: that reads them as parsed, before redaction.
 */
export function parseToTransfer(input: ParseInput, finish = false): TransferredParse {
  return asTransfer(parseFile(input, finish));
}

/** A file's parse as the collector uses it: the result and whether its manifest is finished, or what it threw. */
export type ParsedFile =
  | { parsed: (K8sParseResult & { finished: boolean }) | undefined }
  | Extract<TransferredParse, { thrown: unknown }>;

/** Parses one file where it is used (the main thread's share): as {@link parseToTransfer}, not made plain. */
export function parseFile({ path, text }: ParseInput, finish = false): ParsedFile {
  try {
    const result = parseKubernetes(path, normalizeText(text));
    let finished = false;
    if (result && finish)
      try {
        result.manifest = finishedManifest(result.manifest);
        finished = true;
      } catch {
        // Left to the main thread's last steps, which meet the same failure as without workers.
      }
    return { parsed: result && { ...result, finished } };
  } catch (error) {
    if (error instanceof FileParseError)
      return { thrown: { message: error.message, line: error.line, column: error.column } };
    return { thrown: { message: error instanceof Error ? error.message : String(error) } };
  }
}

/** A parse as plain data, as a worker sends it. */
export function asTransfer(file: ParsedFile): TransferredParse {
  if ('thrown' in file) return file;
  return { result: file.parsed && toTransfer(file.parsed, file.parsed.finished) };
}

/** A worker's parse made usable again ({@link fromTransfer}), what it threw kept to be thrown where it is used. */
export function received(parsed: TransferredParse): ParsedFile {
  return 'thrown' in parsed ? parsed : { parsed: fromTransfer(parsed) };
}

/** The parse's result, or the error its parse threw, thrown again. */
export function resultOf(file: ParsedFile): (K8sParseResult & { finished: boolean }) | undefined {
  if ('thrown' in file) return fromTransfer(file);
  return file.parsed;
}

function toTransfer(result: K8sParseResult, finished: boolean): TransferredResult {
  const counters: LineCounter[] = [];
  const objects = result.manifest.objects.map((object): TransferredObject => {
    const index = positionIndexOf(object.positions);
    let lines = counters.indexOf(index.lineCounter);
    if (lines < 0) lines = counters.push(index.lineCounter) - 1;
    return { ...object, positions: { lines, pointers: index.pointers, offsets: index.offsets } };
  });
  const plain = (e: FileParseError): TransferredError => ({ message: e.message, line: e.line, column: e.column });
  return {
    manifest: { ...result.manifest, objects },
    finished,
    errors: result.errors.map(plain),
    notices: result.notices.map(plain),
    lineStarts: counters.map((c) => c.lineStarts),
  };
}

/**
 * The parse result again (positions as the lazy record), and whether its manifest is finished; or the error
 * the parse threw, thrown again.
 */
export function fromTransfer(parsed: TransferredParse): (K8sParseResult & { finished: boolean }) | undefined {
  if ('thrown' in parsed) {
    const { message, line, column } = parsed.thrown;
    throw line === undefined ? new Error(message) : new FileParseError(message, line, column);
  }
  const transferred = parsed.result;
  if (!transferred) return undefined;
  const counters = transferred.lineStarts.map((starts) => {
    const counter = new LineCounter();
    counter.lineStarts = starts;
    return counter;
  });
  const objects = transferred.manifest.objects.map((object): K8sObject => {
    const { lines, pointers, offsets } = object.positions;
    const lineCounter = counters[lines] as LineCounter;
    for (let i = 0; i < pointers.length; i++) pointers[i] = internPointer(pointers[i] as string);
    return { ...object, positions: positionsOf({ lineCounter, pointers, offsets }) };
  });
  const error = (e: TransferredError) => new FileParseError(e.message, e.line, e.column);
  return {
    manifest: { ...transferred.manifest, objects },
    errors: transferred.errors.map(error),
    notices: transferred.notices.map(error),
    finished: transferred.finished,
  };
}

/**
 * One copy of each pointer string for every object read, as the main thread's own parse keeps
 * (yaml-nodes.ts): a copy arrives with each object. A bounded table, emptied when full.
 */
const POINTERS = new Map<string, string>();
const MAX_INTERNED = 50_000;
function internPointer(pointer: string): string {
  const known = POINTERS.get(pointer);
  if (known !== undefined) return known;
  if (POINTERS.size >= MAX_INTERNED) POINTERS.clear();
  POINTERS.set(pointer, pointer);
  return pointer;
}

/** The most workers `CODITECT_AUDIT_FILE_WORKERS` may ask for (each is a thread with its own heap). */
const MAX_FORCED_WORKERS = 64;

/** How many workers to start for these files (0: parse on the main thread). */
export function workerCount(inputs: readonly ParseInput[], env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.CODITECT_AUDIT_FILE_WORKERS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    // A usage mistake (exit 3), said before anything is parsed.
    if (!/^\d+$/.test(forced.trim()) || n > MAX_FORCED_WORKERS)
      throw new ConfigError(
        `CODITECT_AUDIT_FILE_WORKERS must be a whole number of workers from 0 (none) to ${MAX_FORCED_WORKERS}, not "${forced}". Fix: set it to 0, a small number, or unset it.`,
        undefined,
        'CODITECT_AUDIT_FILE_WORKERS',
      );
    return Math.min(n, inputs.length);
  }
  const bytes = inputs.reduce((sum, input) => sum + input.text.length, 0);
  if (bytes < MIN_BYTES_FOR_WORKERS) return 0;
  const byBytes = 1 + Math.floor((bytes - MIN_BYTES_FOR_WORKERS) / BYTES_PER_WORKER);
  // node:os is loaded here, when there is enough YAML to ask: most scans never need it.
  const { availableParallelism } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  return Math.max(0, Math.min(availableParallelism() - 1, byBytes, MAX_WORKERS));
}

/** A worker started before its first batch (while the repository is read), and whether it has exited since. */
interface StartedWorker {
  worker: Worker;
  exited: boolean;
}

function startWorker(workerUrl: URL): StartedWorker | undefined {
  // Loaded only when a worker starts: a scan of small YAML (most) never pays for the module.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  let started: StartedWorker;
  try {
    started = { worker: new Worker(workerUrl), exited: false };
  } catch {
    return undefined;
  }
  // Until its batches come, a failure is only noted (the batches then go to the main thread), and the
  // worker does not keep the process alive.
  started.worker.on('error', () => {});
  started.worker.on('exit', () => {
    started.exited = true;
  });
  started.worker.unref();
  return started;
}

/**
 * A worker started while the repository is still being read: starting one and loading the parser takes
 * a good part of the time the main thread spends reading the files. It starts as soon as the Kubernetes
 * YAML read so far is enough for {@link workerCount} to want one (never when `CODITECT_AUDIT_FILE_WORKERS`
 * decides); {@link parseInWorkers} gives it its batches, or stops it when it wants none.
 */
export class EarlyWorker {
  private bytes = 0;
  private started: StartedWorker | undefined;
  private done = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly workerUrl = WORKER_URL,
  ) {}

  /** Counts a Kubernetes file just read; starts the worker once there is enough YAML to parse. */
  read(text: string): void {
    if (this.done) return;
    this.bytes += text.length;
    if (this.bytes < MIN_BYTES_FOR_WORKERS) return;
    this.done = true;
    const forced = this.env.CODITECT_AUDIT_FILE_WORKERS;
    if ((forced !== undefined && forced !== '') || !workersAvailable(this.workerUrl)) return;
    const { availableParallelism } = createRequire(import.meta.url)('node:os') as typeof import('node:os');
    if (availableParallelism() > 1) this.started = startWorker(this.workerUrl);
  }

  /** The worker, if one started: the caller now runs or stops it. */
  take(): StartedWorker | undefined {
    this.done = true;
    const started = this.started;
    this.started = undefined;
    return started;
  }

  /** Stops the worker if nobody took it. */
  stop(): void {
    const started = this.take();
    if (started) void started.worker.terminate();
  }
}

/** Whether the worker's module is there (it is not when the TypeScript sources run, as in unit tests). */
export function workersAvailable(workerUrl = WORKER_URL): boolean {
  return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * Every input parsed (`parses`, in the inputs' order), by `workers` worker threads and the main thread, and
 * how many of them a worker parsed. Undefined when no worker is used; the caller then parses each file
 * itself, as before.
 */
export async function parseInWorkers(
  inputs: readonly ParseInput[],
  {
    workers = workerCount(inputs),
    mainThreadToo = true,
    workerUrl = WORKER_URL,
    alongside = [],
    finish = false,
    early,
  }: {
    workers?: number;
    /** Whether the main thread parses batches too while the workers do (false: only what they hand back). */
    mainThreadToo?: boolean;
    /** The worker's module: tests give one that fails. */
    workerUrl?: URL;
    /**
     * The main thread's other work (the repository's other files), done while the workers parse: before
     * the batches it parses, but for a few done while the workers end their last ones, instead of after.
     * Every task is run before this resolves, with or without workers.
     */
    alongside?: readonly (() => void)[];
    /** Whether each manifest is finished where it is parsed ({@link finishedManifest}). */
    finish?: boolean;
    /** A worker started while the files were read: used as the first of `workers`. */
    early?: EarlyWorker;
  } = {},
): Promise<{ parses: ParsedFile[]; parsedInWorkers: number } | undefined> {
  const started = early?.take();
  if (workers <= 0 || !workersAvailable(workerUrl)) {
    if (started) void started.worker.terminate();
    for (const task of alongside) task();
    return undefined;
  }
  // Loaded only when workers run: a scan of small YAML (most) never pays for the module.
  const { Worker } = await import('node:worker_threads');
  const results: (ParsedFile | undefined)[] = new Array(inputs.length);
  const pending = new FileQueue(inputs.length, workers + (mainThreadToo ? 1 : 0));
  let parsedHere = 0;
  const parseHere = (batch: number[]) => {
    for (const i of batch) results[i] = parseFile(inputs[i] as ParseInput, finish);
    parsedHere += batch.length;
  };

  // The other work first, a few tasks at a time with the workers' replies let in between: only this thread
  // can do it, while any thread can parse a batch, so the batches left at the end are shared evenly. A few
  // tasks are kept to fill the time the workers take to finish their last batches, which this thread waits.
  let nextTask = 0;
  const runTasks = (count: number) => {
    for (const end = Math.min(alongside.length, nextTask + count); nextTask < end; )
      (alongside[nextTask++] as () => void)();
  };
  const letRepliesIn = () => new Promise<void>((resolve) => setImmediate(resolve));

  const running = Array.from({ length: workers }, (_, n) =>
    runWorker(Worker, workerUrl, inputs, finish, pending, results, n === 0 ? started : undefined),
  );
  if (mainThreadToo)
    for (const first = alongside.length - TASKS_KEPT_FOR_THE_END; nextTask < first; ) {
      runTasks(Math.min(TASKS_PER_TURN, first - nextTask));
      await letRepliesIn();
    }
  while (mainThreadToo) {
    const batch = pending.fromEnd();
    if (!batch) break;
    parseHere(batch);
    // Lets the workers' replies in, so they are given their next batch while this thread parses.
    await letRepliesIn();
  }
  runTasks(alongside.length);
  const returned = await Promise.all(running);
  // A worker that failed handed its unfinished batches back: parsed here, as without workers.
  for (const batch of returned.flat()) parseHere(batch);
  const parsedInWorkers = results.filter((r) => r !== undefined).length - parsedHere;
  for (let i = 0; i < results.length; i++) if (!results[i]) parseHere([i]);
  return { parses: results as ParsedFile[], parsedInWorkers };
}

/**
 * The files not yet given to a thread, handed out in batches: the workers take theirs from the front, the main
 * thread from the end (any order will do, since each result goes to its file's place). A batch is a share of
 * what is left ({@link BATCH_FILES} at most, {@link MIN_BATCH_FILES} at least), so the last ones are small.
 */
export class FileQueue {
  private front = 0;
  private end: number;

  constructor(
    files: number,
    /** The threads that parse: each may hold {@link IN_FLIGHT} batches. */
    private readonly threads: number,
  ) {
    this.end = files;
  }

  private size(): number {
    const share = Math.ceil((this.end - this.front) / (this.threads * IN_FLIGHT * 2));
    return Math.min(this.end - this.front, Math.max(MIN_BATCH_FILES, Math.min(BATCH_FILES, share)));
  }

  /** The next batch from the front (a worker's), undefined when none is left. */
  fromFront(): number[] | undefined {
    const size = this.size();
    if (size <= 0) return undefined;
    const batch = Array.from({ length: size }, (_, i) => this.front + i);
    this.front += size;
    return batch;
  }

  /** The next batch from the end (the main thread's), undefined when none is left. */
  fromEnd(): number[] | undefined {
    const size = this.size();
    if (size <= 0) return undefined;
    this.end -= size;
    return Array.from({ length: size }, (_, i) => this.end + i);
  }
}

/**
 * One worker: takes batches from `pending` until none is left, with {@link IN_FLIGHT} sent ahead so that it
 * never waits for the main thread (which hands out batches only between its own). Resolves with the
 * batches it had not finished if it failed (the caller parses those files), else with none.
 */
function runWorker(
  Worker: typeof import('node:worker_threads').Worker,
  workerUrl: URL,
  inputs: readonly ParseInput[],
  finishManifests: boolean,
  pending: FileQueue,
  results: (ParsedFile | undefined)[],
  /** A worker already started ({@link EarlyWorker}); else one starts here. */
  started?: StartedWorker,
): Promise<number[][]> {
  return new Promise((resolve) => {
    const inFlight: number[][] = [];
    let settled = false;
    let worker: Worker;
    const finish = () => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners();
      // Exits on its own once terminated; the scan does not wait for it.
      worker.on('error', () => {});
      void worker.terminate();
      resolve(inFlight.splice(0));
    };
    const send = () => {
      while (inFlight.length < IN_FLIGHT) {
        const batch = pending.fromFront();
        if (!batch) break;
        inFlight.push(batch);
        worker.postMessage({
          files: batch.map((i) => inputs[i] as ParseInput),
          finish: finishManifests,
        } satisfies ParseBatch);
      }
      if (inFlight.length === 0) finish();
    };
    if (started) {
      worker = started.worker;
      // Exited before its first batch: nothing was sent, the main thread parses its share.
      if (started.exited) {
        resolve([]);
        return;
      }
      worker.ref();
    } else
      try {
        worker = new Worker(workerUrl);
      } catch {
        resolve([]);
        return;
      }
    worker.on('message', (parsed: (TransferredParse | null)[]) => {
      // The worker answers its batches in the order they were sent.
      const batch = inFlight[0];
      if (!batch || !Array.isArray(parsed) || parsed.length !== batch.length) return finish();
      inFlight.shift();
      // A file whose result could not be sent (null) stays without one: the main thread parses it. The others
      // are made usable as they come, between this thread's own batches rather than after the last.
      batch.forEach((i, n) => {
        const result = parsed[n];
        if (!result) return;
        try {
          results[i] = received(result);
        } catch {
          // Not a parse this module sent: the file stays without a result, and the main thread parses it.
        }
      });
      send();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    // Messages wait for the worker to start: its first batches are there when it is.
    send();
  });
}
