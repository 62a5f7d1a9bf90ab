/**
 * The `init` command's definition: its options only. main.ts registers it for every invocation, so the
 * command itself (init.ts: the config schema, the YAML parser) is imported when `init` runs (issue 19).
 */
import type { CommandModule } from 'yargs';
import type { InitOptions } from './init.js';
interface InitArgs extends InitOptions {
    [key: string]: unknown;
}
/** The yargs command; `setExitCode` receives the exit code (the binary owns `process.exitCode`). */
export declare function initCommand(setExitCode: (code: number) => void): CommandModule<object, InitArgs>;
export {};
//# sourceMappingURL=init-command.d.ts.map