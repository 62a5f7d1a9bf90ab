#!/usr/bin/env node
/**
 * The `coditect-audit` binary. `--version` answers before anything else loads (CI scripts and package
 * managers call it often); every other command loads the CLI (main.ts) and runs it. What only a process
 * has lives here: the exit code, a quiet end on a closed pipe, exit 4 on an exception nothing caught.
 */
import { setFlagsFromString } from 'node:v8';

/** How far the heap may grow past what is live before V8 collects it whole (V8's own default: up to 300). */
const HEAP_GROWING_PERCENT = 30;

/**
 * How much bytecode a function runs between V8's checks of whether to optimize it: 528 KiB, eight times V8's
 * own default in Node 20 (66 KiB). A scan is a process of seconds whose code mostly runs a while and is done
 * (a page's items, a view's build, a report's writing). At the default, V8's optimizing compiler spent ~0.5 s
 * of CPU on its background threads in a 16× live Kubernetes scan of 1.3 s, competing on a 2-core machine with
 * the main thread (and an API server on the same machine) for the cores: ~0.2 s now, and the scan ~7 % sooner.
 * Code that runs long enough to matter is still optimized, a little later (docs/performance.md).
 */
const INTERRUPT_BUDGET = 528 * 1024;

// A reader that stops early (`coditect-audit rules | head`) closes the pipe: that is not an error, so
// stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

/**
 * Node's modules that a scan or a collection loads, loaded before the V8 flags below are set: Node keeps their
 * compiled code in its binary, checked against V8's flags, so each one loaded after a flag is changed is
 * compiled again (~10 ms before a live scan's first request). Loaded here only for those commands. What only some
 * scans need stays loaded on first use (zlib for a compressed answer; threads, the core count and a child process
 * for the files layer, test/cli.test.ts "lazy loading"); `https` (with `http`, `tls` and `net`), which only a
 * live layer uses, costs a scan of files ~1 ms here, against ~10 ms after the flags in a live scan.
 */
const SCAN_BUILTINS = [
  'node:stream',
  'node:fs/promises',
  'node:crypto',
  'node:https',
  'node:perf_hooks',
  'node:module',
];

const args = process.argv.slice(2);
if (args.includes('scan') || args.includes('collect')) await Promise.all(SCAN_BUILTINS.map((m) => import(m)));

// V8 lets the heap grow to up to four times what the last full collection kept before it collects again.
// A scan's working sets come and go phase by phase (the snapshot's text, the rules' maps, each report), so
// that headroom holds mostly garbage: at 50,000 resources it more than doubled the peak resident memory
// (1.25 GB against 0.49 GB). Growing by 30 % of the live size keeps the peak near what is live, for more
// full collections (about a fifth more CPU time in that run; docs/performance.md).
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
// Set before any of the CLI's code is loaded, so that every function's budget is this one.
setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
// Every function compiled to V8's baseline machine code (Sparkplug) when first compiled, rather than once it has
// run a while in the interpreter: a scan's functions mostly run over thousands of items soon after they are
// first called. Cheap to compile: the 16× live Kubernetes scan ~2 % sooner with less CPU, for a little more memory
// for the code (+5 MB in the files scan, +17–20 MB in the replay of 50,000 resources; docs/performance.md).
setFlagsFromString('--always-sparkplug');

if (args.length === 1 && args[0] === '--version') {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { run, internalError } = await import('./main.js');
  process.on('uncaughtException', (err) => process.exit(internalError(err)));
  const code = await run(args);
  process.exitCode = code;
  // A live layer past its deadline may leave a connection that never answers open; the run is over, so
  // it must not hold the job (the timer is unref'd: a clean run exits at once, without it).
  setTimeout(() => process.exit(code), 2_000).unref();
}
