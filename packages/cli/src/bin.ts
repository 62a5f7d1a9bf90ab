#!/usr/bin/env node
/**
 * The `coditect-audit` binary. `--version` answers before anything else loads (CI scripts and package
 * managers call it often); every other command loads the CLI (main.ts).
 */
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  await import('./main.js');
}
