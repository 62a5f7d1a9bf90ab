/**
 * docs/design/adr-001-concerns.md: its tables are generated from core's ADR-001 data (packages/core/src/
 * concerns.ts), the one place the catalog is edited; the prose around them is the document's own.
 */
import { ADR_001, CONCERNS, RETIRED_CONCERNS } from '@coditect-audit/core';
export const CONCERN_CATALOG_DOC = 'docs/design/adr-001-concerns.md';
/** A Markdown table cell: a pipe would end it, a line break would end the row. */
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
function priorityText(c) {
    const production = c.priority.environments?.production;
    return production ? `${c.priority.default} → ${production}` : c.priority.default;
}
function sectionsOf(c) {
    return c.adrSection
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
export function renderConcernTable() {
    return [
        '| key | statement that must hold | ADR section | layers | priority | split from |',
        '|---|---|---|---|---|---|',
        ...CONCERNS.map((c) => `| \`${c.key}\` | ${cell(c.statement)} | ${cell(c.adrSection)} | ${c.layers.join(', ')} | ${priorityText(c)} | ${c.splitFrom ? `\`${c.splitFrom}\`` : ''} |`),
    ].join('\n');
}
/**
 * Why some keys are younger than others: the keys that bundled several checks until issue 18, what each
 * kept and where the rest went, so a finding or a note filed under the old key can be followed.
 */
export function renderSplitTable() {
    const originals = [...new Set(CONCERNS.flatMap((c) => (c.splitFrom ? [c.splitFrom] : [])))];
    const retired = new Map(RETIRED_CONCERNS.map((r) => [r.key, r]));
    const code = (keys) => keys.map((k) => `\`${k}\``).join(', ');
    return [
        'Until issue 18 some keys bundled several checks, each made by a different rule (one key covered the',
        'cluster setting and both halves of a binding, another the server and the client). Issue 18 made the',
        'catalog atomic: one verifiable statement per key, checked by exactly one rule. A key that bundled checks',
        'kept the one its name says, with its statement narrowed to it; each other check got a key of its own',
        '(column "split from" below). A key whose name was none of its checks is retired and lists where they went.',
        '',
        '| key before issue 18 | now | checks moved to |',
        '|---|---|---|',
        ...originals.map((key) => {
            const old = retired.get(key);
            const moved = CONCERNS.filter((c) => c.splitFrom === key).map((c) => c.key);
            return old
                ? `| \`${key}\` | retired: ${cell(old.why)} | ${code(old.splitInto)} |`
                : `| \`${key}\` | kept: ${cell(CONCERNS.find((c) => c.key === key).statement)} | ${code(moved)} |`;
        }),
    ].join('\n');
}
export function renderSectionTable() {
    return [
        '| section | title | ADR-001 says | concerns |',
        '|---|---|---|---|',
        ...ADR_001.sections.map((s) => {
            const keys = CONCERNS.filter((c) => sectionsOf(c).includes(s.key)).map((c) => `\`${c.key}\``);
            return `| ${cell(s.key)} | ${cell(s.title)} | ${cell(s.says)} | ${keys.length ? keys.join(', ') : '–'} |`;
        }),
    ].join('\n');
}
const BLOCKS = {
    splits: renderSplitTable,
    concerns: renderConcernTable,
    sections: renderSectionTable,
};
/**
 * The document with each `<!-- generated:NAME -->` … `<!-- /generated:NAME -->` block rewritten from the
 * data; throws when a block's markers are missing (a hand edit removed them).
 */
export function renderConcernCatalog(current) {
    let out = current;
    for (const [name, render] of Object.entries(BLOCKS)) {
        const open = `<!-- generated:${name} (from packages/core/src/concerns.ts by \`pnpm docs\`; edit it there) -->`;
        const close = `<!-- /generated:${name} -->`;
        const start = out.indexOf(open);
        const end = out.indexOf(close);
        if (start < 0 || end < start)
            throw new Error(`${CONCERN_CATALOG_DOC}: the markers of the generated ${name} table are missing:\n${open}\n${close}`);
        out = `${out.slice(0, start + open.length)}\n${render()}\n${out.slice(end)}`;
    }
    return out;
}
//# sourceMappingURL=adr-docs.js.map