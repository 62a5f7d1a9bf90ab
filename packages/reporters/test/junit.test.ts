import { allVerdicts, passVerdict } from '@coditect-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripIllegalXml, toJUnit } from '../src/junit.js';
import { scanResult, SEED } from './arbitrary.js';
import { bareResult, cleanResult, fullResult, HOSTILE_IMAGE } from './scenario.js';
import { junitErrors } from './validators.js';

/** The testcases of a JUnit document: classname, name and the outcome element, if any. */
function cases(xml: string): { classname: string; name: string; outcome: string }[] {
  const out = [];
  for (const m of xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)" time="0"(\/>|>\n\s*<(\w+))/g)) {
    out.push({ name: m[1]!, classname: m[2]!, outcome: m[4] ?? 'pass' });
  }
  return out;
}

function suites(xml: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of xml.matchAll(/<testsuite ([^>]*)>/g)) {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    out[attrs.name!] = attrs;
  }
  return out;
}

describe('JUnit: valid against junit-10.xsd', () => {
  it('every scenario', async () => {
    expect(await junitErrors([toJUnit(fullResult()), toJUnit(cleanResult()), toJUnit(bareResult())])).toEqual([]);
  });

  it('random scan results (property-based, fixed seed)', async () => {
    const samples = fc.sample(scanResult, { seed: SEED, numRuns: 200 });
    const documents = samples.map((r) => toJUnit(r));
    expect(await junitErrors(documents)).toEqual([]);
    for (const [i, xml] of documents.entries()) {
      const found = cases(xml);
      expect(found).toHaveLength(samples[i]!.verdicts.length);
      const keys = found.map((c) => `${c.classname}\u0000${c.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('a scan with no verdicts', async () => {
    const { passes: _passes, ...clean } = cleanResult();
    const empty = { ...clean, verdicts: [], rules: [] };
    const xml = toJUnit(empty);
    expect(xml).toContain('<testsuites name="coditect-audit staging" tests="0" failures="0" errors="0" time="0">');
    expect(await junitErrors([xml])).toEqual([]);
  });
});

describe('JUnit: structure', () => {
  const result = fullResult();
  const xml = toJUnit(result);

  it('has a suite per area (first concern prefix) with its totals', () => {
    const s = suites(xml);
    expect(Object.keys(s)).toEqual([
      'backup',
      'cicd',
      'container',
      'iac',
      'image',
      'k8s',
      'kms',
      'network',
      'observability',
      'ops',
      'registry',
      'sql',
    ]);
    // The undecided check is a skipped testcase, not a failure.
    expect(s.sql).toMatchObject({ tests: '1', failures: '0', errors: '0', skipped: '1' });
    expect(s.k8s).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '2', time: '0' });
    expect(s.registry).toMatchObject({ tests: '3', failures: '1', errors: '1', skipped: '1' });
    expect(xml).toContain(
      `<testsuites name="coditect-audit staging" tests="${[...allVerdicts(result)].length}" failures="8" errors="3" time="0">`,
    );
  });

  it('has a testcase per rule × resource, unique by (classname, name), with time on each', () => {
    const found = cases(xml);
    expect(found).toHaveLength([...allVerdicts(result)].length);
    expect(new Set(found.map((c) => `${c.classname}\u0000${c.name}`)).size).toBe(found.length);
    expect(found).toContainEqual({
      classname: 'test-root-deps',
      name: 'Dockerfile#stage:runtime (Dockerfile:51:1)',
      outcome: 'failure',
    });
    expect(found).toContainEqual({
      classname: 'test-root-deps',
      name: 'worker/Dockerfile#stage:runtime (worker/Dockerfile:48)',
      outcome: 'pass',
    });
    expect(found).toContainEqual({
      classname: 'test-kms-key',
      name: 'gcp:kms/license-signing-key (opentofu/kms.tf)',
      outcome: 'failure',
    });
    expect(found).toContainEqual({
      classname: 'test-sql-backups',
      name: 'gcp:sql/coditect-cloud-infra/coditect-db',
      outcome: 'failure',
    });
  });

  it('disambiguates two verdicts that would share a name', () => {
    const twice = fullResult();
    const v = twice.verdicts.find((x) => x.ruleId === 'test-sql-backups')!;
    twice.verdicts.push({ ...v, fingerprint: 'ffffffffffffffffffffffffffffffff', message: 'second' });
    const names = cases(toJUnit(twice))
      .filter((c) => c.classname === 'test-sql-backups')
      .map((c) => c.name);
    expect(names).toEqual([
      'gcp:sql/coditect-cloud-infra/coditect-db',
      'gcp:sql/coditect-cloud-infra/coditect-db [ffffffffffff]',
    ]);
  });

  it('disambiguates two compact passes of one resource by the fingerprints their verdicts have', () => {
    const resource = { id: 'k8s:Pod/prod/api', kind: 'Pod', name: 'api' };
    const result = {
      ...bareResult(),
      passes: [
        {
          ruleId: 'test-pass-twice',
          priority: 'P2' as const,
          concerns: ['container.twice'],
          title: 'Twice',
          messages: {},
          passes: [
            { resource, discriminator: 'b' },
            { resource, discriminator: 'a' },
          ],
        },
      ],
    };
    const [first, second] = [...allVerdicts(result)]
      .filter((v) => v.ruleId === 'test-pass-twice')
      .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    const listed = cases(toJUnit(result)).filter((c) => c.classname === 'test-pass-twice');
    expect(listed).toEqual([
      { classname: 'test-pass-twice', name: 'k8s:Pod/prod/api', outcome: 'pass' },
      { classname: 'test-pass-twice', name: `k8s:Pod/prod/api [${second!.fingerprint.slice(0, 12)}]`, outcome: 'pass' },
    ]);
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });

  it('disambiguates two compact passes that the order does not tie but that share a name', () => {
    // Lines without a file: apart in the order, one name (the resource id) in the report.
    const resource = { id: 'k8s:Pod/prod/web', kind: 'Pod', name: 'web' };
    const set = {
      ruleId: 'test-pass-lines',
      priority: 'P2' as const,
      concerns: ['container.lines'],
      title: 'Lines',
      messages: {},
      passes: [
        { resource, discriminator: 'five', location: { file: '', startLine: 5 } },
        { resource, discriminator: 'three', location: { file: '', startLine: 3 } },
      ],
    };
    const result = { ...bareResult(), passes: [set] };
    const later = passVerdict(set, set.passes[0]!);
    const listed = cases(toJUnit(result)).filter((c) => c.classname === 'test-pass-lines');
    expect(listed).toEqual([
      { classname: 'test-pass-lines', name: 'k8s:Pod/prod/web', outcome: 'pass' },
      { classname: 'test-pass-lines', name: `k8s:Pod/prod/web [${later.fingerprint.slice(0, 12)}]`, outcome: 'pass' },
    ]);
  });

  it('writes failure with the priority as type and a body with rule, ADR section, concerns, evidence, remediation', () => {
    const failure =
      /<failure message="COPY puts \/root\/.local under \/root but the final USER is django." type="P0">([^<]*)<\/failure>/.exec(
        xml,
      );
    expect(failure).not.toBeNull();
    const body = failure![1]!;
    expect(body).toContain('Rule: test-root-deps (Dependencies under /root while running as non-root)');
    expect(body).toContain('ADR section: Decision 4');
    expect(body).toContain('Concerns: container.unreadable-dependencies');
    expect(body).toContain('  - stage[1].COPY.destination: /root/.local (expected a path outside /root)');
    expect(body).toContain('Remediation: Copy dependencies');
    expect(body).toContain('    COPY --from=builder /root/.local /home/django/.local');
  });

  it('writes error for a check that could not run, typed by its reason', () => {
    expect(xml).toMatch(
      /<error message="Could not check: not valid YAML: bad indentation of a mapping entry\." type="collection-failed">[^<]*Fix: fix the indentation at that line/,
    );
    expect(xml).toMatch(
      /<error message="The rule failed while checking: cannot read properties of undefined \(reading &quot;logging_config&quot;\)." type="rule-crashed">/,
    );
  });

  it('writes skipped for skips, suppressed findings (reason, expiry) and findings unchanged since the baseline', () => {
    expect(xml).toContain('<skipped message="Not applicable: no Service is declared in the repository"/>');
    expect(xml).toContain(
      '<skipped message="suppressed (config, coditect-audit.yaml#suppressions[0]): rotated by the platform team on deploy; expires 2026-06-30">',
    );
    expect(xml).toContain(
      '<skipped message="suppressed (inline, docs/deploy.md:4): history section, kept on purpose">',
    );
    expect(xml).toContain(
      '<skipped message="unchanged since baseline .coditect-audit-baseline.json: Deployment coditect-backend runs 1 replica; at least 2 are expected.">',
    );
  });

  it('puts tool, environment, gate and each rule’s concerns and ADR section in the suite properties', () => {
    expect(xml).toContain('<property name="tool" value="coditect-audit 0.1.0"/>');
    expect(xml).toContain('<property name="environment" value="staging"/>');
    expect(xml).toContain('<property name="gate" value="failed (fail-on P0, exit code 1)"/>');
    expect(xml).toContain('<property name="test-root-deps.concerns" value="container.unreadable-dependencies"/>');
    expect(xml).toContain('<property name="test-root-deps.adrSection" value="Decision 4"/>');
  });

  it('adds timestamps only when the scan result has them', () => {
    expect(xml).not.toContain('timestamp=');
    expect(toJUnit(bareResult())).toContain('timestamp="2026-01-15T09:30:00Z"');
  });
});

describe('JUnit: escaping', () => {
  it('escapes markup, strips what XML 1.0 cannot hold, and never leaves a literal ]]>', () => {
    const xml = toJUnit(fullResult());
    expect(xml).not.toContain(']]>');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for characters XML 1.0 forbids
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('evil]]&gt;&lt;x a=&quot;1&quot;&gt;&amp;amp;');
    expect(HOSTILE_IMAGE).toContain('\u001b');
  });

  it('escapes text and attributes', () => {
    expect(escapeXmlText('a ]]> b <c> & d\r')).toBe('a ]]&gt; b &lt;c&gt; &amp; d&#13;');
    expect(escapeXmlAttribute('say "hi"\n\tthere')).toBe('say &quot;hi&quot;&#10;&#9;there');
    expect(stripIllegalXml('a\u0000b\u0008c\uD800d\uFFFEe\u{1F680}f\tg')).toBe('abcde\u{1F680}f\tg');
  });
});
