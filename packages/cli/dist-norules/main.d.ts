interface ScanArgs {
    env?: string;
    config?: string;
    dir?: string;
    snapshot?: string | string[];
    failOnTarget?: string | string[];
    format?: string | string[];
    outputDir: string;
    failOn?: string;
    baseline?: string;
    writeBaseline?: string;
    allowIncomplete?: boolean;
    strict?: boolean;
    sarifIncludeSuppressed?: boolean;
    includePasses?: boolean;
    timestamps?: boolean;
    color?: boolean;
    context?: string;
    kubeconfig?: string;
    quiet?: boolean;
    layers?: string;
    verbose?: boolean;
    debug?: boolean;
    plugin?: string[];
    trustRepoConfig?: boolean;
    upload?: string;
}
/**
 * The options of `scan` that `plainScanArgs` reads without yargs, from `SCAN_OPTIONS`: each flag (boolean) or
 * option with one value, by its name on the command line. What repeats (`--plugin`) is left to yargs. A test
 * parses every one both ways and compares (test/plain-scan-args.test.ts).
 */
export declare const PLAIN_SCAN_OPTIONS: Readonly<Record<string, 'flag' | 'value'>>;
/**
 * `scan` followed only by options of PLAIN_SCAN_OPTIONS, each once, written `--name value`, `--flag`, `-q` or
 * `-v` (a value neither empty nor starting with `-`): the options yargs would hand the command, without
 * running yargs (parsing, validating and building the command took about 6 ms of an empty scan's ~125 ms of
 * CPU). Anything else — help, completion, `--name=value`, `--no-flag`, a repeat, a positional, an unknown
 * or misspelt option — returns undefined, and yargs parses the line as before, with its messages and exit codes.
 */
export declare function plainScanArgs(argv: readonly string[]): ScanArgs | undefined;
/** What yargs hands the `scan` command for `argv` (undefined when it runs no scan): for the test of `plainScanArgs`. */
export declare function scanArgsByYargs(argv: string[]): Promise<ScanArgs | undefined>;
/**
 * An exception no code path caught (a library's stream emitting an unhandled 'error', a timer of a plugin) is
 * a bug: exit 4, never Node's default 1, which CI would read as a failed gate.
 */
export declare function internalError(err: unknown): number;
/** Runs one command line (without `node` and the script) and returns its exit code; never throws. */
export declare function run(argv: string[]): Promise<number>;
export {};
//# sourceMappingURL=main.d.ts.map