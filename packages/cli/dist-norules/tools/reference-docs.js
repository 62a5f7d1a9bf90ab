/**
 * Generated reference pages: `docs/configuration-reference.md` from the config JSON Schema (its
 * descriptions are the documentation), and `docs/permissions.md` from the collectors' own tables (the
 * Kubernetes RBAC of `deploy/rbac.yaml`, the Google Cloud permissions of `docs/gcp-permissions.md`) and the
 * probes' database and Redis access.
 */
const CONFIG_SCHEMA_NOTE = [
    'Every field of `coditect-audit.yaml`, from `schemas/config-v1.json` (which editors use through the',
    '`# yaml-language-server: $schema=...` comment that `coditect-audit init` writes). `<name>` stands for a key',
    'you choose (an environment, a rule id), `[]` for the items of a list. A guided tour with examples is',
    '[configuration.md](configuration.md).',
].join('\n');
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const code = (s) => `\`${s}\``;
/** `string`, `integer 1–65535`, `"a" \| "b"`, `list of string`, `object`, `true \| false \| object`. */
function typeOf(s) {
    if (s.const !== undefined)
        return code(JSON.stringify(s.const));
    if (s.enum)
        return s.enum.map((v) => code(JSON.stringify(v))).join(' | ');
    if (s.anyOf)
        return [...new Set(s.anyOf.map(typeOf))].join(' | ');
    const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
    if (t === 'array')
        return `list of ${s.items ? typeOf(s.items) : 'any'}`;
    if (t === 'object' && s.patternProperties)
        return 'map';
    const range = s.minimum !== undefined || s.maximum !== undefined
        ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}`.replace(/–$/, '+')
        : '';
    const pattern = s.pattern ? ` (${code(s.pattern)})` : '';
    return `${t}${range}${pattern}`;
}
/** Every field, depth first, in schema order; map keys appear as `<name>`, list items as `[]`. */
function rows(s, path, required, out) {
    if (path)
        out.push({ path, type: typeOf(s), required, description: s.description ?? '' });
    for (const [k, child] of Object.entries(s.properties ?? {}))
        rows(child, path ? `${path}.${k}` : k, (s.required ?? []).includes(k), out);
    for (const child of Object.values(s.patternProperties ?? {}))
        rows(child, `${path}.<name>`, false, out);
    if (s.items && (s.items.properties || s.items.anyOf?.some((a) => a.properties)))
        rows(s.items, `${path}[]`, false, out);
    for (const alt of s.anyOf ?? [])
        if (alt.properties)
            rows({ ...alt, description: undefined }, path, false, out);
}
export function renderConfigReference(schema) {
    const all = [];
    rows(schema, '', true, all);
    // A union listed twice (its own row and its object branch) keeps the first row of each path.
    const seen = new Set();
    const unique = all.filter((r) => {
        if (seen.has(r.path))
            return false;
        seen.add(r.path);
        return true;
    });
    const out = [
        '<!-- Generated from the config JSON Schema (packages/core/src/config.ts and layers/) by `pnpm docs`. Do not edit by hand. -->',
        '# Configuration reference',
        '',
        CONFIG_SCHEMA_NOTE,
        '',
        '| field | type | required | description |',
        '|---|---|---|---|',
        ...unique.map((r) => `| ${code(r.path)} | ${cell(r.type)} | ${r.required ? 'yes' : ''} | ${cell(r.description)} |`),
    ];
    return `${out.join('\n')}\n`;
}
export function renderPermissions(input) {
    const roles = [...new Set(input.gcp.map((c) => c.role))].sort();
    const out = [
        '<!-- Generated from packages/collectors (k8s/resources.ts, gcp/api-calls.ts) by `pnpm docs`. Do not edit by hand. -->',
        '# Required permissions',
        '',
        'Every layer only reads. `coditect-audit doctor --env <env>` checks these permissions from where the scan',
        'runs (`testIamPermissions`, `SelfSubjectAccessReview`, environment variables, TCP reachability) and prints',
        'what to fix. A permission that is missing at scan time gives `error` verdicts to exactly the rules that',
        'needed it; it never passes.',
        '',
        '## Repository files (files layer)',
        '',
        'Read access to the checked-out repository. Nothing else.',
        '',
        '## Kubernetes (k8s layer)',
        '',
        'Apply [`deploy/rbac.yaml`](../deploy/rbac.yaml) (generated from the same table, for the namespaces of',
        '[`deploy/configmap.yaml`](../deploy/configmap.yaml)), or `coditect-audit rbac --config FILE --env ENV` for',
        'your own. Secrets are listed only in the scanned namespaces (`layers.k8s.namespaces`): a Role and RoleBinding',
        'in each; everything else is read cluster-wide through a ClusterRole (nodes and ClusterSecretStores have no',
        'namespace). Without `layers.k8s.namespaces` the scan lists Secrets in every namespace, which this RBAC does',
        'not grant: the secret rules then say they could not check (`error`), never pass.',
        '',
        '| scope | API group | resources | verbs |',
        '|---|---|---|---|',
        ...input.rbac.map((r) => `| cluster | ${r.apiGroups.map((g) => code(g || '""')).join(', ')} | ${r.resources.map(code).join(', ')} | ${r.verbs.map(code).join(', ')} |`),
        ...input.secretRbac.map((r) => `| each scanned namespace | ${r.apiGroups.map((g) => code(g || '""')).join(', ')} | ${r.resources.map(code).join(', ')} | ${r.verbs.map(code).join(', ')} |`),
        `| cluster | (non-resource URLs) | ${input.discoveryPaths.map(code).join(', ')} | \`get\` |`,
        '',
        'Listing Secrets returns their values: the collector classifies each value in memory and keeps only key',
        'names and classes (placeholder, example host, superuser name); no value reaches the snapshot, a report or a log.',
        '',
        '## Google Cloud (gcp layer)',
        '',
        `${input.gcp.length} read-only API methods; per rule and per method in [gcp-permissions.md](gcp-permissions.md).`,
        `Predefined roles that cover them (${roles.length}): ${roles.map(code).join(', ')}.`,
        'In the cluster, the CronJob of [`deploy/`](../deploy/) gets them through Workload Identity.',
        '',
        '| permission | role | API method |',
        '|---|---|---|',
        ...[...input.gcp]
            .sort((a, b) => (a.permission < b.permission ? -1 : a.permission > b.permission ? 1 : 0))
            .map((c) => `| ${code(c.permission)} | ${code(c.role)} | ${code(`${c.service}.${c.method}`)} |`),
        '',
        '## Running services (probe layer)',
        '',
        'Credentials are given as environment-variable names only (`passwordEnv`, `usernameEnv`).',
        '',
        '- **PostgreSQL**: a login role with `CONNECT` on the database and nothing else: every query reads the',
        '  system catalogs (`pg_roles`, `pg_auth_members`, `pg_database`, `pg_namespace`, `pg_class`,',
        '  `pg_stat_ssl`) and the `has_*_privilege` functions, which every role may read. The session is read-only',
        '  (`default_transaction_read_only=on`, `BEGIN TRANSACTION READ ONLY`). A dedicated audit role:',
        '',
        '  ```sql',
        "  CREATE ROLE coditect_audit LOGIN PASSWORD '...' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;",
        '  GRANT CONNECT ON DATABASE coditect TO coditect_audit;',
        '  ```',
        '',
        '  Set `appUser` to judge the application role while logging in as the audit role, or `fromSecret` to log',
        "  in as the application with its Kubernetes Secret (then the k8s layer's identity needs `list secrets`",
        '  in that namespace, which `deploy/rbac.yaml` grants).',
        '- **Redis**: the AUTH string when the server requires one (`passwordEnv`); only `PING`, `AUTH` and',
        '  `INFO server` are sent. With Redis ACLs: `-@all +ping +info` (`AUTH` is always allowed).',
        '- **Image registry**: pull access to the images the workloads run (Artifact Registry:',
        '  `roles/artifactregistry.reader` through Application Default Credentials); only manifests and config blobs',
        '  are read, never layers.',
        '- **HTTP(S) endpoints**: network reach only; the probe sends unauthenticated GETs to the health and',
        '  protected paths.',
    ];
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=reference-docs.js.map