/**
 * Checks that could not be decided (`unknown`) and findings on assumed ADR-001 names (no config) in
 * every report: a "could not decide" list naming each input, never counted as failing unless strict; and
 * the first line of every report says which ADR names were assumed.
 */
import { evaluateGate, type ScanResult } from '@coditect-audit/core';
import { describe, expect, it } from 'vitest';
import { REPORTER_NAMES, REPORTERS } from '../src/index.js';
import { bareResult, cleanResult, fullResult } from './scenario.js';

/** The same scan gated strictly at P2 (the undecided check is P2); the gate marks its own copy of the verdicts. */
function strict(result: ScanResult): ScanResult {
  const verdicts = result.verdicts.map((v) => ({ ...v }));
  return { ...result, verdicts, gate: evaluateGate(verdicts, 'P2', result.gate.allowIncomplete, { strict: true }) };
}

const render = (name: (typeof REPORTER_NAMES)[number], r: ScanResult) =>
  REPORTERS[name].render(r, { color: false, width: 1000 });

describe('could not decide', () => {
  const full = fullResult();
  const undecided = full.verdicts.filter((v) => v.status === 'unknown');

  it('the scenario has an undecided check that does not gate', () => {
    expect(undecided.map((v) => [v.ruleId, v.dependsOn])).toEqual([
      ['test-sql-availability', ['var.availability_type']],
    ]);
    expect(full.summary.byStatus.unknown).toBe(1);
    expect(full.gate.strict).toBe(false);
  });

  it('every report lists it with the input it depends on', () => {
    for (const name of REPORTER_NAMES) {
      const text = render(name, full);
      expect(text, name).toContain('var.availability_type');
      expect(text, name).toContain('test-sql-availability');
    }
    expect(render('console', full)).toMatch(/^Could not decide · 1 \(does not gate; --strict makes it\)$/m);
    expect(render('markdown', full)).toContain('## Could not decide');
    expect(render('html', full)).toContain('<h2 id="undecided-h">Could not decide (1)</h2>');
  });

  it('JUnit: a skipped testcase with the reason; a failure once strict', () => {
    const junit = render('junit', full);
    expect(junit).toContain('<skipped message="could not decide (depends on var.availability_type)');
    const strictJunit = render('junit', strict(full));
    expect(strictJunit).toContain('<failure message="could not decide (strict)');
  });

  it('SARIF: a note result naming its inputs (a warning once strict), never an error', () => {
    const result = (r: ScanResult) =>
      JSON.parse(render('sarif', r)).runs[0].results.find(
        (x: { ruleId: string }) => x.ruleId === 'test-sql-availability',
      );
    expect(result(full)).toMatchObject({
      level: 'note',
      properties: { undecided: true, dependsOn: ['var.availability_type'] },
    });
    expect(result(strict(full)).level).toBe('warning');
  });

  it('is never in the failing counts unless strict', () => {
    const console = render('console', full);
    expect(console).toContain('1 undecided');
    expect(console).not.toMatch(/✖ .*var\.availability_type/);
    const md = render('markdown', full);
    const fixFirst = md.slice(md.indexOf('## Fix first'), md.indexOf('\n## ', md.indexOf('## Fix first') + 1));
    expect(fixFirst).not.toContain('test-sql-availability');
    const strictMd = render('markdown', strict(full));
    const strictFix = strictMd.slice(
      strictMd.indexOf('## Fix first'),
      strictMd.indexOf('\n## ', strictMd.indexOf('## Fix first') + 1),
    );
    expect(strictFix).toContain('test-sql-availability');
  });
});

describe('no config: ADR-001 names assumed', () => {
  const bare = bareResult();

  it('the result says which names were assumed', () => {
    expect(bare.assumptions?.names).toContain('project coditect-cloud-infra');
    expect(bare.assumptions?.banner).toMatch(/^No coditect-audit\.yaml: judged against ADR-001's assumed names/);
  });

  it('the first line of every human report is the banner (JUnit: right after the XML declaration)', () => {
    const banner = bare.assumptions!.banner;
    expect(render('console', bare).split('\n')[0]).toBe(banner);
    expect(render('markdown', bare).split('\n')[0]).toContain("No coditect-audit.yaml: judged against ADR-001's");
    expect(render('html', bare)).toMatch(/<body>\n<p class="assumed" role="note">No coditect-audit\.yaml/);
    expect(render('junit', bare).split('\n')[1]).toMatch(/^<!-- No coditect-audit\.yaml/);
    const sarif = JSON.parse(render('sarif', bare));
    expect(sarif.runs[0].invocations[0].toolConfigurationNotifications[0]).toMatchObject({
      level: 'warning',
      descriptor: { id: 'coditect-audit/adr-names-assumed' },
    });
    expect(JSON.parse(render('json', bare)).assumptions.banner).toBe(banner);
  });

  it('a finding on an assumed name is reported but does not gate', () => {
    const kms = bare.verdicts.find((v) => v.ruleId === 'test-kms-key')!;
    expect(kms).toMatchObject({ status: 'fail' });
    expect(kms.assumed).toContain('KMS key name license-signing-key');
    expect(render('console', bare)).toContain('[ADR-001 name assumed: does not gate]');
    const sarif = JSON.parse(render('sarif', bare));
    const r = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'test-kms-key');
    expect(r.level).toBe('warning');
    // The same finding with a config gates as before.
    const withConfig = fullResult().verdicts.find((v) => v.ruleId === 'test-kms-key')!;
    expect(withConfig.assumed).toBeUndefined();
  });

  it('with a config, no report carries the banner', () => {
    for (const name of REPORTER_NAMES)
      expect(render(name, cleanResult()), name).not.toContain('No coditect-audit.yaml');
  });
});
