/**
 * The files-layer floor: read every file of the tree at argv[2] and parse it with the collector's own
 * parsers, nothing else (no discovery rules, ignores, problems, facets, rules or reports). Run as a child
 * process so its wall time includes Node start-up and module loading, like the scan it is compared with.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  classifyPath,
  parseDockerfile,
  parseKubernetes,
  parseMarkdown,
  parseTerraform,
  parseTfState,
  parseWorkflow,
} from '../packages/collectors/dist/index.js';

const PARSERS = {
  dockerfile: parseDockerfile,
  kubernetes: parseKubernetes,
  workflows: parseWorkflow,
  terraform: parseTerraform,
  tfstate: parseTfState,
  markdown: parseMarkdown,
};

const root = process.argv[2];
const entries = await readdir(root, { recursive: true, withFileTypes: true });
let parsed = 0;
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const full = join(entry.parentPath ?? entry.path, entry.name);
  const path = relative(root, full).replaceAll('\\', '/');
  const kind = classifyPath(path);
  if (!kind) continue;
  const text = await readFile(full, 'utf8');
  if (PARSERS[kind](path, text)) parsed++;
}
process.stdout.write(`${JSON.stringify({ parsed })}\n`);
