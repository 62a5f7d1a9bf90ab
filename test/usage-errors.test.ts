/**
 * Usage mistakes exit 3 with the fix and no stack trace, never 4 (issue 14): a repeated flag, an output
 * path that is a file, not writable or under /proc, a config path that is a directory, an alias bomb in
 * the config (in-process). And reports are written as a set: a run leaves the previous set or the new one.
 * Through the built binary: an output folder another user cannot write, and a crash (exit 4).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportSet } from '../packages/cli/src/output.js';
import { bin, repoRoot, runCli, runInProcess, tempDir } from './support/cli.js';

const remediated = join(repoRoot, 'fixtures/adr-001-remediated');

function expectUsage(run: { code: number; stderr: string }, text: RegExp) {
  expect(run.stderr).toMatch(text);
  expect(run.code).toBe(3);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** A billion-laughs configuration: each alias expands the previous one nine times. */
function aliasBomb(): string {
  let text = 'version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 12; i++)
    text += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return `${text}environments:\n  staging: {}\n`;
}

describe('usage errors exit 3 with the fix', () => {
  it('a repeated flag', async () => {
    expectUsage(
      await runInProcess(['scan', '--dir', remediated, '--env', 'staging', '--env', 'production']),
      /--env is given 2 times; give it once/,
    );
    expectUsage(await runInProcess(['collect', '--dir', remediated, '--dir', remediated]), /--dir is given 2 times/);
  });

  it('--output-dir that is a file, or under a file', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'x');
    const base = ['scan', '--dir', remediated, '--env', 'staging', '--format', 'json'];
    expectUsage(await runInProcess([...base, '--output-dir', file]), /--output-dir .*: is a file; give a folder/);
    expectUsage(
      await runInProcess([...base, '--output-dir', join(file, 'sub')]),
      /is a file, so nothing can be created under it/,
    );
  });

  it('an output path under /proc (reports, snapshot, baseline)', async () => {
    const base = ['scan', '--dir', remediated, '--env', 'staging'];
    expectUsage(
      await runInProcess([...base, '--format', 'json', '--output-dir', '/proc/self/reports']),
      /under \/proc/,
    );
    expectUsage(
      await runInProcess(['collect', '--dir', remediated, '--env', 'staging', '-o', '/proc/self/snap.json']),
      /under \/proc/,
    );
    expectUsage(await runInProcess([...base, '--write-baseline', '/proc/self/b.json']), /under \/proc/);
  });

  it('--output that is a directory', async () => {
    expectUsage(
      await runInProcess(['collect', '--dir', remediated, '--env', 'staging', '-o', tempDir()]),
      /is a directory; give a file name/,
    );
  });

  it.runIf(process.getuid?.() !== 0)('an output folder that is not writable', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const run = await runInProcess([
      'scan',
      '--dir',
      remediated,
      '--env',
      'staging',
      '--format',
      'json',
      '--output-dir',
      join(locked, 'out'),
    ]);
    expectUsage(run, /is not writable by this user/);
  });

  const runuser = spawnSync('runuser', ['--help']).status === 0;
  it.runIf(process.getuid?.() === 0 && runuser)('an output folder that is not writable (run as nobody)', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const r = spawnSync(
      'runuser',
      [
        '-u',
        'nobody',
        '--',
        process.execPath,
        bin,
        'scan',
        '--dir',
        remediated,
        '--env',
        'staging',
        '--format',
        'json',
        '--output-dir',
        join(dir, 'out'),
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expectUsage({ code: r.status ?? -1, stderr: r.stderr }, /is not writable by this user/);
  });

  it('--config that is a directory', async () => {
    expectUsage(
      await runInProcess(['scan', '--dir', remediated, '--config', remediated]),
      /--config .*: is a directory; name the file/,
    );
  });

  it('an alias bomb in the config', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
    expectUsage(
      await runInProcess(['scan', '--dir', remediated, '--config', join(dir, 'bomb.yaml')]),
      /bomb\.yaml: Excessive alias count .*Write the values out/,
    );
  });

  it('CODITECT_AUDIT_FILE_WORKERS that is not a small whole number', async () => {
    for (const value of ['abc', '-1', '1.5', '100'])
      expectUsage(
        await runInProcess(['scan', '--dir', remediated, '--env', 'staging', '--layers', 'files'], {
          env: { CODITECT_AUDIT_FILE_WORKERS: value },
        }),
        new RegExp(
          `CODITECT_AUDIT_FILE_WORKERS must be a whole number of workers from 0 \\(none\\) to 64, not "${value.replace('.', '\\.')}"`,
        ),
      );
  });
});

describe('reports are written as a set', () => {
  const ours = new Set(['a.json', 'b.sarif']);

  it('replaces the previous set whole, leaving no temporary folder', async () => {
    const parent = tempDir();
    const out = join(parent, 'reports');
    await writeReportSet(
      out,
      [
        { name: 'a.json', text: 'old' },
        { name: 'b.sarif', text: 'old' },
      ],
      ours,
    );
    await writeReportSet(out, [{ name: 'a.json', text: 'new' }], ours);
    expect(readdirSync(out)).toEqual(['a.json']);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['reports']);
  });

  it('a write that fails half way leaves the previous set as it was', async () => {
    const parent = tempDir();
    const out = join(parent, 'reports');
    await writeReportSet(
      out,
      [
        { name: 'a.json', text: 'old' },
        { name: 'b.sarif', text: 'old' },
      ],
      ours,
    );
    // The second file's name is a path into a folder that does not exist: its write fails after the first.
    const err = await writeReportSet(
      out,
      [
        { name: 'a.json', text: 'new' },
        { name: 'missing/b.sarif', text: 'new' },
      ],
      ours,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'b.sarif'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['reports']);
  });

  it('a folder holding other files keeps them; each report is replaced whole', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await writeReportSet(out, [{ name: 'a.json', text: 'new' }], ours);
    expect(readdirSync(out).sort()).toEqual(['a.json', 'notes.txt']);
    expect(existsSync(join(out, 'notes.txt'))).toBe(true);
  });
});

describe('a report written in pieces', () => {
  const ours = new Set(['a.json']);
  // Pieces of every size (a piece larger than the write buffer among them), with characters of one to four
  // bytes of UTF-8 and lone surrogates, so buffers fill and are sent at every kind of boundary.
  const pieces = (): string[] => {
    const out: string[] = [];
    const alphabet = ['a', 'é', '€', '😀', '\ud800', '"', '\n'];
    let seed = 7;
    for (let i = 0; i < 400; i++) {
      seed = (seed * 48271) % 2147483647;
      // 400,000 units may take 1.2 MB of UTF-8: more than a write buffer (1 MiB) can hold.
      const length = i === 200 ? 400_000 : seed % 5000;
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[(seed + j * j) % alphabet.length];
      out.push(text);
    }
    return out;
  };

  it('writes exactly their text, joined, in UTF-8, from a list or as they are made', async () => {
    const text = pieces();
    const expected = Buffer.from(text.join(''));
    const out = tempDir();
    await writeReportSet(out, [{ name: 'a.json', chunks: () => text }], ours);
    expect(readFileSync(join(out, 'a.json')).equals(expected)).toBe(true);
    async function* made() {
      for (const piece of text) yield piece;
    }
    await writeReportSet(out, [{ name: 'a.json', chunks: made }], ours);
    expect(readFileSync(join(out, 'a.json')).equals(expected)).toBe(true);
  });

  it('a report whose pieces fail part way leaves the previous report as it was', async () => {
    const out = tempDir();
    await writeReportSet(out, [{ name: 'a.json', text: 'old' }], ours);
    const text = pieces();
    function* failing() {
      yield* text.slice(0, 300);
      throw new Error('the reporter failed');
    }
    await expect(writeReportSet(out, [{ name: 'a.json', chunks: failing }], ours)).rejects.toThrow(
      'the reporter failed',
    );
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old');
  });
});

describe('a crash is an internal error', () => {
  it('an exception nothing caught exits 4, never 1 (a failed gate)', () => {
    const dir = tempDir();
    const plugin = join(dir, 'throws-later.mjs');
    // A trusted plugin (valid rules) whose timer throws while the scan runs: an exception nothing catches.
    const acme = join(repoRoot, 'fixtures/plugins/acme-rules/index.mjs');
    writeFileSync(
      plugin,
      `export { rules } from ${JSON.stringify(acme)};\nsetTimeout(() => { throw new Error('boom from a timer'); }, 0);\n`,
    );
    const run = runCli(['scan', '--dir', remediated, '--env', 'staging', '--plugin', plugin]);
    expect(run.stderr).toContain('internal error: Error: boom from a timer');
    expect(run.code).toBe(4);
    expect(run.code).not.toBe(1);
  });
});
