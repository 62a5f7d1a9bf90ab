/**
 * Validators compiled from our JSON Schemas at build time (ajv standalone code), by schema fingerprint
 * (`schemaFingerprint` in validate.ts). In the sources this table is empty and every schema is compiled by
 * ajv when first used; the bundle (scripts/bundle.mjs, which the binary and the package run) replaces this
 * module with the table it generated from the same schemas, so a command never compiles our schemas at
 * start-up (issue 19). `validate` is there at once (small validators a synchronous caller needs, such as
 * the configuration's); `load` imports a large one (the snapshot's) only when asked.
 */
import type { ValidateFunction } from 'ajv';

export interface PrecompiledValidator {
  validate?: ValidateFunction;
  load?: () => Promise<ValidateFunction>;
}

export const PRECOMPILED: ReadonlyMap<string, PrecompiledValidator> = new Map();
