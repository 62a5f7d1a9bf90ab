/**
 * The files-layer floor: what any program that reads this repository's YAML has to do. Walks the tree at
 * argv[2], reads every file, and parses each `.yaml` / `.yml` file with the plain `yaml` package
 * (`parseAllDocuments`, then `toJS` of every document); other files (Dockerfiles, `.tf`) are read only.
 * None of the product's code runs: no classification, positions, redaction, problems, facets, rules or
 * reports. A child process, so its wall time includes Node start-up, like the scan it is compared with.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The same `yaml` release the collectors depend on (the repository root does not depend on it).
const collectors = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/collectors/package.json');
const { parseAllDocuments } = await import(pathToFileURL(createRequire(collectors).resolve('yaml')).href);

const root = process.argv[2];
const entries = await readdir(root, { recursive: true, withFileTypes: true });
let files = 0;
let documents = 0;
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const text = await readFile(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  files++;
  if (!/\.ya?ml$/.test(entry.name)) continue;
  for (const document of parseAllDocuments(text)) {
    document.toJS();
    documents++;
  }
}
process.stdout.write(`${JSON.stringify({ files, documents })}\n`);
