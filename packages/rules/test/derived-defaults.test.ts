/**
 * With a config that names another project and region, nothing a report shows falls back to ADR-001's
 * project or region: not the expectations' derived defaults (image path, registry host, KMS signer), not a
 * rule's remediation commands, not a message.
 */
import { fillRemediation, personalizeRemediation, resolveExpectations } from '@coditect-audit/core';
import { builtinRules } from '@coditect-audit/rules';
import { describe, expect, it } from 'vitest';
import type { RuleCases } from '../src/cases.js';
import { runCase } from './harness.js';

const named = { project: 'acme-prod-42', region: 'europe-west1' };
const expectations = resolveExpectations(named);

describe('a config that names its project and region', () => {
  it('derives the image path, registry host and KMS signer from them', () => {
    expect(expectations.app.image.startsWith('europe-west1-docker.pkg.dev/acme-prod-42/')).toBe(true);
    expect(expectations.registry.host).toBe('europe-west1-docker.pkg.dev');
    expect(expectations.kms.signer).toBe('serviceAccount:coditect-cloud-backend@acme-prod-42.iam.gserviceaccount.com');
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))(
    '%s: remediation names the configured project and region',
    (_id, rule) => {
      const text = JSON.stringify(personalizeRemediation(rule.remediation, expectations));
      expect(text).not.toContain('coditect-cloud-infra');
      expect(text).not.toContain('us-central1');
    },
  );

  it('with ADR-001 own expectations only fills the templates, and leaves no placeholder', () => {
    const adr = resolveExpectations(undefined);
    for (const rule of builtinRules) {
      const personal = personalizeRemediation(rule.remediation, adr);
      expect(personal).toEqual(fillRemediation(rule.remediation, adr));
      expect(JSON.stringify(personal), rule.id).not.toMatch(/(?<!\$)\{\{\s*[a-zA-Z.]+\s*\}\}/);
    }
  });

  const caseModules = import.meta.glob<{ default: RuleCases }>('../src/*/*.cases.ts', { eager: true });
  it('no rule message falls back to ADR-001 project on any of its cases', () => {
    const leaks: string[] = [];
    for (const [path, mod] of Object.entries(caseModules)) {
      const id = path
        .split('/')
        .pop()!
        .replace(/\.cases\.ts$/, '');
      const rule = builtinRules.find((r) => r.id === id);
      if (!rule) continue;
      for (const c of [...mod.default.pass, ...mod.default.fail]) {
        // Cases whose own files or data name ADR-001's project are allowed to quote it back.
        if (JSON.stringify(c).includes('coditect-cloud-infra') || c.expectations) continue;
        for (const v of runCase(rule, { ...c, expectations: named }))
          if (v.message.includes('coditect-cloud-infra')) leaks.push(`${id} (${c.name}): ${v.message}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
