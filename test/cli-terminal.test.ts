/**
 * The binary at a terminal and in a pipe: a reader that stops early (`rules | head`) ends it quietly (the
 * built binary). In-process: `--color` forces colour over NO_COLOR and `--no-color` refuses it; the console
 * report fits 100 columns; a bare `coditect-audit` names every command `--help` lists.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, useColor } from '../packages/cli/src/terminal.js';
import { bin, repoRoot, runInProcess } from './support/cli.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of colour
const SGR = /\u001b\[\d+m/;
const staging = join(repoRoot, 'fixtures/adr-001-staging');

describe('colour', () => {
  it.each([
    // flag, environment, terminal → colour
    [true, { NO_COLOR: '1' }, false, true],
    [false, { FORCE_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, true],
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: '' }, true, true],
  ] as const)('--color %s with %j on a terminal: %s → %s', (flag, env, tty, expected) => {
    expect(useColor(flag, env, tty)).toBe(expected);
  });

  it('--color forces colour into a pipe even with NO_COLOR; without it the pipe gets plain text', async () => {
    const args = ['scan', '--dir', staging, '--env', 'staging', '--layers', 'files'];
    const forced = await runInProcess([...args, '--color'], { env: { NO_COLOR: '1' } });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(SGR);
    const plain = await runInProcess(args, { env: { NO_COLOR: '' } });
    expect(plain.stdout).not.toMatch(SGR);
    // What `--color` changes is only the escape sequences.
    expect(forced.stdout.replace(new RegExp(SGR.source, 'g'), '')).toBe(plain.stdout);
  });
});

describe('the console report of the staging fixture', () => {
  it('fits 100 columns, wrapping and never cutting', async () => {
    const run = await runInProcess(['scan', '--dir', staging, '--env', 'staging', '--layers', 'files']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(run.stdout).toContain('gate FAILED (fail-on P0)');
    // A long finding goes on, indented, on the next line.
    expect(lines.some((l) => /^ {6}\S/.test(l) && !l.trimStart().startsWith('resource '))).toBe(true);
  });
});

describe('the rules table', () => {
  it('fits 100 columns, each title wrapped under its own column', async () => {
    const run = await runInProcess(['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    const first = lines[0]!;
    const titleColumn = first.length - first.replace(/^(\S+\s+){3}/, '').length;
    const continued = lines.filter((l) => /^ +\S/.test(l));
    expect(continued.length).toBeGreaterThan(0);
    for (const l of continued) expect(l.length - l.trimStart().length).toBe(titleColumn);
  });
});

describe('a pipe closed early', () => {
  // `| true` closes the pipe before the first write, so the write always fails; `| head` as users type it.
  it.each(['true', 'head -n 2 >/dev/null'])('`rules | %s` ends quietly: no EPIPE, no stack trace, exit 0', (reader) => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" rules 2>&1 | ${reader}; echo "status \${PIPESTATUS[0]}"`],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).toBe('');
  });
});

describe('a bare coditect-audit', () => {
  it('names every command that --help lists, and exits 3', async () => {
    const bare = await runInProcess([]);
    expect(bare.code).toBe(3);
    const help = (await runInProcess(['--help'])).stdout;
    const listed = [...help.matchAll(/^ {2}coditect-audit (\w+)/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...COMMANDS].sort());
    for (const c of COMMANDS) expect(bare.stderr, c).toMatch(new RegExp(`\\b${c}\\b`));
  });
});
