import { gzipSync } from 'node:zlib';
import { fingerprintOf, type ScanResult, summarize, type Verdict, evaluateGate } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSarif, FINGERPRINT_KEY, pathToUri, SARIF_MAX_RESULTS, sarifChunks, toSarif } from '../src/sarif.js';
import { scanResult, SEED } from './arbitrary.js';
import { ADR_FILE, ADR_SECTIONS, bareResult, cleanResult, fullResult } from './scenario.js';
import { sarifErrors } from './validators.js';

function run(result: ScanResult, options = {}) {
  return buildSarif(result, options).runs[0];
}

describe('SARIF: valid against the official 2.1.0 schema', () => {
  it.each([
    ['full', fullResult],
    ['clean', cleanResult],
    ['bare', bareResult],
  ])('%s scenario', (_name, build) => {
    const text = toSarif(build());
    expect(sarifErrors(text)).toEqual([]);
    expect(sarifErrors(toSarif(build(), { includeSuppressed: true }))).toEqual([]);
  });

  it('random scan results (property-based, fixed seed)', () => {
    fc.assert(
      fc.property(scanResult, fc.boolean(), (result, includeSuppressed) => {
        const text = toSarif(result, { includeSuppressed });
        expect(sarifErrors(text)).toEqual([]);
        const r = JSON.parse(text).runs[0];
        for (const res of r.results) {
          const loc = res.locations[0].physicalLocation;
          expect(loc.artifactLocation.uri).not.toBe('');
          expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
          expect(res.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
        }
        // SARIF: if any result has a baselineState, all must.
        const withState = r.results.filter((x: { baselineState?: string }) => x.baselineState).length;
        expect(withState === 0 || withState === r.results.length).toBe(true);
        expect(r.invocations[0].executionSuccessful).toBe(!result.verdicts.some((v) => v.status === 'error'));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('SARIF: run, tool and rules', () => {
  const r = run(fullResult());

  it('is one run with the environment as automation id, the tool and its version', () => {
    expect(buildSarif(fullResult()).runs).toHaveLength(1);
    expect(r.automationDetails.id).toBe('coditect-audit/staging/');
    expect(r.tool.driver).toMatchObject({
      name: 'coditect-audit',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: 'https://github.com/coditect-ai/coditect-audit',
    });
  });

  it('describes every rule of the scan, sorted by id, with GitHub fields', () => {
    const ids = r.tool.driver.rules.map((d) => d.id);
    expect(ids).toEqual([...fullResult().rules.map((x) => x.id)].sort());
    const rootDeps = r.tool.driver.rules.find((d) => d.id === 'test-root-deps')!;
    expect(rootDeps.name).toBe('TestRootDeps');
    expect(rootDeps.shortDescription.text).toBe('Dependencies under /root while running as non-root');
    expect(rootDeps.fullDescription.text).toContain('copies files under `/root`');
    expect(rootDeps.helpUri).toBe(
      'https://github.com/coditect-ai/coditect-audit/blob/main/docs/rules/test-root-deps.md',
    );
    expect(rootDeps.help.text).toContain('Decision 4');
    expect(rootDeps.help.markdown).toContain(
      '```\nCOPY --from=builder /root/.local /home/django/.local\nENV PATH=/home/django/.local/bin:$PATH\n```',
    );
    expect(rootDeps.defaultConfiguration.level).toBe('error');
    expect(rootDeps.properties).toMatchObject({
      tags: ['security', 'P0', 'layer:files', 'container.unreadable-dependencies'],
      'security-severity': '9.5',
      precision: 'high',
      priority: 'P0',
      concerns: ['container.unreadable-dependencies'],
    });
  });

  it('maps priorities to level and a numeric security-severity in GitHub bands', () => {
    const byId = new Map(r.tool.driver.rules.map((d) => [d.id, d]));
    // P1 (backups in staging) and P2 (mutable tag in staging).
    expect(byId.get('test-sql-backups')!.defaultConfiguration.level).toBe('error');
    expect(byId.get('test-sql-backups')!.properties['security-severity']).toBe('8.0');
    expect(byId.get('test-mutable-tag')!.defaultConfiguration.level).toBe('warning');
    expect(byId.get('test-mutable-tag')!.properties['security-severity']).toBe('5.5');
    for (const d of r.tool.driver.rules) {
      const severity = Number(d.properties['security-severity']);
      expect(Number.isFinite(severity)).toBe(true);
      const band = { P0: [9.0, 10], P1: [7.0, 8.9], P2: [4.0, 6.9] }[d.properties.priority as 'P0' | 'P1' | 'P2'];
      expect(severity).toBeGreaterThanOrEqual(band[0]!);
      expect(severity).toBeLessThanOrEqual(band[1]!);
    }
    // A rule that infers instead of observing is of medium precision.
    expect(byId.get('test-sql-backups')!.properties.precision).toBe('medium');
  });

  it('takes the priority the environment resolves: backups are P0 in production', () => {
    const bare = run(bareResult());
    const rule = bare.tool.driver.rules.find((d) => d.id === 'test-sql-backups')!;
    expect(rule.properties.priority).toBe('P0');
    expect(rule.properties['security-severity']).toBe('9.5');
  });
});

describe('SARIF: results', () => {
  const result = fullResult();
  const r = run(result);
  const byRule = (id: string) => r.results.filter((x) => x.ruleId === id);

  it('has one result per unsuppressed failing or undecided finding, and no passes, skips or errors', () => {
    const failing = result.verdicts.filter((v) => (v.status === 'fail' || v.status === 'unknown') && !v.suppression);
    expect(r.results).toHaveLength(failing.length);
    expect(new Set(r.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]))).toEqual(
      new Set(failing.map((v) => v.fingerprint)),
    );
  });

  it('carries rule index, level, message, 1-based region, fingerprint and properties', () => {
    const [copy] = byRule('test-root-deps');
    expect(r.tool.driver.rules[copy!.ruleIndex]!.id).toBe('test-root-deps');
    expect(copy).toMatchObject({
      level: 'error',
      message: { text: 'COPY puts /root/.local under /root but the final USER is django.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 51, startColumn: 1 },
          },
        },
      ],
      partialFingerprints: {
        [FINGERPRINT_KEY]: fingerprintOf('test-root-deps', 'Dockerfile#stage:runtime', 'copy:/root/.local'),
      },
      baselineState: 'new',
      properties: {
        priority: 'P0',
        concerns: ['container.unreadable-dependencies'],
        adrSection: 'Decision 4',
        certainty: 'high',
        resource: { id: 'Dockerfile#stage:runtime', kind: 'DockerfileStage', name: 'runtime', file: 'Dockerfile' },
        locationSource: 'finding',
      },
    });
    const verdict = result.verdicts.find((v) => v.fingerprint === copy!.partialFingerprints[FINGERPRINT_KEY])!;
    expect(copy!.properties.evidence).toEqual(verdict.evidence);
  });

  it('keeps the fingerprint when the finding moves to another line', () => {
    const moved = fullResult();
    for (const v of moved.verdicts) if (v.location) v.location = { ...v.location, startLine: v.location.startLine + 7 };
    const before = r.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]).sort();
    const after = run(moved)
      .results.map((x) => x.partialFingerprints[FINGERPRINT_KEY])
      .sort();
    expect(after).toEqual(before);
  });

  it('turns further places of the same finding into related locations', () => {
    const [tag] = byRule('test-mutable-tag');
    expect(tag!.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'k8s/deployment.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 31, startColumn: 18 },
        },
      },
    ]);
  });

  it('sets baselineState on every result when a baseline is given, and on none otherwise', () => {
    expect(r.results.every((x) => x.baselineState === 'new' || x.baselineState === 'unchanged')).toBe(true);
    expect(byRule('test-replicas')[0]!.baselineState).toBe('unchanged');
    expect(run(bareResult()).results.every((x) => x.baselineState === undefined)).toBe(true);
  });

  it('puts the most urgent results first', () => {
    const ranks = r.results.map((x) => ['P0', 'P1', 'P2'].indexOf(x.properties.priority as string));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('SARIF: where a finding without a position is shown', () => {
  const r = run(fullResult());
  const first = (id: string) => r.results.find((x) => x.ruleId === id)!;

  it('a live resource whose finding names its declaring manifest line: that line', () => {
    const live = fullResult();
    const v = live.verdicts.find((x) => x.ruleId === 'test-sql-backups')!;
    v.resource = { ...v.resource, file: 'opentofu/sql.tf' };
    v.location = { file: 'opentofu/sql.tf', startLine: 14, startColumn: 1 };
    const placed = run(live).results.find((x) => x.ruleId === 'test-sql-backups')!;
    expect(placed.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'opentofu/sql.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 14, startColumn: 1 },
    });
    expect(placed.properties.locationSource).toBe('finding');
  });

  it('a resource declared in a file: that file, line 1', () => {
    expect(first('test-kms-key').locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'opentofu/kms.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(first('test-kms-key').properties.locationSource).toBe('resource');
  });

  it('a live resource no file declares: the ADR line of its section', () => {
    expect(first('test-sql-backups').locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: ADR_FILE, uriBaseId: '%SRCROOT%' },
      region: { startLine: ADR_SECTIONS['Issue 10']! },
    });
    expect(first('test-sql-backups').properties.locationSource).toBe('adr');
  });

  it('a section the ADR does not have: the environment entry of the config file', () => {
    expect(first('test-runbook').locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'coditect-audit.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4 },
    });
    expect(first('test-runbook').properties.locationSource).toBe('config');
  });

  it('nowhere to point: left out, with a notification naming them', () => {
    const bare = run(bareResult());
    expect(bare.results.map((x) => x.ruleId)).not.toContain('test-sql-backups');
    expect(bare.results.map((x) => x.ruleId)).not.toContain('test-runbook');
    const note = bare.invocations[0].toolExecutionNotifications!.find(
      (n) => n.descriptor.id === 'coditect-audit/finding-without-location',
    )!;
    expect(note.level).toBe('warning');
    expect(note.message.text).toContain('2 findings left out');
    expect(note.message.text).toContain('test-sql-backups on gcp:sql/coditect-cloud-infra/coditect-db');
  });

  it('never writes an empty URI, and encodes what a URI reference cannot hold', () => {
    expect(pathToUri('')).toBeUndefined();
    expect(pathToUri('./')).toBeUndefined();
    expect(pathToUri('./k8s/deploy ment.yaml')).toBe('k8s/deploy%20ment.yaml');
    expect(pathToUri('c:d/100%#x')).toBe('c%3Ad/100%25%23x');
    expect(pathToUri('a\\b')).toBe('a/b');
  });
});

describe('SARIF: suppressions, errors, configuration notes', () => {
  it('leaves suppressed findings out by default and says so', () => {
    const r = run(fullResult());
    const suppressed = fullResult()
      .verdicts.filter((v) => v.suppression)
      .map((v) => v.fingerprint);
    expect(suppressed).toHaveLength(2);
    for (const fp of suppressed) expect(r.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY])).not.toContain(fp);
    const note = r.invocations[0].toolExecutionNotifications!.find(
      (n) => n.descriptor.id === 'coditect-audit/suppressed-left-out',
    );
    expect(note!.message.text).toContain('2 suppressed findings left out');
  });

  it('includes them on request, with SARIF suppressions (external for config, inSource for inline)', () => {
    const r = run(fullResult(), { includeSuppressed: true });
    const kinds = r.results
      .filter((x) => x.suppressions)
      .map((x) => [x.ruleId, x.suppressions![0]!.kind, x.suppressions![0]!.justification]);
    expect(kinds).toEqual([
      ['test-gcr-docs', 'inSource', 'history section, kept on purpose'],
      ['test-placeholder-secret', 'external', 'rotated by the platform team on deploy'],
    ]);
    expect(r.invocations[0].toolExecutionNotifications!.map((n) => n.descriptor.id)).not.toContain(
      'coditect-audit/suppressed-left-out',
    );
  });

  it('reports error verdicts as error notifications and marks the execution unsuccessful', () => {
    const r = run(fullResult());
    const inv = r.invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.exitCode).toBe(1);
    const errors = inv.toolExecutionNotifications!.filter((n) => n.level === 'error');
    expect(errors.map((n) => n.descriptor.id)).toEqual(['test-gcr-docs', 'test-logging', 'test-pinned-actions']);
    const yaml = errors.find((n) => n.descriptor.id === 'test-pinned-actions')!;
    expect(yaml.associatedRule).toEqual({
      id: 'test-pinned-actions',
      index: r.tool.driver.rules.findIndex((d) => d.id === 'test-pinned-actions'),
    });
    expect(yaml.locations![0]!.physicalLocation.region).toEqual({ startLine: 12, startColumn: 3 });
    expect(yaml.message.text).toContain('not valid YAML');
  });

  it('a clean scan is a successful execution with exit code 0 and no results', () => {
    const r = run(cleanResult());
    expect(r.invocations[0].executionSuccessful).toBe(true);
    expect(r.invocations[0].exitCode).toBe(0);
    expect(r.results).toEqual([]);
  });

  it('lists expired and unused suppressions as configuration notifications', () => {
    const notes = run(fullResult()).invocations[0].toolConfigurationNotifications!;
    expect(notes.map((n) => [n.level, n.descriptor.id])).toEqual([
      ['warning', 'coditect-audit/suppression-expired'],
      ['note', 'coditect-audit/suppression-unused'],
      ['note', 'coditect-audit/suppression-unused'],
    ]);
  });

  it('writes times only when the scan result has them', () => {
    expect(run(fullResult()).invocations[0].startTimeUtc).toBeUndefined();
    expect(run(bareResult()).invocations[0]).toMatchObject({
      startTimeUtc: '2026-01-15T09:30:00Z',
      endTimeUtc: '2026-01-15T09:30:04.250Z',
    });
  });
});

/** `n` failing findings of one rule, priorities cycling P2, P1, P0 so the cut must pick by priority. */
function manyFindings(n: number): ScanResult {
  const base = fullResult();
  const rule = base.rules.find((x) => x.id === 'test-root-deps')!;
  const priorities = ['P2', 'P1', 'P0'] as const;
  const verdicts: Verdict[] = Array.from({ length: n }, (_, i) => ({
    ruleId: rule.id,
    status: 'fail',
    priority: priorities[i % 3]!,
    concerns: rule.concerns,
    resource: {
      id: `Dockerfile.${i}#stage:runtime`,
      kind: 'DockerfileStage',
      name: 'runtime',
      file: `svc/${i}/Dockerfile`,
    },
    messageId: 'copied',
    message: `COPY puts /root/.local under /root in service ${i}.`,
    location: { file: `svc/${i}/Dockerfile`, startLine: 51, startColumn: 1 },
    evidence: [{ path: 'stage[1].COPY.destination', observed: '/root/.local', expected: 'a path outside /root' }],
    certainty: 'high',
    fingerprint: fingerprintOf(rule.id, `Dockerfile.${i}#stage:runtime`),
  }));
  return {
    ...base,
    rules: [rule],
    verdicts,
    suppressions: { unused: [], expired: [] },
    gate: evaluateGate(verdicts, 'P0', false),
    summary: summarize(verdicts),
  };
}

describe('SARIF: GitHub limits', () => {
  it('keeps 25,000 of 30,000 results, every P0 and P1 first, and says how many were left out', () => {
    const result = manyFindings(30_000);
    const text = toSarif(result);
    const r = JSON.parse(text).runs[0];
    expect(r.results).toHaveLength(SARIF_MAX_RESULTS);
    const kept = r.results.map((x: { properties: { priority: string } }) => x.properties.priority);
    expect(kept.filter((p: string) => p === 'P0')).toHaveLength(10_000);
    expect(kept.filter((p: string) => p === 'P1')).toHaveLength(10_000);
    expect(kept.filter((p: string) => p === 'P2')).toHaveLength(5_000);
    const note = r.invocations[0].toolExecutionNotifications.find(
      (n: { descriptor: { id: string } }) => n.descriptor.id === 'coditect-audit/results-truncated',
    );
    expect(note.message.text).toContain('5000 of 30000 results left out');
    expect(note.message.text).toContain('left out 5000 P2');
    expect(gzipSync(text).length).toBeLessThan(10_000_000);
    expect(sarifErrors(text)).toEqual([]);
  });

  it('shrinks to the gzip size budget, dropping the least urgent', () => {
    const result = manyFindings(3_000);
    const budget = 40_000;
    const text = toSarif(result, { maxGzipBytes: budget });
    expect(gzipSync(text).length).toBeLessThanOrEqual(budget);
    const r = JSON.parse(text).runs[0];
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.length).toBeLessThan(3_000);
    // Fits one more? Then the cut was not the largest that fits.
    const larger = buildSarif(result, { maxGzipBytes: Number.MAX_SAFE_INTEGER, maxResults: r.results.length + 1 });
    expect(gzipSync(`${JSON.stringify(larger, null, 2)}\n`).length).toBeGreaterThan(budget);
    const ranks = r.results.map((x: { properties: { priority: string } }) =>
      ['P0', 'P1', 'P2'].indexOf(x.properties.priority),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(
      r.invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id),
    ).toContain('coditect-audit/results-truncated');
  });

  it('streams the same text, a result at a time, with the same cut to the gzip budget', async () => {
    const joined = async (result: ScanResult, options: Parameters<typeof toSarif>[1] = {}) => {
      const pieces: string[] = [];
      for await (const piece of sarifChunks(result, options)) pieces.push(piece);
      return pieces;
    };
    const result = manyFindings(3_000);
    const budget = 40_000;
    const pieces = await joined(result, { maxGzipBytes: budget });
    const text = toSarif(result, { maxGzipBytes: budget });
    expect(pieces.join('')).toBe(text);
    // One piece per result kept, besides the log around them: the results are never one string.
    const kept = JSON.parse(text).runs[0].results.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3_000);
    expect(pieces).toHaveLength(kept + 2);
    for (const scenario of [fullResult(), bareResult(), cleanResult()])
      expect((await joined(scenario)).join('')).toBe(toSarif(scenario));
  });

  it('caps a rule at 20 tags', () => {
    const result = fullResult();
    result.rules[0] = { ...result.rules[0]!, concerns: Array.from({ length: 30 }, (_, i) => `area.concern-${i}`) };
    const d = run(result).tool.driver.rules.find((x) => x.id === result.rules[0]!.id)!;
    expect(d.properties.tags).toHaveLength(20);
    expect((d.properties.tags as string[])[0]).toBe('security');
  });
});
