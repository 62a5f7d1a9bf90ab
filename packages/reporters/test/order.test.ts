import { allVerdicts, fingerprintOf, type PassSet, type ScanResult, type Verdict } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import {
  compareVerdicts,
  type PassPlace,
  passPlacesInOrder,
  verdictBatchesInOrder,
  verdictsByRule,
  verdictsInOrder,
} from '../src/common.js';
import { jsonChunks, sortKeys, toJson } from '../src/json.js';
import { bareResult } from './scenario.js';

const RULE = 'test-order';

function stored(resource: string, opts: Partial<Verdict> & { discriminator?: string } = {}): Verdict {
  const { discriminator, ...rest } = opts;
  return {
    certainty: 'high',
    concerns: ['test.order'],
    evidence: [],
    fingerprint: fingerprintOf(RULE, resource, discriminator),
    message: `${resource} fails.`,
    messageId: 'fails',
    priority: 'P1',
    resource: { id: resource, kind: 'Thing', name: resource },
    ruleId: RULE,
    status: 'fail',
    ...rest,
  };
}

function passSet(reports: PassSet['passes'], targets?: string[]): PassSet {
  return {
    ruleId: RULE,
    priority: 'P1',
    concerns: ['test.order'],
    title: 'Things are in order',
    messages: { holds: '{{name}} holds.' },
    ...(targets ? { targets } : {}),
    passes: reports,
  };
}

const pass = (id: string, extra: Partial<PassSet['passes'][number]> = {}): PassSet['passes'][number] => ({
  resource: { id, kind: 'Thing', name: id },
  messageId: 'holds',
  data: { name: id },
  ...extra,
});

/**
 * One rule's stored verdicts and passes arriving in several runs out of order, with every kind of tie the total
 * order has: a pass and a stored verdict of one resource, two passes of one resource (discriminators), two
 * stored verdicts of one resource, the same resource in a file at two lines and columns, fleet targets.
 */
function tangled(): ScanResult {
  const verdicts = [
    stored('b/z'),
    stored('a/y', { discriminator: 'two' }),
    stored('a/y', { discriminator: 'one' }),
    stored('c/x', { location: { file: 'k8s/app.yaml', startLine: 9, startColumn: 3 } }),
    stored('c/x', { location: { file: 'k8s/app.yaml', startLine: 9, startColumn: 1 }, discriminator: 'col' }),
    stored('c/w', { resource: { id: 'c/w', kind: 'Thing', name: 'c/w', file: 'k8s/app.yaml' } }),
    stored('d/v', { targets: ['cluster-b'] }),
    stored('d/v', { targets: ['cluster-a'] }),
    { ...stored('other/rule'), ruleId: 'test-another' },
  ];
  const passes = [
    passSet([pass('q/2'), pass('q/1'), pass('b/z', { discriminator: 'p' }), pass('a/y'), pass('z/9')]),
    passSet([pass('m/1', { discriminator: 'one' }), pass('m/1', { discriminator: 'two' }), pass('m/0')]),
    passSet([pass('d/v'), pass('a/a')], ['cluster-a']),
    passSet([pass('k/k', { location: { file: 'k8s/app.yaml', startLine: 2 } })]),
  ];
  return { ...bareResult(), verdicts, passes };
}

const sorted = (result: ScanResult) => [...allVerdicts(result)].sort(compareVerdicts);

describe('verdicts in the total order', () => {
  it('a rule whose verdicts come in runs out of order, with ties on every key, is listed as a sort of all of them lists it', () => {
    const result = tangled();
    const listed = [...verdictsInOrder(result)];
    expect(listed).toEqual(sorted(result));
    // The ties are there: one resource with a pass and a stored verdict, two passes, two stored verdicts.
    expect(listed.filter((v) => v.resource.id === 'a/y').map((v) => v.status)).toHaveLength(3);
    expect(listed.filter((v) => v.resource.id === 'm/1')).toHaveLength(2);
    expect(listed.filter((v) => v.resource.id === 'd/v').map((v) => v.targets)).toEqual([
      ['cluster-a'],
      ['cluster-a'],
      ['cluster-b'],
    ]);
  });

  it('positions of any size, and a place with none, order as the comparison orders them', () => {
    const at = (startLine: number, startColumn?: number) => ({
      location: { file: 'big.tf', startLine, ...(startColumn === undefined ? {} : { startColumn }) },
    });
    const result: ScanResult = {
      ...bareResult(),
      verdicts: [
        stored('r/1', at(3_000_000_001, 2)),
        stored('r/2', at(3_000_000_001, 1)),
        stored('r/3', at(2 ** 53 - 1)),
        stored('r/4', { resource: { id: 'r/4', kind: 'Thing', name: 'r/4', file: 'big.tf' } }),
      ],
      passes: [
        passSet([pass('p/1', at(3_000_000_000, 4_000_000_000)), pass('p/2', at(7)), pass('p/3', at(3_000_000_001))]),
      ],
    };
    const listed = [...verdictsInOrder(result)];
    expect(listed).toEqual(sorted(result));
    expect(listed.map((v) => v.resource.id)).toEqual(['r/4', 'p/2', 'p/1', 'p/3', 'r/2', 'r/1', 'r/3']);
  });

  it('each rule alone, and only the verdicts chosen, in the same order', () => {
    const result = tangled();
    const index = verdictsByRule(result);
    expect(index.ids).toEqual(['test-another', RULE]);
    for (const id of index.ids) {
      const expected = sorted(result).filter((v) => v.ruleId === id);
      expect(index.of(id)).toEqual(expected);
      expect([...index.lazily(id)]).toEqual(expected);
      const ordered = index.inOrder(id);
      expect(Array.from({ length: ordered.length }, (_, k) => ordered.take(k))).toEqual(expected);
    }
    const noPasses = () => false;
    const failsOnly = [...verdictsInOrder(result, undefined, noPasses)];
    expect(failsOnly).toEqual([...result.verdicts].sort(compareVerdicts));
  });

  it('the passes as their places: in the same order, with the rule, resource, place and targets a pass verdict has', () => {
    const result = tangled();
    // A pass stored whole (a result read back) is listed among the compact ones, as it is.
    const storedPass = stored('m/0', { status: 'pass', message: 'm/0 holds.' });
    result.verdicts.push(storedPass);
    const passes = sorted(result).filter((v) => v.status === 'pass');
    const places = [...passPlacesInOrder(result)];
    const shown = (v: PassPlace) => ({ ruleId: v.ruleId, id: v.resource.id, location: v.location, targets: v.targets });
    expect(places.map(shown)).toEqual(passes.map(shown));
    expect(places).toContain(storedPass);
    // No message rendered nor fingerprint hashed for a pass no tie made whole.
    const made = places.filter((v) => v !== storedPass && !('fingerprint' in v));
    expect(made.length).toBeGreaterThan(0);
    for (const v of made) expect(v).not.toHaveProperty('message');
  });

  it('in batches of any size, the same verdicts in the same order, every batch full but the last', () => {
    const result = tangled();
    const all = [...verdictsInOrder(result)];
    for (const size of [1, 2, 5, 32, all.length, all.length + 3]) {
      const batches = [...verdictBatchesInOrder(result, size)];
      expect(batches.flat()).toEqual(all);
      for (const batch of batches.slice(0, -1)) expect(batch).toHaveLength(size);
      expect(batches.at(-1)!.length).toBeGreaterThan(0);
    }
    expect([...verdictBatchesInOrder({ ...bareResult(), verdicts: [], passes: [] }, 32)]).toEqual([]);
  });
});

describe('the JSON report written twice in one process', () => {
  const whole = (result: ScanResult) => {
    const { passes: _compact, ...rest } = result;
    const ordered = {
      ...rest,
      rules: [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      verdicts: sorted(result),
    };
    return `${JSON.stringify(sortKeys(ordered), null, 2)}\n`;
  };

  it('two reports of one result agree, and each is the sorted whole result', () => {
    const result = tangled();
    const first = [...jsonChunks(result)].join('');
    expect([...jsonChunks(result)].join('')).toBe(first);
    expect(first).toBe(whole(result));
  });

  it('an object changed between two reports is written as it is now, not as it was (no text or order kept)', () => {
    const result = tangled();
    const before = toJson(result);
    const v = result.verdicts[0]!;
    // Out of key order now, with a member added last and a value changed: the same key list as before for
    // `resource` but other values, and a new key list for `data`.
    v.resource = { name: 'renamed', kind: 'Thing', id: v.resource.id };
    v.data = { zeta: 'last', alpha: 'first' };
    (v as { message: string }).message = 'changed after the first report';
    result.passes![0]!.passes[0]!.data = { name: 'changed pass' };
    const after = toJson(result);
    expect(after).not.toBe(before);
    expect(after).toBe(whole(result));
    expect(after).toContain('"message": "changed after the first report"');
    expect(after).toContain('"message": "changed pass holds."');
  });
});
