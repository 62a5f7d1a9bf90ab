/**
 * The `doctor` command's definition: its options only. main.ts registers it for every invocation, so the
 * command itself (doctor.ts: the configuration, the layers' checks) is imported when `doctor` runs (issue 19).
 */
import { LAYERS } from '@coditect-audit/core/basics';
export function doctorCommand(setExitCode, log) {
    return {
        command: 'doctor',
        describe: 'Check that each configured layer can be scanned (credentials, APIs, permissions, reachability)',
        builder: (y) => y
            .option('env', { type: 'string', describe: 'environment from coditect-audit.yaml' })
            .option('config', { type: 'string', describe: 'config file (default: <dir>/coditect-audit.yaml)' })
            .option('dir', { type: 'string', describe: 'repository (default: .)' })
            .option('context', { type: 'string', describe: 'Kubernetes context' })
            .option('kubeconfig', { type: 'string', describe: 'kubeconfig file' })
            .option('layers', { type: 'string', describe: `check only these layers: ${LAYERS.join(', ')}` })
            .option('verbose', { alias: 'v', type: 'boolean' })
            .option('debug', { type: 'boolean', describe: 'every API call, on stderr' })
            .option('plugin', {
            type: 'string',
            array: true,
            describe: 'load a rule pack (npm package or path); repeatable',
        })
            .option('trust-repo-config', {
            type: 'boolean',
            describe: "trust the scanned directory's own config: its plugins and credentials (never on fork PRs)",
        }),
        handler: async (args) => {
            const logger = log(args);
            const { runDoctor } = await import('./doctor.js');
            setExitCode(await runDoctor(args, { stdout: process.stdout, ...(logger ? { log: logger } : {}) }));
        },
    };
}
//# sourceMappingURL=doctor-command.js.map