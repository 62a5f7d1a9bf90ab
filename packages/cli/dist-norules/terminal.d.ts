/** How the binary talks to a terminal: colour, width, and the list of its commands. */
/**
 * `--color` forces colour and `--no-color` refuses it, whatever the environment (a command-line flag beats
 * NO_COLOR, as no-color.org asks); then NO_COLOR, FORCE_COLOR, and a terminal on stdout.
 */
export declare function useColor(flag: boolean | undefined, env?: NodeJS.ProcessEnv, tty?: boolean): boolean;
/** The console report's width: 100 columns, or the terminal's when it is narrower. */
export declare function consoleWidth(): number;
/** Every command, for the message a bare `coditect-audit` prints (test/cli.test.ts checks it against --help). */
export declare const COMMANDS: readonly ["scan", "collect", "merge", "rules", "explain", "rbac", "init", "doctor", "completion"];
//# sourceMappingURL=terminal.d.ts.map