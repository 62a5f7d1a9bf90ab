/**
 * Two ways to run `coditect-audit`: `runCli` spawns the built binary, as users do, for what only the
 * binary does (exit codes of a real process, a closed pipe, a crash, `--version`'s fast path, its imports,
 * packaging); `runInProcess` calls the commands' `run()` from the sources in this test's process, for
 * everything else (what a command prints and which exit code it chooses) at a fraction of the cost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const bin = join(repoRoot, 'packages/cli/dist/bin.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Run {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), bin, ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    // Only for a binary that hangs: far above any run on a loaded machine (spawnSync blocks the worker, so
    // vitest's own test timeout cannot end it).
    timeout: 180_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one command line in this process: the environment (`NO_COLOR=1`, then `env`; `undefined` removes a
 * variable) and the working directory are set for the run, and what the command writes to stdout and
 * stderr (yargs' help and messages go through `console`) is captured instead of printed. Runs one at a
 * time: the process's environment, directory and streams are shared.
 */
export function runInProcess(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<Run> {
  const next = queue.then(() => runNow(args, opts));
  queue = next.catch(() => {});
  return next;
}

async function runNow(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> }): Promise<Run> {
  const { run } = await import('../../packages/cli/src/main.js');
  const out = { stdout: '', stderr: '' };
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const { log, info, error, warn } = console;
  const capture =
    (stream: 'stdout' | 'stderr') =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  for (const [name, value] of Object.entries({ NO_COLOR: '1', ...opts.env }))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  process.chdir(opts.cwd ?? repoRoot);
  // What is captured is a pipe, not the terminal the tests may run in (colour, width, progress lines,
  // init's questions).
  const streams = [process.stdin, process.stdout, process.stderr];
  const ttys = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  for (const stream of streams)
    Object.defineProperty(stream, 'isTTY', { value: undefined, configurable: true, writable: true });
  process.stdout.write = capture('stdout') as typeof process.stdout.write;
  process.stderr.write = capture('stderr') as typeof process.stderr.write;
  const toStdout = (...a: unknown[]) => {
    out.stdout += `${format(...a)}\n`;
  };
  const toStderr = (...a: unknown[]) => {
    out.stderr += `${format(...a)}\n`;
  };
  Object.assign(console, { log: toStdout, info: toStdout, error: toStderr, warn: toStderr });
  try {
    const code = await run(args);
    return { code, ...out };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    Object.assign(console, { log, info, error, warn });
    for (const [i, stream] of streams.entries()) {
      const tty = ttys[i];
      if (tty) Object.defineProperty(stream, 'isTTY', tty);
      else delete (stream as { isTTY?: boolean }).isTTY;
    }
    process.chdir(savedCwd);
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
}

export function tempDir(prefix = 'coditect-audit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
