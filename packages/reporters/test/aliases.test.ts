/**
 * A verdict of a rule judged per source carries the old per-layer id its source continues (`alias`). Every
 * report shows it where a reader looks for the rule; SARIF keeps it in the rule's `deprecatedIds` only.
 */
import { describe, expect, it } from 'vitest';
import { failsGate, REPORTERS } from '../src/index.js';
import { fullResult } from './scenario.js';

function withAlias() {
  const result = fullResult();
  const v = result.verdicts.find(failsGate)!;
  v.alias = 'old-per-layer-id';
  return { result, v };
}

describe('aliases in reports', () => {
  it('console, markdown, HTML, JUnit and JSON name the old id beside the rule id', () => {
    const { result, v } = withAlias();
    expect(REPORTERS.console.render(result, { color: false, width: 1000 })).toContain(
      `${v.ruleId} (formerly old-per-layer-id)`,
    );
    const md = REPORTERS.markdown.render(result, {});
    expect(md).toMatch(new RegExp(`#### .*\\(\`${v.ruleId.replace(/\./g, '\\.')}\`, formerly \`old-per-layer-id\`\\)`));
    expect(md).toContain('(formerly `old-per-layer-id`)');
    expect(REPORTERS.html.render(result, {})).toContain('formerly <code>old-per-layer-id</code>');
    const junit = REPORTERS.junit.render(result, {});
    expect(junit).toContain(`<property name="${v.ruleId}.formerly" value="old-per-layer-id"/>`);
    expect(junit).toContain(`Rule: ${v.ruleId} (formerly old-per-layer-id)`);
    const json = JSON.parse(REPORTERS.json.render(result, {}));
    expect(json.verdicts.find((x: { fingerprint: string }) => x.fingerprint === v.fingerprint).alias).toBe(
      'old-per-layer-id',
    );
  });

  it('SARIF does not change: the old id is the rule’s deprecatedIds, not a result field', () => {
    const { result } = withAlias();
    const without = fullResult();
    expect(REPORTERS.sarif.render(result, {})).toBe(REPORTERS.sarif.render(without, {}));
  });
});
