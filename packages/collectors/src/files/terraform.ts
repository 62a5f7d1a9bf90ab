/** OpenTofu / Terraform configuration files (`.tf`): blocks with positions, and inline suppressions. */
import type { TfFile } from '@coditect-audit/core';
import { FileParseError } from './errors.js';
import { parseHcl } from './hcl.js';
import { findInlineIgnores } from './ignores.js';

/** Parses one `.tf` file; throws FileParseError (1-based line and column) when it is not valid HCL. */
export function parseTerraform(file: string, text: string): TfFile {
  const body = parseHcl(text);
  // A configuration file holds only blocks; an attribute at top level is a `.tfvars` file misnamed.
  const stray = Object.values(body.attributes).sort((a, b) => a.line - b.line || a.column - b.column)[0];
  if (stray) {
    throw new FileParseError(
      `attribute "${stray.name}" at the top level: a .tf file holds only blocks (resource, module, variable...); variable values belong in a .tfvars file`,
      stray.line,
      stray.column,
    );
  }
  return { file, blocks: body.blocks, ignores: findInlineIgnores(file, text) };
}
