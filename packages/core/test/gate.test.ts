import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  applySuppressions,
  baselineOf,
  declarationKey,
  defineRule,
  evaluate,
  evaluateGate,
  indexAdrSections,
  adrLineFor,
  parseBaseline,
  resolvePriority,
  type Verdict,
} from '../src/index.js';
import { expectations, okDockerfiles, rootRule, snapshotWith } from './helpers.js';

function v(status: Verdict['status'], priority: Verdict['priority'], extra: Partial<Verdict> = {}): Verdict {
  return {
    ruleId: 'r',
    status,
    priority,
    concerns: ['c'],
    resource: { id: `${status}${priority}`, kind: 'X', name: 'x' },
    messageId: 'm',
    message: 'm',
    evidence: [],
    certainty: 'high',
    fingerprint: `${status}${priority}`,
    ...extra,
  };
}

describe('gate', () => {
  it.each([
    [[v('pass', 'P0')], 'P0', false, 0],
    [[v('fail', 'P1')], 'P0', false, 0],
    [[v('fail', 'P1')], 'P1', false, 1],
    [[v('fail', 'P0')], 'none', false, 0],
    // Report-only: no rule gates, so an error makes nothing incomplete (docs/exit-codes.md says the same).
    [[v('error', 'P0')], 'none', false, 0],
    [[v('error', 'P2')], 'P2', false, 2],
    [[v('error', 'P0')], 'P0', false, 2],
    [[v('error', 'P0')], 'P0', true, 0],
    [[v('error', 'P2')], 'P0', false, 0],
    [[v('error', 'P0'), v('fail', 'P0')], 'P0', false, 1],
    [[v('fail', 'P0', { suppression: { kind: 'config', reason: 'x', source: 's' } })], 'P0', false, 0],
    [[v('fail', 'P0', { baselineState: 'unchanged' })], 'P0', false, 0],
    [[v('fail', 'P0', { baselineState: 'new' })], 'P0', false, 1],
  ] as const)('%j at %s (allow-incomplete %s) exits %i', (vs, failOn, allow, code) => {
    expect(evaluateGate([...vs], failOn, allow).exitCode).toBe(code);
  });

  const unknown = (p: Verdict['priority'], extra: Partial<Verdict> = {}) =>
    v('unknown', p, { dependsOn: ['var.tier'], certainty: 'low', ...extra });
  it.each([
    // Could not decide: never gates by default, whatever the priority...
    [[unknown('P0')], 'P0', false, 0],
    [[unknown('P0'), v('pass', 'P0')], 'P0', false, 0],
    // ...gates like a finding when strict, at or above the threshold...
    [[unknown('P0')], 'P0', true, 1],
    [[unknown('P2')], 'P0', true, 0],
    [[unknown('P0')], 'none', true, 0],
    // ...unless accepted (suppressed, in the baseline) or about an assumed ADR-001 name.
    [[unknown('P0', { suppression: { kind: 'config', reason: 'x', source: 's' } })], 'P0', true, 0],
    [[unknown('P0', { baselineState: 'unchanged' })], 'P0', true, 0],
    [[unknown('P0', { assumed: 'ADR-001 name' })], 'P0', true, 0],
    // A finding on an assumed ADR-001 name (no config) is reported but never gates.
    [[v('fail', 'P0', { assumed: "ADR-001's KMS key name is assumed" })], 'P0', false, 0],
    [[v('fail', 'P0', { assumed: "ADR-001's KMS key name is assumed" })], 'P0', true, 0],
  ] as const)('undecided and assumed: %j at %s (strict %s) exits %i', (vs, failOn, strict, code) => {
    const gate = evaluateGate([...vs], failOn, false, { strict });
    expect(gate.exitCode).toBe(code);
    expect(gate.strict).toBe(strict);
  });

  it('records what the gate does on each verdict, and takes away a role it no longer has', () => {
    const verdicts = [v('fail', 'P0'), v('error', 'P0'), v('pass', 'P0'), v('fail', 'P2')];
    evaluateGate(verdicts, 'P0', false);
    expect(verdicts.map((x) => x.gate)).toEqual(['failing', 'incomplete', undefined, undefined]);
    // Judged again with nothing gating: no verdict keeps the member at all.
    evaluateGate(verdicts, 'none', false);
    for (const x of verdicts) expect(Object.keys(x)).not.toContain('gate');
  });

  it('counts the undecided verdicts at or above the threshold', () => {
    const gate = evaluateGate([unknown('P0'), unknown('P1'), unknown('P2')], 'P1', false);
    expect(gate).toMatchObject({ status: 'passed', exitCode: 0, unknown: 2, failing: 0, strict: false });
    expect(evaluateGate([unknown('P0'), unknown('P1')], 'P1', false, { strict: true })).toMatchObject({
      status: 'failed',
      failing: 2,
      unknown: 2,
    });
  });

  it('a baseline records undecided verdicts too (they gate when strict)', () => {
    const vs = [unknown('P0'), v('fail', 'P1'), v('pass', 'P0')];
    expect(
      baselineOf(vs)
        .findings.map((f) => f.fingerprint)
        .sort(),
    ).toEqual(['failP1', 'unknownP0']);
    const fresh = [unknown('P0')];
    applyBaseline(fresh, baselineOf(vs));
    expect(fresh[0]!.baselineState).toBe('unchanged');
  });
});

describe('priorities', () => {
  const spec = { default: 'P1', environments: { production: 'P0' } } as const;
  it('resolve by environment name, then tier, then default; a config override wins', () => {
    expect(resolvePriority(spec, 'staging')).toBe('P1');
    expect(resolvePriority(spec, 'production')).toBe('P0');
    expect(resolvePriority(spec, 'prod-eu', 'production')).toBe('P0');
    expect(resolvePriority(spec, 'production', undefined, 'P2')).toBe('P2');
  });
});

describe('suppressions', () => {
  const rules = [rootRule];
  it('config suppressions apply by rule and resource glob; expired and unused ones are reported', () => {
    const vs = [
      v('fail', 'P0', {
        ruleId: 'test-root-user',
        resource: { id: 'tools/Dockerfile#stage:0', kind: 'X', name: 'x', file: 'tools/Dockerfile' },
      }),
      v('fail', 'P0', {
        ruleId: 'test-root-user',
        fingerprint: 'b',
        resource: { id: 'app/Dockerfile#stage:0', kind: 'X', name: 'x' },
      }),
    ];
    const report = applySuppressions({
      verdicts: vs,
      rules,
      configFile: 'coditect-audit.yaml',
      config: [
        { rule: 'test-root-user', resource: 'tools/**', reason: 'build image' },
        { rule: 'test-root-user', resource: 'app/**', reason: 'old', expires: '2020-01-01' },
        { rule: 'test-root-user', resource: 'nothing/**', reason: 'stale' },
      ],
      inline: [],
      today: '2026-11-26',
    });
    expect(vs[0]!.suppression).toEqual({
      kind: 'config',
      reason: 'build image',
      source: 'coditect-audit.yaml#suppressions[0]',
    });
    expect(vs[1]!.suppression).toBeUndefined();
    expect(report.expired.map((e) => e.source)).toEqual(['coditect-audit.yaml#suppressions[1]']);
    expect(report.unused.map((e) => e.source)).toEqual(['coditect-audit.yaml#suppressions[2]']);
  });

  it('inline suppressions apply to the finding on their target line only', () => {
    const vs = [v('fail', 'P0', { ruleId: 'test-root-user', location: { file: 'Dockerfile', startLine: 9 } })];
    const report = applySuppressions({
      verdicts: vs,
      rules,
      configFile: 'c',
      config: [],
      inline: [
        { file: 'Dockerfile', line: 8, appliesToLine: 9, ruleId: 'test-root-user', reason: 'debug image' },
        { file: 'Dockerfile', line: 2, appliesToLine: 3, ruleId: 'test-root-user', reason: 'nothing here' },
      ],
      today: '2026-11-26',
    });
    expect(vs[0]!.suppression?.source).toBe('Dockerfile:8');
    expect(report.unused.map((u) => u.source)).toEqual(['Dockerfile:2']);
  });
});

describe('baseline', () => {
  it('marks new and unchanged findings and lists the fixed ones', () => {
    const before = [v('fail', 'P0', { fingerprint: 'a' }), v('fail', 'P0', { fingerprint: 'gone' })];
    const baseline = parseBaseline(JSON.stringify(baselineOf(before)), 'b.json');
    const now = [v('fail', 'P0', { fingerprint: 'a' }), v('fail', 'P0', { fingerprint: 'new' })];
    const fixed = applyBaseline(now, baseline);
    expect(now.map((x) => x.baselineState)).toEqual(['unchanged', 'new']);
    expect(fixed.map((f) => f.fingerprint)).toEqual(['gone']);
  });

  it('rejects a file that is not a baseline, naming it', () => {
    expect(() => parseBaseline('{"x":1}', 'b.json')).toThrow('b.json: not a coditect-audit baseline');
    expect(() => parseBaseline('nope', 'b.json')).toThrow('b.json: not valid JSON');
  });
});

describe('evaluate', () => {
  it('builds a result whose summary and gate agree with the verdicts', () => {
    const r = evaluate(snapshotWith(okDockerfiles(['root', 'app'])), [rootRule], {
      environment: 'staging',
      expectations,
      failOn: 'P0',
      allowIncomplete: false,
      toolVersion: '0.0.0',
      today: '2026-11-26',
    });
    expect(r.summary.byStatus).toMatchObject({ fail: 1, pass: 1 });
    expect(r.gate).toMatchObject({ status: 'failed', exitCode: 1, failing: 1 });
    expect(r.rules.map((x) => x.id)).toEqual(['test-root-user']);
  });
});

describe('ADR sections', () => {
  const adr = [
    'Decision 1: Migrate from GCR to Artifact Registry',
    'Decision 4: Dockerfile User Permissions Fix Required',
    '⏸️ Pending Completion (5%)',
    '- Update Secrets - Add real Cloud SQL and Redis endpoints',
    'python manage.py migrate - Restart Deployment - Apply updated secrets and image',
    'Production Readiness Issues and Challenges',
    '1. Infrastructure as Code Gap',
    '2. Database User and Permissions',
    'Lessons Learned',
    '1. Platform Deprecations Require Proactive Monitoring',
  ].join('\n');
  it('finds decisions, pending items, issues and lessons', () => {
    const s = indexAdrSections(adr);
    expect(s).toMatchObject({
      'Decision 1': 1,
      'Decision 4': 2,
      'Pending: Update Secrets': 4,
      'Pending: Restart Deployment': 5,
      'Issue 1': 7,
      'Issue 2': 8,
      'Lesson 1': 10,
    });
    expect(adrLineFor(s, 'Decision 4, Lesson 4')).toBe(2);
    expect(adrLineFor(s, 'Lesson 1')).toBe(10);
  });
});

describe('declarations', () => {
  it('a finding on a live resource without a location points at the manifest that declares it', () => {
    const snap = snapshotWith(okDockerfiles([]));
    snap.facets['files.kubernetes'] = {
      status: 'ok',
      problems: [],
      data: {
        files: [
          {
            file: 'k8s/deployment.yaml',
            ignores: [],
            objects: [
              {
                file: 'k8s/deployment.yaml',
                documentIndex: 0,
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: 'coditect-backend',
                namespace: 'coditect-staging',
                line: 3,
                object: {},
                positions: {},
              },
            ],
          },
        ],
      },
    };
    const liveRule = defineRule({
      ...rootRule,
      id: 'test-live',
      check(ctx) {
        ctx.fail({
          resource: {
            id: 'live:deploy',
            kind: 'Deployment',
            name: 'coditect-backend',
            declaredAs: declarationKey({
              layer: 'k8s',
              kind: 'Deployment',
              namespace: 'coditect-staging',
              name: 'coditect-backend',
            }),
          },
          messageId: 'root',
          data: { user: 'root' },
        });
      },
    });
    const r = evaluate(snap, [liveRule], {
      environment: 'staging',
      expectations,
      failOn: 'P0',
      allowIncomplete: false,
      toolVersion: '0',
    });
    expect(r.verdicts[0]!.location).toEqual({ file: 'k8s/deployment.yaml', startLine: 3 });
    expect(r.verdicts[0]!.resource.file).toBe('k8s/deployment.yaml');
  });
});
