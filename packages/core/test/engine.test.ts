import { describe, expect, it } from 'vitest';
import { defineRule, runRules } from '../src/index.js';
import { expectations, okDockerfiles, rootRule, snapshotWith } from './helpers.js';

const opts = { environment: 'staging', expectations };

/** The facet with one Dockerfile that could not be parsed, besides the ones it holds. */
function withUnreadableDockerfile(facet: ReturnType<typeof okDockerfiles>): ReturnType<typeof okDockerfiles> {
  if (facet.status === 'ok')
    facet.problems.push({
      subject: 'bad/Dockerfile',
      message: 'bad/Dockerfile:3:1: unknown instruction "FORM"',
      cause: 'parse-error',
      location: { file: 'bad/Dockerfile', startLine: 3, startColumn: 1 },
    });
  return facet;
}

describe('engine', () => {
  it('gives pass and fail verdicts with rendered messages, concerns and resolved priority', () => {
    const vs = runRules(snapshotWith(okDockerfiles(['root', 'django'])), [rootRule], opts);
    expect(vs.map((v) => [v.status, v.message, v.priority])).toEqual([
      ['fail', 'runs as root', 'P0'],
      ['pass', 'runs as django', 'P0'],
    ]);
    expect(vs[0]!.concerns).toEqual(['container.runs-as-root']);
    expect(vs[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fingerprints do not depend on the line', () => {
    const a = runRules(snapshotWith(okDockerfiles(['root'])), [rootRule], opts)[0]!;
    const snap = snapshotWith(okDockerfiles(['root']));
    if (snap.facets['files.dockerfile']?.status === 'ok')
      snap.facets['files.dockerfile'].data.files[0]!.stages[0]!.user!.line = 40;
    const b = runRules(snap, [rootRule], opts)[0]!;
    expect(b.location?.startLine).toBe(40);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('a facet that failed to collect gives error, never pass', () => {
    const vs = runRules(
      snapshotWith({
        status: 'error',
        problems: [{ subject: 'files', message: 'permission denied reading .', fix: 'chmod' }],
      }),
      [rootRule],
      opts,
    );
    expect(vs).toHaveLength(1);
    expect(vs[0]!.status).toBe('error');
    expect(vs[0]!.message).toContain('permission denied');
    expect(vs[0]!.message).toContain('chmod');
  });

  it('a partly failed facet gives one error per unreadable part and still checks the rest', () => {
    const facet = withUnreadableDockerfile(okDockerfiles(['root']));
    const vs = runRules(snapshotWith(facet), [rootRule], opts);
    expect(vs.map((v) => v.status).sort()).toEqual(['error', 'fail']);
    const err = vs.find((v) => v.status === 'error')!;
    expect(err.location).toEqual({ file: 'bad/Dockerfile', startLine: 3, startColumn: 1 });
    expect(err.resource.id).toBe('bad/Dockerfile');
  });

  it('one unreadable file is one error, given to the most urgent rule that reads it, not one per rule', () => {
    const facet = withUnreadableDockerfile(okDockerfiles(['root']));
    const minor = defineRule({ ...rootRule, id: 'test-minor', priority: { default: 'P2' } });
    const vs = runRules(snapshotWith(facet), [minor, rootRule], opts);
    const errors = vs.filter((v) => v.status === 'error');
    expect(errors.map((v) => [v.ruleId, v.priority, v.resource.id])).toEqual([
      ['test-root-user', 'P0', 'bad/Dockerfile'],
    ]);
    expect(vs.filter((v) => v.status === 'fail').map((v) => v.ruleId)).toEqual(['test-minor', 'test-root-user']);
  });

  it('of rules as urgent, the error goes to one that reads the file kind first, not one that reads it on the side', () => {
    const facet = withUnreadableDockerfile(okDockerfiles(['root']));
    // A workload rule that also reads Dockerfiles (for the images they build), enabled first.
    const workload = defineRule({ ...rootRule, id: 'test-workload', facets: ['files.kubernetes', 'files.dockerfile'] });
    const vs = runRules(snapshotWith(facet), [workload, rootRule], opts);
    expect(vs.filter((v) => v.status === 'error').map((v) => v.ruleId)).toEqual(['test-root-user']);
  });

  it('a file read in part (a notice) is one skip saying why, never an error', () => {
    const facet = okDockerfiles(['django']);
    if (facet.status === 'ok')
      facet.problems.push({
        subject: 'charts/templates/x.yaml',
        message: 'charts/templates/x.yaml:1:1: not read: Helm template.',
        severity: 'notice',
      });
    const other = defineRule({ ...rootRule, id: 'test-other' });
    const vs = runRules(snapshotWith(facet), [rootRule, other], opts);
    expect(
      vs.filter((v) => v.resource.id === 'charts/templates/x.yaml').map((v) => [v.ruleId, v.status, v.messageId]),
    ).toEqual([['test-root-user', 'skip', 'file-read-in-part']]);
  });

  it('a layer that is not configured gives skip with the reason', () => {
    const vs = runRules(snapshotWith(undefined), [rootRule], opts);
    expect(vs.map((v) => [v.status, v.messageId])).toEqual([['skip', 'layer-not-scanned']]);
  });

  it('a rule that throws gets error and the others still run', () => {
    const crashing = defineRule({
      ...rootRule,
      id: 'test-crash',
      check: () => {
        throw new Error('boom');
      },
    });
    const vs = runRules(snapshotWith(okDockerfiles(['root'])), [crashing, rootRule], opts);
    expect(vs.find((v) => v.ruleId === 'test-crash')?.status).toBe('error');
    expect(vs.find((v) => v.ruleId === 'test-crash')?.message).toContain('boom');
    expect(vs.find((v) => v.ruleId === 'test-root-user')?.status).toBe('fail');
  });

  it('a rule that reports nothing gets one skip', () => {
    const vs = runRules(snapshotWith(okDockerfiles([])), [rootRule], opts);
    expect(vs.map((v) => [v.status, v.messageId])).toEqual([['skip', 'nothing-to-check']]);
  });

  it('reading an undeclared facet or an unknown message id is an error verdict, not a crash', () => {
    const sneaky = defineRule({
      ...rootRule,
      id: 'test-sneaky',
      check: (ctx) => ctx.fail({ resource: { id: 'x', kind: 'X', name: 'x' }, messageId: 'nope' as 'root' }),
    });
    const vs = runRules(snapshotWith(okDockerfiles(['root'])), [sneaky], opts);
    expect(vs[0]!.status).toBe('error');
    expect(vs[0]!.message).toContain('unknown message id "nope"');
  });

  it('config overrides turn a rule off or change its priority (by id or alias)', () => {
    const aliased = defineRule({ ...rootRule, aliases: ['old-root'] });
    expect(
      runRules(snapshotWith(okDockerfiles(['root'])), [aliased], { ...opts, ruleOverrides: { 'old-root': 'off' } }),
    ).toEqual([]);
    const vs = runRules(snapshotWith(okDockerfiles(['root'])), [aliased], {
      ...opts,
      ruleOverrides: { 'test-root-user': 'P2' },
    });
    expect(vs[0]!.priority).toBe('P2');
  });

  it('the same resource reported twice collapses to the worst verdict with related locations', () => {
    const twice = defineRule({
      ...rootRule,
      id: 'test-twice',
      check(ctx) {
        const resource = { id: 'r', kind: 'X', name: 'r' };
        ctx.pass({ resource });
        ctx.fail({ resource, messageId: 'root', data: { user: 'root' }, location: { file: 'a', startLine: 1 } });
        ctx.fail({ resource, messageId: 'root', data: { user: 'root' }, location: { file: 'a', startLine: 7 } });
      },
    });
    const vs = runRules(snapshotWith(okDockerfiles([])), [twice], opts);
    expect(vs).toHaveLength(1);
    expect(vs[0]!.status).toBe('fail');
    expect(vs[0]!.relatedLocations).toEqual([{ file: 'a', startLine: 7 }]);
  });

  it('orders verdicts deterministically whatever the rule order', () => {
    const other = defineRule({ ...rootRule, id: 'a-first' });
    const a = runRules(snapshotWith(okDockerfiles(['root', 'x'])), [rootRule, other], opts);
    const b = runRules(snapshotWith(okDockerfiles(['root', 'x'])), [other, rootRule], opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('optional facets', () => {
  const reader = defineRule({
    ...rootRule,
    id: 'test-optional',
    optionalFacets: ['files.kubernetes'],
    check(ctx) {
      const k8s = ctx.optionalFacet('files.kubernetes');
      ctx.fail({
        resource: { id: 'r', kind: 'X', name: 'r' },
        messageId: 'root',
        data: { user: k8s ? 'seen' : 'absent' },
      });
    },
  });

  it('an absent optional facet of a collected layer is data: the rule runs and sees undefined', () => {
    const snap = snapshotWith(okDockerfiles([]));
    snap.facets['files.kubernetes'] = { status: 'absent', reason: 'not installed' };
    expect(runRules(snap, [reader], opts).map((v) => v.message)).toEqual(['runs as absent']);
  });

  it('an optional facet whose layer was not collected still skips the rule', () => {
    const snap = snapshotWith(okDockerfiles([]));
    snap.layers = {};
    snap.facets['files.kubernetes'] = { status: 'absent', reason: 'layer off' };
    expect(runRules(snap, [reader], opts).map((v) => v.status)).toEqual(['skip']);
  });

  it('a failed optional facet is an error, never a pass', () => {
    const snap = snapshotWith(okDockerfiles([]));
    snap.facets['files.kubernetes'] = { status: 'error', problems: [{ subject: 'k8s', message: 'denied' }] };
    expect(runRules(snap, [reader], opts).map((v) => v.status)).toEqual(['error']);
  });
});

describe('could not decide (unknown)', () => {
  const undecided = defineRule({
    id: 'undecided-user',
    title: 'user from a build argument',
    concerns: ['container.runs-as-root'],
    layer: 'files',
    facets: ['files.dockerfile'],
    description: 'd',
    rationale: 'r',
    remediation: { text: 'x' },
    adrIdentity: 'image user name',
    messages: { arg: 'USER comes from {{arg}}, which nothing sets' },
    check(ctx) {
      for (const f of ctx.facet('files.dockerfile').files)
        ctx.unknown({
          resource: { id: f.file, kind: 'Dockerfile', name: f.file },
          messageId: 'arg',
          data: { arg: 'ARG APP_USER' },
          dependsOn: ['ARG APP_USER', 'ARG APP_USER'],
        });
    },
  });

  it('is its own status, low certainty, naming its inputs once each; never fail, never pass', () => {
    const [v] = runRules(snapshotWith(okDockerfiles(['root'])), [undecided], opts);
    expect(v).toMatchObject({
      status: 'unknown',
      certainty: 'low',
      dependsOn: ['ARG APP_USER'],
      message: 'USER comes from ARG APP_USER, which nothing sets',
    });
    expect(v!.assumed).toBeUndefined();
  });

  it('an unknown without its inputs is a rule error, not a silent verdict', () => {
    const bad = defineRule({
      ...undecided,
      id: 'no-inputs',
      check: (ctx) => ctx.unknown({ resource: { id: 'x', kind: 'X', name: 'x' }, messageId: 'arg', dependsOn: [] }),
    });
    const [v] = runRules(snapshotWith(okDockerfiles(['root'])), [bad], opts);
    expect(v).toMatchObject({ status: 'error', messageId: 'rule-crashed' });
  });

  it('with the expectations assumed (no config), an ADR-identity rule marks its findings assumed', () => {
    const [v] = runRules(snapshotWith(okDockerfiles(['root'])), [undecided], { ...opts, assumedExpectations: true });
    expect(v!.assumed).toContain("ADR-001's image user name is assumed");
    // A rule that judges no ADR name is not affected.
    const [r] = runRules(snapshotWith(okDockerfiles(['root'])), [rootRule], { ...opts, assumedExpectations: true });
    expect(r).toMatchObject({ status: 'fail' });
    expect(r!.assumed).toBeUndefined();
  });
});
