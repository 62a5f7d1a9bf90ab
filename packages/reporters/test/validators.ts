/**
 * The consumers' own rules, applied in tests: the official SARIF 2.1.0 schema (draft-04, with formats
 * such as `uri-reference` checked) and Jenkins' junit-10.xsd through libxml2 (xmllint-wasm).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ajv04Module from 'ajv-draft-04';
import * as addFormatsModule from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const schemaDir = fileURLToPath(new URL('../../../schemas/vendor/', import.meta.url));

// Both packages are CommonJS with a `default` export: depending on the interop the class (plugin) is
// the module's `default` or its `default.default`.
type Ajv04 = ajv04Module.default;
type Ajv04Class = new (options: ajv04Module.Options) => Ajv04;
type AddFormats = (ajv: Ajv04) => Ajv04;
function interop<T>(module: unknown): T {
  const first = (module as { default?: unknown }).default ?? module;
  return ((first as { default?: unknown }).default ?? first) as T;
}
const Ajv04 = interop<Ajv04Class>(ajv04Module);
const addFormats = interop<AddFormats>(addFormatsModule);

// The schema's language-tag pattern is not valid under the `u` flag, hence unicodeRegExp: false.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const sarifSchema = JSON.parse(readFileSync(`${schemaDir}sarif-2.1.0.schema.json`, 'utf8')) as object;
const validateSarifLog = ajv.compile(sarifSchema);

/** Schema errors of a SARIF text, as readable lines; empty when valid. */
export function sarifErrors(text: string): string[] {
  const log = JSON.parse(text) as unknown;
  if (validateSarifLog(log)) return [];
  return (validateSarifLog.errors ?? []).map(
    (e: ajv04Module.ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

const junitXsd = readFileSync(`${schemaDir}junit.xsd`, 'utf8');

/** XSD errors of JUnit documents (validated in one xmllint run); empty when all are valid. */
export async function junitErrors(documents: readonly string[]): Promise<string[]> {
  if (!documents.length) return [];
  const result = await validateXML({
    xml: documents.map((contents, i) => ({ fileName: `report-${i}.xml`, contents })),
    schema: [{ fileName: 'junit.xsd', contents: junitXsd }],
    // Large generated reports need more than the default 32 MiB.
    maxMemoryPages: 16 * 1024,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
