import { describe, expect, it } from 'vitest';
import { assertUniqueIds, DOCS_BASE_URL, defineRule, RuleDefinitionError } from '../src/index.js';
import { rootRule } from './helpers.js';

describe('defineRule', () => {
  it('derives the docs URL, priority and ADR section from the concern', () => {
    expect(rootRule.docsUrl).toBe(`${DOCS_BASE_URL}test-root-user.md`);
    expect(rootRule.priority).toEqual({ default: 'P0' });
    expect(rootRule.adrSection).toBe('Decision 4, Lesson 4');
  });

  it('takes per-environment priorities from the catalog (backup.sql-automated is P1 → P0)', () => {
    const r = defineRule({ ...rootRule, concerns: ['backup.sql-automated'], priority: undefined });
    expect(r.priority).toEqual({ default: 'P1', environments: { production: 'P0' } });
  });

  it.each([
    [{ id: 'Bad_Id' }, 'kebab-case'],
    [{ concerns: [] }, 'concerns'],
    [{ layer: 'cloud' }, 'layer'],
    [{ facets: ['gcp.no-such-api'] }, 'unknown facet'],
    [{ messages: {} }, 'messages'],
    [{ remediation: { text: '' } }, 'remediation'],
    [{ priority: 'P9' }, 'priority'],
    [{ concerns: ['not.in.catalog'], priority: undefined, adrSection: undefined }, 'not in the catalog'],
  ])('rejects %j', (patch, msg) => {
    expect(() => defineRule({ ...rootRule, ...(patch as object) } as never)).toThrow(RuleDefinitionError);
    expect(() => defineRule({ ...rootRule, ...(patch as object) } as never)).toThrow(msg);
  });

  it('accepts a plugin concern outside the catalog when it names its ADR section and priority', () => {
    const r = defineRule({ ...rootRule, concerns: ['acme.thing'], priority: 'P1', adrSection: 'ADR-007 Decision 2' });
    expect(r.adrSection).toBe('ADR-007 Decision 2');
  });

  it('rejects duplicate ids and aliases', () => {
    const a = defineRule({ ...rootRule, id: 'one', aliases: ['uno'] });
    const b = defineRule({ ...rootRule, id: 'two', aliases: ['uno'] });
    expect(() => assertUniqueIds([a, b])).toThrow('"uno"');
    expect(() => assertUniqueIds([a, a])).toThrow('clashes');
  });
});
