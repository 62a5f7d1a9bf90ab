/**
 * `coditect-audit doctor --env X`: for each configured live layer, can it be scanned? Credentials found,
 * APIs enabled, permissions held, services reachable; each failed check says exactly what to fix. Every
 * check is read-only. Exit 0 when every configured layer can be scanned, 2 when one cannot.
 */
import { EXIT, resolveExpectations, } from '@coditect-audit/core';
import { LIVE_LAYERS, parseLayers } from '../layers.js';
const MARK = { ok: 'ok  ', fail: 'FAIL', skip: 'skip' };
/** Runs every configured live layer's checks, concurrently. */
export async function diagnoseLayers(args, log) {
    // Loaded here, not at the top: main.ts registers this command for every invocation, and scan.ts brings
    // the rules and collectors with it, which `--help` and `rules` do not need (issue 19).
    const { LAYER_DEADLINE_SECONDS, prepare, withinDeadline } = await import('../scan.js');
    const prep = await prepare({
        ...(args.dir ? { dir: args.dir } : {}),
        ...(args.config ? { config: args.config } : {}),
        ...(args.env ? { env: args.env } : {}),
        ...(args.plugin?.length ? { plugins: args.plugin.map(String) } : {}),
        ...(args.trustRepoConfig ? { trustRepoConfig: true } : {}),
    });
    const only = parseLayers(args.layers);
    const expectations = resolveExpectations(prep.envConfig.expectations);
    const layers = prep.envConfig.layers ?? {};
    const reports = await Promise.all(Object.keys(LIVE_LAYERS)
        .filter((layer) => !only || only.includes(layer))
        .map(async (layer) => {
        const config = layers[layer];
        if (config === undefined)
            return { layer, configured: false, checks: [] };
        const mod = (await LIVE_LAYERS[layer]());
        const seconds = config.deadlineSeconds ?? LAYER_DEADLINE_SECONDS;
        const diagnose = async (layerConfig, label, overrides = true) => (await withinDeadline(seconds * 1000, mod.diagnose({
            root: prep.root,
            environment: prep.environment,
            expectations,
            config: layerConfig,
            // A cluster of a fleet has its own context: --context does not replace it.
            overrides: {
                ...(args.context && overrides ? { k8sContext: args.context } : {}),
                ...(args.kubeconfig ? { kubeconfig: args.kubeconfig } : {}),
            },
            progress: () => { },
            ...(log ? { log: (level, m) => log(level, `${label}: ${m}`) } : {}),
        }))) ?? [
            {
                kind: 'reachable',
                status: 'fail',
                subject: `${label} layer`,
                message: `the checks did not finish within the layer's deadline of ${seconds} s (layers.${layer}.deadlineSeconds)`,
                fix: 'run again with --debug to see the calls still waiting, or raise the deadline',
            },
        ];
        // A fleet of clusters: every context is checked, each check naming its cluster.
        const clusters = layer === 'k8s' ? prep.targets.filter((t) => t.kind === 'cluster') : [];
        if (clusters.length > 0) {
            const perCluster = await Promise.all(clusters.map(async (t) => (await diagnose(t.config, `k8s ${t.name}`, false)).map((c) => ({
                ...c,
                subject: `[${t.name}] ${c.subject}`,
            }))));
            return { layer, configured: true, checks: perCluster.flat() };
        }
        return { layer, configured: true, checks: await diagnose(config, layer) };
    }));
    return { environment: prep.environment, reports };
}
/** The report as text: one line per check, the fix under each failed one, a verdict per layer. */
export function renderDoctor(environment, reports) {
    const out = [`coditect-audit doctor: environment ${environment}`, ''];
    for (const r of reports) {
        if (!r.configured) {
            out.push(`${r.layer}: not configured (layers.${r.layer} is not set for ${environment})`, '');
            continue;
        }
        const failed = r.checks.filter((c) => c.status === 'fail').length;
        out.push(`${r.layer}: ${failed ? `CANNOT be fully scanned (${failed} failed check${failed > 1 ? 's' : ''})` : 'can be scanned'}`);
        for (const c of r.checks) {
            out.push(`  ${MARK[c.status]} ${c.kind.padEnd(11)} ${c.subject}: ${c.message}`);
            if (c.status === 'fail' && c.fix)
                out.push(`       fix: ${c.fix}`);
        }
        out.push('');
    }
    if (reports.every((r) => !r.configured))
        out.push('No live layer is configured: `scan` reads the repository files only.', '');
    return `${out.join('\n')}`;
}
export async function runDoctor(args, io) {
    const { environment, reports } = await diagnoseLayers(args, io.log);
    io.stdout.write(renderDoctor(environment, reports));
    return reports.some((r) => r.checks.some((c) => c.status === 'fail')) ? EXIT.incomplete : EXIT.passed;
}
//# sourceMappingURL=doctor.js.map