/**
 * `plainObjectMaker`: objects built member by member, plain like `{}`, with their members kept inside the
 * object (no property array of their own) up to the maker's room, whatever the order objects of fewer or
 * more members are made in.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PLAIN_OBJECT_ROOM_MAX, plainObjectMaker } from '../src/plain-objects.js';

describe('plainObjectMaker', () => {
  it('makes plain objects: same prototype, constructor, members and order as one built on {}', () => {
    const make = plainObjectMaker<Record<string, unknown>>(6);
    const made = make();
    const literal: Record<string, unknown> = {};
    for (const [k, v] of [
      ['name', 'web'],
      ['namespace', 'prod'],
      ['labels', { app: 'web' }],
      ['uid', 7],
    ] as const) {
      made[k] = v;
      literal[k] = v;
    }
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(made.constructor).toBe(Object);
    expect(Object.keys(made)).toEqual(['name', 'namespace', 'labels', 'uid']);
    expect(made).toStrictEqual(literal);
    expect(JSON.stringify(made)).toBe(JSON.stringify(literal));
    expect(structuredClone(made)).toStrictEqual(literal);
    expect({ ...made }).toStrictEqual(literal);
    expect(Object.prototype.toString.call(made)).toBe('[object Object]');
    // Nothing of the maker's own first object shows in what it makes.
    expect(Object.keys(make())).toEqual([]);
  });

  it.each([
    [9, 'nine, which `{}` grown member by member keeps in a property array'],
    [21, "twenty-one (a verdict's most), past the ten a constructor assigning nothing gets"],
  ])(
    'keeps members up to its room (%i: %s) inside each object, after objects of fewer members were made first',
    (room) => {
      // A heap snapshot of a small process counts the property arrays (what members past an object's room live
      // in): none for the maker's objects, one per object for the same objects built on `{}`.
      const script = `
      const PLAIN_OBJECT_ROOM_MAX = ${PLAIN_OBJECT_ROOM_MAX};
      const plainObjectMaker = ${plainObjectMaker.toString()};
      const room = ${room};
      const v8 = require('node:v8');
      const build = (o, members) => { for (let i = 0; i < members; i++) o['k' + i] = i; return o; };
      const make = plainObjectMaker(room);
      const kept = [];
      for (let i = 0; i < 20; i++) kept.push(build(make(), 3));
      if (process.argv[1] !== 'none') for (let i = 0; i < 2000; i++) kept.push(build(process.argv[1] === 'maker' ? make() : {}, room));
      const snapshot = JSON.parse(require('node:fs').readFileSync(v8.writeHeapSnapshot(process.argv[2]), 'utf8'));
      const { node_fields, node_types } = snapshot.snapshot.meta;
      let arrays = 0;
      for (let n = 0; n < snapshot.nodes.length; n += node_fields.length) {
        const type = node_types[0][snapshot.nodes[n]];
        if (type === 'hidden' && snapshot.strings[snapshot.nodes[n + 1]].endsWith('PropertyArray')) arrays++;
      }
      process.stdout.write(String(arrays) + ' ' + kept.length);
    `;
      const count = (how: string) => {
        const file = `${process.env.TMPDIR ?? '/tmp'}/plain-objects-${process.pid}-${how}.heapsnapshot`;
        const [arrays] = execFileSync(process.execPath, ['-e', script, how, file], { encoding: 'utf8' }).split(' ');
        execFileSync('rm', ['-f', file]);
        return Number(arrays);
      };
      // The process's own, without the 2,000 objects.
      const before = count('none');
      // None of the 2,000 objects has one.
      expect(count('maker')).toBeLessThan(before + 100);
      // On `{}` each has one (past a dozen members V8 turns such an object into a dictionary instead).
      if (room <= 12) expect(count('literal')).toBeGreaterThanOrEqual(before + 2000);
    },
  );

  it('refuses a room V8 would not keep', () => {
    expect(() => plainObjectMaker(PLAIN_OBJECT_ROOM_MAX + 1)).toThrow(/at most/);
  });
});
