/**
 * A snapshot is read piece by piece (packages/cli/src/snapshot-pieces.ts): the same value as `JSON.parse` of
 * the whole text, its Kubernetes objects' positions compact but answering as the plain record; and whatever
 * the pieces do not expect is read whole, so a bad snapshot fails with the errors it always had.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { types } from 'node:util';
import { compactPositions, ConfigError, type Snapshot } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactJsonChunks } from '../packages/cli/src/json-chunks.js';
import { collect, readSnapshot, scan } from '../packages/cli/src/scan.js';
import { parseSnapshotPieces } from '../packages/cli/src/snapshot-pieces.js';
import { repoRoot, tempDir } from './support/cli.js';

const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
const work = tempDir('coditect-audit-snapshot-pieces-');
/** The collected snapshot as `collect` writes it. */
let text: string;

beforeAll(async () => {
  const snapshot = await collect({ dir: remediated, env: 'staging', layers: ['files'] });
  text = [...compactJsonChunks(snapshot)].join('');
});

type Json = Record<string, unknown>;
const k8sFiles = (snapshot: unknown) =>
  (snapshot as { facets: Record<string, { data: { files: { objects: Json[] }[] } }> }).facets['files.kubernetes']!.data
    .files;
const bytesOf = (value: string) => Buffer.from(value, 'utf8');
function write(name: string, value: string): string {
  const file = join(work, name);
  writeFileSync(file, value);
  return file;
}

describe('a snapshot read piece by piece', () => {
  it('is the value JSON.parse gives for the whole text, its positions compact', () => {
    const pieces = parseSnapshotPieces(bytesOf(text));
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(JSON.parse(text)));
    const objects = k8sFiles(pieces).flatMap((f) => f.objects);
    const plain = k8sFiles(JSON.parse(text)).flatMap((f) => f.objects);
    expect(objects.length).toBeGreaterThan(5);
    objects.forEach((object, i) => {
      const positions = object.positions as Record<string, unknown>;
      const expected = plain[i]!.positions as Record<string, unknown>;
      expect(types.isProxy(positions)).toBe(true);
      expect(Object.keys(positions)).toEqual(Object.keys(expected));
      for (const pointer of Object.keys(expected).reverse()) {
        expect(positions[pointer]).toEqual(expected[pointer]);
        expect(pointer in positions).toBe(true);
      }
      expect(positions['/no/such/key']).toBeUndefined();
      expect('/no/such/key' in positions).toBe(false);
    });
  });

  it('reads indented JSON, and strings holding brackets, commas, quotes and escapes', () => {
    const value = JSON.parse(text) as Snapshot;
    const first = k8sFiles(value)[0]!.objects[0]!;
    (first.object as Json).tricky = 'a "quoted" ], [ {\\ "} , \u2028 ‹redacted› \\"';
    const indented = JSON.stringify(value, null, 2);
    const pieces = parseSnapshotPieces(bytesOf(indented));
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(value));
  });

  it("cuts every array of a facet's data: a cluster's items too", () => {
    const value = JSON.parse(text) as { facets: Record<string, unknown> };
    const pods = Array.from({ length: 3 }, (_, i) => ({ metadata: { name: `pod-${i}`, namespace: 'ns' }, spec: {} }));
    value.facets['k8s.pods'] = { status: 'ok', data: { namespaces: ['ns'], items: pods }, problems: [] };
    value.facets['k8s.nodes'] = { status: 'ok', data: { items: [] }, problems: [] };
    const pieces = parseSnapshotPieces(bytesOf(JSON.stringify(value))) as typeof value;
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(value));
    expect((pieces.facets['k8s.pods'] as { data: { items: unknown[] } }).data.items).toEqual(pods);
  });

  it('gives the whole text back to JSON.parse when its layout is not the one cut', () => {
    // A facet written twice (JSON.parse keeps the last), an item that is not one value, cut text, another version.
    const twice = text.replace(
      '"files.kubernetes":',
      '"files.kubernetes":{"status":"absent","reason":"x"},"files.kubernetes":',
    );
    expect(parseSnapshotPieces(bytesOf(twice))).toBeUndefined();
    expect(parseSnapshotPieces(bytesOf(text.replace('"objects":[{', '"objects":[,{')))).toBeUndefined();
    expect(parseSnapshotPieces(bytesOf(text.slice(0, text.length / 2)))).toBeUndefined();
    expect(parseSnapshotPieces(bytesOf(text.replace('{"schemaVersion":2', '{"schemaVersion":1')))).toBeUndefined();
    expect(parseSnapshotPieces(bytesOf(`\ufeff${text}`))).toBeUndefined();
  });

  it('fails on broken JSON with the message JSON.parse gives for the whole text', async () => {
    for (const broken of [text.slice(0, text.length / 2), text.replace('"objects":[{', '"objects":[{,'), `${text}x`]) {
      const file = write('broken.json', broken);
      let message = '';
      try {
        JSON.parse(broken);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      const read = readSnapshot(file);
      await expect(read).rejects.toBeInstanceOf(ConfigError);
      await expect(read).rejects.toThrow(`--snapshot ${file}: cannot be read as JSON (${message})`);
    }
  });

  it('is validated as strictly: a bad position is refused at its place', async () => {
    const value = JSON.parse(text) as Snapshot;
    const object = k8sFiles(value)[0]!.objects[0]!;
    const positions = object.positions as Record<string, { line: number; column: number }>;
    const pointer = Object.keys(positions)[1]!;
    positions[pointer]!.line = 0;
    const file = write('bad-line.json', JSON.stringify(value));
    // The message of the validator over the whole plain snapshot (what the release before this read gave).
    await expect(readSnapshot(file)).rejects.toThrow(
      `--snapshot ${file}: not a coditect-audit snapshot (schema v2): facets.files.kubernetes.data.files[0].objects[0].positions.${pointer}.line: must be >= 1; facets.files.kubernetes.status: must be equal to constant; facets.files.kubernetes.problems: must NOT have fewer than 1 items; facets.files.kubernetes: missing required key "reason"; facets.files.kubernetes.status: must be equal to constant. Write it with \`coditect-audit collect\`.`,
    );
  });

  it('written again (merge, --upload), is the same bytes', async () => {
    const read = await readSnapshot(write('again.json', text));
    expect([...compactJsonChunks(read)].join('')).toBe(text);
  });

  it('replays to the same result as the snapshot read whole', async () => {
    const file = write('honest.json', text);
    const replay = await scan({ dir: remediated, env: 'staging', snapshot: file, includePasses: true });
    const live = await scan({ dir: remediated, env: 'staging', layers: ['files'], includePasses: true });
    expect(replay.verdicts.length).toBeGreaterThan(20);
    expect(replay.verdicts).toEqual(live.verdicts);
  });
});

describe('compact positions', () => {
  it('keep a record that is not pointers to { line, column } integers as it is', () => {
    const kept = [
      { '/a': { line: 1, column: 2, file: 'base.yaml' } },
      { '/a': { column: 2, line: 1 } },
      { '/a': { line: 1.5, column: 2 } },
      { '/a': { line: -0, column: 2 } },
      { '/a': { line: 1, column: 2 ** 21 } },
      { a: { line: 1, column: 2 } },
      JSON.parse('{"__proto__":{"line":1,"column":1}}'),
      [{ line: 1, column: 1 }],
    ];
    for (const record of kept) expect(compactPositions(record)).toBe(record);
  });

  it('answer as the plain record, read-only', () => {
    const record = {
      '/a': { line: 3, column: 4 },
      '/a/b~1c': { line: 2 ** 31 - 1, column: 2 ** 21 - 1 },
      '/z': { line: 0, column: 0 },
    };
    const compact = compactPositions(record) as Record<string, unknown>;
    expect(types.isProxy(compact)).toBe(true);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(record));
    expect(Object.entries(compact)).toEqual(Object.entries(record));
    expect(() => {
      compact['/a'] = { line: 1, column: 1 };
    }).toThrow(TypeError);
  });
});
