/**
 * ADR-001 as data (concerns.ts) against the record itself: its sections are the ones the ADR's text has,
 * in its order; every concern names sections that exist; the pending order is the ADR's list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADR_001,
  ADR_001_PENDING_ORDER,
  CONCERNS,
  getAdr001Section,
  getConcern,
  indexAdrSections,
} from '../src/index.js';

const adrText = readFileSync(join(import.meta.dirname, '../../../docs/design/ADR-001-staging-deployment.txt'), 'utf8');

describe('ADR-001 as data', () => {
  it('lists exactly the sections the ADR text has, in the order it reads', () => {
    expect(ADR_001.sections.map((s) => s.key)).toEqual(Object.keys(indexAdrSections(adrText)));
  });

  it('every concern names one or more known sections', () => {
    for (const c of CONCERNS) {
      const parts = c.adrSection.split(',').map((s) => s.trim());
      expect(parts.length, c.key).toBeGreaterThan(0);
      for (const part of parts) expect(getAdr001Section(part), `${c.key}: ${part}`).toBeDefined();
    }
  });

  it('has unique concern keys, each found by getConcern', () => {
    expect(new Set(CONCERNS.map((c) => c.key)).size).toBe(CONCERNS.length);
    for (const c of CONCERNS) expect(getConcern(c.key)).toBe(c);
    expect(getConcern('no.such-concern')).toBeUndefined();
  });

  it('derives the pending order from the sections (what reporters sort pending items by)', () => {
    expect(ADR_001_PENDING_ORDER).toEqual([
      'Dockerfile Fix',
      'Redis Provisioning',
      'Update Secrets',
      'Rebuild Image',
      'Database Migrations',
      'Restart Deployment',
      'Smoke Tests',
    ]);
  });

  it.each([
    ['Decision 3', 'partial', 'In progress: Cloud SQL ready, Redis creating'],
    ['Pending: Smoke Tests', 'open', 'Pending'],
    ['Issue 6', 'open', 'Open issue · impact Critical'],
    ['Lesson 5', 'none', 'Lesson to apply'],
  ])('%s: the ADR marks it %s and says "%s"', (key, mark, says) => {
    expect(getAdr001Section(key)).toMatchObject({ mark, says });
  });
});
