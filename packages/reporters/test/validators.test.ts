/** The validators must reject what the consumers reject, or the schema tests prove nothing. */
import { describe, expect, it } from 'vitest';
import { toSarif } from '../src/sarif.js';
import { fullResult } from './scenario.js';
import { junitErrors, sarifErrors } from './validators.js';

const MINIMAL_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="n" tests="1" failures="0" errors="0" time="0">
  <testsuite name="s" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase name="c" classname="k" time="0"/>
  </testsuite>
</testsuites>
`;

describe('validators', () => {
  it('the SARIF schema rejects a 0 line, a URI that is not a URI reference, an unknown level', () => {
    const log = JSON.parse(toSarif(fullResult()));
    const result = log.runs[0].results[0];
    result.locations[0].physicalLocation.region.startLine = 0;
    result.locations[0].physicalLocation.artifactLocation.uri = 'has space';
    result.level = 'critical';
    const errors = sarifErrors(JSON.stringify(log));
    expect(errors.some((e) => e.includes('/region/startLine'))).toBe(true);
    expect(errors.some((e) => e.includes('uri-reference'))).toBe(true);
    expect(errors.some((e) => e.includes('/level'))).toBe(true);
  });

  it('the JUnit XSD accepts the minimal document and rejects each departure from it', async () => {
    expect(await junitErrors([MINIMAL_JUNIT])).toEqual([]);
    const nameless = MINIMAL_JUNIT.replace('<testcase name="c"', '<testcase');
    const withFile = MINIMAL_JUNIT.replace('<testcase ', '<testcase file="Dockerfile" ');
    const badTime = MINIMAL_JUNIT.replace('skipped="0" time="0"', 'skipped="0" time="abc"');
    for (const doc of [nameless, withFile, badTime]) expect(await junitErrors([doc])).not.toEqual([]);
  });
});
