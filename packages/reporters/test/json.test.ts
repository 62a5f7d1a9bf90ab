import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allVerdicts, compile, type ScanResult, ScanResultSchema, type Verdict } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVerdicts } from '../src/common.js';
import { jsonChunks, sortKeys, toJson } from '../src/json.js';
import { scanResult, SEED } from './arbitrary.js';
import { bareResult, cleanResult, fullResult } from './scenario.js';

const schemaFile = fileURLToPath(new URL('../../../schemas/scan-result-v1.json', import.meta.url));
/**
 * core's ScanResultSchema embeds `PrioritySchema` (`$id: "Priority"`) and `LocationSchema`
 * (`$id: "Location"`) several times, and ajv refuses a document where one `$id` names several
 * subschemas ("resolves to more than one schema"). Validate against a copy without the nested `$id`s
 * (the constraints are unchanged); the duplication is reported to core.
 */
function withoutNestedIds(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => withoutNestedIds(s, false));
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema)
        .filter(([k]) => root || k !== '$id')
        .map(([k, v]) => [k, withoutNestedIds(v, false)]),
    );
  }
  return schema;
}
const validate = compile(withoutNestedIds(JSON.parse(JSON.stringify(ScanResultSchema))) as object);

function keysSortedEverywhere(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSortedEverywhere);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.join('\u0000') === [...keys].sort().join('\u0000') && Object.values(value).every(keysSortedEverywhere);
  }
  return true;
}

/** The JSON report as it was written before it was streamed: every verdict built, sorted, stringified at once. */
function wholeJson(result: ScanResult): string {
  const { passes: _compact, ...rest } = result;
  const ordered = {
    ...rest,
    rules: [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    verdicts: [...allVerdicts(result)].sort(compareVerdicts),
  };
  return `${JSON.stringify(sortKeys(ordered), null, 2)}\n`;
}

describe('JSON report', () => {
  it.each([
    ['full', fullResult],
    ['clean', cleanResult],
    ['bare', bareResult],
  ])('%s: valid against ScanResultSchema, keys sorted, nothing added or lost', (_name, build) => {
    const result = build();
    const text = toJson(result);
    const parsed = JSON.parse(text);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.schemaVersion).toBe(1);
    expect(validate({ ...parsed, schemaVersion: 2 })).toBe(false);
    expect(keysSortedEverywhere(parsed)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const { verdicts, rules, ...rest } = parsed;
    // Passes kept compact in the result are listed in full among the verdicts; `passes` itself is not written.
    const { verdicts: _stored, passes: _compact, rules: inRules, ...inRest } = result;
    const inVerdicts = [...allVerdicts(result)];
    expect(rest).toEqual(JSON.parse(JSON.stringify(inRest)));
    expect(verdicts).toHaveLength(inVerdicts.length);
    expect(verdicts).toEqual(expect.arrayContaining(JSON.parse(JSON.stringify(inVerdicts))));
    expect(rules.map((r: { id: string }) => r.id)).toEqual(inRules.map((r) => r.id).sort());
  });

  it('random scan results stay valid and round-trip (property-based)', () => {
    fc.assert(
      fc.property(scanResult, (result) => {
        const parsed = JSON.parse(toJson(result));
        expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
        expect(parsed.verdicts).toHaveLength(result.verdicts.length);
        expect(parsed.gate).toEqual(result.gate);
        expect(toJson(result)).toBe(wholeJson(result));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it.each([
    ['full', fullResult],
    ['clean', cleanResult],
    ['bare', bareResult],
  ])(
    '%s: written in pieces, the text is the sorted whole result stringified at once, byte for byte',
    (_name, build) => {
      const result = build();
      expect(result.passes?.length).toBeGreaterThan(0);
      const pieces = [...jsonChunks(result)];
      // A rule's verdicts are a piece each: the report is never one string until joined.
      expect(pieces.length).toBeGreaterThan([...allVerdicts(result)].length);
      expect(pieces.join('')).toBe(wholeJson(result));
    },
  );

  it('awkward values are written as the sorted whole result stringified at once', () => {
    const awkward = JSON.parse('{"__proto__": {"a": 1}, "b": 2}');
    const evidence = {
      z: [undefined, () => 1, Symbol('s'), Number.NaN, -0, 1e21, 'line\nbreak \u2028 "quoted" \ud800', [], {}, [[]]],
      10: 'ten',
      9: 'nine',
      '01': 'not an index',
      4294967295: 'not an index either',
      a: { y: undefined, x: { f: () => 1 }, w: awkward, v: new Date(0), u: new String('ab') },
      é: true,
      E: false,
    };
    const result = { ...bareResult(), evidence } as unknown as ScanResult;
    expect(toJson(result)).toBe(wholeJson(result));
    expect(toJson(result)).toContain('"9": "nine",\n    "10": "ten"');
  });

  it('verdicts of plain data in any key order, and awkward ones among them, are written as the sorted whole result', () => {
    const base = bareResult();
    const [first] = [...allVerdicts(fullResult())];
    if (!first) throw new Error('the full scenario has verdicts');
    const nullProto = Object.assign(Object.create(null), { b: [1, { d: 1, c: 2 }], a: 'x' });
    class Box {
      constructor(
        readonly b = 1,
        readonly a = 2,
      ) {}
    }
    const plain = [
      { z: { y: [{ b: 1, a: [{ d: 1, c: 0 }] }], x: null }, a: 'sorted after' },
      { sorted: true, tail: { a: 1, b: 2 }, gone: undefined },
      nullProto,
      { text: 'line\nbreak \u2028 "quoted" \ud800', deep: [[[{ b: [], a: {} }]]], nan: [Number.NaN, -0, 1e21] },
    ];
    const awkward = [
      { when: new Date(0) },
      { box: new Box() },
      { boxed: new String('ab') },
      { fn: () => 1, kept: 'yes' },
      { proto: JSON.parse('{"__proto__": {"a": 1}, "b": 2}') },
      { index: { 10: 'ten', 9: 'nine', a: 'a' } },
      { holes: new Array(3).fill(1, 0, 1) },
      { undef: [undefined] },
    ];
    const { ruleId: _id, fingerprint: _f, data: _d, ...rest } = first;
    const verdict = (ruleId: string, i: number, data: unknown) => ({
      fingerprint: `f${String(i).padStart(3, '0')}`,
      ...rest,
      ruleId,
      data,
    });
    // Plain verdicts in any key order fill whole batches (written natively); each awkward value is one of
    // 40 verdicts of a rule, the others plain, so that its batch (32) is otherwise plain: none is written natively.
    const verdicts = [
      ...Array.from({ length: 100 }, (_, i) => verdict('rule.plain', i, plain[i % plain.length])),
      ...awkward.flatMap((data, k) =>
        Array.from({ length: 40 }, (_, i) =>
          verdict(`rule.awkward.${k}`, i, i === 20 ? data : plain[i % plain.length]),
        ),
      ),
    ];
    const result = { ...base, verdicts, passes: [] } as unknown as ScanResult;
    expect(toJson(result)).toBe(wholeJson(result));
    expect(toJson(result)).toContain('"sorted after"');
  });

  it('objects with the same key lists, lists that extend others, long keys and thousands of lists are written sorted', () => {
    const base = bareResult();
    const [first] = [...allVerdicts(fullResult())];
    if (!first) throw new Error('the full scenario has verdicts');
    const long = `k${'x'.repeat(100)}`;
    const data = (i: number): unknown => {
      switch (i % 6) {
        case 0: // one out-of-order list, met again and again
          return { name: `n${i}`, kind: 'Pod', id: `p${i}` };
        case 1: // that list's prefix, and the list extended
          return i % 12 === 1 ? { name: `n${i}`, kind: 'Pod' } : { name: 'n', kind: 'Pod', id: 'p', a: i };
        case 2: // in order, but a member out of order (copied, the rest as it is)
          return { a: 1, b: { z: i, y: [{ d: 1, c: 2 }] }, c: 'last' };
        case 3: // a key longer than the kept ones, before and after
          return { [long]: i, b: 1, a: { [long]: 1, a: 2 } };
        case 4: // more distinct lists than are kept
          return { [`z${i}`]: i, [`y${i}`]: 'y', a: i };
        default:
          return { same: 'order', sorted: true };
      }
    };
    const { ruleId: _id, fingerprint: _f, data: _d, ...rest } = first;
    const verdicts = Array.from({ length: 30_000 }, (_, i) => ({
      ...rest,
      ruleId: 'rule.lists',
      fingerprint: `f${String(i).padStart(5, '0')}`,
      data: data(i),
    }));
    const result = { ...base, verdicts, passes: [] } as unknown as ScanResult;
    const text = toJson(result);
    expect(text).toBe(wholeJson(result));
    expect(keysSortedEverywhere(JSON.parse(text))).toBe(true);
  });

  // What a rule or a plugin may put in a pass set and its reports, against the reference text: a writer that
  // takes passes from their sets some other way than `passVerdict` then `JSON.stringify` must give the same bytes.
  it('passes of sets with awkward members and reports are written as the sorted whole result', () => {
    const base = bareResult();
    // Not plain (a class instance), with the id every resource has (the order reads it).
    class Box {
      readonly id = 'box';
      readonly b = 1;
      readonly a = 2;
    }
    const resource = (i: number): Record<string, unknown> =>
      i % 3 === 0
        ? // Out of key order, as a plugin may build it.
          { name: `é-name ${i} "quoted"`, kind: 'Container', id: `k8s:Pod/ns/p-${i}/containers/\u2028c` }
        : {
            declaredAs: `k8s:Pod/ns/p-${i}`,
            file: i % 2 ? 'k8s/app.yaml' : undefined,
            id: `r-${i}`,
            kind: 'Pod',
            name: `p\n${i}`,
          };
    const report = (i: number): Record<string, unknown> => ({
      resource: resource(i),
      // Message ids with templates, one the set does not know, and none (the default message).
      ...(i % 4 === 0 ? {} : { messageId: ['ok', 'counted', 'unknown-id'][i % 3] }),
      ...(i % 5 === 0 ? {} : { data: { z: `zed ${i}`, count: i, a: i % 2 === 0, ключ: '\ud800 lone', kind: 'Pod' } }),
      ...(i % 6 === 1
        ? {
            evidence: [
              { path: 'spec.containers[0]', observed: null, expected: 'a "value"\t' },
              { path: 'x', observed: i },
            ],
          }
        : {}),
      ...(i % 7 === 2 ? { location: { startLine: i, file: 'k8s/app.yaml', startColumn: 3 } } : {}),
      ...(i % 8 === 3 ? { discriminator: `d${i}` } : {}),
    });
    const set = (ruleId: string, extra: Record<string, unknown>, reports: Record<string, unknown>[]) => ({
      ruleId,
      priority: 'P1',
      concerns: ['container.privilege-escalation', 'zeta\u0007bell'],
      title: 'Title with "quotes" and ü',
      messages: { ok: '{{kind}} {{z}} is fine ({{count}}).', counted: 'Counted {{count}} of {{missing}}.' },
      ...extra,
      passes: reports,
    });
    const reports = Array.from({ length: 90 }, (_, i) => report(i));
    const awkward = reports.map((r, i) =>
      i === 40
        ? { ...r, data: { when: new Date(0) } }
        : i === 41
          ? { ...r, resource: new Box() }
          : i === 42
            ? { ...r, evidence: [{ path: 'p', observed: 1, nested: [[{ b: 2, a: 1 }], []] }] }
            : i === 43
              ? { ...r, location: { file: 'f', startLine: 1, 10: 'index key' } }
              : r,
    );
    const passes = [
      set('rule.plain', {}, reports),
      set('rule.targets', { targets: ['cluster-b', 'cluster-a \u00e9'] }, reports.slice(0, 40)),
      set('old-id', { stamp: { ruleId: 'rule.stamped', source: 'k8s', alias: 'old-id' } }, reports.slice(10, 60)),
      set('old-id-2', { stamp: { ruleId: 'rule.stamped', source: 'tf', alias: '' } }, reports.slice(20, 50)),
      set('rule.awkward', { targets: ['t'] }, awkward),
      // Sets whose own members are not plain, or out of key order.
      set('rule.awkward-set', { concerns: ['c', new Box()] }, reports.slice(0, 35)),
      set('rule.out-of-order-set', { targets: [{ b: 1, a: 2 }] }, reports.slice(0, 35)),
      // Message ids that are no string (a plugin's), filling batches that are otherwise plain (written natively):
      // the default message, the id written sorted.
      set(
        'rule.zz-message-id',
        {},
        reports.map((r) => ({ ...r, messageId: { b: 1, a: 2 } })),
      ),
    ];
    // Stored verdicts of the same rules, so that passes and stored verdicts share batches.
    const [first] = [...allVerdicts(fullResult())];
    if (!first) throw new Error('the full scenario has verdicts');
    const stored = Array.from({ length: 50 }, (_, i) => ({
      ...first,
      ruleId: ['rule.plain', 'rule.stamped', 'rule.awkward'][i % 3],
      resource: resource(i + 1000),
      fingerprint: `s${i}`,
    }));
    const result = { ...base, verdicts: stored, passes } as unknown as ScanResult;
    const text = toJson(result);
    expect(text).toBe(wholeJson(result));
    const listed = JSON.parse(text).verdicts as Verdict[];
    expect(listed.filter((v) => v.status === 'pass')).toHaveLength(passes.reduce((n, s) => n + s.passes.length, 0));
    expect(text).toContain('"alias": "old-id"');
    expect(text).toContain('"message": "Pod zed 3 is fine (3)."');
    expect(text).toContain('"message": "Title with \\"quotes\\" and ü: holds."');
  });

  it('sortKeys sorts nested keys, keeps array order and drops undefined members', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null } }))).toBe(
      '{"a":{"c":null,"d":[3,{"x":2,"z":1}]},"b":1}',
    );
  });

  it('the published schema file is ScanResultSchema (UPDATE_GOLDEN=1 rewrites it)', () => {
    const expected = `${JSON.stringify(ScanResultSchema, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(schemaFile, expected);
    expect(existsSync(schemaFile), `${schemaFile} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(readFileSync(schemaFile, 'utf8')).toBe(expected);
  });
});
