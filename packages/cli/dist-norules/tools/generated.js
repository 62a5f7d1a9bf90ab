/** Everything generated from code: rule pages, the rules index, and the published JSON Schemas. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONCERNS, ConfigSchema, parseConfig, ScanResultSchema, SnapshotSchema } from '@coditect-audit/core';
import { builtinRules } from '@coditect-audit/rules';
import { loadBuiltinCases, renderRuleDoc } from '../docs.js';
import { CONCERN_CATALOG_DOC, renderConcernCatalog } from './adr-docs.js';
/** layers.k8s.namespaces of the in-cluster environment that deploy/configmap.yaml holds. */
export async function inClusterNamespaces(root = join(import.meta.dirname, '../../../..')) {
    const { parse } = await import('yaml');
    const cm = parse(await readFile(join(root, 'deploy/configmap.yaml'), 'utf8'));
    const config = parseConfig(cm.data['coditect-audit.yaml'], 'deploy/configmap.yaml');
    const k8s = config.environments['in-cluster']?.layers?.k8s;
    const namespaces = typeof k8s === 'object' ? k8s.namespaces : undefined;
    if (!namespaces?.length)
        throw new Error('deploy/configmap.yaml: the in-cluster environment names no layers.k8s.namespaces');
    return namespaces;
}
/** `cases` defaults to the tables shipped in the built rules package. */
export async function generatedFiles(cases, root = join(import.meta.dirname, '../../../..')) {
    cases ??= await loadBuiltinCases();
    const out = new Map();
    // The concern catalog's tables, from core's ADR-001 data (the prose around them is the document's).
    out.set(CONCERN_CATALOG_DOC, renderConcernCatalog(await readFile(join(root, CONCERN_CATALOG_DOC), 'utf8')));
    for (const rule of builtinRules)
        out.set(`docs/rules/${rule.id}.md`, renderRuleDoc(rule, cases.get(rule.id)));
    const index = [
        '<!-- Generated from packages/rules by `pnpm docs`. Do not edit by hand. -->',
        '# Rules',
        '',
        `${builtinRules.length} built-in rules, by ADR-001 concern.`,
        '',
        '| concern | rule | layer | priority | title |',
        '|---|---|---|---|---|',
    ];
    for (const c of CONCERNS) {
        for (const r of builtinRules.filter((x) => x.concerns.includes(c.key))) {
            const pr = Object.entries(r.priority.environments ?? {})
                .map(([e, p]) => ` (${e}: ${p})`)
                .join('');
            const layers = r.sources ? [...new Set(r.sources.map((s) => s.layer))].join(', ') : r.layer;
            index.push(`| \`${c.key}\` | [${r.id}](${r.id}.md) | ${layers} | ${r.priority.default}${pr} | ${r.title} |`);
        }
    }
    // Old ids stay aliases (config, suppressions, baselines); their pages point at the rule that took them over,
    // so links in reports written before the merge still lead somewhere.
    const aliased = builtinRules.flatMap((r) => (r.sources ?? []).flatMap((s) => (s.alias ? [{ alias: s.alias, rule: r, source: s.name }] : [])));
    if (aliased.length) {
        index.push('', '## Aliases', '', 'Former rule ids, kept as aliases of the rule that judges their source now.', '');
        index.push('| former id | rule | source |', '|---|---|---|');
        for (const a of aliased.sort((x, y) => (x.alias < y.alias ? -1 : 1))) {
            index.push(`| \`${a.alias}\` | [${a.rule.id}](${a.rule.id}.md) | \`${a.source}\` |`);
            out.set(`docs/rules/${a.alias}.md`, [
                '<!-- Generated from packages/rules by `pnpm docs`. Do not edit by hand. -->',
                `# ${a.alias}`,
                '',
                `\`${a.alias}\` is now the \`${a.source}\` source of [${a.rule.id}](${a.rule.id}.md) (${a.rule.title}). The old id stays an alias: configuration overrides, suppressions and baselines that name it keep applying to that source.`,
                '',
            ].join('\n'));
        }
    }
    out.set('docs/rules/README.md', `${index.join('\n')}\n`);
    out.set('schemas/config-v1.json', `${JSON.stringify(ConfigSchema, null, 2)}\n`);
    // The CLI package ships the config schema for editors (`$schema=./node_modules/coditect-audit/schemas/...`).
    out.set('packages/cli/schemas/config-v1.json', `${JSON.stringify(ConfigSchema, null, 2)}\n`);
    out.set('schemas/snapshot-v2.json', `${JSON.stringify(SnapshotSchema, null, 2)}\n`);
    out.set('schemas/scan-result-v1.json', `${JSON.stringify(ScanResultSchema, null, 2)}\n`);
    // The k8s collector's read-only RBAC, from its own table of resources (light import: no client).
    // Secrets only in the namespaces the in-cluster configuration scans (deploy/configmap.yaml).
    out.set('deploy/rbac.yaml', (await import('@coditect-audit/collectors/k8s')).rbacManifest({
        secretNamespaces: await inClusterNamespaces(root),
        source: 'deploy/configmap.yaml',
    }));
    // The gcp layer's IAM permissions per rule and a minimal role set (light import: no client).
    out.set('docs/gcp-permissions.md', (await import('@coditect-audit/collectors/gcp')).renderGcpPermissions(builtinRules));
    // Reference pages: every config field from the schema; every permission from the collectors' tables.
    const { renderConfigReference, renderPermissions } = await import('./reference-docs.js');
    out.set('docs/configuration-reference.md', renderConfigReference(ConfigSchema));
    const k8s = await import('@coditect-audit/collectors/k8s');
    const { gcpApiCalls } = await import('@coditect-audit/collectors/gcp');
    out.set('docs/permissions.md', renderPermissions({
        rbac: k8s.rbacRules(),
        secretRbac: k8s.rbacSecretRules(),
        discoveryPaths: k8s.K8S_DISCOVERY_PATHS,
        gcp: Object.values(gcpApiCalls()),
    }));
    return out;
}
//# sourceMappingURL=generated.js.map