/**
 * Writes docs/rules/<id>.md and docs/rules/README.md from the built-in rules' metadata and cases,
 * and the published JSON Schemas under schemas/. Run with `pnpm docs`; a test fails when they are stale.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedFiles } from './generated.js';
const root = process.argv[2] ?? process.cwd();
const files = await generatedFiles();
await mkdir(join(root, 'docs/rules'), { recursive: true });
for (const f of await readdir(join(root, 'docs/rules'))) {
    if (f.endsWith('.md') && !files.has(`docs/rules/${f}`))
        await rm(join(root, 'docs/rules', f));
}
for (const [path, text] of files) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
}
console.log(`wrote ${files.size} files`);
//# sourceMappingURL=generate-docs.js.map