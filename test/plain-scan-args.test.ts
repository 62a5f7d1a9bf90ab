/**
 * Issue 19 (start-up): `scan` with plain options is parsed without yargs (`plainScanArgs`, packages/cli/src/main.ts).
 * What it hands `runScan` must be what yargs would: every option it reads, alone and in seeded random lines,
 * is parsed both ways and compared; every other line is left to yargs.
 */
import { describe, expect, it } from 'vitest';
import { PLAIN_SCAN_OPTIONS, plainScanArgs, scanArgsByYargs } from '../packages/cli/src/main.js';

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** What `runScan` reads: every option of the table by its camel-case key, and the two with defaults. */
const KEYS = [...new Set(['format', 'outputDir', ...Object.keys(PLAIN_SCAN_OPTIONS).map(camel)])];
const read = (args: object | undefined) =>
  Object.fromEntries(KEYS.map((k) => [k, (args as Record<string, unknown> | undefined)?.[k]]));

/** Values as people write them: paths, numbers, words yargs could read as something else, spaces, non-ASCII. */
const VALUES = [
  '.',
  'fixtures/adr-001-staging',
  '0',
  '123',
  '1e3',
  'true',
  'null',
  'gs://bucket/pre fix',
  'P0',
  'json,sarif',
  'é/ü',
  'a=b',
];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('plainScanArgs', () => {
  it('parses every option it reads as yargs does', async () => {
    for (const [name, kind] of Object.entries(PLAIN_SCAN_OPTIONS)) {
      const argv = ['scan', `--${name}`, ...(kind === 'value' ? ['some/value.1'] : [])];
      const plain = plainScanArgs(argv);
      expect(plain, argv.join(' ')).toBeDefined();
      expect(read(plain), argv.join(' ')).toEqual(read(await scanArgsByYargs(argv)));
    }
    for (const argv of [['scan'], ['scan', '-q'], ['scan', '-v'], ['scan', '-q', '-v', '--dir', 'x']]) {
      expect(plainScanArgs(argv)).toBeDefined();
      expect(read(plainScanArgs(argv))).toEqual(read(await scanArgsByYargs(argv)));
    }
  });

  it('parses lines of several options, in any order, as yargs does (seeded)', async () => {
    const next = random(19);
    const names = Object.keys(PLAIN_SCAN_OPTIONS);
    for (let line = 0; line < 60; line++) {
      const argv = ['scan'];
      for (const name of names.filter(() => next() < 0.3).sort(() => next() - 0.5)) {
        if (name === 'quiet' && next() < 0.5) argv.push('-q');
        else if (name === 'verbose' && next() < 0.5) argv.push('-v');
        else argv.push(`--${name}`);
        if (PLAIN_SCAN_OPTIONS[name] === 'value') argv.push(VALUES[Math.floor(next() * VALUES.length)]!);
      }
      const plain = plainScanArgs(argv);
      expect(plain, argv.join(' ')).toBeDefined();
      expect(read(plain), argv.join(' ')).toEqual(read(await scanArgsByYargs(argv)));
    }
  });

  it('leaves every other line to yargs', () => {
    for (const argv of [
      [],
      ['rules'],
      ['scan', '--help'],
      ['scan', '-h'],
      ['scan', '--version'],
      ['scan', 'extra'],
      ['scan', '--', '--dir', 'x'],
      ['scan', '--dir'],
      ['scan', '--dir', ''],
      ['scan', '--dir', '-x'],
      ['scan', '--dir=x'],
      ['scan', '--no-color'],
      ['scan', '--color', 'true'],
      ['scan', '-qv'],
      ['scan', '-q', '--quiet'],
      ['scan', '--snapshot', 'a', '--snapshot', 'b'],
      ['scan', '--plugin', 'pack'],
      ['scan', '--outputDir', 'x'],
      ['scan', '--unknown'],
      ['scan', '--constructor'],
      ['scan', '--__proto__', 'x'],
      ['scan', '--get-yargs-completions'],
    ])
      expect(plainScanArgs(argv), argv.join(' ')).toBeUndefined();
  });
});
