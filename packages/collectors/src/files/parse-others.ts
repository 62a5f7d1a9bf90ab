/**
 * The files layer's parsers of every kind but Kubernetes YAML (Dockerfiles, workflows, Terraform and its
 * variables, state, Markdown) and its steps across files (Terraform's evaluation, the image builds, kustomize
 * patches): about 110 kB of code that `collectFilesWithScope` (./collect.ts) loads only when the repository
 * has a file to read, so that scanning an empty repository (or one whose files are all left out) never
 * compiles it. `collectFilesFromMemory` (./memory.ts) imports it directly.
 */
import type { FilesFacets } from '@coditect-audit/core';
import { FACET_OF, type FilesFacetName } from './collect.js';
import type { SourceFile } from './discover.js';
import { parseDockerfile } from './dockerfile.js';
import { FileParseError } from './errors.js';
import { parseHcl } from './hcl.js';
import { parseMarkdown } from './markdown.js';
import { parseTerraform } from './terraform.js';
import type { TfVarsFile } from './tf-eval.js';
import { normalizeText } from './text.js';
import { parseTfState } from './tfstate.js';
import { parseWorkflow } from './workflows.js';
import { withParsedFile } from '../parsed.js';
import { redactTree } from '../redact.js';

export { cloudBuildReferences } from './cloud-build.js';
export { cloudBuildConfigs, deployPinnedImages, dockerActions, imageBuilds } from './image-builds.js';
export { kustomizePatchFiles, renderPatch } from './kustomize.js';
export { evaluateTerraform } from './tf-eval.js';

/**
 * One file that is not Kubernetes YAML, parsed (or the error its parse threw, reported where it was), and
 * `finished`: redacted and with its parsed parts, where that does not wait for the other files.
 */
export type OtherParse =
  | { kind: 'dockerfile'; value: FileOf<'files.dockerfile'>; finished?: FileOf<'files.dockerfile'> }
  | { kind: 'workflows'; value: FileOf<'files.workflows'>; finished?: FileOf<'files.workflows'> }
  | { kind: 'terraform'; value: FileOf<'files.terraform'>; finished?: undefined }
  | { kind: 'tfvars'; value: TfVarsFile }
  | { kind: 'tfstate'; value: FileOf<'files.tfstate'>; finished?: FileOf<'files.tfstate'> }
  | { kind: 'markdown'; value: FileOf<'files.markdown'>; finished?: FileOf<'files.markdown'> }
  | { error: unknown };

/**
 * The collector's last steps for one file, done as soon as it is parsed (while the workers parse the
 * Kubernetes YAML) instead of after every file: its redaction (one file at a time for these facets) and
 * its parsed parts. Not Terraform, which is evaluated across files first. A Dockerfile's facet is redacted
 * whole when the repository builds images; `buildFacets` then takes the Dockerfile as read.
 */
export function finishedOther(other: OtherParse): OtherParse {
  if ('error' in other || other.kind === 'terraform' || other.kind === 'tfvars') return other;
  try {
    return { ...other, finished: withParsedFile(FACET_OF[other.kind], redactTree(other.value)) } as OtherParse;
  } catch {
    // Left to the last steps, which meet the same failure as they always did.
    return other;
  }
}
export type FileOf<K extends FilesFacetName> = FilesFacets[K]['files'][number];

export function parseOther({ path, kind, text }: SourceFile): OtherParse {
  try {
    const source = normalizeText(text);
    switch (kind) {
      case 'dockerfile':
        return { kind, value: parseDockerfile(path, source) };
      case 'workflows':
        return { kind, value: parseWorkflow(path, source) };
      case 'terraform':
        if (path.endsWith('.tfvars')) return { kind: 'tfvars', value: { file: path, body: parseHcl(source) } };
        if (path.endsWith('.tfvars.json')) return { kind: 'tfvars', value: parseJsonVars(path, source) };
        return { kind, value: parseTerraform(path, source) };
      case 'tfstate':
        return { kind, value: parseTfState(path, source) };
      case 'markdown':
        return { kind, value: parseMarkdown(path, source) };
      default:
        throw new Error(`not a kind parsed here: ${kind}`);
    }
  } catch (error) {
    return { error };
  }
}

/** `terraform.tfvars.json` / `*.auto.tfvars.json`: a JSON object of variable values (no positions: line 1). */
function parseJsonVars(path: string, source: string): TfVarsFile {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    throw new FileParseError(`not valid JSON: ${(e as Error).message}`, 1, 1);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FileParseError('a .tfvars.json file holds one JSON object of variable values', 1, 1);
  const attributes = Object.fromEntries(
    Object.entries(value).map(([name, v]) => [name, { name, value: v, line: 1, column: 1 }]),
  );
  return { file: path, body: { attributes, blocks: [] } };
}
