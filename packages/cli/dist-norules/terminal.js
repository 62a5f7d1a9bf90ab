/** How the binary talks to a terminal: colour, width, and the list of its commands. */
/**
 * `--color` forces colour and `--no-color` refuses it, whatever the environment (a command-line flag beats
 * NO_COLOR, as no-color.org asks); then NO_COLOR, FORCE_COLOR, and a terminal on stdout.
 */
export function useColor(flag, env = process.env, tty = process.stdout.isTTY) {
    if (flag !== undefined)
        return flag;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.FORCE_COLOR && env.FORCE_COLOR !== '0')
        return true;
    return Boolean(tty);
}
/** The console report's width: 100 columns, or the terminal's when it is narrower. */
export function consoleWidth() {
    const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
    return columns && columns >= 40 ? Math.min(columns, 100) : 100;
}
/** Every command, for the message a bare `coditect-audit` prints (test/cli.test.ts checks it against --help). */
export const COMMANDS = [
    'scan',
    'collect',
    'merge',
    'rules',
    'explain',
    'rbac',
    'init',
    'doctor',
    'completion',
];
//# sourceMappingURL=terminal.js.map