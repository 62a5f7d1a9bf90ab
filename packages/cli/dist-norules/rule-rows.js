/** A rule over a view lists the layers of its sources (`files,k8s`); any other rule its own layer. */
export function ruleRows(rules) {
    return rules.map((r) => [
        r.id,
        r.priority.default,
        r.sources ? [...new Set(r.sources.map((s) => s.layer))].join(',') : r.layer,
        r.title,
    ]);
}
//# sourceMappingURL=rule-rows.js.map