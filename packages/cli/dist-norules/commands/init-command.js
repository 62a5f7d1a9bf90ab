/** The yargs command; `setExitCode` receives the exit code (the binary owns `process.exitCode`). */
export function initCommand(setExitCode) {
    return {
        command: 'init',
        describe: 'Write a commented coditect-audit.yaml for this repository',
        builder: (y) => y
            .option('dir', { type: 'string', describe: 'repository to look at (default: .)' })
            .option('config', { type: 'string', describe: 'file to write (default: <dir>/coditect-audit.yaml)' })
            .option('yes', { alias: 'y', type: 'boolean', describe: 'do not ask: use the detected or ADR defaults' })
            .option('force', { type: 'boolean', describe: 'overwrite an existing configuration' })
            .option('project', { type: 'string', describe: 'Google Cloud project id' })
            .option('environments', { type: 'string', describe: 'comma-separated names (default: staging,production)' })
            .option('namespace', {
            type: 'string',
            describe: "the app's Kubernetes namespace",
        }),
        handler: async (args) => {
            const { runInit } = await import('./init.js');
            setExitCode(await runInit(args, { stdin: process.stdin, stderr: process.stderr, env: process.env }));
        },
    };
}
//# sourceMappingURL=init-command.js.map