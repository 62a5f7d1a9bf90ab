/**
 * `RuleTester`: a rule against its table of cases, as the built-in rules are tested (issue #18). A case gives
 * repository files (collected by the real files collector) and/or facet data of the live layers; a rule
 * judged per source (`defineViewRule`) sees only the layers a case gives, so one table covers every source.
 *
 * - a pass case must produce at least one pass and no fail or error (an `unknown` beside it is allowed);
 * - a fail case must produce exactly the fail and unknown verdicts it lists, at their exact file, line (and
 *   column when given), with their source when given, and no error.
 *
 *   import { RuleTester } from 'coditect-audit';
 *   new RuleTester().run(myRule, myCases);   // inside vitest / jest / node:test (global describe and it)
 */
import { collectFilesFromMemory, withParsedFacets } from '@coditect-audit/collectors';
import { FACET_NAMES, layerOfFacet, resolveExpectations, runRules, SNAPSHOT_SCHEMA_VERSION, } from '@coditect-audit/core';
/** Runs one rule alone on a case and returns its verdicts. */
export function runRuleCase(rule, c) {
    const facets = {};
    if (c.files)
        Object.assign(facets, collectFilesFromMemory(c.files));
    for (const [name, data] of Object.entries(c.facets ?? {}))
        facets[name] = { status: 'ok', data, problems: [] };
    for (const name of c.absentFacets ?? [])
        facets[name] = {
            status: 'absent',
            reason: `${name} is not installed in this cluster`,
        };
    // The layers the case shows: the rule's own, or (a rule judged per source) those of the facets it gives.
    const layers = new Set(rule.sources ? Object.keys(facets).map((n) => layerOfFacet(n)) : [rule.layer]);
    // Facets of those layers that the case does not mention are collected-and-empty, not absent.
    for (const name of FACET_NAMES) {
        const layer = layerOfFacet(name);
        const shown = layer === 'files' ? layers.has('files') : !rule.sources && layers.has(layer);
        if (!facets[name] && rule.facets.includes(name) && shown)
            facets[name] = { status: 'ok', data: { files: [] }, problems: [] };
    }
    const snapshot = {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        tool: { name: 'coditect-audit', version: 'test' },
        environment: c.environment ?? 'staging',
        root: '.',
        layers: Object.fromEntries([...layers].map((l) => [l, { status: 'collected' }])),
        // Facets a case writes by hand get what the collectors parse (commands, image references), as collected ones have.
        facets: withParsedFacets(facets),
    };
    return runRules(snapshot, [rule], {
        environment: c.environment ?? 'staging',
        expectations: resolveExpectations(c.expectations),
        ...(c.now ? { now: c.now } : {}),
    });
}
/** What is wrong with a pass case's verdicts (empty: it holds). */
export function passCaseProblems(verdicts) {
    const bad = verdicts
        .filter((v) => v.status === 'fail' || v.status === 'error')
        .map((v) => `unexpected ${v.status}${v.source ? ` (${v.source})` : ''} ${v.messageId}: ${v.message}`);
    if (!verdicts.some((v) => v.status === 'pass'))
        bad.push('no pass verdict');
    return bad;
}
const where = (x) => `${x.file ?? '-'}:${x.line ?? '-'}${x.column !== undefined ? `:${x.column}` : ''}`;
/** What is wrong with a fail case's verdicts: missing and unexpected findings, errors (empty: it holds). */
export function failCaseProblems(c, verdicts) {
    const problems = verdicts.filter((v) => v.status === 'error').map((v) => `unexpected error: ${v.message}`);
    const fails = verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown');
    const withColumn = c.expect.some((e) => e.column !== undefined);
    const withSource = c.expect.some((e) => e.source !== undefined);
    // One verdict per resource: extra locations of the same finding are related locations.
    const got = fails
        .flatMap((v) => [{ v, loc: v.location }, ...(v.relatedLocations ?? []).map((loc) => ({ v, loc }))])
        .map(({ v, loc }) => [
        v.status,
        v.messageId,
        where({ file: loc?.file, line: loc?.startLine, column: withColumn ? loc?.startColumn : undefined }),
        withSource ? (v.source ?? '-') : '',
    ].join(' '));
    const want = c.expect.map((e) => [
        e.status ?? 'fail',
        e.messageId,
        where({ file: e.file, line: e.line, column: withColumn ? e.column : undefined }),
        withSource ? (e.source ?? '-') : '',
    ].join(' '));
    const left = [...got];
    for (const w of want) {
        const i = left.indexOf(w);
        if (i >= 0)
            left.splice(i, 1);
        else
            problems.push(`missing: ${w.trim()}`);
    }
    for (const g of left)
        problems.push(`unexpected: ${g.trim()}`);
    for (const e of c.expect) {
        const v = fails.find((f) => f.location?.startLine === e.line && f.messageId === e.messageId);
        if (e.certainty && v?.certainty !== e.certainty)
            problems.push(`${e.messageId} at line ${e.line}: certainty ${v?.certainty} (expected ${e.certainty})`);
        if (e.dependsOn && JSON.stringify(v?.dependsOn) !== JSON.stringify(e.dependsOn))
            problems.push(`${e.messageId} at line ${e.line}: dependsOn ${JSON.stringify(v?.dependsOn)}`);
    }
    // An undecided verdict always names what it depends on; every finding names a concern.
    for (const v of fails) {
        if (v.status === 'unknown' && !v.dependsOn?.length)
            problems.push(`unknown ${v.messageId} names no input`);
        if (v.concerns.length === 0)
            problems.push(`${v.messageId} has no concern`);
    }
    return problems;
}
export class RuleTester {
    describe;
    it;
    constructor(options = {}) {
        const g = globalThis;
        const describe = options.describe ?? g.describe;
        const it = options.it ?? g.it;
        if (!describe || !it)
            throw new Error('RuleTester needs describe and it: pass them ({ describe, it }) or run under a test framework');
        this.describe = describe;
        this.it = it;
    }
    /** One test per case; a table must have at least one pass and one fail case. */
    run(rule, cases) {
        this.describe(rule.id, () => {
            this.it('has a table of cases with at least one pass and one fail', () => {
                if (!cases.pass.length || !cases.fail.length)
                    throw new Error(`${rule.id}: the table needs at least one pass and one fail case`);
            });
            for (const c of cases.pass)
                this.it(`passes: ${c.name}`, () => {
                    const problems = passCaseProblems(runRuleCase(rule, c));
                    if (problems.length)
                        throw new Error(`${rule.id} / ${c.name}:\n  ${problems.join('\n  ')}`);
                });
            for (const c of cases.fail)
                this.it(`fails: ${c.name}`, () => {
                    const problems = failCaseProblems(c, runRuleCase(rule, c));
                    if (problems.length)
                        throw new Error(`${rule.id} / ${c.name}:\n  ${problems.join('\n  ')}`);
                });
        });
    }
}
//# sourceMappingURL=testing.js.map