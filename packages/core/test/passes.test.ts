/**
 * Compact passes (issue 19) and the gate as data (issue 18): a pass is kept as the rule gave it and built
 * in full only when read, identical to the verdict the engine stored before; the gate and the priority
 * each verdict and rule weighs at are recorded in the result for reporters to read.
 */
import { describe, expect, it } from 'vitest';
import {
  allVerdicts,
  compactPassCount,
  DEFAULT_FAIL_ON,
  defineRule,
  type EvaluateOptions,
  evaluate,
  evaluateRules,
  fingerprintOf,
  type PassSet,
  passVerdicts,
  runRules,
  sortVerdicts,
} from '../src/index.js';
import { expectations, okDockerfiles, rootRule, snapshotWith } from './helpers.js';

const base: EvaluateOptions = { environment: 'staging', expectations, allowIncomplete: false, toolVersion: '0' };

/** Passes and fails the same resource (worst wins), passes one twice (first stands), and passes with a message. */
const mixedRule = defineRule({
  id: 'test-mixed',
  title: 'Mixed',
  concerns: ['container.runs-as-root'],
  layer: 'files',
  facets: ['files.dockerfile'],
  priority: { default: 'P2' },
  description: 'd',
  rationale: 'r',
  remediation: { text: 'fix' },
  messages: { bad: 'bad {{file}}', good: 'good {{file}}' },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      const resource = { id: `${df.file}#stage:0`, kind: 'DockerfileStage', name: '0', file: df.file };
      ctx.pass({ resource, messageId: 'good', data: { file: df.file }, location: { file: df.file, startLine: 1 } });
      ctx.pass({ resource, messageId: 'good', data: { file: 'second' } });
      ctx.pass({ resource, discriminator: 'other' });
      if (df.stages[0]?.user?.value === 'root') ctx.fail({ resource, messageId: 'bad', data: { file: df.file } });
    }
  },
});

describe('compact passes', () => {
  const snapshot = snapshotWith(okDockerfiles(['root', 'app', 'django']));

  it('are kept per rule run as the rule gave them, and built on demand into the verdicts stored before', () => {
    const run = evaluateRules(snapshot, [rootRule, mixedRule], base);
    expect(run.verdicts.some((v) => v.status === 'pass')).toBe(false);
    expect(run.passes.map((s) => [s.ruleId, s.passes.length])).toEqual([
      ['test-root-user', 2],
      ['test-mixed', 5],
    ]);
    const built = sortVerdicts([...allVerdicts(run)]);
    expect(built).toEqual(runRules(snapshot, [rootRule, mixedRule], base));
    const good = built.find(
      (v) => v.ruleId === 'test-mixed' && v.resource.id === 'svc1/Dockerfile#stage:0' && v.messageId === 'good',
    )!;
    expect(good).toMatchObject({ status: 'pass', message: 'good svc1/Dockerfile', priority: 'P2', certainty: 'high' });
    expect(good.fingerprint).toBe(fingerprintOf('test-mixed', 'svc1/Dockerfile#stage:0'));
    expect(good.location).toEqual({ file: 'svc1/Dockerfile', startLine: 1 });
    // The default message of a pass without one.
    const other = built.find((v) => v.ruleId === 'test-mixed' && v.messageId === 'pass')!;
    expect(other.message).toBe('Mixed: holds.');
    expect(other.fingerprint).toBe(fingerprintOf('test-mixed', other.resource.id, 'other'));
  });

  it('of a set with targets and a source: fingerprinted over the targets, stamped, members in key order', () => {
    const resource = { id: 'k8s:Pod/prod/api', kind: 'Pod', name: 'api', namespace: 'prod' };
    const set: PassSet = {
      ruleId: 'k8s-run-as-non-root',
      priority: 'P1',
      concerns: ['container.runs-as-root'],
      title: 'Runs as non-root',
      messages: { ok: '{{name}} runs as {{user}}, {{missing}}.' },
      targets: ['cluster-a', 'cluster-b'],
      stamp: { ruleId: 'container.runs-as-root', source: 'k8s', alias: 'k8s-run-as-non-root' },
      passes: [
        { resource, messageId: 'ok', data: { name: 'api', user: 1000 } },
        { resource, discriminator: 'init', location: { file: 'k8s/api.yaml', startLine: 3 } },
      ],
    };
    const other: PassSet = { ...set, title: 'Other', targets: undefined, stamp: undefined, passes: [set.passes[1]!] };
    const [first, second] = [...passVerdicts([set])];
    const own = fingerprintOf('k8s-run-as-non-root', resource.id);
    expect(first).toStrictEqual({
      alias: 'k8s-run-as-non-root',
      certainty: 'high',
      concerns: ['container.runs-as-root'],
      data: { name: 'api', user: 1000 },
      evidence: [],
      fingerprint: fingerprintOf('k8s-run-as-non-root', `cluster-a\u0000cluster-b\u0000${own}`),
      message: 'api runs as 1000, {{missing}}.',
      messageId: 'ok',
      priority: 'P1',
      resource,
      ruleId: 'container.runs-as-root',
      source: 'k8s',
      status: 'pass',
      targets: ['cluster-a', 'cluster-b'],
    });
    expect(Object.keys(first!)).toEqual(Object.keys(first!).sort());
    const ownInit = fingerprintOf('k8s-run-as-non-root', resource.id, 'init');
    expect(second).toMatchObject({
      fingerprint: fingerprintOf('k8s-run-as-non-root', `cluster-a\u0000cluster-b\u0000${ownInit}`),
      location: { file: 'k8s/api.yaml', startLine: 3 },
      message: 'Runs as non-root: holds.',
      messageId: 'pass',
    });
    expect(Object.keys(second!)).toEqual(Object.keys(second!).sort());
    // What a set shares is its own: another set of the same passes, its own title, no targets, no stamp.
    const [alone] = [...passVerdicts([other])];
    expect(alone).toMatchObject({ fingerprint: ownInit, message: 'Other: holds.', ruleId: 'k8s-run-as-non-root' });
    expect(Object.keys(alone!)).not.toContain('targets');
    expect(Object.keys(alone!)).not.toContain('source');
    expect(Object.getPrototypeOf(alone)).toBe(Object.prototype);
  });

  it('a set changed between two reports: its verdicts say what it holds now, not what was worked out first', () => {
    const resource = { id: 'k8s:Pod/prod/api', kind: 'Pod', name: 'api', namespace: 'prod' };
    const set: PassSet = {
      ruleId: 'k8s-run-as-non-root',
      priority: 'P1',
      concerns: ['container.runs-as-root'],
      title: 'Runs as non-root',
      messages: {},
      passes: [{ resource }],
    };
    const own = fingerprintOf('k8s-run-as-non-root', resource.id);
    expect([...passVerdicts([set])][0]).toMatchObject({ fingerprint: own, message: 'Runs as non-root: holds.' });
    // A library caller's own edits of a result, between two reports.
    set.title = 'Renamed';
    set.targets = ['cluster-a'];
    set.stamp = { ruleId: 'container.runs-as-root', source: 'k8s' };
    expect([...passVerdicts([set])][0]).toMatchObject({
      fingerprint: fingerprintOf('k8s-run-as-non-root', `cluster-a\u0000${own}`),
      message: 'Renamed: holds.',
      ruleId: 'container.runs-as-root',
      targets: ['cluster-a'],
    });
  });

  it('give way to a fail of the same resource, and the first pass of a key stands for the others', () => {
    const vs = runRules(snapshot, [mixedRule], base).filter((v) => v.resource.id === 'svc0/Dockerfile#stage:0');
    expect(vs.map((v) => [v.status, v.messageId, v.message]).sort()).toEqual([
      ['fail', 'bad', 'bad svc0/Dockerfile'],
      ['pass', 'pass', 'Mixed: holds.'],
    ]);
    const app = runRules(snapshot, [mixedRule], base).filter((v) => v.resource.id === 'svc1/Dockerfile#stage:0');
    expect(app.map((v) => v.message).sort()).toEqual(['Mixed: holds.', 'good svc1/Dockerfile']);
  });

  it('an unknown message id on a pass is still the rule’s error', () => {
    const bad = defineRule({
      ...mixedRule,
      id: 'test-bad-pass',
      check(ctx) {
        ctx.pass({ resource: { id: 'x', kind: 'X', name: 'x' }, messageId: 'nope' as 'good' });
      },
    });
    const [v] = runRules(snapshot, [bad], base);
    expect(v).toMatchObject({ status: 'error', messageId: 'rule-crashed' });
    expect(v!.message).toContain('unknown message id "nope"');
  });

  it('evaluate keeps them compact unless asked, and counts them either way', () => {
    const compact = evaluate(snapshot, [rootRule, mixedRule], base);
    const full = evaluate(snapshot, [rootRule, mixedRule], { ...base, includePasses: true });
    expect(compact.verdicts.filter((v) => v.status === 'pass')).toEqual([]);
    expect(compactPassCount(compact)).toBe(7);
    expect(full.passes).toBeUndefined();
    expect(full.verdicts.filter((v) => v.status === 'pass')).toHaveLength(7);
    expect(compact.summary).toEqual(full.summary);
    expect(compact.summary.byStatus.pass).toBe(7);
    expect(sortVerdicts([...allVerdicts(compact)])).toEqual(sortVerdicts([...full.verdicts]));
  });
});

describe('the gate and priorities as data', () => {
  const snapshot = snapshotWith(okDockerfiles(['root', 'app']));

  it('each verdict records what it does to the gate; the counts are the marks', () => {
    const r = evaluate(snapshot, [rootRule, mixedRule], { ...base, failOn: 'P0' });
    const marked = r.verdicts.filter((v) => v.gate === 'failing');
    expect(marked.map((v) => v.ruleId)).toEqual(['test-root-user']);
    expect(r.gate.failing).toBe(marked.length);
    // The P2 rule's fail is below the threshold: no mark.
    expect(r.verdicts.find((v) => v.ruleId === 'test-mixed' && v.status === 'fail')?.gate).toBeUndefined();
    const p2 = evaluate(snapshot, [rootRule, mixedRule], { ...base, failOn: 'P2' });
    expect(p2.verdicts.filter((v) => v.gate === 'failing')).toHaveLength(p2.gate.failing);
    expect(p2.gate.failing).toBe(2);
  });

  it('the config’s per-rule override is the priority recorded on the rule and its verdicts', () => {
    const r = evaluate(snapshot, [rootRule, mixedRule], { ...base, ruleOverrides: { 'test-mixed': 'P0' } });
    expect(r.rules.map((x) => [x.id, x.resolvedPriority])).toEqual([
      ['test-mixed', 'P0'],
      ['test-root-user', 'P0'],
    ]);
    expect(r.verdicts.find((v) => v.ruleId === 'test-mixed' && v.status === 'fail')?.gate).toBe('failing');
    expect(r.passes?.find((s) => s.ruleId === 'test-mixed')?.priority).toBe('P0');
  });

  it('the default threshold is core’s', () => {
    expect(DEFAULT_FAIL_ON).toBe('P0');
    expect(evaluate(snapshot, [rootRule], base).gate.failOn).toBe('P0');
  });
});
