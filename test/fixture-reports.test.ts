/**
 * Golden reports of the two ADR-001 fixture repositories, in every format, through the library entry
 * `scan()`. Each SARIF is validated against the official schema and each JUnit against the Jenkins XSD.
 * Regenerate after an intended change with UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTERS } from '@coditect-audit/reporters';
import { describe, expect, it } from 'vitest';
import { junitErrors, sarifErrors } from '../packages/reporters/test/validators.js';
import { scan } from '../packages/cli/src/scan.js';

const root = join(import.meta.dirname, '..');
const update = process.env.UPDATE_GOLDEN === '1';

for (const fixture of ['adr-001-staging', 'adr-001-remediated']) {
  describe(`reports of fixtures/${fixture}`, async () => {
    const result = await scan({ dir: join(root, 'fixtures', fixture), env: 'staging', today: '2026-11-26' });
    const outputs = {
      console: REPORTERS.console.render(result, { color: false }),
      sarif: REPORTERS.sarif.render(result, {}),
      junit: REPORTERS.junit.render(result, {}),
      markdown: REPORTERS.markdown.render(result, {}),
      json: REPORTERS.json.render(result, {}),
      html: REPORTERS.html.render(result, {}),
    };

    for (const [format, text] of Object.entries(outputs)) {
      it(`${format} matches its golden file`, () => {
        const file = join(
          root,
          'test/__golden__',
          fixture,
          REPORTERS[format as keyof typeof REPORTERS].fileName ?? 'console.txt',
        );
        if (update || !existsSync(file)) {
          mkdirSync(join(file, '..'), { recursive: true });
          writeFileSync(file, text);
        }
        expect(text).toBe(readFileSync(file, 'utf8'));
      });
    }

    it('SARIF is valid against the official 2.1.0 schema, with a location for every result', () => {
      expect(sarifErrors(outputs.sarif)).toEqual([]);
      const sarif = JSON.parse(outputs.sarif) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      for (const r of sarif.runs[0]!.results)
        expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe('');
      expect(sarif.runs[0]!.results.length).toBe(
        result.verdicts.filter((v) => (v.status === 'fail' || v.status === 'unknown') && !v.suppression).length,
      );
    });

    it('JUnit is valid against the Jenkins junit-10 XSD', async () => {
      expect(await junitErrors([outputs.junit])).toEqual([]);
    });

    it('the same scan renders byte-identical reports', async () => {
      const again = await scan({ dir: join(root, 'fixtures', fixture), env: 'staging', today: '2026-11-26' });
      expect(REPORTERS.sarif.render(again, {})).toBe(outputs.sarif);
      expect(REPORTERS.markdown.render(again, {})).toBe(outputs.markdown);
      expect(REPORTERS.junit.render(again, {})).toBe(outputs.junit);
    });
  });
}
