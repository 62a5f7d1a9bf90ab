/** A mistake in how the binary was called: exit 3 with the message, no stack trace. */
export declare class UsageError extends Error {
}
/**
 * Fails with a usage error when `path` cannot take what the scan will write there: a folder of reports
 * (`directory`) or one file (`file`). Checked by real path, so a link into /proc is caught too.
 */
export declare function checkOutputPath(path: string, kind: 'directory' | 'file', flag: string): Promise<void>;
/**
 * A report this tool writes into a report folder (every format's file name): its text, or its pieces,
 * produced as they are written so that a large report is never one string in memory.
 */
export type ReportFile = {
    name: string;
    text: string;
} | {
    name: string;
    chunks: () => Iterable<string> | AsyncIterable<string>;
};
/**
 * Writes the reports into a temporary folder beside `dir`, then swaps it in with renames: an interrupted
 * run leaves the previous set or the new one. When the folder cannot be swapped (it holds files that are not
 * reports of ours, or its parent does not let this user rename it, like a sticky /tmp), the reports are
 * staged inside it and each renamed into place: each file whole, old or new.
 */
export declare function writeReportSet(dir: string, files: readonly ReportFile[], ours: ReadonlySet<string>): Promise<void>;
/**
 * One file, written whole: to a temporary name beside it, then renamed. Given pieces, they are written as
 * they come, so a large file is never one string in memory.
 */
export declare function writeFileWhole(path: string, content: string | (() => Iterable<string> | AsyncIterable<string>)): Promise<void>;
/** yargs middleware: `--env a --env b` is refused (exit 3) instead of becoming an array nobody expects. */
export declare function rejectRepeatedFlags(argv: Record<string, unknown>): void;
//# sourceMappingURL=output.d.ts.map