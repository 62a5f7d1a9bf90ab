/**
 * Where the binary writes: checked before the scan starts (a wrong path is a usage error, exit 3, not a
 * crash after a long scan), and the report files written as one set, so an interrupted run leaves either
 * the previous set or the new one, never a mix.
 */
import { constants, existsSync, realpathSync, statSync } from 'node:fs';
import { access, type FileHandle, mkdir, mkdtemp, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A mistake in how the binary was called: exit 3 with the message, no stack trace. */
export class UsageError extends Error {}

/** Pseudo file systems: writing a report there is never what was meant, and can do harm. */
const PSEUDO_FS = ['/proc', '/sys', '/dev'];

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/**
 * Fails with a usage error when `path` cannot take what the scan will write there: a folder of reports
 * (`directory`) or one file (`file`). Checked by real path, so a link into /proc is caught too.
 */
export async function checkOutputPath(path: string, kind: 'directory' | 'file', flag: string): Promise<void> {
  const absolute = resolve(path);
  const existing = nearestExisting(absolute);
  const real = join(realpathSync(existing), absolute.slice(existing.length));
  if (PSEUDO_FS.some((p) => real === p || real.startsWith(`${p}/`)))
    throw new UsageError(
      `${flag} ${path}: is under ${real.split('/')[1] ? `/${real.split('/')[1]}` : real}, not a place for reports; give a folder on disk`,
    );
  if (existing === absolute) {
    const isDir = statSync(absolute).isDirectory();
    if (kind === 'directory' && !isDir)
      throw new UsageError(`${flag} ${path}: is a file; give a folder (it is created if missing)`);
    if (kind === 'file' && isDir) throw new UsageError(`${flag} ${path}: is a directory; give a file name`);
  } else if (!statSync(existing).isDirectory()) {
    throw new UsageError(
      `${flag} ${path}: ${existing} is a file, so nothing can be created under it; give another path`,
    );
  }
  // The folder that will receive the write: the path itself (an existing folder) or its nearest parent.
  const target = existing === absolute && kind === 'directory' ? absolute : existing;
  try {
    await access(target, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: ${target} is not writable by this user; give a writable folder`);
  }
}

/**
 * A report this tool writes into a report folder (every format's file name): its text, or its pieces,
 * produced as they are written so that a large report is never one string in memory.
 */
export type ReportFile =
  | { name: string; text: string }
  | { name: string; chunks: () => Iterable<string> | AsyncIterable<string> };

/**
 * Bytes gathered per write. Pieces are encoded straight into one of two buffers, reused for the whole file:
 * no string of gathered pieces, no new buffer per write (each one external memory that hastens collections).
 * A megabyte: each write costs the main thread a fixed toll (a request to the thread pool, a promise), ~4× less
 * of it than at 256 KiB for a 55 MB report; 2 MB of buffers beside a scan's heap is nothing.
 */
const WRITE_BUFFER = 1 << 20;

/** All of `bytes` to `out`: a write may take less than it is given. */
async function writeAll(out: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await out.write(bytes, done, bytes.length - done)).bytesWritten;
}

/**
 * Writes one report to `path`: its text at once, or its pieces as they come. One buffer is written (by the
 * thread pool) while the other fills, never more, so the file gets them in order.
 */
async function writeReport(path: string, f: ReportFile): Promise<void> {
  if ('text' in f) return writeFile(path, f.text);
  const out = await open(path, 'w');
  let writing: Promise<unknown> | undefined;
  const send = async (bytes: Uint8Array) => {
    await writing;
    writing = writeAll(out, bytes);
    // Its failure is met at the next `await writing`, not left unhandled while the next buffer fills.
    writing.catch(() => undefined);
  };
  try {
    let spare = Buffer.allocUnsafe(WRITE_BUFFER);
    let filling = Buffer.allocUnsafe(WRITE_BUFFER);
    let used = 0;
    /** Takes a piece in: a promise when that sent a buffer, to wait for before the next. */
    const put = (piece: string): Promise<void> | undefined => {
      // A UTF-16 unit takes at most three bytes of UTF-8: what may not fit sends the buffer first.
      if (piece.length * 3 <= WRITE_BUFFER - used) {
        used += filling.write(piece, used);
        return undefined;
      }
      return (async () => {
        if (used) {
          await send(filling.subarray(0, used));
          [filling, spare] = [spare, filling];
          used = 0;
        }
        if (piece.length * 3 > WRITE_BUFFER) await send(Buffer.from(piece));
        else used += filling.write(piece, used);
      })();
    };
    const pieces = f.chunks();
    // Pieces made as they are asked for (most reports) are taken without a promise each.
    if (Symbol.asyncIterator in pieces) for await (const piece of pieces) await put(piece);
    else
      for (const piece of pieces) {
        const sent = put(piece);
        if (sent) await sent;
      }
    if (used) await send(filling.subarray(0, used));
    await writing;
    writing = undefined;
  } finally {
    // A report that failed while a buffer was being written: that write's own failure is not the one to report.
    await writing?.catch(() => undefined);
    await out.close();
  }
}

/**
 * Writes the reports into a temporary folder beside `dir`, then swaps it in with renames: an interrupted
 * run leaves the previous set or the new one. When the folder cannot be swapped (it holds files that are not
 * reports of ours, or its parent does not let this user rename it, like a sticky /tmp), the reports are
 * staged inside it and each renamed into place: each file whole, old or new.
 */
export async function writeReportSet(
  dir: string,
  files: readonly ReportFile[],
  ours: ReadonlySet<string>,
): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  if (existsSync(dir) && !(await readdir(dir)).every((name) => ours.has(name))) return writeEachWhole(dir, files);
  let staging: string;
  try {
    staging = await mkdtemp(join(parent, `.${basename(dir)}.new-`));
  } catch {
    return writeEachWhole(dir, files);
  }
  try {
    for (const f of files) await writeReport(join(staging, f.name), f);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  if (!existsSync(dir)) {
    try {
      await rename(staging, dir);
      return;
    } catch {
      await rm(staging, { recursive: true, force: true });
      return writeEachWhole(dir, files);
    }
  }
  const old = staging.replace(/\.new-([^/]*)$/, '.old-$1');
  try {
    await rename(dir, old);
  } catch {
    await rm(staging, { recursive: true, force: true });
    return writeEachWhole(dir, files);
  }
  try {
    await rename(staging, dir);
  } catch (e) {
    await rename(old, dir);
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  await rm(old, { recursive: true, force: true });
}

/** Every report staged inside `dir` first, then each renamed into place. */
async function writeEachWhole(dir: string, files: readonly ReportFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.coditect-audit.new-'));
  try {
    for (const f of files) await writeReport(join(staging, f.name), f);
    for (const f of files) await rename(join(staging, f.name), join(dir, f.name));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * One file, written whole: to a temporary name beside it, then renamed. Given pieces, they are written as
 * they come, so a large file is never one string in memory.
 */
export async function writeFileWhole(
  path: string,
  content: string | (() => Iterable<string> | AsyncIterable<string>),
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    if (typeof content === 'string') await writeFile(tmp, content);
    else await writeReport(tmp, { name: basename(path), chunks: content });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Options that may be given several times; any other given twice is a usage error, not a silent pick. */
const REPEATABLE = new Set(['plugin', 'format', 'snapshot', 'snapshots', 'fail-on-target', '_', '$0']);

/** yargs middleware: `--env a --env b` is refused (exit 3) instead of becoming an array nobody expects. */
export function rejectRepeatedFlags(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    // camelCase twins and one-letter aliases repeat what the long flag says.
    if (REPEATABLE.has(key) || !Array.isArray(value) || key.length === 1 || /[A-Z]/.test(key)) continue;
    throw new UsageError(`--${key} is given ${value.length} times; give it once`);
  }
}
