/**
 * Validators compiled from our JSON Schemas at build time (ajv standalone code), by schema fingerprint
 * (`schemaFingerprint` in validate.ts). In the sources this table is empty and every schema is compiled by
 * ajv when first used; the bundle (scripts/bundle.mjs, which the binary and the package run) replaces this
 * module with the table it generated from the same schemas, so a command never compiles our schemas at
 * start-up (issue 19). `load` imports one only when asked (`compileLazily`, `loadValidators`), so a command
 * that validates nothing loads none; `validate`, when present, is there at once.
 */
import type { ValidateFunction } from 'ajv';

export interface PrecompiledValidator {
  validate?: ValidateFunction;
  load?: () => Promise<ValidateFunction>;
}

export const PRECOMPILED: ReadonlyMap<string, PrecompiledValidator> = new Map();

/**
 * The entry of `PRECOMPILED` for one of core's own schema objects, found without computing its fingerprint:
 * the bundle's table knows which fingerprint each of them has (it computed them from those objects). None
 * in the sources.
 */
export function precompiledOf(_schema: object): PrecompiledValidator | undefined {
  return undefined;
}
