/**
 * The constants and error classes that need nothing else: no schema, no YAML parser. The CLI's start-up
 * (`--help`, `rules`, issue 19) imports them through this package's `./basics` entry (package.json
 * `exports`), so that it does not build the configuration schema and its validator. Their old homes
 * (config.ts, gate.ts, baseline.ts, snapshot/) re-export them: one class and one constant either way.
 */

/** The exit codes: 0 gate passed, 1 gate failed, 2 incomplete, 3 usage/configuration error, 4 internal error. */
export const EXIT = { passed: 0, failed: 1, incomplete: 2, usage: 3, internal: 4 } as const;

/** The gate's thresholds (`--fail-on`, `gate.failOn`). */
export const FAIL_ON = ['P0', 'P1', 'P2', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Where a concern can be seen (see docs/design/adr-001-concerns.md). */
export const LAYERS = ['files', 'gcp', 'k8s', 'probe'] as const;
export type Layer = (typeof LAYERS)[number];

/** A configuration problem: exit code 3. The message names the file:line, the path and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly file?: string,
    readonly path?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A baseline file that cannot be read or does not match its schema: exit code 3. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}
