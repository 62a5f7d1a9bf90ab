/**
 * defineViewRule's validation and the remediation templates (issue #18). The engine's per-source evaluation
 * over real rules is in test/rules-over-views.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  defineRule,
  defineViewRule,
  evaluationUnits,
  fillRemediation,
  judgeDrift,
  personalizeRemediation,
  resolveExpectations,
  RuleDefinitionError,
} from '../src/index.js';
import { SQL_INSTANCE_SOURCES, VIEWS } from '../src/views/index.js';

const base = {
  id: 'sql.example',
  title: 'An example',
  concerns: ['sql.ssl-not-enforced'],
  description: 'd',
  rationale: 'r',
  remediation: {
    text: 'fix {{database.instance}}',
    commands: ['gcloud sql instances patch {{database.instance}} --project={{project}}'],
  },
  messages: { ok: 'ok' },
  check: () => {},
};

describe('defineViewRule', () => {
  it('derives layer, facets and aliases from its sources, one evaluation unit each', () => {
    const rule = defineViewRule({
      ...base,
      view: 'sql-instance',
      sources: {
        tf: { alias: 'tf-example' },
        gcp: { alias: 'gcp-example', facets: ['gcp.sql-backup-runs'] },
        drift: {},
      },
    });
    expect(rule.layer).toBe('files');
    expect(rule.aliases).toEqual(['tf-example', 'gcp-example']);
    expect(rule.facets).toEqual(['files.terraform', 'gcp.sql', 'gcp.sql-backup-runs']);
    const units = evaluationUnits(rule);
    expect(units.map((u) => [u.source?.name, u.unit.id, u.unit.layer, u.unit.facets])).toEqual([
      ['tf', 'tf-example', 'files', ['files.terraform']],
      ['gcp', 'gcp-example', 'gcp', ['gcp.sql', 'gcp.sql-backup-runs']],
      ['drift', 'sql.example/drift', 'gcp', ['gcp.sql', 'files.terraform']],
    ]);
  });

  it('rejects a source the view does not have, a facet the source does not read, no source at all', () => {
    expect(() => defineViewRule({ ...base, view: 'sql-instance', sources: { k8s: {} } as never })).toThrow(
      /view "sql-instance" has no source "k8s"/,
    );
    expect(() => defineViewRule({ ...base, view: 'sql-instance', sources: { tf: { facets: ['gcp.redis'] } } })).toThrow(
      /source "tf" of view "sql-instance" does not read facet "gcp.redis"/,
    );
    expect(() => defineViewRule({ ...base, view: 'sql-instance', sources: {} })).toThrow(RuleDefinitionError);
  });

  it('a drift comparison needs the drift source and messages the rule defines', () => {
    const drift = {
      holds: () => true,
      messages: { consistent: 'ok', liveWeaker: 'ok', liveStricter: 'ok' },
      data: () => ({}),
      evidence: () => [],
    } as const;
    expect(() => defineViewRule({ ...base, view: 'sql-instance', sources: { tf: {} }, drift })).toThrow(
      /"drift" is given but "sources" does not list drift/,
    );
    expect(() =>
      defineViewRule({
        ...base,
        view: 'sql-instance',
        sources: { tf: {}, drift: {} },
        drift: { ...drift, messages: { ...drift.messages, liveStricter: 'missing' as 'ok' } },
      }),
    ).toThrow(/drift message "missing" is not in "messages"/);
  });

  it('judgeDrift: agreeing sides pass, differing sides fail at the live resource, an undecided side is skipped', () => {
    const at = (path: string) => ({ path, startLine: 1 });
    const view = (name: string, holds: boolean | undefined, declared: boolean) => ({
      resource: { kind: 'sql', name },
      ...(declared ? { location: at(`${name}.tf`) } : {}),
      holds,
    });
    const reports: [string, unknown][] = [];
    judgeDrift(
      {
        pairs: [
          { declared: view('a', true, true), live: view('a', true, false) },
          { declared: view('b', true, true), live: view('b', false, false) },
          { declared: view('c', false, true), live: view('c', true, false) },
          { declared: view('d', undefined, true), live: view('d', false, false) },
        ],
        pass: (r) => reports.push(['pass', r]),
        fail: (r) => reports.push(['fail', r]),
      },
      {
        holds: (v) => v.holds,
        messages: { consistent: 'same', liveWeaker: 'weaker', liveStricter: 'stricter' },
        data: (d, l) => ({ declared: d.resource.name, live: l.resource.name }),
        evidence: () => [],
      },
    );
    expect(
      reports.map(([kind, r]) => {
        const report = r as { messageId: string; resource: { name: string }; relatedLocations?: unknown };
        return [kind, report.messageId, report.resource.name, report.relatedLocations];
      }),
    ).toEqual([
      ['pass', 'same', 'a', undefined],
      ['fail', 'weaker', 'b', [at('b.tf')]],
      ['fail', 'stricter', 'c', [at('c.tf')]],
    ]);
  });

  it('a view kind whose module declares its sources is that table: a further facet is checked against it', () => {
    expect(VIEWS['sql-instance']).toBe(SQL_INSTANCE_SOURCES);
    const rule = defineViewRule({
      ...base,
      view: 'sql-instance',
      sources: { gcp: { facets: [...SQL_INSTANCE_SOURCES.gcp.optionalFacets] } },
    });
    expect(rule.facets).toEqual([...SQL_INSTANCE_SOURCES.gcp.facets, ...SQL_INSTANCE_SOURCES.gcp.optionalFacets]);
  });

  it('a rule id may be family.concern, not more', () => {
    expect(() => defineViewRule({ ...base, id: 'sql.a.b', view: 'sql-instance', sources: { tf: {} } })).toThrow(
      /kebab-case/,
    );
  });
});

describe('remediation templates', () => {
  it('are filled from the expectations; ADR-001 values without a config', () => {
    const adr = fillRemediation(base.remediation, resolveExpectations(undefined));
    expect(adr.commands).toEqual(['gcloud sql instances patch coditect-db --project=coditect-cloud-infra']);
    const other = personalizeRemediation(
      base.remediation,
      resolveExpectations({ project: 'acme-prod', database: { instance: 'acme-db' } }),
    );
    expect(other.text).toBe('fix acme-db');
    expect(other.commands).toEqual(['gcloud sql instances patch acme-db --project=acme-prod']);
  });

  it('an unknown placeholder is a definition error; a workflow expression is not a placeholder', () => {
    expect(() =>
      defineRule({
        ...base,
        layer: 'files',
        facets: ['files.terraform'],
        remediation: { text: 'x {{databse.instance}}' },
      }),
    ).toThrow(/\{\{databse.instance\}\}/);
    const rule = defineRule({
      ...base,
      layer: 'files',
      facets: ['files.terraform'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub workflow expression, which templates leave alone
      remediation: { text: 'x', commands: ['docker build -t img:${{ github.sha }} .'] },
    });
    expect(fillRemediation(rule.remediation, resolveExpectations(undefined)).commands).toEqual([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub workflow expression, which templates leave alone
      'docker build -t img:${{ github.sha }} .',
    ]);
  });
});
