/**
 * Random scan results for property-based tests: random verdict statuses, priorities, locations or
 * none, suppressions, baselines, and text full of what breaks formats (unicode, `]]>`, control
 * characters, lone surrogates, Markdown and XML syntax). Summary and gate come from core, as in a scan.
 */
import {
  evaluateGate,
  EXCLUSION_REASONS,
  LAYERS,
  type Location,
  PRIORITIES,
  type ScannedRule,
  type ScanResult,
  summarize,
  type Verdict,
} from '@coditect-audit/core';
import fc from 'fast-check';

/** Fixed seed: the generated cases are the same on every run. */
export const SEED = 20260115;

const HOSTILE = [
  ']]>',
  ']]]]>>',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\uFFFF',
  '<x a="1">&amp;',
  '\'"',
  '|`*_$#~[]()!',
  '```',
  '<details>',
  '\r\n',
  '\n\n# heading\n',
  '\t',
  '𝔘ñîçødé 🚀',
  '\u202e',
  '',
];

export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 6 }).map((a) => a.join('')),
);
const nonEmptyText = text.filter((t) => t.length > 0);

const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/),
  fc.constantFrom('with space', 'a#b', '100%', 'c:d', 'ünï', '[x]', '..', 'a\\b'),
);
export const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segs) => segs.join('/'));

const position = fc.integer({ min: 1, max: 100_000 });
export const location: fc.Arbitrary<Location> = fc.record(
  {
    file: path,
    startLine: position,
    startColumn: fc.integer({ min: 1, max: 400 }),
    endLine: position,
    endColumn: fc.integer({ min: 1, max: 400 }),
  },
  { requiredKeys: ['file', 'startLine'] },
);

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const priority = fc.constantFrom(...PRIORITIES);
const ruleId = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}$/);
const adrSection = fc.constantFrom(
  'Decision 1',
  'Decision 4, Lesson 4',
  'Issue 10',
  'Pending: Smoke Tests',
  'Runbook 3',
  '',
);
const docsUrl = fc.constantFrom('https://example.com/rules/x.md', 'https://example.com/a b', 'not a url', '');

const ruleMeta = (id: string): fc.Arbitrary<ScannedRule> =>
  fc.record({
    id: fc.constant(id),
    aliases: fc.array(fc.constantFrom('old-a', 'old-b', 'old-a'), { maxLength: 3 }),
    title: text,
    concerns: fc.array(fc.constantFrom('container.runs-as-root', 'sql.public-exposure', 'x', ''), { maxLength: 3 }),
    layer: fc.constantFrom(...LAYERS),
    facets: fc.constant([]),
    priority: fc.record({ default: priority }),
    resolvedPriority: priority,
    description: text,
    rationale: text,
    remediation: fc.record({ text, commands: fc.array(text, { maxLength: 3 }) }, { requiredKeys: ['text'] }),
    benchmarks: fc.array(fc.record({ standard: text, id: text }), { maxLength: 1 }),
    adrSection,
    docsUrl,
  });

const verdict = (ruleIds: string[], withBaseline: boolean): fc.Arbitrary<Verdict> =>
  fc
    .record(
      {
        ruleId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ruleIds) }, { weight: 1, arbitrary: ruleId }),
        status: fc.constantFrom('fail', 'fail', 'error', 'pass', 'skip'),
        priority,
        concerns: fc.array(fc.constantFrom('container.runs-as-root', 'k8s.placeholder-secret', ''), { maxLength: 2 }),
        resource: fc.record(
          { id: nonEmptyText, kind: text, name: text, namespace: text, file: path },
          { requiredKeys: ['id', 'kind', 'name'] },
        ),
        messageId: fc.constantFrom('m', 'collection-failed', 'rule-crashed'),
        message: text,
        location,
        relatedLocations: fc.array(location, { maxLength: 3 }),
        evidence: fc.array(
          fc.record(
            {
              path: text,
              observed: fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
              expected: text,
              location,
            },
            { requiredKeys: ['path', 'observed'] },
          ),
          { maxLength: 3 },
        ),
        certainty: fc.constantFrom('high', 'low'),
        fingerprint: hex32,
        suppression: fc.record(
          { kind: fc.constantFrom('config', 'inline'), reason: text, expires: fc.constant('2030-01-01'), source: text },
          { requiredKeys: ['kind', 'reason', 'source'] },
        ),
        baselineState: fc.constantFrom('new', 'unchanged'),
      },
      {
        requiredKeys: [
          'ruleId',
          'status',
          'priority',
          'concerns',
          'resource',
          'messageId',
          'message',
          'evidence',
          'certainty',
          'fingerprint',
        ],
      },
    )
    .map((v) => {
      const out = { ...v } as Verdict;
      // As the engine and core produce them: only failures carry suppressions and baseline states.
      if (out.status !== 'fail') {
        delete out.suppression;
        delete out.baselineState;
      }
      if (!withBaseline) delete out.baselineState;
      else if (out.status === 'fail' && !out.baselineState) out.baselineState = 'new';
      return out;
    });

const suppressionEntry = fc.record(
  {
    kind: fc.constantFrom('config', 'inline'),
    rule: text,
    resource: text,
    reason: text,
    expires: fc.constant('2020-01-01'),
    source: text,
  },
  { requiredKeys: ['kind', 'rule', 'reason', 'source'] },
);

export const scanResult: fc.Arbitrary<ScanResult> = fc
  .uniqueArray(ruleId, { minLength: 1, maxLength: 4 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      rules: fc.tuple(...ids.map(ruleMeta)),
      withBaseline: fc.boolean(),
      environment: fc.record(
        {
          name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,10}$/),
          tier: fc.constantFrom('production', 'staging'),
          configFile: path,
          configLine: fc.integer({ min: 1, max: 500 }),
        },
        { requiredKeys: ['name'] },
      ),
      adr: fc.option(
        fc.record({
          file: path,
          sections: fc.dictionary(fc.constantFrom('Decision 1', 'Decision 4', 'Issue 10', 'Lesson 4'), position),
        }),
        { nil: undefined },
      ),
      failOn: fc.constantFrom('P0', 'P1', 'P2', 'none'),
      allowIncomplete: fc.boolean(),
      unused: fc.array(suppressionEntry, { maxLength: 2 }),
      expired: fc.array(suppressionEntry, { maxLength: 2 }),
      fixed: fc.array(fc.record({ fingerprint: hex32, ruleId, resource: text }), { maxLength: 2 }),
      baselineFile: path,
      timestamps: fc.option(
        fc.constant({ startedAt: '2026-01-15T09:30:00Z', finishedAt: '2026-01-15T09:30:04.250Z' }),
        { nil: undefined },
      ),
      version: fc.constantFrom('0.1.0', '1.2.3-rc.1', 'dev build'),
      excluded: fc.array(fc.record({ path, reason: fc.constantFrom(...EXCLUSION_REASONS), detail: text }), {
        maxLength: 3,
      }),
      layers: fc.dictionary(
        fc.constantFrom(...LAYERS),
        fc.record(
          { status: fc.constantFrom('collected', 'not-configured', 'failed'), reason: text },
          { requiredKeys: ['status'] },
        ),
      ),
    }),
  )
  .chain((r) =>
    fc.array(verdict(r.ids, r.withBaseline), { maxLength: 25 }).map(
      (verdicts): ScanResult => ({
        schemaVersion: 1,
        tool: { name: 'coditect-audit', version: r.version },
        environment: r.environment,
        root: '.',
        ...(r.adr ? { adr: r.adr } : {}),
        layers: r.layers,
        excluded: r.excluded,
        rules: [...r.rules],
        verdicts,
        suppressions: { unused: r.unused, expired: r.expired },
        ...(r.withBaseline ? { baseline: { file: r.baselineFile, fixed: r.fixed } } : {}),
        gate: evaluateGate(verdicts, r.failOn, r.allowIncomplete),
        summary: summarize(verdicts),
        ...(r.timestamps ? { timestamps: r.timestamps } : {}),
      }),
    ),
  );
