/**
 * View rules judged item by item as the Kubernetes collector finishes each object (`judgeItem`,
 * `ItemJudgements`, issue 19): the engine's verdicts are the same with and without what was judged early, in
 * the same order, and whatever the engine cannot be sure still holds is judged again at evaluation.
 */
import {
  defineViewRule,
  type EngineOptions,
  evaluateRules,
  ItemJudgements,
  type JudgedItems,
  type K8sLiveObject,
  resolveExpectations,
  type Rule,
  RuleDefinitionError,
  type Snapshot,
  type UnitJudgements,
} from '@coditect-audit/core';
import { prepareLiveObject, WORKLOAD_FACETS, type WorkloadFacet } from '@coditect-audit/core/views';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/index.js';

type Lists = Record<WorkloadFacet, K8sLiveObject[]>;

function live(kind: string, apiVersion: string, name: string, namespace: string, object: object): K8sLiveObject {
  return { apiVersion, kind, name, namespace, object: { apiVersion, kind, metadata: { name, namespace }, ...object } };
}

const IMAGES = [
  'gcr.io/coditect-cloud-infra/backend:latest',
  'gcr.io/distroless/static:nonroot',
  'us-central1-docker.pkg.dev/p/r/app:v1.0.0',
  'postgres:16',
  'redis:7-alpine',
  'k8s.gcr.io/pause:3.9',
  'nginx',
  `busybox@sha256:${'b'.repeat(64)}`,
];

const SECURITY: Record<string, unknown>[] = [
  {},
  { runAsUser: 0 },
  { runAsUser: 1000, allowPrivilegeEscalation: false },
  { runAsNonRoot: false, privileged: true },
  { runAsNonRoot: true, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } },
  { allowPrivilegeEscalation: true, capabilities: { add: [''] } },
];

/** A pod spec varied by `i`: images, security contexts, init containers, client commands. */
function podSpec(i: number): Record<string, unknown> {
  const container = (n: number, name: string) => ({
    name,
    image: IMAGES[n % IMAGES.length],
    securityContext: SECURITY[n % SECURITY.length],
    ...(n % 7 === 3 ? { command: ['psql', '-c', 'select 1'] } : {}),
  });
  return {
    ...(i % 4 === 1
      ? { securityContext: { runAsNonRoot: true } }
      : i % 4 === 2
        ? { securityContext: { runAsUser: 0 } }
        : {}),
    containers: i % 3 === 0 ? [container(i, 'app'), container(i + 1, 'sidecar')] : [container(i, 'app')],
    ...(i % 5 === 0 ? { initContainers: [container(i + 2, 'migrate')] } : {}),
  };
}

/** A cluster of `n` workloads of every kind, with the controllers' objects (ReplicaSets, Jobs, pods) they own. */
function cluster(n: number): Lists {
  const lists = Object.fromEntries(WORKLOAD_FACETS.map((f) => [f, []])) as unknown as Lists;
  const owned = (kind: string, name: string) => ({ ownerReferences: [{ kind, name, controller: true }] });
  for (let i = 0; i < n; i++) {
    const ns = `ns-${i % 3}`;
    const name = `w-${String(i).padStart(4, '0')}`;
    const template = { template: { spec: podSpec(i) } };
    switch (i % 6) {
      case 0:
        lists['k8s.deployments'].push(live('Deployment', 'apps/v1', name, ns, { spec: template }));
        lists['k8s.replicasets'].push(
          live('ReplicaSet', 'apps/v1', `${name}-7d9`, ns, {
            metadata: { name: `${name}-7d9`, namespace: ns, ...owned('Deployment', name) },
            spec: template,
          }),
        );
        break;
      case 1:
        lists['k8s.statefulsets'].push(live('StatefulSet', 'apps/v1', name, ns, { spec: template }));
        break;
      case 2:
        lists['k8s.daemonsets'].push(live('DaemonSet', 'apps/v1', name, ns, { spec: template }));
        break;
      case 3:
        lists['k8s.cronjobs'].push(
          live('CronJob', 'batch/v1', name, ns, { spec: { jobTemplate: { spec: template } } }),
        );
        lists['k8s.jobs'].push(
          live('Job', 'batch/v1', `${name}-1`, ns, {
            metadata: { name: `${name}-1`, namespace: ns, ...owned('CronJob', name) },
            spec: template,
          }),
        );
        break;
      case 4:
        lists['k8s.jobs'].push(live('Job', 'batch/v1', name, ns, { spec: template }));
        break;
      default:
        lists['k8s.pods'].push(live('Pod', 'v1', name, ns, { spec: podSpec(i) }));
    }
  }
  return lists;
}

function snapshotOf(lists: Lists, extra: Partial<Snapshot> = {}): Snapshot {
  const facets: Record<string, unknown> = {};
  for (const f of WORKLOAD_FACETS) facets[f] = { status: 'ok', data: { items: lists[f] }, problems: [] };
  return {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { k8s: { status: 'collected' } },
    facets,
    ...extra,
  } as Snapshot;
}

const OPTIONS: EngineOptions = {
  environment: 'staging',
  tier: 'staging',
  expectations: resolveExpectations(undefined),
  assumedExpectations: true,
};

/** Every object finished and judged, as the collector and the scan do while the pages arrive. */
function judgeAll(lists: Lists, rules: readonly Rule[] = builtinRules, options = OPTIONS): ItemJudgements {
  const judgements = new ItemJudgements(rules, options);
  for (const f of WORKLOAD_FACETS)
    for (const o of lists[f]) {
      prepareLiveObject(f, o);
      judgements.judgeLiveObject(f, o);
    }
  return judgements;
}

/** The engine's run as its JSON (order included): verdicts, then passes. */
function run(snapshot: Snapshot, options: EngineOptions, rules: readonly Rule[] = builtinRules): string {
  const r = evaluateRules(snapshot, rules, options);
  return JSON.stringify({ verdicts: r.verdicts, passes: r.passes, priorities: [...r.priorities] });
}

/** What the engine asked of the judgements: per unit, whether all its items were taken at once. */
function watched(judgements: JudgedItems): { judged: JudgedItems; taken: Map<string, 'all' | 'some' | 'none'> } {
  const taken = new Map<string, 'all' | 'some' | 'none'>();
  const judged: JudgedItems = {
    forUnit: (unit, priority, options) => {
      const u = judgements.forUnit(unit, priority, options);
      if (!u) return u;
      const id = unit.unit.id;
      taken.set(id, 'none');
      const seen: UnitJudgements = {
        every: (items) => {
          const all = u.every(items);
          if (all) taken.set(id, 'all');
          return all;
        },
        of: (item) => {
          const one = u.of(item);
          if (one && taken.get(id) === 'none') taken.set(id, 'some');
          return one;
        },
      };
      return seen;
    },
  };
  return { judged, taken };
}

const EARLY_UNITS = ['k8s-privilege-escalation', 'k8s-runs-as-root', 'k8s-self-managed-datastore', 'k8s-gcr-image'];

describe('view rules judged item by item (judgeItem, ItemJudgements)', () => {
  it('gives the same verdicts, passes and order as judging at evaluation, every item taken at once', () => {
    const lists = cluster(240);
    const whole = run(snapshotOf(lists), OPTIONS);
    const { judged, taken } = watched(judgeAll(lists));
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judged })).toBe(whole);
    expect(Object.fromEntries(taken)).toEqual(Object.fromEntries(EARLY_UNITS.map((u) => [u, 'all'])));
  });

  it('judges the items at evaluation that were not judged early (rules loaded late), the rest as judged', () => {
    const lists = cluster(60);
    const whole = run(snapshotOf(lists), OPTIONS);
    const judgements = new ItemJudgements(builtinRules, OPTIONS);
    for (const f of WORKLOAD_FACETS)
      lists[f].forEach((o, i) => {
        prepareLiveObject(f, o);
        if (i % 2 === 0) judgements.judgeLiveObject(f, o);
      });
    const { judged, taken } = watched(judgements);
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judged })).toBe(whole);
    expect(new Set(taken.values())).toEqual(new Set(['some']));
  });

  it('collapses through the engine when two reports share a key (two containers of one name)', () => {
    const lists = cluster(30);
    const twin = live('Deployment', 'apps/v1', 'twins', 'ns-0', {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                image: 'postgres:16',
                securityContext: { privileged: true, allowPrivilegeEscalation: true },
              },
              { name: 'app', image: 'gcr.io/p/app:latest', securityContext: { runAsUser: 0 } },
            ],
          },
        },
      },
    });
    lists['k8s.deployments'].push(twin);
    const whole = run(snapshotOf(lists), OPTIONS);
    const { judged, taken } = watched(judgeAll(lists));
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judged })).toBe(whole);
    expect(taken.get('k8s-privilege-escalation')).toBe('some');
  });

  it('judges again an object replaced after it was judged (a facet redacted whole): nothing stale is reported', () => {
    const lists = cluster(30);
    const judgements = judgeAll(lists);
    // The final facet holds other objects for the same workloads, e.g. redacted again after a later page.
    const replaced = structuredClone(lists);
    const first = replaced['k8s.deployments'][0]!;
    (first.object as { spec: { template: { spec: unknown } } }).spec.template.spec = {
      containers: [{ name: 'app', image: 'us-docker.pkg.dev/p/r/app:v2', securityContext: { runAsNonRoot: true } }],
    };
    const whole = run(snapshotOf(replaced), OPTIONS);
    const { judged, taken } = watched(judgements);
    const early = run(snapshotOf(replaced), { ...OPTIONS, judgedItems: judged });
    expect(early).toBe(whole);
    expect(early).not.toBe(run(snapshotOf(lists), OPTIONS));
    expect(new Set(taken.values())).toEqual(new Set(['none']));
  });

  it('does not take what was judged under other options: a priority, an expectation, a rule turned off', () => {
    const lists = cluster(30);
    const judgements = judgeAll(lists);
    const overrides: EngineOptions = {
      ...OPTIONS,
      ruleOverrides: { 'k8s-privilege-escalation': 'P2', 'k8s.self-managed-datastore': 'off' },
    };
    // The engine's options at evaluation differ from those the items were judged under.
    const { judged, taken } = watched(judgements);
    expect(run(snapshotOf(lists), { ...overrides, judgedItems: judged })).toBe(run(snapshotOf(lists), overrides));
    expect(taken.has('k8s-privilege-escalation')).toBe(false);
    expect(taken.has('k8s-self-managed-datastore')).toBe(false);
    expect(taken.get('k8s-runs-as-root')).toBe('all');

    const registry = { ...OPTIONS, expectations: resolveExpectations({ registry: { location: 'europe-west1' } }) };
    const again = judgeAll(lists);
    expect(run(snapshotOf(lists), { ...registry, judgedItems: again })).toBe(run(snapshotOf(lists), registry));
    expect(run(snapshotOf(lists), registry)).not.toBe(run(snapshotOf(lists), OPTIONS));

    // Judged with a unit off, evaluated with it on: that unit is judged at evaluation.
    const off = judgeAll(lists, builtinRules, { ...OPTIONS, ruleOverrides: { 'registry.gcr-reference': 'off' } });
    const watchedOff = watched(off);
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: watchedOff.judged })).toBe(
      run(snapshotOf(lists), OPTIONS),
    );
    expect(watchedOff.taken.has('k8s-gcr-image')).toBe(false);
  });

  it('takes each judgement once: a second evaluation judges again', () => {
    const lists = cluster(30);
    const judgements = judgeAll(lists);
    const whole = run(snapshotOf(lists), OPTIONS);
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judgements })).toBe(whole);
    const { judged, taken } = watched(judgements);
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judged })).toBe(whole);
    expect(taken.size).toBe(0);
  });

  it('reports a failed list as before (error verdicts), and fleet targets judged at evaluation', () => {
    const lists = cluster(30);
    const failed = snapshotOf(lists);
    failed.facets['k8s.pods'] = { status: 'error', problems: [{ subject: 'list pods', message: 'forbidden' }] };
    expect(run(failed, { ...OPTIONS, judgedItems: judgeAll(lists) })).toBe(run(failed, OPTIONS));

    const targets = structuredClone(lists);
    const fleet = snapshotOf(cluster(0), {
      targets: [
        { kind: 'cluster', name: 'a', state: { status: 'collected' }, facets: snapshotOf(lists).facets },
        { kind: 'cluster', name: 'b', state: { status: 'collected' }, facets: snapshotOf(targets).facets },
      ],
    } as Partial<Snapshot>);
    const { judged, taken } = watched(judgeAll(lists));
    expect(run(fleet, { ...OPTIONS, judgedItems: judged })).toBe(run(fleet, OPTIONS));
    expect(taken.size).toBe(0);
  });

  it('leaves to evaluation an item whose judge throws, where it is the rule’s error as before', () => {
    const throwing = defineViewRule({
      id: 'test.throws-on-b',
      title: 'Throws on one workload',
      concerns: ['container.privilege-escalation'],
      description: 'test',
      rationale: 'test',
      remediation: { text: 'test' },
      view: 'workload',
      sources: { k8s: {} },
      messages: { ok: '{{name}} is fine.' },
      judgeItem: {
        sources: ['k8s'],
        judge(ctx, w) {
          if (w.name === 'w-0006') throw new Error('cannot judge w-0006');
          ctx.pass({ resource: w.resource, messageId: 'ok', data: { name: w.name } });
        },
      },
    });
    const lists = cluster(12);
    const whole = run(snapshotOf(lists), OPTIONS, [throwing]);
    expect(whole).toContain('cannot judge w-0006');
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judgeAll(lists, [throwing]) }, [throwing])).toBe(whole);
  });

  it('takes every item at once when objects were judged out of the builders\u2019 order (by look-up)', () => {
    const lists = cluster(120);
    const whole = run(snapshotOf(lists), OPTIONS);
    const judgements = new ItemJudgements(builtinRules, OPTIONS);
    // Facets interleaved and each list's objects in reverse: no item list is the builders' order.
    for (const f of [...WORKLOAD_FACETS].reverse())
      for (const o of [...lists[f]].reverse()) {
        prepareLiveObject(f, o);
        judgements.judgeLiveObject(f, o);
      }
    const { judged, taken } = watched(judgements);
    expect(run(snapshotOf(lists), { ...OPTIONS, judgedItems: judged })).toBe(whole);
    expect(Object.fromEntries(taken)).toEqual(Object.fromEntries(EARLY_UNITS.map((u) => [u, 'all'])));
  });

  it('checks what judgeItem names when a view rule is defined', () => {
    const base = {
      title: 't',
      concerns: ['container.privilege-escalation'],
      description: 'd',
      rationale: 'r',
      remediation: { text: 'x' },
      view: 'container' as const,
      messages: { m: 'm' },
    };
    expect(() =>
      defineViewRule({
        ...base,
        id: 'test.no-check',
        sources: { manifest: {}, k8s: {} },
        judgeItem: { sources: ['k8s'], judge() {} },
      }),
    ).toThrow(RuleDefinitionError);
    expect(() =>
      defineViewRule({
        ...base,
        id: 'test.other-source',
        sources: { k8s: {} },
        judgeItem: { sources: ['manifest'], judge() {} },
      }),
    ).toThrow(/judgeItem" names "manifest"/);
  });
});
